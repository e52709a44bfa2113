//! A form that declares entities imports as the same form without them, with one warning; a
//! declaration pyxform rejects is an error.

mod support;

use support::xlsx;
use xonadon_engine::Severity;
use xonadon_xlsform::import;

const SURVEY: &[&[&str]] = &[
    &["type", "name", "label"],
    &["begin_repeat", "members", "Members"],
    &["text", "member_name", "Name"],
    &["integer", "age", "Age"],
    &["end_repeat", "", ""],
];

#[test]
fn declared_entities_change_nothing_but_a_warning() {
    let settings: &[&[&str]] = &[&["form_id", "version"], &["household", "1"]];
    let plain = import(
        "plain.xlsx",
        &xlsx(&[("survey", SURVEY), ("settings", settings)]),
    )
    .unwrap();
    let with_save_to: &[&[&str]] = &[
        &["type", "name", "label", "save_to"],
        &["begin_repeat", "members", "Members", ""],
        &["text", "member_name", "Name", "full_name"],
        &["integer", "age", "Age", "age"],
        &["end_repeat", "", "", ""],
    ];
    let entities: &[&[&str]] = &[&["list_name", "label"], &["people", "${member_name}"]];
    let declared = import(
        "declared.xlsx",
        &xlsx(&[
            ("survey", with_save_to),
            ("settings", settings),
            ("entities", entities),
        ]),
    )
    .unwrap();
    assert_eq!(declared.json, plain.json);
    assert_eq!(declared.errors(), 0, "{:#?}", declared.problems);
    let added: Vec<_> = declared
        .problems
        .iter()
        .filter(|p| !plain.problems.contains(p))
        .collect();
    assert_eq!(added.len(), 1, "{:#?}", declared.problems);
    assert_eq!(added[0].severity, Severity::Warning);
    assert_eq!(
        (added[0].sheet.as_str(), added[0].row),
        ("entities", Some(2))
    );
    assert!(added[0]
        .message
        .contains("does not create or update entities"));
}

#[test]
fn a_declaration_pyxform_rejects_is_an_error() {
    // An update (`update_if`) without the entity_id of the entity to update.
    let entities: &[&[&str]] = &[
        &["list_name", "label", "update_if"],
        &["people", "P", "true()"],
    ];
    let imported = import(
        "update.xlsx",
        &xlsx(&[("survey", SURVEY), ("entities", entities)]),
    )
    .unwrap();
    let errors: Vec<_> = imported
        .problems
        .iter()
        .filter(|p| p.severity == Severity::Error)
        .collect();
    assert_eq!(errors.len(), 1, "{:#?}", imported.problems);
    assert_eq!(
        (
            errors[0].sheet.as_str(),
            errors[0].row,
            errors[0].column.as_deref()
        ),
        ("entities", Some(2), Some("update_if"))
    );
}
