use crate::declare_lint;
use crate::document::Document;
use crate::finding::Applicability;
use crate::lint::{Ctx, Lint, RuleInfo};
use crate::source::Span;

declare_lint! {
    /// ## What it does
    ///
    /// Flags a space between a word and the hyphen that joins it to the next
    /// word: "long -range", "Four -lane", "anti -tank".
    ///
    /// ## Why is this bad?
    ///
    /// A compound split by a stray space is a typical machine-translation and
    /// OCR artefact; it reads as a minus sign or a broken dash.
    ///
    /// ## Example
    ///
    /// ```text
    /// a long -range weapon that can overcome anti -tank defences
    /// ```
    ///
    /// Use instead: `a long-range weapon that can overcome anti-tank defences`.
    ///
    /// ## Known problems
    ///
    /// Only a hyphen with a space before it and a word of at least three
    /// letters directly after it is flagged. Spaced dashes ("a - b"),
    /// negative numbers and ranges ("-5", "1990 -2000"), list bullets and
    /// command-line flags of one or two letters ("ls -la") are left alone.
    pub static SPACE_BEFORE_HYPHEN = {
        name: "space-before-hyphen",
        family: "spacing",
        severity: Warning,
        status: Stable,
        fix: Some(Applicability::Safe),
        english_only: false,
    };
}

#[derive(Default)]
pub struct SpaceBeforeHyphen;

/// Prefixes that take a capitalised word after their hyphen ("anti-American").
const PREFIXES: &[&str] = &[
    "anti", "pro", "non", "pre", "post", "ex", "neo", "pan", "mid", "trans", "un", "self",
];

impl Lint for SpaceBeforeHyphen {
    fn rules(&self) -> Vec<RuleInfo> {
        vec![RuleInfo::from(&SPACE_BEFORE_HYPHEN)]
    }

    fn check(&self, doc: &Document, cx: &mut Ctx) {
        for block in &doc.blocks {
            let text = &doc.prose[block.span.range()];
            // Each " -": a hyphen (found by memchr) after a space.
            let mut from = 0;
            while let Some(h) = text.as_bytes().get(from..).and_then(|t| memchr::memchr(b'-', t)).map(|p| from + p) {
                from = h + 1;
                if h == 0 || text.as_bytes()[h - 1] != b' ' {
                    continue;
                }
                let i = h - 1;
                let before = text[..i].trim_end_matches(' ');
                let spaces_start = before.len();
                let Some(left) = before.chars().next_back() else {
                    continue;
                };
                if !left.is_alphabetic() {
                    continue;
                }
                let after = &text[i + 2..];
                let word_len = after.find(|c: char| !c.is_alphabetic()).unwrap_or(after.len());
                let word = &after[..word_len];
                let next = after[word_len..].chars().next();
                // A word of three letters or more, not followed by another
                // hyphen run ("--") or a digit.
                if word.chars().count() < 3 || after.starts_with('-') || next.is_some_and(|c| c.is_numeric()) {
                    continue;
                }
                // "-foo" written as a flag or option: "--" or "-x" shapes.
                if after.starts_with(|c: char| c.is_uppercase()) && word.chars().skip(1).all(char::is_uppercase) {
                    continue;
                }
                // A command-line option: "-march=native", "-fPIC",
                // "-Clinker" (a capital after the hyphen, unless after a
                // prefix: "anti -American").
                let option = next == Some('=')
                    || word.chars().skip(1).any(char::is_uppercase)
                    || (word.starts_with(char::is_uppercase)
                        && !before
                            .rsplit(|c: char| !c.is_alphabetic())
                            .next()
                            .is_some_and(|w| PREFIXES.contains(&w.to_lowercase().as_str())));
                // Masked text (inline code, markup) between the word and the
                // hyphen in the file: "`Vec`-backed" is no spaced hyphen.
                let gap = doc
                    .source
                    .text
                    .get(block.span.start + spaces_start..block.span.start + h)
                    .is_none_or(|g| !g.bytes().all(|b| b == b' '));
                if option || gap {
                    continue;
                }
                let left_word: String = before
                    .chars()
                    .rev()
                    .take_while(|c| c.is_alphanumeric())
                    .collect::<Vec<_>>()
                    .into_iter()
                    .rev()
                    .collect();
                let start = block.span.start + spaces_start - left_word.len();
                let end = block.span.start + i + 2 + word.len();
                let span = Span::new(start, end);
                let f = cx.report(span, format!("space before the hyphen in '{left_word} -{word}'"));
                f.fix_edits(
                    vec![crate::finding::Edit {
                        span: Span::new(block.span.start + spaces_start, block.span.start + i + 1),
                        replacement: String::new(),
                    }],
                    Applicability::Safe,
                );
                f.help(format!("write '{left_word}-{word}'"));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lint::testing::{fixed, flagged};

    #[test]
    fn flags_spaced_hyphens() {
        assert_eq!(flagged(&SpaceBeforeHyphen, "a long -range weapon"), vec!["long -range"]);
        assert_eq!(flagged(&SpaceBeforeHyphen, "a new Four -lane road"), vec!["Four -lane"]);
        assert_eq!(flagged(&SpaceBeforeHyphen, "modern anti -tank weapons"), vec!["anti -tank"]);
    }

    #[test]
    fn fixes() {
        assert_eq!(fixed(&SpaceBeforeHyphen, "a long -range weapon"), "a long-range weapon");
    }

    #[test]
    fn leaves_dashes_numbers_lists_and_flags() {
        for ok in [
            "this - that",
            "temperatures of -5 degrees",
            "from 1990 -2000",
            "- a list item",
            "run ls -la now",
            "a well-known fact",
            "wait -- what",
            "the score was 3 -2",
            "use the -X flag",
            "pass -march=native and -fPIC, or set -Clinker",
        ] {
            assert!(flagged(&SpaceBeforeHyphen, ok).is_empty(), "{ok}");
        }
        // Inline code masked before the hyphen.
        let md = "Specialize it when it is `Vec`-backed.\n";
        assert!(crate::lint::testing::run(&SpaceBeforeHyphen, md, crate::source::FileKind::Markdown).is_empty());
        // A prefix before a capital is still a spaced hyphen.
        assert_eq!(flagged(&SpaceBeforeHyphen, "an anti -American protest"), vec!["anti -American"]);
    }
}
