//! Any text as an expression, in both contexts: parses or reports a column, never panics.
#![no_main]
use libfuzzer_sys::fuzz_target;
use xonadon_engine::expr::{parse, Context};

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        let _ = parse(text, Context::Normal);
        let _ = parse(text, Context::ChoiceFilter);
    }
});
