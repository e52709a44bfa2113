//! Records sealed at rest: AES-256-GCM under the device's data key.
//!
//! Every record that holds answers (drafts, submissions, conflicts, files, the journal, the
//! last-saved copies) is sealed with one random 256-bit [`DataKey`] before it is stored. The
//! data key itself is never stored in clear: the app keeps it wrapped under a key derived from
//! the worker's PIN (and, where the organisation gives one, sealed to its recovery key).
//!
//! Why RustCrypto (`aes-gcm`) here rather than WebCrypto: sealing must be synchronous. A
//! record is sealed inside an IndexedDB transaction (a review changes a stored submission in
//! place) and in the localStorage journal, written as the page closes; WebCrypto's promises
//! would commit the transaction early and miss the page's last moment. AES-GCM in Wasm seals
//! a household's draft (a few KB) in microseconds. The slow part, deriving a key from the PIN,
//! is WebCrypto's (native PBKDF2), in the app.
//!
//! A sealed record is `[1] [12-byte random nonce] [ciphertext and 16-byte tag]`; the kind of
//! record (the store's name) is the associated data, so a sealed draft cannot be passed off as
//! a submission. A random 96-bit nonce per record is safe for far more records than a tablet
//! will ever write under one key (NIST SP 800-38D's 2^32 limit).

use aes_gcm::aead::{Aead, KeyInit, Payload};
use aes_gcm::{Aes256Gcm, Key, Nonce};
use zeroize::Zeroizing;

/// The format byte that starts every sealed record.
const FORMAT: u8 = 1;
const NONCE_BYTES: usize = 12;
const TAG_BYTES: usize = 16;

/// The device's data key: 32 random bytes, wiped from memory when dropped.
#[derive(Clone)]
pub struct DataKey(Zeroizing<[u8; 32]>);

impl std::fmt::Debug for DataKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("DataKey(…)")
    }
}

/// Why a sealed record did not open.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SealError {
    #[error("it is not a sealed record (too short, or an unknown format)")]
    NotSealed,
    #[error("it does not open with this device's key (another key, or damaged)")]
    WrongKeyOrDamaged,
    #[error("the system's random number generator failed: {0}")]
    Random(String),
}

impl DataKey {
    /// A new random key (the browser's `crypto.getRandomValues`, the OS's generator natively).
    pub fn generate() -> Result<DataKey, SealError> {
        let mut bytes = Zeroizing::new([0u8; 32]);
        getrandom::fill(&mut bytes[..]).map_err(|e| SealError::Random(e.to_string()))?;
        Ok(DataKey(bytes))
    }

    /// The key from its 32 bytes (as unwrapped from the PIN's key).
    pub fn from_bytes(bytes: &[u8]) -> Option<DataKey> {
        let array: [u8; 32] = bytes.try_into().ok()?;
        Some(DataKey(Zeroizing::new(array)))
    }

    /// The key's bytes, to wrap them (never to store them).
    pub fn bytes(&self) -> &[u8] {
        &self.0[..]
    }

    fn cipher(&self) -> Aes256Gcm {
        Aes256Gcm::new(Key::<Aes256Gcm>::from_slice(&self.0[..]))
    }

    /// `plain` sealed as a record of `kind` (the store's name, or what the record is).
    pub fn seal(&self, kind: &str, plain: &[u8]) -> Result<Vec<u8>, SealError> {
        let mut nonce = [0u8; NONCE_BYTES];
        getrandom::fill(&mut nonce).map_err(|e| SealError::Random(e.to_string()))?;
        let payload = Payload {
            msg: plain,
            aad: kind.as_bytes(),
        };
        let sealed = self
            .cipher()
            .encrypt(Nonce::from_slice(&nonce), payload)
            .map_err(|_| SealError::Random("AES-GCM refused to seal".into()))?;
        let mut out = Vec::with_capacity(1 + NONCE_BYTES + sealed.len());
        out.push(FORMAT);
        out.extend_from_slice(&nonce);
        out.extend_from_slice(&sealed);
        Ok(out)
    }

    /// The plain bytes of a record of `kind` sealed by [`DataKey::seal`].
    pub fn open(&self, kind: &str, sealed: &[u8]) -> Result<Vec<u8>, SealError> {
        if !is_sealed(sealed) {
            return Err(SealError::NotSealed);
        }
        let (nonce, body) = sealed[1..].split_at(NONCE_BYTES);
        let payload = Payload {
            msg: body,
            aad: kind.as_bytes(),
        };
        self.cipher()
            .decrypt(Nonce::from_slice(nonce), payload)
            .map_err(|_| SealError::WrongKeyOrDamaged)
    }

    /// A text record sealed, as text (base64), for stores that hold strings (localStorage).
    pub fn seal_text(&self, kind: &str, plain: &str) -> Result<String, SealError> {
        use base64::Engine as _;
        Ok(format!(
            "{TEXT_PREFIX}{}",
            base64::engine::general_purpose::STANDARD.encode(self.seal(kind, plain.as_bytes())?)
        ))
    }

    /// The text [`DataKey::seal_text`] sealed.
    pub fn open_text(&self, kind: &str, sealed: &str) -> Result<String, SealError> {
        use base64::Engine as _;
        let body = sealed
            .strip_prefix(TEXT_PREFIX)
            .ok_or(SealError::NotSealed)?;
        let bytes = base64::engine::general_purpose::STANDARD
            .decode(body)
            .map_err(|_| SealError::NotSealed)?;
        String::from_utf8(self.open(kind, &bytes)?).map_err(|_| SealError::WrongKeyOrDamaged)
    }
}

/// How a sealed text starts (a JSON record, in clear, starts with `{`).
pub const TEXT_PREFIX: &str = "xonadon-sealed:";

/// Whether `bytes` are a sealed record (by their format; [`DataKey::open`] tells whether they
/// are whole).
pub fn is_sealed(bytes: &[u8]) -> bool {
    bytes.len() >= 1 + NONCE_BYTES + TAG_BYTES && bytes[0] == FORMAT
}

/// Whether `text` is a sealed text ([`DataKey::seal_text`]).
pub fn is_sealed_text(text: &str) -> bool {
    text.starts_with(TEXT_PREFIX)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_record_opens_with_its_key_and_kind_only() {
        let key = DataKey::generate().unwrap();
        let plain = br#"{"head_name":"Dilnoza"}"#;
        let sealed = key.seal("drafts", plain).unwrap();
        assert!(is_sealed(&sealed));
        assert_eq!(sealed.len(), 1 + 12 + plain.len() + 16);
        assert!(!sealed.windows(7).any(|w| w == b"Dilnoza"));
        assert_eq!(key.open("drafts", &sealed).unwrap(), plain);

        assert_eq!(
            key.open("submissions", &sealed),
            Err(SealError::WrongKeyOrDamaged),
            "a draft cannot be passed off as a submission"
        );
        let other = DataKey::generate().unwrap();
        assert_eq!(
            other.open("drafts", &sealed),
            Err(SealError::WrongKeyOrDamaged)
        );
        let mut damaged = sealed.clone();
        *damaged.last_mut().unwrap() ^= 1;
        assert_eq!(
            key.open("drafts", &damaged),
            Err(SealError::WrongKeyOrDamaged)
        );
        assert_eq!(key.open("drafts", b"{}"), Err(SealError::NotSealed));
    }

    #[test]
    fn each_seal_takes_a_new_nonce() {
        let key = DataKey::generate().unwrap();
        let a = key.seal("drafts", b"same").unwrap();
        let b = key.seal("drafts", b"same").unwrap();
        assert_ne!(a, b);
    }

    #[test]
    fn texts_are_sealed_as_text() {
        let key = DataKey::generate().unwrap();
        let sealed = key.seal_text("journal", "{\"a\":\"Oʻzbek\"}").unwrap();
        assert!(is_sealed_text(&sealed) && !is_sealed_text("{\"a\":1}"));
        assert!(!sealed.contains("Oʻzbek"));
        assert_eq!(
            key.open_text("journal", &sealed).unwrap(),
            "{\"a\":\"Oʻzbek\"}"
        );
        assert_eq!(
            key.open_text("journal", "{\"a\":1}"),
            Err(SealError::NotSealed)
        );
    }

    #[test]
    fn a_key_is_its_32_bytes() {
        let key = DataKey::generate().unwrap();
        let again = DataKey::from_bytes(key.bytes()).unwrap();
        let sealed = key.seal("media", b"photo").unwrap();
        assert_eq!(again.open("media", &sealed).unwrap(), b"photo");
        assert!(DataKey::from_bytes(&[0; 31]).is_none());
        assert_eq!(format!("{key:?}"), "DataKey(…)", "never printed");
    }
}
