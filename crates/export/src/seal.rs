//! Bundles sealed for a supervisor: the bundle's bytes as an age file (v1, binary, one X25519
//! recipient), so that on a USB stick or in a messenger it can be neither read nor changed
//! unnoticed (age's payload is authenticated: a changed or cut file fails to decrypt).
//!
//! age does not say who wrote a file (anyone with the public key can seal one); what must be
//! authentic — the reviews — is signed on its own ([`crate::signature`]).

#![allow(deprecated)] // age 0.13's classic X25519 recipient: see `keys.rs`.

use std::io::{Read, Write};

use crate::keys::{SupervisorIdentity, SupervisorKey};
use crate::ExportError;

/// How every age v1 file starts.
const AGE_MAGIC: &[u8] = b"age-encryption.org/";

/// Whether `bytes` are an age file (rather than a plain JSON bundle).
pub fn is_sealed(bytes: &[u8]) -> bool {
    bytes.starts_with(AGE_MAGIC)
}

/// A writer that encrypts to `to` what is written into it, into `out`; call [`finish`].
pub fn writer<W: Write>(
    out: W,
    to: &SupervisorKey,
) -> Result<age::stream::StreamWriter<W>, ExportError> {
    let recipient: &dyn age::Recipient = &to.recipient;
    let encryptor = age::Encryptor::with_recipients(std::iter::once(recipient))
        .map_err(|e| ExportError::Write(e.to_string()))?;
    Ok(encryptor.wrap_output(out)?)
}

/// Writes the last block (without it the file does not decrypt) and hands back the output.
pub fn finish<W: Write>(writer: age::stream::StreamWriter<W>) -> Result<W, ExportError> {
    Ok(writer.finish()?)
}

/// `bytes` sealed for `to`, in memory.
pub fn seal(bytes: &[u8], to: &SupervisorKey) -> Result<Vec<u8>, ExportError> {
    let mut w = writer(Vec::new(), to)?;
    w.write_all(bytes)?;
    finish(w)
}

/// The plain bytes of the age file `bytes` (named `file` in messages), opened with whichever
/// of `identities` it was sealed for.
pub fn open(
    file: &str,
    bytes: &[u8],
    identities: &[SupervisorIdentity],
) -> Result<Vec<u8>, ExportError> {
    if identities.is_empty() {
        return Err(ExportError::Encrypted {
            file: file.to_string(),
        });
    }
    let damaged = |detail: String| ExportError::Damaged {
        file: file.to_string(),
        detail,
    };
    let decryptor = age::Decryptor::new_buffered(bytes).map_err(|e| damaged(e.to_string()))?;
    let keys = identities.iter().map(|i| i.age() as &dyn age::Identity);
    let mut reader = decryptor.decrypt(keys).map_err(|e| match e {
        age::DecryptError::NoMatchingKeys => ExportError::WrongKey {
            file: file.to_string(),
        },
        e => damaged(e.to_string()),
    })?;
    let mut plain = Vec::with_capacity(bytes.len());
    reader
        .read_to_end(&mut plain)
        .map_err(|e| damaged(e.to_string()))?;
    Ok(plain)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sealed_bytes_open_with_the_key_they_were_sealed_for() {
        let id = SupervisorIdentity::generate("A");
        let sealed = seal(b"{\"format\":\"xonadon-bundle\"}", &id.public()).unwrap();
        assert!(is_sealed(&sealed));
        assert!(!is_sealed(b"{\"format\""));
        assert!(
            !sealed.windows(6).any(|w| w == b"format"),
            "the text is not readable"
        );
        let other = SupervisorIdentity::generate("B");
        let plain = open("b.age", &sealed, &[other, id]).unwrap();
        assert_eq!(plain, b"{\"format\":\"xonadon-bundle\"}");
    }

    #[test]
    fn another_key_cut_bytes_or_no_key_say_which_file_and_what_happened() {
        let id = SupervisorIdentity::generate("A");
        let sealed = seal(&[7; 200_000], &id.public()).unwrap();
        let other = SupervisorIdentity::generate("B");
        let wrong = open("t1.age", &sealed, std::slice::from_ref(&other)).unwrap_err();
        assert!(matches!(wrong, ExportError::WrongKey { .. }), "{wrong:?}");
        for cut in [sealed.len() - 1, sealed.len() / 2, 40] {
            let damaged = open("t1.age", &sealed[..cut], std::slice::from_ref(&id)).unwrap_err();
            assert!(
                matches!(damaged, ExportError::Damaged { .. }),
                "{cut}: {damaged:?}"
            );
            assert!(damaged.to_string().starts_with("t1.age: "), "{damaged}");
        }
        let mut flipped = sealed.clone();
        let last = flipped.len() - 10;
        flipped[last] ^= 1;
        assert!(matches!(
            open("t1.age", &flipped, std::slice::from_ref(&id)),
            Err(ExportError::Damaged { .. })
        ));
        assert!(matches!(
            open("t1.age", &sealed, &[]),
            Err(ExportError::Encrypted { .. })
        ));
    }
}
