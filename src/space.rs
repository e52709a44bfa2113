//! How full the browser's share of the device is (`navigator.storage.estimate()`), asked at
//! start-up and after writes, at most once per [`EVERY_MS`]: a warning from [`WARN_AT`] of
//! the quota, before writes start failing.
//!
//! Measured on a full disk (the profile on a full tmpfs, Chromium 156): the quota Chromium
//! reports does not follow the disk's free space, so the warning is no promise; what a
//! full disk then does is said by the failed write itself (`StorageError::QuotaExceeded`,
//! kept on screen by [`while_full`]).

use js_sys::Reflect;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use xonadon_storage::StorageError;

/// The share of the quota in use from which the worker is warned.
pub const WARN_AT: f64 = 0.8;
/// The least time between two estimates.
pub const EVERY_MS: f64 = 30_000.0;

/// How much of its share the app uses: shown on the home screen, and as a warning when
/// nearly full.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Usage {
    pub used_mb: u64,
    pub quota_mb: u64,
    pub percent: u8,
}

/// `usage` bytes used of `quota`, if the browser said a quota.
pub fn usage(usage: f64, quota: f64) -> Option<Usage> {
    if quota <= 0.0 {
        return None;
    }
    let mb = |bytes: f64| (bytes / 1_048_576.0).round() as u64;
    Some(Usage {
        used_mb: mb(usage),
        quota_mb: mb(quota),
        percent: (usage / quota * 100.0).round().min(100.0) as u8,
    })
}

/// The warning for `usage` bytes used of `quota`, if it is due.
pub fn short(used: f64, quota: f64) -> Option<Usage> {
    usage(used, quota).filter(|_| used >= WARN_AT * quota)
}

/// Whether an estimate is due at `now_ms`, the last taken at `last_ms`.
pub fn due(last_ms: Option<f64>, now_ms: f64) -> bool {
    last_ms.is_none_or(|last| now_ms - last >= EVERY_MS)
}

/// The error to show for `new` when `shown` is on screen: once the disk was found full, the
/// connection it closed fails every later write with a vaguer error (InvalidStateError,
/// a backing store that does not open) until space returns; the cause is still the full
/// disk.
pub fn while_full(shown: Option<&StorageError>, new: StorageError) -> StorageError {
    match (shown, &new) {
        (
            Some(StorageError::QuotaExceeded),
            StorageError::Unavailable(_) | StorageError::Other(_),
        ) => StorageError::QuotaExceeded,
        _ => new,
    }
}

/// `(usage, quota)` in bytes, if the browser says.
pub async fn estimate() -> Option<(f64, f64)> {
    let storage = Reflect::get(&js_sys::global(), &"navigator".into())
        .and_then(|n| Reflect::get(&n, &"storage".into()))
        .ok()?;
    let ask = Reflect::get(&storage, &"estimate".into())
        .ok()?
        .dyn_into::<js_sys::Function>()
        .ok()?;
    let promise: js_sys::Promise = ask.call0(&storage).ok()?.dyn_into().ok()?;
    let said = JsFuture::from(promise).await.ok()?;
    let number = |k: &str| Reflect::get(&said, &k.into()).ok()?.as_f64();
    Some((number("usage")?, number("quota")?))
}

#[cfg(test)]
mod tests {
    use super::*;
    use wasm_bindgen_test::wasm_bindgen_test;

    #[wasm_bindgen_test]
    fn warned_from_four_fifths_of_the_quota() {
        let mb = 1_048_576.0;
        assert_eq!(short(79.0 * mb, 100.0 * mb), None);
        assert_eq!(
            short(80.0 * mb, 100.0 * mb),
            Some(Usage {
                used_mb: 80,
                quota_mb: 100,
                percent: 80
            })
        );
        assert_eq!(short(120.0 * mb, 100.0 * mb).map(|s| s.percent), Some(100));
        assert_eq!(short(1.0, 0.0), None, "no quota said");
        assert_eq!(usage(1.0, 0.0), None);
        assert_eq!(usage(5.0 * mb, 100.0 * mb).map(|u| u.percent), Some(5));
    }

    #[wasm_bindgen_test]
    fn estimated_at_most_every_thirty_seconds() {
        assert!(due(None, 0.0));
        assert!(!due(Some(1_000.0), 30_999.0));
        assert!(due(Some(1_000.0), 31_000.0));
    }

    #[wasm_bindgen_test]
    fn a_full_disk_stays_the_message_until_a_write_succeeds() {
        let closing = StorageError::Unavailable("InvalidStateError: connection is closing".into());
        let full = StorageError::QuotaExceeded;
        assert_eq!(while_full(Some(&full), closing.clone()), full);
        assert_eq!(
            while_full(Some(&full), StorageError::Other("x".into())),
            full
        );
        assert_eq!(while_full(None, closing.clone()), closing);
        assert_eq!(
            while_full(Some(&full), StorageError::Locked),
            StorageError::Locked
        );
    }
}
