//! The filters over the list: form, days, enumerator, place, review status; and how many of
//! the submissions pass them.

use leptos::prelude::*;
use xonadon_storage::ReviewStatus;

use super::rows::{distinct, Filters, Row};
use super::state::SupervisorState;
use crate::i18n::{t, T};
use crate::settings::ui_language;

/// A select's options: `(value, text)`.
type Options = Box<dyn Fn() -> Vec<(String, String)> + Send + Sync>;

/// A select of the distinct values of one field, bound to one filter by `get` and `set`.
fn choice_filter(
    id: String,
    label: impl Fn() -> String + Send + Sync + 'static,
    options: Options,
    get: impl Fn(&Filters) -> Option<String> + Copy + Send + Sync + 'static,
    set: impl Fn(&mut Filters, Option<String>) + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let filters = expect_context::<SupervisorState>().filters;
    view! {
        <label class="filter">
            <span>{label}</span>
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

/// A filter of the app's own (`filter-form`, `filter-enumerator`), titled `label`.
fn app_filter(
    label: T,
    options: Options,
    get: fn(&Filters) -> Option<String>,
    set: fn(&mut Filters, Option<String>),
) -> impl IntoView {
    let id = format!("filter-{label:?}").to_lowercase();
    choice_filter(
        id,
        move || t(&ui_language(), label).to_string(),
        options,
        get,
        set,
    )
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

/// The forms of the submissions, each by its title in the page's language (its id while its
/// form is not on the device): what the supervisor knows a form by.
fn form_titles() -> Options {
    let state = expect_context::<SupervisorState>();
    Box::new(move || {
        let rows = state.all_rows.get();
        let lang = ui_language();
        distinct(&rows, |r| &r.form_id)
            .into_iter()
            .map(|id| {
                let title = rows
                    .iter()
                    .find(|r| r.form_id == id)
                    .and_then(|r| state.form_of(&r.form_id, &r.form_version))
                    .map_or_else(|| id.clone(), |f| f.title(Some(&lang)));
                (id, title)
            })
            .collect()
    })
}

/// A row's answer to place level `k` (blank when its form has fewer levels).
fn level(k: usize) -> impl Fn(&Row) -> &str {
    move |r| r.place.get(k).map_or("", String::as_str)
}

/// The distinct answers to place level `k`, each with its label from the form of a
/// submission that has it.
fn places(k: usize) -> Options {
    let state = expect_context::<SupervisorState>();
    Box::new(move || {
        let rows = state.all_rows.get();
        let lang = ui_language();
        distinct(&rows, level(k))
            .into_iter()
            .map(|value| {
                let text = rows
                    .iter()
                    .find(|r| level(k)(r) == value)
                    .map_or_else(|| value.clone(), |r| state.place_label(r, k, &lang));
                (value, text)
            })
            .collect()
    })
}

/// A filter per place level (`filter-` and the level's question name), or, for submissions
/// whose forms leave the place or the needs out, a note that says so.
#[component]
fn PlaceFilters() -> impl IntoView {
    let contract = expect_context::<SupervisorState>().contract;
    move || {
        let levels = contract.with(|c| c.levels.clone());
        levels
            .into_iter()
            .enumerate()
            .map(|(k, level)| {
                let label = level.label;
                choice_filter(
                    format!("filter-{}", level.name),
                    move || label.clone(),
                    places(k),
                    move |f| f.level(k),
                    move |f, v| f.set_level(k, v),
                )
            })
            .collect_view()
    }
}

/// Which forms do not say where a household is or what it needs, and so what is missing.
#[component]
fn Undeclared() -> impl IntoView {
    let contract = expect_context::<SupervisorState>().contract;
    move || {
        let forms = contract.with(|c| c.undeclared.join(", "));
        (!forms.is_empty()).then(|| {
            let text = format!("{forms}: {}", t(&ui_language(), T::NoSupervisorSetting));
            view! { <p class="undeclared" role="note">{text}</p> }
        })
    }
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
                {app_filter(T::Form, form_titles(), |f| f.form.clone(), |f, v| f.form = v)}
                <DayFilter id="filter-from" label=T::DateFrom set=|f, v| f.from = v />
                <DayFilter id="filter-to" label=T::DateTo set=|f, v| f.to = v />
                {app_filter(T::Enumerator, values(|r| &r.enumerator),
                    |f| f.enumerator.clone(), |f, v| f.enumerator = v)}
                <PlaceFilters />
                <StatusFilter />
            </div>
            <Undeclared />
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
