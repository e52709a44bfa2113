//! The primary instance's tree → the survey: a node with children is a group (a repeat when
//! the body repeats it or it has a `jr:template`), a leaf a question whose type comes from
//! its bind and its control; binds, setvalues and the body give the rest.

use std::collections::{BTreeMap, HashMap, HashSet};

use xonadon_engine::definition::{BoolOrExpr, Cell, ChoiceDef, ElementDef, Text};

use crate::body::{resolve, Body};
use crate::choices;
use crate::itext::{itext_id, render, Itext};
use crate::xml::Element;
use crate::xpath::{self, Nodes};
use crate::Problem;

pub struct Builder<'a> {
    pub nodes: Nodes,
    pub body: Body<'a>,
    pub binds: HashMap<Vec<String>, &'a Element>,
    pub itext: Itext,
    /// `odk-instance-first-load` setvalues and actions (`odk:setgeopoint`, …) by target.
    pub first_load: HashMap<Vec<String>, &'a Element>,
    pub lists: BTreeMap<String, Vec<ChoiceDef>>,
    pub problems: Vec<Problem>,
    /// JSON path of each element → its instance path, to place the engine's findings.
    pub places: BTreeMap<String, String>,
    pub instance_name: Option<String>,
    /// Lists read through other columns (`LIST__column` made of `LIST`): `LIST`, which stays
    /// only while something else reads it.
    pub read_through: Vec<String>,
}

/// The instance paths of every element below `root`, first occurrences only (later
/// siblings of the same name are instances of a repeat).
pub fn collect(e: &Element, path: &mut Vec<String>, nodes: &mut Nodes) {
    let mut seen = HashSet::new();
    for c in e.children() {
        if !seen.insert(&c.name) {
            continue;
        }
        path.push(c.name.clone());
        nodes.add(path);
        collect(c, path, nodes);
        path.pop();
    }
}

fn shown(nodes: &Nodes, path: &[String]) -> String {
    format!("/{}/{}", nodes.root, path.join("/"))
}

fn is_true(s: &str) -> bool {
    matches!(s.trim(), "true()" | "true" | "1")
}

fn is_false(s: &str) -> bool {
    matches!(s.trim(), "false()" | "false" | "0" | "")
}

impl Builder<'_> {
    fn at(&self, path: &[String]) -> String {
        shown(&self.nodes, path)
    }

    /// `expression` for the engine, or `None` (the problems said why) when it cannot be.
    fn expression(&mut self, expression: &str, path: &[String], attribute: &str) -> Option<String> {
        self.rewritten(
            xpath::rewrite(expression, path, &self.nodes),
            expression,
            path,
            attribute,
        )
    }

    /// An itemset's predicate as the select's `choice_filter`: `.` there is the item tested.
    fn item_filter(&mut self, expression: &str, path: &[String]) -> Option<String> {
        let rewritten = xpath::rewrite_item_predicate(expression, path, &self.nodes);
        self.rewritten(rewritten, expression, path, "itemset nodeset")
    }

    /// The rewritten expression, or its errors as problems at `path`'s `attribute`.
    fn rewritten(
        &mut self,
        rewritten: Result<String, Vec<String>>,
        expression: &str,
        path: &[String],
        attribute: &str,
    ) -> Option<String> {
        match rewritten {
            Ok(s) => Some(s.trim().to_string()),
            Err(errors) => {
                let at = self.at(path);
                for e in errors {
                    self.problems.push(Problem::error(
                        Some(&at),
                        Some(attribute),
                        format!("{e}; the expression `{}` is left out", expression.trim()),
                    ));
                }
                None
            }
        }
    }

    fn condition(
        &mut self,
        value: Option<&str>,
        path: &[String],
        attribute: &str,
    ) -> Option<BoolOrExpr> {
        let v = value?;
        if is_true(v) {
            Some(BoolOrExpr::Bool(true))
        } else if is_false(v) {
            None
        } else {
            self.expression(v, path, attribute).map(BoolOrExpr::Expr)
        }
    }

    /// A `label`, `hint`, or message: `jr:itext('ID')` or the text as written.
    fn text(
        &mut self,
        element: Option<&Element>,
        reference: Option<&str>,
        path: &[String],
    ) -> Option<Text> {
        let attribute = "output value";
        let mut errors = Vec::new();
        let nodes = &self.nodes;
        let mut rewrite = |value: &str| match xpath::rewrite(value, path, nodes) {
            Ok(r) if r.trim().starts_with("${") && r.trim().ends_with('}') => r.trim().to_string(),
            Ok(_) => {
                errors.push(format!(
                    "`<output value=\"{}\"/>` shows an expression; a text can show only an \
                     answer (`${{name}}`): left out",
                    value.trim()
                ));
                String::new()
            }
            Err(e) => {
                errors.extend(e);
                String::new()
            }
        };
        let reference = reference.or_else(|| element.and_then(|e| e.attr("ref")));
        let text = match reference.and_then(itext_id) {
            Some(id) => self.itext.label(id, &mut rewrite),
            None => element
                .map(|e| render(e, &mut rewrite))
                .filter(|s| !s.is_empty())
                .map(Text::Plain),
        };
        let at = self.at(path);
        for e in errors {
            self.problems
                .push(Problem::warning(Some(&at), Some(attribute), e));
        }
        text
    }

    fn media(&self, element: Option<&Element>) -> Option<xonadon_engine::definition::MediaDef> {
        let id = element?.attr("ref").and_then(itext_id)?;
        self.itext.media(id)
    }

    /// The elements below `parent` (at `path`), their JSON paths under `json`.
    pub fn children(&mut self, parent: &Element, path: &[String], json: &str) -> Vec<ElementDef> {
        let mut out = Vec::new();
        // A set, not a list searched: 50,000 siblings took 17 s.
        let mut seen: HashSet<&str> = HashSet::new();
        for c in parent.children() {
            if !seen.insert(&c.name) {
                continue;
            }
            let mut p = path.to_vec();
            p.push(c.name.clone());
            if path.is_empty() && c.name == "meta" {
                for m in self.meta(c, &p, json, out.len()) {
                    out.push(m);
                }
                continue;
            }
            let json_path = format!("{json}[{}]", out.len());
            if let Some(e) = self.element(c, &p, &json_path) {
                out.push(e);
            }
        }
        out
    }

    /// `meta`: `instanceID` the engine adds itself, `instanceName` is the settings' instance
    /// name; the rest (`audit`, …) stands at the top of the form, where XLSForm names it.
    fn meta(
        &mut self,
        meta: &Element,
        path: &[String],
        json: &str,
        first: usize,
    ) -> Vec<ElementDef> {
        let mut out = Vec::new();
        for c in meta.children() {
            let mut p = path.to_vec();
            p.push(c.name.clone());
            match c.name.as_str() {
                "instanceID" | "deprecatedID" => {}
                "instanceName" => {
                    let calculate = self.binds.get(&p).and_then(|b| b.attr("calculate"));
                    if let Some(c) = calculate {
                        self.instance_name = self.expression(c, &p, "calculate");
                    }
                }
                _ => {
                    let json_path = format!("{json}[{}]", first + out.len());
                    if let Some(e) = self.element(c, &p, &json_path) {
                        out.push(e);
                    }
                }
            }
        }
        out
    }

    fn element(&mut self, node: &Element, path: &[String], json: &str) -> Option<ElementDef> {
        self.places.insert(json.to_string(), self.at(path));
        let name = node.name.clone();
        let bind = self.binds.get(path).copied();
        let battr = |n: &str| bind.and_then(|b| b.attr(n));
        let container = node.children().next().is_some();
        let repeat = self.body.repeats.get(path).copied();
        let mut e = if container || repeat.is_some() {
            let kind = if repeat.is_some() || node.attr("template").is_some() {
                "repeat"
            } else {
                "group"
            };
            let mut e = ElementDef::new(kind, name);
            let group = self.body.groups.get(path).copied();
            let label = group
                .and_then(|g| g.child("label"))
                .or_else(|| repeat.and_then(|r| r.child("label")));
            e.label = self.text(label, None, path);
            e.media = self.media(label);
            e.appearance = repeat
                .and_then(|r| r.attr("appearance"))
                .or_else(|| group.and_then(|g| g.attr("appearance")))
                .map(str::to_string);
            if let Some(count) = repeat.and_then(|r| r.attr("count")) {
                e.repeat_count = self.expression(count, path, "jr:count").map(Cell::Text);
            }
            e.children = Some(self.children(node, path, &format!("{json}.children")));
            e
        } else {
            self.question(node, path, bind)?
        };
        e.relevant = battr("relevant").and_then(|r| self.expression(r, path, "relevant"));
        if e.kind != "note" && e.kind != "calculate" {
            e.read_only = self.condition(battr("readonly"), path, "readonly");
        }
        e.required = self.condition(battr("required"), path, "required");
        e.constraint = battr("constraint").and_then(|c| self.expression(c, path, "constraint"));
        if let Some(m) = battr("constraintMsg") {
            e.constraint_message = self
                .text(None, Some(m), path)
                .or(Some(Text::Plain(m.to_string())).filter(|_| itext_id(m).is_none()));
        }
        if let Some(m) = battr("requiredMsg") {
            e.required_message = self
                .text(None, Some(m), path)
                .or(Some(Text::Plain(m.to_string())).filter(|_| itext_id(m).is_none()));
        }
        if e.children.is_none() {
            self.value_setters(&mut e, node, path);
        }
        Some(e)
    }

    /// The default (the instance's text, or a setvalue at first load) and the triggers.
    fn value_setters(&mut self, e: &mut ElementDef, node: &Element, path: &[String]) {
        let literal = node.text();
        if !literal.trim().is_empty() && e.kind != "calculate" {
            e.default = Some(Cell::Text(literal.trim().to_string()));
        }
        // A setvalue at first load, or else (Collect's forms) one when a repeat instance is
        // added, inside the repeat: both are what XLSForm calls a default.
        let set = self
            .first_load
            .get(path)
            .copied()
            .filter(|s| s.name == "setvalue")
            .or_else(|| self.body.new_repeat.get(path).copied());
        if let Some(set) = set {
            let value = set.attr("value").unwrap_or_default();
            let quoted = value.trim().len() >= 2
                && (value.trim().starts_with('\'') && value.trim().ends_with('\'')
                    || value.trim().starts_with('"') && value.trim().ends_with('"'));
            e.default = if quoted {
                Some(Cell::Text(
                    value.trim()[1..value.trim().len() - 1].to_string(),
                ))
            } else {
                self.expression(value, path, "setvalue value")
                    .map(Cell::Text)
            };
        }
        let triggers: Vec<(Vec<String>, &Element)> = self
            .body
            .on_change
            .iter()
            .filter(|(_, s)| {
                s.attr("ref")
                    .and_then(|r| resolve(r, path, &self.nodes.root))
                    .as_deref()
                    == Some(path)
            })
            .map(|(from, s)| (from.clone(), *s))
            .collect();
        let mut names = Vec::new();
        for (from, set) in triggers {
            if let Some(name) = self.expression(&shown(&self.nodes, &from), path, "setvalue") {
                names.push(name);
            }
            if let Some(v) = set.attr("value") {
                e.calculation = self.expression(v, path, "setvalue value");
            }
        }
        if !names.is_empty() {
            e.trigger = Some(names.join(", "));
        }
    }

    fn question(
        &mut self,
        _node: &Element,
        path: &[String],
        bind: Option<&Element>,
    ) -> Option<ElementDef> {
        let name = path.last().cloned().unwrap_or_default();
        let at = self.at(path);
        let battr = |n: &str| bind.and_then(|b| b.attr(n));
        let data_type = battr("type").map(|t| t.rsplit(':').next().unwrap_or(t).to_string());
        let control = self.body.controls.get(path).copied();
        let mut e = ElementDef::new("text", name.clone());
        if bind.is_none() && control.is_none() {
            // A node nothing binds nor shows: a value the form carries (XLSForm's `hidden`).
            e.kind = "hidden".into();
            return Some(e);
        }
        if let Some(preload) = battr("preload") {
            let params = battr("preloadParams")
                .unwrap_or_default()
                .trim()
                .to_string();
            let kind = match (preload.trim(), params.as_str()) {
                ("timestamp", "start") => Some("start"),
                ("timestamp", "end") => Some("end"),
                ("date", "today") => Some("today"),
                (
                    "property",
                    p @ ("deviceid" | "username" | "phonenumber" | "email" | "simserial"
                    | "subscriberid"),
                ) => Some(p),
                ("uid", _) => return None,
                _ => None,
            };
            match kind {
                Some(k) => {
                    e.kind = k.into();
                    return Some(e);
                }
                None => self.problems.push(Problem::warning(
                    Some(&at),
                    Some("jr:preload"),
                    format!("`jr:preload=\"{preload}\"` with `{params}` is not a metadata Xonadon records: imported as a hidden value"),
                )),
            }
        }
        if let Some(action) = self.first_load.get(path).filter(|a| a.name != "setvalue") {
            let kind = match action.name.as_str() {
                "setgeopoint" => "start-geopoint",
                "recordaudio" => "background-audio",
                _ => "hidden",
            };
            e.kind = kind.into();
            return Some(e);
        }
        e.calculation = battr("calculate").and_then(|c| self.expression(c, path, "calculate"));
        let Some(control) = control else {
            e.kind = match data_type.as_deref() {
                Some("binary") if name == "audit" => "audit",
                _ if battr("calculate").is_some() => "calculate",
                _ => "hidden",
            }
            .into();
            return Some(e);
        };
        let label = control.child("label");
        e.label = self.text(label, None, path);
        e.media = self.media(label);
        e.hint = self.text(control.child("hint"), None, path);
        e.appearance = control.attr("appearance").map(str::to_string);
        let readonly = battr("readonly").is_some_and(is_true);
        e.kind = match control.name.as_str() {
            "trigger" => "acknowledge".into(),
            "range" => {
                let params: Vec<String> = ["start", "end", "step"]
                    .iter()
                    .filter_map(|k| control.attr(k).map(|v| format!("{k}={}", v.trim())))
                    .collect();
                e.parameters = (!params.is_empty()).then(|| params.join(" "));
                "range".into()
            }
            "upload" => {
                let media = control.attr("mediatype").unwrap_or_default();
                match media.split('/').next().unwrap_or_default() {
                    "image" => "image",
                    "audio" => "audio",
                    "video" => "video",
                    _ => "file",
                }
                .into()
            }
            "select1" | "select" | "rank" => {
                let word = match control.name.as_str() {
                    "select1" => "select_one",
                    "select" => "select_multiple",
                    _ => "rank",
                };
                match self.list(control, path, &mut e) {
                    Some(list) => format!("{word} {list}"),
                    None => "text".into(),
                }
            }
            _ if control.attr("query").is_some() => {
                self.problems.push(Problem::warning(
                    Some(&at),
                    Some("query"),
                    "a select from an external itemsets.csv (`query`) is imported as a text \
                     question, as ODK Web Forms shows it"
                        .into(),
                ));
                "text".into()
            }
            _ => match data_type.as_deref().unwrap_or("string") {
                "string" if readonly => "note",
                "string" => "text",
                "int" | "integer" => "integer",
                "decimal" | "double" | "float" => "decimal",
                "date" => "date",
                "time" => "time",
                "dateTime" => "datetime",
                "geopoint" => "geopoint",
                "geotrace" => "geotrace",
                "geoshape" => "geoshape",
                "barcode" => "barcode",
                other => {
                    self.problems.push(Problem::warning(
                        Some(&at),
                        Some("type"),
                        format!("unknown type `{other}`: imported as a text question"),
                    ));
                    "text"
                }
            }
            .into(),
        };
        Some(e)
    }

    /// The list a select's choices come from (its filter set on `e`), or `None` (said why).
    fn list(&mut self, control: &Element, path: &[String], e: &mut ElementDef) -> Option<String> {
        let at = self.at(path);
        if let Some(itemset) = control.child("itemset") {
            let nodeset = itemset.attr("nodeset").unwrap_or_default();
            let Some((list, filter)) = choices::itemset(nodeset) else {
                self.problems.push(Problem::error(
                    Some(&at),
                    Some("itemset nodeset"),
                    format!("choices from `{nodeset}` (not a secondary instance's items) are not supported yet: imported as a text question"),
                ));
                return None;
            };
            if let Some(f) = filter {
                e.choice_filter = self.item_filter(&f, path);
            }
            let value = itemset
                .child("value")
                .and_then(|v| v.attr("ref"))
                .unwrap_or("name")
                .trim();
            let label = itemset
                .child("label")
                .and_then(|v| v.attr("ref"))
                .unwrap_or("label")
                .trim();
            if !self.lists.contains_key(&list) {
                self.problems.push(Problem::error(
                    Some(&at),
                    Some("itemset nodeset"),
                    format!(
                        "the choices come from `instance('{list}')`, which the form does not have"
                    ),
                ));
                return Some(list);
            }
            if value == "name" && matches!(label, "label" | "jr:itext(itextId)") {
                return Some(list);
            }
            let derived = format!(
                "{list}__{}",
                value.replace(|c: char| !c.is_alphanumeric(), "_")
            );
            let items = choices::through(&self.lists[&list], value, label);
            self.read_through.push(list.clone());
            self.lists.entry(derived.clone()).or_insert(items);
            return Some(derived);
        }
        let mut items = Vec::new();
        for item in control.children().filter(|i| i.name == "item") {
            let name = item
                .child("value")
                .map(|v| v.text().trim().to_string())
                .unwrap_or_default();
            let label_el = item.child("label");
            let label = self.text(label_el, None, path);
            let media = self.media(label_el);
            items.push(ChoiceDef {
                name,
                label,
                media,
                properties: BTreeMap::new(),
            });
        }
        let base = path.last().cloned().unwrap_or_default();
        let mut list = base.clone();
        let mut n = 1;
        while self.lists.contains_key(&list) {
            n += 1;
            list = format!("{base}_{n}");
        }
        self.lists.insert(list.clone(), items);
        Some(list)
    }
}
