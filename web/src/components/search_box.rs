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

/// Milliseconds of quiet typing before a search runs.
const DEBOUNCE_MS: u32 = 90;

/// How long (ms) after its results are painted a query typed on the results
/// page waits for an idle moment to be written to the URL (unless a click
/// or a newer search writes it first).
const URL_WRITE_WITHIN_MS: u32 = 300;

/// The performance mark set when a debounced search starts.
pub const SEARCH_MARK: &str = "crosscheck-search";

/// What the latest render knew, for the callbacks that outlive it (the
/// debounce, the idle write, the document's click listener): the reader
/// may have left the page, or the URL moved, meanwhile.
struct Latest {
    /// Where the reader is (the route's path).
    path: String,
    on_search_page: bool,
    /// The URL's own query, not one typed ahead of it.
    url_query: String,
    /// Writes a query to the URL, replacing the entry or pushing one, with
    /// the scope (`&builtin=hide`) the page has now.
    go: Rc<dyn Fn(String, bool)>,
    typed: Option<TypedQuery>,
}

impl Default for Latest {
    fn default() -> Latest {
        Latest {
            path: String::new(),
            on_search_page: false,
            url_query: String::new(),
            go: Rc::new(|_, _| {}),
            typed: None,
        }
    }
}

/// A query drawn on the results page and not yet in the URL, and the URL
/// query it was typed over.
struct Unwritten {
    q: String,
    over: String,
}

type Shared<T> = Rc<RefCell<T>>;

/// Writes the query drawn ahead of the URL, if the reader is still on the
/// results page it was typed over; clears the typed query either way.
fn write_unwritten(unwritten: &Shared<Option<Unwritten>>, latest: &Shared<Latest>) {
    let Some(Unwritten { q, over }) = unwritten.borrow_mut().take() else {
        return;
    };
    // Out of the borrow before writing: the router may render at once.
    let (go, typed, still_here) = {
        let now = latest.borrow();
        let still_here = now.on_search_page && now.url_query == over;
        (now.go.clone(), now.typed.clone(), still_here)
    };
    if still_here {
        go(q, true);
    }
    clear(typed);
}

/// Drops the query drawn ahead of the URL without writing it (Esc, Enter,
/// or the reader left the page), and the typed query with it.
fn drop_unwritten(unwritten: &Shared<Option<Unwritten>>, latest: &Shared<Latest>) {
    unwritten.borrow_mut().take();
    let typed = latest.borrow().typed.clone();
    clear(typed);
}

/// Empties the typed-query context, if it holds a query (setting a state
/// renders again even when nothing changes).
fn clear(typed: Option<TypedQuery>) {
    if let Some(typed) = typed.filter(|t| t.is_some()) {
        typed.set(None);
    }
}

/// Where the box's searches go: the page, and the URL query it will hold
/// once the box's own pending write lands. A debounced search whose
/// keystroke saw another one is dropped: the reader navigated meanwhile.
fn destination(unwritten: &Shared<Option<Unwritten>>, latest: &Shared<Latest>) -> (String, String) {
    let now = latest.borrow();
    let q = match &*unwritten.borrow() {
        Some(u) => u.q.clone(),
        None => now.url_query.clone(),
    };
    (now.path.clone(), q)
}

#[component]
pub fn SearchBox() -> Html {
    let navigator = use_navigator();
    let route = use_route::<Route>();
    let SearchQuery {
        q: shown_query,
        imported_only,
        ..
    } = use_search_query();
    let on_search_page = route == Some(Route::Search);
    // Any view with `?q=` (results, an article opened from them, the
    // focus view) shows its query, so the reader sees what is marked.
    let value = use_state(|| shown_query.clone());
    let input_ref = use_node_ref();
    let pending: Shared<Option<Timeout>> = use_mut_ref(|| None);
    let unwritten: Shared<Option<Unwritten>> = use_mut_ref(|| None);

    let go: Rc<dyn Fn(String, bool)> = {
        let navigator = navigator.clone();
        Rc::new(move |q: String, replace: bool| {
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
        })
    };
    let now = Latest {
        path: use_location()
            .map(|l| l.path().to_owned())
            .unwrap_or_default(),
        on_search_page,
        url_query: use_url_query(),
        go: go.clone(),
        typed: use_context::<TypedQuery>(),
    };
    let latest: Shared<Latest> = use_mut_ref(Latest::default);
    *latest.borrow_mut() = now;

    // Follow the URL when it changes from outside (Back, a link, a facet).
    {
        let value = value.clone();
        let shown = shown_query.clone();
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

    // A click anywhere (a result, a facet, "Copy link") first puts the
    // query drawn ahead of the URL into it, so the entry Back returns to,
    // and the link copied, hold what the reader saw.
    {
        let (unwritten, latest) = (unwritten.clone(), latest.clone());
        use_effect_with((), move |_| {
            let options = gloo_events::EventListenerOptions::run_in_capture_phase();
            let listener = gloo_events::EventListener::new_with_options(
                &gloo_utils::document(),
                "click",
                options,
                move |_| write_unwritten(&unwritten, &latest),
            );
            move || drop(listener)
        });
    }

    // Leaving the page a query was typed on without a click (Back, a
    // key) drops the query drawn ahead of the URL: its write would go to
    // another entry, and coming back shows what that entry holds.
    {
        let (unwritten, latest) = (unwritten.clone(), latest.clone());
        let path = latest.borrow().path.clone();
        use_effect_with(path, move |_| drop_unwritten(&unwritten, &latest));
    }

    let clear_typed = {
        let (unwritten, latest) = (unwritten.clone(), latest.clone());
        move || drop_unwritten(&unwritten, &latest)
    };

    let oninput = {
        let value = value.clone();
        let pending = pending.clone();
        Callback::from(move |e: InputEvent| {
            let Some(input) = e.target_dyn_into::<HtmlInputElement>() else {
                return;
            };
            let q = input.value();
            value.set(q.clone());
            let (unwritten, latest) = (unwritten.clone(), latest.clone());
            let seen = destination(&unwritten, &latest);
            *pending.borrow_mut() = Some(Timeout::new(DEBOUNCE_MS, move || {
                if destination(&unwritten, &latest) != seen {
                    return;
                }
                // The moment a search starts, for the browser benchmark
                // (`scripts/bench-browser.mjs`) and the browser's own
                // performance panel: results painted minus this mark.
                if let Some(perf) = web_sys::window().and_then(|w| w.performance()) {
                    perf.mark(SEARCH_MARK).ok();
                }
                let (on_search_page, over, go, typed) = {
                    let now = latest.borrow();
                    let over = now.url_query.clone();
                    (now.on_search_page, over, now.go.clone(), now.typed.clone())
                };
                match typed {
                    Some(typed) if on_search_page => {
                        typed.set(Some(Typed {
                            q: q.clone(),
                            over: over.clone(),
                        }));
                        // A newer search replaces this one's write: the
                        // first idle moment writes whichever is drawn.
                        *unwritten.borrow_mut() = Some(Unwritten { q, over });
                        wasm_bindgen_futures::spawn_local(async move {
                            when_idle(URL_WRITE_WITHIN_MS).await;
                            write_unwritten(&unwritten, &latest);
                        });
                    }
                    // First keystroke from another page pushes an entry.
                    _ => go(q, on_search_page),
                }
            }));
        })
    };

    let onkeydown = {
        let value = value.clone();
        let go = go.clone();
        let pending = pending.clone();
        let clear_typed = clear_typed.clone();
        Callback::from(move |e: KeyboardEvent| match e.key().as_str() {
            "Escape" => {
                pending.borrow_mut().take();
                clear_typed();
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
            clear_typed();
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
