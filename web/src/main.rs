//! Browser entry point: installs the panic view, the theme and the service
//! worker, then mounts [`crosscheck_web::App`] on `<body>`, which paints at
//! once and loads the corpus data file itself.

use crosscheck_web::app::App;
use crosscheck_web::browser;

fn main() {
    browser::fatal::install_panic_view();
    browser::theme::apply_stored();
    browser::service_worker::register();
    yew::Renderer::<App>::new().render();
}
