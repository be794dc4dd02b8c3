//! UAX #29 sentence boundaries, fast.
//!
//! `unicode-segmentation` classifies every character through a range table
//! and re-scans ahead at each candidate boundary; on news text that costs
//! more than tokenizing. This module applies the same rules (SB1-SB998) with
//! a direct classifier for ASCII, Latin-1, Latin Extended-A and the common
//! typographic punctuation (curly quotes, dashes, special spaces). A block
//! holding any other character (other scripts, combining marks, format
//! characters) returns `None` and the caller uses `unicode-segmentation`.
//! A property test checks the two agree on every text the fast path takes.

/// Sentence starts found so far (byte offsets), reused between blocks.
pub(crate) type Scratch = Vec<usize>;

/// Sentence break categories of UAX #29.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Sc {
    Any,
    Cr,
    Lf,
    Sep,
    Sp,
    Lower,
    Upper,
    Numeric,
    ATerm,
    STerm,
    Close,
    SContinue,
}

const fn ascii_cat(b: u8) -> Sc {
    match b {
        b'\r' => Sc::Cr,
        b'\n' => Sc::Lf,
        b'\t' | 0x0b | 0x0c | b' ' => Sc::Sp,
        b'a'..=b'z' => Sc::Lower,
        b'A'..=b'Z' => Sc::Upper,
        b'0'..=b'9' => Sc::Numeric,
        b'.' => Sc::ATerm,
        b'!' | b'?' => Sc::STerm,
        b'"' | b'\'' | b'(' | b')' | b'[' | b']' | b'{' | b'}' => Sc::Close,
        b',' | b'-' | b':' | b';' => Sc::SContinue,
        _ => Sc::Any,
    }
}

const ASCII_CAT: [Sc; 128] = {
    let mut t = [Sc::Any; 128];
    let mut b = 0;
    while b < 128 {
        t[b] = ascii_cat(b as u8);
        b += 1;
    }
    t
};

/// Bytes the scan stops at: those that may end a sentence (terminators and
/// line breaks) and every non-ASCII byte (classified, and maybe a
/// terminator or a separator).
const STOP: [bool; 256] = {
    let mut t = [false; 256];
    let mut b = 0;
    while b < 256 {
        t[b] = b >= 0x80 || matches!(b as u8, b'.' | b'!' | b'?' | b'\r' | b'\n');
        b += 1;
    }
    t
};

/// The first byte at or after `i` in `STOP` (or the length), eight bytes at
/// a time.
fn next_stop(bytes: &[u8], mut i: usize) -> usize {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = ONES * 0x80;
    let zero = |v: u64| v.wrapping_sub(ONES) & !v;
    while i < bytes.len() {
        let w = crate::lints::bytes::load8(bytes, i);
        // '.', '!', '?', anything below 0x0e (CR, LF and a few more, checked
        // below) and non-ASCII bytes. The lowest flag of each test is exact
        // (spurious ones only sit above a true one).
        let hits =
            (zero(w ^ (ONES * 0x2e)) | zero(w ^ (ONES * 0x21)) | zero(w ^ (ONES * 0x3f)) | (w.wrapping_sub(ONES * 0x0e) & !w) | w) & HIGH;
        if hits == 0 {
            i += 8;
            continue;
        }
        let at = i + (hits.trailing_zeros() / 8) as usize;
        match bytes.get(at) {
            Some(&b) if STOP[usize::from(b)] => return at,
            Some(_) => i = at + 1,
            None => return bytes.len(),
        }
    }
    bytes.len()
}

/// The category of a non-ASCII character, or `None` when the fast path does
/// not know it.
fn other_cat(c: char) -> Option<Sc> {
    Some(match c {
        '\u{a0}' | '\u{2000}'..='\u{200a}' | '\u{202f}' | '\u{205f}' => Sc::Sp,
        '\u{aa}' | '\u{b5}' | '\u{ba}' | '\u{df}'..='\u{f6}' | '\u{f8}'..='\u{ff}' => Sc::Lower,
        '\u{c0}'..='\u{d6}' | '\u{d8}'..='\u{de}' => Sc::Upper,
        '\u{ab}' | '\u{bb}' | '\u{2018}'..='\u{201f}' | '\u{2039}' | '\u{203a}' | '\u{2045}' | '\u{2046}' => Sc::Close,
        '\u{2013}' | '\u{2014}' => Sc::SContinue,
        '\u{2024}' => Sc::ATerm,
        '\u{203c}' | '\u{203d}' | '\u{2047}'..='\u{2049}' => Sc::STerm,
        '\u{85}' | '\u{2028}' | '\u{2029}' => Sc::Sep,
        // Soft hyphen, zero-width and bidi controls: Format/Extend.
        '\u{ad}' | '\u{200b}'..='\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2060}'..='\u{206f}' => return None,
        '\u{a1}'..='\u{bf}' | '\u{d7}' | '\u{f7}' | '\u{2010}'..='\u{205e}' | '\u{20a0}'..='\u{20c0}' => Sc::Any,
        '\u{100}'..='\u{17f}' if c.is_uppercase() => Sc::Upper,
        '\u{100}'..='\u{17f}' if c.is_lowercase() => Sc::Lower,
        _ => return None,
    })
}

/// The category and byte length of the character at `i` (a char boundary
/// before the end), or `None` when the fast path does not know it.
#[inline(always)]
fn cat_at(text: &str, i: usize) -> Option<(Sc, usize)> {
    let b = *text.as_bytes().get(i)?;
    if b < 0x80 {
        return Some((ASCII_CAT[usize::from(b)], 1));
    }
    let c = text.get(i..)?.chars().next()?;
    Some((other_cat(c)?, c.len_utf8()))
}

/// The category of the character that ends before `i` (`Any` at the start).
fn cat_before(text: &str, i: usize) -> Option<Sc> {
    let bytes = text.as_bytes();
    let mut s = i.checked_sub(1)?;
    while s > 0 && (bytes[s] & 0xc0) == 0x80 {
        s -= 1;
    }
    cat_at(text, s).map(|(c, _)| c)
}

/// Byte offsets (relative to `text`) at which sentences start, the first
/// being 0, per UAX #29, written to `out`; `None` if the text holds a
/// character the fast classifier does not know.
///
/// Outside "SATerm Close* Sp* ParaSep?" and after-ParaSep contexts no rule
/// breaks (SB998), so the text is scanned for terminators and separators
/// (and non-ASCII characters, which are classified on the way) and the
/// rules run only from each such character until the context is over.
pub(crate) fn starts(text: &str, out: &mut Vec<usize>) -> Option<()> {
    out.clear();
    let bytes = text.as_bytes();
    if bytes.is_empty() {
        return Some(());
    }
    out.push(0);
    let mut i = 0;
    while i < bytes.len() {
        i = next_stop(bytes, i);
        if i >= bytes.len() {
            break;
        }
        let (cat, len) = cat_at(text, i)?;
        i = if matches!(cat, Sc::ATerm | Sc::STerm | Sc::Cr | Sc::Lf | Sc::Sep) {
            // SB7 looks at the character before an ATerm.
            let before = if cat == Sc::ATerm && i > 0 { cat_before(text, i)? } else { Sc::Any };
            after_trigger(text, i + len, cat, before, out)?
        } else {
            i + len
        };
    }
    Some(())
}

/// Apply the rules from `k`, just after a terminator or separator of category
/// `first` (preceded by a character of category `before`), until the left
/// context no longer allows a break; returns where the plain scan resumes.
// The rules are spelled out one branch each, in the order of UAX #29.
#[allow(clippy::if_same_then_else)]
fn after_trigger(text: &str, mut k: usize, first: Sc, before: Sc, out: &mut Vec<usize>) -> Option<usize> {
    // The left context, as the rules need it: the last category; the one
    // before it; and, after an ATerm or STerm, where we are in
    // "SATerm Close* Sp* ParaSep?" (0: in Close*, 1: in Sp*, 2: after ParaSep).
    let mut prev = first;
    let mut prev2 = before;
    let mut term: Option<(bool, u8)> = start_term(first);
    let mut sb8_cache: Option<(usize, bool)> = None;
    while k < text.len() {
        if term.is_none() && !matches!(prev, Sc::Cr | Sc::Lf | Sc::Sep) {
            break;
        }
        let (cat, clen) = cat_at(text, k)?;
        let brk = if prev == Sc::Cr && cat == Sc::Lf {
            false // SB3
        } else if matches!(prev, Sc::Cr | Sc::Lf | Sc::Sep) {
            true // SB4
        } else if prev == Sc::ATerm && cat == Sc::Numeric {
            false // SB6
        } else if prev == Sc::ATerm && cat == Sc::Upper && matches!(prev2, Sc::Upper | Sc::Lower) {
            false // SB7
        } else if let Some((aterm, phase)) = term {
            if aterm && phase <= 1 && sb8(text, k, &mut sb8_cache)? {
                false // SB8
            } else if phase <= 1 && matches!(cat, Sc::SContinue | Sc::STerm | Sc::ATerm) {
                false // SB8a
            } else if phase == 0 && matches!(cat, Sc::Close | Sc::Sp | Sc::Sep | Sc::Cr | Sc::Lf) {
                false // SB9
            } else if phase <= 1 && matches!(cat, Sc::Sp | Sc::Sep | Sc::Cr | Sc::Lf) {
                false // SB10
            } else {
                true // SB11
            }
        } else {
            false // SB998
        };
        if brk {
            out.push(k);
        }
        // Advance the left context.
        term = match (term, cat) {
            (_, Sc::ATerm | Sc::STerm) => start_term(cat),
            (Some((a, 0)), Sc::Close) => Some((a, 0)),
            (Some((a, 0 | 1)), Sc::Sp) => Some((a, 1)),
            (Some((a, 0 | 1)), Sc::Sep | Sc::Cr | Sc::Lf) => Some((a, 2)),
            _ => None,
        };
        if !(cat == prev && matches!(cat, Sc::Close | Sc::Sp)) {
            prev2 = prev;
        }
        prev = cat;
        k += clen;
    }
    Some(k)
}

/// SB8: after "ATerm Close* Sp*", no break when the next character that is
/// OLetter, Upper, Lower, ParaSep or SATerm is lowercase. The answer is the
/// same from every position of one run of skipped characters, so it is
/// cached as (byte offset of the end of the run, answer).
fn sb8(text: &str, k: usize, cache: &mut Option<(usize, bool)>) -> Option<bool> {
    if let Some((until, hit)) = *cache {
        if k <= until {
            return Some(hit);
        }
    }
    let mut j = k;
    let mut hit = false;
    while j < text.len() {
        let (c, len) = cat_at(text, j)?;
        match c {
            Sc::Lower => {
                hit = true;
                break;
            }
            Sc::Upper | Sc::Sep | Sc::Cr | Sc::Lf | Sc::STerm | Sc::ATerm => break,
            _ => j += len,
        }
    }
    *cache = Some((j, hit));
    Some(hit)
}

fn start_term(cat: Sc) -> Option<(bool, u8)> {
    match cat {
        Sc::ATerm => Some((true, 0)),
        Sc::STerm => Some((false, 0)),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use unicode_segmentation::UnicodeSegmentation;

    fn fast(text: &str) -> Option<Vec<usize>> {
        let mut out = Vec::new();
        starts(text, &mut out).map(|()| out)
    }

    /// The previous implementation, which classifies every character.
    mod classify_all {
        use super::super::{ascii_cat, other_cat, start_term, Sc};

        /// Where the text after an ATerm goes: the first character that is
        /// OLetter, Upper, Lower, ParaSep or SATerm decides SB8.
        fn lower_follows(cats: &[(usize, Sc)]) -> bool {
            for &(_, c) in cats {
                match c {
                    Sc::Lower => return true,
                    Sc::Upper | Sc::Sep | Sc::Cr | Sc::Lf | Sc::STerm | Sc::ATerm => return false,
                    _ => {}
                }
            }
            false
        }

        /// Byte offsets (relative to `text`) at which sentences start, the first
        /// being 0, per UAX #29; `None` if the text holds a character the fast
        /// classifier does not know. `scratch` is reused between calls.
        // The rules are spelled out one branch each, in the order of UAX #29.
        #[allow(clippy::if_same_then_else)]
        pub(super) fn starts(text: &str) -> Option<Vec<usize>> {
            let scratch = &mut Vec::new();
            let bytes = text.as_bytes();
            if bytes.is_ascii() {
                scratch.extend(bytes.iter().enumerate().map(|(i, &b)| (i, ascii_cat(b))));
            } else {
                for (i, c) in text.char_indices() {
                    let cat = if c.is_ascii() { ascii_cat(c as u8) } else { other_cat(c)? };
                    scratch.push((i, cat));
                }
            }
            let cats = &scratch[..];
            let mut out = Vec::new();
            if cats.is_empty() {
                return Some(out);
            }
            out.push(0);
            // The left context, as the rules need it: the last category; the one
            // before it; and, after an ATerm or STerm, where we are in
            // "SATerm Close* Sp* ParaSep?" (0: in Close*, 1: in Sp*, 2: after ParaSep).
            let mut prev = cats[0].1;
            let mut prev2 = Sc::Any;
            let mut term: Option<(bool, u8)> = start_term(prev);
            let mut sb8_cache: Option<(usize, bool)> = None;
            for k in 1..cats.len() {
                let (pos, cat) = cats[k];
                let brk = if prev == Sc::Cr && cat == Sc::Lf {
                    false // SB3
                } else if matches!(prev, Sc::Cr | Sc::Lf | Sc::Sep) {
                    true // SB4
                } else if prev == Sc::ATerm && cat == Sc::Numeric {
                    false // SB6
                } else if prev == Sc::ATerm && cat == Sc::Upper && matches!(prev2, Sc::Upper | Sc::Lower) {
                    false // SB7
                } else if let Some((aterm, phase)) = term {
                    if aterm && phase <= 1 && sb8(cats, k, &mut sb8_cache) {
                        false // SB8
                    } else if phase <= 1 && matches!(cat, Sc::SContinue | Sc::STerm | Sc::ATerm) {
                        false // SB8a
                    } else if phase == 0 && matches!(cat, Sc::Close | Sc::Sp | Sc::Sep | Sc::Cr | Sc::Lf) {
                        false // SB9
                    } else if phase <= 1 && matches!(cat, Sc::Sp | Sc::Sep | Sc::Cr | Sc::Lf) {
                        false // SB10
                    } else {
                        true // SB11
                    }
                } else {
                    false // SB998
                };
                if brk {
                    out.push(pos);
                }
                // Advance the left context.
                term = match (term, cat) {
                    (_, Sc::ATerm | Sc::STerm) => start_term(cat),
                    (Some((a, 0)), Sc::Close) => Some((a, 0)),
                    (Some((a, 0 | 1)), Sc::Sp) => Some((a, 1)),
                    (Some((a, 0 | 1)), Sc::Sep | Sc::Cr | Sc::Lf) => Some((a, 2)),
                    _ => None,
                };
                if !(cat == prev && matches!(cat, Sc::Close | Sc::Sp)) {
                    prev2 = prev;
                }
                prev = cat;
            }
            Some(out)
        }

        /// SB8: after "ATerm Close* Sp*", no break when the next letter-like
        /// character is lowercase. The answer is the same from every position of one
        /// run of skipped characters, so it is cached as (end of run, answer).
        fn sb8(cats: &[(usize, Sc)], k: usize, cache: &mut Option<(usize, bool)>) -> bool {
            if let Some((until, hit)) = *cache {
                if k <= until {
                    return hit;
                }
            }
            let stop = cats[k..]
                .iter()
                .position(|&(_, c)| matches!(c, Sc::Lower | Sc::Upper | Sc::Sep | Sc::Cr | Sc::Lf | Sc::STerm | Sc::ATerm))
                .map_or(cats.len(), |p| k + p);
            let hit = lower_follows(&cats[stop..]);
            *cache = Some((stop, hit));
            hit
        }
    }

    fn reference(text: &str) -> Vec<usize> {
        text.split_sentence_bound_indices().map(|(i, _)| i).collect()
    }

    #[test]
    fn examples() {
        for t in [
            "Dr. Smith left. He said \u{201c}no.\u{201d} Then\u{2014}after 3.5 hours\u{2014}U.S. forces left! Why? e.g. this.",
            "A. b. (Yes.) 'No!' \"Maybe?\"  Ok.\r\nNext line.\n\nPara. \u{a0}Caf\u{e9}. \u{c9}cole.",
            "end.)  next... ellipsis\u{2026} Next. \u{141}\u{f3}d\u{17a} is a city. \u{17b}ory.",
            "",
            ".",
            "a.\u{2019} b",
        ] {
            assert_eq!(fast(t).as_deref(), Some(&reference(t)[..]), "{t:?}");
        }
        assert_eq!(fast("\u{43f}\u{440}\u{438}"), None);
        assert_eq!(fast("a\u{301}"), None);
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2000))]
        #[test]
        fn matches_unicode_segmentation(text in "[aZ0. !?\"'(),:;\\-\r\n\t\u{a0}\u{ab}\u{b0}\u{c9}\u{e9}\u{d7}\u{100}\u{101}\u{138}\u{149}\u{17f}\u{2013}\u{2014}\u{2019}\u{201c}\u{201d}\u{2024}\u{2026}\u{203c}\u{2028}\u{20ac}]{0,24}") {
            prop_assert_eq!(fast(&text), Some(reference(&text)));
            prop_assert_eq!(fast(&text), classify_all::starts(&text));
        }

        #[test]
        fn matches_the_full_classifier_on_dense_punctuation(text in "[aZ0 .!?\"')\\-,\r\n\u{a0}\u{201d}\u{2024}\u{2029}\u{203c}]{0,40}") {
            prop_assert_eq!(fast(&text), classify_all::starts(&text));
            prop_assert_eq!(fast(&text), Some(reference(&text)));
        }

        #[test]
        fn next_stop_matches_the_table(text in proptest::collection::vec(any::<u8>(), 0..40), from in 0usize..40) {
            let from = from.min(text.len());
            let want = text[from..].iter().position(|&b| STOP[usize::from(b)]).map_or(text.len(), |k| k + from);
            prop_assert_eq!(next_stop(&text, from), want);
        }

        #[test]
        fn unknown_characters_anywhere_give_up(head in "[aZ0 .!?\"')\\-,\r\n\u{a0}\u{201d}\u{2024}\u{2029}\u{203c}]{0,16}", odd in "[\u{301}\u{43f}\u{200b}]", tail in "[aZ0 .!?\"')\\-,\r\n\u{a0}\u{201d}\u{2024}\u{2029}\u{203c}]{0,16}") {
            let text = format!("{head}{odd}{tail}");
            prop_assert_eq!(fast(&text), None);
        }

        #[test]
        fn matches_the_full_classifier_on_prose(text in "([A-Z]?[a-z]{0,3}[.!?]{0,2}[)\"]?[ \n]{0,2}){0,12}") {
            prop_assert_eq!(fast(&text), classify_all::starts(&text));
            prop_assert_eq!(fast(&text), Some(reference(&text)));
        }

        #[test]
        fn matches_on_any_latin_extended_a(text in "[a-zA-Z .?\u{100}-\u{17f}]{0,16}") {
            prop_assert_eq!(fast(&text), Some(reference(&text)));
        }
    }
}
