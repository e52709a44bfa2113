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
