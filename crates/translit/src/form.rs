//! A form's missing Uzbek script, filled from the other one: every text that has `uz-Cyrl`
//! but no `uz-Latn` gains a Latin one ([`to_latin`]), and the reverse ([`to_cyrillic`], best
//! effort). The filled texts are listed so a person can check them: the designer marks them
//! until confirmed, the CLI prints them.

use xonadon_engine::definition::{ElementDef, FormDefinition, Text};

use crate::{to_cyrillic, to_latin};

pub const LATIN: &str = "uz-Latn";
pub const CYRILLIC: &str = "uz-Cyrl";

/// One text written by transliteration.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Filled {
    /// JSON path of the new text, e.g. `$.survey[2].label.uz-Latn`.
    pub path: String,
    /// The language it was made from (`uz-Cyrl` or `uz-Latn`).
    pub from: &'static str,
    pub text: String,
}

/// Fills every missing (absent or empty) `uz-Latn` / `uz-Cyrl` text of `form` from the other.
pub fn fill_missing_script(form: &mut FormDefinition) -> Vec<Filled> {
    let mut filled = Vec::new();
    if let Some(title) = &mut form.settings.title {
        fill(title, "$.settings.title", &mut filled);
    }
    for (i, e) in form.survey.iter_mut().enumerate() {
        element(e, &format!("$.survey[{i}]"), &mut filled);
    }
    for (list, choices) in &mut form.choices {
        for (i, c) in choices.iter_mut().enumerate() {
            if let Some(label) = &mut c.label {
                fill(label, &format!("$.choices.{list}[{i}].label"), &mut filled);
            }
        }
    }
    filled
}

fn element(e: &mut ElementDef, path: &str, filled: &mut Vec<Filled>) {
    for (key, text) in [
        ("label", &mut e.label),
        ("hint", &mut e.hint),
        ("required_message", &mut e.required_message),
        ("constraint_message", &mut e.constraint_message),
    ] {
        if let Some(text) = text {
            fill(text, &format!("{path}.{key}"), filled);
        }
    }
    for (i, child) in e.children.iter_mut().flatten().enumerate() {
        element(child, &format!("{path}.children[{i}]"), filled);
    }
}

fn fill(text: &mut Text, path: &str, filled: &mut Vec<Filled>) {
    let Text::Translated(map) = text else { return };
    let has = |map: &std::collections::BTreeMap<String, String>, tag: &str| {
        map.get(tag).is_some_and(|t| !t.trim().is_empty())
    };
    let (from, to, convert): (&'static str, &str, fn(&str) -> String) =
        match (has(map, CYRILLIC), has(map, LATIN)) {
            (true, false) => (CYRILLIC, LATIN, to_latin),
            (false, true) => (LATIN, CYRILLIC, to_cyrillic),
            _ => return,
        };
    let made = convert(&map[from]);
    map.insert(to.to_string(), made.clone());
    filled.push(Filled {
        path: format!("{path}.{to}"),
        from,
        text: made,
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fills_either_script_and_lists_what_it_wrote() {
        let mut form = FormDefinition::from_json(
            r#"{
              "settings": {"form_id": "f", "title": {"uz-Cyrl": "Хонадон"}},
              "survey": [
                {"type": "group", "name": "g", "label": {"uz-Latn": "Oila", "uz-Cyrl": "Оила"},
                 "children": [
                   {"type": "text", "name": "q", "label": {"uz-Cyrl": "Шаҳар ${g}", "ru": "Город"},
                    "hint": {"uz-Latn": "Qishloq", "uz-Cyrl": ""}, "constraint_message": "plain"}
                 ]}
              ],
              "choices": {"yn": [{"name": "y", "label": {"uz-Latn": "Ha"}}]}
            }"#,
        )
        .unwrap();
        let filled = fill_missing_script(&mut form);
        let got: Vec<(&str, &str, &str)> = filled
            .iter()
            .map(|f| (f.path.as_str(), f.from, f.text.as_str()))
            .collect();
        assert_eq!(
            got,
            [
                ("$.settings.title.uz-Latn", CYRILLIC, "Xonadon"),
                (
                    "$.survey[0].children[0].label.uz-Latn",
                    CYRILLIC,
                    "Shahar ${g}"
                ),
                ("$.survey[0].children[0].hint.uz-Cyrl", LATIN, "Қишлоқ"),
                ("$.choices.yn[0].label.uz-Cyrl", LATIN, "Ҳа"),
            ]
        );
        let q = &form.survey[0].children.as_ref().unwrap()[0];
        assert_eq!(
            q.label.as_ref().unwrap().get(Some(LATIN), None),
            "Shahar ${g}"
        );
        assert_eq!(q.constraint_message, Some(Text::Plain("plain".into())));
        // A second run has nothing left to do.
        assert!(fill_missing_script(&mut form).is_empty());
    }
}
