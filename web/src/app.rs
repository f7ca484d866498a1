//! Routes, the application shell, and the app with its corpus in context.

use yew::prelude::*;
use yew_router::prelude::*;

use wasm_bindgen::JsCast;

use crate::components::header::Header;
use crate::components::update_banner::UpdateBanner;
use crate::hooks::{Typed, TypedQuery};
use crate::import::{use_importer, Importer};
use crate::pages::{
    article::ArticlePage, compare::ComparePage, focus::FocusPage, library::LibraryPage,
    not_found::NotFoundPage, overview::OverviewPage, search::SearchPage, synopsis::SynopsisPage,
};
use crate::state::Corpus;

/// The query string of views that carry a search: `?q=…`, and
/// `&builtin=hide` when the search keeps to the reader's own articles
/// (the library's "Show built-in articles" turned off, which writes the
/// same parameter).
#[derive(Debug, Clone, Default, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct SearchParams {
    #[serde(default)]
    pub q: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub builtin: String,
}

impl SearchParams {
    /// A search of every article.
    pub fn new(q: impl Into<String>) -> SearchParams {
        SearchParams {
            q: q.into(),
            builtin: String::new(),
        }
    }

    /// A search of the reader's own articles alone when `imported_only`.
    pub fn scoped(q: impl Into<String>, imported_only: bool) -> SearchParams {
        SearchParams {
            q: q.into(),
            builtin: if imported_only { "hide" } else { "" }.to_owned(),
        }
    }

    pub fn imported_only(&self) -> bool {
        self.builtin == "hide"
    }
}

/// Every view of the app is one of these, and each is a URL. The router's
/// base path comes from `<base href>`, which trunk fills from `--public-url`,
/// so the same build works at `/` and under a sub-path.
#[derive(Debug, Clone, PartialEq, Routable)]
pub enum Route {
    #[at("/")]
    Library,
    /// `?q=` holds the query (see [`SearchParams`]).
    #[at("/search")]
    Search,
    #[at("/article/:id")]
    Article { id: String },
    /// Query-focused view: `?q=` picks the topic.
    #[at("/compare")]
    Focus,
    #[at("/compare/:a/:b")]
    Compare { a: String, b: String },
    #[at("/overview")]
    Overview,
    /// Several reports fact by fact: `ids` is their ids, comma-separated,
    /// in column order; `?show=&order=` (see
    /// [`crate::pages::synopsis::SynopsisParams`]) filter and order facts.
    #[at("/synopsis/:ids")]
    Synopsis { ids: String },
    #[not_found]
    #[at("/not-found")]
    NotFound,
}

/// Renders the page for a route.
pub fn switch(route: Route) -> Html {
    match route {
        Route::Library => html! { <LibraryPage /> },
        Route::Search => html! { <SearchPage /> },
        Route::Article { id } => html! { <ArticlePage {id} /> },
        Route::Focus => html! { <FocusPage /> },
        Route::Compare { a, b } => html! { <ComparePage {a} {b} /> },
        Route::Overview => html! { <OverviewPage /> },
        Route::Synopsis { ids } => html! { <SynopsisPage {ids} /> },
        Route::NotFound => html! { <NotFoundPage /> },
    }
}

/// The full address of a route under the app's base path, with an optional
/// query and fragment, for links yew-router's `Link` cannot make.
pub fn href(route: &Route, query: Option<&SearchParams>, anchor: &str) -> String {
    use yew_router::query::ToQuery;
    let base = yew_router::utils::base_url().unwrap_or_default();
    let mut out = format!("{}{}", base.trim_end_matches('/'), route.to_path());
    if let Some(q) = query.and_then(|q| q.to_query().ok()) {
        if !q.is_empty() {
            out.push('?');
            out.push_str(&q);
        }
    }
    out.push_str(anchor);
    out
}

/// Moves keyboard focus to the page's main heading (or `<main>`), so a
/// screen reader announces the new page and Tab starts from its content.
pub fn focus_main() {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let target = document
        .query_selector("#main h1")
        .ok()
        .flatten()
        .or_else(|| document.get_element_by_id("main"));
    if let Some(el) = target.and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
        el.set_attribute("tabindex", "-1").ok();
        el.focus().ok();
    }
}

#[derive(Properties, PartialEq)]
pub struct FrameProps {
    pub children: Html,
}

/// What every page shares: header, update banner, `<main>` holding
/// `children`, footer. It needs a router but no corpus, so it paints before
/// the corpus has arrived and stays mounted when it does (a query typed
/// while the data loads is kept).
#[component]
pub fn Frame(props: &FrameProps) -> Html {
    // Focus follows navigation, but not on the first load (the reader has
    // not moved yet, and stealing focus there would skip the header).
    let location = use_location();
    let path = location.as_ref().map(|l| l.path().to_owned());
    let first = use_mut_ref(|| true);
    use_effect_with(path, move |_| {
        if std::mem::replace(&mut *first.borrow_mut(), false) {
            return;
        }
        // Navigation caused by typing in the search box or choosing in a
        // list must not pull focus away from that control.
        let in_control = gloo_utils::document()
            .active_element()
            .map(|el| matches!(el.tag_name().as_str(), "INPUT" | "SELECT" | "TEXTAREA"))
            .unwrap_or(false);
        if !in_control {
            focus_main();
        }
    });
    // How wide the page may grow: columns need room, running text less.
    // A class from the route rather than `:has()` in the stylesheet: the
    // width follows the route, not whatever happens to be inside `<main>`.
    let width = match use_route::<Route>() {
        Some(Route::Compare { .. } | Route::Focus | Route::Overview | Route::Synopsis { .. }) => {
            "wide"
        }
        Some(Route::Article { .. } | Route::Search) => "medium",
        _ => "",
    };
    // The query typed on the results page ahead of its URL, shared by the
    // search box (in the header) and the results (in `<main>`).
    let typed = use_state(|| None::<Typed>);
    html! {
        <ContextProvider<TypedQuery> context={typed}>
            <Header />
            <UpdateBanner />
            <main id="main" class={classes!("main", width)}>
                { props.children.clone() }
            </main>
            <footer class="site-footer">
                { "Crosscheck runs entirely in your browser: no account, no tracking, works offline." }
                if let Some(label) = option_env!("CROSSCHECK_BUILD_LABEL") {
                    <span class="build-label" data-testid="build-label">{ format!(" Build {label}.") }</span>
                }
            </footer>
        </ContextProvider<TypedQuery>>
    }
}

/// The shell without a router or corpus, so tests can supply their own
/// history and corpus (through the context).
#[component]
pub fn Shell() -> Html {
    html! { <Frame><Switch<Route> render={switch} /></Frame> }
}

/// Where the corpus is on its way to the views.
#[derive(Clone, PartialEq)]
enum Load {
    /// Bytes received so far, of `total` when the page states the size.
    Arriving {
        received: u64,
        total: Option<u64>,
    },
    /// Articles decoded so far, of `total`.
    Reading {
        articles: usize,
        total: usize,
    },
    Ready(Corpus),
    Failed(AttrValue),
}

/// The performance mark set when the corpus's search index is built.
const SEARCHABLE_MARK: &str = "crosscheck-searchable";

/// Progress is drawn at most this often (ms): a re-render per network
/// chunk would cost more than the download.
const PROGRESS_EVERY_MS: f64 = 100.0;

/// The app as the browser runs it: the browser's history as the router's,
/// the frame painted at once, the corpus data file fetched with progress
/// shown, decoded once, then the views with the corpus in context. When the
/// data cannot be loaded or read, one message says why instead of the
/// views, under the header and update banner, so a fixed version can still
/// arrive.
#[component]
pub fn App() -> Html {
    let load = use_state(|| Load::Arriving {
        received: 0,
        total: None,
    });
    // The corpus in the context, for the index built after the articles
    // are shown: it is dropped if an import replaced the corpus meanwhile.
    let shown = use_mut_ref(|| None::<Corpus>);
    {
        let (load, shown) = (load.clone(), shown.clone());
        use_effect_with((), move |_| {
            // The app has drawn its frame: the static one of index.html goes.
            if let Some(boot) = gloo_utils::document().get_element_by_id("boot") {
                boot.remove();
            }
            wasm_bindgen_futures::spawn_local(async move {
                let corpus = match fetch_corpus(&load).await {
                    Ok(corpus) => corpus,
                    Err(reason) => return load.set(Load::Failed(reason)),
                };
                *shown.borrow_mut() = Some(corpus.clone());
                load.set(Load::Ready(corpus.clone()));
                let still_shown = || shown.borrow().as_ref() == Some(&corpus);
                if let Some(searchable) = corpus.indexed(still_shown).await {
                    // For the browser benchmark (`scripts/bench-browser.mjs`)
                    // and the browser's performance panel.
                    if let Some(perf) = web_sys::window().and_then(|w| w.performance()) {
                        perf.mark(SEARCHABLE_MARK).ok();
                    }
                    *shown.borrow_mut() = Some(searchable.clone());
                    load.set(Load::Ready(searchable));
                }
            });
        });
    }
    let importer = {
        let (load, shown) = (load.clone(), shown.clone());
        use_importer(Callback::from(move |corpus: Corpus| {
            *shown.borrow_mut() = Some(corpus.clone());
            load.set(Load::Ready(corpus))
        }))
    };
    // Articles the reader imported earlier come back once the corpus is in
    // place (restoring before could race with the first load).
    {
        let restore = importer.restore.clone();
        let ready = matches!(*load, Load::Ready(_));
        let restored = use_mut_ref(|| false);
        use_effect_with(ready, move |ready| {
            if *ready && !std::mem::replace(&mut *restored.borrow_mut(), true) {
                restore.emit(());
            }
        });
    }
    let content = match &*load {
        Load::Ready(corpus) => html! {
            <ContextProvider<Corpus> context={corpus.clone()}>
                <ContextProvider<Importer> context={importer}>
                    <Switch<Route> render={switch} />
                </ContextProvider<Importer>>
            </ContextProvider<Corpus>>
        },
        Load::Arriving { received, total } => loading(*received, *total),
        Load::Reading { articles, total } => reading(*articles, *total),
        Load::Failed(reason) => html! {
            <section class="error" role="alert" data-testid="corpus-unreadable">
                <h1>{ "The articles could not be loaded" }</h1>
                <p>{ reason }</p>
                <p>{ "Check the connection and reload the page. Once loaded, Crosscheck keeps working offline." }</p>
            </section>
        },
    };
    html! {
        <BrowserRouter>
            <Frame>{ content }</Frame>
        </BrowserRouter>
    }
}

/// Fetches the corpus and decodes its articles, reporting progress into
/// `load`; the search index is built after they are shown.
async fn fetch_corpus(load: &UseStateHandle<Load>) -> Result<Corpus, AttrValue> {
    let Some(file) = crate::browser::data::locate() else {
        return Err("This page names no data file: the build is incomplete.".into());
    };
    let total = file.bytes;
    let last = std::cell::Cell::new(0.0);
    let progress = |received: u64| {
        let now = js_sys::Date::now();
        if now - last.get() >= PROGRESS_EVERY_MS {
            last.set(now);
            load.set(Load::Arriving { received, total });
        }
    };
    let bytes = crate::browser::data::fetch(&file, progress)
        .await
        .map_err(AttrValue::from)?;
    let read = Corpus::decode_articles(&bytes, |articles, total| {
        load.set(Load::Reading { articles, total })
    });
    read.await
        .map_err(|e| format!("The data file cannot be read: {e}.").into())
}

/// The main area while the data is decoded.
fn reading(articles: usize, total: usize) -> Html {
    html! {
        <section class="loading" data-testid="corpus-loading" aria-busy="true">
            <h1>{ "Reading the articles…" }</h1>
            <progress max={total.max(1).to_string()} value={articles.to_string()} aria-label="Articles read"></progress>
            <p class="muted">{ format!("{articles} of {total}") }</p>
        </section>
    }
}

/// The main area while the data arrives: what is happening, and how far.
fn loading(received: u64, total: Option<u64>) -> Html {
    let mb = |b: u64| format!("{:.1} MB", b as f64 / 1_000_000.0);
    let done = match total {
        Some(t) if t > 0 => format!("{} of {}", mb(received.min(t)), mb(t)),
        _ => mb(received),
    };
    html! {
        <section class="loading" data-testid="corpus-loading" aria-busy="true">
            <h1>{ "Loading the articles…" }</h1>
            if let Some(t) = total.filter(|&t| t > 0) {
                <progress max={t.to_string()} value={received.min(t).to_string()} aria-label="Articles downloaded"></progress>
            } else {
                <progress aria-label="Articles downloaded"></progress>
            }
            <p class="muted">{ done }</p>
        </section>
    }
}
