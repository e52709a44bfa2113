//! A submission's answers under their questions' labels, in the chosen language: the
//! supervisor's detail and the field worker's read-only view (`pages::field::view`) show it
//! alike (`pages::supervisor::answers` reads the lines).

use std::sync::Arc;

use leptos::prelude::*;
use serde_json::Value;
use xonadon_engine::Form;

use crate::pages::supervisor::answers;
use crate::settings::ui_language;

#[component]
pub fn AnswerList(form: Option<Arc<Form>>, data: Value) -> impl IntoView {
    let lines = move || {
        let lang = ui_language();
        form.as_deref()
            .map(|f| answers::lines(f, &data, Some(&lang)))
            .unwrap_or_default()
    };
    view! {
        <dl class="answers">
            {move || lines().into_iter().map(|l| {
                let class = format!("depth-{}", l.depth.min(3));
                match l.answer {
                    None => view! { <dt class=format!("{class} heading")>{l.label}</dt> }.into_any(),
                    Some(a) => view! { <dt class=class.clone()>{l.label}</dt><dd class=class>{a}</dd> }.into_any(),
                }
            }).collect_view()}
        </dl>
    }
}
