//! Warnings that must be said where they apply, and only there: a list used by a loop is
//! used.

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
