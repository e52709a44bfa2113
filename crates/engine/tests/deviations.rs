//! Where Xonadon deliberately does not do what ODK's engine does, and why. Each case is the
//! corpus scenario's situation with our answer; ODK's answer is in the comment.

use std::sync::Arc;

use serde_json::json;
use xonadon_engine::{load, FixedHost, Instance};

fn instance(form: serde_json::Value) -> Instance {
    let form = load(&form.to_string()).expect("form loads");
    Instance::new(Arc::new(form), Arc::new(FixedHost::new(0.0, 300)))
}

fn value(inst: &Instance, path: &str) -> String {
    inst.node(inst.find(path).expect("path exists"))
        .value
        .clone()
}

/// ODK (through pyxform) shows `-` for a choice with no label in the active language. A field
/// worker is better served by the label in another language; `xonadon check` warns about the
/// missing translation.
#[test]
fn missing_translation_falls_back_to_the_default_language() {
    let mut inst = instance(json!({
        "settings": {"form_id": "t", "default_language": "en"},
        "survey": [
            {"type": "select_one colour", "name": "c", "label": {"en": "Colour", "ru": "Цвет"}},
            {"type": "calculate", "name": "n", "calculation": "jr:choice-name(${c}, '${c}')"}
        ],
        "choices": {"colour": [
            {"name": "red", "label": {"en": "Red", "ru": "Красный"}},
            {"name": "blue", "label": {"en": "Blue"}}
        ]}
    }));
    inst.set_value(inst.find("/c").unwrap(), "blue").unwrap();
    inst.set_language("ru").unwrap();
    assert_eq!(value(&inst, "/n"), "Blue"); // ODK: "-"
    inst.set_value(inst.find("/c").unwrap(), "red").unwrap();
    assert_eq!(value(&inst, "/n"), "Красный");
}

/// ODK gives `""` for `jr:choice-name` of a choice with no label at all (pyxform warns
/// "Choices should have a label"). The app shows such a choice by its name, so the name is
/// what the field worker saw and picked: `jr:choice-name` gives the same.
#[test]
fn choice_name_of_a_choice_without_label_is_its_name() {
    let mut inst = instance(json!({
        "settings": {"form_id": "t"},
        "survey": [
            {"type": "select_one c", "name": "q", "label": "Q"},
            {"type": "calculate", "name": "n", "calculation": "jr:choice-name(${q}, '${q}')"}
        ],
        "choices": {"c": [{"name": "a", "label": "A"}, {"name": "b"}]}
    }));
    inst.set_value(inst.find("/q").unwrap(), "b").unwrap();
    assert_eq!(value(&inst, "/n"), "b"); // ODK: ""
}

/// ODK refuses a time without seconds (`13:45`); a time picker gives exactly that, so we keep
/// it with its seconds. Valid ODK values are kept as written, as ODK does.
#[test]
fn a_time_without_seconds_is_accepted() {
    let mut inst = instance(json!({
        "settings": {"form_id": "t"},
        "survey": [{"type": "time", "name": "t", "label": "T"}]
    }));
    inst.set_value(inst.find("/t").unwrap(), "13:45").unwrap();
    assert_eq!(value(&inst, "/t"), "13:45:00"); // ODK: ""
}

/// ODK's engine stops with an error on `date('2024-02-30')` and yields `Invalid Date` for
/// `date('x')`; an impossible date is blank here, like any other invalid number.
#[test]
fn an_impossible_date_is_blank() {
    let inst = instance(json!({
        "settings": {"form_id": "t"},
        "survey": [
            {"type": "calculate", "name": "a", "calculation": "date('2024-02-30')"},
            {"type": "calculate", "name": "b", "calculation": "format-date(date('x'), '%Y')"}
        ]
    }));
    assert_eq!(value(&inst, "/a"), "");
    assert_eq!(value(&inst, "/b"), "");
}
