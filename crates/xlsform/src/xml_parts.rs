//! A workbook's XML parts checked before calamine reads them, for two things calamine (0.38)
//! does not check, both found by the `workbook_xml` fuzz target:
//! - it turns a cell reference's letters and digits into a `u32` without checking for
//!   overflow, so a reference longer than Excel's last cell (`XFD1048576`) panics in a build
//!   with overflow checks and wraps to a wrong cell in a release build: every `r` and `ref`
//!   attribute may have no run of more than 3 letters or 7 digits;
//! - its `.ods` reader loops for ever when the file ends inside a `table:table` (it waits for
//!   the end tag and ignores the end of the file): every element must be closed, by its own
//!   name, before the part ends.
//!
//! A part that does not unpack whole is refused here too (the `xlsform_import` target found
//! a sheet with a wrong checksum that calamine still read, references and all).

use std::io::{Cursor, Read};

use quick_xml::events::Event;

/// Letters of Excel's last column (`XFD`) and digits of its last row (`1048576`).
const MAX_LETTERS: usize = 3;
const MAX_DIGITS: usize = 7;

/// Whether `value` (a cell, a row or a range: `B7`, `12`, `A1:C3`, `$A$1`) has no run of
/// letters or digits longer than any cell of Excel has.
fn fits(value: &[u8]) -> bool {
    let mut letters = 0;
    let mut digits = 0;
    for b in value {
        letters = if b.is_ascii_alphabetic() {
            letters + 1
        } else {
            0
        };
        digits = if b.is_ascii_digit() { digits + 1 } else { 0 };
        if letters > MAX_LETTERS || digits > MAX_DIGITS {
            return false;
        }
    }
    true
}

/// What is wrong with the XML `part`, if anything: an `r` or `ref` attribute that does not
/// fit (as written), an end tag that closes another element, or elements left open.
fn problem(part: &[u8]) -> Option<String> {
    let mut reader = quick_xml::Reader::from_reader(part);
    let mut buf = Vec::new();
    let mut open = 0usize;
    loop {
        let event = reader.read_event_into(&mut buf);
        match event {
            Ok(Event::Start(ref e) | Event::Empty(ref e)) => {
                for a in e.attributes().flatten() {
                    // Unprefixed, as calamine reads them (`xmlns:r` is no reference).
                    if matches!(a.key.as_ref(), b"r" | b"ref") && !fits(&a.value) {
                        let shown: String =
                            String::from_utf8_lossy(&a.value).chars().take(40).collect();
                        return Some(format!(
                            "it refers to the cell `{shown}`, past Excel's last (XFD1048576)"
                        ));
                    }
                }
                if matches!(event, Ok(Event::Start(_))) {
                    open += 1;
                }
            }
            Ok(Event::End(_)) => open = open.saturating_sub(1),
            Ok(Event::Eof) if open == 0 => return None,
            Ok(Event::Eof) => return Some(format!("it ends with {open} element(s) left open")),
            Err(e) => return Some(format!("it is no XML: {e}")),
            _ => {}
        }
        buf.clear();
    }
}

/// Checks the `.xml` parts of the `.xlsx` or `.ods` `bytes` (their size checked already);
/// the error says which part and what.
pub fn check(bytes: &[u8]) -> Result<(), String> {
    let Ok(mut archive) = zip::ZipArchive::new(Cursor::new(bytes)) else {
        return Ok(()); // calamine reports it
    };
    let mut part = Vec::new();
    for i in 0..archive.len() {
        let Ok(mut file) = archive.by_index(i) else {
            continue;
        };
        let Ok(name) = file.name().map(|n| n.to_string()) else {
            continue;
        };
        if !name.to_ascii_lowercase().ends_with(".xml") {
            continue;
        }
        part.clear();
        // A part that does not unpack whole (a checksum that does not match, a cut stream) is
        // refused, as Python's zipfile (pyxform's reader) refuses it: calamine would read it
        // anyway, and its overflowing references with it.
        if let Err(e) = file.read_to_end(&mut part) {
            return Err(format!("its part {name} is damaged: {e}"));
        }
        if let Some(problem) = problem(&part) {
            return Err(format!("its part {name}: {problem}"));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn references_up_to_excels_last_cell_fit() {
        for ok in ["A1", "XFD1048576", "$A$1:$C$30", "12", "B7:B9 D2", ""] {
            assert!(fits(ok.as_bytes()), "{ok}");
        }
        for long in ["AAAA1", "A12345678", "A1:ZZZZ2"] {
            assert!(!fits(long.as_bytes()), "{long}");
        }
    }

    #[test]
    fn the_first_reference_that_does_not_fit_is_named() {
        let sheet = br#"<worksheet><dimension ref="A1:B2"/><sheetData><row r="1"><c r="A1"/></row><row r="2"><c r="QQQQQQQQQQQQQQ2" t="s"/></row></sheetData></worksheet>"#;
        let found = problem(sheet).unwrap();
        assert!(found.contains("`QQQQQQQQQQQQQQ2`"), "{found}");
        let namespaces =
            br#"<x xmlns:r="http://schemas.openxmlformats.org/x" r:id="rId12345678" ref="A1"/>"#;
        assert_eq!(problem(namespaces), None);
    }

    #[test]
    fn every_element_is_closed_by_its_own_name() {
        assert_eq!(problem(b"<a><b/><c>text</c></a>"), None);
        let open = problem(b"<a><table:table><row>").unwrap();
        assert!(open.contains("3 element(s) left open"), "{open}");
        let crossed = problem(b"<a><b></a></b>").unwrap();
        assert!(crossed.contains("no XML"), "{crossed}");
    }
}
