//! An export under way: the selection streamed from IndexedDB into Blob parts (a page of
//! submissions at a time, with progress and cancel), downloaded, and recorded on each
//! submission.

use std::collections::HashSet;

use leptos::prelude::*;
use xonadon_export::csv_zip::CsvZip;
use xonadon_export::group;
use xonadon_export::stream::Progress;
use xonadon_export::table::{Layout, Options};
use xonadon_export::xlsx::Xlsx;

use super::super::words::{filled, W};
use super::plan::{file_name, Format, Selection};
use crate::download::Chunks;
use crate::i18n::export_message;
use crate::send::{bundle_blob, download_and_record, BundleRequest};
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
    /// The forms, the device, whom a bundle is encrypted for (none: plain, as the
    /// supervisor's own bundles going back to the tablets are) and the language of the
    /// messages; the tables are built from the same forms.
    pub bundle: BundleRequest,
    /// Headers and choice answers as labels in this language (tables only).
    pub labels: Option<String>,
}

/// Streams the selection from the device into Blob parts: the file's bytes as a Blob.
async fn write(
    store: Store,
    request: &Request,
    ids: &HashSet<String>,
    progress: &mut OnScreen,
) -> Result<web_sys::Blob, String> {
    let text = |e: xonadon_export::ExportError| export_message(&request.bundle.language, &e);
    let chunks = match request.format {
        Format::Bundle => return bundle_blob(store, &request.bundle, ids, progress).await,
        Format::Csv | Format::Xlsx => {
            let compiled = group::compile(&request.bundle.forms).map_err(text)?;
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
    chunks.into_blob(request.format.mime())
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
    let sealed = request.bundle.seal_to.is_some() && request.format == Format::Bundle;
    let name = file_name(request.format, &request.bundle.device_id, &day, sealed);
    let count = download_and_record(
        store,
        &name,
        &blob,
        selection.ids,
        request.format.name(),
        &request.bundle.language,
    )
    .await?
    .to_string();
    Ok(filled(
        &request.bundle.language,
        W::Exported,
        &[("file", &name), ("n", &count)],
    ))
}
