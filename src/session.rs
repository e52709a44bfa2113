//! A form being filled, shared by the components of the filling screen.
//!
//! The engine instance lives in a `StoredValue`; components do not re-read it on every
//! change. Each question subscribes to its own node's trigger, and the engine says which
//! nodes a change touched (`Instance::take_changes`), so an answer updates only the
//! questions it affects, even on a page of hundreds.

use std::collections::{HashMap, HashSet};
use std::sync::Arc;

use leptos::prelude::*;
use xonadon_engine::NodeId;
use xonadon_engine::{Form, Instance, InstanceError};

#[derive(Clone, Copy)]
pub struct Session {
    instance: StoredValue<Instance>,
    triggers: StoredValue<HashMap<NodeId, ArcTrigger>>,
    /// Notified when repeats gain or lose instances, a group's state changes, or the
    /// language switches: what the page list and containers read.
    structure: StoredValue<ArcTrigger>,
    /// Notified after every change, for autosave and the progress bar.
    pub edits: RwSignal<u64>,
    /// Once the worker has reached the finalize step, every unanswered required question says
    /// so; before that, only those the worker has touched (a blank form is not a wall of red).
    pub reveal_required: RwSignal<bool>,
    /// Moves on every language switch; pages rebuild on it (their texts are static).
    pub language: RwSignal<u64>,
    /// Questions the worker has answered or cleared here: a blank required one says so.
    touched: StoredValue<HashSet<NodeId>>,
}

impl Session {
    pub fn new(instance: Instance) -> Session {
        Session {
            instance: StoredValue::new(instance),
            triggers: StoredValue::new(HashMap::new()),
            structure: StoredValue::new(ArcTrigger::new()),
            edits: RwSignal::new(0),
            reveal_required: RwSignal::new(false),
            language: RwSignal::new(0),
            touched: StoredValue::new(HashSet::new()),
        }
    }

    /// The worker's answer to `node`: recorded as touched, then given to the engine (a value
    /// the engine refuses changes nothing).
    pub fn answer(&self, node: NodeId, value: &str) {
        self.touched.update_value(|t| {
            t.insert(node);
        });
        let _ = self.change(|i| i.set_value(node, value));
    }

    pub fn touched(&self, node: NodeId) -> bool {
        self.touched.with_value(|t| t.contains(&node))
    }

    pub fn form(&self) -> Arc<Form> {
        self.instance.with_value(|i| Arc::clone(i.form()))
    }

    fn trigger(&self, node: NodeId) -> ArcTrigger {
        let mut t = None;
        self.triggers.update_value(|m| {
            t = Some(m.entry(node).or_default().clone());
        });
        t.unwrap_or_default()
    }

    /// Reads the instance for `node`, re-running the reader's effect when that node changes.
    pub fn read<R>(&self, node: NodeId, f: impl FnOnce(&Instance) -> R) -> R {
        self.trigger(node).track();
        self.instance.with_value(f)
    }

    /// Reads the instance, re-running when its structure (repeats, groups, language) changes.
    pub fn read_structure<R>(&self, f: impl FnOnce(&Instance) -> R) -> R {
        self.structure.with_value(|t| t.track());
        self.instance.with_value(f)
    }

    /// Reads without subscribing (event handlers, saving).
    pub fn peek<R>(&self, f: impl FnOnce(&Instance) -> R) -> R {
        self.instance.with_value(f)
    }

    /// Changes the instance, then notifies exactly the nodes the engine says changed.
    pub fn change(
        &self,
        f: impl FnOnce(&mut Instance) -> Result<(), InstanceError>,
    ) -> Result<(), InstanceError> {
        let mut result = Ok(());
        let mut changed = Vec::new();
        let mut structural = false;
        self.instance.update_value(|i| {
            result = f(i);
            changed = i.take_changes();
            structural = changed.iter().any(|&n| {
                let node = i.node(n);
                node.is_instance || !node.children.is_empty()
            });
        });
        self.triggers.with_value(|m| {
            for n in &changed {
                if let Some(t) = m.get(n) {
                    t.notify();
                }
            }
        });
        if structural {
            self.structure.with_value(|t| t.notify());
        }
        if !changed.is_empty() {
            self.edits.update(|e| *e += 1);
        }
        result
    }

    /// After a language switch every text may differ: notify everything.
    pub fn set_language(&self, language: &str) -> Result<(), InstanceError> {
        let result = self.change(|i| i.set_language(language));
        self.triggers
            .with_value(|m| m.values().for_each(|t| t.notify()));
        self.structure.with_value(|t| t.notify());
        self.language.update(|l| *l += 1);
        self.edits.update(|e| *e += 1);
        result
    }
}
