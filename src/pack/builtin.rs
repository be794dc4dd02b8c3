//! Packs shipped in `lints/`, embedded in the binary. `tests/packs.rs` fails
//! if a file in `lints/` is missing from this list.

/// (file name, contents)
pub static BUILTIN_PACKS: &[(&str, &str)] = &[
    ("lints/boilerplate.toml", include_str!("../../lints/boilerplate.toml")),
    ("lints/typos.toml", include_str!("../../lints/typos.toml")),
];

#[cfg(test)]
mod tests {
    #[test]
    fn builtin_pack_examples_pass() {
        for (path, text) in super::BUILTIN_PACKS {
            let pack = super::super::parse_pack(path, text).unwrap_or_else(|e| panic!("{e}"));
            let failures = super::super::test_pack(&pack);
            assert!(failures.is_empty(), "{path}:\n{}", failures.join("\n"));
        }
    }
}
