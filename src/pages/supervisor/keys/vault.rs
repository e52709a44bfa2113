//! The supervisor's secret key, kept on the device only sealed under their passphrase
//! (`lock::passphrase`: PBKDF2-SHA256, 600,000 iterations, AES-256-GCM, by WebCrypto).

use serde::{Deserialize, Serialize};
use xonadon_export::keys::SupervisorIdentity;

pub use crate::lock::passphrase::Unlock;
use crate::lock::passphrase::{self, Sealed};

/// What is stored: the public key in clear (it is public: the page shows it and trusts it
/// while locked), and the key file's text sealed (its fields beside `public`, as before).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Vault {
    /// `age1… ed25519:… NAME`.
    pub public: String,
    #[serde(flatten)]
    pub secret: Sealed,
}

/// `identity` sealed under `passphrase`.
pub async fn lock(identity: &SupervisorIdentity, passphrase: &str) -> Result<Vault, String> {
    let text = identity.to_file(&crate::local_time::local_day(js_sys::Date::now()));
    Ok(Vault {
        public: identity.public().to_string(),
        secret: passphrase::seal(text.as_bytes(), passphrase).await?,
    })
}

/// The identity in `vault`, opened with `passphrase`.
pub async fn unlock(vault: &Vault, passphrase: &str) -> Result<SupervisorIdentity, Unlock> {
    let opened = passphrase::open(&vault.secret, passphrase).await?;
    let text = String::from_utf8(opened).map_err(|e| Unlock::Failed(e.to_string()))?;
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
        assert_eq!(vault.secret.iterations, 600_000);
        assert_eq!(
            (vault.secret.salt.len(), vault.secret.nonce.len()),
            (16, 12)
        );
        assert_eq!(vault.public, id.public().to_string());
        let text = String::from_utf8_lossy(&vault.secret.sealed);
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
        assert_ne!(again.secret.salt, vault.secret.salt, "a new salt each time");
    }
}
