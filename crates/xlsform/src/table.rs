//! A sheet read through its headers: the value of a column in a row, and translated texts
//! gathered from their language columns.

use std::collections::{BTreeMap, BTreeSet};

use xonadon_engine::definition::{MediaDef, Text};

use crate::columns::{is_tagged, language_part, sheet_columns, Column, Key};
use crate::workbook::{Row, Sheet};
use crate::Problem;

pub struct Table<'a> {
    pub sheet: &'a Sheet,
    /// Column index → what it is.
    pub columns: Vec<Column>,
}

impl<'a> Table<'a> {
    pub fn new(sheet: &'a Sheet) -> Self {
        Table {
            sheet,
            columns: sheet_columns(&sheet.headers),
        }
    }

    /// The survey sheet, with the headers pyxform reads only there: `tag` for `name` and
    /// `command` for `type` (on the choices sheet a `tag` column is a choice's property).
    pub fn survey(sheet: &'a Sheet) -> Self {
        let mut table = Table::new(sheet);
        for (i, header) in sheet.headers.iter().enumerate() {
            let key = match header.trim().to_ascii_lowercase().as_str() {
                "tag" => Key::Name,
                "command" => Key::Type,
                _ => continue,
            };
            table.columns[i] = Column::Known(key, None);
        }
        table
    }

    /// The header text of `key`'s (untranslated) column, as the workbook spells it.
    pub fn header(&self, key: Key) -> Option<&str> {
        self.index(key, None)
            .map(|i| self.sheet.headers[i].as_str())
    }

    pub fn has(&self, key: Key) -> bool {
        self.columns
            .iter()
            .any(|c| matches!(c, Column::Known(k, _) if *k == key))
    }

    fn index(&self, key: Key, language: Option<&str>) -> Option<usize> {
        self.columns
            .iter()
            .position(|c| matches!(c, Column::Known(k, l) if *k == key && l.as_deref() == language))
    }

    /// The non-empty value of `key` (its untranslated column) in `row`.
    pub fn get<'r>(&self, row: &'r Row, key: Key) -> Option<&'r str> {
        let value = row.cell(self.index(key, None)?);
        (!value.is_empty()).then_some(value)
    }

    /// The media columns of `row` (file names), if any. A media column without a language is
    /// the same file in every language (a plain text), unless the sheet has that column in
    /// languages too.
    pub fn media(&self, row: &Row, plain_language: Option<&str>) -> Option<MediaDef> {
        let file = |key: Key| {
            let translated = self
                .columns
                .iter()
                .any(|c| matches!(c, Column::Known(k, Some(_)) if *k == key));
            let language = plain_language.filter(|_| translated);
            self.text(row, key, language)
        };
        let media = MediaDef {
            image: file(Key::Image),
            big_image: file(Key::BigImage),
            audio: file(Key::Audio),
            video: file(Key::Video),
        };
        (media != MediaDef::default()).then_some(media)
    }

    /// Two headers that are names of one column (`name` and `value`, `relevant` and
    /// `relevance`): pyxform refuses the sheet, as a row could say two things.
    pub fn aliased_columns(&self, problems: &mut Vec<Problem>) {
        for (i, c) in self.columns.iter().enumerate() {
            let Column::Known(..) = c else { continue };
            if let Some(first) = self.columns[..i].iter().position(|d| d == c) {
                problems.push(Problem::error(
                    &self.sheet.name,
                    Some(1),
                    Some(&self.sheet.headers[i]),
                    format!(
                        "the headers `{}` and `{}` name the same column: rename or remove one",
                        self.sheet.headers[first], self.sheet.headers[i]
                    ),
                ));
            }
        }
    }

    /// Whether a column of one of `keys` is headed with a language other than `default`
    /// (pyxform's name for the untranslated one): the sheet is translated, as pyxform's
    /// `Translations::seen_default_only` tells it, from the headers alone.
    pub fn translated(&self, keys: &[Key]) -> bool {
        self.columns
            .iter()
            .any(|c| matches!(c, Column::Known(k, Some(l)) if keys.contains(k) && l != "default"))
    }

    /// Languages of the translated columns.
    pub fn languages(&self) -> BTreeSet<String> {
        self.columns
            .iter()
            .filter_map(|c| match c {
                Column::Known(_, Some(l)) => Some(l.clone()),
                _ => None,
            })
            .collect()
    }

    /// The text of `key` in `row`: a plain string in a form without translations, else a map
    /// from language to text, the untranslated column counting as `plain_language`.
    pub fn text(&self, row: &Row, key: Key, plain_language: Option<&str>) -> Option<Text> {
        let Some(plain_language) = plain_language else {
            return self.get(row, key).map(|s| Text::Plain(s.to_string()));
        };
        let mut map = BTreeMap::new();
        for (i, c) in self.columns.iter().enumerate() {
            if let Column::Known(k, language) = c {
                let value = row.cell(i);
                if *k == key && !value.is_empty() {
                    let language = language.as_deref().unwrap_or(plain_language);
                    map.entry(language.to_string())
                        .or_insert_with(|| value.to_string());
                }
            }
        }
        (!map.is_empty()).then_some(Text::Translated(map))
    }

    /// The language of the first of `keys` (in that order) that has a translated text in
    /// `row`, columns read left to right.
    pub fn first_language(&self, row: &Row, keys: &[Key]) -> Option<String> {
        keys.iter().find_map(|key| {
            self.columns.iter().enumerate().find_map(|(i, c)| match c {
                Column::Known(k, Some(language)) if k == key && !row.cell(i).is_empty() => {
                    Some(language.clone())
                }
                _ => None,
            })
        })
    }

    /// Columns Xonadon does not use that hold something: one warning per column.
    pub fn unused_columns(&self, problems: &mut Vec<Problem>, what: &str) {
        for (i, c) in self.columns.iter().enumerate() {
            let used = self.sheet.rows.iter().any(|r| !r.cell(i).is_empty());
            if *c == Column::Unsupported && used {
                problems.push(Problem::warning(
                    &self.sheet.name,
                    Some(self.sheet.header_row),
                    Some(&self.sheet.headers[i]),
                    format!("Xonadon does not use this column {what}; its values are left out"),
                ));
            }
        }
    }

    /// Languages named without a code (`label::Karakalpak`): kept by name, with a warning.
    pub fn untagged_languages(&self, problems: &mut Vec<Problem>) {
        let mut warned = BTreeSet::new();
        let double_colon = self.sheet.headers.iter().any(|h| h.contains("::"));
        for (i, c) in self.columns.iter().enumerate() {
            let header = &self.sheet.headers[i];
            let raw = language_part(header, double_colon);
            if let (Column::Known(_, Some(tag)), Some(raw)) = (c, raw) {
                if !is_tagged(raw) && warned.insert(tag.clone()) {
                    problems.push(Problem::warning(
                        &self.sheet.name,
                        Some(self.sheet.header_row),
                        Some(header),
                        format!(
                            "the language `{raw}` has no code: it is kept as `{tag}`; write                              it as `{raw} (xx)` with its BCP-47 code, e.g. `English (en)`"
                        ),
                    ));
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {}
