use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use crate::declare_lint;
use crate::document::{Document, TokenKind};
use crate::finding::Applicability;
use crate::lint::{BuildCx, Ctx, Lint, RuleInfo};

use super::{next_word, prev_word, CARDINALS};

declare_lint! {
    /// ## What it does
    ///
    /// Flags an acronym plural written in capitals, "ICBMS" or "NGOS", where
    /// the document also uses the singular ("ICBM") or the usual plural
    /// ("ICBMs"), or where a number, a quantifier or a lowercase plural
    /// joined by "and"/"or" shows the plural ("two NGOS", "cars and SUVS").
    ///
    /// ## Why is this bad?
    ///
    /// The plural "s" of an acronym is lowercase. An uppercase "S" reads as
    /// part of the acronym ("ICBMS" as a different body or system), and it is
    /// a typical artifact of case-folding pipelines and machine translation.
    ///
    /// ## Example
    ///
    /// ```text
    /// It tested various versions of the ICBMS. The new ICBM can carry...
    /// ```
    ///
    /// Use instead: `ICBMs`.
    ///
    /// ## Known problems
    ///
    /// Acronyms that end in S in their own right (AIDS, SARS, GPS, NHS,
    /// BRICS...) are listed in the pack `acronyms`; one missing from the list
    /// can be flagged when the document also uses its stem ("SAR" and
    /// "SARS"); a listed one is flagged only beside its usual plural ("MPS"
    /// where the document also writes "MPs") or when a number word or
    /// "other" counts it and a verb or the line's end follows ("Other MPS
    /// criticised"), never on its stem or a quantifier before a noun ("two
    /// GPS units" beside "a GP"). English words in capitals ("AUTHORS") are
    /// no acronyms. Blocks written mostly in capitals are skipped. The fix
    /// is unsafe.
    pub static ACRONYM_PLURAL = {
        name: "acronym-plural",
        family: "typography",
        severity: Warning,
        status: Preview,
        fix: Some(Applicability::Unsafe),
        english_only: true,
    };
}

pub struct AcronymPlural {
    /// All-caps words that end in S in their own right.
    exempt: HashSet<String>,
    /// The shared English word list: "AUTHORS", "LICENSES" are words in
    /// capitals, not acronyms.
    words: std::sync::Arc<super::words::Words>,
}

impl AcronymPlural {
    pub fn build(cx: &BuildCx) -> Result<Box<dyn Lint>, String> {
        if let Some(key) = cx.options.keys().next() {
            return Err(format!("unknown option `{key}` (this lint has no options)"));
        }
        let exempt = cx
            .lexicons_for(ACRONYM_PLURAL.name)
            .flat_map(|l| l.entries())
            .map(|e| e.to_uppercase())
            .collect();
        Ok(Box::new(AcronymPlural {
            exempt,
            words: super::words::Words::shared(cx.lexicons),
        }))
    }
}

/// Words that show a plural before an acronym besides [`CARDINALS`]:
/// "two NGOS", "several ICBMS".
const QUANTIFIERS: &[&str] = &[
    "dozen",
    "several",
    "many",
    "multiple",
    "numerous",
    "various",
    "few",
    "these",
    "those",
    "both",
    "other",
    "more",
    "most",
    "fewer",
    "hundreds",
    "dozens",
    "thousands",
];

/// Whether `w` (lowercase) shows a plural before an acronym.
fn is_quantifier(w: &str) -> bool {
    CARDINALS.contains(&w) || QUANTIFIERS.contains(&w)
}

/// Verbs after a plural subject: "four MPS voted", "other MPS say".
const PLURAL_VERBS: &[&str] = &[
    "are", "were", "have", "had", "say", "said", "want", "will", "would", "could", "can", "must",
];

fn is_acronym_plural(w: &str) -> bool {
    let b = w.as_bytes();
    b.len() >= 3
        && b.iter().all(u8::is_ascii_uppercase)
        && b[b.len() - 1] == b'S'
        && b[b.len() - 2] != b'S'
        // A vowel-less or short stem reads as an acronym; "NEWS", "BOSS" do not matter here.
        && !matches!(w, "ITS" | "HIS" | "HAS" | "WAS" | "IS" | "AS" | "US" | "YES" | "THIS" | "THUS" | "PLUS" | "LESS")
}

impl Lint for AcronymPlural {
    fn rules(&self) -> Vec<RuleInfo> {
        vec![RuleInfo::from(&ACRONYM_PLURAL)]
    }

    fn check(&self, doc: &Document, cx: &mut Ctx) {
        // Candidates first (cheap): all-caps words ending in S.
        let mut candidates: Vec<usize> = Vec::new();
        let text = doc.source.text.as_bytes();
        // A candidate ends in two capitals, the last not 'S', and an 'S'
        // ("NGOS"): most documents have none (found by memchr).
        let shape = |p: usize| p >= 2 && text[p - 1].is_ascii_uppercase() && text[p - 1] != b'S' && text[p - 2].is_ascii_uppercase();
        let hits: Vec<usize> = memchr::memchr_iter(b'S', text).filter(|&p| shape(p)).collect();
        if hits.is_empty() {
            return;
        }
        for block in &doc.blocks {
            // A candidate's final 'S' is one of the hits.
            let first = hits.partition_point(|&p| p < block.span.start);
            if hits.get(first).is_none_or(|&p| p >= block.span.end) {
                continue;
            }
            let toks = doc.block_tokens(block);
            let found_at = candidates.len();
            for (k, t) in toks.iter().enumerate() {
                // Cheapest test first: the last byte.
                if t.kind != TokenKind::Word || t.span.len() < 3 || text.get(t.span.end - 1) != Some(&b'S') {
                    continue;
                }
                let w = doc.text(t.span);
                // (An English word in capitals, "AUTHORS", "STRINGS", is no
                // acronym: a stem of four letters or more that the word list
                // knows.)
                if is_acronym_plural(w) && !(w.len() >= 5 && super::words::with_lowercase(&w[..w.len() - 1], |l| self.words.is_word(l, 50)))
                {
                    candidates.push(block.tokens.start + k);
                }
            }
            if candidates.len() == found_at {
                continue;
            }
            // A block written in capitals is shouting, not acronyms.
            let mut words = 0usize;
            let mut caps = 0usize;
            for t in toks.iter().filter(|t| t.kind == TokenKind::Word) {
                words += 1;
                let w = doc.text(t.span);
                if w.len() >= 2 && w.bytes().all(|b| b.is_ascii_uppercase()) {
                    caps += 1;
                }
            }
            if caps * 2 > words {
                candidates.truncate(found_at);
            }
        }
        if candidates.is_empty() {
            return;
        }
        // Which stems the document uses, as "ICBM", "ICBMs" or "ICBM's"
        // (`.0`), and whether it writes the usual plural "ICBMs" (`.1`).
        let mut stems: HashMap<&str, (bool, bool)> = HashMap::default();
        for &i in &candidates {
            let w = doc.text(doc.tokens[i].span);
            stems.insert(&w[..w.len() - 1], (false, false));
        }
        for t in doc.words() {
            let w = doc.text(t.span);
            if !w.starts_with(|c: char| c.is_ascii_uppercase()) {
                continue;
            }
            let base = w
                .strip_suffix("'s")
                .or_else(|| w.strip_suffix("\u{2019}s"))
                .or_else(|| w.strip_suffix('s'))
                .unwrap_or(w);
            for b in [base, w] {
                if let Some(seen) = stems.get_mut(b) {
                    seen.0 = true;
                }
            }
            if let Some(seen) = w.strip_suffix('s').and_then(|b| stems.get_mut(b)) {
                seen.1 = true;
            }
        }
        for &i in &candidates {
            let t = doc.tokens[i];
            let w = doc.text(t.span);
            let stem = &w[..w.len() - 1];
            let (attested, usual_plural) = stems.get(stem).copied().unwrap_or((false, false));
            let quantified = stem.len() >= 3
                && (prev_word(doc, i).is_some_and(|p| is_quantifier(&doc.text(doc.tokens[p].span).to_lowercase()))
                    || (i >= 2
                        && doc.tokens[i - 1].kind == TokenKind::Space
                        && doc.tokens[i - 2].kind == TokenKind::Number
                        && doc.text(doc.tokens[i - 2].span) != "1"));
            // Coordinated with a lowercase plural: "cars and SUVS", "SUVS
            // or trucks".
            let plural_word = |k: usize| {
                let w = doc.text(doc.tokens[k].span);
                w.len() >= 4
                    && w.bytes().all(|b| b.is_ascii_lowercase())
                    && w.ends_with('s')
                    && !["ss", "us", "is", "ys"].iter().any(|e| w.ends_with(e))
                    && !["does", "goes", "news", "series", "species"].contains(&w)
            };
            let conj = |k: usize| matches!(doc.text(doc.tokens[k].span), "and" | "or");
            let coordinated = stem.len() >= 2
                && (prev_word(doc, i).is_some_and(|p| conj(p) && prev_word(doc, p).is_some_and(plural_word))
                    || next_word(doc, i).is_some_and(|n| conj(n) && next_word(doc, n).is_some_and(plural_word)));
            // An acronym that ends in S in its own right ("MPS", "GPS") is
            // a lost lowercase plural only beside its usual plural ("MPs").
            let listed = self.exempt.contains(w);
            // A listed one after a number word or "other", before a verb or
            // at the end of its line, is a plural too ("four MPS voted",
            // "Other MPS criticised"; "four MPS officers" names the service).
            let counted_plural = listed && {
                let counted = prev_word(doc, i).is_some_and(|p| {
                    let q = doc.text(doc.tokens[p].span).to_lowercase();
                    is_quantifier(&q) && q != "more" && q != "most"
                });
                let next = next_word(doc, i).map(|n| doc.text(doc.tokens[n].span));
                let verb_after = next.is_some_and(|n| n.len() > 4 && n.ends_with("ed") || PLURAL_VERBS.contains(&n));
                let line_end = matches!(doc.source.text.as_bytes().get(t.span.end), None | Some(b'\n' | b'\r'));
                counted && (verb_after || line_end)
            };
            if !(usual_plural || counted_plural || !listed && (attested || quantified || coordinated)) {
                continue;
            }
            let fixed = format!("{stem}s");
            let why = if usual_plural {
                format!("the document also writes '{stem}s'")
            } else if attested {
                format!("the document also writes '{stem}'")
            } else {
                "a plural by its context".to_string()
            };
            let f = cx.report(
                t.span,
                format!("'{w}' is the plural of '{stem}' ({why}); the plural 's' is lowercase"),
            );
            f.replace(fixed.clone(), Applicability::Unsafe);
            f.help(format!("write '{fixed}'"));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lint::testing::{fixed, flagged};

    fn lint() -> Box<dyn Lint> {
        crate::lint::testing::build_builtin(AcronymPlural::build)
    }

    #[test]
    fn flags_acronym_plurals() {
        let l = lint();
        // A listed S-acronym counted and followed by a verb or a line end.
        assert_eq!(
            flagged(l.as_ref(), "Other MPS criticised the plan, and four MPS\nvoted against it."),
            vec!["MPS", "MPS"]
        );
        assert_eq!(
            flagged(
                l.as_ref(),
                "It tested versions of the ICBMS capable of reaching the US. The new ICBM is larger."
            ),
            vec!["ICBMS"]
        );
        assert_eq!(
            flagged(l.as_ref(), "Several NGOS said they had left. Two NGOS stayed."),
            vec!["NGOS", "NGOS"]
        );
        assert_eq!(flagged(l.as_ref(), "The UAVs flew. Then 12 UAVS landed."), vec!["UAVS"]);
        // A listed S-acronym beside its usual plural.
        assert_eq!(
            flagged(l.as_ref(), "Several MPs spoke. Other MPS criticised the plan."),
            vec!["MPS"]
        );
        assert_eq!(
            fixed(l.as_ref(), "The ICBM flew, then other ICBMS."),
            "The ICBM flew, then other ICBMs."
        );
    }

    #[test]
    fn flags_an_acronym_plural_coordinated_with_a_plural() {
        let l = lint();
        assert_eq!(
            flagged(l.as_ref(), "The firm sold many electric cars and SUVS last year."),
            vec!["SUVS"]
        );
        assert_eq!(flagged(l.as_ref(), "Rebels planted IEDS or mines along the road."), vec!["IEDS"]);
        assert!(flagged(l.as_ref(), "The bill was backed by MPS and senators.").is_empty());
        assert!(flagged(l.as_ref(), "This was the news and CNNS said so.").is_empty());
    }

    #[test]
    fn leaves_real_acronyms_and_shouting() {
        let l = lint();
        for ok in [
            "The AIDS epidemic and SARS were discussed with the NHS and the IRS.",
            "Hong Kong SAR officials discussed SARS and the BRICS and a BRIC fund.",
            "The GPS unit and the CBS show. GP visits rose.",
            "BREAKING NEWS: LEADERS MEET AS TALKS RESUME",
            "NGOS protested.",
            "The ICBMs and the ICBM were shown.",
            "Four MPS officers met.",
            "The GPS failed. Several GPS units and two SMS messages were sent.",
            "The GPS unit failed. A GP said so.",
            "Two GPS units and the GP's advice.",
            // Words in capitals in a licence, and protocol names.
            "See the AUTHORS file. Each AUTHOR keeps rights. Use HTTPS, not plain HTTP, for the server.",
        ] {
            assert!(flagged(l.as_ref(), ok).is_empty(), "{ok}: {:?}", flagged(l.as_ref(), ok));
        }
    }
}
