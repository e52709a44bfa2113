//! The versions saved on this device, each opened in the editor by a click.

use leptos::prelude::*;

use super::state::DesignerState;
use crate::i18n::{t, T};
use crate::settings::ui_language;
use crate::store::Store;

#[component]
pub fn SavedForms() -> impl IntoView {
    let state = expect_context::<DesignerState>();
    let store = expect_context::<Store>();
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
                    view! {
                        <li>
                            <span class="entry-title">{record.title.clone()}</span>
                            <span class="meta">{format!("{} {}", record.form_id, record.version)}</span>
                            <button type="button" on:click=move |_| state.replace_text(json.clone())>
                                {move || t(&ui_language(), T::Open)}
                            </button>
                        </li>
                    }
                }).collect_view()}
            </ul>
        </details>
    }
}
