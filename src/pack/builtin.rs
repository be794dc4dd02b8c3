//! Packs shipped in `lints/`, embedded in the binary. `tests/packs.rs` fails
//! if a file in `lints/` is missing from this list.

/// (file name, contents)
pub static BUILTIN_PACKS: &[(&str, &str)] = &[
    ("lints/boilerplate.toml", include_str!("../../lints/boilerplate.toml")),
    ("lints/typos.toml", include_str!("../../lints/typos.toml")),
];
