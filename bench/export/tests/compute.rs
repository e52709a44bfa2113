//! The export's computing alone (no IndexedDB), in Wasm under Node: 10,000 households already
//! in memory to a CSV ZIP. Beside `export.rs`, it tells reading from computing.
//!
//! `cargo test --release -p xonadon-export-bench --target wasm32-unknown-unknown --test compute -- --nocapture`

#![cfg(target_arch = "wasm32")]

use std::io::Cursor;

use wasm_bindgen_test::{console_log, wasm_bindgen_test};
use xonadon_export::csv_zip;
use xonadon_export::table::{Layout, Options};

#[path = "../../../crates/export/benches/household.rs"]
mod household;

#[wasm_bindgen_test]
fn tables_of_households_in_memory() {
    let n: usize = option_env!("XONADON_EXPORT_N")
        .and_then(|v| v.parse().ok())
        .unwrap_or(10_000);
    let form = household::form();
    let subs = household::submissions(&form, n);
    let refs: Vec<_> = subs.iter().collect();
    let t = js_sys::Date::now();
    let layout = Layout::new(&form, "household", Options::default());
    let zip = csv_zip::write(Cursor::new(Vec::new()), &[(layout, refs)], &[]).unwrap();
    let ms = js_sys::Date::now() - t;
    console_log!(
        "{n} households in memory → CSV ZIP of {} bytes in {:.2} s (Wasm, Node)",
        zip.into_inner().len(),
        ms / 1000.0
    );
}
