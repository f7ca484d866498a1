//! Shown for unknown routes and unknown or malformed ids.

use yew::prelude::*;
use yew_router::prelude::*;

use crate::app::Route;

#[component]
pub fn NotFoundPage() -> Html {
    html! {
        <section class="not-found" data-testid="not-found">
            <h1>{ "Not found" }</h1>
            <p>{ "There is no page or article at this address. It may have been mistyped, or the article was removed from the corpus." }</p>
            <p><Link<Route> to={Route::Library}>{ "Back to the library" }</Link<Route>></p>
        </section>
    }
}
