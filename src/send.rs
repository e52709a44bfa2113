//! Submissions sent as a bundle file: the one way a tablet's work leaves it, from the field
//! worker's home screen ("send") and from the supervisor's export alike. Written from IndexedDB
//! a page at a time into Blob parts (`download.rs`), encrypted on the way when the device knows
//! the supervisor it sends to, downloaded, and recorded on each submission.
//!
//! Only the bundle is here: the tables (CSV, XLSX) stay in the supervisor's export, so the
//! field worker's Wasm does not carry them.

use std::collections::HashSet;

use xonadon_export::bundle::{BundleForm, BundleMedia, BundleWriter};
use xonadon_export::keys::SupervisorKey;
use xonadon_export::seal;
use xonadon_export::stream::Progress;
use xonadon_storage::{ExportRecord, FormRecord, Media, Submission};

use crate::download::Chunks;
use crate::i18n::{export_message, storage_message};
use crate::store::Store;

/// A bundle's name in a submission's export history.
pub const BUNDLE_FORMAT: &str = "json";

/// What a bundle needs besides the submissions.
pub struct BundleRequest {
    pub forms: Vec<BundleForm>,
    pub device_id: String,
    /// The supervisor it is encrypted for (none: plain).
    pub seal_to: Option<SupervisorKey>,
    /// The language of the messages (read before the task starts: inside it the page's
    /// context is not at hand).
    pub language: String,
}

/// The bundle file's name: it names the device it comes from (the tablets' and the
/// supervisor's bundles meet in one folder) and the local `day`; an encrypted one has age's
/// own suffix after it (`age -d` and `xonadon export` read it; the supervisor's page too).
pub fn bundle_name(device_id: &str, day: &str, sealed: bool) -> String {
    let name = format!("xonadon-{device_id}-{day}.json");
    if sealed {
        format!("{name}.age")
    } else {
        name
    }
}

/// `(form_id, version)` of the submissions, sorted, each once: the form versions a bundle of
/// them carries.
pub fn versions_of<'a>(
    submissions: impl IntoIterator<Item = &'a Submission>,
) -> Vec<(String, String)> {
    let mut versions: Vec<(String, String)> = submissions
        .into_iter()
        .map(|s| (s.form_id.clone(), s.form_version.clone()))
        .collect();
    versions.sort();
    versions.dedup();
    versions
}

/// The forms of `versions` as a bundle carries them, from the device's `records`.
pub fn bundle_forms(
    versions: &[(String, String)],
    records: &[FormRecord],
    language: &str,
) -> Result<Vec<BundleForm>, String> {
    versions
        .iter()
        .map(|(form_id, version)| {
            let record = records
                .iter()
                .find(|f| &f.form_id == form_id && &f.version == version)
                .ok_or_else(|| format!("form {form_id} version {version} is not on this device"))?;
            BundleForm::from_record(record).map_err(|e| export_message(language, &e))
        })
        .collect()
}

/// `forms` with the attachments of each (pictures, sound, film) that the device holds: a
/// bundle carries a form whole, so a tablet that receives it shows them offline.
async fn with_media(store: Store, forms: &[BundleForm]) -> Vec<BundleForm> {
    let mut out = Vec::with_capacity(forms.len());
    for form in forms {
        let mut form = form.clone();
        let files =
            serde_json::from_value::<xonadon_engine::FormDefinition>(form.definition.clone())
                .map(|d| d.media_files())
                .unwrap_or_default();
        for name in files {
            let stored = Media::form_file(&form.form_id, &form.version, &name);
            if let Some(m) = store.media(&stored).await {
                form.media.push(BundleMedia {
                    name,
                    mime: m.mime,
                    base64: m.bytes,
                });
            }
        }
        out.push(form);
    }
    out
}

/// Streams the submissions `ids` from the device into Blob parts: the bundle as a Blob (no
/// clear byte of an encrypted one reaches it).
pub async fn bundle_blob(
    store: Store,
    request: &BundleRequest,
    ids: &HashSet<String>,
    progress: &mut dyn Progress,
) -> Result<web_sys::Blob, String> {
    let text = |e: xonadon_export::ExportError| export_message(&request.language, &e);
    let now = js_sys::Date::now();
    let forms = with_media(store, &request.forms).await;
    match &request.seal_to {
        None => {
            let writer = BundleWriter::new(Chunks::default(), &forms, &request.device_id, now)
                .map_err(text)?;
            let chunks = store
                .export_bundle(ids, writer, progress)
                .await
                .map_err(text)?;
            chunks.into_blob("application/json")
        }
        Some(key) => {
            let out = seal::writer(Chunks::default(), key).map_err(text)?;
            let writer = BundleWriter::new(out, &forms, &request.device_id, now).map_err(text)?;
            let sealed = store
                .export_bundle(ids, writer, progress)
                .await
                .map_err(text)?;
            seal::finish(sealed)
                .map_err(text)?
                .into_blob("application/octet-stream")
        }
    }
}

/// The file name of a form version handed to tablets (`xonadon-` first, as every file the
/// app writes; the field worker's "receive" reads it as a bundle).
pub fn package_name(form_id: &str, version: &str) -> String {
    format!("xonadon-form-{form_id}-{version}.json")
}

/// Downloads the form version `record` with its attachments as a bundle of its own (no
/// submissions): what a designer hands a team, received on each tablet's home screen. The
/// file's name.
pub async fn download_form_package(
    store: Store,
    record: &FormRecord,
    device_id: &str,
    language: &str,
) -> Result<String, String> {
    let text = |e: xonadon_export::ExportError| export_message(language, &e);
    let forms = with_media(store, &[BundleForm::from_record(record).map_err(text)?]).await;
    let writer = BundleWriter::new(Chunks::default(), &forms, device_id, js_sys::Date::now())
        .map_err(text)?;
    let blob = writer
        .finish()
        .map_err(text)?
        .into_blob("application/json")?;
    let name = package_name(&record.form_id, &record.version);
    crate::download::download_blob(&name, &blob)?;
    Ok(name)
}

/// Downloads `blob` as `name` and records on each submission of `ids` that it went out as
/// `format`; the number recorded.
pub async fn download_and_record(
    store: Store,
    name: &str,
    blob: &web_sys::Blob,
    ids: HashSet<String>,
    format: &str,
    language: &str,
) -> Result<usize, String> {
    crate::download::download_blob(name, blob)?;
    let mut ids: Vec<String> = ids.into_iter().collect();
    ids.sort();
    let record = ExportRecord {
        at_ms: js_sys::Date::now(),
        format: format.into(),
    };
    store
        .record_export(&ids, &record)
        .await
        .map_err(|e| storage_message(language, &e))?;
    Ok(ids.len())
}

#[cfg(test)]
mod tests {
    use super::*;
    use wasm_bindgen_test::wasm_bindgen_test;

    #[wasm_bindgen_test]
    fn a_form_not_on_the_device_is_named() {
        let err = bundle_forms(&[("f".into(), "9".into())], &[], "en").unwrap_err();
        assert_eq!(err, "form f version 9 is not on this device");
        assert_eq!(bundle_forms(&[], &[], "en"), Ok(Vec::new()));
    }

    #[wasm_bindgen_test]
    fn a_bundle_names_its_device_and_day_and_says_it_is_sealed() {
        assert_eq!(
            bundle_name("dev1", "2026-12-07", false),
            "xonadon-dev1-2026-12-07.json"
        );
        assert_eq!(
            bundle_name("dev1", "2026-12-07", true),
            "xonadon-dev1-2026-12-07.json.age"
        );
    }

    #[wasm_bindgen_test]
    fn a_form_for_tablets_is_named_by_its_id_and_version() {
        assert_eq!(
            package_name("household", "2026120701"),
            "xonadon-form-household-2026120701.json"
        );
    }

    #[wasm_bindgen_test]
    fn the_form_versions_of_submissions_are_listed_once_in_order() {
        let s = |form: &str, version: &str| Submission {
            instance_id: format!("{form}{version}"),
            form_id: form.into(),
            form_version: version.into(),
            data: serde_json::Value::Null,
            started_at_ms: 0.0,
            finalized_at_ms: 0.0,
            enumerator: String::new(),
            device_id: String::new(),
            title: None,
            review: Default::default(),
            exports: Vec::new(),
        };
        let all = [s("g", "1"), s("f", "2"), s("f", "1"), s("f", "2")];
        let v = |f: &str, n: &str| (f.to_string(), n.to_string());
        assert_eq!(versions_of(&all), [v("f", "1"), v("f", "2"), v("g", "1")]);
    }
}
