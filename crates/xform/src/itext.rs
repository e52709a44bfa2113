//! `itext`: the translations of an XForm (`<translation lang="English (en)">`), each a set of
//! texts by id with a plain form and media forms (`image`, `big-image`, `audio`, `video`).
//! Languages become BCP-47 tags as the XLSForm importer maps language names, so a form keeps
//! the same tags whichever way it comes in.

use std::collections::{BTreeMap, HashMap};

use xonadon_engine::definition::{MediaDef, Text};

use crate::xml::{Element, Node};

/// The forms of one text in one language: `""` (the text itself) or a media form, each the
/// `<value>` element as written (it may hold `<output/>`s).
type Forms = BTreeMap<String, Element>;

#[derive(Debug, Default)]
pub struct Itext {
    /// The tags, in the order of the translations.
    pub languages: Vec<String>,
    /// The translation marked `default="true()"`.
    pub default: Option<String>,
    texts: HashMap<String, BTreeMap<String, Forms>>,
}

/// A text's content with every `<output value="…"/>` written as `rewrite` makes it.
pub fn render(value: &Element, rewrite: &mut dyn FnMut(&str) -> String) -> String {
    let mut out = String::new();
    for node in &value.content {
        match node {
            Node::Text(t) => out.push_str(t),
            Node::Element(e) if e.name == "output" => {
                out.push_str(&rewrite(e.attr("value").unwrap_or_default()))
            }
            Node::Element(e) => out.push_str(&render(e, rewrite)),
        }
    }
    out.trim().to_string()
}

/// `jr://images/roof.png` → `roof.png`: the attachment's file name.
fn media_file(uri: &str) -> String {
    uri.trim()
        .rsplit('/')
        .next()
        .unwrap_or_default()
        .to_string()
}

impl Itext {
    pub fn read(model: &Element) -> Itext {
        let mut itext = Itext::default();
        let Some(block) = model.child("itext") else {
            return itext;
        };
        for translation in block.children().filter(|t| t.name == "translation") {
            let name = translation.attr("lang").unwrap_or("default");
            let tag = xonadon_xlsform::language_tag(name);
            if translation
                .attr("default")
                .is_some_and(|d| d.trim() == "true()")
            {
                itext.default = Some(tag.clone());
            }
            if !itext.languages.contains(&tag) {
                itext.languages.push(tag.clone());
            }
            for text in translation.children().filter(|t| t.name == "text") {
                let Some(id) = text.attr("id") else { continue };
                let forms = itext
                    .texts
                    .entry(id.to_string())
                    .or_default()
                    .entry(tag.clone())
                    .or_default();
                for value in text.children().filter(|v| v.name == "value") {
                    let form = match value.attr("form").unwrap_or_default() {
                        "long" | "short" => "",
                        f => f,
                    };
                    forms
                        .entry(form.to_string())
                        .or_insert_with(|| value.clone());
                }
            }
        }
        itext
    }

    /// Whether texts are one string for every language: a form without translations, or
    /// with only pyxform's `default` one (written for media alone).
    fn plain(&self) -> bool {
        self.languages.len() <= 1 && self.languages.iter().all(|l| l == "default")
    }

    fn text(
        &self,
        id: &str,
        form: &str,
        rewrite: &mut dyn FnMut(&str) -> String,
        file: bool,
    ) -> Option<Text> {
        let by_language = self.texts.get(id)?;
        let mut out = BTreeMap::new();
        for (language, forms) in by_language {
            if let Some(value) = forms.get(form) {
                let s = render(value, rewrite);
                let s = if file { media_file(&s) } else { s };
                if !s.is_empty() {
                    out.insert(language.clone(), s);
                }
            }
        }
        if out.is_empty() {
            return None;
        }
        if self.plain() {
            return out.into_values().next().map(Text::Plain);
        }
        Some(Text::Translated(out))
    }

    /// The text `id` itself (not its media).
    pub fn label(&self, id: &str, rewrite: &mut dyn FnMut(&str) -> String) -> Option<Text> {
        self.text(id, "", rewrite, false)
    }

    /// The media of `id`, if it has any.
    pub fn media(&self, id: &str) -> Option<MediaDef> {
        let mut keep = |s: &str| s.to_string();
        let media = MediaDef {
            image: self.text(id, "image", &mut keep, true),
            big_image: self.text(id, "big-image", &mut keep, true),
            audio: self.text(id, "audio", &mut keep, true),
            video: self.text(id, "video", &mut keep, true),
        };
        (media != MediaDef::default()).then_some(media)
    }
}

/// `jr:itext('ID')` → `ID`.
pub fn itext_id(reference: &str) -> Option<&str> {
    let inner = reference
        .trim()
        .strip_prefix("jr:itext(")?
        .strip_suffix(')')?
        .trim();
    inner
        .strip_prefix('\'')
        .and_then(|s| s.strip_suffix('\''))
        .or_else(|| inner.strip_prefix('"').and_then(|s| s.strip_suffix('"')))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn translations_media_and_outputs() {
        let model = crate::xml::parse(
            r#"<model><itext>
            <translation lang="English (en)"><text id="q:label"><value>Roof of <output value="/d/h"/></value><value form="image">jr://images/roof.png</value></text></translation>
            <translation lang="Русский (ru)" default="true()"><text id="q:label"><value>Крыша</value></text></translation>
            </itext></model>"#
                .as_bytes(),
        )
        .unwrap();
        let itext = Itext::read(&model);
        assert_eq!(itext.languages, ["en", "ru"]);
        assert_eq!(itext.default.as_deref(), Some("ru"));
        let label = itext
            .label("q:label", &mut |p| format!("<{}>", p.trim()))
            .unwrap();
        assert_eq!(
            label,
            Text::Translated(BTreeMap::from([
                ("en".to_string(), "Roof of </d/h>".to_string()),
                ("ru".to_string(), "Крыша".to_string())
            ]))
        );
        let media = itext.media("q:label").unwrap();
        assert_eq!(
            media.image,
            Some(Text::Translated(BTreeMap::from([(
                "en".to_string(),
                "roof.png".to_string()
            )])))
        );
        assert_eq!(itext_id(" jr:itext('/d/q:label') "), Some("/d/q:label"));
        assert_eq!(itext_id("label"), None);
    }
}
