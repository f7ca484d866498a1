//! Browser entry point: mounts [`crosscheck_web::App`] on `<body>`.

fn main() {
    crosscheck_web::browser::fatal::install_panic_view();
    crosscheck_web::browser::theme::apply_stored();
    yew::Renderer::<crosscheck_web::App>::new().render();
}
