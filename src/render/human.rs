//! rustc-style diagnostics through codespan-reporting.

use std::io::{self, Write};

use codespan_reporting::diagnostic::{Diagnostic, Label, LabelStyle};
use codespan_reporting::files::SimpleFiles;
use codespan_reporting::term::termcolor::{Ansi, NoColor, WriteColor};
use codespan_reporting::term::{self, Config};

use crate::engine::Run;
use crate::finding::{Applicability, Severity};

pub fn render_human(run: &Run, out: &mut dyn Write, color: bool) -> io::Result<()> {
    if run.findings.is_empty() {
        return Ok(());
    }
    let mut files = SimpleFiles::new();
    for d in &run.docs {
        files.add(d.source.path.as_str(), d.source.text.as_str());
    }
    let config = Config::default();
    let mut writer: Box<dyn WriteColor + '_> = if color {
        Box::new(Ansi::new(&mut *out))
    } else {
        Box::new(NoColor::new(&mut *out))
    };
    for f in &run.findings {
        let diag = match f.severity {
            Severity::Error => Diagnostic::error(),
            Severity::Warning => Diagnostic::warning(),
            Severity::Info => Diagnostic::note(),
        };
        let mut labels = vec![Label::new(LabelStyle::Primary, f.file, f.span.range())];
        for l in &f.labels {
            if l.file < run.docs.len() {
                labels.push(Label::new(LabelStyle::Secondary, l.file, l.span.range()).with_message(l.message.clone()));
            }
        }
        let mut notes = Vec::new();
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
        let diag = diag
            .with_message(&f.message)
            .with_code(&*f.lint)
            .with_labels(labels)
            .with_notes(notes);
        term::emit(&mut *writer, &config, &files, &diag).map_err(|e| io::Error::other(e.to_string()))?;
    }
    Ok(())
}
