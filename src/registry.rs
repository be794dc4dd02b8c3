//! Config + built-in lints + packs -> the enabled lints, with severities,
//! per file.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use globset::{Glob, GlobSet, GlobSetBuilder};

use crate::config::{ConfigError, LoadedConfig, Spelling};
use crate::document::{parse_lang, Lang};
use crate::finding::Severity;
use crate::lint::{BuildCx, Lint, RuleInfo};
use crate::lints::BUILTIN;
use crate::pack::{self, PackSet};

/// Selection given on the command line; overrides the config's.
#[derive(Clone, Debug, Default)]
pub struct CliPolicy {
    pub select: Option<Vec<String>>,
    pub ignore: Vec<String>,
}

pub struct Runner {
    pub lint: Box<dyn Lint>,
    /// Rule ids (indices into `Registry::rules`) in the runner's own order.
    pub rule_ids: Vec<usize>,
    pub names: Vec<Arc<str>>,
    pub english_only: bool,
    pub corpus: bool,
}

/// Per-rule enablement and severity for one file.
#[derive(Clone, Debug)]
pub struct FilePolicy {
    pub enabled: Vec<bool>,
    pub severity: Vec<Severity>,
}

struct OverrideRule {
    globs: GlobSet,
    /// Rule id -> Some(severity) to enable, None to disable.
    changes: Vec<(usize, Option<Severity>)>,
}

pub struct Registry {
    pub rules: Vec<RuleInfo>,
    pub runners: Vec<Runner>,
    base: FilePolicy,
    overrides: Vec<OverrideRule>,
    pub config: LoadedConfig,
    pub fail_on: Option<Severity>,
    pub lang: Option<Lang>,
    pub baseline: Option<PathBuf>,
    pub include: Option<GlobSet>,
    pub exclude: Option<GlobSet>,
    by_name: HashMap<Arc<str>, usize>,
}

impl Registry {
    pub fn build(cfg: &LoadedConfig, cli: &CliPolicy) -> Result<Registry, ConfigError> {
        let c = &cfg.config;
        let lints_line = |name: &str| c.lints.get(name).map(|t| t.span().start);
        let mut rules: Vec<RuleInfo> = Vec::new();
        let mut runners: Vec<Runner> = Vec::new();

        // Per-lint tables: split `severity` from the lint's options.
        let mut severities: HashMap<String, Option<Severity>> = HashMap::new();
        let mut options: HashMap<String, toml::Table> = HashMap::new();
        for (name, table) in &c.lints {
            let mut t = table.get_ref().clone();
            if let Some(v) = t.remove("severity") {
                let s = v.as_str().unwrap_or("");
                let sev = if s == "off" {
                    None
                } else {
                    Some(Severity::parse(s).ok_or_else(|| {
                        cfg.error(
                            Some(table.span().start),
                            format!("lints.{name}.severity: expected error, warning, info or off, found {v}"),
                        )
                    })?)
                };
                severities.insert(name.clone(), sev);
            }
            options.insert(name.clone(), t);
        }

        // Packs: built-in, then the config's.
        let mut pack_rules = Vec::new();
        let mut lexicons = Vec::new();
        for (path, text) in pack::BUILTIN_PACKS {
            let p = pack::parse_pack(path, text).map_err(|e| cfg.error(None, format!("built-in pack {e}")))?;
            lexicons.extend(pack::lexicons(&p));
            for r in p.file.rules.into_iter().filter(|r| r.kind != pack::Kind::Lexicon) {
                pack_rules.push((p.file.pack.family.clone(), path.to_string(), r));
            }
        }
        for entry in &c.packs {
            let path = cfg.base.join(entry);
            let loaded = pack::load_user_packs(&path)
                .map_err(|e| cfg.error(cfg.line_of_key("packs").map(|l| byte_of_line(&cfg.text, l)), format!("pack {e}")))?;
            for p in loaded {
                lexicons.extend(pack::lexicons(&p));
                for r in p.file.rules.into_iter().filter(|r| r.kind != pack::Kind::Lexicon) {
                    pack_rules.push((p.file.pack.family.clone(), p.path.clone(), r));
                }
            }
        }
        let empty = toml::Table::new();
        for b in BUILTIN {
            let opts = options.get(b.meta.name).unwrap_or(&empty);
            let bcx = BuildCx {
                options: opts,
                spelling: c.spelling,
                lexicons: &lexicons,
            };
            let lint = (b.build)(&bcx).map_err(|e| cfg.error(lints_line(b.meta.name), format!("lints.{}: {e}", b.meta.name)))?;
            add_runner(&mut rules, &mut runners, lint);
        }

        if !pack_rules.is_empty() {
            for (_, origin, r) in &pack_rules {
                if rules.iter().any(|x| *x.name == r.name) || pack_rules.iter().filter(|(_, _, x)| x.name == r.name).count() > 1 {
                    return Err(cfg.error(None, format!("pack rule `{}` in {origin} has the name of another lint", r.name)));
                }
            }
            let set = PackSet::compile(&pack_rules, c.spelling).map_err(|e| cfg.error(None, format!("packs: {e}")))?;
            add_runner(&mut rules, &mut runners, Box::new(set));
        }

        let by_name: HashMap<Arc<str>, usize> = rules.iter().enumerate().map(|(i, r)| (r.name.clone(), i)).collect();
        for (name, sev) in &severities {
            if !by_name.contains_key(name.as_str()) {
                return Err(cfg.error(lints_line(name), format!("unknown lint `{name}` in [lints.{name}]")));
            }
            let _ = sev;
        }
        for (name, opts) in &options {
            if let Some(&i) = by_name.get(name.as_str()) {
                if rules[i].origin != "built-in" && !opts.is_empty() {
                    let key = opts.keys().next().map(String::as_str).unwrap_or("");
                    return Err(cfg.error(
                        lints_line(name),
                        format!("lints.{name}: unknown option `{key}` (pack rules only take `severity`)"),
                    ));
                }
            } else {
                return Err(cfg.error(lints_line(name), format!("unknown lint `{name}` in [lints.{name}]")));
            }
        }

        let resolve = |sel: &str, key: &str| -> Result<Vec<usize>, ConfigError> {
            let ids: Vec<usize> = if sel == "all" || sel == "ALL" {
                (0..rules.len()).collect()
            } else {
                rules
                    .iter()
                    .enumerate()
                    .filter(|(_, r)| &*r.name == sel || r.family == sel)
                    .map(|(i, _)| i)
                    .collect()
            };
            if ids.is_empty() {
                return Err(cfg.error(
                    cfg.line_of_key(key).map(|l| byte_of_line(&cfg.text, l)),
                    format!("{key}: unknown lint or family `{sel}`"),
                ));
            }
            Ok(ids)
        };

        let mut enabled = vec![false; rules.len()];
        let select = cli.select.clone().or_else(|| c.select.clone());
        match &select {
            Some(list) => {
                for s in list {
                    for i in resolve(s, "select")? {
                        enabled[i] = true;
                    }
                }
            }
            None => enabled.iter_mut().for_each(|e| *e = true),
        }
        for s in c.ignore.iter().chain(cli.ignore.iter()) {
            for i in resolve(s, "ignore")? {
                enabled[i] = false;
            }
        }
        let mut severity: Vec<Severity> = rules.iter().map(|r| r.severity).collect();
        for (name, sev) in &severities {
            let i = by_name[name.as_str()];
            match sev {
                Some(s) => severity[i] = *s,
                None => enabled[i] = false,
            }
        }

        let mut overrides = Vec::new();
        for o in &c.overrides {
            let globs = build_globs(&o.paths).map_err(|e| {
                cfg.error(
                    cfg.line_of_key("paths").map(|l| byte_of_line(&cfg.text, l)),
                    format!("overrides.paths: {e}"),
                )
            })?;
            let mut changes = Vec::new();
            if let Some(sel) = &o.select {
                for s in sel {
                    for i in resolve(s, "select")? {
                        changes.push((i, Some(severity[i])));
                    }
                }
            }
            for s in &o.ignore {
                for i in resolve(s, "ignore")? {
                    changes.push((i, None));
                }
            }
            for (name, s) in &o.severity {
                let i = *by_name.get(name.as_str()).ok_or_else(|| {
                    cfg.error(
                        cfg.line_of_key("severity").map(|l| byte_of_line(&cfg.text, l)),
                        format!("overrides.severity: unknown lint `{name}`"),
                    )
                })?;
                let sev = if s == "off" {
                    None
                } else {
                    Some(Severity::parse(s).ok_or_else(|| {
                        cfg.error(
                            None,
                            format!("overrides.severity.{name}: expected error, warning, info or off, found \"{s}\""),
                        )
                    })?)
                };
                changes.push((i, sev));
            }
            overrides.push(OverrideRule { globs, changes });
        }

        let lang = match &c.language {
            Some(l) => Some(parse_lang(l).ok_or_else(|| {
                cfg.error(
                    cfg.line_of_key("language").map(|l| byte_of_line(&cfg.text, l)),
                    format!("language: unknown language `{l}`"),
                )
            })?),
            None => None,
        };
        let include = if c.include.is_empty() {
            None
        } else {
            Some(build_globs(&c.include).map_err(|e| cfg.error(None, format!("include: {e}")))?)
        };
        let exclude = if c.exclude.is_empty() {
            None
        } else {
            Some(build_globs(&c.exclude).map_err(|e| cfg.error(None, format!("exclude: {e}")))?)
        };

        Ok(Registry {
            rules,
            runners,
            base: FilePolicy { enabled, severity },
            overrides,
            fail_on: c.fail_on,
            lang,
            baseline: c.baseline.as_ref().map(|b| cfg.base.join(b)),
            include,
            exclude,
            config: cfg.clone(),
            by_name,
        })
    }

    /// Enablement and severity for one path.
    pub fn policy_for(&self, path: &str) -> FilePolicy {
        if self.overrides.is_empty() {
            return self.base.clone();
        }
        let rel = self.relative(path);
        let mut p = self.base.clone();
        for o in &self.overrides {
            if o.globs.is_match(&rel) || o.globs.is_match(path) {
                for &(i, sev) in &o.changes {
                    match sev {
                        Some(s) => {
                            p.enabled[i] = true;
                            p.severity[i] = s;
                        }
                        None => p.enabled[i] = false,
                    }
                }
            }
        }
        p
    }

    /// A path relative to the config's directory, for glob matching.
    pub fn relative(&self, path: &str) -> PathBuf {
        let p = Path::new(path);
        let abs = if p.is_absolute() {
            p.to_path_buf()
        } else {
            std::env::current_dir().map(|d| d.join(p)).unwrap_or_else(|_| p.to_path_buf())
        };
        let base = if self.config.base.as_os_str().is_empty() {
            std::env::current_dir().unwrap_or_default()
        } else {
            self.config.base.clone()
        };
        let base = base.canonicalize().unwrap_or(base);
        let abs = abs.canonicalize().unwrap_or(abs);
        abs.strip_prefix(&base).map(Path::to_path_buf).unwrap_or_else(|_| p.to_path_buf())
    }

    pub fn rule_id(&self, name: &str) -> Option<usize> {
        self.by_name.get(name).copied()
    }

    pub fn spelling(&self) -> Spelling {
        self.config.config.spelling
    }
}

fn add_runner(rules: &mut Vec<RuleInfo>, runners: &mut Vec<Runner>, lint: Box<dyn Lint>) {
    let infos = lint.rules();
    let mut ids = Vec::new();
    let mut names = Vec::new();
    let english_only = infos.iter().all(|r| r.english_only);
    for r in infos {
        ids.push(rules.len());
        names.push(r.name.clone());
        rules.push(r);
    }
    let corpus = lint.has_corpus_phase();
    runners.push(Runner {
        lint,
        rule_ids: ids,
        names,
        english_only,
        corpus,
    });
}

fn build_globs(globs: &[String]) -> Result<GlobSet, String> {
    let mut b = GlobSetBuilder::new();
    for g in globs {
        b.add(Glob::new(g).map_err(|e| e.to_string())?);
        // "dir" also matches everything below it.
        if !g.contains('*') {
            b.add(Glob::new(&format!("{}/**", g.trim_end_matches('/'))).map_err(|e| e.to_string())?);
        }
    }
    b.build().map_err(|e| e.to_string())
}

fn byte_of_line(text: &str, line: usize) -> usize {
    text.split_inclusive('\n').take(line.saturating_sub(1)).map(str::len).sum()
}
