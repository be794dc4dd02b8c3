//! Names: mangled names and inconsistent spellings of one name. Both lints
//! read the document's name table (`Document::names()`).

pub mod mangled_name;
pub mod name_variant;
pub mod romanize;
