//! Snapshots of one fixture rendered in every output format. Regenerate with
//! `INSTA_UPDATE=always cargo test --test render` and review the diff.

use assert_cmd::Command;

/// Two files: warnings with fixes, an info finding without one.
const FIXTURE: &str = "fixtures/markdown-repo/docs";

fn render(format: &str) -> String {
    let out = Command::cargo_bin("artlint")
        .expect("binary builds")
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env_remove("NO_COLOR")
        .args([
            "check",
            "--no-config",
            "--color",
            "never",
            "--select",
            "repeated-word,glued-words,space-before-hyphen,unused-suppression",
        ])
        .args(["--format", format, FIXTURE])
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(1), "{}", String::from_utf8_lossy(&out.stderr));
    let text = String::from_utf8(out.stdout).expect("UTF-8 output");
    // The tool version changes with releases; keep it out of the snapshot.
    text.replace(
        &format!("\"version\": \"{}\"", env!("CARGO_PKG_VERSION")),
        "\"version\": \"[VERSION]\"",
    )
}

#[test]
fn human() {
    insta::assert_snapshot!(render("human"));
}

#[test]
fn concise() {
    insta::assert_snapshot!(render("concise"));
}

#[test]
fn json() {
    insta::assert_snapshot!(render("json"));
}

#[test]
fn jsonl() {
    insta::assert_snapshot!(render("jsonl"));
}

/// SARIF lists every rule of the registry, with full docs: keep only the
/// rules the results use (after checking every `ruleIndex`), and their docs
/// as a length, so that adding a lint or editing its docs does not churn
/// this snapshot.
#[test]
fn sarif() {
    let mut v: serde_json::Value = serde_json::from_str(&render("sarif")).expect("SARIF is JSON");
    let driver = &v["runs"][0]["tool"]["driver"];
    let rules = driver["rules"].as_array().expect("rules").clone();
    let results = v["runs"][0]["results"].as_array_mut().expect("results");
    let mut used = std::collections::BTreeSet::new();
    for r in results.iter_mut() {
        let i = r["ruleIndex"].as_u64().expect("ruleIndex") as usize;
        assert_eq!(rules[i]["id"], r["ruleId"], "ruleIndex points at the rule");
        used.insert(r["ruleId"].as_str().unwrap_or_default().to_string());
        r["ruleIndex"] = serde_json::json!("[checked]");
    }
    let mut kept: Vec<serde_json::Value> = rules
        .into_iter()
        .filter(|r| used.contains(r["id"].as_str().unwrap_or_default()))
        .collect();
    for r in &mut kept {
        let docs = r["fullDescription"]["text"].as_str().unwrap_or_default();
        assert!(docs.contains("## What it does"), "{docs}");
        r["fullDescription"]["text"] = serde_json::json!("[docs]");
    }
    v["runs"][0]["tool"]["driver"]["rules"] = serde_json::Value::Array(kept);
    insta::assert_snapshot!(serde_json::to_string_pretty(&v).expect("serializes"));
}

#[test]
fn github() {
    insta::assert_snapshot!(render("github"));
}
