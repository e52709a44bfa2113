//! Importing bundles from the tablets, a file at a time (one IndexedDB transaction each): what
//! a file would do is planned by plain functions ([`read`], [`plan`]) and said in one line
//! ([`report_line`]); [`import_files`] only reads the files and the device around them.

use leptos::prelude::*;
use leptos::task::spawn_local;
use std::collections::HashMap;
use wasm_bindgen_futures::JsFuture;
use xonadon_export::bundle::{self, Bundle};
use xonadon_export::merge::{self, ImportReport, MergePlan};
use xonadon_storage::{FormRecord, Submission};

use super::state::SupervisorState;
use crate::components::file_drop::FileDrop;
use crate::i18n::{export_message, storage_message, t, T};
use crate::settings::ui_language;
use crate::store::Store;

/// The bundle in the file `name`, or the line saying why it was refused (a damaged or
/// tampered file is refused whole).
pub fn read(name: &str, text: &str, language: &str) -> Result<Bundle, String> {
    bundle::read(name, text.as_bytes()).map_err(|e| export_message(language, &e))
}

/// The instance ids of a bundle's submissions: what to look up on the device before planning.
pub fn instance_ids(bundle: &Bundle) -> Vec<String> {
    bundle
        .submissions
        .iter()
        .map(|s| s.submission.instance_id.clone())
        .collect()
}

/// What the file `name` would do to a device holding `held` submissions (of the bundle's
/// ids) and `forms`, or the line saying why it cannot be imported.
pub fn plan(
    name: &str,
    bundle: &Bundle,
    held: &HashMap<String, Submission>,
    forms: &[FormRecord],
    language: &str,
) -> Result<MergePlan, String> {
    merge::plan(
        bundle,
        |id| held.get(id).cloned(),
        |id, v| forms.iter().any(|f| f.form_id == id && f.version == v),
        // This page has no supervisor keys yet, so it cannot check signed reviews: reviews are
        // taken as before they were signed (issue 13, left: the page's key pair).
        merge::Trust::Unchecked,
    )
    .map_err(|e| format!("{name}: {}", export_message(language, &e)))
}

/// The line that says what importing the file `name` did.
pub fn report_line(name: &str, r: &ImportReport, language: &str) -> String {
    format!(
        "{name}: {} {}, {} {}, {} {}, {} {}",
        r.added,
        t(language, T::Added),
        r.duplicates,
        t(language, T::SkippedIdentical),
        r.review_updates,
        t(language, T::NewerReviews),
        r.conflicts,
        t(language, T::ConflictsFound),
    )
}

/// Imports one file: the line that says what happened (or why nothing did).
async fn import_file(store: Store, file: web_sys::File, language: &str) -> String {
    let name = file.name();
    let text = match JsFuture::from(file.text()).await {
        Ok(t) => t.as_string().unwrap_or_default(),
        Err(e) => return format!("{name}: {e:?}"),
    };
    let on_device = |e| format!("{name}: {}", storage_message(language, &e));
    let result = async {
        let bundle = read(&name, &text, language)?;
        // What the device holds now of the bundle's submissions (earlier files included).
        let held = store
            .held(&instance_ids(&bundle))
            .await
            .map_err(on_device)?;
        let plan = plan(&name, &bundle, &held, &store.forms().await, language)?;
        let now = js_sys::Date::now();
        store
            .import(&plan.to_import(&name, now))
            .await
            .map_err(on_device)?;
        Ok::<_, String>(report_line(&name, &ImportReport::from(&plan), language))
    };
    result.await.unwrap_or_else(|line| line)
}

/// Imports each file in turn; a line per file.
pub async fn import_files(store: Store, files: Vec<web_sys::File>, language: &str) -> Vec<String> {
    let mut report = Vec::new();
    for file in files {
        report.push(import_file(store, file, language).await);
    }
    report
}

/// The import section: a drop zone and a file picker for bundles.
#[component]
pub fn ImportSection() -> impl IntoView {
    let state = expect_context::<SupervisorState>();
    let import = move |files: Vec<web_sys::File>| {
        if files.is_empty() {
            return;
        }
        state.busy.set(true);
        state.report.set(Vec::new());
        spawn_local(async move {
            let lines = import_files(state.store, files, &ui_language()).await;
            state.report.set(lines);
            state.busy.set(false);
        });
    };
    view! {
        <section class="import">
            <h2>{move || t(&ui_language(), T::ImportBundles)}</h2>
            <FileDrop id="import-files" accept=".json,application/json" multiple=true
                hint=Signal::derive(move || t(&ui_language(), T::ImportHint).to_string())
                choose=Signal::derive(move || t(&ui_language(), T::ChooseFiles).to_string())
                on_files=import />
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;
    use wasm_bindgen_test::wasm_bindgen_test;
    use xonadon_export::bundle::{BundleForm, BundleSubmission};

    fn form() -> FormRecord {
        FormRecord {
            form_id: "f".into(),
            version: "1".into(),
            title: "F".into(),
            json: r#"{"settings": {"form_id": "f", "version": "1"},
                "survey": [{"type": "text", "name": "a", "label": "A"}]}"#
                .into(),
            added_at_ms: 0.0,
        }
    }

    fn submission(id: &str, a: &str) -> Submission {
        Submission {
            instance_id: id.into(),
            form_id: "f".into(),
            form_version: "1".into(),
            data: json!({"a": a, "meta": {"instanceID": id}}),
            started_at_ms: 1.0,
            finalized_at_ms: 2.0,
            enumerator: "Malika".into(),
            device_id: "tablet".into(),
            title: None,
            review: Default::default(),
            exports: Vec::new(),
        }
    }

    /// A bundle file's text holding `subs` and the form.
    fn file(subs: &[Submission]) -> String {
        let forms = [BundleForm::from_record(&form()).unwrap()];
        let subs: Vec<_> = subs
            .iter()
            .map(|s| BundleSubmission::new(s, Vec::new()))
            .collect();
        String::from_utf8(bundle::write(&forms, &subs, "t1.json", 1.0).unwrap()).unwrap()
    }

    #[wasm_bindgen_test]
    fn a_file_is_planned_against_what_the_device_holds() {
        let text = file(&[
            submission("u1", "x"),
            submission("u2", "y"),
            submission("u3", "z"),
        ]);
        let bundle = read("t1.json", &text, "en").unwrap();
        assert_eq!(instance_ids(&bundle), ["u1", "u2", "u3"]);
        let held = HashMap::from([
            ("u1".to_string(), submission("u1", "x")),
            ("u2".to_string(), submission("u2", "changed")),
        ]);
        let plan = plan("t1.json", &bundle, &held, &[form()], "en").unwrap();
        assert_eq!(
            report_line("t1.json", &ImportReport::from(&plan), "en"),
            format!(
                "t1.json: 1 {}, 1 {}, 0 {}, 1 {}",
                t("en", T::Added),
                t("en", T::SkippedIdentical),
                t("en", T::NewerReviews),
                t("en", T::ConflictsFound)
            )
        );
        assert!(plan.new_forms.is_empty(), "the form is held already");
    }

    #[wasm_bindgen_test]
    fn a_damaged_file_is_refused_whole_in_words() {
        let text = file(&[submission("u1", "x")]).replace("\"x\"", "\"tampered\"");
        let refused = read("t1.json", &text, "en").unwrap_err();
        assert!(refused.contains("t1.json"), "{refused}");
    }
}
