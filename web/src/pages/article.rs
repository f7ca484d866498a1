//! `/article/<id>`: one article, paragraph by paragraph.

use yew::prelude::*;
use yew_router::prelude::*;

use crate::app::Route;
use crate::corpus;
use crate::pages::not_found::NotFoundPage;

#[derive(Properties, PartialEq)]
pub struct ArticleProps {
    pub id: String,
}

#[component]
pub fn ArticlePage(props: &ArticleProps) -> Html {
    let Some(article) = corpus::find(&props.id) else {
        return html! { <NotFoundPage /> };
    };
    html! {
        <article class="article">
            <nav class="crumbs" aria-label="Breadcrumb">
                <Link<Route> to={Route::Library}>{ "← Library" }</Link<Route>>
            </nav>
            <h1 data-testid="article-title">{ &article.title }</h1>
            <p class="muted">
                { format!("{} · {} words · {} min read", article.file, article.word_count, article.reading_minutes()) }
            </p>
            { for article.paragraphs().enumerate().map(|(i, p)| html! {
                <p id={format!("p-{}", i + 1)} class="para">{ p }</p>
            }) }
        </article>
    }
}
