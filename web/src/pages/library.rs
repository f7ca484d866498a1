//! `/`: every article of the corpus.

use yew::prelude::*;
use yew_router::prelude::*;

use crosscheck_core::Article;

use crate::app::Route;
use crate::hooks::use_corpus;

/// Dateline, source and length: what a reader scans a list by.
fn card_meta(a: &Article) -> String {
    let mut parts = Vec::new();
    if let Some(d) = &a.dateline {
        parts.push(
            d.trim_end_matches(|c: char| !c.is_alphanumeric() && c != ')')
                .to_owned(),
        );
    }
    if let Some(s) = &a.metadata.source {
        parts.push(s.clone());
    } else if !a.sources.is_empty() {
        parts.push(format!("from {} sources", a.sources.len()));
    }
    parts.push(format!(
        "{} words · {} min read",
        a.word_count,
        a.reading_minutes()
    ));
    parts.join(" · ")
}

/// The five most-mentioned entities, so cards show who and where at a glance.
fn top_entities(a: &Article) -> String {
    let mut entities: Vec<_> = a.entities.iter().collect();
    entities.sort_by(|x, y| {
        y.mentions
            .len()
            .cmp(&x.mentions.len())
            .then(x.name.cmp(&y.name))
    });
    entities
        .iter()
        .take(5)
        .map(|e| e.name.as_str())
        .collect::<Vec<_>>()
        .join(" · ")
}

#[component]
pub fn LibraryPage() -> Html {
    let corpus = use_corpus();
    let count = corpus.articles().len();
    // Two ticked articles can be compared; ticking a third drops the oldest.
    let selected = use_state(Vec::<String>::new);
    let toggle = |id: String| {
        let selected = selected.clone();
        Callback::from(move |_| {
            let mut next = (*selected).clone();
            if let Some(pos) = next.iter().position(|x| *x == id) {
                next.remove(pos);
            } else {
                next.push(id.clone());
                if next.len() > 2 {
                    next.remove(0);
                }
            }
            selected.set(next);
        })
    };
    html! {
        <section class="library">
            <h1>{ "Library" }</h1>
            <div class="library-bar">
                <p class="muted">{ format!("{count} article{}. Tick two to compare them.", if count == 1 { "" } else { "s" }) }</p>
                if let [a, b] = selected.as_slice() {
                    <Link<Route> to={Route::Compare { a: a.clone(), b: b.clone() }} classes="button primary">
                        <span data-testid="compare-selected">{ "Compare the two ticked" }</span>
                    </Link<Route>>
                }
                <Link<Route> to={Route::Overview} classes="button">{ "Corpus overview" }</Link<Route>>
            </div>
            if count == 0 {
                <p>{ "The corpus is empty: add .txt or .md files to corpus/ and rebuild." }</p>
            }
            <ul class="cards">
                { for corpus.articles().iter().map(|a| html! {
                    <li key={a.id.clone()} class="card" data-testid="article-card">
                        <input type="checkbox" class="pick" id={format!("pick-{}", a.id)}
                            checked={selected.contains(&a.id)} onchange={toggle(a.id.clone())}
                            aria-label={format!("Select for comparison: {}", a.title)} />
                        <Link<Route> to={Route::Article { id: a.id.clone() }} classes="card-title">
                            { &a.title }
                        </Link<Route>>
                        if a.title_inferred {
                            <span class="badge" title="The file has no headline; this title is taken from the first sentence.">
                                { "inferred title" }
                            </span>
                        }
                        <p class="card-meta">{ card_meta(a) }</p>
                        <p class="card-entities">{ top_entities(a) }</p>
                    </li>
                }) }
            </ul>
        </section>
    }
}
