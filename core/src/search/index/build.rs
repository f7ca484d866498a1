//! Building the index: articles analysed into per-field postings, the
//! vocabulary written as an FST. Adding or removing an article rebuilds the
//! index from its own postings, which keeps its bytes canonical.
//!
//! [`IndexBuild`] does the work a few articles (or a slice of the
//! vocabulary) at a time, so whoever builds the index of a large corpus
//! (the browser, after showing the articles) can stop between steps and
//! let the page draw.

use std::collections::BTreeSet;

use fst::{Map, MapBuilder, Streamer};
use rustc_hash::FxHashMap as HashMap;

use super::{
    Derived, DocEntry, FacetKind, FacetName, Field, SearchIndex, TermRecord, FIELD_COUNT,
    POSITION_GAP,
};
use crate::article::{Article, EntityKind};
use crate::search::analyze::for_each_token;
use crate::search::cursor::{DocCursor, PostingCursor};
use crate::search::postings::ListBuilder;

/// One term's lists while building, with its document frequency. Only the
/// fields the term occurs in have a list: most terms of a corpus occur in
/// one or two of the seven, and a full array per term would make the
/// builder of a corpus of thousands hold tens of megabytes of empty lists.
#[derive(Default)]
struct TermBuilder {
    /// (field number, its list).
    lists: Vec<(u8, ListBuilder)>,
    df: u32,
    last_doc: Option<u32>,
}

impl TermBuilder {
    /// The term's list in field `f`, made on first use.
    fn list(&mut self, f: usize) -> &mut ListBuilder {
        let at = match self.lists.iter().position(|(i, _)| usize::from(*i) == f) {
            Some(at) => at,
            None => {
                self.lists.push((f as u8, ListBuilder::default()));
                self.lists.len() - 1
            }
        };
        &mut self.lists[at].1
    }
}

/// Accumulates postings document by document, then writes the index.
/// Terms are interned, so indexing allocates only for new vocabulary.
#[derive(Default)]
struct IndexBuilder {
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

impl IndexBuilder {
    fn intern(&mut self, term: &str) -> u32 {
        if let Some(&id) = self.ids.get(term) {
            return id;
        }
        let id = self.terms.len() as u32;
        self.ids.insert(term.to_string(), id);
        self.terms.push(TermBuilder::default());
        id
    }

    /// Analyzes a text into a field. Blocks and names are separated by
    /// [`POSITION_GAP`], so a phrase never spans two paragraphs or names.
    fn add_text(&mut self, doc: &mut DocScratch, field: Field, text: &str) {
        self.add_block(doc, field, text, &[], &mut Vec::new());
    }

    /// [`IndexBuilder::add_text`] that also appends to `positions`, for each
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
        let end = for_each_token(text, first, |t| {
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
        doc.next[f] = end + POSITION_GAP;
        doc.lengths[f] += words;
    }

    /// Adds an article as the next document.
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
                t.list(f).push(doc, &positions);
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

    /// Resolves each document's facet names to ids and orders the
    /// vocabulary: the first step of writing the index.
    fn into_writer(mut self) -> IndexWriter {
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
        IndexWriter {
            order: order.into_iter(),
            terms: self.terms,
            docs: self.docs,
            facet_names,
            postings: Vec::new(),
            fst: MapBuilder::memory(),
        }
    }

    /// Writes the vocabulary and the posting lists of every document added.
    fn finish(self) -> SearchIndex {
        self.into_writer().finish()
    }
}

/// Writes a built index's records and vocabulary, a slice of the terms at
/// a time: on a corpus of thousands of articles writing them all takes
/// longer than a browser should go without drawing.
struct IndexWriter {
    /// The terms left to write, in byte order, with their builder's number.
    order: std::vec::IntoIter<(String, u32)>,
    terms: Vec<TermBuilder>,
    docs: Vec<DocEntry>,
    facet_names: Vec<FacetName>,
    postings: Vec<u8>,
    fst: MapBuilder<Vec<u8>>,
}

impl IndexWriter {
    /// Writes the records of up to `terms` more terms; returns whether all
    /// are written. Each term's lists are freed as it is written.
    fn write(&mut self, terms: usize) -> bool {
        for (term, id) in self.order.by_ref().take(terms) {
            let mut t = std::mem::take(&mut self.terms[id as usize]);
            if t.df == 0 {
                continue;
            }
            let offset = self.postings.len() as u64;
            TermRecord::write(t.df, &mut t.lists, &mut self.postings);
            // Terms are sorted and unique, so insertion cannot fail.
            self.fst.insert(term, offset).expect("sorted unique terms");
        }
        self.order.len() == 0
    }

    /// Writes what is left and returns the index.
    fn finish(mut self) -> SearchIndex {
        self.write(usize::MAX);
        let bytes = self.fst.into_inner().expect("in-memory fst");
        let terms = Map::new(bytes).expect("valid fst");
        let mut index = SearchIndex {
            terms,
            postings: self.postings,
            docs: self.docs,
            facet_names: self.facet_names,
            derived: Derived::default(),
        };
        index.derived = Derived::of(&index.docs);
        index
    }
}

/// Records one step of [`IndexBuild`] writes per article it would index:
/// writing a term's record takes about a hundredth of the time indexing a
/// news article takes (on the BBC collection, 34,000 terms are written in
/// the time 300 of its articles are indexed).
const TERMS_PER_ARTICLE: usize = 100;

/// An index built a step at a time over a list of articles: each step
/// indexes a few more articles, then orders the vocabulary, then writes a
/// slice of the records, so a browser can draw between steps.
#[derive(Default)]
pub struct IndexBuild {
    /// Articles indexed so far.
    added: usize,
    state: BuildState,
}

enum BuildState {
    Adding(IndexBuilder),
    Writing(IndexWriter),
    Done,
}

impl Default for BuildState {
    fn default() -> BuildState {
        BuildState::Adding(IndexBuilder::default())
    }
}

impl IndexBuild {
    /// Does about `articles` articles' worth of work: indexes up to that
    /// many more of `all` (which must be the same list at every call), or
    /// orders the vocabulary, or writes that many articles' worth of
    /// records. Returns the index with its last step (document `i` is
    /// `all[i]`), `None` before it and after.
    pub fn step(&mut self, all: &[Article], articles: usize) -> Option<SearchIndex> {
        let articles = articles.max(1);
        match std::mem::replace(&mut self.state, BuildState::Done) {
            BuildState::Adding(mut builder) if self.added < all.len() => {
                let until = self.added.saturating_add(articles).min(all.len());
                for a in &all[self.added..until] {
                    builder.add_article(a);
                }
                self.added = until;
                self.state = BuildState::Adding(builder);
                None
            }
            BuildState::Adding(builder) => {
                self.state = BuildState::Writing(builder.into_writer());
                None
            }
            BuildState::Writing(mut writer) => {
                if writer.write(articles.saturating_mul(TERMS_PER_ARTICLE)) {
                    Some(writer.finish())
                } else {
                    self.state = BuildState::Writing(writer);
                    None
                }
            }
            BuildState::Done => None,
        }
    }

    /// Articles indexed so far.
    pub fn articles_indexed(&self) -> usize {
        self.added
    }
}

impl SearchIndex {
    /// Indexes articles; document `i` is `articles[i]`.
    pub fn build(articles: &[Article]) -> SearchIndex {
        let mut b = IndexBuilder::default();
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

    /// Adds several articles with one rebuild of the index (one [`add`]
    /// per article would rebuild it per article: quadratic for an import of
    /// thousands). An article replaces one with the same id; `articles`
    /// must not repeat an id.
    ///
    /// [`add`]: SearchIndex::add
    pub fn extend<'a>(&mut self, articles: impl IntoIterator<Item = &'a Article>) {
        let articles: Vec<&Article> = articles.into_iter().collect();
        for a in &articles {
            self.remove(&a.id);
        }
        let mut b = self.rebuild(None);
        for a in articles {
            b.add_article(a);
        }
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
    fn rebuild(&self, skip: Option<u32>) -> IndexBuilder {
        let mut b = IndexBuilder::default();
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
                            t.list(f).push(d, &positions);
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
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::search::index::tests::articles;

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

    #[test]
    fn building_a_step_at_a_time_gives_the_same_index() {
        let a = articles(&[
            "One\nAlpha beta Putin.",
            "Two\nBeta gamma.",
            "Three\nGamma delta Kyiv.",
        ]);
        let mut build = IndexBuild::default();
        let mut steps = 0;
        let index = loop {
            steps += 1;
            if let Some(index) = build.step(&a, 1) {
                break index;
            }
            assert!(steps < 100, "the build ends");
        };
        // Three articles one by one, the vocabulary ordered, then records
        // written 100 terms a step (one step for so few terms).
        assert_eq!(steps, 5);
        assert_eq!(build.articles_indexed(), 3);
        assert_eq!(index, SearchIndex::build(&a));
        assert!(build.step(&a, 1).is_none(), "spent");
        let mut at_once = IndexBuild::default();
        let index = (0..).find_map(|_| at_once.step(&a, usize::MAX)).unwrap();
        assert_eq!(index, SearchIndex::build(&a));
    }
}
