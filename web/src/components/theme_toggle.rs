//! Switches between light and dark; the choice is remembered.

use yew::prelude::*;

use crate::browser::theme::{self, Theme};

#[component]
pub fn ThemeToggle() -> Html {
    let current = use_state(theme::current);
    let next = current.other();
    let onclick = {
        let current = current.clone();
        Callback::from(move |_| {
            theme::choose(next);
            current.set(next);
        })
    };
    let label = match next {
        Theme::Dark => "Dark theme",
        Theme::Light => "Light theme",
    };
    html! {
        <button type="button" class="button theme-toggle" data-testid="theme-toggle"
            aria-pressed={(*current == Theme::Dark).to_string()} {onclick}>
            { label }
        </button>
    }
}
