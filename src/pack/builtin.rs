//! Packs shipped in `lints/`, embedded in the binary. `tests/packs.rs` fails
//! if a file in `lints/` is missing from this list, and runs every example.

/// (file name, contents)
pub static BUILTIN_PACKS: &[(&str, &str)] = &[
    ("lints/acronyms.toml", include_str!("../../lints/acronyms.toml")),
    ("lints/apostrophes.toml", include_str!("../../lints/apostrophes.toml")),
    ("lints/boilerplate.toml", include_str!("../../lints/boilerplate.toml")),
    ("lints/capitals.toml", include_str!("../../lints/capitals.toml")),
    ("lints/english-words.toml", include_str!("../../lints/english-words.toml")),
    ("lints/given-names.toml", include_str!("../../lints/given-names.toml")),
    ("lints/romanization.toml", include_str!("../../lints/romanization.toml")),
    ("lints/spacing.toml", include_str!("../../lints/spacing.toml")),
    ("lints/spelling-us-gb.toml", include_str!("../../lints/spelling-us-gb.toml")),
    ("lints/typos.toml", include_str!("../../lints/typos.toml")),
];
