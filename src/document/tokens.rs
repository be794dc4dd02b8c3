//! Word tokens and sentences (unicode-segmentation, with fixes for
//! abbreviations and initials), and URL masking.

use std::sync::OnceLock;

use regex::bytes::Regex;
use unicode_segmentation::UnicodeSegmentation;

use super::Sentence;
use crate::source::Span;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum TokenKind {
    /// Starts with a letter; may hold inner apostrophes, periods and digits
    /// ("it's", "U.S", "announced.After", "G7").
    Word,
    /// Starts with a digit ("3.5", "2025").
    Number,
    Punct,
    Space,
    Newline,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Token {
    pub span: Span,
    pub kind: TokenKind,
}

impl Token {
    pub fn is_word(&self) -> bool {
        self.kind == TokenKind::Word
    }
}

fn classify(piece: &str) -> Option<TokenKind> {
    let first = piece.chars().next()?;
    Some(if first.is_alphabetic() {
        TokenKind::Word
    } else if first.is_numeric() {
        TokenKind::Number
    } else if first.is_whitespace() {
        if piece.contains('\n') {
            TokenKind::Newline
        } else {
            TokenKind::Space
        }
    } else if piece.chars().any(char::is_alphabetic) {
        // "_foo" and similar connector-led words.
        TokenKind::Word
    } else {
        TokenKind::Punct
    })
}

/// Split a block into tokens at UAX #29 word boundaries.
///
/// UAX #29 never joins across ASCII whitespace (but for runs of spaces and
/// CR LF), so the block is cut into whitespace-free chunks first. Pure-ASCII
/// chunks, the common case in English prose, take a fast path that applies
/// the UAX #29 rules for ASCII directly (a unit property test checks it
/// against unicode-segmentation); any other chunk goes to unicode-segmentation.
pub(crate) fn tokenize(prose: &str, span: Span, out: &mut Vec<Token>) {
    let text = &prose[span.range()];
    let bytes = text.as_bytes();
    let base = span.start;
    let mut push = |start: usize, end: usize, kind: TokenKind| {
        out.push(Token {
            span: Span::new(base + start, base + end),
            kind,
        })
    };
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b' ' => {
                let mut j = i + 1;
                while j < bytes.len() && bytes[j] == b' ' {
                    j += 1;
                }
                push(i, j, TokenKind::Space);
                i = j;
            }
            b'\t' => {
                push(i, i + 1, TokenKind::Space);
                i += 1;
            }
            b'\n' => {
                push(i, i + 1, TokenKind::Newline);
                i += 1;
            }
            b'\r' => {
                let j = if bytes.get(i + 1) == Some(&b'\n') { i + 2 } else { i + 1 };
                push(i, j, TokenKind::Newline);
                i = j;
            }
            _ => {
                let mut j = i;
                let mut ascii = true;
                while j < bytes.len() && !matches!(bytes[j], b' ' | b'\t' | b'\n' | b'\r') {
                    ascii &= bytes[j].is_ascii();
                    j += 1;
                }
                if ascii {
                    ascii_chunk(&bytes[i..j], i, &mut push);
                } else {
                    for (k, piece) in text[i..j].split_word_bound_indices() {
                        if let Some(kind) = classify(piece) {
                            push(i + k, i + k + piece.len(), kind);
                        }
                    }
                }
                i = j;
            }
        }
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Wb {
    Letter,
    Numeric,
    ExtendNumLet,
    MidLetter,
    MidNumLet,
    MidNum,
    Other,
}

fn wb(b: u8) -> Wb {
    match b {
        b'a'..=b'z' | b'A'..=b'Z' => Wb::Letter,
        b'0'..=b'9' => Wb::Numeric,
        b'_' => Wb::ExtendNumLet,
        b':' => Wb::MidLetter,
        b'.' | b'\'' => Wb::MidNumLet,
        b',' | b';' => Wb::MidNum,
        _ => Wb::Other,
    }
}

/// UAX #29 word segmentation of a whitespace-free ASCII chunk.
fn ascii_chunk(chunk: &[u8], offset: usize, push: &mut impl FnMut(usize, usize, TokenKind)) {
    let mut i = 0;
    while i < chunk.len() {
        let c = wb(chunk[i]);
        if !matches!(c, Wb::Letter | Wb::Numeric | Wb::ExtendNumLet) {
            push(offset + i, offset + i + 1, TokenKind::Punct);
            i += 1;
            continue;
        }
        let start = i;
        let mut has_letter = c == Wb::Letter;
        let mut j = i + 1;
        while j < chunk.len() {
            let prev = wb(chunk[j - 1]);
            let cur = wb(chunk[j]);
            match cur {
                Wb::Letter | Wb::Numeric | Wb::ExtendNumLet => {
                    has_letter |= cur == Wb::Letter;
                    j += 1;
                }
                Wb::MidLetter | Wb::MidNumLet | Wb::MidNum => {
                    let next = chunk.get(j + 1).map(|&b| wb(b));
                    let letters = prev == Wb::Letter && next == Some(Wb::Letter) && cur != Wb::MidNum;
                    let digits = prev == Wb::Numeric && next == Some(Wb::Numeric) && cur != Wb::MidLetter;
                    if letters || digits {
                        j += 2;
                        has_letter |= letters;
                    } else {
                        break;
                    }
                }
                Wb::Other => break,
            }
        }
        let kind = match c {
            Wb::Letter => TokenKind::Word,
            Wb::Numeric => TokenKind::Number,
            _ if has_letter => TokenKind::Word,
            _ => TokenKind::Punct,
        };
        push(offset + start, offset + j, kind);
        i = j;
    }
}

/// Abbreviations after which a period does not end a sentence.
const ABBREVIATIONS: &[&str] = &[
    "Mr", "Mrs", "Ms", "Dr", "Prof", "St", "Sen", "Rep", "Gov", "Gen", "Lt", "Col", "Sgt", "Capt", "Cmdr", "Adm", "Maj", "Rev", "Hon",
    "Pres", "Jr", "Sr", "Mt", "Ft", "No", "Nos", "Vol", "vs", "v", "cf", "approx", "Inc", "Corp", "Co", "Ltd", "Bros", "Jan", "Feb", "Mar",
    "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec", "Mon", "Tue", "Tues", "Wed", "Thu", "Thurs", "Fri", "Sat", "Sun",
    "Ave", "Blvd", "Rd", "Fig", "fig", "p", "pp", "ed", "eds", "est", "al",
];

/// Split a block into sentences: UAX #29 boundaries, merged back where the
/// previous piece ends in an abbreviation, an initial or a dotted acronym
/// followed by a word that does not look like a new sentence.
pub(crate) fn sentences(prose: &str, span: Span, block: usize, tokens: &[Token], tok_offset: usize, out: &mut Vec<Sentence>) {
    let text = &prose[span.range()];
    let mut pieces: Vec<Span> = Vec::new();
    for (i, s) in text.split_sentence_bound_indices() {
        let start = span.start + i;
        let piece = Span::new(start, start + s.len());
        if let Some(prev) = pieces.last_mut() {
            if joins(&prose[prev.range()], s) {
                prev.end = piece.end;
                continue;
            }
        }
        pieces.push(piece);
    }
    let mut t = 0;
    for p in pieces {
        // Trim trailing whitespace from the sentence span.
        let trimmed = prose[p.range()].trim_end().len();
        let p = Span::new(p.start, p.start + trimmed);
        if p.is_empty() {
            continue;
        }
        while t < tokens.len() && tokens[t].span.end <= p.start {
            t += 1;
        }
        let first = t;
        while t < tokens.len() && tokens[t].span.start < p.end {
            t += 1;
        }
        out.push(Sentence {
            span: p,
            block,
            tokens: tok_offset + first..tok_offset + t,
        });
    }
}

fn joins(prev: &str, next: &str) -> bool {
    let prev = prev.trim_end();
    let Some(stem) = prev.strip_suffix('.') else {
        return false;
    };
    let last = stem.rsplit(|c: char| !(c.is_alphanumeric() || c == '.')).next().unwrap_or("");
    let next_first = next.trim_start().chars().next();
    let next_lower = next_first.is_some_and(|c| c.is_lowercase() || c.is_numeric());
    // An initial: "J." in "J. R. R. Tolkien".
    let mut chars = last.chars();
    if let (Some(c), None) = (chars.next(), chars.next()) {
        if c.is_uppercase() {
            return true;
        }
    }
    if [
        "Mr", "Mrs", "Ms", "Dr", "Prof", "St", "Sen", "Rep", "Gov", "Gen", "Lt", "Col", "Sgt", "Capt", "Rev", "Hon", "Mt", "vs", "v", "cf",
    ]
    .contains(&last)
    {
        return true;
    }
    if ABBREVIATIONS.contains(&last) {
        return next_lower;
    }
    // Dotted acronyms and Latin abbreviations: "U.S.", "e.g.", "a.m.".
    if last.contains('.') && last.len() <= 8 {
        return next_lower || last.starts_with(|c: char| c.is_lowercase());
    }
    false
}

fn url_regex() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(r"(?i)\b(?:(?:https?|ftp)://|www\.)[^\s<>()\[\]]+|\b[a-z0-9._%+-]+@[a-z0-9-]+(?:\.[a-z0-9-]+)+\b")
            .expect("URL regex compiles")
    })
}

/// Blank bare URLs and e-mail addresses in the prose view.
pub(crate) fn mask_urls(text: &str, prose: &mut [u8]) {
    let bytes = text.as_bytes();
    if !(text.contains("://") || text.contains("www.") || text.contains('@')) {
        return;
    }
    let spans: Vec<(usize, usize)> = url_regex().find_iter(bytes).map(|m| (m.start(), m.end())).collect();
    for (start, mut end) in spans {
        // A URL does not end in sentence punctuation.
        while end > start && matches!(bytes[end - 1], b'.' | b',' | b';' | b':' | b'!' | b'?' | b'\'' | b'"') {
            end -= 1;
        }
        for b in &mut prose[start..end] {
            if *b != b'\n' {
                *b = b' ';
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn fast(text: &str) -> Vec<(usize, usize)> {
        let mut out = Vec::new();
        tokenize(text, Span::new(0, text.len()), &mut out);
        out.iter().map(|t| (t.span.start, t.span.end)).collect()
    }

    fn reference(text: &str) -> Vec<(usize, usize)> {
        text.split_word_bound_indices().map(|(i, p)| (i, i + p.len())).collect()
    }

    #[test]
    fn fast_path_examples() {
        for t in [
            "U.S. e.g. 3.5 1,000 it's a:b foo_bar _x x_ 12ab ab12 a..b 1.a a.1",
            "announced.After termAnd  two  spaces\ttab\r\nend",
            "China\u{2019}s caf\u{e9} na\u{ef}ve",
        ] {
            assert_eq!(fast(t), reference(t), "{t:?}");
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(512))]
        #[test]
        fn fast_path_matches_uax29_on_ascii(text in "[a-zA-Z0-9 _.,;:'!?()\\-\"\n\t\r]{0,40}") {
            prop_assert_eq!(fast(&text), reference(&text));
        }
    }
}
