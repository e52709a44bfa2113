//! Step 1: the entities sheet, its columns and each declaration (pyxform's `EntityColumns`),
//! and names and references as pyxform parses them.

use crate::references::{is_ncname, malformed_reference, parse_references};
use crate::workbook::Sheet;
use crate::Problem;

/// A column of the entities sheet (pyxform's `EntityColumns`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Col {
    Dataset,
    EntityId,
    CreateIf,
    UpdateIf,
    Repeat,
    Label,
}

impl Col {
    pub(super) fn from(name: &str) -> Option<Col> {
        Some(match name {
            "dataset" | "list_name" => Col::Dataset,
            "entity_id" => Col::EntityId,
            "create_if" => Col::CreateIf,
            "update_if" => Col::UpdateIf,
            "repeat" => Col::Repeat,
            "label" => Col::Label,
            _ => return None,
        })
    }
}

/// What a header of the entities sheet is, as pyxform's `process_header` reads it: names in
/// snake case, `list_name` for `dataset`, `label::English` a translated `label`.
#[derive(Debug, Clone, PartialEq)]
pub(super) enum Header {
    Known { col: Col, translated: bool },
    Unknown,
    Blank,
}

pub(super) fn header(text: &str, double_colon: bool) -> Header {
    if text.trim().is_empty() {
        return Header::Blank;
    }
    if let Some(col) = Col::from(&snake(text)) {
        return Header::Known {
            col,
            translated: false,
        };
    }
    let tokens: Vec<&str> = if double_colon || text.contains("::") {
        text.split("::").map(str::trim).collect()
    } else {
        text.split(':').map(str::trim).collect()
    };
    match Col::from(&snake(tokens[0])) {
        Some(col) => Header::Known {
            col,
            translated: tokens.len() > 1,
        },
        None => Header::Unknown,
    }
}

pub(super) fn snake(text: &str) -> String {
    text.split_whitespace()
        .collect::<Vec<_>>()
        .join("_")
        .to_lowercase()
}

/// One row of the entities sheet.
#[derive(Debug)]
pub(super) struct Declaration {
    pub(super) dataset: String,
    pub(super) row: u32,
    /// The header of the list name's column.
    pub(super) name_header: Option<String>,
    /// Question names referenced by `${…}` in its columns, each with the first column that
    /// refers to it, in the order they appear.
    pub(super) references: Vec<(String, String)>,
}

/// The declarations, or `None` after reporting what is wrong with the sheet.
pub(super) fn declarations(sheet: &Sheet, problems: &mut Vec<Problem>) -> Option<Vec<Declaration>> {
    let name = &sheet.name;
    let double_colon = sheet.headers.iter().any(|h| h.contains("::"));
    let headers: Vec<Header> = sheet
        .headers
        .iter()
        .map(|h| header(h, double_colon))
        .collect();
    let used = |i: usize| sheet.rows.iter().any(|r| !r.cell(i).is_empty());

    let unknown: Vec<usize> = (0..headers.len())
        .filter(|&i| headers[i] == Header::Unknown && used(i))
        .collect();
    if let Some(&first) = unknown.first() {
        let names: Vec<String> = unknown
            .iter()
            .map(|&i| format!("`{}`", sheet.headers[i]))
            .collect();
        problems.push(Problem::error(
            name,
            Some(sheet.header_row),
            Some(&sheet.headers[first]),
            format!(
                "the entities sheet has {} ODK does not know: {}; an entity declaration has \
                 only list_name, label, entity_id, create_if, update_if and repeat: check the \
                 spelling or remove {}",
                if names.len() > 1 {
                    "columns"
                } else {
                    "a column"
                },
                names.join(", "),
                if names.len() > 1 { "them" } else { "it" },
            ),
        ));
        return None;
    }
    // pyxform reads `list_name` and `dataset` as one column; the second of two spellings of a
    // column is an error, unless it is spelt exactly as pyxform names it (then it wins).
    let canonical = |i: usize| match &headers[i] {
        Header::Known {
            col,
            translated: false,
        } => {
            let exact = [
                "dataset",
                "entity_id",
                "create_if",
                "update_if",
                "repeat",
                "label",
            ];
            Some((*col, exact.contains(&sheet.headers[i].as_str())))
        }
        _ => None,
    };
    for i in 0..headers.len() {
        if let Some((col, exact)) = canonical(i) {
            let earlier = (0..i).find(|&j| canonical(j).is_some_and(|(c, _)| c == col));
            if let (Some(j), false) = (earlier, exact) {
                problems.push(Problem::error(
                    name,
                    Some(sheet.header_row),
                    Some(&sheet.headers[i]),
                    format!(
                        "`{}` and `{}` are two names for the same column: rename or remove one \
                         of them",
                        sheet.headers[j], sheet.headers[i]
                    ),
                ));
                return None;
            }
        }
    }
    if let Some(i) = (0..headers.len()).find(|&i| {
        matches!(
            headers[i],
            Header::Known {
                translated: true,
                ..
            }
        ) && used(i)
    }) {
        problems.push(Problem::error(
            name,
            Some(sheet.header_row),
            Some(&sheet.headers[i]),
            "entity declarations have no translations: write the column without a language \
             (`label`, not `label::English`)"
                .into(),
        ));
        return None;
    }
    let known = &headers;
    let columns = |col: Col| {
        (0..known.len())
            .rev()
            .filter(move |&i| matches!(known[i], Header::Known { col: c, .. } if c == col))
    };
    let before = problems.len();
    let mut out: Vec<Declaration> = Vec::new();
    let mut next_row = sheet.header_row + 1;
    for row in &sheet.rows {
        // pyxform reads an empty row between declarations as one without a name.
        if row.number > next_row {
            problems.push(Problem::error(
                name,
                Some(next_row),
                columns(Col::Dataset)
                    .next()
                    .map(|i| sheet.headers[i].as_str()),
                "an empty row among the entity declarations is read as an entity list                  without a name: remove the row"
                    .into(),
            ));
        }
        next_row = row.number + 1;
        // Two spellings of a column: the value of the last one that has one (as pyxform).
        let cell = |col: Col| columns(col).find(|&i| !row.cell(i).is_empty());
        let value = |col: Col| cell(col).map(|i| row.cell(i));
        let header_of = |col: Col| {
            cell(col)
                .or_else(|| columns(col).next())
                .map(|i| sheet.headers[i].as_str())
        };
        let dataset = value(Col::Dataset).unwrap_or_default();
        let name_header = header_of(Col::Dataset);
        let error = |column: Option<&str>, message: String| {
            Problem::error(name, Some(row.number), column, message)
        };
        if let Some(problem) = list_name_problem(dataset) {
            problems.push(error(name_header, problem));
            continue;
        }
        let (entity_id, create_if, update_if, label) = (
            value(Col::EntityId),
            value(Col::CreateIf),
            value(Col::UpdateIf),
            value(Col::Label),
        );
        if entity_id.is_none() && update_if.is_some() {
            problems.push(error(
                header_of(Col::UpdateIf),
                format!(
                    "the entity list `{dataset}` has an update_if but no entity_id: updating \
                     an entity needs the entity_id of the one to update; add an entity_id, or \
                     to create entities instead move the update_if to create_if"
                ),
            ));
            continue;
        }
        if entity_id.is_some() && create_if.is_some() && update_if.is_none() {
            problems.push(error(
                header_of(Col::CreateIf),
                format!(
                    "the entity list `{dataset}` has a create_if and an entity_id but no \
                     update_if: creating or updating (upserting) entities needs an update_if \
                     too; add an update_if, or to only create entities remove the entity_id"
                ),
            ));
            continue;
        }
        if entity_id.is_none() && label.is_none() {
            problems.push(error(
                header_of(Col::Label).or(name_header),
                format!(
                    "the entity list `{dataset}` has no label, and creating entities (no \
                     entity_id, or a create_if) needs one; add a label, or to update entities \
                     instead give an entity_id"
                ),
            ));
            continue;
        }
        let mut references: Vec<(String, String)> = Vec::new();
        let mut malformed = false;
        for col in [Col::EntityId, Col::CreateIf, Col::UpdateIf, Col::Label] {
            let (Some(v), Some(h)) = (value(col), header_of(col)) else {
                continue;
            };
            match parse_references(v) {
                Ok(names) => {
                    for n in names {
                        if !references.iter().any(|(r, _)| r == n) {
                            references.push((n.to_string(), h.to_string()));
                        }
                    }
                }
                Err(()) => {
                    problems.push(error(Some(h), malformed_reference(v)));
                    malformed = true;
                    break;
                }
            }
        }
        if malformed {
            continue;
        }
        if let Some(other) = out.iter().find(|d| d.dataset == dataset) {
            problems.push(error(
                name_header,
                format!(
                    "the entity list `{dataset}` is declared on row {} already: list names \
                     must be unique",
                    other.row
                ),
            ));
            continue;
        }
        out.push(Declaration {
            dataset: dataset.to_string(),
            row: row.number,
            name_header: name_header.map(str::to_string),
            references,
        });
    }
    (problems.len() == before).then_some(out)
}

pub(super) fn list_name_problem(dataset: &str) -> Option<String> {
    Some(if dataset.is_empty() {
        "the entity list has no name: fill in its list_name".into()
    } else if dataset.starts_with("__") {
        format!("the entity list name `{dataset}` must not begin with two underscores")
    } else if dataset.contains('.') {
        format!("the entity list name `{dataset}` must not contain a period")
    } else if !is_xml_tag(dataset) {
        format!("`{dataset}` is not a valid entity list name: {NAME_RULE}")
    } else {
        return None;
    })
}

pub(super) const NAME_RULE: &str =
    "names begin with a letter or an underscore, then letters, digits, \
                         underscores, hyphens or periods";

// ---------------------------------------------------------------------------------------------
// Names and references as pyxform parses them (`parsing/expression.py`).

/// An XML element name, with at most one namespace prefix (`is_xml_tag`).
pub(super) fn is_xml_tag(name: &str) -> bool {
    match name.split_once(':') {
        Some((prefix, local)) => is_ncname(prefix) && is_ncname(local),
        None => is_ncname(name),
    }
}
