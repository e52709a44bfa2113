//! The form's side of the page: `settings.supervisor` names the questions that are the place
//! (a filter per level, the list's place column, a chart) and the needs (a chart). The engine
//! has checked the names; this reads them. A form without the setting gets none of these, and
//! the page says which forms those are instead of showing empty filters.

use xonadon_engine::definition::SupervisorSettings;
use xonadon_engine::Form;

/// A form's supervisor setting, if it has one.
pub fn of(form: Option<&Form>) -> Option<&SupervisorSettings> {
    form?.settings.supervisor.as_ref()
}

/// The name of the question that is place level `k` in `form`.
pub fn level_name(form: Option<&Form>, k: usize) -> Option<&str> {
    of(form)?.place.get(k).map(String::as_str)
}

/// A place level as the page shows it: its question's name (the filter's id) and label.
#[derive(Debug, Clone, PartialEq)]
pub struct Level {
    pub name: String,
    pub label: String,
}

/// What the forms of the submissions on the device declare, for the page as a whole.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct PageContract {
    /// The place levels: those of the last form (of `forms`' order) that declares a place;
    /// the submissions of other forms fill them by position.
    pub levels: Vec<Level>,
    /// Some form declares its needs question.
    pub needs: bool,
    /// The titles (in the page's language) of the forms that declare no place or no needs,
    /// each once: what the supervisor knows a form by.
    pub undeclared: Vec<String>,
}

impl PageContract {
    /// `forms`: the forms of the submissions, oldest version first; labels in `language`.
    pub fn of<'a>(forms: impl IntoIterator<Item = &'a Form>, language: &str) -> PageContract {
        let mut page = PageContract::default();
        for form in forms {
            let setting = of(Some(form));
            let place = setting.map_or(&[][..], |s| &s.place[..]);
            let needs = setting.is_some_and(|s| s.needs.is_some());
            if !place.is_empty() {
                page.levels = place.iter().map(|n| level(form, n, language)).collect();
            }
            page.needs |= needs;
            let title = form.title(Some(language));
            if (place.is_empty() || !needs) && !page.undeclared.contains(&title) {
                page.undeclared.push(title);
            }
        }
        page
    }
}

/// The level `name` of `form`, labelled in `language` (its name when it has no label).
fn level(form: &Form, name: &str, language: &str) -> Level {
    let label = form
        .find(name)
        .and_then(|e| e.label.as_ref())
        .map(|l| l.get(Some(language), form.default_language()).to_string())
        .unwrap_or_else(|| name.to_string());
    Level {
        name: name.to_string(),
        label,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use wasm_bindgen_test::wasm_bindgen_test;

    fn form(id: &str, supervisor: &str) -> Form {
        let setting = if supervisor.is_empty() {
            String::new()
        } else {
            format!(r#", "supervisor": {supervisor}"#)
        };
        xonadon_engine::load(&format!(
            r#"{{"settings": {{"form_id": "{id}", "title": {{"en": "Form {id}", "ru": "Анкета {id}"}},
                "default_language": "en"{setting}}},
              "survey": [
                {{"type": "select_one r", "name": "region", "label": {{"en": "Region", "ru": "Область"}}}},
                {{"type": "text", "name": "village"}},
                {{"type": "select_multiple r", "name": "needs", "label": "Needs"}}],
              "choices": {{"r": [{{"name": "a", "label": "A"}}]}}}}"#
        ))
        .unwrap()
    }

    #[wasm_bindgen_test]
    fn levels_are_labelled_and_the_undeclared_forms_named() {
        let full = form("a", r#"{"place": ["region", "village"], "needs": "needs"}"#);
        let bare = form("b", "");
        let no_needs = form("c", r#"{"place": ["region"]}"#);
        let page = PageContract::of([&full, &bare], "ru");
        let level = |n: &str, l: &str| Level {
            name: n.into(),
            label: l.into(),
        };
        assert_eq!(
            page,
            PageContract {
                levels: vec![level("region", "Область"), level("village", "village")],
                needs: true,
                undeclared: vec!["Анкета b".into()],
            }
        );
        let page = PageContract::of([&full, &no_needs, &bare, &bare], "en");
        assert_eq!(page.levels, [level("region", "Region")], "the last form's");
        assert_eq!(page.undeclared, ["Form c", "Form b"], "by title");
        assert_eq!(PageContract::of([&bare], "en").levels, []);
        assert!(!PageContract::of([&no_needs], "en").needs);
        assert_eq!(level_name(Some(&full), 1), Some("village"));
        assert_eq!(level_name(Some(&bare), 0), None);
    }
}
