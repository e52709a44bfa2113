//! Recovering a tablet whose PIN is forgotten. When the PIN is set, the tablet's data key
//! (the key its answers are sealed under) is also sealed, with age, to the organisation's
//! recovery key (an `age1…` public key in the app's policy, made with `xonadon keygen`). A
//! worker who forgot the PIN shows the tablet's *recovery request* (that sealed key, as one
//! line of text); whoever holds the organisation's secret key turns it into the *recovery
//! code* (`xonadon recover`), which opens the tablet once and lets the worker set a new PIN.
//!
//! The request line is `xonadon-recovery-1:` and the age file in base64; the code is the
//! data key in unpadded base64url (43 characters), which the tablet checks before using it.

#![allow(deprecated)] // age 0.13's classic X25519 recipient: see `keys.rs`.

use base64::Engine as _;

use crate::keys::SupervisorIdentity;
use crate::{seal, ExportError};

/// How a recovery request starts.
pub const REQUEST_PREFIX: &str = "xonadon-recovery-1:";

/// The recovery request for `data_key`, sealed to `recovery_key` (`age1…`).
pub fn request(data_key: &[u8], recovery_key: &str) -> Result<String, ExportError> {
    let recipient: age::x25519::Recipient =
        recovery_key
            .trim()
            .parse()
            .map_err(|e: &str| ExportError::BadKey {
                file: "policy.json recovery_key".into(),
                detail: e.to_string(),
            })?;
    let to: &dyn age::Recipient = &recipient;
    let encryptor = age::Encryptor::with_recipients(std::iter::once(to))
        .map_err(|e| ExportError::Write(e.to_string()))?;
    let mut sealed = Vec::new();
    let mut w = encryptor.wrap_output(&mut sealed)?;
    std::io::Write::write_all(&mut w, data_key)?;
    w.finish()?;
    Ok(format!(
        "{REQUEST_PREFIX}{}",
        base64::engine::general_purpose::STANDARD.encode(sealed)
    ))
}

/// The recovery code for `request`, opened with the organisation's key `identity`.
pub fn code(request: &str, identity: &SupervisorIdentity) -> Result<String, ExportError> {
    let bad = |detail: &str| ExportError::Damaged {
        file: "the recovery request".into(),
        detail: detail.into(),
    };
    let body = request
        .trim()
        .strip_prefix(REQUEST_PREFIX)
        .ok_or_else(|| bad("it does not start with xonadon-recovery-1:"))?;
    let sealed = base64::engine::general_purpose::STANDARD
        .decode(body.trim())
        .map_err(|_| bad("it is not the whole line the tablet shows"))?;
    let key = seal::open(
        "the recovery request",
        &sealed,
        std::slice::from_ref(identity),
    )?;
    Ok(code_of_key(&key))
}

/// The recovery code of `data_key`.
pub fn code_of_key(data_key: &[u8]) -> String {
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(data_key)
}

/// The data key a recovery code stands for (`None`: not a code).
pub fn key_of_code(code: &str) -> Option<Vec<u8>> {
    let compact: String = code.chars().filter(|c| !c.is_whitespace()).collect();
    let key = base64::engine::general_purpose::URL_SAFE_NO_PAD
        .decode(compact)
        .ok()?;
    (key.len() == 32).then_some(key)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_organisation_turns_a_request_into_the_code_of_the_key() {
        let org = SupervisorIdentity::generate("Organisation");
        let key: Vec<u8> = (0..32).collect();
        let line = request(&key, &org.public().recipient.to_string()).unwrap();
        assert!(line.starts_with(REQUEST_PREFIX) && !line.contains('\n'));
        let code = code(&line, &org).unwrap();
        assert_eq!(code.len(), 43);
        assert_eq!(key_of_code(&code).unwrap(), key);
        assert_eq!(
            key_of_code(&format!(" {} {} ", &code[..20], &code[20..])).unwrap(),
            key,
            "spaces a person types are ignored"
        );
        assert_eq!(key_of_code("short"), None);

        let other = SupervisorIdentity::generate("Other");
        assert!(matches!(
            super::code(&line, &other),
            Err(ExportError::WrongKey { .. })
        ));
        assert!(matches!(
            super::code("hello", &org),
            Err(ExportError::Damaged { .. })
        ));
        assert!(matches!(
            request(&key, "age1nope"),
            Err(ExportError::BadKey { .. })
        ));
    }
}
