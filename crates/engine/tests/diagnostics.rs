//! Load-time diagnostics: each case is a small form and the lines `xonadon check` prints.

use serde_json::json;
use xonadon_engine::{check, Severity};

/// A form around `survey` and `choices`.
fn form(survey: serde_json::Value, choices: serde_json::Value) -> String {
    json!({
        "settings": {"form_id": "t", "version": "1", "title": "T"},
        "survey": survey,
        "choices": choices,
    })
    .to_string()
}

fn lines(json: &str) -> Vec<String> {
    check(json).iter().map(|d| d.to_string()).collect()
}

#[track_caller]
fn expect_one(json: &str, wanted: &str) {
    let got = lines(json);
    assert!(
        got.iter().any(|l| l == wanted),
        "expected the diagnostic\n  {wanted}\ngot\n  {}",
        got.join("\n  ")
    );
}

#[test]
fn malformed_json_names_line_and_column() {
    let got = lines("{\"settings\": {\"form_id\": \"x\"},\n \"survey\": [}");
    assert_eq!(got.len(), 1);
    assert!(got[0].starts_with("error: $.survey"), "{got:?}");
    assert!(got[0].contains("line 2 column"), "{got:?}");
}

#[test]
fn unknown_key_is_an_error_with_its_path() {
    let f = form(
        json!([{"type": "text", "name": "a", "lable": "A"}]),
        json!({}),
    );
    let got = lines(&f);
    assert_eq!(got.len(), 1, "{got:?}");
    assert!(
        got[0].starts_with("error: $.survey[0].lable: unknown field `lable`"),
        "{got:?}"
    );
}

#[test]
fn wrong_shape_of_text_is_explained() {
    let f = form(
        json!([{"type": "text", "name": "a", "label": 5}]),
        json!({}),
    );
    expect_one(
        &f,
        "error: $.survey[0].label: expected a text: a string or an object mapping language tags to strings",
    );
}

#[test]
fn parse_error_names_element_property_and_column() {
    let f = form(
        json!([
            {"type": "integer", "name": "age", "label": "Age"},
            {"type": "text", "name": "a", "label": "A", "relevant": "${age} > > 3"}
        ]),
        json!({}),
    );
    expect_one(
        &f,
        "error: $.survey[1].relevant (a): `relevant` of `a`, column 10: unexpected `>` where a value was expected (in `${age} > > 3`)",
    );
}

#[test]
fn unknown_reference_suggests_a_name() {
    let f = form(
        json!([
            {"type": "integer", "name": "age", "label": "Age"},
            {"type": "group", "name": "g", "label": "G", "children": [
                {"type": "text", "name": "a", "label": "A", "constraint": ". != ${agee}"}
            ]}
        ]),
        json!({}),
    );
    expect_one(
        &f,
        "error: $.survey[1].children[0].constraint (a): `constraint` of `a`, column 6: unknown question ${agee} (did you mean ${age}?)",
    );
}

#[test]
fn unknown_reference_in_a_label() {
    let f = form(
        json!([{"type": "text", "name": "a", "label": {"en": "Hello ${nme}", "ru": "Привет"}}]),
        json!({}),
    );
    expect_one(
        &f,
        "error: $.survey[0].label.en (a): `label` of `a` shows unknown question ${nme}",
    );
}

/// pyxform's rule: names are unique among siblings; the same name in two groups (or a question
/// named as its group) is fine until `${name}` has to say which.
#[test]
fn duplicate_names() {
    let f = form(
        json!([
            {"type": "text", "name": "a", "label": "A"},
            {"type": "group", "name": "g", "label": "G", "children": [
                {"type": "text", "name": "a", "label": "A again"},
                {"type": "text", "name": "g", "label": "Named as its group"},
                {"type": "integer", "name": "g", "label": "Twice in g"}
            ]},
            {"type": "text", "name": "b", "label": "B", "relevant": "${a} = 'x'"},
            {"type": "text", "name": "c", "label": "C ${g}"}
        ]),
        json!({}),
    );
    assert_eq!(
        lines(&f),
        [
            "error: $.survey[1].children[2].name (g): duplicate name `g`: already used at $.survey[1].children[1]; names must be unique within `g`",
            "error: $.survey[2].relevant (b): `relevant` of `b`, column 1: ${a} is ambiguous: 2 elements are named `a` (/a, /g/a); rename one of them",
            "error: $.survey[3].label (c): `label` of `c` shows ${g} is ambiguous: 2 elements are named `g` (/g, /g/g); rename one of them",
        ]
    );
    let repeats = form(
        json!([
            {"type": "group", "name": "g", "label": "G", "children": [
                {"type": "repeat", "name": "r", "label": "R", "children": [
                    {"type": "text", "name": "a", "label": "A"}
                ]}
            ]},
            {"type": "repeat", "name": "r", "label": "R again", "children": [
                {"type": "text", "name": "b", "label": "B"}
            ]}
        ]),
        json!({}),
    );
    assert_eq!(
        lines(&repeats),
        ["error: $.survey[1].name (r): duplicate repeat name `r`: the repeat at $.survey[0].children[0] has it already; repeats need names of their own anywhere in the form"]
    );
    // Unused, the repeated name is no problem.
    let fine = form(
        json!([
            {"type": "text", "name": "a", "label": "A"},
            {"type": "group", "name": "g", "label": "G", "children": [
                {"type": "text", "name": "a", "label": "A again"},
                {"type": "text", "name": "g", "label": "Named as its group"}
            ]}
        ]),
        json!({}),
    );
    assert_eq!(lines(&fine), Vec::<String>::new());
}

#[test]
fn unknown_choice_list_and_type() {
    let f = form(
        json!([
            {"type": "select_one colour", "name": "a", "label": "A"},
            {"type": "txt", "name": "b", "label": "B"},
            {"type": "select_one", "name": "c", "label": "C"}
        ]),
        json!({"yes_no": [{"name": "yes", "label": "Yes"}]}),
    );
    expect_one(
        &f,
        "error: $.survey[0].type (a): unknown choice list `colour` (lists: yes_no)",
    );
    expect_one(&f, "error: $.survey[1].type (b): unknown type `txt`");
    expect_one(
        &f,
        "error: $.survey[2].type (c): unknown type `select_one`: write `select_one LIST` with the name of a choice list",
    );
}

#[test]
fn cycles_are_named() {
    let f = form(
        json!([
            {"type": "calculate", "name": "a", "calculation": "${b} + 1"},
            {"type": "calculate", "name": "b", "calculation": "${c} + 1"},
            {"type": "calculate", "name": "c", "calculation": "${a} + 1"}
        ]),
        json!({}),
    );
    let got = lines(&f);
    assert!(
        got.iter()
            .any(|l| l.contains("circular dependency: ${a} → ${b} → ${c} → ${a}")),
        "{got:?}"
    );
}

#[test]
fn constraints_referring_back_are_not_cycles() {
    // A constraint only checks; it never feeds a value, so this is fine in ODK too.
    let f = form(
        json!([
            {"type": "integer", "name": "a", "label": "A", "constraint": ". < ${b}"},
            {"type": "calculate", "name": "b", "calculation": "${a} * 2"}
        ]),
        json!({}),
    );
    assert_eq!(lines(&f), Vec::<String>::new());
}

#[test]
fn choice_filter_reading_a_property_no_choice_has() {
    let f = form(
        json!([
            {"type": "select_one region", "name": "region", "label": "Region"},
            {"type": "select_one district", "name": "district", "label": "District",
             "choice_filter": "regoin = ${region}"}
        ]),
        json!({
            "region": [{"name": "r1", "label": "R1"}],
            "district": [{"name": "d1", "label": "D1", "region": "r1"}]
        }),
    );
    expect_one(
        &f,
        "warning: $.survey[1].choice_filter (district): no choice in list `district` has a property `regoin`: `regoin` is empty for every choice (add \"regoin\" to the choices or fix the name)",
    );
}

#[test]
/// ODK loads these forms (pyxform converts them): warnings a designer would thank us for.
fn literals_that_do_not_fit() {
    let f = form(
        json!([
            {"type": "integer", "name": "a", "label": "A", "default": "many"},
            {"type": "date", "name": "b", "label": "B", "default": "2024-02-30"},
            {"type": "select_one yn", "name": "c", "label": "C", "default": "maybe"},
            {"type": "text", "name": "d", "label": "D", "relevant": "selected(${c}, 'yse')"},
            {"type": "repeat", "name": "r", "label": "R", "repeat_count": -1,
             "children": [{"type": "text", "name": "e", "label": "E"}]}
        ]),
        json!({"yn": [{"name": "yes", "label": "Yes"}, {"name": "no", "label": "No"}]}),
    );
    expect_one(
        &f,
        "warning: $.survey[0].default (a): default `many` is not a whole number",
    );
    expect_one(
        &f,
        "warning: $.survey[1].default (b): default `2024-02-30` is not a date written YYYY-MM-DD",
    );
    expect_one(
        &f,
        "warning: $.survey[2].default (c): default `maybe` is not a choice of this question's list",
    );
    expect_one(
        &f,
        "warning: $.survey[3].relevant (d): `relevant` of `d`: 'yse' is not a choice of `c` (its choices: yes, no)",
    );
    expect_one(
        &f,
        "error: $.survey[4].repeat_count (r): `repeat_count` must be a whole number ≥ 0 or an expression, not -1",
    );
}

#[test]
fn choice_lists_as_odk_loads_them() {
    let f = form(
        json!([
            {"type": "select_one one", "name": "a", "label": "A"},
            {"type": "select_multiple many", "name": "b", "label": "B"},
            {"type": "select_one later", "name": "c", "label": "C",
             "choice_filter": "region = 'x'"},
            {"type": "text", "name": "d", "label": "D", "choice_filter": "true()"}
        ]),
        json!({
            "one": [{"name": "a b", "label": "AB"}, {"name": "c", "label": "C"},
                    {"name": "c", "label": "C again"}],
            "many": [{"name": "x y", "label": "XY"}],
            "later": []
        }),
    );
    assert_eq!(
        lines(&f),
        [
            "error: $.choices.many[0].name: choice name `x y` contains a space: a select_multiple uses this list, and its answer is the chosen names separated by spaces",
            "warning: $.choices.later: choice list `later` is empty: its questions offer no choices",
            "warning: $.choices.one[0].name: choice name `a b` contains a space: fine for a select_one, but a select_multiple could not use this list",
            "warning: $.choices.one[2].name: choice `c` appears twice in list `one`: both are offered, and an answer cannot tell them apart",
            "warning: $.survey[3].choice_filter (d): `choice_filter` does nothing here: it only filters a select's choices",
        ]
    );
}

#[test]
fn warnings_are_separate_from_errors() {
    let f = form(
        json!([
            {"type": "note", "name": "n", "label": "N", "constraint": ". > 1"},
            {"type": "text", "name": "t"},
            {"type": "integer", "name": "i", "label": {"en": "I", "ru": "И"}},
            {"type": "text", "name": "j", "label": {"en": "J"}, "relevant": "${i} > 'abc'"}
        ]),
        json!({"unused": [{"name": "x", "label": "X"}]}),
    );
    let all = check(&f);
    assert!(
        all.iter().all(|d| d.severity == Severity::Warning),
        "{all:?}"
    );
    let got: Vec<String> = all.iter().map(|d| d.to_string()).collect();
    for wanted in [
        "warning: $.survey[0].constraint (n): a constraint here is never checked: only answered questions have constraints",
        "warning: $.survey[1].label (t): this question has no label: the field worker will see only its name",
        "warning: $.survey[3].label (j): no translation for ru: another language is shown there",
        "warning: $.survey[3].relevant (j): `relevant` of `j`: compares a number question with the text 'abc', which is not a number: the comparison is always false",
        "warning: $.choices.unused: choice list `unused` is not used by any question",
    ] {
        assert!(got.iter().any(|l| l == wanted), "missing {wanted}\nin {got:#?}");
    }
}

#[test]
fn structural_errors() {
    let f = form(
        json!([
            {"type": "group", "name": "g", "label": "G"},
            {"type": "text", "name": "t", "label": "T", "children": []},
            {"type": "text", "name": "2bad", "label": "B"},
            {"type": "calculate", "name": "c"}
        ]),
        json!({}),
    );
    // ODK loads an empty group: a warning.
    expect_one(
        &f,
        "warning: $.survey[0] (g): the group `g` has no questions",
    );
    expect_one(
        &f,
        "error: $.survey[1].children (t): only a `group` or `repeat` may have `children`",
    );
    expect_one(
        &f,
        "error: $.survey[2].name (2bad): `2bad` is not a valid name: use letters, digits and `_`, starting with a letter",
    );
    expect_one(
        &f,
        "error: $.survey[3].calculation (c): a calculate needs a `calculation`",
    );
}

#[test]
fn unknown_function_and_bad_regex() {
    let f = form(
        json!([
            {"type": "text", "name": "a", "label": "A", "constraint": "regex(., '[a-')"},
            {"type": "text", "name": "b", "label": "B", "relevant": "sumx(${a})"}
        ]),
        json!({}),
    );
    let got = lines(&f);
    assert!(
        got.iter().any(|l| l.starts_with("error: $.survey[0].constraint (a): `constraint` of `a`, column 1: invalid regular expression '[a-'")),
        "{got:?}"
    );
    expect_one(
        &f,
        "error: $.survey[1].relevant (b): `relevant` of `b`, column 1: unknown function `sumx()` (in `sumx(${a})`)",
    );
}

#[test]
fn instance_name_is_checked() {
    let f = json!({
        "settings": {"form_id": "t", "instance_name": "concat(${nam}, '')"},
        "survey": [{"type": "text", "name": "name", "label": "Name"}]
    })
    .to_string();
    expect_one(
        &f,
        "error: $.settings.instance_name: `instance_name`, column 8: unknown question ${nam} (did you mean ${name}?)",
    );
}

#[test]
fn the_household_form_is_clean() {
    let json = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../forms/household.json"
    ))
    .expect("forms/household.json");
    let diagnostics = check(&json);
    assert!(diagnostics.is_empty(), "{diagnostics:#?}");
}

#[test]
fn pulldata_needs_its_list_and_counts_as_using_it() {
    let f = form(
        json!([
            {"type": "text", "name": "item", "label": "Item"},
            {"type": "calculate", "name": "price",
             "calculation": "pulldata('prices', 'price', 'item', ${item})"},
            {"type": "calculate", "name": "tax",
             "calculation": "pulldata(\"taxes\", 'rate', 'item', ${item})"}
        ]),
        json!({"prices": [{"name": "1", "item": "bread", "price": "4000"}]}),
    );
    expect_one(
        &f,
        "error: $.survey[2].calculation: pulldata('taxes', …) reads a list this form does not \
         have: supply taxes.csv with the form",
    );
    assert!(
        !lines(&f).iter().any(|l| l.contains("`prices` is not used")),
        "{:?}",
        lines(&f)
    );
}

#[test]
fn required_does_nothing_where_nobody_answers_except_on_a_note() {
    let f = form(
        json!([
            {"type": "integer", "name": "n", "label": "N"},
            {"type": "note", "name": "stop", "label": "Too many", "relevant": "${n} > 9",
             "required": true},
            {"type": "calculate", "name": "c", "calculation": "1", "required": true},
            {"type": "start", "name": "s", "required": true},
            {"type": "group", "name": "g", "label": "G", "required": true, "children": [
                {"type": "text", "name": "t", "label": "T"}]}
        ]),
        json!({}),
    );
    let got: Vec<String> = lines(&f)
        .into_iter()
        .filter(|l| l.contains("`required` does nothing"))
        .collect();
    let flagged: Vec<&str> = ["(c)", "(s)", "(g)"]
        .into_iter()
        .filter(|e| got.iter().any(|l| l.contains(e)))
        .collect();
    assert_eq!(flagged, ["(c)", "(s)", "(g)"], "{got:#?}");
    assert!(!got.iter().any(|l| l.contains("(stop)")), "{got:#?}");
}

#[test]
fn range_parameters_are_read_as_pyxform_reads_them() {
    let range = |params: &str| {
        let f = form(
            json!([{"type": "range", "name": "r", "label": "R", "parameters": params}]),
            json!({}),
        );
        check(&f)
            .iter()
            .map(|d| (d.severity, d.message.clone()))
            .collect::<Vec<_>>()
    };
    assert_eq!(range("start=2 end=9 step=1"), []);
    // pyxform accepts these spellings: the app reads only the first, so a warning.
    for params in [
        "start=2,end=9",
        "start=2;end=9",
        "START=2 end=9",
        "start = 2 end = 9",
    ] {
        let got = range(params);
        assert_eq!(got.len(), 1, "{params}: {got:?}");
        assert_eq!(got[0].0, Severity::Warning, "{params}: {got:?}");
        assert!(got[0].1.contains("read as `start=2 end=9`"), "{got:?}");
    }
    for params in ["start", "start=2 end", "a=b=c"] {
        let got = range(params);
        assert_eq!(got.len(), 1, "{params}: {got:?}");
        assert_eq!(got[0].0, Severity::Error, "{params}: {got:?}");
    }
    let got = range("start=one end=9");
    assert_eq!(got.len(), 1, "{got:?}");
    assert_eq!(got[0].0, Severity::Error);
    assert!(
        got[0].1.contains("`start=one` should be a number"),
        "{got:?}"
    );
}

#[test]
fn a_list_of_tick_labels_is_used() {
    let f = form(
        json!([{"type": "range", "name": "r", "label": "R",
                "parameters": "start=1 end=10 tick_labelset=Ticks"}]),
        json!({"ticks": [{"name": "1", "label": "low"}, {"name": "10", "label": "high"}],
               "spare": [{"name": "a", "label": "A"}]}),
    );
    let got = lines(&f);
    assert_eq!(
        got,
        ["warning: $.choices.spare: choice list `spare` is not used by any question"],
        "{got:?}"
    );
}

#[test]
fn triggers_as_pyxform_reads_them() {
    let f = form(
        json!([
            {"type": "text", "name": "a", "label": "A"},
            {"type": "text", "name": "b", "label": "B"},
            {"type": "calculate", "name": "c", "calculation": "1"},
            {"type": "text", "name": "ok", "label": "OK", "calculation": "1",
             "trigger": " ${a} ,, ${b} ,"},
            {"type": "text", "name": "no_comma", "label": "N", "calculation": "1",
             "trigger": "${a} ${b}"},
            {"type": "text", "name": "hidden_trigger", "label": "H", "calculation": "1",
             "trigger": "${c}"},
            {"type": "text", "name": "not_a_ref", "label": "R", "calculation": "1",
             "trigger": "a"}
        ]),
        json!({}),
    );
    assert_eq!(
        lines(&f),
        [
            "error: $.survey[4].trigger (no_comma): `trigger` names several questions without a comma between them (`${a} ${b}`): write `${a}, ${b}`",
            "error: $.survey[6].trigger (not_a_ref): `trigger` `a` names no question: write `${name}` (several separated by commas)",
            "error: $.survey[5].trigger (hidden_trigger): `trigger` names ${c}, which the field worker never answers (a calculation): name a question they answer",
        ]
    );
}

#[test]
fn digest_and_weighted_checklist_literals_are_checked() {
    let f = form(
        json!([
            {"type": "text", "name": "a", "label": "A"},
            {"type": "calculate", "name": "h", "calculation": "digest(${a}, 'SHA-3')"},
            {"type": "calculate", "name": "e", "calculation": "digest(${a}, 'SHA-256', 'base32')"},
            {"type": "calculate", "name": "ok", "calculation": "digest(${a}, 'SHA-256', 'hex')"},
            {"type": "text", "name": "w", "label": "W", "constraint": "weighted-checklist(1, 2, . = 'x', 1, ${a} = 'y')"}
        ]),
        json!({}),
    );
    expect_one(
        &f,
        "warning: $.survey[1].calculation (h): `calculation` of `h`: `digest()` has no algorithm 'SHA-3': use one of MD5, SHA-1, SHA-256, SHA-384, SHA-512 (the result is blank)",
    );
    expect_one(
        &f,
        "warning: $.survey[2].calculation (e): `calculation` of `e`: `digest()` has no encoding 'base32': use 'base64' or 'hex' (the result is blank)",
    );
    expect_one(
        &f,
        "warning: $.survey[4].constraint (w): `constraint` of `w`: `weighted-checklist()` takes its answers and weights in pairs after min and max; the last answer has no weight, so the result is always false",
    );
    assert_eq!(lines(&f).iter().filter(|l| l.contains("(ok)")).count(), 0);
    assert!(
        lines(&f).iter().all(|l| !l.starts_with("error")),
        "{:?}",
        lines(&f)
    );
}

#[test]
fn instance_needs_its_list_and_counts_as_using_it() {
    let f = form(
        json!([
            {"type": "text", "name": "a", "label": "A"},
            {"type": "calculate", "name": "l", "calculation": "instance('places')/root/item[name = ${a}]/label"},
            {"type": "calculate", "name": "m", "calculation": "count(instance('nope')/root/item)"}
        ]),
        json!({"places": [{"name": "p1", "label": "P1"}]}),
    );
    expect_one(
        &f,
        "error: $.survey[2].calculation: instance('nope') reads a list this form does not have: add the choice list `nope`, or supply nope.csv with the form",
    );
    assert!(
        lines(&f)
            .iter()
            .all(|l| !l.contains("`places` is not used")),
        "{:?}",
        lines(&f)
    );
}

#[test]
fn names_inside_instance_in_a_choice_filter_are_that_list_s() {
    let f = form(
        json!([
            {"type": "text", "name": "code", "label": "Code"},
            {"type": "select_one district", "name": "district", "label": "District",
             "choice_filter": "region = instance('region')/root/item[code = ${code}]/name and regoin = 1"}
        ]),
        json!({
            "region": [{"name": "r1", "label": "R1", "code": "10"}],
            "district": [{"name": "d1", "label": "D1", "region": "r1"}]
        }),
    );
    let got = lines(&f);
    assert!(got.iter().all(|l| !l.contains("`code`")), "{got:?}");
    assert!(
        got.iter().any(|l| l.contains("property `regoin`")),
        "{got:?}"
    );
}

#[test]
fn choices_from_answers_need_their_question() {
    let f = form(
        json!([
            {"type": "repeat", "name": "members", "label": "Members", "children": [
                {"type": "text", "name": "member_name", "label": "Name"}
            ]},
            {"type": "select_one ${member_name}", "name": "head", "label": "Head"},
            {"type": "select_one ${membr_name}", "name": "typo", "label": "Typo"}
        ]),
        json!({}),
    );
    assert_eq!(
        lines(&f),
        ["error: $.survey[2].type (typo): the choices of `typo` are the answers of unknown question ${membr_name} (did you mean ${member_name}?)"]
    );
}

/// A broken form's findings read in the designer's language: the English stays the message,
/// and Russian and Uzbek say the same findings with the same names in them.
#[test]
fn a_broken_forms_findings_read_in_russian_and_uzbek() {
    use xonadon_engine::Lang;
    let f = form(
        json!([
            {"type": "integer", "name": "age", "label": "Age"},
            {"type": "text", "name": "job", "label": "Job", "relevant": "${agee} > 15"},
            {"type": "select_one yn", "name": "ok", "label": "OK", "default": "maybe"}
        ]),
        json!({"yn": [{"name": "yes", "label": "Yes"}, {"name": "no", "label": "No"}],
               "spare": [{"name": "a", "label": "A"}]}),
    );
    let found = check(&f);
    let said = |lang: Lang| -> Vec<String> { found.iter().map(|d| d.message_in(lang)).collect() };
    assert_eq!(
        said(Lang::En),
        found.iter().map(|d| d.message.clone()).collect::<Vec<_>>()
    );
    assert_eq!(
        said(Lang::Ru),
        [
            "`relevant` в `job`, позиция 1: неизвестный вопрос ${agee} (может быть, ${age}?)",
            "список вариантов `spare` не используется ни одним вопросом",
            "`default` `maybe` — не вариант из списка этого вопроса",
        ]
    );
    assert_eq!(
        said(Lang::UzLatn),
        [
            "`job`-dagi `relevant`, 1-belgi: nomaʼlum savol ${agee} (${age} nazarda tutilganmi?)",
            "`spare` tanlovlar roʻyxatini hech qaysi savol ishlatmaydi",
            "`default` `maybe` bu savol roʻyxatidagi tanlov emas",
        ]
    );
    assert_eq!(
        said(Lang::UzCyrl)[0],
        "`job`-даги `relevant`, 1-белги: номаълум савол ${agee} (${age} назарда тутилганми?)"
    );
}

/// What serde cannot read is said in each language too, its own detail kept.
#[test]
fn an_unknown_key_reads_in_russian() {
    use xonadon_engine::Lang;
    let f = form(
        json!([{"type": "text", "name": "a", "lable": "A"}]),
        json!({}),
    );
    let found = check(&f);
    assert_eq!(found.len(), 1, "{found:?}");
    let ru = found[0].message_in(Lang::Ru);
    assert!(
        ru.starts_with("неизвестный ключ `lable`; здесь допустимы: `"),
        "{ru}"
    );
    assert!(ru.contains("`label`"), "{ru}");
}

/// The expression parser's own findings are typed too: said in Uzbek Cyrillic and Russian.
#[test]
fn a_syntax_error_reads_in_uzbek_cyrillic_and_russian() {
    use xonadon_engine::Lang;
    let f = form(
        json!([
            {"type": "integer", "name": "age", "label": "Age"},
            {"type": "text", "name": "job", "label": "Job", "relevant": "${age} >"}
        ]),
        json!({}),
    );
    let found = check(&f);
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(
        found[0].message,
        "`relevant` of `job`, column 9: the expression ends where a value was expected (in `${age} >`)"
    );
    assert_eq!(
        found[0].message_in(Lang::Ru),
        "`relevant` в `job`, позиция 9: выражение обрывается там, где ожидалось значение (в выражении `${age} >`)"
    );
    assert_eq!(
        found[0].message_in(Lang::UzCyrl),
        "`job`-даги `relevant`, 9-белги: ифода қиймат кутилган жойда тугайди (`${age} >` ифодасида)"
    );
}
