//! Scripted changes to a filled form: what `xonadon run` applies and what test scenarios are
//! written in. The same actions as ODK's oracle accepts, so scenarios run through both.

use serde::Deserialize;
use serde_json::Value as Json;

use crate::instance::{Instance, InstanceError};

/// One step of a script.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(untagged, deny_unknown_fields)]
pub enum Action {
    /// `{"set": "/hh/members[2]/age", "value": "12"}`; a list of names for a select_multiple.
    Set { set: String, value: Json },
    /// `{"add_repeat": "/hh/members"}` appends; `"/hh/members[2]"` inserts after instance 2.
    AddRepeat {
        add_repeat: String,
        #[serde(default)]
        count: Option<usize>,
    },
    /// `{"remove_repeat": "/hh/members", "index": 2}` (1-based).
    RemoveRepeat { remove_repeat: String, index: usize },
    /// `{"language": "ru"}`
    Language { language: String },
}

#[derive(Debug, thiserror::Error)]
pub enum ScriptError {
    #[error("the script is not a list of actions: {0}")]
    Malformed(String),
    #[error("step {step}: {source}")]
    Step {
        step: usize,
        #[source]
        source: InstanceError,
    },
}

pub fn parse_script(json: &str) -> Result<Vec<Action>, ScriptError> {
    let steps: Vec<Json> =
        serde_json::from_str(json).map_err(|e| ScriptError::Malformed(e.to_string()))?;
    steps
        .into_iter()
        .enumerate()
        .map(|(i, s)| {
            serde_json::from_value(s.clone()).map_err(|_| {
                ScriptError::Malformed(format!(
                    "step {}: `{s}` is not one of set/value, add_repeat, remove_repeat/index, language",
                    i + 1
                ))
            })
        })
        .collect()
}

/// The text an answer value stands for: lists are space-separated (select_multiple), `true`
/// is an acknowledged `OK`-able value, numbers as written.
fn value_text(v: &Json) -> String {
    match v {
        Json::String(s) => s.clone(),
        Json::Array(items) => items.iter().map(value_text).collect::<Vec<_>>().join(" "),
        Json::Null => String::new(),
        other => other.to_string(),
    }
}

impl Instance {
    pub fn apply(&mut self, action: &Action) -> Result<(), InstanceError> {
        match action {
            Action::Set { set, value } => {
                let node = self.find(set)?;
                self.set_value(node, &value_text(value))
            }
            Action::AddRepeat { add_repeat, count } => {
                let node = self.find(add_repeat)?;
                let (container, after) = if self.node(node).is_instance {
                    let parent = self.node(node).parent.unwrap_or(node);
                    (parent, Some(self.position(node)))
                } else {
                    (node, None)
                };
                for i in 0..count.unwrap_or(1) {
                    self.add_repeat(container, after.map(|a| a + i))?;
                }
                Ok(())
            }
            Action::RemoveRepeat {
                remove_repeat,
                index,
            } => {
                let node = self.find(remove_repeat)?;
                self.remove_repeat(node, *index)
            }
            Action::Language { language } => self.set_language(language),
        }
    }

    /// Applies every action in order; stops at the first that fails, naming its step.
    pub fn run(&mut self, script: &[Action]) -> Result<(), ScriptError> {
        for (i, a) in script.iter().enumerate() {
            self.apply(a).map_err(|source| ScriptError::Step {
                step: i + 1,
                source,
            })?;
        }
        Ok(())
    }
}

/// Compares a state ([`Instance::state_json`]) with expectations (`{"/path": {"value": …,
/// "relevant": …}}`) by the rules of ODK's oracle, so a scenario checked here and there means
/// the same: the number of checks made and what disagreed, or why the expectations are
/// malformed.
pub fn mismatches(state: &Json, expect: &Json) -> Result<(usize, Vec<String>), String> {
    let mut mismatches = Vec::new();
    let mut checked = 0;
    for (path, checks) in expect.as_object().ok_or("expectations must be an object")? {
        let checks = checks
            .as_object()
            .ok_or_else(|| format!("{path}: each path maps to an object"))?;
        for (key, want) in checks {
            checked += 1;
            let node = state.get(path);
            let got = node.and_then(|s| s.get(key));
            if node.is_none() {
                mismatches.push(format!("{path}: no such node (expected {key} = {want})"));
            } else if !same(want, got) {
                mismatches.push(format!(
                    "{path}.{key}: expected {want}, got {}",
                    got.map_or("nothing".into(), |g| g.to_string())
                ));
            }
        }
    }
    Ok((checked, mismatches))
}

/// The oracle's comparison: numbers numerically, booleans also as "true"/"false", strings
/// exactly; an expected `null` matches a missing key.
fn same(want: &Json, got: Option<&Json>) -> bool {
    let Some(got) = got else {
        return want.is_null();
    };
    match want {
        Json::Number(n) => {
            let a = n.as_f64().unwrap_or(f64::NAN);
            let b = match got {
                Json::Number(m) => m.as_f64().unwrap_or(f64::NAN),
                Json::String(s) => s.trim().parse().unwrap_or(f64::NAN),
                _ => f64::NAN,
            };
            (a - b).abs() <= f64::max(1e-9, 1e-9 * a.abs())
        }
        Json::Bool(b) => got == want || got.as_str() == Some(if *b { "true" } else { "false" }),
        Json::String(s) => match got {
            Json::String(g) => g == s,
            Json::Number(_) => {
                let a: f64 = s.trim().parse().unwrap_or(f64::NAN);
                got.as_f64().is_some_and(|b| (a - b).abs() <= 1e-9)
            }
            _ => false,
        },
        _ => got == want,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn comparison_rules_match_the_oracle() {
        assert!(same(&json!(4.5), Some(&json!("4.50"))));
        assert!(same(&json!(true), Some(&json!("true"))));
        assert!(!same(&json!("4.5"), Some(&json!("4.50"))));
        assert!(!same(&json!(false), Some(&json!(true))));
        assert!(same(&Json::Null, None));
    }

    #[test]
    fn mismatches_are_listed() {
        let state = json!({"/a": {"value": "3", "relevant": true}});
        let expect = json!({"/a": {"value": 3, "relevant": false}, "/b": {"value": ""}});
        let (checked, found) = mismatches(&state, &expect).unwrap();
        assert_eq!(checked, 3);
        assert_eq!(
            found,
            [
                "/a.relevant: expected false, got true",
                "/b: no such node (expected value = \"\")"
            ]
        );
        assert!(mismatches(&state, &json!([])).is_err());
    }
}
