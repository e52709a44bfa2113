//! The CSV files supplied beside the form, named by `select_one_from_file` rows and by
//! `pulldata('LIST', …)` calls: each becomes a choice list of the form (`name` and `label`
//! columns, the others properties that `choice_filter` and `pulldata` read), which is what
//! ODK does with them.

use std::collections::BTreeMap;

use xonadon_engine::definition::{ChoiceDef, Text};

use crate::columns::{sheet_columns, Column, Key};
use crate::survey::file_list_name;
use crate::table::Table;
use crate::Problem;

/// A file supplied with the form: its name and bytes.
pub type Attachment = (String, Vec<u8>);

/// The attachment named `file` (exactly, or else ignoring case: names travel through
/// systems that change it).
pub fn find<'a>(attachments: &'a [Attachment], file: &str) -> Option<&'a Attachment> {
    attachments
        .iter()
        .find(|(name, _)| name == file)
        .or_else(|| {
            attachments
                .iter()
                .find(|(name, _)| name.eq_ignore_ascii_case(file))
        })
}

/// A CSV file as a table: headers and rows of cells (trimmed).
pub struct Csv {
    pub headers: Vec<String>,
    pub rows: Vec<Vec<String>>,
}

impl Csv {
    pub fn read(file: &str, bytes: &[u8]) -> Result<Csv, String> {
        // A byte-order mark skipped, rows of any length: as spreadsheets save them.
        let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
        let mut reader = csv::ReaderBuilder::new().flexible(true).from_reader(bytes);
        let headers = reader
            .headers()
            .map_err(|e| format!("{file}: not a CSV file: {e}"))?
            .iter()
            .map(|h| h.trim().to_string())
            .collect();
        let mut rows = Vec::new();
        for (i, record) in reader.records().enumerate() {
            if i == crate::choice_files::MAX_ROWS {
                return Err(crate::choice_files::too_long(file));
            }
            let record = record.map_err(|e| format!("{file}, line {}: {e}", i + 2))?;
            rows.push(record.iter().map(|c| c.trim().to_string()).collect());
        }
        Ok(Csv { headers, rows })
    }

    /// The header that `column` names (ignoring case, as Collect does).
    pub fn column(&self, file: &str, column: &str) -> Result<usize, String> {
        self.headers
            .iter()
            .position(|h| h.eq_ignore_ascii_case(column))
            .ok_or_else(|| {
                format!(
                    "`{file}` has no column `{column}` (its columns: {})",
                    self.headers.join(", ")
                )
            })
    }

    pub fn cell(&self, row: usize, column: usize) -> &str {
        self.rows[row].get(column).map_or("", String::as_str)
    }
}

/// The choices in a CSV file; the error says what is wrong, with the line. `need_name`: a
/// `name` column is required (a select's file); without it (a `pulldata` table keyed by
/// another column) rows are named by their number.
pub fn choices(file: &str, bytes: &[u8], need_name: bool) -> Result<Vec<ChoiceDef>, String> {
    let table = Csv::read(file, bytes)?;
    let headers = &table.headers;
    let columns = sheet_columns(headers);
    let name_at = columns
        .iter()
        .position(|c| *c == Column::Known(Key::Name, None));
    if name_at.is_none() && need_name {
        return Err(format!(
            "{file}: no `name` column (its columns: {})",
            headers.join(", ")
        ));
    }
    let mut out = Vec::new();
    for i in 0..table.rows.len() {
        let cell = |at: usize| table.cell(i, at);
        let number = (i + 1).to_string();
        let name = match name_at {
            Some(at) => cell(at),
            None => number.as_str(),
        };
        if name.is_empty() {
            continue;
        }
        let mut plain = None;
        let mut translated = BTreeMap::new();
        let mut properties = BTreeMap::new();
        for (at, c) in columns.iter().enumerate() {
            let value = cell(at);
            if value.is_empty() || Some(at) == name_at {
                continue;
            }
            match c {
                Column::Known(Key::Label, None) => plain = Some(value.to_string()),
                Column::Known(Key::Label, Some(language)) => {
                    translated.insert(language.clone(), value.to_string());
                }
                _ => {
                    properties.insert(headers[at].clone(), value.to_string());
                }
            }
        }
        let label = if translated.is_empty() {
            plain.map(Text::Plain)
        } else {
            Some(Text::Translated(translated))
        };
        out.push(ChoiceDef {
            media: None,
            name: name.to_string(),
            label,
            properties,
        });
    }
    Ok(out)
}

/// The choices of a `select_one_from_file` file, by its kind (ODK tells them by extension).
fn file_choices(file: &str, bytes: &[u8]) -> Result<Vec<ChoiceDef>, String> {
    let lower = file.to_ascii_lowercase();
    if lower.ends_with(".xml") {
        crate::choice_files::xml(file, bytes)
    } else if lower.ends_with(".geojson") {
        crate::choice_files::geojson(file, bytes)
    } else {
        choices(file, bytes, true)
    }
}

/// A warning at the row naming `file` when its list is long enough to slow a tablet.
fn warn_if_long(survey: &Table, row: u32, file: &str, rows: usize, problems: &mut Vec<Problem>) {
    if rows >= crate::choice_files::LONG_LIST {
        problems.push(Problem::warning(
            &survey.sheet.name,
            Some(row),
            survey.header(Key::Type),
            crate::choice_files::long_list(file, rows),
        ));
    }
}

/// The files of `select_one_from_file` rows (CSV, XML or GeoJSON) (`files`: file and the row naming it), each
/// brought in as the list named after it; an unreadable file, or a name the choices sheet has
/// already, is an error on that row; a missing one a warning (an empty list until supplied).
pub fn bring_in_select_files(
    survey: &Table,
    files: &[(String, u32)],
    attachments: &[Attachment],
    lists: &mut BTreeMap<String, Vec<ChoiceDef>>,
    problems: &mut Vec<Problem>,
) {
    for (csv, row) in files {
        let list = file_list_name(csv);
        let at = |message: String| {
            Problem::error(
                &survey.sheet.name,
                Some(*row),
                survey.header(Key::Type),
                message,
            )
        };
        if lists.contains_key(&list) {
            problems.push(at(format!(
                "the choices of `{csv}` would be the list `{list}`, which the choices sheet has \
                 already: rename the file or the list"
            )));
            continue;
        }
        match find(attachments, csv) {
            // ODK loads such a form with an empty list (the file is attached on the server):
            // a warning, so the designer can add the file later.
            None => {
                problems.push(Problem::warning(
                    &survey.sheet.name,
                    Some(*row),
                    survey.header(Key::Type),
                    format!(
                        "the choices file `{csv}` is not supplied: until it is, the question \
                         has no choices; put it beside the form (in the designer, drop it \
                         together with the workbook)"
                    ),
                ));
                lists.insert(list, Vec::new());
            }
            Some((_, bytes)) => match file_choices(csv, bytes) {
                Ok(list_choices) => {
                    warn_if_long(survey, *row, csv, list_choices.len(), problems);
                    lists.insert(list, list_choices);
                }
                Err(message) => problems.push(at(message)),
            },
        }
    }
}

/// The files of `csv-external` / `xml-external` rows (`files`: file and row), each brought in
/// as the list named after it, which `pulldata` and `instance('NAME')` read. A missing one is
/// a warning (ODK loads the form; the data is empty until the file is attached).
pub fn bring_in_external_files(
    survey: &Table,
    files: &[(String, u32)],
    select_files: &[(String, u32)],
    attachments: &[Attachment],
    lists: &mut BTreeMap<String, Vec<ChoiceDef>>,
    problems: &mut Vec<Problem>,
) {
    let (sheet, header) = (&survey.sheet.name, survey.header(Key::Type));
    for (file, row) in files {
        let list = file_list_name(file);
        // The same file a select takes its choices from: one instance, already read.
        if select_files.iter().any(|(f, _)| f == file) {
            continue;
        }
        if lists.contains_key(&list) {
            problems.push(Problem::error(
                sheet,
                Some(*row),
                header,
                format!(
                    "the data of `{file}` would be the list `{list}`, which the choices sheet \
                     has already: rename the row or the list"
                ),
            ));
            continue;
        }
        let read = match find(attachments, file) {
            None => {
                problems.push(Problem::warning(
                    sheet,
                    Some(*row),
                    header,
                    format!(
                        "the data file `{file}` is not supplied: until it is, what the form \
                         reads from it is empty; put it beside the form (in the designer, \
                         drop it together with the workbook)"
                    ),
                ));
                Ok(Vec::new())
            }
            Some((_, bytes)) if file.ends_with(".xml") => crate::choice_files::xml(file, bytes),
            Some((_, bytes)) => choices(file, bytes, false),
        };
        match read {
            Ok(rows) => {
                warn_if_long(survey, *row, file, rows.len(), problems);
                lists.insert(list, rows);
            }
            Err(message) => problems.push(Problem::error(sheet, Some(*row), header, message)),
        }
    }
}

/// `pulldata('LIST', …)` in any expression reads the file LIST.csv: brought in as the list
/// LIST (rows numbered when it has no `name` column); a missing file is a warning at the cell.
/// So does `instance('LIST')/root/item…`, when the file is supplied.
pub fn bring_in_pulldata_files(
    survey: &Table,
    externals: &[(String, u32)],
    attachments: &[Attachment],
    lists: &mut BTreeMap<String, Vec<ChoiceDef>>,
    problems: &mut Vec<Problem>,
) {
    let sheet = survey.sheet;
    for row in &sheet.rows {
        for (i, c) in survey.columns.iter().enumerate() {
            let expression = matches!(c, Column::Known(k, None)
                if !matches!(k, Key::Type | Key::Name | Key::ListName | Key::Appearance | Key::Parameters));
            if !expression {
                continue;
            }
            // `instance('LIST')/root/item…` reads LIST.csv too when it is supplied; when it is
            // not, the engine's check names the list the form lacks.
            for list in xonadon_engine::expr::instance_lists(row.cell(i)) {
                let csv = format!("{list}.csv");
                if lists.contains_key(&list) {
                    continue;
                }
                if let Some((_, bytes)) = find(attachments, &csv) {
                    match choices(&csv, bytes, false) {
                        Ok(table) => {
                            lists.insert(list, table);
                        }
                        Err(message) => problems.push(Problem::error(
                            &sheet.name,
                            Some(row.number),
                            Some(&sheet.headers[i]),
                            message,
                        )),
                    }
                }
            }
            for list in xonadon_engine::expr::pulldata_lists(row.cell(i)) {
                // pulldata reads LIST.csv; an xml-external LIST is another file under the
                // same instance name (pyxform refuses the form).
                let xml = format!("{list}.xml");
                if let Some((_, at)) = externals.iter().find(|(f, _)| *f == xml) {
                    problems.push(Problem::error(
                        &sheet.name,
                        Some(row.number),
                        Some(&sheet.headers[i]),
                        format!(
                            "pulldata('{list}', …) reads {list}.csv, but `{list}` is the \
                             xml-external of row {at} (another file): rename one of them"
                        ),
                    ));
                    continue;
                }
                if lists.contains_key(&list) {
                    continue;
                }
                let csv = format!("{list}.csv");
                let at = |message| {
                    Problem::error(
                        &sheet.name,
                        Some(row.number),
                        Some(&sheet.headers[i]),
                        message,
                    )
                };
                match find(attachments, &csv) {
                    // As ODK: pulldata from a file not attached gives ''. A warning, once.
                    None => {
                        problems.push(Problem::warning(
                            &sheet.name,
                            Some(row.number),
                            Some(&sheet.headers[i]),
                            format!(
                                "pulldata reads `{csv}`, which is not supplied: until it is, \
                                 pulldata gives ''; put it beside the form (in the designer, \
                                 drop it together with the workbook)"
                            ),
                        ));
                        lists.insert(list, Vec::new());
                    }
                    Some((_, bytes)) => match choices(&csv, bytes, false) {
                        Ok(table) => {
                            lists.insert(list, table);
                        }
                        Err(message) => problems.push(at(message)),
                    },
                }
            }
        }
    }
}

/// Media columns name files supplied with the form: one that is not is a warning at its cell
/// (the form works; the picture or sound is missing until it is supplied).
pub fn check_media(tables: &[&Table], attachments: &[Attachment], problems: &mut Vec<Problem>) {
    for table in tables {
        let sheet = table.sheet;
        for row in &sheet.rows {
            for (i, c) in table.columns.iter().enumerate() {
                let media = matches!(
                    c,
                    Column::Known(Key::Image | Key::BigImage | Key::Audio | Key::Video, _)
                );
                let file = row.cell(i);
                if media && !file.is_empty() && find(attachments, file).is_none() {
                    problems.push(Problem::warning(
                        &sheet.name,
                        Some(row.number),
                        Some(&sheet.headers[i]),
                        format!(
                            "the media file `{file}` is not supplied: put it beside the form (in \
                             the designer, drop it together with the workbook); until then \
                             nothing shows there"
                        ),
                    ));
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_become_choices() {
        let csv = "\u{feff}name,label,region\nchilonzor,Chilonzor,tashkent\n,skipped,x\nxiva,\"Xiva, shahar\",khorezm\n";
        let list = choices("districts.csv", csv.as_bytes(), true).unwrap();
        assert_eq!(list.len(), 2);
        assert_eq!(list[1].name, "xiva");
        assert_eq!(list[1].label, Some(Text::Plain("Xiva, shahar".into())));
        assert_eq!(list[1].properties["region"], "khorezm");
        let err = choices("bad.csv", b"label,region\nA,b\n", true).unwrap_err();
        assert!(err.contains("no `name` column"), "{err}");
        // A pulldata table may have no `name`: rows are numbered.
        let table = choices("prices.csv", b"item,price\nbread,4000\n", false).unwrap();
        assert_eq!(table[0].name, "1");
        assert_eq!(table[0].properties["price"], "4000");
    }

    #[test]
    fn translated_labels() {
        let csv = "name,label::English (en),label::Русский (ru)\na,Apple,Яблоко\n";
        let list = choices("f.csv", csv.as_bytes(), true).unwrap();
        let Some(Text::Translated(map)) = &list[0].label else {
            panic!("{list:?}")
        };
        assert_eq!(map["ru"], "Яблоко");
    }
}
