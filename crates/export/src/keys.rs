//! A supervisor's keys: one secret, two uses.
//!
//! - Receiving: an age X25519 identity (`AGE-SECRET-KEY-1…`). Tablets encrypt their bundles to
//!   its recipient (`age1…`), so only the supervisor can read them — in the app, with
//!   `xonadon export --identity`, or with `age -d -i KEY.txt` / `rage -d -i KEY.txt`.
//! - Signing reviews: an Ed25519 key derived from the same secret (SHA-256 of a fixed label and
//!   the secret's text), so the key file is a plain age identity file (`age-keygen` makes one
//!   Xonadon reads too) and there is nothing else to keep safe.
//!
//! The key file is age-keygen's format, with a `# name:` comment for the reviewer's name:
//!
//! ```text
//! # created: 2026-12-07T10:00:00Z
//! # name: Dilnoza Karimova
//! # public key: age1…
//! AGE-SECRET-KEY-1…
//! ```
//!
//! What tablets are given ([`SupervisorKey`]) is one line: `age1… ed25519:HEX NAME`.
//! A list of such lines ([`Supervisors`]) is who may review.

// age 0.13 calls the classic X25519 recipient "legacy" (it prefers its post-quantum one); the
// classic one is what age 1.1 and rage read, which is why it is used (see Cargo.toml).
#![allow(deprecated)]

use std::fmt;

use age::secrecy::ExposeSecret;
use ed25519_dalek::{SigningKey, VerifyingKey};
use sha2::{Digest, Sha256};

use crate::ExportError;

/// The label hashed with the age secret to make the review-signing key.
const SIGNING_LABEL: &[u8] = b"xonadon/review-signing-key/v1\0";

/// A supervisor's secret keys and name.
#[derive(Clone)]
pub struct SupervisorIdentity {
    pub name: String,
    age: age::x25519::Identity,
    signing: SigningKey,
}

impl fmt::Debug for SupervisorIdentity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "SupervisorIdentity({})", self.public())
    }
}

fn bad_key(file: &str, detail: impl Into<String>) -> ExportError {
    ExportError::BadKey {
        file: file.to_string(),
        detail: detail.into(),
    }
}

impl SupervisorIdentity {
    /// A new key pair from the system's random numbers.
    pub fn generate(name: &str) -> SupervisorIdentity {
        Self::from_age(name, age::x25519::Identity::generate())
    }

    fn from_age(name: &str, age: age::x25519::Identity) -> SupervisorIdentity {
        let secret = age.to_string();
        let mut seed = Sha256::new();
        seed.update(SIGNING_LABEL);
        seed.update(secret.expose_secret().as_bytes());
        let signing = SigningKey::from_bytes(&seed.finalize().into());
        SupervisorIdentity {
            // One line, words single-spaced: as the public line and the key file carry it.
            name: name.split_whitespace().collect::<Vec<_>>().join(" "),
            age,
            signing,
        }
    }

    /// The key in an age identity file's text (`file` names it in messages): the first
    /// `AGE-SECRET-KEY-1` line, the name from a `# name:` comment (empty if none).
    pub fn parse(file: &str, text: &str) -> Result<SupervisorIdentity, ExportError> {
        let mut name = "";
        for line in text.lines().map(str::trim) {
            if let Some(n) = line.strip_prefix("# name:") {
                name = n.trim();
            } else if line.starts_with("AGE-SECRET-KEY-1") {
                let age = line
                    .parse::<age::x25519::Identity>()
                    .map_err(|e| bad_key(file, e))?;
                return Ok(Self::from_age(name, age));
            } else if line.starts_with("AGE-") {
                return Err(bad_key(
                    file,
                    "it holds a kind of age key Xonadon does not use (it needs an X25519 \
                     key, AGE-SECRET-KEY-1…)",
                ));
            }
        }
        Err(bad_key(file, "it holds no AGE-SECRET-KEY-1 line"))
    }

    /// The key file's text (age-keygen's format); `created` is the time to write in it.
    pub fn to_file(&self, created: &str) -> String {
        format!(
            "# created: {created}\n# name: {}\n# public key: {}\n# xonadon supervisor: {}\n{}\n",
            self.name,
            self.age.to_public(),
            self.public(),
            self.age.to_string().expose_secret()
        )
    }

    /// What the tablets are given.
    pub fn public(&self) -> SupervisorKey {
        SupervisorKey {
            name: self.name.clone(),
            recipient: self.age.to_public(),
            verifying: self.signing.verifying_key(),
        }
    }

    pub(crate) fn age(&self) -> &age::x25519::Identity {
        &self.age
    }

    pub(crate) fn signing(&self) -> &SigningKey {
        &self.signing
    }
}

/// A supervisor's public keys and name: `age1… ed25519:HEX NAME` as text.
#[derive(Debug, Clone, PartialEq)]
pub struct SupervisorKey {
    pub name: String,
    pub recipient: age::x25519::Recipient,
    pub verifying: VerifyingKey,
}

impl fmt::Display for SupervisorKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {}", self.recipient, verifying_text(&self.verifying))?;
        if !self.name.is_empty() {
            write!(f, " {}", self.name)?;
        }
        Ok(())
    }
}

/// `ed25519:` and the key's 64 hex digits.
pub(crate) fn verifying_text(key: &VerifyingKey) -> String {
    format!("ed25519:{}", crate::bundle::hex(key.as_bytes()))
}

/// The key of `ed25519:HEX`.
pub(crate) fn parse_verifying(text: &str) -> Option<VerifyingKey> {
    let bytes: [u8; 32] = unhex(text.strip_prefix("ed25519:")?)?.try_into().ok()?;
    VerifyingKey::from_bytes(&bytes).ok()
}

/// Lowercase or uppercase hex digits as bytes.
pub(crate) fn unhex(text: &str) -> Option<Vec<u8>> {
    if !text.len().is_multiple_of(2) || !text.is_ascii() {
        return None;
    }
    (0..text.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(&text[i..i + 2], 16).ok())
        .collect()
}

impl SupervisorKey {
    /// One line as [`fmt::Display`] writes it (`file` names it in messages).
    pub fn parse(file: &str, line: &str) -> Result<SupervisorKey, ExportError> {
        let mut words = line.split_whitespace();
        let recipient = words
            .next()
            .filter(|w| w.starts_with("age1"))
            .ok_or_else(|| bad_key(file, format!("\"{line}\" does not start with age1…")))?
            .parse::<age::x25519::Recipient>()
            .map_err(|e| bad_key(file, e))?;
        let verifying = words.next().and_then(parse_verifying).ok_or_else(|| {
            bad_key(
                file,
                "after the age1… key comes the review key, ed25519: and 64 hex digits",
            )
        })?;
        Ok(SupervisorKey {
            name: words.collect::<Vec<_>>().join(" "),
            recipient,
            verifying,
        })
    }
}

/// The supervisors whose reviews are accepted.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Supervisors(pub Vec<SupervisorKey>);

impl Supervisors {
    /// One [`SupervisorKey`] a line; blank lines and `#` comments skipped.
    pub fn parse(file: &str, text: &str) -> Result<Supervisors, ExportError> {
        text.lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .map(|l| SupervisorKey::parse(file, l))
            .collect::<Result<_, _>>()
            .map(Supervisors)
    }

    /// The supervisor who holds `key`.
    pub fn by_key(&self, key: &VerifyingKey) -> Option<&SupervisorKey> {
        self.0.iter().find(|s| &s.verifying == key)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_key_file_reads_back_as_the_same_keys_and_name() {
        let id = SupervisorIdentity::generate("Dilnoza Karimova");
        let text = id.to_file("2026-12-07T10:00:00Z");
        let back = SupervisorIdentity::parse("key.txt", &text).unwrap();
        assert_eq!(back.public(), id.public());
        assert_eq!(back.name, "Dilnoza Karimova");
        assert!(text.contains(&format!("# public key: {}", id.public().recipient)));
    }

    #[test]
    fn the_signing_key_follows_from_the_age_secret_alone() {
        let id = SupervisorIdentity::generate("A");
        let secret = id.age().to_string();
        let bare = format!("{}\n", secret.expose_secret());
        let back = SupervisorIdentity::parse("age-keygen.txt", &bare).unwrap();
        assert_eq!(back.public().verifying, id.public().verifying);
        assert_eq!(back.name, "");
        let other = SupervisorIdentity::generate("A");
        assert_ne!(other.public().verifying, id.public().verifying);
    }

    #[test]
    fn a_file_without_an_x25519_secret_is_refused_saying_so() {
        let none = SupervisorIdentity::parse("k.txt", "# just a comment\n").unwrap_err();
        assert!(none.to_string().contains("k.txt"), "{none}");
        assert!(none.to_string().contains("AGE-SECRET-KEY-1"), "{none}");
        let pq = SupervisorIdentity::parse("k.txt", "AGE-SECRET-KEY-PQ-1XYZ\n").unwrap_err();
        assert!(pq.to_string().contains("X25519"), "{pq}");
        let broken = SupervisorIdentity::parse("k.txt", "AGE-SECRET-KEY-1QQQ\n").unwrap_err();
        assert!(matches!(broken, ExportError::BadKey { .. }));
    }

    #[test]
    fn a_public_line_reads_back_with_its_name() {
        let key = SupervisorIdentity::generate("Bobur  Aliev").public();
        let line = key.to_string();
        assert!(
            line.starts_with("age1") && line.ends_with(" Bobur Aliev"),
            "{line}"
        );
        assert_eq!(SupervisorKey::parse("s.txt", &line).unwrap(), key);
        let list = format!("# our supervisors\n\n{line}\n");
        assert_eq!(
            Supervisors::parse("s.txt", &list).unwrap().0,
            std::slice::from_ref(&key)
        );
        assert_eq!(
            Supervisors::parse("s.txt", &list)
                .unwrap()
                .by_key(&key.verifying),
            Some(&key)
        );
    }

    #[test]
    fn a_public_line_without_its_review_key_is_refused() {
        let key = SupervisorIdentity::generate("A").public();
        let err = SupervisorKey::parse("s.txt", &key.recipient.to_string()).unwrap_err();
        assert!(err.to_string().contains("ed25519:"), "{err}");
        assert!(SupervisorKey::parse("s.txt", "ed25519:00 A").is_err());
    }

    #[test]
    fn hex_reads_only_pairs_of_digits() {
        assert_eq!(unhex("0aFF"), Some(vec![0x0a, 0xff]));
        assert_eq!(unhex("0a0"), None);
        assert_eq!(unhex("zz"), None);
    }
}
