//! Bytes sealed under a passphrase exactly as the app seals them with WebCrypto
//! (`src/lock/passphrase.rs`: PBKDF2-SHA256 → AES-256-GCM key, 16-byte salt, 12-byte nonce),
//! natively, so that tools (`xonadon role-passphrase`) write what the app opens. The app
//! itself uses WebCrypto: its native PBKDF2 is several times faster than this code in Wasm.

use aes_gcm::aead::{Aead, KeyInit};
use aes_gcm::{Aes256Gcm, Key, Nonce};
use serde::{Deserialize, Serialize};
use zeroize::Zeroizing;

use crate::seal::SealError;

/// PBKDF2-SHA256 iterations (OWASP's 2023 figure), as the app uses.
pub const ITERATIONS: u32 = 600_000;

/// Sealed bytes and what it takes to open them (all but the passphrase); the app's
/// `lock::passphrase::Sealed` has the same fields and JSON.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Sealed {
    pub iterations: u32,
    pub salt: Vec<u8>,
    pub nonce: Vec<u8>,
    pub sealed: Vec<u8>,
}

/// What a role's policy entry seals (`xonadon role-passphrase`, the app's `lock::role`): the
/// role's name, so one role's entry never opens another's page.
pub fn role_check(role: &str) -> String {
    format!("xonadon-role:{role}")
}

fn key(passphrase: &str, salt: &[u8], iterations: u32) -> Zeroizing<[u8; 32]> {
    let mut key = Zeroizing::new([0u8; 32]);
    pbkdf2::pbkdf2_hmac::<sha2::Sha256>(passphrase.as_bytes(), salt, iterations, &mut key[..]);
    key
}

/// `bytes` sealed under `passphrase`.
pub fn seal(bytes: &[u8], passphrase: &str) -> Result<Sealed, SealError> {
    seal_with(bytes, passphrase, ITERATIONS)
}

fn seal_with(bytes: &[u8], passphrase: &str, iterations: u32) -> Result<Sealed, SealError> {
    let (mut salt, mut nonce) = (vec![0u8; 16], vec![0u8; 12]);
    getrandom::fill(&mut salt).map_err(|e| SealError::Random(e.to_string()))?;
    getrandom::fill(&mut nonce).map_err(|e| SealError::Random(e.to_string()))?;
    let key = key(passphrase, &salt, iterations);
    let sealed = Aes256Gcm::new(Key::<Aes256Gcm>::from_slice(&key[..]))
        .encrypt(Nonce::from_slice(&nonce), bytes)
        .map_err(|_| SealError::Random("AES-GCM refused to seal".into()))?;
    Ok(Sealed {
        iterations,
        salt,
        nonce,
        sealed,
    })
}

/// The bytes in `sealed`, opened with `passphrase`.
pub fn open(sealed: &Sealed, passphrase: &str) -> Result<Vec<u8>, SealError> {
    if sealed.nonce.len() != 12 {
        return Err(SealError::NotSealed);
    }
    let key = key(passphrase, &sealed.salt, sealed.iterations);
    Aes256Gcm::new(Key::<Aes256Gcm>::from_slice(&key[..]))
        .decrypt(Nonce::from_slice(&sealed.nonce), sealed.sealed.as_slice())
        .map_err(|_| SealError::WrongKeyOrDamaged)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn opens_with_its_passphrase_only() {
        // Fewer rounds than the real 600,000 (`seal`), which take seconds in a debug build.
        let sealed = seal_with(b"xonadon-role:supervisor", "qovun-va-tarvuz", 1_000).unwrap();
        assert_eq!(sealed.iterations, 1_000);
        assert_eq!(
            open(&sealed, "qovun-va-tarvuz").unwrap(),
            b"xonadon-role:supervisor"
        );
        assert_eq!(
            open(&sealed, "qovun-va-qovun"),
            Err(SealError::WrongKeyOrDamaged)
        );
    }

    /// The vector WebCrypto gives (PBKDF2-SHA256, "password"/"salt", 1 iteration: RFC 7914's
    /// test vector's first 32 bytes), so the app and this module derive the same key.
    #[test]
    fn derives_the_standard_pbkdf2_key() {
        let k = key("password", b"salt", 1);
        assert_eq!(
            k[..8],
            [0x12, 0x0f, 0xb6, 0xcf, 0xfc, 0xf8, 0xb3, 0x2c],
            "PBKDF2-HMAC-SHA256(password, salt, 1)"
        );
    }
}
