//! `/compare?q=…`: one topic across the corpus. For the query, the best
//! passage of each of the articles the search ranks highest (a dozen, see
//! `crosscheck_core::bundle::FOCUS_ARTICLES`), side by side, with the
//! query's words marked, so a reader sees at once how the reports cover it.

use std::rc::Rc;

use crosscheck_core::Span;
use yew::prelude::*;
use yew_router::prelude::*;

use crate::app::{Route, SearchParams};
use crate::components::anchor_link::AnchorLink;
use crate::components::marked::{Mark, Marked};
use crate::components::share_button::ShareButton;
use crate::hooks::{use_corpus, use_search_query, SearchQuery};
use crate::pages::search::Preparing;

#[component]
pub fn FocusPage() -> Html {
    let corpus = use_corpus();
    let SearchQuery {
        q, imported_only, ..
    } = use_search_query();
    let view = use_memo(
        (corpus.clone(), q.clone(), imported_only),
        |(corpus, q, imported_only)| corpus.focus_in(q, *imported_only),
    );
    let Some(view) = view.as_ref() else {
        return html! {
            <section class="focus-page">
                <h1>{ "One topic, every report" }</h1>
                <Preparing />
            </section>
        };
    };
    html! {
        <section class="focus-page">
            <h1>{ "One topic, every report" }</h1>
            <div class="results-head">
                <p class="muted">
                    if q.trim().is_empty() {
                        { "Type a topic in the search box, then choose “Compare passages”." }
                    } else {
                        { format!("The passage that best covers “{q}” in each of the articles that match it best.") }
                    }
                </p>
                <ShareButton title={format!("Crosscheck: {q} in every report")} />
            </div>
            if !q.trim().is_empty() && view.passages.is_empty() {
                <p data-testid="no-results">{ "No article covers this topic." }</p>
            }
            <div class="focus-grid">
                { for view.passages.iter().filter_map(|p| {
                    let article = corpus.articles().get(p.article as usize)?;
                    let first = article.sentences.get(p.sentences.start as usize)?;
                    let last = article.sentences.get(p.sentences.end.saturating_sub(1) as usize)?;
                    let span = Span { start: first.span.start, end: last.span.end };
                    let paragraph = article.paragraph_number(first.block as usize);
                    let mut matches = p.matches.clone();
                    matches.sort();
                    let marks: Rc<[Mark]> = matches.into_iter().map(|m| Mark::highlight(m, "")).collect();
                    Some(html! {
                        <article class="focus-card" data-testid="focus-passage">
                            <h2>
                                <AnchorLink to={Route::Article { id: article.id.clone() }}
                                    query={Some(SearchParams::new(q.clone()))}
                                    anchor={paragraph.map(|n| format!("#p-{}", n + 1)).unwrap_or_default()}>
                                    { &article.title }
                                </AnchorLink>
                            </h2>
                            <p><Marked text={article.body.clone()} within={span} {marks} /></p>
                        </article>
                    })
                }) }
            </div>
            <p><Link<Route> to={Route::Overview}>{ "Corpus overview: how all the reports relate" }</Link<Route>></p>
        </section>
    }
}
