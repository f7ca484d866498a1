//! The bundle: everything the browser app needs, built once at build time
//! (`crosscheck bundle`) and shipped as a data file beside the WebAssembly.
//! The page only decodes it; articles a reader imports are parsed and added
//! to it in the app's worker ([`Bundle::extend`]), which sends the enlarged
//! bundle back in the same encoding.
//!
//! This is the top of the core's layers: [`Bundle::build`] is the one
//! function that runs the whole pipeline for a corpus (decode → parse →
//! extract, then the search index and the corpus comparison), and the
//! bundle answers by article id what the lower layers answer by article.
//! No lower layer knows the bundle.
//!
//! The encoding is postcard (compact varints, identical on 64-bit hosts and
//! wasm32) behind a magic tag and a format version, so a stale or foreign
//! blob is refused with a clear error instead of being misread. It holds
//! the articles, the comparison and the ranking weights, not the search
//! index: decoding builds the index from the articles as they are read
//! ([`BundleDecoder`]), which costs less time than the index's bytes take to
//! download and leaves nothing in the file for a damaged index to hide in.

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::article::Article;
use crate::compare::focus::focus_among;
use crate::compare::synopsis::{synopsis, Synopsis};
use crate::compare::{compare, Comparison, CorpusComparison, FocusView, UniqueCoverage};
use crate::parse::ParseError;
use crate::pipeline::parse_corpus;
use crate::search::index::IndexBuild;
use crate::search::{RankingWeights, SearchIndex, SearchOptions, SearchResults};

mod wire;
use wire::WireArticle;

const MAGIC: &[u8; 4] = b"XCK1";
/// Articles the focus view reads, the best of the search for its query:
/// as many as fit side by side for a reader.
pub const FOCUS_ARTICLES: usize = 12;

/// Bumped whenever the serialized shape of [`Bundle`] changes.
pub const FORMAT_VERSION: u16 = 9;

/// A corpus, ready to search and compare.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Bundle {
    /// Articles sorted by file name.
    pub articles: Vec<Article>,
    /// The search index of `articles`: document `i` is `articles[i]`.
    pub index: SearchIndex,
    /// The corpus-wide comparison (similarity graph, unique coverage,
    /// feature statistics), aligned with `articles`; computed here at build
    /// time because it is quadratic in the corpus.
    pub comparison: CorpusComparison,
    /// How this corpus ranks search results: the defaults, or what the
    /// corpus's `crosscheck.toml` sets (see [`crate::config`]). A search
    /// whose options name no weights uses these.
    pub ranking: RankingWeights,
}

/// Why a bundle could not be decoded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BundleError {
    NotABundle,
    WrongVersion { found: u16, expected: u16 },
    Corrupt(String),
}

impl fmt::Display for BundleError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            BundleError::NotABundle => f.write_str("not a Crosscheck bundle (bad magic bytes)"),
            BundleError::WrongVersion { found, expected } => {
                write!(
                    f,
                    "bundle format {found}, this build reads format {expected}"
                )
            }
            BundleError::Corrupt(why) => write!(f, "corrupt bundle: {why}"),
        }
    }
}

impl std::error::Error for BundleError {}

impl Bundle {
    /// Builds a bundle from `(file name, bytes)` pairs: the whole pipeline
    /// for a corpus. Files are sorted by name so ids and order do not depend
    /// on directory listing order, and parsed as one corpus
    /// ([`parse_corpus`]) so entities are consistent across articles, exactly
    /// as the CLI reports them. Every file that fails is reported; the build
    /// needs all of them.
    pub fn build(mut files: Vec<(String, Vec<u8>)>) -> Result<Bundle, Vec<ParseError>> {
        files.sort_by(|a, b| a.0.cmp(&b.0));
        let mut articles = Vec::with_capacity(files.len());
        let mut errors = Vec::new();
        for result in parse_corpus(&files) {
            match result {
                Ok(a) => articles.push(a),
                Err(e) => errors.push(e),
            }
        }
        if errors.is_empty() {
            Ok(Bundle::from_articles(articles))
        } else {
            Err(errors)
        }
    }

    /// Indexes parsed articles and computes their corpus comparison, in the
    /// given order. This is what a bundle *is* for a list of articles:
    /// [`Bundle::add_article`] and [`Bundle::remove_article`] keep every
    /// table equal to what this returns for the resulting list.
    pub fn from_articles(articles: Vec<Article>) -> Bundle {
        let index = SearchIndex::build(&articles);
        let comparison = CorpusComparison::build(&articles);
        Bundle {
            articles,
            index,
            comparison,
            ranking: RankingWeights::default(),
        }
    }

    /// Serializes to the data file's byte form: everything but the
    /// search index, which decoding rebuilds.
    pub fn to_bytes(&self) -> Vec<u8> {
        /// The fields in the order [`BundleDecoder`] reads them.
        #[derive(Serialize)]
        struct Wire<'a> {
            articles: Vec<WireArticle>,
            comparison: &'a CorpusComparison,
            ranking: &'a RankingWeights,
        }
        let mut out = MAGIC.to_vec();
        out.extend_from_slice(&FORMAT_VERSION.to_le_bytes());
        let wire = Wire {
            articles: self.articles.iter().map(WireArticle::from).collect(),
            comparison: &self.comparison,
            ranking: &self.ranking,
        };
        // Serializing plain owned data into a Vec cannot fail.
        out.extend(postcard::to_allocvec(&wire).expect("bundle serializes"));
        out
    }

    /// Decodes the data file's byte form in one go (see [`BundleDecoder`]
    /// to decode it a piece at a time).
    pub fn from_bytes(bytes: &[u8]) -> Result<Bundle, BundleError> {
        let mut decoder = BundleDecoder::new(bytes)?;
        loop {
            if let Some(bundle) = decoder.step(usize::MAX)? {
                return Ok(bundle);
            }
        }
    }

    /// Looks an article up by id.
    pub fn article(&self, id: &str) -> Option<&Article> {
        self.articles.iter().find(|a| a.id == id)
    }

    /// Searches the articles (see [`SearchIndex::search`]), ranked with the
    /// corpus's [`Bundle::ranking`] unless `options` names other weights.
    pub fn search(&self, query: &str, options: &SearchOptions) -> SearchResults {
        self.search_with(&self.index, query, options)
    }

    /// [`Bundle::search`] with an index of these articles kept apart from
    /// the bundle: the browser shows a corpus before its index is built
    /// ([`BundleDecoder::leave_index`]) and builds it afterwards.
    pub fn search_with(
        &self,
        index: &SearchIndex,
        query: &str,
        options: &SearchOptions,
    ) -> SearchResults {
        if options.weights.is_some() {
            return index.search(&self.articles, query, options);
        }
        let options = SearchOptions {
            weights: Some(self.ranking),
            ..options.clone()
        };
        index.search(&self.articles, query, &options)
    }

    /// Adds an article as the last one (replacing one with the same id) and
    /// brings every derived table up to date: for articles imported in the
    /// browser. The article's entities are taken as they are; resolving
    /// them against the rest of the corpus is the parser's job.
    ///
    /// The search index is rewritten incrementally, but the corpus
    /// comparison is recomputed in full: every article's term weights
    /// depend on the whole corpus, so one new article changes every
    /// similarity. That costs what a build costs (seconds for thousands of
    /// articles); batch additions with [`Bundle::extend`].
    pub fn add_article(&mut self, article: Article) {
        self.extend([article]);
    }

    /// Adds several articles in order (each replacing one with the same id)
    /// and recomputes the corpus comparison once.
    pub fn extend(&mut self, articles: impl IntoIterator<Item = Article>) {
        // Of articles with one id, the last is the one added.
        let mut seen = std::collections::HashSet::new();
        let mut new: Vec<Article> = articles.into_iter().collect();
        new.reverse();
        new.retain(|a| seen.insert(a.id.clone()));
        new.reverse();
        for a in &new {
            if let Ok(i) = self.index_of(&a.id) {
                self.articles.remove(i);
            }
        }
        // One rebuild of the index for all of them (it drops the replaced
        // ones' postings too).
        self.index.extend(&new);
        self.articles.extend(new);
        self.refresh_comparison();
    }

    /// Removes an article, its postings and its place in the comparison
    /// tables; false (and nothing changed) when there is none.
    pub fn remove_article(&mut self, id: &str) -> bool {
        let removed = self.drop_article(id);
        if removed {
            self.refresh_comparison();
        }
        removed
    }

    /// Removes the article and its postings, leaving the comparison stale.
    fn drop_article(&mut self, id: &str) -> bool {
        let Ok(i) = self.index_of(id) else {
            return false;
        };
        self.articles.remove(i);
        self.index.remove(id);
        true
    }

    fn refresh_comparison(&mut self) {
        self.comparison = CorpusComparison::build(&self.articles);
    }

    fn index_of(&self, id: &str) -> Result<usize, UnknownArticle> {
        self.articles
            .iter()
            .position(|a| a.id == id)
            .ok_or_else(|| UnknownArticle(id.to_owned()))
    }

    /// Compares two articles of the bundle by id, with the stored corpus
    /// statistics.
    pub fn compare(&self, a: &str, b: &str) -> Result<Comparison, UnknownArticle> {
        let (i, j) = (self.index_of(a)?, self.index_of(b)?);
        Ok(compare(
            &self.articles[i],
            &self.articles[j],
            &self.comparison.stats,
        ))
    }

    /// The synopsis of articles of the bundle by id, in the order given,
    /// with the stored corpus statistics: the facts are the sentence pairs
    /// [`Bundle::compare`] aligns for each pair of them. Meant for 2 to
    /// [`MAX_ARTICLES`](crate::compare::synopsis::MAX_ARTICLES) distinct
    /// ids; the caller decides what to do with more.
    pub fn synopsis(&self, ids: &[&str]) -> Result<Synopsis, UnknownArticle> {
        let articles = ids
            .iter()
            .map(|id| self.index_of(id).map(|i| &self.articles[i]))
            .collect::<Result<Vec<_>, _>>()?;
        Ok(synopsis(&articles, &self.comparison.stats))
    }

    /// The similarity of two articles by id: the stored value when the
    /// graph keeps the pair, else computed from the two articles (a pair
    /// below the graph's floor; the same score either way).
    pub fn similarity(&self, a: &str, b: &str) -> Result<f32, UnknownArticle> {
        let (i, j) = (self.index_of(a)?, self.index_of(b)?);
        Ok(self.similarity_at(i, j))
    }

    /// [`Bundle::similarity`] by article index; panics when out of range.
    pub fn similarity_at(&self, i: usize, j: usize) -> f32 {
        self.comparison.graph.get(i, j).unwrap_or_else(|| {
            compare(&self.articles[i], &self.articles[j], &self.comparison.stats)
                .similarity
                .similarity
        })
    }

    /// The stored unique coverage of an article by id.
    pub fn unique_coverage(&self, id: &str) -> Result<&UniqueCoverage, UnknownArticle> {
        let i = self.index_of(id)?;
        Ok(&self.comparison.unique[i])
    }

    /// The best passage for `query` of each of the [`FOCUS_ARTICLES`]
    /// articles the search ranks highest for it; passages name articles by
    /// their index in [`Bundle::articles`].
    pub fn focus(&self, query: &str) -> FocusView {
        self.focus_in(query, false)
    }

    /// [`Bundle::focus`] among the imported articles alone when
    /// `imported_only` (see [`SearchOptions::imported_only`]).
    pub fn focus_in(&self, query: &str, imported_only: bool) -> FocusView {
        self.focus_with(&self.index, query, imported_only)
    }

    /// [`Bundle::focus_in`] with an index kept apart (see
    /// [`Bundle::search_with`]).
    pub fn focus_with(&self, index: &SearchIndex, query: &str, imported_only: bool) -> FocusView {
        let options = SearchOptions {
            limit: FOCUS_ARTICLES,
            snippets: 0,
            imported_only,
            ..SearchOptions::default()
        };
        let hits: Vec<usize> = self
            .search_with(index, query, &options)
            .hits
            .iter()
            .map(|h| h.doc as usize)
            .collect();
        focus_among(&self.articles, &hits, query, &self.comparison.stats)
    }
}

/// Decodes a bundle a piece at a time, so a browser can draw between
/// pieces instead of blocking for the whole file (a corpus of thousands of
/// articles takes a few hundred milliseconds to decode and index in one
/// go).
///
/// The byte form is postcard's encoding of the article count, each
/// article (in its compact form, `wire`), the comparison and the ranking
/// weights (see [`Bundle::to_bytes`]). [`BundleDecoder::step`] reads up to
/// a given number of articles, or one of the later pieces, then builds the
/// search index a step at a time ([`IndexBuild`]); [`Bundle::from_bytes`]
/// is this run to the end, so both read exactly the same way.
///
/// A bundle file may come from anywhere (readers import and export them),
/// so everything is checked as it is read: each article's positions lie in
/// its text, the comparison's tables are sized for the articles, nothing
/// follows the weights. The index is built from checked articles, so no
/// view can index past a table or slice outside a text later.
pub struct BundleDecoder<'a> {
    rest: &'a [u8],
    total: usize,
    articles: Vec<Article>,
    comparison: Option<CorpusComparison>,
    ranking: Option<RankingWeights>,
    /// `None` when the caller builds the index itself
    /// ([`BundleDecoder::leave_index`]).
    index: Option<IndexBuild>,
}

/// How far a [`BundleDecoder`] has come.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DecodeProgress {
    /// Articles decoded so far.
    pub articles: usize,
    /// Articles in the bundle.
    pub total: usize,
}

impl<'a> BundleDecoder<'a> {
    /// Checks the magic tag and the format version and reads the article
    /// count.
    pub fn new(bytes: &'a [u8]) -> Result<BundleDecoder<'a>, BundleError> {
        let rest = bytes.strip_prefix(MAGIC).ok_or(BundleError::NotABundle)?;
        if rest.len() < 2 {
            return Err(BundleError::NotABundle);
        }
        let found = u16::from_le_bytes([rest[0], rest[1]]);
        if found != FORMAT_VERSION {
            return Err(BundleError::WrongVersion {
                found,
                expected: FORMAT_VERSION,
            });
        }
        let (total, rest) = take::<u64>(&rest[2..])?;
        // Every article takes more than one byte, so a count past the
        // bytes left is corrupt: refuse it before reserving room for it.
        if total > rest.len() as u64 {
            return Err(BundleError::Corrupt(format!(
                "{total} articles announced in {} bytes",
                rest.len()
            )));
        }
        Ok(BundleDecoder {
            rest,
            total: total as usize,
            articles: Vec::with_capacity(total as usize),
            comparison: None,
            ranking: None,
            index: Some(IndexBuild::default()),
        })
    }

    /// Returns the bundle as soon as it is read, with an empty search
    /// index, for a caller that shows the articles first and builds the
    /// index afterwards with [`IndexBuild`] (searching the empty one finds
    /// nothing: see [`Bundle::search_with`]). Such a bundle must not be
    /// edited ([`Bundle::extend`], [`Bundle::remove_article`]) until its
    /// index is put back: those edit the index with the articles.
    pub fn leave_index(mut self) -> BundleDecoder<'a> {
        self.index = None;
        self
    }

    pub fn progress(&self) -> DecodeProgress {
        DecodeProgress {
            articles: self.articles.len(),
            total: self.total,
        }
    }

    /// Decodes and checks up to `articles` more articles, or, once they are
    /// all in, the next piece: the comparison, the ranking weights (nothing
    /// may follow them), then about `articles` articles' worth of the
    /// index. Returns the bundle with the last step; the decoder is spent
    /// then, and a further call is an error.
    pub fn step(&mut self, articles: usize) -> Result<Option<Bundle>, BundleError> {
        if self.articles.len() < self.total {
            let until = self
                .articles
                .len()
                .saturating_add(articles.max(1))
                .min(self.total);
            while self.articles.len() < until {
                let (article, rest) = take::<WireArticle>(self.rest)?;
                let article = Article::try_from(article).map_err(BundleError::Corrupt)?;
                article.check().map_err(BundleError::Corrupt)?;
                self.articles.push(article);
                self.rest = rest;
            }
            return Ok(None);
        }
        if self.comparison.is_none() {
            let (comparison, rest) = take::<CorpusComparison>(self.rest)?;
            comparison
                .check(&self.articles)
                .map_err(BundleError::Corrupt)?;
            self.comparison = Some(comparison);
            self.rest = rest;
            return Ok(None);
        }
        if self.ranking.is_none() {
            let (ranking, rest) = take::<RankingWeights>(self.rest)?;
            if !rest.is_empty() {
                return Err(BundleError::Corrupt(format!(
                    "{} bytes after the end",
                    rest.len()
                )));
            }
            self.ranking = Some(ranking);
            self.rest = rest;
            return Ok(None);
        }
        let index = match &mut self.index {
            None => SearchIndex::default(),
            Some(build) => match build.step(&self.articles, articles) {
                None => return Ok(None),
                Some(index) => index,
            },
        };
        Ok(Some(Bundle {
            articles: std::mem::take(&mut self.articles),
            index,
            comparison: self.comparison.take().unwrap_or_default(),
            ranking: self.ranking.take().unwrap_or_default(),
        }))
    }
}

/// One value from the front of `bytes`, and what follows it.
fn take<'a, T: Deserialize<'a>>(bytes: &'a [u8]) -> Result<(T, &'a [u8]), BundleError> {
    postcard::take_from_bytes(bytes).map_err(|e| BundleError::Corrupt(e.to_string()))
}

/// An id that names no article of the bundle.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownArticle(pub String);

impl fmt::Display for UnknownArticle {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "no article with id {:?}", self.0)
    }
}

impl std::error::Error for UnknownArticle {}

#[cfg(test)]
mod tests {
    use super::*;

    fn files() -> Vec<(String, Vec<u8>)> {
        vec![
            ("b.txt".into(), b"Second\nBody two.".to_vec()),
            ("a.txt".into(), b"First\nBody one.".to_vec()),
        ]
    }

    #[test]
    fn round_trip_keeps_everything_in_name_order() {
        let bundle = Bundle::build(files()).unwrap();
        assert_eq!(bundle.articles[0].id, "a");
        let back = Bundle::from_bytes(&bundle.to_bytes()).unwrap();
        assert_eq!(back, bundle);
        assert_eq!(back.article("b").unwrap().title, "Second");
        // The decoded index searches without re-indexing.
        let r = back.search("second", &SearchOptions::default());
        assert_eq!(r.hits[0].id, "b");
    }

    #[test]
    fn importing_then_removing_restores_the_bundle() {
        let bundle = Bundle::build(files()).unwrap();
        let extra = Bundle::build(vec![("c.txt".into(), b"Third\nBody three.".to_vec())])
            .unwrap()
            .articles
            .remove(0);
        let mut grown = bundle.clone();
        grown.add_article(extra);
        assert_eq!(grown.search("three", &SearchOptions::default()).total, 1);
        assert!(grown.remove_article("c"));
        assert_eq!(grown, bundle);
    }

    #[test]
    fn searches_rank_with_the_corpus_weights_and_keep_them_encoded() {
        let mut bundle = Bundle::build(vec![
            (
                "a.txt".into(),
                b"Rain\nRain rain rain. Rain again.".to_vec(),
            ),
            (
                "b.txt".into(),
                b"Note\nThe umbrella was left by the door of the old house when a little rain \
                  fell over the long grey square of the town on a cold and windy day in March."
                    .to_vec(),
            ),
            ("c.txt".into(), b"Sun\nSunny and dry.".to_vec()),
        ])
        .unwrap();
        let first = |b: &Bundle, options: &SearchOptions| {
            b.search("rain umbrella", options).hits[0].id.clone()
        };
        let defaults = SearchOptions::default();
        // A typed query: the article with both words first.
        assert_eq!(first(&bundle, &defaults), "b");
        // This corpus reads every query as a question: relevance alone.
        bundle.ranking.short_query_words = 0;
        assert_eq!(first(&bundle, &defaults), "a");
        let back = Bundle::from_bytes(&bundle.to_bytes()).unwrap();
        assert_eq!(back.ranking, bundle.ranking);
        assert_eq!(first(&back, &defaults), "a");
        // Weights named in the options win over the corpus's.
        let explicit = SearchOptions {
            weights: Some(RankingWeights::default()),
            ..SearchOptions::default()
        };
        assert_eq!(first(&back, &explicit), "b");
    }

    #[test]
    fn similarity_of_a_pair_the_graph_drops_is_computed_the_same_way() {
        // Fourteen articles on different subjects: more than each article's
        // kept nearest, so some pairs are not in the graph.
        let topics = [
            "rain",
            "harbour",
            "violin",
            "tractor",
            "glacier",
            "bakery",
            "satellite",
            "orchid",
            "marathon",
            "volcano",
            "library",
            "submarine",
            "vineyard",
            "comet",
        ];
        let files = topics
            .iter()
            .map(|t| {
                let text = format!("The {t}\nThe {t} was news today. Everyone spoke of the {t}.");
                (format!("{t}.txt"), text.into_bytes())
            })
            .collect();
        let bundle = Bundle::build(files).unwrap();
        let n = bundle.articles.len();
        let dropped: Vec<(usize, usize)> = (0..n)
            .flat_map(|i| (0..n).map(move |j| (i, j)))
            .filter(|&(i, j)| bundle.comparison.graph.get(i, j).is_none())
            .collect();
        assert!(!dropped.is_empty());
        for (i, j) in dropped {
            let (a, b) = (&bundle.articles[i], &bundle.articles[j]);
            let exact = compare(a, b, &bundle.comparison.stats)
                .similarity
                .similarity;
            assert_eq!(bundle.similarity(&a.id, &b.id), Ok(exact));
        }
        for i in 0..n {
            assert_eq!(bundle.similarity_at(i, i), 1.0);
        }
        // Every article says "news": the focus view reads the best few.
        let view = bundle.focus("news");
        assert_eq!(view.passages.len(), FOCUS_ARTICLES);
        let best = bundle.search("news", &SearchOptions::default()).hits[0].doc;
        assert!(view.passages.iter().any(|p| p.article == best));
    }

    #[test]
    fn decoding_step_by_step_reads_what_decoding_at_once_reads() {
        let mut bundle = Bundle::build(files()).unwrap();
        bundle.ranking.k1 = 1.7;
        let bytes = bundle.to_bytes();
        let mut decoder = BundleDecoder::new(&bytes).unwrap();
        assert_eq!(
            decoder.progress(),
            DecodeProgress {
                articles: 0,
                total: 2
            }
        );
        // One article, then as many as there are left (a step past the end
        // takes what is left), then the comparison, the weights, and the
        // index: an article a step, its vocabulary ordered, its records
        // written (one step for so small an index).
        assert_eq!(decoder.step(1).unwrap(), None);
        assert_eq!(decoder.progress().articles, 1);
        assert_eq!(decoder.step(usize::MAX).unwrap(), None);
        assert_eq!(decoder.progress().articles, 2);
        let mut steps = 0;
        let decoded = loop {
            steps += 1;
            if let Some(b) = decoder.step(1).unwrap() {
                break b;
            }
            assert!(decoder.progress().articles <= 2);
        };
        assert_eq!(steps, 6);
        assert_eq!(decoded, bundle);
        // Left to the caller, the index is empty and searches find nothing
        // until one is built apart; with it they find what the bundle does.
        let mut decoder = BundleDecoder::new(&bytes).unwrap().leave_index();
        let apart = loop {
            if let Some(b) = decoder.step(usize::MAX).unwrap() {
                break b;
            }
        };
        assert_eq!(apart.index, SearchIndex::default());
        assert_eq!(apart.articles, bundle.articles);
        let options = SearchOptions::default();
        assert!(apart.search("body", &options).hits.is_empty());
        let mut build = IndexBuild::default();
        let index = (0..).find_map(|_| build.step(&apart.articles, 1)).unwrap();
        let found = apart.search_with(&index, "body", &options);
        assert!(!found.hits.is_empty());
        assert_eq!(found, bundle.search("body", &options));
        assert_eq!(
            apart.focus_with(&index, "body", false),
            bundle.focus("body")
        );
        assert_eq!(Bundle::from_bytes(&bytes).unwrap(), bundle);
    }

    #[test]
    fn counts_and_lengths_past_the_end_are_refused_before_allocating() {
        let mut bytes = MAGIC.to_vec();
        bytes.extend_from_slice(&FORMAT_VERSION.to_le_bytes());
        // A varint article count of 2^63 and nothing after it.
        bytes.extend_from_slice(&[0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x01]);
        assert!(matches!(
            BundleDecoder::new(&bytes),
            Err(BundleError::Corrupt(_))
        ));
        // Bytes after the end are not ignored.
        let mut bytes = Bundle::build(files()).unwrap().to_bytes();
        bytes.push(0);
        assert!(matches!(
            Bundle::from_bytes(&bytes),
            Err(BundleError::Corrupt(_))
        ));
    }

    #[test]
    fn all_bad_files_are_reported() {
        let mut f = files();
        f.push(("empty.txt".into(), vec![]));
        f.push(("bin.txt".into(), vec![0, 1, 2]));
        let errs = Bundle::build(f).unwrap_err();
        assert_eq!(errs.len(), 2);
    }

    #[test]
    fn foreign_bytes_are_refused() {
        assert_eq!(Bundle::from_bytes(b"nope"), Err(BundleError::NotABundle));
        let mut bytes = Bundle::default().to_bytes();
        bytes[4] = 99;
        assert!(matches!(
            Bundle::from_bytes(&bytes),
            Err(BundleError::WrongVersion { .. })
        ));
        let mut bytes = Bundle::build(files()).unwrap().to_bytes();
        bytes.truncate(10);
        assert!(matches!(
            Bundle::from_bytes(&bytes),
            Err(BundleError::Corrupt(_))
        ));
    }
}
