//! Scrape residue: page furniture, leaked CMS fields and teaser residue.

pub mod boilerplate;
pub mod metadata_leak;
pub mod truncated_teaser;

use crate::document::Document;
use crate::source::Span;

/// The span that deletes a whole line: the line's own text (from its line
/// start) and the line break after it (or before it, at the end of the text).
pub(crate) fn line_deletion(doc: &Document, span: Span) -> Span {
    let text = doc.source.text.as_str();
    let start = text.get(..span.start).and_then(|t| t.rfind('\n')).map_or(0, |i| i + 1);
    let start = if text.get(start..span.start).is_some_and(|t| t.trim().is_empty()) {
        start
    } else {
        span.start
    };
    match text.get(span.end..).and_then(|t| t.find('\n')) {
        Some(i) if text.get(span.end..span.end + i).is_some_and(|t| t.trim().is_empty()) => {
            let mut end = span.end + i + 1;
            // A paragraph of its own: take one of the blank lines around it.
            let blank_before = start == 0
                || text
                    .get(..start)
                    .is_some_and(|t| t.trim_end_matches([' ', '\t', '\r']).ends_with("\n\n"));
            let rest = text.get(end..).unwrap_or("");
            let blank_after = rest.trim_start_matches([' ', '\t', '\r']).starts_with('\n');
            if blank_before && blank_after {
                end += rest.find('\n').map_or(0, |k| k + 1);
            }
            Span::new(start, end)
        }
        Some(_) => Span::new(span.start, span.end),
        None => {
            let before = text.get(..start).map_or(0, |t| t.len() - t.trim_end_matches(['\n', '\r']).len());
            Span::new(start - before, text.len())
        }
    }
}

/// Lowercased text with runs of non-alphanumeric characters folded to one
/// space, trimmed: the key for comparing lines.
pub(crate) fn normalize(text: &str) -> String {
    let mut out = Vec::with_capacity(text.len());
    normalize_into(text, &mut out, usize::MAX, usize::MAX);
    // Whole characters only were written: always UTF-8.
    String::from_utf8(out).unwrap_or_default()
}

/// ASCII letters and digits lowercased; every other byte 0.
static FOLD: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        if c.is_ascii_alphanumeric() {
            t[b] = c.to_ascii_lowercase();
        }
        b += 1;
    }
    t
};

/// Appends the normalized form of `text` (what [`normalize`] returns) to
/// `out`, up to its first `max_words` words, and cut to at most `max_bytes`
/// bytes: always a prefix of the whole normalized text, so equal texts give
/// equal prefixes. Returns whether it stopped early (the prefix may be the
/// whole text all the same).
pub(crate) fn normalize_into(text: &str, out: &mut Vec<u8>, max_words: usize, max_bytes: usize) -> bool {
    let base = out.len();
    // Room for the usual output; if it runs out (a cut text with a very
    // long word), start again with room for the whole text: lowercasing at
    // most doubles a character's bytes, and a separator becomes one space.
    let mut room = (2 * text.len() + 8).min(max_bytes.saturating_add(32));
    if max_words <= 8 {
        room = room.min(256);
    }
    for room in [room, 4 * text.len() + 8] {
        out.resize(base + room, 0);
        if let Some((n, stopped)) = out.get_mut(base..).and_then(|buf| normalize_fixed(text, buf, max_words, max_bytes)) {
            out.truncate(base + n);
            return stopped;
        }
    }
    out.truncate(base);
    false
}

/// A cheap key of the first four words of the normalized text: their first
/// 8 letters and digits (spaces left out), packed. Lines with the same
/// first four words have the same key.
pub(crate) fn head_key(text: &str) -> (u64, u32) {
    let mut key = 0u64;
    let mut n = 0u32;
    let mut words = 0u32;
    let mut prev = false;
    for &b in text.as_bytes() {
        if b >= 0x80 {
            // Other letters and digits: from the normalized words.
            let mut head = Vec::new();
            normalize_into(text, &mut head, 4, usize::MAX);
            return head
                .into_iter()
                .filter(|&c| c != b' ')
                .take(8)
                .fold((0, 0), |(k, n), c| ((k << 8) | u64::from(c), n + 1));
        }
        let l = FOLD[usize::from(b)];
        let alnum = l != 0;
        words += u32::from(alnum && !prev);
        if words > 4 || n == 8 {
            break;
        }
        // Without a branch: separators shift by 0 and add 0.
        key = (key << (8 * u32::from(alnum))) | u64::from(l);
        n += u32::from(alnum);
        prev = alnum;
    }
    (key, n)
}

/// The hash of the normalized text's first `max_words` words (for a few
/// words: no allocation).
pub(crate) fn head_hash(text: &str, max_words: usize) -> u64 {
    let mut buf = [0u8; 128];
    match head_in(text, max_words, &mut buf) {
        Some(head) => hash_bytes(head.as_bytes()),
        None => {
            let mut v = Vec::new();
            normalize_into(text, &mut v, max_words, usize::MAX);
            hash_bytes(&v)
        }
    }
}

/// [`normalize_into`] into a fixed buffer: the length written and whether
/// it stopped early, or `None` when the buffer is too small.
fn normalize_fixed(text: &str, buf: &mut [u8], max_words: usize, max_bytes: usize) -> Option<(usize, bool)> {
    let bytes = text.as_bytes();
    let mut n = 0usize;
    let mut words = 0usize;
    // A separator since the last word character.
    let mut space = false;
    let mut i = 0;
    let mut stopped = false;
    while let Some(&b) = bytes.get(i) {
        let c = if b < 0x80 {
            i += 1;
            let l = FOLD[usize::from(b)];
            if l == 0 {
                space = true;
                continue;
            }
            None
        } else {
            let c = text.get(i..).and_then(|t| t.chars().next())?;
            i += c.len_utf8();
            if !c.is_alphanumeric() {
                space = true;
                continue;
            }
            Some(c)
        };
        // A new word (or the first): stop before it when enough is written.
        if space || words == 0 {
            if words == max_words || n >= max_bytes {
                stopped = true;
                break;
            }
            if words > 0 {
                *buf.get_mut(n)? = b' ';
                n += 1;
            }
            words += 1;
            space = false;
        }
        match c {
            None => {
                *buf.get_mut(n)? = FOLD[usize::from(b)];
                n += 1;
                // The rest of a run of ASCII letters and digits (`FOLD` is 0
                // for other bytes).
                while let Some(&b) = bytes.get(i) {
                    let l = FOLD[usize::from(b)];
                    if l == 0 {
                        break;
                    }
                    *buf.get_mut(n)? = l;
                    n += 1;
                    i += 1;
                }
            }
            Some(c) => {
                for l in c.to_lowercase() {
                    let w = l.len_utf8();
                    l.encode_utf8(buf.get_mut(n..n + w)?);
                    n += w;
                }
            }
        }
    }
    if n > max_bytes {
        n = max_bytes;
        stopped = true;
    }
    Some((n, stopped))
}

/// The first `max_words` words of the normalized text of `text`, written
/// in `buf`; `None` when they do not fit.
pub(crate) fn head_in<'a>(text: &str, max_words: usize, buf: &'a mut [u8; 128]) -> Option<&'a str> {
    let (n, _) = normalize_fixed(text, buf, max_words, usize::MAX)?;
    std::str::from_utf8(buf.get(..n)?).ok()
}

/// The last word of the normalized text of `text` (its last run of letters
/// and digits, lowercased), written in `buf`; `None` when it does not fit.
pub(crate) fn last_word_in<'a>(text: &str, buf: &'a mut [u8; 128]) -> Option<&'a str> {
    let t = text.trim_end_matches(|c: char| !c.is_alphanumeric());
    let start = t
        .char_indices()
        .rev()
        .find(|&(_, c)| !c.is_alphanumeric())
        .map_or(0, |(i, c)| i + c.len_utf8());
    head_in(t.get(start..)?, 1, buf)
}

/// A hash of normalized bytes.
pub(crate) fn hash_bytes(bytes: &[u8]) -> u64 {
    use std::hash::Hasher;
    let mut h = rustc_hash::FxHasher::default();
    h.write(bytes);
    h.write_usize(bytes.len());
    h.finish()
}

/// The number of word tokens of a block, counted up to `cap`.
pub(crate) fn word_count(doc: &Document, block: &crate::document::Block, cap: usize) -> usize {
    let mut n = 0;
    // Counted in chunks without a branch per token.
    for chunk in doc.block_tokens(block).chunks(8) {
        n += chunk.iter().filter(|t| t.kind == crate::document::TokenKind::Word).count();
        if n >= cap {
            return cap;
        }
    }
    n
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalizes() {
        assert_eq!(normalize("  Read also: "), "read also");
        assert_eq!(normalize("Kim’s  TRAIN!"), "kim s train");
        assert_eq!(normalize("İSTANBUL, Ünal  Éire_x"), "i\u{307}stanbul ünal éire x");
        assert_eq!(normalize(" , "), "");
    }

    #[test]
    fn normalizes_prefixes() {
        let text = "  Kim’s TRAIN: arrives in Beijing, today!";
        let whole = normalize(text);
        for (words, bytes) in [(4, usize::MAX), (usize::MAX, 10), (2, 3), (0, 5), (usize::MAX, usize::MAX)] {
            let mut out = b"x".to_vec();
            normalize_into(text, &mut out, words, bytes);
            let got = std::str::from_utf8(&out[1..]).unwrap_or("");
            assert!(whole.starts_with(got), "{words} {bytes}: {got}");
            assert!(got.len() <= bytes);
            if bytes == usize::MAX {
                assert_eq!(got.split(' ').filter(|w| !w.is_empty()).count(), words.min(7));
            }
        }
        let mut out = Vec::new();
        normalize_into(text, &mut out, 4, usize::MAX);
        assert_eq!(out, b"kim s train arrives");
        let long = "Antidisestablishmentarianism ".repeat(5);
        for t in [text, long.as_str()] {
            let mut head = Vec::new();
            normalize_into(t, &mut head, 4, usize::MAX);
            assert_eq!(head_hash(t, 4), hash_bytes(&head));
        }
        for t in [
            text,
            "A b",
            "Kim’s TRAIN: arrives",
            "a b c d e f",
            "Photo-journalists of the world unite",
            "",
            "\u{201c}We will \u{2014} we must \u{2014} win,\u{201d} she said",
            "\u{a0}\u{2018}A\u{2019} b\u{2026} c\u{2003}d e",
            "abcdefgh\u{e9}ij",
            "\u{201c}Caf\u{e9} society\u{201d} returns",
            "\u{2014}\u{2014}",
            "ab\u{2019}cd\u{2019}ef gh\u{2019}ij k",
        ] {
            let mut head = Vec::new();
            normalize_into(t, &mut head, 4, usize::MAX);
            let want = head
                .iter()
                .filter(|&&c| c != b' ')
                .take(8)
                .fold((0u64, 0u32), |(k, n), &c| ((k << 8) | u64::from(c), n + 1));
            assert_eq!(head_key(t), want, "{t}");
        }
        assert_eq!(head_key("The  Minister, said"), head_key("the minister said!"));
        let mut buf = [0u8; 128];
        assert_eq!(last_word_in("  Kim’s TRAIN: arrives in BEIJİNG, today!! ", &mut buf), Some("today"));
        assert_eq!(head_in("  Kim’s TRAIN: arrives", 2, &mut buf), Some("kim s"));
        for t in ["x Ünal-ÉIRE..", "İ", " , ", "a"] {
            assert_eq!(last_word_in(t, &mut buf), normalize(t).rsplit(' ').next(), "{t}");
        }
        // Cut texts are prefixes of the whole normalized text, also when a
        // long word overflows the first buffer (the second try).
        let long = format!("Aa {} İSTANBUL Ⱥ", "Ünal".repeat(40));
        for t in [text, "İSTANBUL, Ünal  Éire_x", "a", "", " ,", "Ⱥ Ⱥ Ⱥ ⱥ", long.as_str()] {
            let whole = normalize(t);
            for (words, bytes) in [(4, usize::MAX), (usize::MAX, 3), (usize::MAX, usize::MAX), (1, 1), (2, 10)] {
                let mut a = b"x".to_vec();
                let stopped = normalize_into(t, &mut a, words, bytes);
                let cut = &a[1..];
                assert!(whole.as_bytes().starts_with(cut), "{t} {words} {bytes}");
                assert!(cut.len() <= bytes, "{t} {words} {bytes}");
                assert!(stopped || cut == whole.as_bytes(), "{t} {words} {bytes}");
            }
        }
    }
}
