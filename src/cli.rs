//! The command line: clap arguments -> settings -> engine -> output and exit
//! code (0 clean, 1 findings at or above --fail-on, 2 error).

use std::collections::BTreeMap;
use std::io::{self, IsTerminal, Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand, ValueEnum};
use rayon::prelude::*;

use artlint::config::DEFAULT_CONFIG;
use artlint::engine::{self, Configs, Input, Run, Settings};
use artlint::finding::{Applicability, Severity};
use artlint::fix;
use artlint::registry::{CliPolicy, Registry};
use artlint::render::{self, Format};
use artlint::source::FileKind;
use artlint::suppress::Baseline;
use artlint::walk;

#[derive(Parser)]
#[command(name = "artlint", version, about = "Lint prose for machine-translation and scraping damage")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Lint files, directories, stdin (`-`) or JSONL records.
    Check(CheckArgs),
    /// List every lint: name, family, default severity, status, summary.
    Lints(LintsArgs),
    /// Print a lint's full documentation.
    Explain { name: String },
    /// Write a commented default `artlint.toml` in the current directory.
    Init {
        /// Overwrite an existing artlint.toml.
        #[arg(long)]
        force: bool,
    },
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum ColorChoice {
    Auto,
    Always,
    Never,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum InputFormat {
    /// Files by extension: Markdown (.md, .markdown) or plain text.
    Text,
    /// `{"id": ..., "text": ...}` records, one per line.
    Jsonl,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum FailOn {
    Error,
    Warning,
    Info,
}

#[derive(Args)]
struct CheckArgs {
    /// Files or directories (default: the current directory); `-` reads stdin.
    paths: Vec<String>,
    #[arg(long, value_enum, default_value_t = Format::Human)]
    format: Format,
    /// Lints or families to enable (comma-separated; replaces the config's).
    #[arg(long, value_delimiter = ',')]
    select: Option<Vec<String>>,
    /// Lints or families to disable (comma-separated; adds to the config's).
    #[arg(long, value_delimiter = ',')]
    ignore: Vec<String>,
    /// Exit with 1 when a finding at or above this severity remains.
    #[arg(long, value_enum)]
    fail_on: Option<FailOn>,
    /// Use this config file for every input.
    #[arg(long)]
    config: Option<PathBuf>,
    /// Ignore config files; use the defaults.
    #[arg(long, conflicts_with = "config")]
    no_config: bool,
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto)]
    color: ColorChoice,
    /// Worker threads (default: one per core).
    #[arg(long, short = 'j')]
    jobs: Option<usize>,
    /// Print findings per lint, words linted and findings per 1,000 words
    /// instead of the findings.
    #[arg(long)]
    statistics: bool,
    /// Print only findings (no summary line).
    #[arg(long, short = 'q')]
    quiet: bool,
    #[arg(long, value_enum, default_value_t = InputFormat::Text)]
    input_format: InputFormat,
    /// Name (and so type) of the text read from stdin.
    #[arg(long)]
    stdin_filename: Option<String>,
    /// Apply safe fixes in place.
    #[arg(long)]
    fix: bool,
    /// With --fix or --diff, apply unsafe fixes too.
    #[arg(long)]
    unsafe_fixes: bool,
    /// Print the fixes as a unified diff instead of writing them.
    #[arg(long)]
    diff: bool,
    /// Record today's findings in FILE and exit.
    #[arg(long, value_name = "FILE")]
    write_baseline: Option<PathBuf>,
    /// Hide the findings recorded in FILE.
    #[arg(long, value_name = "FILE")]
    baseline: Option<PathBuf>,
}

#[derive(Args)]
struct LintsArgs {
    /// Print JSON instead of a table.
    #[arg(long)]
    json: bool,
}

pub fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(c) => c,
        Err(e) => {
            let code = if e.use_stderr() { 2 } else { 0 };
            let _ = e.print();
            return ExitCode::from(code);
        }
    };
    let result = match cli.command {
        Command::Check(args) => check(args),
        Command::Lints(args) => lints(args),
        Command::Explain { name } => explain(&name),
        Command::Init { force } => init(force),
    };
    match result {
        Ok(code) => ExitCode::from(code),
        Err(msg) => {
            eprintln!("artlint: error: {msg}");
            ExitCode::from(2)
        }
    }
}

fn default_registry() -> Result<Registry, String> {
    let cwd = std::env::current_dir().unwrap_or_default();
    let cfg = match artlint::config::find_config(&cwd) {
        Some(p) => artlint::config::LoadedConfig::load(&p).map_err(|e| e.to_string())?,
        None => artlint::config::LoadedConfig {
            base: cwd,
            ..Default::default()
        },
    };
    Registry::build(&cfg, &CliPolicy::default()).map_err(|e| e.to_string())
}

fn lints(args: LintsArgs) -> Result<u8, String> {
    let reg = default_registry()?;
    let mut out = io::stdout().lock();
    if args.json {
        serde_json::to_writer_pretty(&mut out, &reg.rules).map_err(|e| e.to_string())?;
        let _ = writeln!(out);
        return Ok(0);
    }
    let _ = writeln!(
        out,
        "{:<22} {:<11} {:<8} {:<8} {:<7} SUMMARY",
        "NAME", "FAMILY", "SEVERITY", "STATUS", "FIX"
    );
    let mut rules = reg.rules.clone();
    rules.sort_by(|a, b| (&a.family, &a.name).cmp(&(&b.family, &b.name)));
    for r in rules {
        let fix = match r.fix {
            Some(Applicability::Safe) => "safe",
            Some(Applicability::Unsafe) => "unsafe",
            None => "-",
        };
        let _ = writeln!(
            out,
            "{:<22} {:<11} {:<8} {:<8} {:<7} {}",
            r.name,
            r.family,
            r.severity.as_str(),
            r.status.as_str(),
            fix,
            r.summary
        );
    }
    Ok(0)
}

fn explain(name: &str) -> Result<u8, String> {
    let reg = default_registry()?;
    let rule = reg
        .rules
        .iter()
        .find(|r| &*r.name == name)
        .ok_or_else(|| format!("unknown lint `{name}` (see `artlint lints`)"))?;
    let mut out = io::stdout().lock();
    let _ = writeln!(out, "# {}\n", rule.name);
    let _ = writeln!(
        out,
        "Family: {} · default severity: {} · status: {} · from: {}\n",
        rule.family,
        rule.severity.as_str(),
        rule.status.as_str(),
        rule.origin
    );
    let _ = writeln!(out, "{}", rule.docs.trim_end());
    Ok(0)
}

fn init(force: bool) -> Result<u8, String> {
    let path = Path::new("artlint.toml");
    if path.exists() && !force {
        return Err("artlint.toml already exists (use --force to overwrite)".to_string());
    }
    fix::write_atomic(path, DEFAULT_CONFIG).map_err(|e| format!("artlint.toml: {}", walk::io_reason(&e)))?;
    eprintln!("wrote artlint.toml");
    Ok(0)
}

fn read_stdin() -> Result<String, String> {
    let mut bytes = Vec::new();
    io::stdin()
        .read_to_end(&mut bytes)
        .map_err(|e| format!("<stdin>: {}", walk::io_reason(&e)))?;
    engine::decode(&bytes).map_err(|r| format!("<stdin>: {r}"))
}

/// Records of a JSONL batch; malformed records become errors.
fn jsonl_inputs(name: &str, text: &str, inputs: &mut Vec<Input>, errors: &mut Vec<String>) {
    let cwd = std::env::current_dir().unwrap_or_default();
    // `str::lines`, with a vectorised search for the newlines.
    let lines = artlint::source::lines_inclusive(text).map(|l| l.strip_suffix('\n').map_or(l, |l| l.strip_suffix('\r').unwrap_or(l)));
    for (i, line) in lines.enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let v: serde_json::Value = match serde_json::from_str(line) {
            Ok(v) => v,
            Err(e) => {
                errors.push(format!("{name}:{}: malformed JSONL record: {e}", i + 1));
                continue;
            }
        };
        let id = match v.get("id") {
            Some(serde_json::Value::String(s)) => s.clone(),
            Some(serde_json::Value::Number(n)) => n.to_string(),
            _ => {
                errors.push(format!("{name}:{}: record has no string or number \"id\"", i + 1));
                continue;
            }
        };
        let Some(text) = v.get("text").and_then(|t| t.as_str()) else {
            errors.push(format!("{name}:{}: record {id:?} has no string \"text\"", i + 1));
            continue;
        };
        let kind = if v.get("format").and_then(|f| f.as_str()) == Some("markdown") {
            FileKind::Markdown
        } else {
            FileKind::from_path(&id)
        };
        inputs.push(Input {
            path: id,
            text: text.to_string(),
            kind,
            anchor: cwd.clone(),
            file: None,
        });
    }
}

fn gather(args: &CheckArgs, configs: &mut Configs) -> (Vec<Input>, Vec<String>) {
    let mut inputs = Vec::new();
    let mut errors = Vec::new();
    let cwd = std::env::current_dir().unwrap_or_default();
    let paths: Vec<String> = if args.paths.is_empty() {
        vec![if args.input_format == InputFormat::Jsonl {
            "-".into()
        } else {
            ".".into()
        }]
    } else {
        args.paths.clone()
    };
    if args.input_format == InputFormat::Jsonl {
        for p in &paths {
            let (name, text) = if p == "-" {
                ("<stdin>".to_string(), read_stdin())
            } else {
                let text = std::fs::read(p)
                    .map_err(|e| format!("{p}: {}", walk::io_reason(&e)))
                    .and_then(|b| engine::decode(&b).map_err(|r| format!("{p}: {r}")));
                (p.clone(), text)
            };
            match text {
                Ok(t) => jsonl_inputs(&name, &t, &mut inputs, &mut errors),
                Err(e) => errors.push(e),
            }
        }
        return (inputs, errors);
    }
    let (stdin, files): (Vec<String>, Vec<String>) = paths.into_iter().partition(|p| p == "-");
    if !stdin.is_empty() {
        match read_stdin() {
            Ok(text) => {
                let name = args.stdin_filename.clone().unwrap_or_else(|| "<stdin>".to_string());
                let kind = FileKind::from_path(&name);
                let anchor = Path::new(&name).parent().map(|p| cwd.join(p)).unwrap_or_else(|| cwd.clone());
                inputs.push(Input {
                    path: name,
                    text,
                    kind,
                    anchor,
                    file: None,
                });
            }
            Err(e) => errors.push(e),
        }
    }
    let (candidates, walk_errors) = walk::walk(&files);
    errors.extend(walk_errors);
    // Filter by extension, include and exclude (per the file's config).
    let mut keep = Vec::new();
    for c in candidates {
        let anchor = c.path.parent().map(Path::to_path_buf).unwrap_or_default();
        let r = configs.for_anchor(&anchor);
        let (included, excluded) = match configs.get(r) {
            Ok(reg) => {
                let rel = reg.relative(&c.display);
                (
                    reg.include.as_ref().is_some_and(|g| g.is_match(&rel)),
                    reg.exclude.as_ref().is_some_and(|g| g.is_match(&rel) || g.is_match(&c.display)),
                )
            }
            Err(_) => (false, false),
        };
        if excluded || !(c.explicit || included || walk::has_default_extension(&c.path)) {
            continue;
        }
        keep.push(c);
    }
    let read: Vec<Result<Input, String>> = keep.par_iter().map(engine::read_input).collect();
    for r in read {
        match r {
            Ok(i) => inputs.push(i),
            Err(e) => errors.push(e),
        }
    }
    (inputs, errors)
}

fn check(args: CheckArgs) -> Result<u8, String> {
    if let Some(j) = args.jobs {
        rayon::ThreadPoolBuilder::new()
            .num_threads(j.max(1))
            .build_global()
            .map_err(|e| e.to_string())?;
    }
    if args.fix && args.input_format == InputFormat::Jsonl {
        return Err("--fix cannot rewrite JSONL records; use --format json to read the fixes".to_string());
    }
    let settings = Settings {
        config: args.config.clone(),
        no_config: args.no_config,
        cli: CliPolicy {
            select: args.select.clone(),
            ignore: args.ignore.clone(),
        },
        baseline: args.baseline.clone(),
        ignore_baseline: args.write_baseline.is_some(),
    };
    if let Some(c) = &args.config {
        if !c.is_file() {
            return Err(format!("{}: config file not found", c.display()));
        }
    }
    let mut configs = Configs::new(settings);
    let (inputs, errors) = gather(&args, &mut configs);

    if args.fix || args.diff {
        return fix_inputs(&args, inputs, &mut configs, errors);
    }

    let run = engine::check(inputs, &mut configs, errors);

    if let Some(path) = &args.write_baseline {
        let b = Baseline::from_findings(&run.baseline_items(engine::baseline_dir(path)));
        let text = serde_json::to_string_pretty(&b).map_err(|e| e.to_string())? + "\n";
        fix::write_atomic(path, &text).map_err(|e| format!("{}: {}", path.display(), walk::io_reason(&e)))?;
        for e in &run.errors {
            eprintln!("artlint: error: {e}");
        }
        eprintln!("wrote {} baseline entries to {}", b.entries.len(), path.display());
        return Ok(if run.errors.is_empty() { 0 } else { 2 });
    }

    report(&args, &run)
}

fn fail_threshold(args: &CheckArgs, run: &Run) -> Severity {
    match args.fail_on {
        Some(FailOn::Error) => Severity::Error,
        Some(FailOn::Warning) => Severity::Warning,
        Some(FailOn::Info) => Severity::Info,
        None => run.registries.iter().flatten().find_map(|r| r.fail_on).unwrap_or(Severity::Warning),
    }
}

fn use_color(choice: ColorChoice) -> bool {
    match choice {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none(),
    }
}

fn report(args: &CheckArgs, run: &Run) -> Result<u8, String> {
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    let human = matches!(args.format, Format::Human | Format::Concise);
    if args.statistics {
        statistics(run, human, &mut out);
    } else {
        render::render(args.format, run, &mut out, use_color(args.color)).map_err(|e| e.to_string())?;
    }
    let threshold = fail_threshold(args, run);
    let failing = run.findings.iter().filter(|f| f.severity >= threshold).count();
    if human && !args.quiet && !args.statistics {
        let count = |s: Severity| run.findings.iter().filter(|f| f.severity == s).count();
        let files = run.findings.iter().map(|f| f.file).collect::<std::collections::BTreeSet<_>>().len();
        if run.findings.is_empty() {
            let _ = writeln!(out, "No findings in {} file(s) ({} words).", run.docs.len(), run.words());
        } else {
            let _ = writeln!(
                out,
                "Found {} finding(s) ({} error, {} warning, {} info) in {} of {} file(s).",
                run.findings.len(),
                count(Severity::Error),
                count(Severity::Warning),
                count(Severity::Info),
                files,
                run.docs.len()
            );
        }
    }
    let _ = out.flush();
    drop(out);
    for e in &run.errors {
        eprintln!("artlint: error: {e}");
    }
    Ok(if !run.errors.is_empty() {
        2
    } else if failing > 0 {
        1
    } else {
        0
    })
}

fn statistics(run: &Run, human: bool, out: &mut dyn Write) {
    let mut per: BTreeMap<&str, (usize, Severity)> = BTreeMap::new();
    for f in &run.findings {
        let e = per.entry(&f.lint).or_insert((0, f.severity));
        e.0 += 1;
    }
    let words = run.words();
    let per_k = |n: usize| {
        if words == 0 {
            0.0
        } else {
            n as f64 * 1000.0 / words as f64
        }
    };
    if human {
        let mut rows: Vec<_> = per.iter().collect();
        rows.sort_by(|a, b| b.1 .0.cmp(&a.1 .0).then(a.0.cmp(b.0)));
        let _ = writeln!(out, "{:>6}  {:<24} {:<8} {:>8}", "COUNT", "LINT", "SEVERITY", "PER 1K");
        for (name, (n, sev)) in rows {
            let _ = writeln!(out, "{n:>6}  {name:<24} {:<8} {:>8.3}", sev.as_str(), per_k(*n));
        }
        let _ = writeln!(
            out,
            "{} finding(s) in {} file(s), {} words: {:.3} findings per 1,000 words",
            run.findings.len(),
            run.docs.len(),
            words,
            per_k(run.findings.len())
        );
    } else {
        let lints: serde_json::Map<String, serde_json::Value> = per
            .iter()
            .map(|(k, (n, s))| {
                (
                    k.to_string(),
                    serde_json::json!({"count": n, "severity": s.as_str(), "per_1000_words": per_k(*n)}),
                )
            })
            .collect();
        let v = serde_json::json!({"files": run.docs.len(), "words": words, "findings": run.findings.len(), "per_1000_words": per_k(run.findings.len()), "lints": lints});
        let _ = writeln!(out, "{}", serde_json::to_string_pretty(&v).unwrap_or_default());
    }
}

/// `--fix` / `--diff`: apply fixes, re-lint, repeat (at most 10 rounds); then
/// write atomically (or print the diff) and report what remains.
fn fix_inputs(args: &CheckArgs, inputs: Vec<Input>, configs: &mut Configs, mut errors: Vec<String>) -> Result<u8, String> {
    let mut changed_any = false;
    let mut finals: Vec<Input> = Vec::new();
    let mut diff_out = String::new();
    // stdin's text, fixed (or as read, if it could not be checked): printed
    // after the files are written, like a filter.
    let mut stdin_out: Option<String> = None;
    // Fixes applied, and files changed (written or diffed).
    let (mut fixed, mut fixed_files) = (0usize, 0usize);
    for input in inputs {
        let mut fixed_here = 0;
        let original = input.text.clone();
        let mut current = input.clone();
        let mut ok = true;
        for _round in 0..10 {
            let run = engine::check(vec![current.clone()], configs, Vec::new());
            if !run.errors.is_empty() {
                // The final check below reports the errors themselves, once.
                errors.push(format!("{}: not fixed: it could not be checked (file left unchanged)", input.path));
                ok = false;
                break;
            }
            let refs: Vec<_> = run.findings.iter().collect();
            let (edits, n) = fix::applicable_fixes(&refs, args.unsafe_fixes);
            if edits.is_empty() {
                break;
            }
            let next = fix::apply_edits(&current.text, edits);
            if next == current.text {
                break;
            }
            current.text = next;
            fixed_here += n;
        }
        if !ok {
            if input.file.is_none() && !args.diff {
                stdin_out = Some(original);
            }
            finals.push(input);
            continue;
        }
        if input.file.is_none() && !args.diff {
            stdin_out = Some(current.text.clone());
            finals.push(current);
            continue;
        }
        if current.text != original {
            changed_any = true;
            fixed += fixed_here;
            fixed_files += 1;
            if args.diff {
                diff_out.push_str(&fix::unified_diff(&input.path, &original, &current.text));
            } else if let Some(path) = &input.file {
                if let Err(e) = fix::write_atomic(path, &current.text) {
                    errors.push(format!("{}: cannot write fixes: {}", input.path, walk::io_reason(&e)));
                    finals.push(input);
                    continue;
                }
            }
        }
        finals.push(if args.diff { input } else { current });
    }
    if args.diff {
        print!("{diff_out}");
        for e in &errors {
            eprintln!("artlint: error: {e}");
        }
        return Ok(if !errors.is_empty() { 2 } else { u8::from(changed_any) });
    }
    let run = engine::check(finals, configs, errors);
    if let Some(text) = stdin_out {
        // stdout carries the text; the errors go to stderr and the exit code
        // tells whether findings remain.
        print!("{text}");
        for e in &run.errors {
            eprintln!("artlint: error: {e}");
        }
        let threshold = fail_threshold(args, &run);
        let failing = run.findings.iter().any(|f| f.severity >= threshold);
        return Ok(if !run.errors.is_empty() { 2 } else { u8::from(failing) });
    }
    let code = report(args, &run)?;
    if matches!(args.format, Format::Human | Format::Concise) && !args.quiet && !args.statistics && fixed > 0 {
        println!("Fixed {fixed} finding(s) in {fixed_files} file(s).");
    }
    Ok(code)
}
