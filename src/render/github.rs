//! GitHub Actions workflow commands.

use std::io::{self, Write};

use super::positions;
use crate::engine::Run;
use crate::finding::Severity;

fn escape_data(s: &str) -> String {
    s.replace('%', "%25").replace('\r', "%0D").replace('\n', "%0A")
}

fn escape_property(s: &str) -> String {
    escape_data(s).replace(':', "%3A").replace(',', "%2C")
}

pub fn render_github(run: &Run, out: &mut dyn Write) -> io::Result<()> {
    for f in &run.findings {
        let (s, e) = positions(run, f);
        let level = match f.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "notice",
        };
        writeln!(
            out,
            "::{level} file={},line={},col={},endLine={},endColumn={},title={}::{}",
            escape_property(run.docs[f.file].path()),
            s.line,
            s.column,
            e.line,
            e.column,
            escape_property(&f.lint),
            escape_data(&f.message)
        )?;
    }
    Ok(())
}
