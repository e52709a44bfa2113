//! The device's settings: the app's language, the enumerator's name and a device id. Kept in
//! localStorage (gloo-storage), so they survive reloads; every submission is stamped with them.

use gloo_storage::{LocalStorage, Storage};
use leptos::prelude::*;

use crate::i18n::{t, Lang, T};

const LANGUAGE: &str = "xonadon.language";
const ENUMERATOR: &str = "xonadon.enumerator";
const DEVICE_ID: &str = "xonadon.device_id";
const ONE_QUESTION: &str = "xonadon.one_question";
const REQUIRED_BEFORE_NEXT: &str = "xonadon.required_before_next";
const MAX_IMAGE_PX: &str = "xonadon.max_image_px";

#[derive(Clone, Copy)]
pub struct Settings {
    /// BCP-47 tag of the app's chrome and, when the form has it, the form's language.
    pub language: RwSignal<String>,
    pub enumerator: RwSignal<String>,
    pub device_id: RwSignal<String>,
    /// One question per screen in groups without `field-list`.
    pub one_question: RwSignal<bool>,
    /// "Next" refused while a required question of the page is unanswered (a broken
    /// constraint always refuses it).
    pub required_before_next: RwSignal<bool>,
    /// Photos are scaled down so that their longer side is at most this many pixels.
    pub max_image_px: RwSignal<u32>,
}

impl Settings {
    /// Reads the saved settings; a new device gets a random device id.
    pub fn load(new_id: impl FnOnce() -> String) -> Settings {
        let language = LocalStorage::get(LANGUAGE).unwrap_or_else(|_| "uz-Latn".to_string());
        let enumerator = LocalStorage::get(ENUMERATOR).unwrap_or_default();
        let device_id = LocalStorage::get(DEVICE_ID).unwrap_or_else(|_| {
            let id = new_id();
            let _ = LocalStorage::set(DEVICE_ID, &id);
            id
        });
        let one_question = LocalStorage::get(ONE_QUESTION).unwrap_or(false);
        let s = Settings {
            language: RwSignal::new(language),
            enumerator: RwSignal::new(enumerator),
            device_id: RwSignal::new(device_id),
            one_question: RwSignal::new(one_question),
            required_before_next: RwSignal::new(
                LocalStorage::get(REQUIRED_BEFORE_NEXT).unwrap_or(false),
            ),
            max_image_px: RwSignal::new(LocalStorage::get(MAX_IMAGE_PX).unwrap_or(1280)),
        };
        // Persist every change. A failure (private mode, full storage) only loses the setting.
        Effect::new(move |_| {
            let language = s.language.get();
            // Screen readers and hyphenation follow the document's language.
            if let Some(html) = document().document_element() {
                let _ = html.set_attribute("lang", &language);
            }
            let _ = LocalStorage::set(LANGUAGE, language);
        });
        Effect::new(move |_| {
            let _ = LocalStorage::set(ENUMERATOR, s.enumerator.get());
        });
        Effect::new(move |_| {
            let _ = LocalStorage::set(ONE_QUESTION, s.one_question.get());
        });
        Effect::new(move |_| {
            let _ = LocalStorage::set(MAX_IMAGE_PX, s.max_image_px.get());
        });
        Effect::new(move |_| {
            let _ = LocalStorage::set(REQUIRED_BEFORE_NEXT, s.required_before_next.get());
        });
        s
    }
}

/// The current chrome language (tracked when read inside a reactive closure).
pub fn ui_language() -> String {
    use_context::<Settings>()
        .map(|s| s.language.get())
        .unwrap_or_else(|| "uz-Latn".to_string())
}

/// The language menu of the header: the app's chrome, and the form where it has that language.
#[component]
pub fn LanguagePicker() -> impl IntoView {
    let settings = expect_context::<Settings>();
    view! {
        <label class="language">
            <span class="visually-hidden">{move || t(&ui_language(), T::Language)}</span>
            <select on:change=move |ev| settings.language.set(event_target_value(&ev))>
                {Lang::ALL.iter().map(|lang| {
                    let tag = lang.tag();
                    view! { <option value=tag selected=move || settings.language.get() == tag>{lang.name()}</option> }
                }).collect_view()}
            </select>
        </label>
    }
}
