//! What the supervisor's keys keep in localStorage (small, read at start): the vault (the
//! secret key sealed under the passphrase, `vault.rs`), and on a tablet the public key of the
//! supervisor its bundles are encrypted for.

use gloo_storage::{LocalStorage, Storage};

use super::vault::Vault;

const VAULT: &str = "xonadon.supervisor_vault";
const SEND_TO: &str = "xonadon.send_to";

pub fn vault() -> Option<Vault> {
    LocalStorage::get(VAULT).ok()
}

pub fn set_vault(vault: &Vault) -> Result<(), String> {
    LocalStorage::set(VAULT, vault).map_err(|e| e.to_string())
}

/// The public key line bundles from this device are encrypted for ("" for none).
pub fn send_to() -> String {
    LocalStorage::get(SEND_TO).unwrap_or_default()
}

pub fn set_send_to(line: &str) -> Result<(), String> {
    LocalStorage::set(SEND_TO, line).map_err(|e| e.to_string())
}
