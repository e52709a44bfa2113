//! The designer's list of problems: the engine's diagnostics (by JSON path) and the XLSForm
//! import's (by sheet, row and column), each with where it is in the editor's text. The
//! engine's findings are kept as findings, so that they are said in the designer's language
//! (and again in another when it changes); the importers' own are English.

use xonadon_engine::diagnostic::Finding;
use xonadon_engine::locate::{locate, Position};
use xonadon_engine::{Diagnostic, Lang, Severity};
use xonadon_xlsform::EngineFinding;

/// One line of the list.
#[derive(Debug, Clone, PartialEq)]
pub struct Problem {
    pub severity: Severity,
    /// Where in the text (a click jumps there); `None` when it is not in the text.
    pub at: Option<Position>,
    /// `$.survey[2].relevant`, or `sheet survey, row 12, column `relevant`` for the import's.
    pub place: String,
    /// In English.
    pub message: String,
    /// The engine's finding, when the problem is one: said in any language.
    pub finding: Option<EngineFinding>,
}

impl Problem {
    /// The message in `language` (a BCP-47 tag): the engine's findings in it, the importers'
    /// own in English.
    pub fn message_in(&self, language: &str) -> String {
        match &self.finding {
            Some(finding) => finding.text(Lang::from_tag(language)),
            None => self.message.clone(),
        }
    }
}

/// The engine's `finding`, its place shown beside it (not said before it).
fn engine(finding: &Finding) -> EngineFinding {
    EngineFinding {
        finding: finding.clone(),
        place: None,
    }
}

/// The diagnostics of the form `text`, placed in it.
pub fn of_diagnostics(text: &str, diagnostics: &[Diagnostic]) -> Vec<Problem> {
    let paths: Vec<&str> = diagnostics.iter().map(|d| d.path.as_str()).collect();
    let found = locate(text, &paths);
    diagnostics
        .iter()
        .zip(found)
        .map(|(d, at)| Problem {
            severity: d.severity,
            at: syntax_error_position(text, &d.finding).or(at),
            place: match &d.element {
                Some(name) => format!("{} ({name})", d.path),
                None => d.path.clone(),
            },
            message: d.message.clone(),
            finding: Some(engine(&d.finding)),
        })
        .collect()
}

/// A JSON syntax error says where it is (serde's line and column), not by a JSON path.
fn syntax_error_position(text: &str, finding: &Finding) -> Option<Position> {
    let &Finding::InvalidJson { line, column, .. } = finding else {
        return None;
    };
    // The UTF-16 offset of that line and column (serde counts columns in bytes).
    let line_start: usize = text
        .split_inclusive('\n')
        .take(line.saturating_sub(1))
        .map(str::len)
        .sum();
    let mut byte = (line_start + column.saturating_sub(1)).min(text.len());
    while !text.is_char_boundary(byte) {
        byte -= 1;
    }
    Some(Position {
        line,
        column: text[line_start.min(byte)..byte].chars().count() + 1,
        utf16: text[..byte].encode_utf16().count(),
    })
}

/// The import's problems, named by their place in the workbook, each with the JSON path of
/// what its row became (`None`: a problem of a sheet or of the workbook).
pub fn of_import(imported: &xonadon_xlsform::Imported) -> (Vec<Problem>, Vec<Option<String>>) {
    imported
        .problems
        .iter()
        .map(|p| {
            let problem = Problem {
                severity: p.severity,
                at: None,
                place: p.place(),
                message: p.message.clone(),
                finding: p.engine.as_deref().cloned(),
            };
            (problem, imported.path_of(p).map(str::to_string))
        })
        .unzip()
}

/// The import's problems placed in `text` (the form as the editor has it) by the paths of
/// their rows, so a click on one goes there too.
pub fn placed_in(text: &str, problems: Vec<Problem>, paths: &[Option<String>]) -> Vec<Problem> {
    let wanted: Vec<&str> = paths.iter().flatten().map(String::as_str).collect();
    let mut found = locate(text, &wanted).into_iter();
    problems
        .into_iter()
        .zip(paths)
        .map(|(p, path)| Problem {
            at: path.as_ref().and_then(|_| found.next().flatten()),
            ..p
        })
        .collect()
}

/// An XForm import's problems, placed by element and attribute (`/data/q, relevant`).
pub fn of_xform(problems: &[xonadon_xform::Problem]) -> Vec<Problem> {
    problems
        .iter()
        .map(|p| {
            let place = [p.element.as_deref(), p.attribute.as_deref()]
                .into_iter()
                .flatten()
                .collect::<Vec<_>>()
                .join(", ");
            Problem {
                severity: p.severity,
                at: None,
                place,
                message: p.message.clone(),
                finding: p.finding.as_ref().map(engine),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use wasm_bindgen_test::wasm_bindgen_test;

    #[wasm_bindgen_test]
    fn diagnostics_are_placed_in_the_text() {
        let text = "{\n  \"settings\": {\"form_id\": \"f\"},\n  \"survey\": [\n    {\"type\": \"text\", \"name\": \"a\", \"relevant\": \"${b} = 1\"}\n  ]\n}";
        let problems = of_diagnostics(text, &xonadon_engine::check(text));
        let unknown = problems
            .iter()
            .find(|p| p.message.contains("${b}"))
            .expect("the unknown reference");
        assert_eq!(unknown.severity, Severity::Error);
        let at = unknown.at.expect("placed");
        assert_eq!((at.line, at.column), (4, 47));
        assert!(
            unknown.place.starts_with("$.survey[0].relevant"),
            "{}",
            unknown.place
        );
    }

    #[wasm_bindgen_test]
    fn the_engines_problems_are_said_in_the_designers_language() {
        let text = "{\"settings\": {\"form_id\": \"f\"}, \"survey\": [{\"type\": \"text\", \"name\": \"a\", \"label\": \"A\", \"relevant\": \"${nothing} = 1\"}]}";
        let problems = of_diagnostics(text, &xonadon_engine::check(text));
        let unknown = &problems[0];
        assert_eq!(unknown.message_in("en"), unknown.message);
        assert_eq!(
            unknown.message_in("ru"),
            "`relevant` в `a`, позиция 1: неизвестный вопрос ${nothing}"
        );
        assert_eq!(
            unknown.message_in("uz-Latn"),
            "`a`-dagi `relevant`, 1-belgi: nomaʼlum savol ${nothing}"
        );
        let own = Problem {
            finding: None,
            ..unknown.clone()
        };
        assert_eq!(own.message_in("ru"), unknown.message);
    }

    #[wasm_bindgen_test]
    fn an_import_problem_is_placed_by_its_rows_path() {
        let text = "{\n  \"survey\": [\n    {\"type\": \"text\", \"name\": \"a\"}\n  ]\n}";
        let problem = |place: &str| Problem {
            severity: Severity::Warning,
            at: None,
            place: place.into(),
            message: "m".into(),
            finding: None,
        };
        let placed = placed_in(
            text,
            vec![problem("sheet settings"), problem("sheet survey, row 2")],
            &[None, Some("$.survey[0]".into())],
        );
        assert_eq!(placed[0].at, None);
        let at = placed[1].at.expect("placed");
        assert_eq!(
            (at.line, placed[1].place.as_str()),
            (3, "sheet survey, row 2")
        );
    }

    #[wasm_bindgen_test]
    fn a_syntax_error_is_placed_where_serde_says() {
        let text = "{\n  \"settings\": {\"form_id\": \"ў\",}\n}";
        let problems = of_diagnostics(text, &xonadon_engine::check(text));
        let at = problems[0].at.expect("placed");
        assert_eq!(at.line, 2, "{problems:?}");
        assert!(
            problems[0].message.starts_with("invalid JSON"),
            "{problems:?}"
        );
    }
}
