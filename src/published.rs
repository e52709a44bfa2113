//! Which form versions the designer published to this device's field workers: form id →
//! version, in localStorage (the forms themselves are in IndexedDB). A field worker starts new
//! forms with the published version; drafts keep the version they started with.

use std::collections::BTreeMap;

use gloo_storage::{LocalStorage, Storage};

const KEY: &str = "xonadon.published";

/// Form id → the published version.
pub fn published() -> BTreeMap<String, String> {
    LocalStorage::get(KEY).unwrap_or_default()
}

/// Makes `version` the one new `form_id` forms start with; the error says why the browser
/// refused to keep it.
pub fn publish(form_id: &str, version: &str) -> Result<(), String> {
    let mut all = published();
    all.insert(form_id.to_string(), version.to_string());
    LocalStorage::set(KEY, &all).map_err(|e| e.to_string())
}
