//! Warnings that must be said where they apply, and only there: a list used by a loop is
//! used; a missing version names the sheet that is missing; `or_other` with translations
//! warns as pyxform does.

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
            .any(|w| w.contains("sheet choices, row 4: choice list `spare` is not used")),
        "a list nothing uses is still said, at its first row: {warnings:#?}"
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
        ("", None, None),
        "the workbook, not a sheet it does not have"
    );
    assert!(p.to_string().starts_with("warning: the workbook: "), "{p}");
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

/// pyxform's words (`validators/pyxform/translations_checks.py`, `OR_OTHER_WARNING`).
const OR_OTHER_WARNING: &str = "This form uses or_other and translations, which is not \
    recommended. An untranslated input question label and choice label is generated for \
    'other'. Learn more: https://xlsform.org/en/#specify-other).";

fn or_other_book(survey_label: &str, choice_label: &str) -> Vec<u8> {
    xlsx(&[
        (
            "survey",
            &[
                &["type", "name", survey_label],
                &["text", "intro", "Intro"],
                &["select_one c1 or_other", "q1", "Question 1"],
                &["select_multiple c1 or_other", "q2", "Question 2"],
            ],
        ),
        (
            "choices",
            &[
                &["list_name", "name", choice_label],
                &["c1", "na", "la"],
                &["c1", "nb", "lb"],
            ],
        ),
        SETTINGS,
    ])
}

#[test]
fn or_other_with_translations_warns_as_pyxform_at_the_first_or_other_row() {
    for (survey_label, choice_label) in [
        ("label::English (en)", "label::English (en)"),
        ("label", "label::Русский (ru)"),
        ("label::Русский (ru)", "label"),
    ] {
        let book = or_other_book(survey_label, choice_label);
        let imported = import("other.xlsx", &book).unwrap();
        let found: Vec<&xonadon_xlsform::Problem> = imported
            .problems
            .iter()
            .filter(|p| p.message.contains("or_other"))
            .collect();
        assert_eq!(found.len(), 1, "{survey_label}, {choice_label}: {found:#?}");
        let p = found[0];
        assert_eq!(
            (p.severity, p.sheet.as_str(), p.row, p.column.as_deref()),
            (Severity::Warning, "survey", Some(3), Some("type"))
        );
        assert!(p.message.starts_with(OR_OTHER_WARNING), "{p}");
    }
    // Untranslated: nothing to say.
    let imported = import("other.xlsx", &or_other_book("label", "label")).unwrap();
    assert!(
        !imported
            .problems
            .iter()
            .any(|p| p.message.contains("or_other")),
        "{:#?}",
        imported.problems
    );
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
        ("", None, None)
    );
    assert!(
        p.message.starts_with(
            "the workbook has no settings sheet, so the form has no default_language: the \
             form opens in `en`"
        ),
        "{p}"
    );
}
