//! Workbooks no spreadsheet program writes, found by the fuzz targets (`fuzz/`, issue 13): each
//! is refused with an `ImportError` (or imported), never a panic.

use std::io::{Cursor, Write};

use xonadon_xlsform::{import, ImportError};
use zip::write::SimpleFileOptions;

const CONTENT_TYPES: &str = r#"<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>"#;
const ROOT_RELS: &str = r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"#;
const WORKBOOK: &str = r#"<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="survey" sheetId="1" r:id="rId1"/></sheets></workbook>"#;
const WORKBOOK_RELS: &str = r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>"#;

/// An `.xlsx` whose one sheet, `survey`, is `sheet` (its XML as written) and which has no
/// shared strings part.
fn xlsx_with_sheet(sheet: &str) -> Vec<u8> {
    let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
    for (name, text) in [
        ("[Content_Types].xml", CONTENT_TYPES),
        ("_rels/.rels", ROOT_RELS),
        ("xl/workbook.xml", WORKBOOK),
        ("xl/_rels/workbook.xml.rels", WORKBOOK_RELS),
        ("xl/worksheets/sheet1.xml", sheet),
    ] {
        zip.start_file(name, SimpleFileOptions::default()).unwrap();
        zip.write_all(text.as_bytes()).unwrap();
    }
    zip.finish().unwrap().into_inner()
}

/// A cell naming a shared string the workbook does not have: calamine 0.31 indexed its table
/// with it and panicked (the `workbook_xml` target's first find); calamine 0.38 says so.
#[test]
fn a_cell_naming_a_missing_shared_string_is_unreadable() {
    let sheet = r#"<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c></row></sheetData></worksheet>"#;
    match import("form.xlsx", &xlsx_with_sheet(sheet)) {
        Err(ImportError::Unreadable { reason, .. }) => {
            assert!(reason.contains("shared strings"), "{reason}")
        }
        other => panic!("expected Unreadable, got {other:?}"),
    }
}

/// The same package with the cell written inline imports: the test above fails for the
/// missing string, not for the package.
#[test]
fn the_same_package_with_an_inline_cell_imports() {
    let sheet = r#"<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>type</t></is></c><c r="B1" t="inlineStr"><is><t>name</t></is></c></row><row r="2"><c r="A2" t="inlineStr"><is><t>note</t></is></c><c r="B2" t="inlineStr"><is><t>n</t></is></c></row></sheetData></worksheet>"#;
    let imported = import("form.xlsx", &xlsx_with_sheet(sheet)).unwrap();
    assert!(imported.json.contains("\"n\""), "{}", imported.json);
}

/// A cell reference longer than Excel's last cell: calamine 0.38 multiplies it into a `u32`
/// unchecked (a panic with overflow checks, as in this test build; a wrong cell without), so
/// it is refused before calamine reads it.
#[test]
fn a_reference_past_excels_last_cell_is_unreadable() {
    let sheet = r#"<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="ZZZZZZZZZZZZZZ1" t="inlineStr"><is><t>type</t></is></c></row></sheetData></worksheet>"#;
    match import("form.xlsx", &xlsx_with_sheet(sheet)) {
        Err(ImportError::Unreadable { reason, .. }) => assert!(
            reason.contains("xl/worksheets/sheet1.xml") && reason.contains("ZZZZZZZZZZZZZZ1"),
            "{reason}"
        ),
        other => panic!("expected Unreadable, got {other:?}"),
    }
}

const ODS_MANIFEST: &str = r#"<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2"><manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/><manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>"#;

/// An `.ods` whose `content.xml` is `content`, stored.
fn ods_with_content(content: &str) -> Vec<u8> {
    let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let stored = SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    for (name, text) in [
        ("mimetype", "application/vnd.oasis.opendocument.spreadsheet"),
        ("META-INF/manifest.xml", ODS_MANIFEST),
        ("content.xml", content),
    ] {
        zip.start_file(name, stored).unwrap();
        zip.write_all(text.as_bytes()).unwrap();
    }
    zip.finish().unwrap().into_inner()
}

/// An `.ods` ending inside a table: calamine 0.38 waits for the table's end tag for ever (the
/// `workbook_xml` target's timeout); refused before calamine reads it. Run on a thread so
/// that a hang fails the test instead of stopping the suite.
#[test]
fn an_ods_ending_inside_a_table_is_unreadable_not_a_hang() {
    let content = r#"<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"><office:body><office:spreadsheet><table:table table:name="survey"><table:table-row><table:table-cell office:value-type="string"><text:p>type</text:p></table:table-cell></table:table-row>"#;
    let bytes = ods_with_content(content);
    let (send, receive) = std::sync::mpsc::channel();
    std::thread::spawn(move || send.send(import("form.ods", &bytes).map(|_| ())));
    let result = receive
        .recv_timeout(std::time::Duration::from_secs(20))
        .expect("the import hung");
    match result {
        Err(ImportError::Unreadable { reason, .. }) => {
            assert!(
                reason.contains("content.xml") && reason.contains("left open"),
                "{reason}"
            )
        }
        other => panic!("expected Unreadable, got {other:?}"),
    }
}

/// A package whose sheets do not match their checksums (the `xlsform_import` target's find):
/// calamine read such a sheet anyway, and a reference in it past Excel's last cell panicked;
/// a damaged part is refused, as Python's zipfile (pyxform's) refuses it.
#[test]
fn a_part_that_does_not_match_its_checksum_is_unreadable() {
    let bytes = include_bytes!("hostile/bad-checksum.xlsx");
    match import("form.xlsx", bytes) {
        Err(ImportError::Unreadable { reason, .. }) => {
            assert!(reason.contains("is damaged"), "{reason}")
        }
        other => panic!("expected Unreadable, got {other:?}"),
    }
}
