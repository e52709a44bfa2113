//! What the lock keeps in localStorage (read at start-up, before anything else): the data
//! key sealed under the worker's PIN (never in clear), or that the worker chose to go on
//! without one; and the count of wrong PINs, so a reload does not reset the wait.

use gloo_storage::{LocalStorage, Storage};
use serde::{Deserialize, Serialize};

use super::passphrase::Sealed;

const KEYRING: &str = "xonadon.keyring";
const FAILURES: &str = "xonadon.unlock_failures";

/// What [`Keyring::Pin`]'s `check` seals (its kind and its text).
pub const CHECK: &str = "key-check";

/// Whether `key` is the one `check` was sealed with.
pub fn is_this_devices(key: &xonadon_storage::seal::DataKey, check: Option<&[u8]>) -> bool {
    check.is_some_and(|c| key.open(CHECK, c).is_ok_and(|t| t == CHECK.as_bytes()))
}

/// How this device's records are kept.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Keyring {
    /// The worker went on without a PIN (the policy allowed it): records in clear.
    Declined { at_ms: f64 },
    /// Records sealed under a data key, itself sealed under the PIN.
    Pin {
        data_key: Sealed,
        /// The data key sealed to the organisation's recovery key (age, armored), if the
        /// policy gave one when the PIN was set.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        recovery: Option<String>,
        /// [`CHECK`] sealed with the data key: how a key from a recovery code is known to be
        /// this device's before it is used.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        check: Option<Vec<u8>>,
    },
}

pub fn keyring() -> Option<Keyring> {
    LocalStorage::get(KEYRING).ok()
}

pub fn set_keyring(keyring: &Keyring) -> Result<(), String> {
    LocalStorage::set(KEYRING, keyring).map_err(|e| e.to_string())
}

/// Wrong PINs in a row, and when the next try is allowed.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize, Deserialize)]
pub struct Failures {
    pub count: u32,
    pub next_try_at_ms: f64,
}

impl Failures {
    /// One more wrong PIN at `now_ms`: the first three cost nothing (a typo), then each one
    /// doubles the wait, from 2 seconds to at most 15 minutes (a PIN guessed by hand at that
    /// rate takes years).
    pub fn after_wrong(self, now_ms: f64) -> Failures {
        let count = self.count + 1;
        let wait_s = match count {
            0..=3 => 0.0,
            n => f64::from(2u32.saturating_pow(n - 3)).min(15.0 * 60.0),
        };
        Failures {
            count,
            next_try_at_ms: now_ms + wait_s * 1000.0,
        }
    }

    /// Whole seconds to wait at `now_ms` before the next try (0: try now).
    pub fn wait_s(&self, now_ms: f64) -> u64 {
        ((self.next_try_at_ms - now_ms) / 1000.0).ceil().max(0.0) as u64
    }
}

/// The wrong PINs counted so far.
pub fn failures() -> Failures {
    failures_of(FAILURES)
}

pub fn set_failures(failures: &Failures) {
    set_failures_of(FAILURES, failures)
}

/// The wrong passphrases counted for a role's page (`lock::role`), apart from the PIN's.
pub fn role_failures(role: &str) -> Failures {
    failures_of(&format!("{FAILURES}.{role}"))
}

pub fn set_role_failures(role: &str, failures: &Failures) {
    set_failures_of(&format!("{FAILURES}.{role}"), failures)
}

fn failures_of(key: &str) -> Failures {
    LocalStorage::get(key).unwrap_or_default()
}

fn set_failures_of(key: &str, failures: &Failures) {
    if failures.count == 0 {
        LocalStorage::delete(key);
    } else {
        let _ = LocalStorage::set(key, failures);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use wasm_bindgen_test::wasm_bindgen_test;
    use xonadon_storage::seal::DataKey;

    #[wasm_bindgen_test]
    fn only_the_devices_own_key_passes_the_check() {
        let key = DataKey::generate().unwrap();
        let check = key.seal(CHECK, CHECK.as_bytes()).unwrap();
        assert!(is_this_devices(&key, Some(&check)));
        assert!(!is_this_devices(
            &DataKey::generate().unwrap(),
            Some(&check)
        ));
        assert!(!is_this_devices(&key, None), "no check, no recovery");
    }

    #[wasm_bindgen_test]
    fn wrong_pins_wait_longer_and_longer() {
        let mut f = Failures::default();
        let mut waits = Vec::new();
        for _ in 0..16 {
            f = f.after_wrong(1_000.0);
            waits.push(f.wait_s(1_000.0));
        }
        assert_eq!(&waits[..8], &[0, 0, 0, 2, 4, 8, 16, 32]);
        assert_eq!(waits[15], 900, "at most 15 minutes");
        assert_eq!(f.wait_s(1_000.0 + 900_000.0), 0, "then a try is allowed");
        assert_eq!(f.wait_s(1_000.0 + 899_500.0), 1);
    }

    #[wasm_bindgen_test]
    fn a_keyring_reads_back() {
        let pin = Keyring::Pin {
            data_key: Sealed {
                iterations: 600_000,
                salt: vec![1; 16],
                nonce: vec![2; 12],
                sealed: vec![3; 48],
            },
            recovery: None,
            check: None,
        };
        let text = serde_json::to_string(&pin).unwrap();
        assert!(text.starts_with(r#"{"kind":"pin""#), "{text}");
        assert_eq!(serde_json::from_str::<Keyring>(&text).unwrap(), pin);
    }
}
