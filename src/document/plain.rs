//! Plain text: every non-blank line is a block; blank lines separate paragraphs.

use super::{Comment, RawBlock, Scope};
use crate::source::Span;

pub(crate) fn parse(text: &str) -> (String, Vec<RawBlock>, Vec<Comment>) {
    let mut prose = text.to_string();
    // Control characters other than tab and newline are not prose.
    if super::tokens::has_control(text.as_bytes()) {
        prose = text
            .chars()
            .map(|c| if c.is_control() && c != '\n' && c != '\t' { ' ' } else { c })
            .collect();
        if prose.len() != text.len() {
            prose = text.to_string();
        }
    }
    // Scraped news runs at about one line per 150 bytes.
    let mut blocks = Vec::with_capacity(text.len() / 128 + 4);
    let mut paragraph = 0u32;
    let mut blank_run = false;
    let mut pos = 0;
    for line in crate::source::lines_inclusive(text) {
        let start = pos;
        pos += line.len();
        let mut len = line.len();
        while len > 0 && matches!(line.as_bytes()[len - 1], b'\n' | b'\r') {
            len -= 1;
        }
        let content = &line[..len];
        // Blank: nothing but whitespace (a visible ASCII first byte settles
        // the usual line at once).
        let blank = match content.as_bytes().first() {
            Some(b) if b.is_ascii_graphic() => false,
            _ => content.trim_start().is_empty(),
        };
        if blank {
            if !blank_run && !blocks.is_empty() {
                paragraph += 1;
            }
            blank_run = true;
            continue;
        }
        // Scraped news puts one paragraph on a line; hard-wrapped text
        // continues a paragraph on a line that starts in lowercase after a
        // line without terminal punctuation.
        let continues = !blank_run
            && content.trim_start().starts_with(|c: char| c.is_lowercase())
            && blocks.last().is_some_and(|b: &RawBlock| {
                let prev = text[b.span.range()].trim_end();
                !prev.ends_with(['.', '!', '?', ':', '"', '\u{201d}']) && prev.len() >= 40
            });
        if !continues && !blocks.is_empty() && !blank_run {
            paragraph += 1;
        }
        blank_run = false;
        blocks.push(RawBlock {
            span: Span::new(start, start + content.len()),
            scope: Scope::Line,
            paragraph,
        });
    }
    (prose, blocks, Vec::new())
}
