//! Records as the stores hold them: JSON text (see the module's "Why values are JSON strings"),
//! or once the app has a data key the same text sealed (bytes); photos as `{draft_id, mime,
//! blob}` with the file (or the sealed file) as a `Blob`; forms under `[form_id, version]`.

use std::rc::Rc;

use js_sys::Uint8Array;
use serde::de::DeserializeOwned;
use serde::Serialize;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use super::schema::{CONFLICTS, DRAFTS, MEDIA, SUBMISSIONS};
use crate::seal::DataKey;
use crate::{FormRecord, Media, Result, StorageError};

/// How records are written and read: as JSON text, or sealed under the device's data key
/// (`crate::seal`) once the app has one. A store may hold both while a clear-text database is
/// being sealed (`IdbRepository::seal_all`): a value is read by what it is, a string (clear
/// JSON) or bytes (sealed).
#[derive(Clone, Default)]
pub(super) struct Codec {
    pub key: Option<Rc<DataKey>>,
    /// Locked (`IdbRepository::lock`): records that hold answers are neither read nor
    /// written, rather than written in clear.
    pub locked: bool,
}

impl Codec {
    /// `record` as the store `kind` holds it: sealed bytes if there is a key and the store
    /// holds answers, JSON text otherwise.
    pub fn encode<T: Serialize>(&self, kind: &str, record: &T) -> Result<JsValue> {
        let text = to_json(record)?;
        if self.locked && holds_answers(kind) {
            return Err(StorageError::Locked);
        }
        match (&self.key, holds_answers(kind)) {
            (Some(key), true) => {
                Ok(Uint8Array::from(seal_bytes(key, kind, text.as_bytes())?.as_slice()).into())
            }
            _ => Ok(JsValue::from_str(&text)),
        }
    }

    /// A stored record of the store `kind` (`what` names it in errors).
    pub fn decode<T: DeserializeOwned>(
        &self,
        kind: &str,
        value: &JsValue,
        what: &str,
    ) -> Result<T> {
        if let Some(text) = value.as_string() {
            return serde_json::from_str(&text)
                .map_err(|e| StorageError::Corrupt(format!("{what}: {e}")));
        }
        let bytes = value
            .dyn_ref::<Uint8Array>()
            .ok_or_else(|| {
                StorageError::Corrupt(format!("{what} is neither JSON text nor sealed"))
            })?
            .to_vec();
        let plain = self.open(kind, &bytes, what)?;
        serde_json::from_slice(&plain).map_err(|e| StorageError::Corrupt(format!("{what}: {e}")))
    }

    /// The bytes `sealed` of a record of `kind`, opened.
    pub fn open(&self, kind: &str, sealed: &[u8], what: &str) -> Result<Vec<u8>> {
        let key = self.key.as_ref().ok_or(StorageError::Locked)?;
        key.open(kind, sealed)
            .map_err(|e| StorageError::Corrupt(format!("{what}: {e}")))
    }

    /// A photo as the `media` store holds it: `{draft_id, mime, blob}`, and `sealed: true`
    /// when the blob holds the sealed file.
    pub fn media_value(&self, media: &Media) -> Result<JsValue> {
        if self.locked {
            return Err(StorageError::Locked);
        }
        let value = js_sys::Object::new();
        let blob = match &self.key {
            Some(key) => {
                let sealed = seal_bytes(key, MEDIA, &media.bytes)?;
                bytes_blob(&sealed, "application/octet-stream")
            }
            None => media.to_blob(),
        }
        .map_err(|e| StorageError::Other(format!("cannot make a file of {}: {e:?}", media.name)))?;
        set(&value, "draft_id", &JsValue::from_str(&media.draft_id))?;
        set(&value, "mime", &JsValue::from_str(&media.mime))?;
        set(&value, "blob", &blob)?;
        if self.key.is_some() {
            set(&value, SEALED, &JsValue::TRUE)?;
        }
        Ok(value.into())
    }
}

/// The `media` value's field that says its blob is sealed.
pub(super) const SEALED: &str = "sealed";

/// Whether the store `kind` holds answers (and so is sealed): forms and the finalized ids are
/// not answers and stay readable before the app is unlocked.
pub(super) fn holds_answers(kind: &str) -> bool {
    [DRAFTS, SUBMISSIONS, CONFLICTS, MEDIA].contains(&kind)
}

fn seal_bytes(key: &DataKey, kind: &str, plain: &[u8]) -> Result<Vec<u8>> {
    key.seal(kind, plain)
        .map_err(|e| StorageError::Other(format!("cannot seal a record: {e}")))
}

fn set(object: &js_sys::Object, key: &str, value: &JsValue) -> Result<()> {
    js_sys::Reflect::set(object, &JsValue::from_str(key), value)
        .map(|_| ())
        .map_err(|e| StorageError::Other(format!("{e:?}")))
}

fn bytes_blob(bytes: &[u8], mime: &str) -> std::result::Result<web_sys::Blob, JsValue> {
    let array = Uint8Array::from(bytes);
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    web_sys::Blob::new_with_u8_array_sequence_and_options(&js_sys::Array::of1(&array), &options)
}

pub(super) fn form_key(form: &FormRecord) -> [String; 2] {
    [form.form_id.clone(), form.version.clone()]
}

fn to_json<T: Serialize>(record: &T) -> Result<String> {
    serde_json::to_string(record).map_err(|e| StorageError::Invalid(e.to_string()))
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
        bytes_blob(&self.bytes, &self.mime)
    }
}

impl Codec {
    /// A record's JSON `text`, as stored in clear, sealed as the store `kind` holds it sealed:
    /// the very bytes, not a re-serialisation (`seal_all`).
    pub fn seal_text(&self, kind: &str, text: &str) -> Result<JsValue> {
        let key = self.key.as_ref().ok_or(StorageError::Locked)?;
        Ok(Uint8Array::from(seal_bytes(key, kind, text.as_bytes())?.as_slice()).into())
    }

    /// A file's bytes sealed, as the blob of a sealed `media` value.
    pub fn sealed_blob(&self, bytes: &[u8]) -> Result<web_sys::Blob> {
        let key = self.key.as_ref().ok_or(StorageError::Locked)?;
        bytes_blob(&seal_bytes(key, MEDIA, bytes)?, "application/octet-stream")
            .map_err(|e| StorageError::Other(format!("cannot make a file: {e:?}")))
    }
}
