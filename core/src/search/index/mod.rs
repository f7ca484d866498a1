//! The inverted index: per-field postings with positions, a vocabulary as a
//! finite-state transducer, per-document field lengths, and the facet names
//! each document carries.
//!
//! It is never shipped: wherever a [`crate::Bundle`] is decoded (the browser
//! included), the index is built from its articles as they are read. Its
//! varint posting lists barely compress (brotli takes the BBC collection's
//! 2.8 MB to 2.0 MB, more than its whole text), while building it costs a
//! fraction of a millisecond per article. Its form is canonical: the same
//! list of articles always gives the same index, whatever order of
//! [`SearchIndex::add`] and [`SearchIndex::remove`] led to it (documents are
//! numbered in the order they were added, and removal renumbers the ones
//! after). That is what makes "add then remove" provably the same as "never
//! added".
//!
//! - `fields`: the schema ([`Field`], [`FacetKind`], [`FacetName`]);
//! - `build`: indexing articles (all at once, or a step at a time with
//!   [`IndexBuild`]), and add and remove by rebuilding.
//!
//! Postings are read with [`super::cursor::PostingCursor`] over the lists
//! of a term's record (`TermRecord`).

use std::fmt;

use fst::Map;

use super::postings::record_df;

mod build;
mod fields;

pub use build::IndexBuild;

pub(crate) use fields::TermRecord;
pub use fields::{FacetKind, FacetName, Field, FACET_KIND_COUNT, FIELD_COUNT};

/// Positions left free after each block of a field, and after each name:
/// no phrase can match across two paragraphs or two names. Snippets count
/// on it to find where a block's words end.
pub(crate) const POSITION_GAP: u32 = 1;

/// What the index knows of one article besides its postings.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DocEntry {
    /// The article id.
    pub id: String,
    /// Words per field, for length normalisation.
    pub lengths: [u32; FIELD_COUNT],
    /// Indexes into the facet names, sorted.
    pub facets: Vec<u32>,
    /// Where each of the article's blocks starts in its field (headings in
    /// [`Field::Heading`], paragraphs in [`Field::Body`]): lets a snippet
    /// be chosen from the postings' positions alone, so a query analyses
    /// only the few blocks it shows.
    pub block_starts: Vec<u32>,
    /// For each of the article's sentences, the position of its first word
    /// counted from its block's first: lets a snippet's words be found by
    /// analysing its block from the sentence where the passage starts
    /// rather than from the block's start.
    pub sentence_starts: Vec<u32>,
}

/// The search index of a corpus. See the module documentation.
#[derive(Clone)]
pub struct SearchIndex {
    /// Term → byte offset of its record in `postings`.
    pub(crate) terms: Map<Vec<u8>>,
    pub(crate) postings: Vec<u8>,
    pub(crate) docs: Vec<DocEntry>,
    pub(crate) facet_names: Vec<FacetName>,
    /// Computed from `docs` when the index is written.
    pub(crate) derived: Derived,
}

/// What [`SearchIndex`] computes from its documents rather than stores.
#[derive(Clone, Default)]
pub(crate) struct Derived {
    /// Sum of each field's lengths over the documents.
    pub field_totals: [u64; FIELD_COUNT],
    /// Every document's facet ids, one after another, and where each
    /// document's run ends: counting facets over thousands of matches
    /// walks one array instead of one allocation per document.
    pub facet_ids: Vec<u32>,
    pub facet_ends: Vec<u32>,
}

impl Derived {
    fn of(docs: &[DocEntry]) -> Derived {
        let mut d = Derived::default();
        for doc in docs {
            for (t, l) in d.field_totals.iter_mut().zip(doc.lengths) {
                *t += l as u64;
            }
            d.facet_ids.extend_from_slice(&doc.facets);
            d.facet_ends.push(d.facet_ids.len() as u32);
        }
        d
    }
}

/// The empty index. Writing even an empty FST sets up the builder's table
/// of recent nodes (about 1 MB), so its few bytes are written once and
/// copied: the browser makes an empty index for every corpus it shows
/// before building the real one.
impl Default for SearchIndex {
    fn default() -> SearchIndex {
        static EMPTY_FST: std::sync::OnceLock<Vec<u8>> = std::sync::OnceLock::new();
        let bytes = EMPTY_FST.get_or_init(|| SearchIndex::build(&[]).terms.into_fst().into_inner());
        SearchIndex {
            // The bytes an empty builder wrote form a valid FST.
            terms: Map::new(bytes.clone()).expect("the empty FST"),
            postings: Vec::new(),
            docs: Vec::new(),
            facet_names: Vec::new(),
            derived: Derived::default(),
        }
    }
}

impl PartialEq for SearchIndex {
    fn eq(&self, other: &SearchIndex) -> bool {
        self.terms.as_fst().as_bytes() == other.terms.as_fst().as_bytes()
            && self.postings == other.postings
            && self.docs == other.docs
            && self.facet_names == other.facet_names
    }
}

impl fmt::Debug for SearchIndex {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("SearchIndex")
            .field("docs", &self.docs.len())
            .field("terms", &self.terms.len())
            .field("postings_bytes", &self.postings.len())
            .finish()
    }
}

impl SearchIndex {
    /// The facet ids of a document (empty when there is no such document).
    pub(crate) fn facets_of(&self, doc: u32) -> &[u32] {
        let d = &self.derived;
        let end = d.facet_ends.get(doc as usize).copied().unwrap_or(0);
        let start = match doc.checked_sub(1) {
            Some(prev) => d.facet_ends.get(prev as usize).copied().unwrap_or(end),
            None => 0,
        };
        d.facet_ids.get(start as usize..end as usize).unwrap_or(&[])
    }

    /// Number of documents.
    pub fn len(&self) -> usize {
        self.docs.len()
    }

    pub fn is_empty(&self) -> bool {
        self.docs.is_empty()
    }

    /// Number of distinct terms.
    pub fn term_count(&self) -> usize {
        self.terms.len()
    }

    /// The record of a term, when the vocabulary has it.
    pub(crate) fn record(&self, term: &str) -> Option<TermRecord<'_>> {
        self.terms.get(term).map(|offset| self.record_at(offset))
    }

    /// Documents containing the term whose record is at `offset`.
    pub(crate) fn df_at(&self, offset: u64) -> u32 {
        record_df(self.postings.get(offset as usize..).unwrap_or(&[]))
    }

    pub(crate) fn record_at(&self, offset: u64) -> TermRecord<'_> {
        TermRecord::parse(self.postings.get(offset as usize..).unwrap_or(&[]))
    }

    /// Average length of a field over the documents (at least 1).
    pub(crate) fn average_length(&self, field: Field) -> f32 {
        if self.docs.is_empty() {
            return 1.0;
        }
        (self.derived.field_totals[field as usize] as f32 / self.docs.len() as f32).max(1.0)
    }

    /// Bytes the index holds: its vocabulary and its posting lists.
    pub fn byte_size(&self) -> usize {
        self.terms.as_fst().as_bytes().len() + self.postings.len()
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use crate::article::Article;
    use crate::pipeline::parse_corpus;

    /// Articles parsed from texts (file names `000.txt`, `001.txt`, …),
    /// for the search modules' tests.
    pub(crate) fn articles(texts: &[&str]) -> Vec<Article> {
        let files: Vec<(String, Vec<u8>)> = texts
            .iter()
            .enumerate()
            .map(|(i, t)| (format!("{i:03}.txt"), t.as_bytes().to_vec()))
            .collect();
        parse_corpus(&files)
            .into_iter()
            .map(|r| r.unwrap())
            .collect()
    }
}
