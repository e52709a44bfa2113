//! Tables as an XLSX workbook: one sheet per table, the same columns as the CSV files.
//!
//! Written as a stream, a row at a time, like the CSV ZIP: each sheet's XML goes into the ZIP
//! as its rows come (inline strings, so no shared-string table has to be held), and the
//! workbook's small parts (sheet list, relationships, styles) are written at the end, when
//! the sheet names are known. Memory stays flat however many submissions there are; a
//! workbook library builds the whole workbook in memory first (≈ 100 MiB per 1,000
//! households with rust_xlsxwriter), which a tablet cannot afford.

use std::fmt::Write as _;
use std::io::{Seek, Write};

use crate::csv_zip::options;
use zip::ZipWriter;

use crate::table::Layout;
use crate::ExportError;
use xonadon_storage::Submission;

/// Excel's limit on the text of one cell, in characters.
const MAX_CELL_CHARS: usize = 32_767;
/// Excel's limit on a sheet name, in characters.
const MAX_SHEET_NAME: usize = 31;
/// Excel's limit on the rows of a sheet.
const MAX_ROWS: u32 = 1_048_576;

const XML: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#;
const MAIN: &str = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

/// A sheet name Excel accepts, unique among `taken`: without `[]:*?/\`, at most 31 characters.
fn sheet_name(table: &str, taken: &mut Vec<String>) -> String {
    let clean: String = table
        .chars()
        .map(|c| if "[]:*?/\\".contains(c) { '_' } else { c })
        .collect();
    let mut k = 1;
    loop {
        let suffix = if k == 1 {
            String::new()
        } else {
            format!("~{k}")
        };
        let keep = MAX_SHEET_NAME - suffix.chars().count();
        let name: String = clean.chars().take(keep).collect::<String>() + &suffix;
        if !taken.iter().any(|t| t.eq_ignore_ascii_case(&name)) {
            taken.push(name.clone());
            return name;
        }
        k += 1;
    }
}

/// Text as Excel can hold it (longer answers are cut at its limit; the bundle keeps them whole).
fn cell_text(text: &str) -> &str {
    match text.char_indices().nth(MAX_CELL_CHARS) {
        Some((end, _)) => &text[..end],
        None => text,
    }
}

/// `text` escaped for XML; characters XML cannot hold (control characters other than tab and
/// line breaks) are written the way Excel writes them, `_x000B_`.
fn escape(text: &str, out: &mut String) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\t' | '\n' | '\r' => out.push(c),
            c if (c as u32) < 0x20 || c == '\u{FFFE}' || c == '\u{FFFF}' => {
                let _ = write!(out, "_x{:04X}_", c as u32);
            }
            c => out.push(c),
        }
    }
}

/// Whether a cell's text needs `xml:space="preserve"`: spaces at its ends and line breaks
/// survive only when asked for.
fn keeps_space(text: &str) -> bool {
    text.starts_with(char::is_whitespace)
        || text.ends_with(char::is_whitespace)
        || text.contains('\n')
}

/// `A`, `B`, … `Z`, `AA`, … for the 0-based column `index`.
fn column_letters(mut index: usize) -> String {
    let mut letters = Vec::new();
    loop {
        letters.push(b'A' + (index % 26) as u8);
        if index < 26 {
            break;
        }
        index = index / 26 - 1;
    }
    letters.reverse();
    String::from_utf8(letters).expect("ASCII")
}

/// A workbook being written.
pub struct Xlsx<W: Write + Seek> {
    zip: ZipWriter<W>,
    /// Sheet names, in order.
    sheets: Vec<String>,
    /// The sheet being written: its table and the next row number.
    open: Option<(usize, u32)>,
    /// One row's XML, reused.
    buffer: String,
}

impl<W: Write + Seek> Xlsx<W> {
    pub fn new(out: W) -> Xlsx<W> {
        Xlsx::over(ZipWriter::new(out))
    }

    fn over(zip: ZipWriter<W>) -> Xlsx<W> {
        Xlsx {
            zip,
            sheets: Vec::new(),
            open: None,
            buffer: String::new(),
        }
    }

    /// Starts the sheet of `layout`'s table `table`, with its header row (bold, frozen).
    pub fn begin(&mut self, layout: &Layout, table: usize) -> Result<(), ExportError> {
        self.close_sheet()?;
        sheet_name(&layout.tables[table].name, &mut self.sheets);
        let n = self.sheets.len();
        self.zip
            .start_file(format!("xl/worksheets/sheet{n}.xml"), options())?;
        let head = format!(
            "{XML}<worksheet xmlns=\"{MAIN}\"><sheetViews><sheetView workbookViewId=\"0\">\
             <pane ySplit=\"1\" topLeftCell=\"A2\" activePane=\"bottomLeft\" state=\"frozen\"/>\
             </sheetView></sheetViews><sheetData>"
        );
        self.zip.write_all(head.as_bytes())?;
        self.open = Some((table, 1));
        self.row(&layout.headers(table), true)
    }

    fn row<S: AsRef<str>>(&mut self, cells: &[S], bold: bool) -> Result<(), ExportError> {
        let Some((table, number)) = self.open else {
            return Err(ExportError::Write("no sheet begun".into()));
        };
        if number > MAX_ROWS {
            return Err(ExportError::Write(format!(
                "a sheet holds at most {MAX_ROWS} rows (Excel's limit): export fewer submissions"
            )));
        }
        let b = &mut self.buffer;
        b.clear();
        let _ = write!(b, "<row r=\"{number}\">");
        for (i, text) in cells.iter().enumerate() {
            let text = text.as_ref();
            if text.is_empty() {
                continue;
            }
            let style = if bold { " s=\"1\"" } else { "" };
            let space = if keeps_space(text) {
                " xml:space=\"preserve\""
            } else {
                ""
            };
            let _ = write!(
                b,
                "<c r=\"{}{number}\" t=\"inlineStr\"{style}><is><t{space}>",
                column_letters(i)
            );
            escape(cell_text(text), b);
            b.push_str("</t></is></c>");
        }
        b.push_str("</row>");
        self.zip.write_all(self.buffer.as_bytes())?;
        self.open = Some((table, number + 1));
        Ok(())
    }

    /// Writes the rows `submission` has in the sheet begun last.
    pub fn submission(
        &mut self,
        layout: &Layout,
        submission: &Submission,
    ) -> Result<(), ExportError> {
        let Some((table, _)) = self.open else {
            return Err(ExportError::Write("no sheet begun".into()));
        };
        for cells in layout.rows(table, submission) {
            self.row(&cells, false)?;
        }
        Ok(())
    }

    fn close_sheet(&mut self) -> Result<(), ExportError> {
        if self.open.take().is_some() {
            self.zip.write_all(b"</sheetData></worksheet>")?;
        }
        Ok(())
    }

    /// Writes the workbook's parts after the sheets and closes the ZIP.
    pub fn finish(mut self) -> Result<W, ExportError> {
        self.close_sheet()?;
        if self.sheets.is_empty() {
            // A workbook needs a sheet.
            self.sheets.push("data".into());
            self.zip.start_file("xl/worksheets/sheet1.xml", options())?;
            let empty = format!("{XML}<worksheet xmlns=\"{MAIN}\"><sheetData/></worksheet>");
            self.zip.write_all(empty.as_bytes())?;
        }
        let sheet_type =
            "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml";
        let mut types = format!(
            "{XML}<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">\
             <Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>\
             <Default Extension=\"xml\" ContentType=\"application/xml\"/>\
             <Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>\
             <Override PartName=\"/xl/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml\"/>"
        );
        let mut sheets = String::new();
        let mut rels = format!("{XML}<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">");
        for (i, name) in self.sheets.iter().enumerate() {
            let n = i + 1;
            let _ = write!(
                types,
                "<Override PartName=\"/xl/worksheets/sheet{n}.xml\" ContentType=\"{sheet_type}\"/>"
            );
            sheets.push_str("<sheet name=\"");
            escape(name, &mut sheets);
            let _ = write!(sheets, "\" sheetId=\"{n}\" r:id=\"rId{n}\"/>");
            let _ = write!(
                rels,
                "<Relationship Id=\"rId{n}\" Type=\"{REL}/worksheet\" Target=\"worksheets/sheet{n}.xml\"/>"
            );
        }
        types.push_str("</Types>");
        let styles_id = self.sheets.len() + 1;
        let _ = write!(
            rels,
            "<Relationship Id=\"rId{styles_id}\" Type=\"{REL}/styles\" Target=\"styles.xml\"/></Relationships>"
        );
        let parts = [
            ("[Content_Types].xml", types),
            (
                "_rels/.rels",
                format!(
                    "{XML}<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">\
                     <Relationship Id=\"rId1\" Type=\"{REL}/officeDocument\" Target=\"xl/workbook.xml\"/>\
                     </Relationships>"
                ),
            ),
            (
                "xl/workbook.xml",
                format!(
                    "{XML}<workbook xmlns=\"{MAIN}\" xmlns:r=\"{REL}\"><sheets>{sheets}</sheets></workbook>"
                ),
            ),
            ("xl/_rels/workbook.xml.rels", rels),
            (
                "xl/styles.xml",
                format!(
                    "{XML}<styleSheet xmlns=\"{MAIN}\">\
                     <fonts count=\"2\"><font><sz val=\"11\"/><name val=\"Calibri\"/></font>\
                     <font><b/><sz val=\"11\"/><name val=\"Calibri\"/></font></fonts>\
                     <fills count=\"2\"><fill><patternFill patternType=\"none\"/></fill>\
                     <fill><patternFill patternType=\"gray125\"/></fill></fills>\
                     <borders count=\"1\"><border><left/><right/><top/><bottom/><diagonal/></border></borders>\
                     <cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/></cellStyleXfs>\
                     <cellXfs count=\"2\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\"/>\
                     <xf numFmtId=\"0\" fontId=\"1\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyFont=\"1\"/></cellXfs>\
                     <cellStyles count=\"1\"><cellStyle name=\"Normal\" xfId=\"0\" builtinId=\"0\"/></cellStyles>\
                     </styleSheet>"
                ),
            ),
        ];
        for (name, xml) in parts {
            self.zip.start_file(name, options())?;
            self.zip.write_all(xml.as_bytes())?;
        }
        Ok(self.zip.finish()?)
    }
}

impl<S: Write> Xlsx<zip::write::StreamWriter<S>> {
    /// A workbook written straight through to `out`, which need not seek (a download being
    /// assembled in chunks).
    pub fn streaming(out: S) -> Self {
        Xlsx::over(ZipWriter::new_stream(out))
    }
}

/// Every table of every layout, with their submissions, as one workbook.
pub fn write(parts: &[(Layout, Vec<&Submission>)]) -> Result<Vec<u8>, ExportError> {
    let mut book = Xlsx::new(std::io::Cursor::new(Vec::new()));
    crate::stream::all_tables(&mut book, parts)?;
    Ok(book.finish()?.into_inner())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sheet_names_excel_accepts() {
        let mut taken = Vec::new();
        assert_eq!(sheet_name("visits", &mut taken), "visits");
        assert_eq!(sheet_name("VISITS", &mut taken), "VISITS~2");
        let long = "household_needs_assessment-members_of_household";
        let name = sheet_name(long, &mut taken);
        assert_eq!(name.chars().count(), 31);
        assert_eq!(sheet_name("a/b[c]", &mut taken), "a_b_c_");
    }

    #[test]
    fn cells_are_cut_at_excels_limit() {
        let long = "ж".repeat(40_000);
        assert_eq!(cell_text(&long).chars().count(), MAX_CELL_CHARS);
        assert_eq!(cell_text("short"), "short");
    }

    #[test]
    fn xml_text_and_columns() {
        let mut out = String::new();
        escape("a<b & \"c\"\u{b}\n", &mut out);
        assert_eq!(out, "a&lt;b &amp; &quot;c&quot;_x000B_\n");
        assert_eq!(column_letters(0), "A");
        assert_eq!(column_letters(25), "Z");
        assert_eq!(column_letters(26), "AA");
        assert_eq!(column_letters(701), "ZZ");
        assert_eq!(column_letters(702), "AAA");
        assert!(keeps_space(" Karimov") && keeps_space("a\nb") && keeps_space("tab\t"));
        assert!(!keeps_space("Karimov Aziz"));
    }
}
