use std::collections::{HashMap, HashSet};
use std::sync::Arc;

use crate::declare_lint;
use crate::document::{Document, Scope, TokenKind};
use crate::finding::Applicability;
use crate::lint::{BuildCx, Ctx, Lint, RuleInfo};

use super::words::Words;
use super::{is_capitalised, next_word, prev_word};

declare_lint! {
    /// ## What it does
    ///
    /// Flags a common word capitalised in the middle of a sentence: "the
    /// Brazilian president Lula da Silva To monitor the summit", "troops to
    /// Support the war", "moreover Thousands of workers", "during His 14
    /// year old rule".
    ///
    /// ## Why is this bad?
    ///
    /// Machine translation carries over capitals from the source segmenting,
    /// and careless editing leaves them behind. A capital mid-sentence makes a
    /// common word read as a name.
    ///
    /// ## Example
    ///
    /// ```text
    /// North Korea sent troops to Support the war in exchange for aid.
    /// ```
    ///
    /// Use instead: `to support the war`.
    ///
    /// ## Known problems
    ///
    /// Only a word preceded by another word and followed by a lowercase word
    /// or a number is judged, so the first word of a sentence, after a
    /// colon, a quotation mark, a bracket or a dash, is never flagged; nor
    /// are headings, title-case and headline-like lines, list items, "I",
    /// acronyms, known names and capitalised words of the word list ("West",
    /// "Senate", "May") and institution heads (pack `capitals`). Function
    /// words ("To", "His", "In", "The") are flagged unless they start a
    /// capitalised sequence ("To Lam", "Gone With the Wind"); they get a safe
    /// fix. Other common words are flagged only after a lowercase word that
    /// is not a determiner or a title cue ("the film Parasite"), outside
    /// quotations, and only when the capitalised form occurs once in the
    /// document (a name recurs); their fix is unsafe.
    pub static STRAY_CAPITAL = {
        name: "stray-capital",
        family: "typography",
        severity: Warning,
        status: Preview,
        fix: Some(Applicability::Safe),
        english_only: true,
    };
}

/// Commonest class for a content word to count as common.
const COMMON_CLASS: u8 = 35;

pub struct StrayCapital {
    words: Arc<Words>,
    exempt: HashSet<String>,
}

impl StrayCapital {
    pub fn build(cx: &BuildCx) -> Result<Box<dyn Lint>, String> {
        if let Some(key) = cx.options.keys().next() {
            return Err(format!("unknown option `{key}` (this lint has no options)"));
        }
        let exempt = cx
            .lexicons_for(STRAY_CAPITAL.name)
            .flat_map(|l| l.entries.iter())
            .cloned()
            .collect();
        Ok(Box::new(StrayCapital {
            words: Words::shared(cx.lexicons),
            exempt,
        }))
    }
}

/// Closed-class words: never capitalised mid-sentence unless part of a name
/// or a title.
const FUNCTION: &[&str] = &[
    "to",
    "in",
    "his",
    "her",
    "hers",
    "the",
    "of",
    "for",
    "with",
    "from",
    "by",
    "at",
    "on",
    "as",
    "and",
    "but",
    "or",
    "nor",
    "its",
    "their",
    "theirs",
    "this",
    "that",
    "these",
    "those",
    "which",
    "who",
    "whom",
    "whose",
    "an",
    "our",
    "your",
    "my",
    "we",
    "they",
    "he",
    "she",
    "it",
    "them",
    "him",
    "is",
    "are",
    "was",
    "were",
    "be",
    "been",
    "being",
    "has",
    "have",
    "had",
    "would",
    "can",
    "could",
    "should",
    "might",
    "must",
    "not",
    "also",
    "than",
    "then",
    "there",
    "here",
    "when",
    "where",
    "while",
    "after",
    "before",
    "during",
    "into",
    "over",
    "under",
    "about",
    "against",
    "between",
    "among",
    "through",
    "since",
    "until",
    "because",
    "if",
    "so",
    "such",
    "very",
    "more",
    "most",
    "some",
    "any",
    "all",
    "both",
    "each",
    "every",
    "other",
    "another",
    "moreover",
    "however",
    "therefore",
    "thus",
    "although",
    "though",
    "yet",
    "still",
    "just",
    "only",
    "even",
    "already",
    "whether",
    "within",
    "without",
    "upon",
    "via",
    "toward",
    "towards",
    "across",
    "along",
    "around",
    "behind",
    "beyond",
    "despite",
    "including",
    "regarding",
    "whereas",
    "whilst",
    "furthermore",
    "meanwhile",
    "besides",
    "hence",
    "did",
    "does",
    "do",
    "shall",
    "many",
    "much",
    "few",
    "several",
];

/// Lowercase words before a capitalised common word that make a name or
/// title likely: "the Court", "his Party", "the film Parasite".
const NAME_CUES: &[&str] = &[
    "the",
    "a",
    "an",
    "this",
    "that",
    "these",
    "those",
    "his",
    "her",
    "its",
    "their",
    "our",
    "your",
    "my",
    "whose",
    "every",
    "each",
    "any",
    "no",
    "film",
    "movie",
    "book",
    "novel",
    "song",
    "album",
    "series",
    "show",
    "play",
    "opera",
    "magazine",
    "newspaper",
    "paper",
    "journal",
    "called",
    "named",
    "titled",
    "entitled",
    "dubbed",
    "codenamed",
    "operation",
    "hashtag",
    "slogan",
    "brand",
    "team",
    "club",
    "band",
    "group",
    "party",
    "ship",
    "vessel",
    "app",
    "game",
    "painting",
    "poem",
    "documentary",
    "programme",
    "program",
    "campaign",
    "initiative",
    "doctrine",
    "plan",
    "project",
    "mission",
    "station",
    "channel",
    "network",
    "outlet",
    "agency",
    "daily",
    "weekly",
    "tabloid",
    "website",
    "platform",
    "label",
    "studio",
    "festival",
    "award",
    "prize",
    "exercise",
    "drill",
    "summit",
    "forum",
    "dialogue",
    "model",
    "version",
    "word",
    "words",
    "term",
    "phrase",
    "motto",
    "president",
    "minister",
    "leader",
    "chairman",
    "secretary",
    "general",
    "mr",
    "mrs",
    "ms",
    "dr",
    "lord",
    "lady",
    "sir",
    "saint",
    "st",
    "king",
    "queen",
    "prince",
    "princess",
    "pope",
    "father",
    "brother",
    "sister",
    "uncle",
    "aunt",
    "captain",
    "judge",
    "senator",
    "governor",
    "mayor",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "several",
    "many",
];

/// Words that join the parts of a name: "Ministry of Transport".
const LINKS: &[&str] = &[
    "of", "and", "for", "on", "de", "del", "da", "du", "des", "la", "le", "von", "van", "al", "el", "y", "&",
];

/// Pronouns that some writers capitalise for a deity: left alone when the
/// document does so more than once.
const PRONOUNS: &[&str] = &[
    "he", "him", "his", "himself", "you", "your", "thy", "thee", "thou", "who", "whom", "she", "her",
];

/// How a capitalised word is judged.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    Function,
    Content,
}

impl Lint for StrayCapital {
    fn rules(&self) -> Vec<RuleInfo> {
        vec![RuleInfo::from(&STRAY_CAPITAL)]
    }

    fn check(&self, doc: &Document, cx: &mut Ctx) {
        let mut candidates: Vec<(usize, Kind)> = Vec::new();
        for block in &doc.blocks {
            if block.heading_like || block.title_case || !matches!(block.scope, Scope::Paragraph | Scope::Line | Scope::Quote) {
                continue;
            }
            for i in block.tokens.clone() {
                let Some(t) = doc.tokens.get(i) else { continue };
                if t.kind != TokenKind::Word {
                    continue;
                }
                let w = doc.text(t.span);
                if w.len() < 2 || !w.as_bytes()[0].is_ascii_uppercase() || !is_capitalised(w) || !w.chars().all(char::is_alphabetic) {
                    continue;
                }
                if let Some(kind) = self.judge(doc, i, w) {
                    candidates.push((i, kind));
                }
            }
        }
        if candidates.is_empty() {
            return;
        }
        // Pronouns capitalised mid-sentence more than once: a deity.
        let mut pronouns: HashMap<&str, usize> = candidates
            .iter()
            .map(|c| doc.text(doc.tokens[c.0].span))
            .filter(|w| PRONOUNS.contains(&w.to_lowercase().as_str()))
            .map(|w| (w, 0))
            .collect();
        if !pronouns.is_empty() {
            for (i, t) in doc.tokens.iter().enumerate() {
                if t.kind == TokenKind::Word {
                    if let Some(n) = pronouns.get_mut(doc.text(t.span)) {
                        if prev_word(doc, i).is_some() {
                            *n += 1;
                        }
                    }
                }
            }
        }
        // Content words: the capitalised form must occur only once.
        let mut counts: HashMap<&str, usize> = candidates
            .iter()
            .filter(|c| c.1 == Kind::Content)
            .map(|c| (doc.text(doc.tokens[c.0].span), 0))
            .collect();
        if !counts.is_empty() {
            for t in doc.words() {
                let w = doc.text(t.span);
                if w.as_bytes().first().is_some_and(u8::is_ascii_uppercase) {
                    let base = w.split(['\'', '\u{2019}']).next().unwrap_or(w);
                    if let Some(n) = counts.get_mut(base) {
                        *n += 1;
                    }
                }
            }
        }
        for (i, kind) in candidates {
            let t = doc.tokens[i];
            let w = doc.text(t.span);
            if kind == Kind::Content && counts.get(w).copied().unwrap_or(0) > 1 {
                continue;
            }
            if pronouns.get(w).copied().unwrap_or(0) > 1 {
                continue;
            }
            let lower = w.to_lowercase();
            let f = cx.report(t.span, format!("'{w}' is capitalised in the middle of a sentence"));
            let app = if kind == Kind::Function {
                Applicability::Safe
            } else {
                Applicability::Unsafe
            };
            f.replace(lower.clone(), app);
            f.help(format!("write '{lower}'"));
        }
    }
}

impl StrayCapital {
    /// Whether the capitalised word at token `i` is a candidate, and how.
    fn judge(&self, doc: &Document, i: usize, w: &str) -> Option<Kind> {
        let prev = prev_word(doc, i)?;
        let prev_text = doc.text(doc.tokens[prev].span);
        // A number or a lowercase word must follow.
        let next_tok = doc
            .tokens
            .get(i + 2)
            .filter(|_| doc.tokens.get(i + 1).is_some_and(|s| s.kind == TokenKind::Space))?;
        let next_ok = match next_tok.kind {
            TokenKind::Number => true,
            TokenKind::Word => doc.text(next_tok.span).starts_with(|c: char| c.is_lowercase()),
            _ => false,
        };
        if !next_ok || self.exempt.contains(w) || self.words.is_capitalised(w) {
            return None;
        }
        let lower = w.to_lowercase();
        let prev_cap = prev_text.starts_with(|c: char| c.is_uppercase());
        if FUNCTION.contains(&lower.as_str()) {
            // "Gone With the Wind": a title when capitals go on after it.
            if prev_cap && self.capital_follows(doc, i) {
                return None;
            }
            return Some(Kind::Function);
        }
        if prev_cap || !prev_text.chars().all(char::is_lowercase) || NAME_CUES.contains(&prev_text) {
            return None;
        }
        // "Interstate 225", "Article 5": a label before a number.
        if next_tok.kind == TokenKind::Number {
            return None;
        }
        // "the Ministry of Transport", "Control and Prevention": a name goes on.
        if LINKS.contains(&prev_text) && prev_word(doc, prev).is_some_and(|p| is_capitalised(doc.text(doc.tokens[p].span))) {
            return None;
        }
        // "Game of Thrones": a name goes on after it.
        if let Some(n) = next_word(doc, i) {
            if LINKS.contains(&doc.text(doc.tokens[n].span))
                && next_word(doc, n).is_some_and(|m| doc.text(doc.tokens[m].span).starts_with(|c: char| c.is_uppercase()))
            {
                return None;
            }
        }
        if doc.in_quote(doc.tokens[i].span) || !self.words.is_word(&lower, COMMON_CLASS) {
            return None;
        }
        Some(Kind::Content)
    }

    /// Whether one of the next two words is capitalised.
    fn capital_follows(&self, doc: &Document, i: usize) -> bool {
        let mut k = i;
        for _ in 0..2 {
            match next_word(doc, k) {
                Some(n) => {
                    if doc.text(doc.tokens[n].span).starts_with(|c: char| c.is_uppercase()) {
                        return true;
                    }
                    k = n;
                }
                None => return false,
            }
        }
        false
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lint::testing::{fixed, flagged};

    fn lint() -> Box<dyn Lint> {
        crate::lint::testing::build_builtin(StrayCapital::build)
    }

    #[test]
    fn flags_seed_shapes() {
        let l = lint();
        let text = "Leaders will join the Brazilian president Lula da Silva To monitor the massive climate summit in the capital. \
It is the first such event during His 14 year old rule, officials said. \
The country has provided troops to Support the war against its neighbour in exchange for aid. \
Officials agreed to send moreover Thousands of workers and engineers In the Donbas region, an official said.";
        assert_eq!(flagged(l.as_ref(), text), vec!["To", "His", "Support", "Thousands", "In"]);
        assert_eq!(
            fixed(l.as_ref(), "The minister said he would travel To attend the talks."),
            "The minister said he would travel to attend the talks."
        );
    }

    #[test]
    fn flags_other_words() {
        let l = lint();
        let text = "The company said the plan would Reduce costs for families in the region next year.";
        assert_eq!(flagged(l.as_ref(), text), vec!["Reduce"]);
    }

    #[test]
    fn leaves_names_titles_and_headlines() {
        let l = lint();
        for ok in [
            "Vietnamese leader To Lam met President Lee on Monday.",
            "He said: The talks were over. Then he left.",
            "She read Gone With the Wind on the train.",
            "The Senate voted and the Court ruled, and the West said the Party had won.",
            "Officials in May said the Kremlin and the Pentagon agreed, I think.",
            "Military Parade in Beijing to Be Gracefully Attended by Leaders",
            "Brown said the deal was done. Gordon Brown then left, and Brown added he was pleased.",
            "He watched the film Parasite twice with his sons.",
            "The NATO chief and the EU said the US would act.",
            "\u{201c}Support the troops,\u{201d} they chanted as the march went on.",
            "Key leaders in one frame",
        ] {
            assert!(flagged(l.as_ref(), ok).is_empty(), "{ok}: {:?}", flagged(l.as_ref(), ok));
        }
    }
}
