//! The supervisor's page: import bundles from the tablets, narrow and sort the submissions,
//! read one with its labels and review it, export a selection, resolve conflicts. Everything
//! works offline, on this device's IndexedDB.
//!
//! One section per module, all over one [`state::SupervisorState`] in context; what the
//! sections decide (which rows, what a file does, what goes out) is in plain functions beside
//! them, tested without a browser page.

pub mod answers;
mod charts;
mod conflicts;
mod contract;
mod detail;
mod differences;
mod export;
mod filters;
mod history;
pub mod import;
pub mod keys;
mod reviewer;
mod rows;
mod state;
mod summary;
mod table;
mod words;

use leptos::prelude::*;

use crate::i18n::{t, T};
use crate::settings::{ui_language, LanguagePicker};
use crate::store::Store;
use state::SupervisorState;

/// The supervisor's page (`supervisor.html`, its own Wasm module).
#[component]
pub fn SupervisorApp() -> impl IntoView {
    view! {
        <crate::StoragePage>
            <crate::lock::role::RoleGate role=crate::lock::role::Role::Supervisor><Supervisor /></crate::lock::role::RoleGate>
        </crate::StoragePage>
    }
}

/// What the last import or export did, and whether one is under way.
#[component]
fn Status() -> impl IntoView {
    let SupervisorState { busy, report, .. } = expect_context::<SupervisorState>();
    view! {
        {move || busy.get().then(|| view! { <p class="working" role="status">{t(&ui_language(), T::Working)}</p> })}
        <Show when=move || !report.get().is_empty()>
            <ul class="report" role="status">
                {move || report.get().into_iter().map(|line| view! { <li>{line}</li> }).collect_view()}
            </ul>
        </Show>
    }
}

#[component]
fn Supervisor() -> impl IntoView {
    SupervisorState::provide(expect_context::<Store>());
    keys::Keys::provide();
    reviewer::Reviewer::provide();
    view! {
        <div class="supervisor">
            <header class="bar">
                <a class="button" id="open-home" href="./">{move || t(&ui_language(), T::Home)}</a>
                <h1>{move || t(&ui_language(), T::Supervisor)}</h1>
                <LanguagePicker />
            </header>
            <main>
                <import::ImportSection />
                <Status />
                <conflicts::ConflictSection />
                <filters::FilterSection />
                <export::ExportSection />
                <table::ListSection />
                <charts::SummarySection />
                <detail::OpenSubmission />
                <keys::KeySection />
            </main>
        </div>
    }
}
