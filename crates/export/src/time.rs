//! Times as data teams read them: ISO 8601 in UTC.

use xonadon_engine::expr::datetime::civil_from_days;

/// `2026-11-26T07:45:12.345Z` for milliseconds since the Unix epoch.
pub fn iso_utc(ms: f64) -> String {
    if !ms.is_finite() {
        return String::new();
    }
    let total_ms = ms.round() as i64;
    let days = total_ms.div_euclid(86_400_000);
    let rest = total_ms.rem_euclid(86_400_000);
    let (y, m, d) = civil_from_days(days);
    let (h, min, s, milli) = (
        rest / 3_600_000,
        rest / 60_000 % 60,
        rest / 1000 % 60,
        rest % 1000,
    );
    format!("{y:04}-{m:02}-{d:02}T{h:02}:{min:02}:{s:02}.{milli:03}Z")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utc_times() {
        assert_eq!(iso_utc(0.0), "1970-01-01T00:00:00.000Z");
        assert_eq!(iso_utc(1_764_143_112_345.0), "2025-11-26T07:45:12.345Z");
        assert_eq!(iso_utc(-1.0), "1969-12-31T23:59:59.999Z");
        assert_eq!(iso_utc(f64::NAN), "");
    }
}
