//! Markdown to prose blocks, through pulldown-cmark's offset iterator.

use pulldown_cmark::{CodeBlockKind, Event, LinkType, Options, Parser, Tag, TagEnd};

use super::{Comment, RawBlock, Scope};
use crate::source::Span;

/// Returns the prose view (same length as `text`), the blocks and the HTML
/// comments of a Markdown text.
pub(crate) fn parse(text: &str) -> (String, Vec<RawBlock>, Vec<Comment>) {
    let mut prose: Vec<u8> = text.bytes().map(|b| if b == b'\n' { b'\n' } else { b' ' }).collect();
    let body_start = front_matter_end(text);
    let body = &text[body_start..];

    let mut opts = Options::empty();
    opts.insert(Options::ENABLE_TABLES);
    opts.insert(Options::ENABLE_FOOTNOTES);
    opts.insert(Options::ENABLE_STRIKETHROUGH);
    opts.insert(Options::ENABLE_TASKLISTS);

    let mut st = State {
        blocks: Vec::new(),
        comments: Vec::new(),
        current: None,
        containers: Vec::new(),
        leaf: None,
        code: 0,
        masked_link: 0,
        image: 0,
        paragraph: 0,
    };
    for (event, range) in Parser::new_ext(body, opts).into_offset_iter() {
        let span = Span::new(range.start + body_start, range.end + body_start);
        match event {
            Event::Start(tag) => st.start(tag, span),
            Event::End(tag) => st.end(tag),
            Event::Text(_) if st.code == 0 && st.masked_link == 0 => {
                prose[span.range()].copy_from_slice(&text.as_bytes()[span.range()]);
                st.extend(span);
            }
            Event::SoftBreak | Event::HardBreak => {}
            Event::Html(_) | Event::InlineHtml(_) => {
                find_comments(text, span, &mut st.comments);
            }
            Event::Code(_) | Event::FootnoteReference(_) | Event::TaskListMarker(_) => {}
            Event::Rule => st.close(),
            _ => {}
        }
    }
    st.close();
    (String::from_utf8(prose).unwrap_or_else(|_| blank(text)), st.blocks, st.comments)
}

fn blank(text: &str) -> String {
    text.bytes().map(|b| if b == b'\n' { '\n' } else { ' ' }).collect()
}

#[derive(Clone, Copy, PartialEq)]
enum Container {
    Quote,
    Item,
    Other,
}

struct State {
    blocks: Vec<RawBlock>,
    comments: Vec<Comment>,
    current: Option<(Span, Scope)>,
    containers: Vec<Container>,
    /// Scope forced by the innermost leaf tag (heading, table cell).
    leaf: Option<Scope>,
    code: u32,
    masked_link: u32,
    image: u32,
    paragraph: u32,
}

impl State {
    fn scope(&self) -> Scope {
        if self.image > 0 {
            return Scope::Caption;
        }
        if let Some(s) = self.leaf {
            return s;
        }
        match self.containers.iter().rev().find(|c| **c != Container::Other) {
            Some(Container::Item) => Scope::ListItem,
            Some(Container::Quote) => Scope::Quote,
            _ => Scope::Paragraph,
        }
    }

    fn extend(&mut self, span: Span) {
        let scope = self.scope();
        match &mut self.current {
            Some((s, _)) => s.end = span.end.max(s.end),
            None => self.current = Some((span, scope)),
        }
    }

    fn close(&mut self) {
        if let Some((span, scope)) = self.current.take() {
            self.blocks.push(RawBlock {
                span,
                scope,
                paragraph: self.paragraph,
            });
            self.paragraph += 1;
        }
    }

    fn start(&mut self, tag: Tag, _span: Span) {
        match tag {
            Tag::Paragraph => self.close(),
            Tag::Heading { level, .. } => {
                self.close();
                self.leaf = Some(Scope::Heading(level as u8));
            }
            Tag::TableCell => {
                self.close();
                self.leaf = Some(Scope::TableCell);
            }
            Tag::BlockQuote(_) => {
                self.close();
                self.containers.push(Container::Quote);
            }
            Tag::Item => {
                self.close();
                self.containers.push(Container::Item);
            }
            Tag::List(_) | Tag::FootnoteDefinition(_) | Tag::Table(_) | Tag::TableHead | Tag::TableRow => {
                self.close();
                self.containers.push(Container::Other);
            }
            Tag::CodeBlock(kind) => {
                self.close();
                let _ = matches!(kind, CodeBlockKind::Fenced(_));
                self.code += 1;
            }
            Tag::HtmlBlock | Tag::MetadataBlock(_) => {
                self.close();
                self.code += 1;
            }
            Tag::Link { link_type, .. } => {
                if matches!(link_type, LinkType::Autolink | LinkType::Email) {
                    self.masked_link += 1;
                }
            }
            Tag::Image { .. } => {
                self.close();
                self.image += 1;
            }
            _ => {}
        }
    }

    fn end(&mut self, tag: TagEnd) {
        match tag {
            TagEnd::Paragraph => self.close(),
            TagEnd::Heading(_) | TagEnd::TableCell => {
                self.close();
                self.leaf = None;
            }
            TagEnd::BlockQuote(_)
            | TagEnd::Item
            | TagEnd::List(_)
            | TagEnd::FootnoteDefinition
            | TagEnd::Table
            | TagEnd::TableHead
            | TagEnd::TableRow => {
                self.close();
                self.containers.pop();
            }
            TagEnd::CodeBlock | TagEnd::HtmlBlock | TagEnd::MetadataBlock(_) => {
                self.code = self.code.saturating_sub(1);
            }
            TagEnd::Link => {
                // Only autolinks and e-mail links were counted; keep the count
                // honest by never going below zero.
                self.masked_link = self.masked_link.saturating_sub(u32::from(self.masked_link > 0));
            }
            TagEnd::Image => {
                self.close();
                self.image = self.image.saturating_sub(1);
            }
            _ => {}
        }
    }
}

/// End of a YAML (`---`) or TOML (`+++`) front matter block at the very start
/// of the file, or 0.
pub(crate) fn front_matter_end(text: &str) -> usize {
    let start = if text.starts_with('\u{feff}') { 3 } else { 0 };
    let rest = &text[start..];
    let fence = if rest.starts_with("---") {
        "---"
    } else if rest.starts_with("+++") {
        "+++"
    } else {
        return 0;
    };
    let first_line_end = match rest.find('\n') {
        Some(i) => i,
        None => return 0,
    };
    if rest[..first_line_end].trim_end() != fence {
        return 0;
    }
    let mut pos = first_line_end + 1;
    while pos < rest.len() {
        let line_end = rest[pos..].find('\n').map_or(rest.len(), |i| pos + i);
        let line = rest[pos..line_end].trim_end();
        if line == fence || (fence == "---" && line == "...") {
            return start + (line_end + 1).min(rest.len());
        }
        pos = line_end + 1;
    }
    0
}

fn find_comments(text: &str, span: Span, out: &mut Vec<Comment>) {
    let html = &text[span.range()];
    let mut from = 0;
    while let Some(i) = html[from..].find("<!--") {
        let open = from + i;
        match html[open + 4..].find("-->") {
            Some(j) => {
                let close = open + 4 + j + 3;
                out.push(Comment {
                    span: Span::new(span.start + open, span.start + close),
                });
                from = close;
            }
            None => break,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn front_matter_only_at_start() {
        assert_eq!(front_matter_end("---\na: 1\n---\nbody"), 13);
        assert_eq!(front_matter_end("+++\na = 1\n+++\n"), 14);
        assert_eq!(front_matter_end("text\n---\na\n---\n"), 0);
        assert_eq!(front_matter_end("---\nnever closed\n"), 0);
    }

    #[test]
    fn comments_are_collected() {
        let (_, _, c) = parse("<!-- artlint-disable repeated-word -->\n\nText here.\n");
        assert_eq!(c.len(), 1);
    }

    #[test]
    fn deep_nesting_does_not_overflow() {
        let text = ">".repeat(5000) + " deep";
        let _ = parse(&text);
        let text = "- ".repeat(3000) + "x";
        let _ = parse(&text);
    }
}
