//! `digest(data, algorithm, encoding)` and `base64-decode(text)`, as ODK computes them.

use base64::engine::general_purpose::{GeneralPurpose, GeneralPurposeConfig, STANDARD};
use base64::engine::DecodePaddingMode;
use base64::Engine;
use md5::Md5;
use sha1::Sha1;
use sha2::{Digest, Sha256, Sha384, Sha512};

/// `digest(data, 'MD5' | 'SHA-1' | 'SHA-256' | 'SHA-384' | 'SHA-512', 'base64' | 'hex')` of
/// the text's UTF-8 bytes; `None` for an algorithm or encoding ODK does not know.
pub fn digest(data: &str, algorithm: &str, encoding: &str) -> Option<String> {
    let bytes = data.as_bytes();
    let sum: Vec<u8> = match algorithm {
        "MD5" => Md5::digest(bytes).to_vec(),
        "SHA-1" => Sha1::digest(bytes).to_vec(),
        "SHA-256" => Sha256::digest(bytes).to_vec(),
        "SHA-384" => Sha384::digest(bytes).to_vec(),
        "SHA-512" => Sha512::digest(bytes).to_vec(),
        _ => return None,
    };
    match encoding {
        "base64" => Some(STANDARD.encode(sum)),
        "hex" => Some(sum.iter().map(|b| format!("{b:02x}")).collect()),
        _ => None,
    }
}

/// The first 8 bytes of the text's SHA-256 as a signed number: how ODK turns a text seed of
/// `randomize()` into a number.
pub fn seed_of_text(text: &str) -> i64 {
    let sum = Sha256::digest(text.as_bytes());
    let mut first = [0u8; 8];
    first.copy_from_slice(&sum[..8]);
    i64::from_be_bytes(first)
}

/// Base64 as the browser's `atob` reads it (whitespace ignored, padding optional), the bytes
/// then read as UTF-8 (invalid sequences replaced); `None` when it is not base64.
pub fn base64_decode(text: &str) -> Option<String> {
    const FORGIVING: GeneralPurpose = GeneralPurpose::new(
        &base64::alphabet::STANDARD,
        GeneralPurposeConfig::new()
            .with_decode_padding_mode(DecodePaddingMode::Indifferent)
            .with_decode_allow_trailing_bits(true),
    );
    let compact: String = text
        .chars()
        .filter(|c| !matches!(c, ' ' | '\t' | '\n' | '\x0c' | '\r'))
        .collect();
    let bytes = FORGIVING.decode(compact).ok()?;
    Some(String::from_utf8_lossy(&bytes).into_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn digests_and_base64_like_odk() {
        let cases = [
            (
                "abc",
                "SHA-256",
                "hex",
                "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
            ),
            ("abc", "MD5", "base64", "kAFQmDzST7DWlj99KOF/cg=="),
            (
                "abc",
                "SHA-1",
                "hex",
                "a9993e364706816aba3e25717850c26c9cd0d89d",
            ),
        ];
        for (data, algorithm, encoding, want) in cases {
            assert_eq!(digest(data, algorithm, encoding).as_deref(), Some(want));
        }
        assert_eq!(digest("abc", "SHA-3", "hex"), None);
        assert_eq!(digest("abc", "MD5", "base32"), None);
        for (text, want) in [
            ("aMOpbGxv", Some("héllo")),
            ("aMOpbGxv\n", Some("héllo")),
            ("YQ", Some("a")),
            ("YQ==", Some("a")),
            ("Y", None),
            ("a*b", None),
        ] {
            assert_eq!(base64_decode(text).as_deref(), want, "{text}");
        }
    }
}
