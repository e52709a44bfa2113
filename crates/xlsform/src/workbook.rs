//! The workbook as plain text cells: which Excel format it really is (from its bytes, not its
//! name: real `.xlsx` files are sometimes old `.xls`), and each sheet's header and rows with
//! the row numbers Excel shows.

use std::io::Cursor;

use calamine::{Data, Ods, Reader, Xls, Xlsx};

use crate::ImportError;

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
    /// Trimmed cell texts by column index, aligned with `Sheet::headers`.
    pub cells: Vec<String>,
}

impl Row {
    pub fn cell(&self, column: usize) -> &str {
        self.cells.get(column).map_or("", String::as_str)
    }
}

/// Reads every sheet of the workbook in `bytes`.
pub fn read(file: &str, bytes: &[u8]) -> Result<(Format, Vec<Sheet>), ImportError> {
    let format = Format::detect(bytes).ok_or_else(|| ImportError::NotAWorkbook {
        file: file.to_string(),
    })?;
    let unreadable = |reason: String| ImportError::Unreadable {
        file: file.to_string(),
        format: format.extension(),
        reason,
    };
    let cursor = Cursor::new(bytes);
    let sheets = match format {
        Format::Xlsx => sheets(
            Xlsx::new(cursor).map_err(|e| unreadable(e.to_string()))?,
            &unreadable,
        )?,
        Format::Xls => sheets(
            Xls::new(cursor).map_err(|e| unreadable(e.to_string()))?,
            &unreadable,
        )?,
        Format::Ods => sheets(
            Ods::new(cursor).map_err(|e| unreadable(e.to_string()))?,
            &unreadable,
        )?,
    };
    Ok((format, sheets))
}

fn sheets<'a, R>(
    mut reader: R,
    unreadable: &dyn Fn(String) -> ImportError,
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
        let mut rows = range.rows().enumerate().filter_map(|(i, cells)| {
            let number = top + i as u32 + 1;
            let mut texts = vec![String::new(); left as usize];
            texts.extend(cells.iter().map(text));
            texts.iter().any(|t| !t.is_empty()).then_some(Row {
                number,
                cells: texts,
            })
        });
        let sheet = match rows.next() {
            Some(header) => Sheet {
                name: name.clone(),
                headers: header.cells,
                header_row: header.number,
                rows: rows.collect(),
            },
            None => Sheet {
                name: name.clone(),
                ..Sheet::default()
            },
        };
        out.push(sheet);
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
        for cell in &mut row.cells {
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
            rows: vec![Row {
                number: 2,
                cells: vec!["a  b   c".into(), "line\n\nbreak".into()],
            }],
            ..Sheet::default()
        };
        collapse_spaces(&mut sheet);
        assert_eq!(sheet.rows[0].cells, ["a b c", "line\n\nbreak"]);
    }
}
