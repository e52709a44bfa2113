//! How each question type holds an answer: the same strings ODK holds, so that exports and
//! expressions agree with ODK (`7.9` for an integer is `7`; a decimal `2.50` is `2.5`; an
//! acknowledge is `OK`; a select_multiple keeps its choices in list order).

use crate::expr::datetime;
use crate::expr::value::{number_to_string, str_to_number};
use crate::form::{ChoiceAnswer, QuestionType};

/// The answer a question of type `q` holds when given `raw`; `""` when `raw` is not a valid
/// answer of that type. Choice names are checked by the caller (see [`normalize_choices`]).
pub fn normalize(q: &QuestionType, raw: &str, local_offset: i32) -> String {
    let t = raw.trim();
    if t.is_empty() {
        return String::new();
    }
    match q {
        QuestionType::Integer => {
            let n = plain_number(t);
            if n.is_finite() {
                number_to_string(n.trunc())
            } else {
                String::new()
            }
        }
        QuestionType::Decimal => {
            // ODK holds a decimal as Java prints a double: `3` is `3.0`.
            let n = plain_number(t);
            if n.is_finite() {
                let s = number_to_string(n);
                if s.contains(['.', 'e']) {
                    s
                } else {
                    format!("{s}.0")
                }
            } else {
                String::new()
            }
        }
        QuestionType::Range => {
            let n = plain_number(t);
            if n.is_finite() {
                number_to_string(n)
            } else {
                String::new()
            }
        }
        QuestionType::Date => match datetime::parse_datetime(t, local_offset) {
            Some(dt) => dt.date_string(),
            None => String::new(),
        },
        // ODK keeps a valid time or date-time as written. A time picker's `hh:mm` (which ODK
        // would refuse) gets its seconds.
        QuestionType::Time => match datetime::parse_time(t) {
            Some(_) if is_hh_mm(t) => format!("{t}:00"),
            Some(_) => t.to_string(),
            None => String::new(),
        },
        QuestionType::DateTime => match t.split_once('T') {
            Some((_, time)) if datetime::parse_datetime(t, local_offset).is_some() => {
                if is_hh_mm(time) {
                    format!("{t}:00")
                } else {
                    t.to_string()
                }
            }
            _ => String::new(),
        },
        QuestionType::Geopoint => normalize_geopoint(t),
        QuestionType::Geotrace | QuestionType::Geoshape => normalize_geotrace(t),
        QuestionType::Acknowledge => match t {
            "OK" | "ok" | "true" | "yes" | "1" => "OK".into(),
            _ => String::new(),
        },
        QuestionType::SelectOne(_) | QuestionType::SelectMultiple(_) | QuestionType::Rank(_) => {
            t.to_string()
        }
        QuestionType::Text
        | QuestionType::Barcode
        | QuestionType::Image
        | QuestionType::Audio
        | QuestionType::Video
        | QuestionType::File
        | QuestionType::Note
        | QuestionType::Calculate
        | QuestionType::Hidden
        | QuestionType::Metadata(_) => raw.to_string(),
    }
}

fn is_hh_mm(t: &str) -> bool {
    t.len() == 5 && t.as_bytes()[2] == b':'
}

/// A number typed as a number (a date string is not one here, unlike in expressions).
fn plain_number(t: &str) -> f64 {
    if datetime::parse_date(t).is_some() {
        f64::NAN
    } else {
        str_to_number(t)
    }
}

/// `lat lon [altitude [accuracy]]`, as ODK writes it: `41.3 69.2 0.0 5.0`.
fn normalize_geopoint(t: &str) -> String {
    let parts: Vec<f64> = t.split_whitespace().map(str_to_number).collect();
    let valid = (2..=4).contains(&parts.len())
        && parts.iter().all(|p| p.is_finite())
        && (-90.0..=90.0).contains(&parts[0])
        && (-180.0..=180.0).contains(&parts[1]);
    if !valid {
        return String::new();
    }
    let decimal = |x: f64| {
        let s = number_to_string(x);
        if s.contains('.') || s.contains('e') {
            s
        } else {
            format!("{s}.0")
        }
    };
    let alt = parts.get(2).copied().unwrap_or(0.0);
    let acc = parts.get(3).copied().unwrap_or(0.0);
    format!(
        "{} {} {} {}",
        number_to_string(parts[0]),
        number_to_string(parts[1]),
        decimal(alt),
        decimal(acc)
    )
}

/// Points separated by `;`, each a geopoint (`41.3 69.2;41.4 69.3` → `41.3 69.2 0.0 0.0;…`);
/// `""` when any point is not one.
fn normalize_geotrace(t: &str) -> String {
    let points: Vec<String> = t
        .split(';')
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .map(normalize_geopoint)
        .collect();
    if points.iter().any(String::is_empty) {
        return String::new();
    }
    points.join(";")
}

/// Keeps the names of `raw` that are in `list` and that `admitted` accepts, without
/// duplicates: a select_one at most one, a select_multiple in choice-list order, a rank in the
/// order given.
pub fn normalize_choices<'a>(
    raw: &str,
    list: impl Iterator<Item = &'a str>,
    admitted: impl Fn(&str) -> bool,
    how: ChoiceAnswer,
) -> String {
    let wanted: Vec<&str> = raw.split_whitespace().collect();
    if how == ChoiceAnswer::One && wanted.len() != 1 {
        return String::new();
    }
    let list: Vec<&str> = list.collect();
    let kept: Vec<&str> = if how == ChoiceAnswer::Ranked {
        wanted
            .iter()
            .copied()
            .filter(|name| list.contains(name) && admitted(name))
            .collect()
    } else {
        list.into_iter()
            .filter(|name| wanted.contains(name) && admitted(name))
            .collect()
    };
    let mut out = String::new();
    for (i, k) in kept.iter().enumerate() {
        if kept[..i].contains(k) {
            continue;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(k);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn n(q: QuestionType, raw: &str) -> String {
        normalize(&q, raw, 300)
    }

    #[test]
    fn numbers_are_held_as_odk_holds_them() {
        assert_eq!(n(QuestionType::Integer, "7.9"), "7");
        assert_eq!(n(QuestionType::Integer, "-7.9"), "-7");
        assert_eq!(n(QuestionType::Integer, "abc"), "");
        assert_eq!(n(QuestionType::Decimal, "2.50"), "2.5");
        assert_eq!(n(QuestionType::Decimal, "3"), "3.0");
        assert_eq!(n(QuestionType::Decimal, "-0.50"), "-0.5");
        assert_eq!(n(QuestionType::Decimal, "abc"), "");
        assert_eq!(n(QuestionType::Decimal, "2024-01-01"), "");
    }

    #[test]
    fn other_types() {
        assert_eq!(
            n(QuestionType::Geopoint, "41.3 69.2 0 5"),
            "41.3 69.2 0.0 5.0"
        );
        assert_eq!(n(QuestionType::Geopoint, "141.3 69.2"), "");
        assert_eq!(n(QuestionType::Acknowledge, "true"), "OK");
        assert_eq!(n(QuestionType::Date, "2024-02-30"), "");
        assert_eq!(n(QuestionType::Date, "2024-02-29"), "2024-02-29");
        assert_eq!(n(QuestionType::Time, "13:45"), "13:45:00");
        assert_eq!(n(QuestionType::Time, "14:05:00"), "14:05:00");
        assert_eq!(n(QuestionType::Time, "25:05:00"), "");
        assert_eq!(
            n(QuestionType::DateTime, "2024-03-01T10:00"),
            "2024-03-01T10:00:00"
        );
        assert_eq!(
            n(QuestionType::DateTime, "2024-02-29T14:05:00"),
            "2024-02-29T14:05:00"
        );
        assert_eq!(n(QuestionType::DateTime, "2024-02-30T14:05:00"), "");
        assert_eq!(n(QuestionType::Text, " keep spaces "), " keep spaces ");
        assert_eq!(
            n(QuestionType::Geotrace, "41.3 69.2; 41.4 69.3 10 5;"),
            "41.3 69.2 0.0 0.0;41.4 69.3 10.0 5.0"
        );
        assert_eq!(n(QuestionType::Geoshape, "41.3 69.2;abc"), "");
        assert_eq!(n(QuestionType::Barcode, "4780000123"), "4780000123");
    }

    #[test]
    fn choices_follow_list_order() {
        let list = ["food", "clothes", "fuel"];
        let all = |_: &str| true;
        assert_eq!(
            normalize_choices(
                "clothes food food x",
                list.iter().copied(),
                all,
                ChoiceAnswer::Many
            ),
            "food clothes"
        );
        assert_eq!(
            normalize_choices(
                "fuel",
                list.iter().copied(),
                |c| c != "fuel",
                ChoiceAnswer::One
            ),
            ""
        );
        assert_eq!(
            normalize_choices("food fuel", list.iter().copied(), all, ChoiceAnswer::One),
            ""
        );
        // A rank keeps the worker's order; names not in the list and repeats go.
        assert_eq!(
            normalize_choices(
                "fuel x food fuel",
                list.iter().copied(),
                all,
                ChoiceAnswer::Ranked
            ),
            "fuel food"
        );
    }
}
