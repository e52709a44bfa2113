//! Definition → [`Form`]: builds the element table, parses every expression once, resolves
//! `${name}` references, checks the form for designers and builds the dependency graph.

use std::collections::{HashMap, HashSet};

use crate::definition::{BoolOrExpr, Cell, ElementDef, FormDefinition, Text};
use crate::diagnostic::{Diagnostic, LoadError, Severity};
use crate::dynamic_default;
use crate::expr::ast::Step;
use crate::expr::{self, Context, ElemId, Expr, Func};
use crate::form::{Condition, Default, Dependents, Element, Form, Kind, QuestionType};

/// Loads a form from JSON text. On success the form may still carry warnings
/// ([`Form::warnings`]); on failure every error and warning found is returned.
pub fn load(json: &str) -> Result<Form, LoadError> {
    let definition = FormDefinition::from_json(json).map_err(|e| LoadError {
        diagnostics: vec![Diagnostic {
            severity: Severity::Error,
            path: e.path,
            element: None,
            message: e.message,
        }],
    })?;
    compile(definition)
}

/// Every diagnostic for a form, errors first (what `xonadon check` prints).
pub fn check(json: &str) -> Vec<Diagnostic> {
    let mut out = match load(json) {
        Ok(form) => form.warnings,
        Err(e) => e.diagnostics,
    };
    out.sort_by_key(|d| d.severity);
    out
}

pub fn compile(definition: FormDefinition) -> Result<Form, LoadError> {
    let mut c = Compiler::default();
    // Exactly as many as there will be (the root, the survey, `meta` and its two): a growing
    // Vec of large elements would hold up to twice that, and Wasm memory never shrinks.
    c.elements
        .reserve_exact(1 + count_elements(&definition.survey) + 3);
    c.elements.push(root_element());
    // The audit log lives at `/meta/audit`, where pyxform puts it whatever its row.
    let mut audits = Vec::new();
    for (i, def) in definition.survey.iter().enumerate() {
        if def.kind.trim() == "audit" {
            audits.push((def, format!("$.survey[{i}]")));
        } else {
            c.add(def, 0, format!("$.survey[{i}]"));
        }
    }
    // pyxform converts a survey of no questions (only metadata); the worker would see nothing.
    if definition.survey.is_empty() {
        c.push(
            Severity::Warning,
            "$.survey",
            None,
            "the survey is empty: add at least one question".into(),
        );
    }
    c.add_meta(definition.settings.instance_name.as_deref(), &audits);
    c.index_names();
    c.resolve_references();
    c.check_instance_name(definition.settings.instance_name.as_deref());
    crate::supervisor::check(&definition.settings, &c.elements, &c.by_name, &c.ambiguous)
        .into_iter()
        .for_each(|d| c.diagnostics.push(d));
    crate::lint::lint(&definition, &c.elements, &c.by_name, &mut c.diagnostics);
    let languages = languages(&definition, &mut c.diagnostics);
    let (order, order_index) = c.order();
    let (dependents, language_dependents) = dependents(&c.elements, &c.by_name);
    let reads_other_instances = crate::reach::reads_other_instances(&c.elements);

    if c.diagnostics.iter().any(|d| d.severity == Severity::Error) {
        c.diagnostics.sort_by_key(|d| d.severity);
        return Err(LoadError {
            diagnostics: c.diagnostics,
        });
    }
    let FormDefinition {
        settings, choices, ..
    } = definition;
    Ok(Form {
        settings,
        choices,
        elements: c.elements,
        by_name: c.by_name,
        order,
        order_index,
        dependents,
        reads_other_instances,
        language_dependents,
        languages,
        warnings: c.diagnostics,
    })
}

fn count_elements(survey: &[ElementDef]) -> usize {
    survey
        .iter()
        .map(|e| 1 + e.children.as_deref().map_or(0, count_elements))
        .sum()
}

fn root_element() -> Element {
    Element {
        id: 0,
        name: String::new(),
        kind: Kind::Root,
        parent: None,
        children: Vec::new(),
        slot: 0,
        path: String::new(),
        json_path: "$".into(),
        repeats: Vec::new(),
        label: None,
        hint: None,
        guidance_hint: None,
        media: None,
        required_message: None,
        constraint_message: None,
        appearance: None,
        parameters: None,
        relevant: None,
        required: Condition::Always(false),
        read_only: Condition::Always(false),
        constraint: None,
        calculation: None,
        default: None,
        choice_filter: None,
        repeat_count: None,
        triggers: Vec::new(),
        choices_from: None,
    }
}

#[derive(Default)]
struct Compiler {
    elements: Vec<Element>,
    /// Names used once in the form: what `${name}` resolves to.
    by_name: HashMap<String, ElemId>,
    /// Names used by several elements (in different groups), with their paths: `${name}`
    /// cannot say which.
    ambiguous: HashMap<String, Vec<String>>,
    diagnostics: Vec<Diagnostic>,
    /// Unresolved trigger names, resolved with the other references.
    triggers: Vec<(ElemId, String)>,
}

fn valid_name(name: &str) -> bool {
    let mut chars = name.chars();
    chars.next().is_some_and(|c| c.is_alphabetic() || c == '_') && chars.all(expr::is_name_char)
}

impl Compiler {
    fn push(&mut self, severity: Severity, path: &str, element: Option<&str>, message: String) {
        self.diagnostics.push(Diagnostic {
            severity,
            path: path.to_string(),
            element: element.map(str::to_string),
            message,
        });
    }

    fn error(&mut self, path: &str, element: Option<&str>, message: impl Into<String>) {
        self.push(Severity::Error, path, element, message.into());
    }

    /// Parses one expression property; a syntax error becomes a diagnostic naming the element,
    /// the property and the column.
    fn parse(
        &mut self,
        src: Option<&str>,
        context: Context,
        json_path: &str,
        name: &str,
        property: &str,
    ) -> Option<Expr> {
        let src = src?;
        if src.trim().is_empty() {
            return None;
        }
        match expr::parse(src, context) {
            Ok(e) => Some(e),
            Err(e) => {
                self.error(
                    &format!("{json_path}.{property}"),
                    Some(name),
                    format!(
                        "`{property}` of `{name}`, column {}: {} (in `{src}`)",
                        e.column, e.message
                    ),
                );
                None
            }
        }
    }

    fn condition(
        &mut self,
        value: Option<&BoolOrExpr>,
        json_path: &str,
        name: &str,
        property: &str,
    ) -> Condition {
        match value {
            None => Condition::Always(false),
            Some(BoolOrExpr::Bool(b)) => Condition::Always(*b),
            Some(BoolOrExpr::Expr(s)) => match s.trim() {
                "yes" | "true" | "true()" => Condition::Always(true),
                "" | "no" | "false" | "false()" => Condition::Always(false),
                src => self
                    .parse(Some(src), Context::Normal, json_path, name, property)
                    .map_or(Condition::Always(false), |e| Condition::When(Box::new(e))),
            },
        }
    }

    fn add(&mut self, def: &ElementDef, parent: ElemId, json_path: String) {
        let name = def.name.as_str();
        if !valid_name(name) {
            self.error(
                &format!("{json_path}.name"),
                Some(name),
                format!("`{name}` is not a valid name: use letters, digits and `_`, starting with a letter"),
            );
        }
        let kind = match def.kind.trim() {
            "group" | "begin_group" | "begin group" => Kind::Group,
            "repeat" | "begin_repeat" | "begin repeat" => Kind::Repeat,
            other => match QuestionType::parse(other) {
                Some(q) => Kind::Question(q),
                None => {
                    let hint = if other == "select_one" || other == "select_multiple" {
                        format!(": write `{other} LIST` with the name of a choice list")
                    } else {
                        String::new()
                    };
                    self.error(
                        &format!("{json_path}.type"),
                        Some(name),
                        format!("unknown type `{other}`{hint}"),
                    );
                    Kind::Question(QuestionType::Text)
                }
            },
        };
        let id = self.elements.len();
        let parent_el = &self.elements[parent];
        let mut repeats = parent_el.repeats.clone();
        if parent_el.kind == Kind::Repeat {
            repeats.push(parent);
        }
        let path = format!("{}/{}", parent_el.path, name);
        let slot = parent_el.children.len();
        let p = |prop: &str| json_path.clone() + "." + prop;

        let mut parse = |src: &Option<String>, context, property| {
            self.parse(src.as_deref(), context, &json_path, name, property)
        };
        let relevant = parse(&def.relevant, Context::Normal, "relevant");
        let constraint = parse(&def.constraint, Context::Normal, "constraint");
        let calculation = parse(&def.calculation, Context::Normal, "calculation");
        let choice_filter = parse(&def.choice_filter, Context::ChoiceFilter, "choice_filter");
        let required = self.condition(def.required.as_ref(), &json_path, name, "required");
        let read_only = self.condition(def.read_only.as_ref(), &json_path, name, "read_only");
        let default = match &def.default {
            None => None,
            Some(Cell::Text(s)) if dynamic_default::is_dynamic(s, &def.kind) => self
                .parse(Some(s), Context::Normal, &json_path, name, "default")
                .map(|e| Default::Computed(Box::new(e))),
            Some(cell) => Some(Default::Literal(cell.as_text())),
        };
        let repeat_count = match &def.repeat_count {
            None => None,
            Some(Cell::Text(s)) => {
                self.parse(Some(s), Context::Normal, &json_path, name, "repeat_count")
            }
            Some(cell) => {
                let n = cell.as_text();
                match n.parse::<u32>() {
                    Ok(n) => Some(Expr::Number(n as f64)),
                    Err(_) => {
                        self.error(
                            &p("repeat_count"),
                            Some(name),
                            format!("`repeat_count` must be a whole number ≥ 0 or an expression, not {n}"),
                        );
                        None
                    }
                }
            }
        };
        if let Some(t) = &def.trigger {
            match trigger_names(t) {
                Ok(names) => self
                    .triggers
                    .extend(names.into_iter().map(|n| (id, n.to_string()))),
                Err(message) => self.error(&format!("{json_path}.trigger"), Some(name), message),
            }
        }

        let is_container = matches!(kind, Kind::Group | Kind::Repeat);
        if def.children.is_some() && !is_container {
            self.error(
                &p("children"),
                Some(name),
                "only a `group` or `repeat` may have `children`",
            );
        }
        // Both load in ODK (pyxform converts them): warnings.
        if is_container && def.children.as_ref().is_none_or(Vec::is_empty) {
            self.push(
                Severity::Warning,
                &json_path,
                Some(name),
                format!("the {} `{name}` has no questions", def.kind.trim()),
            );
        }
        if def.repeat_count.is_some() && kind != Kind::Repeat {
            self.push(
                Severity::Warning,
                &p("repeat_count"),
                Some(name),
                "`repeat_count` does nothing here: it only counts a repeat's instances".into(),
            );
        }

        self.elements.push(Element {
            id,
            name: name.to_string(),
            kind,
            parent: Some(parent),
            children: Vec::new(),
            slot,
            path,
            json_path: json_path.clone(),
            repeats,
            label: def.label.clone(),
            hint: def.hint.clone(),
            guidance_hint: def.guidance_hint.clone(),
            media: def.media.clone(),
            required_message: def.required_message.clone(),
            constraint_message: def.constraint_message.clone(),
            appearance: def.appearance.clone(),
            parameters: def.parameters.clone(),
            relevant: relevant.map(Box::new),
            required,
            read_only,
            constraint: constraint.map(Box::new),
            calculation: calculation.map(Box::new),
            default,
            choice_filter: choice_filter.map(Box::new),
            repeat_count: repeat_count.map(Box::new),
            triggers: Vec::new(),
            choices_from: None,
        });
        self.elements[parent].children.push(id);
        if is_container {
            for (i, child) in def.children.iter().flatten().enumerate() {
                self.add(child, id, format!("{json_path}.children[{i}]"));
            }
        }
    }

    /// `/meta/instanceID`, as pyxform adds it: a `uuid:` identifier fixed at creation; and
    /// `/meta/instanceName` from `settings.instance_name` when that expression is sound.
    fn add_meta(&mut self, instance_name: Option<&str>, audits: &[(&ElementDef, String)]) {
        let taken = |c: &Compiler, n: &str| {
            c.elements
                .iter()
                .any(|e| e.parent == Some(0) && e.name == n)
        };
        if taken(self, "meta") {
            // The form has its own `meta`: the audit stays where it was written.
            for (def, path) in audits {
                self.add(def, 0, path.clone());
            }
            return;
        }
        let sound_name = instance_name.filter(|src| {
            expr::parse(src, Context::Normal).is_ok_and(|e| {
                e.references()
                    .iter()
                    .all(|r| self.elements.iter().any(|el| el.name == r.name))
            })
        });
        let name_leaf = sound_name.map(|src| ElementDef {
            kind: "calculate".into(),
            name: "instanceName".into(),
            calculation: Some(src.to_string()),
            ..meta_leaf()
        });
        let meta = ElementDef {
            kind: "group".into(),
            name: "meta".into(),
            children: Some(
                std::iter::once(ElementDef {
                    kind: "calculate".into(),
                    name: "instanceID".into(),
                    calculation: Some("once(concat('uuid:', uuid()))".into()),
                    read_only: Some(BoolOrExpr::Bool(true)),
                    children: None,
                    ..meta_leaf()
                })
                .chain(name_leaf)
                .collect(),
            ),
            ..meta_leaf()
        };
        let meta_id = self.elements.len();
        self.add(&meta, 0, "$.meta".into());
        for (def, path) in audits {
            self.add(def, meta_id, path.clone());
        }
    }

    /// Names are unique among siblings (pyxform's rule: the same name may stand in two groups,
    /// or name a question inside a group of that name); `${name}` resolves when the name is
    /// used once in the whole form, and is an error where it is used otherwise.
    fn index_names(&mut self) {
        let mut siblings: HashMap<(Option<ElemId>, &str), ElemId> = HashMap::new();
        let mut all: HashMap<String, Vec<ElemId>> = HashMap::new();
        let mut repeats: HashMap<&str, ElemId> = HashMap::new();
        let mut problems = Vec::new();
        for e in &self.elements[1..] {
            match siblings.entry((e.parent, e.name.as_str())) {
                std::collections::hash_map::Entry::Occupied(first) => {
                    let first_path = &self.elements[*first.get()].json_path;
                    let within = match e.parent {
                        Some(p) if p != 0 => format!("`{}`", self.elements[p].name),
                        _ => "the survey".into(),
                    };
                    problems.push(Diagnostic {
                        severity: Severity::Error,
                        path: format!("{}.name", e.json_path),
                        element: Some(e.name.clone()),
                        message: format!(
                            "duplicate name `{}`: already used at {first_path}; names must be \
                             unique within {within}",
                            e.name
                        ),
                    });
                }
                std::collections::hash_map::Entry::Vacant(free) => {
                    free.insert(e.id);
                    all.entry(e.name.clone()).or_default().push(e.id);
                }
            }
            // A repeat's name names its instances in a submission (and its table in an
            // export): pyxform wants it unique among repeats everywhere.
            if e.kind == Kind::Repeat {
                if let Some(first) = repeats.insert(e.name.as_str(), e.id) {
                    problems.push(Diagnostic {
                        severity: Severity::Error,
                        path: format!("{}.name", e.json_path),
                        element: Some(e.name.clone()),
                        message: format!(
                            "duplicate repeat name `{}`: the repeat at {} has it already; \
                             repeats need names of their own anywhere in the form",
                            e.name, self.elements[first].json_path
                        ),
                    });
                }
            }
        }
        self.diagnostics.extend(problems);
        for (name, ids) in all {
            if let [only] = ids[..] {
                self.by_name.insert(name, only);
            } else {
                let paths = ids.iter().map(|&i| self.elements[i].path.clone()).collect();
                self.ambiguous.insert(name, paths);
            }
        }
    }

    fn resolve_references(&mut self) {
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
                            format!(
                                "`{prop}` of `{name}`, column {}: {}",
                                r.column,
                                unresolved(&r.name, by_name, ambiguous)
                            ),
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
                    let message = format!(
                        "`trigger` names ${{{target}}}, which the field worker never answers (a \
                         calculation): name a question they answer"
                    );
                    problems.push((at, who, message));
                }
                Some(&t) => {
                    if !self.elements[id].triggers.contains(&t) {
                        self.elements[id].triggers.push(t);
                    }
                }
                None => problems.push((
                    at,
                    who,
                    format!("`trigger` names unknown question ${{{target}}}"),
                )),
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
                    format!(
                        "the choices of `{}` are the answers of {}",
                        e.name,
                        unresolved(source, by_name, ambiguous)
                    ),
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
                                format!(
                                    "`{prop}` of `{}` shows {}",
                                    e.name,
                                    unresolved(r, &self.by_name, &self.ambiguous)
                                ),
                            ));
                        }
                    }
                }
            }
        }
        for (path, name, message) in problems {
            self.error(&path, Some(&name), message);
        }
    }

    /// `settings.instance_name` must parse and name existing questions (it becomes
    /// `/meta/instanceName` only when it does; see [`Compiler::add_meta`]).
    fn check_instance_name(&mut self, src: Option<&str>) {
        let Some(ex) = self.parse(
            src,
            Context::Normal,
            "$.settings",
            "settings",
            "instance_name",
        ) else {
            return;
        };
        let unknown: Vec<String> = ex
            .references()
            .iter()
            .filter(|r| !self.by_name.contains_key(&r.name))
            .map(|r| {
                format!(
                    "`instance_name`, column {}: {}",
                    r.column,
                    unresolved(&r.name, &self.by_name, &self.ambiguous)
                )
            })
            .collect();
        for message in unknown {
            self.error("$.settings.instance_name", None, message);
        }
    }

    /// Orders elements so that each comes after everything its value depends on; a cycle is
    /// an error naming its members.
    fn order(&mut self) -> (Vec<ElemId>, Vec<usize>) {
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
            self.error(
                &path,
                Some(&name),
                format!(
                    "circular dependency: {} (a calculation or relevance ends up depending on itself)",
                    names.join(" → ")
                ),
            );
        }
        let mut index = vec![0; n];
        for (i, &e) in order.iter().enumerate() {
            index[e] = i;
        }
        (order, index)
    }
}

fn meta_leaf() -> ElementDef {
    ElementDef::new("", "")
}

/// `jr:choice-name(${q}, '${q}')`: the path is written as a string; make it a reference.
fn choice_name_paths_to_refs(e: &mut Expr) {
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

/// "did you mean ${x}?" for a misspelt name.
fn suggestion(name: &str, names: &HashMap<String, ElemId>) -> String {
    let lower = name.to_lowercase();
    names
        .keys()
        .filter(|k| {
            let k = k.to_lowercase();
            k == lower || edit_distance(&k, &lower) <= 2
        })
        .min()
        .map(|k| format!(" (did you mean ${{{k}}}?)"))
        .unwrap_or_default()
}

fn edit_distance(a: &str, b: &str) -> usize {
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

/// What an element's value or relevance reads: its parent (relevance is inherited) and every
/// element referenced by its value expressions.
fn value_dependencies(e: &Element) -> Vec<ElemId> {
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
fn uses_position(ex: &Expr) -> bool {
    ex.any(&|e| match e {
        Expr::Parent | Expr::Call(Func::Position, _) | Expr::Call(Func::IndexedRepeat, _) => true,
        Expr::Path(base, steps) => {
            matches!(**base, Expr::Current | Expr::Origin) && steps.contains(&Step::Parent)
        }
        _ => false,
    })
}

fn dependents(
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

/// The languages of the form's texts; the default language first.
fn languages(def: &FormDefinition, diagnostics: &mut Vec<Diagnostic>) -> Vec<String> {
    let mut langs: Vec<String> = Vec::new();
    let mut note = |t: &Option<Text>| {
        if let Some(Text::Translated(map)) = t {
            for k in map.keys() {
                if !langs.contains(k) {
                    langs.push(k.clone());
                }
            }
        }
    };
    note(&def.settings.title);
    fn walk(els: &[ElementDef], note: &mut dyn FnMut(&Option<Text>)) {
        for e in els {
            for t in [
                &e.label,
                &e.hint,
                &e.required_message,
                &e.constraint_message,
            ] {
                note(t);
            }
            walk(e.children.as_deref().unwrap_or(&[]), note);
        }
    }
    walk(&def.survey, &mut note);
    for list in def.choices.values() {
        for c in list {
            note(&c.label);
        }
    }
    if let Some(d) = &def.settings.default_language {
        match langs.iter().position(|l| l == d) {
            Some(i) => {
                let l = langs.remove(i);
                langs.insert(0, l);
            }
            None if !langs.is_empty() => diagnostics.push(Diagnostic {
                severity: Severity::Warning,
                path: "$.settings.default_language".into(),
                element: None,
                message: format!(
                    "default language `{d}` has no texts; the form's texts are in {}",
                    langs.join(", ")
                ),
            }),
            None => {}
        }
    }
    langs
}

/// Why `${name}` resolves to nothing: no such element, or several (`ambiguous`: their paths).
pub(crate) fn unresolved(
    name: &str,
    by_name: &HashMap<String, ElemId>,
    ambiguous: &HashMap<String, Vec<String>>,
) -> String {
    match ambiguous.get(name) {
        Some(paths) => format!(
            "${{{name}}} is ambiguous: {} elements are named `{name}` ({}); rename one of them",
            paths.len(),
            paths.join(", ")
        ),
        None => format!("unknown question ${{{name}}}{}", suggestion(name, by_name)),
    }
}

/// What path steps resolve against: names used once, each element's children by name, and
/// each element's parent.
struct Tree<'a> {
    by_name: &'a HashMap<String, ElemId>,
    children: &'a HashMap<(ElemId, String), ElemId>,
    parents: &'a [Option<ElemId>],
}

/// In `${rows}[n > 3]/n`, `../age` or `current()/../age` the steps and the bare names of
/// predicates are children of what comes before them (XPath's child axis), `..` its parent,
/// `current()` the element `here` itself and `.` too, except inside a predicate, where it is
/// the element tested: resolved there, so that a name used in several groups is still found.
/// What cannot be placed this way is left to the form-wide lookup.
fn resolve_steps(ex: &mut Expr, here: ElemId, tree: &Tree) {
    resolve_in(ex, here, None, tree)
}

/// [`resolve_steps`] inside a predicate whose node is `item` (`school/enrolled` in
/// `${edu}[school/enrolled = 'yes']` starts at the `edu` instance being tested).
fn resolve_in(ex: &mut Expr, here: ElemId, item: Option<ElemId>, tree: &Tree) {
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
fn trigger_names(cell: &str) -> Result<Vec<&str>, String> {
    let mut names = Vec::new();
    for part in cell.split(',') {
        let refs = text_references(part);
        if refs.len() > 1 {
            return Err(format!(
                "`trigger` names several questions without a comma between them (`{}`): \
                 write `${{a}}, ${{b}}`",
                part.trim()
            ));
        }
        if part.matches("${").count() != refs.len() {
            return Err(format!(
                "`trigger` `{}` is not a reference: write `${{name}}` (several separated by \
                 commas)",
                part.trim()
            ));
        }
        names.extend(refs);
    }
    if names.is_empty() {
        return Err(format!(
            "`trigger` `{cell}` names no question: write `${{name}}` (several separated by commas)"
        ));
    }
    Ok(names)
}

/// Whether the field worker sees `e` and so can answer it (pyxform writes no control for a
/// calculation, nor for a labelless element with a calculation or a trigger).
fn user_visible(e: &Element, triggered: bool) -> bool {
    let computed = e.calculation.is_some() || triggered;
    let calculate = e.question_type() == Some(&QuestionType::Calculate);
    !(calculate || computed && e.label.is_none() && e.hint.is_none())
}
