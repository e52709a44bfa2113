//! What the designer keeps in localStorage between visits: the text being edited, and the
//! transliterated texts a person has not confirmed yet. A full localStorage only loses this
//! convenience, never the form (saved versions are in IndexedDB).

use gloo_storage::{LocalStorage, Storage};
use xonadon_translit::form::{CYRILLIC, LATIN};
use xonadon_translit::Filled;

/// Where the text being edited is kept between visits.
const TEXT_KEY: &str = "xonadon.designer.text";
/// Where the transliterated texts not yet confirmed are kept: `[path, from, text]`.
const TO_CHECK_KEY: &str = "xonadon.designer.to-check";

/// The text of the last visit, or the built-in form on a first one.
pub fn text() -> String {
    LocalStorage::get(TEXT_KEY).unwrap_or_else(|_| crate::DEFAULT_FORM.to_string())
}

pub fn keep_text(text: &str) {
    let _ = LocalStorage::set(TEXT_KEY, text);
}

pub fn to_check() -> Vec<Filled> {
    let stored: Vec<(String, String, String)> = LocalStorage::get(TO_CHECK_KEY).unwrap_or_default();
    from_stored(stored)
}

pub fn keep_to_check(list: &[Filled]) {
    let _ = LocalStorage::set(TO_CHECK_KEY, to_stored(list));
}

/// `Filled::from` is a `&'static str`: a stored one is read back as one of the two scripts.
fn from_stored(stored: Vec<(String, String, String)>) -> Vec<Filled> {
    stored
        .into_iter()
        .map(|(path, from, text)| Filled {
            path,
            from: if from == LATIN { LATIN } else { CYRILLIC },
            text,
        })
        .collect()
}

fn to_stored(list: &[Filled]) -> Vec<(&str, &str, &str)> {
    list.iter()
        .map(|f| (f.path.as_str(), f.from, f.text.as_str()))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use wasm_bindgen_test::wasm_bindgen_test;

    #[wasm_bindgen_test]
    fn the_list_to_check_reads_back_as_it_was_kept() {
        let list = vec![
            Filled {
                path: "$.survey[0].label.uz-Latn".into(),
                from: CYRILLIC,
                text: "Oila".into(),
            },
            Filled {
                path: "$.survey[1].label.uz-Cyrl".into(),
                from: LATIN,
                text: "Шаҳар".into(),
            },
        ];
        let json = serde_json::to_string(&to_stored(&list)).unwrap();
        let back = from_stored(serde_json::from_str(&json).unwrap());
        assert_eq!(back, list);
    }
}
