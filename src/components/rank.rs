//! Rank: the choices of a list put in order with buttons (large touch targets, keyboard
//! friendly; no dragging). The answer is their names, space-separated, first first; blank until
//! the worker moves one or keeps the order shown.

use leptos::prelude::*;

use crate::i18n::{t, T};
use crate::settings::ui_language;

/// The order shown: the answer's names first, then the other choices in list order.
pub fn order(value: &str, names: &[String]) -> Vec<String> {
    let mut out: Vec<String> = value
        .split_whitespace()
        .filter(|n| names.iter().any(|c| c == n))
        .map(str::to_string)
        .collect();
    for n in names {
        if !out.contains(n) {
            out.push(n.clone());
        }
    }
    out
}

/// `order` with the item at `from` moved to `to` (both in range), as an answer.
pub fn moved(order: &[String], from: usize, to: usize) -> String {
    let mut out = order.to_vec();
    let item = out.remove(from);
    out.insert(to, item);
    out.join(" ")
}

#[component]
pub fn Rank(
    id: String,
    /// The choices: (name, label).
    choices: Vec<(String, String)>,
    value: Memo<String>,
    set: impl Fn(String) + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let names: Vec<String> = choices.iter().map(|(n, _)| n.clone()).collect();
    let labels = StoredValue::new(choices);
    let names = StoredValue::new(names);
    let shown = move || names.with_value(|n| order(&value.get(), n));
    let label_of = move |name: &str| {
        labels.with_value(|l| {
            l.iter()
                .find(|(n, _)| n == name)
                .map_or_else(|| name.to_string(), |(_, label)| label.clone())
        })
    };
    view! {
        <div class="rank" id=id>
            <ol>
                {move || {
                    let items = shown();
                    let last = items.len().saturating_sub(1);
                    items.iter().enumerate().map(|(i, name)| {
                        let up = move |_| set(moved(&shown(), i, i.saturating_sub(1)));
                        let down = move |_| set(moved(&shown(), i, (i + 1).min(last)));
                        let label = label_of(name);
                        let lang = ui_language();
                        view! {
                            <li>
                                <span class="rank-label">{label.clone()}</span>
                                <button type="button" on:click=up disabled={i == 0}
                                    aria-label=format!("{}: {label}", t(&lang, T::MoveUp))>"↑"</button>
                                <button type="button" on:click=down disabled={i == last}
                                    aria-label=format!("{}: {label}", t(&lang, T::MoveDown))>"↓"</button>
                            </li>
                        }
                    }).collect_view()
                }}
            </ol>
            {move || value.with(String::is_empty).then(|| view! {
                <button type="button" on:click=move |_| set(shown().join(" "))>
                    {move || t(&ui_language(), T::KeepOrder)}
                </button>
            })}
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::{moved, order};

    #[wasm_bindgen_test::wasm_bindgen_test]
    fn ranks_keep_the_workers_order() {
        let names: Vec<String> = ["a", "b", "c"].iter().map(|s| s.to_string()).collect();
        assert_eq!(order("", &names), names);
        assert_eq!(order("c x a", &names), ["c", "a", "b"]);
        assert_eq!(moved(&order("c a b", &names), 2, 1), "c b a");
        assert_eq!(moved(&names, 0, 1), "b a c");
    }
}
