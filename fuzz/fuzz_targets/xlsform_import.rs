//! Any bytes as an XLSForm workbook (`.xlsx`, `.xls` or `.ods`, told apart by content):
//! the import returns a form, problems or an `ImportError`, never panics, and stays within
//! the workbook limits (`crates/xlsform/src/workbook.rs`) in time and memory.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = xonadon_xlsform::import("fuzz.xlsx", data);
});
