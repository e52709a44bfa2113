//! How the app's own small records in localStorage are kept: the draft journal and the
//! last-saved submissions hold answers, so once the worker has a PIN they are sealed with the
//! device's data key as IndexedDB's records are (`xonadon_storage::seal`, synchronous: the
//! journal is written as the page closes). While the app is locked nothing that holds answers
//! is written at all, rather than written in clear.

use gloo_storage::{LocalStorage, Storage};
use serde::de::DeserializeOwned;
use serde::Serialize;
use xonadon_storage::seal::{self, DataKey};

/// Whether and how records are sealed now.
#[derive(Clone, Debug, Default)]
pub enum AtRest {
    /// No PIN on this device (the worker declined, the policy allowed it): in clear.
    #[default]
    Clear,
    /// Unlocked: sealed under the data key.
    Open(DataKey),
    /// Locked: answers are neither read nor written.
    Locked,
}

impl AtRest {
    /// `value`'s JSON text as stored (sealed or clear); `None` while locked.
    pub fn encode<T: Serialize>(&self, kind: &str, value: &T) -> Option<String> {
        let text = serde_json::to_string(value).ok()?;
        match self {
            AtRest::Clear => Some(text),
            AtRest::Open(key) => key.seal_text(kind, &text).ok(),
            AtRest::Locked => None,
        }
    }

    /// What `stored` holds: clear JSON (written before the PIN was set) or sealed text.
    pub fn decode<T: DeserializeOwned>(&self, kind: &str, stored: &str) -> Option<T> {
        if !seal::is_sealed_text(stored) {
            return serde_json::from_str(stored).ok();
        }
        match self {
            AtRest::Open(key) => serde_json::from_str(&key.open_text(kind, stored).ok()?).ok(),
            AtRest::Clear | AtRest::Locked => None,
        }
    }

    /// Writes `value` under the localStorage `key`; false if it was not (locked, storage full).
    pub fn put<T: Serialize>(&self, kind: &str, key: &str, value: &T) -> bool {
        let Some(text) = self.encode(kind, value) else {
            return false;
        };
        LocalStorage::raw().set_item(key, &text).is_ok()
    }

    /// The value under the localStorage `key`, if there is one that opens.
    pub fn get<T: DeserializeOwned>(&self, kind: &str, key: &str) -> Option<T> {
        let stored = LocalStorage::raw().get_item(key).ok()??;
        self.decode(kind, &stored)
    }

    /// Every localStorage key that starts with `prefix`.
    pub fn keys_with(prefix: &str) -> Vec<String> {
        let storage = LocalStorage::raw();
        let count = storage.length().unwrap_or(0);
        (0..count)
            .filter_map(|i| storage.key(i).ok().flatten())
            .filter(|k| k.starts_with(prefix))
            .collect()
    }

    /// Seals, in place, every clear value under a key starting with `prefix` (after the PIN
    /// is set on a device that had none): each is replaced by its sealed text in one
    /// `setItem`, so a kill leaves it either clear or sealed, both readable.
    pub fn seal_all(&self, kind: &str, prefix: &str) {
        let AtRest::Open(key) = self else { return };
        let storage = LocalStorage::raw();
        for k in Self::keys_with(prefix) {
            let Ok(Some(stored)) = storage.get_item(&k) else {
                continue;
            };
            if !seal::is_sealed_text(&stored) {
                if let Ok(sealed) = key.seal_text(kind, &stored) {
                    let _ = storage.set_item(&k, &sealed);
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use wasm_bindgen_test::wasm_bindgen_test;

    #[wasm_bindgen_test]
    fn values_are_sealed_once_open_and_never_written_locked() {
        let value = serde_json::json!({ "head_name": "SENTINEL-Gulnora" });
        let clear = AtRest::Clear.encode("journal", &value).unwrap();
        assert!(clear.contains("SENTINEL"));
        let open = AtRest::Open(DataKey::generate().unwrap());
        let sealed = open.encode("journal", &value).unwrap();
        assert!(!sealed.contains("SENTINEL"));
        assert_eq!(
            open.decode::<serde_json::Value>("journal", &sealed),
            Some(value.clone())
        );
        assert_eq!(
            open.decode::<serde_json::Value>("journal", &clear),
            Some(value.clone()),
            "clear values written before the PIN still read"
        );
        assert_eq!(AtRest::Locked.encode("journal", &value), None);
        assert_eq!(
            AtRest::Locked.decode::<serde_json::Value>("journal", &sealed),
            None
        );
        assert_eq!(
            open.decode::<serde_json::Value>("last-saved", &sealed),
            None,
            "a journal entry is not a last-saved copy"
        );
    }
}
