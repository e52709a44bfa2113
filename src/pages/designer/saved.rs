//! The versions saved on this device, each opened in the editor by a click, or downloaded
//! for the tablets with its pictures (`crate::send::download_form_package`): the file a
//! field worker receives on the home screen.

use leptos::prelude::*;

use super::state::DesignerState;
use super::words::{filled, w, W};
use crate::i18n::{t, T};
use crate::settings::ui_language;
use crate::store::Store;

#[component]
pub fn SavedForms() -> impl IntoView {
    let state = expect_context::<DesignerState>();
    let store = expect_context::<Store>();
    let settings = expect_context::<crate::settings::Settings>();
    let for_tablets = move |record: xonadon_storage::FormRecord| {
        // Read here: inside the task the page's context is not at hand.
        let language = settings.language.get_untracked();
        let device_id = settings.device_id.get_untracked();
        leptos::task::spawn_local(async move {
            let line = crate::send::download_form_package(store, &record, &device_id, &language)
                .await
                .map(|file| filled(&language, W::ForTabletsSaved, &[("file", &file)]));
            state.show(line.unwrap_or_else(|e| e));
        });
    };
    // Read again whenever the store writes (a save).
    let saved = LocalResource::new(move || {
        store.revision.track();
        async move { store.forms().await }
    });
    view! {
        <details class="saved">
            <summary>{move || t(&ui_language(), T::SavedForms)}</summary>
            <ul class="cards">
                {move || saved.get().unwrap_or_default().into_iter().map(|record| {
                    let json = record.json.clone();
                    let package = record.clone();
                    view! {
                        <li>
                            <span class="entry-title">{record.title.clone()}</span>
                            <span class="meta">{format!("{} {}", record.form_id, record.version)}</span>
                            <button type="button" on:click=move |_| state.replace_text(json.clone())>
                                {move || t(&ui_language(), T::Open)}
                            </button>
                            <button type="button" class="for-tablets" on:click=move |_| for_tablets(package.clone())>
                                {move || w(&ui_language(), W::ForTablets)}
                            </button>
                        </li>
                    }
                }).collect_view()}
            </ul>
        </details>
    }
}
