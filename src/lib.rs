//! Xonadon's web app (Leptos, client-side rendered). Presentation only: the form logic is in
//! `xonadon-engine`; this crate shows it and talks to the browser.

mod host;

use std::sync::Arc;

use leptos::prelude::*;
use xonadon_engine::{load, Form, Instance, Kind};

/// The household needs-assessment form, embedded so the app works offline from first start.
pub const DEFAULT_FORM: &str = include_str!("../forms/household.json");

/// Loads the embedded default form. It is checked by `xonadon check` in the test command, so
/// a failure here means a broken build, reported on screen rather than as a blank page.
pub fn default_form() -> Result<Arc<Form>, String> {
    load(DEFAULT_FORM).map(Arc::new).map_err(|e| e.to_string())
}

#[component]
pub fn App() -> impl IntoView {
    match default_form() {
        Ok(form) => view! { <FormOverview form=form/> }.into_any(),
        Err(message) => view! {
            <main class="error">
                <h1>"Xonadon"</h1>
                <p role="alert">{message}</p>
            </main>
        }
        .into_any(),
    }
}

/// The form's title and sections: a first screen until the filling UI arrives.
#[component]
fn FormOverview(form: Arc<Form>) -> impl IntoView {
    let instance = Instance::new(Arc::clone(&form), Arc::new(host::BrowserHost));
    let language = form.default_language().map(str::to_string);
    let lang = language.as_deref();
    let title = form
        .definition
        .settings
        .title
        .as_ref()
        .map(|t| t.get(lang, lang).to_string())
        .unwrap_or_else(|| form.definition.settings.form_id.clone());
    let sections: Vec<String> = form.elements[0]
        .children
        .iter()
        .map(|&id| form.element(id))
        .filter(|e| matches!(e.kind, Kind::Group | Kind::Repeat) && e.name != "meta")
        .map(|e| {
            e.label
                .as_ref()
                .map_or(e.name.clone(), |l| l.get(lang, lang).to_string())
        })
        .collect();
    let questions = form
        .elements
        .iter()
        .filter(|e| e.question_type().is_some_and(|q| q.is_input()))
        .count();
    let open = instance.violations().len();
    view! {
        <main>
            <h1>{title}</h1>
            <p>{format!("{questions} questions · {open} required answers open")}</p>
            <ol class="sections">
                {sections.into_iter().map(|s| view! { <li>{s}</li> }).collect_view()}
            </ol>
        </main>
    }
}
