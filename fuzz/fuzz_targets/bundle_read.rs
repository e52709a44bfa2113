//! Any bytes as a bundle from a tablet, plain or sealed (a fixed test identity opens sealed
//! ones): reading checks every sum, then a bundle read is planned against an empty device and
//! merged into a collection twice (every form it carries is loaded by the engine, every
//! duplicate compared). Errors, never a panic.
#![no_main]
use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use xonadon_export::bundle::read_with;
use xonadon_export::keys::SupervisorIdentity;
use xonadon_export::merge::{plan, Collection, Trust};

/// A throwaway key made for fuzzing (`xonadon keygen`): seeds sealed for it reach the JSON.
const IDENTITY: &str = include_str!("../fuzz-identity.txt");

fuzz_target!(|data: &[u8]| {
    static KEYS: OnceLock<[SupervisorIdentity; 1]> = OnceLock::new();
    let keys = KEYS.get_or_init(|| {
        [SupervisorIdentity::parse("fuzz-identity.txt", IDENTITY).expect("a key")]
    });
    let Ok(bundle) = read_with("fuzz.json", data, keys) else { return };
    let _ = plan(&bundle, |_| None, |_, _| false, Trust::Unchecked);
    let mut collection = Collection::default();
    if collection.import(&bundle).is_ok() {
        let _ = collection.import(&bundle);
    }
});
