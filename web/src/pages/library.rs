//! `/`: every article of the corpus.

use yew::prelude::*;
use yew_router::prelude::*;

use crate::app::Route;
use crate::corpus;

#[component]
pub fn LibraryPage() -> Html {
    let bundle = match corpus::bundle() {
        Ok(b) => b,
        Err(e) => {
            return html! {
                <section class="error" role="alert">
                    <h1>{ "The embedded corpus could not be read" }</h1>
                    <p>{ e.to_string() }</p>
                </section>
            }
        }
    };
    let count = bundle.articles.len();
    html! {
        <section class="library">
            <h1>{ "Library" }</h1>
            <p class="muted">{ format!("{count} article{}", if count == 1 { "" } else { "s" }) }</p>
            if count == 0 {
                <p>{ "The corpus is empty: add .txt or .md files to corpus/ and rebuild." }</p>
            }
            <ul class="cards">
                { for bundle.articles.iter().map(|a| html! {
                    <li key={a.id.clone()} class="card" data-testid="article-card">
                        <Link<Route> to={Route::Article { id: a.id.clone() }} classes="card-title">
                            { &a.title }
                        </Link<Route>>
                        <p class="card-meta">
                            { format!("{} words · {} min read", a.word_count, a.reading_minutes()) }
                        </p>
                    </li>
                }) }
            </ul>
        </section>
    }
}
