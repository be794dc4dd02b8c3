//! Typography and case artifacts: lost apostrophes, stray capitals, acronym
//! plurals, unbalanced quotation marks.

pub mod acronym_plural;
pub mod lost_apostrophe;
pub mod stray_capital;
pub mod unbalanced_quotes;
pub mod words;

use crate::document::{Document, TokenKind};

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
