pub mod duplicate_line;
pub mod repeated_word;
