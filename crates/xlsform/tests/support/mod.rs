//! Writes XLSForm workbooks for the tests, as a designer would in Excel.

use rust_xlsxwriter::Workbook;

/// A sheet: its name and rows of cells (the first row is the header). A cell that parses as a
/// number is written as a number, and `TRUE` / `FALSE` as a boolean, as Excel stores what is
/// typed into a cell.
pub type SheetRows<'a> = (&'a str, &'a [&'a [&'a str]]);

pub fn xlsx(sheets: &[SheetRows]) -> Vec<u8> {
    let mut book = Workbook::new();
    for (name, rows) in sheets {
        let sheet = book.add_worksheet();
        sheet.set_name(*name).expect("a valid sheet name");
        for (r, row) in rows.iter().enumerate() {
            for (c, cell) in row.iter().enumerate() {
                if cell.is_empty() {
                    continue;
                }
                let (r, c) = (r as u32, c as u16);
                match (*cell, cell.parse::<f64>()) {
                    ("TRUE" | "FALSE", _) => sheet.write_boolean(r, c, *cell == "TRUE"),
                    (_, Ok(n)) if number_like(cell) => sheet.write_number(r, c, n),
                    _ => sheet.write_string(r, c, *cell),
                }
                .expect("a cell");
            }
        }
    }
    book.save_to_buffer().expect("a workbook")
}

/// Digits as Excel reads them as a number: not `007` (a code, kept as text), not `inf`.
fn number_like(cell: &str) -> bool {
    let digits = cell.strip_prefix('-').unwrap_or(cell);
    digits.chars().all(|c| c.is_ascii_digit() || c == '.')
        && (!digits.starts_with('0') || digits == "0" || digits.starts_with("0."))
}
