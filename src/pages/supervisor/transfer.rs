//! Moving submissions in and out of the device: importing bundles from the tablets (one
//! IndexedDB transaction per file) and exporting a selection as a bundle, CSV tables or a
//! workbook. The formats themselves are `xonadon-export`'s.

use std::collections::{HashMap, HashSet};

use leptos::prelude::*;
use wasm_bindgen_futures::JsFuture;
use xonadon_export::bundle::{self, BundleForm, BundleWriter};
use xonadon_export::csv_zip::CsvZip;
use xonadon_export::stream::{self, Progress};
use xonadon_export::table::{Layout, Options};
use xonadon_export::xlsx::Xlsx;
use xonadon_export::{group, merge};
use xonadon_storage::{ExportRecord, FormRecord, Repository, Submission};

use crate::download::Chunks;
use crate::i18n::{export_message, storage_message, t, T};
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
                report.push(export_message(language, &e));
                continue;
            }
        };
        // What the device holds now of the bundle's submissions (earlier files included).
        let mut held: HashMap<String, Submission> = HashMap::new();
        let mut failed = None;
        for incoming in &bundle.submissions {
            let id = &incoming.submission.instance_id;
            match repo.get_submission(id).await {
                Ok(Some(s)) => {
                    held.insert(id.clone(), s);
                }
                Ok(None) => {}
                Err(e) => {
                    failed = Some(e);
                    break;
                }
            }
        }
        if let Some(e) = failed {
            report.push(format!("{name}: {}", storage_message(language, &e)));
            continue;
        }
        let forms = repo.list_forms().await.unwrap_or_default();
        let plan = merge::plan(
            &bundle,
            |id| held.get(id).cloned(),
            |id, v| forms.iter().any(|f| f.form_id == id && f.version == v),
        );
        let plan = match plan {
            Ok(p) => p,
            Err(e) => {
                report.push(format!("{name}: {}", export_message(language, &e)));
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

/// An export's progress on screen, and the supervisor's "cancel".
pub struct OnScreen {
    pub progress: RwSignal<Option<(usize, usize)>>,
    pub cancel: StoredValue<bool>,
}

impl Progress for OnScreen {
    fn step(&mut self, done: usize, total: usize) {
        self.progress.set(Some((done, total)));
    }
    fn cancelled(&self) -> bool {
        self.cancel.get_value()
    }
}

/// Exports the submissions `ids` (of the form versions `versions`) in `format` as a download,
/// reading them a page at a time, and records the export on each. `labels` writes headers and
/// choice answers as labels in that language (tables only).
#[allow(clippy::too_many_arguments)]
pub async fn export(
    store: Store,
    format: Format,
    ids: HashSet<String>,
    versions: Vec<(String, String)>,
    forms: Vec<FormRecord>,
    labels: Option<String>,
    device_id: String,
    progress: &mut OnScreen,
) -> Result<String, String> {
    let repo = store.repo().ok_or("no storage")?;
    let language = crate::settings::ui_language();
    let text = |e: xonadon_export::ExportError| export_message(&language, &e);
    let mut bundle_forms = Vec::new();
    for (form_id, version) in &versions {
        let record = forms
            .iter()
            .find(|f| &f.form_id == form_id && &f.version == version)
            .ok_or_else(|| format!("form {form_id} version {version} is not on this device"))?;
        bundle_forms.push(BundleForm::from_record(record).map_err(text)?);
    }
    let stamp = crate::screens::home::local_day(now_ms());
    let (file_name, blob) = match format {
        Format::Bundle => {
            let writer = BundleWriter::new(Chunks::default(), &bundle_forms, &device_id, now_ms())
                .map_err(text)?;
            let chunks = stream::bundle(&*repo, &ids, writer, progress)
                .await
                .map_err(text)?;
            (
                format!("xonadon-{device_id}-{stamp}.json"),
                chunks.into_blob("application/json")?,
            )
        }
        Format::Csv | Format::Xlsx => {
            let compiled = group::compile(&bundle_forms).map_err(text)?;
            let options = Options { labels };
            let layouts: Vec<_> = compiled
                .iter()
                .map(|c| {
                    let key = (c.form_id.clone(), c.version.clone());
                    (Layout::new(&c.form, &c.name, options.clone()), key)
                })
                .collect();
            // Both stream from IndexedDB, a page at a time, into Blob parts.
            if format == Format::Csv {
                let mut zip = CsvZip::streaming(Chunks::default());
                stream::tables(&*repo, &layouts, &ids, &mut zip, progress)
                    .await
                    .map_err(text)?;
                let chunks = zip.finish().map_err(text)?.into_inner();
                (
                    format!("xonadon-{stamp}.zip"),
                    chunks.into_blob("application/zip")?,
                )
            } else {
                let mut book = Xlsx::streaming(Chunks::default());
                stream::tables(&*repo, &layouts, &ids, &mut book, progress)
                    .await
                    .map_err(text)?;
                let chunks = book.finish().map_err(text)?.into_inner();
                let mime = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
                (format!("xonadon-{stamp}.xlsx"), chunks.into_blob(mime)?)
            }
        }
    };
    crate::download::download_blob(&file_name, &blob)?;
    let mut ids: Vec<String> = ids.into_iter().collect();
    ids.sort();
    let record = ExportRecord {
        at_ms: now_ms(),
        format: format.name().into(),
    };
    repo.record_export(&ids, &record)
        .await
        .map_err(|e| storage_message(&language, &e))?;
    store.revision.update(|r| *r += 1);
    Ok(format!("{file_name}: {}", ids.len()))
}
