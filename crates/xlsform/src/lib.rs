//! XLSForm → Xonadon's JSON form.
//!
//! Reads an XLSForm workbook (`.xlsx`, `.xls` or `.ods`, told apart by content, not name) and
//! writes the engine's [`FormDefinition`]: `begin`/`end` rows become nested `children`,
//! `label::English (en)` columns become `{"en": …}` texts, pyxform's aliases are accepted, and
//! `or_other` gains the choice and the text question pyxform adds. Cells are cleaned as pyxform
//! cleans them (curly quotes, non-breaking spaces, runs of spaces on the survey sheet), and a
//! translated form without `default_language` opens in the language ODK opens it in. Then the
//! engine checks the result, and its findings are placed back on the sheet, row and column they
//! came from.
//!
//! Everything that can be imported is: a problem in one row leaves that row out (an error the
//! designer must fix, or a warning when the form still means what it says), and the import
//! goes on. Only a file that is no workbook, or a survey sheet without `type` and `name`, stops
//! it ([`ImportError`]).
//!
//! Pure: bytes in, a definition out; it builds for wasm32 for the designer page.

mod attachments;
mod choice_files;
mod choices;
mod columns;
mod entities;
mod export;
mod findings;
mod parameters;
mod problem;
mod references;
mod search;
mod settings;
mod survey;
mod table;
mod types;
mod workbook;
mod xml_parts;

use std::collections::{BTreeMap, BTreeSet};

use xonadon_engine::definition::{ChoiceDef, FormDefinition};
use xonadon_engine::Severity;

pub use attachments::Attachment;
pub use columns::language_tag;
pub use export::to_xlsform;
pub use problem::{EngineFinding, Problem};
pub use workbook::Format;

use columns::Key;
use table::Table;

/// Why nothing could be imported.
#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    #[error(
        "{file} is not a spreadsheet: expected an Excel workbook (.xlsx, .xls) or an \
         OpenDocument spreadsheet (.ods)"
    )]
    NotAWorkbook { file: String },
    #[error("{file} looks like an .{format} workbook but cannot be read: {reason}")]
    Unreadable {
        file: String,
        format: &'static str,
        reason: String,
    },
    #[error("{file} is too large to import: {reason}")]
    TooLarge { file: String, reason: String },
    #[error("{file} has no `survey` sheet (its sheets: {sheets})")]
    NoSurvey { file: String, sheets: String },
    #[error(
        "the `{sheet}` sheet has no `{column}` column: its first row must hold the column \
         names (type, name, label, …)"
    )]
    MissingColumn { sheet: String, column: &'static str },
}

/// An imported form: the definition, its JSON, and what the import and the engine found.
#[derive(Debug, Clone)]
pub struct Imported {
    pub definition: FormDefinition,
    /// The definition as the form file Xonadon reads (a row per line: `FormDefinition::to_text`).
    pub json: String,
    /// Sorted by sheet and row; errors mean the form cannot be used until they are fixed.
    pub problems: Vec<Problem>,
    /// What the file really is.
    pub format: Format,
    /// (sheet, row) → the JSON path of what that row became: a problem's row in the text.
    pub row_paths: BTreeMap<(String, u32), String>,
}

impl Imported {
    /// The JSON path in the form of what `problem`'s row became, when it is one row's.
    pub fn path_of(&self, problem: &Problem) -> Option<&str> {
        let row = problem.row?;
        self.row_paths
            .get(&(problem.sheet.clone(), row))
            .map(String::as_str)
    }

    pub fn errors(&self) -> usize {
        self.problems
            .iter()
            .filter(|p| p.severity == Severity::Error)
            .count()
    }
}

/// Imports the XLSForm `bytes`; `file` names it in messages and gives the form id when the
/// settings sheet has none.
pub fn import(file: &str, bytes: &[u8]) -> Result<Imported, ImportError> {
    import_with(file, bytes, &[])
}

/// [`import`] with the files supplied beside the form: the CSV files its
/// `select_one_from_file` rows name (a missing one is an error naming it and the row).
pub fn import_with(
    file: &str,
    bytes: &[u8],
    attachments: &[Attachment],
) -> Result<Imported, ImportError> {
    let workbook::Read {
        format,
        mut sheets,
        cut_sheets,
    } = workbook::read(file, bytes)?;
    let mut problems = Vec::new();
    for sheet in cut_sheets {
        problems.push(Problem::warning(
            &sheet,
            None,
            None,
            format!(
                "cells right of column ALL (the {}th) are left out: no XLSForm column is that \
                 far right; move anything the form needs to the left",
                workbook::MAX_COLUMNS
            ),
        ));
    }
    let extension = file.rsplit_once('.').map(|(_, e)| e.to_ascii_lowercase());
    if let Some(ext) = extension.filter(|e| ["xlsx", "xls", "ods"].contains(&e.as_str())) {
        if ext != format.extension() {
            problems.push(Problem::workbook_warning(format!(
                "the file is an .{} workbook although named .{ext}; read as what it is",
                format.extension()
            )));
        }
    }
    let position = |sheets: &[workbook::Sheet], name: &str| {
        sheets
            .iter()
            .position(|s| s.name.trim().eq_ignore_ascii_case(name))
    };
    let survey_index = position(&sheets, "survey").ok_or_else(|| ImportError::NoSurvey {
        file: file.to_string(),
        sheets: sheets
            .iter()
            .map(|s| s.name.as_str())
            .collect::<Vec<_>>()
            .join(", "),
    })?;
    let stem = file.rsplit(['/', '\\']).next().unwrap_or(file);
    let stem = stem.rsplit_once('.').map_or(stem, |(s, _)| s);
    let settings = settings::read(
        position(&sheets, "settings").map(|i| &sheets[i]),
        stem,
        &mut problems,
    );
    if settings.clean_text_values {
        workbook::collapse_spaces(&mut sheets[survey_index]);
    }
    let find = |name: &str| position(&sheets, name).map(|i| &sheets[i]);
    let survey_sheet = &sheets[survey_index];
    let survey_table = Table::survey(survey_sheet);
    for (key, column) in [(Key::Type, "type"), (Key::Name, "name")] {
        if !survey_table.has(key) {
            return Err(ImportError::MissingColumn {
                sheet: survey_sheet.name.clone(),
                column,
            });
        }
    }
    let choices_table = find("choices").map(Table::new);
    // `select_one_external` lists: kept in the form like any other (ODK Collect reads them
    // from an itemsets.csv made of this sheet; offline here, the sheet is the list).
    let external_table = find("external_choices").map(Table::new);

    let mut languages: BTreeSet<String> = survey_table.languages();
    for c in choices_table.iter().chain(&external_table) {
        languages.extend(c.languages());
    }
    // pyxform: an untranslated text column belongs to the default language, or to one called
    // `default` when none is set.
    let plain_language = (!languages.is_empty()).then(|| {
        settings
            .settings
            .default_language
            .clone()
            .unwrap_or_else(|| "default".into())
    });
    let has_plain_texts = |t: &Table| {
        [
            Key::Label,
            Key::Hint,
            Key::RequiredMessage,
            Key::ConstraintMessage,
        ]
        .iter()
        .any(|k| t.header(*k).is_some() && t.sheet.rows.iter().any(|r| t.get(r, *k).is_some()))
    };
    if let Some(plain) = &plain_language {
        if has_plain_texts(&survey_table)
            || choices_table
                .iter()
                .chain(&external_table)
                .any(has_plain_texts)
        {
            languages.insert(plain.clone());
        }
    }
    let languages: Vec<String> = languages.into_iter().collect();
    let plain = plain_language.as_deref();

    survey_table.aliased_columns(&mut problems);
    references::check_workbook(
        &survey_table,
        choices_table.as_ref(),
        find("settings"),
        &mut problems,
    );
    survey_table.unused_columns(&mut problems, "on the survey");
    survey_table.untagged_languages(&mut problems);
    entities::check(
        find("entities"),
        find("settings"),
        &survey_table,
        &mut problems,
    );
    let mut survey = survey::read(&survey_table, plain, &languages, &mut problems);
    survey::or_other_translations(
        &survey,
        &survey_table,
        choices_table.as_ref(),
        &mut problems,
    );
    parameters::check(
        &survey_table,
        choices_table.as_ref(),
        find("entities"),
        &mut problems,
    );
    parameters::normalize(&mut survey.elements);
    let mut choices = match &choices_table {
        Some(t) => {
            t.unused_columns(&mut problems, "on choices");
            t.untagged_languages(&mut problems);
            choices::read(t, plain, settings.allow_choice_duplicates, &mut problems)
        }
        None => choices::Choices {
            lists: BTreeMap::new(),
            rows: BTreeMap::new(),
        },
    };
    if let Some(t) = &external_table {
        t.unused_columns(&mut problems, "on external_choices");
        let external = choices::read(t, plain, settings.allow_choice_duplicates, &mut problems);
        for (list, items) in external.lists {
            match choices.lists.entry(list) {
                std::collections::btree_map::Entry::Occupied(taken) => {
                    problems.push(Problem::error(
                        &t.sheet.name,
                        None,
                        t.header(Key::ListName),
                        format!(
                            "the list `{}` is on the choices sheet too: give one of them \
                             another name",
                            taken.key()
                        ),
                    ))
                }
                std::collections::btree_map::Entry::Vacant(free) => {
                    free.insert(items);
                }
            }
        }
    }
    survey::expand_loops(
        &mut survey,
        &choices.lists,
        &survey_sheet.name,
        survey_table.header(Key::Type),
        &mut problems,
    );
    attachments::bring_in_select_files(
        &survey_table,
        &survey.files,
        attachments,
        &mut choices.lists,
        &mut problems,
    );
    attachments::bring_in_external_files(
        &survey_table,
        &survey.externals,
        &survey.files,
        attachments,
        &mut choices.lists,
        &mut problems,
    );
    attachments::bring_in_pulldata_files(
        &survey_table,
        &survey.externals,
        attachments,
        &mut choices.lists,
        &mut problems,
    );
    let media_tables: Vec<&Table> = std::iter::once(&survey_table)
        .chain(choices_table.as_ref())
        .collect();
    attachments::check_media(&media_tables, attachments, &mut problems);
    let searched = search::bring_in(
        &mut survey.elements,
        &survey.rows,
        (
            &survey_sheet.name,
            survey_table.header(Key::Appearance).unwrap_or("appearance"),
        ),
        attachments,
        &mut choices.lists,
        &mut problems,
    );
    // Their rows on the choices sheet were placeholders: findings cannot point there.
    choices.rows.retain(|(list, _), _| !searched.contains(list));
    for list in &survey.or_other_lists {
        let list = choices.lists.entry(list.clone()).or_default();
        if !list.iter().any(|c| c.name == "other") {
            list.push(ChoiceDef {
                media: None,
                name: "other".into(),
                label: Some(survey::in_every_language("Other", &languages)),
                properties: BTreeMap::new(),
            });
        }
    }

    let mut settings = settings.settings;
    if settings.default_language.is_none() && languages.iter().any(|l| l == "default") {
        settings.default_language = Some("default".into());
    } else if settings.default_language.is_none() {
        // ODK opens a form without a default language in the first translation pyxform
        // writes; name it, or the engine would choose another.
        if let Some(first) = first_language(&survey_table, choices_table.as_ref()) {
            problems.push(settings::missing_setting(
                find("settings"),
                "default_language",
                &format!("the form opens in `{first}`, its first language, as in ODK"),
                "the default language as the label columns name it (such as `English (en)`)",
            ));
            settings.default_language = Some(first);
        }
    }
    let definition = FormDefinition {
        schema: None,
        settings,
        survey: survey.elements,
        choices: choices.lists,
    };
    let json = definition.to_text();
    let places = findings::Places {
        survey: &survey_table,
        survey_rows: &survey.rows,
        choices_sheet: choices_table.as_ref().map(|t| t.sheet.name.as_str()),
        choice_rows: &choices.rows,
        loop_lists: survey.loops.iter().map(|(_, list)| list.as_str()).collect(),
    };
    places.add_engine_findings(&json, &mut problems);
    let row_paths = findings::row_paths(
        &survey_sheet.name,
        &survey.rows,
        places.choices_sheet,
        &choices.rows,
    );
    problems.sort_by(|a, b| {
        (a.sheet != survey_sheet.name, &a.sheet, a.row).cmp(&(
            b.sheet != survey_sheet.name,
            &b.sheet,
            b.row,
        ))
    });
    Ok(Imported {
        definition,
        json,
        problems,
        format,
        row_paths,
    })
}

/// The first translation pyxform writes into the XForm (the language ODK opens a form in when
/// none is the default): choices come first, list by list in the order they first appear, each
/// choice's label columns left to right; then the survey in row order, a row's constraint
/// message, required message, label and hint.
fn first_language(survey: &Table, choices: Option<&Table>) -> Option<String> {
    if let Some(choices) = choices {
        let rows = &choices.sheet.rows;
        let mut lists: Vec<&str> = Vec::new();
        for row in rows {
            if let Some(list) = choices.get(row, Key::ListName) {
                if !lists.contains(&list) {
                    lists.push(list);
                }
            }
        }
        for list in lists {
            let found = rows
                .iter()
                .filter(|r| choices.get(r, Key::ListName) == Some(list))
                .find_map(|r| choices.first_language(r, &[Key::Label]));
            if found.is_some() {
                return found;
            }
        }
    }
    let keys = [
        Key::ConstraintMessage,
        Key::RequiredMessage,
        Key::Label,
        Key::Hint,
    ];
    survey
        .sheet
        .rows
        .iter()
        .find_map(|r| survey.first_language(r, &keys))
}

/// The rows of a data file supplied beside a form as a choice list, read as this importer reads
/// them (by extension: `.xml` and `.geojson` as ODK reads them, anything else as CSV, its rows
/// numbered when it has no `name` column); the error names the file and line. The XForm
/// importer reads secondary instances with `src` through it, so both importers agree.
pub fn file_choices(file: &str, bytes: &[u8]) -> Result<Vec<ChoiceDef>, String> {
    let lower = file.to_ascii_lowercase();
    if lower.ends_with(".xml") {
        choice_files::xml(file, bytes)
    } else if lower.ends_with(".geojson") {
        choice_files::geojson(file, bytes)
    } else {
        attachments::choices(file, bytes, false)
    }
}
