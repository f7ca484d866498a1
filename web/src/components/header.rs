//! The top bar on every page.

use yew::prelude::*;
use yew_router::prelude::*;

use crate::app::Route;
use crate::components::search_box::SearchBox;
use crate::components::theme_toggle::ThemeToggle;

/// `<base href>` makes a bare `#main` link point at the site root, so the
/// skip link moves focus itself instead of navigating.
fn skip_to_main(e: MouseEvent) {
    e.prevent_default();
    crate::app::focus_main();
}

#[component]
pub fn Header() -> Html {
    html! {
        <header class="site-header">
            <a class="skip-link" href="#main" onclick={Callback::from(skip_to_main)}>{ "Skip to content" }</a>
            <Link<Route> to={Route::Library} classes="brand">
                <span class="brand-mark" aria-hidden="true">{ "✕" }</span>
                { "Crosscheck" }
            </Link<Route>>
            <span class="tagline">{ "Read news reports against each other" }</span>
            <span class="header-spacer"></span>
            <SearchBox />
            <nav aria-label="Views" class="header-nav">
                <Link<Route> to={Route::Overview}>{ "Overview" }</Link<Route>>
            </nav>
            <ThemeToggle />
        </header>
    }
}
