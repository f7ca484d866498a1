//! The app's state: the corpus it shows, handed to every view through a yew
//! context (`ContextProvider<Corpus>` in [`crate::app::App`], read with
//! [`crate::hooks::use_corpus`]).
//!
//! The corpus is a data file beside the code (see
//! [`crate::browser::data`]): [`crate::app::App`] paints its frame at once,
//! shows progress while the file arrives, decodes it once into a
//! [`Corpus`] and only then renders the views inside the context, so no
//! view ever handles a missing corpus. When it cannot be loaded or decoded,
//! one message says why instead of the views. Tests provide a corpus of
//! their own the same way, through the context ([`Corpus::new`] over any
//! `Bundle`).
//!
//! A [`Corpus`] is a handle: an `Rc` to the bundle and to what the views
//! derive from it, compared by identity. Replacing the context's value with
//! another corpus (articles imported in the browser, say) re-renders every
//! view that reads it, and memos keyed on it are computed again; derived
//! data lives and dies with the corpus it was derived from.

use std::cell::{OnceCell, RefCell};
use std::ops::Deref;
use std::rc::Rc;

use crosscheck_core::compare::corpus::{entity_coverage, EntityCoverage};
use crosscheck_core::compare::synopsis::Synopsis;
use crosscheck_core::compare::Story;
use crosscheck_core::{Article, Bundle, BundleDecoder, BundleError};

/// How long one slice of decoding runs before the browser gets a turn:
/// short enough that a frame is never held long, long enough that a corpus
/// of thousands is not mostly waiting between slices.
const DECODE_SLICE_MS: f64 = 12.0;
/// Articles one step of the decoder reads and indexes, between two looks
/// at the clock: well under a millisecond of work for news-sized articles.
const ARTICLES_PER_STEP: usize = 8;

/// The corpus the app shows, cheap to clone.
#[derive(Clone)]
pub struct Corpus(Rc<State>);

struct State {
    bundle: Bundle,
    /// The overview's entity × article table, computed on first use.
    coverage: OnceCell<Vec<EntityCoverage>>,
    /// The stories of the similarity graph, computed on first use.
    stories: OnceCell<Vec<Story>>,
    /// The last synopsis computed, by its ids (comma-separated): going
    /// back to it, or changing its filter, costs nothing.
    synopsis: RefCell<Option<(String, Rc<Synopsis>)>>,
}

/// Two handles are equal when they are the same corpus: a view re-renders
/// when the corpus is replaced, never by comparing articles.
impl PartialEq for Corpus {
    fn eq(&self, other: &Corpus) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl Corpus {
    pub fn new(bundle: Bundle) -> Corpus {
        Corpus(Rc::new(State {
            bundle,
            coverage: OnceCell::new(),
            stories: OnceCell::new(),
            synopsis: RefCell::new(None),
        }))
    }

    /// Decodes the data file the build wrote.
    pub fn from_bytes(bytes: &[u8]) -> Result<Corpus, BundleError> {
        Bundle::from_bytes(bytes).map(Corpus::new)
    }

    /// Decodes a data file (and builds its search index) in slices of
    /// about [`DECODE_SLICE_MS`], letting the browser draw and answer input
    /// between them; `progress` hears (articles decoded, total) after each.
    pub async fn decode(
        bytes: &[u8],
        progress: impl Fn(usize, usize),
    ) -> Result<Corpus, BundleError> {
        let mut decoder = BundleDecoder::new(bytes)?;
        loop {
            let began = js_sys::Date::now();
            while js_sys::Date::now() - began < DECODE_SLICE_MS {
                if let Some(bundle) = decoder.step(ARTICLES_PER_STEP)? {
                    return Ok(Corpus::new(bundle));
                }
            }
            let p = decoder.progress();
            progress(p.articles, p.total);
            gloo_timers::future::TimeoutFuture::new(0).await;
        }
    }

    pub fn bundle(&self) -> &Bundle {
        &self.0.bundle
    }

    pub fn articles(&self) -> &[Article] {
        &self.0.bundle.articles
    }

    /// The article at `index` of [`Corpus::articles`].
    pub fn article(&self, index: usize) -> Option<ArticleRef> {
        (index < self.articles().len()).then(|| ArticleRef {
            corpus: self.clone(),
            index,
        })
    }

    /// Finds an article by the id taken from a URL. Malformed ids are
    /// rejected before the lookup, so a URL can never match something it
    /// should not.
    pub fn find(&self, id: &str) -> Option<ArticleRef> {
        if !crosscheck_core::id::is_valid(id) {
            return None;
        }
        let index = self.articles().iter().position(|a| a.id == id)?;
        self.article(index)
    }

    /// Every entity with its mentions per article, widest covered first.
    pub fn entity_coverage(&self) -> &[EntityCoverage] {
        self.0
            .coverage
            .get_or_init(|| entity_coverage(&self.articles().iter().collect::<Vec<_>>()))
    }

    /// The stories of the corpus (groups of articles reporting the same
    /// one), largest first.
    pub fn stories(&self) -> &[Story] {
        self.0
            .stories
            .get_or_init(|| self.bundle().comparison.graph.stories())
    }

    /// The synopsis of `ids` if it is the last one computed.
    pub fn cached_synopsis(&self, ids: &[&str]) -> Option<Rc<Synopsis>> {
        let key = ids.join(",");
        let cache = self.0.synopsis.borrow();
        cache
            .as_ref()
            .filter(|(k, _)| *k == key)
            .map(|(_, s)| s.clone())
    }

    /// The synopsis of articles by id (see `Bundle::synopsis`), kept as
    /// the last one computed; `None` when an id is not in the corpus.
    pub fn synopsis(&self, ids: &[&str]) -> Option<Rc<Synopsis>> {
        if let Some(s) = self.cached_synopsis(ids) {
            return Some(s);
        }
        let s = Rc::new(self.bundle().synopsis(ids).ok()?);
        *self.0.synopsis.borrow_mut() = Some((ids.join(","), s.clone()));
        Some(s)
    }

    /// The articles most similar to `article` that the similarity graph
    /// keeps (its nearest, and any pair past the graph's floor), most
    /// similar first. The bundle keeps the graph in step with its articles
    /// when they are added or removed; a bundle whose fields were changed
    /// by hand may not be, and then this is empty rather than a panic.
    pub fn nearest(&self, article: &ArticleRef) -> Vec<(ArticleRef, f32)> {
        let graph = &self.bundle().comparison.graph;
        if graph.len() != self.articles().len() || article.index >= graph.len() {
            return Vec::new();
        }
        graph
            .nearest(article.index, graph.len())
            .into_iter()
            .filter_map(|(j, s)| Some((self.article(j)?, s)))
            .collect()
    }
}

/// One article of a corpus: the corpus and the article's position in it.
/// Props carry this instead of the article, so comparing them is comparing
/// two numbers and a pointer.
#[derive(Clone)]
pub struct ArticleRef {
    corpus: Corpus,
    index: usize,
}

impl ArticleRef {
    /// Position in [`Corpus::articles`] (and in the bundle's index and
    /// similarity graph).
    pub fn index(&self) -> usize {
        self.index
    }
}

impl Deref for ArticleRef {
    type Target = Article;

    fn deref(&self) -> &Article {
        // In range: made only by `Corpus::article`, and a corpus never changes.
        &self.corpus.articles()[self.index]
    }
}

impl PartialEq for ArticleRef {
    fn eq(&self, other: &ArticleRef) -> bool {
        self.index == other.index && self.corpus == other.corpus
    }
}
