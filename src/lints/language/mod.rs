pub mod foreign_segment;
pub mod mojibake;
