//! Routes and the application shell.

use yew::prelude::*;
use yew_router::prelude::*;

use crate::components::header::Header;
use crate::pages::{article::ArticlePage, library::LibraryPage, not_found::NotFoundPage};

/// Every view of the app is one of these, and each is a URL. The router's
/// base path comes from `<base href>`, which trunk fills from `--public-url`,
/// so the same build works at `/` and under a sub-path.
#[derive(Debug, Clone, PartialEq, Routable)]
pub enum Route {
    #[at("/")]
    Library,
    #[at("/article/:id")]
    Article { id: String },
    #[not_found]
    #[at("/not-found")]
    NotFound,
}

/// Renders the page for a route.
pub fn switch(route: Route) -> Html {
    match route {
        Route::Library => html! { <LibraryPage /> },
        Route::Article { id } => html! { <ArticlePage {id} /> },
        Route::NotFound => html! { <NotFoundPage /> },
    }
}

/// The shell without a router, so tests can supply their own history.
#[component]
pub fn Shell() -> Html {
    html! {
        <>
            <Header />
            <main id="main" class="main">
                <Switch<Route> render={switch} />
            </main>
        </>
    }
}

/// The app as the browser runs it.
#[component]
pub fn App() -> Html {
    html! {
        <BrowserRouter>
            <Shell />
        </BrowserRouter>
    }
}
