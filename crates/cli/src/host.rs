//! The engine's [`Host`] on a computer: the system clock, and identifiers from the standard
//! library's randomly seeded hasher (enough for distinct instance IDs; not for secrets), so the
//! CLI needs no random-number crate.

use std::collections::hash_map::RandomState;
use std::hash::{BuildHasher, Hasher};
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{SystemTime, UNIX_EPOCH};

use xonadon_engine::expr::datetime::parse_datetime;
use xonadon_engine::Host;

pub struct SystemHost {
    fixed_now: Option<f64>,
    offset: i32,
    seed: RandomState,
    counter: AtomicU64,
}

/// `--now`'s value (`2026-01-31T09:00:00Z`, or a date) as the engine's milliseconds; clap
/// reports a value that is neither as a wrong command line.
pub fn parse_now(s: &str) -> Result<f64, String> {
    parse_datetime(s, 0)
        .map(|dt| dt.local_ms)
        .ok_or_else(|| format!("`{s}` is not a date or date-time"))
}

impl SystemHost {
    /// `fixed_now`: a fixed clock (ms, from [`parse_now`]) for reproducible runs.
    pub fn new(fixed_now: Option<f64>, offset_minutes: i32) -> SystemHost {
        SystemHost {
            fixed_now,
            offset: offset_minutes,
            seed: RandomState::new(),
            counter: AtomicU64::new(0),
        }
    }

    fn random_u64(&self) -> u64 {
        let n = self.counter.fetch_add(1, Ordering::Relaxed) + 1;
        let mut h = self.seed.build_hasher();
        h.write_u64(n);
        h.write_u128(
            SystemTime::now()
                .duration_since(UNIX_EPOCH)
                .map_or(0, |d| d.as_nanos()),
        );
        h.finish()
    }
}

impl Host for SystemHost {
    fn now(&self) -> (f64, i32) {
        let ms = self.fixed_now.unwrap_or_else(|| {
            SystemTime::now()
                .duration_since(UNIX_EPOCH)
                .map_or(0.0, |d| d.as_millis() as f64)
        });
        (ms, self.offset)
    }

    fn uuid(&self) -> String {
        let (a, b) = (self.random_u64(), self.random_u64());
        let bytes: Vec<u8> = a.to_be_bytes().into_iter().chain(b.to_be_bytes()).collect();
        let hex: String = bytes
            .iter()
            .enumerate()
            .map(|(i, b)| match i {
                6 => format!("{:02x}", (b & 0x0f) | 0x40),
                8 => format!("{:02x}", (b & 0x3f) | 0x80),
                _ => format!("{b:02x}"),
            })
            .collect();
        format!(
            "{}-{}-{}-{}-{}",
            &hex[0..8],
            &hex[8..12],
            &hex[12..16],
            &hex[16..20],
            &hex[20..32]
        )
    }
}
