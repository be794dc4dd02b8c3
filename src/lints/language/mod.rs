//! Language artifacts: mixed spelling, foreign segments, mojibake.

pub mod foreign_segment;
pub mod mixed_spelling;
pub mod mojibake;
