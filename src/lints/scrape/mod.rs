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
    let mut out = String::with_capacity(text.len());
    let mut space = false;
    for c in text.chars() {
        if c.is_alphanumeric() {
            if space && !out.is_empty() {
                out.push(' ');
            }
            space = false;
            if c.is_ascii() {
                out.push(c.to_ascii_lowercase());
            } else {
                out.extend(c.to_lowercase());
            }
        } else {
            space = true;
        }
    }
    out
}

/// The hashes of a line's normalized text (as `normalize` would produce it)
/// and of its first four words, without building the normalized string.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Fingerprint {
    /// Hash of the whole normalized text.
    pub hash: u64,
    /// Hash of the normalized first four words.
    pub head: u64,
    /// Whether the text has any alphanumeric character (a non-empty head).
    pub has_words: bool,
}

/// Hashes a byte stream in chunks (the same stream always gives the same
/// hash, however it was pushed).
struct Sink {
    h: rustc_hash::FxHasher,
    buf: [u8; 64],
    n: usize,
}

impl Sink {
    fn new() -> Sink {
        Sink {
            h: rustc_hash::FxHasher::default(),
            buf: [0; 64],
            n: 0,
        }
    }

    #[inline]
    fn push(&mut self, b: u8) {
        use std::hash::Hasher;
        if self.n == self.buf.len() {
            self.h.write(&self.buf);
            self.n = 0;
        }
        if let Some(slot) = self.buf.get_mut(self.n) {
            *slot = b;
        }
        self.n += 1;
    }

    fn push_char(&mut self, c: char) {
        let mut tmp = [0u8; 4];
        for &b in c.encode_utf8(&mut tmp).as_bytes() {
            self.push(b);
        }
    }

    fn finish(mut self) -> u64 {
        use std::hash::Hasher;
        let n = self.n.min(self.buf.len());
        self.h.write(&self.buf[..n]);
        self.h.write_usize(n);
        self.h.finish()
    }
}

pub(crate) fn fingerprint(text: &str) -> Fingerprint {
    let mut h = Sink::new();
    let mut head = Sink::new();
    let mut words = 0usize;
    let mut space = false;
    let mut started = false;
    let bytes = text.as_bytes();
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        // ASCII bytes directly; other characters decoded.
        let c = if b < 0x80 {
            i += 1;
            if !b.is_ascii_alphanumeric() {
                space = true;
                continue;
            }
            None
        } else {
            let Some(c) = text.get(i..).and_then(|t| t.chars().next()) else {
                break;
            };
            i += c.len_utf8();
            if !c.is_alphanumeric() {
                space = true;
                continue;
            }
            Some(c)
        };
        if space && started {
            h.push(b' ');
            words += 1;
            if words < 4 {
                head.push(b' ');
            }
        }
        space = false;
        started = true;
        match c {
            None => {
                let l = b.to_ascii_lowercase();
                h.push(l);
                if words < 4 {
                    head.push(l);
                }
            }
            Some(c) => {
                for l in c.to_lowercase() {
                    h.push_char(l);
                    if words < 4 {
                        head.push_char(l);
                    }
                }
            }
        }
    }
    Fingerprint {
        hash: h.finish(),
        head: head.finish(),
        has_words: started,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalizes() {
        assert_eq!(normalize("  Read also: "), "read also");
        assert_eq!(normalize("Kim’s  TRAIN!"), "kim s train");
    }
}
