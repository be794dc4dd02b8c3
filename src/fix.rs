//! Applying edits, and unified diffs.

use crate::finding::{Applicability, Edit, Finding};

/// Apply non-overlapping edits (the first of overlapping edits wins).
pub fn apply_edits(text: &str, mut edits: Vec<Edit>) -> String {
    edits.sort_by_key(|e| (e.span.start, e.span.end));
    let mut out = String::with_capacity(text.len());
    let mut pos = 0;
    for e in edits {
        if e.span.start < pos || e.span.end > text.len() || !text.is_char_boundary(e.span.start) || !text.is_char_boundary(e.span.end) {
            continue;
        }
        out.push_str(&text[pos..e.span.start]);
        out.push_str(&e.replacement);
        pos = e.span.end;
    }
    out.push_str(&text[pos..]);
    out
}

/// The edits of the findings whose fix may be applied. Each finding's edits
/// are applied together or not at all.
pub fn applicable_edits(findings: &[&Finding], unsafe_fixes: bool) -> Vec<Edit> {
    applicable_fixes(findings, unsafe_fixes).0
}

/// [`applicable_edits`], with the number of fixes they come from.
pub fn applicable_fixes(findings: &[&Finding], unsafe_fixes: bool) -> (Vec<Edit>, usize) {
    let mut taken: Vec<Edit> = Vec::new();
    let mut n = 0;
    let mut fixes: Vec<&crate::finding::Fix> = findings
        .iter()
        .filter_map(|f| f.fix.as_ref())
        .filter(|fix| fix.applicability == Applicability::Safe || unsafe_fixes)
        .collect();
    fixes.sort_by_key(|f| f.edits.first().map(|e| e.span.start));
    for fix in fixes {
        let clash = fix
            .edits
            .iter()
            .any(|e| taken.iter().any(|t| t.span.overlaps(e.span) || (t.span == e.span)));
        if !clash {
            taken.extend(fix.edits.iter().cloned());
            n += 1;
        }
    }
    (taken, n)
}

/// A unified diff between two versions of a file.
pub fn unified_diff(path: &str, old: &str, new: &str) -> String {
    similar::TextDiff::from_lines(old, new)
        .unified_diff()
        .context_radius(2)
        .header(&format!("a/{path}"), &format!("b/{path}"))
        .to_string()
}

/// Write a file atomically: a temporary file in the same directory, then rename.
pub fn write_atomic(path: &std::path::Path, text: &str) -> std::io::Result<()> {
    use std::io::Write;
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(std::path::Path::new("."));
    let mut tmp = tempfile::NamedTempFile::new_in(dir)?;
    tmp.write_all(text.as_bytes())?;
    tmp.as_file().sync_all()?;
    if let Ok(meta) = std::fs::metadata(path) {
        let _ = std::fs::set_permissions(tmp.path(), meta.permissions());
    }
    tmp.persist(path).map_err(|e| e.error)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::Span;

    #[test]
    fn overlapping_edits_keep_the_first() {
        let edits = vec![
            Edit {
                span: Span::new(0, 3),
                replacement: "X".into(),
            },
            Edit {
                span: Span::new(2, 4),
                replacement: "Y".into(),
            },
            Edit {
                span: Span::new(5, 6),
                replacement: "Z".into(),
            },
        ];
        assert_eq!(apply_edits("abcdefg", edits), "XdeZg");
    }
}
