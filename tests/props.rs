//! Property test: no input makes the engine panic, and every span it reports
//! (finding, label, fix edit) lies on char boundaries inside its text.

use std::sync::OnceLock;

use artlint::config::LoadedConfig;
use artlint::document::Document;
use artlint::finding::Finding;
use artlint::lint::Ctx;
use artlint::registry::{CliPolicy, Registry};
use artlint::source::{FileKind, SourceFile};
use proptest::prelude::*;

fn registry() -> &'static Registry {
    static REG: OnceLock<Registry> = OnceLock::new();
    REG.get_or_init(|| Registry::build(&LoadedConfig::default(), &CliPolicy::default()).expect("default registry builds"))
}

/// The lints' own findings, before the engine drops bad spans.
fn raw_findings(path: &str, text: &str) -> (Document, Vec<Finding>) {
    let reg = registry();
    let doc = Document::parse(0, SourceFile::new(path, text, FileKind::from_path(path)), None);
    let mut out = artlint::engine::lint_document(&doc, reg);
    for runner in reg.runners.iter().filter(|r| r.corpus) {
        let enabled = vec![true; runner.names.len()];
        let mut cx = Ctx::new(0, &runner.names, &enabled);
        runner.lint.check_corpus(&[&doc], &mut cx);
        out.extend(cx.into_findings());
    }
    (doc, out)
}

fn check_raw(path: &str, text: &str) -> Result<(), TestCaseError> {
    let (doc, findings) = raw_findings(path, text);
    let t = &doc.source.text;
    prop_assert_eq!(t.as_str(), text);
    prop_assert_eq!(doc.prose.len(), t.len(), "prose keeps byte offsets");
    let ok = |start: usize, end: usize| start <= end && end <= t.len() && t.is_char_boundary(start) && t.is_char_boundary(end);
    for f in &findings {
        prop_assert!(ok(f.span.start, f.span.end), "raw finding {} at {} in {:?}", f.lint, f.span, text);
        for l in &f.labels {
            prop_assert!(
                l.file == 0 && ok(l.span.start, l.span.end),
                "raw label of {} at {} in {:?}",
                f.lint,
                l.span,
                text
            );
        }
        for e in f.fix.iter().flat_map(|x| &x.edits) {
            prop_assert!(ok(e.span.start, e.span.end), "raw edit of {} at {} in {:?}", f.lint, e.span, text);
        }
    }
    for b in &doc.blocks {
        prop_assert!(ok(b.span.start, b.span.end), "block {} in {:?}", b.span, text);
    }
    for tok in &doc.tokens {
        prop_assert!(ok(tok.span.start, tok.span.end), "token {} in {:?}", tok.span, text);
    }
    for s in doc.sentences().iter() {
        prop_assert!(ok(s.span.start, s.span.end), "sentence {} in {:?}", s.span, text);
    }
    Ok(())
}

fn check_spans(path: &str, text: &str) -> Result<(), TestCaseError> {
    check_raw(path, text)?;
    let run = artlint::check_str(path, text);
    prop_assert!(run.errors.is_empty(), "errors: {:?}", run.errors);
    let ok = |file: usize, start: usize, end: usize| {
        run.docs.get(file).is_some_and(|d| {
            let t = &d.source.text;
            start <= end && end <= t.len() && t.is_char_boundary(start) && t.is_char_boundary(end)
        })
    };
    for f in &run.findings {
        prop_assert!(
            ok(f.file, f.span.start, f.span.end),
            "finding {} at {} in {:?}",
            f.lint,
            f.span,
            text
        );
        for l in &f.labels {
            prop_assert!(
                ok(l.file, l.span.start, l.span.end),
                "label of {} at {} in {:?}",
                f.lint,
                l.span,
                text
            );
        }
        if let Some(fix) = &f.fix {
            for e in &fix.edits {
                prop_assert!(
                    ok(f.file, e.span.start, e.span.end),
                    "edit of {} at {} in {:?}",
                    f.lint,
                    e.span,
                    text
                );
            }
        }
        prop_assert!(!f.lint.is_empty());
    }
    // Applying the fixes never panics either.
    let refs: Vec<_> = run.findings.iter().collect();
    let edits = artlint::fix::applicable_edits(&refs, true);
    let _ = artlint::fix::apply_edits(text, edits);
    Ok(())
}

/// Markdown-ish text: syntax characters, words, artefacts, unicode.
fn markdownish() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("`".to_string()),
        Just("```".to_string()),
        Just("*".to_string()),
        Just("_".to_string()),
        Just("[".to_string()),
        Just("]".to_string()),
        Just("(".to_string()),
        Just(")".to_string()),
        Just("<".to_string()),
        Just(">".to_string()),
        Just("#".to_string()),
        Just("-".to_string()),
        Just(" -".to_string()),
        Just("|".to_string()),
        Just("\"".to_string()),
        Just("'".to_string()),
        Just("“".to_string()),
        Just("”".to_string()),
        Just("’".to_string()),
        Just("\n".to_string()),
        Just("\n\n".to_string()),
        Just("    ".to_string()),
        Just("---\n".to_string()),
        Just("+++\n".to_string()),
        Just("<!-- artlint-disable -->".to_string()),
        Just("<!-- artlint-disable-next-line repeated-word -->".to_string()),
        Just("<!-- artlint-enable".to_string()),
        Just("https://example.com/a.B".to_string()),
        Just("![alt the the](x.png)".to_string()),
        Just(" the the ".to_string()),
        Just("ruleAnd".to_string()),
        Just("reported.Upon".to_string()),
        Just(" long -range ".to_string()),
        Just("U.S.".to_string()),
        Just("é".to_string()),
        Just("😀".to_string()),
        Just("\u{301}".to_string()),
        Just("ß".to_string()),
        Just("İ".to_string()),
        Just("\t".to_string()),
        Just("\r\n".to_string()),
        Just("\u{feff}".to_string()),
        "[a-zA-Z]{1,8}",
        " {1,3}",
        "[.,;:!?]",
        "\\PC{1,4}",
    ];
    prop::collection::vec(piece, 0..60).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_strings(text in "\\PC{0,200}|(?s).{0,200}") {
        check_spans("x.md", &text)?;
        check_spans("x.txt", &text)?;
    }

    #[test]
    fn markdownish_strings(text in markdownish()) {
        check_spans("x.md", &text)?;
        check_spans("x.txt", &text)?;
    }
}
