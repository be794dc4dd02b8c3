//! Built-in packs: every `lints/*.toml` is embedded (and nothing else), every
//! one parses, and every `[[rule.test]]` example passes.

use std::collections::BTreeSet;

use artlint::pack::{parse_pack, test_pack, BUILTIN_PACKS};

fn pack_files() -> BTreeSet<String> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("lints");
    std::fs::read_dir(&dir)
        .expect("lints/ exists")
        .filter_map(Result::ok)
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".toml"))
        .map(|n| format!("lints/{n}"))
        .collect()
}

#[test]
fn every_pack_file_is_builtin_and_vice_versa() {
    let listed: BTreeSet<String> = BUILTIN_PACKS.iter().map(|(p, _)| p.to_string()).collect();
    assert_eq!(listed.len(), BUILTIN_PACKS.len(), "a pack is listed twice in src/pack/builtin.rs");
    let files = pack_files();
    let missing: Vec<_> = files.difference(&listed).collect();
    let stale: Vec<_> = listed.difference(&files).collect();
    assert!(
        missing.is_empty(),
        "lints/*.toml not listed in src/pack/builtin.rs BUILTIN_PACKS: {missing:?}"
    );
    assert!(stale.is_empty(), "BUILTIN_PACKS entries without a file in lints/: {stale:?}");
}

#[test]
fn embedded_text_is_the_file_on_disk() {
    for (path, text) in BUILTIN_PACKS {
        let disk = std::fs::read_to_string(std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(path)).expect("pack file");
        assert_eq!(
            *text, disk,
            "{path}: embedded text differs from the file (path/include_str! mismatch?)"
        );
    }
}

#[test]
fn every_builtin_pack_parses_and_its_examples_pass() {
    let mut failures = Vec::new();
    let mut names = BTreeSet::new();
    for (path, text) in BUILTIN_PACKS {
        let pack = match parse_pack(path, text) {
            Ok(p) => p,
            Err(e) => {
                failures.push(format!("does not parse: {e}"));
                continue;
            }
        };
        assert!(!pack.file.pack.provenance.trim().is_empty(), "{path}: [pack] provenance is empty");
        for r in &pack.file.rules {
            assert!(!r.test.is_empty(), "{path}: rule `{}` has no [[rule.test]]", r.name);
            assert!(names.insert(r.name.clone()), "{path}: rule name `{}` used twice", r.name);
        }
        failures.extend(test_pack(&pack).into_iter().map(|f| format!("{path}: {f}")));
    }
    assert!(failures.is_empty(), "pack failures:\n{}", failures.join("\n"));
}
