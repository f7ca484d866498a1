//! Routes, the application shell, and the app with its corpus in context.

use yew::prelude::*;
use yew_router::prelude::*;

use wasm_bindgen::JsCast;

use crate::components::header::Header;
use crate::components::update_banner::UpdateBanner;
use crate::pages::{
    article::ArticlePage, compare::ComparePage, focus::FocusPage, library::LibraryPage,
    not_found::NotFoundPage, overview::OverviewPage, search::SearchPage,
};
use crate::state::Corpus;

/// The query string of views that carry a search: `?q=…`.
#[derive(Debug, Clone, Default, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct SearchParams {
    #[serde(default)]
    pub q: String,
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

/// The shell without a router or corpus, so tests can supply their own
/// history and corpus.
#[component]
pub fn Shell() -> Html {
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
    html! {
        <>
            <Header />
            <UpdateBanner />
            <main id="main" class="main">
                <Switch<Route> render={switch} />
            </main>
            <footer class="site-footer">
                { "Crosscheck runs entirely in your browser: no account, no tracking, works offline." }
                if let Some(label) = option_env!("CROSSCHECK_BUILD_LABEL") {
                    <span class="build-label" data-testid="build-label">{ format!(" Build {label}.") }</span>
                }
            </footer>
        </>
    }
}

#[derive(Properties, PartialEq)]
pub struct AppProps {
    /// The corpus every view shows, decoded at start-up (see `main.rs`),
    /// or why it could not be.
    pub corpus: Result<Corpus, AttrValue>,
}

/// The app as the browser runs it: the corpus in context, the browser's
/// history as the router's. When the corpus could not be decoded (a build
/// problem), one message says why instead, with the update banner, so a
/// fixed version can still arrive.
#[component]
pub fn App(props: &AppProps) -> Html {
    match &props.corpus {
        Ok(corpus) => html! {
            <ContextProvider<Corpus> context={corpus.clone()}>
                <BrowserRouter>
                    <Shell />
                </BrowserRouter>
            </ContextProvider<Corpus>>
        },
        Err(reason) => html! {
            <>
                <UpdateBanner />
                <main id="main" class="main">
                    <section class="error" role="alert" data-testid="corpus-unreadable">
                        <h1>{ "The embedded corpus could not be read" }</h1>
                        <p>{ reason }</p>
                    </section>
                </main>
            </>
        },
    }
}
