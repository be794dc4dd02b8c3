//! End-to-end tests of the `artlint` binary: exit codes, output formats,
//! selection, config, stdin and JSONL input, suppressions, baseline, fixes,
//! directory walking and bad input.

use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};

use assert_cmd::Command;
use predicates::prelude::*;
use serde_json::Value;
use tempfile::TempDir;

const FOUNDATION: &str = "repeated-word,glued-words,space-before-hyphen";

fn artlint() -> Command {
    let mut c = Command::cargo_bin("artlint").expect("binary builds");
    c.env_remove("NO_COLOR").env("RAYON_NUM_THREADS", "2");
    c
}

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn tmp() -> TempDir {
    tempfile::Builder::new().prefix("artlint-cli-").tempdir().expect("temp dir")
}

fn write(dir: &Path, rel: &str, text: impl AsRef<[u8]>) -> PathBuf {
    let p = dir.join(rel);
    if let Some(parent) = p.parent() {
        fs::create_dir_all(parent).expect("mkdir");
    }
    fs::write(&p, text).expect("write");
    p
}

struct Out {
    code: i32,
    stdout: String,
    stderr: String,
}

fn run(cmd: &mut Command) -> Out {
    let o = cmd.output().expect("runs");
    Out {
        code: o.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&o.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&o.stderr).into_owned(),
    }
}

/// `artlint check ARGS` in `dir`.
fn check_in(dir: &Path, args: &[&str]) -> Out {
    run(artlint().current_dir(dir).arg("check").args(args))
}

fn json_findings(out: &Out) -> Vec<Value> {
    match serde_json::from_str::<Value>(&out.stdout) {
        Ok(Value::Array(a)) => a,
        other => panic!("not a JSON array: {other:?}\nstdout: {}\nstderr: {}", out.stdout, out.stderr),
    }
}

/// (path, lint, line) of every finding of a `--format json` run.
fn summary(out: &Out) -> Vec<(String, String, u64)> {
    json_findings(out)
        .iter()
        .map(|f| {
            (
                f["path"].as_str().unwrap_or_default().to_string(),
                f["lint"].as_str().unwrap_or_default().to_string(),
                f["span"]["start"]["line"].as_u64().unwrap_or(0),
            )
        })
        .collect()
}

fn lints_of(out: &Out) -> Vec<String> {
    summary(out).into_iter().map(|s| s.1).collect()
}

/// Every stderr line is a one-line `artlint: error: ...` (or an info line).
fn error_lines(out: &Out) -> Vec<&str> {
    out.stderr.lines().filter(|l| l.starts_with("artlint: error: ")).collect()
}

fn assert_no_panic(out: &Out) {
    assert!(
        !out.stderr.contains("panicked") && !out.stderr.contains("RUST_BACKTRACE"),
        "panic: {}",
        out.stderr
    );
}

const BAD: &str = "The report was published by the the ministry.\n";
const CLEAN: &str = "The report was published by the ministry.\n";

// ---------------------------------------------------------------- exit codes

#[test]
fn exit_code_0_when_clean() {
    let d = tmp();
    write(d.path(), "a.txt", CLEAN);
    let o = check_in(d.path(), &["--no-config", "a.txt"]);
    assert_eq!(o.code, 0, "{}", o.stderr);
    assert!(o.stdout.contains("No findings in 1 file(s)"), "{}", o.stdout);
}

#[test]
fn exit_code_1_on_findings() {
    let d = tmp();
    write(d.path(), "a.txt", BAD);
    let o = check_in(d.path(), &["--no-config", "a.txt"]);
    assert_eq!(o.code, 1, "{}", o.stderr);
    assert!(o.stdout.contains("Found 1 finding(s)"), "{}", o.stdout);
}

#[test]
fn exit_code_2_on_usage_and_io_errors() {
    let d = tmp();
    write(d.path(), "a.txt", CLEAN);
    assert_eq!(check_in(d.path(), &["--no-config", "--format", "xml", "a.txt"]).code, 2);
    assert_eq!(check_in(d.path(), &["--no-config", "--select", "no-such-lint", "a.txt"]).code, 2);
    let o = check_in(d.path(), &["--no-config", "a.txt", "missing.txt"]);
    assert_eq!(o.code, 2);
    assert_eq!(error_lines(&o), vec!["artlint: error: missing.txt: no such file or directory"]);
    // The existing file was still linted.
    assert!(o.stdout.contains("No findings in 1 file(s)"), "{}", o.stdout);
    assert_eq!(run(artlint().arg("frobnicate")).code, 2);
}

#[test]
fn quiet_drops_the_summary_line() {
    let d = tmp();
    write(d.path(), "a.txt", BAD);
    let o = check_in(d.path(), &["--no-config", "--quiet", "--format", "concise", "a.txt"]);
    assert_eq!(o.code, 1);
    assert_eq!(o.stdout.lines().count(), 1, "{}", o.stdout);
}

// ------------------------------------------------------------------- formats

fn one_finding(format: &str) -> Out {
    let d = tmp();
    write(d.path(), "a.txt", BAD);
    let o = check_in(d.path(), &["--no-config", "--color", "never", "--format", format, "a.txt"]);
    assert_eq!(o.code, 1, "{format}: {}", o.stderr);
    o
}

#[test]
fn format_human() {
    let o = one_finding("human");
    assert!(o.stdout.contains("warning[repeated-word]: 'the' is repeated"), "{}", o.stdout);
    assert!(o.stdout.contains("┌─ a.txt:1:"), "{}", o.stdout);
    assert!(o.stdout.contains("= help:") || o.stdout.contains("= fix:"), "{}", o.stdout);
    assert!(!o.stdout.contains('\x1b'), "no colour when not asked");
    let d = tmp();
    write(d.path(), "a.txt", BAD);
    let c = check_in(d.path(), &["--no-config", "--color", "always", "a.txt"]);
    assert!(c.stdout.contains('\x1b'), "colour when asked");
}

#[test]
fn format_concise() {
    let o = one_finding("concise");
    let first = o.stdout.lines().next().unwrap_or_default();
    assert_eq!(first, "a.txt:1:29: warning[repeated-word] 'the' is repeated");
}

#[test]
fn format_json_and_jsonl() {
    let o = one_finding("json");
    let a = json_findings(&o);
    assert_eq!(a.len(), 1);
    let l = one_finding("jsonl");
    let lines: Vec<Value> = l.stdout.lines().map(|x| serde_json::from_str(x).expect("jsonl line")).collect();
    assert_eq!(lines, a, "jsonl carries the same objects as json");
}

#[test]
fn format_sarif() {
    let o = one_finding("sarif");
    let v: Value = serde_json::from_str(&o.stdout).expect("sarif is JSON");
    assert_eq!(v["version"], "2.1.0");
    let run = &v["runs"][0];
    assert_eq!(run["tool"]["driver"]["name"], "artlint");
    let rules = run["tool"]["driver"]["rules"].as_array().expect("rules");
    let rule = rules.iter().find(|r| r["id"] == "repeated-word").expect("rule listed");
    assert!(!rule["shortDescription"]["text"].as_str().unwrap_or("").is_empty());
    assert!(rule["fullDescription"]["text"].as_str().unwrap_or("").contains("## What it does"));
    let res = &run["results"][0];
    assert_eq!(res["ruleId"], "repeated-word");
    assert_eq!(res["level"], "warning");
    assert_eq!(rules[res["ruleIndex"].as_u64().expect("ruleIndex") as usize]["id"], "repeated-word");
    let loc = &res["locations"][0]["physicalLocation"];
    assert_eq!(loc["artifactLocation"]["uri"], "a.txt");
    let region = &loc["region"];
    for k in ["startLine", "startColumn", "endLine", "endColumn", "byteOffset", "byteLength"] {
        assert!(region[k].is_u64(), "region.{k}: {region}");
    }
    assert_eq!(region["startLine"], 1);
    assert_eq!(region["startColumn"], 29);
    assert!(res["relatedLocations"].is_array());
}

#[test]
fn format_github() {
    let o = one_finding("github");
    assert_eq!(
        o.stdout.trim_end(),
        "::warning file=a.txt,line=1,col=29,endLine=1,endColumn=36,title=repeated-word::'the' is repeated"
    );
}

#[test]
fn human_and_concise_on_no_findings() {
    let d = tmp();
    write(d.path(), "a.txt", CLEAN);
    for f in ["json", "sarif"] {
        let o = check_in(d.path(), &["--no-config", "--format", f, "a.txt"]);
        assert_eq!(o.code, 0);
        let v: Value = serde_json::from_str(&o.stdout).expect("JSON even when empty");
        assert!(v.is_array() || v.is_object());
    }
    for f in ["jsonl", "github"] {
        let o = check_in(d.path(), &["--no-config", "--format", f, "a.txt"]);
        assert_eq!(o.code, 0);
        assert_eq!(o.stdout, "", "{f}");
    }
}

// --------------------------------------------------------------- JSON schema

fn keys(v: &Value) -> BTreeSet<&str> {
    v.as_object().map(|o| o.keys().map(String::as_str).collect()).unwrap_or_default()
}

fn assert_position(p: &Value, text: &str) {
    assert_eq!(keys(p), BTreeSet::from(["byte", "line", "column", "utf16"]), "{p}");
    let byte = p["byte"].as_u64().expect("byte") as usize;
    let before = &text[..byte];
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let line = before.matches('\n').count() + 1;
    assert_eq!(p["line"].as_u64(), Some(line as u64), "{p}");
    let col = before[line_start..].chars().count() + 1;
    assert_eq!(p["column"].as_u64(), Some(col as u64), "{p}");
    let utf16 = before[line_start..].encode_utf16().count() + 1;
    assert_eq!(p["utf16"].as_u64(), Some(utf16 as u64), "{p}");
}

fn assert_span(s: &Value, text: &str) {
    assert_eq!(keys(s), BTreeSet::from(["start", "end"]), "{s}");
    assert_position(&s["start"], text);
    assert_position(&s["end"], text);
}

#[test]
fn json_schema_is_exactly_the_documented_one() {
    let d = tmp();
    // Non-ASCII before the finding: byte, column and UTF-16 column all differ.
    let text = "Intro line.\nCafé 😀 naïve: the the ferry left.\n\n<!-- artlint-disable-next-line glued-words -->\nNothing here.\n";
    write(d.path(), "a.md", text);
    let o = check_in(d.path(), &["--no-config", "--format", "json", "a.md"]);
    let a = json_findings(&o);
    assert_eq!(a.len(), 2, "{}", o.stdout);
    let expected = BTreeSet::from(["path", "lint", "severity", "message", "span", "labels", "fix", "help"]);
    for f in &a {
        assert_eq!(keys(f), expected, "{f}");
        assert_eq!(f["path"], "a.md");
        assert!(f["message"].is_string() && f["lint"].is_string());
        assert!(["error", "warning", "info"].contains(&f["severity"].as_str().unwrap_or("")));
        assert_span(&f["span"], text);
        assert!(f["labels"].is_array());
        assert!(f["help"].is_string() || f["help"].is_null());
    }
    let rep = a.iter().find(|f| f["lint"] == "repeated-word").expect("repeated-word");
    let start = rep["span"]["start"]["byte"].as_u64().expect("byte") as usize;
    assert!(
        start > rep["span"]["start"]["column"].as_u64().unwrap_or(0) as usize,
        "byte offsets differ from columns"
    );
    assert_ne!(
        rep["span"]["start"]["column"], rep["span"]["start"]["utf16"],
        "the emoji is two UTF-16 units"
    );
    let fix = &rep["fix"];
    assert_eq!(keys(fix), BTreeSet::from(["applicability", "edits"]));
    assert_eq!(fix["applicability"], "safe");
    for e in fix["edits"].as_array().expect("edits") {
        assert_eq!(keys(e), BTreeSet::from(["span", "replacement"]));
        assert_span(&e["span"], text);
        assert!(e["replacement"].is_string());
    }
    let unused = a.iter().find(|f| f["lint"] == "unused-suppression").expect("unused-suppression");
    assert!(unused["fix"].is_null(), "no fix is null, not absent");
    assert_eq!(unused["severity"], "info");
}

const VARIANTS_PACK: &str = r#"
[pack]
name = "house"
family = "house-style"

[[rule]]
name = "harbour-spelling"
kind = "variants"
message = "mixed spellings"
variants = [["harbour", "harbor"]]
columns = ["en-GB", "en-US"]

  [[rule.test]]
  text = "The harbour and the harbor."
  findings = 1

  [[rule.test]]
  text = "The harbour and the harbour."
  findings = 0
"#;

#[test]
fn json_labels_have_path_span_and_message() {
    let d = tmp();
    write(d.path(), "house.toml", VARIANTS_PACK);
    write(d.path(), "artlint.toml", "packs = [\"house.toml\"]\n");
    let text = "The harbour is busy. The harbour is old. The harbor is new.\n";
    write(d.path(), "a.txt", text);
    let o = check_in(d.path(), &["--format", "json", "--select", "house-style", "a.txt"]);
    let a = json_findings(&o);
    assert_eq!(a.len(), 1, "{}{}", o.stdout, o.stderr);
    let labels = a[0]["labels"].as_array().expect("labels");
    assert!(!labels.is_empty(), "{}", o.stdout);
    for l in labels {
        assert_eq!(keys(l), BTreeSet::from(["path", "span", "message"]));
        assert_eq!(l["path"], "a.txt");
        assert_span(&l["span"], text);
    }
    assert_eq!(a[0]["fix"]["applicability"], "unsafe");
    // SARIF carries labels as related locations.
    let s = check_in(d.path(), &["--format", "sarif", "--select", "house-style", "a.txt"]);
    let v: Value = serde_json::from_str(&s.stdout).expect("sarif");
    assert_eq!(
        v["runs"][0]["results"][0]["relatedLocations"].as_array().map(Vec::len),
        Some(labels.len())
    );
}

// ------------------------------------------------------- selection, fail-on

const THREE: &str = "The the ferry left.\nIt was a long -range trip.\nThe crew reported.Upon arrival they rested.\n";

#[test]
fn select_and_ignore_by_name_and_family() {
    let d = tmp();
    write(d.path(), "a.txt", THREE);
    let all = check_in(d.path(), &["--no-config", "--format", "json", "a.txt"]);
    assert_eq!(lints_of(&all), vec!["repeated-word", "space-before-hyphen", "glued-words"]);
    let sel = check_in(d.path(), &["--no-config", "--format", "json", "--select", "spacing", "a.txt"]);
    assert_eq!(lints_of(&sel), vec!["space-before-hyphen", "glued-words"]);
    let sel = check_in(
        d.path(),
        &["--no-config", "--format", "json", "--select", "repeated-word,glued-words", "a.txt"],
    );
    assert_eq!(lints_of(&sel), vec!["repeated-word", "glued-words"]);
    let ign = check_in(d.path(), &["--no-config", "--format", "json", "--ignore", "repetition", "a.txt"]);
    assert_eq!(lints_of(&ign), vec!["space-before-hyphen", "glued-words"]);
    let ign = check_in(
        d.path(),
        &[
            "--no-config",
            "--format",
            "json",
            "--select",
            "spacing",
            "--ignore",
            "glued-words",
            "a.txt",
        ],
    );
    assert_eq!(lints_of(&ign), vec!["space-before-hyphen"]);
    let bad = check_in(d.path(), &["--no-config", "--ignore", "nonsense", "a.txt"]);
    assert_eq!(bad.code, 2);
    assert!(bad.stderr.contains("nonsense"), "{}", bad.stderr);
}

#[test]
fn fail_on_threshold() {
    let d = tmp();
    write(d.path(), "warn.txt", BAD);
    // Only an info finding: an unused suppression.
    write(d.path(), "info.md", "<!-- artlint-disable repeated-word -->\nClean text.\n");
    assert_eq!(check_in(d.path(), &["--no-config", "info.md"]).code, 0);
    assert_eq!(check_in(d.path(), &["--no-config", "--fail-on", "info", "info.md"]).code, 1);
    assert_eq!(check_in(d.path(), &["--no-config", "--fail-on", "warning", "warn.txt"]).code, 1);
    assert_eq!(check_in(d.path(), &["--no-config", "--fail-on", "error", "warn.txt"]).code, 0);
    // From the config, and the command line wins over it.
    write(d.path(), "artlint.toml", "fail-on = \"error\"\n");
    assert_eq!(check_in(d.path(), &["warn.txt"]).code, 0);
    assert_eq!(check_in(d.path(), &["--fail-on", "warning", "warn.txt"]).code, 1);
    // A lint raised to error fails the run again.
    write(
        d.path(),
        "artlint.toml",
        "fail-on = \"error\"\n[lints.repeated-word]\nseverity = \"error\"\n",
    );
    let o = check_in(d.path(), &["--format", "json", "warn.txt"]);
    assert_eq!(o.code, 1);
    assert_eq!(json_findings(&o)[0]["severity"], "error");
}

// -------------------------------------------------------------------- config

#[test]
fn config_flag_no_config_and_nearest_discovery() {
    let d = tmp();
    write(d.path(), "artlint.toml", "ignore = [\"repeated-word\"]\n");
    write(d.path(), "sub/.artlint.toml", "ignore = [\"spacing\"]\n");
    write(d.path(), "top.txt", THREE);
    write(d.path(), "sub/inner.txt", THREE);
    write(d.path(), "other/plain.txt", THREE);
    write(d.path(), "elsewhere.toml", "select = [\"glued-words\"]\n");
    let o = check_in(d.path(), &["--format", "json", "top.txt", "sub/inner.txt", "other/plain.txt"]);
    let s = summary(&o);
    let of = |p: &str| s.iter().filter(|x| x.0 == p).map(|x| x.1.clone()).collect::<Vec<_>>();
    assert_eq!(of("top.txt"), vec!["space-before-hyphen", "glued-words"], "root config");
    assert_eq!(of("sub/inner.txt"), vec!["repeated-word"], "nearest config wins (no merging)");
    assert_eq!(
        of("other/plain.txt"),
        vec!["space-before-hyphen", "glued-words"],
        "config found in a parent"
    );
    // Running from the subdirectory finds the same configs.
    let o = check_in(&d.path().join("sub"), &["--format", "json", "inner.txt"]);
    assert_eq!(lints_of(&o), vec!["repeated-word"]);
    // --config applies one file to every input.
    let o = check_in(
        d.path(),
        &["--format", "json", "--config", "elsewhere.toml", "top.txt", "sub/inner.txt"],
    );
    assert_eq!(lints_of(&o), vec!["glued-words", "glued-words"]);
    // --no-config ignores them all.
    let o = check_in(d.path(), &["--format", "json", "--no-config", "sub/inner.txt"]);
    assert_eq!(lints_of(&o).len(), 3);
    // A missing --config file is an error.
    let o = check_in(d.path(), &["--config", "nope.toml", "top.txt"]);
    assert_eq!(o.code, 2);
    assert_eq!(error_lines(&o), vec!["artlint: error: nope.toml: config file not found"]);
}

#[test]
fn unknown_config_key_is_a_one_line_error_with_file_key_and_line() {
    let d = tmp();
    write(d.path(), "bad/artlint.toml", "ignore = []\n\nbogus-key = 1\n");
    write(d.path(), "bad/a.txt", BAD);
    write(d.path(), "good/a.txt", BAD);
    let o = check_in(d.path(), &["--format", "concise", "bad/a.txt", "good/a.txt"]);
    assert_eq!(o.code, 2);
    assert_no_panic(&o);
    let errs = error_lines(&o);
    let cfg = errs
        .iter()
        .find(|l| l.contains("artlint.toml"))
        .unwrap_or_else(|| panic!("no config error: {}", o.stderr));
    assert!(cfg.contains("bad/artlint.toml:3:"), "{cfg}");
    assert!(cfg.contains("bogus-key"), "{cfg}");
    assert!(errs.iter().any(|l| l.contains("bad/a.txt")), "{}", o.stderr);
    // The file under a good config is still linted.
    assert!(o.stdout.contains("good/a.txt:1:29: warning[repeated-word]"), "{}", o.stdout);
    assert!(!o.stdout.contains("bad/a.txt"), "{}", o.stdout);
}

#[test]
fn bad_config_values_are_errors() {
    let d = tmp();
    write(d.path(), "a.txt", CLEAN);
    for (cfg, needle) in [
        ("spelling = \"en-AU\"\n", ":1:"),
        ("[lints.repeated-word]\nseverity = \"loud\"\n", "loud"),
        ("[lints.no-such-lint]\nseverity = \"info\"\n", "no-such-lint"),
        ("[lints.repeated-word]\nthreshold = 3\n", "threshold"),
        ("select = [\"nope\"]\n", "nope"),
        ("language = \"klingon\"\n", "klingon"),
        ("fail-on = \"sometimes\"\n", "sometimes"),
        ("this is not toml\n", "artlint.toml:1:"),
    ] {
        write(d.path(), "artlint.toml", cfg);
        let o = check_in(d.path(), &["a.txt"]);
        assert_eq!(o.code, 2, "{cfg}: {}", o.stderr);
        assert_no_panic(&o);
        let errs = error_lines(&o);
        assert!(!errs.is_empty(), "{cfg}");
        assert!(errs[0].contains("artlint.toml") && errs[0].contains(needle), "{cfg}: {}", o.stderr);
    }
}

#[test]
fn overrides_by_path() {
    let d = tmp();
    write(
        d.path(),
        "artlint.toml",
        "[[overrides]]\npaths = [\"archive/**\"]\nignore = [\"repeated-word\"]\nseverity = { glued-words = \"error\" }\n\n[[overrides]]\npaths = [\"notes\"]\nselect = [\"glued-words\"]\nignore = [\"spacing\"]\n",
    );
    write(d.path(), "news/a.txt", THREE);
    write(d.path(), "archive/2019/b.txt", THREE);
    write(d.path(), "notes/c.txt", THREE);
    let o = check_in(d.path(), &["--format", "json", "."]);
    let a = json_findings(&o);
    let of = |p: &str| {
        a.iter()
            .filter(|f| f["path"] == p)
            .map(|f| format!("{}:{}", f["lint"].as_str().unwrap_or(""), f["severity"].as_str().unwrap_or("")))
            .collect::<Vec<_>>()
    };
    assert_eq!(
        of("news/a.txt"),
        vec!["repeated-word:warning", "space-before-hyphen:warning", "glued-words:warning"]
    );
    assert_eq!(of("archive/2019/b.txt"), vec!["space-before-hyphen:warning", "glued-words:error"]);
    // `select` in an override enables (it does not restrict); a later
    // `ignore` of the family wins over the earlier `select` of its member.
    assert_eq!(of("notes/c.txt"), vec!["repeated-word:warning"]);
}

#[test]
fn config_include_and_exclude() {
    let d = tmp();
    write(d.path(), "artlint.toml", "include = [\"**/*.rst\"]\nexclude = [\"vendor/**\"]\n");
    write(d.path(), "a.rst", BAD);
    write(d.path(), "b.html", BAD);
    write(d.path(), "vendor/c.md", BAD);
    write(d.path(), "d.md", BAD);
    let o = check_in(d.path(), &["--format", "json", "."]);
    let paths: BTreeSet<String> = summary(&o).into_iter().map(|s| s.0).collect();
    assert_eq!(paths, BTreeSet::from(["a.rst".to_string(), "d.md".to_string()]));
}

// ------------------------------------------------------------------- stdin

#[test]
fn stdin_with_dash_and_stdin_filename() {
    let d = tmp();
    let o = run(artlint()
        .current_dir(d.path())
        .args(["check", "--no-config", "--format", "concise", "-"])
        .write_stdin(BAD));
    assert_eq!(o.code, 1);
    assert!(o.stdout.starts_with("<stdin>:1:29: warning[repeated-word]"), "{}", o.stdout);
    // The name gives the type: Markdown code is not linted, plain text is.
    let text = "Intro.\n\n```\nthe the\n```\n";
    let md = run(artlint()
        .current_dir(d.path())
        .args(["check", "--no-config", "--format", "json", "--stdin-filename", "docs/page.md", "-"])
        .write_stdin(text));
    assert_eq!(md.code, 0, "{}", md.stdout);
    let txt = run(artlint()
        .current_dir(d.path())
        .args(["check", "--no-config", "--format", "json", "--stdin-filename", "docs/page.txt", "-"])
        .write_stdin(text));
    assert_eq!(summary(&txt), vec![("docs/page.txt".to_string(), "repeated-word".to_string(), 4)]);
    // The name also finds the config.
    write(d.path(), "docs/artlint.toml", "ignore = [\"repeated-word\"]\n");
    let cfg = run(artlint()
        .current_dir(d.path())
        .args(["check", "--format", "json", "--stdin-filename", "docs/page.txt", "-"])
        .write_stdin(text));
    assert_eq!(cfg.code, 0, "{}", cfg.stdout);
}

#[test]
fn stdin_fix_prints_the_fixed_text() {
    let o = run(artlint().args(["check", "--no-config", "--fix", "-"]).write_stdin(BAD));
    assert_eq!(o.code, 0, "{}", o.stderr);
    assert_eq!(o.stdout, CLEAN);
}

#[test]
fn stdin_fix_with_files_fixes_them_all() {
    let d = tmp();
    write(d.path(), "a.txt", BAD);
    let o = run(artlint()
        .current_dir(d.path())
        .args(["check", "--no-config", "--fix", "-", "a.txt"])
        .write_stdin("We saw the the end.\n"));
    assert_eq!(o.code, 0, "{}", o.stderr);
    assert_eq!(o.stdout, "We saw the end.\n");
    assert_eq!(
        fs::read_to_string(d.path().join("a.txt")).expect("read"),
        CLEAN,
        "the file after stdin is fixed too"
    );
    // Unchanged or uncheckable stdin text is passed through, not swallowed.
    let o = run(artlint()
        .current_dir(d.path())
        .args(["check", "--no-config", "--fix", "-"])
        .write_stdin(CLEAN));
    assert_eq!((o.code, o.stdout.as_str()), (0, CLEAN));
    write(d.path(), "bad/artlint.toml", "nonsense = 1\n");
    let o = run(artlint()
        .current_dir(d.path())
        .args(["check", "--fix", "--stdin-filename", "bad/x.txt", "-"])
        .write_stdin(BAD));
    assert_eq!((o.code, o.stdout.as_str()), (2, BAD));
}

#[test]
fn stdin_non_utf8_is_an_error() {
    let o = run(artlint()
        .args(["check", "--no-config", "-"])
        .write_stdin(b"caf\xe9 the the\n".to_vec()));
    assert_eq!(o.code, 2);
    assert_no_panic(&o);
    let errs = error_lines(&o);
    assert_eq!(errs.len(), 1, "{}", o.stderr);
    assert!(errs[0].contains("<stdin>") && errs[0].contains("UTF-8"), "{}", errs[0]);
}

// --------------------------------------------------------------------- JSONL

const RECORDS: &str = concat!(
    r#"{"id": "rec-1", "text": "The the ferry left."}"#,
    "\n",
    r#"{"id": 42, "text": "The crew reported.Upon arrival they rested."}"#,
    "\n\n",
    r#"{"id": "rec-3.md", "text": "Clean.\n\n`the the`\n"}"#,
    "\n",
    r#"{"id": "rec-4", "text": "A markdown record.\n\n    the the\n", "format": "markdown"}"#,
    "\n",
);

#[test]
fn jsonl_input_from_file_and_stdin_reports_record_ids() {
    let d = tmp();
    write(d.path(), "batch.jsonl", RECORDS);
    let expect = vec![
        ("42".to_string(), "glued-words".to_string(), 1),
        ("rec-1".to_string(), "repeated-word".to_string(), 1),
    ];
    let o = check_in(
        d.path(),
        &["--no-config", "--input-format", "jsonl", "--format", "json", "batch.jsonl"],
    );
    assert_eq!(o.code, 1, "{}", o.stderr);
    assert_eq!(summary(&o), expect);
    let s = run(artlint()
        .current_dir(d.path())
        .args(["check", "--no-config", "--input-format", "jsonl", "--format", "json", "-"])
        .write_stdin(RECORDS));
    assert_eq!(summary(&s), expect);
    // No path: JSONL reads stdin.
    let s = run(artlint()
        .current_dir(d.path())
        .args(["check", "--no-config", "--input-format", "jsonl", "--format", "json"])
        .write_stdin(RECORDS));
    assert_eq!(summary(&s), expect);
    // --fix cannot rewrite records.
    assert_eq!(
        check_in(d.path(), &["--no-config", "--input-format", "jsonl", "--fix", "batch.jsonl"]).code,
        2
    );
}

#[test]
fn malformed_jsonl_record_is_a_one_line_error_and_the_rest_is_linted() {
    let d = tmp();
    let text = format!(
        "{}\n{{\"id\": \"broken\", \"text\": \"unterminated\n{}\n{{\"text\": \"no id\"}}\n{{\"id\": \"x\", \"text\": 5}}\n",
        r#"{"id": "a", "text": "The the ferry."}"#, r#"{"id": "b", "text": "It was long -range."}"#
    );
    write(d.path(), "batch.jsonl", &text);
    let o = check_in(
        d.path(),
        &["--no-config", "--input-format", "jsonl", "--format", "concise", "batch.jsonl"],
    );
    assert_eq!(o.code, 2);
    assert_no_panic(&o);
    let errs = error_lines(&o);
    assert_eq!(errs.len(), 3, "{}", o.stderr);
    assert!(
        errs[0].starts_with("artlint: error: batch.jsonl:2: malformed JSONL record"),
        "{}",
        errs[0]
    );
    assert!(errs[1].starts_with("artlint: error: batch.jsonl:4: "), "{}", errs[1]);
    assert!(errs[2].starts_with("artlint: error: batch.jsonl:5: "), "{}", errs[2]);
    assert!(o.stdout.contains("a:1:1: warning[repeated-word]"), "{}", o.stdout);
    assert!(o.stdout.contains("b:1:8: warning[space-before-hyphen]"), "{}", o.stdout);
}

#[test]
fn jsonl_records_form_one_corpus_with_labels_across_records() {
    // A variants pack rule sees the whole document only; records are still
    // separate documents whose findings are reported by id.
    let d = tmp();
    write(d.path(), "batch.jsonl", RECORDS);
    let o = check_in(d.path(), &["--no-config", "--input-format", "jsonl", "--statistics", "batch.jsonl"]);
    assert!(o.stdout.contains("in 4 file(s)"), "{}", o.stdout);
}

// ---------------------------------------------------------------- statistics

#[test]
fn statistics_human_and_json() {
    let d = tmp();
    write(d.path(), "a.txt", THREE);
    let o = check_in(d.path(), &["--no-config", "--statistics", "a.txt"]);
    assert_eq!(o.code, 1);
    assert!(o.stdout.contains("COUNT") && o.stdout.contains("PER 1K"), "{}", o.stdout);
    for l in ["repeated-word", "glued-words", "space-before-hyphen"] {
        assert!(o.stdout.contains(l), "{}", o.stdout);
    }
    assert!(o.stdout.contains("3 finding(s) in 1 file(s)"), "{}", o.stdout);
    assert!(o.stdout.contains("findings per 1,000 words"), "{}", o.stdout);
    let j = check_in(d.path(), &["--no-config", "--statistics", "--format", "json", "a.txt"]);
    let v: Value = serde_json::from_str(&j.stdout).expect("json statistics");
    assert_eq!(v["files"], 1);
    assert_eq!(v["findings"], 3);
    let words = v["words"].as_u64().expect("words");
    assert!((15..=20).contains(&words), "{words}");
    assert_eq!(v["lints"]["glued-words"]["count"], 1);
    let per = v["per_1000_words"].as_f64().expect("per 1000");
    assert!((per - 3000.0 / words as f64).abs() < 1e-6);
}

// ------------------------------------------------------- lints, explain, init

#[test]
fn lints_lists_every_builtin() {
    let d = tmp();
    let o = run(artlint().current_dir(d.path()).arg("lints"));
    assert_eq!(o.code, 0);
    assert!(o.stdout.starts_with("NAME"), "{}", o.stdout);
    for l in ["repeated-word", "glued-words", "space-before-hyphen", "unused-suppression"] {
        let line = o.stdout.lines().find(|x| x.starts_with(l)).unwrap_or_else(|| panic!("{l} missing"));
        assert!(line.contains("stable") || line.contains("preview"), "{line}");
    }
    let j = run(artlint().current_dir(d.path()).args(["lints", "--json"]));
    let v: Value = serde_json::from_str(&j.stdout).expect("lints --json");
    let rw = v
        .as_array()
        .expect("array")
        .iter()
        .find(|r| r["name"] == "repeated-word")
        .expect("listed");
    assert_eq!(rw["family"], "repetition");
    assert_eq!(rw["severity"], "warning");
    assert!(!rw["summary"].as_str().unwrap_or("").is_empty());
}

#[test]
fn explain_prints_docs_and_rejects_unknown_names() {
    let d = tmp();
    let o = run(artlint().current_dir(d.path()).args(["explain", "glued-words"]));
    assert_eq!(o.code, 0);
    for s in [
        "# glued-words",
        "## What it does",
        "## Why is this bad?",
        "## Example",
        "## Known problems",
    ] {
        assert!(o.stdout.contains(s), "{s}: {}", o.stdout);
    }
    let o = run(artlint().current_dir(d.path()).args(["explain", "no-such-lint"]));
    assert_eq!(o.code, 2);
    assert!(o.stderr.contains("no-such-lint"), "{}", o.stderr);
}

#[test]
fn init_writes_a_working_config_once() {
    let d = tmp();
    let o = run(artlint().current_dir(d.path()).arg("init"));
    assert_eq!(o.code, 0, "{}", o.stderr);
    let cfg = fs::read_to_string(d.path().join("artlint.toml")).expect("written");
    assert!(cfg.contains("fail-on"));
    write(d.path(), "a.txt", BAD);
    assert_eq!(check_in(d.path(), &["a.txt"]).code, 1, "the default config loads");
    let again = run(artlint().current_dir(d.path()).arg("init"));
    assert_eq!(again.code, 2);
    assert!(again.stderr.contains("already exists"), "{}", again.stderr);
    assert_eq!(run(artlint().current_dir(d.path()).args(["init", "--force"])).code, 0);
}

// -------------------------------------------------------------- suppressions

#[test]
fn suppression_comments() {
    let d = tmp();
    let text = "\
One the the.

<!-- artlint-disable repeated-word -->
Two the the.

Three the the and a long -range trip.
<!-- artlint-enable repeated-word -->

Four the the.

<!-- artlint-disable-next-line -->
Five the the and a long -range trip.
Six the the.

<!-- artlint-disable-next-line spacing -->
Seven nothing to see.

<!-- artlint-disable glued-words -->
Eight the the.
";
    write(d.path(), "a.md", text);
    let o = check_in(d.path(), &["--no-config", "--format", "json", "a.md"]);
    let got: Vec<(String, u64)> = summary(&o).into_iter().map(|s| (s.1, s.2)).collect();
    assert_eq!(
        got,
        vec![
            ("repeated-word".to_string(), 1),
            ("space-before-hyphen".to_string(), 6),
            ("repeated-word".to_string(), 9),
            ("repeated-word".to_string(), 13),
            ("unused-suppression".to_string(), 15),
            ("unused-suppression".to_string(), 18),
            ("repeated-word".to_string(), 19),
        ]
    );
    let file = "<!-- artlint-disable-file repeated-word -->\n\nOne the the.\n\nTwo the the and long -range.\n";
    write(d.path(), "b.md", file);
    let o = check_in(d.path(), &["--no-config", "--format", "json", "b.md"]);
    assert_eq!(lints_of(&o), vec!["space-before-hyphen"]);
    // Plain text has no comments: the same text is not a suppression.
    write(d.path(), "c.txt", file);
    let o = check_in(d.path(), &["--no-config", "--format", "json", "c.txt"]);
    assert_eq!(lints_of(&o), vec!["repeated-word", "repeated-word", "space-before-hyphen"]);
    // unused-suppression can itself be turned off.
    let o = check_in(
        d.path(),
        &["--no-config", "--format", "json", "--ignore", "unused-suppression", "a.md"],
    );
    assert!(!lints_of(&o).contains(&"unused-suppression".to_string()));
}

#[test]
fn fixture_suppressions() {
    let o = check_in(
        &root(),
        &[
            "--no-config",
            "--format",
            "json",
            "fixtures/markdown-repo/docs/guide.md",
            "fixtures/markdown-repo/news",
        ],
    );
    assert_eq!(
        summary(&o),
        vec![
            ("fixtures/markdown-repo/docs/guide.md".to_string(), "glued-words".to_string(), 10),
            (
                "fixtures/markdown-repo/docs/guide.md".to_string(),
                "unused-suppression".to_string(),
                27
            ),
            (
                "fixtures/markdown-repo/news/2024-05-harbour-council.md".to_string(),
                "glued-words".to_string(),
                9
            ),
            (
                "fixtures/markdown-repo/news/2024-05-harbour-council.md".to_string(),
                "space-before-hyphen".to_string(),
                12
            ),
        ]
    );
}

// ------------------------------------------------------------------ baseline

#[test]
fn baseline_fingerprints_do_not_depend_on_the_selected_lints() {
    // Documents free their tokens after the per-document phase; a baseline
    // written with only some lints selected (no corpus phase) must neither
    // crash nor give different fingerprints.
    let d = tmp();
    write(d.path(), "a.txt", "The ferry left the the harbour. It was a long -range trip.\n");
    let all = check_in(d.path(), &["--no-config", "--write-baseline", "all.json", "a.txt"]);
    assert_eq!(all.code, 0, "{}", all.stderr);
    let some = check_in(
        d.path(),
        &["--no-config", "--select", "repeated-word", "--write-baseline", "some.json", "a.txt"],
    );
    assert_eq!(some.code, 0, "{}", some.stderr);
    let read = |f: &str| -> Value { serde_json::from_str(&fs::read_to_string(d.path().join(f)).expect("baseline")).expect("JSON") };
    let (all, some) = (read("all.json"), read("some.json"));
    let fp = |v: &Value| -> Vec<String> {
        v["entries"]
            .as_array()
            .map(|a| {
                a.iter()
                    .filter(|e| e["lint"] == "repeated-word")
                    .map(|e| e["fingerprint"].to_string())
                    .collect()
            })
            .unwrap_or_default()
    };
    assert_eq!(fp(&some).len(), 1, "{some}");
    assert_eq!(fp(&some), fp(&all));
}

#[test]
fn baseline_hides_recorded_findings_by_fingerprint() {
    let d = tmp();
    let text = "The ferry left the the harbour.\nIt was a long -range trip.\nThe crew rested.\n";
    write(d.path(), "a.txt", text);
    let w = check_in(d.path(), &["--no-config", "--write-baseline", "base.json", "a.txt"]);
    assert_eq!(w.code, 0, "{}", w.stderr);
    let b: Value = serde_json::from_str(&fs::read_to_string(d.path().join("base.json")).expect("baseline")).expect("JSON");
    assert_eq!(b["entries"].as_array().map(Vec::len), Some(2), "{b}");
    let o = check_in(d.path(), &["--no-config", "--baseline", "base.json", "--format", "json", "a.txt"]);
    assert_eq!(o.code, 0, "{}", o.stdout);
    assert!(json_findings(&o).is_empty());
    // Edits elsewhere (new lines above, a changed line below) keep it valid.
    let edited =
        "A new first line.\n\nAnother one.\nThe ferry left the the harbour.\nIt was a long -range trip.\nThe crew rested at home.\n";
    write(d.path(), "a.txt", edited);
    let o = check_in(d.path(), &["--no-config", "--baseline", "base.json", "--format", "json", "a.txt"]);
    assert_eq!(o.code, 0, "{}", o.stdout);
    // A new finding is reported; a fixed one leaves a stale entry (info).
    let edited = "The ferry left the harbour.\nIt was a long -range trip.\nThe crew crew rested.\n";
    write(d.path(), "a.txt", edited);
    let o = check_in(d.path(), &["--no-config", "--baseline", "base.json", "--format", "json", "a.txt"]);
    assert_eq!(o.code, 1);
    let a = json_findings(&o);
    let got: Vec<(&str, &str)> = a
        .iter()
        .map(|f| (f["lint"].as_str().unwrap_or(""), f["message"].as_str().unwrap_or("")))
        .collect();
    assert_eq!(got.len(), 2, "{got:?}");
    assert!(got.contains(&("repeated-word", "'crew' is repeated")), "{got:?}");
    assert!(
        got.iter()
            .any(|(l, m)| *l == "unused-suppression" && m.contains("baseline") && m.contains("repeated-word")),
        "{got:?}"
    );
    // The baseline from the config, relative to the config file.
    write(d.path(), "a.txt", text);
    write(d.path(), "artlint.toml", "baseline = \"base.json\"\n");
    let sub = d.path().join("sub");
    fs::create_dir_all(&sub).expect("mkdir");
    let o = check_in(&sub, &["--format", "json", "../a.txt"]);
    assert_eq!(o.code, 0, "{}{}", o.stdout, o.stderr);
    // A missing or broken baseline is an error.
    let o = check_in(d.path(), &["--no-config", "--baseline", "nope.json", "a.txt"]);
    assert_eq!(o.code, 2);
    assert!(error_lines(&o).iter().any(|l| l.contains("nope.json")), "{}", o.stderr);
    write(d.path(), "broken.json", "{not json");
    let o = check_in(d.path(), &["--no-config", "--baseline", "broken.json", "a.txt"]);
    assert_eq!(o.code, 2);
    assert!(error_lines(&o).iter().any(|l| l.contains("broken.json")), "{}", o.stderr);
}

// --------------------------------------------------------------------- fixes

#[test]
fn fix_writes_and_converges() {
    let d = tmp();
    let text = "The ferry left the the the harbour.\nIt was a long -range trip.\nThe crew reported.Upon arrival they rested.\n";
    write(d.path(), "a.txt", text);
    let o = check_in(d.path(), &["--no-config", "--fix", "--format", "json", "a.txt"]);
    assert_eq!(o.code, 0, "{}{}", o.stdout, o.stderr);
    let fixed = fs::read_to_string(d.path().join("a.txt")).expect("read");
    assert_eq!(
        fixed,
        "The ferry left the harbour.\nIt was a long-range trip.\nThe crew reported. Upon arrival they rested.\n"
    );
    // Converged: a second run changes nothing and finds nothing.
    let o = check_in(d.path(), &["--no-config", "--fix", "a.txt"]);
    assert_eq!(o.code, 0);
    assert_eq!(fs::read_to_string(d.path().join("a.txt")).expect("read"), fixed);
}

#[test]
fn fix_reports_what_it_fixed() {
    let d = tmp();
    write(d.path(), "a.txt", "The ferry left the the harbour.\nIt was a long -range trip.\n");
    write(d.path(), "b.txt", "The crew rested on Monday.\n");
    let o = check_in(d.path(), &["--no-config", "--fix", "a.txt", "b.txt"]);
    assert_eq!(o.code, 0, "{}{}", o.stdout, o.stderr);
    assert!(o.stdout.contains("Fixed 2 finding(s) in 1 file(s)."), "{}", o.stdout);
    // Nothing to fix: no such line.
    let o = check_in(d.path(), &["--no-config", "--fix", "a.txt"]);
    assert!(!o.stdout.contains("Fixed"), "{}", o.stdout);
}

#[test]
fn unsafe_fixes_only_when_asked() {
    let d = tmp();
    // A capitalised double gets an unsafe fix.
    let text = "Officials of the National Intelligence Intelligence Service spoke.\nWe saw the the end.\n";
    write(d.path(), "a.txt", text);
    let o = check_in(d.path(), &["--no-config", "--fix", "--format", "json", "a.txt"]);
    assert_eq!(o.code, 1, "the unsafe one remains");
    let after = fs::read_to_string(d.path().join("a.txt")).expect("read");
    assert!(after.contains("Intelligence Intelligence"), "{after}");
    assert!(after.contains("We saw the end."), "{after}");
    assert_eq!(json_findings(&o)[0]["fix"]["applicability"], "unsafe");
    let o = check_in(d.path(), &["--no-config", "--fix", "--unsafe-fixes", "a.txt"]);
    assert_eq!(o.code, 0, "{}", o.stdout);
    let after = fs::read_to_string(d.path().join("a.txt")).expect("read");
    assert!(after.contains("National Intelligence Service"), "{after}");
}

#[test]
fn diff_prints_a_unified_diff_and_does_not_write() {
    let d = tmp();
    let text = "Line one.\nThe ferry left the the harbour.\nLine three.\n";
    write(d.path(), "a.txt", text);
    let o = check_in(d.path(), &["--no-config", "--diff", "a.txt"]);
    assert_eq!(o.code, 1, "changes pending: {}", o.stderr);
    assert!(o.stdout.starts_with("--- a/a.txt\n+++ b/a.txt\n@@ "), "{}", o.stdout);
    assert!(
        o.stdout
            .contains("-The ferry left the the harbour.\n+The ferry left the harbour.\n"),
        "{}",
        o.stdout
    );
    assert_eq!(
        fs::read_to_string(d.path().join("a.txt")).expect("read"),
        text,
        "--diff does not write"
    );
    write(d.path(), "b.txt", CLEAN);
    let o = check_in(d.path(), &["--no-config", "--diff", "b.txt"]);
    assert_eq!((o.code, o.stdout.as_str()), (0, ""));
}

#[test]
fn fix_in_markdown_keeps_code_untouched() {
    let d = tmp();
    let text = "# Title\n\nA ferry left the the pier.\n\n```\nthe the\n```\n\nSee `long -range` and a long -range trip.\n";
    write(d.path(), "a.md", text);
    let o = check_in(d.path(), &["--no-config", "--fix", "a.md"]);
    assert_eq!(o.code, 0, "{}", o.stdout);
    assert_eq!(
        fs::read_to_string(d.path().join("a.md")).expect("read"),
        "# Title\n\nA ferry left the pier.\n\n```\nthe the\n```\n\nSee `long -range` and a long-range trip.\n"
    );
}

#[test]
fn a_file_with_an_error_is_never_written() {
    let d = tmp();
    // Config error: the file under it is not linted and not written.
    write(d.path(), "bad/artlint.toml", "nonsense = true\n");
    write(d.path(), "bad/a.txt", BAD);
    write(d.path(), "good/a.txt", BAD);
    let o = check_in(d.path(), &["--fix", "bad/a.txt", "good/a.txt"]);
    assert_eq!(o.code, 2);
    assert_no_panic(&o);
    assert_eq!(fs::read_to_string(d.path().join("bad/a.txt")).expect("read"), BAD);
    assert_eq!(
        fs::read_to_string(d.path().join("good/a.txt")).expect("read"),
        CLEAN,
        "the good file is fixed"
    );
    let errs = error_lines(&o);
    let unique: BTreeSet<&&str> = errs.iter().collect();
    assert_eq!(unique.len(), errs.len(), "each error once: {}", o.stderr);
    assert_eq!(errs.iter().filter(|l| l.contains("nonsense")).count(), 1, "{}", o.stderr);
    assert!(
        errs.iter().any(|l| l.contains("bad/a.txt") && l.contains("left unchanged")),
        "{}",
        o.stderr
    );
    // A broken baseline is an error for every file: nothing is written.
    write(d.path(), "c.txt", BAD);
    let o = check_in(d.path(), &["--no-config", "--fix", "--baseline", "missing.json", "c.txt"]);
    assert_eq!(o.code, 2);
    assert_eq!(fs::read_to_string(d.path().join("c.txt")).expect("read"), BAD);
    // A non-UTF-8 file is reported, not rewritten.
    let raw = b"caf\xe9 the the\n";
    write(d.path(), "d.txt", raw);
    let o = check_in(d.path(), &["--no-config", "--fix", "d.txt"]);
    assert_eq!(o.code, 2);
    assert_eq!(fs::read(d.path().join("d.txt")).expect("read"), raw);
}

// --------------------------------------------------------------------- walk

#[test]
fn directory_walk_respects_ignore_files_and_default_extensions() {
    let o = check_in(&root(), &["--no-config", "--format", "json", "fixtures/markdown-repo"]);
    assert_eq!(o.code, 1, "{}", o.stderr);
    let paths: BTreeSet<String> = summary(&o).into_iter().map(|s| s.0).collect();
    let want: BTreeSet<String> = [
        "fixtures/markdown-repo/docs/guide.md",
        "fixtures/markdown-repo/docs/index.md",
        "fixtures/markdown-repo/news/2024-05-harbour-council.md",
        "fixtures/markdown-repo/notes/visitor-notes.txt",
    ]
    .into_iter()
    .map(String::from)
    .collect();
    assert_eq!(paths, want);
    let stats = check_in(&root(), &["--no-config", "--statistics", "fixtures/markdown-repo"]);
    assert!(stats.stdout.contains("in 5 file(s)"), "{}", stats.stdout);
    // Named explicitly, a non-default extension is linted.
    let o = check_in(
        &root(),
        &["--no-config", "--format", "json", "fixtures/markdown-repo/notes/timetable.rst"],
    );
    assert_eq!(lints_of(&o), vec!["glued-words"]);
}

#[test]
fn walk_in_a_git_repository_and_hidden_files() {
    let d = tmp();
    write(d.path(), ".gitignore", "out/\n");
    write(d.path(), "out/a.md", BAD);
    write(d.path(), ".hidden/b.md", BAD);
    write(d.path(), "c.markdown", BAD);
    write(d.path(), "d.text", BAD);
    write(d.path(), "e.TXT", BAD);
    write(d.path(), "f.html", BAD);
    let o = check_in(d.path(), &["--no-config", "--format", "json"]);
    let paths: BTreeSet<String> = summary(&o).into_iter().map(|s| s.0).collect();
    assert_eq!(paths, ["c.markdown", "d.text", "e.TXT"].into_iter().map(String::from).collect());
}

#[test]
fn case_files_flag_exactly_the_bad_lines() {
    for lint in ["repeated-word", "glued-words", "space-before-hyphen"] {
        let rel = format!("fixtures/cases/{lint}.txt");
        let text = fs::read_to_string(root().join(&rel)).expect("case file");
        let o = check_in(&root(), &["--no-config", "--format", "json", "--select", lint, &rel]);
        let mut flagged: Vec<u64> = summary(&o).into_iter().map(|s| s.2).collect();
        flagged.sort_unstable();
        let bad: Vec<u64> = text
            .lines()
            .enumerate()
            .filter(|(_, l)| l.starts_with("bad: "))
            .map(|(i, _)| i as u64 + 1)
            .collect();
        assert!(!bad.is_empty() && text.lines().any(|l| l.starts_with("ok: ")), "{rel}");
        assert_eq!(flagged, bad, "{rel}: flagged lines vs `bad:` lines\n{}", o.stdout);
    }
    let o = check_in(
        &root(),
        &["--no-config", "--format", "json", "fixtures/cases/unused-suppression.md"],
    );
    assert_eq!(
        summary(&o).into_iter().map(|s| (s.1, s.2)).collect::<Vec<_>>(),
        vec![("unused-suppression".to_string(), 6), ("unused-suppression".to_string(), 9)]
    );
}

// ----------------------------------------------------------------- bad input

#[test]
fn bad_inputs_are_one_line_errors_and_the_rest_is_linted() {
    let d = tmp();
    let p = d.path();
    write(p, "good.txt", BAD);
    write(p, "latin1.txt", b"Caf\xe9 au lait.\nThe the end.\n");
    write(p, "binary.txt", b"PK\x03\x04\x00\x00binary\x00data");
    write(p, "empty.md", "");
    write(p, "empty.txt", "");
    let o = check_in(
        p,
        &[
            "--no-config",
            "--format",
            "concise",
            "good.txt",
            "latin1.txt",
            "binary.txt",
            "empty.md",
            "empty.txt",
            "missing.md",
        ],
    );
    assert_eq!(o.code, 2);
    assert_no_panic(&o);
    assert_eq!(
        o.stdout.lines().next(),
        Some("good.txt:1:29: warning[repeated-word] 'the' is repeated"),
        "{}",
        o.stdout
    );
    assert!(o.stdout.contains("in 1 of 3 file(s)"), "{}", o.stdout);
    let errs = error_lines(&o);
    assert_eq!(errs.len(), 3, "{}", o.stderr);
    assert!(o.stderr.lines().count() == 3, "one line each: {}", o.stderr);
    let find = |name: &str| {
        errs.iter()
            .find(|l| l.contains(name))
            .copied()
            .unwrap_or_else(|| panic!("{name}: {}", o.stderr))
    };
    assert!(find("latin1.txt").contains("not valid UTF-8") && find("latin1.txt").contains("line 1"));
    assert!(find("binary.txt").contains("binary"));
    assert!(find("missing.md").contains("no such file"));
}

#[test]
fn unreadable_file() {
    use std::os::unix::fs::PermissionsExt;
    let d = tmp();
    let f = write(d.path(), "locked.txt", BAD);
    write(d.path(), "good.txt", BAD);
    fs::set_permissions(&f, fs::Permissions::from_mode(0o000)).expect("chmod");
    if fs::read(&f).is_ok() {
        eprintln!("skipped: running as root, chmod 000 does not stop reads");
        return;
    }
    let o = check_in(d.path(), &["--no-config", "--format", "concise", "locked.txt", "good.txt"]);
    fs::set_permissions(&f, fs::Permissions::from_mode(0o644)).expect("chmod back");
    assert_eq!(o.code, 2);
    assert_eq!(error_lines(&o), vec!["artlint: error: locked.txt: permission denied"]);
    assert!(o.stdout.contains("good.txt:1:"), "{}", o.stdout);
}

#[test]
fn large_inputs_do_not_break() {
    let d = tmp();
    let p = d.path();
    // A 5 MB single line with one artefact at the end.
    let sentence = "The ferry left the harbour at dawn and returned at noon. ";
    let mut line = sentence.repeat(5_000_000 / sentence.len() + 1);
    line.push_str("It was a long -range trip.\n");
    write(p, "line.txt", &line);
    // Deeply nested Markdown: quotes, lists and emphasis.
    let depth = 10_000;
    let mut nested = ">".repeat(depth);
    nested.push_str(" The the quote.\n\n");
    for i in 0..depth {
        nested.push_str(&" ".repeat((i * 2) % 400));
        nested.push_str("- item\n");
    }
    nested.push_str(&"*".repeat(depth));
    nested.push_str("emphasis");
    nested.push_str(&"*".repeat(depth));
    nested.push_str("\n\n");
    nested.push_str(&"[".repeat(depth));
    nested.push('\n');
    write(p, "nested.md", &nested);
    let o = check_in(p, &["--no-config", "--format", "json", "line.txt", "nested.md"]);
    assert_no_panic(&o);
    assert!(o.code == 1 || o.code == 0, "{}", o.stderr);
    let s = summary(&o);
    assert!(s.iter().any(|x| x.0 == "line.txt" && x.1 == "space-before-hyphen"), "{s:?}");
}

#[test]
fn file_of_50_mb() {
    let d = tmp();
    let para = "The council approved a new ferry pier on Tuesday, ending a debate that lasted two years.\n";
    let mut text = para.repeat(50_000_000 / para.len() + 1);
    text.push_str("The end of the the file.\n");
    write(d.path(), "big.txt", &text);
    drop(text);
    let o = check_in(d.path(), &["--no-config", "--format", "concise", "--select", FOUNDATION, "big.txt"]);
    assert_no_panic(&o);
    assert_eq!(o.code, 1, "{}", o.stderr);
    assert_eq!(
        o.stdout.lines().filter(|l| l.contains("[repeated-word]")).count(),
        1,
        "{}",
        o.stdout
    );
}

// --------------------------------------------------------------- broken packs

#[test]
fn broken_packs_are_errors_naming_the_pack() {
    let d = tmp();
    let p = d.path();
    write(p, "unparsable/artlint.toml", "packs = [\"packs/bad.toml\"]\n");
    write(p, "unparsable/packs/bad.toml", "[pack]\nname = \"bad\"\n[[rule]\nname = broken\n");
    write(p, "unparsable/a.txt", BAD);
    write(p, "failing/artlint.toml", "# a pack whose examples fail\npacks = [\"packs\"]\n");
    write(
        p,
        "failing/packs/wrong.toml",
        "[pack]\nname = \"wrong\"\n\n[[rule]]\nname = \"ferry-word\"\nkind = \"phrase\"\nmessage = \"ferry\"\nphrases = [\"ferry\"]\n\n  [[rule.test]]\n  text = \"The ferry left.\"\n  findings = 2\n",
    );
    write(p, "failing/a.txt", BAD);
    write(p, "missing/artlint.toml", "packs = [\"nowhere.toml\"]\n");
    write(p, "missing/a.txt", BAD);
    write(p, "fine/a.txt", BAD);
    let o = check_in(p, &["--no-config", "--format", "concise", "fine/a.txt"]);
    assert_eq!(o.code, 1);
    let o = check_in(
        p,
        &[
            "--format",
            "concise",
            "unparsable/a.txt",
            "failing/a.txt",
            "missing/a.txt",
            "fine/a.txt",
        ],
    );
    assert_eq!(o.code, 2);
    assert_no_panic(&o);
    assert!(o.stdout.contains("fine/a.txt:1:29: warning[repeated-word]"), "{}", o.stdout);
    for dir in ["unparsable", "failing", "missing"] {
        assert!(!o.stdout.contains(&format!("{dir}/a.txt")), "{}", o.stdout);
    }
    let errs = error_lines(&o);
    assert!(o.stderr.lines().all(|l| !l.trim().is_empty()), "{}", o.stderr);
    let e1 = errs
        .iter()
        .find(|l| l.contains("bad.toml"))
        .unwrap_or_else(|| panic!("{}", o.stderr));
    assert!(e1.contains("unparsable/artlint.toml") && e1.contains("line"), "{e1}");
    let e2 = errs
        .iter()
        .find(|l| l.contains("wrong.toml"))
        .unwrap_or_else(|| panic!("{}", o.stderr));
    assert!(e2.contains("examples fail") && e2.contains("ferry-word"), "{e2}");
    let e3 = errs
        .iter()
        .find(|l| l.contains("nowhere.toml"))
        .unwrap_or_else(|| panic!("{}", o.stderr));
    assert!(e3.contains("missing/artlint.toml"), "{e3}");
}

#[test]
fn user_pack_rules_load_and_report() {
    let d = tmp();
    write(d.path(), "house.toml", VARIANTS_PACK);
    write(
        d.path(),
        "artlint.toml",
        "packs = [\"house.toml\"]\n[lints.harbour-spelling]\nseverity = \"error\"\n",
    );
    write(d.path(), "a.txt", "The harbour. The harbor.\n");
    let o = check_in(d.path(), &["--format", "concise", "a.txt"]);
    assert_eq!(o.code, 1, "{}", o.stderr);
    assert!(o.stdout.contains("error[harbour-spelling]"), "{}", o.stdout);
    let l = run(artlint().current_dir(d.path()).arg("lints"));
    assert!(l.stdout.contains("harbour-spelling"), "{}", l.stdout);
    let e = run(artlint().current_dir(d.path()).args(["explain", "harbour-spelling"]));
    assert_eq!(e.code, 0);
    assert!(e.stdout.contains("house.toml"), "{}", e.stdout);
}

#[test]
fn jobs_flag_gives_the_same_output() {
    let a = check_in(&root(), &["--no-config", "--format", "json", "-j", "1", "fixtures"]);
    let b = check_in(&root(), &["--no-config", "--format", "json", "--jobs", "2", "fixtures"]);
    assert_eq!(a.stdout, b.stdout);
    assert!(predicate::str::contains("fixtures/seeds").eval(&a.stdout));
}

/// The lints reporting on `line` of `text` (written to `a.txt`), with the
/// lint `ignore` switched off, and the JSON output (for messages).
fn lints_on_line(text: &str, line: Option<u64>, ignore: Option<&str>) -> (Vec<String>, String) {
    let d = tmp();
    write(d.path(), "a.txt", text);
    let mut args = vec!["--no-config", "--format", "json", "a.txt"];
    if let Some(l) = ignore {
        args.extend(["--ignore", l]);
    }
    let o = check_in(d.path(), &args);
    let lints = summary(&o)
        .into_iter()
        .filter(|s| line.is_none_or(|l| s.2 == l))
        .map(|s| s.1)
        .collect();
    (lints, o.stdout)
}

/// One cause, one finding: the specific lint's finding alone, and the
/// general one back when the specific lint is off.
#[test]
fn one_cause_is_reported_once() {
    let leaked = "Skip to main navigation\nAccessibility help\nNews \u{b7} Markets \u{b7} Tech \u{b7} Lifestyle\n\
                  Last updated: 17 March 2026 09:15 GMT\n\
                  Rail strike called off after late-night pay deal\n\
                  Train drivers have called off a planned three-day strike after union leaders accepted a revised offer.\n\
                  The agreement still has to be put to members, officials said on Monday night.\n";
    let misspelled = "A spokesman for the Interior Minister, Tomas Ferreira, spoke on Monday.\n\n\
                      But a spokesman for the Interior Minester said on Tuesday that talks had stalled.\n";
    let contraction = "\"I've said it before,\" she said on Monday.\n\n\"And I think Ive been saying for years,\" she added.\n";
    let repeated = "The council met.\n\nThe vote is Is over, the mayor said on Monday.\n";
    let possessive = "The minister spoke in Berlin on Tuesday.\n\nKaya said that Germany is Turkeys largest trading partner in Europe.\n";
    for (text, line, specific, general) in [
        (leaked, 4, "metadata-leak", "boilerplate"),
        (misspelled, 3, "mangled-name", "name-variant"),
        (contraction, 3, "lost-apostrophe", "name-variant"),
        (repeated, 3, "repeated-word", "stray-capital"),
        (possessive, 3, "lost-apostrophe", "stray-capital"),
    ] {
        let (lints, out) = lints_on_line(text, Some(line), None);
        assert_eq!(lints, vec![specific.to_string()], "{out}");
        let (lints, out) = lints_on_line(text, Some(line), Some(specific));
        assert_eq!(lints, vec![general.to_string()], "{out}");
    }
    // Mis-decoded text is no pair of glued words.
    let mojibake =
        "The mayor\u{c3}\u{a2}\u{e2}\u{201a}\u{ac}\u{e2}\u{201e}\u{a2}s office and the firm&amp;amp;#8217;s shares fell on Monday.\n";
    let (lints, out) = lints_on_line(mojibake, None, None);
    assert_eq!(lints, vec!["mojibake".to_string(), "mojibake".to_string()], "{out}");
    let (lints, out) = lints_on_line(mojibake, None, Some("mojibake"));
    assert!(lints.iter().any(|l| l == "glued-words"), "{out}");
}
