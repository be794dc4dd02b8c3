//! Renderers: human (codespan-reporting), concise, json, jsonl, sarif, github.

mod github;
mod human;
mod json;
mod sarif;

use std::io::{self, Write};

use crate::engine::Run;
use crate::finding::Finding;
use crate::source::Position;

pub use human::render_human;
pub use json::{finding_json, render_json, render_jsonl};
pub use sarif::render_sarif;

#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Human,
    Concise,
    Json,
    Jsonl,
    Sarif,
    Github,
}

/// Render every finding of a run.
pub fn render(format: Format, run: &Run, out: &mut dyn Write, color: bool) -> io::Result<()> {
    match format {
        Format::Human => render_human(run, out, color),
        Format::Concise => render_concise(run, out),
        Format::Json => render_json(run, out),
        Format::Jsonl => render_jsonl(run, out),
        Format::Sarif => render_sarif(run, out),
        Format::Github => github::render_github(run, out),
    }
}

/// Start and end positions of a finding.
pub fn positions(run: &Run, f: &Finding) -> (Position, Position) {
    let src = &run.docs[f.file].source;
    (src.position(f.span.start), src.position(f.span.end))
}

fn render_concise(run: &Run, out: &mut dyn Write) -> io::Result<()> {
    for f in &run.findings {
        let (s, _) = positions(run, f);
        writeln!(
            out,
            "{}:{}:{}: {}[{}] {}",
            run.docs[f.file].path(),
            s.line,
            s.column,
            f.severity.as_str(),
            f.lint,
            f.message
        )?;
    }
    Ok(())
}
