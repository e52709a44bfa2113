//! ODK XForm (`.xml`) → Xonadon's JSON form.
//!
//! Forms kept on an ODK Central or KoboToolbox server are XForms (what pyxform writes): the
//! primary instance gives the tree (groups, repeats, questions), the binds their types and
//! expressions, the body their controls, appearances and texts, `itext` the translations and
//! media, the secondary instances the choice lists. Paths become `${name}` references
//! (`xpath`); languages become BCP-47 tags as the XLSForm importer makes them. Then the
//! engine checks the result, and its findings are placed back on the element they came from.
//!
//! Everything that can be imported is: a problem in one element leaves that part out (an
//! error the designer must fix, or a warning when the form still means what it says), and the
//! import goes on. Only a file that is no XForm, or one without a primary instance, stops it
//! ([`ImportError`]).
//!
//! Pure: bytes in, a definition out; it builds for wasm32 for the designer page.

mod body;
mod build;
mod choices;
mod itext;
mod problem;
mod xml;
mod xpath;

use std::collections::{BTreeMap, HashMap};

use xonadon_engine::definition::{FormDefinition, Settings, Text};
use xonadon_engine::Severity;

pub use problem::Problem;

/// A file supplied with the form (a secondary instance's `src`): its name and bytes.
pub type Attachment = (String, Vec<u8>);

/// Why nothing could be imported.
#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    #[error("{file} is not XML (at byte {at}: {reason}): expected an ODK XForm")]
    NotXml {
        file: String,
        at: u64,
        reason: String,
    },
    #[error(
        "{file} is XML but no XForm: its root element is <{root}>, an XForm's is <h:html> with \
         <h:head><model> inside"
    )]
    NotAnXForm { file: String, root: String },
    #[error(
        "{file} has no primary instance: an XForm's <h:head><model> holds an <instance> with \
         the form's root element (e.g. <data id=\"…\">)"
    )]
    NoInstance { file: String },
}

/// An imported form: the definition, its JSON, and what the import and the engine found.
#[derive(Debug, Clone)]
pub struct Imported {
    pub definition: FormDefinition,
    /// The definition as the form file Xonadon reads (`FormDefinition::to_text`).
    pub json: String,
    /// In the order found; errors mean the form cannot be used until they are fixed.
    pub problems: Vec<Problem>,
}

impl Imported {
    pub fn errors(&self) -> usize {
        self.problems
            .iter()
            .filter(|p| p.severity == Severity::Error)
            .count()
    }
}

/// Whether `bytes` look like an XForm (an XML declaration or an `<h:html>` root first):
/// how the CLI tells an XForm from a workbook whatever the file is called.
pub fn looks_like_xform(bytes: &[u8]) -> bool {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let start = bytes
        .iter()
        .position(|b| !b.is_ascii_whitespace())
        .unwrap_or(bytes.len());
    let head = &bytes[start..];
    head.starts_with(b"<?xml") || head.starts_with(b"<h:html") || head.starts_with(b"<html")
}

/// Imports the XForm `bytes`; `file` names it in messages and gives the form id when the
/// instance has none.
pub fn import(file: &str, bytes: &[u8]) -> Result<Imported, ImportError> {
    import_with(file, bytes, &[])
}

/// [`import`] with the files supplied beside the form: the CSV, XML and GeoJSON files its
/// secondary instances name (a missing one is a warning: the list is empty until supplied).
pub fn import_with(
    file: &str,
    bytes: &[u8],
    attachments: &[Attachment],
) -> Result<Imported, ImportError> {
    let doc = xml::parse(bytes).map_err(|e| ImportError::NotXml {
        file: file.to_string(),
        at: e.at,
        reason: e.message,
    })?;
    let head = doc.child("head");
    let model = head.and_then(|h| h.child("model"));
    let (Some(head), Some(model)) = (head.filter(|_| doc.name == "html"), model) else {
        return Err(ImportError::NotAnXForm {
            file: file.to_string(),
            root: doc.name.clone(),
        });
    };
    let root = model
        .children()
        .find(|i| i.name == "instance")
        .and_then(|i| i.children().next())
        .ok_or_else(|| ImportError::NoInstance {
            file: file.to_string(),
        })?;
    let mut problems = Vec::new();
    let mut nodes = xpath::Nodes::new(&root.name);
    build::collect(root, &mut Vec::new(), &mut nodes);

    let mut binds = HashMap::new();
    let mut first_load = HashMap::new();
    for e in model.children() {
        let (reference, is_bind) = match e.name.as_str() {
            "bind" => (e.attr("nodeset"), true),
            "setvalue" | "setgeopoint" | "recordaudio" => (e.attr("ref"), false),
            _ => continue,
        };
        let Some(reference) = reference else { continue };
        let path = body::resolve(reference, &[], &root.name).filter(|p| nodes.contains(p));
        let Some(path) = path else {
            problems.push(Problem::warning(
                Some(&format!(
                    "<{} {}=\"{reference}\">",
                    e.name,
                    if is_bind { "nodeset" } else { "ref" }
                )),
                Some(if is_bind { "nodeset" } else { "ref" }),
                format!("`{reference}` names no element of the primary instance: left out"),
            ));
            continue;
        };
        let at_load = e.attr("event").is_some_and(|ev| {
            ev.split_whitespace()
                .any(|ev| ev == "odk-instance-first-load" || ev == "odk-instance-load")
        });
        if is_bind {
            binds.insert(path, e);
        } else if at_load || e.name == "recordaudio" {
            first_load.insert(path, e);
        }
    }
    let body = body::Body::read(doc.child("body"), &root.name);
    for (element, reference) in &body.stray {
        problems.push(Problem::warning(
            Some(&format!("<{element} ref=\"{reference}\">")),
            Some("ref"),
            format!("`{reference}` names no element of the primary instance: left out"),
        ));
    }
    let itext = itext::Itext::read(model);
    let lists = choices::secondary(model, &itext, attachments, &mut problems);
    let mut builder = build::Builder {
        nodes,
        body,
        binds,
        itext,
        first_load,
        lists,
        problems,
        places: BTreeMap::new(),
        instance_name: None,
        read_through: Vec::new(),
    };
    let survey = builder.children(root, &[], "$.survey");
    drop_unread_lists(&survey, &mut builder);

    let stem = file.rsplit(['/', '\\']).next().unwrap_or(file);
    let stem = stem.rsplit_once('.').map_or(stem, |(s, _)| s);
    let form_id = match root.attr("id").map(str::trim).filter(|s| !s.is_empty()) {
        Some(id) => id.to_string(),
        None => {
            builder.problems.push(Problem::warning(
                Some(&format!("/{}", root.name)),
                Some("id"),
                format!(
                    "the primary instance has no `id`: the form id is `{stem}`, the file's name"
                ),
            ));
            stem.to_string()
        }
    };
    let title = head
        .child("title")
        .map(|t| t.text().trim().to_string())
        .filter(|t| !t.is_empty())
        .map(Text::Plain);
    let languages = &builder.itext.languages;
    let default_language = if languages.len() == 1 && languages[0] == "default" {
        None
    } else {
        // ODK opens a form without a default translation in its first one.
        builder
            .itext
            .default
            .clone()
            .or_else(|| languages.first().cloned())
    };
    let definition = FormDefinition {
        schema: None,
        settings: Settings {
            form_id,
            version: root.attr("version").unwrap_or_default().trim().to_string(),
            title,
            default_language,
            instance_name: builder.instance_name.clone(),
            supervisor: None,
            required_before_next: false,
        },
        survey,
        choices: builder.lists.clone(),
    };
    let json = definition.to_text();
    let mut problems = builder.problems;
    add_engine_findings(&json, &builder.places, &mut problems);
    Ok(Imported {
        definition,
        json,
        problems,
    })
}

/// A list read only through other columns is the derived list's source, not a list of the
/// form: left out unless a select or an expression (`instance('LIST')`, `pulldata('LIST', …)`)
/// reads it, so it is not reported as unused.
fn drop_unread_lists(
    survey: &[xonadon_engine::definition::ElementDef],
    builder: &mut build::Builder,
) {
    let text = serde_json::to_string(survey).unwrap_or_default();
    for list in std::mem::take(&mut builder.read_through) {
        let read = [" ", "'", "\""].iter().any(|q| {
            text.contains(&format!("{q}{list}{q}")) || text.contains(&format!(" {list}\""))
        });
        if !read {
            builder.lists.remove(&list);
        }
    }
}

/// The engine's check of the imported form, each finding placed on the instance path of its
/// element and the XForm attribute of its property.
fn add_engine_findings(json: &str, places: &BTreeMap<String, String>, problems: &mut Vec<Problem>) {
    for d in xonadon_engine::check(json) {
        let (element, attribute) = match place_of(places, &d.path) {
            Some((json_path, xform_path)) => {
                let property = d.path[json_path.len()..]
                    .strip_prefix('.')
                    .map(|p| p.split(['.', '[']).next().unwrap_or(p));
                (Some(xform_path.to_string()), property.map(attribute_of))
            }
            None => (Some(d.path.clone()), None),
        };
        problems.push(Problem {
            severity: d.severity,
            element,
            attribute: attribute.map(str::to_string),
            message: d.message.clone(),
            finding: Some(d.finding.clone()),
        });
    }
}

/// The longest element path (a key of `places`) that `path` is or starts with, followed by a
/// `.` or `[`, and its instance path: looked up at each cut of `path`, longest first, so a
/// form of 50,000 questions with a finding on each is not 50,000² comparisons.
fn place_of<'a>(places: &'a BTreeMap<String, String>, path: &str) -> Option<(&'a str, &'a str)> {
    let cuts = path
        .char_indices()
        .filter(|(_, c)| matches!(c, '.' | '['))
        .map(|(i, _)| i)
        .chain([path.len()]);
    let mut cuts: Vec<usize> = cuts.collect();
    cuts.reverse();
    cuts.into_iter()
        .find_map(|end| places.get_key_value(&path[..end]))
        .map(|(k, v)| (k.as_str(), v.as_str()))
}

/// The XForm attribute (or element) a JSON property came from.
fn attribute_of(property: &str) -> &str {
    match property {
        "calculation" => "calculate",
        "read_only" => "readonly",
        "repeat_count" => "jr:count",
        "constraint_message" => "jr:constraintMsg",
        "required_message" => "jr:requiredMsg",
        "choice_filter" => "itemset nodeset",
        "type" => "type",
        other => other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_finding_is_placed_on_the_longest_element_path_it_starts_with() {
        let places: BTreeMap<String, String> = [
            ("$.survey[1]", "/data/g"),
            ("$.survey[1].children[0]", "/data/g/a"),
            ("$.survey[10]", "/data/b"),
        ]
        .into_iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect();
        let at = |path| place_of(&places, path).map(|(_, x)| x);
        assert_eq!(at("$.survey[1].children[0].relevant"), Some("/data/g/a"));
        assert_eq!(at("$.survey[1].children[0]"), Some("/data/g/a"));
        assert_eq!(at("$.survey[1].label"), Some("/data/g"));
        // `$.survey[1]` is no element of `$.survey[10]`: paths are cut at `.` and `[` only.
        assert_eq!(at("$.survey[10].constraint"), Some("/data/b"));
        assert_eq!(at("$.settings.version"), None);
    }
}
