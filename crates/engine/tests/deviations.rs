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

/// ODK Web Forms turns `coalesce()`'s result into text, so `if(coalesce(selected(…), 0), …)`
/// takes the text "false" for true. JavaRosa (Collect) returns the first non-empty argument as
/// it is, a boolean false stays false; we do what Collect does. (`coalesce(…) or …` agrees
/// with both: Web Forms' `or` returns its left operand when that is true; see the corpus's
/// `coalesce_position`.)
#[test]
fn coalesce_keeps_a_boolean_as_collect_does() {
    let mut inst = instance(json!({
        "settings": {"form_id": "t"},
        "survey": [
            {"type": "select_multiple needs", "name": "needs", "label": "Needs"},
            {"type": "calculate", "name": "c", "calculation": "if(coalesce(selected(${needs}, 'food'), 0), 'y', 'n')"}
        ],
        "choices": {"needs": [{"name": "food", "label": "Food"}, {"name": "water", "label": "Water"}]}
    }));
    inst.set_value(inst.find("/needs").unwrap(), "water")
        .unwrap();
    assert_eq!(value(&inst, "/c"), "n"); // Web Forms: "y"; JavaRosa: "n"
}

/// Web Forms' `substring-after` cuts one character after where the needle starts, whatever
/// its length (`substring-after('hello world', 'wo')` = "orld"): XPath 1.0 and JavaRosa give
/// what follows the whole needle, "rld", and so do we. One-character needles agree (corpus
/// `func_text_odk`).
#[test]
fn substring_after_skips_the_whole_needle() {
    let inst = instance(json!({
        "settings": {"form_id": "t"},
        "survey": [
            {"type": "calculate", "name": "a", "calculation": "substring-after('hello world', 'wo')"}
        ]
    }));
    assert_eq!(value(&inst, "/a"), "rld"); // Web Forms: "orld"
}

/// `distance()` of something that is not two points (a blank geotrace, a repeat with an
/// empty geopoint) stops Web Forms with an error that makes the form unusable (it cannot even
/// be opened when the trace starts blank). It is blank here, like every other bad operand.
#[test]
fn distance_of_a_blank_trace_is_blank() {
    let inst = instance(json!({
        "settings": {"form_id": "t"},
        "survey": [
            {"type": "text", "name": "road", "label": "Road"},
            {"type": "calculate", "name": "d", "calculation": "distance(${road})"},
            {"type": "calculate", "name": "one", "calculation": "distance('41.3 69.2 0 0')"}
        ]
    }));
    assert_eq!(value(&inst, "/d"), ""); // Web Forms: error
    assert_eq!(value(&inst, "/one"), ""); // Web Forms: error
}

/// Web Forms computes `jr:itext(id)` once and keeps the text of the language the form opened
/// in; like `jr:choice-name` (which Web Forms does recompute), we give the text in the
/// language now chosen.
#[test]
fn itext_follows_the_language() {
    let mut inst = instance(json!({
        "settings": {"form_id": "t", "default_language": "en"},
        "survey": [
            {"type": "text", "name": "q", "label": {"en": "Needs", "ru": "Нужды"}},
            {"type": "calculate", "name": "l", "calculation": "jr:itext('/data/q:label')"}
        ]
    }));
    assert_eq!(value(&inst, "/l"), "Needs");
    inst.set_language("ru").unwrap();
    assert_eq!(value(&inst, "/l"), "Нужды"); // Web Forms: "Needs"
}

/// `enclosed-area()` is JavaRosa's older name of `area()`; pyxform passes it on (its
/// `test_area` uses it) and Collect computes it, Web Forms does not know the function.
#[test]
fn enclosed_area_is_area() {
    let inst = instance(json!({
        "settings": {"form_id": "t"},
        "survey": [
            {"type": "calculate", "name": "a", "calculation": "enclosed-area('41.30 69.20 0 0;41.30 69.21 0 0;41.31 69.21 0 0')"},
            {"type": "calculate", "name": "b", "calculation": "area('41.30 69.20 0 0;41.30 69.21 0 0;41.31 69.21 0 0')"}
        ]
    }));
    assert_eq!(value(&inst, "/a"), "465443.26"); // Web Forms: unknown function
    assert_eq!(value(&inst, "/a"), value(&inst, "/b"));
}

/// Web Forms' `or` and `and` give back one of their operands, as JavaScript's `||` and `&&`
/// do: a calculate `${a} or false()` holds `a`'s text, `${a} and 5` holds "5". XPath 1.0 and
/// JavaRosa give a boolean, written "true" / "false"; so do we. (Wherever the result is read
/// as a boolean, in `relevant`, `constraint`, `if()`, the two agree.)
#[test]
fn or_and_give_booleans() {
    let mut inst = instance(json!({
        "settings": {"form_id": "t"},
        "survey": [
            {"type": "text", "name": "a", "label": "A"},
            {"type": "calculate", "name": "o", "calculation": "${a} or false()"},
            {"type": "calculate", "name": "n", "calculation": "${a} and 5"}
        ]
    }));
    inst.set_value(inst.find("/a").unwrap(), "hello").unwrap();
    assert_eq!(value(&inst, "/o"), "true"); // Web Forms: "hello"
    assert_eq!(value(&inst, "/n"), "true"); // Web Forms: "5"
}

/// An absolute path starts at the form's root whatever name it gives the root: pyxform names
/// it `data` (or the settings' `name`), which Xonadon's format does not carry, and a form
/// written for one server's root name should not read blanks on another. ODK reads a path
/// through another root name as empty.
#[test]
fn absolute_paths_start_at_the_root_whatever_its_name() {
    let mut inst = instance(json!({
        "settings": {"form_id": "t"},
        "survey": [
            {"type": "integer", "name": "n", "label": "N"},
            {"type": "calculate", "name": "d", "calculation": "/data/n * 2"},
            {"type": "calculate", "name": "o", "calculation": "/other_name/n * 2"}
        ]
    }));
    inst.set_value(inst.find("/n").unwrap(), "21").unwrap();
    assert_eq!(value(&inst, "/d"), "42");
    assert_eq!(value(&inst, "/o"), "42"); // ODK: "" (no node /other_name)
}

/// `indexed-repeat(${c_name}, ${child}, 1)` inside the second household: ODK Web Forms reads
/// the first household's first child (pyxform writes both paths absolute, and Web Forms takes
/// the first `child` in the document), Collect the second household's own first child
/// (JavaRosa's `indexedRepeat` contextualizes the paths with the node's own, so
/// `/data/household/child` becomes `/data/household[2]/child`). We do what Collect does: the
/// designer asked for "this household's first child", and a household's summary showing
/// another family's child would be wrong on every household but the first.
#[test]
fn indexed_repeat_reads_the_own_outer_instance() {
    let mut inst = instance(json!({
        "settings": {"form_id": "t"},
        "survey": [
            {"type": "repeat", "name": "household", "label": "Household", "children": [
                {"type": "repeat", "name": "child", "label": "Child", "children": [
                    {"type": "text", "name": "c_name", "label": "Name"}
                ]},
                {"type": "calculate", "name": "first_child",
                 "calculation": "indexed-repeat(${c_name}, ${child}, 1)"}
            ]},
            {"type": "calculate", "name": "second_first",
             "calculation": "indexed-repeat(${c_name}, ${household}, 2, ${child}, 1)"}
        ]
    }));
    inst.set_value(inst.find("/household[1]/child[1]/c_name").unwrap(), "Jasur")
        .unwrap();
    let households = inst.find("/household").unwrap();
    inst.add_repeat(households, None).unwrap();
    inst.add_repeat(inst.find("/household[2]/child").unwrap(), None)
        .unwrap();
    inst.set_value(
        inst.find("/household[2]/child[1]/c_name").unwrap(),
        "Madina",
    )
    .unwrap();
    assert_eq!(value(&inst, "/household[1]/first_child"), "Jasur");
    assert_eq!(value(&inst, "/household[2]/first_child"), "Madina"); // Web Forms: "Jasur"
    assert_eq!(value(&inst, "/second_first"), "Madina"); // the same in both
}
