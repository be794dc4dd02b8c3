//! Source files and byte spans.
//!
//! Everything inside the engine speaks byte offsets into the original text.
//! Line, column and UTF-16 positions are computed here, at the output edge.

use std::fmt;

/// A half-open byte range into a source text.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub const fn new(start: usize, end: usize) -> Span {
        Span { start, end }
    }
    pub fn len(&self) -> usize {
        self.end - self.start
    }
    pub fn is_empty(&self) -> bool {
        self.end <= self.start
    }
    pub fn contains(&self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }
    pub fn overlaps(&self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }
    pub fn range(&self) -> std::ops::Range<usize> {
        self.start..self.end
    }
}

impl fmt::Display for Span {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}..{}", self.start, self.end)
    }
}

/// How a file's text is parsed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum FileKind {
    Markdown,
    Plain,
}

impl FileKind {
    /// The kind implied by a file name's extension: Markdown for `.md` and
    /// `.markdown`, plain text for everything else.
    pub fn from_path(path: &str) -> FileKind {
        let lower = path.to_ascii_lowercase();
        if lower.ends_with(".md") || lower.ends_with(".markdown") || lower.ends_with(".mdx") {
            FileKind::Markdown
        } else {
            FileKind::Plain
        }
    }
}

/// A position at the output edge: 1-based line and column (Unicode scalar
/// values), the 1-based UTF-16 column and the byte offset.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Position {
    pub byte: usize,
    pub line: usize,
    pub column: usize,
    pub utf16: usize,
}

/// One input: a display path, its text and a line index.
#[derive(Debug, Clone)]
pub struct SourceFile {
    pub path: String,
    pub text: String,
    pub kind: FileKind,
    line_starts: Vec<usize>,
}

impl SourceFile {
    pub fn new(path: impl Into<String>, text: impl Into<String>, kind: FileKind) -> SourceFile {
        let text = text.into();
        let mut line_starts = vec![0];
        line_starts.extend(memchr_newlines(&text));
        SourceFile {
            path: path.into(),
            text,
            kind,
            line_starts,
        }
    }

    /// 0-based line index of a byte offset.
    pub fn line_index(&self, byte: usize) -> usize {
        match self.line_starts.binary_search(&byte) {
            Ok(i) => i,
            Err(i) => i - 1,
        }
    }

    pub fn line_starts(&self) -> &[usize] {
        &self.line_starts
    }

    /// The span of the 0-based line `i`, without its line terminator.
    pub fn line_span(&self, i: usize) -> Span {
        let start = self.line_starts[i];
        let mut end = self.line_starts.get(i + 1).copied().unwrap_or(self.text.len());
        let bytes = self.text.as_bytes();
        if end > start && bytes[end - 1] == b'\n' {
            end -= 1;
        }
        if end > start && bytes[end - 1] == b'\r' {
            end -= 1;
        }
        Span::new(start, end)
    }

    /// Line, column and UTF-16 column of a byte offset (clamped to the text
    /// and moved back to a char boundary).
    pub fn position(&self, byte: usize) -> Position {
        let mut byte = byte.min(self.text.len());
        while !self.text.is_char_boundary(byte) {
            byte -= 1;
        }
        let line = self.line_index(byte);
        let prefix = &self.text[self.line_starts[line]..byte];
        let column = prefix.chars().count() + 1;
        let utf16 = prefix.chars().map(char::len_utf16).sum::<usize>() + 1;
        Position {
            byte,
            line: line + 1,
            column,
            utf16,
        }
    }

    pub fn slice(&self, span: Span) -> &str {
        self.text.get(span.range()).unwrap_or("")
    }
}

fn memchr_newlines(text: &str) -> impl Iterator<Item = usize> + '_ {
    text.bytes().enumerate().filter(|&(_, b)| b == b'\n').map(|(i, _)| i + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_count_chars_and_utf16() {
        let f = SourceFile::new("a.txt", "ab\nc😀d\n", FileKind::Plain);
        let p = f.position(3);
        assert_eq!((p.line, p.column, p.utf16), (2, 1, 1));
        let p = f.position(8); // after the emoji
        assert_eq!((p.line, p.column, p.utf16), (2, 3, 4));
        assert_eq!(f.line_span(1), Span::new(3, 9));
    }

    #[test]
    fn position_clamps_inside_chars() {
        let f = SourceFile::new("a.txt", "é", FileKind::Plain);
        assert_eq!(f.position(1).byte, 0);
        assert_eq!(f.position(99).byte, 2);
    }
}
