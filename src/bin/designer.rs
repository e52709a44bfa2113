//! The designer's page (`designer.html`): its own Wasm module, so the XLSForm reader and the
//! editor are loaded only when a designer opens it.

fn main() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(xonadon::DesignerApp);
}
