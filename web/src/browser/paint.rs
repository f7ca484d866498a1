//! Waiting for the browser to draw: work that takes long enough to be
//! felt (the synopsis of a dozen long reports is a few hundred
//! milliseconds in the browser) starts after the page has shown that it
//! is under way, not before; work the reader does not wait on (writing
//! the URL of results already shown) waits until the browser is idle.

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

/// Resolves after the next frame is painted: an animation-frame callback
/// runs just before the paint, and a timeout it schedules runs after it.
/// Resolves at once where there is no window.
pub async fn after_paint() {
    let Some(window) = web_sys::window() else {
        return;
    };
    let promise = js_sys::Promise::new(&mut |resolve, _reject| {
        let later = window.clone();
        let frame = Closure::once_into_js(move || {
            if later
                .set_timeout_with_callback(resolve.unchecked_ref())
                .is_err()
            {
                resolve.call0(&wasm_bindgen::JsValue::NULL).ok();
            }
        });
        if window
            .request_animation_frame(frame.unchecked_ref())
            .is_err()
        {
            // No frames to wait for (no rendering): go on at once.
            if let Ok(f) = frame.dyn_into::<js_sys::Function>() {
                f.call0(&wasm_bindgen::JsValue::NULL).ok();
            }
        }
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.ok();
}

/// Resolves once the next frame is painted and the browser then has a
/// moment to spare (an idle callback), or `timeout_ms` after the paint if
/// it never has. Where there are no idle callbacks (Safari), right after
/// the paint.
pub async fn when_idle(timeout_ms: u32) {
    after_paint().await;
    let Some(window) = web_sys::window() else {
        return;
    };
    let promise = js_sys::Promise::new(&mut |resolve, _reject| {
        let options = web_sys::IdleRequestOptions::new();
        options.set_timeout(timeout_ms);
        if window
            .request_idle_callback_with_options(&resolve, &options)
            .is_err()
        {
            resolve.call0(&wasm_bindgen::JsValue::NULL).ok();
        }
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.ok();
}
