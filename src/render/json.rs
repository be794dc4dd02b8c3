//! JSON and JSON Lines output: a stable interface (change it only with a
//! CHANGELOG entry). Each finding:
//!
//! ```json
//! {"path": "a.md", "lint": "repeated-word", "severity": "warning",
//!  "message": "...",
//!  "span": {"start": {"byte": 0, "line": 1, "column": 1, "utf16": 1},
//!           "end":   {"byte": 7, "line": 1, "column": 8, "utf16": 8}},
//!  "labels": [{"path": "b.md", "span": {...}, "message": "..."}],
//!  "fix": {"applicability": "safe", "edits": [{"span": {...}, "replacement": "the"}]} | null,
//!  "help": "..." | null}
//! ```
//!
//! `--format json` prints one array; `--format jsonl` one finding per line.

use std::io::{self, Write};

use serde_json::{json, Value};

use crate::engine::Run;
use crate::finding::Finding;
use crate::source::{SourceFile, Span};

fn pos(src: &SourceFile, byte: usize) -> Value {
    let p = src.position(byte);
    json!({"byte": p.byte, "line": p.line, "column": p.column, "utf16": p.utf16})
}

fn span(src: &SourceFile, s: Span) -> Value {
    json!({"start": pos(src, s.start), "end": pos(src, s.end)})
}

pub fn finding_json(run: &Run, f: &Finding) -> Value {
    let src = &run.docs[f.file].source;
    let labels: Vec<Value> = f
        .labels
        .iter()
        .filter_map(|l| {
            let ls = &run.docs.get(l.file)?.source;
            Some(json!({"path": ls.path, "span": span(ls, l.span), "message": l.message}))
        })
        .collect();
    let fix = f.fix.as_ref().map(|fix| {
        json!({
            "applicability": fix.applicability,
            "edits": fix.edits.iter().map(|e| json!({"span": span(src, e.span), "replacement": e.replacement})).collect::<Vec<_>>(),
        })
    });
    json!({
        "path": src.path,
        "lint": &*f.lint,
        "severity": f.severity.as_str(),
        "message": f.message,
        "span": span(src, f.span),
        "labels": labels,
        "fix": fix,
        "help": f.help,
    })
}

pub fn render_json(run: &Run, out: &mut dyn Write) -> io::Result<()> {
    let all: Vec<Value> = run.findings.iter().map(|f| finding_json(run, f)).collect();
    serde_json::to_writer_pretty(&mut *out, &all)?;
    writeln!(out)
}

pub fn render_jsonl(run: &Run, out: &mut dyn Write) -> io::Result<()> {
    for f in &run.findings {
        serde_json::to_writer(&mut *out, &finding_json(run, f))?;
        writeln!(out)?;
    }
    Ok(())
}
