//! The lists of problems: the engine's in the text (a click jumps to the place) and the last
//! import's in the workbook (sheet, row and column say where).

use leptos::prelude::*;
use xonadon_engine::Severity;

use super::problems::Problem;
use super::state::DesignerState;
use crate::i18n::{t, T};
use crate::settings::ui_language;

/// The items of a list of problems.
fn items(state: DesignerState, list: Vec<Problem>) -> impl IntoView {
    list.into_iter()
        .map(|p| {
            let class = match p.severity {
                Severity::Error => "problem error",
                Severity::Warning => "problem warning",
            };
            match p.at {
                // In the text: a click goes there.
                Some(at) => view! {
                    <li class=class>
                        <button type="button" class="link" on:click=move |_| state.go(Some(at))>
                            <span class="place">{format!("{}:{} {}", at.line, at.column, p.place)}</span>
                            <span class="what">{p.message}</span>
                        </button>
                    </li>
                }
                .into_any(),
                // In the workbook (the import's): sheet, row and column say where.
                None => view! {
                    <li class=class>
                        <span class="place">{p.place}</span>
                        <span class="what">{p.message}</span>
                    </li>
                }
                .into_any(),
            }
        })
        .collect_view()
}

/// The text's problems, or a line saying there are none.
#[component]
pub fn Problems() -> impl IntoView {
    let state = expect_context::<DesignerState>();
    view! {
        <section class="problems">
            <h2>{move || t(&ui_language(), T::Problems)}</h2>
            {move || {
                let list = state.problems.get();
                if list.is_empty() {
                    view! { <p class="none">{t(&ui_language(), T::NoProblems)}</p> }.into_any()
                } else {
                    view! { <ul id="problems">{items(state, list)}</ul> }.into_any()
                }
            }}
        </section>
    }
}

/// The last import's problems, while there are any.
#[component]
pub fn ImportProblems() -> impl IntoView {
    let state = expect_context::<DesignerState>();
    let found = state.import_problems;
    view! {
        <Show when=move || !found.get().is_empty()>
            <section class="problems import">
                <h2>{move || t(&ui_language(), T::ImportProblems)}</h2>
                <ul id="import-problems">{move || items(state, found.get())}</ul>
            </section>
        </Show>
    }
}
