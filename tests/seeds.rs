//! The foundation lints on the five seed articles, as a snapshot, so that any
//! change in their findings shows up in review. Only the three foundation
//! lints are selected: later lints get their own seed checks.

use assert_cmd::Command;

#[test]
fn seeds_concise() {
    let out = Command::cargo_bin("artlint")
        .expect("binary builds")
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .args(["check", "--no-config", "--quiet", "--format", "concise"])
        .args(["--select", "repeated-word,glued-words,space-before-hyphen", "fixtures/seeds"])
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(1), "{}", String::from_utf8_lossy(&out.stderr));
    insta::assert_snapshot!(String::from_utf8(out.stdout).expect("UTF-8 output"));
}
