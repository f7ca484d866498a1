use yew::prelude::*;
use yew_router::prelude::*;

use crate::app::{Route, SearchParams};

/// The query of the current view, from the URL's `?q=`.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SearchQuery {
    /// Empty when the URL has none, or one that cannot be read.
    pub q: String,
    /// The URL holds a `?q=` that cannot be read (bad percent-encoding),
    /// which the search page tells the reader about.
    pub malformed: bool,
    /// `&builtin=hide`: the search keeps to the reader's own articles.
    pub imported_only: bool,
}

/// A query typed on the search page whose results are drawn before the URL
/// holds it.
///
/// The URL is the state, but writing it (`history.replaceState`) costs
/// several milliseconds on a busy machine, and every view that reads the
/// location renders again after it. So a search typed on the results page
/// goes to the views through this context first, and the search box writes
/// the URL once the results are painted and the browser is idle (or at
/// once when the reader clicks anything), then clears it. `over` is the
/// URL's query it was typed over: as soon as the URL holds any other query
/// (the write landed, or Back, a link, a facet moved it), the URL decides
/// again.
#[derive(Debug, Clone, PartialEq)]
pub struct Typed {
    pub q: String,
    pub over: String,
}

/// The context [`crate::app::Frame`] provides: the query typed ahead of the
/// URL, if any.
pub type TypedQuery = UseStateHandle<Option<Typed>>;

/// The `?q=` of the current URL; views that carry a search (results, an
/// article opened from them, the focus view, the search box) read it here.
/// On the results page, a query typed ahead of the URL (see [`Typed`])
/// stands for it.
#[hook]
pub fn use_search_query() -> SearchQuery {
    let location = use_location();
    let on_search_page = use_route::<Route>() == Some(Route::Search);
    let typed = use_context::<TypedQuery>();
    match location.map(|l| l.query::<SearchParams>()) {
        Some(Ok(p)) => {
            let ahead = typed
                .as_ref()
                .and_then(|t| t.as_ref())
                .filter(|t| on_search_page && t.over == p.q);
            SearchQuery {
                imported_only: p.imported_only(),
                q: ahead.map_or(p.q, |t| t.q.clone()),
                malformed: false,
            }
        }
        Some(Err(_)) => SearchQuery {
            q: String::new(),
            malformed: true,
            imported_only: false,
        },
        None => SearchQuery::default(),
    }
}

/// The query the URL itself holds, ignoring one typed ahead of it: what the
/// search box compares a typed query with.
#[hook]
pub fn use_url_query() -> String {
    use_location()
        .and_then(|l| l.query::<SearchParams>().ok())
        .map(|p| p.q)
        .unwrap_or_default()
}
