//! Language artifacts: mixed British and American spelling.

pub mod mixed_spelling;
