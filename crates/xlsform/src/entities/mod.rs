//! The `entities` sheet and the survey's `save_to` column, checked as pyxform 4.5.0 checks
//! them (`pyxform/entities/entities_parsing.py`, and `xls2json.py` where it walks the survey).
//!
//! Xonadon does not create or update entities yet: a form that declares them imports as if the
//! sheet were not there, with one warning saying so. But the checks are the ones a designer
//! relies on when the form goes to ODK, so a declaration pyxform rejects is an error here too,
//! at the cell pyxform names:
//!
//! 1. the sheet: its columns (`list_name`, alias `dataset`; `label`, `entity_id`, `create_if`,
//!    `update_if`, `repeat`), each row's list name (an XML name, no `__` prefix, no period,
//!    unique), what its columns ask for (an update needs `entity_id`, a create a `label`, an
//!    upsert an `update_if`) and the `${…}` references in them;
//! 2. `save_to` on the survey, row by row: an entity to save to, `list#property` when there are
//!    several, a valid property name that is not `name` or `label`, not on a group or repeat
//!    row, and not saved twice;
//! 3. where each entity goes: the references and `save_to`s of one entity must fall in one
//!    repeat scope, and every container (survey, group, repeat) holds one entity at most —
//!    pyxform's own allocation, ported step by step so that it fails where pyxform fails;
//! 4. references on the sheet name exactly one survey row.
//!
//! pyxform stops at its first error, so each step runs only when the ones before it found
//! nothing: the first error is pyxform's, and no follow-on error is reported for it.

mod allocate;
mod sheet;
mod survey;
#[cfg(test)]
mod tests;

use crate::columns::Key;
use crate::references;
use crate::table::Table;
use crate::workbook::Sheet;
use crate::Problem;
use allocate::{allocate, Places};
use sheet::{declarations, header, Header};
use survey::walk_survey;

pub(crate) use survey::disabled_column;

/// Checks the entities sheet (if any) and the survey's `save_to` column.
pub fn check(
    entities: Option<&Sheet>,
    settings: Option<&Sheet>,
    survey: &Table,
    problems: &mut Vec<Problem>,
) {
    let before = problems.len();
    let sheet = entities.filter(|s| !s.rows.is_empty());
    let declarations = match sheet {
        Some(sheet) => match declarations(sheet, problems) {
            Some(d) => d,
            None => return,
        },
        None => Vec::new(),
    };
    let walk = walk_survey(survey, &declarations, problems);
    if problems.len() > before {
        return;
    }
    let (Some(sheet), Some(walk)) = (sheet, walk) else {
        return;
    };
    let places = Places {
        entities: sheet,
        survey: &survey.sheet.name,
        save_to: survey.header(Key::SaveTo).unwrap_or("save_to"),
    };
    if let Err(problem) = allocate(&places, &declarations, &walk.references) {
        problems.push(problem);
        return;
    }
    let names = references::names(survey, settings);
    let double_colon = sheet.headers.iter().any(|h| h.contains("::"));
    let checked = |i: usize| {
        // pyxform skips the list name (spelt `list_name`, not `dataset`) and `repeat`.
        let text = &sheet.headers[i];
        let lower = text.to_lowercase();
        !(["list_name", "list name", "repeat"].contains(&lower.as_str())
            || header(text, double_colon) == Header::Blank)
    };
    references::check(sheet, checked, &names, problems);
    if problems.len() > before {
        return;
    }
    let lists: Vec<String> = declarations
        .iter()
        .map(|d| format!("`{}`", d.dataset))
        .collect();
    let Some(first) = declarations.first() else {
        return;
    };
    problems.push(Problem::warning(
        &sheet.name,
        Some(first.row),
        first.name_header.as_deref(),
        format!(
            "the form declares the entity list{} {}: Xonadon does not create or update \
             entities yet (the answers are collected; the entity lists are not written); the \
             declaration is checked as ODK checks it",
            if lists.len() > 1 { "s" } else { "" },
            lists.join(", ")
        ),
    ));
}
