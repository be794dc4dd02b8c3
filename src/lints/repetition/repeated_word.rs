use crate::declare_lint;
use crate::document::{Document, Scope, Token, TokenKind};
use crate::finding::Applicability;
use crate::lint::{Ctx, Lint, RuleInfo};
use crate::source::Span;

declare_lint! {
    /// ## What it does
    ///
    /// Flags a word written twice in a row: "the the", "Central Statistics
    /// Statistics Office".
    ///
    /// ## Why is this bad?
    ///
    /// A doubled word is almost always a slip of editing, machine translation
    /// or scraping, and readers notice it at once.
    ///
    /// ## Example
    ///
    /// ```text
    /// the Central Statistics Statistics Office said
    /// ```
    ///
    /// Use instead: `the Central Statistics Office said`.
    ///
    /// ## Known problems
    ///
    /// Grammatical doubles ("had had", "that that" unless an article, a
    /// subject pronoun or a plural verb follows, "is is" after "what",
    /// "whatever happens happens"), intensifiers ("very very") and
    /// reduplicated words ("bye bye", "so-so") are allowed, and so is the
    /// last part of a compound before the same word ("line-up up to"). A capitalised
    /// double ("Fang Fang", "Sirhan Sirhan") is taken for a reduplicated name
    /// unless the word is long, or the document also uses it in lowercase
    /// (evidence that it is a common word). Repeats across a line break in a
    /// list or table are not flagged. Lowercase doubles get a safe fix,
    /// capitalised ones an unsafe one.
    pub static REPEATED_WORD = {
        name: "repeated-word",
        family: "repetition",
        severity: Warning,
        status: Stable,
        fix: Some(Applicability::Safe),
        english_only: false,
    };
}

#[derive(Default)]
pub struct RepeatedWord;

/// Doubles that English grammar or usage allows.
const ALLOWED: &[&str] = &[
    "had", "that", "bye", "ha", "ho", "haha", "no", "so", "tut", "now", "there", "well", "knock", "chop", "yada", "blah", "bla", "boo",
    "choo", "cha", "hush", "pom", "tsk", "la", "dum", "da", "yo", "go", "bang", "ding", "tick", "rah", "yum", "woof", "quack", "meow",
    "baa", "bora", "can", "may", "bam", "ta", "hip", "ooh", "oh", "ah", "aye", "wow", "mm", "hmm", "uh", "er", "very", "really",
];

impl Lint for RepeatedWord {
    fn rules(&self) -> Vec<RuleInfo> {
        vec![RuleInfo::from(&REPEATED_WORD)]
    }

    fn check(&self, doc: &Document, cx: &mut Ctx) {
        let mut lowercase = LowercaseWords::default();
        // Candidate pairs first (a tight loop), then the checks.
        let mut pairs = Vec::new();
        for block in &doc.blocks {
            let toks = doc.block_tokens(block);
            pairs.clear();
            candidate_pairs(
                doc.source.text.as_bytes(),
                toks,
                matches!(block.scope, Scope::ListItem | Scope::TableCell),
                &mut pairs,
            );
            for &(p, i) in &pairs {
                if let (Some(a), Some(b)) = (toks.get(p), toks.get(i)) {
                    // The word after the pair, one blank on.
                    let next = toks
                        .get(i + 2)
                        .filter(|_| toks.get(i + 1).is_some_and(|t| t.kind == TokenKind::Space));
                    let around = (p.checked_sub(2).and_then(|k| toks.get(k)), toks.get(i + 1), next);
                    self.compare(doc, a, b, around, &mut lowercase, cx);
                }
            }
        }
    }
}

/// Adjacent words of a block (only blanks between, and line breaks unless
/// `line_break_ok`) of the same length that may be equal: their indices.
fn candidate_pairs(bytes: &[u8], toks: &[Token], line_break_ok: bool, pairs: &mut Vec<(usize, usize)>) {
    // The previous word next to this one, and its length (`usize::MAX`:
    // none).
    let (mut prev, mut prev_len) = (0usize, usize::MAX);
    for (i, t) in toks.iter().enumerate() {
        match t.kind {
            TokenKind::Word => {
                let len = t.span.len();
                // (Only blanks between them in the file: not words on either
                // side of masked code, "to `size_t` to match".)
                if len == prev_len
                    && toks.get(prev).is_some_and(|a| {
                        may_be_equal(bytes, a, t)
                            && bytes
                                .get(a.span.end..t.span.start)
                                .is_some_and(|g| g.iter().all(u8::is_ascii_whitespace))
                    })
                {
                    pairs.push((prev, i));
                }
                prev_len = len;
                prev = i;
            }
            // Spaces (and line breaks, where a repeat may span them) keep
            // the previous word next to the following one.
            TokenKind::Space => {}
            TokenKind::Newline if !line_break_ok => {}
            _ => prev_len = usize::MAX,
        }
    }
}

/// A word that cannot follow a grammatical "that that" ("said that that
/// plan", "that that is wrong"): an article, a possessive or a subject
/// pronoun ("that that the bank", "that that it will"), or a plural verb
/// after the singular demonstrative ("protests that that have"). Not a
/// name: "that that Trump administration" is grammatical.
fn not_after_that(w: &str) -> bool {
    matches!(
        w,
        "the"
            | "a"
            | "an"
            | "his"
            | "her"
            | "its"
            | "their"
            | "our"
            | "my"
            | "your"
            | "these"
            | "those"
            | "it"
            | "he"
            | "she"
            | "they"
            | "we"
            | "you"
            | "have"
            | "are"
            | "were"
    )
}

/// False when two words start with different ASCII letters, ignoring
/// case (then they differ, lowercased or not).
fn may_be_equal(bytes: &[u8], a: &Token, b: &Token) -> bool {
    match (bytes.get(a.span.start), bytes.get(b.span.start)) {
        (Some(x), Some(y)) if x.is_ascii() && y.is_ascii() => x.eq_ignore_ascii_case(y),
        _ => true,
    }
}

impl RepeatedWord {
    fn compare(
        &self,
        doc: &Document,
        a: &Token,
        b: &Token,
        (before, after, next): (Option<&Token>, Option<&Token>, Option<&Token>),
        lowercase: &mut LowercaseWords,
        cx: &mut Ctx,
    ) {
        let wa = doc.text(a.span);
        let wb = doc.text(b.span);
        // Lowercased only when a word is not ASCII (for ASCII the two
        // comparisons agree).
        if wa.len() != wb.len()
            || !wa.eq_ignore_ascii_case(wb) && (wa.is_ascii() && wb.is_ascii() || wa.to_lowercase() != wb.to_lowercase())
        {
            return;
        }
        let lower = wa.to_lowercase();
        if ALLOWED.contains(&lower.as_str()) && !(lower == "that" && next.is_some_and(|t| not_after_that(doc.text(t.span)))) {
            return;
        }
        // "what it is is", "all it does does".
        if (lower == "is" || lower == "does")
            && before.is_some_and(|t| {
                matches!(
                    doc.text(t.span).to_lowercase().as_str(),
                    "it" | "this" | "what" | "that" | "thing" | "problem" | "question"
                )
            })
        {
            return;
        }
        // Part of a hyphenated compound: "Boutros Boutros-Ghali", "bye
        // bye-bye", "the line-up up to an hour before".
        if after.is_some_and(|t| doc.text(t.span) == "-")
            || a.span.start.checked_sub(1).and_then(|k| doc.source.text.as_bytes().get(k)) == Some(&b'-')
        {
            return;
        }
        // The verb of a free relative, then the main verb: "whatever
        // happens happens", "whoever wins wins".
        if before.is_some_and(|t| matches!(doc.text(t.span).to_lowercase().as_str(), "whatever" | "whoever" | "whichever")) {
            return;
        }
        let capitalised = wa.chars().next().is_some_and(char::is_uppercase);
        if capitalised && !self.common_word(doc, &lower, wa, lowercase) {
            return;
        }
        // Single letters ("A A" in lists, "I I" stutter) are too ambiguous.
        if wa.chars().count() < 2 && lower != "a" {
            return;
        }
        let start = a.span.end;
        let span = Span::new(a.span.start, b.span.end);
        let app = if capitalised { Applicability::Unsafe } else { Applicability::Safe };
        let f = cx.report(span, format!("'{wa}' is repeated"));
        f.fix_edits(
            vec![crate::finding::Edit {
                span: Span::new(start, b.span.end),
                replacement: String::new(),
            }],
            app,
        );
        f.help(format!("remove the second '{wb}'"));
    }

    /// Whether a capitalised doubled word is a common word rather than a
    /// reduplicated name: long, a function word, or written in lowercase
    /// elsewhere in the document.
    fn common_word(&self, doc: &Document, lower: &str, original: &str, lowercase: &mut LowercaseWords) -> bool {
        if original.chars().count() >= 8 || crate::document::MINOR_WORDS.contains(&lower) {
            return true;
        }
        if original.chars().skip(1).any(char::is_uppercase) {
            // "THE THE": all caps repeat of a short word.
            return original.chars().count() >= 3 || crate::document::MINOR_WORDS.contains(&lower);
        }
        lowercase.contains(doc, lower)
    }
}

/// Whether a document writes a word in lowercase: the first few questions
/// by a scan of the words, then from the words sorted by hash, built once
/// (capitalised repeats are rare).
#[derive(Default)]
struct LowercaseWords {
    asked: usize,
    /// (hash, token) of every word that starts with a lowercase letter.
    sorted: Option<Vec<(u64, usize)>>,
}

impl LowercaseWords {
    fn hash(w: &str) -> u64 {
        use std::hash::{BuildHasher, BuildHasherDefault};
        BuildHasherDefault::<rustc_hash::FxHasher>::default().hash_one(w)
    }

    fn is_lowercase_word(doc: &Document, t: &Token) -> bool {
        t.kind == TokenKind::Word && doc.text(t.span).chars().next().is_some_and(char::is_lowercase)
    }

    fn contains(&mut self, doc: &Document, word: &str) -> bool {
        self.asked += 1;
        if self.sorted.is_none() && self.asked <= 4 {
            return doc
                .tokens
                .iter()
                .any(|t| t.span.len() == word.len() && Self::is_lowercase_word(doc, t) && doc.text(t.span) == word);
        }
        let sorted = self.sorted.get_or_insert_with(|| {
            let mut v: Vec<(u64, usize)> = doc
                .tokens
                .iter()
                .enumerate()
                .filter(|(_, t)| Self::is_lowercase_word(doc, t))
                .map(|(i, t)| (Self::hash(doc.text(t.span)), i))
                .collect();
            v.sort_unstable();
            v
        });
        let h = Self::hash(word);
        let from = sorted.partition_point(|&(x, _)| x < h);
        sorted
            .get(from..)
            .unwrap_or(&[])
            .iter()
            .take_while(|&&(x, _)| x == h)
            .any(|&(_, i)| doc.tokens.get(i).is_some_and(|t| doc.text(t.span) == word))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lint::testing::{fixed, flagged};

    #[test]
    fn flags_repeats() {
        assert_eq!(flagged(&RepeatedWord, "the the cat"), vec!["the the"]);
        assert_eq!(
            flagged(&RepeatedWord, "the Central Statistics Statistics Office said"),
            vec!["Statistics Statistics"]
        );
        assert_eq!(flagged(&RepeatedWord, "He went to to the market."), vec!["to to"]);
        assert_eq!(flagged(&RepeatedWord, "The The cat"), vec!["The The"]);
        assert_eq!(
            flagged(&RepeatedWord, "Security forces arrived. The Forces forces were many."),
            vec!["Forces forces"]
        );
    }

    #[test]
    fn many_capitalised_repeats() {
        // Past the first questions the lowercase words are indexed.
        let t = "Fang Fang met Nile Nile, Oslo Oslo and Rome Rome; Lima Lima, Forces Forces, Papers Papers. The forces and papers left.";
        assert_eq!(flagged(&RepeatedWord, t), vec!["Forces Forces", "Papers Papers"]);
    }

    #[test]
    fn compares_non_ascii_words_by_case() {
        assert_eq!(flagged(&RepeatedWord, "the café CAFÉ opened"), vec!["café CAFÉ"]);
        assert!(flagged(&RepeatedWord, "the café cafè opened").is_empty());
    }

    #[test]
    fn flags_that_that_before_an_article() {
        assert_eq!(
            flagged(&RepeatedWord, "The paper added that that the lender was guilty."),
            vec!["that that"]
        );
        assert_eq!(
            flagged(&RepeatedWord, "The protests that that have occurred nightly."),
            vec!["that that"]
        );
    }

    #[test]
    fn fixes_lowercase_repeats() {
        assert_eq!(fixed(&RepeatedWord, "He went to to the market."), "He went to the market.");
    }

    #[test]
    fn allows_legitimate_repeats() {
        for ok in [
            "She had had enough.",
            "It was very very slim, and really really hard.",
            "We will see whatever happens happens, and whoever wins wins.",
            "Changes can be made to the line-up up to an hour before.",
            "He said that that was wrong.",
            "He said that that plan failed and that that is a pity.",
            "He said that that Trump administration had failed.",
            "The writer Fang Fang published a diary.",
            "Boutros Boutros-Ghali was secretary-general.",
            "They flew to Baden-Baden and Bora Bora.",
            "He waved bye bye.",
            "What it is is a mess.",
            "Sirhan Sirhan was convicted.",
            "the end. The end came",
            "I said no, no more.",
            "Pay 5 5 times",
        ] {
            assert!(flagged(&RepeatedWord, ok).is_empty(), "{ok}");
        }
    }

    #[test]
    fn list_items_across_lines_are_not_repeats() {
        let text = "- apples\n  apples are red\n";
        let f = crate::lint::testing::run(&RepeatedWord, text, crate::source::FileKind::Markdown);
        assert!(f.is_empty());
        // Words on either side of masked code are not next to each other.
        let text = "Change the type to `size_t`  to match upstream.\n";
        let f = crate::lint::testing::run(&RepeatedWord, text, crate::source::FileKind::Markdown);
        assert!(f.is_empty());
    }
}
