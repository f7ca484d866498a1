//! The search box on every page (`data-testid="search-input"`).
//!
//! The URL is the state: typing updates `?q=` on the search page (replacing
//! the history entry while typing, so Back leaves the search rather than
//! stepping through keystrokes), and the box follows the URL when the reader
//! goes back or opens a link. Updates are debounced so typing never waits on
//! rendering. `/` focuses the box from anywhere; Esc clears it. The box
//! takes no more characters than the engine reads.
//!
//! On the results page a search runs before its URL is written: the query
//! goes to the page through the typed-query context, and the history entry
//! is replaced once the results are painted and the browser is idle (see
//! [`crate::hooks::Typed`]), so a keystroke's results never wait on the
//! browser's history.

use std::cell::RefCell;
use std::rc::Rc;

use crosscheck_core::search::query::MAX_QUERY_CHARS;
use gloo_timers::callback::Timeout;
use wasm_bindgen::JsCast;
use web_sys::{HtmlInputElement, KeyboardEvent};
use yew::prelude::*;
use yew_router::prelude::*;

use crate::app::{Route, SearchParams};
use crate::browser::paint::when_idle;
use crate::hooks::{use_search_query, use_url_query, SearchQuery, Typed, TypedQuery};

/// Milliseconds of quiet typing before the URL (and results) follow.
const DEBOUNCE_MS: u32 = 90;

/// At most this long (ms) after its results are painted, a query typed on
/// the results page is in the URL, even when the browser is never idle.
const URL_WRITE_WITHIN_MS: u32 = 300;

/// The performance mark set when a debounced search starts.
pub const SEARCH_MARK: &str = "crosscheck-search";

#[component]
pub fn SearchBox() -> Html {
    let navigator = use_navigator();
    let route = use_route::<Route>();
    let SearchQuery {
        q: url_query,
        imported_only,
        ..
    } = use_search_query();
    let on_search_page = route == Some(Route::Search);
    // Any view with `?q=` (results, an article opened from them, the
    // focus view) shows its query, so the reader sees what is marked.
    let value = use_state(|| url_query.clone());
    let input_ref = use_node_ref();
    let pending: Rc<RefCell<Option<Timeout>>> = use_mut_ref(|| None);
    let typed = use_context::<TypedQuery>();
    // Counts what the reader did in the box: a URL write that comes due
    // after something newer (a keystroke, Esc, Enter) is left to that.
    let generation: Rc<RefCell<u64>> = use_mut_ref(|| 0);
    // Where the latest render was, read when a URL write comes due: the
    // reader may have left the results page, or the URL moved, meanwhile.
    let url_query_now = use_url_query();
    let latest: Rc<RefCell<(bool, String)>> = use_mut_ref(Default::default);
    *latest.borrow_mut() = (on_search_page, url_query_now);

    // Follow the URL when it changes from outside (Back, a link, a facet).
    {
        let value = value.clone();
        let shown = url_query.clone();
        use_effect_with(shown, move |shown| {
            if *value != *shown {
                value.set(shown.clone());
            }
        });
    }

    // `/` focuses the box unless the reader is typing somewhere else.
    {
        let input_ref = input_ref.clone();
        use_effect_with((), move |_| {
            let listener =
                gloo_events::EventListener::new(&gloo_utils::document(), "keydown", move |e| {
                    let Some(e) = e.dyn_ref::<KeyboardEvent>() else {
                        return;
                    };
                    if e.key() != "/" || e.ctrl_key() || e.meta_key() || e.alt_key() {
                        return;
                    }
                    let typing = gloo_utils::document()
                        .active_element()
                        .map(|el| matches!(el.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT"))
                        .unwrap_or(false);
                    if !typing {
                        if let Some(input) = input_ref.cast::<HtmlInputElement>() {
                            e.prevent_default();
                            input.focus().ok();
                            input.select();
                        }
                    }
                });
            move || drop(listener)
        });
    }

    let go = {
        let navigator = navigator.clone();
        move |q: String, replace: bool| {
            let Some(nav) = navigator.as_ref() else {
                return;
            };
            // The scope of the page typed on (library or results) goes on.
            let params = SearchParams::scoped(q, imported_only);
            let _ = if replace {
                nav.replace_with_query(&Route::Search, &params)
            } else {
                nav.push_with_query(&Route::Search, &params)
            };
        }
    };

    // Something newer than any pending search or URL write happened.
    let supersede = {
        let generation = generation.clone();
        let typed = typed.clone();
        move || {
            *generation.borrow_mut() += 1;
            if let Some(typed) = &typed {
                typed.set(None);
            }
        }
    };

    let oninput = {
        let value = value.clone();
        let go = go.clone();
        let pending = pending.clone();
        Callback::from(move |e: InputEvent| {
            let Some(input) = e.target_dyn_into::<HtmlInputElement>() else {
                return;
            };
            let q = input.value();
            value.set(q.clone());
            *generation.borrow_mut() += 1;
            let go = go.clone();
            let typed = typed.clone();
            let generation = generation.clone();
            let latest = latest.clone();
            // First keystroke from another page pushes a history entry.
            let replace = on_search_page;
            *pending.borrow_mut() = Some(Timeout::new(DEBOUNCE_MS, move || {
                // The moment a search starts, for the browser benchmark
                // (`scripts/bench-browser.mjs`) and the browser's own
                // performance panel: results painted minus this mark.
                if let Some(perf) = web_sys::window().and_then(|w| w.performance()) {
                    perf.mark(SEARCH_MARK).ok();
                }
                match typed {
                    Some(typed) if replace => {
                        let over = latest.borrow().1.clone();
                        typed.set(Some(Typed {
                            q: q.clone(),
                            over: over.clone(),
                        }));
                        let mine = *generation.borrow();
                        wasm_bindgen_futures::spawn_local(async move {
                            when_idle(URL_WRITE_WITHIN_MS).await;
                            if *generation.borrow() != mine {
                                return;
                            }
                            let (still_here, url_query) = latest.borrow().clone();
                            if still_here && url_query == over {
                                go(q, true);
                            }
                            typed.set(None);
                        });
                    }
                    _ => go(q, replace),
                }
            }));
        })
    };

    let onkeydown = {
        let value = value.clone();
        let go = go.clone();
        let pending = pending.clone();
        let supersede = supersede.clone();
        Callback::from(move |e: KeyboardEvent| match e.key().as_str() {
            "Escape" => {
                pending.borrow_mut().take();
                supersede();
                value.set(String::new());
                if on_search_page {
                    go(String::new(), true);
                }
            }
            "ArrowDown" => {
                e.prevent_default();
                crate::pages::search::focus_result(0);
            }
            _ => {}
        })
    };

    let onsubmit = {
        let value = value.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            pending.borrow_mut().take();
            supersede();
            go((*value).clone(), on_search_page);
        })
    };

    html! {
        <form class="search-form" role="search" {onsubmit}>
            <label for="search-input" class="visually-hidden">{ "Search articles" }</label>
            <input
                id="search-input"
                ref={input_ref}
                type="search"
                data-testid="search-input"
                placeholder="Search articles  ( / )"
                autocomplete="off"
                spellcheck="false"
                maxlength={MAX_QUERY_CHARS.to_string()}
                value={(*value).clone()}
                {oninput}
                {onkeydown}
            />
        </form>
    }
}
