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
    if !text.contains(['"', '\u{201c}', '\u{201d}']) {
        return;
    }
    let mut open: Option<usize> = None;
    for (i, c) in text.char_indices() {
        let at = span.start + i;
        match c {
            '\u{201c}' => {
                if let Some(o) = open.take() {
                    out.push(Quote {
                        span: Span::new(o, at),
                        block,
                        closed: false,
                    });
                }
                open = Some(at);
            }
            '\u{201d}' => {
                if let Some(o) = open.take() {
                    out.push(Quote {
                        span: Span::new(o, at + c.len_utf8()),
                        block,
                        closed: true,
                    });
                }
            }
            '"' => match open.take() {
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
