//! Cell references checked before calamine reads them: calamine (0.38) turns a reference's
//! letters and digits into a `u32` without checking for overflow, so a reference longer than
//! Excel's last cell (`XFD1048576`) panics in a build with overflow checks (found by the
//! `workbook_xml` fuzz target) and wraps to a wrong cell in a release build. Every `r` and
//! `ref` attribute of every XML part is checked first: no run of more than 3 letters or
//! more than 7 digits.

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

/// The first `r` or `ref` attribute of the XML `part` that does not fit, as written.
fn first_misfit(part: &[u8]) -> Option<String> {
    let mut reader = quick_xml::Reader::from_reader(part);
    let mut buf = Vec::new();
    loop {
        match reader.read_event_into(&mut buf) {
            Ok(Event::Start(e) | Event::Empty(e)) => {
                for a in e.attributes().flatten() {
                    // Unprefixed, as calamine reads them (`xmlns:r` is no reference).
                    if matches!(a.key.as_ref(), b"r" | b"ref") && !fits(&a.value) {
                        let shown: String =
                            String::from_utf8_lossy(&a.value).chars().take(40).collect();
                        return Some(shown);
                    }
                }
            }
            // Where the XML breaks, calamine reports it.
            Ok(Event::Eof) | Err(_) => return None,
            _ => {}
        }
        buf.clear();
    }
}

/// Checks the `.xml` parts of the `.xlsx` `bytes` (their size checked already); the error
/// says which part and reference.
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
        if file.read_to_end(&mut part).is_err() {
            continue;
        }
        if let Some(reference) = first_misfit(&part) {
            return Err(format!(
                "{name} refers to the cell `{reference}`, past Excel's last (XFD1048576)"
            ));
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
        assert_eq!(first_misfit(sheet).as_deref(), Some("QQQQQQQQQQQQQQ2"));
        let namespaces =
            br#"<x xmlns:r="http://schemas.openxmlformats.org/x" r:id="rId12345678" ref="A1"/>"#;
        assert_eq!(first_misfit(namespaces), None);
    }
}
