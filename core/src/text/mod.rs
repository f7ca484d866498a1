//! The bottom layer every other stage reads text through: what a word is,
//! which characters quote and end sentences, where quotations are, and the
//! lists of words Crosscheck knows.
//!
//! Nothing here knows about articles; `parse`, `extract`, `search` and
//! `compare` all sit on top of it.

pub mod analyzer;
pub mod chars;
pub mod lexicon;
pub mod quotes;
pub mod tokenizer;
pub mod words;

pub use tokenizer::{tokenize, Token};
pub use words::{gap, tokens};
