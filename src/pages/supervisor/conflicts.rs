//! Conflicts: copies imported from another tablet that differ from the submission held here,
//! each compared with it, kept or taken by the supervisor.

use leptos::prelude::*;
use leptos::task::spawn_local;
use xonadon_storage::{Conflict, Resolution};

use super::detail::Compare;
use super::state::SupervisorState;
use crate::i18n::{t, T};
use crate::local_time::local_time;
use crate::settings::ui_language;

/// One conflicting copy, with the two choices.
#[component]
fn ConflictCard(conflict: Conflict) -> impl IntoView {
    let state = expect_context::<SupervisorState>();
    let store = state.store;
    let resolve = move |id: String, resolution: Resolution| {
        spawn_local(async move { store.resolve_conflict(&id, resolution).await });
    };
    let c = conflict;
    let (keep, take) = (c.id.clone(), c.id.clone());
    let form = state.form_of(&c.submission.form_id, &c.submission.form_version);
    let form_title = form.map(|f| f.title(Some(&ui_language())));
    let title = super::rows::name_of(&c.submission, form_title.as_deref());
    view! {
        <li>
            <span class="entry-title">{title}</span>
            <span class="meta">{c.source.clone()}" · "{local_time(c.imported_at_ms)}</span>
            <Compare imported=c.submission.clone() />
            <button type="button" on:click=move |_| resolve(keep.clone(), Resolution::KeepHeld)>
                {move || t(&ui_language(), T::KeepHeld)}
            </button>
            <button type="button" on:click=move |_| resolve(take.clone(), Resolution::TakeImported)>
                {move || t(&ui_language(), T::TakeImported)}
            </button>
        </li>
    }
}

/// The conflicts section, shown while there are any.
#[component]
pub fn ConflictSection() -> impl IntoView {
    let data = expect_context::<SupervisorState>().data;
    view! {
        <Show when=move || !data.get().conflicts.is_empty()>
            <section class="conflicts">
                <h2>{move || t(&ui_language(), T::Conflicts)}</h2>
                <p>{move || t(&ui_language(), T::ConflictExplain)}</p>
                <ul class="cards">
                    {move || data.get().conflicts.iter().map(|c| view! {
                        <ConflictCard conflict=c.clone() />
                    }).collect_view()}
                </ul>
            </section>
        </Show>
    }
}
