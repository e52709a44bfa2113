//! Bytes sealed under a passphrase or PIN, with WebCrypto: PBKDF2-SHA256 with 600,000
//! iterations (OWASP's 2023 figure for PBKDF2-HMAC-SHA256) and a random 16-byte salt make an
//! AES-256-GCM key, which seals the bytes (random 12-byte nonce).
//!
//! Why WebCrypto here (and RustCrypto for the records, `xonadon_storage::seal`): the browser's
//! native PBKDF2 runs the 600,000 rounds several times faster than the same loop in Wasm, so
//! the full OWASP count costs a worker about a second on a cheap tablet, and the derived key
//! never leaves the browser (`extractable: false`). Argon2id would resist GPUs better, but in
//! Wasm at OWASP's memory setting it is slower still, with no native code to run it. Used for
//! the device's data key (the worker's PIN) and the supervisor's secret key (their passphrase).

use js_sys::{Array, Object, Reflect, Uint8Array};
use serde::{Deserialize, Serialize};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{Crypto, CryptoKey};

/// PBKDF2-SHA256 iterations for what is sealed now.
pub const ITERATIONS: u32 = 600_000;

/// Sealed bytes and what it takes to open them (all but the passphrase).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Sealed {
    pub iterations: u32,
    pub salt: Vec<u8>,
    pub nonce: Vec<u8>,
    /// AES-256-GCM of the bytes (with its tag).
    pub sealed: Vec<u8>,
}

/// Why sealed bytes did not open.
#[derive(Debug, Clone, PartialEq)]
pub enum Unlock {
    WrongPassphrase,
    /// WebCrypto is missing (a page not served over HTTPS) or failed.
    Failed(String),
}

fn js_error(e: JsValue) -> String {
    e.as_string()
        .or_else(|| {
            Reflect::get(&e, &"message".into())
                .ok()
                .and_then(|m| m.as_string())
        })
        .unwrap_or_else(|| format!("{e:?}"))
}

/// The global `crypto` (a window's, a worker's or Node's).
fn crypto() -> Result<Crypto, String> {
    let crypto = Reflect::get(&js_sys::global(), &"crypto".into()).map_err(js_error)?;
    if crypto.is_undefined() {
        return Err("this browser has no WebCrypto".into());
    }
    Ok(crypto.unchecked_into())
}

fn object(entries: &[(&str, JsValue)]) -> Object {
    let o = Object::new();
    for (k, v) in entries {
        let _ = Reflect::set(&o, &(*k).into(), v);
    }
    o
}

fn random(n: usize) -> Result<Vec<u8>, String> {
    let mut bytes = vec![0; n];
    crypto()?
        .get_random_values_with_u8_array(&mut bytes)
        .map_err(js_error)?;
    Ok(bytes)
}

/// The AES-256-GCM key `passphrase` and `salt` make.
async fn wrapping_key(passphrase: &str, salt: &[u8], iterations: u32) -> Result<CryptoKey, String> {
    let subtle = crypto()?.subtle();
    let raw = Uint8Array::from(passphrase.as_bytes());
    let base = subtle
        .import_key_with_str(
            "raw",
            &raw,
            "PBKDF2",
            false,
            &Array::of1(&"deriveKey".into()),
        )
        .map_err(js_error)?;
    let base: CryptoKey = JsFuture::from(base)
        .await
        .map_err(js_error)?
        .unchecked_into();
    let pbkdf2 = object(&[
        ("name", "PBKDF2".into()),
        ("hash", "SHA-256".into()),
        ("salt", Uint8Array::from(salt).into()),
        ("iterations", iterations.into()),
    ]);
    let aes = object(&[("name", "AES-GCM".into()), ("length", 256.into())]);
    let usages = Array::of2(&"encrypt".into(), &"decrypt".into());
    let key = subtle
        .derive_key_with_object_and_object(&pbkdf2, &base, &aes, false, &usages)
        .map_err(js_error)?;
    Ok(JsFuture::from(key)
        .await
        .map_err(js_error)?
        .unchecked_into())
}

fn gcm(nonce: &[u8]) -> Object {
    object(&[
        ("name", "AES-GCM".into()),
        ("iv", Uint8Array::from(nonce).into()),
    ])
}

/// `bytes` sealed under `passphrase`.
pub async fn seal(bytes: &[u8], passphrase: &str) -> Result<Sealed, String> {
    let (salt, nonce) = (random(16)?, random(12)?);
    let key = wrapping_key(passphrase, &salt, ITERATIONS).await?;
    let sealed = crypto()?
        .subtle()
        .encrypt_with_object_and_u8_array(&gcm(&nonce), &key, bytes)
        .map_err(js_error)?;
    let sealed = JsFuture::from(sealed).await.map_err(js_error)?;
    Ok(Sealed {
        iterations: ITERATIONS,
        salt,
        nonce,
        sealed: Uint8Array::new(&sealed).to_vec(),
    })
}

/// The bytes in `sealed`, opened with `passphrase`.
pub async fn open(sealed: &Sealed, passphrase: &str) -> Result<Vec<u8>, Unlock> {
    let key = wrapping_key(passphrase, &sealed.salt, sealed.iterations)
        .await
        .map_err(Unlock::Failed)?;
    let opened = crypto()
        .map_err(Unlock::Failed)?
        .subtle()
        .decrypt_with_object_and_u8_array(&gcm(&sealed.nonce), &key, &sealed.sealed)
        .map_err(|e| Unlock::Failed(js_error(e)))?;
    // AES-GCM's tag fails on any other passphrase: that is the only way to tell.
    let opened = JsFuture::from(opened)
        .await
        .map_err(|_| Unlock::WrongPassphrase)?;
    Ok(Uint8Array::new(&opened).to_vec())
}

#[cfg(test)]
mod tests {
    use super::*;
    use wasm_bindgen_test::wasm_bindgen_test;

    #[wasm_bindgen_test]
    async fn bytes_open_with_their_passphrase_only() {
        let sealed = seal(b"SENTINEL key bytes", "7391").await.unwrap();
        assert_eq!(sealed.iterations, 600_000);
        assert_eq!((sealed.salt.len(), sealed.nonce.len()), (16, 12));
        assert!(!sealed.sealed.windows(8).any(|w| w == b"SENTINEL"));
        assert_eq!(open(&sealed, "7391").await.unwrap(), b"SENTINEL key bytes");
        assert_eq!(
            open(&sealed, "7392").await.unwrap_err(),
            Unlock::WrongPassphrase
        );
        let again = seal(b"SENTINEL key bytes", "7391").await.unwrap();
        assert_ne!(again.salt, sealed.salt, "a new salt each time");
    }
}
