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
            [b'"', ..] => match open.take() {
                Some(o) => out.push(Quote {
                    span: Span::new(o, at + 1),
                    block,
                    closed: true,
                }),
                None => open = Some(at),
            },
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
