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

use crate::columns::Key;
use crate::references::{self, is_ncname, malformed_reference, parse_references};
use crate::table::Table;
use crate::types::{row_type, Container, RowType};
use crate::workbook::Sheet;
use crate::Problem;

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

// ---------------------------------------------------------------------------------------------
// 1. The entities sheet.

/// A column of the entities sheet (pyxform's `EntityColumns`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Col {
    Dataset,
    EntityId,
    CreateIf,
    UpdateIf,
    Repeat,
    Label,
}

impl Col {
    fn from(name: &str) -> Option<Col> {
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
enum Header {
    Known { col: Col, translated: bool },
    Unknown,
    Blank,
}

fn header(text: &str, double_colon: bool) -> Header {
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

fn snake(text: &str) -> String {
    text.split_whitespace()
        .collect::<Vec<_>>()
        .join("_")
        .to_lowercase()
}

/// One row of the entities sheet.
#[derive(Debug)]
struct Declaration {
    dataset: String,
    row: u32,
    /// The header of the list name's column.
    name_header: Option<String>,
    /// Question names referenced by `${…}` in its columns, each with the first column that
    /// refers to it, in the order they appear.
    references: Vec<(String, String)>,
}

/// The declarations, or `None` after reporting what is wrong with the sheet.
fn declarations(sheet: &Sheet, problems: &mut Vec<Problem>) -> Option<Vec<Declaration>> {
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

fn list_name_problem(dataset: &str) -> Option<String> {
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

const NAME_RULE: &str = "names begin with a letter or an underscore, then letters, digits, \
                         underscores, hyphens or periods";

// ---------------------------------------------------------------------------------------------
// Names and references as pyxform parses them (`parsing/expression.py`).

/// An XML element name, with at most one namespace prefix (`is_xml_tag`).
fn is_xml_tag(name: &str) -> bool {
    match name.split_once(':') {
        Some((prefix, local)) => is_ncname(prefix) && is_ncname(local),
        None => is_ncname(name),
    }
}

// ---------------------------------------------------------------------------------------------
// 2. The survey: containers, `save_to`, and the rows the declarations refer to.

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Survey,
    Group,
    Repeat,
}

#[derive(Debug, Clone, PartialEq, Eq)]
struct Node {
    name: String,
    kind: Kind,
}

/// A container and its ancestors, the survey first (pyxform's `ContainerPath`).
#[derive(Debug, Clone, PartialEq, Eq)]
struct Path(Vec<Node>);

impl Path {
    fn survey() -> Path {
        Path(vec![Node {
            name: "survey".into(),
            kind: Kind::Survey,
        }])
    }

    fn prefix(&self, len: usize) -> Path {
        Path(self.0[..len].to_vec())
    }

    /// The nearest repeat (or the survey) this path is in, itself included.
    fn scope_boundary(&self) -> Path {
        (0..self.0.len())
            .rev()
            .find(|&i| matches!(self.0[i].kind, Kind::Repeat | Kind::Survey))
            .map_or_else(Path::survey, |i| self.prefix(i + 1))
    }

    /// How many repeats the path goes through.
    fn boundary_count(&self) -> usize {
        self.0[1..]
            .iter()
            .filter(|n| n.kind == Kind::Repeat)
            .count()
    }

    /// How many groups lie between the path's end and its scope boundary.
    fn subpath_count(&self) -> usize {
        self.0
            .iter()
            .rev()
            .take_while(|n| !matches!(n.kind, Kind::Repeat | Kind::Survey))
            .count()
    }

    fn text(&self) -> String {
        let names: Vec<&str> = self.0.iter().map(|n| n.name.as_str()).collect();
        format!("/{}", names.join("/"))
    }
}

/// A survey row that links to an entity: by `save_to` (a property) or because the
/// declaration refers to it (a question).
#[derive(Debug, Clone)]
struct Reference {
    /// The container the row is in.
    path: Path,
    row: u32,
    property: Option<String>,
    question: Option<String>,
}

#[derive(Debug)]
struct EntityReferences {
    dataset: String,
    row: u32,
    references: Vec<Reference>,
}

struct Walk {
    /// By entity, in the order the survey first refers to them.
    references: Vec<EntityReferences>,
}

/// The survey row by row as pyxform walks it; `None` when the survey has no `save_to` and
/// there are no declarations (nothing to check).
fn walk_survey(
    survey: &Table,
    declarations: &[Declaration],
    problems: &mut Vec<Problem>,
) -> Option<Walk> {
    let sheet = &survey.sheet.name;
    let save_to_header = survey.header(Key::SaveTo).unwrap_or("save_to");
    let disabled = disabled_column(survey);
    let mut stack = vec![Path::survey()];
    let mut walk = Walk {
        references: Vec::new(),
    };
    let mut without_entities = false;
    for row in &survey.sheet.rows {
        let Some(kind) = survey.get(row, Key::Type) else {
            continue;
        };
        if disabled.is_some_and(|i| crate::survey::yes_no(row.cell(i)) == Some(true))
            || kind.eq_ignore_ascii_case("audit")
        {
            continue;
        }
        let parsed = row_type(kind);
        let (begin, end) = match parsed {
            RowType::Begin(c) => (Some(c), None),
            RowType::End(c) => (None, Some(c)),
            _ => (None, None),
        };
        let name = match (end, survey.get(row, Key::Name)) {
            (Some(_), _) => None,
            (None, Some(n)) => Some(n.to_string()),
            (None, None) if kind == "note" => Some(format!("generated_note_name_{}", row.number)),
            (None, None) => None,
        };
        let here = stack.last().cloned().unwrap_or_else(Path::survey);
        let error = |message: String| {
            Problem::error(sheet, Some(row.number), Some(save_to_header), message)
        };
        if let Some(save_to) = survey.get(row, Key::SaveTo) {
            if declarations.is_empty() {
                // One error for the column, at its first value: the cause is the missing sheet.
                if !without_entities {
                    problems.push(error(
                        "save_to saves the answer as a property of an entity, but the form \
                         declares no entity: add an `entities` sheet with a row for the entity \
                         list, or clear save_to"
                            .into(),
                    ));
                    without_entities = true;
                }
                continue;
            }
            match property(
                save_to,
                declarations,
                begin.or(end).is_some(),
                &walk,
                row.number,
            ) {
                Err(message) => problems.push(error(message)),
                Ok((dataset, property)) => {
                    let references = entity_references(&mut walk, declarations, dataset);
                    references.references.push(Reference {
                        path: here.clone(),
                        row: row.number,
                        property: Some(property.to_string()),
                        question: None,
                    });
                }
            }
        }
        if let Some(name) = &name {
            for d in declarations {
                if d.references.iter().any(|(q, _)| q == name) {
                    let references = entity_references(&mut walk, declarations, &d.dataset);
                    references.references.push(Reference {
                        path: here.clone(),
                        row: row.number,
                        property: None,
                        question: Some(name.clone()),
                    });
                }
            }
        }
        match (begin, end) {
            (Some(c), _) => {
                let mut path = here.clone();
                path.0.push(Node {
                    name: name.unwrap_or_default(),
                    kind: match c {
                        Container::Group | Container::Loop => Kind::Group,
                        Container::Repeat => Kind::Repeat,
                    },
                });
                stack.push(path);
            }
            (_, Some(_)) if stack.len() > 1 => {
                stack.pop();
            }
            _ => {}
        }
    }
    (!declarations.is_empty()).then_some(walk)
}

pub(crate) fn disabled_column(survey: &Table) -> Option<usize> {
    survey
        .sheet
        .headers
        .iter()
        .position(|h| h.trim().eq_ignore_ascii_case("disabled"))
}

/// The entity and property a `save_to` value names (`list#property`, or `property` when there
/// is one entity), checked as pyxform checks them.
fn property<'a>(
    save_to: &'a str,
    declarations: &'a [Declaration],
    container: bool,
    walk: &Walk,
    row: u32,
) -> Result<(&'a str, &'a str), String> {
    let (dataset, property) = match save_to.split_once('#') {
        Some((_, rest)) if rest.contains('#') => {
            return Err(format!(
                "`{save_to}` has more than one `#`: write the entity list and the property \
                 as list_name#property"
            ))
        }
        Some((dataset, property)) => (dataset, property),
        None if declarations.len() > 1 => {
            return Err(format!(
                "the form declares {} entity lists, so save_to must say which one the \
                 property belongs to: write list_name#property (e.g. `{}#{save_to}`), or keep \
                 one entity declaration",
                declarations.len(),
                declarations[0].dataset
            ))
        }
        None => (declarations[0].dataset.as_str(), save_to),
    };
    if !declarations.iter().any(|d| d.dataset == dataset) {
        return Err(format!(
            "the entity list `{dataset}` is not on the entities sheet: check the spelling of \
             the list name in save_to, or add a row for it on the entities sheet"
        ));
    }
    if property.is_empty() {
        return Err(format!(
            "`{save_to}` names no property: write list_name#property"
        ));
    }
    if container {
        return Err(
            "a group or a repeat cannot be saved as an entity property: remove save_to from \
             this row, or move it to a question"
                .into(),
        );
    }
    if ["name", "label"].contains(&property.to_lowercase().as_str()) {
        return Err(format!(
            "`{property}` cannot be an entity property: `name` and `label` (in any case) are \
             reserved; choose another name"
        ));
    }
    if property.starts_with("__") {
        return Err(format!(
            "the entity property `{property}` must not begin with two underscores"
        ));
    }
    if !is_xml_tag(property) {
        return Err(format!(
            "`{property}` is not a valid entity property name: {NAME_RULE}"
        ));
    }
    let taken = walk
        .references
        .iter()
        .filter(|e| e.dataset == dataset)
        .flat_map(|e| &e.references)
        .find(|r| r.property.as_deref() == Some(property) && r.row != row);
    if let Some(other) = taken {
        return Err(format!(
            "the property `{property}` of the entity list `{dataset}` is already saved by row \
             {}: remove one of the two save_to values or give it another property name",
            other.row
        ));
    }
    Ok((dataset, property))
}

fn entity_references<'w>(
    walk: &'w mut Walk,
    declarations: &[Declaration],
    dataset: &str,
) -> &'w mut EntityReferences {
    let index = match walk.references.iter().position(|e| e.dataset == dataset) {
        Some(i) => i,
        None => {
            let row = declarations
                .iter()
                .find(|d| d.dataset == dataset)
                .map_or(0, |d| d.row);
            walk.references.push(EntityReferences {
                dataset: dataset.to_string(),
                row,
                references: Vec::new(),
            });
            walk.references.len() - 1
        }
    };
    &mut walk.references[index]
}

// ---------------------------------------------------------------------------------------------
// 3. Where each entity goes (pyxform's `get_allocation_request` and
// `allocate_entities_to_containers`, in the same order and with the same ties).

/// Where the allocation's errors go.
struct Places<'a> {
    entities: &'a Sheet,
    survey: &'a str,
    save_to: &'a str,
}

struct Request {
    scope: Path,
    dataset: String,
    requested: Path,
    row: u32,
    lineages: Vec<Path>,
}

/// The container an entity asks for, or the error when its references are in repeats that
/// cannot hold one entity.
fn request(
    places: &Places,
    declarations: &[Declaration],
    entity: &EntityReferences,
) -> Result<Request, Problem> {
    let mut deepest_scope_ref: Option<&Reference> = None;
    let mut deepest_scope: Option<Path> = None;
    let mut deepest_scope_count = 0;
    let mut deepest_container: Option<(&Reference, usize)> = None;
    let mut deepest_save_to: Option<(&Reference, usize)> = None;
    let mut lineages: Vec<Path> = Vec::new();
    let mut boundaries: Vec<(&Reference, Path)> = Vec::new();

    for reference in &entity.references {
        let subpath = reference.path.subpath_count();
        let boundary = reference.path.scope_boundary();
        let count = boundary.boundary_count();
        if deepest_scope.is_none() || count > deepest_scope_count {
            if deepest_scope.as_ref() != Some(&boundary) {
                deepest_container = Some((reference, subpath));
                if reference.property.is_some() {
                    deepest_save_to = Some((reference, subpath));
                }
            }
            deepest_scope = Some(boundary.clone());
            deepest_scope_count = count;
            deepest_scope_ref = Some(reference);
        }
        boundaries.push((reference, boundary.clone()));
        let in_deepest = deepest_scope.as_ref() == Some(&boundary);
        if deepest_container.is_none_or(|(_, n)| in_deepest && subpath > n) {
            deepest_container = Some((reference, subpath));
        }
        if reference.property.is_some() {
            if !lineages.contains(&reference.path) {
                lineages.push(reference.path.clone());
            }
            if deepest_save_to.is_none_or(|(_, n)| in_deepest && subpath > n) {
                deepest_save_to = Some((reference, subpath));
            }
        }
    }
    // Every entity in the survey's references has one at least; the survey otherwise.
    let deepest_scope = deepest_scope.unwrap_or_else(Path::survey);
    let deepest_scope_path = deepest_scope_ref.map_or_else(Path::survey, |r| r.path.clone());
    let mut requested = match (deepest_save_to, deepest_container) {
        (Some((r, _)), _) | (None, Some((r, _))) => r.path.clone(),
        (None, None) => Path::survey(),
    };
    if let Some(first) = lineages.first() {
        let min = lineages.iter().map(|p| p.0.len()).min().unwrap_or(0);
        let mut common = first.prefix(min);
        if lineages.len() > 1 {
            // As pyxform: a later position that differs again gives the longer prefix.
            for i in 0..min {
                if lineages.iter().any(|p| p.0[i] != first.0[i]) {
                    common = first.prefix(i);
                }
            }
            let boundary = deepest_save_to
                .map(|(r, _)| r.path.scope_boundary())
                .unwrap_or_else(Path::survey);
            let key = |p: &Path| (p.boundary_count(), p.subpath_count());
            requested = if key(&common) > key(&boundary) {
                common
            } else {
                boundary
            };
        } else {
            requested = common;
        }
    }
    let requested_scope = requested.scope_boundary();
    for (reference, boundary) in &boundaries {
        // The reference's scope must be the deepest scope or one of its ancestors.
        if !deepest_scope.0.starts_with(&boundary.0) {
            return Err(scope_conflict(
                places,
                declarations,
                entity,
                reference,
                &deepest_scope_path,
            ));
        }
        if reference.property.is_some() && requested_scope != *boundary {
            return Err(scope_conflict(
                places,
                declarations,
                entity,
                reference,
                &requested,
            ));
        }
    }
    Ok(Request {
        scope: deepest_scope,
        dataset: entity.dataset.clone(),
        requested,
        row: entity.row,
        lineages,
    })
}

fn scope_conflict(
    places: &Places,
    declarations: &[Declaration],
    entity: &EntityReferences,
    reference: &Reference,
    other: &Path,
) -> Problem {
    let dataset = &entity.dataset;
    let (scope, other) = (reference.path.text(), other.text());
    match (&reference.property, &reference.question) {
        (Some(_), _) => Problem::error(
            places.survey,
            Some(reference.row),
            Some(places.save_to),
            format!(
                "the entity list `{dataset}` is referred to in `{other}`, which is not \
                 compatible with this save_to in `{scope}`: the references and save_to of one \
                 entity must be in one repeat; check the list name in save_to, or copy the \
                 value into that repeat with a calculate and save that"
            ),
        ),
        (None, question) => {
            let question = question.as_deref().unwrap_or_default();
            let column = declarations
                .iter()
                .find(|d| d.dataset == *dataset)
                .and_then(|d| d.references.iter().find(|(q, _)| q == question))
                .map(|(_, h)| h.as_str());
            Problem::error(
                &places.entities.name,
                Some(entity.row),
                column,
                format!(
                    "the entity list `{dataset}` is referred to in `{other}`, which is not \
                     compatible with its reference to `${{{question}}}` in `{scope}`: the \
                     references and save_to of one entity must be in one repeat; check the \
                     references, or copy the value into that repeat with a calculate and refer \
                     to that"
                ),
            )
        }
    }
}

/// Gives every entity a container of its own, or the error for the first that finds none.
fn allocate(
    places: &Places,
    declarations: &[Declaration],
    references: &[EntityReferences],
) -> Result<(), Problem> {
    let mut scopes: Vec<(Path, Vec<Request>)> = Vec::new();
    let mut add = |request: Request| match scopes.iter_mut().find(|(s, _)| *s == request.scope) {
        Some((_, requests)) => requests.push(request),
        None => scopes.push((request.scope.clone(), vec![request])),
    };
    for entity in references {
        add(request(places, declarations, entity)?);
    }
    for d in declarations {
        if !references.iter().any(|e| e.dataset == d.dataset) {
            add(Request {
                scope: Path::survey(),
                dataset: d.dataset.clone(),
                requested: Path::survey(),
                row: d.row,
                lineages: Vec::new(),
            });
        }
    }
    let mut allocations: Vec<(Path, String)> = Vec::new();
    let mut reserved: Vec<(Path, String)> = Vec::new();
    let get = |map: &Vec<(Path, String)>, path: &Path| {
        map.iter().find(|(p, _)| p == path).map(|(_, d)| d.clone())
    };
    let set = |map: &mut Vec<(Path, String)>, path: Path, dataset: &str| match map
        .iter_mut()
        .find(|(p, _)| *p == path)
    {
        Some((_, d)) => *d = dataset.to_string(),
        None => map.push((path, dataset.to_string())),
    };
    for (scope, requests) in &mut scopes {
        let limit = scope.0.len() - 1;
        requests.sort_by_key(|r| r.row);
        for request in requests.iter() {
            let mut conflict: Option<String> = None;
            for depth in (limit + 1..=request.requested.0.len()).rev() {
                let current = request.requested.prefix(depth);
                conflict = get(&allocations, &current).or_else(|| get(&reserved, &current));
                if conflict.is_some() {
                    let by_save_to = request.lineages.first().and_then(|l| get(&reserved, l));
                    if by_save_to.is_some() {
                        conflict = by_save_to;
                        break;
                    }
                } else {
                    set(&mut allocations, current.clone(), &request.dataset);
                    set(&mut reserved, current.clone(), &request.dataset);
                    for lineage in &request.lineages {
                        for i in (current.0.len()..=lineage.0.len()).rev() {
                            set(&mut reserved, lineage.prefix(i), &request.dataset);
                        }
                    }
                    break;
                }
            }
            if let Some(other) = conflict {
                let other_row = declarations
                    .iter()
                    .find(|d| d.dataset == other)
                    .map_or(0, |d| d.row);
                let header = declarations
                    .iter()
                    .find(|d| d.dataset == request.dataset)
                    .and_then(|d| d.name_header.clone());
                return Err(Problem::error(
                    &places.entities.name,
                    Some(request.row),
                    header.as_deref(),
                    format!(
                        "the entity list `{}` has no container of its own: each container \
                         (the survey, a group, a repeat) holds one entity at most, and in \
                         `{}` the one it can go in is taken by the entity list on row \
                         {other_row}; save its properties from (or refer to) questions in a \
                         group or repeat of their own",
                        request.dataset,
                        scope.text()
                    ),
                ));
            }
        }
    }
    Ok(())
}

// ---------------------------------------------------------------------------------------------
// 4. References on the entities sheet name one survey row each.

#[cfg(test)]
mod tests {
    use super::*;
    use crate::workbook::Row;
    use xonadon_engine::Severity;

    /// A sheet from rows of `|`-separated cells, the first the header (row 1); `""` is an
    /// empty row (left out, as the workbook reader leaves it out, but counted).
    fn sheet(name: &str, lines: &[&str]) -> Sheet {
        let cells = |line: &str| line.split('|').map(|c| c.trim().to_string()).collect();
        let mut rows = Vec::new();
        for (i, line) in lines.iter().enumerate().skip(1) {
            if !line.is_empty() {
                rows.push(Row {
                    number: i as u32 + 1,
                    cells: cells(line),
                });
            }
        }
        Sheet {
            name: name.into(),
            headers: lines.first().map_or_else(Vec::new, |l| cells(l)),
            rows,
            header_row: 1,
        }
    }

    struct Case {
        name: &'static str,
        survey: &'static [&'static str],
        entities: &'static [&'static str],
        /// What is found: `E` or `W`, sheet, row, column, a part of the message.
        expect: &'static [(char, &'static str, u32, &'static str, &'static str)],
    }

    const Q1: &[&str] = &["type | name | label", "text | q1 | Q1"];
    const ACCEPTED: (char, &str, u32, &str, &str) = (
        'W',
        "entities",
        2,
        "list_name",
        "Xonadon does not create or update entities yet",
    );

    const CASES: &[Case] = &[
        Case {
            name: "a create with a label is accepted, with the warning",
            survey: &["type | name | label | save_to", "text | q1 | Q1 | p1"],
            entities: &["list_name | label", "e1 | ${q1}"],
            expect: &[ACCEPTED],
        },
        Case {
            name: "dataset is list_name's old name",
            survey: Q1,
            entities: &["dataset | label", "e1 | E1"],
            expect: &[('W', "entities", 2, "dataset", "entity list `e1`")],
        },
        Case {
            name: "an update needs no label",
            survey: Q1,
            entities: &["list_name | entity_id", "e1 | ${q1}"],
            expect: &[ACCEPTED],
        },
        Case {
            name: "repeat is a column pyxform knows",
            survey: Q1,
            entities: &["List Name | Label | repeat", "e1 | E1 | r1"],
            expect: &[('W', "entities", 2, "List Name", "entity list `e1`")],
        },
        Case {
            name: "no entities sheet, no save_to: nothing to say",
            survey: Q1,
            entities: &[],
            expect: &[],
        },
        Case {
            name: "save_to without entities: one error, at its first value",
            survey: &[
                "type | name | label | save_to",
                "text | q1 | Q1 | p1",
                "text | q2 | Q2 | p2",
            ],
            entities: &[],
            expect: &[('E', "survey", 2, "save_to", "declares no entity")],
        },
        Case {
            name: "an entities sheet with only its header declares nothing",
            survey: &["type | name | label | save_to", "text | q1 | Q1 | p1"],
            entities: &["list_name | label"],
            expect: &[('E', "survey", 2, "save_to", "declares no entity")],
        },
        Case {
            name: "save_to on a disabled or audit row is not read",
            survey: &[
                "type | name | label | save_to | disabled",
                "text | q1 | Q1 | p1 | yes",
                "audit | | | p2 |",
            ],
            entities: &[],
            expect: &[],
        },
        Case {
            name: "unknown columns: one error naming them all",
            survey: Q1,
            entities: &["list_name | label | what | why", "e1 | E1 | ! | ?"],
            expect: &[('E', "entities", 1, "what", "`what`, `why`")],
        },
        Case {
            name: "two spellings of the list name",
            survey: Q1,
            entities: &["dataset | list_name | label", "e1 | | E1"],
            expect: &[(
                'E',
                "entities",
                1,
                "list_name",
                "two names for the same column",
            )],
        },
        Case {
            name: "entity labels are not translated",
            survey: Q1,
            entities: &["list_name | label::English (en)", "e1 | E1"],
            expect: &[('E', "entities", 1, "label::English (en)", "no translations")],
        },
        Case {
            name: "list names: missing, reserved prefix, period, not an XML name",
            survey: Q1,
            entities: &[
                "list_name | label",
                " | E0",
                "__e1 | E1",
                "e.2 | E2",
                "$e3 | E3",
                "Ñe4 | E4",
            ],
            expect: &[
                ('E', "entities", 2, "list_name", "has no name"),
                ('E', "entities", 3, "list_name", "two underscores"),
                ('E', "entities", 4, "list_name", "period"),
                ('E', "entities", 5, "list_name", "`$e3` is not a valid"),
                ('E', "entities", 6, "list_name", "`Ñe4` is not a valid"),
            ],
        },
        Case {
            name: "a namespaced list name is an XML name",
            survey: Q1,
            entities: &["list_name | label", "a:b | E1"],
            expect: &[('W', "entities", 2, "list_name", "entity list `a:b`")],
        },
        Case {
            name: "an empty row between declarations",
            survey: &["type | name | label", "text | q1 | Q1", "text | q2 | Q2"],
            entities: &["list_name | label", "e1 | ${q1}", "", "e2 | ${q2}"],
            expect: &[('E', "entities", 3, "list_name", "empty row")],
        },
        Case {
            name: "a list name declared twice",
            survey: Q1,
            entities: &["list_name | label", "e1 | E1", "e1 | E2"],
            expect: &[('E', "entities", 3, "list_name", "declared on row 2 already")],
        },
        Case {
            name: "update_if without entity_id",
            survey: Q1,
            entities: &["list_name | update_if", "e1 | ${q1} != ''"],
            expect: &[('E', "entities", 2, "update_if", "no entity_id")],
        },
        Case {
            name: "create_if and entity_id without update_if",
            survey: Q1,
            entities: &[
                "list_name | create_if | entity_id",
                "e1 | ${q1} != '' | ${q1}",
            ],
            expect: &[('E', "entities", 2, "create_if", "no update_if")],
        },
        Case {
            name: "a create without a label",
            survey: Q1,
            entities: &["list_name | create_if", "e1 | ${q1} != ''"],
            expect: &[('E', "entities", 2, "list_name", "has no label")],
        },
        Case {
            name: "a malformed reference",
            survey: Q1,
            entities: &["list_name | label", "e1 | ${q1"],
            expect: &[('E', "entities", 2, "label", "a reference is `${`")],
        },
        Case {
            name: "a reference to no question",
            survey: Q1,
            entities: &["list_name | label", "e1 | ${q9}"],
            expect: &[('E', "entities", 2, "label", "no `q9`")],
        },
        Case {
            name: "a reference to a name on two rows",
            survey: &[
                "type | name | label",
                "begin_group | g1 | G1",
                "text | q1 | Q1",
                "end_group | |",
                "begin_group | g2 | G2",
                "text | q1 | Q1",
                "end_group | |",
            ],
            entities: &["list_name | label", "e1 | ${q1}"],
            expect: &[('E', "entities", 2, "label", "more than one row")],
        },
        Case {
            name: "instanceID is a name pyxform adds; `${}` is no reference",
            survey: Q1,
            entities: &["list_name | label", "e1 | ${instanceID} ${}"],
            expect: &[ACCEPTED],
        },
        Case {
            name: "save_to on group and repeat rows",
            survey: &[
                "type | name | label | save_to",
                "begin_group | g1 | G1 | p1",
                "text | q1 | Q1 |",
                "end_group | | |",
                "begin_repeat | r1 | R1 |",
                "text | q2 | Q2 |",
                "end_repeat | | | p2",
            ],
            entities: &["list_name | label", "e1 | E1"],
            expect: &[
                ('E', "survey", 2, "save_to", "a group or a repeat"),
                ('E', "survey", 7, "save_to", "a group or a repeat"),
            ],
        },
        Case {
            name: "save_to names: #, list, property",
            survey: &[
                "type | name | label | save_to",
                "text | q1 | Q1 | e1##p1",
                "text | q2 | Q2 | e9#p2",
                "text | q3 | Q3 | e1#",
                "text | q4 | Q4 | naMe",
                "text | q5 | Q5 | __p5",
                "text | q6 | Q6 | e1#$p6",
                "text | q7 | Q7 | p7",
                "text | q8 | Q8 | e1#p7",
            ],
            entities: &["list_name | label", "e1 | E1"],
            expect: &[
                ('E', "survey", 2, "save_to", "more than one `#`"),
                (
                    'E',
                    "survey",
                    3,
                    "save_to",
                    "`e9` is not on the entities sheet",
                ),
                ('E', "survey", 4, "save_to", "names no property"),
                ('E', "survey", 5, "save_to", "reserved"),
                ('E', "survey", 6, "save_to", "two underscores"),
                ('E', "survey", 7, "save_to", "`$p6` is not a valid"),
                ('E', "survey", 9, "save_to", "already saved by row 8"),
            ],
        },
        Case {
            name: "several entities: save_to names its list",
            survey: &[
                "type | name | label | save_to",
                "text | q1 | Q1 | e1#p1",
                "begin_group | g1 | G1 |",
                "text | q2 | Q2 | p2",
                "end_group | | |",
            ],
            entities: &["list_name | label", "e1 | E1", "e2 | E2"],
            expect: &[('E', "survey", 4, "save_to", "say which one")],
        },
        Case {
            name: "save_to of one entity in sibling repeats",
            survey: &[
                "type | name | label | save_to",
                "begin_repeat | r1 | R1 |",
                "text | q1 | Q1 | p1",
                "end_repeat | | |",
                "begin_repeat | r2 | R2 |",
                "text | q2 | Q2 | p2",
                "end_repeat | | |",
            ],
            entities: &["list_name | label", "e1 | E1"],
            expect: &[(
                'E',
                "survey",
                6,
                "save_to",
                "`/survey/r1`, which is not compatible",
            )],
        },
        Case {
            name: "save_to of one entity in a repeat and in a repeat inside it",
            survey: &[
                "type | name | label | save_to",
                "begin_repeat | r1 | R1 |",
                "text | q1 | Q1 | p1",
                "begin_repeat | r2 | R2 |",
                "text | q2 | Q2 | p2",
                "end_repeat | | |",
                "end_repeat | | |",
            ],
            entities: &["list_name | label", "e1 | E1"],
            expect: &[('E', "survey", 3, "save_to", "`/survey/r1/r2`")],
        },
        Case {
            name: "references of one entity in sibling repeats",
            survey: &[
                "type | name | label",
                "begin_repeat | r1 | R1",
                "text | q1 | Q1",
                "end_repeat | |",
                "begin_repeat | r2 | R2",
                "text | q2 | Q2",
                "end_repeat | |",
            ],
            entities: &["list_name | label", "e1 | concat(${q1}, ${q2})"],
            expect: &[(
                'E',
                "entities",
                2,
                "label",
                "reference to `${q2}` in `/survey/r2`",
            )],
        },
        Case {
            name: "two entities and only the survey to hold them",
            survey: Q1,
            entities: &["list_name | label", "e1 | E1", "e2 | ${q1}"],
            expect: &[(
                'E',
                "entities",
                3,
                "list_name",
                "taken by the entity list on row 2",
            )],
        },
        Case {
            name: "two entities, each in a repeat of its own",
            survey: &[
                "type | name | label | save_to",
                "begin_repeat | r1 | R1 |",
                "text | q1 | Q1 | e1#p1",
                "end_repeat | | |",
                "begin_repeat | r2 | R2 |",
                "text | q2 | Q2 | e2#p1",
                "end_repeat | | |",
            ],
            entities: &["list_name | label", "e1 | E1", "e2 | E2"],
            expect: &[('W', "entities", 2, "list_name", "entity lists `e1`, `e2`")],
        },
        Case {
            name: "four entities in nested groups of one repeat (pyxform's many competing)",
            survey: &[
                "type | name | label | save_to",
                "begin_repeat | r1 | R1 |",
                "begin_group | g1 | G1 |",
                "text | q1 | Q1 |",
                "begin_repeat | r2 | R2 |",
                "begin_group | g2 | G2 |",
                "text | q2 | Q2 | e1#e1p1",
                "begin_group | g3 | G3 |",
                "begin_group | g4 | G4 |",
                "text | q3 | Q3 |",
                "text | q4 | Q4 | e2#e2p1",
                "end_group | | |",
                "end_group | | |",
                "end_group | | |",
                "end_repeat | | |",
                "end_group | | |",
                "end_repeat | | |",
            ],
            entities: &[
                "list_name | label | create_if",
                "e1 | concat(${q1}, ${q2}, ${q3}) | ${q1} = ''",
                "e2 | concat(${q1}, ${q2}, ${q3}) |",
                "e3 | concat(${q1}, ${q2}, ${q3}) |",
                "e4 | concat(${q1}, ${q2}, ${q3}) |",
            ],
            expect: &[('W', "entities", 2, "list_name", "`e1`, `e2`, `e3`, `e4`")],
        },
        Case {
            name: "two entities whose save_to share the groups of one repeat",
            survey: &[
                "type | name | label | save_to",
                "begin_repeat | r1 | R1 |",
                "text | q1 | Q1 | e1#e1p1",
                "begin_group | g1 | G1 |",
                "begin_group | g2 | G2 |",
                "text | q2 | Q2 | e1#e1p2",
                "end_group | | |",
                "begin_group | g3 | G3 |",
                "text | q3 | Q3 | e2#e2p1",
                "end_group | | |",
                "begin_group | g4 | G4 |",
                "text | q4 | Q4 | e2#e2p2",
                "end_group | | |",
                "end_group | | |",
                "end_repeat | | |",
            ],
            entities: &["list_name | label", "e1 | E1", "e2 | E2"],
            expect: &[('E', "entities", 3, "list_name", "in `/survey/r1` the one")],
        },
    ];

    fn found(case: &Case, settings: Option<&Sheet>) -> Vec<Problem> {
        let survey = sheet("survey", case.survey);
        let entities = sheet("entities", case.entities);
        let table = Table::new(&survey);
        let mut problems = Vec::new();
        check(
            (!case.entities.is_empty()).then_some(&entities),
            settings,
            &table,
            &mut problems,
        );
        problems
    }

    #[test]
    fn cases() {
        for case in CASES {
            let problems = found(case, None);
            let shown: Vec<String> = problems.iter().map(|p| p.to_string()).collect();
            assert_eq!(
                problems.len(),
                case.expect.len(),
                "{}: {shown:#?}",
                case.name
            );
            for (p, (severity, sheet, row, column, part)) in problems.iter().zip(case.expect) {
                let severity = match severity {
                    'E' => Severity::Error,
                    _ => Severity::Warning,
                };
                assert_eq!(
                    (p.severity, p.sheet.as_str(), p.row, p.column.as_deref()),
                    (severity, *sheet, Some(*row), Some(*column)),
                    "{}: {shown:#?}",
                    case.name
                );
                assert!(
                    p.message.contains(part),
                    "{}: `{part}` not in {shown:#?}",
                    case.name
                );
            }
        }
    }

    #[test]
    fn omitting_the_instance_id_takes_its_name_away() {
        let case = Case {
            name: "omit_instanceID",
            survey: Q1,
            entities: &["list_name | label", "e1 | ${instanceID}"],
            expect: &[],
        };
        let settings = sheet("settings", &["omit_instanceID", "yes"]);
        let problems = found(&case, Some(&settings));
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert_eq!(problems[0].severity, Severity::Error);
        assert!(problems[0].message.contains("no `instanceID`"));
        assert_eq!(found(&case, None)[0].severity, Severity::Warning);
    }

    #[test]
    fn references_and_names() {
        assert_eq!(
            parse_references("${a} ${last-saved#b} ${}"),
            Ok(vec!["a", "b"])
        );
        assert_eq!(parse_references("${a"), Err(()));
        assert_eq!(parse_references("${a b}"), Err(()));
        assert_eq!(parse_references("$a"), Ok(vec![]));
        assert!(is_xml_tag("a:b") && is_xml_tag("_x-1.2") && is_xml_tag("Øx"));
        assert!(!is_xml_tag("1a") && !is_xml_tag("a:b:c") && !is_xml_tag("Àx"));
    }
}
