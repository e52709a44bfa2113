//! Incremental recomputation.
//!
//! A change (an answer, an added or removed repeat instance, a language switch) marks the
//! nodes that read it as dirty. Dirty nodes are recomputed in the form's dependency order
//! ([`crate::Form::order`]), so every node is computed after what it reads; a node whose
//! value or relevance did not change stops the wave there. Only then are checks (required,
//! read-only, constraints) recomputed, for the nodes that changed and those whose checks
//! read them.
//!
//! Expression defaults (`default: "${a} * 2"`) are applied once, when their node is created:
//! after everything else is computed, in document order, each one seen by the next (see
//! [`Changes::finish`]).
//!
//! Scope: a change inside one repeat instance only dirties nodes of that same instance, plus
//! nodes outside the repeat that aggregate over it (`sum(${age})`); adding member #200 costs
//! about what adding member #1 does.

use std::collections::{BTreeSet, VecDeque};
use std::sync::Arc;

use crate::expr::{ElemId, NodeId};
use crate::form::{Condition, Default, Kind, QuestionType};

use super::{Instance, ViolationKind, MAX_REPEAT_COUNT};

#[derive(Default)]
pub(super) struct Changes {
    /// (position of the element in dependency order, node) still to recompute.
    dirty: BTreeSet<(usize, NodeId)>,
    /// Nodes whose checks must be recomputed at the end.
    checks: BTreeSet<NodeId>,
    /// Nodes whose label or hint shows something that changed.
    texts: Vec<NodeId>,
    /// New nodes with an expression default still to apply, in document order.
    defaults: VecDeque<NodeId>,
}

struct Outcome {
    relevance: bool,
    value: bool,
}

impl Changes {
    pub fn schedule(&mut self, inst: &Instance, elem: ElemId, node: NodeId) {
        self.dirty.insert((inst.form.order_index[elem], node));
    }

    /// Schedules the nodes of `elem` that a change at `from` affects.
    fn schedule_element(&mut self, inst: &Instance, elem: ElemId, from: NodeId) {
        let from = reader_scope(inst, elem, from);
        let e = inst.form.element(elem);
        // The repeat itself reads its count and its own `relevant`.
        if e.kind == Kind::Repeat && (e.repeat_count.is_some() || e.relevant.is_some()) {
            for c in inst.resolve(elem, from, true) {
                self.schedule(inst, elem, c);
            }
        }
        if e.kind != Kind::Repeat || e.relevant.is_some() {
            for n in inst.resolve(elem, from, false) {
                self.schedule(inst, elem, n);
            }
        }
    }

    /// Everything that reads `node` must be recomputed.
    fn schedule_dependents(&mut self, inst: &Instance, node: NodeId, relevance_changed: bool) {
        let form = Arc::clone(&inst.form);
        let deps = &form.dependents[inst.nodes[node].elem];
        for &d in &deps.values {
            self.schedule_element(inst, d, node);
        }
        for &d in &deps.checks {
            let from = reader_scope(inst, d, node);
            self.checks.extend(inst.resolve(d, from, false));
        }
        for &d in &deps.texts {
            self.texts.extend(inst.resolve(d, node, false));
        }
        if relevance_changed {
            for &c in &inst.nodes[node].children {
                self.schedule(inst, inst.nodes[c].elem, c);
            }
        }
    }

    /// Recomputes `node` now and schedules what reads it, if it changed.
    pub fn recompute(&mut self, inst: &mut Instance, node: NodeId) {
        let outcome = self.recompute_node(inst, node);
        self.checks.insert(node);
        let e = inst.form.element(inst.nodes[node].elem);
        let choices_vary = e.choice_filter.is_some() || e.choices_from.is_some();
        if outcome.relevance || outcome.value {
            inst.changed.push(node);
            self.schedule_dependents(inst, node, outcome.relevance);
        } else if choices_vary {
            // Same value, but what its choices come from changed: the choices shown may differ.
            inst.changed.push(node);
        }
    }

    fn recompute_node(&mut self, inst: &mut Instance, node: NodeId) -> Outcome {
        let form = Arc::clone(&inst.form);
        let n = &inst.nodes[node];
        let e = form.element(n.elem);
        let parent_relevant = n.parent.is_none_or(|p| inst.nodes[p].relevant);
        let was_relevant = n.relevant;

        if e.kind == Kind::Repeat && !n.is_instance {
            // As in ODK, the repeat's own `relevant` applies to the repeat itself (evaluated at
            // the repeat: `..` is the enclosing group) as well as to each instance; a repeat
            // whose `relevant` is false is not shown at all, not only its instances.
            let relevant =
                parent_relevant && e.relevant.as_ref().is_none_or(|r| inst.eval_bool(r, node));
            inst.nodes[node].relevant = relevant;
            if let Some(count) = &e.repeat_count {
                let want = inst.eval_number(count, node);
                let want = if want.is_finite() && want > 0.0 {
                    (want as usize).min(MAX_REPEAT_COUNT)
                } else {
                    0
                };
                let have = inst.nodes[node].children.len();
                if want > have {
                    self.insert_instances(inst, node, have, want - have);
                } else if want < have {
                    self.remove_instances(inst, node, want, have - want);
                }
            }
            return Outcome {
                relevance: was_relevant != relevant,
                value: false,
            };
        }

        let relevant =
            parent_relevant && e.relevant.as_ref().is_none_or(|r| inst.eval_bool(r, node));
        inst.nodes[node].relevant = relevant;
        let mut value_changed = false;
        if let Some(q) = e.question_type() {
            if relevant && e.triggers.is_empty() {
                if let Some(calc) = &e.calculation {
                    let v = inst.calculated(calc, node);
                    inst.nodes[node].answer = v;
                }
            }
            let value = if !relevant {
                String::new()
            } else if let (true, Some(how)) = (
                e.choice_filter.is_some() || e.choices_from.is_some(),
                q.choice_answer(),
            ) {
                // What is held but no longer offered reads '' (and comes back when it is).
                let answer = &inst.nodes[node].answer;
                let items = inst.choice_items(node);
                crate::values::normalize_choices(
                    answer,
                    items.iter().map(|c| c.name.as_str()),
                    |c| inst.choice_admitted(node, c),
                    how,
                )
            } else {
                inst.nodes[node].answer.clone()
            };
            if inst.nodes[node].value != value {
                inst.nodes[node].value = value;
                value_changed = true;
            }
        }
        Outcome {
            relevance: was_relevant != relevant,
            value: value_changed,
        }
    }

    /// `trigger`: questions that recalculate (or clear) when `node` is answered.
    pub fn run_triggers(&mut self, inst: &mut Instance, node: NodeId) {
        let form = Arc::clone(&inst.form);
        for &d in &form.dependents[inst.nodes[node].elem].triggers {
            for target in inst.resolve(d, node, false) {
                let v = match &form.element(d).calculation {
                    Some(c) => inst.calculated(c, target),
                    None => String::new(),
                };
                inst.nodes[target].answer = v;
                self.recompute(inst, target);
            }
        }
    }

    /// Creates `count` instances of a repeat at index `at` (0-based).
    pub fn insert_instances(
        &mut self,
        inst: &mut Instance,
        container: NodeId,
        at: usize,
        count: usize,
    ) -> Vec<NodeId> {
        let elem = inst.nodes[container].elem;
        // ODK (Web Forms and Collect) makes the first instance of a counted repeat that
        // pyxform writes in the primary instance from that node, nested repeats' first
        // instances included, and the others from the template, without them.
        let primary =
            inst.nodes[container].in_primary && inst.form.element(elem).repeat_count.is_some();
        let mut created = Vec::new();
        let new: Vec<NodeId> = (at..at + count)
            .map(|i| {
                let from_template = !(primary && i == 0);
                inst.create(elem, Some(container), true, from_template, &mut created)
            })
            .collect();
        inst.nodes[container]
            .children
            .splice(at..at, new.iter().copied());
        inst.changed.push(container);
        self.add_defaults(inst, &created);
        for &n in &created {
            self.schedule(inst, inst.nodes[n].elem, n);
            self.schedule_dependents(inst, n, false);
            self.checks.insert(n);
        }
        self.structure_changed(inst, container, at + count);
        new
    }

    /// Deletes `count` instances of a repeat from index `from` (0-based), with their answers.
    pub fn remove_instances(
        &mut self,
        inst: &mut Instance,
        container: NodeId,
        from: usize,
        count: usize,
    ) {
        let form = Arc::clone(&inst.form);
        let repeat = inst.nodes[container].elem;
        let removed: Vec<NodeId> = inst.nodes[container]
            .children
            .drain(from..from + count)
            .collect();
        inst.changed.push(container);
        let mut elems = Vec::new();
        for r in removed {
            inst.destroy(r, &mut elems);
        }
        // A node id is reused by the next node created: forget defaults of removed nodes.
        self.defaults.retain(|&n| inst.nodes[n].alive);
        elems.sort_unstable();
        elems.dedup();
        // Readers outside the repeat (aggregates) lose values, and so do readers in the other
        // instances that read across them; the removed instances' own readers went with them.
        let stays =
            |d: ElemId| !form.element(d).repeats.contains(&repeat) || form.reads_other_instances[d];
        for e in elems {
            let deps = &form.dependents[e];
            for &d in deps.values.iter().filter(|&&d| stays(d)) {
                self.schedule_element(inst, d, container);
            }
            for &d in deps.checks.iter().filter(|&&d| stays(d)) {
                let from = reader_scope(inst, d, container);
                self.checks.extend(inst.resolve(d, from, false));
            }
        }
        self.structure_changed(inst, container, from);
    }

    /// After instances were added or removed: whatever counts them, and `position(..)` in
    /// the instances from `first_moved` on, which now sit elsewhere.
    fn structure_changed(&mut self, inst: &Instance, container: NodeId, first_moved: usize) {
        self.schedule_dependents(inst, container, false);
        let form = Arc::clone(&inst.form);
        let positions = &form.dependents[inst.nodes[container].elem].positions;
        if positions.is_empty() {
            return;
        }
        for &moved in inst.nodes[container].children.iter().skip(first_moved) {
            for &d in positions {
                self.schedule_element(inst, d, moved);
            }
        }
    }

    /// Queues the expression defaults of newly created nodes (`created` is in document order).
    fn add_defaults(&mut self, inst: &Instance, created: &[NodeId]) {
        let form = &inst.form;
        self.defaults.extend(created.iter().copied().filter(|&n| {
            matches!(
                form.element(inst.nodes[n].elem).default,
                Some(Default::Computed(_))
            )
        }));
    }

    /// Applies one expression default, as ODK's `odk-instance-first-load` / `odk-new-repeat`
    /// setvalue does: once, and only on a node relevant at that moment (a hidden question
    /// keeps its blank answer). Its readers are recomputed before the next default.
    fn apply_default(&mut self, inst: &mut Instance, node: NodeId) {
        let form = Arc::clone(&inst.form);
        let n = &inst.nodes[node];
        let e = form.element(n.elem);
        let (Some(Default::Computed(ex)), Some(q)) = (&e.default, e.question_type()) else {
            return;
        };
        if !n.alive || !n.relevant {
            return;
        }
        let v = inst.eval_string(ex, node);
        inst.nodes[node].answer = crate::values::normalize(q, &v, inst.local_offset());
        self.recompute(inst, node);
    }

    /// Recomputes every dirty node in dependency order, then the checks.
    ///
    /// Expression defaults of new nodes are applied in between, one at a time in document
    /// order, each after everything dirty is recomputed: so a default reads the literal
    /// defaults, the calculations and the expression defaults before it (`b` = `${a} * 2`
    /// with `a` defaulting to 3 is 6), while one it reads further down is still blank, as in
    /// ODK. (ODK also sees a calculation further down as blank there; here it is computed.)
    pub fn finish(mut self, inst: &mut Instance) {
        loop {
            while let Some((_, node)) = self.dirty.pop_first() {
                if inst.nodes[node].alive {
                    self.recompute(inst, node);
                }
            }
            let Some(node) = self.defaults.pop_front() else {
                break;
            };
            self.apply_default(inst, node);
        }
        // A group's read-only applies to everything in it: when it changes, its children's
        // checks follow (they may have been done already in this pass: they are done again).
        while let Some(node) = self.checks.pop_first() {
            if !inst.nodes[node].alive {
                continue;
            }
            let was_read_only = inst.nodes[node].read_only;
            if recompute_checks(inst, node) {
                inst.changed.push(node);
                if inst.nodes[node].read_only != was_read_only {
                    self.checks
                        .extend(inst.nodes[node].children.iter().copied());
                }
            }
        }
        inst.changed.append(&mut self.texts);
        // Nobody may be taking changes (the CLI): keep the list from growing without bound.
        if inst.changed.len() > 4 * inst.nodes.len() + 64 {
            inst.changed.sort_unstable();
            inst.changed.dedup();
        }
    }

    /// For a new instance: everything is dirty.
    pub fn everything(inst: &Instance, created: &[NodeId]) -> Changes {
        let mut c = Changes::default();
        for &n in created {
            c.schedule(inst, inst.nodes[n].elem, n);
            c.checks.insert(n);
        }
        c
    }
}

fn condition(inst: &Instance, c: &Condition, node: NodeId) -> bool {
    match c {
        Condition::Always(b) => *b,
        Condition::When(e) => inst.eval_bool(e, node),
    }
}

/// Required, read-only and constraint of one node. As in ODK, a node that is not relevant
/// has no violation, and a constraint is only checked on a non-empty answer. True when any of
/// them changed.
///
/// `required` and `read_only` are the form's conditions as they evaluate now, as ODK reports
/// them, relevant or not: a hidden question stays required (the app hides it with its mark;
/// only the violation needs relevance). Read-only is inherited: everything inside a read-only
/// group or repeat is read-only, whatever its own `read_only` says (as ODK). A note is always
/// read-only: pyxform binds every note `readonly="true()"`, and there is nothing to answer;
/// but a required note that is blank is a violation, as in ODK: XLSForm's way to stop
/// finalizing while a note (say, "the ages do not add up") shows.
fn recompute_checks(inst: &mut Instance, node: NodeId) -> bool {
    let form = Arc::clone(&inst.form);
    let n = &inst.nodes[node];
    let e = form.element(n.elem);
    let relevant = n.relevant;
    let is_note = e.question_type() == Some(&QuestionType::Note);
    let parent_read_only = n.parent.is_some_and(|p| inst.nodes[p].read_only);
    let read_only = is_note || parent_read_only || condition(inst, &e.read_only, node);
    let answerable = e.question_type().is_some_and(|q| q.is_input());
    let required = (answerable || is_note) && condition(inst, &e.required, node);
    let empty = inst.nodes[node].value.is_empty();
    let violation = if !relevant || !(answerable || is_note) {
        None
    } else if required && empty {
        Some(ViolationKind::Required)
    } else if !answerable {
        None
    } else if !empty
        && e.constraint
            .as_ref()
            .is_some_and(|c| !inst.eval_bool(c, node))
    {
        Some(ViolationKind::Constraint)
    } else {
        None
    };
    let n = &mut inst.nodes[node];
    let changed = (n.read_only, n.required, n.violation) != (read_only, required, violation);
    n.read_only = read_only;
    n.required = required;
    n.violation = violation;
    changed
}

impl Instance {
    /// Computes a new filled form, then applies its expression defaults.
    pub(super) fn propagate_created(&mut self, created: Vec<NodeId>) {
        let mut changes = Changes::everything(self, &created);
        changes.add_defaults(self, &created);
        changes.finish(self);
    }

    /// Recomputes every node, as after loading saved answers.
    pub(super) fn recompute_all(&mut self) {
        let all: Vec<NodeId> = (0..self.nodes.len())
            .filter(|&n| self.nodes[n].alive)
            .collect();
        Changes::everything(self, &all).finish(self);
    }
}

/// Where to look for the nodes of reader `elem` that a change at `from` affects: from `from`
/// itself (the same repeat instance), or from the root for a reader that reads other
/// instances of its own repeat ([`crate::Form::reads_other_instances`]): all its nodes.
fn reader_scope(inst: &Instance, elem: ElemId, from: NodeId) -> NodeId {
    if inst.form.reads_other_instances[elem] {
        super::ROOT
    } else {
        from
    }
}
