//! `${name}` references resolved to elements (and why one resolves to nothing), paths inside
//! predicates resolved from the node they test, trigger names, `instance_name`.

use std::collections::{HashMap, HashSet};

use crate::diagnostic::{Finding, Unresolved};
use crate::expr::ast::Step;
use crate::expr::{self, Context, ElemId, Expr, Func};
use crate::form::{Condition, Default, Element, QuestionType};

use super::Compiler;

impl Compiler {
    pub(super) fn resolve_references(&mut self) {
        let children: HashMap<(ElemId, String), ElemId> = self.elements[1..]
            .iter()
            .filter_map(|e| Some(((e.parent?, e.name.clone()), e.id)))
            .collect();
        let parents: Vec<Option<ElemId>> = self.elements.iter().map(|e| e.parent).collect();
        let (by_name, ambiguous) = (&self.by_name, &self.ambiguous);
        let tree = Tree {
            by_name,
            children: &children,
            parents: &parents,
        };
        let mut problems = Vec::new();
        for e in &mut self.elements {
            let (id, name, json_path) = (e.id, e.name.clone(), e.json_path.clone());
            let mut props: Vec<(&str, &mut Expr)> = Vec::new();
            for (prop, ex) in [
                ("relevant", e.relevant.as_mut()),
                ("constraint", e.constraint.as_mut()),
                ("calculation", e.calculation.as_mut()),
                ("choice_filter", e.choice_filter.as_mut()),
                ("repeat_count", e.repeat_count.as_mut()),
            ] {
                if let Some(ex) = ex {
                    props.push((prop, ex));
                }
            }
            if let Condition::When(ex) = &mut e.required {
                props.push(("required", ex));
            }
            if let Condition::When(ex) = &mut e.read_only {
                props.push(("read_only", ex));
            }
            if let Some(Default::Computed(ex)) = &mut e.default {
                props.push(("default", ex));
            }
            for (prop, ex) in props {
                choice_name_paths_to_refs(ex);
                resolve_steps(ex, id, &tree);
                for r in ex.references_mut() {
                    if r.target.is_some() {
                        continue;
                    }
                    match by_name.get(&r.name) {
                        Some(&t) => r.target = Some(t),
                        None => problems.push((
                            format!("{json_path}.{prop}"),
                            name.clone(),
                            Finding::UnresolvedReference {
                                property: prop.to_string(),
                                element: name.clone(),
                                column: r.column,
                                why: unresolved(&r.name, by_name, ambiguous),
                            },
                        )),
                    }
                }
            }
        }
        let triggers = std::mem::take(&mut self.triggers);
        let triggered: HashSet<ElemId> = triggers.iter().map(|(id, _)| *id).collect();
        for (id, target) in triggers {
            let at = format!("{}.trigger", self.elements[id].json_path);
            let who = self.elements[id].name.clone();
            match by_name.get(&target) {
                // pyxform: a setvalue runs when its trigger's control changes, and a
                // calculation has none.
                Some(&t) if !user_visible(&self.elements[t], triggered.contains(&t)) => {
                    problems.push((at, who, Finding::TriggerNotAnswered { target }));
                }
                Some(&t) => {
                    if !self.elements[id].triggers.contains(&t) {
                        self.elements[id].triggers.push(t);
                    }
                }
                None => problems.push((at, who, Finding::TriggerUnknown { target })),
            }
        }
        // `select_one ${name}`: the question whose answers are the choices.
        for e in &mut self.elements {
            let Some(source) = e.question_type().and_then(QuestionType::choices_from_name) else {
                continue;
            };
            match by_name.get(source) {
                Some(&t) => e.choices_from = Some(t),
                None => problems.push((
                    format!("{}.type", e.json_path),
                    e.name.clone(),
                    Finding::ChoicesFromUnresolved {
                        element: e.name.clone(),
                        why: unresolved(source, by_name, ambiguous),
                    },
                )),
            }
        }
        // Labels and hints may show answers: `${name}` there must exist too.
        for e in &self.elements {
            for (prop, text) in [("label", &e.label), ("hint", &e.hint)] {
                let Some(text) = text else { continue };
                for (lang, s) in text.variants() {
                    for r in text_references(s) {
                        let r = r.strip_prefix("last-saved#").unwrap_or(r).trim();
                        if !self.by_name.contains_key(r) {
                            let at = lang.map(|l| format!(".{l}")).unwrap_or_default();
                            problems.push((
                                format!("{}.{prop}{at}", e.json_path),
                                e.name.clone(),
                                Finding::TextShowsUnresolved {
                                    property: prop.to_string(),
                                    element: e.name.clone(),
                                    why: unresolved(r, &self.by_name, &self.ambiguous),
                                },
                            ));
                        }
                    }
                }
            }
        }
        for (path, name, finding) in problems {
            self.error(&path, Some(&name), finding);
        }
    }

    /// `settings.instance_name` must parse and name existing questions (it becomes
    /// `/meta/instanceName` only when it does; see [`Compiler::add_meta`]).
    pub(super) fn check_instance_name(&mut self, src: Option<&str>) {
        let Some(ex) = self.parse(
            src,
            Context::Normal,
            "$.settings",
            "settings",
            "instance_name",
        ) else {
            return;
        };
        let unknown: Vec<Finding> = ex
            .references()
            .iter()
            .filter(|r| !self.by_name.contains_key(&r.name))
            .map(|r| Finding::InstanceNameUnresolved {
                column: r.column,
                why: unresolved(&r.name, &self.by_name, &self.ambiguous),
            })
            .collect();
        for finding in unknown {
            self.error("$.settings.instance_name", None, finding);
        }
    }
}

/// `jr:choice-name(${q}, '${q}')`: the path is written as a string; make it a reference.
pub(super) fn choice_name_paths_to_refs(e: &mut Expr) {
    match e {
        Expr::Call(Func::ChoiceName, args) => {
            if let Some(Expr::Str(s)) = args.get(1) {
                let t = s.trim();
                if let Some(name) = t.strip_prefix("${").and_then(|t| t.strip_suffix('}')) {
                    args[1] = Expr::Ref(expr::Reference {
                        name: name.trim().to_string(),
                        target: None,
                        column: 0,
                    });
                }
            }
            args.iter_mut().for_each(choice_name_paths_to_refs);
        }
        Expr::Call(_, args) => args.iter_mut().for_each(choice_name_paths_to_refs),
        Expr::Neg(a) | Expr::Matches(a, _) => choice_name_paths_to_refs(a),
        Expr::Binary(_, a, b) => {
            choice_name_paths_to_refs(a);
            choice_name_paths_to_refs(b);
        }
        _ => {}
    }
}

/// The `${name}` references in a label or hint.
pub fn text_references(s: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = s;
    while let Some(start) = rest.find("${") {
        let after = &rest[start + 2..];
        match after.find('}') {
            Some(end) => {
                out.push(after[..end].trim());
                rest = &after[end + 1..];
            }
            None => break,
        }
    }
    out
}

/// The name meant by a misspelt one ("did you mean ${x}?"), if one is close.
pub(super) fn suggestion(name: &str, names: &HashMap<String, ElemId>) -> Option<String> {
    let lower = name.to_lowercase();
    names
        .keys()
        .filter(|k| {
            let k = k.to_lowercase();
            k == lower || edit_distance(&k, &lower) <= 2
        })
        .min()
        .cloned()
}

pub(super) fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut cur = vec![i + 1];
        for (j, cb) in b.iter().enumerate() {
            let cost = usize::from(ca != *cb);
            cur.push((prev[j] + cost).min(prev[j + 1] + 1).min(cur[j] + 1));
        }
        prev = cur;
    }
    prev[b.len()]
}

/// Why `${name}` resolves to nothing: no such element, or several (`ambiguous`: their paths).
pub(crate) fn unresolved(
    name: &str,
    by_name: &HashMap<String, ElemId>,
    ambiguous: &HashMap<String, Vec<String>>,
) -> Unresolved {
    match ambiguous.get(name) {
        Some(paths) => Unresolved::Ambiguous {
            name: name.to_string(),
            paths: paths.clone(),
        },
        None => Unresolved::Unknown {
            name: name.to_string(),
            suggestion: suggestion(name, by_name),
        },
    }
}

/// What path steps resolve against: names used once, each element's children by name, and
/// each element's parent.
pub(super) struct Tree<'a> {
    by_name: &'a HashMap<String, ElemId>,
    children: &'a HashMap<(ElemId, String), ElemId>,
    parents: &'a [Option<ElemId>],
}

/// In `${rows}[n > 3]/n`, `../age` or `current()/../age` the steps and the bare names of
/// predicates are children of what comes before them (XPath's child axis), `..` its parent,
/// `current()` the element `here` itself and `.` too, except inside a predicate, where it is
/// the element tested: resolved there, so that a name used in several groups is still found.
/// What cannot be placed this way is left to the form-wide lookup.
pub(super) fn resolve_steps(ex: &mut Expr, here: ElemId, tree: &Tree) {
    resolve_in(ex, here, None, tree)
}

/// [`resolve_steps`] inside a predicate whose node is `item` (`school/enrolled` in
/// `${edu}[school/enrolled = 'yes']` starts at the `edu` instance being tested).
pub(super) fn resolve_in(ex: &mut Expr, here: ElemId, item: Option<ElemId>, tree: &Tree) {
    let child = |at: ElemId, name: &str| tree.children.get(&(at, name.to_string())).copied();
    match ex {
        Expr::Relative(r) if r.target.is_none() => {
            r.target = item.and_then(|at| child(at, &r.name));
        }
        Expr::Path(base, steps) => {
            resolve_in(base, here, item, tree);
            let relative = matches!(
                base.as_ref(),
                Expr::Current | Expr::Origin | Expr::Parent | Expr::Root | Expr::Relative(_)
            );
            // `.` and `..` start at the node a predicate tests, `current()` always at `here`.
            let context = item.unwrap_or(here);
            let mut at = match base.as_ref() {
                Expr::Ref(r) => r.target.or_else(|| tree.by_name.get(&r.name).copied()),
                Expr::Relative(r) => r.target,
                Expr::Origin => Some(here),
                Expr::Current => Some(context),
                Expr::Parent => tree.parents[context],
                Expr::Root => Some(0),
                _ => None,
            };
            let mut missing = None;
            for step in steps.iter_mut() {
                let Some(now) = at else { break };
                match step {
                    Step::Filter(f) => resolve_in(f, here, Some(now), tree),
                    Step::Child(r) => {
                        r.target = child(now, &r.name);
                        at = r.target;
                        if at.is_none() {
                            missing = Some(r.name.clone());
                        }
                    }
                    Step::Parent => at = tree.parents[now],
                }
            }
            // A relative path to no node reads nothing (not a question of that name elsewhere).
            if let (true, Some(name)) = (relative, missing) {
                *ex = Expr::Empty(name);
            }
        }
        Expr::Neg(a) | Expr::Matches(a, _) => resolve_in(a, here, item, tree),
        Expr::Binary(_, a, b) => {
            resolve_in(a, here, item, tree);
            resolve_in(b, here, item, tree);
        }
        Expr::Call(_, args) => args
            .iter_mut()
            .for_each(|a| resolve_in(a, here, item, tree)),
        _ => {}
    }
}

/// The questions a `trigger` cell names: `${a}`, or several separated by commas
/// (`${a}, ${b}`), as pyxform reads it (text around the references is ignored).
pub(super) fn trigger_names(cell: &str) -> Result<Vec<&str>, Finding> {
    let mut names = Vec::new();
    for part in cell.split(',') {
        let refs = text_references(part);
        if refs.len() > 1 {
            return Err(Finding::TriggerWithoutComma {
                part: part.trim().to_string(),
            });
        }
        if part.matches("${").count() != refs.len() {
            return Err(Finding::TriggerNotAReference {
                part: part.trim().to_string(),
            });
        }
        names.extend(refs);
    }
    if names.is_empty() {
        return Err(Finding::TriggerNamesNothing {
            cell: cell.to_string(),
        });
    }
    Ok(names)
}

/// Whether the field worker sees `e` and so can answer it (pyxform writes no control for a
/// calculation, nor for a labelless element with a calculation or a trigger).
pub(super) fn user_visible(e: &Element, triggered: bool) -> bool {
    let computed = e.calculation.is_some() || triggered;
    let calculate = e.question_type() == Some(&QuestionType::Calculate);
    !(calculate || computed && e.label.is_none() && e.hint.is_none())
}
