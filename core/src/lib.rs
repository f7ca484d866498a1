//! Crosscheck's core: turns the bytes of news articles into structured
//! [`Article`]s and packs them into a [`Bundle`], the data file the browser
//! app loads.
//!
//! Data flows one way: `bytes → decode → parse → extract → Article → bundle`.
//! The crate does no I/O and has no browser dependency, so the same code
//! runs in the command line tool, at build time and inside WebAssembly.
//!
//! - [`text`]: the bottom layer: the word tokenizer, the search analyzer and
//!   the extractors' words built on it, character classes, quotation pairs
//!   and every word list (the lexicon).
//! - [`decode`](mod@decode): bytes to text (UTF-8, BOM, Windows-1252, line ends).
//! - [`parse`]: text to the layout of an [`Article`] (front matter, title,
//!   dateline, headings, paragraphs, sentences, sources, byline, debris).
//! - [`extract`]: entities, quotes and quantities, consistent across a corpus.
//! - [`pipeline`]: runs decode, parse and extract over one file or a corpus
//!   ([`parse_article`], [`parse_corpus`]).
//! - [`compare`](mod@compare): articles against each other — sentence alignment, shared
//!   words, entities, quotes, disagreements on numbers, similarity, the
//!   corpus similarity graph and its stories, unique coverage,
//!   query-focused passages.
//! - [`search`]: the search index (built at build time) and the query engine.
//! - [`bundle`]: the top layer: [`Bundle::build`] runs the whole pipeline for
//!   a corpus (parse, index, compare) into the compact serialized form the
//!   app loads, and answers by article id.
//! - `config` (feature `config`, native only): a corpus's `crosscheck.toml`
//!   (ranking weights), read at build time.
//! - [`id`]: stable, URL-safe article ids; [`files`]: which files of a
//!   folder are articles.
//! - [`export`]: the export file of imported articles (ids, names,
//!   original bytes), read as untrusted input.
//! - [`eval`]: ranking measures (nDCG@10, P@10, MAP, R@100) against
//!   relevance judgments.

pub mod article;
pub mod bundle;
pub mod compare;
#[cfg(feature = "config")]
pub mod config;
pub mod decode;
pub mod eval;
pub mod export;
pub mod extract;
pub mod files;
pub mod id;
pub mod import;
pub mod parse;
pub mod pipeline;
pub mod search;
pub mod text;

pub use article::{
    Article, Block, BlockKind, Entity, EntityKind, Metadata, Qualifier, Quantity, QuantityKind,
    QuantityUnit, Quote, RawText, Sentence, Span,
};
pub use bundle::{Bundle, BundleDecoder, BundleError, DecodeProgress, UnknownArticle};
pub use compare::{compare, Comparison, CorpusComparison, TermStats};
pub use decode::{decode, DecodeError};
pub use parse::ParseError;
pub use pipeline::{parse_article, parse_corpus, parse_corpus_with_ids};
pub use search::{SearchHit, SearchIndex, SearchOptions, SearchResults};
