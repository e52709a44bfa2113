//! Moving submissions in and out of the device: importing bundles from the tablets (one
//! IndexedDB transaction per file) and exporting a selection as a bundle, CSV tables or a
//! workbook. The formats themselves are `xonadon-export`'s.

use std::collections::HashMap;
use std::io::Cursor;

use leptos::prelude::Update;
use wasm_bindgen_futures::JsFuture;
use xonadon_export::bundle::{self, BundleForm, BundleMedia, BundleSubmission};
use xonadon_export::table::{Layout, Options};
use xonadon_export::{csv_zip, group, merge, xlsx};
use xonadon_storage::{ExportRecord, FormRecord, Repository, Submission};

use crate::i18n::{storage_message, t, T};
use crate::store::Store;

/// The export formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Bundle,
    Csv,
    Xlsx,
}

impl Format {
    fn name(self) -> &'static str {
        match self {
            Format::Bundle => "json",
            Format::Csv => "csv",
            Format::Xlsx => "xlsx",
        }
    }
}

fn now_ms() -> f64 {
    js_sys::Date::now()
}

/// `2026-11-26` for file names.
fn today() -> String {
    crate::screens::home::local_time(now_ms())
        .chars()
        .take(10)
        .collect()
}

/// Imports each file in turn; one line per file says what happened (or why nothing did).
pub async fn import_files(store: Store, files: Vec<web_sys::File>, language: &str) -> Vec<String> {
    let Some(repo) = store.repo() else {
        return Vec::new();
    };
    let mut report = Vec::new();
    for file in files {
        let name = file.name();
        let text = match JsFuture::from(file.text()).await {
            Ok(t) => t.as_string().unwrap_or_default(),
            Err(e) => {
                report.push(format!("{name}: {e:?}"));
                continue;
            }
        };
        let bundle = match bundle::read(&name, text.as_bytes()) {
            Ok(b) => b,
            Err(e) => {
                report.push(e.to_string());
                continue;
            }
        };
        // What the device holds now (earlier files of this import included).
        let held: HashMap<String, Submission> = match repo.list_submissions().await {
            Ok(list) => list
                .into_iter()
                .map(|s| (s.instance_id.clone(), s))
                .collect(),
            Err(e) => {
                report.push(format!("{name}: {}", storage_message(language, &e)));
                continue;
            }
        };
        let forms = repo.list_forms().await.unwrap_or_default();
        let plan = merge::plan(
            &bundle,
            |id| held.get(id).cloned(),
            |id, v| forms.iter().any(|f| f.form_id == id && f.version == v),
        );
        let plan = match plan {
            Ok(p) => p,
            Err(e) => {
                report.push(format!("{name}: {e}"));
                continue;
            }
        };
        match repo.import(&plan.to_import(&name, now_ms())).await {
            Ok(()) => {
                let r = merge::ImportReport::from(&plan);
                report.push(format!(
                    "{name}: {} {}, {} {}, {} {}, {} {}",
                    r.added,
                    t(language, T::Added),
                    r.duplicates,
                    t(language, T::SkippedIdentical),
                    r.review_updates,
                    t(language, T::NewerReviews),
                    r.conflicts,
                    t(language, T::ConflictsFound),
                ));
            }
            Err(e) => report.push(format!("{name}: {}", storage_message(language, &e))),
        }
    }
    store.revision.update(|r| *r += 1);
    report
}

/// Exports `selected` in `format` as a download and records the export on each; `labels`
/// writes headers and choice answers as labels in that language (tables only).
pub async fn export(
    store: Store,
    format: Format,
    selected: Vec<Submission>,
    forms: Vec<FormRecord>,
    labels: Option<String>,
    device_id: String,
    language: &str,
) -> Result<String, String> {
    let repo = store.repo().ok_or("no storage")?;
    let mut bundle_forms = Vec::new();
    for s in &selected {
        let held = |f: &BundleForm| f.form_id == s.form_id && f.version == s.form_version;
        if bundle_forms.iter().any(held) {
            continue;
        }
        let record = forms
            .iter()
            .find(|f| f.form_id == s.form_id && f.version == s.form_version)
            .ok_or_else(|| {
                format!(
                    "{}: form {} version {} is not on this device",
                    s.instance_id, s.form_id, s.form_version
                )
            })?;
        bundle_forms.push(BundleForm::from_record(record).map_err(|e| e.to_string())?);
    }
    let mut media = Vec::new();
    for s in &selected {
        let files = repo
            .list_media_of(&s.instance_id)
            .await
            .map_err(|e| storage_message(language, &e))?;
        media.push(files);
    }
    let stamp = today();
    let (file_name, mime, bytes) = match format {
        Format::Bundle => {
            let subs: Vec<BundleSubmission> = selected
                .iter()
                .zip(&media)
                .map(|(s, m)| {
                    BundleSubmission::new(s, m.iter().map(BundleMedia::from_media).collect())
                })
                .collect();
            let bytes = bundle::write(&bundle_forms, &subs, &device_id, now_ms())
                .map_err(|e| e.to_string())?;
            (
                format!("xonadon-{device_id}-{stamp}.json"),
                "application/json",
                bytes,
            )
        }
        Format::Csv | Format::Xlsx => {
            let groups = group::by_form_version(&bundle_forms, selected.iter())
                .map_err(|e| e.to_string())?;
            let options = Options { labels };
            let parts: Vec<_> = groups
                .iter()
                .map(|g| {
                    (
                        Layout::new(&g.form, &g.name, options.clone()),
                        g.submissions.clone(),
                    )
                })
                .collect();
            if format == Format::Csv {
                let files: Vec<(String, Vec<u8>)> = media
                    .into_iter()
                    .flatten()
                    .map(|m| (m.name, m.bytes))
                    .collect();
                let zip = csv_zip::write(Cursor::new(Vec::new()), &parts, &files)
                    .map_err(|e| e.to_string())?
                    .into_inner();
                (format!("xonadon-{stamp}.zip"), "application/zip", zip)
            } else {
                let book = xlsx::write(&parts).map_err(|e| e.to_string())?;
                let mime = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
                (format!("xonadon-{stamp}.xlsx"), mime, book)
            }
        }
    };
    crate::download::download(&file_name, mime, &bytes)?;
    let ids: Vec<String> = selected.iter().map(|s| s.instance_id.clone()).collect();
    let record = ExportRecord {
        at_ms: now_ms(),
        format: format.name().into(),
    };
    repo.record_export(&ids, &record)
        .await
        .map_err(|e| storage_message(language, &e))?;
    store.revision.update(|r| *r += 1);
    Ok(format!("{file_name}: {}", selected.len()))
}
