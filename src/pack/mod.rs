//! Declarative rule packs (`lints/*.toml`): loading, validation and tests.
//!
//! The format is documented in `lints/README.md`. Every rule becomes a lint
//! of its own name; all rules of a run are compiled together into one
//! [`PackSet`] runner (one Aho-Corasick automaton for every phrase and
//! substitute rule, one `RegexSet` for every pattern and line rule).

mod builtin;
mod kinds;

use std::collections::BTreeMap;
use std::path::Path;

use serde::Deserialize;

pub use builtin::BUILTIN_PACKS;
pub use kinds::PackSet;

use crate::finding::Severity;

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PackFile {
    pub pack: PackHeader,
    #[serde(default, rename = "rule")]
    pub rules: Vec<Rule>,
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PackHeader {
    pub name: String,
    #[serde(default)]
    pub description: String,
    /// Family of the pack's rules (for `--select family`).
    #[serde(default = "default_family")]
    pub family: String,
    /// Where the data came from, and its licence.
    #[serde(default)]
    pub provenance: String,
}

fn default_family() -> String {
    "pack".to_string()
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    /// Literal phrases, matched on word boundaries.
    Phrase,
    /// A regular expression.
    Pattern,
    /// Wrong form to right form, with a fix.
    Substitute,
    /// The whole block (line) must match the pattern.
    Line,
    /// Forms that must not be mixed within one document.
    Variants,
    /// Data for a built-in Rust lint (`lint = "NAME"`): `entries` and/or
    /// `pairs`. Reports nothing itself; its tests run through that lint.
    Lexicon,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum FixKind {
    Safe,
    Unsafe,
    None,
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Rule {
    pub name: String,
    pub kind: Kind,
    #[serde(default)]
    pub message: String,
    #[serde(default = "default_severity")]
    pub severity: Severity,
    #[serde(default)]
    pub help: Option<String>,
    /// Block scopes the rule runs on (default: all).
    #[serde(default)]
    pub scope: Vec<String>,
    /// Document languages (ISO 639-1 or -3 codes; default `["en"]`; `["any"]`).
    #[serde(default)]
    pub languages: Vec<String>,
    #[serde(default)]
    pub case_sensitive: bool,
    /// `phrase`: the phrases.
    #[serde(default)]
    pub phrases: Vec<String>,
    /// `pattern` / `line`: the regular expression.
    #[serde(default)]
    pub pattern: Option<String>,
    /// `substitute`: wrong form to right form.
    #[serde(default)]
    pub substitutes: BTreeMap<String, String>,
    /// `variants`: groups of forms; position in a group is its column
    /// (for example 0 = British, 1 = American).
    #[serde(default)]
    pub variants: Vec<Vec<String>>,
    /// `variants`: names of the columns, matched against the `spelling`
    /// setting ("en-GB", "en-US").
    #[serde(default)]
    pub columns: Vec<String>,
    /// Fix for `substitute` (default safe), `variants` (default unsafe) and
    /// `phrase`/`line` (default none; `safe` deletes the match or line).
    #[serde(default)]
    pub fix: Option<FixKind>,
    /// `lexicon`: the built-in lint that consumes the data.
    #[serde(default)]
    pub lint: Option<String>,
    /// `lexicon`: words or phrases.
    #[serde(default)]
    pub entries: Vec<String>,
    /// `lexicon`: many single words, separated by whitespace (a compact and
    /// fast-to-parse form of `entries` for large word lists).
    #[serde(default)]
    pub words: String,
    /// `lexicon`: key/value pairs.
    #[serde(default)]
    pub pairs: BTreeMap<String, String>,
    /// `lexicon`: many key/value pairs in one string, one pair per line,
    /// key and value separated by whitespace (a compact, fast-loading form
    /// of `pairs` for large tables).
    #[serde(default)]
    pub table: String,
    /// Longer description for `artlint explain`.
    #[serde(default)]
    pub docs: Option<String>,
    #[serde(default)]
    pub test: Vec<RuleTest>,
}

fn default_severity() -> Severity {
    Severity::Warning
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RuleTest {
    pub text: String,
    pub findings: usize,
    #[serde(default)]
    pub fixed: Option<String>,
}

/// A pack problem: the file and the reason.
#[derive(Clone, Debug)]
pub struct PackError {
    pub path: String,
    pub message: String,
}

impl std::fmt::Display for PackError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.path, self.message)
    }
}

/// A parsed and validated pack.
#[derive(Clone, Debug)]
pub struct LoadedPack {
    pub path: String,
    pub file: PackFile,
}

/// Parse and validate pack text. Does not run the rule tests.
pub fn parse_pack(path: &str, text: &str) -> Result<LoadedPack, PackError> {
    let err = |message: String| PackError {
        path: path.to_string(),
        message,
    };
    // Large word lists and tables are cut out before TOML parsing (which
    // costs ~50 instructions per byte of a string) and put back after.
    let (toml_text, bulk) = split_bulk(text);
    let parsed = toml_text.as_deref().unwrap_or(text);
    let mut file: PackFile = toml::from_str(parsed).map_err(|e| {
        // Line numbers agree between `parsed` and `text` (see `split_bulk`).
        let line = e.span().map(|s| parsed[..s.start.min(parsed.len())].matches('\n').count() + 1);
        let msg = e.message().trim().replace('\n', " ");
        err(match line {
            Some(l) => format!("line {l}: {msg}"),
            None => msg,
        })
    })?;
    for b in bulk {
        if let Some(rule) = file.rules.get_mut(b.rule) {
            match b.body {
                Body::Text { table, text } => {
                    let field = if table { &mut rule.table } else { &mut rule.words };
                    if field.is_empty() {
                        *field = text.to_string();
                    }
                }
                Body::Entries(items) => {
                    if rule.entries.is_empty() {
                        rule.entries = items.into_iter().map(str::to_string).collect();
                    }
                }
            }
        }
    }
    for rule in &file.rules {
        validate_rule(rule).map_err(|m| err(format!("rule `{}`: {m}", rule.name)))?;
    }
    Ok(LoadedPack {
        path: path.to_string(),
        file,
    })
}

/// A `words = """..."""` or `table = """..."""` string, or an
/// `entries = [...]` array, cut out of a pack.
struct Bulk<'a> {
    /// Index of its `[[rule]]`.
    rule: usize,
    body: Body<'a>,
}

#[derive(Debug, PartialEq)]
enum Body<'a> {
    /// The string of `table` (`true`) or `words`.
    Text { table: bool, text: &'a str },
    /// The strings of `entries`.
    Entries(Vec<&'a str>),
}

/// Cut the bodies of `words`/`table` multi-line strings that sit directly
/// in a `[[rule]]` table out of the pack text, leaving `key = ""` and the
/// same number of lines (so TOML error line numbers stay right). Only
/// bodies without `\` or `"` are cut, whose TOML value is the body itself
/// (less the newline right after the opening delimiter). `None` when
/// nothing was cut.
fn split_bulk(text: &str) -> (Option<String>, Vec<Bulk<'_>>) {
    let mut bulk = Vec::new();
    let mut out = String::new();
    let mut copied = 0;
    let mut rule: Option<usize> = None;
    let mut in_rule = false;
    // Inside another multi-line string (the quote of its closing
    // delimiter): headers and keys there are text.
    let mut in_string: Option<u8> = None;
    let mut pos = 0;
    let bytes = text.as_bytes();
    while pos < text.len() {
        let end = memchr::memchr(b'\n', &bytes[pos..]).map_or(text.len(), |i| pos + i + 1);
        let line = text[pos..end].trim_end_matches(['\n', '\r']);
        if let Some(delim) = in_string {
            if triples(line, delim) > 0 {
                in_string = None;
            }
            pos = end;
            continue;
        }
        if let Some(delim) = [b'"', b'\''].into_iter().find(|&d| triples(line, d) % 2 == 1) {
            // Opens a multi-line string (unless it is one of ours, below).
            in_string = Some(delim);
        }
        if line.starts_with('[') {
            in_rule = line.trim_end() == "[[rule]]";
            if in_rule {
                rule = Some(rule.map_or(0, |r| r + 1));
            }
        } else if let (true, Some(r)) = (in_rule, rule) {
            if line == "entries = [" {
                if let Some((items, after)) = simple_array(text, end) {
                    out.push_str(&text[copied..pos]);
                    out.push_str("entries = []");
                    out.extend(std::iter::repeat_n('\n', count_newlines(&text[pos..after])));
                    copied = after;
                    bulk.push(Bulk {
                        rule: r,
                        body: Body::Entries(items),
                    });
                    pos = after;
                    continue;
                }
            }
            let key = match line {
                "words = \"\"\"" => Some(false),
                "table = \"\"\"" => Some(true),
                _ => None,
            };
            if let Some(table) = key {
                in_string = None;
                let body_start = end;
                // The body is cut when its first '"' or '\\' opens the
                // closing delimiter (then the body holds neither).
                let close = memchr::memchr2(b'"', b'\\', &bytes[body_start..]).filter(|&q| bytes[body_start + q..].starts_with(b"\"\"\""));
                if let Some(close) = close {
                    let body = &text[body_start..body_start + close];
                    let after = body_start + close + 3;
                    let rest_of_line = text[after..].split('\n').next().unwrap_or("");
                    if rest_of_line.trim().is_empty() {
                        out.push_str(&text[copied..pos]);
                        out.push_str(if table { "table = \"\"" } else { "words = \"\"" });
                        let lines = count_newlines(body) + 1;
                        out.extend(std::iter::repeat_n('\n', lines));
                        copied = after;
                        bulk.push(Bulk {
                            rule: r,
                            body: Body::Text { table, text: body },
                        });
                        pos = after;
                        continue;
                    }
                }
            }
        }
        pos = end;
    }
    if bulk.is_empty() {
        return (None, bulk);
    }
    out.push_str(&text[copied..]);
    (Some(out), bulk)
}

/// The items of an array of strings that opens on the line before `start`
/// and has one plain string per line, `"text",` (the comma optional on the
/// last), up to a line `]`: the strings and the end of the `]`. `None` for
/// any other shape, or a string with a quote, a backslash or a control
/// character (whose TOML value is not its text): TOML reads those.
fn simple_array(text: &str, start: usize) -> Option<(Vec<&str>, usize)> {
    let mut items = Vec::new();
    let mut pos = start;
    // The last item had its comma.
    let mut comma = true;
    while pos < text.len() {
        let end = memchr::memchr(b'\n', &text.as_bytes()[pos..]).map_or(text.len(), |i| pos + i);
        let line = &text[pos..end];
        let t = line.trim_matches([' ', '\t']);
        if t == "]" {
            let close = pos + line.find(']')? + 1;
            return Some((items, close));
        }
        let (body, more) = match t.strip_suffix(',') {
            Some(b) => (b, true),
            None => (t, false),
        };
        let body = body.strip_prefix('"')?.strip_suffix('"')?;
        let plain = |c: char| !matches!(c, '"' | '\\' | '\0'..='\u{1f}' | '\u{7f}'..='\u{9f}');
        if !comma || !body.chars().all(plain) {
            return None;
        }
        items.push(body);
        comma = more;
        pos = end + 1;
    }
    None
}

/// How many times three `quote` bytes in a row occur in `line`, counted
/// from the left without overlaps (as `str::matches` counts them).
fn triples(line: &str, quote: u8) -> usize {
    let b = line.as_bytes();
    let mut n = 0;
    let mut i = 0;
    while let Some(q) = b.get(i..).and_then(|rest| memchr::memchr(quote, rest)) {
        if b.get(i + q..i + q + 3) == Some(&[quote; 3][..]) {
            n += 1;
            i += q + 3;
        } else {
            i += q + 1;
        }
    }
    n
}

/// The non-blank lines of a `table` string (as `str::lines` splits it) as
/// their first two whitespace-separated words, and whether more follow:
/// (key, value, more).
fn table_rows(table: &str) -> Box<dyn Iterator<Item = (&str, Option<&str>, bool)> + '_> {
    if !table.is_ascii() {
        return Box::new(table.lines().filter_map(|l| {
            let mut it = l.split_whitespace();
            Some((it.next()?, it.next(), it.next().is_some()))
        }));
    }
    Box::new(AsciiRows { text: table, at: 0 })
}

/// [`table_rows`] of ASCII text, in one walk over the bytes.
struct AsciiRows<'a> {
    text: &'a str,
    at: usize,
}

/// Byte classes of ASCII table text: 0 a word byte, 1 a blank
/// (`char::is_whitespace`; '\r' too, which `str::lines` drops before a
/// '\n'), 2 a line break.
const ROW_BYTES: [u8; 128] = {
    let mut t = [0u8; 128];
    t[b' ' as usize] = 1;
    t[b'\t' as usize] = 1;
    t[0x0b] = 1;
    t[0x0c] = 1;
    t[b'\r' as usize] = 1;
    t[b'\n' as usize] = 2;
    t
};

impl<'a> Iterator for AsciiRows<'a> {
    type Item = (&'a str, Option<&'a str>, bool);

    fn next(&mut self) -> Option<Self::Item> {
        let b = self.text.as_bytes();
        let class = |i: usize| b.get(i).map(|&c| ROW_BYTES.get(usize::from(c)).copied().unwrap_or(0));
        let mut i = self.at;
        // Blanks and blank lines before the key.
        while class(i).is_some_and(|c| c != 0) {
            i += 1;
        }
        class(i)?;
        let start = i;
        while class(i) == Some(0) {
            i += 1;
        }
        let key = self.text.get(start..i)?;
        while class(i) == Some(1) {
            i += 1;
        }
        let mut value = None;
        if class(i) == Some(0) {
            let start = i;
            while class(i) == Some(0) {
                i += 1;
            }
            value = self.text.get(start..i);
            while class(i) == Some(1) {
                i += 1;
            }
        }
        let more = class(i) == Some(0);
        if more {
            i += memchr::memchr(b'\n', b.get(i..).unwrap_or(&[])).unwrap_or(b.len() - i);
        }
        self.at = i;
        Some((key, value, more))
    }
}

/// The number of line breaks in `text`.
fn count_newlines(text: &str) -> usize {
    memchr::memchr_iter(b'\n', text.as_bytes()).count()
}

fn validate_rule(rule: &Rule) -> Result<(), String> {
    if rule.name.is_empty() || !rule.name.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-') {
        return Err("name must be kebab-case".into());
    }
    if rule.test.is_empty() {
        return Err("has no [[rule.test]] example".into());
    }
    for s in &rule.scope {
        if !["heading", "paragraph", "list-item", "quote", "table-cell", "caption", "line"].contains(&s.as_str()) {
            return Err(format!("unknown scope `{s}`"));
        }
    }
    for l in &rule.languages {
        if l != "any" && crate::document::parse_lang(l).is_none() {
            return Err(format!("unknown language `{l}`"));
        }
    }
    if rule.kind != Kind::Lexicon && rule.message.is_empty() {
        return Err("needs a `message`".into());
    }
    let need = |ok: bool, what: &str| {
        if ok {
            Ok(())
        } else {
            Err(format!("kind `{:?}` needs {what}", rule.kind).to_lowercase())
        }
    };
    match rule.kind {
        Kind::Phrase => need(!rule.phrases.is_empty(), "`phrases`")?,
        Kind::Pattern | Kind::Line => {
            let p = rule.pattern.as_deref().ok_or_else(|| "needs `pattern`".to_string())?;
            regex::Regex::new(p).map_err(|e| format!("bad pattern: {}", e.to_string().lines().last().unwrap_or("")))?;
        }
        Kind::Substitute => need(!rule.substitutes.is_empty(), "`substitutes`")?,
        Kind::Lexicon => {
            let lint = rule.lint.as_deref().ok_or_else(|| "kind `lexicon` needs `lint`".to_string())?;
            if !crate::lints::BUILTIN.iter().any(|b| b.meta.name == lint) {
                return Err(format!("lexicon for unknown lint `{lint}`"));
            }
            need(
                !rule.entries.is_empty() || !rule.words.trim().is_empty() || !rule.pairs.is_empty() || !rule.table.trim().is_empty(),
                "`entries`, `words`, `pairs` or `table`",
            )?;
            if table_rows(&rule.table).any(|(_, v, more)| v.is_none() || more) {
                return Err("every line of `table` needs exactly a key and a value".into());
            }
        }
        Kind::Variants => {
            need(!rule.variants.is_empty(), "`variants`")?;
            if rule.variants.iter().any(|g| g.len() < 2) {
                return Err("every variants group needs at least two forms".into());
            }
        }
    }
    Ok(())
}

/// Data of a `lexicon` rule, handed to the built-in lint it names.
#[derive(Clone, Debug)]
pub struct Lexicon {
    pub rule: String,
    pub lint: String,
    /// The `entries` array (see [`Lexicon::entries`] for every entry).
    listed: Vec<String>,
    /// The `words` string, split on demand (a word list of tens of
    /// thousands of entries is not copied into one `String` per word).
    words: String,
    pub pairs: Vec<(String, String)>,
    pub origin: String,
}

impl Lexicon {
    fn of(rule: &Rule, origin: &str) -> Option<Lexicon> {
        (rule.kind == Kind::Lexicon).then(|| Lexicon {
            rule: rule.name.clone(),
            lint: rule.lint.clone().unwrap_or_default(),
            listed: rule.entries.clone(),
            words: rule.words.clone(),
            pairs: {
                let rows = count_newlines(&rule.table) + 1;
                let mut pairs = Vec::with_capacity(rule.pairs.len() + rows);
                pairs.extend(rule.pairs.iter().map(|(k, v)| (k.clone(), v.clone())));
                pairs.extend(table_rows(&rule.table).filter_map(|(k, v, _)| Some((k.to_string(), v?.to_string()))));
                pairs
            },
            origin: origin.to_string(),
        })
    }

    /// Every entry: those of `entries`, then the words of `words`.
    pub fn entries(&self) -> impl Iterator<Item = &str> + Clone + '_ {
        let ascii = self.words.is_ascii();
        let words = self.words.as_str();
        // ASCII text splits faster on ASCII whitespace (the same split there).
        let (a, u) = if ascii { (words, "") } else { ("", words) };
        self.listed
            .iter()
            .map(String::as_str)
            .chain(a.split_ascii_whitespace())
            .chain(u.split_whitespace())
    }

    /// About how many entries there are (exact without `words`).
    pub fn entries_estimate(&self) -> usize {
        self.listed.len() + self.words.len() / 8
    }

    /// A cheap key that tells lexicons apart for caches of data built from
    /// them: rule, origin, sizes and the ends of the entries and pairs.
    pub fn stamp(&self) -> u64 {
        use std::hash::{Hash, Hasher};
        let mut h = rustc_hash::FxHasher::default();
        (&self.rule, &self.origin, self.listed.len(), self.listed.first(), self.listed.last()).hash(&mut h);
        let w = self.words.as_bytes();
        (w.len(), w.get(..64), w.get(w.len().saturating_sub(64)..)).hash(&mut h);
        (self.pairs.len(), self.pairs.first(), self.pairs.last()).hash(&mut h);
        h.finish()
    }
}

/// The lexicons of a pack.
pub fn lexicons(pack: &LoadedPack) -> Vec<Lexicon> {
    pack.file.rules.iter().filter_map(|r| Lexicon::of(r, &pack.path)).collect()
}

/// The lexicons of the built-in packs.
pub fn builtin_lexicons() -> Vec<Lexicon> {
    BUILTIN_PACKS
        .iter()
        .filter_map(|(path, text)| parse_pack(path, text).ok())
        .flat_map(|p| lexicons(&p))
        .collect()
}

/// Run a lexicon rule's tests through the lint it feeds (with the built-in
/// lexicons of that lint as well).
fn test_lexicon(pack: &LoadedPack, rule: &Rule, failures: &mut Vec<String>) {
    let Some(lex) = Lexicon::of(rule, &pack.path) else { return };
    let Some(builtin) = crate::lints::BUILTIN.iter().find(|b| b.meta.name == lex.lint) else {
        failures.push(format!("rule `{}`: lexicon for unknown lint `{}`", rule.name, lex.lint));
        return;
    };
    let mut all: Vec<Lexicon> = builtin_lexicons().into_iter().filter(|l| l.rule != lex.rule).collect();
    all.push(lex);
    let empty = toml::Table::new();
    let cx = crate::lint::BuildCx {
        options: &empty,
        spelling: crate::config::Spelling::Any,
        lexicons: &all,
    };
    let lint = match (builtin.build)(&cx) {
        Ok(l) => l,
        Err(e) => {
            failures.push(format!("rule `{}`: {e}", rule.name));
            return;
        }
    };
    for (i, t) in rule.test.iter().enumerate() {
        let n = crate::lint::run_plain(lint.as_ref(), &t.text).len();
        if n != t.findings {
            failures.push(format!(
                "rule `{}` test {}: expected {} finding(s) of `{}`, got {n} in {:?}",
                rule.name,
                i + 1,
                t.findings,
                builtin.meta.name,
                t.text
            ));
        }
    }
}

/// Run every `[[rule.test]]` of a pack; returns the failures.
pub fn test_pack(pack: &LoadedPack) -> Vec<String> {
    let mut failures = Vec::new();
    for rule in &pack.file.rules {
        if rule.kind == Kind::Lexicon {
            test_lexicon(pack, rule, &mut failures);
            continue;
        }
        let set = match PackSet::compile(
            &[(pack.file.pack.family.clone(), pack.path.clone(), rule.clone())],
            crate::config::Spelling::Any,
        ) {
            Ok(s) => s,
            Err(e) => {
                failures.push(format!("rule `{}`: {e}", rule.name));
                continue;
            }
        };
        for (i, t) in rule.test.iter().enumerate() {
            let (n, fixed) = set.run_text(&t.text);
            if n != t.findings {
                failures.push(format!(
                    "rule `{}` test {}: expected {} finding(s), got {n} in {:?}",
                    rule.name,
                    i + 1,
                    t.findings,
                    t.text
                ));
            }
            if let Some(want) = &t.fixed {
                if &fixed != want {
                    failures.push(format!(
                        "rule `{}` test {}: fixed text {:?}, expected {:?}",
                        rule.name,
                        i + 1,
                        fixed,
                        want
                    ));
                }
            }
        }
    }
    failures
}

/// Load a user pack file, or every `*.toml` in a directory, validating and
/// testing each.
pub fn load_user_packs(path: &Path) -> Result<Vec<LoadedPack>, PackError> {
    let display = path.display().to_string();
    let mut files = Vec::new();
    if path.is_dir() {
        let entries = std::fs::read_dir(path).map_err(|e| PackError {
            path: display.clone(),
            message: format!("cannot read pack directory: {e}"),
        })?;
        for e in entries.flatten() {
            let p = e.path();
            if p.extension().is_some_and(|x| x == "toml") {
                files.push(p);
            }
        }
        files.sort();
    } else {
        files.push(path.to_path_buf());
    }
    let mut out = Vec::new();
    for f in files {
        let d = f.display().to_string();
        let text = std::fs::read_to_string(&f).map_err(|e| PackError {
            path: d.clone(),
            message: format!("cannot read pack: {e}"),
        })?;
        let pack = parse_pack(&d, &text)?;
        let failures = test_pack(&pack);
        if let Some(first) = failures.first() {
            return Err(PackError {
                path: d,
                message: format!("pack examples fail ({} failure(s)); first: {first}", failures.len()),
            });
        }
        out.push(pack);
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bulk_strings_cut_out_parse_like_toml() {
        for (path, text) in BUILTIN_PACKS {
            let fast = parse_pack(path, text).unwrap_or_else(|e| panic!("{e}"));
            let slow: PackFile = toml::from_str(text).unwrap_or_else(|e| panic!("{path}: {e}"));
            assert_eq!(format!("{:?}", fast.file), format!("{slow:?}"), "{path}");
        }
    }

    #[test]
    fn entries_split_words_like_split_whitespace() {
        for w in [
            "",
            "a b",
            " caf\u{e9}  na\u{ef}ve\n",
            "a\u{a0}b c",
            "x\u{b}y \u{2003}z\u{3000}w",
            "\u{85}\t\r\n a",
        ] {
            let l = Lexicon {
                rule: "r".into(),
                lint: "l".into(),
                listed: vec!["e".into()],
                words: w.into(),
                pairs: Vec::new(),
                origin: String::new(),
            };
            let want: Vec<&str> = std::iter::once("e").chain(w.split_whitespace()).collect();
            assert_eq!(l.entries().collect::<Vec<_>>(), want, "{w:?}");
        }
    }

    #[test]
    fn table_rows_split_like_lines_and_split_whitespace() {
        for t in [
            "",
            "\n",
            "a b\n",
            "a b\nc d",
            "a b\n\n  \nc\x0bd\r\n",
            " a\tb c\n",
            "x\u{a0}y\n\u{3000}k v\n",
            "one\n",
            "a b\r\n\r\n",
            "\x0c a \x0b",
            "a b c\nd",
            "a\n b \n",
            "k v \n\n",
            "k\tv\tw\t\nx y",
        ] {
            let old: Vec<(&str, Option<&str>, bool)> = t
                .lines()
                .filter_map(|l| {
                    let mut it = l.split_whitespace();
                    Some((it.next()?, it.next(), it.next().is_some()))
                })
                .collect();
            let new: Vec<_> = table_rows(t).collect();
            assert_eq!(old, new, "{t:?}");
        }
    }

    #[test]
    fn triples_count_like_matches() {
        for l in [
            "",
            "\"\"\"",
            "\"\"\"\"",
            "a = \"\"\"x\"\"\"",
            "\"\"\"\"\"\"\"",
            "'''",
            "\"\" \"",
            "x\"\"\"\"\"\"y",
            "''''''",
        ] {
            assert_eq!(triples(l, b'"'), l.matches("\"\"\"").count(), "{l}");
            assert_eq!(triples(l, b'\''), l.matches("'''").count(), "{l}");
        }
    }

    #[test]
    fn simple_arrays_cut_out_parse_like_toml() {
        let head = "[pack]\nname = \"p\"\n\n[[rule]]\nname = \"r\"\nkind = \"lexicon\"\nlint = \"boilerplate\"\nwords = \"w\"\n";
        let tail = "[[rule.test]]\ntext = \"x\"\nfindings = 0\n";
        let cut = [
            "entries = [\n  \"a b\",\n  \"c, d\",\n  \"\",\n]\n",
            "entries = [\n\t\"a\",\n  \"b\"\n  ]  \n",
            "entries = [\n]\n",
            "entries = [\n  \"caf\u{e9} \u{2014} x\",\n]\n",
        ];
        let kept = [
            "entries = [\n  \"a\"\n  \"b\",\n]\n",
            "entries = [\n  \"a\\u0062\",\n]\n",
            "entries = [\n  \"a\", \"b\",\n]\n",
            "entries = [\n  \"a\", # note\n]\n",
            "entries = [\n\n  \"a\",\n]\n",
            "entries = [\n  'a',\n]\n",
            "entries = [\n  \"a\"  ,\n]\n",
            "entries = [ \"a\" ]\n",
            "entries = [\n  \"a\",\n]  # done\n",
        ];
        for (body, want_cut) in cut.iter().map(|b| (b, true)).chain(kept.iter().map(|b| (b, false))) {
            let text = format!("{head}{body}{tail}");
            let (cut_text, bulk) = split_bulk(&text);
            assert_eq!(!bulk.is_empty(), want_cut, "{body:?}");
            if let Some(c) = cut_text {
                assert_eq!(c.lines().count(), text.lines().count(), "{body:?}");
            }
            let slow = toml::from_str::<PackFile>(&text)
                .map(|f| format!("{f:?}"))
                .map_err(|e| e.message().to_string());
            let fast = parse_pack("p.toml", &text).map(|p| format!("{:?}", p.file));
            match (slow, fast) {
                (Ok(a), Ok(b)) => assert_eq!(a, b, "{body:?}"),
                (Err(_), Err(_)) => {}
                (a, b) => panic!("{body:?}: {a:?} vs {:?}", b.map_err(|e| e.message)),
            }
        }
    }

    #[test]
    fn bulk_cut_keeps_line_numbers_and_skips_escapes() {
        let head = "[pack]\nname = \"p\"\n\n[[rule]]\nname = \"r\"\nkind = \"lexicon\"\nlint = \"lost-apostrophe\"\n";
        let text = format!("{head}words = \"\"\"\none two\nthree\n\"\"\"\n[[rule.test]]\ntext = \"x\"\nfindings = 0\nbad = 1\n");
        let (cut, bulk) = split_bulk(&text);
        let cut = cut.expect("cut");
        assert_eq!(cut.lines().count(), text.lines().count());
        assert_eq!(bulk.len(), 1);
        assert_eq!(
            bulk[0].body,
            Body::Text {
                table: false,
                text: "one two\nthree\n"
            }
        );
        let err = parse_pack("p.toml", &text).expect_err("unknown field");
        let whole = toml::from_str::<PackFile>(&text).expect_err("unknown field");
        let line = text[..whole.span().map_or(0, |s| s.start)].matches('\n').count() + 1;
        assert!(err.message.starts_with(&format!("line {line}:")), "{} vs line {line}", err.message);
        // A body with an escape is left to TOML.
        let esc = format!("{head}words = \"\"\"\none \\u0074wo\n\"\"\"\n");
        assert!(split_bulk(&esc).0.is_none());
        // A "[[rule]]" line inside another string is not a header.
        let doc = format!("{head}docs = \"\"\"\nSee\n[[rule]]\nhere.\n\"\"\"\nwords = \"\"\"\nalpha beta\n\"\"\"\n[[rule.test]]\ntext = \"x\"\nfindings = 0\n");
        let (_, bulk) = split_bulk(&doc);
        assert_eq!(bulk.len(), 1);
        assert_eq!(bulk[0].rule, 0);
        let fast = parse_pack("p.toml", &doc).expect("pack");
        let slow: PackFile = toml::from_str(&doc).expect("toml");
        assert_eq!(format!("{:?}", fast.file), format!("{slow:?}"));
        // Not directly in a [[rule]] table: left alone.
        let nested = "[[rule]]\nname = \"r\"\n[[rule.test]]\nwords = \"\"\"\na\n\"\"\"\n";
        assert!(split_bulk(nested).0.is_none());
    }
}
