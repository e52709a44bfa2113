//! The tools above the panes: the drop zone for imports, the actions, and the status line.

use leptos::prelude::*;

use super::state::DesignerState;
use super::{download, import, save, transliterate};
use crate::components::confirm::Confirm;
use crate::components::file_drop::FileDrop;
use crate::i18n::{t, T};
use crate::settings::ui_language;
use crate::store::Store;

/// What the drop zone takes: the form (workbook or XForm), its choices files, its media.
const ACCEPT: &str = ".xlsx,.xls,.ods,.csv,.xml,.geojson,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,application/vnd.ms-excel,text/csv,image/*,audio/*,video/*";

#[component]
pub fn Tools() -> impl IntoView {
    let state = expect_context::<DesignerState>();
    let store = expect_context::<Store>();
    let confirm = expect_context::<Confirm>();
    // From the state: a click or a task may run without the page's context.
    let language = move || state.language();
    let text = |what: T| move || t(&ui_language(), what);
    view! {
        <section class="tools">
            <FileDrop id="import-xlsform" multiple=true accept=ACCEPT
                hint=Signal::derive(move || t(&ui_language(), T::ImportXlsFormHint).to_string())
                choose=Signal::derive(move || t(&ui_language(), T::ChooseFile).to_string())
                on_files=move |files| import::import(state, files) />
            <div class="actions">
                <button type="button" id="transliterate"
                    on:click=move |_| transliterate::fill_other_script(state)>
                    {text(T::Transliterate)}
                </button>
                <button type="button" id="save-form" on:click=move |_| save::save(state, store, false, language())>
                    {text(T::Save)}
                </button>
                <button type="button" id="publish-form" class="primary"
                    on:click=move |_| save::publish(state, store, confirm, language())>
                    {text(T::Publish)}
                </button>
                <button type="button" id="download-json"
                    on:click=move |_| download::download(state, false)>
                    {text(T::DownloadJson)}
                </button>
                <button type="button" id="download-xlsform"
                    on:click=move |_| download::download(state, true)>
                    {text(T::DownloadXlsForm)}
                </button>
            </div>
            {move || state.status.get().map(|s| view! { <p class="status" role="status">{s}</p> })}
        </section>
    }
}
