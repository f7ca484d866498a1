//! `/`: the articles of the corpus, a page at a time.
//!
//! A corpus of thousands is not thousands of cards: the library shows
//! [`PAGE_SIZE`] at once, sorted and filtered as the URL says
//! (`?sort=title&outlet=BBC&name=blair&page=2`), so a view can be shared
//! and Back returns to it.

use serde::{Deserialize, Serialize};
use yew::prelude::*;
use yew_router::prelude::*;

use crosscheck_core::Article;

use crate::app::Route;
use crate::browser::form::value_of;
use crate::components::import_panel::{ImportDropZone, ImportPanel};
use crate::hooks::use_corpus;
use crate::import::save_export;
use crate::pages::overview::{OverviewParams, GRID_MAX};
use crate::pages::synopsis::{self, SynopsisLink};
use crosscheck_core::compare::synopsis::MAX_ARTICLES;
use crosscheck_core::import::is_imported;

/// Cards per page.
pub const PAGE_SIZE: usize = 50;

/// The library's query. Every field is optional; unknown values read as
/// the default.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct LibraryParams {
    /// `title`, `date` (newest first), `outlet`, or empty: the corpus order
    /// (by file name).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub sort: String,
    /// Only articles from this outlet.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub outlet: String,
    /// Only articles naming someone or something whose name contains this
    /// (any case).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub name: String,
    /// `hide`: only the articles the reader imported (the "Show built-in
    /// articles" toggle turned off), to work on their own set alone.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub builtin: String,
    /// 1-based; out of range reads as the nearest page.
    #[serde(default, skip_serializing_if = "is_first")]
    pub page: usize,
}

fn is_first(page: &usize) -> bool {
    *page <= 1
}

/// The outlet an article states, if any.
fn outlet(a: &Article) -> Option<&str> {
    a.metadata.source.as_deref()
}

/// Dateline, source and length: what a reader scans a list by.
fn card_meta(a: &Article) -> String {
    let mut parts = Vec::new();
    if let Some(d) = &a.metadata.date {
        parts.push(d.clone());
    } else if let Some(d) = &a.dateline {
        parts.push(
            d.trim_end_matches(|c: char| !c.is_alphanumeric() && c != ')')
                .to_owned(),
        );
    }
    if let Some(s) = outlet(a) {
        parts.push(s.to_owned());
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

/// The positions of the articles the params keep, in their order.
pub fn arrange(articles: &[Article], params: &LibraryParams) -> Vec<usize> {
    let name = params.name.trim().to_lowercase();
    let mut kept: Vec<usize> = (0..articles.len())
        .filter(|&i| {
            let a = &articles[i];
            (params.builtin != "hide" || is_imported(&a.id))
                && (params.outlet.is_empty() || outlet(a) == Some(params.outlet.as_str()))
                && (name.is_empty()
                    || a.entities
                        .iter()
                        .any(|e| e.name.to_lowercase().contains(&name)))
        })
        .collect();
    match params.sort.as_str() {
        "title" => kept.sort_by_cached_key(|&i| articles[i].title.to_lowercase()),
        // Newest first; undated last, in corpus order.
        "date" => kept.sort_by(|&x, &y| {
            let (dx, dy) = (&articles[x].metadata.date, &articles[y].metadata.date);
            dy.is_some().cmp(&dx.is_some()).then(dy.cmp(dx))
        }),
        "outlet" => kept.sort_by(|&x, &y| {
            let (ox, oy) = (outlet(&articles[x]), outlet(&articles[y]));
            oy.is_some().cmp(&ox.is_some()).then(ox.cmp(&oy))
        }),
        _ => {}
    }
    kept
}

#[component]
pub fn LibraryPage() -> Html {
    let corpus = use_corpus();
    let location = use_location();
    let navigator = use_navigator();
    let params = location
        .and_then(|l| l.query::<LibraryParams>().ok())
        .unwrap_or_default();
    let articles = corpus.articles();
    let kept = use_memo((corpus.clone(), params.clone()), |(corpus, params)| {
        arrange(corpus.articles(), params)
    });
    let outlets = use_memo(corpus.clone(), |corpus| {
        let mut all: Vec<String> = corpus
            .articles()
            .iter()
            .filter_map(|a| outlet(a).map(str::to_owned))
            .collect();
        all.sort();
        all.dedup();
        all
    });
    // Ticked articles, kept across pages: two can be compared, two or more
    // opened in the overview's grid. Ticking past the grid's size drops the
    // oldest.
    let selected = use_state(Vec::<String>::new);
    let exported = use_state_eq(|| None::<String>);
    let toggle = |id: String| {
        let selected = selected.clone();
        Callback::from(move |_| {
            let mut next = (*selected).clone();
            if let Some(pos) = next.iter().position(|x| *x == id) {
                next.remove(pos);
            } else {
                next.push(id.clone());
                if next.len() > GRID_MAX {
                    next.remove(0);
                }
            }
            selected.set(next);
        })
    };
    // Changing a control replaces the URL's query (no history entry per
    // keystroke) and goes back to the first page.
    let set = {
        let navigator = navigator.clone();
        let params = params.clone();
        move |change: fn(&mut LibraryParams, String)| {
            let navigator = navigator.clone();
            let params = params.clone();
            Callback::from(move |e: Event| {
                let Some(value) = value_of(&e) else {
                    return;
                };
                let mut next = params.clone();
                change(&mut next, value);
                next.page = 1;
                if let Some(nav) = navigator.as_ref() {
                    nav.replace_with_query(&Route::Library, &next).ok();
                }
            })
        }
    };
    let has_imported = articles.iter().any(|a| is_imported(&a.id));
    let hiding_builtin = params.builtin == "hide";
    let show_builtin = {
        let (navigator, params) = (navigator.clone(), params.clone());
        Callback::from(move |e: Event| {
            let Some(input) = e.target_dyn_into::<web_sys::HtmlInputElement>() else {
                return;
            };
            let next = LibraryParams {
                builtin: if input.checked() { "" } else { "hide" }.to_owned(),
                page: 1,
                ..params.clone()
            };
            if let Some(nav) = navigator.as_ref() {
                nav.replace_with_query(&Route::Library, &next).ok();
            }
        })
    };
    // The ticked articles the reader imported can be exported as one file.
    let ticked_imported: Vec<String> = selected
        .iter()
        .filter(|id| is_imported(id))
        .cloned()
        .collect();
    let export_ticked = {
        let (exported, ids) = (exported.clone(), ticked_imported.clone());
        Callback::from(move |_: MouseEvent| {
            let (exported, ids) = (exported.clone(), ids.clone());
            wasm_bindgen_futures::spawn_local(async move {
                exported.set(Some(save_export(Some(ids)).await));
            });
        })
    };
    let pages = kept.len().div_ceil(PAGE_SIZE).max(1);
    let page = params.page.clamp(1, pages);
    let from = (page - 1) * PAGE_SIZE;
    let shown = &kept[from.min(kept.len())..(from + PAGE_SIZE).min(kept.len())];
    let count = articles.len();
    let at_page = |p: usize| LibraryParams {
        page: p,
        ..params.clone()
    };
    html! {
        <ImportDropZone>
        <section class="library">
            <h1>{ "Library" }</h1>
            <div class="library-bar">
                <p class="muted">{ format!("{count} article{}. Tick two to compare them, three or more to read them fact by fact or see them in a grid.", if count == 1 { "" } else { "s" }) }</p>
                if let [a, b] = selected.as_slice() {
                    <Link<Route> to={Route::Compare { a: a.clone(), b: b.clone() }} classes="button primary">
                        <span data-testid="compare-selected">{ "Compare the two ticked" }</span>
                    </Link<Route>>
                }
                if (3..=MAX_ARTICLES).contains(&selected.len()) {
                    <SynopsisLink ids={synopsis::segment(selected.iter().map(String::as_str))} classes="button primary">
                        <span data-testid="synopsis-selected">{ format!("Synopsis of the {} ticked", selected.len()) }</span>
                    </SynopsisLink>
                }
                if selected.len() >= 2 {
                    <Link<Route, OverviewParams> to={Route::Overview} query={Some(OverviewParams::of(selected.iter().map(String::as_str)))} classes="button">
                        <span data-testid="overview-selected">{ format!("Grid of the {} ticked", selected.len()) }</span>
                    </Link<Route, OverviewParams>>
                }
                <Link<Route> to={Route::Overview} classes="button">{ "Corpus overview" }</Link<Route>>
                if !ticked_imported.is_empty() {
                    <button type="button" class="button" data-testid="export-selected" onclick={export_ticked}>
                        { format!("Export the {} ticked imported", ticked_imported.len()) }
                    </button>
                }
                if let Some(message) = &*exported {
                    <span class="muted" role="status" data-testid="export-selected-status">{ message }</span>
                }
            </div>
            <ImportPanel />
            if count == 0 {
                <p>{ "The corpus is empty: add .txt or .md files to corpus/ and rebuild." }</p>
            } else {
                <form class="library-controls" role="search" aria-label="Sort and filter the library"
                      onsubmit={Callback::from(|e: SubmitEvent| e.prevent_default())}>
                    <label>{ "Sort " }
                        <select data-testid="library-sort" onchange={set(|p, v| p.sort = v)}>
                            { for [("", "Corpus order"), ("title", "Title"), ("date", "Date, newest first"), ("outlet", "Outlet")].into_iter().map(|(v, l)| html! {
                                <option value={v} selected={params.sort == v}>{ l }</option>
                            }) }
                        </select>
                    </label>
                    if !outlets.is_empty() {
                        <label>{ "Outlet " }
                            <select data-testid="library-outlet" onchange={set(|p, v| p.outlet = v)}>
                                <option value="" selected={params.outlet.is_empty()}>{ "All outlets" }</option>
                                { for outlets.iter().map(|o| html! {
                                    <option value={o.clone()} selected={params.outlet == *o}>{ o }</option>
                                }) }
                            </select>
                        </label>
                    }
                    if has_imported || hiding_builtin {
                        <label class="check">
                            <input type="checkbox" data-testid="show-builtin" checked={!hiding_builtin} onchange={show_builtin} />
                            { " Show built-in articles" }
                        </label>
                    }
                    <label>{ "Naming " }
                        <input type="search" data-testid="library-name" placeholder="a person, place or organisation"
                               value={params.name.clone()} onchange={set(|p, v| p.name = v)} />
                    </label>
                </form>
                <p class="muted" role="status" data-testid="library-range">{
                    if kept.is_empty() {
                        "No article matches these filters.".to_owned()
                    } else {
                        format!("Showing {}–{} of {}", from + 1, from + shown.len(), kept.len())
                    }
                }</p>
            }
            <ul class="cards">
                { for shown.iter().map(|&i| {
                    let a = &articles[i];
                    html! {
                        <li key={a.id.clone()} class="card" data-testid="article-card">
                            <input type="checkbox" class="pick" id={format!("pick-{}", a.id)}
                                checked={selected.contains(&a.id)} onchange={toggle(a.id.clone())}
                                aria-label={format!("Select: {}", a.title)} />
                            <Link<Route> to={Route::Article { id: a.id.clone() }} classes="card-title">
                                { &a.title }
                            </Link<Route>>
                            if is_imported(&a.id) {
                                <span class="badge imported" data-testid="imported-badge" title="You added this article in this browser">
                                    { format!("imported · {}", a.file) }
                                </span>
                            }
                            if a.title_inferred {
                                <span class="badge" title="The file has no headline; this title is taken from the first sentence.">
                                    { "inferred title" }
                                </span>
                            }
                            <p class="card-meta">{ card_meta(a) }</p>
                            <p class="card-entities">{ top_entities(a) }</p>
                        </li>
                    }
                }) }
            </ul>
            if pages > 1 {
                <nav class="pager" aria-label="Library pages">
                    if page > 1 {
                        <Link<Route, LibraryParams> to={Route::Library} query={Some(at_page(page - 1))} classes="button">
                            <span data-testid="library-prev">{ "← Previous" }</span>
                        </Link<Route, LibraryParams>>
                    }
                    <span class="muted">{ format!("Page {page} of {pages}") }</span>
                    if page < pages {
                        <Link<Route, LibraryParams> to={Route::Library} query={Some(at_page(page + 1))} classes="button">
                            <span data-testid="library-next">{ "Next →" }</span>
                        </Link<Route, LibraryParams>>
                    }
                </nav>
            }
        </section>
        </ImportDropZone>
    }
}
