//! SARIF 2.1.0.

use std::collections::BTreeMap;
use std::io::{self, Write};

use serde_json::{json, Value};

use crate::engine::Run;
use crate::finding::Severity;
use crate::source::{SourceFile, Span};

fn region(src: &SourceFile, span: Span) -> Value {
    let s = src.position(span.start);
    let e = src.position(span.end);
    json!({
        "startLine": s.line, "startColumn": s.column, "endLine": e.line, "endColumn": e.column,
        "byteOffset": span.start, "byteLength": span.len(),
    })
}

fn location(src: &SourceFile, span: Span) -> Value {
    json!({"physicalLocation": {"artifactLocation": {"uri": src.path.replace('\\', "/")}, "region": region(src, span)}})
}

pub fn render_sarif(run: &Run, out: &mut dyn Write) -> io::Result<()> {
    // Every rule known to the run's registries, once.
    let mut rules: BTreeMap<String, Value> = BTreeMap::new();
    for i in 0..run.docs.len() {
        if let Some(reg) = run.registry_of(i) {
            for r in &reg.rules {
                rules.entry(r.name.to_string()).or_insert_with(|| {
                    json!({
                        "id": &*r.name,
                        "name": &*r.name,
                        "shortDescription": {"text": r.summary},
                        "fullDescription": {"text": r.docs},
                        "defaultConfiguration": {"level": level(r.severity)},
                        "properties": {"family": r.family, "status": r.status.as_str()},
                    })
                });
            }
        }
    }
    let index: BTreeMap<&str, usize> = rules.keys().enumerate().map(|(i, k)| (k.as_str(), i)).collect();
    let results: Vec<Value> = run
        .findings
        .iter()
        .map(|f| {
            let src = &run.docs[f.file].source;
            let related: Vec<Value> = f
                .labels
                .iter()
                .enumerate()
                .filter_map(|(i, l)| {
                    let ls = &run.docs.get(l.file)?.source;
                    let mut loc = location(ls, l.span);
                    loc["id"] = json!(i);
                    loc["message"] = json!({"text": l.message});
                    Some(loc)
                })
                .collect();
            json!({
                "ruleId": &*f.lint,
                "ruleIndex": index.get(&*f.lint).copied().unwrap_or(0),
                "level": level(f.severity),
                "message": {"text": f.message},
                "locations": [location(src, f.span)],
                "relatedLocations": related,
            })
        })
        .collect();
    let doc = json!({
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {
                "name": "artlint",
                "version": env!("CARGO_PKG_VERSION"),
                "informationUri": "https://github.com/artlint/artlint",
                "rules": rules.into_values().collect::<Vec<_>>(),
            }},
            "results": results,
        }],
    });
    serde_json::to_writer_pretty(&mut *out, &doc)?;
    writeln!(out)
}

fn level(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}
