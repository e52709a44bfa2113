//! Sheets as survey teams leave them, written from readable blocks.
//!
//! A block is a `|`-separated table whose first line names the columns it fills (a subset of
//! the sheet's, added in order of first use), so a form is written a section at a time, each
//! with only the columns it needs. Cells are trimmed; `␠` stands for a space the cell keeps
//! (`hh_size␠`, a name with a trailing space as typed in Excel). `TRUE` / `FALSE` become real
//! boolean cells and digits real number cells, as Excel stores what is typed.

use rust_xlsxwriter::{Workbook, Worksheet, XlsxError};

#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Text(String),
    Number(f64),
    Bool(bool),
}

impl Cell {
    fn of(raw: &str) -> Option<Cell> {
        let text = raw.trim().replace('␠', " ");
        if text.is_empty() {
            return None;
        }
        Some(match text.as_str() {
            "TRUE" => Cell::Bool(true),
            "FALSE" => Cell::Bool(false),
            t if number_like(t) => Cell::Number(t.parse().expect("digits")),
            _ => Cell::Text(text),
        })
    }
}

/// Digits as Excel reads them as a number: not `007` (a code, kept as text).
fn number_like(cell: &str) -> bool {
    let digits = cell.strip_prefix('-').unwrap_or(cell);
    !digits.is_empty()
        && digits.chars().all(|c| c.is_ascii_digit() || c == '.')
        && digits.chars().filter(|&c| c == '.').count() <= 1
        && (!digits.starts_with('0') || digits == "0" || digits.starts_with("0."))
}

/// One sheet: headers as written in row 1, rows below.
#[derive(Debug, Default)]
pub struct Sheet {
    pub name: String,
    pub headers: Vec<String>,
    pub rows: Vec<Vec<Option<Cell>>>,
}

impl Sheet {
    pub fn new(name: &str) -> Self {
        Sheet {
            name: name.into(),
            ..Sheet::default()
        }
    }

    /// Appends a block (see the module's comment).
    pub fn block(&mut self, text: &str) -> &mut Self {
        let mut lines = text.lines().map(str::trim).filter(|l| !l.is_empty());
        let Some(head) = lines.next() else {
            return self;
        };
        let columns: Vec<usize> = head
            .split('|')
            .map(|h| {
                let h = h.trim().replace('␠', " ");
                match self.headers.iter().position(|x| *x == h) {
                    Some(i) => i,
                    None => {
                        self.headers.push(h);
                        self.headers.len() - 1
                    }
                }
            })
            .collect();
        for line in lines {
            let cells: Vec<&str> = line.split('|').collect();
            assert!(
                cells.len() <= columns.len(),
                "{}: more cells than columns in `{line}`",
                self.name
            );
            let mut row = vec![None; self.headers.len()];
            for (cell, &c) in cells.iter().zip(&columns) {
                row[c] = Cell::of(cell);
            }
            self.rows.push(row);
        }
        self
    }

    /// The cells of one column, by its header.
    pub fn column(&self, header: &str) -> Vec<Option<&Cell>> {
        let i = self.headers.iter().position(|h| h == header);
        self.rows
            .iter()
            .map(|r| i.and_then(|i| r.get(i)).and_then(Option::as_ref))
            .collect()
    }

    fn write(&self, sheet: &mut Worksheet) -> Result<(), XlsxError> {
        sheet.set_name(&self.name)?;
        for (c, h) in self.headers.iter().enumerate() {
            sheet.write_string(0, c as u16, h)?;
        }
        for (r, row) in self.rows.iter().enumerate() {
            let r = r as u32 + 1;
            for (c, cell) in row.iter().enumerate() {
                let c = c as u16;
                match cell {
                    None => continue,
                    Some(Cell::Text(t)) => sheet.write_string(r, c, t)?,
                    Some(Cell::Number(n)) => sheet.write_number(r, c, *n)?,
                    Some(Cell::Bool(b)) => sheet.write_boolean(r, c, *b)?,
                };
            }
        }
        Ok(())
    }
}

pub fn workbook(sheets: &[&Sheet]) -> Vec<u8> {
    let mut book = Workbook::new();
    for s in sheets {
        s.write(book.add_worksheet()).expect("a sheet");
    }
    book.save_to_buffer().expect("a workbook")
}

/// The rows of the survey that are questions (not the begin / end of a group or repeat).
pub fn questions(survey: &Sheet) -> usize {
    survey
        .column("type")
        .into_iter()
        .filter(|c| match c {
            Some(Cell::Text(t)) => {
                let t = t.trim().to_ascii_lowercase();
                !(t.starts_with("begin") || t.starts_with("end"))
            }
            _ => false,
        })
        .count()
}

/// A realistic form: its sheets (the survey first), a scripted interview and what ODK holds
/// after it.
pub struct Form {
    pub name: &'static str,
    pub sheets: Vec<Sheet>,
    pub script: serde_json::Value,
    pub expect: serde_json::Value,
    /// A language step as the oracle takes it (ODK's language name, or the code in its
    /// parentheses) → the tag the importer gives that language.
    pub languages: &'static [(&'static str, &'static str)],
}

impl Form {
    pub fn workbook(&self) -> Vec<u8> {
        workbook(&self.sheets.iter().collect::<Vec<_>>())
    }

    pub fn survey(&self) -> &Sheet {
        &self.sheets[0]
    }
}

/// Expectations written as JSON text (a line a path), read once.
pub fn expectations(text: &str) -> serde_json::Value {
    serde_json::from_str(text).expect("expectations are JSON")
}
