//! "New version available — reload": shown when a new service worker is
//! installed and waiting. The worker is registered at start-up (`main.rs`);
//! the banner only listens (see `browser::service_worker`).

use yew::prelude::*;

use crate::browser::service_worker;

#[component]
pub fn UpdateBanner() -> Html {
    let waiting = use_state(|| false);
    {
        let waiting = waiting.clone();
        use_effect_with((), move |_| {
            let listener = service_worker::on_update(Callback::from(move |_| waiting.set(true)));
            move || drop(listener)
        });
    }
    if !*waiting {
        return html! {};
    }
    html! {
        <div class="update-banner" role="status" data-testid="update-banner">
            <span>{ "A new version of Crosscheck is available." }</span>
            <button type="button" class="button primary" data-testid="update-reload"
                onclick={Callback::from(|_| service_worker::apply_update())}>
                { "Reload" }
            </button>
        </div>
    }
}
