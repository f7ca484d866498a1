//! The bundle: everything the browser app needs, built once at build time and
//! embedded in the WebAssembly. Startup only decodes it; nothing is parsed or
//! indexed in the browser.
//!
//! This is the top of the core's layers: [`Bundle::build`] is the one
//! function that runs the whole pipeline for a corpus (decode → parse →
//! extract, then the search index and the corpus comparison), and the
//! bundle answers by article id what the lower layers answer by article.
//! No lower layer knows the bundle.
//!
//! The encoding is postcard (compact varints, identical on 64-bit hosts and
//! wasm32) behind a magic tag and a format version, so a stale or foreign
//! blob is refused with a clear error instead of being misread.

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::article::Article;
use crate::compare::{compare, focus, Comparison, CorpusComparison, FocusView, UniqueCoverage};
use crate::parse::ParseError;
use crate::pipeline::parse_corpus;
use crate::search::{RankingWeights, SearchIndex, SearchOptions, SearchResults};

const MAGIC: &[u8; 4] = b"XCK1";
/// Bumped whenever the serialized shape of [`Bundle`] changes.
pub const FORMAT_VERSION: u16 = 6;

/// The embedded corpus.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
pub struct Bundle {
    /// Articles sorted by file name.
    pub articles: Vec<Article>,
    /// The search index of `articles`: document `i` is `articles[i]`.
    pub index: SearchIndex,
    /// The corpus-wide comparison (similarity matrix, unique coverage,
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

    /// Serializes to the embedded byte form.
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out = MAGIC.to_vec();
        out.extend_from_slice(&FORMAT_VERSION.to_le_bytes());
        // Serializing plain owned data into a Vec cannot fail.
        out.extend(postcard::to_allocvec(self).expect("bundle serializes"));
        out
    }

    /// Decodes the embedded byte form.
    pub fn from_bytes(bytes: &[u8]) -> Result<Bundle, BundleError> {
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
        let bundle: Bundle =
            postcard::from_bytes(&rest[2..]).map_err(|e| BundleError::Corrupt(e.to_string()))?;
        bundle.check().map_err(BundleError::Corrupt)?;
        Ok(bundle)
    }

    /// Whether the decoded parts fit together as [`Bundle::build`] makes
    /// them: every article's positions lie in its text, the index has one
    /// document per article with the same id in the same order, and the
    /// comparison tables are sized for the articles. A bundle file may come
    /// from anywhere (users import and export them); checking once here
    /// means no view can index past a table or slice outside a text later.
    fn check(&self) -> Result<(), String> {
        for a in &self.articles {
            a.check()?;
        }
        let ids = self.index.docs.iter().map(|d| d.id.as_str());
        if !ids.eq(self.articles.iter().map(|a| a.id.as_str())) {
            return Err("the index's documents are not the articles".into());
        }
        self.comparison.check(&self.articles)
    }

    /// Looks an article up by id.
    pub fn article(&self, id: &str) -> Option<&Article> {
        self.articles.iter().find(|a| a.id == id)
    }

    /// Searches the articles (see [`SearchIndex::search`]), ranked with the
    /// corpus's [`Bundle::ranking`] unless `options` names other weights.
    pub fn search(&self, query: &str, options: &SearchOptions) -> SearchResults {
        if options.weights.is_some() {
            return self.index.search(&self.articles, query, options);
        }
        let options = SearchOptions {
            weights: Some(self.ranking),
            ..options.clone()
        };
        self.index.search(&self.articles, query, &options)
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
        for article in articles {
            self.drop_article(&article.id);
            self.index.add(&article);
            self.articles.push(article);
        }
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

    /// The stored similarity of two articles by id (the matrix cell).
    pub fn similarity(&self, a: &str, b: &str) -> Result<f32, UnknownArticle> {
        let (i, j) = (self.index_of(a)?, self.index_of(b)?);
        Ok(self.comparison.matrix.get(i, j))
    }

    /// The stored unique coverage of an article by id.
    pub fn unique_coverage(&self, id: &str) -> Result<&UniqueCoverage, UnknownArticle> {
        let i = self.index_of(id)?;
        Ok(&self.comparison.unique[i])
    }

    /// Each article's best passage for `query`; passages name articles by
    /// their index in [`Bundle::articles`].
    pub fn focus(&self, query: &str) -> FocusView {
        focus(&self.articles, query, &self.comparison.stats)
    }
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
