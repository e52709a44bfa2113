//! Geopoint: the browser's geolocation, with the accuracy shown and a retry.

use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use crate::i18n::{t, T};
use crate::settings::ui_language;

/// `lat lon altitude accuracy`, as ODK holds a geopoint.
fn geopoint(p: &web_sys::Position) -> String {
    let c = p.coords();
    format!(
        "{} {} {} {}",
        c.latitude(),
        c.longitude(),
        c.altitude().unwrap_or(0.0),
        c.accuracy()
    )
}

#[derive(Clone, Copy, PartialEq)]
enum Status {
    Idle,
    Locating,
    Failed,
}

#[component]
pub fn Geopoint(
    id: String,
    value: Memo<String>,
    set: impl Fn(String) + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let status = RwSignal::new(Status::Idle);
    let locate = move |_| {
        let Some(geo) = window().navigator().geolocation().ok() else {
            status.set(Status::Failed);
            return;
        };
        status.set(Status::Locating);
        let ok = Closure::once_into_js(move |p: web_sys::Position| {
            set(geopoint(&p));
            status.set(Status::Idle);
        });
        let err = Closure::once_into_js(move |_e: JsValue| status.set(Status::Failed));
        let options = web_sys::PositionOptions::new();
        options.set_enable_high_accuracy(true);
        options.set_timeout(30_000);
        if geo
            .get_current_position_with_error_callback_and_options(
                ok.unchecked_ref(),
                Some(err.unchecked_ref()),
                &options,
            )
            .is_err()
        {
            status.set(Status::Failed);
        }
    };
    let accuracy = move || value.with(|v| v.split_whitespace().nth(3).map(str::to_string));
    view! {
        <div class="geopoint">
            <button type="button" id=id on:click=locate disabled=move || status.get() == Status::Locating>
                {move || {
                    let lang = ui_language();
                    match status.get() {
                        Status::Failed => t(&lang, T::RetryLocation),
                        _ => t(&lang, T::GetLocation),
                    }
                }}
            </button>
            <output>{move || {
                let v = value.get();
                let mut parts = v.split_whitespace();
                match (parts.next(), parts.next()) {
                    (Some(lat), Some(lon)) => format!("{lat}, {lon}"),
                    _ => String::new(),
                }
            }}</output>
            {move || accuracy().map(|a| view! {
                <span class="accuracy">{format!("{}: ±{} m", t(&ui_language(), T::Accuracy), a)}</span>
            })}
            {move || (status.get() == Status::Failed).then(|| view! {
                <p class="message" role="alert">{t(&ui_language(), T::LocationUnavailable)}</p>
            })}
        </div>
    }
}
