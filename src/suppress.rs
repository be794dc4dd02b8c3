//! Inline suppressions (`<!-- artlint-disable ... -->` comments) and the
//! baseline file.

use std::collections::HashMap;
use std::path::{Component, Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::document::Document;
use crate::finding::Finding;
use crate::source::Span;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum DirectiveKind {
    Disable,
    Enable,
    DisableNextLine,
    DisableFile,
}

#[derive(Clone, Debug)]
pub struct Directive {
    kind: DirectiveKind,
    /// Lint or family names; empty means every lint.
    names: Vec<String>,
    pub span: Span,
    /// Byte range the directive covers.
    covers: (usize, usize),
    pub used: bool,
}

impl Directive {
    fn names_match(&self, lint: &str, family: &str) -> bool {
        self.names.is_empty() || self.names.iter().any(|n| n == lint || n == family || n == "all")
    }

    pub fn names(&self) -> &[String] {
        &self.names
    }
}

/// Parse the suppression comments of a document.
pub fn directives(doc: &Document) -> Vec<Directive> {
    let text = &doc.source.text;
    let mut out: Vec<Directive> = Vec::new();
    for c in &doc.comments {
        let inner = text[c.span.range()].trim_start_matches("<!--").trim_end_matches("-->").trim();
        let mut words = inner.split(|ch: char| ch.is_whitespace() || ch == ',').filter(|w| !w.is_empty());
        let kind = match words.next() {
            Some("artlint-disable") => DirectiveKind::Disable,
            Some("artlint-enable") => DirectiveKind::Enable,
            Some("artlint-disable-next-line") => DirectiveKind::DisableNextLine,
            Some("artlint-disable-file") => DirectiveKind::DisableFile,
            _ => continue,
        };
        let names: Vec<String> = words.take_while(|w| *w != "--").map(str::to_string).collect();
        let covers = match kind {
            DirectiveKind::DisableFile => (0, text.len()),
            DirectiveKind::Disable => (c.span.end, text.len()),
            DirectiveKind::Enable => (c.span.end, c.span.end),
            DirectiveKind::DisableNextLine => {
                let line = doc.source.line_index(c.span.end);
                // The next non-blank line after the comment.
                let mut l = line + 1;
                while l < doc.source.line_starts().len() && doc.source.slice(doc.source.line_span(l)).trim().is_empty() {
                    l += 1;
                }
                if l < doc.source.line_starts().len() {
                    let s = doc.source.line_span(l);
                    (s.start, s.end.max(s.start + 1))
                } else {
                    (c.span.end, c.span.end)
                }
            }
        };
        if kind == DirectiveKind::Enable {
            // Close the open disables that name these lints (or all).
            for d in out
                .iter_mut()
                .filter(|d| d.kind == DirectiveKind::Disable && d.covers.1 == text.len())
            {
                if names.is_empty() || d.names.is_empty() || d.names.iter().any(|n| names.contains(n)) {
                    d.covers.1 = c.span.start;
                }
            }
            continue;
        }
        out.push(Directive {
            kind,
            names,
            span: c.span,
            covers,
            used: false,
        });
    }
    out
}

/// Drop the findings a directive covers; mark the directives used.
pub fn apply(findings: &mut Vec<Finding>, directives: &mut [Directive], family_of: impl Fn(&str) -> String) {
    if directives.is_empty() {
        return;
    }
    findings.retain(|f| {
        let family = family_of(&f.lint);
        let mut suppressed = false;
        for d in directives.iter_mut() {
            if d.covers.0 <= f.span.start && f.span.start < d.covers.1.max(d.covers.0 + 1) && d.names_match(&f.lint, &family) {
                d.used = true;
                suppressed = true;
            }
        }
        !suppressed
    });
}

/// A stable 64-bit fingerprint (FxHash has no random seed, so the same
/// input gives the same value on every run and platform).
fn stable_hash(parts: &[&str]) -> String {
    use std::hash::Hasher;
    let mut h = rustc_hash::FxHasher::default();
    for p in parts {
        h.write(p.as_bytes());
        h.write_u8(0);
    }
    format!("{:016x}", h.finish())
}

/// A finding's fingerprint: its lint, the flagged text and the whitespace-
/// normalized sentence (or block) around it. Line numbers are not part of it,
/// so edits elsewhere in the file keep a baseline valid.
pub fn fingerprint(doc: &Document, f: &Finding) -> String {
    let flagged = doc.text(f.span);
    let context = doc
        .sentences()
        .iter()
        .find(|s| s.span.start <= f.span.start && f.span.start < s.span.end.max(s.span.start + 1))
        .map(|s| s.span)
        .or_else(|| doc.block_at(f.span.start).map(|b| doc.blocks[b].span))
        .unwrap_or(f.span);
    let context: String = doc.text(context).split_whitespace().collect::<Vec<_>>().join(" ");
    stable_hash(&[&f.lint, flagged, &context])
}

/// The path a baseline records for a file: relative to the baseline file's
/// directory (with `/` separators), so a baseline keeps matching whatever the
/// directory artlint runs from. Names that are not files (stdin, JSONL
/// record ids) resolve against the current directory like paths.
pub fn baseline_path(baseline_dir: &Path, path: &str) -> String {
    let cwd = std::env::current_dir().unwrap_or_default();
    let absolute = |p: &Path| -> PathBuf {
        let p = if p.is_absolute() { p.to_path_buf() } else { cwd.join(p) };
        p.canonicalize().unwrap_or_else(|_| lexical_normalize(&p))
    };
    let base = absolute(baseline_dir);
    let file = absolute(Path::new(path));
    match file.strip_prefix(&base) {
        Ok(rel) => rel
            .components()
            .map(|c| c.as_os_str().to_string_lossy())
            .collect::<Vec<_>>()
            .join("/"),
        Err(_) => file.to_string_lossy().into_owned(),
    }
}

fn lexical_normalize(p: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for c in p.components() {
        match c {
            Component::CurDir => {}
            Component::ParentDir => {
                out.pop();
            }
            other => out.push(other),
        }
    }
    out
}

#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub struct Baseline {
    pub version: u32,
    pub entries: Vec<BaselineEntry>,
}

#[derive(Clone, Debug, Serialize, Deserialize, PartialEq, Eq)]
pub struct BaselineEntry {
    pub lint: String,
    pub path: String,
    pub fingerprint: String,
    #[serde(default = "one")]
    pub count: usize,
}

fn one() -> usize {
    1
}

impl Baseline {
    pub fn from_findings(items: &[(String, String, String)]) -> Baseline {
        let mut counts: HashMap<(String, String, String), usize> = HashMap::new();
        for it in items {
            *counts.entry(it.clone()).or_default() += 1;
        }
        let mut entries: Vec<BaselineEntry> = counts
            .into_iter()
            .map(|((lint, path, fingerprint), count)| BaselineEntry {
                lint,
                path,
                fingerprint,
                count,
            })
            .collect();
        entries.sort_by(|a, b| (&a.path, &a.lint, &a.fingerprint).cmp(&(&b.path, &b.lint, &b.fingerprint)));
        Baseline { version: 1, entries }
    }
}
