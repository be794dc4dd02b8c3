//! artlint: a fast linter for prose damaged by machine translation and web
//! scraping.
//!
//! The library face: parse a [`document::Document`], run the registered
//! lints through [`engine::check`], and render findings. The library never
//! prints; the CLI (`main.rs`, `cli.rs`) owns all output.

#![warn(clippy::print_stdout, clippy::print_stderr)]

pub mod config;
pub mod document;
pub mod engine;
pub mod finding;
pub mod fix;
pub mod lint;
pub mod lints;
pub mod pack;
pub mod registry;
pub mod render;
pub mod source;
pub mod suppress;
pub mod timings;
pub mod walk;

pub use finding::{Finding, Severity};

/// Lint one text with the default configuration (no config file): a
/// convenience for tests and embedding.
///
/// ```
/// let run = artlint::check_str("story.txt", "The ferry left the the harbour.\n");
/// let lints: Vec<&str> = run.findings.iter().map(|f| &*f.lint).collect();
/// assert_eq!(lints, ["repeated-word"]);
/// let start = run.findings[0].span.start;
/// assert_eq!(&run.docs[0].source.text[start..start + 7], "the the");
/// ```
pub fn check_str(path: &str, text: &str) -> engine::Run {
    let input = engine::Input {
        path: path.to_string(),
        text: text.to_string(),
        kind: source::FileKind::from_path(path),
        anchor: std::path::PathBuf::new(),
        file: None,
    };
    let mut configs = engine::Configs::new(engine::Settings {
        no_config: true,
        ..Default::default()
    });
    engine::check(vec![input], &mut configs, Vec::new())
}
