//! Findings: what a lint reports, before policy and rendering.

use serde::{Deserialize, Serialize};
use std::sync::Arc;

use crate::source::Span;

/// How serious a finding is. Ordered: `Info < Warning < Error`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Info,
    Warning,
    Error,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
    pub fn parse(s: &str) -> Option<Severity> {
        match s {
            "info" => Some(Severity::Info),
            "warning" | "warn" => Some(Severity::Warning),
            "error" => Some(Severity::Error),
            _ => None,
        }
    }
}

/// Whether a fix may be applied without a human looking at it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Applicability {
    /// Keeps the meaning; applied by `--fix`.
    Safe,
    /// Probably right but may change meaning; applied with `--unsafe-fixes`.
    Unsafe,
}

/// Replace the text of `span` with `replacement`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Edit {
    pub span: Span,
    pub replacement: String,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Fix {
    pub applicability: Applicability,
    pub edits: Vec<Edit>,
}

/// Index of a document in the run (its position in the engine's list).
pub type FileId = usize;

/// A secondary span, possibly in another file of the run.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Label {
    pub file: FileId,
    pub span: Span,
    pub message: String,
}

/// One problem found in one file.
#[derive(Clone, Debug)]
pub struct Finding {
    /// Lint name; stamped by the engine.
    pub lint: Arc<str>,
    /// Severity; stamped by the engine from defaults and config.
    pub severity: Severity,
    pub file: FileId,
    pub span: Span,
    pub message: String,
    pub labels: Vec<Label>,
    pub fix: Option<Fix>,
    pub help: Option<String>,
}

impl Finding {
    pub fn new(file: FileId, span: Span, message: impl Into<String>) -> Finding {
        Finding {
            lint: Arc::from(""),
            severity: Severity::Warning,
            file,
            span,
            message: message.into(),
            labels: Vec::new(),
            fix: None,
            help: None,
        }
    }

    /// Add a secondary label in the same file as the finding.
    pub fn label(&mut self, span: Span, message: impl Into<String>) -> &mut Self {
        let file = self.file;
        self.label_in(file, span, message)
    }

    /// Add a secondary label in any file of the run.
    pub fn label_in(&mut self, file: FileId, span: Span, message: impl Into<String>) -> &mut Self {
        self.labels.push(Label {
            file,
            span,
            message: message.into(),
        });
        self
    }

    pub fn help(&mut self, help: impl Into<String>) -> &mut Self {
        self.help = Some(help.into());
        self
    }

    /// A fix that replaces the finding's own span.
    pub fn replace(&mut self, replacement: impl Into<String>, applicability: Applicability) -> &mut Self {
        let span = self.span;
        self.fix_edits(
            vec![Edit {
                span,
                replacement: replacement.into(),
            }],
            applicability,
        )
    }

    pub fn fix_edits(&mut self, edits: Vec<Edit>, applicability: Applicability) -> &mut Self {
        self.fix = Some(Fix { applicability, edits });
        self
    }
}
