//! The body: each control (`input`, `select1`, `select`, `odk:rank`, `upload`, `trigger`,
//! `range`), group and repeat by the instance path it refers to, and the `setvalue`s that run
//! when a control's value changes (XLSForm's `trigger`). Refs may be relative to the
//! enclosing group or repeat, as XForms allows.

use std::collections::HashMap;

use crate::xml::Element;

/// The kinds of control, by local name.
pub const CONTROLS: [&str; 7] = [
    "input", "select1", "select", "rank", "upload", "trigger", "range",
];

#[derive(Debug, Default)]
pub struct Body<'a> {
    pub controls: HashMap<Vec<String>, &'a Element>,
    pub groups: HashMap<Vec<String>, &'a Element>,
    pub repeats: HashMap<Vec<String>, &'a Element>,
    /// `xforms-value-changed` setvalues: (the control whose change runs it, the setvalue).
    pub on_change: Vec<(Vec<String>, &'a Element)>,
    /// `odk-new-repeat` setvalues by their target: a default for each new instance.
    pub new_repeat: HashMap<Vec<String>, &'a Element>,
    /// Body elements whose ref is not below the root, for a warning: (element, ref).
    pub stray: Vec<(String, String)>,
}

/// A ref or nodeset (`/data/g/q`, or `q`, `../q` from `context`) as a path below the root.
pub fn resolve(reference: &str, context: &[String], root: &str) -> Option<Vec<String>> {
    let reference = reference.trim();
    let (mut path, rest) = match reference.strip_prefix('/') {
        Some(abs) => {
            let rest = abs.strip_prefix(root)?;
            if !(rest.is_empty() || rest.starts_with('/')) {
                return None;
            }
            (Vec::new(), rest.trim_start_matches('/'))
        }
        None => (context.to_vec(), reference),
    };
    for step in rest.split('/').filter(|s| !s.is_empty()) {
        match step {
            "." => {}
            ".." => {
                path.pop()?;
            }
            s if s.contains(['[', '(', '@', '*', ' ']) => return None,
            s => path.push(s.to_string()),
        }
    }
    Some(path)
}

impl<'a> Body<'a> {
    pub fn read(body: Option<&'a Element>, root: &str) -> Body<'a> {
        let mut out = Body::default();
        if let Some(body) = body {
            out.walk(body, &[], root);
        }
        out
    }

    fn walk(&mut self, parent: &'a Element, context: &[String], root: &str) {
        for e in parent.children() {
            let reference = match e.name.as_str() {
                "repeat" => e.attr("nodeset"),
                "group" | "setvalue" => e.attr("ref"),
                n if CONTROLS.contains(&n) => e.attr("ref"),
                _ => continue,
            };
            let path = match reference {
                Some(r) => match resolve(r, context, root) {
                    Some(p) => Some(p),
                    None => {
                        self.stray.push((e.name.clone(), r.to_string()));
                        continue;
                    }
                },
                None => None,
            };
            match (e.name.as_str(), path) {
                ("setvalue", Some(p)) => {
                    let new_repeat = e
                        .attr("event")
                        .is_some_and(|ev| ev.split_whitespace().any(|ev| ev == "odk-new-repeat"));
                    if new_repeat {
                        self.new_repeat.insert(p, e);
                    }
                }
                ("setvalue", None) => {}
                ("group", Some(p)) => {
                    self.groups.insert(p.clone(), e);
                    self.walk(e, &p, root);
                }
                ("group", None) => self.walk(e, context, root),
                ("repeat", Some(p)) => {
                    self.repeats.insert(p.clone(), e);
                    self.walk(e, &p, root);
                }
                (_, Some(p)) => {
                    for s in e.children().filter(|s| s.name == "setvalue") {
                        let changed = s.attr("event").is_some_and(|ev| {
                            ev.split_whitespace().any(|ev| ev == "xforms-value-changed")
                        });
                        if changed {
                            self.on_change.push((p.clone(), s));
                        }
                    }
                    self.controls.insert(p, e);
                }
                _ => {}
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn relative_refs_resolve_from_the_enclosing_group() {
        let body = crate::xml::parse(
            br#"<body><group ref="/data/g"><input ref="q"><setvalue event="xforms-value-changed" ref="/data/t"/></input>
            <group><repeat nodeset="/data/g/r"><select1 ref="../s"/></repeat></group></group>
            <input ref="/other/x"/></body>"#,
        )
        .unwrap();
        let b = Body::read(Some(&body), "data");
        let p = |s: &str| s.split('/').map(str::to_string).collect::<Vec<_>>();
        assert!(b.groups.contains_key(&p("g")));
        assert!(b.repeats.contains_key(&p("g/r")));
        assert_eq!(b.controls[&p("g/q")].name, "input");
        assert_eq!(b.controls[&p("g/s")].name, "select1");
        assert_eq!(b.on_change.len(), 1);
        assert_eq!(b.stray, [("input".to_string(), "/other/x".to_string())]);
    }
}
