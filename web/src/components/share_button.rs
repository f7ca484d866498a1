//! "Copy link" (and "Share…" where the browser has the Web Share API) for
//! the current view. The URL is the whole state of a view, so this is all
//! sharing needs.

use yew::prelude::*;

use crate::browser::share;

#[derive(Properties, PartialEq)]
pub struct ShareButtonProps {
    /// What the shared link shows, for the share sheet.
    pub title: AttrValue,
}

#[component]
pub fn ShareButton(props: &ShareButtonProps) -> Html {
    let status = use_state(|| None::<&'static str>);
    let copy = {
        let status = status.clone();
        Callback::from(move |_| {
            let status = status.clone();
            wasm_bindgen_futures::spawn_local(async move {
                let ok = share::copy(&share::current_url()).await;
                status.set(Some(if ok {
                    "Link copied"
                } else {
                    "Copy failed: select the address bar instead"
                }));
            });
        })
    };
    let share_sheet = {
        let title = props.title.clone();
        Callback::from(move |_| {
            let title = title.clone();
            wasm_bindgen_futures::spawn_local(async move {
                share::share(&title, &share::current_url()).await;
            });
        })
    };
    html! {
        <div class="share">
            <button type="button" class="button" data-testid="copy-link" onclick={copy}>
                { "Copy link" }
            </button>
            if share::can_share() {
                <button type="button" class="button" onclick={share_sheet}>{ "Share…" }</button>
            }
            <span class="share-status" role="status" aria-live="polite">{ status.unwrap_or("") }</span>
        </div>
    }
}
