//! The list of the submissions shown: a row each, sorted by the column clicked; a title opens
//! the submission.

use leptos::prelude::*;

use super::rows::{Row, SortKey};
use super::state::SupervisorState;
use super::words::{w, W};
use crate::components::review::{status_class, status_text};
use crate::i18n::{t, T};
use crate::local_time::local_time;
use crate::settings::ui_language;

/// What `aria-sort` says of a column sorted by `key`, given the sorting.
fn aria_sort(sorted_by: SortKey, descending: bool, key: SortKey) -> &'static str {
    if sorted_by != key {
        "none"
    } else if descending {
        "descending"
    } else {
        "ascending"
    }
}

/// A column header that sorts by `key`.
#[component]
fn Header(key: SortKey, #[prop(into)] label: Signal<String>) -> impl IntoView {
    let sort = expect_context::<SupervisorState>().sort;
    let pressed = move || {
        let s = sort.get();
        aria_sort(s.key, s.descending, key)
    };
    view! {
        <th aria-sort=pressed>
            <button type="button" class="sort" on:click=move |_| sort.update(|s| *s = s.by(key))>
                {label}
            </button>
        </th>
    }
}

/// The app's word for a column, in the worker's language.
fn word(label: T) -> Signal<String> {
    Signal::derive(move || t(&ui_language(), label).to_string())
}

/// One submission's row.
#[component]
fn Line(row: Row) -> impl IntoView {
    let state = expect_context::<SupervisorState>();
    let r = row;
    let id = r.instance_id.clone();
    let title = r.title.clone();
    // The smallest level of the place: what tells households apart in a list.
    let place = match r.place.len() {
        0 => String::new(),
        n => state.place_label(&r, n - 1, &ui_language()),
    };
    let has_place = move || state.contract.with(|c| !c.levels.is_empty());
    let open = state.open;
    // Each cell says its column: on a phone the rows are cards, without the header row.
    let says = move |label: T| move || t(&ui_language(), label);
    let place_label = move || {
        state
            .contract
            .with(|c| c.levels.last().map(|l| l.label.clone()))
    };
    view! {
        <tr data-id=r.instance_id.clone()>
            <td class="name"><button type="button" class="link" on:click=move |_| open.set(Some(id.clone()))>{title}</button>
                {r.corrects.is_some().then(|| view! { <span class="correction">{move || w(&ui_language(), W::Corrected)}</span> })}</td>
            <td data-label=says(T::Date)>{local_time(r.finalized_at_ms)}</td>
            <td data-label=says(T::Enumerator)>{r.enumerator.clone()}</td>
            <Show when=has_place><td data-label=place_label>{place.clone()}</td></Show>
            <td data-label=says(T::Status)><span class=status_class(r.status)>{move || status_text(&ui_language(), r.status)}</span></td>
        </tr>
    }
}

/// The list section (a note when no submission passes the filters).
#[component]
pub fn ListSection() -> impl IntoView {
    let SupervisorState {
        shown, contract, ..
    } = expect_context::<SupervisorState>();
    let place = move || contract.with(|c| c.levels.last().map(|l| l.label.clone()));
    view! {
        <section class="list">
            <Show when=move || !shown.get().is_empty() fallback=move || view! {
                <p>{move || t(&ui_language(), T::NoSubmissions)}</p>
            }>
                <div class="table-scroll">
                <table class="submissions">
                    <thead><tr>
                        <Header key=SortKey::Title label=word(T::Household) />
                        <Header key=SortKey::Date label=word(T::Date) />
                        <Header key=SortKey::Enumerator label=word(T::Enumerator) />
                        <Show when=move || place().is_some()>
                            <Header key=SortKey::Place label=Signal::derive(move || place().unwrap_or_default()) />
                        </Show>
                        <Header key=SortKey::Status label=word(T::Status) />
                    </tr></thead>
                    <tbody>
                        <For each=move || shown.get() key=|r| (r.instance_id.clone(), r.status as u8)
                            children=move |r| view! { <Line row=r /> } />
                    </tbody>
                </table>
                </div>
            </Show>
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use wasm_bindgen_test::wasm_bindgen_test;

    #[wasm_bindgen_test]
    fn only_the_sorted_column_says_its_direction() {
        assert_eq!(aria_sort(SortKey::Date, true, SortKey::Date), "descending");
        assert_eq!(aria_sort(SortKey::Date, false, SortKey::Date), "ascending");
        assert_eq!(aria_sort(SortKey::Date, true, SortKey::Title), "none");
    }
}
