//! A panic must not leave a frozen page. Release builds abort on panic, which
//! stops the wasm instance; the hook below runs first and replaces the page
//! with a plain-DOM error view whose reload link needs no wasm to work.

/// Installs the panic hook. Call once at startup.
pub fn install_panic_view() {
    std::panic::set_hook(Box::new(|info| {
        let message = info.to_string();
        web_sys::console::error_1(&format!("Crosscheck crashed: {message}").into());
        show(&message);
    }));
}

fn show(message: &str) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let Some(body) = document.body() else { return };
    let Ok(view) = document.create_element("div") else {
        return;
    };
    view.set_class_name("fatal");
    view.set_attribute("role", "alert").ok();
    view.set_attribute("data-testid", "fatal-error").ok();
    let here = web_sys::window()
        .and_then(|w| w.location().href().ok())
        .unwrap_or_default();
    let escape = |s: &str| {
        s.replace('&', "&amp;")
            .replace('<', "&lt;")
            .replace('>', "&gt;")
            .replace('"', "&quot;")
    };
    view.set_inner_html(&format!(
        "<h1>Something went wrong</h1>\
         <p>Crosscheck hit an internal error and stopped. Reloading usually fixes it.</p>\
         <p><a class=\"button\" href=\"{}\">Reload</a></p>\
         <details><summary>Technical details</summary><pre>{}</pre></details>",
        escape(&here),
        escape(message)
    ));
    body.set_inner_html("");
    body.append_child(&view).ok();
}
