//! Orchestration: read inputs, resolve config per file, parse documents,
//! run lints in parallel, the corpus phase, policy (severity, suppressions,
//! baseline) and sorting.

use std::collections::HashMap;
use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use rayon::prelude::*;

use crate::config::{find_config, ConfigError, LoadedConfig};
use crate::document::Document;
use crate::finding::Finding;
use crate::lint::Ctx;
use crate::registry::{CliPolicy, Registry};
use crate::source::{FileKind, SourceFile, Span};
use crate::suppress::{self, Baseline};
use crate::walk::{self, Candidate};

/// Files larger than this are refused with an error.
pub const MAX_FILE_SIZE: u64 = 256 * 1024 * 1024;

/// A text ready to lint.
#[derive(Clone, Debug)]
pub struct Input {
    pub path: String,
    pub text: String,
    pub kind: FileKind,
    /// Where to look for the config (the file's directory, or the cwd).
    pub anchor: PathBuf,
    /// A real file that `--fix` may write.
    pub file: Option<PathBuf>,
}

#[derive(Clone, Debug, Default)]
pub struct Settings {
    pub config: Option<PathBuf>,
    pub no_config: bool,
    pub cli: CliPolicy,
    /// `--baseline`: overrides the config's.
    pub baseline: Option<PathBuf>,
    /// Apply no baseline (used by `--write-baseline`).
    pub ignore_baseline: bool,
}

/// Config files and registries, resolved once per directory and file.
pub struct Configs {
    settings: Settings,
    dir_config: HashMap<PathBuf, Option<PathBuf>>,
    registries: Vec<Result<Arc<Registry>, ConfigError>>,
    by_config: HashMap<Option<PathBuf>, usize>,
}

impl Configs {
    pub fn new(settings: Settings) -> Configs {
        Configs {
            settings,
            dir_config: HashMap::new(),
            registries: Vec::new(),
            by_config: HashMap::new(),
        }
    }

    /// The registry index for a file whose config is searched from `anchor`.
    pub fn for_anchor(&mut self, anchor: &Path) -> usize {
        let config_path = if self.settings.no_config {
            None
        } else if let Some(c) = &self.settings.config {
            Some(c.clone())
        } else {
            let abs = if anchor.is_absolute() {
                anchor.to_path_buf()
            } else {
                std::env::current_dir().unwrap_or_default().join(anchor)
            };
            self.dir_config.entry(abs.clone()).or_insert_with(|| find_config(&abs)).clone()
        };
        if let Some(&i) = self.by_config.get(&config_path) {
            return i;
        }
        let reg = match &config_path {
            Some(p) => LoadedConfig::load(p),
            None => Ok(LoadedConfig {
                base: std::env::current_dir().unwrap_or_default(),
                ..LoadedConfig::default()
            }),
        }
        .and_then(|cfg| Registry::build(&cfg, &self.settings.cli))
        .map(Arc::new);
        self.registries.push(reg);
        let i = self.registries.len() - 1;
        self.by_config.insert(config_path, i);
        i
    }

    pub fn get(&self, i: usize) -> Result<&Arc<Registry>, &ConfigError> {
        self.registries[i].as_ref()
    }

    pub fn settings(&self) -> &Settings {
        &self.settings
    }
}

/// Read a file into an `Input`, or a one-line error naming it.
pub fn read_input(c: &Candidate) -> Result<Input, String> {
    let meta = std::fs::metadata(&c.path).map_err(|e| format!("{}: {}", c.display, walk::io_reason(&e)))?;
    if meta.len() > MAX_FILE_SIZE {
        return Err(format!(
            "{}: file too large ({} MB; the limit is {} MB)",
            c.display,
            meta.len() / 1_000_000,
            MAX_FILE_SIZE / 1_000_000
        ));
    }
    let bytes = std::fs::read(&c.path).map_err(|e| format!("{}: {}", c.display, walk::io_reason(&e)))?;
    let text = decode(&bytes).map_err(|reason| format!("{}: {reason}", c.display))?;
    let anchor = c.path.parent().map(Path::to_path_buf).unwrap_or_default();
    Ok(Input {
        path: c.display.clone(),
        text,
        kind: FileKind::from_path(&c.display),
        anchor,
        file: Some(c.path.clone()),
    })
}

/// UTF-8 text or the reason it is not text.
pub fn decode(bytes: &[u8]) -> Result<String, String> {
    let head = &bytes[..bytes.len().min(8192)];
    if head.contains(&0) {
        return Err("binary file (contains NUL bytes); not linted".to_string());
    }
    let bytes = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes);
    match std::str::from_utf8(bytes) {
        Ok(s) => Ok(s.to_string()),
        Err(e) => {
            let line = bytes[..e.valid_up_to()].iter().filter(|&&b| b == b'\n').count() + 1;
            Err(format!(
                "not valid UTF-8 (invalid byte at offset {}, line {line}); convert the file to UTF-8",
                e.valid_up_to()
            ))
        }
    }
}

/// The outcome of a run.
pub struct Run {
    pub docs: Vec<Document>,
    pub findings: Vec<Finding>,
    pub errors: Vec<String>,
    /// Registry index of each document.
    pub doc_registry: Vec<usize>,
    pub registries: Vec<Option<Arc<Registry>>>,
}

impl Run {
    pub fn registry_of(&self, doc: usize) -> Option<&Arc<Registry>> {
        self.registries.get(*self.doc_registry.get(doc)?)?.as_ref()
    }

    /// (lint, path, fingerprint) of every finding, for `--write-baseline`;
    /// paths are relative to `baseline_dir`, the baseline file's directory.
    pub fn baseline_items(&self, baseline_dir: &Path) -> Vec<(String, String, String)> {
        self.findings
            .iter()
            .filter(|f| &*f.lint != "unused-suppression")
            .map(|f| {
                (
                    f.lint.to_string(),
                    suppress::baseline_path(baseline_dir, self.docs[f.file].path()),
                    suppress::fingerprint(&self.docs[f.file], f),
                )
            })
            .collect()
    }

    pub fn words(&self) -> usize {
        self.docs.iter().map(|d| d.word_count).sum()
    }
}

/// Lint one parsed document with the per-document lints. A lint that
/// panics takes the run down (the property tests rely on it); `check` uses
/// [`lint_document_guarded`].
pub fn lint_document(doc: &Document, reg: &Registry) -> Vec<Finding> {
    lint_document_with(doc, reg, None)
}

/// [`lint_document`], but a lint that panics on this document loses only
/// its own findings for it: the panic becomes a one-line error in `errors`,
/// and the other lints and documents are still linted.
pub fn lint_document_guarded(doc: &Document, reg: &Registry, errors: &mut Vec<String>) -> Vec<Finding> {
    lint_document_with(doc, reg, Some(errors))
}

thread_local! {
    /// Set while a guarded lint runs: its panic is reported as an error line,
    /// so the panic hook stays quiet.
    static GUARDED: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Install a panic hook that prints one line (no backtrace unless
/// `RUST_BACKTRACE` asks for the default report), and nothing for a lint's
/// panic that `check` reports itself.
pub fn install_panic_hook() {
    if std::env::var_os("RUST_BACKTRACE").is_some_and(|v| v != "0") {
        let default = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            if !GUARDED.with(std::cell::Cell::get) {
                default(info);
            }
        }));
        return;
    }
    std::panic::set_hook(Box::new(|info| {
        if GUARDED.with(std::cell::Cell::get) {
            return;
        }
        let at = info
            .location()
            .map(|l| format!(" at {}:{}", l.file(), l.line()))
            .unwrap_or_default();
        let _ = writeln!(
            std::io::stderr(),
            "artlint: internal error{at}: {} (please report this)",
            panic_text(info.payload())
        );
    }));
}

/// The text of a caught panic.
fn panic_text(p: &(dyn std::any::Any + Send)) -> String {
    p.downcast_ref::<&str>()
        .map(|s| (*s).to_string())
        .or_else(|| p.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "unknown cause".to_string())
}

/// Run `f`, catching a panic when `errors` is given (and reporting it there
/// as an internal error of `lint` on `what`). Whether `f` completed.
fn guarded(errors: Option<&mut Vec<String>>, lint: &str, what: &str, f: impl FnOnce()) -> bool {
    match errors {
        None => {
            f();
            true
        }
        Some(errs) => {
            GUARDED.with(|g| g.set(true));
            let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(f));
            GUARDED.with(|g| g.set(false));
            match result {
                Ok(()) => true,
                Err(p) => {
                    errs.push(format!(
                        "{what}: internal error in lint `{lint}` ({}); its findings are missing, the other lints ran (please report this)",
                        panic_text(&*p).lines().next().unwrap_or("")
                    ));
                    false
                }
            }
        }
    }
}

fn lint_document_with(doc: &Document, reg: &Registry, mut errors: Option<&mut Vec<String>>) -> Vec<Finding> {
    let policy = reg.policy_for(doc.path());
    let mut out = Vec::new();
    let mut enabled: Vec<bool> = Vec::new();
    for runner in &reg.runners {
        enabled.clear();
        enabled.extend(runner.rule_ids.iter().map(|&i| policy.enabled[i]));
        if !enabled.iter().any(|&e| e) || (runner.english_only && !doc.is_english()) {
            continue;
        }
        let mut cx = Ctx::new(doc.id, &runner.names, &enabled);
        let done = guarded(errors.as_deref_mut(), &runner.names[0], doc.path(), || {
            crate::timings::time(&runner.names[0], || runner.lint.check(doc, &mut cx));
        });
        if done {
            out.extend(cx.into_findings());
        }
    }
    out
}

/// Lint every input: the whole pipeline up to sorted, policy-applied findings.
pub fn check(inputs: Vec<Input>, configs: &mut Configs, mut errors: Vec<String>) -> Run {
    // Resolve registries (sequential: cheap and cached).
    let mut doc_registry = Vec::new();
    let mut kept = Vec::new();
    let mut reported_config_errors: Vec<usize> = Vec::new();
    for input in inputs {
        let r = configs.for_anchor(&input.anchor);
        match configs.get(r) {
            Ok(_) => {
                doc_registry.push(r);
                kept.push(input);
            }
            Err(e) => {
                if !reported_config_errors.contains(&r) {
                    errors.push(e.to_string());
                    reported_config_errors.push(r);
                }
                errors.push(format!("{}: not linted because its config has errors", input.path));
            }
        }
    }

    // Parse and lint in parallel.
    let regs: Vec<Option<Arc<Registry>>> = (0..configs.registries.len()).map(|i| configs.get(i).ok().cloned()).collect();
    let results: Vec<(Document, Vec<Finding>, Vec<String>)> = kept
        .into_par_iter()
        .enumerate()
        .map(|(id, input)| {
            let reg = regs[doc_registry[id]].as_ref().expect("registry resolved above");
            let doc = crate::timings::time("(parse)", || {
                Document::parse(id, SourceFile::new(input.path, input.text, input.kind), reg.lang)
            });
            if crate::timings::enabled() {
                crate::timings::time("(sentences)", || doc.sentences().len());
                crate::timings::time("(names)", || doc.names().mentions.len());
            }
            let mut lint_errors = Vec::new();
            let findings = lint_document_guarded(&doc, reg, &mut lint_errors);
            let mut doc = doc;
            // Free the per-document analyses now, while they are hot:
            // retaining every document's tokens costs more than parsing.
            // Corpus phases read the name table, kept summaries, blocks and
            // text, never tokens.
            doc.release();
            (doc, findings, lint_errors)
        })
        .collect();
    let mut docs = Vec::with_capacity(results.len());
    let mut findings = Vec::new();
    for (d, f, e) in results {
        docs.push(d);
        findings.extend(f);
        errors.extend(e);
    }

    // Policy per file: which rules are enabled, at which severity.
    let policies: Vec<_> = docs
        .iter()
        .map(|d| regs[doc_registry[d.id]].as_ref().map(|r| r.policy_for(d.path())))
        .collect();

    // Corpus phase, per registry (documents sharing a config form a corpus).
    // A runner sees the documents for which one of its rules is enabled.
    for (ri, reg) in regs.iter().enumerate() {
        let Some(reg) = reg else { continue };
        for runner in reg.runners.iter().filter(|r| r.corpus) {
            let on = |d: &Document| {
                policies[d.id]
                    .as_ref()
                    .is_some_and(|p| runner.rule_ids.iter().any(|&i| p.enabled[i]))
                    && (!runner.english_only || d.is_english())
            };
            let group: Vec<&Document> = docs.iter().filter(|d| doc_registry[d.id] == ri && on(d)).collect();
            if group.is_empty() {
                continue;
            }
            let enabled: Vec<bool> = runner
                .rule_ids
                .iter()
                .map(|&i| group.iter().any(|d| policies[d.id].as_ref().is_some_and(|p| p.enabled[i])))
                .collect();
            let mut cx = Ctx::new(0, &runner.names, &enabled);
            let done = guarded(Some(&mut errors), &runner.names[0], "corpus phase", || {
                crate::timings::time(&format!("{} (corpus)", runner.names[0]), || {
                    runner.lint.check_corpus(&group, &mut cx)
                });
            });
            if done {
                findings.extend(cx.into_findings());
            }
        }
    }

    // Policy: enablement and severity per file.
    findings.retain_mut(|f| {
        let (Some(reg), Some(policy)) = (regs[doc_registry[f.file]].as_ref(), policies[f.file].as_ref()) else {
            return false;
        };
        match reg.rule_id(&f.lint) {
            Some(i) if policy.enabled[i] => {
                f.severity = policy.severity[i];
                true
            }
            _ => false,
        }
    });
    // Spans must be sane whatever a lint did.
    findings.retain(|f| {
        let t = &docs[f.file].source.text;
        f.span.start <= f.span.end && f.span.end <= t.len() && t.is_char_boundary(f.span.start) && t.is_char_boundary(f.span.end)
    });

    // Inline suppressions, per document.
    let mut by_doc: Vec<Vec<Finding>> = (0..docs.len()).map(|_| Vec::new()).collect();
    for f in findings {
        let i = f.file;
        by_doc[i].push(f);
    }
    for (i, doc) in docs.iter().enumerate() {
        let Some(reg) = regs[doc_registry[i]].as_ref() else {
            continue;
        };
        let mut dirs = suppress::directives(doc);
        if dirs.is_empty() {
            continue;
        }
        let family_of = |name: &str| reg.rule_id(name).map(|r| reg.rules[r].family.clone()).unwrap_or_default();
        suppress::apply(&mut by_doc[i], &mut dirs, family_of);
        if let (Some(r), Some(policy)) = (reg.rule_id("unused-suppression"), policies[i].as_ref()) {
            if policy.enabled[r] {
                for d in dirs.iter().filter(|d| !d.used) {
                    let names = if d.names().is_empty() {
                        "all lints".to_string()
                    } else {
                        d.names().join(", ")
                    };
                    let mut f = Finding::new(i, d.span, format!("suppression of {names} matches no finding"));
                    f.lint = reg.rules[r].name.clone();
                    f.severity = policy.severity[r];
                    f.help("remove the comment, or check the lint names");
                    by_doc[i].push(f);
                }
            }
        }
    }
    let mut findings: Vec<Finding> = by_doc.into_iter().flatten().collect();

    // Baseline.
    let baseline_path = configs
        .settings()
        .baseline
        .clone()
        .or_else(|| regs.iter().flatten().find_map(|r| r.baseline.clone()));
    if let Some(bp) = baseline_path.filter(|_| !configs.settings().ignore_baseline) {
        match load_baseline(&bp) {
            Ok(b) => findings = apply_baseline(findings, &docs, &b, baseline_dir(&bp), &regs, &doc_registry),
            Err(e) => errors.push(e),
        }
    }

    findings.sort_by(|a, b| {
        (docs[a.file].path(), a.span.start, a.span.end, &*a.lint).cmp(&(docs[b.file].path(), b.span.start, b.span.end, &*b.lint))
    });
    findings.dedup_by(|a, b| a.file == b.file && a.span == b.span && a.lint == b.lint && a.message == b.message);
    drop_superseded(&mut findings);
    Run {
        docs,
        findings,
        errors,
        doc_registry,
        registries: regs,
    }
}

/// Pairs (specific, general) of lints that can report one cause twice:
/// a leaked field line is also page furniture (same span); a misspelled
/// word of a name is also a variant of the whole name ("Interior
/// Minester" / "Interior Minister": `mangled-name` names the misspelled
/// word inside the span of `name-variant`); mis-decoded text is no pair
/// of glued words ("mayorÃ¢â‚¬â„¢s", "&amp;amp;": `glued-words` reads the
/// debris as words); a contraction that lost its apostrophe is no variant
/// of a name ("Ive" / "I've"); and a
/// repeated word capitalised the second time is one slip ("the vote is Is
/// over"). Only the more specific finding is kept: its message names the
/// cause, its fix changes the same text.
const SUPERSEDES: &[(&str, &str, Cover)] = &[
    ("metadata-leak", "boilerplate", Cover::Same),
    ("mangled-name", "name-variant", Cover::Within),
    ("mojibake", "glued-words", Cover::Overlap),
    ("lost-apostrophe", "name-variant", Cover::Overlap),
    ("lost-apostrophe", "stray-capital", Cover::Overlap),
    ("repeated-word", "stray-capital", Cover::Overlap),
];

/// How the span of the specific finding must lie for the general one to go.
#[derive(Clone, Copy)]
enum Cover {
    /// The same span.
    Same,
    /// Inside the general finding's span (or the same).
    Within,
    /// Sharing a byte with the general finding's span.
    Overlap,
}

/// Drop a finding when a more specific lint reports the same cause (see
/// [`SUPERSEDES`]). `findings` is sorted by file and span: the findings of
/// one file are neighbours, and few of them are of a general lint.
fn drop_superseded(findings: &mut Vec<Finding>) {
    let mut keep = vec![true; findings.len()];
    let mut start = 0;
    while start < findings.len() {
        let file = findings[start].file;
        let end = start + findings[start..].iter().take_while(|g| g.file == file).count();
        let group = &findings[start..end];
        for (k, f) in group.iter().enumerate() {
            let superseded = SUPERSEDES.iter().any(|&(specific, general, cover)| {
                *f.lint == *general
                    && group.iter().any(|g| {
                        *g.lint == *specific
                            && match cover {
                                Cover::Same => g.span == f.span,
                                Cover::Within => g.span.start >= f.span.start && g.span.end <= f.span.end,
                                Cover::Overlap => g.span.start < f.span.end && f.span.start < g.span.end,
                            }
                    })
            });
            if superseded {
                keep[start + k] = false;
            }
        }
        start = end;
    }
    let mut keep = keep.into_iter();
    findings.retain(|_| keep.next().unwrap_or(true));
}

fn load_baseline(path: &Path) -> Result<Baseline, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{}: cannot read baseline: {}", path.display(), walk::io_reason(&e)))?;
    serde_json::from_str(&text).map_err(|e| format!("{}: bad baseline (line {}): {e}", path.display(), e.line()))
}

/// The directory a baseline file's paths are relative to.
pub fn baseline_dir(baseline: &Path) -> &Path {
    baseline.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."))
}

fn apply_baseline(
    findings: Vec<Finding>,
    docs: &[Document],
    b: &Baseline,
    dir: &Path,
    regs: &[Option<Arc<Registry>>],
    doc_registry: &[usize],
) -> Vec<Finding> {
    let doc_paths: Vec<String> = docs.iter().map(|d| suppress::baseline_path(dir, d.path())).collect();
    let mut budget: HashMap<(String, String, String), usize> = HashMap::new();
    for e in &b.entries {
        *budget.entry((e.lint.clone(), e.path.clone(), e.fingerprint.clone())).or_default() += e.count;
    }
    let mut out = Vec::new();
    for f in findings {
        let fp = suppress::fingerprint(&docs[f.file], &f);
        let key = (f.lint.to_string(), doc_paths[f.file].clone(), fp);
        let hidden = match budget.get_mut(&key) {
            Some(n) if *n > 0 => {
                *n -= 1;
                true
            }
            _ => false,
        };
        if !hidden {
            out.push(f);
        }
    }
    // Entries for files of this run that matched nothing.
    for e in &b.entries {
        let key = (e.lint.clone(), e.path.clone(), e.fingerprint.clone());
        let left = budget.get(&key).copied().unwrap_or(0);
        if left == 0 {
            continue;
        }
        let Some(doc) = docs.iter().find(|d| doc_paths[d.id] == e.path) else {
            continue;
        };
        let Some(reg) = regs[doc_registry[doc.id]].as_ref() else {
            continue;
        };
        let Some(r) = reg.rule_id("unused-suppression") else {
            continue;
        };
        let policy = reg.policy_for(doc.path());
        if !policy.enabled[r] {
            continue;
        }
        let mut f = Finding::new(
            doc.id,
            Span::new(0, 0),
            format!("baseline entry for `{}` matches no finding", e.lint),
        );
        f.lint = reg.rules[r].name.clone();
        f.severity = policy.severity[r];
        f.help("regenerate the baseline with --write-baseline");
        out.push(f);
        // Report each stale entry once.
        budget.insert(key, 0);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::guarded;

    #[test]
    fn a_panicking_lint_becomes_one_error_line() {
        let mut errors = Vec::new();
        let done = guarded(Some(&mut errors), "some-lint", "a.txt", || panic!("boom\nsecond line"));
        assert!(!done);
        assert_eq!(errors.len(), 1);
        assert!(
            errors[0].starts_with("a.txt: internal error in lint `some-lint` (boom)"),
            "{}",
            errors[0]
        );
        // Without a list to report into, nothing is caught; a lint that
        // finishes is run once either way.
        let mut runs = 0;
        assert!(guarded(None, "some-lint", "a.txt", || runs += 1));
        assert!(guarded(Some(&mut errors), "some-lint", "a.txt", || runs += 1));
        assert_eq!(runs, 2);
        assert_eq!(errors.len(), 1);
    }
}
