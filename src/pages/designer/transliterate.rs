//! Filling the form's missing Uzbek script (`uz-Latn` from `uz-Cyrl`, or back) in the editor,
//! each new text listed for a person to check.

use leptos::prelude::*;
use xonadon_engine::{FormDefinition, Lang};
use xonadon_translit::Filled;

use super::state::DesignerState;
use crate::i18n::T;

/// What filling the other script made of a text.
#[derive(Debug, PartialEq)]
pub enum Transliterated {
    /// Every text already has both scripts (or neither).
    Nothing,
    /// The new form text, and the texts made, to check.
    Filled { text: String, filled: Vec<Filled> },
}

/// Fills `text`'s missing scripts; the error is why it is not a form definition, in `lang`.
pub fn transliterate(text: &str, lang: Lang) -> Result<Transliterated, String> {
    let mut definition = FormDefinition::from_json(text).map_err(|e| e.message_in(lang))?;
    let filled = xonadon_translit::fill_missing_script(&mut definition);
    if filled.is_empty() {
        return Ok(Transliterated::Nothing);
    }
    Ok(Transliterated::Filled {
        text: definition.to_text(),
        filled,
    })
}

/// The editor's text transliterated: placed in the editor, its new texts added to the list.
pub fn fill_other_script(state: DesignerState) {
    let lang = Lang::from_tag(&state.language());
    match transliterate(&state.text.get_value(), lang) {
        Err(e) => state.show(e),
        Ok(Transliterated::Nothing) => state.say(T::NothingToFill),
        Ok(Transliterated::Filled { text, filled }) => {
            state.to_check.update(|list| list.extend(filled));
            state.replace_text(text);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use wasm_bindgen_test::wasm_bindgen_test;
    use xonadon_translit::form::CYRILLIC;

    #[wasm_bindgen_test]
    fn the_missing_script_is_filled_in_the_text_and_listed() {
        let text = r#"{"settings": {"form_id": "f"},
            "survey": [{"type": "text", "name": "q", "label": {"uz-Cyrl": "Оила"}}]}"#;
        let Ok(Transliterated::Filled { text, filled }) = transliterate(text, Lang::En) else {
            panic!("filled");
        };
        assert_eq!(
            filled,
            [Filled {
                path: "$.survey[0].label.uz-Latn".into(),
                from: CYRILLIC,
                text: "Oila".into(),
            }]
        );
        assert!(text.contains(r#""uz-Latn": "Oila""#), "{text}");
        // Done once, nothing is left to fill.
        assert_eq!(transliterate(&text, Lang::En), Ok(Transliterated::Nothing));
    }

    #[wasm_bindgen_test]
    fn a_text_that_is_not_a_form_says_why() {
        assert!(transliterate("{", Lang::En).is_err());
        // Why, in the designer's language.
        let why = transliterate(r#"{"settings": {"form_id": "f"}}"#, Lang::UzLatn).unwrap_err();
        assert_eq!(why, "$: majburiy `survey` kaliti yoʻq");
    }
}
