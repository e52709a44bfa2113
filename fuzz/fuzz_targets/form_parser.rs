//! Any text given as a form: loading returns a form or diagnostics, never panics.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        let _ = xonadon_engine::check(text);
    }
});
