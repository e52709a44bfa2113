//! An export under way: the selection streamed from IndexedDB into Blob parts (a page of
//! submissions at a time, with progress and cancel), downloaded, and recorded on each
//! submission.

use std::collections::HashSet;

use leptos::prelude::*;
use xonadon_export::bundle::{BundleForm, BundleWriter};
use xonadon_export::csv_zip::CsvZip;
use xonadon_export::group;
use xonadon_export::keys::SupervisorKey;
use xonadon_export::seal;
use xonadon_export::stream::Progress;
use xonadon_export::table::{Layout, Options};
use xonadon_export::xlsx::Xlsx;
use xonadon_storage::ExportRecord;

use super::super::words::{filled, W};
use super::plan::{file_name, sealed_name, Format, Selection};
use crate::download::Chunks;
use crate::i18n::{export_message, storage_message};
use crate::store::Store;

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

/// What an export needs besides the selection.
pub struct Request {
    pub format: Format,
    pub forms: Vec<BundleForm>,
    /// Headers and choice answers as labels in this language (tables only).
    pub labels: Option<String>,
    /// The language the page shows, for the messages (read before the export's task starts:
    /// inside it the page's context is not at hand).
    pub language: String,
    pub device_id: String,
    /// The supervisor a bundle is encrypted for (none: plain, as the supervisor's own
    /// bundles going back to the tablets are).
    pub seal_to: Option<SupervisorKey>,
}

/// Streams the selection from the device into Blob parts: the file's bytes as a Blob.
async fn write(
    store: Store,
    request: &Request,
    ids: &HashSet<String>,
    progress: &mut OnScreen,
) -> Result<web_sys::Blob, String> {
    let text = |e: xonadon_export::ExportError| export_message(&request.language, &e);
    let now = js_sys::Date::now();
    let mime = request.format.mime();
    let mime = if request.seal_to.is_some() && request.format == Format::Bundle {
        "application/octet-stream"
    } else {
        mime
    };
    let chunks = match request.format {
        Format::Bundle => match &request.seal_to {
            None => {
                let writer =
                    BundleWriter::new(Chunks::default(), &request.forms, &request.device_id, now)
                        .map_err(text)?;
                store
                    .export_bundle(ids, writer, progress)
                    .await
                    .map_err(text)?
            }
            Some(key) => {
                // Encrypted on the way: no clear byte of it reaches the download.
                let out = seal::writer(Chunks::default(), key).map_err(text)?;
                let writer = BundleWriter::new(out, &request.forms, &request.device_id, now)
                    .map_err(text)?;
                let sealed = store
                    .export_bundle(ids, writer, progress)
                    .await
                    .map_err(text)?;
                seal::finish(sealed).map_err(text)?
            }
        },
        Format::Csv | Format::Xlsx => {
            let compiled = group::compile(&request.forms).map_err(text)?;
            let options = Options {
                labels: request.labels.clone(),
            };
            let layouts: Vec<_> = compiled
                .iter()
                .map(|c| {
                    let key = (c.form_id.clone(), c.version.clone());
                    (Layout::new(&c.form, &c.name, options.clone()), key)
                })
                .collect();
            if request.format == Format::Csv {
                let mut zip = CsvZip::streaming(Chunks::default());
                store
                    .export_tables(&layouts, ids, &mut zip, progress)
                    .await
                    .map_err(text)?;
                zip.finish().map_err(text)?.into_inner()
            } else {
                let mut book = Xlsx::streaming(Chunks::default());
                store
                    .export_tables(&layouts, ids, &mut book, progress)
                    .await
                    .map_err(text)?;
                book.finish().map_err(text)?.into_inner()
            }
        }
    };
    chunks.into_blob(mime)
}

/// Exports `selection` as a download and records the export on each submission: the line
/// that says what went out.
pub async fn export(
    store: Store,
    request: Request,
    selection: Selection,
    progress: &mut OnScreen,
) -> Result<String, String> {
    let blob = write(store, &request, &selection.ids, progress).await?;
    let day = crate::local_time::local_day(js_sys::Date::now());
    let mut name = file_name(request.format, &request.device_id, &day);
    if request.seal_to.is_some() && request.format == Format::Bundle {
        name = sealed_name(&name);
    }
    crate::download::download_blob(&name, &blob)?;
    let mut ids: Vec<String> = selection.ids.into_iter().collect();
    ids.sort();
    let record = ExportRecord {
        at_ms: js_sys::Date::now(),
        format: request.format.name().into(),
    };
    store
        .record_export(&ids, &record)
        .await
        .map_err(|e| storage_message(&request.language, &e))?;
    let count = ids.len().to_string();
    Ok(filled(
        &request.language,
        W::Exported,
        &[("file", &name), ("n", &count)],
    ))
}
