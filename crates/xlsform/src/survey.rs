//! The survey sheet: flat rows framed by `begin`/`end` → the engine's nested elements.

use std::collections::BTreeMap;

use xonadon_engine::definition::{BoolOrExpr, Cell, ChoiceDef, ElementDef, Text};

use crate::columns::Key;
use crate::table::Table;
use crate::types::{row_type, Container, RowType};
use crate::workbook::Row;
use crate::Problem;

/// The survey as elements, and where each came from.
pub struct Survey {
    pub elements: Vec<ElementDef>,
    /// Element → its row, by the element's JSON path (`$.survey[2].children[0]`, as the
    /// engine's findings name it; names repeat in different groups, paths do not).
    pub rows: BTreeMap<String, u32>,
    /// Lists of `or_other` selects: they gain an `other` choice.
    pub or_other_lists: Vec<String>,
    /// The first `or_other` select's row (where the warning about translations goes).
    pub first_or_other: Option<u32>,
    /// Choices files of `select_one_from_file` rows: (file, the row that first names it).
    pub files: Vec<(String, u32)>,
    /// `begin loop over LIST` groups (their JSON path and LIST): their children are the
    /// template that [`expand_loops`] repeats once per choice.
    pub loops: Vec<(String, String)>,
    /// Files of `csv-external` / `xml-external` rows (`NAME.csv`, `NAME.xml`) and their rows:
    /// data the expressions read, not questions.
    pub externals: Vec<(String, u32)>,
}

/// A group or repeat being filled.
struct Open {
    element: ElementDef,
    container: Container,
    row: u32,
    /// Its JSON path.
    path: String,
    /// The names of its children so far, with their rows (names are unique among siblings).
    names: BTreeMap<String, u32>,
}

/// `languages`: every language of the form (empty when it has no translations).
pub fn read(
    table: &Table,
    plain_language: Option<&str>,
    languages: &[String],
    problems: &mut Vec<Problem>,
) -> Survey {
    let sheet = &table.sheet.name;
    let mut survey = Survey {
        elements: Vec::new(),
        rows: BTreeMap::new(),
        or_other_lists: Vec::new(),
        first_or_other: None,
        files: Vec::new(),
        externals: Vec::new(),
        loops: Vec::new(),
    };
    let mut open: Vec<Open> = Vec::new();
    // The survey's own top-level names (an open container keeps its own).
    let mut top_names: BTreeMap<String, u32> = BTreeMap::new();
    let type_header = table.header(Key::Type).unwrap_or("type").to_string();
    let name_header = table.header(Key::Name).unwrap_or("name").to_string();
    for row in &table.sheet.rows {
        let at = |column: &str, message: String| {
            Problem::error(sheet, Some(row.number), Some(column), message)
        };
        let Some(type_cell) = table.get(row, Key::Type) else {
            problems.push(Problem::warning(
                sheet,
                Some(row.number),
                Some(&type_header),
                "no type: the row is left out".into(),
            ));
            continue;
        };
        let kind = row_type(type_cell);
        let mut name = table.get(row, Key::Name).map(str::to_string);
        // pyxform names the audit log itself, and only so.
        if kind == RowType::Question("audit") {
            match name.as_deref() {
                None => name = Some("audit".into()),
                Some("audit") => {}
                Some(other) => problems.push(at(
                    &name_header,
                    format!(
                        "an audit is always named `audit`, not `{other}`: leave the name blank"
                    ),
                )),
            }
        }
        match kind {
            RowType::End(container) => {
                match open.pop() {
                    Some(o) if o.container == container => add(&mut open, &mut survey, o.element),
                    Some(o) => {
                        problems.push(at(
                            &type_header,
                            format!(
                                "`{type_cell}` but the {} `{}` begun at row {} is still open; \
                                 it is closed here",
                                o.container.word(),
                                o.element.name,
                                o.row
                            ),
                        ));
                        add(&mut open, &mut survey, o.element);
                    }
                    None => problems.push(at(
                        &type_header,
                        format!("`{type_cell}` closes nothing: no group or repeat is open"),
                    )),
                }
                continue;
            }
            RowType::Unknown => {
                problems.push(at(
                    &type_header,
                    format!("unknown type `{type_cell}`: the row is left out"),
                ));
                continue;
            }
            RowType::Invalid(why) => {
                problems.push(at(
                    &type_header,
                    format!("`{type_cell}`: {why}; the row is left out"),
                ));
                continue;
            }
            _ => {}
        }
        let Some(name) = name else {
            problems.push(at(
                &name_header,
                format!("a `{type_cell}` needs a name: the row is left out"),
            ));
            continue;
        };
        let within = open.last().map_or("the survey".to_string(), |o| {
            format!("`{}`", o.element.name)
        });
        let siblings = open.last_mut().map_or(&mut top_names, |o| &mut o.names);
        if let Some(first) = siblings.get(&name) {
            problems.push(at(
                &name_header,
                format!(
                    "the name `{name}` is already used at row {first}: names must be unique \
                     within {within} (the same name may stand in another group)"
                ),
            ));
        } else {
            siblings.insert(name.clone(), row.number);
        }
        let path = next_path(&open, &survey);
        survey.rows.entry(path.clone()).or_insert(row.number);
        if kind == RowType::External {
            let extension = if type_cell.trim().to_ascii_lowercase().starts_with("csv") {
                "csv"
            } else {
                "xml"
            };
            if name == "__last-saved" && reads_last_saved(table) {
                problems.push(at(
                    &name_header,
                    "`__last-saved` is the name ODK gives the last saved form, which \
                     ${last-saved#…} reads: rename this row"
                        .into(),
                ));
            }
            survey
                .externals
                .push((format!("{name}.{extension}"), row.number));
            continue;
        }
        if name == "meta" || name.to_ascii_lowercase().starts_with("xml") {
            problems.push(at(
                &name_header,
                format!("`{name}` is a reserved name (`meta` and names beginning with `xml`)"),
            ));
        }
        let mut element = element(table, row, plain_language, &name, problems);
        // pyxform: a background-geopoint records the location when its trigger is answered.
        if kind == RowType::Question("background-geopoint") {
            if element.calculation.is_some() {
                let column = table.header(Key::Calculation).unwrap_or("calculation");
                problems.push(at(
                    column,
                    "a background-geopoint records the device's location: leave its \
                     calculation empty"
                        .into(),
                ));
            }
            if element.trigger.is_none() {
                let column = table.header(Key::Trigger).unwrap_or("trigger").to_string();
                problems.push(at(
                    &column,
                    "a background-geopoint needs a trigger: the question whose answer makes \
                     the device record its location"
                        .into(),
                ));
            }
        }
        if let Some(message) = unlabelled(&kind, &element) {
            let column = table.header(Key::Label).unwrap_or("label").to_string();
            problems.push(at(&column, message));
        }
        if let Some(media) = &element.media {
            if media.big_image.is_some() && media.image.is_none() {
                let column = table
                    .header(Key::BigImage)
                    .unwrap_or("big-image")
                    .to_string();
                problems.push(at(
                    &column,
                    "a big-image is shown when the image is tapped: give an image too".into(),
                ));
            }
        }
        match kind {
            RowType::Begin(container) => {
                if container == Container::Loop {
                    let list = type_cell.split_whitespace().last().unwrap_or_default();
                    survey.loops.push((path.clone(), list.to_string()));
                }
                let word = match container {
                    Container::Repeat => "repeat",
                    Container::Group | Container::Loop => "group",
                };
                element.kind = word.to_string();
                element.children = Some(Vec::new());
                open.push(Open {
                    element,
                    container,
                    row: row.number,
                    path,
                    names: BTreeMap::new(),
                });
            }
            RowType::Question(kind) => {
                element.kind = kind.to_string();
                add(&mut open, &mut survey, element);
            }
            RowType::Rank(list) => {
                element.kind = format!("rank {list}");
                add(&mut open, &mut survey, element);
            }
            RowType::Osm => {
                problems.push(Problem::warning(
                    sheet,
                    Some(row.number),
                    Some(&type_header),
                    format!(
                        "`{type_cell}`: OpenMapKit is not available here, so the field worker \
                         attaches the .osm file as a file"
                    ),
                ));
                element.kind = "file".into();
                add(&mut open, &mut survey, element);
            }
            RowType::Select {
                multiple,
                list,
                or_other,
            } => {
                let word = if multiple {
                    "select_multiple"
                } else {
                    "select_one"
                };
                element.kind = format!("{word} {list}");
                let element_filtered = element.choice_filter.is_some();
                add(&mut open, &mut survey, element);
                if or_other && element_filtered {
                    let column = table.header(Key::ChoiceFilter).unwrap_or("choice_filter");
                    problems.push(at(
                        column,
                        "`or_other` cannot be filtered (pyxform refuses it): remove the \
                         choice_filter or add an `other` choice to the list yourself"
                            .into(),
                    ));
                }
                if or_other {
                    survey.first_or_other.get_or_insert(row.number);
                    if !survey.or_other_lists.contains(&list) {
                        survey.or_other_lists.push(list);
                    }
                    let other = other_question(&name, languages);
                    survey.rows.insert(next_path(&open, &survey), row.number);
                    add(&mut open, &mut survey, other);
                }
            }
            RowType::SelectFromFile { multiple, file } => {
                let word = if multiple {
                    "select_multiple"
                } else {
                    "select_one"
                };
                element.kind = format!("{word} {}", file_list_name(&file));
                add(&mut open, &mut survey, element);
                if !survey.files.iter().any(|(f, _)| *f == file) {
                    survey.files.push((file, row.number));
                }
            }
            RowType::End(_) | RowType::Unknown | RowType::Invalid(_) | RowType::External => {
                unreachable!()
            }
        }
    }
    while let Some(o) = open.pop() {
        problems.push(Problem::error(
            sheet,
            Some(o.row),
            Some(&type_header),
            format!(
                "the {} `{}` is never closed (no `end {}`); it is closed at the end",
                o.container.word(),
                o.element.name,
                o.container.word()
            ),
        ));
        add(&mut open, &mut survey, o.element);
    }
    count_names_taken(
        &survey.elements,
        "$.survey",
        &survey.rows,
        sheet,
        &name_header,
        problems,
    );
    survey
}

/// Whether any cell of the survey reads the last saved form.
fn reads_last_saved(table: &Table) -> bool {
    table
        .sheet
        .rows
        .iter()
        .any(|r| (0..table.columns.len()).any(|i| r.cell(i).contains("${last-saved#")))
}

/// pyxform writes a counted repeat's count (unless it is a plain `${reference}`) into a
/// sibling named `REPEAT_count`: a question of that name beside it is refused.
fn count_names_taken(
    elements: &[ElementDef],
    at: &str,
    rows: &BTreeMap<String, u32>,
    sheet: &str,
    name_header: &str,
    problems: &mut Vec<Problem>,
) {
    for (i, e) in elements.iter().enumerate() {
        let counted = matches!(&e.repeat_count, Some(Cell::Text(c))
            if !(c.trim().starts_with("${") && c.trim().ends_with('}') && c.matches("${").count() == 1));
        if counted && e.kind == "repeat" {
            let generated = format!("{}_count", e.name);
            if let Some(j) = elements.iter().position(|s| s.name == generated) {
                problems.push(Problem::error(
                    sheet,
                    rows.get(&format!("{at}[{j}]")).copied(),
                    Some(name_header),
                    format!(
                        "the name `{generated}` is taken by the count of the repeat `{}` (its \
                         repeat_count is kept in a question of that name): rename this row",
                        e.name
                    ),
                ));
            }
        }
        if let Some(children) = &e.children {
            let path = format!("{at}[{i}].children");
            count_names_taken(children, &path, rows, sheet, name_header, problems);
        }
    }
}

/// The choice list made of a choices file: its name without the extension, as a list name
/// (`Districts 2026.csv` → `Districts_2026`).
pub fn file_list_name(file: &str) -> String {
    let stem = file.rsplit_once('.').map_or(file, |(s, _)| s);
    let name: String = stem
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '_' {
                c
            } else {
                '_'
            }
        })
        .collect();
    if name.starts_with(|c: char| c.is_ascii_alphabetic() || c == '_') {
        name
    } else {
        format!("_{name}")
    }
}

/// `begin loop over LIST` as pyxform expands it: the loop is a group holding a group per
/// choice of LIST (named and labelled as the choice, `none` skipped), each with a copy of the
/// loop's rows in which `%(name)s`, `%(label)s` and `%(column)s` become the choice's (labels
/// per language). Rows keep their places in the workbook for findings.
pub fn expand_loops(
    survey: &mut Survey,
    lists: &BTreeMap<String, Vec<ChoiceDef>>,
    sheet: &str,
    type_header: Option<&str>,
    problems: &mut Vec<Problem>,
) {
    // Innermost first: an inner loop's rows are copied by the outer one already expanded.
    for (path, list) in survey.loops.iter().rev() {
        let Some(choices) = lists.get(list) else {
            problems.push(Problem::error(
                sheet,
                survey.rows.get(path).copied(),
                type_header,
                format!("the loop goes over `{list}`, which is not a list on the choices sheet"),
            ));
            continue;
        };
        let Some(group) = element_at(&mut survey.elements, path) else {
            continue;
        };
        let template = group.children.take().unwrap_or_default();
        let mut groups = Vec::new();
        for choice in choices.iter().filter(|c| c.name != "none") {
            let mut g = ElementDef::new("group", choice.name.clone());
            g.label = choice.label.clone();
            g.children = Some(template.iter().map(|e| substituted(e, choice)).collect());
            groups.push(g);
        }
        let count = groups.len();
        group.children = Some(groups);
        // The template's rows, at each copy's place.
        let prefix = format!("{path}.children[");
        let moved: Vec<(String, u32)> = survey
            .rows
            .iter()
            .filter(|(p, _)| p.starts_with(&prefix))
            .map(|(p, r)| (p.clone(), *r))
            .collect();
        for (old, row) in moved {
            survey.rows.remove(&old);
            let rest = &old[path.len()..];
            for i in 0..count {
                survey
                    .rows
                    .insert(format!("{path}.children[{i}]{rest}"), row);
            }
        }
    }
}

/// The element at a JSON path such as `$.survey[2].children[0]`.
fn element_at<'a>(elements: &'a mut [ElementDef], path: &str) -> Option<&'a mut ElementDef> {
    let mut indexes = path
        .split('[')
        .skip(1)
        .map(|p| p.split(']').next().and_then(|i| i.parse::<usize>().ok()));
    let mut here = elements.get_mut(indexes.next()??)?;
    for i in indexes {
        here = here.children.as_mut()?.get_mut(i?)?;
    }
    Some(here)
}

/// A loop row for one choice: pyxform's `%(key)s` in each text of the row itself (not in
/// the rows of a group inside it, as pyxform).
fn substituted(e: &ElementDef, choice: &ChoiceDef) -> ElementDef {
    let fill = |s: &str, language: Option<&str>| {
        let mut out = s.replace("%(name)s", &choice.name);
        if let Some(label) = &choice.label {
            out = out.replace("%(label)s", label.get(language, None));
        }
        for (k, v) in &choice.properties {
            out = out.replace(&format!("%({k})s"), v);
        }
        out
    };
    let Ok(serde_json::Value::Object(mut fields)) = serde_json::to_value(e) else {
        return e.clone();
    };
    for (key, value) in fields.iter_mut() {
        match value {
            serde_json::Value::String(s) => *s = fill(s, None),
            serde_json::Value::Object(map) if key != "children" => {
                for (language, v) in map.iter_mut() {
                    if let serde_json::Value::String(s) = v {
                        *s = fill(s, Some(language));
                    }
                }
            }
            _ => {}
        }
    }
    serde_json::from_value(serde_json::Value::Object(fields)).unwrap_or_else(|_| e.clone())
}

/// Why a row shown to the field worker needs a label: pyxform refuses a question with no
/// label, hint or media (a guidance hint alone is hidden by default), unless it is computed.
fn unlabelled(kind: &RowType, e: &ElementDef) -> Option<String> {
    let shown = match kind {
        RowType::Question(q) => !matches!(
            *q,
            "calculate"
                | "hidden"
                | "start"
                | "end"
                | "today"
                | "deviceid"
                | "username"
                | "phonenumber"
                | "email"
                | "simserial"
                | "subscriberid"
                | "audit"
                | "start-geopoint"
                | "background-audio"
                | "background-geopoint"
        ),
        RowType::Select { .. } | RowType::SelectFromFile { .. } | RowType::Rank(_) => true,
        RowType::Osm => true,
        _ => false,
    };
    let computed = e.calculation.is_some() || e.trigger.is_some();
    (shown && !computed && e.label.is_none() && e.hint.is_none() && e.media.is_none()).then(|| {
        format!(
            "`{}` has no label or hint: the field worker would not know what to answer",
            e.name
        )
    })
}

/// The JSON path the next element added gets (`add` puts it in the innermost open container).
fn next_path(open: &[Open], survey: &Survey) -> String {
    match open.last() {
        Some(o) => format!(
            "{}.children[{}]",
            o.path,
            o.element.children.as_ref().map_or(0, Vec::len)
        ),
        None => format!("$.survey[{}]", survey.elements.len()),
    }
}

/// Appends `element` to the innermost open group, or to the survey.
fn add(open: &mut [Open], survey: &mut Survey, element: ElementDef) {
    match open.last_mut() {
        Some(o) => o
            .element
            .children
            .get_or_insert_with(Vec::new)
            .push(element),
        None => survey.elements.push(element),
    }
}

fn element(
    table: &Table,
    row: &Row,
    plain_language: Option<&str>,
    name: &str,
    problems: &mut Vec<Problem>,
) -> ElementDef {
    let get = |key| table.get(row, key).map(str::to_string);
    let text = |key| table.text(row, key, plain_language);
    let mut flag = |key| {
        table.get(row, key).map(|v| match yes_no(v) {
            Some(b) => BoolOrExpr::Bool(b),
            None => {
                if v.eq_ignore_ascii_case("y") || v.eq_ignore_ascii_case("n") {
                    problems.push(Problem::warning(
                        &table.sheet.name,
                        Some(row.number),
                        table.header(key),
                        format!("`{v}` is read as an expression; write yes or no"),
                    ));
                }
                BoolOrExpr::Expr(v.to_string())
            }
        })
    };
    let required = flag(Key::Required);
    let read_only = flag(Key::ReadOnly);
    ElementDef {
        kind: String::new(),
        name: name.to_string(),
        label: text(Key::Label),
        hint: text(Key::Hint),
        guidance_hint: text(Key::GuidanceHint),
        media: table.media(row, plain_language),
        required,
        required_message: text(Key::RequiredMessage),
        relevant: get(Key::Relevant),
        constraint: get(Key::Constraint),
        constraint_message: text(Key::ConstraintMessage),
        calculation: get(Key::Calculation),
        default: get(Key::Default).map(Cell::Text),
        read_only,
        appearance: get(Key::Appearance),
        choice_filter: get(Key::ChoiceFilter),
        parameters: get(Key::Parameters),
        repeat_count: get(Key::RepeatCount).map(Cell::Text),
        trigger: get(Key::Trigger),
        children: None,
    }
}

/// XLSForm's yes/no spellings (pyxform's `yes_no` aliases).
pub fn yes_no(value: &str) -> Option<bool> {
    match value.to_ascii_lowercase().as_str() {
        "yes" | "true" | "true()" => Some(true),
        "no" | "false" | "false()" => Some(false),
        _ => None,
    }
}

/// `text` in each of `languages` (plain when the form has none).
pub fn in_every_language(text: &str, languages: &[String]) -> Text {
    if languages.is_empty() {
        Text::Plain(text.to_string())
    } else {
        Text::Translated(
            languages
                .iter()
                .map(|l| (l.clone(), text.to_string()))
                .collect(),
        )
    }
}

/// pyxform's warning (its `OR_OTHER_WARNING`, word for word) when a form has an `or_other`
/// select and translations on the survey sheet (labels, hints, messages, media) or on the
/// choices sheet (labels, media): the `Other` choice and the `Specify other.` question it
/// adds are English in every language. pyxform gives no row; here it is the first `or_other`
/// row, where the designer can act.
pub fn or_other_translations(
    survey: &Survey,
    table: &Table,
    choices: Option<&Table>,
    problems: &mut Vec<Problem>,
) {
    let Some(row) = survey.first_or_other else {
        return;
    };
    let survey_keys = [
        Key::Label,
        Key::Hint,
        Key::GuidanceHint,
        Key::RequiredMessage,
        Key::ConstraintMessage,
        Key::Image,
        Key::BigImage,
        Key::Audio,
        Key::Video,
    ];
    let choice_keys = [
        Key::Label,
        Key::Image,
        Key::BigImage,
        Key::Audio,
        Key::Video,
    ];
    if !table.translated(&survey_keys) && !choices.is_some_and(|c| c.translated(&choice_keys)) {
        return;
    }
    problems.push(Problem::warning(
        &table.sheet.name,
        Some(row),
        Some(table.header(Key::Type).unwrap_or("type")),
        "This form uses or_other and translations, which is not recommended. An untranslated \
         input question label and choice label is generated for 'other'. Learn more: \
         https://xlsform.org/en/#specify-other). To translate them, drop `or_other`: add an \
         `other` choice to the list, labelled in each language, and a text question \
         relevant when `other` is selected."
            .into(),
    ));
}

/// What pyxform adds after a select `or_other`: a text for the other answer, shown while
/// `other` is chosen.
fn other_question(name: &str, languages: &[String]) -> ElementDef {
    ElementDef {
        label: Some(in_every_language("Specify other.", languages)),
        relevant: Some(format!("selected(${{{name}}}, 'other')")),
        ..ElementDef::new("text", format!("{name}_other"))
    }
}
