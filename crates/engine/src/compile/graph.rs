//! The dependency graph: what each element's value reads, the order values are computed in
//! (a cycle is an error), and who must be recomputed when a node or the language changes.

use std::collections::HashMap;

use crate::diagnostic::Finding;
use crate::expr::ast::Step;
use crate::expr::{ElemId, Expr, Func};
use crate::form::{Dependents, Element};

use super::references::text_references;
use super::Compiler;

impl Compiler {
    /// Orders elements so that each comes after everything its value depends on; a cycle is
    /// an error naming its members.
    pub(super) fn order(&mut self) -> (Vec<ElemId>, Vec<usize>) {
        let n = self.elements.len();
        let deps: Vec<Vec<ElemId>> = self.elements.iter().map(value_dependencies).collect();
        // 0 = unvisited, 1 = on the stack, 2 = done.
        let mut state = vec![0u8; n];
        let mut order = Vec::with_capacity(n);
        let mut cycles: Vec<Vec<ElemId>> = Vec::new();
        for start in 0..n {
            if state[start] != 0 {
                continue;
            }
            // Iterative DFS (forms can be deep; recursion could overflow on hostile input).
            let mut stack: Vec<(ElemId, usize)> = vec![(start, 0)];
            state[start] = 1;
            while let Some((node, i)) = stack.last_mut() {
                let node = *node;
                if let Some(&dep) = deps[node].get(*i) {
                    *i += 1;
                    match state[dep] {
                        0 => {
                            state[dep] = 1;
                            stack.push((dep, 0));
                        }
                        1 => {
                            let from = stack.iter().position(|(e, _)| *e == dep).unwrap_or(0);
                            cycles.push(stack[from..].iter().map(|(e, _)| *e).collect());
                        }
                        _ => {}
                    }
                } else {
                    state[node] = 2;
                    order.push(node);
                    stack.pop();
                }
            }
        }
        for cycle in cycles {
            let names: Vec<String> = cycle
                .iter()
                .chain(cycle.first())
                .map(|&e| format!("${{{}}}", self.elements[e].name))
                .collect();
            let first = &self.elements[cycle[0]];
            let (path, name) = (first.json_path.clone(), first.name.clone());
            self.error(&path, Some(&name), Finding::Cycle { names });
        }
        let mut index = vec![0; n];
        for (i, &e) in order.iter().enumerate() {
            index[e] = i;
        }
        (order, index)
    }
}

/// What an element's value or relevance reads: its parent (relevance is inherited) and every
/// element referenced by its value expressions.
pub(super) fn value_dependencies(e: &Element) -> Vec<ElemId> {
    let mut deps: Vec<ElemId> = e.parent.into_iter().collect();
    for ex in e.value_expressions() {
        deps.extend(ex.references().iter().filter_map(|r| r.target));
    }
    deps.sort_unstable();
    deps.dedup();
    deps
}

/// Whether the expression reads where its node stands among repeat instances (`position()`,
/// `..`, `current()/..`), so that it is recomputed when instances are added or removed.
pub(super) fn uses_position(ex: &Expr) -> bool {
    ex.any(&|e| match e {
        Expr::Parent | Expr::Call(Func::Position, _) | Expr::Call(Func::IndexedRepeat, _) => true,
        Expr::Path(base, steps) => {
            matches!(**base, Expr::Current | Expr::Origin) && steps.contains(&Step::Parent)
        }
        _ => false,
    })
}

pub(super) fn dependents(
    elements: &[Element],
    by_name: &HashMap<String, ElemId>,
) -> (Vec<Dependents>, Vec<ElemId>) {
    let mut out = vec![Dependents::default(); elements.len()];
    let mut language = Vec::new();
    for e in elements {
        let mut value_refs: Vec<ElemId> = Vec::new();
        // Its choices are another question's answers: they change with them.
        value_refs.extend(e.choices_from);
        for ex in e.value_expressions() {
            value_refs.extend(ex.references().iter().filter_map(|r| r.target));
            if uses_position(ex) {
                if let Some(&rep) = e.repeats.last() {
                    out[rep].positions.push(e.id);
                }
            }
        }
        if e.value_expressions()
            .any(|ex| ex.calls(Func::ChoiceName) || ex.calls(Func::Itext))
        {
            language.push(e.id);
        }
        value_refs.sort_unstable();
        value_refs.dedup();
        for r in value_refs {
            out[r].values.push(e.id);
        }
        let mut check_refs: Vec<ElemId> = e
            .check_expressions()
            .flat_map(|ex| ex.references())
            .filter_map(|r| r.target)
            .collect();
        check_refs.sort_unstable();
        check_refs.dedup();
        for r in check_refs {
            out[r].checks.push(e.id);
        }
        for &t in &e.triggers {
            out[t].triggers.push(e.id);
        }
        let mut text_refs: Vec<ElemId> = [&e.label, &e.hint]
            .into_iter()
            .flatten()
            .flat_map(|t| t.variants())
            .flat_map(|(_, s)| text_references(s))
            .filter_map(|name| by_name.get(name).copied())
            .collect();
        text_refs.sort_unstable();
        text_refs.dedup();
        for r in text_refs {
            out[r].texts.push(e.id);
        }
    }
    for d in &mut out {
        d.positions.sort_unstable();
        d.positions.dedup();
    }
    (out, language)
}
