//! XForm XPath → the engine's expressions: every path that names an element of the form
//! (`/data/group/q`, `../q`, `current()/../q`) becomes `${q}`, and
//! `instance('__last-saved')/data/q` becomes `${last-saved#q}`; everything else is kept as it
//! is written (functions, operators, `.` and `..`, and `instance('LIST')/root/item…`, which the
//! engine reads itself, with the paths in its predicates rewritten).
//!
//! `${name}` names an element only when the name is used once in the form: a path to an
//! element whose name is used more than once cannot be written yet, and guessing which one
//! is meant would silently change the form, so it is an error and the expression is left out.

use std::collections::{HashMap, HashSet};

/// The elements of the primary instance, by path below the root (`["group", "q"]`).
#[derive(Debug, Default)]
pub struct Nodes {
    pub root: String,
    paths: HashSet<Vec<String>>,
    uses: HashMap<String, usize>,
}

impl Nodes {
    pub fn new(root: &str) -> Nodes {
        Nodes {
            root: root.to_string(),
            ..Nodes::default()
        }
    }

    pub fn add(&mut self, path: &[String]) {
        if self.paths.insert(path.to_vec()) {
            if let Some(name) = path.last() {
                *self.uses.entry(name.clone()).or_default() += 1;
            }
        }
    }

    pub fn contains(&self, path: &[String]) -> bool {
        self.paths.contains(path)
    }

    /// How `path` is written for the engine, or why it cannot be.
    fn reference(&self, path: &[String], written: &str) -> Result<String, String> {
        let shown = format!("/{}/{}", self.root, path.join("/"));
        if !self.contains(path) {
            return Err(format!(
                "`{}` (`{shown}`) names no element of the form",
                written.trim()
            ));
        }
        let name = path.last().map(String::as_str).unwrap_or_default();
        match self.uses.get(name) {
            Some(1) => Ok(format!("${{{name}}}")),
            _ => Err(format!(
                "`{shown}` is `{name}`, a name used more than once in the form: Xonadon \
                 cannot name that element in an expression yet (`${{{name}}}` would be \
                 ambiguous); rename one of them"
            )),
        }
    }
}

/// `expression` rewritten for the engine, `context` the path of the element it belongs to
/// (what `.`, `..` and `current()` start from); or every reason it cannot be.
pub fn rewrite(expression: &str, context: &[String], nodes: &Nodes) -> Result<String, Vec<String>> {
    rewrite_in(expression, context, nodes, false, false)
}

/// [`rewrite`] for a predicate on a secondary instance's items (an itemset's, which becomes
/// the select's `choice_filter`): `./col` there is the item's column `col`.
pub fn rewrite_item_predicate(
    expression: &str,
    context: &[String],
    nodes: &Nodes,
) -> Result<String, Vec<String>> {
    rewrite_in(expression, context, nodes, false, true)
}

/// [`rewrite`], `in_node_predicate` inside a predicate on the form's own nodes,
/// `in_item_predicate` inside one on a secondary instance's items.
fn rewrite_in(
    expression: &str,
    context: &[String],
    nodes: &Nodes,
    in_node_predicate: bool,
    in_item_predicate: bool,
) -> Result<String, Vec<String>> {
    let mut errors = Vec::new();
    let out = Rewriter {
        chars: expression.chars().collect(),
        at: 0,
        context,
        nodes,
        in_node_predicate,
        in_item_predicate,
        errors: &mut errors,
    }
    .run();
    if errors.is_empty() {
        Ok(out)
    } else {
        Err(errors)
    }
}

struct Rewriter<'a> {
    chars: Vec<char>,
    at: usize,
    context: &'a [String],
    nodes: &'a Nodes,
    /// Inside `/data/member[…]`: there `${q}` would be read from the member tested, while
    /// `current()/../q` is read from the element itself, so `current()` paths stay as written
    /// (the engine reads them so too).
    in_node_predicate: bool,
    /// Inside `instance('X')/root/item[…]`: there `.` is the item tested, so `./region` is
    /// its column `region`, which the engine reads as a bare name.
    in_item_predicate: bool,
    errors: &'a mut Vec<String>,
}

/// One step of a path as written, with its predicates (`[…]`, brackets excluded).
struct Step {
    text: String,
    predicates: Vec<String>,
}

fn name_start(c: char) -> bool {
    c.is_alphabetic() || c == '_'
}

fn name_char(c: char) -> bool {
    c.is_alphanumeric() || matches!(c, '_' | '-' | '.' | ':')
}

impl Rewriter<'_> {
    fn peek(&self, offset: usize) -> Option<char> {
        self.chars.get(self.at + offset).copied()
    }

    fn run(mut self) -> String {
        let mut out = String::new();
        while let Some(c) = self.peek(0) {
            let before = self.at;
            match c {
                '\'' | '"' => out.push_str(&self.literal(c)),
                // `//` read no step and stayed where it was: the loop never ended (1.6 GB of
                // errors from a 1.7 KB file, found by the xform_import fuzz target).
                '/' if self.peek(1) == Some('/') => {
                    self.errors.push(
                        "`//` (any descendant) is not supported: write the path from the \
                         form's root"
                            .to_string(),
                    );
                    out.push_str("//");
                    self.at += 2;
                }
                '/' => {
                    let start = self.at;
                    let steps = self.steps();
                    out.push_str(&self.path(Vec::new(), true, steps, start));
                }
                '.' if self.peek(1).is_some_and(|d| d.is_ascii_digit()) => {
                    out.push_str(&self.number())
                }
                '.' => {
                    let start = self.at;
                    let first = self.step();
                    let mut steps = vec![first];
                    steps.extend(self.steps());
                    if self.in_item_predicate {
                        out.push_str(&self.item_path(steps, start));
                    } else if self.in_node_predicate {
                        // From the node tested, which the engine reads as XPath does.
                        out.push_str(&self.current_path(steps, start, false));
                    } else {
                        out.push_str(&self.path(self.context.to_vec(), false, steps, start));
                    }
                }
                c if c.is_ascii_digit() => out.push_str(&self.number()),
                c if name_start(c) => out.push_str(&self.name_or_call()),
                c => {
                    out.push(c);
                    self.at += 1;
                }
            }
            // Every turn moves on, whatever an arm above did not read.
            if self.at == before {
                out.push(c);
                self.at += 1;
            }
        }
        out
    }

    fn number(&mut self) -> String {
        let start = self.at;
        while self.peek(0).is_some_and(|c| c.is_ascii_digit() || c == '.') {
            self.at += 1;
        }
        self.chars[start..self.at].iter().collect()
    }

    fn literal(&mut self, quote: char) -> String {
        let start = self.at;
        self.at += 1;
        while self.peek(0).is_some_and(|c| c != quote) {
            self.at += 1;
        }
        self.at = (self.at + 1).min(self.chars.len());
        let text: String = self.chars[start..self.at].iter().collect();
        // pyxform writes `jr:choice-name(${q}, '${q}')` as `' /data/q '`: a literal naming
        // an element is a reference for the engine too.
        let inner = text
            .get(1..text.len().saturating_sub(1))
            .unwrap_or_default()
            .trim();
        if let Some(rest) = inner.strip_prefix(&format!("/{}/", self.nodes.root)) {
            let path: Vec<String> = rest.split('/').map(str::to_string).collect();
            if path
                .iter()
                .all(|s| !s.is_empty() && s.chars().all(name_char))
            {
                if let Ok(reference) = self.nodes.reference(&path, inner) {
                    return format!("{quote}{reference}{quote}");
                }
            }
        }
        text
    }

    fn name(&mut self) -> String {
        let start = self.at;
        while self.peek(0).is_some_and(name_char) {
            self.at += 1;
        }
        self.chars[start..self.at].iter().collect()
    }

    /// A name: a function call (`current()` and `instance('X')` start paths), an operator
    /// word, or a bare name (a child of the context; in a predicate, an item's column): kept.
    fn name_or_call(&mut self) -> String {
        let start = self.at;
        let name = self.name();
        let mut after = self.at;
        while self.chars.get(after).is_some_and(|c| c.is_whitespace()) {
            after += 1;
        }
        if self.chars.get(after) != Some(&'(') {
            return name;
        }
        if name == "current" && self.chars.get(after + 1) == Some(&')') {
            self.at = after + 2;
            let steps = self.steps();
            if self.in_node_predicate {
                return self.current_path(steps, start, true);
            }
            return self.path(self.context.to_vec(), false, steps, start);
        }
        if name == "instance" {
            if let Some(id) = self.instance_id(after + 1) {
                let head: String = self.chars[start..self.at].iter().collect();
                let steps = self.steps();
                return self.instance_path(&id, head, steps);
            }
        }
        name
    }

    /// `('X')` from `open` on: the instance's id, with the position after `)`.
    fn instance_id(&mut self, open: usize) -> Option<String> {
        let mut i = open;
        let skip = |i: &mut usize, chars: &[char]| {
            while chars.get(*i).is_some_and(|c| c.is_whitespace()) {
                *i += 1;
            }
        };
        skip(&mut i, &self.chars);
        let quote = *self.chars.get(i).filter(|c| **c == '\'' || **c == '"')?;
        let end = i + 1 + self.chars[i + 1..].iter().position(|c| *c == quote)?;
        let id: String = self.chars[i + 1..end].iter().collect();
        i = end + 1;
        skip(&mut i, &self.chars);
        (self.chars.get(i) == Some(&')')).then(|| {
            self.at = i + 1;
            id
        })
    }

    /// The `/step[…]` that follow.
    fn steps(&mut self) -> Vec<Step> {
        let mut steps = Vec::new();
        loop {
            // pyxform writes `${rows}/n` as ` /data/rows /n`: spaces may stand before a step.
            let mut next = self.at;
            while self.chars.get(next).is_some_and(|c| c.is_whitespace()) {
                next += 1;
            }
            let slash = self.chars.get(next) == Some(&'/');
            if !slash || self.chars.get(next + 1) == Some(&'/') {
                break;
            }
            self.at = next + 1;
            steps.push(self.step());
        }
        steps
    }

    fn step(&mut self) -> Step {
        let text = match self.peek(0) {
            Some('.') if self.peek(1) == Some('.') => {
                self.at += 2;
                "..".to_string()
            }
            Some('.') => {
                self.at += 1;
                ".".to_string()
            }
            Some('*') => {
                self.at += 1;
                "*".to_string()
            }
            Some('@') => {
                self.at += 1;
                format!("@{}", self.name())
            }
            _ => self.name(),
        };
        let mut predicates = Vec::new();
        loop {
            // pyxform writes `/data/rows [pred]`: spaces may stand before a predicate.
            let mut next = self.at;
            while self.chars.get(next).is_some_and(|c| c.is_whitespace()) {
                next += 1;
            }
            if self.chars.get(next) != Some(&'[') {
                break;
            }
            self.at = next;
            predicates.push(self.bracketed());
        }
        Step { text, predicates }
    }

    /// The text inside `[…]` (nested brackets and quotes kept whole), the cursor after `]`.
    fn bracketed(&mut self) -> String {
        let open = self.at;
        let end = closing_bracket(&self.chars, open).unwrap_or(self.chars.len());
        let inner: String = self.chars[open + 1..end].iter().collect();
        self.at = (end + 1).min(self.chars.len());
        inner
    }

    /// A predicate's text rewritten; `of_nodes`: a predicate on the form's nodes (not on a
    /// secondary instance's items).
    fn sub(&mut self, expression: &str, of_nodes: bool) -> String {
        let in_nodes = self.in_node_predicate || of_nodes;
        match rewrite_in(expression, self.context, self.nodes, in_nodes, !of_nodes) {
            Ok(s) => s,
            Err(e) => {
                self.errors.extend(e);
                expression.to_string()
            }
        }
    }

    /// The steps as written, their predicates rewritten (`of_nodes`: as in [`Self::sub`]).
    fn written(&mut self, steps: &[Step], of_nodes: bool) -> String {
        let mut out = String::new();
        for s in steps {
            out.push('/');
            out.push_str(&s.text);
            for p in &s.predicates {
                let p = self.sub(p, of_nodes);
                out.push_str(&format!("[{p}]"));
            }
        }
        out
    }

    fn instance_path(&mut self, id: &str, head: String, steps: Vec<Step>) -> String {
        if id != "__last-saved" {
            let rest = self.written(&steps, false);
            return format!("{head}{rest}");
        }
        let names: Vec<String> = steps.iter().skip(1).map(|s| s.text.clone()).collect();
        let written = format!("{head}{}", self.written(&steps, false));
        match self.nodes.reference(&names, &written) {
            Ok(r) if steps.iter().all(|s| s.predicates.is_empty()) => {
                format!("${{last-saved#{}", &r[2..])
            }
            Ok(_) => {
                self.errors.push(format!(
                    "`{written}`: a predicate on the last saved form is not supported"
                ));
                written
            }
            Err(e) => {
                self.errors.push(e);
                written
            }
        }
    }

    /// `./col` inside a predicate on a secondary instance's items: the item's column `col`
    /// (deeper steps kept); anything else from `.` (`.` alone, `..`) as written.
    fn item_path(&mut self, steps: Vec<Step>, start: usize) -> String {
        let original: String = self.chars[start..self.at].iter().collect();
        match steps.split_first() {
            Some((first, rest)) if first.text == "." && first.predicates.is_empty() => {
                match self.written(rest, false).strip_prefix('/') {
                    Some(columns) => columns.to_string(),
                    None => original,
                }
            }
            _ => original,
        }
    }

    /// `current()/../q` or `./q`, `../q` inside a predicate on the form's nodes: kept as
    /// written (the steps' own predicates rewritten). A `current()` path (`from_current`)
    /// is checked to name an element; one from `.` starts at the node tested, which the
    /// engine places itself.
    fn current_path(&mut self, steps: Vec<Step>, start: usize, from_current: bool) -> String {
        let original: String = self.chars[start..self.at].iter().collect();
        if !from_current {
            let written = self.written(&steps, true);
            return written[1..].to_string();
        }
        let mut at = self.context.to_vec();
        for s in &steps {
            match s.text.as_str() {
                ".." if at.pop().is_none() => {
                    self.errors
                        .push(format!("`{original}` goes above the form's root"));
                    return original;
                }
                ".." | "." => {}
                t if t.starts_with('@') || t == "*" => {
                    self.errors.push(format!(
                        "`{original}`: attributes and `*` are not supported"
                    ));
                    return original;
                }
                t => at.push(t.to_string()),
            }
        }
        if !at.is_empty() && !self.nodes.contains(&at) {
            self.errors.push(format!(
                "`{}` (`/{}/{}`) names no element of the form",
                original.trim(),
                self.nodes.root,
                at.join("/")
            ));
            return original;
        }
        format!("current(){}", self.written(&steps, true))
    }

    /// A path from `base` (`absolute`: from the root, its first step the root's name).
    fn path(
        &mut self,
        base: Vec<String>,
        absolute: bool,
        steps: Vec<Step>,
        start: usize,
    ) -> String {
        let original: String = self.chars[start..self.at].iter().collect();
        let mut current = base;
        let mut steps = steps.into_iter().peekable();
        if absolute {
            match steps.next() {
                Some(s) if s.text == self.nodes.root && s.predicates.is_empty() => {}
                _ => {
                    self.errors.push(format!(
                        "`{original}` does not start at the form's root `/{}`",
                        self.nodes.root
                    ));
                    return original;
                }
            }
        }
        let mut named = false;
        let mut anchor = None;
        for s in steps.by_ref() {
            match s.text.as_str() {
                ".." => {
                    if current.pop().is_none() {
                        self.errors
                            .push(format!("`{original}` goes above the form's root"));
                        return original;
                    }
                }
                "." => {}
                t if t.starts_with('@') || t == "*" => {
                    self.errors.push(format!(
                        "`{original}`: attributes and `*` are not supported"
                    ));
                    return original;
                }
                t => {
                    named = true;
                    current.push(t.to_string());
                }
            }
            if !s.predicates.is_empty() {
                anchor = Some(s.predicates);
                break;
            }
        }
        let rest: Vec<Step> = steps.collect();
        if !named && anchor.is_none() && rest.is_empty() {
            // `.`, `..`, `current()`: the engine reads them as they are.
            return original;
        }
        if current.is_empty() {
            self.errors.push(format!(
                "`{original}` names the form's root, not an element"
            ));
            return original;
        }
        let reference = match self.nodes.reference(&current, &original) {
            Ok(r) => r,
            Err(e) => {
                self.errors.push(e);
                return original;
            }
        };
        let mut out = reference;
        for p in anchor.unwrap_or_default() {
            let p = self.sub(&p, true);
            out.push_str(&format!("[{p}]"));
        }
        out.push_str(&self.written(&rest, true));
        out
    }
}

/// The `]` that closes the `[` at `open` (nested brackets and quoted text skipped), if any.
pub(crate) fn closing_bracket(chars: &[char], open: usize) -> Option<usize> {
    let (mut depth, mut quote) = (0, None);
    for (i, &c) in chars.iter().enumerate().skip(open) {
        match (quote, c) {
            (Some(q), c) if c == q => quote = None,
            (Some(_), _) => {}
            (None, '\'' | '"') => quote = Some(c),
            (None, '[') => depth += 1,
            (None, ']') => {
                depth -= 1;
                if depth == 0 {
                    return Some(i);
                }
            }
            _ => {}
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn nodes() -> Nodes {
        let mut n = Nodes::new("data");
        for p in ["a", "g", "g/b", "trip", "trip/from", "trip/to", "x", "g/x"] {
            n.add(&p.split('/').map(str::to_string).collect::<Vec<_>>());
        }
        n
    }

    fn at(path: &str) -> Vec<String> {
        path.split('/').map(str::to_string).collect()
    }

    /// `//` is refused, and the rewrite ends: it used to read no step there and loop for ever.
    #[test]
    fn a_descendant_path_is_refused_and_the_rewrite_ends() {
        for expression in ["//a", "concat(instance('x')//////y, 1)", "/data//a + 1"] {
            let errors = rewrite(expression, &at("a"), &nodes()).unwrap_err();
            assert!(
                errors.iter().any(|e| e.contains("`//` (any descendant)")),
                "{expression}: {errors:?}"
            );
        }
    }

    #[test]
    fn paths_become_references() {
        let cases = [
            (" /data/a  = 'OK'", "a", " ${a}  = 'OK'"),
            ("../b + ../../a", "g/b", "${b} + ${a}"),
            (". > 3 and . < /data/g/b", "a", ". > 3 and . < ${b}"),
            ("position(..) + 1.5", "trip/to", "position(..) + 1.5"),
            (
                "instance('district')/root/item[region =  current()/../from ]",
                "trip/to",
                "instance('district')/root/item[region =  ${from} ]",
            ),
            // `.` in a predicate on items is the item: `./region` its column.
            (
                "count(instance('district')/root/item[./region = current()/../from])",
                "trip/to",
                "count(instance('district')/root/item[region = ${from}])",
            ),
            (
                "instance('c')/root/item[./geo/lat > 1 and name != ../x]",
                "a",
                "instance('c')/root/item[geo/lat > 1 and name != ../x]",
            ),
            (
                "count(/data/trip[from = 'x']/to) div 2",
                "a",
                "count(${trip}[from = 'x']/to) div 2",
            ),
            (
                "jr:choice-name( /data/a , ' /data/a ')",
                "x",
                "jr:choice-name( ${a} , '${a}')",
            ),
            (
                " instance('__last-saved')/data/a ",
                "a",
                " ${last-saved#a} ",
            ),
            (
                "concat('/data/a/', \"it's\")",
                "a",
                "concat('/data/a/', \"it's\")",
            ),
            ("current()", "a", "current()"),
            // In a predicate on the form's nodes `current()` stays: `${from}` there would be
            // the `from` of the trip tested, not this trip's.
            (
                "count(/data/trip[from = current()/../from]/to)",
                "trip/to",
                "count(${trip}[from = current()/../from]/to)",
            ),
            (
                "/data/trip[to = current()]/from",
                "trip/to",
                "${trip}[to = current()]/from",
            ),
            (
                "/data/trip[from = instance('c')/root/item[n = current()/../to]/name]/to",
                "trip/to",
                "${trip}[from = instance('c')/root/item[n = current()/../to]/name]/to",
            ),
            // … and so do `.` and `..`, which start at the trip tested.
            (
                "count(/data/trip[./from = 'x'][../a = 1])",
                "a",
                "count(${trip}[./from = 'x'][../a = 1])",
            ),
            // pyxform writes `${trip}/to` as ` /data/trip /to`.
            ("count( /data/trip /to)", "a", "count( ${to})"),
        ];
        for (xpath, context, expected) in cases {
            let got = rewrite(xpath, &at(context), &nodes()).unwrap();
            assert_eq!(got, expected, "{xpath}");
        }
        assert_eq!(rewrite("/data/g/b", &at("a"), &nodes()).unwrap(), "${b}");
    }

    #[test]
    fn ambiguous_and_missing_paths_are_errors() {
        let e = rewrite("/data/g/x + 1", &at("a"), &nodes()).unwrap_err();
        assert!(e[0].contains("`x`, a name used more than once"), "{e:?}");
        let e = rewrite("/data/nope", &at("a"), &nodes()).unwrap_err();
        assert!(e[0].contains("names no element"), "{e:?}");
        let e = rewrite(
            "/data/trip[from = current()/../nope]",
            &at("trip/to"),
            &nodes(),
        )
        .unwrap_err();
        assert!(
            e[0].contains("`/data/trip/nope`) names no element"),
            "{e:?}"
        );
        let e = rewrite("/other/a", &at("a"), &nodes()).unwrap_err();
        assert!(e[0].contains("root `/data`"), "{e:?}");
    }
}
