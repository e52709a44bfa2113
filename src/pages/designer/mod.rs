//! The designer's page (`designer.html`, its own Wasm module): a form's JSON with line
//! numbers, its problems as you type (a click jumps to the place), a live preview as the field
//! worker will see it, XLSForm import, filling the other Uzbek script, saving versions into
//! IndexedDB and publishing one to this device's field workers.
//!
//! The text is the truth: every change is checked by the engine at once (`check.rs`), placed
//! in the text (`problems.rs`), kept in localStorage (`kept.rs`: a designer's work is not lost
//! on a reload either), and, when the form loads, shown in the preview. The page's state is
//! one struct of signals in context (`state.rs`); each section is its own component (`tools`,
//! `source`, `preview`, `problem_list`, `to_check`, `saved`), and what its buttons do is plain
//! functions beside a thin effectful wrapper (`import`, `save`, `transliterate`, `download`).

mod check;
mod download;
mod editor;
pub(crate) mod files;
mod import;
mod kept;
mod paint;
mod preview;
mod problem_list;
mod problems;
mod save;
mod saved;
mod source;
mod state;
mod to_check;
mod tools;
mod transliterate;
mod words;

use leptos::prelude::*;

use crate::components::photo::DraftId;
use crate::i18n::{t, T};
use crate::settings::{ui_language, LanguagePicker};
use preview::Preview;
use problem_list::{ImportProblems, Problems};
use saved::SavedForms;
use source::Source;
use state::DesignerState;
use to_check::ToCheck;
use tools::Tools;

/// The designer's page.
#[component]
pub fn DesignerApp() -> impl IntoView {
    view! {
        <crate::StoragePage>
            <crate::lock::role::RoleGate role=crate::lock::role::Role::Designer><Designer /></crate::lock::role::RoleGate>
        </crate::StoragePage>
    }
}

#[component]
fn Designer() -> impl IntoView {
    provide_context(DesignerState::new());
    // Photos taken in the preview belong to no draft.
    provide_context(DraftId("designer-preview".into()));
    view! {
        <div class="designer">
            <header class="bar">
                <a class="button" id="open-home" href="./">{move || t(&ui_language(), T::Home)}</a>
                <h1>{move || t(&ui_language(), T::Designer)}</h1>
                <LanguagePicker />
            </header>
            <main>
                <Tools />
                <div class="panes">
                    <Source />
                    <Preview />
                </div>
                <Problems />
                <ImportProblems />
                <ToCheck />
                <SavedForms />
            </main>
        </div>
    }
}
