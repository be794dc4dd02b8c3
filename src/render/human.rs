//! rustc-style diagnostics through codespan-reporting.
//!
//! Scraped text often puts a whole article on one line. Printing that line
//! for every finding would be unreadable (and quadratic on a 5 MB line), so
//! the renderer shows a window of each long line around the labels on it:
//! a `Files` implementation narrows the line ranges codespan-reporting asks
//! for, while the reported locations stay the real line and column.

use std::io::{self, Write};
use std::ops::Range;

use codespan_reporting::diagnostic::{Diagnostic, Label, LabelStyle};
use codespan_reporting::files::{Error, Files, Location};
use codespan_reporting::term::termcolor::{Ansi, NoColor, WriteColor};
use codespan_reporting::term::{self, Config};

use crate::engine::Run;
use crate::finding::{Applicability, Finding, Severity};
use crate::source::SourceFile;

/// Bytes of context shown on each side of the labels of a long line.
const CONTEXT: usize = 60;
/// Lines longer than this are shown as a window.
const LONG_LINE: usize = 2 * CONTEXT + 80;

/// The run's files, with per-diagnostic windows on long lines.
struct Windowed<'a> {
    files: Vec<&'a SourceFile>,
    /// (file, line index) -> the byte range shown for that line.
    windows: Vec<(usize, usize, Range<usize>)>,
}

impl Windowed<'_> {
    fn file(&self, id: usize) -> Result<&SourceFile, Error> {
        self.files.get(id).copied().ok_or(Error::FileMissing)
    }

    /// Compute the windows for one diagnostic from its label spans.
    fn prepare(&mut self, spans: &[(usize, Range<usize>)]) {
        self.windows.clear();
        for (file, range) in spans {
            let Some(src) = self.files.get(*file) else { continue };
            for point in [range.start, range.end] {
                let line = src.line_index(point);
                let full = src.line_span(line);
                if full.len() <= LONG_LINE {
                    continue;
                }
                let lo = point.saturating_sub(CONTEXT).max(full.start);
                let hi = (point + CONTEXT).min(full.end);
                match self.windows.iter_mut().find(|(f, l, _)| f == file && *l == line) {
                    Some((_, _, w)) => {
                        w.start = w.start.min(lo);
                        w.end = w.end.max(hi);
                    }
                    None => self.windows.push((*file, line, lo..hi)),
                }
            }
        }
        for (file, _, w) in &mut self.windows {
            let text = &self.files[*file].text;
            while w.start > 0 && !text.is_char_boundary(w.start) {
                w.start -= 1;
            }
            while w.end < text.len() && !text.is_char_boundary(w.end) {
                w.end += 1;
            }
        }
    }
}

impl<'a> Files<'a> for Windowed<'a> {
    type FileId = usize;
    type Name = &'a str;
    type Source = &'a str;

    fn name(&'a self, id: usize) -> Result<&'a str, Error> {
        Ok(self.file(id)?.path.as_str())
    }

    fn source(&'a self, id: usize) -> Result<&'a str, Error> {
        Ok(self.file(id)?.text.as_str())
    }

    fn line_index(&'a self, id: usize, byte_index: usize) -> Result<usize, Error> {
        Ok(self.file(id)?.line_index(byte_index))
    }

    fn line_range(&'a self, id: usize, line_index: usize) -> Result<Range<usize>, Error> {
        let src = self.file(id)?;
        if line_index >= src.line_starts().len() {
            return Err(Error::LineTooLarge {
                given: line_index,
                max: src.line_starts().len().saturating_sub(1),
            });
        }
        if let Some((_, _, w)) = self.windows.iter().find(|(f, l, _)| *f == id && *l == line_index) {
            return Ok(w.clone());
        }
        let span = src.line_span(line_index);
        let mut end = span.end.min(span.start + LONG_LINE);
        while end < span.end && !src.text.is_char_boundary(end) {
            end += 1;
        }
        // Keep the line terminator so codespan sees a complete line.
        let full_end = src.line_starts().get(line_index + 1).copied().unwrap_or(src.text.len());
        Ok(span.start..if end == span.end { full_end } else { end })
    }

    fn location(&'a self, id: usize, byte_index: usize) -> Result<Location, Error> {
        let p = self.file(id)?.position(byte_index);
        Ok(Location {
            line_number: p.line,
            column_number: p.column,
        })
    }
}

fn diagnostic(run: &Run, f: &Finding) -> Diagnostic<usize> {
    let diag = match f.severity {
        Severity::Error => Diagnostic::error(),
        Severity::Warning => Diagnostic::warning(),
        Severity::Info => Diagnostic::note(),
    };
    let mut labels = vec![Label::new(LabelStyle::Primary, f.file, f.span.range())];
    let mut notes = Vec::new();
    // A secondary label far along the same long line as another label
    // would make the shown window as long as the line: it becomes a note.
    let mut shown: Vec<(usize, usize, usize)> = vec![(f.file, run.docs[f.file].source.line_index(f.span.start), f.span.start)];
    for l in &f.labels {
        let Some(doc) = run.docs.get(l.file) else { continue };
        let line = doc.source.line_index(l.span.start);
        let far = shown
            .iter()
            .any(|&(file, ln, at)| file == l.file && ln == line && at.abs_diff(l.span.start) > LONG_LINE);
        if far || l.span.len() > LONG_LINE {
            let p = doc.source.position(l.span.start);
            notes.push(format!("{} ({}:{}:{})", l.message, doc.path(), p.line, p.column));
            continue;
        }
        shown.push((l.file, line, l.span.start));
        labels.push(Label::new(LabelStyle::Secondary, l.file, l.span.range()).with_message(l.message.clone()));
    }
    if let Some(h) = &f.help {
        notes.push(format!("help: {h}"));
    }
    if let Some(fix) = &f.fix {
        let src = &run.docs[f.file].source;
        let what: Vec<String> = fix
            .edits
            .iter()
            .map(|e| {
                let old = src.slice(e.span);
                match (old.is_empty(), e.replacement.is_empty()) {
                    (true, _) => format!("insert {:?} at byte {}", e.replacement, e.span.start),
                    (false, true) => format!("remove {old:?}"),
                    (false, false) => format!("replace {old:?} with {:?}", e.replacement),
                }
            })
            .collect();
        let kind = match fix.applicability {
            Applicability::Safe => "fix",
            Applicability::Unsafe => "unsafe fix",
        };
        notes.push(format!("{kind}: {}", what.join("; ")));
    }
    diag.with_message(&f.message)
        .with_code(&*f.lint)
        .with_labels(labels)
        .with_notes(notes)
}

pub fn render_human(run: &Run, out: &mut dyn Write, color: bool) -> io::Result<()> {
    if run.findings.is_empty() {
        return Ok(());
    }
    let mut files = Windowed {
        files: run.docs.iter().map(|d| &d.source).collect(),
        windows: Vec::new(),
    };
    let config = Config::default();
    let mut writer: Box<dyn WriteColor + '_> = if color {
        Box::new(Ansi::new(&mut *out))
    } else {
        Box::new(NoColor::new(&mut *out))
    };
    for f in &run.findings {
        let diag = diagnostic(run, f);
        let spans: Vec<(usize, Range<usize>)> = diag.labels.iter().map(|l| (l.file_id, l.range.clone())).collect();
        files.prepare(&spans);
        term::emit(&mut *writer, &config, &files, &diag).map_err(|e| io::Error::other(e.to_string()))?;
    }
    Ok(())
}
