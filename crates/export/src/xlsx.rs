//! Tables as an XLSX workbook: one sheet per table, the same columns as the CSV files.

use rust_xlsxwriter::{Format, Workbook};
use xonadon_storage::Submission;

use crate::table::Layout;
use crate::ExportError;

/// Excel's limit on the text of one cell, in characters.
const MAX_CELL_CHARS: usize = 32_767;
/// Excel's limit on a sheet name, in characters.
const MAX_SHEET_NAME: usize = 31;

fn xlsx_error(e: rust_xlsxwriter::XlsxError) -> ExportError {
    ExportError::Write(e.to_string())
}

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

/// Every table of every layout, with their submissions, as one workbook.
pub fn write(parts: &[(Layout, Vec<&Submission>)]) -> Result<Vec<u8>, ExportError> {
    let mut book = Workbook::new();
    let bold = Format::new().set_bold();
    let mut taken = Vec::new();
    for (layout, submissions) in parts {
        for (t, table) in layout.tables.iter().enumerate() {
            let sheet = book.add_worksheet();
            sheet
                .set_name(sheet_name(&table.name, &mut taken))
                .map_err(xlsx_error)?;
            for (c, header) in layout.headers(t).iter().enumerate() {
                sheet
                    .write_string_with_format(0, c as u16, cell_text(header), &bold)
                    .map_err(xlsx_error)?;
            }
            sheet.set_freeze_panes(1, 0).map_err(xlsx_error)?;
            let mut row = 1u32;
            for s in submissions {
                for cells in layout.rows(t, s) {
                    for (c, text) in cells.iter().enumerate() {
                        if !text.is_empty() {
                            sheet
                                .write_string(row, c as u16, cell_text(text))
                                .map_err(xlsx_error)?;
                        }
                    }
                    row += 1;
                }
            }
        }
    }
    book.save_to_buffer().map_err(xlsx_error)
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
}
