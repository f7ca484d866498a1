//! Browser entry point: decodes the embedded corpus once, then mounts
//! [`crosscheck_web::App`] with it on `<body>` (or, when it cannot be
//! decoded, the one message that says why).

use crosscheck_web::app::{App, AppProps, CorpusUnreadable, CorpusUnreadableProps};
use crosscheck_web::browser;
use crosscheck_web::state::Corpus;

fn main() {
    browser::fatal::install_panic_view();
    browser::theme::apply_stored();
    browser::service_worker::register();
    match Corpus::embedded() {
        Ok(corpus) => {
            yew::Renderer::<App>::with_props(AppProps { corpus }).render();
        }
        Err(e) => {
            let reason = e.to_string().into();
            yew::Renderer::<CorpusUnreadable>::with_props(CorpusUnreadableProps { reason })
                .render();
        }
    }
}
