//! The top bar on every page.

use yew::prelude::*;
use yew_router::prelude::*;

use crate::app::Route;

#[component]
pub fn Header() -> Html {
    html! {
        <header class="site-header">
            <Link<Route> to={Route::Library} classes="brand">
                <span class="brand-mark" aria-hidden="true">{ "✕" }</span>
                { "Crosscheck" }
            </Link<Route>>
            <span class="tagline">{ "Read news reports against each other" }</span>
        </header>
    }
}
