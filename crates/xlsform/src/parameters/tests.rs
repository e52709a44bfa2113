//! Parameters checked against pyxform's verdicts.

use std::cmp::Ordering;

use super::numbers::*;
use super::*;
use xonadon_engine::Severity;

/// (type, parameters, appearance) → `None` (accepted), or a piece of the error.
type Case = (
    &'static str,
    &'static str,
    &'static str,
    Option<&'static str>,
);

fn form() -> Form {
    let mut form = Form::default();
    for (list, names) in [
        ("c1", &["1", "10"][..]),
        ("ticks", &["1", "3", "5"][..]),
        ("odd", &["1", "2"][..]),
        ("words", &["1", "one"][..]),
        ("wide", &["0", "5"][..]),
        ("three", &["1", "5", "10"][..]),
        ("dupes", &["1", "1.0", "10"][..]),
        ("one", &["1"][..]),
    ] {
        form.choices
            .insert(list.into(), names.iter().map(|n| n.to_string()).collect());
    }
    form.instances.insert("cities".into());
    form.instances.insert("trees".into());
    form.repeats.insert("r1".into());
    form.names.extend(["r1", "q1"].map(String::from));
    form
}

#[track_caller]
fn run(cases: &[Case]) {
    let form = form();
    for (kind, cell, appearance, wanted) in cases {
        let appearance = (!appearance.is_empty()).then_some(*appearance);
        let got = check_cell(kind, cell, appearance, &form);
        match (wanted, &got) {
            (None, Ok(_)) => {}
            (Some(piece), Err(message)) if message.contains(piece) => {}
            _ => panic!("{kind} `{cell}` ({appearance:?}): wanted {wanted:?}, got {got:?}"),
        }
    }
}

#[test]
#[rustfmt::skip]
fn parameters_are_pairs_separated_by_spaces_commas_or_semicolons() {
    run(&[
        ("range", "start=2,end=9", "", None),
        ("range", "start=2;end=9", "", None),
        ("range", "start=2,", "", None),
        ("range", ",", "", None),
        ("range", ";", "", None),
        ("range", "START = 2 End=9", "", None),
        ("range", "start", "", Some("cannot be read")),
        ("range", "start=2 end", "", Some("cannot be read")),
        ("range", "a=b=c", "", Some("cannot be read")),
        ("integer", "start", "", Some("cannot be read")),
        ("begin group", "x", "", Some("cannot be read")),
    ]);
}

#[test]
#[rustfmt::skip]
fn range() {
    run(&[
        ("range", "start=1 end=10 step=1", "", None),
        ("range", "start=10 end=1 step=1", "", None),
        ("range", "start=10 end=1 step=-1", "", None),
        ("range", "start=0.5 end=2.5 step=0.5", "", None),
        ("range", "start=1_0 end=2_0", "", None),
        ("range", "start=1e0 end=1e1", "", None),
        ("range", "start=+5 end=10", "", None),
        ("range", "end=5 foo=1", "", Some("`foo` is not a parameter of range questions")),
        ("range", "step=x", "", Some("`step` must be a number")),
        ("range", "start=inf", "", Some("`start` must be a number")),
        ("range", "start=nan", "", Some("`start` must be a number")),
        ("range", "tick_interval=0x2", "", Some("`tick_interval` must be a number")),
        ("range", "placeholder=two", "", Some("`placeholder` must be a number")),
        ("range", "step=0", "", Some("`step` must not be 0")),
        ("range", "step=10", "", Some("`step` (10) is larger than the range")),
        ("range", "start=1 end=1", "", Some("`step` (1) is larger")),
        ("range", "start=10 end=1 step=20", "", Some("larger than the range")),
        ("range", "tick_interval=0", "", Some("`tick_interval` must not be 0")),
        ("range", "tick_interval=20", "", Some("`tick_interval` (20) is larger")),
        ("range", "step=2 tick_interval=3", "", Some("must be a multiple of step (2)")),
        ("range", "step=0.1 tick_interval=0.3", "", None),
        ("range", "step=2 tick_interval=4", "", None),
        ("range", "step=0.5 placeholder=1.25", "", Some("`placeholder` (1.25) must be start")),
        ("range", "start=1 step=2 placeholder=2", "", Some("plus a multiple of step (2)")),
        ("range", "start=1 step=2 placeholder=3", "", None),
        ("range", "placeholder=11", "", Some("must lie between start and end")),
        ("range", "start=10 end=1 placeholder=0", "", Some("must lie between")),
        ("range", "start=10 end=1 placeholder=5", "", None),
    ]);
}

#[test]
#[rustfmt::skip]
fn range_ticks_and_their_appearances() {
    run(&[
        ("range", "tick_interval=2", "vertical", None),
        ("range", "tick_interval=2", "no-ticks", None),
        ("range", "tick_interval=2", "vertical no-ticks", None),
        ("range", "tick_interval=2", "picker", Some("`tick_interval` works only with")),
        ("range", "placeholder=2", "rating", Some("`placeholder` works only with")),
        ("range", "tick_labelset=c1", "picker", Some("`tick_labelset` works only with")),
        ("range", "start=1 end=5", "picker", None),
        ("range", "tick_labelset=c1", "", None),
        ("range", "tick_labelset=C1", "", None),
        ("range", "tick_labelset=nope", "", Some("`nope` is not a list on the choices sheet")),
        ("range", "tick_labelset=words", "", Some("must all be numbers, not `one`")),
        ("range", "tick_labelset=wide", "", Some("choice `0` of tick_labelset `wide` is outside")),
        ("range", "start=10 end=1 tick_labelset=wide", "", Some("is outside")),
        ("range", "step=2 end=9 tick_labelset=odd", "", Some("multiple of step (2)")),
        ("range", "tick_interval=2 tick_labelset=ticks", "", None),
        ("range", "tick_interval=2 tick_labelset=odd", "", Some("multiple of tick_interval (2)")),
        ("range", "tick_labelset=c1", "no-ticks", None),
        ("range", "tick_labelset=three", "no-ticks", Some("only 2 labels")),
        ("range", "tick_labelset=dupes", "no-ticks", None),
        ("range", "tick_labelset=one", "no-ticks", Some("may only label start (1) and end (10)")),
        ("range", "start=1 end=5 tick_labelset=c1", "", Some("choice `10` of tick_labelset")),
    ]);
}

#[test]
#[rustfmt::skip]
fn geo() {
    run(&[
        ("geopoint", "capture-accuracy=5 warning-accuracy=10.5", "", None),
        ("geopoint", "allow-mock-accuracy=true", "", None),
        ("geopoint", "allow-mock-accuracy=FALSE", "", None),
        ("geopoint", "allow-mock-accuracy=foo", "", Some("`allow-mock-accuracy` must be true or false")),
        ("geopoint", "capture-accuracy=far", "", Some("`capture-accuracy` must be a number")),
        ("geopoint", "warning-accuracy=near", "", Some("`warning-accuracy` must be a number")),
        ("geopoint", "capture-accuracy=nan", "", None),
        ("geopoint", "incremental=true", "", Some("`incremental` is not a parameter of geopoint")),
        ("geoshape", "capture-accuracy=5", "", Some("`capture-accuracy` is not a parameter of geoshape")),
        ("geotrace", "incremental=true", "", None),
        ("geoshape", "incremental=yes", "", None),
        ("geotrace", "incremental=false", "", Some("`incremental` may only be `true`")),
        ("geotrace", "allow-mock-accuracy=1", "", Some("must be true or false")),
        ("geopoint", "reference-geometry=c1", "", None),
        ("geoshape", "reference-geometry=cities", "", None),
        ("geotrace", "reference-geometry=${r1}", "", None),
        ("geotrace", "reference-geometry=${last-saved#r1}", "", None),
        ("geopoint", "reference-geometry=nowhere", "", Some("`reference-geometry=nowhere` names nothing")),
        ("geopoint", "reference-geometry=${q1}", "", Some("names nothing")),
        ("geopoint", "reference-geometry=${r1", "", Some("names nothing")),
        ("geopoint", "reference-geometry=${R1}", "", Some("`${R1}` names nothing on the survey sheet")),
    ]);
}

#[test]
#[rustfmt::skip]
fn selects() {
    run(&[
        ("select_one c1", "randomize=true", "", None),
        ("select_one c1", "randomize=true seed=42", "", None),
        ("select_one c1", "randomize=true seed=${q1}", "", None),
        ("select_multiple c1", "randomize=true seed=-1.5e3", "", None),
        ("select_one c1 or_other", "randomize=false", "", None),
        ("select one from c1", "randomize=true", "", None),
        ("rank c1", "randomize=true", "", None),
        ("select_one c1", "randomize=yes", "", Some("`randomize` must be true or false")),
        ("select_one c1", "randomize=true seed=abc", "", Some("`seed` must be a number or a reference")),
        ("select_one c1", "randomize=true seed=${q1}+1", "", Some("`seed` must be")),
        ("select_one c1", "seed=42", "", Some("needs `randomize=true`")),
        ("select_one c1", "randomize=true seed=${Q1}", "", Some("`${Q1}` names nothing")),
        ("select_one c1", "randomize=true seed=${q2}", "", Some("`${q2}` names nothing")),
        ("integer", "a=${1q}", "", Some("`${1q}` is not a reference")),
        ("integer", "a=${q2}", "", Some("`${q2}` names nothing")),
        ("select_one c1", "value=name", "", Some("`value` is not a parameter of select questions")),
        ("select_one_external c1", "foo=1", "", Some("of select_one_external questions")),
        ("select one from file cities.csv", "value=name", "", Some("is not a parameter of select")),
        ("select_one_from_file cities.csv", "value=id label=Name randomize=true", "", None),
        ("select_multiple_from_file cities.csv", "value=my:id", "", None),
        ("select_one_from_file cities.csv", "value=1id", "", Some("`value=1id` must name a column")),
        ("select_one_from_file cities.csv", "label=a*b", "", Some("`label=a*b`")),
        ("select_one_from_file cities.csv", "foo=1", "", Some("they take label, randomize, seed, value")),
    ]);
}

#[test]
#[rustfmt::skip]
fn text_image_and_audio() {
    run(&[
        ("text", "rows=7", "", None),
        ("TEXT", "Rows=+7", "", None),
        ("text", "rows=7.5", "", Some("`rows` must be a whole number, not `7.5`")),
        ("text", "cols=7", "", Some("`cols` is not a parameter of text questions")),
        ("string", "cols=7", "", None),
        ("image", "max-pixels=1024", "", None),
        ("photo", "max-pixels=1_024", "", None),
        ("image", "max-pixels=big", "", Some("`max-pixels` must be a whole number")),
        ("image", "app=com.example.camera", "", None),
        ("image", "app=com.example.camera", "annotate", None),
        ("image", "app=camera", "", Some("at least one `.`")),
        ("image", "app=com.example.", "", Some("cannot end in a `.`")),
        ("image", "app=com..camera", "", Some("segments cannot be empty")),
        ("image", "app=com._camera", "", Some("begin with `_`")),
        ("image", "app=com.1camera", "", Some("begin with a digit")),
        ("image", "app=com.ex-ample", "", Some("can only hold letters")),
        ("image", "app=camera", "signature", None),
        ("image", "rows=2", "", Some("they take app, max-pixels")),
        ("audio", "quality=voice-only", "", None),
        ("audio", "quality=external", "", None),
        ("audio", "quality=best", "", Some("`quality` must be voice-only, low, normal or external")),
        ("background-audio", "quality=low", "", None),
        ("background-audio", "quality=external", "", Some("must be voice-only, low or normal")),
        ("background-audio", "rate=2", "", Some("of background-audio questions")),
    ]);
}

#[test]
#[rustfmt::skip]
fn audit() {
    run(&[
        ("audit", "track-changes=true identify-user=false", "", None),
        ("audit", "track-changes-reasons=on-form-edit", "", None),
        ("audit", "location-priority=balanced location-min-interval=60 location-max-age=120", "", None),
        ("audit", "track-changes=maybe", "", Some("`track-changes` must be true or false")),
        ("audit", "identify-user=foo", "", Some("`identify-user` must be true or false")),
        ("audit", "track-changes-reasons=always", "", Some("must be on-form-edit")),
        ("audit", "location-priority=balanced", "", Some("give all three")),
        ("audit", "location-priority=foo location-min-interval=1 location-max-age=2", "", Some("`location-priority` must be no-power")),
        ("audit", "location-priority=balanced location-min-interval=x location-max-age=2", "", Some("`location-min-interval` must be a whole number")),
        ("audit", "location-priority=balanced location-min-interval=-1 location-max-age=2", "", Some("`location-min-interval` must be 0 or more")),
        ("audit", "location-priority=balanced location-min-interval=1 location-max-age=-2", "", Some("`location-max-age` must be 0 or more")),
        ("audit", "location-priority=balanced location-min-interval=10 location-max-age=2", "", Some("`location-max-age` (2) must be at least")),
        ("audit", "foo=1", "", Some("`foo` is not a parameter of audit questions")),
    ]);
}

#[test]
fn what_xonadon_does_not_use_is_a_warning() {
    let form = form();
    for (kind, cell, wanted) in [
        ("range", "start=1 end=5 step=1", None),
        ("range", "end=5 tick_interval=2", Some("`tick_interval=2`")),
        (
            "select_one c1",
            "randomize=true seed=3",
            Some("`randomize=true`, `seed=3`"),
        ),
        ("text", "rows=3", Some("`rows=3`")),
        (
            "select_one_from_file a.csv",
            "value=id",
            Some("`value` is not used"),
        ),
        ("geotrace", "incremental=true", None),
    ] {
        let got = check_cell(kind, cell, None, &form);
        match wanted {
            None => assert_eq!(got, Ok(None), "{kind} {cell}"),
            Some(piece) => assert!(
                matches!(&got, Ok(Some(w)) if w.contains(piece)),
                "{kind} {cell}: {got:?}"
            ),
        }
    }
}

#[test]
fn other_types_take_no_parameters() {
    let form = form();
    for kind in ["integer", "begin group", "begin repeat", "string", "note"] {
        let got = check_cell(kind, "rows=2", None, &form);
        assert!(
            matches!(&got, Ok(Some(w)) if w.contains(&format!("`{kind}` rows take no parameters"))),
            "{kind}: {got:?}"
        );
    }
    assert_eq!(check_cell("integer", ",", None, &form), Ok(None));
}

#[test]
fn the_form_gives_instances_and_repeats() {
    let types = [
        ("begin repeat", "r1"),
        ("begin_repeat", "r2"),
        ("begin group", "g1"),
        ("csv-external", "towns"),
        ("select_one_from_file trees.geojson", "q1"),
        ("select_one plots", "q2"),
        ("select_one_external ext", "q3"),
    ];
    let mut form = Form::default();
    for (kind, name) in types {
        match Type::of(kind) {
            Type::Repeat => {
                form.repeats.insert(name.into());
            }
            Type::External => {
                form.instances.insert(stem(name).into());
            }
            Type::Select {
                list,
                external: false,
            }
            | Type::SelectFromFile { list } => {
                form.instances.insert(stem(&list).into());
            }
            _ => {}
        }
    }
    assert_eq!(form.repeats, ["r1", "r2"].map(String::from).into());
    assert_eq!(
        form.instances,
        ["plots", "towns", "trees"].map(String::from).into()
    );
}

fn sheet(name: &str, rows: &[&[&str]]) -> Sheet {
    Sheet {
        name: name.into(),
        headers: rows[0].iter().map(|h| h.to_string()).collect(),
        rows: rows[1..]
            .iter()
            .zip(2..)
            .map(|(cells, number)| {
                crate::workbook::Row::new(number, cells.iter().map(|c| c.to_string()).collect())
            })
            .collect(),
        ..Sheet::default()
    }
}

#[test]
fn findings_are_placed_at_the_row_and_the_parameters_column() {
    let survey = sheet(
        "survey",
        &[
            &["type", "name", "label", "Parameters"],
            &["begin_repeat", "plots", "Plots", ""],
            &["geoshape", "edge", "Edge", "reference-geometry=${plots}"],
            &["end_repeat", "", "", ""],
            &["geopoint", "p1", "P1", "reference-geometry=trees"],
            &["geotrace", "p2", "P2", "reference-geometry=nowhere"],
            &["range", "r1", "R1", "tick_labelset=marks step=2"],
            &["integer", "n", "N", "rows=2"],
            &["range", "r2", "R2", "start=1,end=5"],
        ],
    );
    let choices = sheet(
        "choices",
        &[
            &["list_name", "name", "label"],
            &["marks", "1", "One"],
            &["marks", "2", "Two"],
        ],
    );
    let entities = sheet("entities", &[&["list_name", "label"], &["trees", "T"]]);
    let mut problems = Vec::new();
    check(
        &Table::new(&survey),
        Some(&Table::new(&choices)),
        Some(&entities),
        &mut problems,
    );
    let got: Vec<(Severity, u32, &str, &str)> = problems
        .iter()
        .map(|p| {
            (
                p.severity,
                p.row.unwrap(),
                p.column.as_deref().unwrap(),
                p.message.as_str(),
            )
        })
        .collect();
    let at = |severity| {
        got.iter()
            .filter(|g| g.0 == severity)
            .map(|g| g.1)
            .collect::<Vec<_>>()
    };
    // Rows 3 (a repeat's name) and 5 (an entity list) name geometries; 9 reads as pairs.
    assert_eq!(at(Severity::Error), [6, 7], "{got:#?}");
    // What Xonadon does not use (row 5), parameters on an integer (row 8).
    assert_eq!(at(Severity::Warning), [5, 8], "{got:#?}");
    assert!(got[1].3.contains("`reference-geometry=nowhere`"), "{got:?}");
    assert_eq!(got[2].2, "Parameters");
    assert!(
        got[2].3.contains("choice `2` of tick_labelset `marks`"),
        "{got:?}"
    );
    assert!(got[3].3.contains("take no parameters"), "{got:?}");
}

#[test]
fn numbers_are_exact() {
    let d = |s| match decimal(s) {
        Some(Num::Finite(d)) => d,
        other => panic!("{s}: {other:?}"),
    };
    assert!(d("0.3").multiple_of(d("0.1")));
    assert!(!d("0.35").multiple_of(d("0.1")));
    assert_eq!(d("1.0").cmp(d("1")), Ordering::Equal);
    assert_eq!(d("2.5").sub(d("1")).to_string(), "1.5");
    assert_eq!(d("-1e3").to_string(), "-1000");
    assert!(decimal("1__0").is_none());
    assert!(decimal("_1").is_none());
    assert!(decimal(".").is_none());
    assert!(decimal("1e").is_none());
    assert!(matches!(decimal("-Infinity"), Some(Num::Infinite)));
    assert!(matches!(float("nan"), Some(Num::NaN)));
    assert_eq!(int(" 42 "), Some(42));
    assert_eq!(int("4.2"), None);
}

#[test]
fn normalize_writes_what_the_app_reads() {
    let mut elements: Vec<ElementDef> = serde_json::from_value(serde_json::json!([
        {"type": "range", "name": "r", "parameters": "START=2,end=9"},
        {"type": "group", "name": "g", "children": [
            {"type": "range", "name": "s", "parameters": ";"},
            {"type": "range", "name": "t", "parameters": "start"}
        ]}
    ]))
    .unwrap();
    normalize(&mut elements);
    assert_eq!(elements[0].parameters.as_deref(), Some("start=2 end=9"));
    let children = elements[1].children.as_ref().unwrap();
    assert_eq!(children[0].parameters, None);
    assert_eq!(children[1].parameters.as_deref(), Some("start"));
}
