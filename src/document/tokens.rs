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
    /// ("it's", "U.S", "reported.Upon", "G7").
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

pub(crate) fn tokenize(prose: &str, span: Span, out: &mut Vec<Token>) {
    let text = &prose[span.range()];
    for (i, piece) in text.split_word_bound_indices() {
        let first = match piece.chars().next() {
            Some(c) => c,
            None => continue,
        };
        let kind = if first.is_alphabetic() {
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
        };
        let start = span.start + i;
        out.push(Token {
            span: Span::new(start, start + piece.len()),
            kind,
        });
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
