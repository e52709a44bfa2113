//! Checks of meaning, after parsing: choice lists, literals that cannot fit their question,
//! filters that can never match, and settings that do nothing (warnings).

use std::collections::{BTreeSet, HashMap};

use crate::definition::{FormDefinition, Text};
use crate::diagnostic::{Diagnostic, Finding, LiteralProblem, Severity, Want};
use crate::expr::datetime;
use crate::expr::{BinOp, ElemId, Expr, Func};
use crate::form::{Condition, Default, Element, Kind, QuestionType};

struct Lint<'a> {
    def: &'a FormDefinition,
    elements: &'a [Element],
    out: &'a mut Vec<Diagnostic>,
}

pub fn lint(
    def: &FormDefinition,
    elements: &[Element],
    _by_name: &HashMap<String, ElemId>,
    out: &mut Vec<Diagnostic>,
) {
    let mut l = Lint { def, elements, out };
    l.choice_lists();
    for e in &elements[1..] {
        l.element(e);
    }
    l.translations();
}

/// The parsed expressions of an element, with the property each came from.
fn named_expressions(e: &Element) -> Vec<(&'static str, &Expr)> {
    fn condition(c: &Condition) -> Option<&Expr> {
        match c {
            Condition::When(x) => Some(x),
            Condition::Always(_) => None,
        }
    }
    let default = match &e.default {
        Some(Default::Computed(x)) => Some(&**x),
        _ => None,
    };
    [
        ("relevant", e.relevant.as_deref()),
        ("calculation", e.calculation.as_deref()),
        ("choice_filter", e.choice_filter.as_deref()),
        ("repeat_count", e.repeat_count.as_deref()),
        ("constraint", e.constraint.as_deref()),
        ("required", condition(&e.required)),
        ("read_only", condition(&e.read_only)),
        ("default", default),
    ]
    .into_iter()
    .filter_map(|(name, x)| Some((name, x?)))
    .collect()
}

impl Lint<'_> {
    fn has_error_at(&self, path: &str) -> bool {
        self.out
            .iter()
            .any(|d| d.severity == Severity::Error && d.path == path)
    }

    fn push(&mut self, severity: Severity, path: String, e: Option<&Element>, finding: Finding) {
        self.out.push(Diagnostic::new(
            severity,
            path,
            e.map(|e| e.name.as_str()),
            finding,
        ));
    }

    fn choice_lists(&mut self) {
        let mut used: BTreeSet<String> = self
            .elements
            .iter()
            .filter_map(|e| e.question_type()?.list())
            .map(str::to_string)
            .collect();
        // Lists a parameter names: a range's tick labels, a geo question's reference geometry
        // (pyxform reads the value in lower case).
        for e in &self.elements[1..] {
            let pairs = e.parameters.as_deref().and_then(crate::parameters::parse);
            for (key, value) in pairs.into_iter().flatten() {
                if key == "tick_labelset" || key == "reference-geometry" {
                    used.insert(value.to_lowercase());
                    used.insert(value);
                }
            }
        }
        // Lists `pulldata('LIST', …)` reads (a CSV file brought in as a list), found in the
        // parsed expressions.
        for e in &self.elements[1..] {
            for (property, expr) in named_expressions(e) {
                let mut lists = Vec::new();
                expr.walk(&mut |x| match x {
                    Expr::Call(Func::Pulldata, args) => {
                        if let Some(Expr::Str(list)) = args.first() {
                            lists.push((list.trim().to_string(), "pulldata"));
                        }
                    }
                    // `instance('LIST')/root/item…` reads a choice list too.
                    Expr::Instance(q) => lists.push((q.list.clone(), "instance")),
                    _ => {}
                });
                for (list, how) in lists {
                    if !self.def.choices.contains_key(&list) {
                        let list = list.clone();
                        let finding = if how == "pulldata" {
                            Finding::PulldataUnknownList { list }
                        } else {
                            Finding::InstanceUnknownList { list }
                        };
                        self.push(
                            Severity::Error,
                            format!("{}.{property}", e.json_path),
                            None,
                            finding,
                        );
                    }
                    used.insert(list);
                }
            }
        }
        // A select_multiple's answer is its choices' names separated by spaces: there a name
        // with a space breaks the answer (pyxform refuses it); a select_one holds one name.
        let multiple: BTreeSet<&str> = self
            .elements
            .iter()
            .filter_map(|e| match e.question_type()? {
                QuestionType::SelectMultiple(l) => Some(l.as_str()),
                _ => None,
            })
            .collect();
        for (name, list) in &self.def.choices {
            let path = format!("$.choices.{name}");
            // ODK loads a form whose list is empty (a choices file attached later).
            if list.is_empty() {
                self.push(
                    Severity::Warning,
                    path.clone(),
                    None,
                    Finding::ChoiceListEmpty { list: name.clone() },
                );
            }
            let mut seen = BTreeSet::new();
            for (i, c) in list.iter().enumerate() {
                // ODK shows both; a designer would want to know (the XLSForm import refuses
                // them unless the settings allow duplicates, as pyxform does).
                if !seen.insert(c.name.as_str()) {
                    self.push(
                        Severity::Warning,
                        format!("{path}[{i}].name"),
                        None,
                        Finding::ChoiceTwice {
                            choice: c.name.clone(),
                            list: name.clone(),
                        },
                    );
                }
                if c.name.trim().is_empty() {
                    self.push(
                        Severity::Error,
                        format!("{path}[{i}].name"),
                        None,
                        Finding::ChoiceWithoutName { list: name.clone() },
                    );
                } else if c.name.contains(char::is_whitespace) {
                    let multiple = multiple.contains(name.as_str());
                    let severity = if multiple {
                        Severity::Error
                    } else {
                        Severity::Warning
                    };
                    self.push(
                        severity,
                        format!("{path}[{i}].name"),
                        None,
                        Finding::ChoiceNameWithSpace {
                            choice: c.name.clone(),
                            multiple,
                        },
                    );
                }
            }
            if !used.contains(name) {
                self.push(
                    Severity::Warning,
                    path,
                    None,
                    Finding::ChoiceListUnused { list: name.clone() },
                );
            }
        }
    }

    fn element(&mut self, e: &Element) {
        let at = |prop: &str| format!("{}.{prop}", e.json_path);
        let q = e.question_type();
        if let Some(list) = q.and_then(QuestionType::list) {
            let from_answers = q.and_then(QuestionType::choices_from_name).is_some();
            if !from_answers && !self.def.choices.contains_key(list) {
                let known: Vec<String> = self.def.choices.keys().cloned().collect();
                self.push(
                    Severity::Error,
                    at("type"),
                    Some(e),
                    Finding::UnknownChoiceList {
                        list: list.to_string(),
                        known,
                    },
                );
            }
        }
        let is_value_less =
            matches!(e.kind, Kind::Group | Kind::Repeat) || matches!(q, Some(QuestionType::Note));
        let is_recorded = matches!(q, Some(QuestionType::Calculate | QuestionType::Metadata(_)));
        if e.constraint.is_some() && (is_value_less || is_recorded) {
            self.push(
                Severity::Warning,
                at("constraint"),
                Some(e),
                Finding::ConstraintNeverChecked,
            );
        }
        // Not a note: a required note is XLSForm's way to stop finalizing while it shows (it is
        // relevant and blank).
        let is_container = matches!(e.kind, Kind::Group | Kind::Repeat);
        if !matches!(e.required, Condition::Always(false))
            && (is_container || is_recorded || q == Some(&QuestionType::Hidden))
        {
            self.push(
                Severity::Warning,
                at("required"),
                Some(e),
                Finding::RequiredDoesNothing,
            );
        }
        if e.calculation.is_some() && matches!(e.kind, Kind::Group | Kind::Repeat) {
            self.push(
                Severity::Error,
                at("calculation"),
                Some(e),
                Finding::ContainerCalculation,
            );
        }
        // A calculate with only a default is a value set once (pyxform converts it). One whose
        // calculation did not parse has its error already: no second one for the same cell.
        if q == Some(&QuestionType::Calculate)
            && e.calculation.is_none()
            && !matches!(e.default, Some(Default::Computed(_)))
            && !self.has_error_at(&at("calculation"))
        {
            self.push(
                Severity::Error,
                at("calculation"),
                Some(e),
                Finding::CalculateWithoutCalculation,
            );
        }
        if e.label.is_none()
            && (q.is_some_and(|q| q.is_input() || *q == QuestionType::Note))
            && e.name != "instanceID"
        {
            self.push(Severity::Warning, at("label"), Some(e), Finding::NoLabel);
        }
        if e.choice_filter.is_some() && q.and_then(QuestionType::list).is_none() {
            self.push(
                Severity::Warning,
                at("choice_filter"),
                Some(e),
                Finding::ChoiceFilterDoesNothing,
            );
        }
        self.choice_filter(e);
        self.empty_steps(e);
        self.paths(e);
        self.default(e);
        self.choice_literals(e);
        self.range(e);
    }

    /// A filter reading a property that no choice of the list has can never match.
    fn choice_filter(&mut self, e: &Element) {
        let (Some(filter), Some(list)) = (
            &e.choice_filter,
            e.question_type().and_then(QuestionType::list),
        ) else {
            return;
        };
        let Some(choices) = self.def.choices.get(list) else {
            return;
        };
        // Bare names inside `instance('OTHER')/root/item[…]` are OTHER's columns, not these.
        let mut elsewhere: Vec<*const Expr> = Vec::new();
        filter.walk(&mut |x| {
            if let Expr::Instance(q) = x {
                for f in &q.filters {
                    f.walk(&mut |y| elsewhere.push(y));
                }
            }
        });
        let mut props = Vec::new();
        filter.walk(&mut |x| {
            if let Expr::ChoiceProperty(p) = x {
                if !elsewhere.contains(&(x as *const Expr)) {
                    props.push(p.clone());
                }
            }
        });
        for p in props {
            let known = p == "name"
                || p == "label"
                || choices.iter().any(|c| c.properties.contains_key(&p));
            // An empty list (a choices file not supplied yet) has no properties to tell.
            if !known && !choices.is_empty() {
                self.push(
                    Severity::Warning,
                    format!("{}.choice_filter", e.json_path),
                    Some(e),
                    Finding::UnknownChoiceProperty {
                        list: list.to_string(),
                        property: p,
                    },
                );
            }
        }
    }

    fn choice_names(&self, e: &Element) -> Option<Vec<&str>> {
        let list = e.question_type()?.list()?;
        Some(
            self.def
                .choices
                .get(list)?
                .iter()
                .map(|c| c.name.as_str())
                .collect(),
        )
    }

    /// In `${rows}[n > 3]/n`, `n` must be a child of `rows`: XPath steps go one level down.
    fn paths(&mut self, e: &Element) {
        let mut problems = Vec::new();
        let exprs = e.value_expressions().chain(e.check_expressions());
        for x in exprs {
            x.walk(&mut |node| {
                let Expr::Path(base, steps) = node else {
                    return;
                };
                let Expr::Ref(r) = base.as_ref() else { return };
                let Some(mut at) = r.target else { return };
                for step in steps {
                    let names: Vec<&crate::expr::Reference> = match step {
                        crate::expr::ast::Step::Child(c) => vec![c],
                        crate::expr::ast::Step::Parent => Vec::new(),
                        crate::expr::ast::Step::Filter(f) => {
                            let mut rel = Vec::new();
                            f.walk(&mut |y| {
                                if let Expr::Relative(c) = y {
                                    rel.push(c);
                                }
                            });
                            rel
                        }
                    };
                    for c in &names {
                        if let Some(t) = c.target {
                            if self.elements[t].parent != Some(at) {
                                problems.push(Finding::PathStepNotChild {
                                    name: c.name.clone(),
                                    parent: self.elements[at].name.clone(),
                                });
                            }
                        }
                    }
                    match step {
                        crate::expr::ast::Step::Child(c) => match c.target {
                            Some(t) => at = t,
                            None => return,
                        },
                        crate::expr::ast::Step::Parent => match self.elements[at].parent {
                            Some(p) => at = p,
                            None => return,
                        },
                        crate::expr::ast::Step::Filter(_) => {}
                    }
                }
            });
        }
        for p in problems {
            self.push(Severity::Error, e.json_path.clone(), Some(e), p);
        }
    }

    /// A bare name or relative path that names no node: ODK reads it as empty, which is
    /// rarely what was meant (`null` for '', a question's name without `${}`).
    fn empty_steps(&mut self, e: &Element) {
        for (property, x) in named_expressions(e) {
            let mut names = Vec::new();
            x.walk(&mut |y| {
                if let Expr::Empty(name) = y {
                    names.push(name.clone());
                }
            });
            for name in names {
                self.push(
                    Severity::Warning,
                    format!("{}.{property}", e.json_path),
                    Some(e),
                    Finding::EmptyStep {
                        property: property.to_string(),
                        element: e.name.clone(),
                        name,
                    },
                );
            }
        }
    }

    /// A literal default that the question's type cannot hold.
    fn default(&mut self, e: &Element) {
        let Some(Default::Literal(v)) = &e.default else {
            return;
        };
        let Some(q) = e.question_type() else { return };
        let problem = match q {
            QuestionType::Integer if v.trim().parse::<i64>().is_err() => Some(Want::WholeNumber),
            QuestionType::Decimal | QuestionType::Range if v.trim().parse::<f64>().is_err() => {
                Some(Want::Number)
            }
            QuestionType::Date if datetime::parse_date(v.trim()).is_none() => Some(Want::Date),
            QuestionType::Time if datetime::parse_time(v.trim()).is_none() => Some(Want::Time),
            QuestionType::DateTime if datetime::parse_datetime(v.trim(), 0).is_none() => {
                Some(Want::DateTime)
            }
            _ => None,
        };
        // ODK loads such a form (the answer starts as written): a warning.
        if let Some(want) = problem {
            self.push(
                Severity::Warning,
                format!("{}.default", e.json_path),
                Some(e),
                Finding::DefaultNotOfType {
                    value: v.clone(),
                    want,
                },
            );
        }
        let names: Option<Vec<String>> = self
            .choice_names(e)
            .map(|n| n.iter().map(|s| s.to_string()).collect());
        if let Some(names) = names {
            for part in v.split_whitespace() {
                if !names.iter().any(|n| n == part) {
                    self.push(
                        Severity::Warning,
                        format!("{}.default", e.json_path),
                        Some(e),
                        Finding::DefaultNotAChoice {
                            value: part.to_string(),
                        },
                    );
                }
            }
        }
    }

    /// `selected(${q}, 'x')` or `${q} = 'x'` where `x` is not a choice of `q`: never true.
    /// `${age} > 'abc'` on a number question: comparing with text that is not a number.
    fn choice_literals(&mut self, e: &Element) {
        let mut props: Vec<(&str, &Expr)> = Vec::new();
        for (p, x) in [
            ("relevant", &e.relevant),
            ("constraint", &e.constraint),
            ("calculation", &e.calculation),
            ("choice_filter", &e.choice_filter),
        ] {
            if let Some(x) = x {
                props.push((p, x));
            }
        }
        for (prop, c) in [("required", &e.required), ("read_only", &e.read_only)] {
            if let Condition::When(x) = c {
                props.push((prop, x));
            }
        }
        for (prop, x) in props {
            let mut findings: Vec<(Severity, LiteralProblem)> = Vec::new();
            x.walk(&mut |node| match node {
                Expr::Call(Func::Selected, args) => {
                    if let [subject, Expr::Str(lit)] = args.as_slice() {
                        if let Some(msg) = self.not_a_choice(e, subject, lit.trim()) {
                            findings.push((Severity::Warning, msg));
                        }
                    }
                }
                Expr::Call(Func::Digest, args) => {
                    findings.extend(digest_literals(args).map(|msg| (Severity::Warning, msg)))
                }
                Expr::Call(Func::WeightedChecklist, args) if args.len() % 2 == 1 => {
                    findings.push((Severity::Warning, LiteralProblem::WeightedChecklistOdd));
                }
                Expr::Binary(BinOp::Eq | BinOp::Ne, a, b) => {
                    for (subject, other) in [(a, b), (b, a)] {
                        if let Expr::Str(lit) = other.as_ref() {
                            if let Some(msg) = self.not_a_choice(e, subject, lit) {
                                findings.push((Severity::Warning, msg));
                            }
                        }
                    }
                }
                Expr::Binary(BinOp::Lt | BinOp::Le | BinOp::Gt | BinOp::Ge, a, b) => {
                    for (subject, other) in [(a, b), (b, a)] {
                        let numeric = self
                            .subject(e, subject)
                            .and_then(Element::question_type)
                            .is_some_and(QuestionType::is_numeric);
                        if let Expr::Str(lit) = other.as_ref() {
                            if numeric && lit.trim().parse::<f64>().is_err() {
                                findings.push((
                                    Severity::Warning,
                                    LiteralProblem::NumberComparedWithText {
                                        literal: lit.clone(),
                                    },
                                ));
                            }
                        }
                    }
                }
                _ => {}
            });
            for (severity, problem) in findings {
                self.push(
                    severity,
                    format!("{}.{prop}", e.json_path),
                    Some(e),
                    Finding::Literal {
                        property: prop.to_string(),
                        element: e.name.clone(),
                        problem,
                    },
                );
            }
        }
    }

    /// The element an operand stands for: `${q}`, or `.` / `current()` (the element itself).
    fn subject<'e>(&'e self, e: &'e Element, x: &Expr) -> Option<&'e Element> {
        match x {
            Expr::Ref(r) => r.target.map(|t| &self.elements[t]),
            Expr::Current | Expr::Origin => Some(e),
            _ => None,
        }
    }

    fn not_a_choice(&self, e: &Element, subject: &Expr, lit: &str) -> Option<LiteralProblem> {
        let target = self.subject(e, subject)?;
        let names = self.choice_names(target)?;
        (!lit.is_empty() && !names.contains(&lit)).then(|| LiteralProblem::NotAChoice {
            literal: lit.to_string(),
            question: target.name.clone(),
            choices: names.iter().map(|n| n.to_string()).collect(),
        })
    }

    /// Range parameters, read as pyxform reads them. What pyxform refuses (no `key=value`
    /// pairs, a bound or step that is not a number) is an error; a spelling it accepts but the
    /// app does not read (commas, upper case) a warning.
    fn range(&mut self, e: &Element) {
        if e.question_type() != Some(&QuestionType::Range) {
            return;
        }
        let Some(params) = &e.parameters else { return };
        let path = format!("{}.parameters", e.json_path);
        let Some(pairs) = crate::parameters::parse(params) else {
            self.push(
                Severity::Error,
                path,
                Some(e),
                Finding::RangeParametersUnreadable {
                    parameters: params.clone(),
                },
            );
            return;
        };
        let mut wrong = false;
        for (key, value) in &pairs {
            if !matches!(key.as_str(), "start" | "end" | "step") {
                continue;
            }
            if value.parse::<f64>().is_ok_and(f64::is_finite) {
                continue;
            }
            wrong = true;
            // `1_000`: a number to pyxform (Python's Decimal), not to the app.
            let severity = if value
                .replace('_', "")
                .parse::<f64>()
                .is_ok_and(f64::is_finite)
            {
                Severity::Warning
            } else {
                Severity::Error
            };
            self.push(
                severity,
                path.clone(),
                Some(e),
                Finding::RangeParameterNotANumber {
                    key: key.clone(),
                    value: value.clone(),
                },
            );
        }
        let canonical = crate::parameters::canonical(&pairs);
        if !wrong && canonical != params.split_whitespace().collect::<Vec<_>>().join(" ") {
            self.push(
                Severity::Warning,
                path,
                Some(e),
                Finding::RangeParametersReadAs {
                    parameters: params.clone(),
                    canonical,
                },
            );
        }
    }

    /// A translated text missing some of the form's languages shows another language there.
    fn translations(&mut self) {
        let mut all: BTreeSet<&str> = BTreeSet::new();
        let mut texts: Vec<(String, Option<&Element>, &Text)> = Vec::new();
        for e in &self.elements[1..] {
            for (prop, t) in [
                ("label", &e.label),
                ("hint", &e.hint),
                ("required_message", &e.required_message),
                ("constraint_message", &e.constraint_message),
            ] {
                if let Some(t) = t {
                    texts.push((format!("{}.{prop}", e.json_path), Some(e), t));
                }
            }
        }
        for (list, choices) in &self.def.choices {
            for (i, c) in choices.iter().enumerate() {
                if let Some(t) = &c.label {
                    texts.push((format!("$.choices.{list}[{i}].label"), None, t));
                }
            }
        }
        for (_, _, t) in &texts {
            if let Text::Translated(m) = t {
                all.extend(m.keys().map(String::as_str));
            }
        }
        let mut findings = Vec::new();
        for (path, e, t) in &texts {
            if let Text::Translated(m) = t {
                let missing: Vec<&str> = all
                    .iter()
                    .filter(|l| !m.contains_key(**l))
                    .copied()
                    .collect();
                if !missing.is_empty() {
                    let missing = missing.iter().map(|l| l.to_string()).collect();
                    findings.push((path.clone(), *e, missing));
                }
            }
        }
        for (path, e, missing) in findings {
            self.push(
                Severity::Warning,
                path,
                e,
                Finding::MissingTranslation { languages: missing },
            );
        }
    }
}

/// A literal algorithm or encoding `digest()` does not know: ODK stops at it, we give blank.
fn digest_literals(args: &[Expr]) -> Option<LiteralProblem> {
    const ALGORITHMS: [&str; 5] = ["MD5", "SHA-1", "SHA-256", "SHA-384", "SHA-512"];
    if let Some(Expr::Str(a)) = args.get(1) {
        if !ALGORITHMS.contains(&a.as_str()) {
            return Some(LiteralProblem::DigestAlgorithm {
                algorithm: a.clone(),
                known: ALGORITHMS.map(str::to_string).to_vec(),
            });
        }
    }
    if let Some(Expr::Str(enc)) = args.get(2) {
        if enc != "base64" && enc != "hex" {
            return Some(LiteralProblem::DigestEncoding {
                encoding: enc.clone(),
            });
        }
    }
    None
}
