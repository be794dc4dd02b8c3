use crate::declare_lint;
use crate::document::Document;
use crate::lint::{BuildCx, Ctx, Lint, RuleInfo};

use super::entities::{Analysis, Case, EvidenceKind, GivenNames, Mention, MentionKind, Precheck, Shared};

declare_lint! {
    /// ## What it does
    ///
    /// Flags "he", "she", "his", "her" (and the other third-person singular
    /// forms) whose one plausible antecedent is a person the rest of the
    /// document treats as the other gender: "Park ... his ten-year tenure ... Park
    /// seeks to extend her political base".
    ///
    /// ## Why is this bad?
    ///
    /// Machine translation from languages without gendered pronouns (Korean,
    /// Chinese, Japanese, Turkish, Finnish...) guesses "he" or "she" sentence
    /// by sentence, and the guess flips mid-article. Readers are told the
    /// wrong thing about a real person.
    ///
    /// ## Example
    ///
    /// ```text
    /// Mr Daniels said he would stay. Daniels wants to extend her term.
    /// ```
    ///
    /// Use instead: `Daniels wants to extend his term.`
    ///
    /// ## How it works
    ///
    /// Persons are capitalised name chains with evidence that they are
    /// persons (a title or honorific, also coordinated with the title before
    /// the name: "Chairwoman and founder X"; "his sister X", "first lady X",
    /// an age apposition (which the subject's verb may follow: "Chen, 41,
    /// studied"), "X said" (a full name also when its last word alone
    /// speaks: "Ravindra Kalwani ... Kalwani said"), or a confident Western
    /// given name; after a title and "of" the portfolio runs into the name,
    /// which starts at such a given name: "Secretary of State Daniel
    /// Okafor" is "Daniel Okafor"). Full names
    /// cluster by their letters; a bare surname joins the one full name it
    /// belongs to (over its particles: "Dela Cruz" of "Ramon Dela Cruz"). A
    /// name opening its sentence before a lowercase word that is no
    /// preposition, determiner or conjunction is its subject ("Dela Cruz
    /// spent the night"). A title alone after "the" ("the Queen", "the Foreign
    /// Secretary") is a person: the name in apposition after its comma ("the
    /// Defence Minister, Ana Ruiz,", also over a portfolio: "the Minister of
    /// Ports and Transport, Ana Ruiz,"; so is a noun for a person, "the
    /// president of Tarravia, Ana Ruiz,", and that noun alone afterwards),
    /// else the one cluster the document gave
    /// that title (each title of a stacked run, "President General X", and a
    /// titled surname, "President X", count), else a person of unknown
    /// gender (or of the title's gender). Other names
    /// after "the" ("the Rose Bowl"), club names ("Sheffield United"),
    /// adjectives made from names ("Nath-led") and names without person
    /// evidence after "in", "at" or "on" ("said on Sky Sports", "at Old
    /// Trafford") are not persons.
    /// A pronoun is linked to a person only in four configurations:
    /// (A) the nearest person before it in its sentence is that person, as
    /// the subject or topic of a clause, no organisation is the subject of a
    /// clause between them ("Mr Hale says jobs will go when the company
    /// modernises her mines" is `org-pronoun`'s), and the pronoun is a
    /// possessive, reflexive or subject pronoun ("Park seeks to extend her
    /// base"); (B) its
    /// sentence mentions nobody (and no organisation as a subject) before it,
    /// and every person named in the two sentences before is that one person,
    /// as a subject, with no ship or boat between and no country or nation
    /// as a subject between ("The Titanic left port. She sank"); (C) it sits in an opening adverbial and that person is
    /// the subject just after its comma ("Despite her willingness to help,
    /// Lucas said"; "While her team fell short, Vardy himself"); (D) it is
    /// the subject of an attribution after a closing quotation mark
    /// (`"...," she said`) and the speaker is named before the quotation
    /// opens, outside other quotations: the one person, or the one speaker
    /// or subject, of the nearest sentence (of the quotation's and the two
    /// before) that names someone, or the person a subject pronoun there is
    /// linked to. For (D), persons named inside the quotation are not
    /// rivals. Each person's gender
    /// is the document's consensus: an honorific, a gendered title or kinship
    /// word in the same phrase, or a patronymic particle inside the name
    /// ("bin", "ibn"; "binti", "bint") decides; else a given name from the
    /// `given-names` lexicon (Western name order only) decides unless two
    /// linked pronouns disagree; else the linked pronouns decide when at least
    /// two agree and they outnumber the others two to one (a surname in a
    /// female form, "Petrova", "Nowakowska", "Jónsdóttir", is one vote), or, with one
    /// linked pronoun of each gender and nothing else, the first of them. A linked pronoun of
    /// the other gender is flagged, with the evidence as labels. A pronoun
    /// left unlinked whose nearest antecedent in its sentence is a gendered
    /// noun as the subject ("The boy claimed that his sales had fallen and
    /// the loss of her stock would hurt him") is judged against the noun's
    /// gender, with the same abstentions; pronouns between the noun and it
    /// must agree with the noun.
    ///
    /// A reflexive is judged against the subject of its clause, whatever
    /// else is around: the nearest subject pronoun or person's name before
    /// it in its sentence, with only lowercase verbs and adverbs between (up
    /// to four words, also over an age in commas): "She has described
    /// himself", "Park, 52, described herself" where Park is a man. A
    /// determiner, preposition, conjunction, speech verb, "to", another
    /// mention or pronoun between, or a person of unknown gender, and it
    /// abstains ("She let him introduce himself").
    ///
    /// A pronoun inside a quotation is judged only when it is the document's
    /// one word of its gender: no other pronoun, person, title or gendered
    /// noun of that gender anywhere, at least two usable pronouns of the
    /// other gender, every person named in its sentence and the one before
    /// of the other gender, and no country or ship there ("'She has no
    /// conscience,' he said" in an article that names only men).
    ///
    /// A pronoun left unlinked is also flagged when it has no possible
    /// antecedent of its gender: the nearest sentence before it (its own, or
    /// one of the three before) that names a person or has a pronoun names
    /// only persons of the other gender, and so does every sentence from
    /// there (and from two sentences before) to the end of the pronoun's; no
    /// other pronoun, person or gendered noun of its gender is in the eight
    /// sentences before or in its sentence; no organisation is a subject in
    /// between ("Mr Chouhan said ... 'Timely treatment will make you
    /// healthy,' she said"). A person outside any cluster counts with the
    /// gender of the first subject or possessive pronoun after it in its
    /// sentence ("The former prime minister vowed to stay as long as he
    /// can"), or, when it is the one person and the subject of its
    /// sentence, of a subject pronoun opening the next sentence before
    /// anyone else is named; a cluster of unknown gender with the gender its linked pronouns
    /// agree on. An object pronoun is judged so only when nobody comes before
    /// it in its sentence ("Police placed her in a chokehold"), never in its
    /// subject's clause ("Mr Grant praised her"), or when its sentence names
    /// nobody and opens with a pronoun of the other gender and the document
    /// names nobody of its gender before it ("He paid tribute ... and said
    /// there are miles left in her").
    ///
    /// It abstains when anything of the pronoun's gender is mentioned in the
    /// sentence or the two before it (another person, "the woman", "his
    /// wife", an unlinked pronoun) or in the eight sentences before (a person
    /// or gendered noun), except the person named after a kinship noun the
    /// pronoun itself possesses ("with her wife, Anna Lund": Anna Lund is
    /// the wife, not whom "her" means); when another person of unknown gender is a subject
    /// in that window or is named before the pronoun in its sentence; for
    /// object pronouns in the same clause ("Park praised her"; "her" before
    /// a capitalised word is a possessive, "her Instagram account", unless
    /// the word is a weekday or month or a naming verb precedes, "named her
    /// Person of the Year"); inside
    /// quotations (but for the one word of its gender, above); for generic "he or she", "his/her", "s/he" (not "he and
    /// his", one person); in title-case
    /// headlines; for "his" or "her" caught inside a name ("Minister Ryu his Hyon");
    /// for countries, ships and other things, which are never persons here
    /// ("Britain and her allies"); for cataphora into anything but a person's
    /// name as the subject ("In his speech, Park's successor said"); and for
    /// bare names shared by two people ("Park" with two Parks).
    ///
    /// ## Known problems
    ///
    /// Recall is deliberately low: a drifted pronoun is caught only in an
    /// unambiguous configuration, and only when the document establishes the
    /// person's gender; any person of unknown gender nearby (a name with no
    /// title, no confident given name and no pronoun) silences it. A "she" for
    /// a ship or country is flagged when the persons around it are male and
    /// nothing else of hers is named; the country or ship itself is not seen. Subjects are found by word shape, not parsing, so a
    /// long noun phrase between a name and its verb hides the subject. Given
    /// names are looked up only for Western-order names; East Asian names get
    /// their gender from honorifics, kinship and pronouns alone. A person whose
    /// pronouns genuinely differ from their given name's usual gender is
    /// flagged if the document uses only one or two pronouns for them; allow
    /// the lint inline there.
    pub static PRONOUN_DRIFT = {
        name: "pronoun-drift",
        family: "pronouns",
        severity: Warning,
        status: Preview,
        fix: None,
        english_only: true,
    };
}

#[derive(Default)]
pub struct PronounDrift {
    names: std::sync::Arc<GivenNames>,
}

impl PronounDrift {
    pub fn build(cx: &BuildCx) -> Result<Box<dyn Lint>, String> {
        if let Some(key) = cx.options.keys().next() {
            return Err(format!("unknown option `{key}` (this lint has no options)"));
        }
        Ok(Box::new(PronounDrift {
            names: GivenNames::shared(cx.lexicons_for(PRONOUN_DRIFT.name))?,
        }))
    }
}

impl Lint for PronounDrift {
    fn rules(&self) -> Vec<RuleInfo> {
        vec![RuleInfo::from(&PRONOUN_DRIFT)]
    }

    fn check(&self, doc: &Document, cx: &mut Ctx) {
        if !Precheck::of(doc, &self.names).drift {
            return;
        }
        let shared = Shared::of(doc, &self.names);
        let Some(a) = &shared.0 else { return };
        for (pi, p) in a.pronouns.iter().enumerate() {
            if p.case == Case::Reflexive && reflexive(doc, a, pi, cx) {
                continue;
            }
            let Some(mi) = a.links[pi] else {
                if p.quoted {
                    quoted_orphan(doc, a, pi, cx);
                } else if !noun_antecedent(doc, a, pi, cx) {
                    orphan(doc, a, pi, cx);
                }
                continue;
            };
            let Some(m) = a.mentions.get(mi) else { continue };
            let MentionKind::Person(c) = m.kind else { continue };
            let Some(cluster) = a.clusters.get(c) else { continue };
            let Some(g) = cluster.gender else { continue };
            if g == p.gender {
                continue;
            }
            let from = p.sent.saturating_sub(2);
            if a.gender_present(p.gender, from, p.sent, Some(c), Some(pi), &|q| q == pi)
                || a.gendered_mention(p.gender, p.sent.saturating_sub(8), p.sent, Some(c), Some(pi))
            {
                continue;
            }
            // Another person of unknown gender who could be meant. After a
            // cataphoric link ("Despite her willingness, Lucas said that
            // Trump's rhetoric"), the rest of the sentence is the main clause
            // of the antecedent.
            let cataphoric = m.sent == p.sent && m.first > p.tok;
            // The speaker of an attribution was chosen among the persons
            // named before the quotation.
            let rival = !p.attribution
                && (from..=p.sent).any(|s| {
                    a.sentence_mentions(s).iter().any(|o| {
                        if cataphoric && s == p.sent {
                            return false;
                        }
                        let other = match o.kind {
                            MentionKind::Person(oc) => oc != c,
                            MentionKind::Anon(_) => true,
                            MentionKind::Org => false,
                        };
                        // Subjects in the window, anyone in the sentence before,
                        // anyone before the pronoun in its own sentence.
                        other && a.mention_gender(o).is_none() && (o.subject || s + 1 == p.sent || (s == p.sent && o.last < p.tok))
                    })
                });
            if rival {
                continue;
            }
            let name = a.mention_text(doc, m);
            let pro = doc.text(p.span).to_string();
            let mut evidence: Vec<_> = cluster.evidence.iter().filter(|e| e.gender == g).collect();
            evidence.sort_by_key(|e| match e.kind {
                EvidenceKind::Strong => 0,
                EvidenceKind::GivenName => 1,
                EvidenceKind::Role => 2,
                EvidenceKind::Link => 3,
            });
            // One label per place ("Mr Lucas" is evidence once).
            let mut seen = Vec::new();
            evidence.retain(|e| {
                let new = !seen.contains(&e.span);
                seen.push(e.span);
                new
            });
            let mut labels = Vec::new();
            for e in evidence.iter().take(3) {
                let span = match e.kind {
                    EvidenceKind::Link => a
                        .pronouns
                        .iter()
                        .position(|q| q.span == e.span)
                        .map_or(e.span, |qi| a.phrase_span(doc, qi)),
                    _ => e.span,
                };
                let what = match e.kind {
                    EvidenceKind::GivenName => format!("{} given name here: '{}'", g.adjective(), doc.text(span)),
                    _ => format!("{} here: '{}'", g.adjective(), doc.text(span)),
                };
                labels.push((span, what));
            }
            let summary: Vec<String> = labels.iter().map(|(s, _)| format!("'{}'", doc.text(*s))).collect();
            // One linked pronoun each way and nothing else: the first sets
            // the gender, but either may be the slip.
            let tie = evidence.len() == 1
                && evidence.iter().all(|e| e.kind == EvidenceKind::Link)
                && cluster.evidence.iter().filter(|e| e.gender != g).count() <= 1;
            let message = if tie {
                format!(
                    "'{pro}' refers to '{name}', whom another pronoun makes {} ({}): one of the two is wrong",
                    g.adjective(),
                    summary.join(", ")
                )
            } else {
                format!(
                    "'{pro}' refers to '{name}', who is {} elsewhere in this document ({})",
                    g.adjective(),
                    summary.join(", ")
                )
            };
            let f = cx.report(p.span, message);
            f.label(m.span, format!("'{pro}' refers to '{name}' here"));
            for (span, what) in labels {
                f.label(span, what);
            }
            f.help(if tie {
                format!("check the source text: one of these pronouns for '{name}' is a translation error")
            } else {
                format!("check the source text: a pronoun of the other gender for '{name}' is usually a translation error")
            });
        }
    }
}

/// A reflexive pronoun whose clause's subject is of the other gender: a
/// reflexive refers back to its subject, so "She has described himself" and
/// "Farahani (a man elsewhere) allowed herself a smile" are wrong whatever
/// else the text says. The subject is the nearest word before the reflexive
/// in its sentence that is a subject pronoun or a person's name (not a
/// possessive), with only lowercase verbs and adverbs between (up to four
/// words, also over an age in commas: "Park, 52, described herself"); a
/// determiner, a preposition, a conjunction, a speech verb, another
/// mention or pronoun in between, or no such subject, and it abstains ("She
/// let him introduce himself", "She said the patient hurt himself").
fn reflexive(doc: &Document, a: &Analysis, pi: usize, cx: &mut Ctx) -> bool {
    let Some(p) = a.pronouns.get(pi) else { return false };
    if !p.usable || p.case != Case::Reflexive {
        return false;
    }
    let ms = a.sentence_mentions(p.sent);
    let start = a.sent_start.get(p.sent).copied().unwrap_or(p.tok);
    let mut words = 0;
    let mut j = p.tok;
    // (span, gender, name, evidence) of the subject.
    let subject = loop {
        if j <= start {
            return false;
        }
        j -= 1;
        if let Some(m) = ms.iter().find(|m| m.last == j) {
            let MentionKind::Person(c) = m.kind else { return false };
            if m.possessive {
                return false;
            }
            let Some(g) = a.clusters.get(c).and_then(|c| c.gender) else {
                return false;
            };
            break (m.span, g, Some(c), a.mention_text(doc, m));
        }
        if let Some(q) = a.pronouns.iter().find(|q| q.tok == j) {
            if q.case != Case::Subject || !q.usable {
                return false;
            }
            break (q.span, q.gender, None, doc.text(q.span).to_string());
        }
        let t = a.text(doc, j);
        // An age in commas: "Park, 52, described herself".
        if t == "," && j >= start + 3 && a.text(doc, j - 1).bytes().all(|b| b.is_ascii_digit()) && a.text(doc, j - 2) == "," {
            j -= 2;
            continue;
        }
        words += 1;
        let lower_word = t.bytes().all(|b| b.is_ascii_lowercase());
        if words > 4 || !lower_word || super::entities::has_class(t, REFLEXIVE_STOPS) || NOT_BETWEEN.contains(&t) {
            return false;
        }
    };
    let (span, g, cluster, name) = subject;
    if g == p.gender {
        return false;
    }
    let pro = doc.text(p.span);
    let message = match cluster {
        Some(_) => format!(
            "'{pro}' refers back to '{name}', the subject of its clause, who is {} in this document",
            g.adjective()
        ),
        None => format!(
            "'{pro}' refers back to '{name}', the subject of its clause, which is {}",
            g.adjective()
        ),
    };
    let f = cx.report(p.span, message);
    f.label(span, format!("{} subject here", g.adjective()));
    if let Some(c) = cluster.and_then(|c| a.clusters.get(c)) {
        if let Some(e) = c.evidence.iter().find(|e| e.gender == g && e.span != span) {
            f.label(e.span, format!("{} here: '{}'", g.adjective(), doc.text(e.span)));
        }
    }
    f.help("check the source text: a reflexive pronoun agrees with its subject".to_string());
    true
}

/// Word classes that end the search for a reflexive's subject.
const REFLEXIVE_STOPS: u32 = super::entities::cls::PREPOSITIONS
    | super::entities::cls::DETERMINERS
    | super::entities::cls::SPEECH_VERBS
    | super::entities::cls::CLAUSE_OPENERS;

/// Words that end the search for a reflexive's subject too: a new clause or
/// an infinitive whose own subject may be someone else.
const NOT_BETWEEN: &[&str] = &[
    "to", "who", "whom", "which", "whose", "or", "but", "nor", "let", "made", "make", "makes", "help", "helped",
];

/// An unlinked pronoun whose nearest antecedent in its sentence is a
/// gendered noun of the other gender, as the subject: "The boy claimed that
/// his sales had fallen and the loss of her stock would hurt him." Pronouns
/// between the noun and this one must agree with the noun; the abstentions
/// of linked pronouns apply (anything of the pronoun's gender nearby,
/// another person of unknown gender), and object pronouns are never judged.
fn noun_antecedent(doc: &Document, a: &Analysis, pi: usize, cx: &mut Ctx) -> bool {
    let Some(p) = a.pronouns.get(pi) else { return false };
    if !p.usable || p.case == Case::Object {
        return false;
    }
    let ms = a.sentence_mentions(p.sent);
    let Some(m) = ms.iter().rev().find(|m| m.last < p.tok && !matches!(m.kind, MentionKind::Org)) else {
        return false;
    };
    let MentionKind::Anon(Some(g)) = m.kind else { return false };
    if g == p.gender || !m.subject {
        return false;
    }
    // Pronouns between the noun and this one agree with the noun.
    let between_agree = a
        .pronouns
        .iter()
        .take(pi)
        .rev()
        .take_while(|q| q.sent == p.sent && q.tok > m.last)
        .all(|q| q.gender == g);
    if !between_agree {
        return false;
    }
    let from = p.sent.saturating_sub(2);
    if a.gender_present(p.gender, from, p.sent, None, Some(pi), &|q| q == pi)
        || a.gendered_mention(p.gender, p.sent.saturating_sub(8), p.sent, None, Some(pi))
    {
        return false;
    }
    let rival = (from..=p.sent).any(|s| {
        a.sentence_mentions(s).iter().any(|o| {
            !std::ptr::eq(o, m)
                && !matches!(o.kind, MentionKind::Org)
                && a.mention_gender(o).is_none()
                && (o.subject || s + 1 == p.sent || (s == p.sent && o.last < p.tok))
        })
    });
    if rival {
        return false;
    }
    let noun = doc.text(m.span);
    let pro = doc.text(p.span);
    let f = cx.report(p.span, format!("'{pro}' refers to '{noun}', which is {}", g.adjective()));
    f.label(m.span, format!("{} here: '{noun}'", g.adjective()));
    f.help(format!(
        "check the source text: a pronoun of the other gender for '{noun}' is usually a translation error"
    ));
    true
}

/// An unlinked subject or possessive pronoun with no possible antecedent of
/// its gender: the nearest sentence before it (its own, or one of the three
/// before) that mentions a person or has a pronoun names only persons of the
/// other gender, every person from there (and from two sentences before) to
/// the end of the pronoun's sentence is of the other gender, and nothing of
/// the pronoun's gender (a person, a gendered noun, another such pronoun)
/// is in the eight sentences before or in its own sentence: "Mr Chouhan
/// said ... 'Timely treatment will make you healthy,' she said."
fn orphan(doc: &Document, a: &Analysis, pi: usize, cx: &mut Ctx) {
    let Some(p) = a.pronouns.get(pi) else { return };
    // In an opening adverbial, the pronoun refers forward to the subject
    // after the comma (linked when that is a person cluster).
    if !p.usable || p.opening || p.case == Case::Reflexive {
        return;
    }
    let g = p.gender;
    // Cheapest first: another pronoun of its gender in the eight sentences
    // before or in its own sentence (the pronouns are in text order).
    let back = p.sent.saturating_sub(8);
    let same_before = a
        .pronouns
        .iter()
        .take(pi)
        .rev()
        .take_while(|q| q.sent >= back)
        .any(|q| q.gender == g);
    let same_after = a
        .pronouns
        .iter()
        .skip(pi + 1)
        .take_while(|q| q.sent == p.sent)
        .any(|q| q.gender == g);
    if same_before || same_after {
        return;
    }
    let is_person = |m: &Mention| !matches!(m.kind, MentionKind::Org);
    let pronouns_in = |s: usize| {
        let lo = a.pronouns.partition_point(|q| q.sent < s);
        let hi = a.pronouns.partition_point(|q| q.sent <= s);
        lo..hi
    };
    // The nearest sentence with a person or a pronoun before this one.
    let lo = p.sent.saturating_sub(3);
    let Some(ante) = (lo..=p.sent).rev().find(|&s| {
        a.sentence_mentions(s)
            .iter()
            .any(|m| is_person(m) && (s < p.sent || m.last < p.tok))
            || pronouns_in(s).any(|q| q != pi && (s < p.sent || a.pronouns[q].tok < p.tok))
    }) else {
        return;
    };
    // An object pronoun never refers to the subject of its clause ("Mr Grant
    // praised her"): it is judged only when nobody comes before it in its
    // sentence ("Police placed her in a chokehold").
    // Unless the document names nobody of its gender before it, every
    // person named before is of the other gender, and its sentence names
    // nobody and opens with a pronoun of that gender ("He paid tribute ...
    // and said there are miles left in her"): then nobody is there to be
    // meant.
    if p.case == Case::Object && ante == p.sent && !object_without_antecedent(a, pi) {
        return;
    }
    // Nothing else of the pronoun's gender nearby: a person or gendered
    // noun.
    let from = ante.min(p.sent.saturating_sub(2));
    if a.gendered_mention(g, back, p.sent, None, Some(pi)) {
        return;
    }
    // Every person from the antecedent's sentence to the end of the
    // pronoun's is of the other gender.
    let mut nearest: Option<&Mention> = None;
    for s in from..=p.sent {
        for m in a.sentence_mentions(s).iter().filter(|m| is_person(m) && !a.own_kin(m, pi)) {
            if a.leaning_gender(m, pi) != Some(g.other()) {
                return;
            }
            if s < p.sent || m.last < p.tok {
                nearest = Some(m);
            }
        }
    }
    let antecedent = nearest.map_or_else(
        || {
            let q = pronouns_in(ante)
                .rev()
                .find(|&q| q != pi && (ante < p.sent || a.pronouns[q].tok < p.tok));
            q.and_then(|q| a.pronouns.get(q)).map(|q| (q.span, q.tok))
        },
        |m| Some((m.span, m.last)),
    );
    let Some((span, at)) = antecedent else { return };
    // A country or ship in between may be "she" ("Britain and her allies",
    // "The vessel lost her rudder").
    if a.thing_between(doc, at + 1, p.tok) {
        return;
    }
    // An organisation as a subject after the antecedent may be meant ("the
    // airline said her flights": `org-pronoun`).
    let org_between = (ante..=p.sent).any(|s| {
        a.sentence_mentions(s)
            .iter()
            .any(|m| m.kind == MentionKind::Org && m.subject && m.span.start >= span.end && (s < p.sent || m.last < p.tok))
    });
    if org_between {
        return;
    }
    // A decided person, or a usable pronoun of the other gender nearby (what
    // `Precheck` looks for).
    let decided =
        nearest.is_some_and(|m| matches!(m.kind, MentionKind::Person(c) if a.clusters.get(c).is_some_and(|c| c.gender.is_some())));
    let other_pronoun = (from..=p.sent).any(|s| pronouns_in(s).any(|q| a.pronouns[q].usable && a.pronouns[q].gender == g.other()));
    if !decided && !other_pronoun {
        return;
    }
    let pro = doc.text(p.span);
    // The antecedent is a named person, or only a pronoun ("He paid tribute
    // ... miles left in her").
    let (message, whom) = match nearest {
        Some(m) => {
            let what = format!("'{}'", a.mention_text(doc, m));
            (
                format!(
                    "'{pro}' has no {} antecedent: the person meant is {what}, who is {}",
                    g.adjective(),
                    g.other().adjective()
                ),
                what,
            )
        }
        None => (
            format!(
                "'{pro}' has no {} antecedent: the person meant is the one '{}' refers to, who is {}",
                g.adjective(),
                doc.text(span),
                g.other().adjective()
            ),
            "that person".to_string(),
        ),
    };
    let f = cx.report(p.span, message);
    f.label(span, format!("{} here", g.other().adjective()));
    f.help(format!(
        "check the source text: a pronoun of the other gender for {whom} is usually a translation error"
    ));
}

/// A pronoun inside a quotation that is the document's only word of its
/// gender: no other pronoun of that gender anywhere, no person, gendered noun
/// or title of it, at least two usable pronouns of the other gender, every
/// person named in its sentence and the one before of the other gender, and
/// no country or ship in those sentences: "'She has no
/// conscience,' he said of the man" where everyone is male.
fn quoted_orphan(doc: &Document, a: &Analysis, pi: usize, cx: &mut Ctx) {
    let Some(p) = a.pronouns.get(pi) else { return };
    let g = p.gender;
    if a.pronouns.iter().enumerate().any(|(qi, q)| qi != pi && q.gender == g)
        || a.pronouns.iter().filter(|q| q.usable && q.gender == g.other()).count() < 2
    {
        return;
    }
    let last = a.sent_start.len().saturating_sub(2);
    if a.gendered_mention(g, 0, last, None, None) {
        return;
    }
    let from = p.sent.saturating_sub(1);
    let mut nearest: Option<&Mention> = None;
    for s in from..=p.sent {
        for m in a.sentence_mentions(s) {
            match m.kind {
                // An organisation is never "he" or "she" either.
                MentionKind::Org => {}
                _ if a.mention_gender(m) != Some(g.other()) => return,
                _ => {
                    if s < p.sent || m.last < p.tok {
                        nearest = Some(m);
                    }
                }
            }
        }
    }
    let start = a.sent_start.get(from).copied().unwrap_or(0);
    if a.thing_between(doc, start, p.tok) {
        return;
    }
    // The nearest pronoun of the other gender, when nobody is named nearby.
    let other = a
        .pronouns
        .iter()
        .take(pi)
        .rev()
        .find(|q| q.gender == g.other())
        .or_else(|| a.pronouns.iter().skip(pi + 1).find(|q| q.gender == g.other()));
    let Some(span) = nearest.map(|m| m.span).or(other.map(|q| q.span)) else {
        return;
    };
    let pro = doc.text(p.span);
    let f = cx.report(
        p.span,
        format!(
            "'{pro}' has no {} antecedent: nobody in this document is {}, and everyone around it is {}",
            g.adjective(),
            g.adjective(),
            g.other().adjective()
        ),
    );
    f.label(span, format!("{} here", g.other().adjective()));
    f.help("check the source text: a pronoun of the other gender in a quotation is usually a translation error");
}

/// For an object pronoun with something before it in its sentence: the
/// sentence names nobody and opens with a subject pronoun of the other
/// gender; no pronoun, person or gendered noun of the pronoun's gender comes
/// before it in the document; and every person named before is of the other
/// gender by the document's evidence.
fn object_without_antecedent(a: &Analysis, pi: usize) -> bool {
    let Some(p) = a.pronouns.get(pi) else { return false };
    let other = p.gender.other();
    if !a.sentence_mentions(p.sent).is_empty()
        || a.pronouns.iter().take(pi).any(|q| q.gender == p.gender)
        || a.gendered_mention(p.gender, 0, p.sent, None, Some(pi))
    {
        return false;
    }
    let first = a.pronouns.partition_point(|q| q.sent < p.sent);
    let opens = a
        .pronouns
        .get(first)
        .is_some_and(|q| q.sent == p.sent && q.case == Case::Subject && q.gender == other && a.sent_start.get(p.sent) == Some(&q.tok));
    opens
        && (0..p.sent).all(|s| {
            a.sentence_mentions(s)
                .iter()
                .filter(|m| !matches!(m.kind, MentionKind::Org))
                .all(|m| a.leaning_gender(m, pi) == Some(other))
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lint::testing::{assert_silent, flagged};

    fn lint() -> PronounDrift {
        let lex = crate::pack::builtin_lexicons();
        let empty = toml::Table::new();
        let cx = BuildCx {
            options: &empty,
            spelling: crate::config::Spelling::Any,
            lexicons: &lex,
        };
        PronounDrift {
            names: GivenNames::shared(cx.lexicons_for(PRONOUN_DRIFT.name)).unwrap_or_default(),
        }
    }

    #[test]
    fn flags_a_reflexive_against_its_subject() {
        for (text, pro) in [
            ("Officials met. She has described himself in interviews as a plumber.", "himself"),
            (
                "Kaveh Tehrani played on. When he finished, Tehrani allowed herself a brief smile.",
                "herself",
            ),
            // A surname that is also a place word, after a title and before an age.
            (
                "Mr Park said he was tired. Park, 52, described herself as a slow director.",
                "herself",
            ),
        ] {
            assert_eq!(flagged(&lint(), text), vec![pro], "{text}");
        }
        for ok in [
            "Ana Ruiz met him. She let him introduce himself.",
            "She said the patient hurt himself.",
            "She watched the boy hurt himself.",
            "She asked the driver to excuse himself.",
            "He or she must defend himself or herself.",
            "\"She hurt himself,\" he said.",
            "She bought a gift for the man himself.",
        ] {
            assert_silent(&lint(), ok);
        }
    }

    #[test]
    fn coordinated_titles_ages_and_plural_subjects() {
        // "Chairwoman and founder X"; "X, 41, studied" is a subject.
        let text = "Chairwoman and founder Chen Xiaowen showed the machine at a fair. She said the robot used cameras.\n\n\
                    Chen, 41, studied engineering at Zhejiang University. She founded the company in 2015 with savings from his first job.";
        assert_eq!(flagged(&lint(), text), vec!["his"]);
        // "Colleagues" opening a sentence is no country or ship that "her"
        // could mean.
        let text = "The sensor was designed by a team led by the physicist Arvind Kulkarni. Kulkarni, 58, who joined the \
                    centre after his doctorate, spent nine years on it, which he said was worth it. Colleagues say her \
                    persistence kept the project alive.";
        assert_eq!(flagged(&lint(), text), vec!["her"]);
        assert_silent(
            &lint(),
            "The sensor was designed by Arvind Kulkarni, who said he was proud. Colleagues say Ana Ruiz and her team helped.",
        );
    }

    #[test]
    fn bare_surnames_with_particles_and_opening_subjects() {
        // "Dela Cruz" is the bare surname of "Ramon Dela Cruz", and the
        // subject of "spent" opening its sentence.
        let text = "Mayor Ramon Dela Cruz said he had ordered the evacuation. \"We did not wait,\" he said.\n\n\
                    Dela Cruz spent the night at the centre. She said the city had enough food for three days.";
        assert_eq!(flagged(&lint(), text), vec!["She"]);
        let text = "Youssef El Amrani said he would meet the operators. He said talks could resume.\n\n\
                    El Amrani told reporters the union was ready. She said the strike would end on Friday.";
        assert_eq!(flagged(&lint(), text), vec!["She"]);
        // Two people sharing the particle's surname: no one to link.
        assert_silent(
            &lint(),
            "Ramon Dela Cruz said he was tired. His wife, Ana Dela Cruz, was there.\n\nDela Cruz spent the night there. She said the city was safe.",
        );
    }

    #[test]
    fn a_hyphenated_particle_surname_clusters() {
        // "Al-Masri" is the surname part "Masri" of "Khalid Al-Masri".
        let text = "Officials met. Khalid Al-Masri, who grows tomatoes, said he had cut his planting. \
                    \"There is no farm,\" Mr. Al-Masri said. The new quotas, she said, would hurt his neighbours.";
        assert_eq!(flagged(&lint(), text), vec!["she"]);
    }

    #[test]
    fn patronymic_particles_and_female_surnames_are_evidence() {
        // "binti" (daughter of) decides; a female surname form votes.
        let text = "Nurul Aina binti Rahman won the seat on Sunday. Nurul Aina said his plan would protect the villages.";
        assert_eq!(flagged(&lint(), text), vec!["his"]);
        let text = "Officials met. Dinara Sultanova said she would appeal. Sultanova, 41, said his lawyers had filed the papers.";
        assert_eq!(flagged(&lint(), text), vec!["his"]);
        // Not on a place, nor against a given name of the lexicon.
        assert_silent(&lint(), "Officials met in Geneva on Monday. Marco Casanova said he would appeal.");
    }

    #[test]
    fn flags_flipped_pronoun_against_pronoun_consensus() {
        let text = "Provincial leader Bae Tae Hoon left on Monday. Bae's trip marked his first visit since he took office.\n\
                    Analysts said Bae hopes to restore his ties with the region.\n\nBae seeks to extend her political base.\n";
        assert_eq!(flagged(&lint(), text), vec!["her"]);
    }

    #[test]
    fn the_kin_a_pronoun_possesses_is_not_its_antecedent() {
        // "Anna Lund" is the wife "her" possesses, not someone "her" could mean.
        let text = "Mr Olsen said he would stay in office until the end of the year. He thanked his staff.\n\
                    Olsen attended the ceremony with her wife, Anna Lund, and their two children. Anna Lund smiled.";
        assert_eq!(flagged(&lint(), text), vec!["her"]);
        let text = "Ms Berg said she would stay in office. She thanked her staff.\n\
                    Berg attended the ceremony with his late husband's brother, Lars Lund.";
        assert_eq!(flagged(&lint(), text), vec!["his"]);
        let ok = "Ms Berg said she would stay in office. She thanked her staff.\n\
                  Berg attended the ceremony with Lars Lund and his wife, Eva Lund.";
        assert_silent(&lint(), ok);
        // Persons of the pronoun's gender elsewhere still silence it.
        let ok = "Mr Olsen said he would stay in office. He thanked his staff.\n\
                  Olsen met Anna Berg. Olsen attended the ceremony with her wife, Eva Lund.";
        assert_silent(&lint(), ok);
    }

    #[test]
    fn a_speaking_surname_makes_its_full_name_a_person() {
        let text = "Ravindra Kalwani addressed the rally. Kalwani said his party would win. Kalwani promised to expand her programmes.";
        assert_eq!(flagged(&lint(), text), vec!["her"]);
        // Another speaker lends nothing to the full name.
        let ok = "Ravindra Kalwani addressed the rally. Mehta said his party would win. Kalwani promised to expand her programmes.";
        assert_silent(&lint(), ok);
    }

    #[test]
    fn one_pronoun_each_way_the_first_sets_the_gender() {
        let text = "Prime Minister Fumio Kishida visited Seoul. Kishida said he wanted closer ties. \
                    Kishida also said she would meet business leaders.";
        assert_eq!(flagged(&lint(), text), vec!["she"]);
        // Either may be the slip: the message says so.
        let f = crate::lint::testing::run(&lint(), text, crate::source::FileKind::Plain);
        assert!(f.iter().all(|f| f.message.contains("one of the two is wrong")), "{f:?}");
        // With a given name, the evidence decides.
        let f = crate::lint::testing::run(
            &lint(),
            "Mr Tomas Berg arrived. Berg said she was glad.",
            crate::source::FileKind::Plain,
        );
        assert!(f.iter().all(|f| f.message.contains("elsewhere in this document")), "{f:?}");
        // One pronoun alone decides nothing.
        let ok = "Prime Minister Fumio Kishida visited Seoul. Kishida said she would meet business leaders.";
        assert_silent(&lint(), ok);
    }

    #[test]
    fn flags_against_honorific_and_given_name() {
        let text = "Ms Okafor arrived in the capital on Tuesday. Okafor said he would meet the delegation.";
        assert_eq!(flagged(&lint(), text), vec!["he"]);
        let text = "Prime Minister Margaret Hollis spoke on Monday. Hollis said he wanted an early vote.";
        assert_eq!(flagged(&lint(), text), vec!["he"]);
        // A portfolio after "of" runs into the name: the given name still
        // counts, and the first linked pronoun does not decide.
        let text = "Secretary of State Daniel Okafor arrived on Monday. Okafor said her plan would work. He later left.";
        assert_eq!(flagged(&lint(), text), vec!["her"]);
        let text = "Minister of Foreign Affairs Daniel Okafor arrived on Monday. Okafor said his plan would work. He later left.";
        assert_silent(&lint(), text);
        let text = "The coach, Thomas Lindqvist, was fired. Lindqvist lost her job after the defeat.";
        assert_eq!(flagged(&lint(), text), vec!["her"]);
        // The subject of an absolute construction.
        let text = "Kevin Moore scored twice. Also, the visitors won 3-1, with Danny Ings scoring her 22nd goal of the season. That left him one behind.";
        assert_eq!(flagged(&lint(), text), vec!["her"]);
        // A club before the subject is no person.
        let text =
            "Kevin Moore scored twice. Also, Southampton beat Sheffield United 3-1, with Danny Ings scoring her 22nd goal of the season.";
        assert_eq!(flagged(&lint(), text), vec!["her"]);
        // A possessive before a capitalised word.
        let text = "Mr Sindhu said on Monday he would quit. He wanted change. Sindhu joined the party with her MLAs.";
        assert_eq!(flagged(&lint(), text), vec!["her"]);
        let text = "Mr Sindhu said on Monday he would quit. Sindhu then closed her Instagram account.";
        assert_eq!(flagged(&lint(), text), vec!["her"]);
    }

    #[test]
    fn flags_against_a_gendered_noun() {
        let text = "Officials tipped over the cart on Monday. The boy had also claimed that his daily sales had fallen and the loss of her stock would hurt him.";
        assert_eq!(flagged(&lint(), text), vec!["her"]);
        let text =
            "Rescuers reached the village at noon. The woman said that her family was safe and that the loss of his house would hurt her.";
        assert_eq!(flagged(&lint(), text), vec!["his"]);
        for ok in [
            // Someone of the pronoun's gender nearby.
            "The girl and her brother left. The boy said her bag was lost.",
            // The noun is not the subject.
            "Police questioned the boy. Her statement was taken later.",
            // Another person of unknown gender in the window.
            "Alex Morgan met the woman on Monday. The woman said his house was gone.",
            // Object pronoun.
            "The man said the police had stopped her on Monday.",
        ] {
            assert_silent(&lint(), ok);
        }
    }

    #[test]
    fn a_company_and_its_short_name_are_no_persons() {
        // "Tan Viet Mobility" ends in an abstract noun; "Tan Viet" is its
        // short name: nobody else "she" could mean.
        let text = "Tan Viet Mobility opened a plant in Hanoi on Monday. Director Tomas Berg said he was pleased. \
                    He said he wants Tan Viet to export to Laos by 2027, and she told reporters that talks were under way.";
        assert_eq!(flagged(&lint(), text), vec!["she"]);
        // A surname in "-ment" of seven letters is a person's.
        let text = "Director Ana Clement opened a plant on Monday. Clement said she was pleased, and he told reporters so.";
        assert_eq!(flagged(&lint(), text), vec!["he"]);
    }

    #[test]
    fn a_hyphenated_name_with_a_month_syllable_is_a_person() {
        // "Jun" of "Kang Jun-ho" is no month: he is the person "his" may mean.
        let text = "Director Ana Reyes won the prize. She thanked her crew.\n\n\
                    The jury, chaired by director Marisol Dizon, praised its cinematographer, Kang Jun-ho, for his images of the coast.\n\n\
                    Culture Minister Tomas Berg presented the award. He said he was proud.";
        assert!(flagged(&lint(), text).is_empty());
    }

    #[test]
    fn flags_a_pronoun_without_an_antecedent_of_its_gender() {
        // The speaker of a quotation after "Mr X said".
        let text = "Mr Chouhan said on Monday that there was no need to fear. \"Do not hide symptoms. \
                    Timely treatment will make you healthy,\" she said.";
        assert_eq!(flagged(&lint(), text), vec!["she"]);
        // A person as the object, and a possessive later in the sentence.
        let text = "Paul Pogba had been expected to leave. That clarification has helped Pogba as her performances, as well as his body language, have improved.";
        assert_eq!(flagged(&lint(), text), vec!["her"]);
        // A person outside any cluster, whose pronoun follows in its sentence.
        let text = "The manager, Hayden Mullins, might reflect that he would never have been handed this task if her team had shown such application.";
        assert_eq!(flagged(&lint(), text), vec!["her"]);
        // A military unit is no person of unknown gender.
        let text = "Colonel Ivo Mertens visited the base on Monday. The officers of the Royal Kordani Regiment met him there. She said the visit went well.";
        assert_eq!(flagged(&lint(), text), vec!["She"]);
        // The words after "Ministry of" are no person.
        let text = "Mr Mechal spoke on Monday. He has been chief of staff at the Ministry of Social Affairs. \
                    She now has a month to form a government.";
        assert_eq!(flagged(&lint(), text), vec!["She"]);
        // A name without person evidence after "on", "in" or "at" is an
        // outlet or a place, not a person of unknown gender nearby.
        let text = "Kevin Moore scored twice on Sunday. He spoke on Sky Sports after the match. Moore said her legs were tired.";
        assert_eq!(flagged(&lint(), text), vec!["her"]);
        // An object pronoun in a sentence that opens with a pronoun of the
        // other gender, when the document names nobody of its gender before.
        let text = "Kevin Moore scored twice on Sunday. He paid tribute to his team-mates and said there are miles left in her.";
        assert_eq!(flagged(&lint(), text), vec!["her"]);
        // A pronoun as the only antecedent is named as a pronoun.
        let text = "He paid tribute to his team-mates and said there are miles left in her.";
        let f = crate::lint::testing::run(&lint(), text, crate::source::FileKind::Plain);
        assert!(f.first().is_some_and(|f| f.message.contains("the one 'his' refers to")), "{f:?}");
        for ok in [
            // A person of unknown gender nearby.
            "Mr Chouhan met Sam Rivera on Monday. She said the talks went well.",
            "Mr Chouhan met Sam Rivera on Monday. He left. She said the talks went well.",
            "Mr Chouhan said on Monday that there was no need to fear. The doctor said she agreed.",
            // Something of the pronoun's gender in the eight sentences before.
            "Mr Chouhan met his wife on Monday. They went home. He was tired. Later she said the talks went well.",
            "Mr Chouhan praised her. Mr Chouhan said on Monday that there was no need to fear. She said so too.",
            // An organisation as the subject in between.
            "Mr Chouhan met Mr Singh on Monday. The airline said her flights would resume.",
            // No person or pronoun in the sentences before.
            "Mr Chouhan spoke. The storm passed. The roads opened. Shops reopened. She said so.",
            // Object pronouns are not judged.
            "Mr Chouhan met Mr Singh on Monday. The police stopped her.",
            // ... unless nobody of their gender comes before in the
            // document (below); here someone may be meant.
            "Kevin Moore met Sam Rivera on Monday. He said there are miles left in her.",
            "Kevin Moore met Ms Rivera on Monday. He said there are miles left in her.",
            "Kevin Moore spoke on Monday. The coach said there are miles left in her.",
            // Quoted.
            "Mr Chouhan said on Monday: \"She will win.\"",
        ] {
            assert_silent(&lint(), ok);
        }
    }

    #[test]
    fn countries_and_ships_may_be_she() {
        for ok in [
            "The prime minister, Mr Hale, said he was pleased. Britain and her allies met on Monday.",
            "Mr Hale said he was pleased. France said her position had not changed.",
            "Mr Hale said he was pleased with the ship. The vessel lost her rudder on Monday.",
            "Mr Hale said he was pleased. The Titanic left port on Monday. She sank four days later.",
        ] {
            assert_silent(&lint(), ok);
        }
        // A title alone names the one person the document gave it.
        let text = "Foreign Secretary Dominic Raab flew home on Monday. The Foreign Secretary acknowledged that plans had changed. \
                    \"We must act,\" she said.";
        assert_eq!(flagged(&lint(), text), vec!["she"]);
        let text = "Foreign Secretary Dominic Raab and Home Secretary Priti Patel spoke. The Secretary said she would act.";
        assert!(flagged(&lint(), text).is_empty());
        // A person named by a title alone may be meant.
        for ok in [
            "Mr Smith met the Queen on Monday. She praised his work.",
            "Mr Smith met the Governor on Monday. She praised his work.",
        ] {
            assert_silent(&lint(), ok);
        }
        // A country inside a clause about someone else is not meant.
        let text = "Earlier in the interview, Mr Blair said that the UK and EU could still land a deal. She said the talks would go on.";
        assert_eq!(flagged(&lint(), text), vec!["She"]);
        // So is "nation" or "country" as an object; a vessel anywhere may be.
        let text = "Mr Saa told a stunned nation that he could not rescue the economy. He said his plan had failed. \
                    Only a week ago she was promising a million new jobs.";
        assert_eq!(flagged(&lint(), text), vec!["she"]);
        let ok = "Mr Saa said he had seen the ship leave port on Monday. She sank in the storm.";
        assert_silent(&lint(), ok);
    }

    #[test]
    fn links_cataphora_into_the_main_clause() {
        let text =
            "Mr Lucas spoke on Monday. Despite her willingness to work with agents, Lucas said that Trump's rhetoric had caused concern.";
        assert_eq!(flagged(&lint(), text), vec!["her"]);
        let text = "Jamie Vardy, who won the award, was named the top scorer. While her team fell short, Vardy himself ended the season with 23 goals and his best form.";
        assert_eq!(flagged(&lint(), text), vec!["her"]);
        for ok in [
            // The name after the comma is a possessive: someone else.
            "Mr Grant spoke on Monday. In her speech, Mr Grant's successor spoke of reform.",
            // A person of unknown gender before.
            "Mr Lucas met Sam Rivera on Monday. Despite her willingness, Lucas said no.",
        ] {
            assert_silent(&lint(), ok);
        }
    }

    #[test]
    fn names_after_the_article_are_not_persons() {
        // "the Rose Bowl" is no woman called Rose: the pronoun follows "his".
        let text = "Justin Herbert started 42 games. He capped his career with a win in the Rose Bowl, where she ran for three touchdowns.";
        assert_eq!(flagged(&lint(), text), vec!["she"]);
    }

    #[test]
    fn evidence_labels_are_attached() {
        let text = "Ms Okafor arrived in the capital on Tuesday. Okafor said he would meet the delegation.";
        let f = crate::lint::testing::run(&lint(), text, crate::source::FileKind::Plain);
        assert_eq!(f.len(), 1);
        assert!(f[0].message.contains("'Okafor'"), "{}", f[0].message);
        assert!(
            f[0].labels.iter().any(|l| l.message.contains("female here: 'Ms'")),
            "{:?}",
            f[0].labels
        );
    }

    #[test]
    fn a_name_before_an_apposition_and_a_speech_verb_is_the_subject() {
        let text = "Mr Corley, from the Board of Port Operators, says she understands the plans.";
        assert_eq!(flagged(&lint(), text), vec!["she"]);
        // A name in the apposition is the same person as the title.
        let ok = "The Attorney-General, Robin Ames, says the man left. He will not say where she trained.";
        assert_silent(&lint(), ok);
    }

    #[test]
    fn links_an_attribution_after_a_quote_to_the_speaker_before_it() {
        // The speaker of the sentence before the quotation, not the person
        // spoken about ("Lim") nor anyone named inside it.
        let text = "Premier Peter Vance says the state government may force Lim to return. \
                    \"Why he had a passport is beyond me,\" she said.";
        assert_eq!(flagged(&lint(), text), vec!["she"]);
        // "he and his family" is one person, not a generic pronoun.
        let text = "Wal Dunmore says he and his family are coming to terms with the loss. \
                    \"That is all I can say on that,\" she said.";
        assert_eq!(flagged(&lint(), text), vec!["she"]);
        for ok in [
            // Two speakers before the quotation.
            "Peter Vance and Anna Kerr spoke on Monday. \"We will act,\" she said.",
            // A woman named just before.
            "Teresa Dunmore died in the crash. Wal Dunmore says he is coming to terms with it. \"It is hard,\" she said.",
            // A speaker of unknown gender.
            "Peter Vance met reporters. Labor MP Robin Ames says it fails. \"We will fight,\" she said.",
            // "he and she" is two people.
            "Mr Grant said he and she would both attend.",
        ] {
            assert_silent(&lint(), ok);
        }
    }

    #[test]
    fn abstains_when_ambiguous() {
        for ok in [
            // Two persons of different genders.
            "Ms Okafor met her husband, Daniel Okafor, on Monday. Okafor said he was glad.",
            "Maria Lopez and John Smith met on Monday. Lopez said he was glad.",
            // Another person of unknown gender nearby.
            "Mr Tanaka met Sam Rivera at the hotel. Tanaka said she was late.",
            // ... a name after "with" may be a person.
            "Kevin Moore scored twice on Sunday. He spoke on Sky Sports with Sam Rivera. Moore said her legs were tired.",
            // ... named after a title such as "MP".
            "Daryl Williams says the plan works. He told Channel Nine so. Labor MP Lyn Breuer says it fails. \"We will fight,\" she said.",
            // Object pronoun in the same clause.
            "Mr Grant praised her on Monday.",
            "Mr Grant told her Monday that the plan was off.",
            "Mr Grant said the magazine had named her Person of the Year.",
            // Generic pronouns.
            "Mr Grant said every voter should know whether he or she is registered.",
            "Mr Grant said each voter should check his/her registration.",
            // Quoted speech.
            "Mr Grant said: \"She will win.\"",
            // Countries are not persons.
            "Britain and her allies met on Monday. The prime minister, Mr Hale, said he was pleased.",
            // Cataphora.
            "In her speech, Mr Grant's successor spoke of reform.",
            // A gendered noun of the pronoun's gender nearby.
            "Mr Grant left the room. The woman said she would stay.",
            // Two Baes: the bare name is ambiguous.
            "Bae Tae Hoon and his sister Bae Mi Ran arrived. Bae said she was ready.",
        ] {
            assert_silent(&lint(), ok);
        }
    }

    #[test]
    fn consistent_articles_are_silent() {
        let text = "German Chancellor Angela Merkel arrived in Paris on Monday. Merkel said she hoped for progress.\n\
                    Her spokesman, Steffen Seibert, said he expected a long meeting. Merkel later met President Emmanuel Macron, \
                    and she praised his plan.";
        assert!(flagged(&lint(), text).is_empty(), "{:?}", flagged(&lint(), text));
    }

    #[test]
    fn a_title_alone_is_the_one_person_who_holds_it() {
        // Every title of a stacked run, and a titled surname, name the
        // person "the President" means: no unknown person in the window.
        let text = "President General Omar Teklu says the country wants calm. \"We want calm,\" he said. \
                    The President said he had the support of all parties. President Teklu also said she welcomed the offer.\n";
        assert_eq!(flagged(&lint(), text), vec!["she"]);
        // A title in apposition to a name is that person.
        let text = "The Transport Minister, Karl Brenner, says the ministry is still trying to reach the family. \
                    Mr Brenner says the ministry knows little about the 40-year-old. He says he was not aware she had applied for a licence.\n";
        assert_eq!(flagged(&lint(), text), vec!["she"]);
        // Over a portfolio; and a noun for a person in apposition, or the
        // one person the document calls so.
        let text = "The Minister of Ports and Transport, Karl Brenner, explained the plan. \
                    Brenner said that her ministry will present the details.\n";
        assert_eq!(flagged(&lint(), text), vec!["her"]);
        let text = "The president of Tarravia, Omar Teklu, announced a plan on Tuesday. Teklu said that his government would \
                    invest in solar power. The opposition said the president lacked support. Teklu added that she would present the bill.\n";
        assert_eq!(flagged(&lint(), text), vec!["she"]);
        // Two presidents: "the President" may be either.
        let text = "President Omar Teklu met President Liu Wen. The President said she was pleased. Teklu said he agreed.\n";
        assert!(flagged(&lint(), text).is_empty(), "{:?}", flagged(&lint(), text));
    }

    #[test]
    fn a_speaker_over_an_adverb_is_a_person() {
        // "Zhao Lin also said": a person, though no title or given name.
        let text = "Minister Karl Brenner met his counterpart Zhao Lin on Tuesday.\n\
                    According to the ministry, Zhao Lin expressed his gratitude. Zhao Lin also said that she hopes for more trade.\n";
        assert_eq!(flagged(&lint(), text), vec!["she"]);
    }

    #[test]
    fn flags_the_only_pronoun_of_its_gender_in_a_quotation() {
        let text = "Coach Daniel Marsh says he will pick the same side. \"He has trained hard and his form is good,\" \
                    he said. \"She is ready to play on Saturday.\"\n";
        assert_eq!(flagged(&lint(), text), vec!["She"]);
        let text = "Mr Ochieng said he was pleased. \"We talked for an hour and he told me his plans,\" he said. \
                    \"I don't think the board will stop him,\" he added. \"It would be a mistake to lose her.\"\n";
        assert_eq!(flagged(&lint(), text), vec!["her"]);
    }

    #[test]
    fn a_quoted_pronoun_with_someone_of_its_gender_in_the_document_is_silent() {
        for text in [
            // A woman named elsewhere, a gendered noun, a second pronoun of
            // its gender, a person of unknown gender nearby, a country.
            "Ms Rana Ahad chaired the meeting. Coach Daniel Marsh says he will pick the same side. \
             \"He has trained hard,\" Mr Marsh said. \"She is ready to play.\"\n",
            "Daniel Marsh says his mother taught him the game. \"He plays hard,\" he said. \"She was always there.\"\n",
            "Daniel Marsh says he is ready. \"She is fit and she is ready,\" he said of the team. He smiled.\n",
            "Daniel Marsh says he is ready. He met Robin Kell. \"She is fit,\" he said.\n",
            "Daniel Marsh says he loves Australia. \"She'll be right,\" he said, and he laughed.\n",
            "Daniel Marsh says he or she must decide. \"She must decide,\" he said.\n",
        ] {
            assert!(flagged(&lint(), text).is_empty(), "{text}: {:?}", flagged(&lint(), text));
        }
    }

    #[test]
    fn no_pronouns_no_work() {
        assert!(flagged(&lint(), "The parade began at noon.").is_empty());
    }
}

#[cfg(test)]
mod pack_tests {
    #[test]
    fn given_names_pack_examples_pass() {
        let (path, text) = crate::pack::BUILTIN_PACKS
            .iter()
            .find(|(p, _)| p.ends_with("given-names.toml"))
            .copied()
            .unwrap_or(("", ""));
        let pack = crate::pack::parse_pack(path, text);
        assert!(pack.is_ok(), "given-names.toml does not parse");
        if let Ok(pack) = pack {
            let failures = crate::pack::test_pack(&pack);
            assert!(failures.is_empty(), "{failures:?}");
        }
    }
}
