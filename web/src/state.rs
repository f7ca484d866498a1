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
//! The page decodes the articles first and shows them; the search index is
//! built from them afterwards, a slice at a time ([`Corpus::indexed`]), and
//! until it is there searches answer `None` (the views say the search is
//! being prepared).
//!
//! A [`Corpus`] is a handle: an `Rc` to the bundle and to what the views
//! derive from it, compared by identity (and by whether it is searchable,
//! so views that search draw again once the index is built). Replacing the context's value with
//! another corpus (articles imported in the browser, say) re-renders every
//! view that reads it, and memos keyed on it are computed again; derived
//! data lives and dies with the corpus it was derived from.

use std::cell::{OnceCell, RefCell};
use std::convert::Infallible;
use std::ops::Deref;
use std::rc::Rc;

use crosscheck_core::compare::corpus::{entity_coverage, EntityCoverage};
use crosscheck_core::compare::synopsis::Synopsis;
use crosscheck_core::compare::FocusView;
use crosscheck_core::compare::Story;
use crosscheck_core::search::index::IndexBuild;
use crosscheck_core::{
    Article, Bundle, BundleDecoder, BundleError, SearchIndex, SearchOptions, SearchResults, Span,
};

/// How long one slice of decoding runs before the browser gets a turn:
/// short enough that a frame is never held long, long enough that a corpus
/// of thousands is not mostly waiting between slices.
const DECODE_SLICE_MS: f64 = 12.0;
/// Articles one step of the decoder reads or indexes, between two looks
/// at the clock: well under a millisecond of work for news-sized articles.
const ARTICLES_PER_STEP: usize = 8;

/// The corpus the app shows, cheap to clone.
#[derive(Clone)]
pub struct Corpus {
    state: Rc<State>,
    /// Whether this handle was made with the index in place: two handles
    /// of one corpus, before and after its index is built, differ.
    searchable: bool,
}

struct State {
    /// The articles, comparison and weights; its own `index` is left empty
    /// (searches go through [`Corpus::search`] and `index` below).
    bundle: Bundle,
    /// The search index of the bundle's articles, once built.
    index: OnceCell<SearchIndex>,
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
        Rc::ptr_eq(&self.state, &other.state) && self.searchable == other.searchable
    }
}

/// Runs `step` until it gives a value, in slices of about
/// [`DECODE_SLICE_MS`] with the browser given a turn between them: `go_on`
/// is asked before each slice (`None` when it says to stop), `after` is
/// told after each slice that did not finish.
async fn in_slices<T, E>(
    mut step: impl FnMut() -> Result<Option<T>, E>,
    go_on: impl Fn() -> bool,
    after: impl Fn(),
) -> Result<Option<T>, E> {
    loop {
        if !go_on() {
            return Ok(None);
        }
        let began = js_sys::Date::now();
        while js_sys::Date::now() - began < DECODE_SLICE_MS {
            if let Some(done) = step()? {
                return Ok(Some(done));
            }
        }
        after();
        gloo_timers::future::TimeoutFuture::new(0).await;
    }
}

impl Corpus {
    /// A corpus of a bundle with its index built.
    pub fn new(mut bundle: Bundle) -> Corpus {
        let index = OnceCell::from(std::mem::take(&mut bundle.index));
        Corpus::of(bundle, index)
    }

    fn of(bundle: Bundle, index: OnceCell<SearchIndex>) -> Corpus {
        let searchable = index.get().is_some();
        Corpus {
            state: Rc::new(State {
                bundle,
                index,
                coverage: OnceCell::new(),
                stories: OnceCell::new(),
                synopsis: RefCell::new(None),
            }),
            searchable,
        }
    }

    /// Decodes the data file the build wrote.
    pub fn from_bytes(bytes: &[u8]) -> Result<Corpus, BundleError> {
        Bundle::from_bytes(bytes).map(Corpus::new)
    }

    /// Decodes a data file with its index, in slices (see
    /// [`Corpus::decode_articles`] and [`Corpus::indexed`]).
    pub async fn decode(
        bytes: &[u8],
        progress: impl Fn(usize, usize),
    ) -> Result<Corpus, BundleError> {
        let corpus = Corpus::decode_articles(bytes, progress).await?;
        Ok(corpus.indexed(|| true).await.unwrap_or(corpus))
    }

    /// Decodes a data file's articles, comparison and weights in slices of
    /// about [`DECODE_SLICE_MS`], letting the browser draw and answer input
    /// between them; `progress` hears (articles decoded, total) after each.
    /// The corpus is not searchable yet: see [`Corpus::indexed`].
    pub async fn decode_articles(
        bytes: &[u8],
        progress: impl Fn(usize, usize),
    ) -> Result<Corpus, BundleError> {
        let decoder = RefCell::new(BundleDecoder::new(bytes)?.leave_index());
        let read = in_slices(
            || decoder.borrow_mut().step(ARTICLES_PER_STEP),
            || true,
            || {
                let p = decoder.borrow().progress();
                progress(p.articles, p.total);
            },
        );
        let bundle = read.await?.expect("decoding is never stopped");
        Ok(Corpus::of(bundle, OnceCell::new()))
    }

    /// Builds the search index of a corpus decoded without one, in slices
    /// like decoding, and returns the corpus again as a searchable handle
    /// (unequal to this one, so the views that search draw again). Stops
    /// with `None` as soon as `wanted` says the corpus is no longer shown.
    /// A corpus already searchable comes back at once.
    pub async fn indexed(&self, wanted: impl Fn() -> bool) -> Option<Corpus> {
        let mut build = IndexBuild::default();
        let step = || Ok::<_, Infallible>(build.step(self.articles(), ARTICLES_PER_STEP));
        // Another call may have built it meanwhile: then this one stops.
        let go_on = || self.state.index.get().is_none() && wanted();
        if let Ok(Some(index)) = in_slices(step, go_on, || {}).await {
            self.state.index.set(index).ok();
        }
        self.state.index.get()?;
        Some(Corpus {
            state: self.state.clone(),
            searchable: true,
        })
    }

    /// Whether searches can be answered yet.
    pub fn is_searchable(&self) -> bool {
        self.state.index.get().is_some()
    }

    /// Searches the articles (see `Bundle::search`); `None` while the
    /// index is being built.
    pub fn search(&self, query: &str, options: &SearchOptions) -> Option<SearchResults> {
        let index = self.state.index.get()?;
        Some(self.bundle().search_with(index, query, options))
    }

    /// The best passage of each of the articles the search ranks highest
    /// (see `Bundle::focus_in`); `None` while the index is being built.
    pub fn focus_in(&self, query: &str, imported_only: bool) -> Option<FocusView> {
        let index = self.state.index.get()?;
        Some(self.bundle().focus_with(index, query, imported_only))
    }

    /// Byte spans of `article`'s body that match `query`; none while the
    /// index is being built.
    pub fn highlights(&self, article: &Article, query: &str, options: &SearchOptions) -> Vec<Span> {
        self.state
            .index
            .get()
            .map(|index| index.highlights(article, query, options))
            .unwrap_or_default()
    }

    /// The articles, comparison and weights. Its own search index is
    /// empty: search with [`Corpus::search`].
    pub fn bundle(&self) -> &Bundle {
        &self.state.bundle
    }

    pub fn articles(&self) -> &[Article] {
        &self.state.bundle.articles
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
        self.state
            .coverage
            .get_or_init(|| entity_coverage(&self.articles().iter().collect::<Vec<_>>()))
    }

    /// The stories of the corpus (groups of articles reporting the same
    /// one), largest first.
    pub fn stories(&self) -> &[Story] {
        self.state
            .stories
            .get_or_init(|| self.bundle().comparison.graph.stories())
    }

    /// The synopsis of `ids` if it is the last one computed.
    pub fn cached_synopsis(&self, ids: &[&str]) -> Option<Rc<Synopsis>> {
        let key = ids.join(",");
        let cache = self.state.synopsis.borrow();
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
        *self.state.synopsis.borrow_mut() = Some((ids.join(","), s.clone()));
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
    /// Position in [`Corpus::articles`] (and in the search index and the
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
