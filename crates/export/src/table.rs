//! Submissions as tables, in the layout data teams know from ODK Central and KoboToolbox:
//!
//! - a root table (`FORM_ID`), one row per submission: `SubmissionDate`, the answers (group
//!   names joined by `-`: `intro-interviewer_name`), then `KEY` (the instance id) and the
//!   metadata (`SubmitterName`, `DeviceID`, `FormVersion`, `StartTime`, `ReviewState`,
//!   `ReviewComments`);
//! - one table per repeat (`FORM_ID-REPEAT`), one row per instance: its answers, then
//!   `PARENT_KEY` (the row it belongs to) and `KEY` (`uuid:…/members[2]`, and
//!   `uuid:…/members[2]/illnesses[1]` for a repeat in a repeat);
//! - a select_multiple is its space-separated answer plus one `0`/`1` column per choice
//!   (`q/choice`); a geopoint is its answer plus `q-Latitude`, `q-Longitude`, `q-Altitude`,
//!   `q-Accuracy`; notes are left out; calculations are in.
//! - a select_multiple whose choices are another question's answers (`select_multiple
//!   ${name}` over a roster's names) has no list to take its `q/choice` columns from: they are
//!   the names selected in the exported submissions, learned from the data
//!   ([`Layout::learn`], see [`answer_choices`]).
//!
//! Answers the engine found irrelevant are not in a submission, so their cells are empty.
//! With [`Options::labels`], headers and choice answers are labels in that language.

use xonadon_engine::expr::ElemId;
use xonadon_engine::{Form, Kind, QuestionType};
use xonadon_storage::Submission;

use crate::time::iso_utc;

mod answer_choices;
mod references;

/// How the tables name things.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Options {
    /// Headers and choice answers as labels in this language (BCP-47 tag) instead of names.
    pub labels: Option<String>,
}

/// One table: its name (the file name without `.csv`, the sheet name) and columns.
#[derive(Debug, Clone, PartialEq)]
pub struct Table {
    pub name: String,
    /// The table whose rows this one's rows belong to (`None` for the root table).
    pub parent: Option<usize>,
    /// Names from a parent row's object down to the repeat: enclosing groups, then the repeat.
    steps: Vec<String>,
    pub columns: Vec<Column>,
}

/// A column: its header and what fills it.
#[derive(Debug, Clone, PartialEq)]
pub struct Column {
    pub header: String,
    /// Names from the row's object down to the answer.
    path: Vec<String>,
    fill: Fill,
}

#[derive(Debug, Clone, PartialEq)]
enum Fill {
    Answer,
    /// A select_one, or a select_multiple's whole answer: names, or labels from this list.
    Choices(String),
    /// `1` if the select_multiple's answer holds this choice name, `0` if not.
    Chosen(String),
    /// Part `n` (0: latitude … 3: accuracy) of a geopoint.
    Geo(usize),
    Key,
    ParentKey,
    SubmissionDate,
    Submitter,
    Device,
    FormVersion,
    Started,
    ReviewState,
    ReviewComments,
}

/// The tables of one form version.
#[derive(Debug, Clone)]
pub struct Layout<'f> {
    form: &'f Form,
    options: Options,
    pub tables: Vec<Table>,
    /// The select_multiples over answers, whose 0/1 columns [`Layout::learn`] adds.
    answer_selects: Vec<answer_choices::AnswerSelect>,
}

const GEO_PARTS: [&str; 4] = ["Latitude", "Longitude", "Altitude", "Accuracy"];

impl<'f> Layout<'f> {
    /// The tables of `form`, named after `name` (usually the form id).
    pub fn new(form: &'f Form, name: &str, options: Options) -> Layout<'f> {
        let mut layout = Layout {
            form,
            options,
            tables: Vec::new(),
            answer_selects: Vec::new(),
        };
        layout.tables.push(Table {
            name: name.to_string(),
            parent: None,
            steps: Vec::new(),
            columns: vec![meta("SubmissionDate", Fill::SubmissionDate)],
        });
        layout.add_children(0, 0, &[]);
        let root = &mut layout.tables[0];
        for (header, fill) in [
            ("KEY", Fill::Key),
            ("SubmitterName", Fill::Submitter),
            ("DeviceID", Fill::Device),
            ("FormVersion", Fill::FormVersion),
            ("StartTime", Fill::Started),
            ("ReviewState", Fill::ReviewState),
            ("ReviewComments", Fill::ReviewComments),
        ] {
            root.columns.push(meta(header, fill));
        }
        layout
    }

    fn text(&self, elem: ElemId) -> String {
        let e = self.form.element(elem);
        match (&self.options.labels, &e.label) {
            (Some(lang), Some(label)) => {
                let text = label.get(Some(lang), self.form.default_language());
                if text.is_empty() {
                    e.name.clone()
                } else {
                    self.without_references(text, lang)
                }
            }
            _ => e.name.clone(),
        }
    }

    /// A label as a header: each `${name}` as that question's label in brackets.
    fn without_references(&self, text: &str, lang: &str) -> String {
        references::in_brackets(text, |name| {
            let label = self.form.find(name)?.label.as_ref()?;
            let text = label.get(Some(lang), self.form.default_language());
            (!text.is_empty()).then(|| text.to_string())
        })
    }

    /// Adds the columns (and tables) of `parent`'s children to `table`; `prefix` holds the
    /// names of the groups between the table's row and `parent`.
    fn add_children(&mut self, table: usize, parent: ElemId, prefix: &[String]) {
        for &child in &self.form.element(parent).children {
            // Not a column, as in ODK Central's tables: a correction replaces the row of the
            // submission it names, which the export then leaves out (the bundle keeps both).
            if self.form.is_deprecated_id(child) {
                continue;
            }
            let e = self.form.element(child);
            let mut path = prefix.to_vec();
            path.push(e.name.clone());
            match &e.kind {
                Kind::Root => {}
                Kind::Group => self.add_children(table, child, &path),
                Kind::Repeat => {
                    let name = format!("{}-{}", self.tables[0].name, e.name);
                    self.tables.push(Table {
                        name,
                        parent: Some(table),
                        steps: path,
                        columns: Vec::new(),
                    });
                    let index = self.tables.len() - 1;
                    self.add_children(index, child, &[]);
                    let t = &mut self.tables[index];
                    t.columns.push(meta("PARENT_KEY", Fill::ParentKey));
                    t.columns.push(meta("KEY", Fill::Key));
                }
                Kind::Question(q) => self.add_question(table, child, q, path),
            }
        }
    }

    fn add_question(&mut self, table: usize, elem: ElemId, q: &QuestionType, path: Vec<String>) {
        let labels = self.options.labels.is_some();
        let header = if labels {
            self.text(elem)
        } else {
            path.join("-")
        };
        let mut columns = Vec::new();
        match q {
            QuestionType::Note => return,
            QuestionType::SelectOne(list) => columns.push(Column {
                header,
                path,
                fill: Fill::Choices(list.clone()),
            }),
            QuestionType::SelectMultiple(list) => {
                columns.push(Column {
                    header: header.clone(),
                    path: path.clone(),
                    fill: Fill::Choices(list.clone()),
                });
                if self.form.element(elem).choices_from.is_some() {
                    self.answer_selects.push(answer_choices::AnswerSelect::new(
                        table,
                        path.clone(),
                        header.clone(),
                    ));
                }
                for choice in self.form.choices(list) {
                    let shown = match (&self.options.labels, &choice.label) {
                        (Some(lang), Some(l)) => self.without_references(
                            l.get(Some(lang), self.form.default_language()),
                            lang,
                        ),
                        _ => choice.name.clone(),
                    };
                    columns.push(Column {
                        header: format!("{header}/{shown}"),
                        path: path.clone(),
                        fill: Fill::Chosen(choice.name.clone()),
                    });
                }
            }
            QuestionType::Geopoint => {
                columns.push(Column {
                    header: header.clone(),
                    path: path.clone(),
                    fill: Fill::Answer,
                });
                for (n, part) in GEO_PARTS.iter().enumerate() {
                    columns.push(Column {
                        header: format!("{header}-{part}"),
                        path: path.clone(),
                        fill: Fill::Geo(n),
                    });
                }
            }
            _ => columns.push(Column {
                header,
                path,
                fill: Fill::Answer,
            }),
        }
        self.tables[table].columns.extend(columns);
    }

    /// The table headers.
    pub fn headers(&self, table: usize) -> Vec<&str> {
        self.tables[table]
            .columns
            .iter()
            .map(|c| c.header.as_str())
            .collect()
    }

    /// The rows `submission` adds to `table`, in order.
    pub fn rows(&self, table: usize, submission: &Submission) -> Vec<Vec<String>> {
        self.objects(table, submission)
            .into_iter()
            .map(|row| self.row(table, submission, &row))
            .collect()
    }

    /// The objects behind `table`'s rows for one submission, with their keys.
    fn objects<'s>(&self, table: usize, submission: &'s Submission) -> Vec<RowObject<'s>> {
        let t = &self.tables[table];
        let Some(parent) = t.parent else {
            return vec![RowObject {
                value: &submission.data,
                key: submission.instance_id.clone(),
                parent_key: String::new(),
            }];
        };
        let repeat = t.steps.last().cloned().unwrap_or_default();
        let mut out = Vec::new();
        for row in self.objects(parent, submission) {
            let instances = walk(row.value, &t.steps).and_then(|v| v.as_array());
            for (k, instance) in instances.into_iter().flatten().enumerate() {
                out.push(RowObject {
                    value: instance,
                    key: format!("{}/{repeat}[{}]", row.key, k + 1),
                    parent_key: row.key.clone(),
                });
            }
        }
        out
    }

    fn row(&self, table: usize, s: &Submission, row: &RowObject) -> Vec<String> {
        self.tables[table]
            .columns
            .iter()
            .map(|c| {
                let answer = || {
                    walk(row.value, &c.path)
                        .and_then(|v| v.as_str())
                        .map(str::to_string)
                };
                match &c.fill {
                    Fill::Answer => answer().unwrap_or_default(),
                    Fill::Choices(list) => answer()
                        .map(|v| self.choice_text(list, &v))
                        .unwrap_or_default(),
                    Fill::Chosen(name) => answer()
                        .map(|v| {
                            let on = v.split_whitespace().any(|x| x == name);
                            if on { "1" } else { "0" }.to_string()
                        })
                        .unwrap_or_default(),
                    Fill::Geo(n) => answer()
                        .and_then(|v| v.split_whitespace().nth(*n).map(str::to_string))
                        .unwrap_or_default(),
                    Fill::Key => row.key.clone(),
                    Fill::ParentKey => row.parent_key.clone(),
                    Fill::SubmissionDate => iso_utc(s.finalized_at_ms),
                    Fill::Submitter => s.enumerator.clone(),
                    Fill::Device => s.device_id.clone(),
                    Fill::FormVersion => s.form_version.clone(),
                    Fill::Started => iso_utc(s.started_at_ms),
                    Fill::ReviewState => serde_json::to_value(s.review.status)
                        .ok()
                        .and_then(|v| v.as_str().map(str::to_string))
                        .unwrap_or_default(),
                    Fill::ReviewComments => s
                        .review
                        .comments
                        .iter()
                        .map(|c| format!("{} ({}): {}", c.by, iso_utc(c.at_ms), c.text))
                        .collect::<Vec<_>>()
                        .join("\n"),
                }
            })
            .collect()
    }

    /// A choice answer as written: names, or their labels (`, ` between several).
    fn choice_text(&self, list: &str, value: &str) -> String {
        match &self.options.labels {
            Some(lang) => choice_labels(self.form, list, value, Some(lang)),
            None => value.to_string(),
        }
    }
}

/// The labels in `language` of the choice names in `value` (space-separated, as a
/// select_multiple holds them), joined by `, `; a name without a label stays as it is.
pub fn choice_labels(form: &Form, list: &str, value: &str, language: Option<&str>) -> String {
    let choices = form.choices(list);
    value
        .split_whitespace()
        .map(|name| {
            choices
                .iter()
                .find(|c| c.name == name)
                .and_then(|c| c.label.as_ref())
                .map(|l| l.get(language, form.default_language()).to_string())
                .unwrap_or_else(|| name.to_string())
        })
        .collect::<Vec<_>>()
        .join(", ")
}

struct RowObject<'s> {
    value: &'s serde_json::Value,
    key: String,
    parent_key: String,
}

fn meta(header: &str, fill: Fill) -> Column {
    Column {
        header: header.to_string(),
        path: Vec::new(),
        fill,
    }
}

fn walk<'v>(mut value: &'v serde_json::Value, path: &[String]) -> Option<&'v serde_json::Value> {
    for name in path {
        value = value.get(name)?;
    }
    Some(value)
}
