//! Built-in Rust lints, one file per lint in family folders, registered in
//! the one explicit list below (alphabetical by name).

pub(crate) mod bytes;
pub mod language;
pub mod meta;
pub mod names;
pub mod pronouns;
pub mod repetition;
pub mod scrape;
pub mod spacing;
pub mod typography;

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
        meta: &typography::acronym_plural::ACRONYM_PLURAL,
        build: typography::acronym_plural::AcronymPlural::build,
    },
    Builtin {
        meta: &scrape::boilerplate::BOILERPLATE,
        build: scrape::boilerplate::Boilerplate::build,
    },
    Builtin {
        meta: &repetition::duplicate_line::DUPLICATE_LINE,
        build: crate::lint::no_options::<repetition::duplicate_line::DuplicateLine>,
    },
    Builtin {
        meta: &language::foreign_segment::FOREIGN_SEGMENT,
        build: crate::lint::no_options::<language::foreign_segment::ForeignSegment>,
    },
    Builtin {
        meta: &spacing::glued_words::GLUED_WORDS,
        build: crate::lint::with_options::<spacing::glued_words::GluedWords>,
    },
    Builtin {
        meta: &typography::lost_apostrophe::LOST_APOSTROPHE,
        build: typography::lost_apostrophe::LostApostrophe::build,
    },
    Builtin {
        meta: &names::mangled_name::MANGLED_NAME,
        build: names::mangled_name::MangledName::build,
    },
    Builtin {
        meta: &scrape::metadata_leak::METADATA_LEAK,
        build: scrape::metadata_leak::MetadataLeak::build,
    },
    Builtin {
        meta: &language::mixed_spelling::MIXED_SPELLING,
        build: language::mixed_spelling::MixedSpelling::build,
    },
    Builtin {
        meta: &language::mojibake::MOJIBAKE,
        build: crate::lint::no_options::<language::mojibake::Mojibake>,
    },
    Builtin {
        meta: &names::name_variant::NAME_VARIANT,
        build: names::name_variant::build,
    },
    Builtin {
        meta: &pronouns::org_pronoun::ORG_PRONOUN,
        build: pronouns::org_pronoun::OrgPronoun::build,
    },
    Builtin {
        meta: &pronouns::pronoun_drift::PRONOUN_DRIFT,
        build: pronouns::pronoun_drift::PronounDrift::build,
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
        meta: &typography::stray_capital::STRAY_CAPITAL,
        build: typography::stray_capital::StrayCapital::build,
    },
    Builtin {
        meta: &scrape::truncated_teaser::TRUNCATED_TEASER,
        build: crate::lint::no_options::<scrape::truncated_teaser::TruncatedTeaser>,
    },
    Builtin {
        meta: &typography::unbalanced_quotes::UNBALANCED_QUOTES,
        build: crate::lint::no_options::<typography::unbalanced_quotes::UnbalancedQuotes>,
    },
    Builtin {
        meta: &meta::unused_suppression::UNUSED_SUPPRESSION,
        build: crate::lint::no_options::<meta::unused_suppression::UnusedSuppression>,
    },
];
