//! A form's missing Uzbek script, filled from the other one: every text that has `uz-Cyrl`
//! but no `uz-Latn` gains a Latin one ([`to_latin`]), and the reverse ([`to_cyrillic`], best
//! effort). The filled texts are listed so a person can check them: the designer marks them
//! until confirmed, the CLI prints them.
//!
//! The title is often one plain string (an XLSForm's `form_title` has no language columns):
//! in an Uzbek form it is taken as written in its script's language and given the other
//! script too ([`plain_title`]).

use std::collections::{BTreeMap, BTreeSet};

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
    if let Some(Text::Plain(title)) = &form.settings.title {
        let mut languages = text_languages(form);
        languages.extend(form.settings.default_language.clone());
        if let Some((map, made)) = plain_title(title, &languages) {
            form.settings.title = Some(Text::Translated(map));
            // The title first, as a translated one is.
            filled.insert(0, made);
        }
    }
    filled
}

/// A plain title `title` as a translated one, in a form whose texts are in `languages`: under
/// the Uzbek script its letters are written in, the other script made from it, and every other
/// language of the form keeping the title as it was. `None` when the form has no text in that
/// script (an English or Russian form's title stays as it is), or it has no letters.
pub fn plain_title(
    title: &str,
    languages: &BTreeSet<String>,
) -> Option<(BTreeMap<String, String>, Filled)> {
    let cyrillic = title.chars().any(|c| ('\u{400}'..='\u{4ff}').contains(&c));
    let latin = title.chars().any(|c| c.is_ascii_alphabetic());
    let (from, to, convert): (&'static str, &str, fn(&str) -> String) = match (cyrillic, latin) {
        (true, _) => (CYRILLIC, LATIN, to_latin),
        (false, true) => (LATIN, CYRILLIC, to_cyrillic),
        (false, false) => return None,
    };
    if !languages.contains(from) {
        return None;
    }
    let mut map: BTreeMap<String, String> = languages
        .iter()
        .filter(|l| l.as_str() != to)
        .map(|l| (l.clone(), title.to_string()))
        .collect();
    let made = convert(title);
    map.insert(to.to_string(), made.clone());
    Some((
        map,
        Filled {
            path: format!("$.settings.title.{to}"),
            from,
            text: made,
        },
    ))
}

/// The languages of the form's translated texts (labels, hints, messages, choices).
fn text_languages(form: &FormDefinition) -> BTreeSet<String> {
    fn note(text: &Option<Text>, languages: &mut BTreeSet<String>) {
        if let Some(Text::Translated(map)) = text {
            languages.extend(map.keys().cloned());
        }
    }
    fn walk(elements: &[ElementDef], languages: &mut BTreeSet<String>) {
        for e in elements {
            for text in [
                &e.label,
                &e.hint,
                &e.required_message,
                &e.constraint_message,
            ] {
                note(text, languages);
            }
            walk(e.children.as_deref().unwrap_or(&[]), languages);
        }
    }
    let mut languages = BTreeSet::new();
    walk(&form.survey, &mut languages);
    for c in form.choices.values().flatten() {
        note(&c.label, &mut languages);
    }
    languages
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

    #[test]
    fn a_plain_title_gains_the_other_script_and_keeps_its_other_languages() {
        let mut form = FormDefinition::from_json(
            r#"{
              "settings": {"form_id": "f", "title": "Оила рўйхати", "default_language": "uz-Cyrl"},
              "survey": [{"type": "text", "name": "q", "label": {"uz-Cyrl": "Исм", "ru": "Имя"}}]
            }"#,
        )
        .unwrap();
        let filled = fill_missing_script(&mut form);
        assert_eq!(
            filled[0],
            Filled {
                path: "$.settings.title.uz-Latn".into(),
                from: CYRILLIC,
                text: "Oila roʻyxati".into(),
            }
        );
        assert_eq!(filled.len(), 2, "{filled:?}");
        let title = form.settings.title.as_ref().unwrap();
        assert_eq!(title.get(Some(LATIN), None), "Oila roʻyxati");
        assert_eq!(title.get(Some(CYRILLIC), None), "Оила рўйхати");
        assert_eq!(title.get(Some("ru"), None), "Оила рўйхати", "as it was");
        assert!(fill_missing_script(&mut form).is_empty());
    }

    #[test]
    fn a_plain_title_is_left_alone_outside_its_script() {
        let latin: BTreeSet<String> = [LATIN.to_string(), "en".into()].into();
        // A Cyrillic title in a form with no Cyrillic texts (Russian, say).
        assert_eq!(plain_title("Опрос", &latin), None);
        assert_eq!(plain_title("2026", &latin), None);
        let (map, made) = plain_title("Oila", &latin).expect("an Uzbek Latin form");
        assert_eq!(made.text, "Оила");
        assert_eq!(
            map,
            BTreeMap::from([
                ("en".to_string(), "Oila".to_string()),
                (CYRILLIC.to_string(), "Оила".to_string()),
                (LATIN.to_string(), "Oila".to_string()),
            ])
        );
        assert_eq!(
            plain_title("Oila", &BTreeSet::from(["en".to_string()])),
            None
        );
    }
}
