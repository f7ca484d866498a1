//! Browser entry point: registers the service worker, then mounts
//! [`crosscheck_web::App`] on `<body>`.

fn main() {
    crosscheck_web::browser::fatal::install_panic_view();
    crosscheck_web::browser::theme::apply_stored();
    crosscheck_web::browser::service_worker::register();
    yew::Renderer::<crosscheck_web::App>::new().render();
}
