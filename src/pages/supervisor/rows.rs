//! The supervisor's list as plain data: one row per submission, the filters and the sorting.

use serde_json::Value;
use xonadon_storage::{ReviewStatus, Submission};

/// Where a household is: the answers to the questions named `region`, `district` and
/// `mahalla`, wherever the form puts them (choice names).
#[derive(Debug, Clone, Default, PartialEq, Eq, PartialOrd, Ord)]
pub struct Place {
    pub region: String,
    pub district: String,
    pub mahalla: String,
}

/// The first answer to a question named `name`, outside repeats.
pub fn answer_named(data: &Value, name: &str) -> Option<String> {
    let object = data.as_object()?;
    if let Some(Value::String(s)) = object.get(name) {
        return Some(s.clone());
    }
    object
        .values()
        .filter(|v| v.is_object())
        .find_map(|v| answer_named(v, name))
}

impl Place {
    pub fn of(data: &Value) -> Place {
        let get = |name| answer_named(data, name).unwrap_or_default();
        Place {
            region: get("region"),
            district: get("district"),
            mahalla: get("mahalla"),
        }
    }
}

/// A submission as the list shows it.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    pub instance_id: String,
    pub form_id: String,
    pub form_version: String,
    pub title: String,
    /// The local day it was finalized, `YYYY-MM-DD`.
    pub day: String,
    pub finalized_at_ms: f64,
    pub enumerator: String,
    pub place: Place,
    pub status: ReviewStatus,
    /// The needs identified (choice names of `needs_identified`), for the summary.
    pub needs: Vec<String>,
}

impl Row {
    /// `day` gives the local day of a time (the browser knows the time zone).
    pub fn of(s: &Submission, day: impl Fn(f64) -> String) -> Row {
        Row {
            instance_id: s.instance_id.clone(),
            form_id: s.form_id.clone(),
            form_version: s.form_version.clone(),
            title: s.title.clone().unwrap_or_default(),
            day: day(s.finalized_at_ms),
            finalized_at_ms: s.finalized_at_ms,
            enumerator: s.enumerator.clone(),
            place: Place::of(&s.data),
            status: s.review.status,
            needs: super::summary::chosen(&s.data, "needs_identified"),
        }
    }
}

/// What the supervisor narrowed the list to; `None` (or blank) means any.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Filters {
    pub form: Option<String>,
    /// First and last day, `YYYY-MM-DD`, both included.
    pub from: Option<String>,
    pub to: Option<String>,
    pub enumerator: Option<String>,
    pub region: Option<String>,
    pub district: Option<String>,
    pub mahalla: Option<String>,
    pub status: Option<ReviewStatus>,
}

fn is(wanted: &Option<String>, value: &str) -> bool {
    wanted.as_deref().is_none_or(|w| w.is_empty() || w == value)
}

impl Filters {
    pub fn admit(&self, r: &Row) -> bool {
        is(&self.form, &r.form_id)
            && self
                .from
                .as_deref()
                .is_none_or(|f| f.is_empty() || r.day.as_str() >= f)
            && self
                .to
                .as_deref()
                .is_none_or(|t| t.is_empty() || r.day.as_str() <= t)
            && is(&self.enumerator, &r.enumerator)
            && is(&self.region, &r.place.region)
            && is(&self.district, &r.place.district)
            && is(&self.mahalla, &r.place.mahalla)
            && self.status.is_none_or(|s| s == r.status)
    }
}

/// What the list is sorted by.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum SortKey {
    #[default]
    Date,
    Title,
    Enumerator,
    Place,
    Status,
}

/// A sorting: the key and whether it runs backwards (the newest first, by default).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Sort {
    pub key: SortKey,
    pub descending: bool,
}

impl Default for Sort {
    fn default() -> Self {
        Sort {
            key: SortKey::Date,
            descending: true,
        }
    }
}

impl Sort {
    /// Clicking a column: the same column turns around, another one sorts ascending.
    pub fn by(self, key: SortKey) -> Sort {
        Sort {
            key,
            descending: if key == self.key {
                !self.descending
            } else {
                false
            },
        }
    }

    pub fn apply(self, rows: &mut [Row]) {
        fn status_rank(s: ReviewStatus) -> u8 {
            match s {
                ReviewStatus::HasIssues => 0,
                ReviewStatus::Pending => 1,
                ReviewStatus::Approved => 2,
            }
        }
        rows.sort_by(|a, b| {
            let order = match self.key {
                SortKey::Date => a.finalized_at_ms.total_cmp(&b.finalized_at_ms),
                SortKey::Title => a.title.to_lowercase().cmp(&b.title.to_lowercase()),
                SortKey::Enumerator => a.enumerator.cmp(&b.enumerator),
                SortKey::Place => a.place.cmp(&b.place),
                SortKey::Status => status_rank(a.status).cmp(&status_rank(b.status)),
            }
            .then_with(|| a.instance_id.cmp(&b.instance_id));
            if self.descending {
                order.reverse()
            } else {
                order
            }
        });
    }
}

/// The rows the list shows: those `filters` admit, in the order of `sort`.
pub fn shown(rows: &[Row], filters: &Filters, sort: Sort) -> Vec<Row> {
    let mut shown: Vec<Row> = rows.iter().filter(|r| filters.admit(r)).cloned().collect();
    sort.apply(&mut shown);
    shown
}

/// The distinct non-blank values of `field` among `rows`, sorted: a filter's options.
pub fn distinct(rows: &[Row], field: impl Fn(&Row) -> &str) -> Vec<String> {
    let mut values: Vec<String> = rows
        .iter()
        .map(|r| field(r).to_string())
        .filter(|v| !v.is_empty())
        .collect();
    values.sort();
    values.dedup();
    values
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;
    use wasm_bindgen_test::wasm_bindgen_test;

    fn row(id: &str, day: &str, enumerator: &str, mahalla: &str, status: ReviewStatus) -> Row {
        Row {
            instance_id: id.into(),
            form_id: "household".into(),
            form_version: "1".into(),
            title: id.to_uppercase(),
            day: day.into(),
            finalized_at_ms: day.replace('-', "").parse().unwrap(),
            enumerator: enumerator.into(),
            place: Place {
                region: "khorezm".into(),
                district: "urgench".into(),
                mahalla: mahalla.into(),
            },
            status,
            needs: Vec::new(),
        }
    }

    fn rows() -> Vec<Row> {
        vec![
            row("a", "2026-11-01", "Aziza", "m1", ReviewStatus::Pending),
            row("b", "2026-11-15", "Bobur", "m2", ReviewStatus::Approved),
            row("c", "2026-11-20", "Aziza", "m2", ReviewStatus::HasIssues),
        ]
    }

    fn ids(rows: &[Row]) -> Vec<&str> {
        rows.iter().map(|r| r.instance_id.as_str()).collect()
    }

    #[wasm_bindgen_test]
    fn the_place_is_found_wherever_the_form_puts_it() {
        let data = json!({"location": {"region": "khorezm", "district": "urgench",
            "mahalla": "m7"}, "roster": {"members": [{"region": "not this"}]}});
        assert_eq!(
            Place::of(&data),
            Place {
                region: "khorezm".into(),
                district: "urgench".into(),
                mahalla: "m7".into()
            }
        );
        assert_eq!(Place::of(&json!({})), Place::default());
    }

    #[wasm_bindgen_test]
    fn filters_narrow_and_blank_means_any() {
        let all = rows();
        let keep = |f: Filters| -> Vec<String> {
            all.iter()
                .filter(|r| f.admit(r))
                .map(|r| r.instance_id.clone())
                .collect()
        };
        assert_eq!(keep(Filters::default()), ["a", "b", "c"]);
        let range = Filters {
            from: Some("2026-11-15".into()),
            to: Some("2026-11-20".into()),
            ..Filters::default()
        };
        assert_eq!(keep(range), ["b", "c"]);
        let aziza = Filters {
            enumerator: Some("Aziza".into()),
            mahalla: Some("m2".into()),
            ..Filters::default()
        };
        assert_eq!(keep(aziza), ["c"]);
        let issues = Filters {
            status: Some(ReviewStatus::HasIssues),
            enumerator: Some(String::new()),
            ..Filters::default()
        };
        assert_eq!(keep(issues), ["c"]);
        assert!(keep(Filters {
            form: Some("other".into()),
            ..Filters::default()
        })
        .is_empty());
    }

    #[wasm_bindgen_test]
    fn the_list_is_the_admitted_rows_sorted() {
        let aziza = Filters {
            enumerator: Some("Aziza".into()),
            ..Filters::default()
        };
        assert_eq!(ids(&shown(&rows(), &aziza, Sort::default())), ["c", "a"]);
        let oldest_first = Sort::default().by(SortKey::Date);
        assert_eq!(ids(&shown(&rows(), &aziza, oldest_first)), ["a", "c"]);
    }

    #[wasm_bindgen_test]
    fn sorting_by_a_column_and_back() {
        let mut r = rows();
        Sort::default().apply(&mut r);
        assert_eq!(ids(&r), ["c", "b", "a"], "newest first");
        let by_status = Sort::default().by(SortKey::Status);
        by_status.apply(&mut r);
        assert_eq!(ids(&r), ["c", "a", "b"], "issues first");
        by_status.by(SortKey::Status).apply(&mut r);
        assert_eq!(ids(&r), ["b", "a", "c"]);
        Sort::default().by(SortKey::Enumerator).apply(&mut r);
        assert_eq!(ids(&r), ["a", "c", "b"]);
        assert_eq!(distinct(&r, |r| &r.enumerator), ["Aziza", "Bobur"]);
    }
}
