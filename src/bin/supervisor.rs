//! The supervisor's page (`supervisor.html`): its own Wasm module, so the export code it
//! carries is loaded only when a supervisor opens it.

fn main() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(xonadon::SupervisorApp);
}
