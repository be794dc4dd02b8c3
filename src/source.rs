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
#[derive(Debug)]
pub struct SourceFile {
    pub path: String,
    pub text: String,
    pub kind: FileKind,
    line_starts: Vec<usize>,
    /// Column checkpoints every `CHECKPOINT` bytes inside long lines, built
    /// on the first position asked on a long line: a position then costs a
    /// binary search and a short count, not a count from the line start
    /// (scraped articles often sit on one line of many kilobytes).
    checkpoints: std::sync::OnceLock<Vec<Position>>,
}

impl Clone for SourceFile {
    fn clone(&self) -> SourceFile {
        SourceFile {
            path: self.path.clone(),
            text: self.text.clone(),
            kind: self.kind,
            line_starts: self.line_starts.clone(),
            checkpoints: std::sync::OnceLock::new(),
        }
    }
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
            checkpoints: std::sync::OnceLock::new(),
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
        let mut from = Position {
            byte: self.line_starts[line],
            line: line + 1,
            column: 1,
            utf16: 1,
        };
        if byte - from.byte > CHECKPOINT {
            let cps = self.checkpoints.get_or_init(|| self.build_checkpoints());
            let i = cps.partition_point(|c| c.byte <= byte);
            if let Some(c) = i.checked_sub(1).map(|i| cps[i]) {
                if c.line == line + 1 && c.byte >= from.byte {
                    from = c;
                }
            }
        }
        let prefix = &self.text[from.byte..byte];
        let column = from.column + prefix.chars().count();
        let utf16 = from.utf16 + prefix.chars().map(char::len_utf16).sum::<usize>();
        Position {
            byte,
            line: line + 1,
            column,
            utf16,
        }
    }

    fn build_checkpoints(&self) -> Vec<Position> {
        let mut out = Vec::new();
        let (mut line, mut column, mut utf16, mut line_start) = (1, 1, 1, 0);
        for (i, c) in self.text.char_indices() {
            if i - line_start >= CHECKPOINT && out.last().is_none_or(|p: &Position| i - p.byte >= CHECKPOINT) {
                out.push(Position {
                    byte: i,
                    line,
                    column,
                    utf16,
                });
            }
            if c == '\n' {
                line += 1;
                column = 1;
                utf16 = 1;
                line_start = i + 1;
            } else {
                column += 1;
                utf16 += c.len_utf16();
            }
        }
        out
    }

    pub fn slice(&self, span: Span) -> &str {
        self.text.get(span.range()).unwrap_or("")
    }
}

/// Distance between column checkpoints on long lines.
const CHECKPOINT: usize = 1024;

/// The lines of `text`, each with its line terminator, like
/// `str::split_inclusive('\n')` (a vectorised search for the newlines).
pub fn lines_inclusive(text: &str) -> impl Iterator<Item = &str> + '_ {
    let mut rest = text;
    std::iter::from_fn(move || {
        if rest.is_empty() {
            return None;
        }
        let end = memchr::memchr(b'\n', rest.as_bytes()).map_or(rest.len(), |i| i + 1);
        let (line, tail) = rest.split_at(end);
        rest = tail;
        Some(line)
    })
}

fn memchr_newlines(text: &str) -> impl Iterator<Item = usize> + '_ {
    memchr::memchr_iter(b'\n', text.as_bytes()).map(|i| i + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_inclusive_is_split_inclusive() {
        for t in ["", "a", "\n", "a\n", "a\nb", "a\r\nb\n\n", "\n\nx", "é\nü\n"] {
            assert_eq!(
                lines_inclusive(t).collect::<Vec<_>>(),
                t.split_inclusive('\n').collect::<Vec<_>>(),
                "{t:?}"
            );
        }
    }

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
    fn long_line_positions_match_a_plain_count() {
        let line: String = "aé😀 ".repeat(3000);
        let text = format!("x\n{line}\n{line}");
        let f = SourceFile::new("a.txt", text.clone(), FileKind::Plain);
        for byte in (0..text.len()).step_by(997).chain([text.len()]) {
            let p = f.position(byte);
            let start = text[..p.byte].rfind('\n').map_or(0, |i| i + 1);
            let prefix = &text[start..p.byte];
            assert_eq!(p.column, prefix.chars().count() + 1, "byte {byte}");
            assert_eq!(p.utf16, prefix.chars().map(char::len_utf16).sum::<usize>() + 1, "byte {byte}");
        }
    }

    #[test]
    fn position_clamps_inside_chars() {
        let f = SourceFile::new("a.txt", "é", FileKind::Plain);
        assert_eq!(f.position(1).byte, 0);
        assert_eq!(f.position(99).byte, 2);
    }
}
