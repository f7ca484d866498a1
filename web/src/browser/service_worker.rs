//! Service worker registration and the update handshake.
//!
//! `sw.js` exists only in release builds (scripts/post-build.mjs writes it),
//! so debug builds never register one. A new version installs in the
//! background and waits; `on_update` tells the app, which offers a reload.
//! Only when the reader accepts does the waiting worker take over, and the
//! page reloads once it controls it, so old and new files never mix.

use std::cell::Cell;

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{ServiceWorkerRegistration, ServiceWorkerState};
use yew::Callback;

thread_local! {
    static RELOAD_ON_CONTROLLER_CHANGE: Cell<bool> = const { Cell::new(false) };
}

/// Registers `sw.js` (relative to `<base href>`) in release builds and calls
/// `on_update` when a new version is installed and waiting.
pub fn register(on_update: Callback<()>) {
    if cfg!(debug_assertions) {
        return;
    }
    let Some(window) = web_sys::window() else {
        return;
    };
    let navigator = window.navigator();
    if !js_sys::Reflect::has(&navigator, &"serviceWorker".into()).unwrap_or(false) {
        return;
    }
    let container = navigator.service_worker();
    let on_change = Closure::<dyn FnMut()>::new(|| {
        if RELOAD_ON_CONTROLLER_CHANGE.with(Cell::get) {
            if let Some(w) = web_sys::window() {
                w.location().reload().ok();
            }
        }
    });
    container
        .add_event_listener_with_callback("controllerchange", on_change.as_ref().unchecked_ref())
        .ok();
    on_change.forget();

    let promise = container.register("sw.js");
    wasm_bindgen_futures::spawn_local(async move {
        let Ok(registration) = JsFuture::from(promise).await else {
            return;
        };
        let registration: ServiceWorkerRegistration = registration.unchecked_into();
        watch(&registration, on_update);
    });
}

/// Reports a waiting worker now, and any that finishes installing later.
fn watch(registration: &ServiceWorkerRegistration, on_update: Callback<()>) {
    let has_controller = || {
        web_sys::window()
            .map(|w| w.navigator().service_worker().controller().is_some())
            .unwrap_or(false)
    };
    if registration.waiting().is_some() && has_controller() {
        on_update.emit(());
    }
    let reg = registration.clone();
    let on_found = Closure::<dyn FnMut()>::new(move || {
        let Some(installing) = reg.installing() else {
            return;
        };
        let worker = installing.clone();
        let on_update = on_update.clone();
        let on_state = Closure::<dyn FnMut()>::new(move || {
            // Installed while another version controls the page: an update.
            // (On the very first visit there is no controller yet.)
            if worker.state() == ServiceWorkerState::Installed && has_controller() {
                on_update.emit(());
            }
        });
        installing
            .add_event_listener_with_callback("statechange", on_state.as_ref().unchecked_ref())
            .ok();
        on_state.forget();
    });
    registration
        .add_event_listener_with_callback("updatefound", on_found.as_ref().unchecked_ref())
        .ok();
    on_found.forget();
}

/// Tells the waiting worker to take over; the page reloads when it has.
pub fn apply_update() {
    RELOAD_ON_CONTROLLER_CHANGE.with(|c| c.set(true));
    wasm_bindgen_futures::spawn_local(async {
        let Some(window) = web_sys::window() else {
            return;
        };
        let container = window.navigator().service_worker();
        let Ok(registration) = JsFuture::from(container.get_registration()).await else {
            window.location().reload().ok();
            return;
        };
        let registration: ServiceWorkerRegistration = registration.unchecked_into();
        match registration.waiting() {
            Some(waiting) => {
                waiting
                    .post_message(&JsValue::from_str("skip-waiting"))
                    .ok();
            }
            None => {
                window.location().reload().ok();
            }
        }
    });
}
