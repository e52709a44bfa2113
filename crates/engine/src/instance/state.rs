//! Reading a filled form from outside: paths, the black-box state (the same shape ODK's oracle
//! prints), violations for the finalize step, and the answers as data.

use serde::Serialize;
use serde_json::{Map, Value as Json};

use crate::expr::{ElemId, NodeId};
use crate::form::{Kind, QuestionType};
use crate::messages;

use super::{Instance, InstanceError, ROOT};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum ViolationKind {
    /// Relevant, required and empty.
    Required,
    /// Answered, and the constraint is false.
    Constraint,
}

/// One problem the field worker must fix before finalizing.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Violation {
    #[serde(skip)]
    pub node: NodeId,
    /// `/hh/members[2]/age`
    pub path: String,
    /// The question's name.
    pub name: String,
    pub kind: ViolationKind,
    /// The designer's message in the current language, or a built-in one.
    pub message: String,
}

/// One entry of [`Instance::state`].
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct NodeState {
    #[serde(rename = "type")]
    pub kind: String,
    pub relevant: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub value: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub count: Option<usize>,
    pub violation: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub violation_kind: Option<ViolationKind>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub message: Option<String>,
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub required: bool,
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub readonly: bool,
}

impl Instance {
    /// `/group/name`, with 1-based indexes on repeat instances: `/hh/members[2]/age`.
    pub fn path(&self, node: NodeId) -> String {
        let mut parts = Vec::new();
        let mut n = node;
        while n != ROOT {
            let nd = &self.nodes[n];
            let name = &self.form.element(nd.elem).name;
            if nd.is_instance {
                parts.push(format!("{name}[{}]", self.position(n)));
                // Skip the container: the instance step names the repeat.
                n = nd.parent.and_then(|c| self.nodes[c].parent).unwrap_or(ROOT);
            } else {
                parts.push(name.clone());
                n = nd.parent.unwrap_or(ROOT);
            }
        }
        parts.reverse();
        format!("/{}", parts.join("/"))
    }

    /// The node at a path. A repeat step without an index is the repeat itself when it is the
    /// last step, otherwise its only instance.
    pub fn find(&self, path: &str) -> Result<NodeId, InstanceError> {
        let missing = || InstanceError::NoSuchPath(path.to_string());
        let mut node = ROOT;
        let steps: Vec<&str> = path.split('/').filter(|s| !s.is_empty()).collect();
        for (i, step) in steps.iter().enumerate() {
            let (name, index) = match step.split_once('[') {
                Some((n, rest)) => {
                    let idx = rest
                        .strip_suffix(']')
                        .and_then(|i| i.parse::<usize>().ok())
                        .ok_or_else(missing)?;
                    (n, Some(idx))
                }
                None => (*step, None),
            };
            let nd = &self.nodes[node];
            if self.form.element(nd.elem).kind == Kind::Repeat && !nd.is_instance {
                return Err(missing());
            }
            let child = nd
                .children
                .iter()
                .copied()
                .find(|&c| self.form.element(self.nodes[c].elem).name == name)
                .ok_or_else(missing)?;
            let is_repeat = self.form.element(self.nodes[child].elem).kind == Kind::Repeat;
            node = match (is_repeat, index) {
                (false, None) => child,
                (false, Some(_)) => return Err(missing()),
                (true, Some(idx)) => {
                    let instances = &self.nodes[child].children;
                    *instances.get(idx.wrapping_sub(1)).ok_or_else(|| {
                        InstanceError::NoSuchInstance {
                            path: self.path(child),
                            index: idx,
                            count: instances.len(),
                        }
                    })?
                }
                (true, None) if i + 1 == steps.len() => child,
                (true, None) => match self.nodes[child].children.as_slice() {
                    [only] => *only,
                    other => {
                        return Err(InstanceError::AmbiguousPath {
                            path: self.path(child),
                            count: other.len(),
                        })
                    }
                },
            };
        }
        Ok(node)
    }

    /// Every node below the root, in document order.
    pub fn walk(&self) -> Vec<NodeId> {
        let mut out = Vec::new();
        let mut stack: Vec<NodeId> = self.nodes[ROOT].children.iter().rev().copied().collect();
        while let Some(n) = stack.pop() {
            out.push(n);
            stack.extend(self.nodes[n].children.iter().rev());
        }
        out
    }

    fn type_name(&self, node: NodeId) -> String {
        let n = &self.nodes[node];
        match &self.form.element(n.elem).kind {
            Kind::Root => "root".into(),
            Kind::Group => "group".into(),
            Kind::Repeat if n.is_instance => "repeat-instance".into(),
            Kind::Repeat => "repeat".into(),
            Kind::Question(q) => match q {
                QuestionType::SelectOne(_) => "select_one".into(),
                QuestionType::SelectMultiple(_) => "select_multiple".into(),
                QuestionType::Rank(_) => "rank".into(),
                QuestionType::Metadata(_) => "metadata".into(),
                other => format!("{other:?}").to_lowercase(),
            },
        }
    }

    /// The message for a node's violation, in the current language.
    pub fn violation_message(&self, node: NodeId) -> Option<String> {
        let n = &self.nodes[node];
        let e = self.form.element(n.elem);
        let lang = self.language();
        let fallback = self.form.default_language();
        Some(match n.violation? {
            super::ViolationKind::Required => match &e.required_message {
                Some(t) => t.get(lang, fallback).to_string(),
                None => messages::required(lang).to_string(),
            },
            super::ViolationKind::Constraint => match &e.constraint_message {
                Some(t) => t.get(lang, fallback).to_string(),
                None => messages::constraint(lang).to_string(),
            },
        })
    }

    /// The designer's own message only (what ODK shows in its state).
    fn designer_message(&self, node: NodeId) -> Option<String> {
        let n = &self.nodes[node];
        let e = self.form.element(n.elem);
        let text = match n.violation? {
            super::ViolationKind::Required => e.required_message.as_ref()?,
            super::ViolationKind::Constraint => e.constraint_message.as_ref()?,
        };
        Some(
            text.get(self.language(), self.form.default_language())
                .to_string(),
        )
    }

    pub fn node_state(&self, node: NodeId) -> NodeState {
        let n = &self.nodes[node];
        let e = self.form.element(n.elem);
        let is_leaf = matches!(e.kind, Kind::Question(_));
        let is_container = e.kind == Kind::Repeat && !n.is_instance;
        NodeState {
            kind: self.type_name(node),
            relevant: n.relevant,
            value: is_leaf.then(|| n.value.clone()),
            count: is_container.then_some(n.children.len()),
            violation: n.violation.is_some(),
            violation_kind: n.violation,
            message: self.designer_message(node),
            required: n.required,
            readonly: n.read_only,
        }
    }

    /// The whole state keyed by path, in document order: the black-box contract shared with
    /// `xonadon run` and ODK's oracle.
    pub fn state(&self) -> Vec<(String, NodeState)> {
        self.walk()
            .into_iter()
            .map(|n| (self.path(n), self.node_state(n)))
            .collect()
    }

    pub fn state_json(&self) -> Json {
        let mut map = Map::new();
        for (path, st) in self.state() {
            map.insert(path, serde_json::to_value(st).unwrap_or(Json::Null));
        }
        Json::Object(map)
    }

    /// Every violation of relevant nodes, in document order (what blocks finalizing).
    pub fn violations(&self) -> Vec<Violation> {
        self.walk()
            .into_iter()
            .filter_map(|n| {
                let kind = self.nodes[n].violation?;
                Some(Violation {
                    node: n,
                    path: self.path(n),
                    name: self.form.element(self.nodes[n].elem).name.clone(),
                    kind,
                    message: self.violation_message(n).unwrap_or_default(),
                })
            })
            .collect()
    }

    /// The submission: relevant answers only, groups as objects and repeats as arrays of
    /// objects; values as ODK holds them.
    pub fn submission(&self) -> Json {
        self.to_json(ROOT, true)
    }

    /// Every answer, relevant or not, to save a draft; [`Instance::restore`] reads it back.
    pub fn snapshot(&self) -> Json {
        self.to_json(ROOT, false)
    }

    fn to_json(&self, node: NodeId, relevant_only: bool) -> Json {
        let mut map = Map::new();
        for &c in &self.nodes[node].children {
            let cn = &self.nodes[c];
            if relevant_only && !cn.relevant {
                continue;
            }
            let e = self.form.element(cn.elem);
            // Only a correction has a `deprecatedID`, as in ODK's submissions.
            if relevant_only && cn.value.is_empty() && self.form.is_deprecated_id(cn.elem) {
                continue;
            }
            let v = match e.kind {
                Kind::Repeat => Json::Array(
                    cn.children
                        .iter()
                        .filter(|&&i| !relevant_only || self.nodes[i].relevant)
                        .map(|&i| self.to_json(i, relevant_only))
                        .collect(),
                ),
                Kind::Group | Kind::Root => self.to_json(c, relevant_only),
                Kind::Question(_) => Json::String(if relevant_only {
                    cn.value.clone()
                } else {
                    cn.answer.clone()
                }),
            };
            map.insert(e.name.clone(), v);
        }
        Json::Object(map)
    }
}

impl Instance {
    /// A filled form rebuilt from [`Instance::snapshot`]: answers (relevant or not, and the
    /// values `once()` froze, such as the instance ID) and the repeat instances. Keys the form
    /// no longer has are skipped, so a draft survives a form update, and so is a group's
    /// object or a repeat's list where the form now has a question (its text would be JSON).
    pub fn restore(
        form: std::sync::Arc<crate::Form>,
        host: std::sync::Arc<dyn super::Host>,
        snapshot: &Json,
    ) -> Result<Instance, InstanceError> {
        if !snapshot.is_object() {
            return Err(InstanceError::BadSnapshot(
                "expected an object of answers".into(),
            ));
        }
        let mut inst = Instance::new(form, host);
        // A counted repeat gets its instances only once the answers its count reads are in,
        // so fill, recompute, and fill again while that reveals more places to fill.
        for _ in 0..8 {
            let mut filled = 0;
            inst.fill(ROOT, snapshot, &mut filled)?;
            inst.recompute_all();
            if filled == 0 {
                break;
            }
        }
        Ok(inst)
    }

    /// Writes the answers of `data` into the subtree of `node`; counts what it wrote.
    fn fill(&mut self, node: NodeId, data: &Json, filled: &mut usize) -> Result<(), InstanceError> {
        let Some(map) = data.as_object() else {
            return Err(InstanceError::BadSnapshot(format!(
                "{} should be an object",
                self.path(node)
            )));
        };
        let children = self.nodes[node].children.clone();
        for c in children {
            let elem = self.nodes[c].elem;
            let e = self.form.element(elem);
            let Some(value) = map.get(&e.name) else {
                continue;
            };
            match e.kind {
                Kind::Question(_) => {
                    let answer = match value {
                        Json::String(s) => s.clone(),
                        Json::Null => String::new(),
                        Json::Object(_) | Json::Array(_) => continue,
                        other => other.to_string(),
                    };
                    if self.nodes[c].answer != answer {
                        self.nodes[c].answer = answer;
                        *filled += 1;
                    }
                }
                Kind::Group | Kind::Root => self.fill(c, value, filled)?,
                Kind::Repeat => {
                    let Some(items) = value.as_array() else {
                        return Err(InstanceError::BadSnapshot(format!(
                            "{} should be a list of instances",
                            self.path(c)
                        )));
                    };
                    if e.repeat_count.is_none() {
                        let have = self.nodes[c].children.len();
                        let want = items.len().min(super::MAX_REPEAT_COUNT);
                        let mut changes = super::recompute::Changes::default();
                        if want > have {
                            changes.insert_instances(self, c, have, want - have);
                        } else if want < have {
                            changes.remove_instances(self, c, want, have - want);
                        }
                        changes.finish(self);
                    }
                    let instances = self.nodes[c].children.clone();
                    for (inst, item) in instances.into_iter().zip(items) {
                        self.fill(inst, item, filled)?;
                    }
                }
            }
        }
        Ok(())
    }
}

impl Instance {
    /// A node's label in the current language, with `${name}` replaced by answers (seen from
    /// the node, so inside a roster it shows the same member's answers).
    pub fn label(&self, node: NodeId) -> Option<String> {
        let text = self.form.element(self.nodes[node].elem).label.as_ref()?;
        Some(self.render(node, text))
    }

    /// The form's `instance_name` for this filled form (e.g. the head's name and mahalla), if
    /// the form has one and it is not blank.
    pub fn instance_name(&self) -> Option<String> {
        let node = self.find("/meta/instanceName").ok()?;
        let name = &self.nodes[node].value;
        (!name.trim().is_empty()).then(|| name.clone())
    }

    /// A node's hint, like [`Instance::label`].
    pub fn hint(&self, node: NodeId) -> Option<String> {
        let text = self.form.element(self.nodes[node].elem).hint.as_ref()?;
        Some(self.render(node, text))
    }

    /// The question's guidance hint in the current language, its answers filled in.
    pub fn guidance_hint(&self, node: NodeId) -> Option<String> {
        let text = self
            .form
            .element(self.nodes[node].elem)
            .guidance_hint
            .as_ref()?;
        Some(self.render(node, text))
    }

    /// `target`'s answer in the form last saved on the device (`${last-saved#name}`): its
    /// path through the saved submission, in a repeat its first instance (what the absolute
    /// path ODK reads selects first); `None` when nothing was saved or it has no such answer.
    pub(crate) fn last_saved_answer(&self, target: ElemId) -> Option<String> {
        let mut at = self.host.last_saved()?;
        for step in self.form.element(target).path.split('/').skip(1) {
            if let Some(first) = at.as_array().and_then(|a| a.first()) {
                at = first;
            }
            at = at.get(step)?;
        }
        match at {
            serde_json::Value::String(s) => Some(s.clone()),
            serde_json::Value::Number(n) => Some(n.to_string()),
            serde_json::Value::Bool(b) => Some(b.to_string()),
            _ => None,
        }
    }

    /// A text in the current language with its `${name}` references filled in.
    pub fn render(&self, node: NodeId, text: &crate::definition::Text) -> String {
        let s = text.get(self.language(), self.form.default_language());
        let mut out = String::with_capacity(s.len());
        let mut rest = s;
        while let Some(start) = rest.find("${") {
            out.push_str(&rest[..start]);
            let after = &rest[start + 2..];
            let Some(end) = after.find('}') else {
                rest = &rest[start..];
                break;
            };
            let name = after[..end].trim();
            if let Some(saved) = name.strip_prefix("last-saved#") {
                if let Some(&elem) = self.form.by_name.get(saved.trim()) {
                    out.push_str(&self.last_saved_answer(elem).unwrap_or_default());
                }
            } else if let Some(&elem) = self.form.by_name.get(name) {
                if let Some(&n) = self.resolve(elem, node, false).first() {
                    out.push_str(&self.nodes[n].value);
                }
            }
            rest = &after[end + 1..];
        }
        out.push_str(rest);
        out
    }
}
