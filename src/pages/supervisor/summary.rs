//! The supervisor's summary: how many submissions per day, per enumerator and per place, and
//! how often each need was identified — counts as plain data, drawn by `Chart` as SVG bars.

use std::collections::HashMap;

use leptos::prelude::*;
use serde_json::Value;

/// One bar: what it counts and how many.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Bar {
    pub label: String,
    pub count: usize,
}

/// Counts of `keys`, largest first (ties: by label); blank keys are left out.
pub fn count(keys: impl IntoIterator<Item = String>) -> Vec<Bar> {
    let mut counts: HashMap<String, usize> = HashMap::new();
    for key in keys.into_iter().filter(|k| !k.is_empty()) {
        *counts.entry(key).or_default() += 1;
    }
    let mut bars: Vec<Bar> = counts
        .into_iter()
        .map(|(label, count)| Bar { label, count })
        .collect();
    bars.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.label.cmp(&b.label)));
    bars
}

/// Counts by day, in calendar order (`YYYY-MM-DD` sorts as dates do).
pub fn per_day(days: impl IntoIterator<Item = String>) -> Vec<Bar> {
    let mut bars = count(days);
    bars.sort_by(|a, b| a.label.cmp(&b.label));
    bars
}

/// The choice names answered to the select_multiple named `question` (outside repeats).
pub fn chosen(data: &Value, question: &str) -> Vec<String> {
    super::rows::answer_named(data, question)
        .map(|s| s.split_whitespace().map(str::to_string).collect())
        .unwrap_or_default()
}

/// Horizontal bars with their labels and counts; readable at 360 px and up.
#[component]
pub fn Chart(title: String, bars: Vec<Bar>) -> impl IntoView {
    const ROW: usize = 30;
    let max = bars.iter().map(|b| b.count).max().unwrap_or(1).max(1);
    let height = (bars.len().max(1) * ROW) as u32;
    let label = title.clone();
    view! {
        <figure class="chart">
            <figcaption>{title}</figcaption>
            <svg viewBox=format!("0 0 600 {height}") role="img" aria-label=label
                preserveAspectRatio="xMinYMin meet">
                {bars.into_iter().enumerate().map(|(k, bar)| {
                    let y = k * ROW;
                    let width = 300 * bar.count / max;
                    view! {
                        <g>
                            <title>{format!("{}: {}", bar.label, bar.count)}</title>
                            <text x="0" y=y + 20 class="chart-label">{shorten(&bar.label)}</text>
                            <rect x="250" y=y + 6 width=width.max(2) height="18" rx="3" class="chart-bar" />
                            <text x=256 + width y=y + 20 class="chart-count">{bar.count}</text>
                        </g>
                    }
                }).collect_view()}
            </svg>
        </figure>
    }
}

/// A label that fits the label column (the full text is in the bar's tooltip).
fn shorten(label: &str) -> String {
    const MAX: usize = 28;
    if label.chars().count() <= MAX {
        label.to_string()
    } else {
        label.chars().take(MAX - 1).collect::<String>() + "…"
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;
    use wasm_bindgen_test::wasm_bindgen_test;

    fn bar(label: &str, count: usize) -> Bar {
        Bar {
            label: label.into(),
            count,
        }
    }

    #[wasm_bindgen_test]
    fn counts_largest_first_days_in_order() {
        let keys = ["b", "a", "b", "", "c", "a", "b"].map(String::from);
        assert_eq!(count(keys.clone()), [bar("b", 3), bar("a", 2), bar("c", 1)]);
        let days = ["2026-11-20", "2026-11-02", "2026-11-20"].map(String::from);
        assert_eq!(per_day(days), [bar("2026-11-02", 1), bar("2026-11-20", 2)]);
    }

    #[wasm_bindgen_test]
    fn needs_answered_anywhere_outside_repeats() {
        let data = json!({"needs": {"needs_identified": "food school_supplies"}});
        assert_eq!(
            chosen(&data, "needs_identified"),
            ["food", "school_supplies"]
        );
        assert!(chosen(&json!({}), "needs_identified").is_empty());
        assert_eq!(shorten(&"ж".repeat(40)).chars().count(), 28);
    }
}
