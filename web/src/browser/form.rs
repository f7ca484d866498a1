//! Reading form controls from their events.

use wasm_bindgen::JsCast;
use web_sys::{Event, HtmlInputElement, HtmlSelectElement, HtmlTextAreaElement};

/// The value of the input, select or text area `e` happened on; `None` for
/// any other target.
pub fn value_of(e: &Event) -> Option<String> {
    let target = e.target()?;
    if let Some(select) = target.dyn_ref::<HtmlSelectElement>() {
        return Some(select.value());
    }
    if let Some(input) = target.dyn_ref::<HtmlInputElement>() {
        return Some(input.value());
    }
    target.dyn_ref::<HtmlTextAreaElement>().map(|t| t.value())
}

/// The value chosen in the control `e` happened on, when it is not empty
/// (a picker's placeholder option has an empty value).
pub fn chosen(e: &Event) -> Option<String> {
    value_of(e).filter(|v| !v.is_empty())
}
