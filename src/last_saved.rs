//! The last finalized submission of each form that reads `${last-saved#…}`, in localStorage:
//! a new form starts from it without reading every submission out of IndexedDB (which has no
//! index by form). Only such forms keep one; losing it (storage cleared or full) loses the
//! convenience, never an answer. It holds answers, so it is sealed as the journal is
//! (`at_rest`).

use crate::at_rest::AtRest;

pub const PREFIX: &str = "xonadon.last-saved.";
/// What a sealed copy is (its associated data).
pub const KIND: &str = "last-saved";

pub fn get(at_rest: &AtRest, form_id: &str) -> Option<serde_json::Value> {
    at_rest.get(KIND, &format!("{PREFIX}{form_id}"))
}

pub fn put(at_rest: &AtRest, form_id: &str, submission: &serde_json::Value) {
    at_rest.put(KIND, &format!("{PREFIX}{form_id}"), submission);
}
