pub mod mojibake;
