//! The transliterated texts to check: a click finds one in the text, "correct" takes it off
//! the list, "all correct" empties it.

use leptos::prelude::*;
use xonadon_engine::locate::locate;

use super::state::DesignerState;
use super::words::{w, W};
use crate::i18n::{t, T};
use crate::settings::ui_language;

#[component]
pub fn ToCheck() -> impl IntoView {
    let state = expect_context::<DesignerState>();
    let to_check = state.to_check;
    let item = move |path: String, text: String| {
        let find = path.clone();
        let done = path.clone();
        view! {
            <li>
                <button type="button" class="link" on:click=move |_| {
                    let current = state.text.get_value();
                    state.go(locate(&current, &[&find])[0]);
                }>
                    <span class="place">{path}</span>
                    <span class="what">{text}</span>
                </button>
                <button type="button" on:click=move |_| {
                    to_check.update(|l| l.retain(|x| x.path != done));
                }>{move || t(&ui_language(), T::Correct)}</button>
            </li>
        }
    };
    view! {
        <Show when=move || !to_check.get().is_empty()>
            <section class="to-check">
                <h2>{move || t(&ui_language(), T::ToCheck)}</h2>
                <button type="button" id="confirm-all" on:click=move |_| to_check.set(Vec::new())>
                    {move || w(&ui_language(), W::ConfirmAll)}
                </button>
                <ul id="to-check">
                    {move || to_check.get().into_iter().map(|f| item(f.path, f.text)).collect_view()}
                </ul>
            </section>
        </Show>
    }
}
