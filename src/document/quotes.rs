//! Quotation regions for straight and curly double quotes.

use crate::source::Span;

/// A quoted region (marks included). `closed` is false when the block ended
/// before a closing mark.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Quote {
    pub span: Span,
    pub block: usize,
    pub closed: bool,
}

/// Whether a straight double quote at byte `k` of `bytes` has the shape of
/// an opening mark (after a space, a bracket or the start, before a
/// non-space) and of a closing mark (after a non-space, before a space,
/// punctuation or the end). A mark can have both shapes (`a"b`) or neither.
fn straight_shape(bytes: &[u8], k: usize) -> (bool, bool) {
    let prev = k.checked_sub(1).and_then(|j| bytes.get(j)).copied();
    let next = bytes.get(k + 1).copied();
    let space = |b: u8| b.is_ascii_whitespace();
    let opens = prev.is_none_or(|b| space(b) || matches!(b, b'(' | b'[' | b'{' | b'/')) && next.is_some_and(|b| !space(b));
    let closes = prev.is_some_and(|b| !space(b) && !matches!(b, b'(' | b'[' | b'{'))
        && next.is_none_or(|b| space(b) || matches!(b, b'.' | b',' | b';' | b':' | b'!' | b'?' | b')' | b']' | b'}'));
    (opens, closes)
}

pub(crate) fn find(prose: &str, span: Span, block: usize, out: &mut Vec<Quote>) {
    let text = &prose[span.range()];
    // U+201C and U+201D are E2 80 9C and E2 80 9D in UTF-8.
    let bytes = text.as_bytes();
    let mut open: Option<usize> = None;
    for k in memchr::memchr2_iter(b'"', 0xe2, bytes) {
        let at = span.start + k;
        let rest = bytes.get(k..).unwrap_or_default();
        match rest {
            [0xe2, 0x80, 0x9c, ..] => {
                if let Some(o) = open.take() {
                    out.push(Quote {
                        span: Span::new(o, at),
                        block,
                        closed: false,
                    });
                }
                open = Some(at);
            }
            [0xe2, 0x80, 0x9d, ..] => {
                if let Some(o) = open.take() {
                    out.push(Quote {
                        span: Span::new(o, at + 3),
                        block,
                        closed: true,
                    });
                }
            }
            [b'"', ..] => {
                let (opens, closes) = straight_shape(bytes, k);
                match open.take() {
                    // An opening mark while a quotation is open: that one was
                    // never closed (`harmony. "However`).
                    Some(o) if opens && !closes => {
                        out.push(Quote {
                            span: Span::new(o, at),
                            block,
                            closed: false,
                        });
                        open = Some(at);
                    }
                    Some(o) => out.push(Quote {
                        span: Span::new(o, at + 1),
                        block,
                        closed: true,
                    }),
                    // A closing mark with nothing open (`parties". The`):
                    // taken for an opening one, it would quote the rest of
                    // the paragraph.
                    None if closes && !opens => {}
                    None => open = Some(at),
                }
            }
            _ => {}
        }
    }
    if let Some(o) = open {
        out.push(Quote {
            span: Span::new(o, span.end),
            block,
            closed: false,
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn quoted(text: &str) -> Vec<(&str, bool)> {
        let mut out = Vec::new();
        find(text, Span::new(0, text.len()), 0, &mut out);
        out.iter().map(|q| (&text[q.span.range()], q.closed)).collect()
    }

    #[test]
    fn straight_marks_pair_by_their_shape() {
        assert_eq!(quoted(r#"He said "yes" and "no"."#), vec![(r#""yes""#, true), (r#""no""#, true)]);
        // An opening mark while one is open: the first was never closed.
        assert_eq!(
            quoted(r#""Peace. "However, we are ready." He said "support". Then she spoke."#),
            vec![
                (r#""Peace. "#, false),
                (r#""However, we are ready.""#, true),
                (r#""support""#, true)
            ]
        );
        // A closing mark with nothing open does not quote the rest.
        assert_eq!(quoted(r#"we are ready." He left."#), vec![]);
        // Marks of neither or both shapes alternate as before.
        assert_eq!(quoted(r#"a"b c"d"#), vec![(r#""b c""#, true)]);
        assert_eq!(quoted(r#"He said "yes"#), vec![(r#""yes"#, false)]);
    }

    #[test]
    fn curly_marks_pair() {
        assert_eq!(quoted("He said \u{201c}yes\u{201d}."), vec![("\u{201c}yes\u{201d}", true)]);
    }
}
