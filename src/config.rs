//! Configuration files (`artlint.toml` / `.artlint.toml`): plain serde data.
//! Resolution into enabled lints and severities lives in `registry.rs`.

use std::collections::BTreeMap;
use std::fmt;
use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::finding::Severity;

pub const CONFIG_NAMES: &[&str] = &["artlint.toml", ".artlint.toml"];

/// Which English spelling a document should use.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Deserialize)]
pub enum Spelling {
    #[serde(rename = "en-US")]
    EnUs,
    #[serde(rename = "en-GB")]
    EnGb,
    /// The document's own majority decides.
    #[default]
    #[serde(rename = "any")]
    Any,
}

#[derive(Clone, Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Config {
    /// Lints or families to enable (default: all).
    pub select: Option<Vec<String>>,
    /// Lints or families to disable.
    #[serde(default)]
    pub ignore: Vec<String>,
    pub fail_on: Option<Severity>,
    /// `[lints.NAME]` tables: `severity` plus the lint's own options.
    #[serde(default)]
    pub lints: BTreeMap<String, toml::Spanned<toml::Table>>,
    /// Extra pack files or directories of packs, relative to the config file.
    #[serde(default)]
    pub packs: Vec<String>,
    /// Globs of extra files to lint when walking directories.
    #[serde(default)]
    pub include: Vec<String>,
    /// Globs of files never to lint.
    #[serde(default)]
    pub exclude: Vec<String>,
    #[serde(default)]
    pub overrides: Vec<Override>,
    /// Force the document language ("en", "de", ...); detected when unset.
    pub language: Option<String>,
    #[serde(default)]
    pub spelling: Spelling,
    /// A baseline file, relative to the config file.
    pub baseline: Option<String>,
}

#[derive(Clone, Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Override {
    pub paths: Vec<String>,
    pub select: Option<Vec<String>>,
    #[serde(default)]
    pub ignore: Vec<String>,
    /// Severity per lint name: `severity = { boilerplate = "info" }`.
    #[serde(default)]
    pub severity: BTreeMap<String, String>,
}

/// A loaded configuration and where it came from.
#[derive(Clone, Debug, Default)]
pub struct LoadedConfig {
    pub config: Config,
    /// The config file, or `None` for defaults.
    pub path: Option<PathBuf>,
    /// The directory relative paths resolve against.
    pub base: PathBuf,
    pub text: String,
}

/// A configuration problem: file, line and reason.
#[derive(Clone, Debug)]
pub struct ConfigError {
    pub path: String,
    pub line: Option<usize>,
    pub message: String,
}

impl fmt::Display for ConfigError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.line {
            Some(l) => write!(f, "{}:{}: {}", self.path, l, self.message),
            None => write!(f, "{}: {}", self.path, self.message),
        }
    }
}

impl LoadedConfig {
    pub fn load(path: &Path) -> Result<LoadedConfig, ConfigError> {
        let display = path.display().to_string();
        let text = std::fs::read_to_string(path).map_err(|e| ConfigError {
            path: display.clone(),
            line: None,
            message: format!("cannot read config: {e}"),
        })?;
        let config = parse(&text).map_err(|(line, message)| ConfigError {
            path: display.clone(),
            line,
            message,
        })?;
        let base = path.parent().map(Path::to_path_buf).unwrap_or_default();
        Ok(LoadedConfig {
            config,
            path: Some(path.to_path_buf()),
            base,
            text,
        })
    }

    pub fn display_path(&self) -> String {
        self.path
            .as_ref()
            .map_or_else(|| "<default config>".to_string(), |p| p.display().to_string())
    }

    /// The line of a byte offset in the config text.
    pub fn line_of(&self, byte: usize) -> usize {
        self.text[..byte.min(self.text.len())].matches('\n').count() + 1
    }

    /// An error naming this config file and a line.
    pub fn error(&self, byte: Option<usize>, message: impl Into<String>) -> ConfigError {
        ConfigError {
            path: self.display_path(),
            line: byte.map(|b| self.line_of(b)),
            message: message.into(),
        }
    }

    /// The line on which `key` is first written (for errors on values that
    /// serde could not locate).
    pub fn line_of_key(&self, key: &str) -> Option<usize> {
        self.text
            .lines()
            .position(|l| {
                let t = l.trim_start().trim_start_matches('[');
                t.starts_with(key) || t.contains(&format!("\"{key}\""))
            })
            .map(|i| i + 1)
    }
}

/// Parse config text; errors carry a 1-based line.
pub fn parse(text: &str) -> Result<Config, (Option<usize>, String)> {
    toml::from_str::<Config>(text).map_err(|e| {
        let line = e.span().map(|s| text[..s.start.min(text.len())].matches('\n').count() + 1);
        (line, e.message().trim().replace('\n', " "))
    })
}

/// The nearest config file at or above `dir`.
pub fn find_config(dir: &Path) -> Option<PathBuf> {
    let mut cur = Some(dir);
    while let Some(d) = cur {
        for name in CONFIG_NAMES {
            let p = d.join(name);
            if p.is_file() {
                return Some(p);
            }
        }
        cur = d.parent();
    }
    None
}

/// The commented default config written by `artlint init`.
pub const DEFAULT_CONFIG: &str = r#"# artlint configuration. Every key is optional.
# Docs: README.md, "Configuration". List lints with `artlint lints`.

# Lints or families to enable (default: all). Families: spacing, repetition,
# names, pronouns, scrape, language, typography.
# select = ["spacing", "repetition"]

# Lints or families to disable.
ignore = []

# Exit with 1 when a finding at or above this severity remains: error | warning | info.
fail-on = "warning"

# Force the document language instead of detecting it ("en", "de", ...).
# language = "en"

# English spelling the documents should use: "en-US", "en-GB" or "any"
# (the document's majority decides).
spelling = "any"

# Extra declarative packs (files or directories of *.toml), relative to this file.
packs = []

# Globs of extra files to lint when walking directories (default: *.md,
# *.markdown, *.txt, *.text), and globs never to lint.
include = []
exclude = []

# Hide the findings recorded in a baseline file (see --write-baseline).
# baseline = "artlint-baseline.json"

# Per-lint severity and options.
# [lints.repeated-word]
# severity = "error"            # error | warning | info | off

# Different rules for some paths.
# [[overrides]]
# paths = ["archive/**"]
# ignore = ["glued-words"]
# severity = { repeated-word = "info" }
"#;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn default_config_parses() {
        parse(DEFAULT_CONFIG).unwrap();
    }

    #[test]
    fn unknown_key_names_key_and_line() {
        let (line, msg) = parse("ignore = []\nbogus = 1\n").unwrap_err();
        assert_eq!(line, Some(2));
        assert!(msg.contains("bogus"), "{msg}");
    }

    #[test]
    fn bad_value_is_an_error() {
        let (line, msg) = parse("\nspelling = \"en-AU\"\n").unwrap_err();
        assert_eq!(line, Some(2));
        assert!(msg.contains("en-AU") || msg.contains("variant"), "{msg}");
    }
}
