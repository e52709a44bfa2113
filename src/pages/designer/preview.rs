//! The preview pane: the filling screen on the last form that loaded, marked stale while the
//! text does not load. It keeps its page and answers across edits of the same form while it
//! can.

use std::sync::Arc;

use leptos::prelude::*;
use xonadon_engine::{navigation, Instance};

use super::state::DesignerState;
use crate::host::BrowserHost;
use crate::i18n::{t, T};
use crate::pages::field::fill::FillScreen;
use crate::session::Session;
use crate::settings::ui_language;

#[component]
pub fn Preview() -> impl IntoView {
    let state = expect_context::<DesignerState>();
    let stale = state.stale;
    let page = RwSignal::new(String::new());
    // The last answers, with their form's id: restored into the next version of that form.
    let answers = StoredValue::new(None::<(String, serde_json::Value)>);
    let screen = move || {
        state.preview.get().map(|form| {
            let host = Arc::new(BrowserHost);
            let form_id = form.settings.form_id.clone();
            state.form_media.switch(&form_id, &form.settings.version);
            let instance = answers
                .get_value()
                .filter(|(id, _)| *id == form_id)
                .and_then(|(_, a)| Instance::restore(Arc::clone(&form), host.clone(), &a).ok())
                .unwrap_or_else(|| Instance::new(Arc::clone(&form), host));
            if page.get_untracked().is_empty() {
                if let Some(first) = navigation::pages(&instance).first() {
                    page.set(first.key.clone());
                }
            }
            let session = Session::new(instance);
            Effect::new(move |_| {
                session.edits.track();
                answers.set_value(Some((form_id.clone(), session.peek(|i| i.snapshot()))));
            });
            view! { <FillScreen session=session page=page on_home=|_| {} on_finalize=|_| {} /> }
        })
    };
    view! {
        <section class="preview" class:stale=move || stale.get()>
            <h2>{move || t(&ui_language(), T::Preview)}</h2>
            {move || stale.get().then(|| view! {
                <p class="stale-note">{t(&ui_language(), T::PreviewStale)}</p>
            })}
            {screen}
        </section>
    }
}
