//! The lints on the five seed articles, as snapshots, so that any change in
//! their findings shows up in review: the foundation lints alone, the whole
//! default set (concise), and the names lints rendered for humans (labels
//! that point into other files of the run).

use assert_cmd::Command;

fn run(args: &[&str]) -> String {
    let out = Command::cargo_bin("artlint")
        .expect("binary builds")
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .args(["check", "--no-config", "--quiet", "--color", "never"])
        .args(args)
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(1), "{}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).expect("UTF-8 output")
}

#[test]
fn seeds_concise() {
    insta::assert_snapshot!(run(&[
        "--format",
        "concise",
        "--select",
        "repeated-word,glued-words,space-before-hyphen",
        "fixtures/seeds"
    ]));
}

#[test]
fn seeds_all_lints_concise() {
    insta::assert_snapshot!(run(&["--format", "concise", "fixtures/seeds"]));
}

#[test]
fn seeds_names_human_with_labels_in_other_files() {
    let out = run(&["--format", "human", "--select", "names", "fixtures/seeds"]);
    assert!(out.contains("001_db297c4f50766a4c.txt"), "a label points into another file");
    insta::assert_snapshot!(out);
}
