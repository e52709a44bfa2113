//! Saving the form in the editor as a version in IndexedDB, and publishing it: making it the
//! version this device's field workers start new forms with. What is checked and what record
//! is written are plain functions; [`save`] writes it through the `Store`.

use std::collections::BTreeSet;

use leptos::prelude::*;
use leptos::task::spawn_local;
use xonadon_engine::{Form, FormDefinition};
use xonadon_storage::FormRecord;

use super::state::DesignerState;
use super::words::{filled, w, W};
use crate::components::confirm::Confirm;
use crate::i18n::{t, T};
use crate::store::Store;

/// What saving writes.
#[derive(Debug, PartialEq)]
pub struct ToSave {
    pub record: FormRecord,
    /// The media files the form names, saved with the version.
    pub media_files: BTreeSet<String>,
}

/// The record of the form in the editor, or `None` when the text does not load (`stale`: the
/// preview is of an earlier text, which is not the one to save). Id, version and title are
/// the loaded form's, the JSON is the text as written.
pub fn to_save(preview: Option<&Form>, stale: bool, text: &str, now_ms: f64) -> Option<ToSave> {
    let form = preview.filter(|_| !stale)?;
    let s = &form.settings;
    Some(ToSave {
        record: FormRecord {
            form_id: s.form_id.clone(),
            version: s.version.clone(),
            title: form.title(None),
            json: text.to_string(),
            added_at_ms: now_ms,
        },
        media_files: FormDefinition::from_json(text)
            .map(|d| d.media_files())
            .unwrap_or_default(),
    })
}

/// The status line after a save: the version saved, the media files nobody supplied, and
/// whether publishing worked (`None`: only saved).
pub fn saved_line(
    language: &str,
    record: &FormRecord,
    missing: &[String],
    published: Option<Result<(), String>>,
) -> String {
    let mut line = format!(
        "{}: {} {}",
        t(language, T::Saved),
        record.form_id,
        record.version
    );
    if !missing.is_empty() {
        line = format!(
            "{line}. {}: {}",
            t(language, T::MediaMissing),
            missing.join(", ")
        );
    }
    match published {
        Some(Ok(())) => line = format!("{line}. {}", t(language, T::Published)),
        Some(Err(e)) => line = format!("{line}. {e}"),
        None => {}
    }
    line
}

/// What to ask before publishing while `unchecked` transliterated texts are still listed to
/// check (`None`: nothing to ask).
pub fn ask_before_publishing(language: &str, unchecked: usize) -> Option<String> {
    (unchecked > 0).then(|| filled(language, W::UncheckedAsk, &[("n", &unchecked.to_string())]))
}

/// Publishes the text ([`save`]), asking first while transliterated texts are unchecked.
pub fn publish(state: DesignerState, store: Store, confirm: Confirm, language: String) {
    let unchecked = state.to_check.with_untracked(Vec::len);
    match ask_before_publishing(&language, unchecked) {
        None => save(state, store, true, language),
        Some(question) => {
            let yes = w(&language, W::PublishAnyway);
            confirm.ask_to(&question, yes, move || {
                save(state, store, true, language.clone())
            });
        }
    }
}

/// Saves the text as its form id and version, with its media; `then_publish` also makes it
/// the version this device's field workers start new forms with. A storage error is shown by
/// the store (the page's banner). `language` is read before: the task has no context.
pub fn save(state: DesignerState, store: Store, then_publish: bool, language: String) {
    let preview = state.preview.get_untracked();
    let checked = to_save(
        preview.as_deref(),
        state.stale.get_untracked(),
        &state.text.get_value(),
        crate::now_ms(),
    );
    let Some(ToSave {
        record,
        media_files,
    }) = checked
    else {
        return state.say(T::FixErrorsFirst);
    };
    spawn_local(async move {
        let pending = state.form_media.pending.get_value();
        let stored = if store.put_form(&record).await {
            let (id, version) = (&record.form_id, &record.version);
            store
                .put_form_media(id, version, &media_files, &pending)
                .await
        } else {
            None
        };
        let Some(stored) = stored else {
            return state.status.set(None);
        };
        let published =
            then_publish.then(|| crate::published::publish(&record.form_id, &record.version));
        state.show(saved_line(&language, &record, &stored.missing, published));
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use wasm_bindgen_test::wasm_bindgen_test;

    const FORM: &str = r#"{
  "settings": {"form_id": "visit", "version": "3", "title": "Visit"},
  "survey": [{"type": "text", "name": "head", "label": "Head", "media": {"image": "head.png"}}]
}"#;

    #[wasm_bindgen_test]
    fn the_text_that_loaded_is_saved_under_its_id_and_version_with_its_media() {
        let form = xonadon_engine::load(FORM).unwrap();
        let saved = to_save(Some(&form), false, FORM, 7.0).expect("it loads");
        assert_eq!(
            saved.record,
            FormRecord {
                form_id: "visit".into(),
                version: "3".into(),
                title: "Visit".into(),
                json: FORM.into(),
                added_at_ms: 7.0,
            }
        );
        assert_eq!(saved.media_files, BTreeSet::from(["head.png".to_string()]));
    }

    #[wasm_bindgen_test]
    fn nothing_is_saved_while_the_text_does_not_load() {
        let earlier = xonadon_engine::load(FORM).unwrap();
        // The preview still shows the form that loaded last; the text is broken.
        assert_eq!(to_save(Some(&earlier), true, "{", 7.0), None);
        assert_eq!(to_save(None, false, FORM, 7.0), None);
    }

    #[wasm_bindgen_test]
    fn publishing_asks_only_while_transliterations_are_unchecked() {
        assert_eq!(ask_before_publishing("en", 0), None);
        assert_eq!(
            ask_before_publishing("en", 2).as_deref(),
            Some("2 transliterated texts have not been checked yet. Publish anyway?")
        );
    }

    #[wasm_bindgen_test]
    fn the_status_line_names_the_version_what_is_missing_and_the_publishing() {
        let form = xonadon_engine::load(FORM).unwrap();
        let record = to_save(Some(&form), false, FORM, 0.0).unwrap().record;
        let saved = format!("{}: visit 3", t("en", T::Saved));
        assert_eq!(saved_line("en", &record, &[], None), saved);
        assert_eq!(
            saved_line("en", &record, &["head.png".into()], Some(Ok(()))),
            format!(
                "{saved}. {}: head.png. {}",
                t("en", T::MediaMissing),
                t("en", T::Published)
            )
        );
        assert_eq!(
            saved_line("en", &record, &[], Some(Err("full".into()))),
            format!("{saved}. full")
        );
    }
}
