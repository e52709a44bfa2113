//! The incremental recomputation must give exactly what computing everything from scratch
//! gives. After every step of long random sessions on the household form and on a form with
//! nested and counted repeats, the state is compared with that of an instance rebuilt from the
//! saved answers (which recomputes every node).

use std::sync::Arc;

use serde_json::json;
use xonadon_engine::{load, Action, FixedHost, Form, Instance};

struct Rng(u64);

impl Rng {
    fn below(&mut self, n: usize) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 % n as u64) as usize
    }
}

fn host() -> Arc<FixedHost> {
    Arc::new(FixedHost::new(1_768_469_400_000.0, 300))
}

/// A random action on an existing node: answer a question (with a value that suits it often
/// enough to matter), add or remove a repeat instance, or switch language.
fn random_action(inst: &Instance, rng: &mut Rng) -> Option<Action> {
    let nodes = inst.walk();
    let node = nodes[rng.below(nodes.len())];
    let state = inst.node_state(node);
    let path = inst.path(node);
    let choices: Vec<String> = inst
        .visible_choices(node)
        .iter()
        .map(|c| c.name.clone())
        .collect();
    let value = match state.kind.as_str() {
        "repeat" => {
            return Some(if rng.below(3) == 0 && state.count.unwrap_or(0) > 0 {
                Action::RemoveRepeat {
                    remove_repeat: path,
                    index: 1 + rng.below(state.count.unwrap_or(1)),
                }
            } else {
                Action::AddRepeat {
                    add_repeat: path,
                    count: None,
                }
            })
        }
        "select_one" | "select_multiple" if !choices.is_empty() => {
            let mut v = choices[rng.below(choices.len())].clone();
            if state.kind == "select_multiple" && rng.below(2) == 0 {
                v = format!("{v} {}", choices[rng.below(choices.len())]);
            }
            v
        }
        "integer" | "decimal" | "range" => {
            ["0", "3", "7", "15", "40", "70", "200", "", "-1"][rng.below(9)].to_string()
        }
        "date" => {
            ["2010-05-01", "1950-01-01", "2024-02-29", "2030-01-01", ""][rng.below(5)].to_string()
        }
        "acknowledge" => ["OK", ""][rng.below(2)].to_string(),
        "text" => ["Ali", "", "+998901234567", "x"][rng.below(4)].to_string(),
        "group" if rng.below(8) == 0 => {
            let langs = &inst.form().languages;
            if langs.is_empty() {
                return None;
            }
            return Some(Action::Language {
                language: langs[rng.below(langs.len())].clone(),
            });
        }
        _ => return None,
    };
    Some(Action::Set {
        set: path,
        value: json!(value),
    })
}

fn check_sessions(form: Arc<Form>, sessions: usize, steps: usize, seed: u64) {
    let mut rng = Rng(seed);
    let mut applied = 0;
    for session in 0..sessions {
        let mut inst = Instance::new(Arc::clone(&form), host());
        for step in 0..steps {
            let Some(action) = random_action(&inst, &mut rng) else {
                continue;
            };
            if inst.apply(&action).is_err() {
                continue; // a read-only question, a counted repeat: refused, nothing changed
            }
            applied += 1;
            let mut fresh = Instance::restore(Arc::clone(&form), host(), &inst.snapshot())
                .expect("the snapshot restores");
            if let Some(lang) = inst.language() {
                fresh.set_language(lang).unwrap();
            }
            let (got, want) = (inst.state_json(), fresh.state_json());
            if got != want {
                let got = got.as_object().unwrap();
                let want = want.as_object().unwrap();
                let diff: Vec<String> = want
                    .iter()
                    .filter(|(k, v)| got.get(*k) != Some(v))
                    .map(|(k, v)| format!("{k}: incremental {:?}, full {v}", got.get(k)))
                    .chain(
                        got.keys()
                            .filter(|k| !want.contains_key(*k))
                            .map(|k| format!("{k}: only incremental")),
                    )
                    .take(8)
                    .collect();
                panic!(
                    "session {session} step {step} after {action:?}: incremental state differs from a full recompute:\n  {}",
                    diff.join("\n  ")
                );
            }
        }
    }
    assert!(
        applied > sessions * steps / 4,
        "too few actions applied ({applied})"
    );
}

#[test]
fn household_form_incremental_equals_full() {
    let json = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../forms/household.json"
    ))
    .unwrap();
    let form = Arc::new(load(&json).unwrap());
    check_sessions(form, 6, 120, 0x1234_5678);
}

#[test]
fn nested_and_counted_repeats_incremental_equals_full() {
    let form = json!({
        "settings": {"form_id": "t"},
        "survey": [
            {"type": "integer", "name": "n", "label": "How many?"},
            {"type": "repeat", "name": "counted", "label": "C", "repeat_count": "${n}", "children": [
                {"type": "integer", "name": "c_val", "label": "V", "default": "2"},
                {"type": "integer", "name": "c_more", "label": "M", "default": "${c_val} + position(..)"},
                {"type": "calculate", "name": "c_pos", "calculation": "position(..) * ${c_val}"}
            ]},
            {"type": "repeat", "name": "hh", "label": "Household", "children": [
                {"type": "select_one yn", "name": "active", "label": "Active?"},
                {"type": "repeat", "name": "person", "label": "Person", "relevant": "${active} = 'yes'", "children": [
                    {"type": "integer", "name": "age", "label": "Age"},
                    {"type": "text", "name": "nick", "label": "Nick", "default": "concat(${active}, position(..))"},
                    {"type": "calculate", "name": "older", "calculation": "if(${age} > ${n}, 1, 0)"},
                    {"type": "text", "name": "school", "label": "School", "relevant": "${age} < 18",
                     "required": true}
                ]},
                {"type": "calculate", "name": "hh_people", "calculation": "count(${person})"},
                {"type": "calculate", "name": "hh_older", "calculation": "sum(${older})"},
                {"type": "calculate", "name": "hh_pos", "calculation": "position(..)"}
            ]},
            {"type": "calculate", "name": "all_people", "calculation": "count(${person})"},
            {"type": "calculate", "name": "total", "calculation": "sum(${c_pos}) + sum(${hh_older})"},
            {"type": "calculate", "name": "big", "calculation": "count(${person}[age > 10])"},
            {"type": "calculate", "name": "first_age", "calculation": "indexed-repeat(${age}, ${hh}, 1, ${person}, 1)"}
        ],
        "choices": {"yn": [{"name": "yes", "label": "Yes"}, {"name": "no", "label": "No"}]}
    });
    let form = Arc::new(load(&form.to_string()).unwrap());
    check_sessions(form, 20, 80, 99);
}

/// `current()` inside predicates, and expressions that leave their repeat and come back into
/// it (`../../member[…]`, `/data/member`, `count(${member})` inside `member`): a change in one
/// member changes what the others compute and check.
#[test]
fn reads_across_repeat_instances_incremental_equals_full() {
    let form = json!({
        "settings": {"form_id": "t"},
        "survey": [
            {"type": "integer", "name": "min_age", "label": "Adult from"},
            {"type": "group", "name": "limits", "label": "L", "children": [
                {"type": "group", "name": "summary", "label": "S", "children": [
                    {"type": "calculate", "name": "n_adults",
                     "calculation": "count(${member}[age >= current()/../../../min_age])"}
                ]}
            ]},
            {"type": "repeat", "name": "member", "label": "Member", "children": [
                {"type": "text", "name": "name", "label": "Name",
                 "constraint": "count(../../member[name = current()]) = 1"},
                {"type": "integer", "name": "age", "label": "Age"},
                {"type": "calculate", "name": "older",
                 "calculation": "count(../../member[age > current()/../age])"},
                {"type": "calculate", "name": "first_adult",
                 "calculation": "/data/member[age >= 18][1]/name"},
                {"type": "calculate", "name": "n_members", "calculation": "count(${member})"},
                {"type": "text", "name": "note", "label": "Note",
                 "relevant": "count(../../member[age > current()/../age]) > 0"}
            ]},
            {"type": "repeat", "name": "visit", "label": "Visit", "children": [
                {"type": "integer", "name": "who", "label": "Member number"},
                {"type": "calculate", "name": "who_name",
                 "calculation": "${member}[position() = current()/../who]/name"}
            ]}
        ]
    });
    let form = Arc::new(load(&form.to_string()).unwrap());
    check_sessions(form, 20, 80, 7);
}

/// A repeat inside a counted repeat: the first counted instance comes with one (as ODK makes
/// it), the others with none; removing or adding them, changing the count, saving and
/// restoring all agree with a full recompute.
#[test]
fn repeats_inside_counted_repeats_incremental_equals_full() {
    let form = json!({
        "settings": {"form_id": "t"},
        "survey": [
            {"type": "repeat", "name": "household", "label": "Household", "children": [
                {"type": "integer", "name": "n", "label": "Children"},
                {"type": "repeat", "name": "child", "label": "Child", "repeat_count": "${n}",
                 "children": [
                    {"type": "repeat", "name": "incident", "label": "Incident", "children": [
                        {"type": "text", "name": "what", "label": "What"}
                    ]},
                    {"type": "calculate", "name": "n_inc", "calculation": "count(${incident})"}
                ]}
            ]}
        ]
    });
    let form = Arc::new(load(&form.to_string()).unwrap());
    // The blank incident the first child comes with, removed, stays removed in the draft.
    let mut inst = Instance::new(Arc::clone(&form), host());
    inst.set_value(inst.find("/household[1]/n").unwrap(), "2")
        .unwrap();
    let incidents = inst.find("/household[1]/child[1]/incident").unwrap();
    assert_eq!(inst.node_state(incidents).count, Some(1));
    inst.remove_repeat(incidents, 1).unwrap();
    let back = Instance::restore(Arc::clone(&form), host(), &inst.snapshot()).unwrap();
    assert_eq!(back.state_json(), inst.state_json());
    check_sessions(form, 20, 80, 11);
}
