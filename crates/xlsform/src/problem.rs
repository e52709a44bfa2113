//! What an import found wrong, located the way a designer looks at a workbook: sheet, row
//! number (as Excel shows it) and column header.

use std::fmt;

pub use xonadon_engine::Severity;
use xonadon_engine::{diagnostic::Finding, Lang};

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
    /// In English. The import's own checks (pyxform's) are said in English only.
    pub message: String,
    /// The engine's finding, when the problem is one of the engine's placed on a row: it can
    /// be said in the designer's language ([`Problem::message_in`]). Boxed: a finding is
    /// large, and a problem is many functions' error.
    pub engine: Option<Box<EngineFinding>>,
}

/// One of the engine's findings, with the place said before it when it has no better one (a
/// finding on the imported form no row was found for).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EngineFinding {
    pub finding: Finding,
    /// The JSON path (and element) said before the finding, when no row was found for it.
    pub place: Option<String>,
}

impl EngineFinding {
    /// The finding in `lang`, after its place when it has one (as the English `message`).
    pub fn text(&self, lang: Lang) -> String {
        match &self.place {
            Some(place) => format!("{place}: {}", self.finding.text(lang)),
            None => self.finding.text(lang),
        }
    }
}

impl Problem {
    /// The message in `lang`: the engine's findings in any of its languages, the import's
    /// own in English.
    pub fn message_in(&self, lang: Lang) -> String {
        match &self.engine {
            Some(engine) => engine.text(lang),
            None => self.message.clone(),
        }
    }

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
            engine: None,
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_engine_finding_not_on_a_row_keeps_its_place_in_every_language() {
        let engine = EngineFinding {
            finding: Finding::ChoiceListUnused { list: "yn".into() },
            place: Some("$.choices.yn".into()),
        };
        let problem = Problem {
            engine: Some(Box::new(engine)),
            ..Problem::workbook_warning(
                "$.choices.yn: choice list `yn` is not used by any question".into(),
            )
        };
        assert_eq!(problem.message_in(Lang::En), problem.message);
        assert_eq!(
            problem.message_in(Lang::Ru),
            "$.choices.yn: список вариантов `yn` не используется ни одним вопросом"
        );
        let own = Problem::workbook_warning("no settings sheet".into());
        assert_eq!(own.message_in(Lang::UzLatn), "no settings sheet");
    }
}
