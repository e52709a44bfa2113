//! Dates as ODK holds them: `YYYY-MM-DD`, `YYYY-MM-DDThh:mm:ss.sss+hh:mm`, `hh:mm:ss.sss+hh:mm`.
//! Numbers of days since 1970-01-01 (local time) are what dates become in arithmetic.
//!
//! Written here rather than taken from chrono: the engine needs a dozen lines of calendar
//! arithmetic (Howard Hinnant's civil-date algorithms) and chrono would add shipped bytes to the app.

const MS_PER_DAY: f64 = 86_400_000.0;

/// Days since 1970-01-01 of a proleptic Gregorian date.
pub fn days_from_civil(y: i64, m: u32, d: u32) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = m as i64;
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + d as i64 - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// (year, month, day) of a number of days since 1970-01-01.
pub fn civil_from_days(z: i64) -> (i64, u32, u32) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    (if m <= 2 { y + 1 } else { y }, m, d)
}

fn days_in_month(y: i64, m: u32) -> u32 {
    match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        _ if (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 => 29,
        _ => 28,
    }
}

/// A point in time: milliseconds since the epoch in UTC, and the offset it was written with.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct DateTime {
    /// Local wall-clock milliseconds since 1970-01-01T00:00 (i.e. UTC millis + offset).
    pub local_ms: f64,
    pub offset_minutes: i32,
}

impl DateTime {
    /// Days since the epoch, in local time (fractional for a time of day), as ODK computes
    /// `decimal-date-time` and date arithmetic.
    pub fn days(&self) -> f64 {
        self.local_ms / MS_PER_DAY
    }

    /// Days since 1970-01-01T00:00Z: the instant, whatever the offset (ODK's
    /// `decimal-date-time` of a date-time).
    pub fn epoch_days(&self) -> f64 {
        (self.local_ms - self.offset_minutes as f64 * 60_000.0) / MS_PER_DAY
    }

    /// What a date (whole local days) or a date-time (the instant in days) is in arithmetic.
    pub fn number(&self, date_only: bool) -> f64 {
        if date_only {
            self.days().floor()
        } else {
            self.epoch_days()
        }
    }

    pub fn date_string(&self) -> String {
        let (y, m, d) = civil_from_days((self.local_ms / MS_PER_DAY).floor() as i64);
        format!("{y:04}-{m:02}-{d:02}")
    }

    /// (hours, minutes, seconds, milliseconds) of the local time of day.
    fn clock(&self) -> (i64, i64, i64, i64) {
        let ms_of_day = self.local_ms.rem_euclid(MS_PER_DAY) as i64;
        (
            ms_of_day / 3_600_000,
            ms_of_day / 60_000 % 60,
            ms_of_day / 1000 % 60,
            ms_of_day % 1000,
        )
    }

    pub fn datetime_string(&self) -> String {
        let (h, mi, s, ms) = self.clock();
        format!(
            "{}T{h:02}:{mi:02}:{s:02}.{ms:03}{}",
            self.date_string(),
            offset_string(self.offset_minutes)
        )
    }
}

pub fn offset_string(minutes: i32) -> String {
    let sign = if minutes < 0 { '-' } else { '+' };
    let m = minutes.unsigned_abs();
    format!("{sign}{:02}:{:02}", m / 60, m % 60)
}

fn digits(s: &str, n: usize) -> Option<u32> {
    (s.len() == n && s.bytes().all(|b| b.is_ascii_digit()))
        .then(|| s.parse().ok())
        .flatten()
}

/// Parses `YYYY-MM-DD`; `None` for anything else, including impossible dates.
pub fn parse_date(s: &str) -> Option<(i64, u32, u32)> {
    let mut parts = s.split('-');
    let y = digits(parts.next()?, 4)? as i64;
    let m = digits(parts.next()?, 2)?;
    let d = digits(parts.next()?, 2)?;
    if parts.next().is_some() || !(1..=12).contains(&m) || d == 0 || d > days_in_month(y, m) {
        return None;
    }
    Some((y, m, d))
}

/// Parses `hh:mm[:ss[.sss]][Z|+hh:mm|-hh:mm]` into (ms of day, offset minutes if written).
pub fn parse_time(s: &str) -> Option<(f64, Option<i32>)> {
    let (clock, offset) = split_offset(s)?;
    let mut parts = clock.split(':');
    let h = digits(parts.next()?, 2)?;
    let mi = digits(parts.next()?, 2)?;
    let sec: f64 = match parts.next() {
        Some(sec) => {
            let (whole, frac) = sec.split_once('.').unwrap_or((sec, ""));
            let whole = digits(whole, 2)? as f64;
            if !frac.bytes().all(|b| b.is_ascii_digit()) {
                return None;
            }
            let frac: f64 = if frac.is_empty() {
                0.0
            } else {
                format!("0.{frac}").parse().ok()?
            };
            whole + frac
        }
        None => 0.0,
    };
    if parts.next().is_some() || h > 23 || mi > 59 || sec >= 60.0 {
        return None;
    }
    Some((
        (h as f64 * 3600.0 + mi as f64 * 60.0 + sec) * 1000.0,
        offset,
    ))
}

fn split_offset(s: &str) -> Option<(&str, Option<i32>)> {
    if let Some(clock) = s.strip_suffix('Z') {
        return Some((clock, Some(0)));
    }
    if let Some(pos) = s.rfind(['+', '-']) {
        let (clock, off) = s.split_at(pos);
        let sign = if off.starts_with('-') { -1 } else { 1 };
        let (h, m) = off[1..].split_once(':').unwrap_or((&off[1..], "00"));
        let minutes = digits(h, 2)? as i32 * 60 + digits(m, 2)? as i32;
        return Some((clock, Some(sign * minutes)));
    }
    Some((s, None))
}

/// Parses a date or a date-time. A missing offset means `local_offset`.
pub fn parse_datetime(s: &str, local_offset: i32) -> Option<DateTime> {
    let s = s.trim();
    let (date, time) = match s.split_once('T') {
        Some((d, t)) => (d, Some(t)),
        None => (s, None),
    };
    let (y, m, d) = parse_date(date)?;
    let day_ms = days_from_civil(y, m, d) as f64 * MS_PER_DAY;
    match time {
        None => Some(DateTime {
            local_ms: day_ms,
            offset_minutes: local_offset,
        }),
        Some(t) => {
            let (ms, offset) = parse_time(t)?;
            let offset = offset.unwrap_or(local_offset);
            // Re-express the wall-clock time in the device's local offset, as ODK does.
            let utc = day_ms + ms - offset as f64 * 60_000.0;
            Some(DateTime {
                local_ms: utc + local_offset as f64 * 60_000.0,
                offset_minutes: local_offset,
            })
        }
    }
}

const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];
const WEEKDAYS: [&str; 7] = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];

/// ODK's `format-date` / `format-date-time`: `%Y %y %m %n %b %d %e %a %H %h %M %S %3`.
pub fn format(dt: &DateTime, pattern: &str) -> String {
    let days = (dt.local_ms / MS_PER_DAY).floor() as i64;
    let (y, m, d) = civil_from_days(days);
    let (h, mi, s, ms) = dt.clock();
    let mut out = String::new();
    let mut chars = pattern.chars();
    while let Some(c) = chars.next() {
        if c != '%' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('Y') => out.push_str(&format!("{y:04}")),
            Some('y') => out.push_str(&format!("{:02}", y.rem_euclid(100))),
            Some('m') => out.push_str(&format!("{m:02}")),
            Some('n') => out.push_str(&m.to_string()),
            Some('b') => out.push_str(MONTHS[(m - 1) as usize]),
            Some('d') => out.push_str(&format!("{d:02}")),
            Some('e') => out.push_str(&d.to_string()),
            Some('a') => out.push_str(WEEKDAYS[(days + 4).rem_euclid(7) as usize]),
            Some('H') => out.push_str(&format!("{h:02}")),
            Some('h') => out.push_str(&h.to_string()),
            Some('M') => out.push_str(&format!("{mi:02}")),
            Some('S') => out.push_str(&format!("{s:02}")),
            Some('3') => out.push_str(&format!("{ms:03}")),
            Some(other) => {
                out.push('%');
                out.push(other);
            }
            None => out.push('%'),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn civil_round_trip() {
        for z in [-1_000_000, -1, 0, 1, 19_723, 19_783, 2_000_000] {
            let (y, m, d) = civil_from_days(z);
            assert_eq!(days_from_civil(y, m, d), z);
        }
        assert_eq!(days_from_civil(2024, 1, 1), 19_723);
    }

    #[test]
    fn rejects_impossible_dates() {
        assert!(parse_date("2024-02-30").is_none());
        assert!(parse_date("2024-02-29").is_some());
        assert!(parse_date("2023-02-29").is_none());
        assert!(parse_date("2024-1-01").is_none());
    }

    #[test]
    fn datetime_keeps_wall_clock_in_local_offset() {
        let dt = parse_datetime("2024-03-01T12:00:00", 300).unwrap();
        assert_eq!(dt.days(), 19_783.5);
        assert_eq!(dt.epoch_days(), 19_783.5 - 5.0 / 24.0);
        let z = parse_datetime("1970-01-02T12:00:00.000Z", 300).unwrap();
        assert_eq!(z.epoch_days(), 1.5);
        assert_eq!(dt.datetime_string(), "2024-03-01T12:00:00.000+05:00");
        let utc = parse_datetime("2024-03-01T07:00:00Z", 300).unwrap();
        assert_eq!(utc.datetime_string(), "2024-03-01T12:00:00.000+05:00");
    }

    #[test]
    fn formats_like_odk() {
        let dt = parse_datetime("2024-03-01", 0).unwrap();
        assert_eq!(
            format(&dt, "%d.%m.%Y %b %a %e %n %y"),
            "01.03.2024 Mar Fri 1 3 24"
        );
    }
}
