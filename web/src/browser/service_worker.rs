//! Service worker registration and the update handshake.
//!
//! `sw.js` exists only in release builds (scripts/post-build.mjs writes it),
//! so debug builds never register one. [`register`] runs once at start-up,
//! before the app renders. A new version installs in the background and
//! waits; views learn of it through [`on_update`], and the update banner
//! offers a reload. Only when the reader accepts does the waiting worker
//! take over, and the page reloads once it controls it, so old and new
//! files never mix.

use std::cell::{Cell, RefCell};

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{ServiceWorkerRegistration, ServiceWorkerState};
use yew::Callback;

thread_local! {
    static RELOAD_ON_CONTROLLER_CHANGE: Cell<bool> = const { Cell::new(false) };
    /// A new version is installed and waiting (it may be found before any
    /// view listens).
    static UPDATE_WAITING: Cell<bool> = const { Cell::new(false) };
    /// Who to tell: the update banner. One at a time; the app has one.
    static LISTENER: RefCell<Option<Callback<()>>> = const { RefCell::new(None) };
}

/// Calls `listener` when a new version is waiting: at once if one already
/// is, else when one is found. It replaces any earlier listener. Returns a
/// guard; dropping it stops the calls.
pub fn on_update(listener: Callback<()>) -> UpdateListener {
    if UPDATE_WAITING.with(Cell::get) {
        listener.emit(());
    }
    LISTENER.with(|l| l.replace(Some(listener.clone())));
    UpdateListener(listener)
}

/// Stops its listener's calls when dropped (see [`on_update`]).
pub struct UpdateListener(Callback<()>);

impl Drop for UpdateListener {
    fn drop(&mut self) {
        LISTENER.with(|l| {
            let mut l = l.borrow_mut();
            if l.as_ref() == Some(&self.0) {
                *l = None;
            }
        });
    }
}

fn update_found() {
    UPDATE_WAITING.with(|w| w.set(true));
    // Taken out of the cell first: the listener may replace itself.
    if let Some(listener) = LISTENER.with(|l| l.borrow().clone()) {
        listener.emit(());
    }
}

/// Registers `sw.js` (relative to `<base href>`) in release builds and
/// watches for new versions. Call once at start-up.
pub fn register() {
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
        watch(&registration);
    });
}

/// Reports a waiting worker now, and any that finishes installing later.
fn watch(registration: &ServiceWorkerRegistration) {
    let has_controller = || {
        web_sys::window()
            .map(|w| w.navigator().service_worker().controller().is_some())
            .unwrap_or(false)
    };
    if registration.waiting().is_some() && has_controller() {
        update_found();
    }
    let reg = registration.clone();
    let on_found = Closure::<dyn FnMut()>::new(move || {
        let Some(installing) = reg.installing() else {
            return;
        };
        let worker = installing.clone();
        let on_state = Closure::<dyn FnMut()>::new(move || {
            // Installed while another version controls the page: an update.
            // (On the very first visit there is no controller yet.)
            if worker.state() == ServiceWorkerState::Installed && has_controller() {
                update_found();
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
