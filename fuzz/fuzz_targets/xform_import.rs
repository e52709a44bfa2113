//! Any bytes as an ODK XForm: the import returns a form, problems or an `ImportError`, never
//! panics; deep nesting is refused (`MAX_DEPTH`), not recursed into.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = xonadon_xform::import("fuzz.xml", data);
});
