//! Warnings that must be said where they apply, and only there: a list used by a loop is
//! used; a missing setting names the sheet that is missing.

use super::*;

/// The import's warnings, as the CLI prints them.
fn warning_lines(imported: &xonadon_xlsform::Imported) -> Vec<String> {
    imported
        .problems
        .iter()
        .filter(|p| p.severity == Severity::Warning)
        .map(|p| p.to_string())
        .collect()
}

const SETTINGS: SheetRows = ("settings", &[&["form_id", "version"], &["f", "1"]]);

#[test]
fn a_list_used_only_by_a_loop_is_used() {
    let book = xlsx(&[
        (
            "survey",
            &[
                &["type", "name", "label"],
                &["begin loop over animals", "herd", "Herd"],
                &["integer", "count", "How many %(label)s?"],
                &["end loop", "", ""],
            ],
        ),
        (
            "choices",
            &[
                &["list_name", "name", "label"],
                &["animals", "cow", "Cows"],
                &["animals", "sheep", "Sheep"],
                &["spare", "x", "X"],
            ],
        ),
        SETTINGS,
    ]);
    let imported = import("loop.xlsx", &book).unwrap();
    let warnings = warning_lines(&imported);
    assert!(
        !warnings.iter().any(|w| w.contains("`animals`")),
        "{warnings:#?}"
    );
    assert!(
        warnings
            .iter()
            .any(|w| w.contains("choice list `spare` is not used by any question")),
        "a list nothing uses is still said: {warnings:#?}"
    );
}

#[test]
fn no_version_without_a_settings_sheet_says_the_sheet_is_missing() {
    let survey: SheetRows = ("survey", &[&["type", "name", "label"], &["text", "a", "A"]]);
    let imported = import("bare.xlsx", &xlsx(&[survey])).unwrap();
    let version: Vec<&xonadon_xlsform::Problem> = imported
        .problems
        .iter()
        .filter(|p| p.message.contains("version"))
        .collect();
    assert_eq!(version.len(), 1, "{:#?}", imported.problems);
    let p = version[0];
    assert_eq!(
        (p.sheet.as_str(), p.row, p.column.as_deref()),
        ("bare.xlsx", None, None),
        "the workbook, not a sheet it does not have"
    );
    assert!(
        p.message
            .starts_with("the workbook has no settings sheet, so the form has no version"),
        "{p}"
    );
    assert!(
        p.message
            .ends_with("add a `settings` sheet with `version` in its first row and a version such as 2026112601 in its second"),
        "{p}"
    );

    // A settings sheet without the column: the sheet and the column are named.
    let settings: SheetRows = ("settings", &[&["form_id"], &["f"]]);
    let imported = import("bare.xlsx", &xlsx(&[survey, settings])).unwrap();
    let p = imported
        .problems
        .iter()
        .find(|p| p.message.contains("version"))
        .expect("no version");
    assert_eq!(
        (p.sheet.as_str(), p.row, p.column.as_deref()),
        ("settings", None, Some("version"))
    );
    assert!(p.message.starts_with("no version: "), "{p}");
}

#[test]
fn no_default_language_without_a_settings_sheet_names_the_workbook() {
    let survey: SheetRows = (
        "survey",
        &[
            &["type", "name", "label::English (en)", "label::Русский (ru)"],
            &["text", "a", "A", "А"],
        ],
    );
    let imported = import("two.xlsx", &xlsx(&[survey])).unwrap();
    let p = imported
        .problems
        .iter()
        .find(|p| p.message.contains("default_language"))
        .expect("no default_language");
    assert_eq!(
        (p.sheet.as_str(), p.row, p.column.as_deref()),
        ("two.xlsx", None, None)
    );
    assert!(
        p.message.starts_with(
            "the workbook has no settings sheet, so the form has no default_language: the \
             form opens in `en`"
        ),
        "{p}"
    );
}
