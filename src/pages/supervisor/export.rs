//! Exporting the submissions shown as a bundle, CSV tables or a workbook, streamed from
//! IndexedDB into Blob parts with progress and cancel. What goes out and under which name is
//! decided by plain functions ([`Selection::of`], [`bundle_forms`], [`file_name`]); the formats
//! themselves are `xonadon-export`'s.

use std::collections::HashSet;

use leptos::prelude::*;
use leptos::task::spawn_local;
use xonadon_export::bundle::{BundleForm, BundleWriter};
use xonadon_export::csv_zip::CsvZip;
use xonadon_export::group;
use xonadon_export::stream::Progress;
use xonadon_export::table::{Layout, Options};
use xonadon_export::xlsx::Xlsx;
use xonadon_storage::{ExportRecord, FormRecord};

use super::rows::Row;
use super::state::SupervisorState;
use crate::download::Chunks;
use crate::i18n::{export_message, storage_message, t, T};
use crate::settings::{ui_language, Settings};
use crate::store::Store;

/// The export formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Bundle,
    Csv,
    Xlsx,
}

impl Format {
    /// Its name in a submission's export history.
    fn name(self) -> &'static str {
        match self {
            Format::Bundle => "json",
            Format::Csv => "csv",
            Format::Xlsx => "xlsx",
        }
    }

    fn mime(self) -> &'static str {
        match self {
            Format::Bundle => "application/json",
            Format::Csv => "application/zip",
            Format::Xlsx => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        }
    }
}

/// The downloaded file's name: a bundle names the device it comes from (the tablets' and the
/// supervisor's bundles meet in one folder), all name the local `day`.
pub fn file_name(format: Format, device_id: &str, day: &str) -> String {
    match format {
        Format::Bundle => format!("xonadon-{device_id}-{day}.json"),
        Format::Csv => format!("xonadon-{day}.zip"),
        Format::Xlsx => format!("xonadon-{day}.xlsx"),
    }
}

/// What an export takes: the submissions, and the form versions they were filled in.
#[derive(Debug, Clone, PartialEq)]
pub struct Selection {
    pub ids: HashSet<String>,
    /// `(form_id, version)`, sorted, each once.
    pub versions: Vec<(String, String)>,
}

impl Selection {
    /// The rows shown; `None` when there are none (nothing to export).
    pub fn of(rows: &[Row]) -> Option<Selection> {
        if rows.is_empty() {
            return None;
        }
        let mut versions: Vec<(String, String)> = rows
            .iter()
            .map(|r| (r.form_id.clone(), r.form_version.clone()))
            .collect();
        versions.sort();
        versions.dedup();
        Some(Selection {
            ids: rows.iter().map(|r| r.instance_id.clone()).collect(),
            versions,
        })
    }
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
    pub device_id: String,
}

/// Streams the selection from the device into Blob parts: the file's bytes as a Blob.
async fn write(
    store: Store,
    request: &Request,
    ids: &HashSet<String>,
    progress: &mut OnScreen,
) -> Result<web_sys::Blob, String> {
    let language = ui_language();
    let text = |e: xonadon_export::ExportError| export_message(&language, &e);
    let now = js_sys::Date::now();
    let mime = request.format.mime();
    let chunks = match request.format {
        Format::Bundle => {
            let writer =
                BundleWriter::new(Chunks::default(), &request.forms, &request.device_id, now)
                    .map_err(text)?;
            store
                .export_bundle(ids, writer, progress)
                .await
                .map_err(text)?
        }
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
    let day = crate::screens::home::local_day(js_sys::Date::now());
    let name = file_name(request.format, &request.device_id, &day);
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
        .map_err(|e| storage_message(&ui_language(), &e))?;
    Ok(format!("{name}: {}", ids.len()))
}

/// The export section: labels or names, the three formats, the progress and its cancel.
#[component]
pub fn ExportSection() -> impl IntoView {
    let state = expect_context::<SupervisorState>();
    let settings = expect_context::<Settings>();
    let SupervisorState {
        labels,
        busy,
        shown,
        progress,
        cancel,
        report,
        ..
    } = state;
    let start = move |format: Format| {
        let Some(selection) = Selection::of(&shown.get_untracked()) else {
            return;
        };
        let language = ui_language();
        let forms = bundle_forms(
            &selection.versions,
            &state.data.get_untracked().forms,
            &language,
        );
        let forms = match forms {
            Ok(forms) => forms,
            Err(line) => return report.set(vec![line]),
        };
        let request = Request {
            format,
            forms,
            labels: labels.get_untracked().then_some(language),
            device_id: settings.device_id.get_untracked(),
        };
        busy.set(true);
        cancel.set_value(false);
        report.set(Vec::new());
        spawn_local(async move {
            let mut on_screen = OnScreen { progress, cancel };
            let result = export(state.store, request, selection, &mut on_screen).await;
            progress.set(None);
            report.set(vec![result.unwrap_or_else(|e| e)]);
            busy.set(false);
        });
    };
    let idle = move || busy.get() || shown.get().is_empty();
    view! {
        <section class="export">
            <h2>{move || t(&ui_language(), T::Export)}</h2>
            <label class="choice">
                <input id="export-labels" type="checkbox" prop:checked=move || labels.get()
                    on:change=move |ev| labels.set(event_target_checked(&ev)) />
                <span>{move || t(&ui_language(), T::ColumnsAsLabels)}</span>
            </label>
            <div class="actions">
                <button type="button" id="export-json" disabled=idle
                    on:click=move |_| start(Format::Bundle)>{move || t(&ui_language(), T::ExportBundle)}</button>
                <button type="button" id="export-csv" disabled=idle
                    on:click=move |_| start(Format::Csv)>"CSV (ZIP)"</button>
                <button type="button" id="export-xlsx" disabled=idle
                    on:click=move |_| start(Format::Xlsx)>"Excel (XLSX)"</button>
            </div>
            {move || progress.get().map(|(done, total)| view! {
                <div class="export-progress">
                    <progress max=total.max(1) value=done></progress>
                    <span>{format!("{done} / {total}")}</span>
                    <button type="button" id="export-cancel" on:click=move |_| cancel.set_value(true)>
                        {move || t(&ui_language(), T::Cancel)}
                    </button>
                </div>
            })}
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use wasm_bindgen_test::wasm_bindgen_test;

    fn row(id: &str, form: &str, version: &str) -> Row {
        Row {
            instance_id: id.into(),
            form_id: form.into(),
            form_version: version.into(),
            title: String::new(),
            day: String::new(),
            finalized_at_ms: 0.0,
            enumerator: String::new(),
            place: Default::default(),
            status: Default::default(),
            needs: Vec::new(),
        }
    }

    #[wasm_bindgen_test]
    fn the_rows_shown_and_their_form_versions_go_out() {
        assert_eq!(Selection::of(&[]), None);
        let rows = [row("a", "f", "2"), row("b", "f", "1"), row("c", "f", "2")];
        let s = Selection::of(&rows).unwrap();
        assert_eq!(s.ids, HashSet::from(["a", "b", "c"].map(String::from)));
        let v = |f: &str, n: &str| (f.to_string(), n.to_string());
        assert_eq!(s.versions, [v("f", "1"), v("f", "2")]);
    }

    #[wasm_bindgen_test]
    fn a_form_not_on_the_device_is_named() {
        let err = bundle_forms(&[("f".into(), "9".into())], &[], "en").unwrap_err();
        assert_eq!(err, "form f version 9 is not on this device");
        assert_eq!(bundle_forms(&[], &[], "en"), Ok(Vec::new()));
    }

    #[wasm_bindgen_test]
    fn file_names_say_the_day_and_a_bundle_its_device() {
        assert_eq!(
            file_name(Format::Bundle, "dev1", "2026-12-07"),
            "xonadon-dev1-2026-12-07.json"
        );
        assert_eq!(
            file_name(Format::Csv, "dev1", "2026-12-07"),
            "xonadon-2026-12-07.zip"
        );
        assert_eq!(
            file_name(Format::Xlsx, "dev1", "2026-12-07"),
            "xonadon-2026-12-07.xlsx"
        );
        assert_eq!(Format::Xlsx.name(), "xlsx");
    }
}
