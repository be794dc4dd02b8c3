//! The `Lint` trait, lint metadata and the report context.
//!
//! A lint says *where* and *what*; the engine stamps the lint's name (through
//! [`Ctx`]) and its severity (from defaults and config).

use std::sync::Arc;

use serde::Serialize;

use crate::document::Document;
use crate::finding::{Applicability, FileId, Finding};
use crate::source::Span;

/// Whether a lint is settled or still being tuned.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    Stable,
    /// Heuristic lints that may still be noisy; enabled by default all the same.
    Preview,
}

impl Status {
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Stable => "stable",
            Status::Preview => "preview",
        }
    }
}

/// Static identity and documentation of a built-in lint.
#[derive(Debug)]
pub struct LintMeta {
    pub name: &'static str,
    pub family: &'static str,
    pub severity: crate::finding::Severity,
    pub status: Status,
    /// The strongest fix the lint can offer, if any.
    pub fix: Option<Applicability>,
    /// Runs only on English documents.
    pub english_only: bool,
    /// The doc comment: What it does / Why is this bad? / Example / Known problems.
    pub docs: &'static str,
}

/// Identity of one reportable rule: a built-in lint or a pack rule.
#[derive(Clone, Debug, Serialize)]
pub struct RuleInfo {
    pub name: Arc<str>,
    pub family: String,
    pub severity: crate::finding::Severity,
    pub status: Status,
    pub fix: Option<Applicability>,
    pub english_only: bool,
    pub summary: String,
    pub docs: String,
    /// "built-in" or the pack file the rule came from.
    pub origin: String,
}

impl From<&LintMeta> for RuleInfo {
    fn from(m: &LintMeta) -> RuleInfo {
        RuleInfo {
            name: Arc::from(m.name),
            family: m.family.to_string(),
            severity: m.severity,
            status: m.status,
            fix: m.fix,
            english_only: m.english_only,
            summary: summary_of(m.docs),
            docs: clean_docs(m.docs),
            origin: "built-in".to_string(),
        }
    }
}

/// The first sentence under "## What it does".
pub fn summary_of(docs: &str) -> String {
    let mut lines = docs
        .lines()
        .map(str::trim)
        .skip_while(|l| !l.starts_with("## What it does"))
        .skip(1);
    let mut out = String::new();
    for l in lines.by_ref() {
        if l.is_empty() {
            if out.is_empty() {
                continue;
            }
            break;
        }
        if l.starts_with('#') || l.starts_with("- ") || l.starts_with("* ") {
            break;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(l);
    }
    if let Some(stem) = out.strip_suffix(':') {
        return format!("{stem}.");
    }
    // Cut after the first sentence, ignoring periods inside `code`.
    let mut in_code = false;
    let bytes = out.as_bytes();
    for (i, &b) in bytes.iter().enumerate() {
        match b {
            b'`' => in_code = !in_code,
            b'.' if !in_code && bytes.get(i + 1) == Some(&b' ') && bytes.get(i.wrapping_sub(1)) != Some(&b'.') => {
                return out[..=i].to_string();
            }
            _ => {}
        }
    }
    out
}

/// Doc comments keep the space after `///`; drop it.
pub fn clean_docs(docs: &str) -> String {
    let mut out: String = docs
        .lines()
        .map(|l| l.strip_prefix(' ').unwrap_or(l))
        .collect::<Vec<_>>()
        .join("\n");
    out.push('\n');
    out
}

/// A lint runner. Most report one rule (a built-in lint); a compiled pack set
/// reports many. Lints are stateless between documents.
pub trait Lint: Send + Sync {
    /// The rules this runner reports, in the order `Ctx::report_rule` indexes.
    fn rules(&self) -> Vec<RuleInfo>;

    /// Check one document.
    fn check(&self, _doc: &Document, _cx: &mut Ctx) {}

    /// Whether `check_corpus` does anything (saves the engine a pass).
    fn has_corpus_phase(&self) -> bool {
        false
    }

    /// Check all documents of the run together (cross-file consistency).
    fn check_corpus(&self, _docs: &[&Document], _cx: &mut Ctx) {}
}

/// Collects the findings of one runner on one document (or, in the corpus
/// phase, on the run).
pub struct Ctx<'a> {
    file: FileId,
    names: &'a [Arc<str>],
    enabled: &'a [bool],
    pub(crate) findings: Vec<Finding>,
}

impl<'a> Ctx<'a> {
    pub fn new(file: FileId, names: &'a [Arc<str>], enabled: &'a [bool]) -> Ctx<'a> {
        Ctx {
            file,
            names,
            enabled,
            findings: Vec::new(),
        }
    }

    /// Whether rule `i` of this runner is enabled for the current document.
    pub fn enabled(&self, i: usize) -> bool {
        self.enabled.get(i).copied().unwrap_or(false)
    }

    /// Report a finding of the runner's first (usually only) rule.
    pub fn report(&mut self, span: Span, message: impl Into<String>) -> &mut Finding {
        let file = self.file;
        self.report_rule_in(0, file, span, message)
    }

    /// Report a finding of rule `i` of this runner.
    pub fn report_rule(&mut self, i: usize, span: Span, message: impl Into<String>) -> &mut Finding {
        let file = self.file;
        self.report_rule_in(i, file, span, message)
    }

    /// Report in another file (corpus phase).
    pub fn report_in(&mut self, file: FileId, span: Span, message: impl Into<String>) -> &mut Finding {
        self.report_rule_in(0, file, span, message)
    }

    pub fn report_rule_in(&mut self, i: usize, file: FileId, span: Span, message: impl Into<String>) -> &mut Finding {
        let mut f = Finding::new(file, span, message);
        if let Some(name) = self.names.get(i) {
            f.lint = name.clone();
        }
        self.findings.push(f);
        let last = self.findings.len() - 1;
        &mut self.findings[last]
    }

    pub fn into_findings(self) -> Vec<Finding> {
        self.findings
    }
}

/// What a lint's constructor sees: its `[lints.NAME]` options and the global
/// settings that lints may depend on.
pub struct BuildCx<'a> {
    pub options: &'a toml::Table,
    pub spelling: crate::config::Spelling,
    /// Every `lexicon` pack rule of the run (built-in and user packs).
    pub lexicons: &'a [crate::pack::Lexicon],
}

impl BuildCx<'_> {
    /// The lexicons that feed lint `lint`.
    pub fn lexicons_for<'b>(&'b self, lint: &'b str) -> impl Iterator<Item = &'b crate::pack::Lexicon> + 'b {
        self.lexicons.iter().filter(move |l| l.lint == lint)
    }

    /// Deserialize the lint's options (`#[serde(default, deny_unknown_fields)]`).
    pub fn options<T: serde::de::DeserializeOwned>(&self) -> Result<T, String> {
        T::deserialize(toml::Value::Table(self.options.clone())).map_err(|e| e.to_string().trim().to_string())
    }
}

/// Run a lint on a plain text with all its rules enabled (pack tests and
/// unit tests).
pub fn run_plain(lint: &dyn Lint, text: &str) -> Vec<Finding> {
    use crate::source::{FileKind, SourceFile};
    let doc = Document::parse(0, SourceFile::new("<test>", text, FileKind::Plain), None);
    let names: Vec<Arc<str>> = lint.rules().into_iter().map(|r| r.name).collect();
    let enabled = vec![true; names.len()];
    let mut cx = Ctx::new(0, &names, &enabled);
    lint.check(&doc, &mut cx);
    if lint.has_corpus_phase() {
        lint.check_corpus(&[&doc], &mut cx);
    }
    cx.into_findings()
}

/// Constructor for a lint without options: any option key is an error.
pub fn no_options<T: Lint + Default + 'static>(cx: &BuildCx) -> Result<Box<dyn Lint>, String> {
    if let Some(key) = cx.options.keys().next() {
        return Err(format!("unknown option `{key}` (this lint has no options)"));
    }
    Ok(Box::new(T::default()))
}

/// Constructor for a lint whose options deserialize into the lint struct
/// (`#[serde(default, deny_unknown_fields)]`).
pub fn with_options<T: Lint + serde::de::DeserializeOwned + 'static>(cx: &BuildCx) -> Result<Box<dyn Lint>, String> {
    let value = toml::Value::Table(cx.options.clone());
    T::deserialize(value)
        .map(|t| Box::new(t) as Box<dyn Lint>)
        .map_err(|e| e.to_string().trim().to_string())
}

/// Declare a built-in lint's metadata. The doc comment becomes `docs`
/// (printed by `artlint explain`).
#[macro_export]
macro_rules! declare_lint {
    (
        $(#[doc = $doc:expr])*
        $vis:vis static $ident:ident = {
            name: $name:literal,
            family: $family:literal,
            severity: $sev:ident,
            status: $status:ident,
            fix: $fix:expr,
            english_only: $eng:expr $(,)?
        };
    ) => {
        $(#[doc = $doc])*
        $vis static $ident: $crate::lint::LintMeta = $crate::lint::LintMeta {
            name: $name,
            family: $family,
            severity: $crate::finding::Severity::$sev,
            status: $crate::lint::Status::$status,
            fix: $fix,
            english_only: $eng,
            docs: concat!($($doc, "\n"),*),
        };
    };
}

/// Test helpers for lint unit tests.
#[cfg(test)]
pub mod testing {
    use super::*;
    use crate::source::{FileKind, SourceFile};

    pub fn run(lint: &dyn Lint, text: &str, kind: FileKind) -> Vec<Finding> {
        let doc = Document::parse(0, SourceFile::new("test", text, kind), None);
        let names: Vec<Arc<str>> = lint.rules().into_iter().map(|r| r.name).collect();
        let enabled = vec![true; names.len()];
        let mut cx = Ctx::new(0, &names, &enabled);
        if !lint.rules().iter().any(|r| r.english_only) || doc.is_english() {
            lint.check(&doc, &mut cx);
        }
        if lint.has_corpus_phase() {
            lint.check_corpus(&[&doc], &mut cx);
        }
        for f in &cx.findings {
            assert!(doc.source.text.is_char_boundary(f.span.start) && doc.source.text.is_char_boundary(f.span.end));
        }
        cx.into_findings()
    }

    /// Run a lint as the engine does on a run of plain-text documents: each
    /// document's `check`, then the corpus phase over all of them. Returns
    /// (document index, flagged text, message) in report order.
    pub fn run_corpus(lint: &dyn Lint, texts: &[&str]) -> Vec<(usize, String, String)> {
        let docs: Vec<Document> = texts
            .iter()
            .enumerate()
            .map(|(i, t)| Document::parse(i, SourceFile::new(format!("d{i}.txt"), *t, FileKind::Plain), None))
            .collect();
        let names: Vec<Arc<str>> = lint.rules().into_iter().map(|r| r.name).collect();
        let enabled = vec![true; names.len()];
        let mut findings = Vec::new();
        for d in &docs {
            let mut cx = Ctx::new(d.id, &names, &enabled);
            lint.check(d, &mut cx);
            findings.extend(cx.into_findings());
        }
        if lint.has_corpus_phase() {
            let refs: Vec<&Document> = docs.iter().collect();
            let mut cx = Ctx::new(0, &names, &enabled);
            lint.check_corpus(&refs, &mut cx);
            findings.extend(cx.into_findings());
        }
        findings
            .into_iter()
            .map(|f| (f.file, texts[f.file][f.span.range()].to_string(), f.message))
            .collect()
    }

    /// Flagged texts of a plain-text run.
    pub fn flagged(lint: &dyn Lint, text: &str) -> Vec<String> {
        run(lint, text, FileKind::Plain)
            .iter()
            .map(|f| text[f.span.range()].to_string())
            .collect()
    }

    /// Assert that a plain-text run has no finding (naming the text and the
    /// findings when it has).
    pub fn assert_silent(lint: &dyn Lint, text: &str) {
        let found = flagged(lint, text);
        assert!(found.is_empty(), "{text}: {found:?}");
    }

    /// Apply every fix of a plain-text run.
    pub fn fixed(lint: &dyn Lint, text: &str) -> String {
        let findings = run(lint, text, FileKind::Plain);
        let edits: Vec<_> = findings
            .iter()
            .filter_map(|f| f.fix.as_ref())
            .flat_map(|f| f.edits.clone())
            .collect();
        crate::fix::apply_edits(text, edits)
    }

    /// Build a lint the way the registry does, with no options and the
    /// lexicons of the built-in packs.
    pub fn build_builtin(build: fn(&BuildCx) -> Result<Box<dyn Lint>, String>) -> Box<dyn Lint> {
        let lexicons = crate::pack::builtin_lexicons();
        let empty = toml::Table::new();
        let cx = BuildCx {
            options: &empty,
            spelling: crate::config::Spelling::Any,
            lexicons: &lexicons,
        };
        build(&cx).expect("a built-in lint builds with no options")
    }
}
