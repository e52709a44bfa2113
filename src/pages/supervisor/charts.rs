//! The summary under the list: charts of the submissions shown, counted only while it is open
//! (the list may hold thousands).

use leptos::prelude::*;

use super::contract;
use super::rows::Row;
use super::state::{choice_label, SupervisorState};
use super::summary::{self, Bar, Chart};
use crate::i18n::{t, T};
use crate::settings::ui_language;

/// A row's place as shown.
type PlaceOf<'a> = &'a dyn Fn(&Row) -> String;
/// A need's label, for a row.
type NeedOf<'a> = &'a dyn Fn(&Row, &str) -> String;

/// How the charts name a row's place and needs.
pub struct Labels<'a> {
    /// The place chart's title and a row's place (`None`: no place declared).
    pub place: Option<(String, PlaceOf<'a>)>,
    /// `None`: no needs question declared.
    pub need: Option<NeedOf<'a>>,
}

/// The charts of `rows`, titled in `language`: per day, per enumerator, and where the forms
/// declare them, per place and the needs identified.
pub fn charts(rows: &[Row], language: &str, labels: Labels) -> Vec<(String, Vec<Bar>)> {
    let title = |key| t(language, key).to_string();
    let mut charts = vec![
        (
            title(T::PerDay),
            summary::per_day(rows.iter().map(|r| r.day.clone())),
        ),
        (
            title(T::PerEnumerator),
            summary::count(rows.iter().map(|r| r.enumerator.clone())),
        ),
    ];
    if let Some((place_title, place)) = labels.place {
        charts.push((place_title, summary::count(rows.iter().map(place))));
    }
    if let Some(need) = labels.need {
        let needs = rows
            .iter()
            .flat_map(|r| r.needs.iter().map(move |n| need(r, n)));
        charts.push((title(T::NeedsIdentified), summary::count(needs)));
    }
    charts
}

#[component]
pub fn SummarySection() -> impl IntoView {
    let state = expect_context::<SupervisorState>();
    let open = RwSignal::new(false);
    let drawn = move || {
        let rows = state.shown.get();
        let lang = ui_language();
        let page = state.contract.get();
        let place = |r: &Row| match r.place.len() {
            0 => String::new(),
            n => state.place_label(r, n - 1, &lang),
        };
        let need = |r: &Row, n: &str| {
            let form = state.form_of(&r.form_id, &r.form_version);
            let question = contract::of(form.as_deref()).and_then(|c| c.needs.as_deref());
            choice_label(form.as_deref(), question.unwrap_or_default(), n, &lang)
        };
        let labels = Labels {
            place: page
                .levels
                .last()
                .map(|l| (l.label.clone(), &place as PlaceOf)),
            need: page.needs.then_some(&need as NeedOf),
        };
        charts(&rows, &lang, labels)
            .into_iter()
            .map(|(title, bars)| view! { <Chart title=title bars=bars /> })
            .collect_view()
    };
    view! {
        <details class="summary" on:toggle=move |ev| {
            open.set(event_target::<web_sys::HtmlDetailsElement>(&ev).open());
        }>
            <summary>{move || t(&ui_language(), T::Summary)}</summary>
            {move || open.get().then(drawn)}
        </details>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use wasm_bindgen_test::wasm_bindgen_test;
    use xonadon_storage::ReviewStatus;

    fn row(day: &str, enumerator: &str, mahalla: &str, needs: &[&str]) -> Row {
        Row {
            instance_id: format!("{day}{enumerator}"),
            form_id: "f".into(),
            form_version: "1".into(),
            title: String::new(),
            day: day.into(),
            finalized_at_ms: 0.0,
            enumerator: enumerator.into(),
            place: vec![mahalla.into()],
            status: ReviewStatus::Pending,
            needs: needs.iter().map(|n| n.to_string()).collect(),
            corrects: None,
        }
    }

    /// The charts as `(title, [(label, count)])`.
    fn counted(charts: Vec<(String, Vec<Bar>)>) -> Vec<(String, Vec<(String, usize)>)> {
        charts
            .into_iter()
            .map(|(t, bars)| (t, bars.into_iter().map(|b| (b.label, b.count)).collect()))
            .collect()
    }

    fn bars(b: &[(&str, usize)]) -> Vec<(String, usize)> {
        b.iter().map(|(l, c)| (l.to_string(), *c)).collect()
    }

    #[wasm_bindgen_test]
    fn places_and_needs_by_their_labels_where_the_form_declares_them() {
        let rows = [
            row("2026-11-02", "Malika", "m1", &["food", "water"]),
            row("2026-11-01", "Malika", "m1", &["food"]),
            row("2026-11-01", "Sardor", "m2", &[]),
        ];
        let place = |r: &Row| r.place[0].to_uppercase();
        let need = |_: &Row, n: &str| format!("need {n}");
        let labels = Labels {
            place: Some(("Mahalla".into(), &place)),
            need: Some(&need),
        };
        let title = |key| t("en", key).to_string();
        assert_eq!(
            counted(charts(&rows, "en", labels)),
            [
                (
                    title(T::PerDay),
                    bars(&[("2026-11-01", 2), ("2026-11-02", 1)])
                ),
                (
                    title(T::PerEnumerator),
                    bars(&[("Malika", 2), ("Sardor", 1)])
                ),
                ("Mahalla".into(), bars(&[("M1", 2), ("M2", 1)])),
                (
                    title(T::NeedsIdentified),
                    bars(&[("need food", 2), ("need water", 1)])
                ),
            ]
        );
        let undeclared = Labels {
            place: None,
            need: None,
        };
        let titles: Vec<String> = charts(&rows, "en", undeclared)
            .into_iter()
            .map(|c| c.0)
            .collect();
        assert_eq!(titles, [title(T::PerDay), title(T::PerEnumerator)]);
    }
}
