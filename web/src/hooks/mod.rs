//! Custom hooks: what views read from the app's context and the URL.

mod use_corpus;
mod use_search_query;

pub use use_corpus::use_corpus;
pub use use_search_query::{use_search_query, use_url_query, SearchQuery, Typed, TypedQuery};
