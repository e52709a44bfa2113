//! `${name}` references in any cell, checked as pyxform checks them before it converts a form
//! (`validators/pyxform/pyxform_reference.py`): each must be well formed and name exactly one
//! row of the survey sheet — on the settings sheet, on every survey column but `type`, `name`,
//! `trigger` (checked as a trigger) and `parameters` (checked with the parameters), on the
//! choices sheet's texts and media, and on the entities sheet. A name on
//! two rows (allowed in different groups) cannot be referred to.

use std::collections::BTreeMap;

use crate::columns::{Column, Key};
use crate::table::Table;
use crate::types::{row_type, RowType};
use crate::workbook::Sheet;
use crate::Problem;

pub fn malformed_reference(value: &str) -> String {
    format!("`{value}`: a reference is `${{`, then a question name, then `}}` (e.g. `${{name}}`)")
}

/// pyxform's `namestartchar`, character for character: `À`–`Ö` are left out there (a typo in
/// its pattern), so they are here, or Xonadon would accept names pyxform rejects.
fn is_name_start(c: char) -> bool {
    matches!(c,
        'A'..='Z' | '_' | 'a'..='z'
        | '\u{d8}'..='\u{f6}' | '\u{f8}'..='\u{2ff}'
        | '\u{370}'..='\u{37d}' | '\u{37f}'..='\u{1fff}' | '\u{200c}'..='\u{200d}'
        | '\u{2070}'..='\u{218f}' | '\u{2c00}'..='\u{2fef}' | '\u{3001}'..='\u{d7ff}'
        | '\u{f900}'..='\u{fdcf}' | '\u{fdf0}'..='\u{fffd}' | '\u{10000}'..='\u{effff}')
}

fn is_name_char(c: char) -> bool {
    is_name_start(c)
        || matches!(c, '-' | '.' | '0'..='9' | '\u{b7}' | '\u{300}'..='\u{36f}' | '\u{203f}'..='\u{2040}')
}

pub fn is_ncname(name: &str) -> bool {
    let mut chars = name.chars();
    chars.next().is_some_and(is_name_start) && chars.all(is_name_char)
}

/// The question names of the `${name}` (and `${last-saved#name}`) references in `value`, or
/// `Err` when one is malformed (an unclosed `${`, or no name inside).
pub fn parse_references(value: &str) -> Result<Vec<&str>, ()> {
    let mut names = Vec::new();
    if value.chars().count() <= 2 || !value.contains("${") {
        return Ok(names);
    }
    let mut rest = value;
    while let Some(start) = rest.find("${") {
        let after = &rest[start + 2..];
        let Some(end) = after.find('}') else {
            return Err(());
        };
        let inner = &after[..end];
        // `${}` is no reference at all for pyxform: it looks on from the next character.
        if !inner.is_empty() {
            let name = inner.strip_prefix("last-saved#").unwrap_or(inner);
            if !is_ncname(name) {
                return Err(());
            }
            names.push(name);
            rest = &after[end + 1..];
        } else {
            rest = &rest[start + 1..];
        }
    }
    Ok(names)
}

/// Whether a `${` in `text` has no `}` after it.
fn unclosed(text: &str) -> bool {
    let mut rest = text;
    while let Some(start) = rest.find("${") {
        match rest[start..].find('}') {
            Some(end) => rest = &rest[start + end + 1..],
            None => return true,
        }
    }
    false
}

/// How often each name is on the survey (rows pyxform names: every row but `end` rows,
/// `audit` and disabled ones), with the `instanceID` pyxform adds unless the settings omit it.
pub fn names(survey: &Table, settings: Option<&Sheet>) -> BTreeMap<String, usize> {
    let mut names = BTreeMap::new();
    let disabled = crate::entities::disabled_column(survey);
    for row in &survey.sheet.rows {
        let Some(kind) = survey.get(row, Key::Type) else {
            continue;
        };
        let skipped = disabled.is_some_and(|i| crate::survey::yes_no(row.cell(i)) == Some(true))
            || kind.eq_ignore_ascii_case("audit")
            || matches!(row_type(kind), RowType::End(_));
        if let (false, Some(name)) = (skipped, survey.get(row, Key::Name)) {
            *names.entry(name.to_string()).or_insert(0) += 1;
        }
    }
    let omitted = settings.is_some_and(|s| {
        s.headers
            .iter()
            .position(|h| h.eq_ignore_ascii_case("omit_instanceID"))
            .and_then(|i| s.rows.first().map(|r| r.cell(i)))
            .is_some_and(|v| crate::survey::yes_no(v) == Some(true))
    });
    if !omitted {
        *names.entry("instanceID".into()).or_insert(0) += 1;
    }
    names
}

/// Every reference in the columns `checked` accepts, against `names`: the first wrong one of
/// a cell is an error there (one per cell, as pyxform stops at it).
pub fn check(
    sheet: &Sheet,
    checked: impl Fn(usize) -> bool,
    names: &BTreeMap<String, usize>,
    problems: &mut Vec<Problem>,
) {
    for row in &sheet.rows {
        for (i, text) in sheet.headers.iter().enumerate() {
            let value = row.cell(i);
            if value.is_empty() || !checked(i) {
                continue;
            }
            let Ok(references) = parse_references(value) else {
                let message = if unclosed(value) {
                    format!("`${{` is never closed by `}}`: {value}")
                } else {
                    malformed_reference(value)
                };
                problems.push(Problem::error(
                    &sheet.name,
                    Some(row.number),
                    Some(text),
                    message,
                ));
                continue;
            };
            let wrong = references.iter().find_map(|q| match names.get(*q) {
                None => Some(format!(
                    "`${{{q}}}`: there is no `{q}` in the survey sheet's name column"
                )),
                Some(1) => None,
                Some(_) => Some(format!(
                    "`${{{q}}}`: the name `{q}` is on more than one row of the survey sheet, \
                     so the reference is ambiguous; give the rows different names"
                )),
            });
            if let Some(message) = wrong {
                problems.push(Problem::error(
                    &sheet.name,
                    Some(row.number),
                    Some(text),
                    message,
                ));
            }
        }
    }
}

/// The survey's and choices' references (settings too), as pyxform checks them.
pub fn check_workbook(
    survey: &Table,
    choices: Option<&Table>,
    settings: Option<&Sheet>,
    problems: &mut Vec<Problem>,
) {
    let names = names(survey, settings);
    if let Some(settings) = settings {
        check(settings, |_| true, &names, problems);
    }
    // `parameters` references are checked with the parameters (`parameters.rs`), as pyxform
    // checks them while reading the row, before this.
    let survey_checked = |i: usize| {
        !matches!(
            survey.columns[i],
            Column::Known(Key::Type | Key::Name | Key::Trigger | Key::Parameters, _)
        )
    };
    check(survey.sheet, survey_checked, &names, problems);
    if let Some(choices) = choices {
        let texts = |i: usize| {
            matches!(
                choices.columns[i],
                Column::Known(
                    Key::Label | Key::Image | Key::BigImage | Key::Audio | Key::Video,
                    _
                )
            )
        };
        check(choices.sheet, texts, &names, problems);
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn unclosed_references() {
        assert!(super::unclosed("${a} + ${b"));
        assert!(!super::unclosed("${a} + ${b}"));
        assert!(!super::unclosed("no refs {}"));
    }
}
