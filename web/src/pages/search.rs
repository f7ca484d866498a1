//! `/search?q=…`: ranked results as the reader types, with highlighted
//! passages, facet chips that narrow the query, and help when the box is
//! empty or nothing matches. The query lives in the URL, so a results page
//! is a link that reproduces it.

use wasm_bindgen::JsCast;
use web_sys::HtmlElement;
use yew::prelude::*;
use yew_router::prelude::*;

use crate::app::{Route, SearchParams};
use crate::components::anchor_link::AnchorLink;
use crate::components::facet_chips::FacetChips;
use crate::components::marked::Marked;
use crate::components::share_button::ShareButton;
use crate::hooks::{use_corpus, use_search_query, SearchQuery};
use crate::pages::synopsis::{self, SynopsisLink};
use crate::search::{self, HitView, SearchView};
use crosscheck_core::compare::synopsis::MAX_ARTICLES;
use crosscheck_core::import::is_imported;

/// Examples shown on the empty page; each is a link that runs it.
const EXAMPLES: &[(&str, &str)] = &[
    ("witkoff", "a name"),
    ("\"five-hour meeting\"", "an exact phrase"),
    ("talks NOT Berlin", "leave out a word (or: talks -Berlin)"),
    ("+sanctions loan", "require a word"),
    ("loan OR sanctions", "either word"),
    (
        "(Moscow OR Kremlin) talks",
        "group alternatives; AND is the default, operators in capitals",
    ),
    (
        "person:Putin",
        "filter by person, place:, org:, source:, title:",
    ),
    ("negotations", "typos are forgiven"),
];

#[component]
pub fn SearchPage() -> Html {
    let corpus = use_corpus();
    let SearchQuery {
        q,
        malformed,
        imported_only,
    } = use_search_query();
    // How many results are shown: a page, more on request, a page again
    // for every new query.
    let shown = use_state_eq(|| search::PAGE_SIZE);
    {
        let shown = shown.clone();
        use_effect_with(q.clone(), move |_| shown.set(search::PAGE_SIZE));
    }
    let has_imported = corpus.articles().iter().any(|a| is_imported(&a.id));
    let view = use_memo(
        (corpus, q.clone(), *shown, imported_only),
        |(corpus, q, limit, imported_only)| {
            search::run(corpus, q, *limit, *imported_only).map(std::rc::Rc::new)
        },
    );
    let more = {
        let shown = shown.clone();
        Callback::from(move |_| shown.set(*shown + search::PAGE_SIZE))
    };
    html! {
        <section class="search-page">
            <h1 class="visually-hidden">{ "Search" }</h1>
            if malformed {
                <p class="notice" role="alert">{ "The address holds a malformed query, so it was ignored." }</p>
            }
            if q.trim().is_empty() {
                <SearchHelp />
            } else if let Some(view) = (*view).clone() {
                <Results q={q.clone()} {view} {more} {imported_only} show_scope={has_imported || imported_only} />
            } else {
                <Preparing />
            }
        </section>
    }
}

/// What a search shows while the corpus's index is built after the
/// articles are shown (a fraction of a second to a few seconds, once per
/// visit): a status, so screen readers hear it and the results replace it.
#[component]
pub fn Preparing() -> Html {
    html! {
        <p class="muted" role="status" aria-busy="true" data-testid="search-preparing">
            { "Preparing the search… the articles can be read meanwhile." }
        </p>
    }
}

#[component]
fn SearchHelp() -> Html {
    html! {
        <div class="search-help" data-testid="search-help">
            <h2>{ "Search the articles" }</h2>
            <p>{ "Type a few words: results appear as you type, best first. Press / anywhere to jump to the search box, ↓ to move into the results, Enter to open one, Esc to clear." }</p>
            <ul class="examples">
                { for EXAMPLES.iter().map(|(example, what)| html! {
                    <li>
                        <Link<Route, SearchParams> to={Route::Search} query={Some(SearchParams::new(*example))}>
                            <code>{ *example }</code>
                        </Link<Route, SearchParams>>
                        <span class="muted">{ format!(" — {what}") }</span>
                    </li>
                }) }
            </ul>
        </div>
    }
}

#[derive(Properties, PartialEq)]
struct ResultsProps {
    q: String,
    view: std::rc::Rc<SearchView>,
    /// Shows another page of results.
    more: Callback<MouseEvent>,
    /// The search keeps to the reader's own articles.
    imported_only: bool,
    /// Offer "Show built-in articles" (the reader has imported some).
    show_scope: bool,
}

#[component]
fn Results(props: &ResultsProps) -> Html {
    let view = &props.view;
    let n = view.total;
    let navigator = use_navigator();
    let show_builtin = {
        let q = props.q.clone();
        Callback::from(move |e: Event| {
            let Some(input) = e.target_dyn_into::<web_sys::HtmlInputElement>() else {
                return;
            };
            if let Some(nav) = navigator.as_ref() {
                let params = SearchParams::scoped(q.clone(), !input.checked());
                nav.replace_with_query(&Route::Search, &params).ok();
            }
        })
    };
    html! {
        <div class="results-layout">
            <div class="results">
                <div class="results-head">
                    <p class="result-count" role="status" data-testid="result-count">
                        { match n { 0 => "No article matches".to_owned(), 1 => "1 article matches".to_owned(), n => format!("{n} articles match") } }
                    </p>
                    if props.show_scope {
                        <label class="check">
                            <input type="checkbox" data-testid="search-show-builtin" checked={!props.imported_only} onchange={show_builtin} />
                            { " Show built-in articles" }
                        </label>
                    }
                    <ShareButton title={format!("Crosscheck: {}", props.q)} />
                </div>
                if n > 1 {
                    <p>
                        <Link<Route, SearchParams> to={Route::Focus} query={Some(SearchParams::scoped(props.q.clone(), props.imported_only))}
                            classes="button" >
                            { "Compare passages side by side" }
                        </Link<Route, SearchParams>>
                        { " " }
                        <SynopsisLink ids={synopsis::segment(view.hits.iter().take(MAX_ARTICLES).map(|h| h.id.as_str()))}
                            classes="button">
                            <span data-testid="search-synopsis">{ format!("Synopsis of the top {}", view.hits.len().min(MAX_ARTICLES)) }</span>
                        </SynopsisLink>
                    </p>
                }
                if let Some(notice) = &view.notice {
                    <p class="notice">{ notice }</p>
                }
                if n == 0 {
                    <NoResults suggestion={view.suggestion.clone()} />
                }
                <ol class="hits" onkeydown={Callback::from(move_focus)}>
                    { for view.hits.iter().enumerate().map(|(rank, hit)| html! {
                        <Hit key={hit.id.clone()} q={props.q.clone()} hit={hit.clone()} {rank} />
                    }) }
                </ol>
                if view.hits.len() < n {
                    <button type="button" class="button" data-testid="more-results" onclick={props.more.clone()}>
                        { format!("Show more results ({} of {n} shown)", view.hits.len()) }
                    </button>
                }
            </div>
            if !view.facets.is_empty() {
                <FacetChips q={props.q.clone()} facets={view.facets.clone()} />
            }
        </div>
    }
}

#[derive(Properties, PartialEq)]
struct HitProps {
    q: String,
    hit: HitView,
    rank: usize,
}

#[component]
fn Hit(props: &HitProps) -> Html {
    let hit = &props.hit;
    let params = SearchParams::new(props.q.clone());
    let anchor = hit
        .snippets
        .first()
        .and_then(|s| s.paragraph)
        .map(|p| format!("#p-{}", p + 1))
        .unwrap_or_default();
    // Opening a result lands on its best passage with the terms marked.
    html! {
        <li class="hit" data-testid="search-result">
            <AnchorLink to={Route::Article { id: hit.id.clone() }} query={Some(params)} anchor={anchor}
                classes={classes!("result-link")} rank={Some(props.rank)}>
                <Marked text={hit.title.clone()} marks={hit.title_marks.clone()} />
            </AnchorLink>
            <p class="hit-meta muted">
                { format!("{} match{}", hit.matches, if hit.matches == 1 { "" } else { "es" }) }
            </p>
            { for hit.snippets.iter().map(|s| html! {
                <p class="snippet">
                    { if s.truncated_start { "… " } else { "" } }
                    <Marked text={s.text.clone()} marks={s.marks.clone()} />
                    { if s.truncated_end { " …" } else { "" } }
                </p>
            }) }
        </li>
    }
}

#[derive(Properties, PartialEq)]
struct NoResultsProps {
    suggestion: Option<String>,
}

#[component]
fn NoResults(props: &NoResultsProps) -> Html {
    let imported_only = use_search_query().imported_only;
    html! {
        <div class="no-results" data-testid="no-results">
            if let Some(s) = &props.suggestion {
                <p>
                    { "Did you mean " }
                    <Link<Route, SearchParams> to={Route::Search} query={Some(SearchParams::scoped(s.clone(), imported_only))}>
                        <strong data-testid="did-you-mean">{ s }</strong>
                    </Link<Route, SearchParams>>
                    { "?" }
                </p>
            }
            <p class="muted">{ "Try fewer words, another spelling, or remove a filter. Quotes search an exact phrase; NOT or a leading - leaves a word out, + requires one." }</p>
        </div>
    }
}

/// Arrow keys move between result links; Esc returns to the search box.
fn move_focus(e: KeyboardEvent) {
    let current = gloo_utils::document()
        .active_element()
        .and_then(|el| el.get_attribute("data-rank"))
        .and_then(|r| r.parse::<usize>().ok());
    match (e.key().as_str(), current) {
        ("ArrowDown", Some(i)) => {
            e.prevent_default();
            focus_result(i + 1);
        }
        ("ArrowUp", Some(0)) | ("Escape", _) => {
            e.prevent_default();
            if let Some(input) = gloo_utils::document().get_element_by_id("search-input") {
                if let Ok(input) = input.dyn_into::<HtmlElement>() {
                    input.focus().ok();
                }
            }
        }
        ("ArrowUp", Some(i)) => {
            e.prevent_default();
            focus_result(i - 1);
        }
        _ => {}
    }
}

/// Focuses the `rank`-th result link, if there is one.
pub fn focus_result(rank: usize) {
    let selector = format!(".result-link[data-rank=\"{rank}\"]");
    if let Some(el) = gloo_utils::document()
        .query_selector(&selector)
        .ok()
        .flatten()
    {
        if let Ok(el) = el.dyn_into::<HtmlElement>() {
            el.focus().ok();
        }
    }
}
