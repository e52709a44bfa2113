//! The engine's findings on an imported form (by JSON path and element name), placed back on
//! the sheet, row and column they came from.

use std::collections::BTreeMap;

use xonadon_engine::diagnostic::Finding;
use xonadon_engine::Severity;

use crate::columns;
use crate::problem::EngineFinding;
use crate::table::Table;
use crate::Problem;

/// Where the engine's findings (by JSON path and element name) are in the workbook.
pub struct Places<'a> {
    pub survey: &'a Table<'a>,
    pub survey_rows: &'a BTreeMap<String, u32>,
    pub choices_sheet: Option<&'a str>,
    pub choice_rows: &'a BTreeMap<(String, usize), u32>,
    /// The lists `begin loop over LIST` goes over: expanded into groups before the engine
    /// sees the form, so the engine finds no question using them; they are used.
    pub loop_lists: Vec<&'a str>,
}

/// The other way: each (sheet, row) of the workbook → the JSON path of what it became (the
/// element of a survey row, the choice of a choices row), so that a problem found in a row
/// can be shown in the form's text too. A row that became more than one element (an
/// `or_other` select) gives the first.
pub fn row_paths(
    survey_sheet: &str,
    survey_rows: &BTreeMap<String, u32>,
    choices_sheet: Option<&str>,
    choice_rows: &BTreeMap<(String, usize), u32>,
) -> BTreeMap<(String, u32), String> {
    let mut paths = BTreeMap::new();
    for (path, row) in survey_rows {
        paths
            .entry((survey_sheet.to_string(), *row))
            .and_modify(|p: &mut String| {
                if path.len() < p.len() || path.len() == p.len() && path < p {
                    *p = path.clone();
                }
            })
            .or_insert_with(|| path.clone());
    }
    if let Some(sheet) = choices_sheet {
        for ((list, i), row) in choice_rows {
            paths
                .entry((sheet.to_string(), *row))
                .or_insert_with(|| format!("$.choices.{list}[{i}]"));
        }
    }
    paths
}

/// The element a finding's JSON path is in: `$.survey[2].children[0].relevant` →
/// `$.survey[2].children[0]`.
fn element_path(path: &str) -> &str {
    let mut end = 0;
    for (i, _) in path.match_indices('.') {
        let segment = &path[i + 1..];
        let segment = segment.split('.').next().unwrap_or(segment);
        if segment.starts_with("survey[") || segment.starts_with("children[") {
            end = i + 1 + segment.len();
        } else if end > 0 {
            break;
        }
    }
    &path[..end]
}

impl Places<'_> {
    /// The engine's check of `json`, each finding placed in the workbook, added to
    /// `problems` unless the import already said it for the same cell (duplicate names: the
    /// import at the second use, the engine at the first).
    pub fn add_engine_findings(&self, json: &str, problems: &mut Vec<Problem>) {
        let found = problems.len();
        for d in xonadon_engine::check(json) {
            if self.used_by_a_loop(&d) {
                continue;
            }
            let p = self.locate(&d);
            let said = problems[..found].iter().any(|q| {
                q.severity == Severity::Error
                    && ((&q.sheet, q.row, &q.column) == (&p.sheet, p.row, &p.column)
                        || matches!(d.finding, Finding::DuplicateName { .. })
                            && d.element.as_ref().is_some_and(|e| {
                                q.message
                                    .contains(&format!("the name `{e}` is already used"))
                            }))
            });
            if !said {
                problems.push(p);
            }
        }
    }

    /// Whether `d` is the engine's "not used by any question" about a list a loop goes over.
    fn used_by_a_loop(&self, d: &xonadon_engine::Diagnostic) -> bool {
        d.severity == Severity::Warning
            && matches!(d.finding, Finding::ChoiceListUnused { .. })
            && d.path
                .strip_prefix("$.choices.")
                .is_some_and(|list| self.loop_lists.contains(&list))
    }

    fn locate(&self, d: &xonadon_engine::Diagnostic) -> Problem {
        let survey_sheet = self.survey.sheet.name.as_str();
        let message = d.message.clone();
        let problem = |sheet: &str, row, column: Option<&str>| Problem {
            severity: d.severity,
            sheet: sheet.to_string(),
            row,
            column: column.map(str::to_string),
            message: message.clone(),
            engine: Some(Box::new(EngineFinding {
                finding: d.finding.clone(),
                place: None,
            })),
        };
        // `$.choices.LIST[3].label…`, or `$.choices.LIST` (placed on the list's first row).
        if let Some(rest) = d.path.strip_prefix("$.choices.") {
            let at = match rest.split_once('[') {
                Some((list, r)) => r
                    .split(']')
                    .next()
                    .and_then(|i| i.parse::<usize>().ok())
                    .map(|index| (list.to_string(), index)),
                None => Some((rest.to_string(), 0)),
            };
            if let Some(at) = at {
                let row = self.choice_rows.get(&at).copied();
                return problem(self.choices_sheet.unwrap_or("choices"), row, None);
            }
        }
        let row = self.survey_rows.get(element_path(&d.path)).copied();
        if row.is_none() {
            let what = match &d.element {
                Some(e) => format!("{} ({e})", d.path),
                None => d.path.clone(),
            };
            return Problem {
                message: format!("{what}: {message}"),
                engine: Some(Box::new(EngineFinding {
                    finding: d.finding.clone(),
                    place: Some(what),
                })),
                ..problem("", None, None)
            };
        }
        // The property after the element's index: `$.survey[2].children[0].relevant` → relevant.
        let property = d
            .path
            .rsplit_once("].")
            .map(|(_, p)| p.split('.').next().unwrap_or(p));
        let column = property.map(|p| self.header_of(p));
        problem(survey_sheet, row, column.as_deref())
    }

    /// The workbook's header for a JSON property (`calculation` may be headed `calculate`).
    fn header_of(&self, property: &str) -> String {
        match columns::column(property) {
            columns::Column::Known(key, None) => {
                self.survey.header(key).unwrap_or(property).to_string()
            }
            _ => property.to_string(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_row_names_the_shortest_path_it_became() {
        let survey = BTreeMap::from([
            ("$.survey[1]".to_string(), 3),
            ("$.survey[2]".to_string(), 3),
            ("$.survey[0]".to_string(), 2),
            ("$.survey[0].relevant".to_string(), 2),
        ]);
        let choices = BTreeMap::from([(("yn".to_string(), 0), 2)]);
        let paths = row_paths("survey", &survey, Some("choices"), &choices);
        let at = |sheet: &str, row| paths.get(&(sheet.to_string(), row)).map(String::as_str);
        assert_eq!(at("survey", 2), Some("$.survey[0]"));
        assert_eq!(at("survey", 3), Some("$.survey[1]"));
        assert_eq!(at("choices", 2), Some("$.choices.yn[0]"));
        assert!(row_paths("survey", &survey, None, &choices)
            .keys()
            .all(|(sheet, _)| sheet == "survey"));
    }
}
