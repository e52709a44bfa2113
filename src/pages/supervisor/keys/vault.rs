//! The supervisor's secret key, kept on the device only encrypted under their passphrase:
//! PBKDF2-SHA256 with 600,000 iterations (OWASP's 2023 figure for PBKDF2-HMAC-SHA256) and a
//! random 16-byte salt make an AES-256-GCM key, which seals the key file's text (random
//! 12-byte nonce). WebCrypto does both: the browser's native code runs the 600,000 rounds in
//! a fraction of what the same loop costs in Wasm, and the derived key never leaves it
//! (`extractable: false`).

use js_sys::{Array, Object, Reflect, Uint8Array};
use serde::{Deserialize, Serialize};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{Crypto, CryptoKey};
use xonadon_export::keys::SupervisorIdentity;

/// PBKDF2-SHA256 iterations for a new vault.
pub const ITERATIONS: u32 = 600_000;

/// What is stored: the public key in clear (it is public: the page shows it and trusts it
/// while locked), and the sealed secret with what it takes to open it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Vault {
    /// `age1… ed25519:… NAME`.
    pub public: String,
    pub iterations: u32,
    pub salt: Vec<u8>,
    pub nonce: Vec<u8>,
    /// AES-256-GCM of the key file's text (with its tag).
    pub sealed: Vec<u8>,
}

/// Why a vault did not open.
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

/// `identity` sealed under `passphrase`.
pub async fn lock(identity: &SupervisorIdentity, passphrase: &str) -> Result<Vault, String> {
    let (salt, nonce) = (random(16)?, random(12)?);
    let key = wrapping_key(passphrase, &salt, ITERATIONS).await?;
    let text = identity.to_file(&crate::local_time::local_day(js_sys::Date::now()));
    let sealed = crypto()?
        .subtle()
        .encrypt_with_object_and_u8_array(&gcm(&nonce), &key, text.as_bytes())
        .map_err(js_error)?;
    let sealed = JsFuture::from(sealed).await.map_err(js_error)?;
    Ok(Vault {
        public: identity.public().to_string(),
        iterations: ITERATIONS,
        salt,
        nonce,
        sealed: Uint8Array::new(&sealed).to_vec(),
    })
}

/// The identity in `vault`, opened with `passphrase`.
pub async fn unlock(vault: &Vault, passphrase: &str) -> Result<SupervisorIdentity, Unlock> {
    let key = wrapping_key(passphrase, &vault.salt, vault.iterations)
        .await
        .map_err(Unlock::Failed)?;
    let opened = crypto()
        .map_err(Unlock::Failed)?
        .subtle()
        .decrypt_with_object_and_u8_array(&gcm(&vault.nonce), &key, &vault.sealed)
        .map_err(|e| Unlock::Failed(js_error(e)))?;
    // AES-GCM's tag fails on any other passphrase: that is the only way to tell.
    let opened = JsFuture::from(opened)
        .await
        .map_err(|_| Unlock::WrongPassphrase)?;
    let text = String::from_utf8(Uint8Array::new(&opened).to_vec())
        .map_err(|e| Unlock::Failed(e.to_string()))?;
    SupervisorIdentity::parse("vault", &text).map_err(|e| Unlock::Failed(e.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use wasm_bindgen_test::wasm_bindgen_test;

    #[wasm_bindgen_test]
    async fn a_vault_opens_with_its_passphrase_only() {
        let id = SupervisorIdentity::generate("Dilnoza");
        let vault = lock(&id, "tog'dagi olma 7").await.unwrap();
        assert_eq!(vault.iterations, 600_000);
        assert_eq!((vault.salt.len(), vault.nonce.len()), (16, 12));
        assert_eq!(vault.public, id.public().to_string());
        let text = String::from_utf8_lossy(&vault.sealed);
        assert!(
            !text.contains("AGE-SECRET-KEY"),
            "the secret is not in clear"
        );
        let opened = unlock(&vault, "tog'dagi olma 7").await.unwrap();
        assert_eq!(opened.public(), id.public());
        assert_eq!(
            unlock(&vault, "tog'dagi olma 8").await.unwrap_err(),
            Unlock::WrongPassphrase
        );
        let again = lock(&id, "tog'dagi olma 7").await.unwrap();
        assert_ne!(again.salt, vault.salt, "a new salt each time");
    }
}
