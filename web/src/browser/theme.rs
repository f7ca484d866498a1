//! Light and dark themes. With no choice stored the page follows
//! `prefers-color-scheme` (pure CSS); a choice made with the toggle is stored
//! in `localStorage` and set as `data-theme` on `<html>`, which the CSS
//! honours over the system preference.

const KEY: &str = "crosscheck-theme";

/// A theme the reader can pick.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Theme {
    Light,
    Dark,
}

impl Theme {
    fn as_str(self) -> &'static str {
        match self {
            Theme::Light => "light",
            Theme::Dark => "dark",
        }
    }

    pub fn other(self) -> Theme {
        match self {
            Theme::Light => Theme::Dark,
            Theme::Dark => Theme::Light,
        }
    }
}

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok()?
}

/// The theme in effect: the stored choice, else the system preference.
pub fn current() -> Theme {
    let stored = storage().and_then(|s| s.get_item(KEY).ok().flatten());
    match stored.as_deref() {
        Some("dark") => Theme::Dark,
        Some("light") => Theme::Light,
        _ => {
            let dark = web_sys::window()
                .and_then(|w| w.match_media("(prefers-color-scheme: dark)").ok().flatten())
                .map(|m| m.matches())
                .unwrap_or(false);
            if dark {
                Theme::Dark
            } else {
                Theme::Light
            }
        }
    }
}

/// Applies a stored choice at startup (nothing when none is stored).
pub fn apply_stored() {
    if let Some(choice) = storage().and_then(|s| s.get_item(KEY).ok().flatten()) {
        set_attribute(&choice);
    }
}

/// Stores and applies a choice.
pub fn choose(theme: Theme) {
    if let Some(s) = storage() {
        s.set_item(KEY, theme.as_str()).ok();
    }
    set_attribute(theme.as_str());
}

fn set_attribute(value: &str) {
    if let Some(root) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
    {
        if value == "dark" || value == "light" {
            root.set_attribute("data-theme", value).ok();
        }
    }
}
