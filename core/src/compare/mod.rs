//! Reading articles against each other: `Article × Article → Comparison`.
//!
//! - [`compare`]: two articles side by side — the sentence [`Alignment`]
//!   (shared, related and unique sentences, the words both use), the
//!   entities in both or one, the quotes matched by words or speaker, the
//!   numbers they [`Disagreement`]s on, and an overall similarity.
//! - [`CorpusComparison`]: built once per corpus at build time and stored in
//!   the bundle — feature statistics, the similarity graph and each
//!   article's unique coverage.
//! - [`focus`](mod@focus): for a query, each article's best passage.
//! - [`fact`]: whether two sentences report the same fact, the one decision
//!   alignment makes, measurable on free sentence pairs
//!   ([`same_fact`](fact::same_fact)) and tuned by cross-validation.
//! - [`synopsis`](mod@synopsis): 2 to 12 articles fact by fact — clusters of
//!   aligned sentences, at most one per article, with their shared and
//!   specific words, disagreements and quotes.
//!
//! Text becomes terms in [`terms`] only; features are weighed in
//! [`profile`]. This module knows articles, not the bundle: the bundle
//! (one layer up) offers the same operations by article id with the stored
//! statistics.

pub mod align;
pub mod corpus;
pub mod diff;
pub mod disagree;
pub mod entities;
pub mod fact;
pub mod focus;
pub mod graph;
pub mod matrix;
pub mod profile;
pub mod quotes;
pub mod similarity;
pub mod synopsis;
pub mod terms;
mod vector;

use std::borrow::Cow;

pub use align::{Alignment, PairKind, Row, SentenceKind, SentencePair, Thresholds, THRESHOLDS};
pub use corpus::{CorpusComparison, UniqueCoverage};
pub use diff::WordDiff;
pub use disagree::{Disagreement, QuantityRef};
pub use entities::{EntityComparison, EntityCount};
pub use fact::{same_fact, SameFact};
pub use focus::{focus, FocusPassage, FocusView};
pub use graph::{SimilarityGraph, Story};
pub use matrix::SimilarityMatrix;
pub use profile::TermStats;
pub use quotes::{QuoteComparison, QuoteMatch, QuoteMatchKind, SpeakerQuotes};
pub use similarity::{SimilarityScores, SimilarityWeights, WEIGHTS};
pub use synopsis::{synopsis, Fact, FactSentence, Synopsis};

use crate::article::Article;
use profile::Profile;

/// Two articles read against each other.
#[derive(Debug, Clone, PartialEq)]
pub struct Comparison {
    /// Id of the left article.
    pub a: String,
    /// Id of the right article.
    pub b: String,
    pub similarity: SimilarityScores,
    pub alignment: Alignment,
    pub entities: EntityComparison,
    pub quotes: QuoteComparison,
    pub disagreements: Vec<Disagreement>,
}

/// Compares `a` with `b`, weighing words with `stats` (the corpus's, from
/// [`CorpusComparison::stats`]; or [`TermStats::from_articles`] over just
/// the two for articles outside any corpus).
pub fn compare(a: &Article, b: &Article, stats: &TermStats) -> Comparison {
    let (pa, pb) = Profile::pair(a, b, stats);
    let scores = align::sentence_scores(&pa, &pb, &mut Vec::new());
    let similarity = similarity::pair_scores(
        &WEIGHTS,
        (a, &pa),
        (b, &pb),
        (pa.terms.dot(&pb.terms), pa.entities.dot(&pb.entities)),
        || Cow::Borrowed(&scores),
    );
    let alignment = align::align(a, b, &pa, &pb, &scores, &THRESHOLDS);
    let disagreements = disagree::disagreements(a, b, &alignment);
    Comparison {
        a: a.id.clone(),
        b: b.id.clone(),
        similarity,
        entities: entities::compare_entities(a, b),
        quotes: quotes::compare_quotes(a, b),
        alignment,
        disagreements,
    }
}
