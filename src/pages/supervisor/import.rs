//! Importing bundles from the tablets, a file at a time (one IndexedDB transaction each): what
//! a file would do is planned by plain functions ([`read`], [`plan`]) and said in one line
//! ([`report_line`]); [`import_files`] only reads the files and the device around them.

use leptos::prelude::*;
use leptos::task::spawn_local;
use std::collections::HashMap;
use xonadon_export::bundle::{self, Bundle};
use xonadon_export::keys::{SupervisorIdentity, Supervisors};
use xonadon_export::merge::{self, ImportReport, MergePlan};
use xonadon_storage::{FormRecord, Submission};

use super::state::SupervisorState;
use crate::components::file_drop::FileDrop;
use crate::i18n::{export_message, storage_message, t, T};
use crate::settings::{ui_language, Settings};
use crate::store::Store;

/// The bundle in the file `name`, plain or encrypted for one of `identities`, or the line
/// saying why it was refused (a damaged or tampered file is refused whole).
pub fn read(
    name: &str,
    bytes: &[u8],
    identities: &[SupervisorIdentity],
    language: &str,
) -> Result<Bundle, String> {
    bundle::read_with(name, bytes, identities).map_err(|e| export_message(language, &e))
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
/// ids) and `forms`, taking the reviews of `known` supervisors, or the line saying why it
/// cannot be imported.
pub fn plan(
    name: &str,
    bundle: &Bundle,
    held: &HashMap<String, Submission>,
    forms: &[FormRecord],
    known: &Supervisors,
    language: &str,
) -> Result<MergePlan, String> {
    merge::plan(
        bundle,
        |id| held.get(id).cloned(),
        |id, v| forms.iter().any(|f| f.form_id == id && f.version == v),
        super::keys::trust(known),
    )
    .map_err(|e| format!("{name}: {}", export_message(language, &e)))
}

/// The line that says what importing the file `name` did.
pub fn report_line(name: &str, r: &ImportReport, language: &str) -> String {
    let line = format!(
        "{name}: {} {}, {} {}, {} {}, {} {}",
        r.added,
        t(language, T::Added),
        r.duplicates,
        t(language, T::SkippedIdentical),
        r.review_updates,
        t(language, T::NewerReviews),
        r.conflicts,
        t(language, T::ConflictsFound),
    );
    match r.refused_reviews {
        0 => line,
        n => format!("{line}, {n} {}", t(language, T::ReviewsRefused)),
    }
}

/// What an import reads with: the open key, and whose reviews it takes.
pub struct Keyring {
    pub identities: Vec<SupervisorIdentity>,
    pub known: Supervisors,
}

/// Imports one file: the line that says what happened (or why nothing did).
async fn import_file(
    store: Store,
    file: web_sys::File,
    keyring: &Keyring,
    language: &str,
) -> String {
    let name = file.name();
    let bytes = match crate::components::file_drop::bytes_of(&file).await {
        Ok(bytes) => bytes,
        Err(line) => return line,
    };
    let on_device = |e| format!("{name}: {}", storage_message(language, &e));
    let result = async {
        let bundle = read(&name, &bytes, &keyring.identities, language)?;
        // What the device holds now of the bundle's submissions (earlier files included).
        let held = store
            .held(&instance_ids(&bundle))
            .await
            .map_err(on_device)?;
        let forms = store.forms().await;
        let plan = plan(&name, &bundle, &held, &forms, &keyring.known, language)?;
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
pub async fn import_files(
    store: Store,
    files: Vec<web_sys::File>,
    keyring: Keyring,
    language: &str,
) -> Vec<String> {
    let mut report = Vec::new();
    for file in files {
        report.push(import_file(store, file, &keyring, language).await);
    }
    report
}

/// The import section: a drop zone and a file picker for bundles.
#[component]
pub fn ImportSection() -> impl IntoView {
    let state = expect_context::<SupervisorState>();
    let keys = expect_context::<super::keys::Keys>();
    let settings = expect_context::<Settings>();
    let import = move |files: Vec<web_sys::File>| {
        if files.is_empty() {
            return;
        }
        let keyring = Keyring {
            identities: keys.identity.get_untracked().into_iter().collect(),
            known: keys.known(),
        };
        // Read here: inside the task the page's context is not at hand.
        let language = settings.language.get_untracked();
        state.busy.set(true);
        state.report.set(Vec::new());
        spawn_local(async move {
            let lines = import_files(state.store, files, keyring, &language).await;
            state.report.set(lines);
            state.busy.set(false);
        });
    };
    view! {
        <section class="import">
            <h2>{move || t(&ui_language(), T::ImportBundles)}</h2>
            <FileDrop id="import-files" accept=".json,.age,application/json" multiple=true
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
        let bundle = read("t1.json", text.as_bytes(), &[], "en").unwrap();
        assert_eq!(instance_ids(&bundle), ["u1", "u2", "u3"]);
        let held = HashMap::from([
            ("u1".to_string(), submission("u1", "x")),
            ("u2".to_string(), submission("u2", "changed")),
        ]);
        let none = Supervisors::default();
        let plan = plan("t1.json", &bundle, &held, &[form()], &none, "en").unwrap();
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
        let refused = read("t1.json", text.as_bytes(), &[], "en").unwrap_err();
        assert!(refused.contains("t1.json"), "{refused}");
    }

    #[wasm_bindgen_test]
    fn an_encrypted_file_opens_with_the_open_key_only() {
        let dilnoza = SupervisorIdentity::generate("Dilnoza");
        let text = file(&[submission("u1", "x")]);
        let sealed = xonadon_export::seal::seal(text.as_bytes(), &dilnoza.public()).unwrap();
        let bundle = read("t1.age", &sealed, std::slice::from_ref(&dilnoza), "en").unwrap();
        assert_eq!(instance_ids(&bundle), ["u1"]);
        let locked = read("t1.age", &sealed, &[], "ru").unwrap_err();
        assert!(locked.starts_with("t1.age: пакет зашифрован"), "{locked}");
    }

    #[wasm_bindgen_test]
    fn an_unsigned_review_is_refused_where_supervisors_are_known() {
        let dilnoza = SupervisorIdentity::generate("Dilnoza");
        let mut reviewed = submission("u1", "x");
        reviewed.review.status = xonadon_storage::ReviewStatus::Approved;
        let bundle = read("t1.json", file(&[reviewed]).as_bytes(), &[], "en").unwrap();
        let known = Supervisors(vec![dilnoza.public()]);
        let strict = plan("t1.json", &bundle, &HashMap::new(), &[form()], &known, "en").unwrap();
        let line = report_line("t1.json", &ImportReport::from(&strict), "en");
        assert!(
            line.ends_with(&format!(", 1 {}", t("en", T::ReviewsRefused))),
            "{line}"
        );
        assert_eq!(strict.new[0].submission.review, Default::default());
        // A device that knows no supervisor takes it as before.
        let none = Supervisors::default();
        let legacy = plan("t1.json", &bundle, &HashMap::new(), &[form()], &none, "en").unwrap();
        assert_eq!(
            legacy.new[0].submission.review.status,
            xonadon_storage::ReviewStatus::Approved
        );
    }
}
