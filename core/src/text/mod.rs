//! The bottom layer every other stage reads text through.
//!
//! - [`tokenizer`]: the one word tokenizer (UAX #29 words with byte
//!   offsets) and its [`Token`];
//! - [`analyzer`]: search terms, a chain of steps over the tokenizer's words
//!   (possessives, folding, hyphenated compounds), shared by search and
//!   comparison;
//! - [`reading`]: the extractors' words, the tokenizer's words regrouped
//!   (abbreviation dots, `AT&T`, possessives);
//! - [`chars`]: character classes (quotation marks, sentence terminals,
//!   hyphens); [`quotes`]: quotation marks paired into regions;
//! - [`lexicon`]: every word list.
//!
//! Nothing here knows about articles; `parse`, `extract`, `search` and
//! `compare` all sit on top of it.

pub mod analyzer;
pub mod chars;
pub mod lexicon;
pub mod quotes;
pub mod reading;
pub mod tokenizer;

pub use tokenizer::{tokenize, Token};
