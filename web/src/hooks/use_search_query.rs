use yew::prelude::*;
use yew_router::prelude::*;

use crate::app::SearchParams;

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

/// The `?q=` of the current URL; views that carry a search (results, an
/// article opened from them, the focus view, the search box) read it here.
#[hook]
pub fn use_search_query() -> SearchQuery {
    let location = use_location();
    match location.map(|l| l.query::<SearchParams>()) {
        Some(Ok(p)) => SearchQuery {
            imported_only: p.imported_only(),
            q: p.q,
            malformed: false,
        },
        Some(Err(_)) => SearchQuery {
            q: String::new(),
            malformed: true,
            imported_only: false,
        },
        None => SearchQuery::default(),
    }
}
