//! Sharing the current view: the URL is the state, so sharing is sharing
//! `location.href`.

use wasm_bindgen_futures::JsFuture;

/// The address of the current view.
pub fn current_url() -> String {
    web_sys::window()
        .and_then(|w| w.location().href().ok())
        .unwrap_or_default()
}

/// Copies `text` to the clipboard; false when the browser refused.
pub async fn copy(text: &str) -> bool {
    let Some(window) = web_sys::window() else {
        return false;
    };
    let navigator = window.navigator();
    if !js_sys::Reflect::has(&navigator, &"clipboard".into()).unwrap_or(false) {
        return false;
    }
    JsFuture::from(navigator.clipboard().write_text(text))
        .await
        .is_ok()
}

/// True when the browser offers the Web Share API (mostly phones).
pub fn can_share() -> bool {
    web_sys::window()
        .map(|w| js_sys::Reflect::has(&w.navigator(), &"share".into()).unwrap_or(false))
        .unwrap_or(false)
}

/// Opens the system share sheet; false when cancelled or unavailable.
pub async fn share(title: &str, url: &str) -> bool {
    let Some(window) = web_sys::window() else {
        return false;
    };
    let data = web_sys::ShareData::new();
    data.set_title(title);
    data.set_url(url);
    let navigator = window.navigator();
    let promise = navigator.share_with_data(&data);
    // Resolves (with undefined) when shared, rejects when cancelled.
    JsFuture::from(promise).await.is_ok()
}
