//! Browser entry point: mounts [`crosscheck_web::App`] on `<body>`.

fn main() {
    yew::Renderer::<crosscheck_web::App>::new().render();
}
