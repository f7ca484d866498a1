//! What a search is asked and what it answers: the types every stage of the
//! search shares (snippets honour [`SearchOptions`], results carry the
//! query's [`Notice`]s), kept apart from the search itself so that the stages
//! depend on them without depending on the module that runs them.

use serde::Serialize;

use super::facets::Facets;
use super::query::Notice;
use super::score::{Explanation, RankingWeights};
use super::snippet::Snippet;

/// How to run a search.
#[derive(Debug, Clone, PartialEq)]
pub struct SearchOptions {
    /// Hits to return (after `offset`).
    pub limit: usize,
    pub offset: usize,
    /// The user is still typing: a last word not followed by a space also
    /// matches as a prefix (from 2 characters).
    pub typing: bool,
    /// Passages per hit.
    pub snippets: usize,
    /// Words per passage (1 to [`super::snippet::MAX_SNIPPET_WORDS`]).
    pub snippet_words: usize,
    /// Names per facet kind.
    pub facet_limit: usize,
    /// Attach an [`Explanation`] of its score to each hit.
    pub explain: bool,
    /// Ranking parameters for this search; `None` uses the corpus's own
    /// (a [`crate::Bundle`] carries those from its `crosscheck.toml`; a bare
    /// index uses the defaults). Each is brought into its documented range
    /// when a search uses it ([`RankingWeights::clamped`]).
    pub weights: Option<RankingWeights>,
    /// Only articles a reader imported ([`crate::id::is_imported`]):
    /// the app's "Show built-in articles" turned off. Counts and facets
    /// are of those articles alone.
    pub imported_only: bool,
}

impl Default for SearchOptions {
    fn default() -> SearchOptions {
        SearchOptions {
            limit: 10,
            offset: 0,
            typing: false,
            snippets: 2,
            snippet_words: 30,
            facet_limit: 10,
            explain: false,
            weights: None,
            imported_only: false,
        }
    }
}

/// One matching article.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SearchHit {
    /// Index of the article in the corpus (and in the index).
    pub doc: u32,
    pub id: String,
    pub title: String,
    pub score: f32,
    /// Has every ranked word of the query.
    pub complete: bool,
    /// Occurrences of matched terms in title, headings and body.
    pub match_count: u32,
    /// Matched words in `title`, as char offsets.
    pub title_highlights: Vec<(u32, u32)>,
    /// Best passages, best first.
    pub snippets: Vec<Snippet>,
    pub explanation: Option<Explanation>,
}

/// The answer to a query.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SearchResults {
    pub query: String,
    /// Matching articles in all (hits holds one page of them).
    pub total: usize,
    pub hits: Vec<SearchHit>,
    pub facets: Facets,
    /// "Did you mean": the query with unknown words replaced by likely ones.
    pub suggestions: Vec<String>,
    pub notices: Vec<Notice>,
}
