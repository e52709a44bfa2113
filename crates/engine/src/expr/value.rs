//! XPath values and ODK's conversions between them.

use super::datetime::{parse_datetime, DateTime};

/// Identifies a node of a filled form (see [`crate::instance`]).
pub type NodeId = usize;

#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Str(String),
    Num(f64),
    Bool(bool),
    /// A date (`date_only`) or date-time, as `today()` / `now()` / `date()` produce.
    Date(DateTime, bool),
    /// The nodes a reference selects, in document order.
    Nodes(Vec<NodeId>),
    /// Nodes of a secondary instance (`instance('LIST')/root/item/…`), by their values.
    Items(Vec<String>),
}

/// XPath `number()` of a string, as ODK does it: surrounding whitespace ignored, `''` is NaN,
/// exponents accepted, and a date string is its number of days since 1970-01-01.
pub fn str_to_number(s: &str) -> f64 {
    // Fast path for what aggregates mostly read: short whole numbers such as "0", "1", "42".
    if !s.is_empty() && s.len() <= 15 && s.bytes().all(|b| b.is_ascii_digit()) {
        return s.bytes().fold(0.0, |n, b| n * 10.0 + f64::from(b - b'0'));
    }
    let t = s.trim();
    if t.is_empty() {
        return f64::NAN;
    }
    if let Ok(n) = t.parse::<f64>() {
        // Rust accepts "inf" and "nan"; XPath does not.
        if t.bytes().any(|b| b.is_ascii_digit()) {
            return n;
        }
        return f64::NAN;
    }
    if t.len() >= 10 && t.as_bytes()[4] == b'-' {
        if let Some(dt) = parse_datetime(t, 0) {
            return dt.days();
        }
    }
    f64::NAN
}

/// XPath `string()` of a number, as ODK prints it (JavaScript's `Number#toString`), except that
/// NaN is the empty string, as ODK writes it into the form.
pub fn number_to_string(n: f64) -> String {
    if n.is_nan() {
        return String::new();
    }
    if n.is_infinite() {
        return if n > 0.0 { "Infinity" } else { "-Infinity" }.into();
    }
    if n == 0.0 {
        return "0".into();
    }
    let abs = n.abs();
    if (1e-6..1e21).contains(&abs) {
        // Rust's Display is the shortest round-trip representation without exponent: the same
        // digits JavaScript prints in this range.
        return format!("{n}");
    }
    // Outside it JavaScript switches to exponent notation: 1e-7, 1.5e+21.
    let e = format!("{n:e}");
    match e.split_once('e') {
        Some((mantissa, exp)) if !exp.starts_with('-') => format!("{mantissa}e+{exp}"),
        _ => e,
    }
}

/// XPath `boolean()` of a string: any non-empty string is true (so `boolean('false')` is true).
pub fn str_to_bool(s: &str) -> bool {
    !s.is_empty()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_print_like_odk() {
        assert_eq!(number_to_string(4.5), "4.5");
        assert_eq!(number_to_string(5.0), "5");
        assert_eq!(number_to_string(1.0 / 3.0), "0.3333333333333333");
        assert_eq!(number_to_string(0.1 + 0.2), "0.30000000000000004");
        assert_eq!(number_to_string(1e19), "10000000000000000000");
        assert_eq!(number_to_string(1e-7), "1e-7");
        assert_eq!(number_to_string(1.5e21), "1.5e+21");
        assert_eq!(number_to_string(-0.0), "0");
        assert_eq!(number_to_string(f64::NAN), "");
        assert_eq!(number_to_string(f64::NEG_INFINITY), "-Infinity");
    }

    #[test]
    fn strings_convert_like_odk() {
        assert!(str_to_number("").is_nan());
        assert!(str_to_number("abc").is_nan());
        assert!(str_to_number("inf").is_nan());
        assert_eq!(str_to_number(" 12 "), 12.0);
        assert_eq!(str_to_number("1e3"), 1000.0);
        assert_eq!(str_to_number("2024-01-01"), 19_723.0);
    }
}
