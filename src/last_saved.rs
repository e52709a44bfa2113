//! The last finalized submission of each form that reads `${last-saved#…}`, in localStorage:
//! a new form starts from it without reading every submission out of IndexedDB (which has no
//! index by form). Only such forms keep one; losing it (storage cleared or full) loses the
//! convenience, never an answer.

use gloo_storage::{LocalStorage, Storage};

const PREFIX: &str = "xonadon.last-saved.";

pub fn get(form_id: &str) -> Option<serde_json::Value> {
    LocalStorage::get(format!("{PREFIX}{form_id}")).ok()
}

pub fn put(form_id: &str, submission: &serde_json::Value) {
    let _ = LocalStorage::set(format!("{PREFIX}{form_id}"), submission);
}
