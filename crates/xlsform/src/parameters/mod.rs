//! The survey's `parameters` column, read and checked as pyxform 4.5.0 does
//! (`pyxform/parsing/parameters.py`, `xls2json.py`, `validators/pyxform/question_types/`).
//!
//! A cell is `key=value` pairs separated by spaces, commas or semicolons (read by
//! [`xonadon_engine::parameters::parse`]); keys are matched without regard to case, and values
//! too, except `label` and `value`. Each question type takes its own keys, and some values
//! must be numbers, flags or names: what pyxform refuses is an error at the row's
//! `parameters` cell, one per row (the first pyxform would raise). The type is read from the
//! row's own `type` cell, whatever the importer makes of the row, so a type Xonadon leaves
//! out is still checked as pyxform checks it. Parameters on a type that takes none do
//! nothing (pyxform ignores them): a warning.
//!
//! [`normalize`] writes the imported parameters as `key=value` pairs separated by spaces, the
//! spelling the engine and the app read.

use std::collections::{BTreeMap, BTreeSet};

use xonadon_engine::definition::ElementDef;
use xonadon_engine::parameters::{canonical, parse};

mod kinds;
mod numbers;
#[cfg(test)]
mod tests;

use kinds::{audit, geo, image, randomize, range};
use numbers::*;

use crate::columns::Key;
use crate::table::Table;
use crate::workbook::Sheet;
use crate::Problem;

/// Checks every row's parameters against its type (and, for `range` and `reference-geometry`,
/// against the choices and entities sheets and the other rows).
pub fn check(
    survey: &Table,
    choices: Option<&Table>,
    entities: Option<&Sheet>,
    problems: &mut Vec<Problem>,
) {
    let Some(column) = survey.header(Key::Parameters) else {
        return;
    };
    let form = Form::of(survey, choices, entities);
    let sheet = survey.sheet.name.as_str();
    for row in &survey.sheet.rows {
        let (Some(kind), Some(cell)) =
            (survey.get(row, Key::Type), survey.get(row, Key::Parameters))
        else {
            continue;
        };
        let appearance = survey.get(row, Key::Appearance);
        match check_cell(kind, cell, appearance, &form) {
            Ok(None) => {}
            Ok(Some(ignored)) => problems.push(Problem::warning(
                sheet,
                Some(row.number),
                Some(column),
                ignored,
            )),
            Err(message) => problems.push(Problem::error(
                sheet,
                Some(row.number),
                Some(column),
                message,
            )),
        }
    }
}

/// Writes every element's parameters as `key=value` pairs separated by spaces (keys in lower
/// case), the spelling the app reads; a cell that is not pairs is left as written (the
/// import's error names it).
pub fn normalize(elements: &mut [ElementDef]) {
    for e in elements {
        if let Some(pairs) = e.parameters.as_deref().and_then(parse) {
            e.parameters = (!pairs.is_empty()).then(|| canonical(&pairs));
        }
        if let Some(children) = &mut e.children {
            normalize(children);
        }
    }
}

/// What the rest of the workbook holds that parameters may name.
#[derive(Debug, Default)]
pub(super) struct Form {
    /// Choice lists (choices sheet) → their names, in row order.
    choices: BTreeMap<String, Vec<String>>,
    /// Secondary instances the form has besides the choice lists: entity lists, the lists and
    /// files of selects, `csv-external` / `xml-external` names (without extension).
    instances: BTreeSet<String>,
    repeats: BTreeSet<String>,
    /// The survey sheet's names (and `instanceID`, which pyxform adds): what `${…}` may name.
    names: BTreeSet<String>,
}

impl Form {
    pub(super) fn of(survey: &Table, choices: Option<&Table>, entities: Option<&Sheet>) -> Form {
        let mut form = Form::default();
        if let Some(choices) = choices {
            for row in &choices.sheet.rows {
                let Some(list) = choices.get(row, Key::ListName) else {
                    continue;
                };
                let names = form.choices.entry(list.to_string()).or_default();
                // A choice without a name is the choices sheet's error, not the range's.
                if let Some(name) = choices.get(row, Key::Name) {
                    names.push(name.to_string());
                }
            }
        }
        if let Some(entities) = entities.map(Table::new) {
            for row in &entities.sheet.rows {
                if let Some(list) = entities.get(row, Key::ListName) {
                    form.instances.insert(list.to_string());
                }
            }
        }
        for row in &survey.sheet.rows {
            let Some(kind) = survey.get(row, Key::Type) else {
                continue;
            };
            let name = survey.get(row, Key::Name).unwrap_or_default();
            form.names.insert(name.to_string());
            match Type::of(kind) {
                Type::Repeat => {
                    form.repeats.insert(name.to_string());
                }
                Type::External => {
                    form.instances.insert(stem(name).to_string());
                }
                // pyxform: the lists of select_one_external are no secondary instance.
                Type::Select {
                    list,
                    external: false,
                }
                | Type::SelectFromFile { list }
                    if !list.is_empty() =>
                {
                    form.instances.insert(stem(&list).to_string());
                }
                _ => {}
            }
        }
        form.names.insert("instanceID".into());
        form
    }

    /// pyxform: `reference-geometry` names a secondary instance, or is `${name}` of a repeat.
    pub(super) fn has_geometry(&self, target: &str) -> bool {
        self.instances.contains(target)
            || self.choices.contains_key(target)
            || reference(target).is_some_and(|name| self.repeats.contains(name))
    }
}

/// `name.csv` → `name` (Python's `os.path.splitext`).
pub(super) fn stem(name: &str) -> &str {
    match name.rfind('.') {
        Some(i) if i > 0 && !name[..i].ends_with('/') => &name[..i],
        _ => name,
    }
}

/// How pyxform treats a row's parameters: by the type cell, spaces and case aside.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Type {
    Range,
    Text,
    /// `image` / `photo`.
    Image,
    Audio,
    BackgroundAudio,
    Geopoint,
    /// `geoshape` / `geotrace`, by name.
    Geo(&'static str),
    Audit,
    /// select_one, select_multiple, rank, select_one_external, `select one from file …`.
    Select {
        list: String,
        external: bool,
    },
    /// `select_one_from_file` / `select_multiple_from_file` (the underscore spellings).
    SelectFromFile {
        list: String,
    },
    Repeat,
    External,
    /// pyxform reads the parameters (they must be pairs) and ignores them.
    Other,
}

/// pyxform's select commands, longest first so that a shorter one never hides a longer.
pub(super) const SELECTS: &[&str] = &[
    "add select multiple prompt using",
    "add select one prompt using",
    "select multiple from file",
    "select all that apply from",
    "select_multiple_from_file",
    "select_one_from_file",
    "select one from file",
    "select all that apply",
    "select_one_external",
    "select one from",
    "select_multiple",
    "select_one",
    "select one",
    "select1",
    "rank",
];

impl Type {
    pub(super) fn of(cell: &str) -> Type {
        let words: Vec<String> = cell.split_whitespace().map(str::to_lowercase).collect();
        let text = words.join(" ");
        match text.as_str() {
            "range" => return Type::Range,
            "text" => return Type::Text,
            "image" | "photo" | "add image prompt" | "add photo prompt" => return Type::Image,
            "audio" | "add audio prompt" => return Type::Audio,
            "background-audio" => return Type::BackgroundAudio,
            "geopoint" => return Type::Geopoint,
            "geoshape" => return Type::Geo("geoshape"),
            "geotrace" => return Type::Geo("geotrace"),
            "audit" => return Type::Audit,
            "csv-external" | "xml-external" => return Type::External,
            _ => {}
        }
        if let ["begin", "repeat" | "lgroup" | "looped", ..]
        | ["begin_repeat" | "begin_lgroup", ..] = words
            .iter()
            .map(String::as_str)
            .collect::<Vec<_>>()
            .as_slice()
        {
            return Type::Repeat;
        }
        for command in SELECTS {
            let Some(rest) = text.strip_prefix(command).and_then(|r| r.strip_prefix(' ')) else {
                continue;
            };
            let (list, other) = rest.split_once(' ').unwrap_or((rest, ""));
            if !["", "or_other", "or other", "or specify other"].contains(&other) {
                continue;
            }
            // The list name keeps its case (the choices sheet's list names are case-sensitive).
            let list = cell
                .split_whitespace()
                .nth(command.split(' ').count())
                .unwrap_or(list)
                .to_string();
            return match *command {
                "select_one_from_file" | "select_multiple_from_file" => {
                    Type::SelectFromFile { list }
                }
                _ => Type::Select {
                    list,
                    external: *command == "select_one_external",
                },
            };
        }
        Type::Other
    }
}

/// The row's finding: `Err` what pyxform refuses, `Ok(Some(_))` a warning.
pub(super) fn check_cell(
    kind_cell: &str,
    cell: &str,
    appearance: Option<&str>,
    form: &Form,
) -> Result<Option<String>, String> {
    let Some(pairs) = parse(cell) else {
        return Err(format!(
            "the parameters `{cell}` cannot be read: write them as key=value pairs separated \
             by spaces, e.g. `start=1 end=10 step=1`"
        ));
    };
    if pairs.is_empty() {
        return Ok(None);
    }
    // pyxform compares values in lower case, except the column names `label` and `value`.
    let params = Params(
        pairs
            .into_iter()
            .map(|(k, v)| {
                let v = if k == "label" || k == "value" {
                    v
                } else {
                    v.to_lowercase()
                };
                (k, v)
            })
            .collect(),
    );
    let p = &params;
    let kind = Type::of(kind_cell);
    match &kind {
        Type::Range => range(p, appearance, form)?,
        Type::Text => {
            p.accept("text", &["rows"])?;
            p.whole("rows")?;
        }
        Type::Image => image(p, appearance)?,
        Type::Audio => {
            p.accept("audio", &["quality"])?;
            p.one_of("quality", &["voice-only", "low", "normal", "external"])?;
        }
        Type::BackgroundAudio => {
            p.accept("background-audio", &["quality"])?;
            p.one_of("quality", &["voice-only", "low", "normal"])?;
        }
        Type::Geopoint => {
            p.accept(
                "geopoint",
                &[
                    "allow-mock-accuracy",
                    "capture-accuracy",
                    "reference-geometry",
                    "warning-accuracy",
                ],
            )?;
            for key in ["capture-accuracy", "warning-accuracy"] {
                if let Some(v) = p.get(key) {
                    if float(v).is_none() {
                        return Err(format!("`{key}` must be a number (of metres), not `{v}`"));
                    }
                }
            }
            geo(p, form)?;
        }
        Type::Geo(what) => {
            p.accept(
                what,
                &["allow-mock-accuracy", "incremental", "reference-geometry"],
            )?;
            if let Some(v) = p.get("incremental") {
                if !["yes", "true", "true()"].contains(&v) {
                    return Err(format!(
                        "`incremental` may only be `true` on {what} questions (or left out), \
                         not `{v}`"
                    ));
                }
            }
            geo(p, form)?;
        }
        Type::Audit => audit(p)?,
        Type::Select { external, .. } => {
            let what = if *external {
                "select_one_external"
            } else {
                "select"
            };
            p.accept(what, &["randomize", "seed"])?;
            randomize(p)?;
        }
        Type::SelectFromFile { .. } => {
            p.accept(
                "select_one_from_file / select_multiple_from_file",
                &["label", "randomize", "seed", "value"],
            )?;
            for key in ["value", "label"] {
                if let Some(v) = p.get(key) {
                    if !is_xml_name(v) {
                        return Err(format!(
                            "`{key}={v}` must name a column of the file: names begin with a \
                             letter or underscore, then letters, digits, underscores, hyphens \
                             or periods"
                        ));
                    }
                }
            }
            randomize(p)?;
        }
        Type::Repeat | Type::External | Type::Other => {
            references(cell, form)?;
            let words: Vec<&str> = kind_cell.split_whitespace().collect();
            let what = match words.as_slice() {
                [b @ ("begin" | "end"), c, ..] => format!("{b} {c}"),
                [first, ..] => first.to_string(),
                [] => String::new(),
            };
            return Ok(Some(format!(
                "`{what}` rows take no parameters: `{cell}` does nothing"
            )));
        }
    }
    references(cell, form)?;
    Ok(unused(&kind, p))
}

/// pyxform: every `${name}` in the cell (as written) names something on the survey sheet.
pub(super) fn references(cell: &str, form: &Form) -> Result<(), String> {
    let mut rest = cell;
    while let Some(at) = rest.find("${") {
        rest = &rest[at..];
        let end = rest.find('}').map_or(rest.len(), |i| i + 1);
        let written = &rest[..end];
        match reference(written) {
            None => {
                return Err(format!(
                    "`{written}` is not a reference: write ${{name}} with the name of a question"
                ))
            }
            Some(name) if !form.names.contains(name) => {
                return Err(format!(
                    "`{written}` names nothing on the survey sheet (names are case-sensitive)"
                ))
            }
            Some(_) => {}
        }
        rest = &rest[end..];
    }
    Ok(())
}

/// What pyxform accepts but Xonadon does not act on (yet), for a warning. Only range's
/// bounds and step are used; the types being added are left to their own importer.
pub(super) fn unused(kind: &Type, p: &Params) -> Option<String> {
    let used: &[&str] = match kind {
        Type::Range => &["start", "end", "step"],
        Type::Text | Type::Image | Type::Geopoint | Type::Audit | Type::Select { .. } => &[],
        Type::SelectFromFile { .. } => {
            let columns: Vec<&str> = ["value", "label"]
                .into_iter()
                .filter(|k| p.has(k))
                .collect();
            if !columns.is_empty() {
                let is = if columns.len() == 1 { "is" } else { "are" };
                return Some(format!(
                    "Xonadon reads the file's `name` and `label` columns: `{}` {is} not used \
                     yet, so the choices may differ from ODK's",
                    columns.join("`, `")
                ));
            }
            &["value", "label"]
        }
        _ => return None,
    };
    let ignored: Vec<String> =
        p.0.iter()
            .filter(|(k, _)| !used.contains(&k.as_str()))
            .map(|(k, v)| format!("{k}={v}"))
            .collect();
    (!ignored.is_empty()).then(|| {
        format!(
            "Xonadon does not use `{}` yet (ODK Collect does): ignored here",
            ignored.join("`, `")
        )
    })
}

/// A row's parameters: keys in lower case, values as pyxform compares them.
pub(super) struct Params(Vec<(String, String)>);

impl Params {
    pub(super) fn get(&self, key: &str) -> Option<&str> {
        self.0
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.as_str())
    }

    pub(super) fn has(&self, key: &str) -> bool {
        self.get(key).is_some()
    }

    /// pyxform's "The accepted parameter keys for this question type are …".
    pub(super) fn accept(&self, what: &str, accepted: &[&str]) -> Result<(), String> {
        let mut wrong: Vec<&str> = self
            .0
            .iter()
            .map(|(k, _)| k.as_str())
            .filter(|k| !accepted.contains(k))
            .collect();
        if wrong.is_empty() {
            return Ok(());
        }
        wrong.sort_unstable();
        let (these, are) = if wrong.len() == 1 {
            ("parameter", "is not a")
        } else {
            ("parameters", "are not")
        };
        Err(format!(
            "`{}` {are} {these} of {what} questions: they take {}",
            wrong.join("`, `"),
            accepted.join(", ")
        ))
    }

    /// A whole number, as Python's `int()` reads it.
    pub(super) fn whole(&self, key: &str) -> Result<Option<i128>, String> {
        let Some(v) = self.get(key) else {
            return Ok(None);
        };
        int(v)
            .map(Some)
            .ok_or_else(|| format!("`{key}` must be a whole number, not `{v}`"))
    }

    pub(super) fn flag(&self, key: &str) -> Result<(), String> {
        self.one_of(key, &["true", "false"])
    }

    pub(super) fn one_of(&self, key: &str, allowed: &[&str]) -> Result<(), String> {
        match self.get(key) {
            Some(v) if !allowed.contains(&v) => {
                Err(format!("`{key}` must be {}, not `{v}`", or_list(allowed)))
            }
            _ => Ok(()),
        }
    }
}

/// `a, b or c`.
pub(super) fn or_list(words: &[&str]) -> String {
    match words {
        [] => String::new(),
        [one] => one.to_string(),
        [init @ .., last] => format!("{} or {last}", init.join(", ")),
    }
}
