//! The field worker's page (`index.html`). Everything else lives in the library so tests can
//! mount it.

fn main() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(xonadon::FieldApp);
}
