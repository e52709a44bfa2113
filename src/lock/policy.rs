//! The organisation's policy for the lock: `policy.json` beside the app (an organisation
//! edits it when it deploys Xonadon; the service worker caches it with the app, so it holds
//! offline). A missing file means the defaults; a file that does not read is said on the
//! lock's screens and the defaults apply, except that a PIN is then required (a typo must
//! not switch protection off).

use serde::Deserialize;

use super::passphrase::Sealed;

/// What an organisation decides about the lock.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Policy {
    /// Whether a worker must set a PIN (otherwise they may go on without one, told the risk).
    pub require_pin: bool,
    /// The shortest PIN or passphrase accepted.
    pub min_pin_length: usize,
    /// Lock after this many minutes without a touch or a key (0: never).
    pub lock_after_idle_minutes: f64,
    /// Lock when the app has been hidden (another app, the screen off) this many minutes (0:
    /// at once when it comes back).
    pub lock_after_hidden_minutes: f64,
    /// The organisation's recovery public key (`age1…`): the data key is also sealed to it,
    /// so a supervisor can recover a tablet whose PIN is forgotten.
    pub recovery_key: Option<String>,
    /// The supervisor's page asks for the passphrase this opens (`xonadon role-passphrase`);
    /// `None`: it opens with the device.
    pub supervisor_passphrase: Option<Sealed>,
    /// The same for the designer's page.
    pub designer_passphrase: Option<Sealed>,
}

impl Default for Policy {
    fn default() -> Self {
        Policy {
            require_pin: false,
            min_pin_length: 6,
            lock_after_idle_minutes: 10.0,
            lock_after_hidden_minutes: 2.0,
            recovery_key: None,
            supervisor_passphrase: None,
            designer_passphrase: None,
        }
    }
}

/// The policy, and what was wrong with its file (if anything).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Read {
    pub policy: Policy,
    pub problem: Option<String>,
}

impl Policy {
    /// The policy `text` says (`None`: there is no file). A recovery key that is not an
    /// X25519 public key is a problem too: sealing to it would fail when the PIN is set.
    pub fn read(text: Option<&str>) -> Read {
        let Some(text) = text else {
            return Read::default();
        };
        let parsed = serde_json::from_str::<Policy>(text)
            .map_err(|e| format!("policy.json: {e}"))
            .and_then(|p| match &p.recovery_key {
                Some(key) if !key.starts_with("age1") => Err(format!(
                    "policy.json: recovery_key \"{key}\" is not an age public key (age1…)"
                )),
                _ => Ok(p),
            });
        match parsed {
            Ok(policy) => Read {
                policy,
                problem: None,
            },
            Err(problem) => Read {
                policy: Policy {
                    require_pin: true,
                    ..Policy::default()
                },
                problem: Some(problem),
            },
        }
    }
}

/// Fetches `policy.json` (from the service worker's cache when offline).
pub async fn fetch() -> Read {
    Policy::read(fetch_text("policy.json").await.as_deref())
}

/// The text at `url`, `None` if there is none (404, offline and not cached).
async fn fetch_text(url: &str) -> Option<String> {
    use wasm_bindgen::JsCast;
    use wasm_bindgen_futures::JsFuture;
    let window = web_sys::window()?;
    let response = JsFuture::from(window.fetch_with_str(url)).await.ok()?;
    let response: web_sys::Response = response.dyn_into().ok()?;
    if !response.ok() {
        return None;
    }
    JsFuture::from(response.text().ok()?)
        .await
        .ok()?
        .as_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use wasm_bindgen_test::wasm_bindgen_test;

    #[wasm_bindgen_test]
    fn no_file_is_the_defaults() {
        assert_eq!(Policy::read(None), Read::default());
        assert!(!Policy::default().require_pin);
    }

    #[wasm_bindgen_test]
    fn a_file_sets_what_it_names() {
        let read = Policy::read(Some(
            r#"{"require_pin": true, "lock_after_idle_minutes": 3,
                "recovery_key": "age1qyqszqgpqyqszqgpqyqszqgpqyqszqgpqyqszqgpqyqszqgpqyqs3290gq"}"#,
        ));
        assert_eq!(read.problem, None);
        assert!(read.policy.require_pin);
        assert_eq!(read.policy.lock_after_idle_minutes, 3.0);
        assert_eq!(read.policy.min_pin_length, 6, "the rest stays default");
        assert!(read.policy.recovery_key.is_some());
    }

    #[wasm_bindgen_test]
    fn a_broken_file_is_said_and_requires_a_pin() {
        let read = Policy::read(Some(r#"{"require_pn": false}"#));
        assert!(read.problem.unwrap().contains("require_pn"));
        assert!(
            read.policy.require_pin,
            "a typo never switches protection off"
        );
        let read = Policy::read(Some(r#"{"recovery_key": "ssh-ed25519 AAAA"}"#));
        assert!(read.problem.unwrap().contains("not an age public key"));
    }
}
