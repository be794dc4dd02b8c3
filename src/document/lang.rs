//! Language per block and per document, with whatlang behind a cheap test so
//! that ordinary English blocks cost almost nothing.

pub use whatlang::Lang;

use super::Document;

/// Very frequent English function words (lowercase ASCII, 1 to 5 letters).
// Words that are also common in German, Dutch, French or Spanish ("in",
// "an", "so", "was", "will", "is", "on", "a", "no") are left out.
const FUNCTION_WORDS: [&[u8]; 55] = [
    b"the", b"of", b"and", b"to", b"for", b"that", b"with", b"by", b"at", b"from", b"has", b"said", b"it", b"are", b"she", b"his", b"her",
    b"have", b"be", b"this", b"not", b"who", b"which", b"were", b"their", b"its", b"after", b"been", b"they", b"we", b"you", b"i", b"but",
    b"or", b"if", b"than", b"more", b"can", b"would", b"could", b"may", b"into", b"over", b"about", b"all", b"up", b"out", b"new", b"our",
    b"my", b"them", b"had", b"does", b"says", b"as",
];

/// A word of up to eight bytes as a little-endian number.
const fn pack(w: &[u8]) -> u64 {
    let mut k = 0u64;
    let mut i = 0;
    while i < w.len() {
        k |= (w[i] as u64) << (8 * i);
        i += 1;
    }
    k
}

/// Multiplier that sends the packed function words to distinct slots of
/// `FUNCTION_TABLE` (the top eight bits of the product).
const MAGIC: u64 = 0x7740_c77b_9bbd_3117;

const fn slot(k: u64) -> usize {
    (k.wrapping_mul(MAGIC) >> 56) as usize
}

const FUNCTION_TABLE: [u64; 256] = {
    let mut t = [0u64; 256];
    let mut i = 0;
    while i < FUNCTION_WORDS.len() {
        let k = pack(FUNCTION_WORDS[i]);
        // A collision would fail the build.
        assert!(t[slot(k)] == 0);
        t[slot(k)] = k;
        i += 1;
    }
    t
};

/// Whether a word is one of `FUNCTION_WORDS`, in any ASCII case.
fn is_english_function_word(b: &[u8]) -> bool {
    if b.is_empty() || b.len() > 5 {
        return false;
    }
    let mut k = 0u64;
    for (i, &c) in b.iter().enumerate() {
        // (No NUL byte either: packing must not lose the length.)
        if c == 0 || !c.is_ascii() {
            return false;
        }
        k |= u64::from(c.to_ascii_lowercase()) << (8 * i);
    }
    FUNCTION_TABLE[slot(k)] == k
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

/// The language of one block from its text and word tokens. The cheap test
/// (share of English function words among the first words) settles ordinary
/// English blocks and short ones; longer blocks that fail it are left to
/// whatlang ([`detect`], [`accept`]).
pub(crate) fn block_language<'a>(text: &str, words: impl Iterator<Item = &'a [u8]>) -> BlockLang {
    let mut n = 0usize;
    let mut hits = 0usize;
    for w in words.take(24) {
        n += 1;
        hits += usize::from(is_english_function_word(w));
        if hits >= 3 {
            // Three function words in at most 24 words: English.
            return BlockLang::Known(Some(Lang::Eng));
        }
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
        FUNCTION_WORDS.iter().any(|f| f.eq_ignore_ascii_case(w.as_bytes()))
    }

    #[test]
    fn function_words_are_found_in_any_case() {
        for w in FUNCTION_WORDS {
            let w = std::str::from_utf8(w).unwrap();
            assert!(is_english_function_word(w.as_bytes()), "{w}");
            assert!(is_english_function_word(w.to_ascii_uppercase().as_bytes()), "{w}");
        }
        for w in ["", "a", "in", "theirs", "thé", "th", "\0", "THEM.", "is"] {
            assert_eq!(is_english_function_word(w.as_bytes()), listed(w), "{w:?}");
        }
    }

    proptest! {
        #[test]
        fn table_lookup_matches_the_list(w in "[a-zA-Z\u{e9}\0]{0,6}") {
            prop_assert_eq!(is_english_function_word(w.as_bytes()), listed(&w));
        }
    }
}
