//! `digest(data, algorithm, encoding)` and `base64-decode(text)`, as ODK computes them.

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
        "base64" => Some(base64_encode(&sum)),
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

const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/// Standard base64 with `=` padding (a dozen lines: not worth a crate in the app's Wasm).
fn base64_encode(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let n = chunk
            .iter()
            .enumerate()
            .fold(0u32, |n, (i, &b)| n | u32::from(b) << (16 - 8 * i));
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(ALPHABET[(n >> (18 - 6 * i) & 63) as usize] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}

/// Base64 as the browser's `atob` reads it (the WHATWG "forgiving" decode: ASCII whitespace
/// ignored, padding optional, leftover bits dropped), the bytes then read as UTF-8 (invalid
/// sequences replaced); `None` when it is not base64.
pub fn base64_decode(text: &str) -> Option<String> {
    let mut digits: Vec<u8> = text
        .bytes()
        .filter(|b| !matches!(b, b' ' | b'\t' | b'\n' | b'\x0c' | b'\r'))
        .collect();
    if digits.len().is_multiple_of(4) {
        for _ in 0..2 {
            if digits.last() == Some(&b'=') {
                digits.pop();
            }
        }
    }
    if digits.len() % 4 == 1 {
        return None;
    }
    let mut bytes = Vec::with_capacity(digits.len() * 3 / 4);
    let (mut acc, mut bits) = (0u32, 0);
    for d in digits {
        let v = ALPHABET.iter().position(|&a| a == d)? as u32;
        acc = acc << 6 | v;
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            bytes.push((acc >> bits) as u8);
            acc &= (1 << bits) - 1;
        }
    }
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
        for (bytes, want) in [
            ("", ""),
            ("f", "Zg=="),
            ("fo", "Zm8="),
            ("foo", "Zm9v"),
            ("foob", "Zm9vYg=="),
        ] {
            assert_eq!(base64_encode(bytes.as_bytes()), want);
        }
        assert_eq!(digest("abc", "MD5", "base32"), None);
        for (text, want) in [
            ("aMOpbGxv", Some("héllo")),
            ("aMOpbGxv\n", Some("héllo")),
            ("YQ", Some("a")),
            ("YQ==", Some("a")),
            ("Y", None),
            ("a*b", None),
            ("YQ=", None),
            ("Y Q = =", Some("a")),
            ("", Some("")),
        ] {
            assert_eq!(base64_decode(text).as_deref(), want, "{text}");
        }
    }
}
