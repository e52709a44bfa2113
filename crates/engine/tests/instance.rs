//! The instance API the app builds on: submission, snapshot / restore, violations, labels.

use std::sync::Arc;

use serde_json::json;
use xonadon_engine::{corrected_id, load, FixedHost, Host, Instance, InstanceError, ViolationKind};

fn form() -> Arc<xonadon_engine::Form> {
    Arc::new(
        load(
            &json!({
                "settings": {"form_id": "t", "default_language": "en",
                             "instance_name": "concat('Age ', ${age})"},
                "survey": [
                    {"type": "integer", "name": "age", "label": {"en": "Age", "ru": "Возраст"},
                     "required": true, "required_message": {"en": "Age please", "ru": "Укажите возраст"}},
                    {"type": "group", "name": "school", "label": "School", "relevant": "${age} < 18", "children": [
                        {"type": "text", "name": "school_name", "label": "Name of ${age}-year-old's school"}
                    ]},
                    {"type": "repeat", "name": "kids", "label": "Kids", "children": [
                        {"type": "text", "name": "kid", "label": "Kid",
                         "constraint": "string-length(.) > 1"}
                    ]}
                ]
            })
            .to_string(),
        )
        .unwrap(),
    )
}

fn host() -> Arc<FixedHost> {
    Arc::new(FixedHost::new(0.0, 300))
}

fn set(inst: &mut Instance, path: &str, v: &str) {
    let n = inst.find(path).unwrap();
    inst.set_value(n, v).unwrap();
}

#[test]
fn submission_leaves_out_irrelevant_answers_but_the_draft_keeps_them() {
    let mut inst = Instance::new(form(), host());
    set(&mut inst, "/age", "12");
    set(&mut inst, "/school/school_name", "No. 5");
    set(&mut inst, "/kids[1]/kid", "Ali");
    set(&mut inst, "/age", "30");
    let sub = inst.submission();
    assert_eq!(sub["age"], "30");
    assert!(sub.get("school").is_none(), "{sub}");
    assert_eq!(sub["kids"][0]["kid"], "Ali");
    assert!(sub["meta"]["instanceID"]
        .as_str()
        .unwrap()
        .starts_with("uuid:"));

    let draft = inst.snapshot();
    assert_eq!(draft["school"]["school_name"], "No. 5");
    let mut back = Instance::restore(form(), host(), &draft).unwrap();
    assert_eq!(back.state_json(), inst.state_json());
    assert_eq!(
        back.submission()["meta"]["instanceID"],
        sub["meta"]["instanceID"]
    );
    set(&mut back, "/age", "12");
    assert_eq!(back.submission()["school"]["school_name"], "No. 5");
}

#[test]
fn restore_skips_what_the_form_no_longer_has_and_refuses_garbage() {
    let draft = json!({"age": "7", "removed_question": "x", "kids": [{"kid": "A"}, {"kid": "Bo"}]});
    let inst = Instance::restore(form(), host(), &draft).unwrap();
    assert_eq!(inst.node(inst.find("/kids[2]/kid").unwrap()).value, "Bo");
    // A question that was a group or a repeat: its old answers are not its text.
    let reshaped = json!({"age": {"years": "7"}, "kids": [{"kid": ["A"]}]});
    let inst = Instance::restore(form(), host(), &reshaped).unwrap();
    assert_eq!(inst.node(inst.find("/age").unwrap()).value, "");
    assert_eq!(inst.node(inst.find("/kids[1]/kid").unwrap()).value, "");
    assert!(matches!(
        Instance::restore(form(), host(), &json!([1, 2])),
        Err(InstanceError::BadSnapshot(_))
    ));
    assert!(matches!(
        Instance::restore(form(), host(), &json!({"kids": "x"})),
        Err(InstanceError::BadSnapshot(_))
    ));
}

#[test]
fn violations_list_what_blocks_finalizing_in_the_current_language() {
    let mut inst = Instance::new(form(), host());
    set(&mut inst, "/kids[1]/kid", "A");
    let v = inst.violations();
    assert_eq!(v.len(), 2, "{v:?}");
    assert_eq!(
        (v[0].path.as_str(), v[0].kind),
        ("/age", ViolationKind::Required)
    );
    assert_eq!(v[0].message, "Age please");
    assert_eq!(
        (v[1].path.as_str(), v[1].kind),
        ("/kids[1]/kid", ViolationKind::Constraint)
    );
    assert_eq!(v[1].message, "This answer is not allowed.");
    inst.set_language("ru").unwrap();
    let v = inst.violations();
    assert_eq!(v[0].message, "Укажите возраст");
    assert_eq!(v[1].message, "Этот ответ недопустим.");
}

#[test]
fn instance_name_follows_the_answers() {
    let mut inst = Instance::new(form(), host());
    set(&mut inst, "/age", "41");
    assert_eq!(inst.instance_name().as_deref(), Some("Age 41"));
}

#[test]
fn labels_show_answers() {
    let mut inst = Instance::new(form(), host());
    set(&mut inst, "/age", "9");
    let n = inst.find("/school/school_name").unwrap();
    assert_eq!(
        inst.label(n).as_deref(),
        Some("Name of 9-year-old's school")
    );
    inst.set_language("ru").unwrap();
    assert_eq!(
        inst.label(inst.find("/age").unwrap()).as_deref(),
        Some("Возраст")
    );
}

#[test]
fn a_filtered_select_is_reported_changed_when_its_filter_input_changes() {
    let form = load(
        &json!({
            "settings": {"form_id": "t"},
            "survey": [
                {"type": "select_one region", "name": "region", "label": "Region"},
                {"type": "select_one district", "name": "district", "label": "District",
                 "choice_filter": "region = ${region}"}
            ],
            "choices": {
                "region": [{"name": "r1", "label": "R1"}],
                "district": [{"name": "d1", "label": "D1", "region": "r1"}]
            }
        })
        .to_string(),
    )
    .unwrap();
    let mut inst = Instance::new(Arc::new(form), host());
    inst.take_changes();
    set(&mut inst, "/region", "r1");
    let district = inst.find("/district").unwrap();
    assert!(inst.take_changes().contains(&district));
    assert_eq!(inst.visible_choices(district).len(), 1);
}

/// XLSForm's metadata types: filled by the device on first load (start, today, its
/// properties), at finalizing (end) or with the audit log (audit); never asked, kept in the
/// draft, in the submission like answers.
#[test]
fn metadata_is_recorded_by_the_device() {
    let form = Arc::new(
        load(
            &json!({
                "settings": {"form_id": "m"},
                "survey": [
                    {"type": "start", "name": "started"},
                    {"type": "end", "name": "ended"},
                    {"type": "today", "name": "day"},
                    {"type": "deviceid", "name": "device"},
                    {"type": "username", "name": "worker"},
                    {"type": "phonenumber", "name": "phone"},
                    {"type": "audit", "name": "audit"},
                    {"type": "text", "name": "q", "label": "Q"},
                    {"type": "calculate", "name": "took",
                     "calculation": "if(${ended} = '', 'open', 'closed')"}
                ]
            })
            .to_string(),
        )
        .unwrap(),
    );
    // 2026-01-15T09:30:00Z at UTC+5.
    let host = || {
        Arc::new(
            FixedHost::new(1_768_469_400_000.0, 300)
                .with_property("deviceid", "tablet-7")
                .with_property("username", "Dilnoza"),
        )
    };
    let mut inst = Instance::new(Arc::clone(&form), host());
    let value = |i: &Instance, p: &str| i.node(i.find(p).unwrap()).value.clone();
    assert_eq!(value(&inst, "/started"), "2026-01-15T14:30:00.000+05:00");
    assert_eq!(value(&inst, "/day"), "2026-01-15");
    assert_eq!(value(&inst, "/device"), "tablet-7");
    assert_eq!(value(&inst, "/worker"), "Dilnoza");
    assert_eq!(
        value(&inst, "/phone"),
        "",
        "a property the device lacks is blank"
    );
    assert_eq!(value(&inst, "/ended"), "");
    assert_eq!(value(&inst, "/took"), "open");
    let started = inst.find("/started").unwrap();
    assert!(matches!(
        inst.set_value(started, "2020-01-01T00:00:00"),
        Err(InstanceError::NotAnswerable(_))
    ));

    // A draft reopened later keeps when it was started.
    let later = Arc::new(FixedHost::new(1_768_469_400_000.0 + 3_600_000.0, 300));
    let mut back = Instance::restore(Arc::clone(&form), later, &inst.snapshot()).unwrap();
    assert_eq!(value(&back, "/started"), "2026-01-15T14:30:00.000+05:00");
    back.stamp_end();
    back.set_audit_file("audit.csv");
    assert_eq!(value(&back, "/ended"), "2026-01-15T15:30:00.000+05:00");
    assert_eq!(value(&back, "/took"), "closed", "what reads `end` follows");
    let sub = back.submission();
    assert_eq!(sub["ended"], "2026-01-15T15:30:00.000+05:00");
    assert_eq!(
        sub["meta"]["audit"], "audit.csv",
        "at /meta/audit, as pyxform puts it"
    );
    assert!(sub.get("audit").is_none());
    assert_eq!(sub["device"], "tablet-7");
    assert_eq!(back.state_json()["/started"]["type"], "metadata");
    inst.stamp_end();
    assert_eq!(value(&inst, "/ended"), "2026-01-15T14:30:00.000+05:00");
}

/// `${last-saved#name}`: the answer in the form last saved on the device (the host supplies
/// its submission), as a default or in any expression; blank without one; inside a repeat
/// the first instance's.
#[test]
fn last_saved_reads_the_form_saved_before() {
    let form = Arc::new(
        load(
            &json!({
                "settings": {"form_id": "ls"},
                "survey": [
                    {"type": "text", "name": "district", "label": "District",
                     "default": "${last-saved#district}"},
                    {"type": "integer", "name": "visits", "label": "Visits"},
                    {"type": "calculate", "name": "more",
                     "calculation": "if(${last-saved#visits} != '', ${last-saved#visits} + 1, 1)"},
                    {"type": "group", "name": "g", "children": [
                        {"type": "repeat", "name": "kids", "children": [
                            {"type": "text", "name": "kid", "label": "Kid"}]}]},
                    {"type": "calculate", "name": "first_kid",
                     "calculation": "${last-saved#kid}"}
                ]
            })
            .to_string(),
        )
        .unwrap(),
    );
    let value = |i: &Instance, p: &str| i.node(i.find(p).unwrap()).value.clone();
    let fresh = Instance::new(Arc::clone(&form), host());
    assert_eq!(value(&fresh, "/district"), "");
    assert_eq!(value(&fresh, "/more"), "1");

    let mut before = fresh.clone();
    set(&mut before, "/district", "Xiva");
    set(&mut before, "/visits", "2");
    set(&mut before, "/g/kids[1]/kid", "Ali");
    let saved = before.submission();
    let with = Arc::new(FixedHost::new(0.0, 300).with_last_saved(saved));
    let mut next = Instance::new(Arc::clone(&form), with);
    assert_eq!(
        value(&next, "/district"),
        "Xiva",
        "a default from the last form"
    );
    assert_eq!(value(&next, "/more"), "3");
    assert_eq!(value(&next, "/first_kid"), "Ali");
    set(&mut next, "/district", "Urganch");
    assert_eq!(
        value(&next, "/district"),
        "Urganch",
        "and the worker may change it"
    );

    let unknown = load(
        &json!({"settings": {"form_id": "x"}, "survey": [
            {"type": "text", "name": "a", "label": "A", "default": "${last-saved#b}"}]})
        .to_string(),
    );
    let message = unknown.unwrap_err().to_string();
    assert!(message.contains("unknown question ${b}"), "{message}");
}

#[test]
fn a_form_says_whether_it_reads_the_last_saved_form() {
    let uses = |survey: serde_json::Value| {
        load(&json!({"settings": {"form_id": "x"}, "survey": survey}).to_string())
            .unwrap()
            .uses_last_saved()
    };
    assert!(!uses(
        json!([{"type": "text", "name": "a", "label": "A", "default": "x"}])
    ));
    assert!(uses(json!([{"type": "text", "name": "a", "label": "A",
                         "default": "${last-saved#a}"}])));
    assert!(uses(json!([{"type": "text", "name": "a", "label": "A",
                         "relevant": "${last-saved#a} != 'no'"}])));
    assert!(uses(json!([{"type": "text", "name": "a", "label": "A"},
                        {"type": "calculate", "name": "b",
                         "calculation": "concat(${a}, ${last-saved#a})"}])));
}

/// `current()` in a predicate is the node whose expression it is (`.` is the node tested):
/// `${person}[pid = current()/../pid_wanted]` looks up this visit's person, and changing
/// the visit's `pid_wanted` or the person's `name` recomputes it.
#[test]
fn current_in_a_predicate_is_the_calculated_node_and_a_dependency() {
    let form = load(
        &json!({
            "settings": {"form_id": "t"},
            "survey": [
                {"type": "repeat", "name": "person", "label": "Person", "children": [
                    {"type": "integer", "name": "pid", "label": "Id"},
                    {"type": "text", "name": "name", "label": "Name"}
                ]},
                {"type": "repeat", "name": "visit", "label": "Visit", "children": [
                    {"type": "integer", "name": "pid_wanted", "label": "Person id"},
                    {"type": "calculate", "name": "who",
                     "calculation": "${person}[pid = current()/../pid_wanted]/name"},
                    {"type": "calculate", "name": "dot_is_tested",
                     "calculation": "count(${person}/pid[. = current()/../pid_wanted])"}
                ]}
            ]
        })
        .to_string(),
    )
    .unwrap();
    let mut inst = Instance::new(Arc::new(form), host());
    let (people, visits) = (inst.find("/person").unwrap(), inst.find("/visit").unwrap());
    inst.add_repeat(people, None).unwrap();
    inst.add_repeat(visits, None).unwrap();
    for (path, v) in [
        ("/person[1]/pid", "7"),
        ("/person[1]/name", "Malika"),
        ("/person[2]/pid", "9"),
        ("/person[2]/name", "Bobur"),
        ("/visit[1]/pid_wanted", "9"),
        ("/visit[2]/pid_wanted", "7"),
    ] {
        set(&mut inst, path, v);
    }
    let value = |inst: &Instance, path: &str| inst.node(inst.find(path).unwrap()).value.clone();
    assert_eq!(value(&inst, "/visit[1]/who"), "Bobur");
    assert_eq!(value(&inst, "/visit[2]/who"), "Malika");
    assert_eq!(value(&inst, "/visit[2]/dot_is_tested"), "1");
    set(&mut inst, "/visit[1]/pid_wanted", "7");
    assert_eq!(value(&inst, "/visit[1]/who"), "Malika");
    set(&mut inst, "/person[1]/name", "Dilnoza");
    assert_eq!(value(&inst, "/visit[1]/who"), "Dilnoza");
    assert_eq!(value(&inst, "/visit[2]/who"), "Dilnoza");
    set(&mut inst, "/visit[2]/pid_wanted", "5");
    assert_eq!(value(&inst, "/visit[2]/who"), "");
    assert_eq!(value(&inst, "/visit[2]/dot_is_tested"), "0");
}

/// What a front end needs to know of a form without evaluating it: which elements' texts
/// change as answers change, and the title in a language.
#[test]
fn the_front_end_contract() {
    let form = load(
        &json!({
            "settings": {"form_id": "t", "default_language": "en",
                         "title": {"en": "Household", "ru": "Домохозяйство"}},
            "survey": [
                {"type": "text", "name": "head", "label": "Head"},
                {"type": "note", "name": "hello", "label": {"en": "Hello", "ru": "Привет, ${head}"}},
                {"type": "integer", "name": "age", "label": "Age", "hint": "of ${head}"},
                {"type": "select_one yn", "name": "ok", "label": "OK?"},
                {"type": "select_one who", "name": "who", "label": "Who?"}
            ],
            "choices": {
                "yn": [{"name": "y", "label": "Yes"}],
                "who": [{"name": "h", "label": "${head}"}]
            }
        })
        .to_string(),
    )
    .unwrap();
    let shows = |name: &str| form.find(name).unwrap().texts_show_answers;
    assert!(!shows("head"));
    assert!(shows("hello"), "in one language is enough");
    assert!(shows("age"), "a hint");
    assert!(!shows("ok"));
    assert!(shows("who"), "a choice's label");
    assert_eq!(form.title(Some("ru")), "Домохозяйство");
    assert_eq!(
        form.title(Some("fr")),
        "Household",
        "the default language's"
    );
    assert_eq!(form.title(None), "Household");
    let untitled =
        load(r#"{"settings": {"form_id": "t"}, "survey": [{"type": "text", "name": "a"}]}"#)
            .unwrap();
    assert_eq!(untitled.title(Some("en")), "t", "its id");
}

#[test]
fn a_correction_is_a_new_submission_naming_the_one_it_replaces() {
    let mut first = Instance::new(form(), host());
    set(&mut first, "/age", "30");
    set(&mut first, "/kids[1]/kid", "Ali");
    let sub = first.submission();
    let old_id = sub["meta"]["instanceID"].as_str().unwrap().to_string();
    assert!(
        sub["meta"].get("deprecatedID").is_none(),
        "only a correction has one, as in ODK: {sub}"
    );

    let mut fix = Instance::correction(form(), host(), &sub).unwrap();
    assert_eq!(fix.submission()["age"], "30");
    assert_eq!(fix.submission()["kids"][0]["kid"], "Ali");
    set(&mut fix, "/age", "31");
    let fixed = fix.submission();
    let new_id = fixed["meta"]["instanceID"].as_str().unwrap();
    assert!(new_id.starts_with("uuid:") && new_id != old_id, "{fixed}");
    assert_eq!(fixed["meta"]["deprecatedID"], old_id.as_str());
    assert_eq!(corrected_id(&fixed), Some(old_id.as_str()));
    assert_eq!(corrected_id(&sub), None);
    assert_eq!(fixed["age"], "31");
    // Kept through a draft's snapshot, as the app saves it.
    let back = Instance::restore(form(), host(), &fix.snapshot()).unwrap();
    assert_eq!(back.submission(), fixed);

    // Corrected again: the chain points to the correction.
    // (a host of its own counts its uuids on from the second one: the fixed host counts)
    let later = Arc::new(FixedHost::new(0.0, 300));
    later.uuid();
    later.uuid();
    let again = Instance::correction(form(), later, &fixed)
        .unwrap()
        .submission();
    assert_eq!(again["meta"]["deprecatedID"], new_id);
    assert_ne!(again["meta"]["instanceID"], fixed["meta"]["instanceID"]);

    let no_id = json!({"age": "3"});
    assert!(matches!(
        Instance::correction(form(), host(), &no_id),
        Err(InstanceError::BadSnapshot(_))
    ));
}

#[test]
fn a_form_with_its_own_meta_group_gets_the_deprecated_id_in_it() {
    let own = Arc::new(
        load(
            &json!({
                "settings": {"form_id": "t", "default_language": "en"},
                "survey": [
                    {"type": "text", "name": "a", "label": "A"},
                    {"type": "group", "name": "meta", "children": [
                        {"type": "calculate", "name": "instanceID",
                         "calculation": "once(concat('uuid:', uuid()))"}
                    ]}
                ]
            })
            .to_string(),
        )
        .unwrap(),
    );
    let sub = Instance::new(own.clone(), host()).submission();
    let fix = Instance::correction(own, host(), &sub)
        .unwrap()
        .submission();
    assert_eq!(fix["meta"]["deprecatedID"], sub["meta"]["instanceID"]);
}
