//! Snippets and highlights: the passage of an article that best shows why it
//! matched, with the matched words marked exactly.
//!
//! Choosing a passage and marking it are done apart, because they cost very
//! differently:
//! - passages are *chosen* from the postings alone: the positions of the
//!   query's terms in the headings and body of the page's hits, placed in
//!   blocks by the block starts the index keeps
//!   ([`super::index::DocEntry::block_starts`]). No text is read;
//! - only the chosen blocks are *marked*, by analysing them again with the
//!   index's analyzer, so a word is highlighted exactly when the index
//!   matched it — typo and prefix matches included, stop words the query
//!   ignored excluded. Phrases are marked as one range from their first to
//!   their last word.
//!
//! Both see the same matches at the same word positions, because the index
//! was built by the same analyzer over the same blocks; the tests check
//! that choosing from postings picks exactly what analysing every block
//! would.
//!
//! A passage stays inside one block (heading or paragraph), so the app can
//! open the article at that block. Among the windows of about
//! [`super::SearchOptions::snippet_words`] words, the one with the most
//! different query clauses wins, then the one with the most matches.
//!
//! - `spot`: the query's matches on a page of hits, from the postings;
//! - `window`: choosing the best window of each block, and the best blocks;
//! - `mark`: analysing the shown text again to mark matches exactly;
//! - `passage`: from a chosen window to the [`Snippet`] shown.

use std::collections::hash_map::Entry;

use rustc_hash::FxHashMap as HashMap;
use serde::Serialize;

use super::plan::{Matcher, Plan, Role};
use crate::article::Span;

mod mark;
mod passage;
mod spot;
#[cfg(test)]
mod tests;
mod window;

pub(crate) use passage::snippets;

/// The longest passage, in words, whatever
/// [`super::SearchOptions::snippet_words`] asks: passages stay short, and
/// so does the work of marking them.
pub const MAX_SNIPPET_WORDS: usize = 1_000;

/// A passage of an article with the matched words marked.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Snippet {
    /// The passage, exactly as in the article body.
    pub text: String,
    /// Matched words as `(start, end)` *char* offsets into `text`.
    pub highlights: Vec<(u32, u32)>,
    /// Index of the block (heading or paragraph) in
    /// [`Article::blocks`](crate::article::Article::blocks).
    pub block: u32,
    /// Where `text` is in [`Article::body`](crate::article::Article::body)
    /// (bytes).
    pub span: Span,
    /// The highlights as byte spans of
    /// [`Article::body`](crate::article::Article::body).
    pub body_highlights: Vec<Span>,
    /// The passage starts or ends inside its block (show an ellipsis).
    pub truncated_start: bool,
    pub truncated_end: bool,
}

/// A matched word or phrase by word positions, and the query group it
/// answers. `first..=last` are the positions the index gives it: a phrase
/// covers one per term, a word (even a hyphenated whole, which stands at
/// its first part's position) just one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Spot {
    pub(super) first: u32,
    pub(super) last: u32,
    pub(super) group: usize,
}

/// What to mark: the vocabulary terms and phrases the query matched.
#[derive(Debug, Default)]
pub(crate) struct Highlighter {
    /// Term → the first group that matched it.
    pub(super) terms: HashMap<String, usize>,
    /// The same terms as record offsets in the index, for their positions.
    pub(super) records: Vec<(u64, usize)>,
    pub(super) phrases: Vec<(Vec<String>, usize)>,
}

impl Highlighter {
    /// The terms and phrases of the plan's groups that are not exclusions.
    pub fn new(plan: &Plan) -> Highlighter {
        let mut h = Highlighter::default();
        for (gi, g) in plan.groups.iter().enumerate() {
            if g.role == Role::Exclude {
                continue;
            }
            for m in &g.matchers {
                match m {
                    Matcher::Word { expansions, .. } => {
                        for e in expansions {
                            if let Entry::Vacant(v) = h.terms.entry(e.term.clone()) {
                                v.insert(gi);
                                h.records.push((e.offset, gi));
                            }
                        }
                    }
                    Matcher::Phrase { terms } => h.phrases.push((terms.clone(), gi)),
                }
            }
        }
        h
    }
}
