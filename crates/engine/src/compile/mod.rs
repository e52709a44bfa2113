//! Definition → [`Form`]: builds the element table, parses every expression once, resolves
//! `${name}` references, checks the form for designers and builds the dependency graph.

mod graph;
mod references;

pub use references::text_references;
pub(crate) use references::unresolved;

use std::collections::HashMap;

use crate::definition::{BoolOrExpr, Cell, ElementDef, FormDefinition, Text};
use crate::diagnostic::{Diagnostic, Finding, LoadError, Severity};
use crate::dynamic_default;
use crate::expr::{self, Context, ElemId, Expr};
use crate::form::{Condition, Default, Element, Form, Kind, QuestionType};
use graph::dependents;
use references::trigger_names;

/// Loads a form from JSON text. On success the form may still carry warnings
/// ([`Form::warnings`]); on failure every error and warning found is returned.
pub fn load(json: &str) -> Result<Form, LoadError> {
    let definition = FormDefinition::from_json(json).map_err(|e| LoadError {
        diagnostics: vec![Diagnostic::new(Severity::Error, e.path, None, *e.finding)],
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
        c.push(Severity::Warning, "$.survey", None, Finding::SurveyEmpty);
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
    mark_texts_showing_answers(&mut c.elements, &definition.choices);

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

/// Sets [`Element::texts_show_answers`]: a label, hint or guidance hint of the element, or a
/// label of one of its choices, with `${name}` in some language.
fn mark_texts_showing_answers(
    elements: &mut [Element],
    choices: &std::collections::BTreeMap<String, Vec<crate::definition::ChoiceDef>>,
) {
    let shows = |t: &Option<crate::definition::Text>| {
        t.as_ref()
            .is_some_and(|t| t.variants().iter().any(|(_, s)| s.contains("${")))
    };
    for e in elements.iter_mut() {
        let list = e.question_type().and_then(|q| q.list());
        let choice_shows = list
            .and_then(|l| choices.get(l))
            .is_some_and(|cs| cs.iter().any(|c| shows(&c.label)));
        e.texts_show_answers =
            shows(&e.label) || shows(&e.hint) || shows(&e.guidance_hint) || choice_shows;
    }
}

/// The expression as a message quotes it: whole when short, else the 80 characters around
/// `column` (1-based) with `…` where it is cut, so a 100,000-character expression is not echoed.
fn excerpt(src: &str, column: usize) -> String {
    const WIDTH: usize = 80;
    let chars: Vec<char> = src.chars().collect();
    if chars.len() <= WIDTH {
        return src.to_string();
    }
    let start = column.saturating_sub(WIDTH / 2).min(chars.len() - WIDTH);
    let end = start + WIDTH;
    let mut out: String = chars[start..end].iter().collect();
    if start > 0 {
        out.insert(0, '…');
    }
    if end < chars.len() {
        out.push('…');
    }
    out
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
        texts_show_answers: false,
    }
}

#[derive(Default)]
struct Compiler {
    pub(super) elements: Vec<Element>,
    /// Names used once in the form: what `${name}` resolves to.
    pub(super) by_name: HashMap<String, ElemId>,
    /// Names used by several elements (in different groups), with their paths: `${name}`
    /// cannot say which.
    pub(super) ambiguous: HashMap<String, Vec<String>>,
    pub(super) diagnostics: Vec<Diagnostic>,
    /// Unresolved trigger names, resolved with the other references.
    pub(super) triggers: Vec<(ElemId, String)>,
}

fn valid_name(name: &str) -> bool {
    let mut chars = name.chars();
    chars.next().is_some_and(|c| c.is_alphabetic() || c == '_') && chars.all(expr::is_name_char)
}

impl Compiler {
    pub(super) fn push(
        &mut self,
        severity: Severity,
        path: &str,
        element: Option<&str>,
        finding: Finding,
    ) {
        self.diagnostics
            .push(Diagnostic::new(severity, path, element, finding));
    }

    pub(super) fn error(&mut self, path: &str, element: Option<&str>, finding: Finding) {
        self.push(Severity::Error, path, element, finding);
    }

    /// Parses one expression property; a syntax error becomes a diagnostic naming the element,
    /// the property and the column.
    pub(super) fn parse(
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
                    Finding::ExpressionSyntax {
                        property: property.to_string(),
                        element: name.to_string(),
                        column: e.column,
                        syntax: Box::new(e.syntax),
                        excerpt: excerpt(src, e.column),
                    },
                );
                None
            }
        }
    }

    pub(super) fn condition(
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
                Finding::InvalidName {
                    name: name.to_string(),
                },
            );
        }
        let kind = match def.kind.trim() {
            "group" | "begin_group" | "begin group" => Kind::Group,
            "repeat" | "begin_repeat" | "begin repeat" => Kind::Repeat,
            other => match QuestionType::parse(other) {
                Some(q) => Kind::Question(q),
                None => {
                    self.error(
                        &format!("{json_path}.type"),
                        Some(name),
                        Finding::UnknownType {
                            kind: other.to_string(),
                        },
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
                            Finding::RepeatCountNotANumber { value: n },
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
                Err(finding) => self.error(&format!("{json_path}.trigger"), Some(name), finding),
            }
        }

        let is_container = matches!(kind, Kind::Group | Kind::Repeat);
        if def.children.is_some() && !is_container {
            self.error(
                &p("children"),
                Some(name),
                Finding::ChildrenOutsideContainer,
            );
        }
        // Both load in ODK (pyxform converts them): warnings.
        if is_container && def.children.as_ref().is_none_or(Vec::is_empty) {
            self.push(
                Severity::Warning,
                &json_path,
                Some(name),
                Finding::EmptyContainer {
                    written: def.kind.trim().to_string(),
                    repeat: kind == Kind::Repeat,
                    name: name.to_string(),
                },
            );
        }
        if def.repeat_count.is_some() && kind != Kind::Repeat {
            self.push(
                Severity::Warning,
                &p("repeat_count"),
                Some(name),
                Finding::RepeatCountOutsideRepeat,
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
            texts_show_answers: false,
        });
        self.elements[parent].children.push(id);
        if is_container {
            for (i, child) in def.children.iter().flatten().enumerate() {
                self.add(child, id, format!("{json_path}.children[{i}]"));
            }
        }
    }

    /// `/meta/instanceID`, as pyxform adds it: a `uuid:` identifier fixed at creation;
    /// `/meta/instanceName` from `settings.instance_name` when that expression is sound; and
    /// `/meta/deprecatedID`, blank until a finalized form is corrected
    /// ([`crate::Instance::correction`]), as Enketo and Collect add it to an edit.
    fn add_meta(&mut self, instance_name: Option<&str>, audits: &[(&ElementDef, String)]) {
        let own_meta = self
            .elements
            .iter()
            .position(|e| e.parent == Some(0) && e.name == "meta");
        if let Some(meta) = own_meta {
            // The form has its own `meta`: the audit stays where it was written.
            for (def, path) in audits {
                self.add(def, 0, path.clone());
            }
            let has = |name: &str| {
                self.elements[meta]
                    .children
                    .iter()
                    .any(|&c| self.elements[c].name == name)
            };
            if self.elements[meta].kind == Kind::Group && !has(DEPRECATED_ID) {
                self.add(&deprecated_id_leaf(), meta, "$.meta".into());
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
                .chain([deprecated_id_leaf()])
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
                        Some(p) if p != 0 => Some(self.elements[p].name.clone()),
                        _ => None,
                    };
                    problems.push(Diagnostic::new(
                        Severity::Error,
                        format!("{}.name", e.json_path),
                        Some(&e.name),
                        Finding::DuplicateName {
                            name: e.name.clone(),
                            first_path: first_path.clone(),
                            within,
                        },
                    ));
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
                    problems.push(Diagnostic::new(
                        Severity::Error,
                        format!("{}.name", e.json_path),
                        Some(&e.name),
                        Finding::DuplicateRepeatName {
                            name: e.name.clone(),
                            first_path: self.elements[first].json_path.clone(),
                        },
                    ));
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
}

fn meta_leaf() -> ElementDef {
    ElementDef::new("", "")
}

/// The name of the metadata that links a corrected form to the one it replaces.
pub(crate) const DEPRECATED_ID: &str = "deprecatedID";

/// `meta/deprecatedID`: a hidden question (no control, as pyxform writes `hidden`) holds what
/// it is given; only [`crate::Instance::correction`] gives it a value.
fn deprecated_id_leaf() -> ElementDef {
    ElementDef {
        kind: "hidden".into(),
        name: DEPRECATED_ID.into(),
        read_only: Some(BoolOrExpr::Bool(true)),
        ..meta_leaf()
    }
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
            None if !langs.is_empty() => diagnostics.push(Diagnostic::new(
                Severity::Warning,
                "$.settings.default_language",
                None,
                Finding::DefaultLanguageWithoutTexts {
                    language: d.clone(),
                    languages: langs.clone(),
                },
            )),
            None => {}
        }
    }
    langs
}
