//! A Xonadon form → an XLSForm workbook, for designers who keep working in Excel and for
//! tools that take XLSForm. The inverse of the import: `import(export(imported))` gives the
//! same form back (tested), so a form brought in from Excel can go back out.
//!
//! Written as pyxform reads it: nested groups and repeats as `begin`/`end` rows, each
//! translated text as one column per language (`label::English (en)`), `true`/`false` as
//! `yes`/`no`, choice properties as extra choices columns.

use std::collections::{BTreeMap, BTreeSet};

use rust_xlsxwriter::{Format, Workbook, Worksheet, XlsxError};
use xonadon_engine::definition::{BoolOrExpr, ElementDef, FormDefinition, MediaDef, Text};

/// The translatable survey columns, in the order they are written.
const TEXTS: [&str; 5] = [
    "label",
    "hint",
    "guidance_hint",
    "constraint_message",
    "required_message",
];
/// The media columns (translatable too), as pyxform spells them.
const MEDIA: [&str; 4] = ["image", "big-image", "audio", "video"];
/// The other survey columns, in the order they are written.
const PLAIN: [&str; 10] = [
    "required",
    "relevant",
    "constraint",
    "calculation",
    "default",
    "read_only",
    "appearance",
    "choice_filter",
    "parameters",
    "repeat_count",
];

/// The `.xlsx` bytes of `form` as an XLSForm.
pub fn to_xlsform(form: &FormDefinition) -> Result<Vec<u8>, XlsxError> {
    let languages = languages(form);
    let mut book = Workbook::new();
    let bold = Format::new().set_bold();

    // survey
    let mut rows: Vec<BTreeMap<String, String>> = Vec::new();
    for e in &form.survey {
        survey_rows(e, &languages, &mut rows);
    }
    let mut headers = vec!["type".to_string(), "name".to_string()];
    for key in TEXTS.iter().chain(&MEDIA) {
        headers.extend(text_headers(key, &languages));
    }
    headers.extend(MEDIA.iter().map(|m| m.to_string()));
    headers.extend(PLAIN.iter().map(|s| s.to_string()));
    headers.push("trigger".into());
    let sheet = book.add_worksheet().set_name("survey")?;
    write_table(sheet, &headers, &rows, &bold)?;

    // choices
    let properties: BTreeSet<&str> = form
        .choices
        .values()
        .flatten()
        .flat_map(|c| c.properties.keys().map(String::as_str))
        .collect();
    let mut choice_headers = vec!["list_name".to_string(), "name".to_string()];
    choice_headers.extend(text_headers("label", &languages));
    for key in MEDIA {
        choice_headers.extend(text_headers(key, &languages));
    }
    choice_headers.extend(MEDIA.iter().map(|m| m.to_string()));
    choice_headers.extend(properties.iter().map(|p| p.to_string()));
    let mut choice_rows = Vec::new();
    for (list, choices) in &form.choices {
        for c in choices {
            let mut row = BTreeMap::from([
                ("list_name".to_string(), list.clone()),
                ("name".to_string(), c.name.clone()),
            ]);
            if let Some(label) = &c.label {
                put_text(&mut row, "label", label, &languages);
            }
            put_media(&mut row, c.media.as_ref(), &languages);
            row.extend(c.properties.clone());
            choice_rows.push(row);
        }
    }
    let sheet = book.add_worksheet().set_name("choices")?;
    write_table(sheet, &choice_headers, &choice_rows, &bold)?;

    // settings
    let s = &form.settings;
    let mut settings = BTreeMap::from([
        ("form_id".to_string(), s.form_id.clone()),
        ("version".to_string(), s.version.clone()),
    ]);
    if let Some(title) = &s.title {
        let text = title.get(s.default_language.as_deref(), None).to_string();
        settings.insert("form_title".into(), text);
    }
    if let Some(l) = &s.default_language {
        settings.insert("default_language".into(), language_header(l));
    }
    if let Some(n) = &s.instance_name {
        settings.insert("instance_name".into(), n.clone());
    }
    let mut headers: Vec<String> = [
        "form_title",
        "form_id",
        "version",
        "default_language",
        "instance_name",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    if s.required_before_next {
        headers.push("required_before_next".into());
        settings.insert("required_before_next".into(), "yes".into());
    }
    // The supervisor's questions: names separated by spaces, as pyxform's lists are.
    if let Some(sup) = &s.supervisor {
        for (header, value) in [
            ("supervisor_place", sup.place.join(" ")),
            ("supervisor_needs", sup.needs.clone().unwrap_or_default()),
        ] {
            headers.push(header.into());
            settings.insert(header.into(), value);
        }
    }
    let sheet = book.add_worksheet().set_name("settings")?;
    write_table(sheet, &headers, &[settings], &bold)?;

    book.save_to_buffer()
}

/// Every language of the form's texts (empty when it has none).
fn languages(form: &FormDefinition) -> Vec<String> {
    fn of(text: &Option<Text>, out: &mut BTreeSet<String>) {
        if let Some(Text::Translated(map)) = text {
            out.extend(map.keys().cloned());
        }
    }
    fn media(m: &Option<MediaDef>, out: &mut BTreeSet<String>) {
        if let Some(m) = m {
            for t in [&m.image, &m.big_image, &m.audio, &m.video] {
                of(t, out);
            }
        }
    }
    fn walk(e: &ElementDef, out: &mut BTreeSet<String>) {
        for t in [
            &e.label,
            &e.hint,
            &e.guidance_hint,
            &e.constraint_message,
            &e.required_message,
        ] {
            of(t, out);
        }
        media(&e.media, out);
        e.children.iter().flatten().for_each(|c| walk(c, out));
    }
    let mut out = BTreeSet::new();
    form.survey.iter().for_each(|e| walk(e, &mut out));
    form.choices.values().flatten().for_each(|c| {
        of(&c.label, &mut out);
        media(&c.media, &mut out);
    });
    out.into_iter().collect()
}

/// `uz-Cyrl` → `Uzbek Cyrillic (uz-Cyrl)`; `default` (pyxform's name for texts without a
/// language) stays the plain column; a language kept by name stays its name.
fn language_header(tag: &str) -> String {
    let plausible = tag
        .split('-')
        .all(|p| !p.is_empty() && p.len() <= 8 && p.chars().all(|c| c.is_ascii_alphanumeric()));
    if !plausible {
        return tag.to_string();
    }
    let name = match tag {
        "en" => "English",
        "ru" => "Russian",
        "uz" => "Uzbek",
        "uz-Latn" => "Uzbek Latin",
        "uz-Cyrl" => "Uzbek Cyrillic",
        "kaa" => "Karakalpak",
        "ar" => "Arabic",
        "fr" => "French",
        other => other,
    };
    format!("{name} ({tag})")
}

fn text_headers(key: &str, languages: &[String]) -> Vec<String> {
    if languages.is_empty() {
        return vec![key.to_string()];
    }
    languages
        .iter()
        .map(|l| {
            if l == "default" {
                key.to_string()
            } else {
                format!("{key}::{}", language_header(l))
            }
        })
        .collect()
}

/// A text in its column(s): a plain one in every language's column of a translated form.
fn put_text(row: &mut BTreeMap<String, String>, key: &str, text: &Text, languages: &[String]) {
    let headers = text_headers(key, languages);
    match text {
        Text::Plain(s) => {
            for h in headers {
                row.insert(h, s.clone());
            }
        }
        Text::Translated(map) => {
            for (language, header) in languages.iter().zip(headers) {
                if let Some(s) = map.get(language) {
                    row.insert(header, s.clone());
                }
            }
        }
    }
}

/// The media columns of a row: a file for every language in the column without a language.
fn put_media(row: &mut BTreeMap<String, String>, media: Option<&MediaDef>, languages: &[String]) {
    for (kind, text) in media.into_iter().flat_map(MediaDef::kinds) {
        let key = if kind == "big_image" {
            "big-image"
        } else {
            kind
        };
        match text {
            Text::Plain(file) => {
                row.insert(key.to_string(), file.clone());
            }
            Text::Translated(_) => put_text(row, key, text, languages),
        }
    }
}

fn yes_no(b: &BoolOrExpr) -> String {
    match b {
        BoolOrExpr::Bool(true) => "yes".into(),
        BoolOrExpr::Bool(false) => "no".into(),
        BoolOrExpr::Expr(e) => e.clone(),
    }
}

fn survey_rows(e: &ElementDef, languages: &[String], rows: &mut Vec<BTreeMap<String, String>>) {
    let container = matches!(e.kind.as_str(), "group" | "repeat");
    let mut row = BTreeMap::new();
    let kind = if container {
        format!("begin_{}", e.kind)
    } else {
        e.kind.clone()
    };
    row.insert("type".to_string(), kind);
    row.insert("name".to_string(), e.name.clone());
    for (key, text) in [
        ("label", &e.label),
        ("hint", &e.hint),
        ("guidance_hint", &e.guidance_hint),
        ("constraint_message", &e.constraint_message),
        ("required_message", &e.required_message),
    ] {
        if let Some(text) = text {
            put_text(&mut row, key, text, languages);
        }
    }
    put_media(&mut row, e.media.as_ref(), languages);
    let plain = [
        ("required", e.required.as_ref().map(yes_no)),
        ("relevant", e.relevant.clone()),
        ("constraint", e.constraint.clone()),
        ("calculation", e.calculation.clone()),
        ("default", e.default.as_ref().map(|d| d.as_text())),
        ("read_only", e.read_only.as_ref().map(yes_no)),
        ("appearance", e.appearance.clone()),
        ("choice_filter", e.choice_filter.clone()),
        ("parameters", e.parameters.clone()),
        ("repeat_count", e.repeat_count.as_ref().map(|c| c.as_text())),
        ("trigger", e.trigger.clone()),
    ];
    for (key, value) in plain {
        if let Some(v) = value {
            row.insert(key.to_string(), v);
        }
    }
    rows.push(row);
    if container {
        for c in e.children.iter().flatten() {
            survey_rows(c, languages, rows);
        }
        rows.push(BTreeMap::from([(
            "type".to_string(),
            format!("end_{}", e.kind),
        )]));
    }
}

/// The header row, then a row per map; columns nobody uses are left out.
fn write_table(
    sheet: &mut Worksheet,
    headers: &[String],
    rows: &[BTreeMap<String, String>],
    bold: &Format,
) -> Result<(), XlsxError> {
    let used: Vec<&String> = headers
        .iter()
        .filter(|h| {
            matches!(h.as_str(), "type" | "name" | "list_name")
                || rows
                    .iter()
                    .any(|r| r.get(*h).is_some_and(|v| !v.is_empty()))
        })
        .collect();
    for (c, h) in used.iter().enumerate() {
        sheet.write_string_with_format(0, c as u16, h.as_str(), bold)?;
    }
    for (r, row) in rows.iter().enumerate() {
        for (c, h) in used.iter().enumerate() {
            if let Some(v) = row.get(*h).filter(|v| !v.is_empty()) {
                // Text, always: `007` or `1.50` must come back as typed.
                sheet.write_string((r + 1) as u32, c as u16, v)?;
            }
        }
    }
    Ok(())
}
