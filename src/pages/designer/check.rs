//! What the engine makes of the designer's text: its problems, placed in the text, and the
//! form when it loads (the preview shows the last form that loaded).

use std::sync::Arc;

use xonadon_engine::{load, Form};

use super::problems::{self, Problem};

pub struct Checked {
    pub problems: Vec<Problem>,
    /// `Some` when the form loads.
    pub form: Option<Arc<Form>>,
}

pub fn check(text: &str) -> Checked {
    match load(text) {
        Ok(form) => Checked {
            problems: problems::of_diagnostics(text, &form.warnings),
            form: Some(Arc::new(form)),
        },
        Err(e) => Checked {
            problems: problems::of_diagnostics(text, &e.diagnostics),
            form: None,
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use wasm_bindgen_test::wasm_bindgen_test;
    use xonadon_engine::Severity;

    #[wasm_bindgen_test]
    fn a_form_that_loads_comes_with_its_warnings_and_one_that_does_not_without_a_form() {
        let loads = check(crate::DEFAULT_FORM);
        assert!(loads.form.is_some());
        assert!(loads
            .problems
            .iter()
            .all(|p| p.severity == Severity::Warning));

        let broken =
            check(r#"{"settings": {"form_id": "f"}, "survey": [{"type": "nope", "name": "a"}]}"#);
        assert!(broken.form.is_none());
        assert!(
            broken
                .problems
                .iter()
                .any(|p| p.severity == Severity::Error),
            "{:?}",
            broken.problems
        );
    }
}
