//! Heap use of loading a form and starting an instance: the peak while loading and what stays
//! (the app's Wasm memory is mostly this; it never shrinks, so the peak counts).
//!
//! `cargo run --release -p xonadon-engine --example memory -- FORM.json`

use std::sync::Arc;

use xonadon_engine::{FixedHost, Instance};

#[global_allocator]
static ALLOC: dhat::Alloc = dhat::Alloc;

fn mib(bytes: usize) -> String {
    format!("{:.2} MiB", bytes as f64 / (1024.0 * 1024.0))
}

fn main() {
    let path = std::env::args().nth(1).expect("usage: memory FORM.json");
    let _profiler = if std::env::var_os("DHAT_OUT").is_some() {
        dhat::Profiler::new_heap()
    } else {
        dhat::Profiler::builder().testing().build()
    };
    let json = std::fs::read_to_string(&path).expect("a readable form");
    let base = dhat::HeapStats::get().curr_bytes;
    let form = xonadon_engine::load(&json).expect("a valid form");
    let stats = dhat::HeapStats::get();
    println!(
        "form: {} kept, {} at the peak (the JSON text: {})",
        mib(stats.curr_bytes - base),
        mib(stats.max_bytes - base),
        mib(json.len())
    );
    let before = stats.curr_bytes;
    let instance = Instance::new(Arc::new(form), Arc::new(FixedHost::new(0.0, 0)));
    let stats = dhat::HeapStats::get();
    println!(
        "instance: {} kept ({} nodes), {} at the peak",
        mib(stats.curr_bytes - before),
        instance.walk().len(),
        mib(stats.max_bytes - base)
    );
}
