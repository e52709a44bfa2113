//! Receiving on the home screen, without the supervisor's page: a form file (the JSON the
//! designer downloads) adds its form to the forms a worker can start; a bundle from the
//! supervisor brings the reviews of this tablet's own finalized forms (a form returned with
//! issues shows so) and the forms it carries. Another tablet's submissions in a bundle are
//! left out: a field tablet holds its own work only. What a file does is decided by the plain
//! functions here; the supervisor's import reads and plans the bundle (`supervisor::import`).

use std::collections::{BTreeMap, HashMap};

use leptos::prelude::*;
use leptos::task::spawn_local;
use xonadon_export::bundle::Bundle;
use xonadon_export::merge::MergePlan;
use xonadon_storage::{FormRecord, Submission};

use super::words::{filled, w, W};
use crate::components::file_drop::FileDrop;
use crate::i18n::storage_message;
use crate::pages::supervisor::import;
use crate::pages::supervisor::keys;
use crate::settings::{ui_language, Settings};
use crate::store::Store;

/// What a received file is, from its first bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileKind {
    /// A bundle, plain (`{"format":"xonadon-bundle",…`) or encrypted (age).
    Bundle,
    /// Anything else is read as a form definition (the engine says what is wrong with it).
    Form,
}

/// Tells a bundle from a form by its first bytes (a bundle names its format first; an age
/// file starts with its header), so a large bundle is not parsed twice.
pub fn kind_of(bytes: &[u8]) -> FileKind {
    let head = String::from_utf8_lossy(&bytes[..bytes.len().min(200)]);
    let head = head.trim_start();
    if head.starts_with("age-encryption.org/")
        || head.contains(&format!("\"{}\"", xonadon_export::bundle::FORMAT))
    {
        FileKind::Bundle
    } else {
        FileKind::Form
    }
}

/// The form file `text` as the device stores it, or the line saying why it cannot be used (the
/// engine's first error: the file is refused whole, as the designer would be told).
pub fn form_record(name: &str, text: &str, now_ms: f64) -> Result<FormRecord, String> {
    let form = xonadon_engine::load(text).map_err(|e| format!("{name}: {e}"))?;
    Ok(FormRecord {
        form_id: form.settings.form_id.clone(),
        version: form.settings.version.clone(),
        title: form.title(None),
        json: text.to_string(),
        added_at_ms: now_ms,
    })
}

/// Whether version `a` is newer than `b`: as numbers when both are (pyxform's
/// `yyyymmddnn`), else as text.
pub fn newer(a: &str, b: &str) -> bool {
    match (a.parse::<u64>(), b.parse::<u64>()) {
        (Ok(a), Ok(b)) => a > b,
        _ => a > b,
    }
}

/// The versions of `received` forms new drafts should start with: per form id the newest
/// received, where it is newer than the version they start with now (`current`, the built-in
/// form's included) or the form is new to the tablet.
pub fn to_publish(
    received: &[(String, String)],
    current: &BTreeMap<String, String>,
) -> Vec<(String, String)> {
    let mut newest: BTreeMap<&str, &str> = BTreeMap::new();
    for (id, version) in received {
        let keep = newest.get(id.as_str()).is_none_or(|v| newer(version, v));
        if keep {
            newest.insert(id, version);
        }
    }
    newest
        .into_iter()
        .filter(|(id, version)| current.get(*id).is_none_or(|now| newer(version, now)))
        .map(|(id, version)| (id.to_string(), version.to_string()))
        .collect()
}

/// The bundle with only the submissions the tablet holds (its own: their reviews come back).
pub fn own_only(mut bundle: Bundle, held: &HashMap<String, Submission>) -> Bundle {
    bundle
        .submissions
        .retain(|s| held.contains_key(&s.submission.instance_id));
    bundle
}

/// What a received bundle does on a tablet: new forms, and newer reviews of its own
/// submissions. A held submission whose content differs is not a review: the tablet keeps its
/// own (the supervisor's page resolves copies that differ).
pub fn for_tablet(mut plan: MergePlan) -> MergePlan {
    plan.conflicts.clear();
    plan.new.clear();
    plan
}

/// Receives one file; the line that says what it did.
async fn receive_file(
    store: Store,
    file: web_sys::File,
    current: &BTreeMap<String, String>,
    language: &str,
) -> String {
    let name = file.name();
    let bytes = match crate::components::file_drop::bytes_of(&file).await {
        Ok(bytes) => bytes,
        Err(line) => return line,
    };
    let now = js_sys::Date::now();
    let result = match kind_of(&bytes) {
        FileKind::Form => receive_form(store, &name, &bytes, now, language).await,
        FileKind::Bundle => receive_bundle(store, &name, &bytes, now, current, language).await,
    };
    result.unwrap_or_else(|line| line)
}

async fn receive_form(
    store: Store,
    name: &str,
    bytes: &[u8],
    now: f64,
    language: &str,
) -> Result<String, String> {
    let text = std::str::from_utf8(bytes).map_err(|e| format!("{name}: {e}"))?;
    let record = form_record(name, text, now)?;
    if !store.put_form(&record).await {
        // Said on screen by the store (e.g. that version is here with other content).
        return Err(format!("{name}: {}", w(language, W::FormNotAdded)));
    }
    crate::published::publish(&record.form_id, &record.version)
        .map_err(|e| format!("{name}: {e}"))?;
    Ok(filled(
        language,
        W::FormAdded,
        &[
            ("file", name),
            ("form", &record.title),
            ("version", &record.version),
        ],
    ))
}

async fn receive_bundle(
    store: Store,
    name: &str,
    bytes: &[u8],
    now: f64,
    current: &BTreeMap<String, String>,
    language: &str,
) -> Result<String, String> {
    let on_device = |e| format!("{name}: {}", storage_message(language, &e));
    let bundle = import::read(name, bytes, &[], language)?;
    let held = store
        .held(&import::instance_ids(&bundle))
        .await
        .map_err(on_device)?;
    let bundle = own_only(bundle, &held);
    let forms = store.forms().await;
    let known = keys::known(None, &keys::saved_send_to());
    let plan = for_tablet(import::plan(
        name, &bundle, &held, &forms, &known, language,
    )?);
    store
        .import(&plan.to_import(name, now))
        .await
        .map_err(on_device)?;
    let received: Vec<(String, String)> = bundle
        .forms
        .iter()
        .map(|f| (f.form_id.clone(), f.version.clone()))
        .collect();
    let publish = to_publish(&received, current);
    for (form_id, version) in &publish {
        crate::published::publish(form_id, version).map_err(|e| format!("{name}: {e}"))?;
    }
    Ok(filled(
        language,
        W::BundleReceived,
        &[
            ("file", name),
            ("reviews", &plan.review_updates.len().to_string()),
            ("forms", &publish.len().to_string()),
        ],
    ))
}

/// The "receive" part of the home screen: a file picker for form files and bundles, and a
/// line per file received.
#[component]
pub fn ReceiveSection(
    /// Form id → the version new drafts start with now (the built-in form's included).
    current: BTreeMap<String, String>,
    /// A line per file last received (kept by the page: the home screen is built again when
    /// a received form joins the list).
    lines: RwSignal<Vec<String>>,
    /// Called once files were received, so the forms a worker can start are read again.
    #[prop(into)]
    on_received: Callback<()>,
) -> impl IntoView {
    let store = expect_context::<Store>();
    let settings = expect_context::<Settings>();
    let current = StoredValue::new(current);
    let busy = RwSignal::new(false);
    let receive = move |files: Vec<web_sys::File>| {
        // Read here: inside the task the page's context is not at hand.
        let language = settings.language.get_untracked();
        let current = current.get_value();
        busy.set(true);
        lines.set(Vec::new());
        spawn_local(async move {
            let mut report = Vec::new();
            for file in files {
                report.push(receive_file(store, file, &current, &language).await);
            }
            lines.set(report);
            busy.set(false);
            on_received.run(());
        });
    };
    view! {
        <section class="receive">
            <h2>{move || w(&ui_language(), W::Receive)}</h2>
            <FileDrop id="receive-files" accept=".json,.age,application/json" multiple=true
                hint=Signal::derive(move || w(&ui_language(), W::ReceiveHint).to_string())
                choose=Signal::derive(move || w(&ui_language(), W::ChooseFile).to_string())
                on_files=receive />
            <ul id="receive-report" role="status" aria-busy=move || busy.get().to_string()>
                {move || lines.get().into_iter().map(|l| view! { <li>{l}</li> }).collect_view()}
            </ul>
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use wasm_bindgen_test::wasm_bindgen_test;

    #[wasm_bindgen_test]
    fn a_bundle_is_told_from_a_form_by_its_first_bytes() {
        assert_eq!(
            kind_of(br#"{"format":"xonadon-bundle","version":1,"forms":[]}"#),
            FileKind::Bundle
        );
        assert_eq!(
            kind_of(b"age-encryption.org/v1\n-> X25519 abc"),
            FileKind::Bundle
        );
        assert_eq!(
            kind_of(br#"{"settings": {"form_id": "f"}, "survey": []}"#),
            FileKind::Form
        );
        assert_eq!(kind_of(b""), FileKind::Form);
    }

    #[wasm_bindgen_test]
    fn a_form_file_that_does_not_load_is_refused_with_the_engines_reason() {
        let good = r#"{"settings": {"form_id": "visit", "version": "3", "title": "Visit"},
            "survey": [{"type": "text", "name": "a", "label": "A"}]}"#;
        let record = form_record("visit.json", good, 5.0).unwrap();
        assert_eq!(
            (
                record.form_id.as_str(),
                record.version.as_str(),
                record.title.as_str()
            ),
            ("visit", "3", "Visit")
        );
        assert_eq!(record.json, good);
        let err = form_record("bad.json", r#"{"survey": [{"type": "nope"}]}"#, 5.0).unwrap_err();
        assert!(err.starts_with("bad.json: "), "{err}");
        assert!(form_record("x.json", "not json", 5.0).is_err());
    }

    #[wasm_bindgen_test]
    fn a_bundle_brings_reviews_of_the_tablets_own_forms_only() {
        use xonadon_export::bundle::{self, BundleForm, BundleSubmission};
        use xonadon_export::keys::Supervisors;
        use xonadon_storage::{Review, ReviewComment, ReviewStatus};
        let form = FormRecord {
            form_id: "f".into(),
            version: "1".into(),
            title: "F".into(),
            json: r#"{"settings": {"form_id": "f", "version": "1"},
                "survey": [{"type": "text", "name": "a", "label": "A"}]}"#
                .into(),
            added_at_ms: 0.0,
        };
        let submission = |id: &str, a: &str| Submission {
            instance_id: id.into(),
            form_id: "f".into(),
            form_version: "1".into(),
            data: serde_json::json!({"a": a, "meta": {"instanceID": id}}),
            started_at_ms: 1.0,
            finalized_at_ms: 2.0,
            enumerator: "Malika".into(),
            device_id: "tablet".into(),
            title: None,
            review: Default::default(),
            exports: Vec::new(),
        };
        let mut returned = submission("mine", "x");
        returned.review = Review {
            status: ReviewStatus::HasIssues,
            comments: vec![ReviewComment {
                at_ms: 9.0,
                by: "Dilnoza".into(),
                status: ReviewStatus::HasIssues,
                text: "the age is missing".into(),
            }],
            signature: None,
        };
        let changed = submission("changed", "supervisor's copy");
        let others = submission("other tablet's", "y");
        let subs: Vec<_> = [&returned, &changed, &others]
            .into_iter()
            .map(|s| BundleSubmission::new(s, Vec::new()))
            .collect();
        let forms = [BundleForm::from_record(&form).unwrap()];
        let text = bundle::write(&forms, &subs, "sup.json", 1.0).unwrap();
        let read = import::read("sup.json", &text, &[], "en").unwrap();
        let held = HashMap::from([
            ("mine".to_string(), submission("mine", "x")),
            (
                "changed".to_string(),
                submission("changed", "tablet's copy"),
            ),
        ]);
        let own = own_only(read, &held);
        assert_eq!(import::instance_ids(&own), ["mine", "changed"]);
        let none = Supervisors::default();
        let plan = import::plan("sup.json", &own, &held, &[form], &none, "en").unwrap();
        assert_eq!(
            plan.conflicts.len(),
            1,
            "the supervisor's page would keep both"
        );
        let plan = for_tablet(plan);
        assert!(plan.conflicts.is_empty() && plan.new.is_empty());
        assert_eq!(plan.review_updates.len(), 1);
        assert_eq!(plan.review_updates[0].0, "mine");
    }

    #[wasm_bindgen_test]
    fn versions_compare_as_numbers_when_they_are() {
        assert!(newer("2026120710", "2026120709"));
        assert!(newer("10", "9"));
        assert!(!newer("9", "10"));
        assert!(newer("b", "a"));
        assert!(!newer("1", "1"));
    }

    #[wasm_bindgen_test]
    fn only_a_newer_or_new_form_is_published_once_per_form() {
        let v = |f: &str, n: &str| (f.to_string(), n.to_string());
        let current = BTreeMap::from([v("household", "5"), v("visit", "2")]);
        let received = [
            v("household", "4"),
            v("visit", "3"),
            v("visit", "7"),
            v("new", "1"),
        ];
        assert_eq!(
            to_publish(&received, &current),
            [v("new", "1"), v("visit", "7")]
        );
        assert!(to_publish(&[v("household", "5")], &current).is_empty());
    }
}
