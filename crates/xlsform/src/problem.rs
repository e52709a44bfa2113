//! What an import found wrong, located the way a designer looks at a workbook: sheet, row
//! number (as Excel shows it) and column header.

use std::fmt;

pub use xonadon_engine::Severity;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub severity: Severity,
    /// `survey`, `choices` or `settings` (as named in the workbook); empty for a problem with
    /// the whole workbook (a missing settings sheet, a misnamed file).
    pub sheet: String,
    /// The row number Excel shows (1-based), when the problem is in one row.
    pub row: Option<u32>,
    /// The column's header, e.g. `label::English (en)`, when the problem is in one cell.
    pub column: Option<String>,
    pub message: String,
}

impl Problem {
    pub fn error(sheet: &str, row: Option<u32>, column: Option<&str>, message: String) -> Self {
        Self::new(Severity::Error, sheet, row, column, message)
    }

    pub fn warning(sheet: &str, row: Option<u32>, column: Option<&str>, message: String) -> Self {
        Self::new(Severity::Warning, sheet, row, column, message)
    }

    /// A warning about the whole workbook, not one of its sheets.
    pub fn workbook_warning(message: String) -> Self {
        Self::new(Severity::Warning, "", None, None, message)
    }

    /// Where the problem is, as a designer reads it: `the workbook`, `sheet survey, row 3,
    /// column `relevant``.
    pub fn place(&self) -> String {
        if self.sheet.is_empty() {
            return "the workbook".into();
        }
        let mut place = format!("sheet {}", self.sheet);
        if let Some(row) = self.row {
            place.push_str(&format!(", row {row}"));
        }
        if let Some(column) = &self.column {
            place.push_str(&format!(", column `{column}`"));
        }
        place
    }

    fn new(
        severity: Severity,
        sheet: &str,
        row: Option<u32>,
        column: Option<&str>,
        message: String,
    ) -> Self {
        Problem {
            severity,
            sheet: sheet.to_string(),
            row,
            column: column.map(str::to_string),
            message,
        }
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let severity = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        write!(f, "{severity}: {}: {}", self.place(), self.message)
    }
}
