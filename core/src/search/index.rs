//! The inverted index: per-field postings with positions, a vocabulary as a
//! finite-state transducer, per-document field lengths, and the facet names
//! each document carries.
//!
//! It is built at build time and serialized into the [`crate::Bundle`]; the
//! browser only decodes it. The serialized form is canonical: the same set of
//! articles always gives the same bytes, whatever order of
//! [`SearchIndex::add`] and [`SearchIndex::remove`] led to it (documents are
//! numbered in the order they were added, and removal renumbers the ones
//! after). That is what makes "add then remove" provably the same as "never
//! added".

use std::collections::BTreeSet;

use rustc_hash::FxHashMap as HashMap;
use std::fmt;

use fst::{Map, MapBuilder, Streamer};
use serde::{Deserialize, Serialize};

use super::cursor::{DocCursor, PostingCursor};
use super::postings::{record_df, ListBuilder, Record};
use crate::article::{Article, BlockKind, EntityKind};

/// The searchable fields of an article.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Field {
    Title,
    Heading,
    Body,
    Person,
    Place,
    Organization,
    Source,
}

/// Number of [`Field`]s.
pub const FIELD_COUNT: usize = 7;

/// A term's record in the index: one posting list per [`Field`], in
/// [`Field::ALL`] order.
pub(crate) type TermRecord<'a> = Record<'a, FIELD_COUNT>;

impl Field {
    pub const ALL: [Field; FIELD_COUNT] = [
        Field::Title,
        Field::Heading,
        Field::Body,
        Field::Person,
        Field::Place,
        Field::Organization,
        Field::Source,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Field::Title => "title",
            Field::Heading => "heading",
            Field::Body => "body",
            Field::Person => "person",
            Field::Place => "place",
            Field::Organization => "organization",
            Field::Source => "source",
        }
    }

    /// The field a block of the article's text is indexed in.
    pub fn of_block(kind: BlockKind) -> Field {
        match kind {
            BlockKind::Heading => Field::Heading,
            BlockKind::Paragraph => Field::Body,
        }
    }

    /// The fields that hold the article's own text (what phrases and plain
    /// words look in, besides entity names).
    pub const TEXT: [Field; 3] = [Field::Title, Field::Heading, Field::Body];
}

/// What a facet counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum FacetKind {
    Person,
    Place,
    Organization,
    Source,
}

impl From<EntityKind> for FacetKind {
    fn from(k: EntityKind) -> FacetKind {
        match k {
            EntityKind::Person => FacetKind::Person,
            EntityKind::Place => FacetKind::Place,
            EntityKind::Organization => FacetKind::Organization,
        }
    }
}

/// A name a facet counts: an entity's canonical name or an outlet.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct FacetName {
    pub kind: FacetKind,
    pub name: String,
}

/// What the index knows of one article besides its postings.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
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
    /// Computed from `docs` on build and load, never serialized.
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

impl Default for SearchIndex {
    fn default() -> SearchIndex {
        SearchIndex::build(&[])
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

/// One term's lists while building, with its document frequency.
#[derive(Default)]
struct TermBuilder {
    lists: [ListBuilder; FIELD_COUNT],
    df: u32,
    last_doc: Option<u32>,
}

/// Accumulates postings document by document, then writes the index.
/// Terms are interned, so indexing allocates only for new vocabulary.
#[derive(Default)]
struct Builder {
    ids: HashMap<String, u32>,
    terms: Vec<TermBuilder>,
    docs: Vec<DocEntry>,
    /// Each document's facet names, resolved to ids when finishing.
    doc_facets: Vec<BTreeSet<FacetName>>,
}

/// The `(term id, position)` pairs of one document, per field, and the
/// next free position and word count of each field.
#[derive(Default)]
struct DocScratch {
    pairs: [Vec<(u32, u32)>; FIELD_COUNT],
    next: [u32; FIELD_COUNT],
    lengths: [u32; FIELD_COUNT],
}

impl Builder {
    fn intern(&mut self, term: &str) -> u32 {
        if let Some(&id) = self.ids.get(term) {
            return id;
        }
        let id = self.terms.len() as u32;
        self.ids.insert(term.to_string(), id);
        self.terms.push(TermBuilder::default());
        id
    }

    /// Analyzes a text into a field. Blocks and names are separated by a
    /// gap of one position, so a phrase never spans two paragraphs or names.
    fn add_text(&mut self, doc: &mut DocScratch, field: Field, text: &str) {
        self.add_block(doc, field, text, &[], &mut Vec::new());
    }

    /// [`Builder::add_text`] that also appends to `positions`, for each
    /// byte offset of `starts` (sorted), the position (counted from the
    /// text's first) of the first word at or after it.
    fn add_block(
        &mut self,
        doc: &mut DocScratch,
        field: Field,
        text: &str,
        starts: &[usize],
        positions: &mut Vec<u32>,
    ) {
        let f = field as usize;
        let first = doc.next[f];
        let mut pairs = std::mem::take(&mut doc.pairs[f]);
        let mut words = 0;
        let mut pending = starts.iter().peekable();
        let end = super::analyze::for_each_token(text, first, |t| {
            pairs.push((self.intern(t.term), t.position));
            if !t.compound {
                words += 1;
                while pending.next_if(|&&s| s <= t.start).is_some() {
                    positions.push(t.position - first);
                }
            }
        });
        positions.extend(pending.map(|_| end - first));
        doc.pairs[f] = pairs;
        doc.next[f] = end + 1;
        doc.lengths[f] += words;
    }

    fn add_article(&mut self, a: &Article) {
        let mut d = DocScratch::default();
        self.add_text(&mut d, Field::Title, &a.title);
        let mut block_starts = Vec::with_capacity(a.blocks.len());
        let mut sentence_starts = Vec::with_capacity(a.sentences.len());
        let mut starts = Vec::new();
        let mut sentences = a.sentences.iter().peekable();
        for (b, block) in a.blocks.iter().enumerate() {
            let field = Field::of_block(block.kind);
            block_starts.push(d.next[field as usize]);
            // The article's sentences come block by block, in order.
            starts.clear();
            while let Some(s) = sentences.next_if(|s| s.block as usize <= b) {
                starts.push(s.span.start.saturating_sub(block.span.start) as usize);
            }
            self.add_block(
                &mut d,
                field,
                a.text(block.span),
                &starts,
                &mut sentence_starts,
            );
        }
        sentence_starts.extend(sentences.map(|_| 0));
        let mut facets = BTreeSet::new();
        for e in &a.entities {
            let field = match e.kind {
                EntityKind::Person => Field::Person,
                EntityKind::Place => Field::Place,
                EntityKind::Organization => Field::Organization,
            };
            self.add_text(&mut d, field, &e.name);
            for alias in &e.aliases {
                self.add_text(&mut d, field, alias);
            }
            facets.insert(FacetName {
                kind: e.kind.into(),
                name: e.name.clone(),
            });
        }
        let mut sources: Vec<&str> = a.sources.iter().map(String::as_str).collect();
        sources.extend(a.metadata.source.as_deref());
        for s in sources {
            self.add_text(&mut d, Field::Source, s);
            facets.insert(FacetName {
                kind: FacetKind::Source,
                name: s.trim().to_string(),
            });
        }

        let doc = self.docs.len() as u32;
        let mut positions = Vec::new();
        for (f, pairs) in d.pairs.iter_mut().enumerate() {
            pairs.sort_unstable();
            pairs.dedup();
            for run in pairs.chunk_by(|a, b| a.0 == b.0) {
                positions.clear();
                positions.extend(run.iter().map(|p| p.1));
                let t = &mut self.terms[run[0].0 as usize];
                t.lists[f].push(doc, &positions);
                if t.last_doc != Some(doc) {
                    t.df += 1;
                    t.last_doc = Some(doc);
                }
            }
        }
        self.docs.push(DocEntry {
            id: a.id.clone(),
            lengths: d.lengths,
            facets: Vec::new(),
            block_starts,
            sentence_starts,
        });
        self.doc_facets.push(facets);
    }

    fn finish(mut self) -> SearchIndex {
        let names: BTreeSet<&FacetName> = self.doc_facets.iter().flatten().collect();
        let facet_names: Vec<FacetName> = names.into_iter().cloned().collect();
        for (doc, set) in self.docs.iter_mut().zip(&self.doc_facets) {
            doc.facets = set
                .iter()
                .filter_map(|n| facet_names.binary_search(n).ok().map(|i| i as u32))
                .collect();
        }
        let mut order: Vec<(String, u32)> = self.ids.into_iter().collect();
        order.sort_unstable();
        let mut postings = Vec::new();
        let mut fst = MapBuilder::memory();
        for (term, id) in &order {
            let t = &self.terms[*id as usize];
            if t.df == 0 {
                continue;
            }
            let offset = postings.len() as u64;
            Record::write(t.df, &t.lists, &mut postings);
            // Terms are sorted and unique, so insertion cannot fail.
            fst.insert(term, offset).expect("sorted unique terms");
        }
        let terms = Map::new(fst.into_inner().expect("in-memory fst")).expect("valid fst");
        let mut index = SearchIndex {
            terms,
            postings,
            docs: self.docs,
            facet_names,
            derived: Derived::default(),
        };
        index.derived = Derived::of(&index.docs);
        index
    }
}

impl SearchIndex {
    /// Indexes articles; document `i` is `articles[i]`.
    pub fn build(articles: &[Article]) -> SearchIndex {
        let mut b = Builder::default();
        for a in articles {
            b.add_article(a);
        }
        b.finish()
    }

    /// Adds an article as the last document, replacing one with the same id
    /// (which is removed first). Rewrites the index: meant for importing a
    /// few articles, not for building a corpus one by one.
    pub fn add(&mut self, article: &Article) {
        self.remove(&article.id);
        let mut b = self.rebuild(None);
        b.add_article(article);
        *self = b.finish();
    }

    /// Removes the article with this id; later documents move up by one.
    /// Returns false when there is none.
    pub fn remove(&mut self, id: &str) -> bool {
        let Some(doc) = self.docs.iter().position(|d| d.id == id) else {
            return false;
        };
        *self = self.rebuild(Some(doc as u32)).finish();
        true
    }

    /// A builder holding every document but `skip`.
    fn rebuild(&self, skip: Option<u32>) -> Builder {
        let mut b = Builder::default();
        let renumber = |doc: u32| match skip {
            Some(s) if doc == s => None,
            Some(s) if doc > s => Some(doc - 1),
            _ => Some(doc),
        };
        let mut stream = self.terms.stream();
        let mut positions = Vec::new();
        while let Some((term, offset)) = stream.next() {
            let record = self.record_at(offset);
            let mut t = TermBuilder {
                df: record.df,
                ..TermBuilder::default()
            };
            let mut dropped = false;
            for (f, list) in record.lists.iter().enumerate() {
                let mut cursor = PostingCursor::new(list);
                while let Some(doc) = cursor.advance() {
                    positions.clear();
                    cursor.positions(&mut positions);
                    match renumber(doc) {
                        Some(d) => {
                            t.lists[f].push(d, &positions);
                            t.last_doc = t.last_doc.max(Some(d));
                        }
                        None => dropped = true,
                    }
                }
            }
            t.df = t.df.saturating_sub(u32::from(dropped));
            if t.df > 0 {
                b.ids.insert(
                    String::from_utf8_lossy(term).into_owned(),
                    b.terms.len() as u32,
                );
                b.terms.push(t);
            }
        }
        for (i, d) in self.docs.iter().enumerate() {
            if renumber(i as u32).is_none() {
                continue;
            }
            b.docs.push(DocEntry {
                id: d.id.clone(),
                lengths: d.lengths,
                facets: Vec::new(),
                block_starts: d.block_starts.clone(),
                sentence_starts: d.sentence_starts.clone(),
            });
            b.doc_facets.push(
                d.facets
                    .iter()
                    .filter_map(|&n| self.facet_names.get(n as usize).cloned())
                    .collect(),
            );
        }
        b
    }

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

    /// Bytes of the serialized index.
    pub fn serialized_size(&self) -> usize {
        postcard::to_allocvec(self).map(|v| v.len()).unwrap_or(0)
    }
}

/// The serialized shape: the vocabulary's FST bytes, the postings bytes and
/// the per-document entries; [`Derived`] is recomputed on load.
#[derive(Serialize, Deserialize)]
struct Wire {
    #[serde(with = "serde_bytes")]
    terms: Vec<u8>,
    #[serde(with = "serde_bytes")]
    postings: Vec<u8>,
    docs: Vec<DocEntry>,
    facet_names: Vec<FacetName>,
}

impl Serialize for SearchIndex {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        #[derive(Serialize)]
        struct WireRef<'a> {
            #[serde(with = "serde_bytes")]
            terms: &'a [u8],
            #[serde(with = "serde_bytes")]
            postings: &'a [u8],
            docs: &'a [DocEntry],
            facet_names: &'a [FacetName],
        }
        WireRef {
            terms: self.terms.as_fst().as_bytes(),
            postings: &self.postings,
            docs: &self.docs,
            facet_names: &self.facet_names,
        }
        .serialize(s)
    }
}

impl<'de> Deserialize<'de> for SearchIndex {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<SearchIndex, D::Error> {
        let w = Wire::deserialize(d)?;
        let terms = Map::new(w.terms).map_err(serde::de::Error::custom)?;
        let bad_facet = w
            .docs
            .iter()
            .flat_map(|d| &d.facets)
            .any(|&f| f as usize >= w.facet_names.len());
        if bad_facet {
            return Err(serde::de::Error::custom("facet id out of range"));
        }
        let mut index = SearchIndex {
            terms,
            postings: w.postings,
            docs: w.docs,
            facet_names: w.facet_names,
            derived: Derived::default(),
        };
        index.derived = Derived::of(&index.docs);
        Ok(index)
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::parse::parse_corpus;

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

    #[test]
    fn terms_and_fields_are_indexed() {
        let a = articles(&["Talks in Kýiv\nThe five-hour meeting in Kyiv ended."]);
        let index = SearchIndex::build(&a);
        let kyiv = index.record("kyiv").unwrap();
        assert_eq!(kyiv.df, 1);
        assert!(!kyiv.lists[Field::Title as usize].is_empty());
        assert!(!kyiv.lists[Field::Body as usize].is_empty());
        assert!(index.record("fivehour").is_some());
        assert!(index.record("hour").is_some());
        assert_eq!(index.docs[0].lengths[Field::Title as usize], 3);
    }

    #[test]
    fn serialization_round_trips() {
        let a = articles(&["One\nAlpha beta.", "Two\nBeta gamma."]);
        let index = SearchIndex::build(&a);
        let bytes = postcard::to_allocvec(&index).unwrap();
        let back: SearchIndex = postcard::from_bytes(&bytes).unwrap();
        assert_eq!(back, index);
        assert_eq!(back.derived.field_totals, index.derived.field_totals);
        assert_eq!(back.derived.facet_ids, index.derived.facet_ids);
        assert!(postcard::from_bytes::<SearchIndex>(&bytes[..bytes.len() / 2]).is_err());
    }

    #[test]
    fn add_then_remove_is_never_added() {
        let a = articles(&[
            "One\nAlpha beta Putin.",
            "Two\nBeta gamma.",
            "Three\nGamma delta Kyiv.",
        ]);
        let base = SearchIndex::build(&a[..2]);
        let mut grown = base.clone();
        grown.add(&a[2]);
        assert_eq!(grown, SearchIndex::build(&a));
        assert!(grown.remove(&a[2].id));
        assert_eq!(grown, base);
        // Removing from the middle equals building without it.
        let mut mid = SearchIndex::build(&a);
        assert!(mid.remove(&a[1].id));
        assert_eq!(mid, SearchIndex::build(&[a[0].clone(), a[2].clone()]));
        assert!(!mid.remove("nope"));
    }
}
