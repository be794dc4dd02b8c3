//! The lint registry: names, families and documentation of every lint.

use std::collections::BTreeSet;

use artlint::config::LoadedConfig;
use artlint::lint::RuleInfo;
use artlint::lints::BUILTIN;
use artlint::registry::{CliPolicy, Registry};

fn is_kebab(s: &str) -> bool {
    !s.is_empty()
        && !s.starts_with('-')
        && !s.ends_with('-')
        && !s.contains("--")
        && s.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
}

#[test]
fn builtin_names_are_kebab_case_and_unique() {
    let mut seen = BTreeSet::new();
    for b in BUILTIN {
        assert!(is_kebab(b.meta.name), "`{}` is not kebab-case", b.meta.name);
        assert!(
            is_kebab(b.meta.family),
            "family `{}` of `{}` is not kebab-case",
            b.meta.family,
            b.meta.name
        );
        assert!(seen.insert(b.meta.name), "`{}` is registered twice", b.meta.name);
        assert!(b.meta.name != b.meta.family, "`{}` has its family's name", b.meta.name);
    }
}

#[test]
fn every_rule_of_the_default_registry_is_unique_and_distinct_from_families() {
    let reg = Registry::build(&LoadedConfig::default(), &CliPolicy::default()).expect("default registry builds");
    let names: Vec<&str> = reg.rules.iter().map(|r| &*r.name).collect();
    let unique: BTreeSet<&str> = names.iter().copied().collect();
    assert_eq!(unique.len(), names.len(), "duplicate rule names: {names:?}");
    let families: BTreeSet<&str> = reg.rules.iter().map(|r| r.family.as_str()).collect();
    for n in &names {
        assert!(is_kebab(n), "`{n}` is not kebab-case");
        assert!(
            !families.contains(n),
            "`{n}` is both a lint and a family: --select would be ambiguous"
        );
    }
    for b in BUILTIN {
        assert!(unique.contains(b.meta.name), "built-in `{}` missing from the registry", b.meta.name);
    }
}

#[test]
fn every_builtin_has_the_doc_sections_and_a_summary() {
    const SECTIONS: [&str; 4] = ["## What it does", "## Why is this bad?", "## Example", "## Known problems"];
    for b in BUILTIN {
        let docs = b.meta.docs;
        let headings: Vec<&str> = docs.lines().map(str::trim).filter(|l| l.starts_with("## ")).collect();
        let mut at = 0;
        for s in SECTIONS {
            match headings[at..].iter().position(|h| *h == s) {
                Some(i) => at += i + 1,
                None => panic!("`{}`: missing or out-of-order section `{s}`; headings: {headings:?}", b.meta.name),
            }
        }
        // Each section has text under it.
        for s in SECTIONS {
            let body: String = docs
                .lines()
                .map(str::trim)
                .skip_while(|l| *l != s)
                .skip(1)
                .take_while(|l| !l.starts_with("## "))
                .collect();
            assert!(!body.trim().is_empty(), "`{}`: section `{s}` is empty", b.meta.name);
        }
        let info = RuleInfo::from(b.meta);
        assert!(!info.summary.trim().is_empty(), "`{}`: empty summary", b.meta.name);
        assert!(
            info.summary.len() < 300,
            "`{}`: summary is not one sentence: {}",
            b.meta.name,
            info.summary
        );
        assert!(!info.summary.starts_with('#'), "`{}`: summary is a heading", b.meta.name);
    }
}

#[test]
fn pack_rules_have_summaries_too() {
    let reg = Registry::build(&LoadedConfig::default(), &CliPolicy::default()).expect("default registry builds");
    for r in reg.rules.iter().filter(|r| r.origin != "built-in") {
        assert!(!r.summary.trim().is_empty(), "pack rule `{}` has an empty summary", r.name);
        assert!(r.origin.starts_with("lints/"), "pack rule `{}` from {}", r.name, r.origin);
    }
}
