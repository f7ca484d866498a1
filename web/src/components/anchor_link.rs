//! A link to a route with a query and a `#fragment` (a paragraph), which
//! yew-router's `Link` cannot express. It renders a real `href` (so copying,
//! middle-click and "open in new tab" work) and handles plain clicks inside
//! the app: push the route, then put the fragment in the address for the
//! page to scroll to. Inside an `<svg>` it is an SVG link and works the same.

use yew::prelude::*;
use yew_router::prelude::*;

use crate::app::{href, Route, SearchParams};

#[derive(Properties, PartialEq)]
pub struct AnchorLinkProps {
    pub to: Route,
    #[prop_or_default]
    pub query: Option<SearchParams>,
    /// `#p-3` or empty.
    #[prop_or_default]
    pub anchor: AttrValue,
    #[prop_or_default]
    pub classes: Classes,
    /// Position in a list, for keyboard movement between links.
    #[prop_or_default]
    pub rank: Option<usize>,
    /// The link's accessible name, when its content does not say it (an
    /// SVG cell).
    #[prop_or_default]
    pub label: Option<AttrValue>,
    #[prop_or_default]
    pub children: Html,
}

#[component]
pub fn AnchorLink(props: &AnchorLinkProps) -> Html {
    let navigator = use_navigator();
    let target = href(&props.to, props.query.as_ref(), &props.anchor);
    let onclick = {
        let to = props.to.clone();
        let query = props.query.clone();
        let anchor = props.anchor.clone();
        Callback::from(move |e: MouseEvent| {
            if e.button() != 0 || e.ctrl_key() || e.meta_key() || e.shift_key() || e.alt_key() {
                return; // Let the browser open a new tab or window.
            }
            let Some(nav) = navigator.as_ref() else {
                return;
            };
            e.prevent_default();
            let pushed = match &query {
                Some(q) => nav.push_with_query(&to, q).is_ok(),
                None => {
                    nav.push(&to);
                    true
                }
            };
            if pushed && !anchor.is_empty() {
                set_fragment(&anchor);
            }
        })
    };
    html! {
        <a href={target} class={props.classes.clone()} {onclick}
           data-rank={props.rank.map(|r| r.to_string())} aria-label={props.label.clone()}>
            { props.children.clone() }
        </a>
    }
}

/// Replaces the current history entry's fragment without navigating.
pub fn set_fragment(anchor: &str) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let location = window.location();
    let url = format!(
        "{}{}{}",
        location.pathname().unwrap_or_default(),
        location.search().unwrap_or_default(),
        anchor
    );
    if let Ok(history) = window.history() {
        history
            .replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url))
            .ok();
    }
}
