//! The editor pane: the form's JSON, every edit checked at once.

use leptos::prelude::*;

use super::editor::Editor;
use super::state::DesignerState;
use crate::i18n::{t, T};
use crate::settings::ui_language;

#[component]
pub fn Source() -> impl IntoView {
    let state = expect_context::<DesignerState>();
    view! {
        <section class="source">
            <h2>{move || t(&ui_language(), T::FormJson)}</h2>
            <Editor editor=state.editor on_text=move |new| state.edited(new)
                label=Signal::derive(move || t(&ui_language(), T::FormJson).to_string()) />
        </section>
    }
}
