//! Packs shipped in `lints/`, embedded in the binary. `tests/packs.rs` fails
//! if a file in `lints/` is missing from this list.

/// (file name, contents)
pub static BUILTIN_PACKS: &[(&str, &str)] = &[
    ("lints/romanization.toml", include_str!("../../lints/romanization.toml")),
    ("lints/typos.toml", include_str!("../../lints/typos.toml")),
];
