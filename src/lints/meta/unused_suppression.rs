use crate::declare_lint;
use crate::lint::{Lint, RuleInfo};

declare_lint! {
    /// ## What it does
    ///
    /// Reports an `<!-- artlint-disable ... -->` comment, or a baseline entry,
    /// that no longer hides any finding.
    ///
    /// ## Why is this bad?
    ///
    /// A stale suppression hides nothing today but will silently hide a real
    /// problem introduced later at the same place.
    ///
    /// ## Example
    ///
    /// ```markdown
    /// <!-- artlint-disable-next-line repeated-word -->
    /// This line has no repeated word.
    /// ```
    ///
    /// ## Known problems
    ///
    /// A suppression that names a lint disabled by config is also reported
    /// when it hides nothing. The engine emits these findings after every
    /// other lint has run; the lint itself does nothing.
    pub static UNUSED_SUPPRESSION = {
        name: "unused-suppression",
        family: "meta",
        severity: Info,
        status: Stable,
        fix: None,
        english_only: false,
    };
}

/// Placeholder runner: the engine reports unused suppressions itself.
#[derive(Default)]
pub struct UnusedSuppression;

impl Lint for UnusedSuppression {
    fn rules(&self) -> Vec<RuleInfo> {
        vec![RuleInfo::from(&UNUSED_SUPPRESSION)]
    }
}
