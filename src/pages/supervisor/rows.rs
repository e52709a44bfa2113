//! The supervisor's list as plain data: one row per submission, the filters and the sorting.

use serde_json::Value;
use xonadon_engine::definition::SupervisorSettings;
use xonadon_storage::{ReviewStatus, Submission};

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

/// Where a household is: the answers to the place's levels (`settings.supervisor.place`),
/// largest first, wherever the form puts them (choice names).
pub fn place_of(data: &Value, levels: &[String]) -> Vec<String> {
    levels
        .iter()
        .map(|name| answer_named(data, name).unwrap_or_default())
        .collect()
}

/// The household head's name: the first answer, outside repeats, to a question whose name
/// speaks of the head's name (`head_name`, `name_of_head`).
fn head_name(data: &Value) -> Option<String> {
    let object = data.as_object()?;
    object
        .iter()
        .find_map(|(k, v)| match v {
            Value::String(s)
                if k.contains("head") && k.contains("name") && !s.trim().is_empty() =>
            {
                Some(s.clone())
            }
            _ => None,
        })
        .or_else(|| {
            object
                .iter()
                .filter(|(k, v)| v.is_object() && k.as_str() != "meta")
                .find_map(|(_, v)| head_name(v))
        })
}

/// What a submission is called in the list and its detail: the form's `instance_name` as the
/// tablet computed it, else the household head's name, else the form's title (`form_title`,
/// or its id) and the start of its id. Never a bare uuid, which tells a supervisor nothing.
pub fn name_of(s: &Submission, form_title: Option<&str>) -> String {
    let given = |t: &str| !t.trim().is_empty();
    if let Some(title) = s.title.as_deref().filter(|t| given(t)) {
        return title.to_string();
    }
    let instance_name = s.data.pointer("/meta/instanceName").and_then(Value::as_str);
    if let Some(name) = instance_name.filter(|t| given(t)) {
        return name.to_string();
    }
    if let Some(name) = head_name(&s.data) {
        return name;
    }
    let short: String = s
        .instance_id
        .trim_start_matches("uuid:")
        .chars()
        .take(8)
        .collect();
    format!("{} · {short}", form_title.unwrap_or(&s.form_id))
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
    /// The answers to the place's levels (none when the form declares no place).
    pub place: Vec<String>,
    pub status: ReviewStatus,
    /// The needs identified (choice names of the form's needs question), for the summary.
    pub needs: Vec<String>,
    /// The instance id of the submission this one corrects (a form returned to the field
    /// worker and finalized again), if it is a correction.
    pub corrects: Option<String>,
}

impl Row {
    /// `day` gives the local day of a time (the browser knows the time zone); `setting` is
    /// the supervisor setting of the submission's form, `form_title` its title.
    pub fn of(
        s: &Submission,
        day: impl Fn(f64) -> String,
        setting: Option<&SupervisorSettings>,
        form_title: Option<&str>,
    ) -> Row {
        Row {
            instance_id: s.instance_id.clone(),
            form_id: s.form_id.clone(),
            form_version: s.form_version.clone(),
            title: name_of(s, form_title),
            day: day(s.finalized_at_ms),
            finalized_at_ms: s.finalized_at_ms,
            enumerator: s.enumerator.clone(),
            place: setting.map_or_else(Vec::new, |c| place_of(&s.data, &c.place)),
            status: s.review.status,
            needs: setting
                .and_then(|c| c.needs.as_deref())
                .map_or_else(Vec::new, |n| super::summary::chosen(&s.data, n)),
            corrects: xonadon_engine::corrected_id(&s.data).map(str::to_string),
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
    /// By place level, largest first.
    pub place: Vec<Option<String>>,
    pub status: Option<ReviewStatus>,
}

fn is(wanted: &Option<String>, value: &str) -> bool {
    wanted.as_deref().is_none_or(|w| w.is_empty() || w == value)
}

impl Filters {
    /// The filter on place level `k`.
    pub fn level(&self, k: usize) -> Option<String> {
        self.place.get(k).cloned().flatten()
    }

    /// Sets the filter on place level `k`.
    pub fn set_level(&mut self, k: usize, value: Option<String>) {
        if self.place.len() <= k {
            self.place.resize(k + 1, None);
        }
        self.place[k] = value;
    }

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
            && self
                .place
                .iter()
                .enumerate()
                .all(|(k, wanted)| is(wanted, r.place.get(k).map_or("", String::as_str)))
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

/// The rows without those a held correction replaces: the list (and what is exported from
/// it) has each household once, at its latest version; the earlier ones stay on the device,
/// their history shown with the correction (`history.rs`).
pub fn current(mut rows: Vec<Row>) -> Vec<Row> {
    let replaced: std::collections::HashSet<String> =
        rows.iter().filter_map(|r| r.corrects.clone()).collect();
    rows.retain(|r| !replaced.contains(&r.instance_id));
    rows
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
            place: vec!["khorezm".into(), "urgench".into(), mahalla.into()],
            status,
            needs: Vec::new(),
            corrects: None,
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
    fn a_correction_replaces_the_row_it_corrects_down_the_chain() {
        let mut all = rows();
        all[1].corrects = Some("a".into());
        let mut again = row("d", "2026-11-21", "Aziza", "m1", ReviewStatus::Pending);
        again.corrects = Some("b".into());
        all.push(again);
        assert_eq!(ids(&current(all)), ["c", "d"]);
        assert_eq!(ids(&current(rows())), ["a", "b", "c"]);
    }

    #[wasm_bindgen_test]
    fn the_place_is_found_wherever_the_form_puts_it() {
        let data = json!({"location": {"region": "khorezm", "district": "urgench",
            "mahalla": "m7"}, "roster": {"members": [{"region": "not this"}]}});
        let levels = ["region", "district", "mahalla"].map(String::from);
        assert_eq!(place_of(&data, &levels), ["khorezm", "urgench", "m7"]);
        assert_eq!(place_of(&json!({}), &levels), ["", "", ""]);
    }

    #[wasm_bindgen_test]
    fn a_row_reads_the_questions_its_form_names() {
        let data = json!({"where": {"town": "t1"}, "wants": "food water"});
        let s = Submission {
            instance_id: "u1".into(),
            form_id: "f".into(),
            form_version: "1".into(),
            data,
            started_at_ms: 0.0,
            finalized_at_ms: 0.0,
            enumerator: String::new(),
            device_id: String::new(),
            title: None,
            review: Default::default(),
            exports: Vec::new(),
        };
        let setting = SupervisorSettings {
            place: vec!["town".into()],
            needs: Some("wants".into()),
        };
        let row = Row::of(&s, |_| String::new(), Some(&setting), None);
        assert_eq!(
            (row.place, row.needs),
            (vec!["t1".into()], vec!["food".into(), "water".into()])
        );
        let bare = Row::of(&s, |_| String::new(), None, None);
        assert!(bare.place.is_empty() && bare.needs.is_empty());
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
        let mut aziza = Filters {
            enumerator: Some("Aziza".into()),
            ..Filters::default()
        };
        aziza.set_level(2, Some("m2".into()));
        assert_eq!(aziza.level(2).as_deref(), Some("m2"));
        assert_eq!(aziza.level(1), None);
        assert_eq!(keep(aziza), ["c"]);
        let mut elsewhere = Filters::default();
        elsewhere.set_level(0, Some("tashkent".into()));
        assert!(keep(elsewhere).is_empty());
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

    #[wasm_bindgen_test]
    fn a_submission_is_named_never_by_its_bare_uuid() {
        let mut s = Submission {
            instance_id: "uuid:0123456789ab".into(),
            form_id: "household".into(),
            form_version: "1".into(),
            data: json!({"intro": {"interviewer_name": "Malika"},
                "head": {"head_name": "Bobur Aliyev"},
                "meta": {"instanceID": "uuid:0123456789ab"}}),
            started_at_ms: 0.0,
            finalized_at_ms: 0.0,
            enumerator: String::new(),
            device_id: String::new(),
            title: Some(" ".into()),
            review: Default::default(),
            exports: Vec::new(),
        };
        assert_eq!(
            name_of(&s, None),
            "Bobur Aliyev",
            "the head, not the interviewer"
        );
        s.data["meta"]["instanceName"] = json!("Bobur Aliyev — Jayxun");
        assert_eq!(name_of(&s, None), "Bobur Aliyev — Jayxun");
        s.title = Some("Aliyevlar".into());
        assert_eq!(name_of(&s, None), "Aliyevlar");
        s.title = None;
        s.data = json!({"meta": {"instanceID": "uuid:0123456789ab"}});
        assert_eq!(name_of(&s, Some("Household")), "Household · 01234567");
        assert_eq!(name_of(&s, None), "household · 01234567");
    }
}
