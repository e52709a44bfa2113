//! The filled form as expressions see it.

use crate::definition::ChoiceDef;
use crate::expr::{self, ElemId, Env, Expr, NodeId};
use crate::form::QuestionType;

use super::Instance;

/// An expression evaluated for one node (and, in a `choice_filter`, one choice).
pub(super) struct NodeEnv<'a> {
    pub inst: &'a Instance,
    /// The context node (`.`): inside a predicate, the node being tested.
    pub node: NodeId,
    /// The node whose expression this is (`current()`, and what `once()` keeps).
    pub origin: NodeId,
    pub choice: Option<&'a ChoiceDef>,
    /// Inside a predicate on `instance('LIST')/root/item`: the item's position among those
    /// tested.
    pub item_position: Option<usize>,
}

impl Env for NodeEnv<'_> {
    fn resolve(&self, target: ElemId) -> Vec<NodeId> {
        self.inst.resolve(target, self.node, false)
    }

    fn descend(&self, node: NodeId, target: ElemId) -> Vec<NodeId> {
        let mut out = Vec::new();
        self.inst.descend_into(node, target, false, &mut out);
        out
    }

    fn value(&self, node: NodeId) -> &str {
        &self.inst.nodes[node].value
    }

    fn context(&self) -> Option<NodeId> {
        Some(self.node)
    }

    fn origin(&self) -> Option<NodeId> {
        Some(self.origin)
    }

    fn root(&self) -> Option<NodeId> {
        Some(super::ROOT)
    }

    /// XPath's parent: a repeat instance's is the repeat's parent (the repeat's own node only
    /// groups its instances here; an XForm has none).
    fn parent(&self, node: NodeId) -> Option<NodeId> {
        let up = self.inst.nodes[node].parent?;
        let n = &self.inst.nodes[up];
        let groups_instances =
            !n.is_instance && self.inst.form.element(n.elem).kind == crate::form::Kind::Repeat;
        if groups_instances {
            n.parent
        } else {
            Some(up)
        }
    }

    fn position(&self, node: NodeId) -> usize {
        self.inst.position(node)
    }

    fn choice_label(&self, node: NodeId, choice: &str) -> Option<String> {
        let form = &self.inst.form;
        let list = form
            .element(self.inst.nodes[node].elem)
            .question_type()?
            .list()?;
        let c = form.choices(list).iter().find(|c| c.name == choice)?;
        Some(match &c.label {
            Some(label) => label
                .get(self.inst.language(), form.default_language())
                .to_string(),
            None => c.name.clone(),
        })
    }

    fn lookup(&self, list: &str, column: &str, key_column: &str, key: &str) -> Option<String> {
        let form = &self.inst.form;
        let cell = |c: &ChoiceDef, column: &str| choice_cell(c, column, form.default_language());
        let found = form
            .choices(list)
            .iter()
            .find(|c| cell(c, key_column).as_deref() == Some(key))?;
        cell(found, column)
    }

    fn choice_item_text(&self) -> Option<String> {
        Some(item_text(self.choice?, self.inst.form.default_language()))
    }

    fn choice_property(&self, name: &str) -> Option<&str> {
        let c = self.choice?;
        match name {
            "name" => Some(&c.name),
            "label" if !c.properties.contains_key("label") => c
                .label
                .as_ref()
                .map(|l| l.get(self.inst.form.default_language(), None)),
            _ => c.properties.get(name).map(String::as_str),
        }
    }

    fn previous_value(&self) -> &str {
        &self.inst.nodes[self.origin].answer
    }

    fn now(&self) -> (f64, i32) {
        self.inst.host.now()
    }

    fn uuid(&self) -> String {
        self.inst.host.uuid()
    }

    fn random(&self) -> f64 {
        self.inst.host.random()
    }

    fn itext(&self, id: &str) -> Option<String> {
        let form = &self.inst.form;
        let (language, default) = (self.inst.language(), form.default_language());
        // pyxform's ids: `LIST-N` (older: `static_instance-LIST-N`) for choice N of LIST …
        if !id.starts_with('/') {
            let rest = id.strip_prefix("static_instance-").unwrap_or(id);
            let (list, n) = rest.rsplit_once('-')?;
            let choice = form.choices(list).get(n.parse::<usize>().ok()?)?;
            return Some(match &choice.label {
                Some(label) => label.get(language, default).to_string(),
                None => choice.name.clone(),
            });
        }
        // … and `/ROOT/path/to/q:label` (or `:hint`) for a question's texts.
        let (path, kind) = id.rsplit_once(':')?;
        let path = &path[path.get(1..)?.find('/')? + 1..];
        let e = form.elements.iter().find(|e| e.path == path)?;
        let text = match kind {
            "label" => e.label.as_ref(),
            "hint" => e.hint.as_ref(),
            "jr:constraintMsg" => e.constraint_message.as_ref(),
            "jr:requiredMsg" => e.required_message.as_ref(),
            _ => None,
        }?;
        Some(text.get(language, default).to_string())
    }

    fn node_name(&self, node: NodeId) -> String {
        let form = &self.inst.form;
        match self.inst.nodes[node].parent {
            Some(_) => form.element(self.inst.nodes[node].elem).name.clone(),
            // The root: the name of the form's instance element, as pyxform writes it.
            None => "data".into(),
        }
    }

    fn list_len(&self, list: &str) -> usize {
        self.inst.form.choices(list).len()
    }

    fn list_cell(&self, list: &str, index: usize, column: &str) -> Option<String> {
        let c = self.inst.form.choices(list).get(index)?;
        choice_cell(c, column, self.inst.form.default_language())
    }

    fn list_item_text(&self, list: &str, index: usize) -> String {
        let Some(c) = self.inst.form.choices(list).get(index) else {
            return String::new();
        };
        item_text(c, self.inst.form.default_language())
    }

    fn in_item(&self, list: &str, index: usize, position: usize) -> Box<dyn Env + '_> {
        Box::new(NodeEnv {
            inst: self.inst,
            node: self.node,
            origin: self.origin,
            choice: self.inst.form.choices(list).get(index),
            item_position: Some(position),
        })
    }

    fn item_position(&self) -> Option<usize> {
        self.item_position
    }

    fn last_saved(&self, target: ElemId) -> Option<String> {
        self.inst.last_saved_answer(target)
    }

    fn at(&self, node: NodeId) -> Box<dyn Env + '_> {
        Box::new(NodeEnv {
            inst: self.inst,
            node,
            origin: self.origin,
            choice: self.choice,
            item_position: None,
        })
    }
}

/// A column of a choice as its secondary-instance item holds it: `name`, `label` (in the
/// default language, as pyxform writes it) or a property.
fn choice_cell(c: &ChoiceDef, column: &str, default_language: Option<&str>) -> Option<String> {
    match column {
        "name" => Some(c.name.clone()),
        "label" => c
            .label
            .as_ref()
            .map(|l| l.get(default_language, None).to_string()),
        _ => c.properties.get(column).cloned(),
    }
}

impl Instance {
    fn env(&self, node: NodeId) -> NodeEnv<'_> {
        NodeEnv {
            inst: self,
            node,
            origin: node,
            choice: None,
            item_position: None,
        }
    }

    pub(super) fn eval_string(&self, ex: &Expr, node: NodeId) -> String {
        let env = self.env(node);
        expr::string(&expr::eval(ex, &env), &env)
    }

    pub(super) fn eval_bool(&self, ex: &Expr, node: NodeId) -> bool {
        expr::boolean(&expr::eval(ex, &self.env(node)))
    }

    pub(super) fn eval_number(&self, ex: &Expr, node: NodeId) -> f64 {
        let env = self.env(node);
        expr::number(&expr::eval(ex, &env), &env)
    }

    pub(super) fn eval_choice_filter(
        &self,
        filter: &Expr,
        node: NodeId,
        choice: &ChoiceDef,
    ) -> bool {
        let env = NodeEnv {
            inst: self,
            node,
            origin: node,
            choice: Some(choice),
            item_position: None,
        };
        expr::boolean(&expr::eval(filter, &env))
    }

    /// A calculation's result as the node holds it: the XPath string, then the question
    /// type's normal form (an integer question with a calculation truncates, ...).
    pub(super) fn calculated(&self, ex: &Expr, node: NodeId) -> String {
        let s = self.eval_string(ex, node);
        match self.form.element(self.nodes[node].elem).question_type() {
            Some(QuestionType::Calculate | QuestionType::Hidden | QuestionType::Metadata(_))
            | None => s,
            Some(q) => crate::values::normalize(q, &s, self.host.now().1),
        }
    }
}

/// A list item's text as a whole, as ODK reads the item node of a secondary instance: its
/// columns' texts (name, label, the others) one after another, each on a line of its own
/// (pyxform writes each child on its own line: `contains(., 'khorezm')` finds a column's
/// text, `contains(., 'c3 Nukus')` does not span two).
fn item_text(c: &ChoiceDef, default_language: Option<&str>) -> String {
    let label = choice_cell(c, "label", default_language);
    std::iter::once(c.name.clone())
        .chain(label)
        .chain(c.properties.values().cloned())
        .collect::<Vec<_>>()
        .join("\n")
}
