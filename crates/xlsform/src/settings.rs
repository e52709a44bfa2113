//! The settings sheet: its first row under the header.

use xonadon_engine::definition::{Settings, SupervisorSettings, Text};

use crate::columns::language_tag;
use crate::workbook::Sheet;
use crate::Problem;

pub struct Read {
    pub settings: Settings,
    pub allow_choice_duplicates: bool,
    /// pyxform's `clean_text_values` (yes unless set to no): collapse runs of spaces on the
    /// survey sheet.
    pub clean_text_values: bool,
}

/// `fallback_id`: the form id when the sheet has none (pyxform uses the file name).
pub fn read(sheet: Option<&Sheet>, fallback_id: &str, problems: &mut Vec<Problem>) -> Read {
    let mut out = Read {
        settings: Settings {
            form_id: fallback_id.to_string(),
            version: String::new(),
            title: None,
            default_language: None,
            instance_name: None,
            supervisor: None,
            required_before_next: false,
        },
        allow_choice_duplicates: false,
        clean_text_values: true,
    };
    let row = sheet.and_then(|s| s.rows.first());
    if let (Some(sheet), Some(row)) = (sheet, row) {
        for (i, header) in sheet.headers.iter().enumerate() {
            let value = row.cell(i);
            if value.is_empty() {
                continue;
            }
            let s = &mut out.settings;
            match header.to_ascii_lowercase().as_str() {
                "form_id" | "id_string" | "set form id" => s.form_id = value.to_string(),
                "version" => s.version = value.to_string(),
                "form_title" | "set form title" | "title" => {
                    s.title = Some(Text::Plain(value.to_string()))
                }
                "default_language" => s.default_language = Some(language_tag(value)),
                "instance_name" => s.instance_name = Some(value.to_string()),
                // Xonadon's own (pyxform leaves unknown settings columns alone): the
                // supervisor's place levels, space-separated, and the needs question.
                "supervisor_place" => {
                    let sup = s.supervisor.get_or_insert_with(SupervisorSettings::default);
                    sup.place = value.split_whitespace().map(str::to_string).collect();
                }
                "supervisor_needs" => {
                    let sup = s.supervisor.get_or_insert_with(SupervisorSettings::default);
                    sup.needs = Some(value.to_string());
                }
                // Xonadon's own too: required answers checked on Next.
                "required_before_next" => {
                    s.required_before_next = crate::survey::yes_no(value) == Some(true)
                }
                "allow_choice_duplicates" => {
                    out.allow_choice_duplicates = crate::survey::yes_no(value) == Some(true)
                }
                "clean_text_values" => {
                    out.clean_text_values = crate::survey::yes_no(value) != Some(false)
                }
                // Server and encryption settings: for ODK Central, not for the form itself.
                "public_key" | "submission_url" | "auto_send" | "auto_delete" | "style"
                | "namespaces" | "name" => problems.push(Problem::warning(
                    &sheet.name,
                    Some(row.number),
                    Some(header),
                    "not used by Xonadon; left out".into(),
                )),
                _ => problems.push(Problem::warning(
                    &sheet.name,
                    Some(row.number),
                    Some(header),
                    "not a setting Xonadon knows; left out".into(),
                )),
            }
        }
    }
    if out.settings.version.is_empty() {
        problems.push(missing_setting(
            sheet,
            "version",
            "tablets tell forms apart by version",
            "a version such as 2026112601",
        ));
    }
    out
}

/// A setting the form lacks (`version`, `default_language`): `why` it matters, and the
/// `value` to give. With a settings sheet it is placed on that sheet's column; without one,
/// on the workbook (there is no sheet or row to point at), saying the sheet is to be added.
pub fn missing_setting(sheet: Option<&Sheet>, setting: &str, why: &str, value: &str) -> Problem {
    match sheet {
        Some(sheet) => Problem::warning(
            &sheet.name,
            None,
            Some(setting),
            format!("no {setting}: {why}; give {value}"),
        ),
        None => Problem::workbook_warning(format!(
            "the workbook has no settings sheet, so the form has no {setting}: {why}; add \
                 a `settings` sheet with `{setting}` in its first row and {value} in its second"
        )),
    }
}
