//! The bundle: everything the browser app needs, built once at build time and
//! embedded in the WebAssembly. Startup only decodes it; nothing is parsed or
//! indexed in the browser.
//!
//! The encoding is postcard (compact varints, identical on 64-bit hosts and
//! wasm32) behind a magic tag and a format version, so a stale or foreign
//! blob is refused with a clear error instead of being misread.

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::article::Article;
use crate::compare::CorpusComparison;
use crate::parse::ParseError;
use crate::pipeline::parse_corpus;
use crate::search::{SearchIndex, SearchOptions, SearchResults};

const MAGIC: &[u8; 4] = b"XCK1";
/// Bumped whenever the serialized shape of [`Bundle`] changes.
pub const FORMAT_VERSION: u16 = 5;

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
    /// Builds a bundle from `(file name, bytes)` pairs. Files are sorted by
    /// name so ids and order do not depend on directory listing order, and
    /// parsed as one corpus ([`parse_corpus`]) so entities are consistent
    /// across articles, exactly as the CLI reports them.
    /// Every file that fails is reported; the build needs all of them.
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
            let index = SearchIndex::build(&articles);
            let comparison = CorpusComparison::build(&articles);
            Ok(Bundle {
                articles,
                index,
                comparison,
            })
        } else {
            Err(errors)
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
        postcard::from_bytes(&rest[2..]).map_err(|e| BundleError::Corrupt(e.to_string()))
    }

    /// Looks an article up by id.
    pub fn article(&self, id: &str) -> Option<&Article> {
        self.articles.iter().find(|a| a.id == id)
    }

    /// Searches the articles (see [`SearchIndex::search`]).
    pub fn search(&self, query: &str, options: &SearchOptions) -> SearchResults {
        self.index.search(&self.articles, query, options)
    }

    /// Adds an article (replacing one with the same id) and indexes it: for
    /// articles imported in the browser.
    pub fn add_article(&mut self, article: Article) {
        self.remove_article(&article.id);
        self.index.add(&article);
        self.articles.push(article);
    }

    /// Removes an article and its postings; false when there is none.
    pub fn remove_article(&mut self, id: &str) -> bool {
        let Some(i) = self.articles.iter().position(|a| a.id == id) else {
            return false;
        };
        self.articles.remove(i);
        self.index.remove(id);
        true
    }
}

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
