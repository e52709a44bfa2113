//! The filters over the list: form, days, enumerator, place, review status; and how many of
//! the submissions pass them.

use leptos::prelude::*;
use xonadon_storage::ReviewStatus;

use super::rows::{distinct, Filters, Row};
use super::state::{choice_label, SupervisorState};
use crate::i18n::{t, T};
use crate::settings::ui_language;

/// A select's options: `(value, text)`.
type Options = Box<dyn Fn() -> Vec<(String, String)> + Send + Sync>;

/// A select of the distinct values of one field, bound to one filter.
fn choice_filter(
    label: T,
    options: Options,
    get: fn(&Filters) -> Option<String>,
    set: fn(&mut Filters, Option<String>),
) -> impl IntoView {
    let filters = expect_context::<SupervisorState>().filters;
    let id = format!("filter-{label:?}").to_lowercase();
    view! {
        <label class="filter">
            <span>{move || t(&ui_language(), label)}</span>
            <select id=id on:change=move |ev| {
                let v = event_target_value(&ev);
                filters.update(|f| set(f, (!v.is_empty()).then_some(v)));
            }>
                <option value="" selected=move || filters.with(|f| get(f).is_none())>
                    {move || t(&ui_language(), T::Any)}
                </option>
                {move || options().into_iter().map(|(value, text)| {
                    let v = value.clone();
                    view! {
                        <option value=value selected=move || filters.with(|f| get(f).as_deref() == Some(v.as_str()))>
                            {text}
                        </option>
                    }
                }).collect_view()}
            </select>
        </label>
    }
}

/// The distinct values of `field`, each as itself.
fn values(field: fn(&Row) -> &str) -> Options {
    let all_rows = expect_context::<SupervisorState>().all_rows;
    Box::new(move || {
        distinct(&all_rows.get(), field)
            .into_iter()
            .map(|v| (v.clone(), v))
            .collect()
    })
}

/// The distinct values of a place `field`, each with its label from the form of a submission
/// that has it.
fn places(field: fn(&Row) -> &str, question: &'static str) -> Options {
    let state = expect_context::<SupervisorState>();
    Box::new(move || {
        let rows = state.all_rows.get();
        let lang = ui_language();
        distinct(&rows, field)
            .into_iter()
            .map(|value| {
                let form = rows
                    .iter()
                    .find(|r| field(r) == value)
                    .and_then(|r| state.form_of(&r.form_id, &r.form_version));
                let text = choice_label(form.as_deref(), question, &value, &lang);
                (value, text)
            })
            .collect()
    })
}

/// A day input bound to one end of the range.
#[component]
fn DayFilter(id: &'static str, label: T, set: fn(&mut Filters, Option<String>)) -> impl IntoView {
    let filters = expect_context::<SupervisorState>().filters;
    view! {
        <label class="filter">
            <span>{move || t(&ui_language(), label)}</span>
            <input id=id type="date" on:change=move |ev| {
                let v = event_target_value(&ev);
                filters.update(|f| set(f, (!v.is_empty()).then_some(v)));
            } />
        </label>
    }
}

/// The review status a select's value stands for (`""`: any).
fn status_of(value: &str) -> Option<ReviewStatus> {
    match value {
        "pending" => Some(ReviewStatus::Pending),
        "approved" => Some(ReviewStatus::Approved),
        "has_issues" => Some(ReviewStatus::HasIssues),
        _ => None,
    }
}

#[component]
fn StatusFilter() -> impl IntoView {
    let filters = expect_context::<SupervisorState>().filters;
    view! {
        <label class="filter">
            <span>{move || t(&ui_language(), T::Status)}</span>
            <select id="filter-status" on:change=move |ev| {
                let status = status_of(&event_target_value(&ev));
                filters.update(|f| f.status = status);
            }>
                <option value="">{move || t(&ui_language(), T::Any)}</option>
                <option value="pending">{move || t(&ui_language(), T::Pending)}</option>
                <option value="approved">{move || t(&ui_language(), T::Approved)}</option>
                <option value="has_issues">{move || t(&ui_language(), T::HasIssues)}</option>
            </select>
        </label>
    }
}

/// The filters section.
#[component]
pub fn FilterSection() -> impl IntoView {
    let state = expect_context::<SupervisorState>();
    let (shown, all_rows) = (state.shown, state.all_rows);
    view! {
        <section class="filters">
            <h2>{move || t(&ui_language(), T::Submissions)}</h2>
            <div class="filter-grid">
                {choice_filter(T::Form, values(|r| &r.form_id), |f| f.form.clone(), |f, v| f.form = v)}
                <DayFilter id="filter-from" label=T::DateFrom set=|f, v| f.from = v />
                <DayFilter id="filter-to" label=T::DateTo set=|f, v| f.to = v />
                {choice_filter(T::Enumerator, values(|r| &r.enumerator),
                    |f| f.enumerator.clone(), |f, v| f.enumerator = v)}
                {choice_filter(T::Region, places(|r| &r.place.region, "region"),
                    |f| f.region.clone(), |f, v| f.region = v)}
                {choice_filter(T::District, places(|r| &r.place.district, "district"),
                    |f| f.district.clone(), |f, v| f.district = v)}
                {choice_filter(T::Mahalla, places(|r| &r.place.mahalla, "mahalla"),
                    |f| f.mahalla.clone(), |f, v| f.mahalla = v)}
                <StatusFilter />
            </div>
            <p class="count">{move || format!("{} / {}", shown.get().len(), all_rows.get().len())}</p>
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use wasm_bindgen_test::wasm_bindgen_test;

    #[wasm_bindgen_test]
    fn a_status_select_value_is_a_review_status() {
        assert_eq!(status_of("has_issues"), Some(ReviewStatus::HasIssues));
        assert_eq!(status_of("approved"), Some(ReviewStatus::Approved));
        assert_eq!(status_of("pending"), Some(ReviewStatus::Pending));
        assert_eq!(status_of(""), None);
    }
}
