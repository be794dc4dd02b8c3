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

/// Reusable buffer of (byte offset, category) pairs.
pub(crate) type Scratch = Vec<(usize, Sc)>;

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

fn ascii_cat(b: u8) -> Sc {
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
pub(crate) fn starts(text: &str, scratch: &mut Scratch) -> Option<Vec<usize>> {
    scratch.clear();
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
        starts(text, &mut Vec::new())
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
        }

        #[test]
        fn matches_on_any_latin_extended_a(text in "[a-zA-Z .?\u{100}-\u{17f}]{0,16}") {
            prop_assert_eq!(fast(&text), Some(reference(&text)));
        }
    }
}
