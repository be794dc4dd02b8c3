//! Built-in Rust lints, one file per lint in family folders, registered in
//! the one explicit list below (alphabetical by name).

pub mod language;
pub mod meta;
pub mod repetition;
pub mod scrape;
pub mod spacing;

use crate::lint::{BuildCx, Lint, LintMeta};

/// A built-in lint: its metadata and its constructor (which reads the
/// `[lints.NAME]` options).
pub struct Builtin {
    pub meta: &'static LintMeta,
    pub build: fn(&BuildCx) -> Result<Box<dyn Lint>, String>,
}

/// Every built-in lint.
pub static BUILTIN: &[Builtin] = &[
    Builtin {
        meta: &language::foreign_segment::FOREIGN_SEGMENT,
        build: crate::lint::no_options::<language::foreign_segment::ForeignSegment>,
    },
    Builtin {
        meta: &spacing::glued_words::GLUED_WORDS,
        build: crate::lint::with_options::<spacing::glued_words::GluedWords>,
    },
    Builtin {
        meta: &scrape::boilerplate::BOILERPLATE,
        build: scrape::boilerplate::Boilerplate::build,
    },
    Builtin {
        meta: &scrape::metadata_leak::METADATA_LEAK,
        build: scrape::metadata_leak::MetadataLeak::build,
    },
    Builtin {
        meta: &repetition::duplicate_line::DUPLICATE_LINE,
        build: crate::lint::no_options::<repetition::duplicate_line::DuplicateLine>,
    },
    Builtin {
        meta: &language::mojibake::MOJIBAKE,
        build: crate::lint::no_options::<language::mojibake::Mojibake>,
    },
    Builtin {
        meta: &repetition::repeated_word::REPEATED_WORD,
        build: crate::lint::no_options::<repetition::repeated_word::RepeatedWord>,
    },
    Builtin {
        meta: &spacing::space_before_hyphen::SPACE_BEFORE_HYPHEN,
        build: crate::lint::no_options::<spacing::space_before_hyphen::SpaceBeforeHyphen>,
    },
    Builtin {
        meta: &scrape::truncated_teaser::TRUNCATED_TEASER,
        build: crate::lint::no_options::<scrape::truncated_teaser::TruncatedTeaser>,
    },
    Builtin {
        meta: &meta::unused_suppression::UNUSED_SUPPRESSION,
        build: crate::lint::no_options::<meta::unused_suppression::UnusedSuppression>,
    },
];
