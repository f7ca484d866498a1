//! Crosscheck's core: turns the bytes of news articles into structured
//! [`Article`]s and packs them into a [`Bundle`] that the browser app embeds.
//!
//! Data flows one way: `bytes → decode → parse → Article → bundle`. The crate
//! does no I/O and has no browser dependency, so the same code runs in the
//! command line tools, at build time and inside WebAssembly.

pub mod article;
pub mod bundle;
pub mod decode;
pub mod id;
pub mod parse;

pub use article::Article;
pub use bundle::{Bundle, BundleError};
pub use decode::{decode, DecodeError};
pub use parse::{parse_article, ParseError};
