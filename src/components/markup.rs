//! A small writer of static HTML, for the parts of a page that are built once per question.
//!
//! Why not Leptos's `view!` there: a page can hold hundreds of questions (a roster of fifty;
//! the benchmark's 2,000), and building each element, attribute and text node through the DOM
//! API costs a Wasm→JS call and a string conversion apiece — most of the time it takes to
//! show such a page. A question's markup as one string is parsed by the browser in one go.
//!
//! Every text and attribute value goes through `escape`, so a form's texts are always shown as
//! text: a label `<b>x</b>` reads literally "<b>x</b>". Tag and attribute names come only from
//! this crate's code.

/// HTML text under construction.
#[derive(Debug, Default)]
pub struct Markup(String);

/// An attribute: name and value; `None` leaves it out (a boolean attribute that is false).
pub type Attr<'a> = (&'static str, Option<&'a str>);

impl Markup {
    pub fn new() -> Markup {
        Markup(String::with_capacity(256))
    }

    /// `<tag a="v" ...>` (all a void element such as `<input>` needs); boolean attributes
    /// have an empty value.
    pub fn open(&mut self, tag: &'static str, attrs: &[Attr]) -> &mut Self {
        self.0.push('<');
        self.0.push_str(tag);
        for (name, value) in attrs {
            let Some(value) = value else { continue };
            self.0.push(' ');
            self.0.push_str(name);
            if !value.is_empty() {
                self.0.push_str("=\"");
                escape(&mut self.0, value);
                self.0.push('"');
            }
        }
        self.0.push('>');
        self
    }

    pub fn close(&mut self, tag: &'static str) -> &mut Self {
        self.0.push_str("</");
        self.0.push_str(tag);
        self.0.push('>');
        self
    }

    /// Text content, escaped.
    pub fn text(&mut self, text: &str) -> &mut Self {
        escape(&mut self.0, text);
        self
    }

    /// `<tag attrs>text</tag>`.
    pub fn element(&mut self, tag: &'static str, attrs: &[Attr], text: &str) -> &mut Self {
        self.open(tag, attrs).text(text).close(tag)
    }

    pub fn finish(self) -> String {
        self.0
    }
}

/// Appends `s` with the five characters that are markup in text or attribute values replaced.
fn escape(out: &mut String, s: &str) {
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
}

/// `Some("")` (present) when `on`: for boolean attributes such as `hidden` or `checked`.
pub fn flag(on: bool) -> Option<&'static str> {
    on.then_some("")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[wasm_bindgen_test::wasm_bindgen_test]
    fn texts_and_values_are_escaped() {
        let mut m = Markup::new();
        m.open(
            "label",
            &[("for", Some("q1")), ("title", Some(r#"a "b" & 'c'"#))],
        )
        .text("<b>Ism</b> & familiya")
        .close("label");
        assert_eq!(
            m.finish(),
            r#"<label for="q1" title="a &quot;b&quot; &amp; &#39;c&#39;">&lt;b&gt;Ism&lt;/b&gt; &amp; familiya</label>"#
        );
    }

    #[wasm_bindgen_test::wasm_bindgen_test]
    fn boolean_and_absent_attributes() {
        let mut m = Markup::new();
        m.open(
            "input",
            &[
                ("checked", flag(true)),
                ("disabled", flag(false)),
                ("value", Some("ҳа")),
            ],
        );
        assert_eq!(m.finish(), r#"<input checked value="ҳа">"#);
    }
}
