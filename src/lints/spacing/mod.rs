pub mod glued_words;
pub mod space_before_hyphen;
