//! The workbook as plain text cells: which Excel format it really is (from its bytes, not its
//! name: real `.xlsx` files are sometimes old `.xls`), and each sheet's header and rows with
//! the row numbers Excel shows.
//!
//! A workbook is read within limits, so no file can take the device's memory or minutes of
//! its time (a 1.6 KB workbook with one cell at XFD1048576 once asked for 512 GiB): its parts
//! may unpack to [`MAX_UNPACKED_BYTES`] at most (a zip bomb is refused before it is opened),
//! a sheet may have [`MAX_ROWS`] rows, and cells right of column [`MAX_COLUMNS`] are left out
//! with a warning. `.xlsx` sheets are read cell by cell and kept sparse, so a stray cell far
//! away costs nothing.

use std::collections::BTreeMap;
use std::io::Cursor;

use calamine::{Data, Ods, Reader, Xls, Xlsx};

use crate::ImportError;

/// What an `.xlsx` or `.ods` file's parts may unpack to, in all: far more than any form
/// (the 500-question benchmark form with 5,000 choices in 5 languages unpacks to ≈ 3 MB).
pub const MAX_UNPACKED_BYTES: u64 = 100 << 20;

/// Rows a sheet may have (a longer choice list belongs in a CSV file: `select_one_from_file`).
pub const MAX_ROWS: usize = 100_000;

/// Columns read (A to ALL); cells further right are left out, with a warning.
pub const MAX_COLUMNS: usize = 1_000;

/// The workbook formats calamine reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// Office Open XML (Excel 2007 and later): a ZIP archive.
    Xlsx,
    /// The old binary Excel format (Excel 97–2003): an OLE2 compound file.
    Xls,
    /// OpenDocument spreadsheet (LibreOffice): a ZIP archive with an `mimetype` entry.
    Ods,
}

impl Format {
    /// The format of `bytes`, from their signature; `None` when it is not a workbook.
    pub fn detect(bytes: &[u8]) -> Option<Format> {
        const ZIP: &[u8] = b"PK\x03\x04";
        const OLE2: &[u8] = &[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
        if bytes.starts_with(OLE2) {
            Some(Format::Xls)
        } else if bytes.starts_with(ZIP) {
            // An ODF package stores `mimetype` first, uncompressed, right after its header.
            let head = &bytes[..bytes.len().min(100)];
            let ods = b"application/vnd.oasis.opendocument.spreadsheet";
            if head.windows(ods.len()).any(|w| w == ods) {
                Some(Format::Ods)
            } else {
                Some(Format::Xlsx)
            }
        } else {
            None
        }
    }

    /// The usual file extension.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Xlsx => "xlsx",
            Format::Xls => "xls",
            Format::Ods => "ods",
        }
    }
}

/// One sheet: the first non-empty row is the header; the rows below it, blank ones skipped.
#[derive(Debug, Clone, Default)]
pub struct Sheet {
    pub name: String,
    /// Header texts, trimmed, by column index (empty where a column has no header).
    pub headers: Vec<String>,
    pub rows: Vec<Row>,
    /// The row number of the header.
    pub header_row: u32,
}

#[derive(Debug, Clone)]
pub struct Row {
    /// As Excel shows it (1-based).
    pub number: u32,
    /// The non-empty trimmed cell texts, by column index (sorted): a row is as small as what
    /// it holds, however far right its last cell is.
    cells: Vec<(usize, String)>,
}

impl Row {
    /// A row from its cells by column index (empty ones are left out): for tests.
    #[cfg(test)]
    pub fn new(number: u32, cells: Vec<String>) -> Row {
        let cells = cells
            .into_iter()
            .enumerate()
            .filter(|(_, t)| !t.is_empty())
            .collect();
        Row { number, cells }
    }

    pub fn cell(&self, column: usize) -> &str {
        match self.cells.binary_search_by_key(&column, |(c, _)| *c) {
            Ok(i) => &self.cells[i].1,
            Err(_) => "",
        }
    }

    /// The cells as a dense list up to the last non-empty one (a header row).
    fn dense(self) -> Vec<String> {
        let width = self.cells.last().map_or(0, |(c, _)| c + 1);
        let mut out = vec![String::new(); width];
        for (c, t) in self.cells {
            out[c] = t;
        }
        out
    }
}

/// Sheets read so far, and whether cells right of [`MAX_COLUMNS`] were left out.
pub struct Read {
    pub format: Format,
    pub sheets: Vec<Sheet>,
    /// The sheets with cells right of [`MAX_COLUMNS`], left out.
    pub cut_sheets: Vec<String>,
}

/// Reads every sheet of the workbook in `bytes`.
pub fn read(file: &str, bytes: &[u8]) -> Result<Read, ImportError> {
    let format = Format::detect(bytes).ok_or_else(|| ImportError::NotAWorkbook {
        file: file.to_string(),
    })?;
    let unreadable = |reason: String| ImportError::Unreadable {
        file: file.to_string(),
        format: format.extension(),
        reason,
    };
    let too_large = |reason: String| ImportError::TooLarge {
        file: file.to_string(),
        reason,
    };
    if format != Format::Xls {
        unpacked_size(bytes, MAX_UNPACKED_BYTES)
            .map_err(|e| unreadable(e.to_string()))?
            .map_err(too_large)?;
    }
    if format != Format::Xls {
        crate::xml_parts::check(bytes).map_err(&unreadable)?;
    }
    let cursor = Cursor::new(bytes);
    let mut cut_sheets = Vec::new();
    let sheets = match format {
        Format::Xlsx => {
            let mut reader = Xlsx::new(cursor).map_err(|e| unreadable(e.to_string()))?;
            let mut out = Vec::new();
            for name in reader.sheet_names() {
                let mut cells = reader
                    .worksheet_cells_reader(&name)
                    .map_err(|e| unreadable(format!("sheet {name}: {e}")))?;
                let mut rows = Rows::new(&name);
                while let Some(cell) = cells
                    .next_cell()
                    .map_err(|e| unreadable(format!("sheet {name}: {e}")))?
                {
                    let (row, column) = cell.get_position();
                    let value: Data = cell.get_value().clone().into();
                    rows.add(row, column as usize, text(&value))
                        .map_err(too_large)?;
                }
                out.push(rows.finish(&mut cut_sheets));
            }
            out
        }
        Format::Xls => ranges(
            Xls::new(cursor).map_err(|e| unreadable(e.to_string()))?,
            &unreadable,
            &too_large,
            &mut cut_sheets,
        )?,
        Format::Ods => ranges(
            Ods::new(cursor).map_err(|e| unreadable(e.to_string()))?,
            &unreadable,
            &too_large,
            &mut cut_sheets,
        )?,
    };
    Ok(Read {
        format,
        sheets,
        cut_sheets,
    })
}

/// The total size `bytes`, a ZIP archive, says its files unpack to: `Err(reason)` inside
/// when it is more than `limit` (read from the archive's directory, before anything is
/// unpacked).
fn unpacked_size(bytes: &[u8], limit: u64) -> zip::result::ZipResult<Result<u64, String>> {
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes))?;
    let mut total: u64 = 0;
    for i in 0..archive.len() {
        total = total.saturating_add(archive.by_index_raw(i)?.size());
    }
    Ok(if total > limit {
        Err(format!(
            "its parts unpack to {} MB, more than the {} MB a form may take; is it a form?",
            total >> 20,
            limit >> 20
        ))
    } else {
        Ok(total)
    })
}

/// A sheet's rows gathered cell by cell.
struct Rows<'a> {
    name: &'a str,
    rows: BTreeMap<u32, Vec<(usize, String)>>,
    cut: bool,
}

impl<'a> Rows<'a> {
    fn new(name: &'a str) -> Self {
        Rows {
            name,
            rows: BTreeMap::new(),
            cut: false,
        }
    }

    /// The cell at 0-based `row`, `column`; `Err` once the sheet has too many rows.
    fn add(&mut self, row: u32, column: usize, text: String) -> Result<(), String> {
        if text.is_empty() {
            return Ok(());
        }
        if column >= MAX_COLUMNS {
            self.cut = true;
            return Ok(());
        }
        if !self.rows.contains_key(&row) && self.rows.len() >= MAX_ROWS {
            return Err(format!(
                "the sheet {} has more than {MAX_ROWS} rows; a longer choice list belongs in a \
                 CSV file (select_one_from_file)",
                self.name
            ));
        }
        self.rows.entry(row).or_default().push((column, text));
        Ok(())
    }

    fn finish(self, cut_sheets: &mut Vec<String>) -> Sheet {
        if self.cut {
            cut_sheets.push(self.name.to_string());
        }
        let mut rows = self.rows.into_iter().map(|(r, mut cells)| {
            cells.sort_by_key(|(c, _)| *c);
            Row {
                number: r + 1,
                cells,
            }
        });
        match rows.next() {
            Some(header) => Sheet {
                name: self.name.to_string(),
                header_row: header.number,
                headers: header.dense(),
                rows: rows.collect(),
            },
            None => Sheet {
                name: self.name.to_string(),
                ..Sheet::default()
            },
        }
    }
}

/// The sheets of an `.xls` or `.ods` workbook, which calamine reads a whole range at a time.
fn ranges<'a, R>(
    mut reader: R,
    unreadable: &dyn Fn(String) -> ImportError,
    too_large: &dyn Fn(String) -> ImportError,
    cut_sheets: &mut Vec<String>,
) -> Result<Vec<Sheet>, ImportError>
where
    R: Reader<Cursor<&'a [u8]>>,
    R::Error: std::fmt::Display,
{
    let mut out = Vec::new();
    for name in reader.sheet_names() {
        let range = reader
            .worksheet_range(&name)
            .map_err(|e| unreadable(format!("sheet {name}: {e}")))?;
        // The range starts at the first used cell, not at A1.
        let (top, left) = range.start().unwrap_or((0, 0));
        let mut rows = Rows::new(&name);
        for (i, cells) in range.rows().enumerate() {
            for (j, cell) in cells.iter().enumerate() {
                rows.add(top + i as u32, left as usize + j, text(cell))
                    .map_err(too_large)?;
            }
        }
        out.push(rows.finish(cut_sheets));
    }
    Ok(out)
}

/// A cell as the text a designer typed: whole numbers without `.0` (Excel stores `1` as a
/// float), booleans as `true` / `false`, dates as ISO 8601; text cleaned as pyxform cleans it
/// ([`clean`]).
fn text(cell: &Data) -> String {
    match cell {
        Data::Empty => String::new(),
        Data::String(s) => clean(s),
        Data::Int(i) => i.to_string(),
        Data::Float(f) if f.fract() == 0.0 && f.abs() < 1e15 => format!("{}", *f as i64),
        Data::Float(f) => f.to_string(),
        Data::Bool(b) => b.to_string(),
        Data::DateTime(d) => {
            let (y, mo, day, h, mi, s, _) = d.to_ymd_hms_milli();
            if d.is_duration() || (h, mi, s) != (0, 0, 0) && d.as_f64() < 1.0 {
                format!("{h:02}:{mi:02}:{s:02}")
            } else if (h, mi, s) == (0, 0, 0) {
                format!("{y:04}-{mo:02}-{day:02}")
            } else {
                format!("{y:04}-{mo:02}-{day:02}T{h:02}:{mi:02}:{s:02}")
            }
        }
        Data::DateTimeIso(s) | Data::DurationIso(s) => s.clone(),
        Data::Error(e) => format!("#{e:?}"),
    }
}

/// What pyxform does to every text cell: trimmed, a non-breaking space inside it becomes a
/// space, and the curly quotes Word and Excel type (`‘’“”`) straight ones, so that
/// `${a} = ‘yes’` is the expression it looks like.
pub fn clean(text: &str) -> String {
    text.trim()
        .chars()
        .map(|c| match c {
            '\u{a0}' => ' ',
            '\u{2018}' | '\u{2019}' => '\'',
            '\u{201c}' | '\u{201d}' => '"',
            c => c,
        })
        .collect()
}

/// pyxform's survey-sheet cleaning (unless the settings say `clean_text_values: no`): runs of
/// spaces become one space (tabs and line breaks stay).
pub fn collapse_spaces(sheet: &mut Sheet) {
    for row in &mut sheet.rows {
        for (_, cell) in &mut row.cells {
            if cell.contains("  ") {
                let mut out = String::with_capacity(cell.len());
                for c in cell.chars() {
                    if !(c == ' ' && out.ends_with(' ')) {
                        out.push(c);
                    }
                }
                *cell = out;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_are_cleaned_as_pyxform_cleans_them() {
        assert_eq!(
            clean("  ${a}\u{a0}= \u{2018}yes\u{2019} or \u{201c}x\u{201d} "),
            "${a} = 'yes' or \"x\""
        );
        let mut sheet = Sheet {
            rows: vec![Row::new(2, vec!["a  b   c".into(), "line\n\nbreak".into()])],
            ..Sheet::default()
        };
        collapse_spaces(&mut sheet);
        assert_eq!(
            (sheet.rows[0].cell(0), sheet.rows[0].cell(1)),
            ("a b c", "line\n\nbreak")
        );
    }

    fn book(rows: usize) -> Vec<u8> {
        let mut book = rust_xlsxwriter::Workbook::new();
        let sheet = book.add_worksheet();
        for r in 0..rows {
            sheet.write_string(r as u32, 0, format!("row {r}")).unwrap();
        }
        book.save_to_buffer().unwrap()
    }

    #[test]
    fn an_archive_that_unpacks_too_far_is_refused_before_it_is_opened() {
        let bytes = book(3);
        let size = unpacked_size(&bytes, u64::MAX).unwrap().unwrap();
        assert!(size > 1_000, "{size}");
        let refused = unpacked_size(&bytes, 1_000).unwrap().unwrap_err();
        assert!(
            refused.contains("more than the 0 MB a form may take"),
            "{refused}"
        );
        assert!(unpacked_size(b"not a zip", 1_000).is_err());
    }

    #[test]
    fn a_sheet_of_too_many_rows_is_refused_with_what_to_do() {
        let mut rows = Rows::new("choices");
        for r in 0..MAX_ROWS as u32 {
            rows.add(r, 0, "x".into()).unwrap();
        }
        rows.add(5, 1, "same row".into()).unwrap();
        let error = rows.add(MAX_ROWS as u32, 0, "x".into()).unwrap_err();
        assert!(
            error.contains("choices has more than 100000 rows"),
            "{error}"
        );
        assert!(error.contains("select_one_from_file"), "{error}");
    }

    #[test]
    fn rows_are_sparse_and_read_by_column() {
        let mut rows = Rows::new("s");
        rows.add(0, 2, "c".into()).unwrap();
        rows.add(0, 0, "a".into()).unwrap();
        rows.add(3, 900, "far".into()).unwrap();
        rows.add(3, 1, String::new()).unwrap();
        let mut cut = Vec::new();
        let sheet = rows.finish(&mut cut);
        assert_eq!(sheet.headers, ["a", "", "c"]);
        assert_eq!(sheet.rows[0].number, 4);
        assert_eq!(
            (sheet.rows[0].cell(900), sheet.rows[0].cell(1)),
            ("far", "")
        );
        assert!(cut.is_empty());
    }
}
