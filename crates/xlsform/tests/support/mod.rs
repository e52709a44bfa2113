//! Writes XLSForm workbooks for the tests, as a designer would in Excel.

use rust_xlsxwriter::Workbook;

/// A sheet: its name and rows of cells (the first row is the header). A cell that parses as a
/// number is written as a number, as Excel stores one typed into a cell.
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
                match cell.parse::<f64>() {
                    Ok(n) if !cell.starts_with('0') || *cell == "0" => {
                        sheet.write_number(r, c, n).expect("a cell")
                    }
                    _ => sheet.write_string(r, c, *cell).expect("a cell"),
                };
            }
        }
    }
    book.save_to_buffer().expect("a workbook")
}
