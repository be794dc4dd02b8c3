//! Typography and case artifacts: lost apostrophes, stray capitals, acronym
//! plurals, unbalanced quotation marks.

pub mod acronym_plural;
pub mod lost_apostrophe;
pub mod stray_capital;
pub mod unbalanced_quotes;
pub mod words;

use crate::document::{Document, TokenKind};

/// A filter of 64 bits on the first two bytes of a set of words: a word
/// whose first two bytes were not seen is not in the set (a word shorter
/// than two bytes in the set lets everything through).
#[derive(Clone, Copy)]
pub(crate) struct PairFilter(u64);

impl PairFilter {
    fn bit(a: u8, b: u8) -> u64 {
        1u64 << ((usize::from(a) * 7 + usize::from(b)) % 64)
    }

    pub(crate) fn of<'w>(words: impl IntoIterator<Item = &'w str>) -> PairFilter {
        PairFilter(words.into_iter().fold(0u64, |m, w| match *w.as_bytes() {
            [a, b, ..] => m | Self::bit(a, b),
            _ => !0,
        }))
    }

    /// The tokens among `tokens` (indices into `doc.tokens`) whose first two
    /// bytes pass the filter, with their spans.
    pub(crate) fn pass<'a>(self, doc: &'a Document, tokens: &'a [usize]) -> impl Iterator<Item = (usize, crate::source::Span)> + 'a {
        let src = doc.source.text.as_bytes();
        tokens.iter().filter_map(move |&i| {
            let span = doc.tokens.get(i)?.span;
            let (a, b) = (*src.get(span.start)?, *src.get(span.start + 1)?);
            (self.0 & Self::bit(a, b) != 0).then_some((i, span))
        })
    }
}

/// "Kim", "Support": an uppercase letter, then at least one lowercase letter
/// and no other uppercase letter.
pub(crate) fn is_capitalised(w: &str) -> bool {
    let mut c = w.chars();
    c.next().is_some_and(char::is_uppercase) && {
        let mut lower = false;
        for ch in c {
            if ch.is_uppercase() {
                return false;
            }
            lower |= ch.is_lowercase();
        }
        lower
    }
}

/// The word token just before token `i`, separated by one space token only.
pub(crate) fn prev_word(doc: &Document, i: usize) -> Option<usize> {
    let p = i.checked_sub(2)?;
    (doc.tokens.get(i - 1)?.kind == TokenKind::Space && doc.tokens.get(p)?.kind == TokenKind::Word).then_some(p)
}

/// The word token just after token `i`, separated by one space token only.
pub(crate) fn next_word(doc: &Document, i: usize) -> Option<usize> {
    (doc.tokens.get(i + 1)?.kind == TokenKind::Space && doc.tokens.get(i + 2)?.kind == TokenKind::Word).then_some(i + 2)
}

/// Verbs in the base form after a modal: they show that "wont" and "cant"
/// are contractions ("wont be", `lost-apostrophe`) and that a capitalised
/// "Will" after a name is the modal ("Erdogan Will visit", `stray-capital`).
/// Cardinal number words from two to ten, shared by the typography lints
/// (counts before a plural, quantifiers, name cues).
pub(super) const CARDINALS: &[&str] = &["two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"];

pub(super) const BASE_VERBS: &[&str] = &[
    "be", "have", "not", "also", "go", "do", "get", "let", "stop", "allow", "accept", "give", "make", "take", "happen", "work", "change",
    "say", "tell", "see", "come", "help", "find", "keep", "back", "win", "lose", "pay", "leave", "afford", "wait", "believe", "imagine",
    "visit", "meet", "travel", "attend", "hold", "host", "lead", "join", "sign", "seek", "return", "remain", "stay", "continue", "discuss",
    "announce", "speak", "address", "face", "become", "try", "present", "open", "launch", "tour", "chair", "head", "receive", "decide",
    "resign", "run",
];

#[cfg(test)]
mod tests {
    /// The examples of the packs this family reads.
    #[test]
    fn data_packs_pass_their_examples() {
        for (path, text) in crate::pack::BUILTIN_PACKS {
            if !["acronyms", "apostrophes", "capitals", "english-words", "spelling-us-gb"]
                .iter()
                .any(|n| path.contains(n))
            {
                continue;
            }
            let pack = crate::pack::parse_pack(path, text).unwrap();
            let failures = crate::pack::test_pack(&pack);
            assert!(failures.is_empty(), "{path}: {failures:#?}");
        }
    }

    #[test]
    fn word_list_threshold() {
        let w = super::words::builtin();
        assert!(!w.is_empty());
        for real in ["its", "hell", "wed", "shell", "support", "thousands"] {
            assert!(w.is_word(real, 40), "{real}");
        }
        for not in ["kims", "russias", "wholl", "didnt"] {
            assert!(!w.known(not, 70), "{not}");
        }
        assert!(w.is_capitalised("Americas") && w.is_capitalised("Thursdays"));
    }
}
