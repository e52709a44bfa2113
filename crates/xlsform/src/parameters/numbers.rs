//! Names and numbers in parameter values, read as pyxform (Python) reads them: `${name}`
//! references, XML names, integers, floats and decimals exactly.

use std::cmp::Ordering;

/// `${name}` or `${last-saved#name}`, the whole text: the name.
pub(super) fn reference(text: &str) -> Option<&str> {
    let inner = text.strip_prefix("${")?.strip_suffix('}')?;
    let name = inner.strip_prefix("last-saved#").unwrap_or(inner);
    is_ncname(name).then_some(name)
}

pub(super) fn is_ncname(name: &str) -> bool {
    let mut chars = name.chars();
    chars.next().is_some_and(|c| c.is_alphabetic() || c == '_')
        && chars.all(|c| c.is_alphanumeric() || matches!(c, '_' | '-' | '.' | '\u{b7}'))
}

/// An XML name, possibly with a prefix (`prefix:name`).
pub(super) fn is_xml_name(name: &str) -> bool {
    match name.split_once(':') {
        Some((prefix, local)) => is_ncname(prefix) && is_ncname(local),
        None => is_ncname(name),
    }
}

/// Python's `int()` of a string: a sign, digits, single underscores between digits.
pub(super) fn int(text: &str) -> Option<i128> {
    let (negative, digits) = sign(text.trim());
    let digits = plain_digits(digits)?;
    // Beyond i128 is still a whole number to Python.
    let n = digits.parse::<i128>().unwrap_or(i128::MAX);
    Some(if negative { -n } else { n })
}

/// Python's `float()` of a string (inf and nan are numbers to it).
pub(super) fn float(text: &str) -> Option<Num> {
    let text = text.trim().to_lowercase();
    let (_, body) = sign(&text);
    if ["inf", "infinity"].contains(&body) {
        return Some(Num::Infinite);
    }
    if body == "nan" {
        return Some(Num::NaN);
    }
    finite(body, sign(&text).0).map(Num::Finite)
}

/// Python's `Decimal()` of a string.
pub(super) fn decimal(text: &str) -> Option<Num> {
    let text = text.trim().to_lowercase();
    let (negative, body) = sign(&text);
    if ["inf", "infinity"].contains(&body) {
        return Some(Num::Infinite);
    }
    for nan in ["snan", "nan"] {
        if let Some(payload) = body.strip_prefix(nan) {
            if payload.is_empty() || payload.chars().all(|c| c.is_ascii_digit()) {
                return Some(Num::NaN);
            }
        }
    }
    finite(body, negative).map(Num::Finite)
}

#[derive(Debug, Clone, Copy)]
pub(super) enum Num {
    Finite(Dec),
    Infinite,
    NaN,
}

pub(super) fn sign(text: &str) -> (bool, &str) {
    match text.as_bytes().first() {
        Some(b'-') => (true, &text[1..]),
        Some(b'+') => (false, &text[1..]),
        _ => (false, text),
    }
}

/// Digits with single underscores between them (Python's numeric literals), underscores
/// removed.
pub(super) fn plain_digits(text: &str) -> Option<String> {
    let ok = !text.is_empty()
        && !text.starts_with('_')
        && !text.ends_with('_')
        && !text.contains("__")
        && text.chars().all(|c| c.is_ascii_digit() || c == '_');
    ok.then(|| text.replace('_', ""))
}

/// `12.5`, `.5`, `5.`, `1e3`, `1_000`: the exact value.
pub(super) fn finite(body: &str, negative: bool) -> Option<Dec> {
    let (mantissa, exponent) = match body.split_once('e') {
        Some((m, e)) => {
            let (neg, digits) = sign(e);
            let e: i64 = plain_digits(digits)?.parse().unwrap_or(i64::MAX / 2);
            (m, if neg { -e } else { e })
        }
        None => (body, 0),
    };
    let (whole, fraction) = mantissa.split_once('.').unwrap_or((mantissa, ""));
    if whole.is_empty() && fraction.is_empty() {
        return None;
    }
    let whole = if whole.is_empty() {
        String::new()
    } else {
        plain_digits(whole)?
    };
    let fraction = if fraction.is_empty() {
        String::new()
    } else {
        plain_digits(fraction)?
    };
    let digits = format!("{whole}{fraction}");
    let digits = digits.trim_start_matches('0');
    let exponent = exponent.saturating_sub(fraction.len() as i64);
    Some(Dec::new(negative, digits, exponent))
}

/// A decimal number: exactly `m × 10^e` when it fits (`exact`), else `approx` only.
#[derive(Debug, Clone, Copy, Default)]
pub(super) struct Dec {
    exact: Option<(i128, i32)>,
    approx: f64,
}

impl Dec {
    pub(super) fn new(negative: bool, digits: &str, exponent: i64) -> Dec {
        let approx = format!(
            "{}{}e{exponent}",
            if negative { "-" } else { "" },
            if digits.is_empty() { "0" } else { digits }
        )
        .parse::<f64>()
        .unwrap_or(f64::NAN);
        let exact = if digits.is_empty() {
            Some((0, 0))
        } else {
            let trimmed = digits.trim_end_matches('0');
            let e = exponent.saturating_add((digits.len() - trimmed.len()) as i64);
            match (trimmed.parse::<i128>(), i32::try_from(e)) {
                (Ok(m), Ok(e)) if trimmed.len() <= 36 => Some((if negative { -m } else { m }, e)),
                _ => None,
            }
        };
        Dec { exact, approx }
    }

    /// Both at the smaller exponent, when that fits.
    pub(super) fn aligned(self, other: Dec) -> Option<(i128, i128, i32)> {
        let ((a, ea), (b, eb)) = (self.exact?, other.exact?);
        let e = ea.min(eb);
        let scale = |m: i128, from: i32| {
            10i128
                .checked_pow(u32::try_from(from - e).ok()?)
                .and_then(|p| m.checked_mul(p))
        };
        Some((scale(a, ea)?, scale(b, eb)?, e))
    }

    pub(super) fn sub(self, other: Dec) -> Dec {
        let exact = self
            .aligned(other)
            .and_then(|(a, b, e)| Some((a.checked_sub(b)?, e)));
        Dec {
            exact,
            approx: self.approx - other.approx,
        }
    }

    pub(super) fn abs(self) -> Dec {
        Dec {
            exact: self.exact.map(|(m, e)| (m.abs(), e)),
            approx: self.approx.abs(),
        }
    }

    pub(super) fn is_zero(self) -> bool {
        self.exact.map_or(self.approx == 0.0, |(m, _)| m == 0)
    }

    pub(super) fn cmp(self, other: Dec) -> Ordering {
        match self.aligned(other) {
            Some((a, b, _)) => a.cmp(&b),
            None => self.approx.total_cmp(&other.approx),
        }
    }

    /// `self % by == 0` (`by` not zero); a number too large to tell counts as a multiple.
    pub(super) fn multiple_of(self, by: Dec) -> bool {
        match self.aligned(by) {
            Some((a, b, _)) => b == 0 || a % b == 0,
            None => true,
        }
    }
}

impl std::fmt::Display for Dec {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let Some((m, e)) = self.exact else {
            return write!(f, "{}", self.approx);
        };
        if let Some(n) = u32::try_from(e)
            .ok()
            .and_then(|e| 10i128.checked_pow(e))
            .and_then(|p| m.checked_mul(p))
        {
            return write!(f, "{n}");
        }
        if e < 0 && e > -30 {
            let digits = m.unsigned_abs().to_string();
            let places = (-e) as usize;
            let padded = format!("{digits:0>width$}", width = places + 1);
            let (whole, fraction) = padded.split_at(padded.len() - places);
            let minus = if m < 0 { "-" } else { "" };
            return write!(f, "{minus}{whole}.{fraction}");
        }
        write!(f, "{m}e{e}")
    }
}
