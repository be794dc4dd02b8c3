//! Language per block and per document, with whatlang behind a cheap test so
//! that ordinary English blocks cost almost nothing.

pub use whatlang::Lang;

use super::Document;

/// Very frequent English function words (lowercase ASCII, 1 to 5 letters).
// Words that are also common in German, Dutch, French, Spanish, Tagalog or
// the Scandinavian languages ("in", "an", "so", "was", "will", "is", "on",
// "a", "no", "at", "may") are left out.
const FUNCTION_WORDS: [&str; 63] = [
    "the", "of", "and", "to", "for", "that", "with", "by", "from", "has", "said", "it", "are", "she", "his", "her", "have", "be", "this",
    "not", "who", "which", "were", "their", "its", "after", "been", "they", "we", "you", "i", "but", "or", "if", "than", "more", "can",
    "would", "could", "into", "over", "about", "all", "up", "out", "new", "our", "my", "them", "had", "does", "says", "as", "when", "what",
    "there", "some", "these", "those", "only", "just", "two", "told",
];

/// English words rare in other languages written in Latin script: a run of
/// eight words without one of them (or sentence punctuation) is a candidate
/// foreign segment (`foreign-segment`; see [`super::Block::plain_run`]).
pub const ENGLISH_MARKERS: &[&str] = &[
    "the", "of", "and", "to", "is", "was", "for", "that", "with", "are", "were", "this", "have", "has", "be", "by", "at", "from", "it",
    "he", "she", "they", "his", "her", "their", "not", "will", "would", "said", "which", "who", "been", "or", "as", "its", "than", "but",
    "after", "into", "about", "we", "you", "our", "had", "also", "more", "could", "should", "these", "those", "what", "when", "there",
];

/// Flags of [`word_flags`]: one of `FUNCTION_WORDS` (any ASCII case).
pub(crate) const FUNCTION: u8 = 1;
/// One of [`ENGLISH_MARKERS`] (any ASCII case).
pub(crate) const MARKER: u8 = 2;
/// One of [`super::MINOR_WORDS`], in lowercase.
pub(crate) const MINOR: u8 = 4;

/// A lowercase word of up to six bytes packed little-endian, with its length
/// in the top byte.
const fn pack(w: &[u8]) -> u64 {
    let mut k = (w.len() as u64) << 56;
    let mut i = 0;
    while i < w.len() {
        k |= (w[i] as u64) << (8 * i);
        i += 1;
    }
    k
}

/// Slots of `WORD_TABLE` (a power of two, well above the word count).
const TABLE_SIZE: usize = 512;

const fn slot(k: u64, mul: u64) -> usize {
    (k.wrapping_mul(mul) >> (64 - TABLE_SIZE.trailing_zeros())) as usize
}

/// The three word lists with their flags, merged (a word may be in several).
const WORDS: [(u64, u8); 256] = {
    let mut out = [(0u64, 0u8); 256];
    let mut n = 0;
    let lists: [(&[&str], u8); 3] = [(&FUNCTION_WORDS, FUNCTION), (ENGLISH_MARKERS, MARKER), (super::MINOR_WORDS, MINOR)];
    let mut l = 0;
    while l < lists.len() {
        let (list, flag) = lists[l];
        let mut i = 0;
        while i < list.len() {
            let k = pack(list[i].as_bytes());
            let mut j = 0;
            while j < n && out[j].0 != k {
                j += 1;
            }
            if j == n {
                out[n] = (k, 0);
                n += 1;
            }
            out[j].1 |= flag;
            i += 1;
        }
        l += 1;
    }
    out
};

/// A multiplier that gives every word of `WORDS` its own slot (a perfect
/// hash, found at compile time): a lookup is one probe and one comparison.
const MUL: u64 = {
    let mut mul = 0x9E37_79B9_7F4A_7C15u64;
    loop {
        let mut used = [false; TABLE_SIZE];
        let mut i = 0;
        while i < WORDS.len() && (WORDS[i].1 == 0 || !used[slot(WORDS[i].0, mul)]) {
            if WORDS[i].1 != 0 {
                used[slot(WORDS[i].0, mul)] = true;
            }
            i += 1;
        }
        if i == WORDS.len() {
            break mul;
        }
        mul = mul.wrapping_add(0x2545_F491_4F6C_DD1D) | 1;
    }
};

/// `WORDS` by slot: (packed word, flags); (0, 0) when empty.
const WORD_TABLE: [(u64, u8); TABLE_SIZE] = {
    let mut t = [(0u64, 0u8); TABLE_SIZE];
    let mut i = 0;
    while i < WORDS.len() {
        if WORDS[i].1 != 0 {
            t[slot(WORDS[i].0, MUL)] = WORDS[i];
        }
        i += 1;
    }
    t
};

/// The flags of the word `src[start..end]` (`FUNCTION`, `MARKER`, `MINOR`),
/// from one eight-byte load. Setting bit 5 of every byte lowercases ASCII
/// letters and turns no other byte into a lowercase letter, so the key
/// matches exactly the words of the lists in any ASCII case; `MINOR` is kept
/// only when no byte needed it (the word was lowercase).
#[inline]
pub(crate) fn word_flags(src: &[u8], start: usize, end: usize) -> u8 {
    const CASE: u64 = 0x2020_2020_2020_2020;
    let n = end.wrapping_sub(start);
    if n == 0 || n > 6 {
        return 0;
    }
    let keep = u64::MAX >> (64 - 8 * n as u32);
    let x = crate::lints::bytes::load8(src, start) & keep;
    let k = (x | (CASE & keep)) | (n as u64) << 56;
    let (key, flags) = WORD_TABLE[slot(k, MUL)];
    if key != k {
        return 0;
    }
    if x | (CASE & keep) == x {
        flags
    } else {
        flags & !MINOR
    }
}

/// `WORD_TABLE` keys of the `MARKER` words only (0 elsewhere).
const MARKER_TABLE: [u64; TABLE_SIZE] = {
    let mut t = [0u64; TABLE_SIZE];
    let mut i = 0;
    while i < TABLE_SIZE {
        if WORD_TABLE[i].1 & MARKER != 0 {
            t[i] = WORD_TABLE[i].0;
        }
        i += 1;
    }
    t
};

/// Whether the word `src[start..end]` is one of [`ENGLISH_MARKERS`] (in any
/// ASCII case): `word_flags(..) & MARKER != 0` without the flags.
#[inline]
pub(crate) fn is_marker(src: &[u8], start: usize, end: usize) -> bool {
    const CASE: u64 = 0x2020_2020_2020_2020;
    let n = end.wrapping_sub(start);
    // Markers have two to six bytes.
    if n.wrapping_sub(2) > 4 {
        return false;
    }
    let keep = u64::MAX >> (64 - 8 * n as u32);
    let k = ((crate::lints::bytes::load8(src, start) | CASE) & keep) | (n as u64) << 56;
    MARKER_TABLE[slot(k, MUL)] == k
}

/// Whether a word is one of `FUNCTION_WORDS`, in any ASCII case.
#[cfg(test)]
fn is_english_function_word(b: &[u8]) -> bool {
    word_flags(b, 0, b.len()) & FUNCTION != 0
}

/// The language of a block as the parse leaves it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BlockLang {
    /// Settled by the cheap test (English), or by whatlang when the document
    /// language needed it; `None` when the block is too short to tell.
    Known(Option<Lang>),
    /// A longer block without English function words: whatlang decides, on
    /// demand (see [`super::Document::block_lang`]). whatlang costs about
    /// the same on any text (it scores every profile of the script), so it
    /// runs only where an answer is read.
    Deferred,
}

/// The language of one block from its text, its number of words `n` (at
/// most 24 counted) and the English function words among them. The cheap
/// test (share of English function words among the first words) settles ordinary
/// English blocks and short ones; longer blocks that fail it are left to
/// whatlang ([`detect`], [`accept`]).
pub(crate) fn block_language(text: &str, n: u32, hits: u32) -> BlockLang {
    if hits >= 3 {
        // Three function words in at most 24 words: English.
        return BlockLang::Known(Some(Lang::Eng));
    }
    if (hits >= 2 && hits * 8 >= n) || (hits >= 1 && n <= 16) {
        return BlockLang::Known(Some(Lang::Eng));
    }
    if n < 8 || text.len() < 60 || hits > 0 {
        // Too short for a reliable answer, or English function words are
        // there but rare (a line full of names): leave it undetermined
        // rather than pay for whatlang.
        return BlockLang::Known(None);
    }
    BlockLang::Deferred
}

/// whatlang on the first few hundred bytes of a block's text (enough for a
/// confident answer).
pub(crate) fn detect(text: &str) -> Option<whatlang::Info> {
    let mut end = text.len().min(DETECT_BYTES);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    whatlang::detect(&text[..end])
}

/// The bytes of a block's text that [`detect`] reads.
pub const DETECT_BYTES: usize = 400;

/// The block language from whatlang's answer: only a confident one.
pub fn accept(info: &whatlang::Info) -> Option<Lang> {
    (info.is_reliable() || info.confidence() > 0.6).then(|| info.lang())
}

/// The language of a deferred block's text.
pub(crate) fn resolve(text: &str) -> Option<Lang> {
    detect(text).as_ref().and_then(accept)
}

/// The document language: the language of the most bytes among blocks whose
/// language is known; English when nothing is known. Deferred blocks are
/// resolved here (and their language stored) only when they hold enough
/// bytes to outweigh the English ones: otherwise English wins whatever
/// whatlang says of them.
pub(crate) fn document_language(doc: &mut Document) -> Lang {
    let mut english = 0usize;
    let mut deferred = 0usize;
    for b in &doc.blocks {
        match b.lang {
            BlockLang::Known(Some(Lang::Eng)) => english += b.span.len(),
            BlockLang::Known(_) => {}
            BlockLang::Deferred => deferred += b.span.len(),
        }
    }
    if english > deferred {
        // Every other language has at most `deferred` bytes.
        return Lang::Eng;
    }
    let mut counts: Vec<(Lang, usize)> = Vec::new();
    for b in &mut doc.blocks {
        if b.lang == BlockLang::Deferred {
            b.lang = BlockLang::Known(doc.prose.get(b.span.range()).and_then(resolve));
        }
        if let BlockLang::Known(Some(l)) = b.lang {
            match counts.iter_mut().find(|(x, _)| *x == l) {
                Some((_, n)) => *n += b.span.len(),
                None => counts.push((l, b.span.len())),
            }
        }
    }
    counts.into_iter().max_by_key(|&(_, n)| n).map_or(Lang::Eng, |(l, _)| l)
}

/// Parse a language name or ISO 639-3 code from config ("en", "eng", "english").
pub fn parse_lang(name: &str) -> Option<Lang> {
    let n = name.trim().to_ascii_lowercase();
    match n.as_str() {
        "en" | "english" => return Some(Lang::Eng),
        "de" | "german" => return Some(Lang::Deu),
        "fr" | "french" => return Some(Lang::Fra),
        "es" | "spanish" => return Some(Lang::Spa),
        _ => {}
    }
    Lang::from_code(&n).or_else(|| Lang::all().iter().copied().find(|l| l.eng_name().eq_ignore_ascii_case(&n)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn listed(w: &str) -> bool {
        FUNCTION_WORDS.iter().any(|f| f.eq_ignore_ascii_case(w))
    }

    /// The flags a word should have, from the lists.
    fn flags(w: &str) -> u8 {
        let mut f = 0;
        if listed(w) {
            f |= FUNCTION;
        }
        if ENGLISH_MARKERS.iter().any(|m| m.eq_ignore_ascii_case(w)) {
            f |= MARKER;
        }
        if super::super::MINOR_WORDS.contains(&w) {
            f |= MINOR;
        }
        f
    }

    #[test]
    fn function_words_are_found_in_any_case() {
        for w in FUNCTION_WORDS {
            assert!(is_english_function_word(w.as_bytes()), "{w}");
            assert!(is_english_function_word(w.to_ascii_uppercase().as_bytes()), "{w}");
        }
        for w in ["", "a", "in", "theirs", "thé", "th", "\0", "THEM.", "is"] {
            assert_eq!(is_english_function_word(w.as_bytes()), listed(w), "{w:?}");
        }
    }

    #[test]
    fn flags_match_the_lists() {
        let lists = FUNCTION_WORDS.iter().chain(ENGLISH_MARKERS).chain(super::super::MINOR_WORDS);
        for w in lists {
            let up = w.to_ascii_uppercase();
            let cap = format!("{}{}", &up[..1], &w[1..]);
            for v in [w.to_string(), up, cap] {
                assert_eq!(word_flags(v.as_bytes(), 0, v.len()), flags(&v), "{v}");
            }
        }
        // Inside a text, next to other bytes, and at its end.
        let text = b"xTHEy The";
        assert_eq!(word_flags(text, 1, 4), FUNCTION | MARKER);
        assert_eq!(word_flags(text, 6, 9), FUNCTION | MARKER);
        assert_eq!(word_flags(text, 0, 4), 0);
        assert_eq!(word_flags(b"the", 0, 3), FUNCTION | MARKER | MINOR);
        for (w, f) in [
            ("xTHEy", 0),
            ("THE", MARKER),
            ("shoulda", 0),
            ("should", MARKER),
            ("a", 0),
            ("i", 0),
        ] {
            assert_eq!(is_marker(w.as_bytes(), 0, w.len()), f == MARKER, "{w}");
        }
    }

    proptest! {
        #[test]
        fn table_lookup_matches_the_list(w in "[a-zA-Z\u{e9}\0]{0,6}") {
            prop_assert_eq!(is_english_function_word(w.as_bytes()), listed(&w));
        }

        #[test]
        fn flags_match_the_lists_on_any_word(w in "[a-zA-Z\u{e9}\0@`\\[{._']{0,7}|(the|of|and|to|is|a|an|about|vs|should|those)[a-zA-Z]?") {
            prop_assert_eq!(word_flags(w.as_bytes(), 0, w.len()), flags(&w));
            prop_assert_eq!(is_marker(w.as_bytes(), 0, w.len()), flags(&w) & MARKER != 0);
        }
    }
}
