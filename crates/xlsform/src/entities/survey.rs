//! Step 2: the survey, its containers, `save_to`, and the rows the declarations refer to.

use super::sheet::*;
use crate::columns::Key;
use crate::table::Table;
use crate::types::{row_type, Container, RowType};
use crate::Problem;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Kind {
    Survey,
    Group,
    Repeat,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Node {
    pub(super) name: String,
    pub(super) kind: Kind,
}

/// A container and its ancestors, the survey first (pyxform's `ContainerPath`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Path(pub(super) Vec<Node>);

impl Path {
    pub(super) fn survey() -> Path {
        Path(vec![Node {
            name: "survey".into(),
            kind: Kind::Survey,
        }])
    }

    pub(super) fn prefix(&self, len: usize) -> Path {
        Path(self.0[..len].to_vec())
    }

    /// The nearest repeat (or the survey) this path is in, itself included.
    pub(super) fn scope_boundary(&self) -> Path {
        (0..self.0.len())
            .rev()
            .find(|&i| matches!(self.0[i].kind, Kind::Repeat | Kind::Survey))
            .map_or_else(Path::survey, |i| self.prefix(i + 1))
    }

    /// How many repeats the path goes through.
    pub(super) fn boundary_count(&self) -> usize {
        self.0[1..]
            .iter()
            .filter(|n| n.kind == Kind::Repeat)
            .count()
    }

    /// How many groups lie between the path's end and its scope boundary.
    pub(super) fn subpath_count(&self) -> usize {
        self.0
            .iter()
            .rev()
            .take_while(|n| !matches!(n.kind, Kind::Repeat | Kind::Survey))
            .count()
    }

    pub(super) fn text(&self) -> String {
        let names: Vec<&str> = self.0.iter().map(|n| n.name.as_str()).collect();
        format!("/{}", names.join("/"))
    }
}

/// A survey row that links to an entity: by `save_to` (a property) or because the
/// declaration refers to it (a question).
#[derive(Debug, Clone)]
pub(super) struct Reference {
    /// The container the row is in.
    pub(super) path: Path,
    pub(super) row: u32,
    pub(super) property: Option<String>,
    pub(super) question: Option<String>,
}

#[derive(Debug)]
pub(super) struct EntityReferences {
    pub(super) dataset: String,
    pub(super) row: u32,
    pub(super) references: Vec<Reference>,
}

pub(super) struct Walk {
    /// By entity, in the order the survey first refers to them.
    pub(super) references: Vec<EntityReferences>,
}

/// The survey row by row as pyxform walks it; `None` when the survey has no `save_to` and
/// there are no declarations (nothing to check).
pub(super) fn walk_survey(
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
pub(super) fn property<'a>(
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

pub(super) fn entity_references<'w>(
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
