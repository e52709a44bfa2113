//! A form being filled: a tree of nodes (one per group, repeat, repeat instance and question)
//! holding answers, plus everything computed from them (relevance, values, violations).
//!
//! Every change goes through a method here, which recomputes only what depends on the change
//! (see [`recompute`]). The instance never panics on bad input: a bad path or value is an
//! [`InstanceError`].

mod correction;
mod env;
mod recompute;
mod state;

use std::borrow::Cow;
use std::sync::Arc;

use crate::definition::{ChoiceDef, Text};
use crate::expr::datetime::DateTime;
use crate::expr::{ElemId, NodeId};
use crate::form::{Default, Form, Kind, Metadata, QuestionType};
use crate::values;

pub use correction::corrected_id;
pub use state::{NodeState, Violation, ViolationKind};

/// What the engine needs from the device: a clock and a source of identifiers. The app
/// implements it over browser APIs, the CLI over the OS; tests use a fixed one.
pub trait Host: Send + Sync {
    /// Milliseconds since the epoch (UTC) and the local offset from UTC in minutes.
    fn now(&self) -> (f64, i32);
    /// A random version-4 UUID, e.g. `3b2c…`.
    fn uuid(&self) -> String;
    /// A property of the device or its user for the metadata types (`deviceid`, `username`,
    /// `phonenumber`, `email`, `simserial`, `subscriberid`); `None` leaves it blank.
    fn property(&self, _name: &str) -> Option<String> {
        None
    }
    /// The submission (as [`Instance::submission`] gives it) of the form last saved on this
    /// device, which `${last-saved#name}` reads; `None` when there is none.
    fn last_saved(&self) -> Option<&serde_json::Value> {
        None
    }
    /// A random number in [0, 1), for `random()` and `randomize()` without a seed. By default
    /// drawn from [`Host::uuid`]'s random bits; hosts with a cheaper source override it.
    fn random(&self) -> f64 {
        let hex: String = self
            .uuid()
            .chars()
            .filter(char::is_ascii_hexdigit)
            .collect();
        // The last 13 hex digits of a version-4 UUID are random: 52 bits.
        let tail = &hex[hex.len().saturating_sub(13)..];
        u64::from_str_radix(tail, 16).map_or(0.0, |n| n as f64 / (1u64 << 52) as f64)
    }
}

/// A host with a fixed clock and counting identifiers, for tests and reproducible runs.
#[derive(Debug)]
pub struct FixedHost {
    pub now_ms: f64,
    pub offset_minutes: i32,
    counter: std::sync::atomic::AtomicU64,
    properties: std::collections::BTreeMap<String, String>,
    last_saved: Option<serde_json::Value>,
}

impl FixedHost {
    pub fn new(now_ms: f64, offset_minutes: i32) -> FixedHost {
        FixedHost {
            now_ms,
            offset_minutes,
            counter: std::sync::atomic::AtomicU64::new(0),
            properties: std::collections::BTreeMap::new(),
            last_saved: None,
        }
    }

    /// The same host with a last saved form (see [`Host::last_saved`]).
    pub fn with_last_saved(mut self, submission: serde_json::Value) -> FixedHost {
        self.last_saved = Some(submission);
        self
    }

    /// The same host with a device property set (see [`Host::property`]).
    pub fn with_property(mut self, name: &str, value: &str) -> FixedHost {
        self.properties.insert(name.into(), value.into());
        self
    }
}

impl Host for FixedHost {
    fn now(&self) -> (f64, i32) {
        (self.now_ms, self.offset_minutes)
    }
    fn property(&self, name: &str) -> Option<String> {
        self.properties.get(name).cloned()
    }
    fn last_saved(&self) -> Option<&serde_json::Value> {
        self.last_saved.as_ref()
    }
    /// A fixed sequence (splitmix64 of a counter), so that runs are reproducible.
    fn random(&self) -> f64 {
        let n = self
            .counter
            .fetch_add(1, std::sync::atomic::Ordering::Relaxed)
            .wrapping_add(1);
        let mut z = n.wrapping_mul(0x9E37_79B9_7F4A_7C15);
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^= z >> 31;
        (z >> 11) as f64 / (1u64 << 53) as f64
    }
    fn uuid(&self) -> String {
        let n = self
            .counter
            .fetch_add(1, std::sync::atomic::Ordering::Relaxed)
            + 1;
        format!("00000000-0000-4000-8000-{n:012}")
    }
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum InstanceError {
    #[error("no node at `{0}`")]
    NoSuchPath(String),
    #[error("`{path}` names a repeat with {count} instances: say which one, e.g. `{path}[1]`")]
    AmbiguousPath { path: String, count: usize },
    #[error("`{0}` is not a question that can be answered (group, repeat, note or calculate)")]
    NotAnswerable(String),
    #[error("`{0}` is read-only")]
    ReadOnly(String),
    #[error("`{0}` is not a repeat")]
    NotARepeat(String),
    #[error("the number of instances of `{0}` comes from its repeat_count: it cannot be changed by hand")]
    CountedRepeat(String),
    #[error("`{path}` has no instance {index} (it has {count})")]
    NoSuchInstance {
        path: String,
        index: usize,
        count: usize,
    },
    #[error("unknown language `{0}`; the form has: {1}")]
    UnknownLanguage(String, String),
    #[error("saved answers do not fit this form: {0}")]
    BadSnapshot(String),
}

/// One node of the filled form.
#[derive(Debug, Clone)]
pub struct Node {
    pub elem: ElemId,
    pub parent: Option<NodeId>,
    /// For the root, a group or a repeat instance: one node per child element, in element
    /// order. For a repeat (the container): its instances.
    pub children: Vec<NodeId>,
    /// True for a repeat instance, false for the repeat that holds the instances.
    pub is_instance: bool,
    /// What was answered or calculated; kept while the node is not relevant.
    pub answer: String,
    /// What the form shows and expressions read: `""` while not relevant, and without choices
    /// the current `choice_filter` excludes.
    pub value: String,
    /// Shown to the field worker: its own `relevant` holds and so does every ancestor's (a
    /// repeat's `relevant` applies to the repeat itself and to each of its instances).
    pub relevant: bool,
    /// The `required` condition as it evaluates now, relevant or not, as ODK reports it; only
    /// a relevant node can have a violation.
    pub required: bool,
    /// The `read_only` condition as it evaluates now; always true for a note.
    pub read_only: bool,
    pub violation: Option<ViolationKind>,
    alive: bool,
    /// Made as the form was first opened, not inside an instance added later: where the
    /// XForm's primary instance has the node. A counted repeat there makes its first instance
    /// as the primary instance holds it, with one instance of each repeat inside (ODK).
    in_primary: bool,
}

/// A form being filled. Cloning is cheap enough for benchmarks and undo: the form and the
/// host are shared.
#[derive(Clone)]
pub struct Instance {
    form: Arc<Form>,
    host: Arc<dyn Host>,
    nodes: Vec<Node>,
    free: Vec<NodeId>,
    language: Option<String>,
    /// Nodes whose state (value, relevance, checks, label text, instances) changed since
    /// the last [`Instance::take_changes`]; lets a UI update only those.
    changed: Vec<NodeId>,
}

impl std::fmt::Debug for Instance {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Instance")
            .field("form", &self.form.settings.form_id)
            .field("nodes", &self.nodes.len())
            .finish()
    }
}

pub const ROOT: NodeId = 0;

/// Upper bound on instances made by one `repeat_count`, so a typo (`1e9`) cannot exhaust memory.
pub const MAX_REPEAT_COUNT: usize = 10_000;

impl Instance {
    /// A new, empty filled form: defaults applied, one instance of each repeat without
    /// `repeat_count`, everything computed.
    pub fn new(form: Arc<Form>, host: Arc<dyn Host>) -> Instance {
        let language = form.default_language().map(str::to_string);
        let mut inst = Instance {
            form,
            host,
            nodes: Vec::new(),
            free: Vec::new(),
            language,
            changed: Vec::new(),
        };
        let mut created = Vec::new();
        inst.create(0, None, false, false, &mut created);
        inst.propagate_created(created);
        inst
    }

    /// The nodes whose state changed since the last call, in node order, without duplicates
    /// and without nodes removed since.
    pub fn take_changes(&mut self) -> Vec<NodeId> {
        let mut out = std::mem::take(&mut self.changed);
        out.sort_unstable();
        out.dedup();
        out.retain(|&n| self.nodes[n].alive);
        out
    }

    pub fn form(&self) -> &Arc<Form> {
        &self.form
    }

    pub fn node(&self, id: NodeId) -> &Node {
        &self.nodes[id]
    }

    pub fn language(&self) -> Option<&str> {
        self.language.as_deref()
    }

    fn local_offset(&self) -> i32 {
        self.host.now().1
    }

    /// Makes the node for `elem` (and everything below it) under `parent`. As in ODK, the
    /// form as first opened has one instance of every repeat without `repeat_count`, while a
    /// repeat inside an instance added later (`from_template`) starts with none.
    fn create(
        &mut self,
        elem: ElemId,
        parent: Option<NodeId>,
        is_instance: bool,
        from_template: bool,
        created: &mut Vec<NodeId>,
    ) -> NodeId {
        let form = Arc::clone(&self.form);
        let e = form.element(elem);
        // A literal default is there from the start, as in the XForm's instance; an expression
        // default comes later, once what it reads is computed (`Changes::finish`).
        let answer = match (&e.default, e.question_type()) {
            (_, Some(QuestionType::Metadata(m))) => self.recorded(*m),
            (Some(Default::Literal(v)), Some(q)) => values::normalize(q, v, self.local_offset()),
            _ => String::new(),
        };
        let node = Node {
            elem,
            parent,
            children: Vec::new(),
            is_instance,
            answer,
            value: String::new(),
            relevant: false,
            required: false,
            read_only: false,
            violation: None,
            alive: true,
            in_primary: !from_template,
        };
        let id = match self.free.pop() {
            Some(id) => {
                self.nodes[id] = node;
                id
            }
            None => {
                self.nodes.push(node);
                self.nodes.len() - 1
            }
        };
        created.push(id);
        let repeat_container = e.kind == Kind::Repeat && !is_instance;
        if repeat_container {
            // ODK: one instance to start with; a counted repeat gets its instances when its
            // count is computed.
            if e.repeat_count.is_none() && !from_template {
                let inst = self.create(elem, Some(id), true, false, created);
                self.nodes[id].children.push(inst);
            }
        } else {
            for &child in &e.children {
                let c = self.create(child, Some(id), false, from_template, created);
                self.nodes[id].children.push(c);
            }
        }
        id
    }

    /// What a metadata node holds when it is created (its `jr:preload` on first load).
    fn recorded(&self, metadata: Metadata) -> String {
        let (utc_ms, offset) = self.host.now();
        let local = DateTime {
            local_ms: utc_ms + f64::from(offset) * 60_000.0,
            offset_minutes: offset,
        };
        match metadata {
            Metadata::Start => local.datetime_string(),
            Metadata::Today => local.date_string(),
            Metadata::Property(name) => self.host.property(name).unwrap_or_default(),
            Metadata::End | Metadata::Audit => String::new(),
        }
    }

    /// Records the moment of finalizing in every `end` node, as ODK does when a form is
    /// completed; call it just before taking the [`Instance::submission`].
    pub fn stamp_end(&mut self) {
        let (utc_ms, offset) = self.host.now();
        let now = DateTime {
            local_ms: utc_ms + f64::from(offset) * 60_000.0,
            offset_minutes: offset,
        }
        .datetime_string();
        self.set_recorded(Metadata::End, &now);
    }

    /// Records the name of the audit log the app attaches at finalization in every `audit`
    /// node.
    pub fn set_audit_file(&mut self, file_name: &str) {
        self.set_recorded(Metadata::Audit, file_name);
    }

    fn set_recorded(&mut self, metadata: Metadata, value: &str) {
        let form = Arc::clone(&self.form);
        let nodes: Vec<NodeId> = (0..self.nodes.len())
            .filter(|&n| {
                self.nodes[n].alive
                    && form.element(self.nodes[n].elem).question_type()
                        == Some(&QuestionType::Metadata(metadata))
            })
            .collect();
        for node in nodes {
            if self.nodes[node].answer != value {
                self.record(node, value);
            }
        }
    }

    /// Removes a subtree, returning the elements it contained.
    fn destroy(&mut self, node: NodeId, elems: &mut Vec<ElemId>) {
        let children = std::mem::take(&mut self.nodes[node].children);
        for c in children {
            self.destroy(c, elems);
        }
        elems.push(self.nodes[node].elem);
        self.nodes[node].alive = false;
        self.free.push(node);
    }

    /// Answers a question. The value is held as ODK holds it (see [`crate::values`]): an
    /// invalid value for the type becomes the empty answer.
    pub fn set_value(&mut self, node: NodeId, raw: &str) -> Result<(), InstanceError> {
        let form = Arc::clone(&self.form);
        let n = self.nodes.get(node).filter(|n| n.alive);
        let Some(n) = n else {
            return Err(InstanceError::NoSuchPath(format!("node {node}")));
        };
        let e = form.element(n.elem);
        let q = match e.question_type() {
            Some(q) if q.is_input() || *q == QuestionType::Hidden => q,
            _ => return Err(InstanceError::NotAnswerable(self.path(node))),
        };
        if n.read_only {
            return Err(InstanceError::ReadOnly(self.path(node)));
        }
        let mut answer = values::normalize(q, raw, self.local_offset());
        if let Some(how) = q.choice_answer() {
            let items = self.choice_items(node);
            let names = items.iter().map(|c| c.name.as_str());
            answer =
                values::normalize_choices(&answer, names, |c| self.choice_admitted(node, c), how);
        }
        if self.nodes[node].answer == answer {
            return Ok(());
        }
        self.nodes[node].answer = answer;
        let mut changes = recompute::Changes::default();
        changes.recompute(self, node);
        changes.run_triggers(self, node);
        changes.finish(self);
        Ok(())
    }

    /// Adds an instance to a repeat, after instance `after` (1-based) or at the end.
    /// Returns the new instance.
    pub fn add_repeat(
        &mut self,
        container: NodeId,
        after: Option<usize>,
    ) -> Result<NodeId, InstanceError> {
        let e = self.repeat_container(container)?;
        if e.repeat_count.is_some() {
            return Err(InstanceError::CountedRepeat(self.path(container)));
        }
        let count = self.nodes[container].children.len();
        let at = match after {
            None => count,
            Some(i) if i <= count => i,
            Some(i) => {
                return Err(InstanceError::NoSuchInstance {
                    path: self.path(container),
                    index: i,
                    count,
                })
            }
        };
        let mut changes = recompute::Changes::default();
        let inst = changes.insert_instances(self, container, at, 1)[0];
        changes.finish(self);
        Ok(inst)
    }

    /// Removes instance `index` (1-based) of a repeat, with its answers.
    pub fn remove_repeat(&mut self, container: NodeId, index: usize) -> Result<(), InstanceError> {
        let e = self.repeat_container(container)?;
        if e.repeat_count.is_some() {
            return Err(InstanceError::CountedRepeat(self.path(container)));
        }
        let count = self.nodes[container].children.len();
        if index == 0 || index > count {
            return Err(InstanceError::NoSuchInstance {
                path: self.path(container),
                index,
                count,
            });
        }
        let mut changes = recompute::Changes::default();
        changes.remove_instances(self, container, index - 1, 1);
        changes.finish(self);
        Ok(())
    }

    fn repeat_container(&self, node: NodeId) -> Result<&crate::form::Element, InstanceError> {
        let n = self
            .nodes
            .get(node)
            .filter(|n| n.alive)
            .ok_or_else(|| InstanceError::NoSuchPath(format!("node {node}")))?;
        let e = self.form.element(n.elem);
        if e.kind != Kind::Repeat || n.is_instance {
            return Err(InstanceError::NotARepeat(self.path(node)));
        }
        Ok(e)
    }

    /// Switches the language of labels and of `jr:choice-name`.
    pub fn set_language(&mut self, language: &str) -> Result<(), InstanceError> {
        if !self.form.languages.iter().any(|l| l == language) {
            return Err(InstanceError::UnknownLanguage(
                language.to_string(),
                self.form.languages.join(", "),
            ));
        }
        self.language = Some(language.to_string());
        let mut changes = recompute::Changes::default();
        let form = Arc::clone(&self.form);
        for &e in &form.language_dependents {
            for n in self.nodes_of(e) {
                changes.schedule(self, e, n);
            }
        }
        changes.finish(self);
        Ok(())
    }

    /// Every live node of element `elem`, in document order.
    pub fn nodes_of(&self, elem: ElemId) -> Vec<NodeId> {
        let mut out = Vec::new();
        self.descend_into(ROOT, elem, true, &mut out);
        out
    }

    /// The instances of a repeat container, in order.
    pub fn instances(&self, container: NodeId) -> &[NodeId] {
        &self.nodes[container].children
    }

    /// The nodes of `target` below `start` (the root, a group or a repeat instance). For a
    /// repeat, its instances, or with `containers` its container nodes.
    fn descend_into(&self, start: NodeId, target: ElemId, containers: bool, out: &mut Vec<NodeId>) {
        let form = &self.form;
        let start_elem = self.nodes[start].elem;
        let mut chain = Vec::new();
        let mut e = target;
        while e != start_elem {
            chain.push(e);
            match form.element(e).parent {
                Some(p) => e = p,
                None => return,
            }
        }
        if chain.is_empty() {
            out.push(start);
            return;
        }
        let mut frontier = vec![start];
        while let Some(el) = chain.pop() {
            let element = form.element(el);
            let mut next = Vec::new();
            for n in frontier {
                let Some(&child) = self.nodes[n].children.get(element.slot) else {
                    continue;
                };
                let is_last = chain.is_empty();
                if element.kind == Kind::Repeat && !(is_last && containers) {
                    next.extend_from_slice(&self.nodes[child].children);
                } else {
                    next.push(child);
                }
            }
            frontier = next;
        }
        out.extend(frontier);
    }

    /// The nodes of `target` that `${target}` means when read from `context`: within the
    /// same instance of every repeat the two share, across all instances of the others.
    pub fn resolve(&self, target: ElemId, context: NodeId, containers: bool) -> Vec<NodeId> {
        let scope = self.scope(target, context);
        let mut out = Vec::new();
        self.descend_into(scope, target, containers, &mut out);
        out
    }

    /// The deepest repeat instance around `context` (itself included) whose repeat also
    /// encloses `target`; the root when there is none.
    fn scope(&self, target: ElemId, context: NodeId) -> NodeId {
        let repeats = &self.form.element(target).repeats;
        if repeats.is_empty() {
            return ROOT;
        }
        let mut n = Some(context);
        while let Some(id) = n {
            let node = &self.nodes[id];
            if node.is_instance && repeats.contains(&node.elem) {
                return id;
            }
            n = node.parent;
        }
        ROOT
    }

    /// 1-based position of a node among its parent's children of the same element.
    pub fn position(&self, node: NodeId) -> usize {
        let Some(parent) = self.nodes[node].parent else {
            return 1;
        };
        // Among the siblings of the same name only (ODK's `position(node)`): a repeat's
        // instances are numbered 1, 2, …; a group is 1 wherever it stands.
        let elem = self.nodes[node].elem;
        let siblings = &self.nodes[parent].children;
        let at = siblings.iter().position(|&c| c == node).unwrap_or(0);
        1 + siblings[..at]
            .iter()
            .filter(|&&c| self.nodes[c].elem == elem)
            .count()
    }

    /// Whether choice `name` passes the `choice_filter` of select `node` right now.
    pub fn choice_admitted(&self, node: NodeId, name: &str) -> bool {
        let e = self.form.element(self.nodes[node].elem);
        let Some(filter) = &e.choice_filter else {
            return true;
        };
        // A list's choice is found in place; answers as choices are gathered first.
        if e.choices_from.is_none() {
            let list = e
                .question_type()
                .and_then(QuestionType::list)
                .unwrap_or_default();
            return match self.form.choices(list).iter().find(|c| c.name == name) {
                Some(choice) => self.eval_choice_filter(filter, node, choice),
                None => false,
            };
        }
        match self.choice_items(node).iter().find(|c| c.name == name) {
            Some(choice) => self.eval_choice_filter(filter, node, choice),
            None => false,
        }
    }

    /// The choices of select `node` before its filter: its list's, or for `select_one
    /// ${name}` the non-blank answers of `name` across its repeat's instances, in document
    /// order (each its own name and label; the other answers of its instance are the
    /// properties a `choice_filter` reads), as ODK's itemset over the repeat gives them.
    pub fn choice_items(&self, node: NodeId) -> Vec<Cow<'_, ChoiceDef>> {
        let e = self.form.element(self.nodes[node].elem);
        let Some(source) = e.choices_from else {
            let list = e.question_type().and_then(QuestionType::list);
            let choices = list.map_or(&[][..], |l| self.form.choices(l));
            return choices.iter().map(Cow::Borrowed).collect();
        };
        let name_of = |n: NodeId| self.form.element(self.nodes[n].elem).name.clone();
        let mut items = Vec::new();
        for n in self.walk() {
            let answer = &self.nodes[n];
            if answer.elem != source || !answer.relevant || answer.value.is_empty() {
                continue;
            }
            let siblings = answer
                .parent
                .map_or(&[][..], |p| &self.nodes[p].children[..]);
            items.push(Cow::Owned(ChoiceDef {
                name: answer.value.clone(),
                label: Some(Text::Plain(answer.value.clone())),
                media: None,
                properties: siblings
                    .iter()
                    .map(|&c| (name_of(c), self.nodes[c].value.clone()))
                    .collect(),
            }));
        }
        items
    }

    /// The choices of a select node that its filter admits now, in list order.
    pub fn visible_choices(&self, node: NodeId) -> Vec<Cow<'_, ChoiceDef>> {
        let e = self.form.element(self.nodes[node].elem);
        self.choice_items(node)
            .into_iter()
            .filter(|c| match &e.choice_filter {
                Some(f) => self.eval_choice_filter(f, node, c),
                None => true,
            })
            .collect()
    }
}
