//! Browser entry point: registers the service worker, decodes the embedded
//! corpus once, then mounts [`crosscheck_web::App`] with it on `<body>`.

use crosscheck_web::app::{App, AppProps};
use crosscheck_web::browser;
use crosscheck_web::state::Corpus;

fn main() {
    browser::fatal::install_panic_view();
    browser::theme::apply_stored();
    browser::service_worker::register();
    let corpus = Corpus::embedded().map_err(|e| e.to_string().into());
    yew::Renderer::<App>::with_props(AppProps { corpus }).render();
}
