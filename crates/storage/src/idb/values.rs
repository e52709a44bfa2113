//! Records as the stores hold them: JSON text (see the module's "Why values are JSON strings"),
//! photos as `{draft_id, mime, blob}` with the file as a `Blob`, forms under `[form_id, version]`.

use serde::de::DeserializeOwned;
use serde::Serialize;
use wasm_bindgen::prelude::*;

use crate::{FormRecord, Media, Result, StorageError};

/// A photo as the `media` store holds it: `{draft_id, mime, blob}`.
pub(super) fn media_value(media: &Media) -> Result<JsValue> {
    let value = js_sys::Object::new();
    let blob = media
        .to_blob()
        .map_err(|e| StorageError::Other(format!("cannot make a file of {}: {e:?}", media.name)))?;
    for (k, v) in [
        ("draft_id", JsValue::from_str(&media.draft_id)),
        ("mime", JsValue::from_str(&media.mime)),
        ("blob", blob.into()),
    ] {
        js_sys::Reflect::set(&value, &JsValue::from_str(k), &v)
            .map_err(|e| StorageError::Other(format!("{e:?}")))?;
    }
    Ok(value.into())
}

pub(super) fn form_key(form: &FormRecord) -> [String; 2] {
    [form.form_id.clone(), form.version.clone()]
}

pub(super) fn to_json<T: Serialize>(record: &T) -> Result<String> {
    serde_json::to_string(record).map_err(|e| StorageError::Invalid(e.to_string()))
}

pub(super) fn parse<T: DeserializeOwned>(value: &JsValue, what: &str) -> Result<T> {
    let text = value
        .as_string()
        .ok_or_else(|| StorageError::Corrupt(format!("{what} is not JSON text")))?;
    serde_json::from_str(&text).map_err(|e| StorageError::Corrupt(format!("{what}: {e}")))
}

pub(super) fn key_label(key: &JsValue) -> String {
    match key.as_string() {
        Some(s) => s,
        None => js_sys::JSON::stringify(key)
            .map(String::from)
            .unwrap_or_else(|_| format!("{key:?}")),
    }
}

impl Media {
    /// The file as a browser `Blob` of its MIME type (to store it, or to show it with
    /// `URL.createObjectURL`).
    pub fn to_blob(&self) -> std::result::Result<web_sys::Blob, JsValue> {
        let bytes = js_sys::Uint8Array::from(self.bytes.as_slice());
        let options = web_sys::BlobPropertyBag::new();
        options.set_type(&self.mime);
        web_sys::Blob::new_with_u8_array_sequence_and_options(&js_sys::Array::of1(&bytes), &options)
    }
}
