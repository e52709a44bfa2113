//! Exporting the submissions shown as a bundle, CSV tables or a workbook: what goes out is
//! decided in `plan.rs`, streamed from IndexedDB in `run.rs`; the formats themselves are
//! `xonadon-export`'s.

mod plan;
mod run;

use leptos::prelude::*;
use leptos::task::spawn_local;

use super::state::SupervisorState;
use crate::i18n::{t, T};
use crate::send::{bundle_forms, BundleRequest};
use crate::settings::{ui_language, Settings};
use plan::{Format, Selection};
use run::{export, OnScreen, Request};

/// The export section: labels or names, the three formats, the progress and its cancel.
#[component]
pub fn ExportSection() -> impl IntoView {
    let state = expect_context::<SupervisorState>();
    let settings = expect_context::<Settings>();
    let keys = expect_context::<super::keys::Keys>();
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
        let language = settings.language.get_untracked();
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
            labels: labels.get_untracked().then(|| language.clone()),
            bundle: BundleRequest {
                forms,
                language,
                device_id: settings.device_id.get_untracked(),
                seal_to: keys.seal_to(),
            },
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
