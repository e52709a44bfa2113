//! The summary under the list: charts of the submissions shown, counted only while it is open
//! (the list may hold thousands).

use leptos::prelude::*;

use super::rows::Row;
use super::state::{choice_label, SupervisorState};
use super::summary::{self, Bar, Chart};
use crate::i18n::{t, T};
use crate::settings::ui_language;

/// The charts of `rows`, titled: per day, per enumerator, per place (`place` gives a row's
/// place as shown) and the needs identified (`need` gives a need's label, for a row).
pub fn charts(
    rows: &[Row],
    place: impl Fn(&Row) -> String,
    need: impl Fn(&Row, &str) -> String,
) -> Vec<(T, Vec<Bar>)> {
    let places = rows.iter().map(&place);
    let needs = rows
        .iter()
        .flat_map(|r| r.needs.iter().map(|n| need(r, n)).collect::<Vec<_>>());
    vec![
        (
            T::PerDay,
            summary::per_day(rows.iter().map(|r| r.day.clone())),
        ),
        (
            T::PerEnumerator,
            summary::count(rows.iter().map(|r| r.enumerator.clone())),
        ),
        (T::PerMahalla, summary::count(places)),
        (T::NeedsIdentified, summary::count(needs)),
    ]
}

#[component]
pub fn SummarySection() -> impl IntoView {
    let state = expect_context::<SupervisorState>();
    let open = RwSignal::new(false);
    let drawn = move || {
        let rows = state.shown.get();
        let lang = ui_language();
        let form = |r: &Row| state.form_of(&r.form_id, &r.form_version);
        let place = |r: &Row| choice_label(form(r).as_deref(), "mahalla", &r.place.mahalla, &lang);
        let need =
            |r: &Row, n: &str| choice_label(form(r).as_deref(), "needs_identified", n, &lang);
        charts(&rows, place, need)
            .into_iter()
            .map(|(title, bars)| view! { <Chart title=t(&lang, title).to_string() bars=bars /> })
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
    use super::super::rows::Place;
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
            place: Place {
                mahalla: mahalla.into(),
                ..Place::default()
            },
            status: ReviewStatus::Pending,
            needs: needs.iter().map(|n| n.to_string()).collect(),
        }
    }

    #[wasm_bindgen_test]
    fn four_charts_places_and_needs_by_their_labels() {
        let rows = [
            row("2026-11-02", "Malika", "m1", &["food", "water"]),
            row("2026-11-01", "Malika", "m1", &["food"]),
            row("2026-11-01", "Sardor", "m2", &[]),
        ];
        let charts = charts(
            &rows,
            |r| r.place.mahalla.to_uppercase(),
            |_, n| format!("need {n}"),
        );
        let counted: Vec<(T, Vec<(String, usize)>)> = charts
            .into_iter()
            .map(|(t, bars)| (t, bars.into_iter().map(|b| (b.label, b.count)).collect()))
            .collect();
        let bars = |b: &[(&str, usize)]| b.iter().map(|(l, c)| (l.to_string(), *c)).collect();
        assert_eq!(
            counted,
            [
                (T::PerDay, bars(&[("2026-11-01", 2), ("2026-11-02", 1)])),
                (T::PerEnumerator, bars(&[("Malika", 2), ("Sardor", 1)])),
                (T::PerMahalla, bars(&[("M1", 2), ("M2", 1)])),
                (
                    T::NeedsIdentified,
                    bars(&[("need food", 2), ("need water", 1)])
                ),
            ]
        );
    }
}
