//! The choices sheet: lists of choices, with the extra columns `choice_filter` reads.

use std::collections::BTreeMap;

use xonadon_engine::definition::ChoiceDef;

use crate::columns::{Column, Key};
use crate::table::Table;
use crate::Problem;

/// A column that is a choice property: any but list_name, name and label (a property may be
/// called `count` or `default`, which are survey columns).
fn is_property(c: &Column) -> bool {
    match c {
        Column::Other(_) => true,
        Column::Known(k, None) => !matches!(k, Key::ListName | Key::Name | Key::Label),
        _ => false,
    }
}

pub struct Choices {
    pub lists: BTreeMap<String, Vec<ChoiceDef>>,
    /// (list, index in the list) → row, for the engine's findings.
    pub rows: BTreeMap<(String, usize), u32>,
}

/// `allow_duplicates`: the settings sheet's `allow_choice_duplicates` (duplicates are then
/// warnings, as in pyxform).
pub fn read(
    table: &Table,
    plain_language: Option<&str>,
    allow_duplicates: bool,
    problems: &mut Vec<Problem>,
) -> Choices {
    let sheet = &table.sheet.name;
    let mut out = Choices {
        lists: BTreeMap::new(),
        rows: BTreeMap::new(),
    };
    let mut seen: BTreeMap<(String, String), u32> = BTreeMap::new();
    for row in &table.sheet.rows {
        let Some(list) = table.get(row, Key::ListName) else {
            problems.push(Problem::warning(
                sheet,
                Some(row.number),
                table.header(Key::ListName),
                "no list_name: the choice is left out".into(),
            ));
            continue;
        };
        let Some(name) = table.get(row, Key::Name) else {
            problems.push(Problem::error(
                sheet,
                Some(row.number),
                table.header(Key::Name),
                format!("a choice of `{list}` without a name: it is left out"),
            ));
            continue;
        };
        let key = (list.to_string(), name.to_string());
        if let Some(first) = seen.get(&key) {
            let message = format!(
                "the list `{list}` has the choice `{name}` twice (rows {first} and {})",
                row.number
            );
            if allow_duplicates {
                problems.push(Problem::warning(
                    sheet,
                    Some(row.number),
                    table.header(Key::Name),
                    message,
                ));
            } else {
                problems.push(Problem::error(
                    sheet,
                    Some(row.number),
                    table.header(Key::Name),
                    format!("{message}; names in a list must be unique (or set allow_choice_duplicates)"),
                ));
                continue;
            }
        }
        seen.insert(key, row.number);
        let properties = table
            .columns
            .iter()
            .enumerate()
            .filter(|(i, c)| !row.cell(*i).is_empty() && is_property(c))
            .map(|(i, _)| (table.sheet.headers[i].clone(), row.cell(i).to_string()))
            .collect();
        let choices = out.lists.entry(list.to_string()).or_default();
        out.rows
            .insert((list.to_string(), choices.len()), row.number);
        choices.push(ChoiceDef {
            name: name.to_string(),
            label: table.text(row, Key::Label, plain_language),
            media: table.media(row, plain_language),
            properties,
        });
    }
    out
}
