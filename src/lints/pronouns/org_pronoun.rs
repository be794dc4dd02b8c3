use crate::declare_lint;
use crate::document::Document;
use crate::finding::Applicability;
use crate::lint::{BuildCx, Ctx, Lint, RuleInfo};

use super::entities::{cls, has_class, reported_org_end, Analysis, Case, GivenNames, Mention, MentionKind, Precheck, Shared};

declare_lint! {
    /// ## What it does
    ///
    /// Flags "he", "she", "his" or "her" that refers to an organisation:
    /// "the agency said that she expected", "In her annual report, the
    /// agency said", and offers "it"/"its" as an unsafe fix.
    ///
    /// ## Why is this bad?
    ///
    /// Machine translation from languages that drop subjects or have no
    /// gendered pronouns fills in "he" or "she" for an agency, ministry or
    /// company. English uses "it" (or "they"), and the gendered pronoun makes
    /// readers look for a person who is not there.
    ///
    /// ## Example
    ///
    /// ```text
    /// The statistics agency said that she expected 300 jobs to be lost.
    /// ```
    ///
    /// Use instead: `The statistics agency said that it expected ...`
    ///
    /// ## How it works
    ///
    /// Organisations are noun phrases headed by agency, ministry, government,
    /// service, company, committee, party, council, court, bank, bureau,
    /// office, commission, airline and similar words ("the audit agency",
    /// "National Intelligence Service", "British Airways"), and names after
    /// "of" or "for" that complete such a head or "Center" ("the Ministry of
    /// Social Affairs", "the Center for Volcanology", also with a portfolio
    /// after "and": "the Ministry of Education and Culture"), and names
    /// opened by an organisation word of another language ("Banco
    /// Montealto", "Universiti Sains"). Seven configurations are checked:
    /// (1) the organisation, a reporting verb and an optional "that" directly
    /// before "he"/"she" ("the agency said that she"), also with up to three
    /// words before "that" ("said on Monday that she") and a relative clause
    /// or an apposition after the organisation ("The agency, which monitors
    /// food safety, said she", "The authority, known as DMA, said he") or an
    /// acronym in brackets ("The Electoral Commission (ELCOM)
    /// said she"), a participle of speech after the verb's comma ("said on
    /// Saturday, adding that she") or the verb after "and" when the
    /// organisation opens the sentence ("The bank held its rate and said
    /// she"); (2) a sentence opening with a preposition and "his"/"her"
    /// whose subject, after the comma, is the organisation ("In her annual
    /// report, the agency said"); (3) the organisation as subject and
    /// "his"/"her" later in the same clause with no person between ("The
    /// ministry published her report"); (4) a subject pronoun opening its
    /// sentence when the sentence before opens with the organisation as its
    /// subject, in the same paragraph ("The company reported a loss. She
    /// blamed higher prices"); (5) a subject pronoun opening a clause of a
    /// sentence whose subject is the organisation and that names nobody
    /// else, after a clause opener, a word opening an indirect question
    /// ("refused to say how much she wants", "whether she") or a plural
    /// noun, with no other pronoun between ("The company cut its forecast
    /// because she expects weaker demand"; "the government is refusing to
    /// release prisoners she calls criminals"); (6) a subject pronoun after a participle of speech and
    /// its comma ("saying", "adding", "noting" ...) in a sentence that opens
    /// with the organisation as its subject and names nobody else before the
    /// pronoun ("The bank raised rates, saying he expected inflation to
    /// ease"); (7) a possessive in a clause that "It" opens, when the
    /// nearest sentence before that names anyone (one or two back, in the
    /// same paragraph) has an organisation as its subject ("The company said
    /// profit rose. It raised his target"). An organisation is the subject when a verb follows it,
    /// also after an auxiliary ("The company has given") or a prepositional
    /// phrase ("The commission into the building industry will hold").
    ///
    /// It abstains when a person of the pronoun's gender or of unknown gender
    /// is named in the sentence or the three before it (not the person a
    /// possessive names: "the bank raised rates, and her governor"; the pronoun may be a
    /// detainee or an official: "The ministry said she had been released");
    /// a person counts as the other gender when the pronouns linked to them
    /// agree on it ("Sam Rivera said he was leaving"), or, outside any
    /// cluster, when the first pronoun after them in their sentence is of it
    /// (or, for the one person and subject of a sentence, a subject pronoun
    /// opening the next sentence before anyone else is named);
    /// when a gendered noun or an unlinked pronoun of that gender is in the
    /// sentence or the two before it, when a person or gendered noun of that
    /// gender appears in the eight sentences before, when the pronoun is
    /// linked to a person, inside quotations, and for generic "he or she".
    ///
    /// Names ending in a company word ("Tarrow Energy", "Tata Motors") are
    /// organisations, and places ending in a place word ("the Tarra Strip")
    /// are not persons who could be meant; the holder of a titled office
    /// may be ("The Prime Minister's Office said she" is not flagged).
    ///
    /// ## Known problems
    ///
    /// A person referred to only as "the minister" or by a bare surname far
    /// back can still be the real antecedent. Organisations named only by an
    /// acronym ("the NIS") are not recognised. "Her Majesty's Government"
    /// style phrases are fine, since the pronoun comes first without an
    /// opening preposition.
    pub static ORG_PRONOUN = {
        name: "org-pronoun",
        family: "pronouns",
        severity: Warning,
        status: Preview,
        fix: Some(Applicability::Unsafe),
        english_only: true,
    };
}

#[derive(Default)]
pub struct OrgPronoun {
    names: std::sync::Arc<GivenNames>,
}

impl OrgPronoun {
    pub fn build(cx: &BuildCx) -> Result<Box<dyn Lint>, String> {
        if let Some(key) = cx.options.keys().next() {
            return Err(format!("unknown option `{key}` (this lint has no options)"));
        }
        Ok(Box::new(OrgPronoun {
            names: GivenNames::shared(cx.lexicons_for(super::pronoun_drift::PRONOUN_DRIFT.name))?,
        }))
    }
}

fn is(t: &str, class: u32) -> bool {
    has_class(t, class)
}

impl Lint for OrgPronoun {
    fn rules(&self) -> Vec<RuleInfo> {
        vec![RuleInfo::from(&ORG_PRONOUN)]
    }

    fn check(&self, doc: &Document, cx: &mut Ctx) {
        if !Precheck::of(doc, &self.names).org {
            return;
        }
        let shared = Shared::of(doc, &self.names);
        let Some(a) = &shared.0 else { return };
        let candidates: Vec<Option<&Mention>> = (0..a.pronouns.len())
            .map(|pi| {
                let p = &a.pronouns[pi];
                if !p.usable || a.links[pi].is_some() || p.case == Case::Reflexive {
                    return None;
                }
                self.organisation(doc, a, pi)
            })
            .collect();
        for (pi, p) in a.pronouns.iter().enumerate() {
            let Some(org) = candidates[pi] else { continue };
            // Persons who could be meant instead.
            let from = p.sent.saturating_sub(3);
            let person = (from..=p.sent).any(|s| {
                a.sentence_mentions(s).iter().any(|m| {
                    // The speaker of an inverted attribution after the
                    // pronoun (", said Park.") reports, and is not meant.
                    let reporter =
                        s == p.sent && m.first > p.tok && m.first.checked_sub(1).is_some_and(|j| is(a.text(doc, j), cls::ORG_REPORTING));
                    // A person of the other gender, by evidence or by the
                    // pronouns that refer to them, is not meant.
                    // The person a possessive names ("her governor") is
                    // not its antecedent.
                    let possessed = s == p.sent && p.case == Case::Possessive && (p.tok + 1..=p.tok + 2).contains(&m.first);
                    // "In her ruling, the court said that Ruiz ...": after
                    // the organisation that is the subject after the
                    // opening phrase, a name is in its predicate.
                    let predicate = s == p.sent && org.first > p.tok && m.first > org.last;
                    matches!(m.kind, MentionKind::Person(_) | MentionKind::Anon(_))
                        && a.leaning_gender(m, pi) != Some(p.gender.other())
                        && !reporter
                        && !possessed
                        && !predicate
                })
            });
            // "The Prime Minister's Office said she": the office holder
            // may be meant.
            let holder = (org.first.saturating_sub(3)..=org.last).any(|j| {
                let w = a.text(doc, j);
                let stem = w.strip_suffix("'s").or_else(|| w.strip_suffix("\u{2019}s"));
                stem.is_some_and(|st| is(st, cls::TITLES) || is(st, cls::ROLE_TITLES) || is(st, cls::ROLE_TITLES << 1))
            });
            if person
                || holder
                || a.gender_present(p.gender, p.sent.saturating_sub(2), p.sent, None, None, &|q| {
                    q == pi || candidates.get(q).is_some_and(Option::is_some)
                })
                || a.gendered_mention(p.gender, p.sent.saturating_sub(8), p.sent, None, None)
            {
                continue;
            }
            let pro = doc.text(p.span);
            let lower = pro.to_lowercase();
            let replacement = match (lower.as_str(), p.case) {
                ("his", _) | ("her", Case::Possessive) => "its",
                ("hers", _) => "its",
                _ => "it",
            };
            let replacement = if pro.chars().next().is_some_and(char::is_uppercase) {
                let mut c = replacement.chars();
                c.next().map(|f| f.to_uppercase().chain(c).collect()).unwrap_or_default()
            } else {
                replacement.to_string()
            };
            // The whole name of "the Institute for Volcanology", whose
            // mention is the words after "for".
            // (Also over a portfolio after "and": "the Ministry of
            // Education and Culture".)
            let mut start = org.first;
            let cap = |j: usize| a.text(doc, j).starts_with(|c: char| c.is_uppercase()) && a.text(doc, j) != "The";
            while start >= 2 && org.first - start < 10 && matches!(a.text(doc, start - 1), "of" | "for" | "and" | "&") && cap(start - 2) {
                let mut j = start - 2;
                while j > 0 && cap(j - 1) && org.first - j < 10 {
                    j -= 1;
                }
                start = j;
            }
            let shown = a
                .toks
                .get(start)
                .map_or(org.span, |t| crate::source::Span::new(t.span.start, org.span.end));
            let org_text = doc.text(shown).to_string();
            let f = cx.report(p.span, format!("'{pro}' refers to an organisation ('{org_text}')"));
            f.label(org.span, "organisation here");
            f.replace(replacement.clone(), Applicability::Unsafe);
            f.help(format!("an organisation is 'it' in English: use '{replacement}'"));
        }
    }
}

impl OrgPronoun {
    /// The organisation a pronoun refers to, in one of the checked
    /// configurations.
    fn organisation<'m>(&self, doc: &Document, a: &'m Analysis, pi: usize) -> Option<&'m Mention> {
        let p = a.pronouns.get(pi)?;
        let ms = a.sentence_mentions(p.sent);
        let before = ms.iter().rev().find(|m| m.last < p.tok);
        // (1) ORG [adverb] said [that] he/she.
        if p.case == Case::Subject {
            let text = |j: usize| a.text(doc, j);
            if let Some(end) = reported_org_end(&text, p.tok) {
                // "The central bank held its rate and said she": the verb
                // after "and" has the subject of the clause before it, the
                // organisation that opens the sentence.
                if text(end) == "and" {
                    // (Shown with the name after "of" that completes it:
                    // "The Ministry of Education raised fees and said he".)
                    let first = ms.first().filter(|m| m.kind == MentionKind::Org && m.subject)?;
                    let completion = ms.get(1).filter(|m| {
                        m.kind == MentionKind::Org && m.first == first.last + 2 && matches!(text(first.last + 1), "of" | "for")
                    });
                    return completion.or(Some(first)).filter(|m| m.last < end);
                }
                return ms
                    .iter()
                    .rev()
                    .find(|m| m.last == end && m.first <= end && m.kind == MentionKind::Org);
            }
            // (6) "The bank raised rates, saying he expected": a participle
            // of speech after a comma has the subject of the sentence, the
            // organisation that opens it, when nobody else is named before
            // the pronoun and no other pronoun stands between.
            let that = usize::from(text(p.tok.saturating_sub(1)).eq_ignore_ascii_case("that"));
            if let Some(part) = p.tok.checked_sub(1 + that).filter(|&j| j >= 1 && text(j - 1) == ",") {
                if crate::lints::pronouns::entities::PARTICIPLES_OF_SPEECH.contains(&text(part)) {
                    let org = ms.first().filter(|m| m.kind == MentionKind::Org && m.subject && m.last < part);
                    let alone = ms.iter().filter(|m| m.last < p.tok).all(|m| m.kind == MentionKind::Org);
                    if let Some(org) = org.filter(|_| alone) {
                        let between = a.pronouns.iter().any(|q| q.sent == p.sent && q.tok > org.last && q.tok < p.tok);
                        if !between {
                            return Some(org);
                        }
                    }
                }
            }
            // (4) "The company reported a loss. She blamed ...": the pronoun
            // opens its sentence, and the sentence before opens with the
            // organisation as its subject.
            // (Not for the first sentence, which has none before it: (5)
            // still applies there.)
            let sentences = doc.sentences();
            if let Some(prev_sent) = p.sent.checked_sub(1) {
                let same_block = sentences.get(prev_sent).map(|s| s.block) == sentences.get(p.sent).map(|s| s.block);
                if before.is_none() && same_block && a.starts_sentence(doc, p.tok) {
                    let prev = a.sentence_mentions(prev_sent);
                    return prev.first().filter(|m| m.kind == MentionKind::Org && m.subject);
                }
            }
            // (5) "The government is refusing to release prisoners she
            // calls criminals": the organisation is the subject of the
            // sentence, nobody else is named in it, and the pronoun opens a
            // clause (after a clause opener, or after a noun as in a
            // reduced relative clause) with no other pronoun between.
            let org = before.filter(|m| m.kind == MentionKind::Org && m.subject)?;
            let only_org = ms.iter().all(|m| m.kind == MentionKind::Org);
            let opens_clause = p.tok.checked_sub(1).is_some_and(|j| {
                let w = text(j);
                // A plural noun, not a verb right after the organisation
                // ("The ministry confirms she") or after an adverb.
                let noun_before = j > org.last + 1 && j.checked_sub(1).is_some_and(|k| !text(k).ends_with("ly"));
                // An indirect question or a clause of condition: "refused to
                // say how much she wants", "whether she".
                let question = matches!(w, "whether" | "what" | "how" | "why" | "where" | "unless" | "until")
                    || (matches!(w, "much" | "many") && j.checked_sub(1).is_some_and(|k| text(k) == "how"));
                is(w, cls::CLAUSE_OPENERS) && w != "and" && w != "so" || noun_before && reduced_relative(w) || question
            });
            let pronoun_between = a.pronouns.iter().any(|q| q.sent == p.sent && q.tok > org.last && q.tok < p.tok);
            if only_org
                && opens_clause
                && !pronoun_between
                && (org.last + 1..p.tok).all(|j| text(j).starts_with(|c: char| c.is_alphanumeric()))
            {
                return Some(org);
            }
            return None;
        }
        if p.case != Case::Possessive || !matches!(p.span.len(), 3) {
            return None;
        }
        // (7) "The company said profit rose. It raised his forecast": "It"
        // opens the sentence, the possessive follows in its clause with
        // nobody named between, and an organisation is the subject of the
        // sentence before (in the same paragraph).
        if before.is_none() && p.sent >= 1 {
            let start = a.sent_start.get(p.sent).copied().unwrap_or(p.tok);
            let first = (start..p.tok).find(|&j| a.toks.get(j).is_some_and(|t| t.word));
            if let Some(first) = first.filter(|&f| a.text(doc, f) == "It" && p.tok >= f + 2 && a.starts_sentence(doc, f)) {
                let clause = (first + 1..p.tok).all(|j| a.text(doc, j).starts_with(|c: char| c.is_alphanumeric()));
                // (The nearest sentence before that names anyone, one or
                // two back, in the same paragraph.)
                let sentences = doc.sentences();
                let block = |k: usize| sentences.get(k).map(|s| s.block);
                let org = (p.sent.saturating_sub(2)..p.sent)
                    .rev()
                    .find(|&k| !a.sentence_mentions(k).is_empty())
                    .filter(|&k| block(k) == block(p.sent))
                    .and_then(|k| a.sentence_mentions(k).first())
                    .filter(|m| m.kind == MentionKind::Org && m.subject);
                if let Some(org) = org.filter(|_| clause) {
                    return Some(org);
                }
            }
        }
        // (2) "In her annual report, the agency said".
        if before.is_none() && p.tok >= 1 && a.starts_sentence(doc, p.tok - 1) && is(a.text(doc, p.tok - 1), cls::OPENING_PREPOSITIONS) {
            let after = ms.iter().find(|m| m.first > p.tok)?;
            let comma = (p.tok + 1..after.first).any(|j| a.text(doc, j) == ",");
            if after.kind == MentionKind::Org && after.subject && comma {
                return Some(after);
            }
            return None;
        }
        // (3) The ORG (subject) ... his/her, nothing personal between. (The
        // words after "of" or "for" that complete it are the subject with
        // it: "The Office of Civil Defense said in his report".)
        // (A name inside the organisation's phrase stands for the phrase:
        // "The Union health ministry, in his advisory".)
        let m = before?;
        let m = ms
            .iter()
            .find(|h| h.kind == MentionKind::Org && h.subject && h.first <= m.first && h.last >= m.last)
            .unwrap_or(m);
        (m.kind == MentionKind::Org && m.subject).then_some(m)
    }
}

/// A plural common noun that a reduced relative clause may follow
/// ("prisoners she calls criminals"): lowercase letters ending in "s", and
/// no verb form or function word.
fn reduced_relative(w: &str) -> bool {
    w.len() >= 4
        && w.ends_with('s')
        && !w.ends_with("ss")
        && !w.ends_with("us")
        && w.bytes().all(|b| b.is_ascii_lowercase())
        && !has_class(
            w,
            cls::AUXILIARIES | cls::SPEECH_VERBS | cls::ADVERBS | cls::PREPOSITIONS | cls::DETERMINERS | cls::CLAUSE_OPENERS,
        )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lint::testing::{assert_silent, fixed, flagged};

    fn lint() -> OrgPronoun {
        let lex = crate::pack::builtin_lexicons();
        let names = GivenNames::shared(lex.iter().filter(|l| l.lint == "pronoun-drift")).unwrap_or_default();
        OrgPronoun { names }
    }

    #[test]
    fn flags_appositions_and_foreign_names() {
        for (text, pro) in [
            ("Officials met. Banco Serrano said she had raised provisions for bad loans.", "she"),
            ("Officials met. In her statement on Sunday, the hospital said the machine was safe.", "her"),
            (
                "Officials met. The court, which heard testimony from 46 witnesses over 18 months, said in her ruling that the deal was void.",
                "her",
            ),
            ("Officials met. The Union health ministry, in his advisory issued on Friday, told states to act.", "his"),
            ("Officials met. The Disaster Management Authority, known as DMA, said he had deployed 3,200 rescuers.", "he"),
            // A name in the predicate of the organisation is not meant.
            ("Officials met. In her written response, the commission argued that Okafor-Bello had access to funds.", "her"),
        ] {
            assert_eq!(flagged(&lint(), text), vec![pro], "{text}");
        }
        // The one person of a sentence takes the gender of the subject
        // pronoun opening the next one.
        assert_eq!(
            flagged(
                &lint(),
                "Officials met. Okonkwo Adeyemi-Bello ran the hospital for a decade. He was arrested in May. The court said in her ruling that the contracts were void."
            ),
            vec!["her"]
        );
        assert_silent(
            &lint(),
            "Officials met. Okonkwo Adeyemi-Bello ran the hospital for a decade. In May, a judge arrested him. The court said in her ruling that the contracts were void.",
        );
        // The holder of a titled office may be meant.
        assert_silent(&lint(), "Officials met. The Prime Minister's Office said she would go.");
        assert_silent(&lint(), "Officials met. The President’s Office said he would go.");
        assert_eq!(
            flagged(
                &lint(),
                "Officials met. Sanjeevani General Hospital in Nagpur said she had admitted 212 patients."
            ),
            vec!["she"]
        );
        assert_eq!(
            flagged(&lint(), "Officials met. Hanul Electronics said on Thursday that she would invest."),
            vec!["she"]
        );
        // A person before the opening phrase may be meant.
        assert_silent(
            &lint(),
            "Judge Ana Ruiz presided. In her ruling, the court said the contract was void.",
        );
        assert_silent(
            &lint(),
            "Officials met. Ana Serrano, the bank's director, said she had raised provisions.",
        );
    }

    #[test]
    fn flags_organisation_completed_after_of() {
        // The name after "of"/"for" completes the subject, also with a
        // portfolio after "and".
        let text = "Officials met. The Center for Volcanology raised the alert level and said he had widened the zone.";
        assert_eq!(flagged(&lint(), text), vec!["he"]);
        let text = "Officials met. The Ministry of Education and Culture said he would review the rules.";
        assert_eq!(flagged(&lint(), text), vec!["he"]);
        let text = "Officials met. The Ministry of Health raised fees and said she would review the rules.";
        assert_eq!(flagged(&lint(), text), vec!["she"]);
        // A person after "and" is not a portfolio.
        assert_silent(
            &lint(),
            "Officials met at the Ministry of Defence and Ruiz said he would review the rules.",
        );
        assert_silent(
            &lint(),
            "Officials met at the Ministry of Defence and Okafor said she would review the rules.",
        );
    }

    #[test]
    fn flags_reporting_verb() {
        let text = "Officials gave no figures. The statistics agency said that she expected 300 jobs to be lost.";
        assert_eq!(flagged(&lint(), text), vec!["she"]);
        assert_eq!(
            fixed(&lint(), text),
            "Officials gave no figures. The statistics agency said that it expected 300 jobs to be lost."
        );
        assert_eq!(flagged(&lint(), "The ministry also said he would review the rules."), vec!["he"]);
        // A few words before "that", and a relative clause after the organisation.
        assert_eq!(
            flagged(&lint(), "The ministry said on Monday that she would review the contract."),
            vec!["she"]
        );
        assert_eq!(
            flagged(
                &lint(),
                "Officials met. The agency, which monitors food safety, said she had found no evidence."
            ),
            vec!["she"]
        );
        // A verb after "and" shares the organisation opening the sentence.
        assert_eq!(
            flagged(
                &lint(),
                "Officials met. The central bank held its main rate on Thursday and said she would keep policy tight."
            ),
            vec!["she"]
        );
        // A participle of speech after the comma ("adding that").
        assert_eq!(
            flagged(
                &lint(),
                "Officials met. The bank said on Saturday, adding that she would never distort any facts."
            ),
            vec!["she"]
        );
        // Across sentences: the sentence before opens with the organisation.
        assert_eq!(
            flagged(
                &lint(),
                "Officials met on Monday. The company reported a loss. She blamed higher energy prices."
            ),
            vec!["She"]
        );
        // The role a possessive names is not its antecedent.
        assert_eq!(
            flagged(
                &lint(),
                "Officials met on Monday. The central bank raised rates, and her governor warned of more."
            ),
            vec!["her"]
        );
        // Not when a person could be meant, nor past another clause.
        for ok in [
            "Anna Berg runs the firm. The company reported a loss. She blamed higher energy prices.",
            "The company reported a loss, its chief executive said. She blamed higher energy prices.",
            "Anna Berg was detained. The ministry said on Monday that she had been released.",
            "The ministry said, when asked about the plan on Monday, that she would decide.",
            "The agency, which Mr Lee praised, said he would stay.",
            "Anna Berg met the bank chief. The bank said on Saturday, adding that she would never distort any facts.",
            "Officials met. The bank lent money to Anna Berg and said she would repay it.",
            "Officials met. The company hired Mr Lee and said he would start in May.",
            "Officials met. The bank met Mr Lee on Monday, saying he would join the board.",
            "Officials met. Anna Berg criticised the bank, saying she expected inflation to rise.",
        ] {
            assert_silent(&lint(), ok);
        }
    }

    #[test]
    fn flags_an_organisation_named_with_of_or_for_or_an_acronym_in_brackets() {
        let l = lint();
        assert_eq!(
            flagged(
                &l,
                "The National Electoral Commission (NECO) said she would issue new rules on Monday."
            ),
            vec!["she"]
        );
        assert_eq!(flagged(&l, "The Center for Volcanology said he had widened the zone."), vec!["he"]);
        assert_eq!(
            flagged(&l, "The Kordani Institute for Soil Studies said he had widened the zone."),
            vec!["he"]
        );
        let f = crate::lint::testing::run(
            &l,
            "The Ministry of Social Affairs said he had widened the zone.",
            crate::source::FileKind::Plain,
        );
        assert!(f.iter().any(|f| f.message.contains("'Ministry of Social Affairs'")), "{f:?}");
        // A person of the organisation speaks.
        assert_silent(&l, "Ana Ruiz of the Center for Volcanology said she had widened the zone.");
        assert_silent(
            &l,
            "Tomas Berg of the Institute for Soil Studies (ISS) said he had widened the zone.",
        );
    }

    #[test]
    fn flags_a_possessive_after_it_and_in_a_named_organisation_clause() {
        let l = lint();
        // "It" continues the organisation of the sentence before (or the
        // one before that, when the one between names nobody).
        let text =
            "The company said net profit rose to 1.2 billion dong. Revenue rose 11 percent. It raised his full-year target by 5 percent.";
        assert_eq!(flagged(&l, text), vec!["his"]);
        // A storm is no person: the organisation after it is still meant.
        let text = "Typhoon Dalisay killed 47 people on Tuesday. The Office of Civil Defense said in his latest report that most deaths were in the north.";
        assert_eq!(flagged(&l, text), vec!["his"]);
        // "It" with a person named between, or a person of that gender nearby.
        assert_silent(&l, "The company said profit rose. It took Mr Berg and his team two years.");
        assert_silent(&l, "Tomas Berg joined in May. The company said profit rose. It raised his pay.");
    }

    #[test]
    fn flags_subject_pronoun_in_a_clause_of_the_organisation() {
        // After a participle of speech and its comma.
        assert_eq!(
            flagged(
                &lint(),
                "Markets were calm. The bank raised rates, saying he expected inflation to ease."
            ),
            vec!["he"]
        );
        // Also in the document's first sentence.
        assert_eq!(
            flagged(
                &lint(),
                "The union has been treated unfairly as she faces allegations of intimidation."
            ),
            vec!["she"]
        );
        assert_eq!(
            flagged(
                &lint(),
                "Talks stalled. Until now the government is refusing to release nearly 600 prisoners she calls dangerous criminals."
            ),
            vec!["she"]
        );
        assert_eq!(
            flagged(
                &lint(),
                "Talks stalled. The company cut its forecast because she expects weaker demand."
            ),
            vec!["she"]
        );
        // An indirect question.
        assert_eq!(
            flagged(
                &lint(),
                "Talks stalled. The company has refused to say what the grant is for or how much she wants."
            ),
            vec!["she"]
        );
        for ok in [
            // A woman named nearby may be meant.
            "Ms Rana Ahad met the bank. The bank asked how much she wants.",
            // A verb after the organisation, not a plural noun.
            "Talks stalled. The ministry confirms she was released.",
            "Talks stalled. The ministry quietly confirms she was released.",
            // Somebody else is named in the sentence.
            "Talks stalled. The court jailed Anna Berg because she lied.",
            // Another pronoun between: the clause has moved on.
            "Talks stalled. The company told him it would close because she expects weaker demand.",
            // Not the subject.
            "Talks stalled. Voters backed the party because she promised lower taxes.",
            "Talks stalled. The company said the manager left and she was not replaced.",
        ] {
            assert_silent(&lint(), ok);
        }
    }

    #[test]
    fn a_later_organisation_subject_is_meant_not_the_person_before_it() {
        let text = "The company, Tarrow Energy, believes supply is at risk. Tarrow Energy mine manager Mr Hale \
                    says 35 jobs will go when the company modernises her mines.";
        assert_eq!(flagged(&lint(), text), vec!["her"]);
        // A place named after the organisation is nobody who could be meant.
        let text = "The army has killed three militants who attacked one of her vehicles in the northern Tarra Strip.";
        assert_eq!(flagged(&lint(), text), vec!["her"]);
        let ok = "Ms Hale says 35 jobs will go when the company modernises her mines.";
        assert_silent(&lint(), ok);
    }

    #[test]
    fn flags_opening_possessive() {
        let text = "In her annual report to parliament, the audit agency said that spending had risen.";
        assert_eq!(flagged(&lint(), text), vec!["her"]);
        assert_eq!(
            fixed(&lint(), text),
            "In its annual report to parliament, the audit agency said that spending had risen."
        );
    }

    #[test]
    fn flags_subject_possessive() {
        assert_eq!(flagged(&lint(), "The company raised his prices again in March."), vec!["his"]);
        // After an auxiliary that the reporting tests take for an adverb,
        // and after a prepositional phrase.
        assert_eq!(
            flagged(&lint(), "The company has given the virus a high rating, her most serious warning."),
            vec!["her"]
        );
        assert_eq!(
            flagged(
                &lint(),
                "The royal commission into the building industry will hold her first hearings today."
            ),
            vec!["her"]
        );
        assert_eq!(
            flagged(&lint(), "The agency said on Monday that her Twitter account had been hacked."),
            vec!["her"]
        );
    }

    #[test]
    fn flags_after_a_company_named_by_a_plural_head() {
        let text = "British Airways said it was disappointed, although the airline said her flights were continuing to operate.";
        assert_eq!(flagged(&lint(), text), vec!["her"]);
    }

    #[test]
    fn persons_of_the_other_gender_by_their_pronouns_are_not_meant() {
        let text = "Sam Rivera said he was leaving. The ministry said that she expected losses.";
        assert_eq!(flagged(&lint(), text), vec!["she"]);
        let text = "Sam Rivera left on Monday. The ministry said that she expected losses.";
        assert!(flagged(&lint(), text).is_empty());
    }

    #[test]
    fn abstains_with_persons_nearby() {
        for ok in [
            "Jane Porter was detained in May. The ministry said she had been released.",
            "The detainee was held for a week. The ministry said she had been released.",
            "The minister spoke on Monday. The ministry said he would resign.",
            "Ms Porter was arrested. Police questioned her for hours. The court rejected her appeal.",
            "The agency said it thought the troops had died.",
            "The agency said he or she would be named later.",
            "\"The agency said she was wrong,\" he added.",
            "In his speech, President Ruiz said the government would act.",
            "The company said its profits rose.",
            "The committee asked her to testify.",
        ] {
            assert_silent(&lint(), ok);
        }
    }
}
