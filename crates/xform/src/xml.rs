//! A small element tree read with quick-xml: an XForm is read as a whole (binds, body and
//! itext refer to each other by path and id), and it is small.
//!
//! Names are kept as local names (`h:head` → `head`, `jr:count` → `count`): XForms in the
//! wild bind the same namespaces to other prefixes, and no XForm element or attribute needs
//! its namespace to be told apart from another.

use quick_xml::events::{BytesStart, Event};

/// An element: its local name, attributes (local names, unescaped values) and content.
#[derive(Debug, Clone, Default)]
pub struct Element {
    pub name: String,
    pub attributes: Vec<(String, String)>,
    pub content: Vec<Node>,
}

#[derive(Debug, Clone)]
pub enum Node {
    Element(Element),
    Text(String),
}

impl Element {
    pub fn attr(&self, name: &str) -> Option<&str> {
        self.attributes
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }

    pub fn children(&self) -> impl Iterator<Item = &Element> {
        self.content.iter().filter_map(|n| match n {
            Node::Element(e) => Some(e),
            Node::Text(_) => None,
        })
    }

    pub fn child(&self, name: &str) -> Option<&Element> {
        self.children().find(|e| e.name == name)
    }

    /// The text directly inside (not in child elements), as written.
    pub fn text(&self) -> String {
        self.content
            .iter()
            .filter_map(|n| match n {
                Node::Text(t) => Some(t.as_str()),
                Node::Element(_) => None,
            })
            .collect()
    }
}

/// Why the bytes are no XML document.
#[derive(Debug)]
pub struct XmlError {
    pub at: u64,
    pub message: String,
}

fn local(name: &[u8]) -> String {
    let name = String::from_utf8_lossy(name);
    match name.rsplit_once(':') {
        Some((_, local)) => local.to_string(),
        None => name.into_owned(),
    }
}

fn start(
    e: &BytesStart,
    decoder: quick_xml::encoding::Decoder,
    at: u64,
) -> Result<Element, XmlError> {
    let mut attributes = Vec::new();
    for a in e.attributes() {
        let a = a.map_err(|err| XmlError {
            at,
            message: err.to_string(),
        })?;
        let key = String::from_utf8_lossy(a.key.as_ref()).into_owned();
        // Namespace declarations say nothing about the form.
        if key == "xmlns" || key.starts_with("xmlns:") {
            continue;
        }
        let value = a
            .decode_and_unescape_value(decoder)
            .map_err(|err| XmlError {
                at,
                message: err.to_string(),
            })?;
        attributes.push((local(key.as_bytes()), value.into_owned()));
    }
    Ok(Element {
        name: local(e.name().as_ref()),
        attributes,
        content: Vec::new(),
    })
}

/// Elements nested deeper than this are refused: the deepest real XForms (groups in repeats in
/// groups) are a few dozen levels; a hostile 100,000-deep one took 11 GB to read.
pub const MAX_DEPTH: usize = 200;

/// The document's root element.
pub fn parse(bytes: &[u8]) -> Result<Element, XmlError> {
    let mut reader = quick_xml::Reader::from_reader(bytes);
    let mut buf = Vec::new();
    let mut stack: Vec<Element> = Vec::new();
    let mut root = None;
    loop {
        let at = reader.buffer_position();
        let bad = |message: String| XmlError { at, message };
        let event = reader
            .read_event_into(&mut buf)
            .map_err(|e| bad(e.to_string()))?;
        let text = |s: &str, stack: &mut Vec<Element>| {
            if let Some(top) = stack.last_mut() {
                match top.content.last_mut() {
                    Some(Node::Text(t)) => t.push_str(s),
                    _ => top.content.push(Node::Text(s.to_string())),
                }
            }
        };
        match event {
            Event::Start(e) => {
                if stack.len() >= MAX_DEPTH {
                    return Err(bad(format!(
                        "elements are nested more than {MAX_DEPTH} deep here: no XForm is; is \
                         the file damaged?"
                    )));
                }
                stack.push(start(&e, reader.decoder(), at)?)
            }
            Event::Empty(e) => {
                let element = start(&e, reader.decoder(), at)?;
                match stack.last_mut() {
                    Some(top) => top.content.push(Node::Element(element)),
                    None => root = Some(element),
                }
            }
            Event::End(_) => {
                let done = stack
                    .pop()
                    .ok_or_else(|| bad("unexpected end tag".into()))?;
                match stack.last_mut() {
                    Some(top) => top.content.push(Node::Element(done)),
                    None => root = Some(done),
                }
            }
            Event::Text(t) => text(&t.decode().map_err(|e| bad(e.to_string()))?, &mut stack),
            Event::CData(t) => text(&String::from_utf8_lossy(&t), &mut stack),
            Event::GeneralRef(r) => {
                let name = r.decode().map_err(|e| bad(e.to_string()))?;
                let resolved = match r.resolve_char_ref().map_err(|e| bad(e.to_string()))? {
                    Some(c) => c.to_string(),
                    None => quick_xml::escape::resolve_predefined_entity(&name)
                        .ok_or_else(|| bad(format!("unknown entity &{name};")))?
                        .to_string(),
                };
                text(&resolved, &mut stack);
            }
            Event::Eof => break,
            _ => {}
        }
        buf.clear();
    }
    if !stack.is_empty() {
        return Err(XmlError {
            at: reader.buffer_position(),
            message: format!("the element <{}> is not closed", stack[0].name),
        });
    }
    root.ok_or_else(|| XmlError {
        at: 0,
        message: "no element at all".into(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn local_names_entities_and_mixed_content() {
        let root = parse(
            br#"<?xml version="1.0"?><h:html xmlns:h="x" xmlns:jr="y"><v jr:count="a &lt; b">A &amp; <output value="/d/q"/> z</v></h:html>"#,
        )
        .unwrap();
        assert_eq!(root.name, "html");
        let v = root.child("v").unwrap();
        assert_eq!(v.attr("count"), Some("a < b"));
        assert_eq!(v.text(), "A &  z");
        assert_eq!(v.child("output").unwrap().attr("value"), Some("/d/q"));
    }

    #[test]
    fn deep_nesting_is_refused_not_followed() {
        let deep = "<a>".repeat(100_000) + &"</a>".repeat(100_000);
        let e = parse(deep.as_bytes()).unwrap_err();
        assert!(e.message.contains("nested more than 200 deep"), "{e:?}");
        let ok = "<a>".repeat(MAX_DEPTH) + &"</a>".repeat(MAX_DEPTH);
        assert!(parse(ok.as_bytes()).is_ok());
    }

    #[test]
    fn unclosed_is_an_error() {
        assert!(parse(b"<a><b></b>").is_err());
        assert!(parse(b"").is_err());
    }
}
