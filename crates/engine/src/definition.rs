//! The form definition as designers write it: XLSForm's vocabulary, nested instead of flat rows.
//!
//! These are plain serde types; they say nothing about meaning. [`crate::compile`] turns a
//! [`FormDefinition`] into a checked, executable [`crate::Form`]. Unknown keys are rejected
//! (except on choices, whose extra properties feed `choice_filter`), so a typo such as `lable`
//! is an error with its JSON path instead of a silently missing label.

use crate::diagnostic::Finding;
use crate::messages::Lang;
use std::collections::BTreeMap;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// A whole form: settings, the survey tree and the choice lists.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(title = "Xonadon form definition")]
pub struct FormDefinition {
    /// Where editors find this schema, e.g. `./schema.json`; ignored by the engine.
    #[serde(rename = "$schema", default, skip_serializing_if = "Option::is_none")]
    pub schema: Option<String>,
    pub settings: Settings,
    /// The questions, groups and repeats, in the order the field worker meets them.
    pub survey: Vec<ElementDef>,
    /// Choice lists keyed by list name, referred to by `select_one LIST` / `select_multiple LIST`.
    #[serde(default)]
    pub choices: BTreeMap<String, Vec<ChoiceDef>>,
}

/// XLSForm's `settings` sheet.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Settings {
    /// Stable identifier of the form; submissions are grouped by it.
    pub form_id: String,
    /// Version string; change it whenever the form changes (XLSForm convention: a date stamp).
    #[serde(default)]
    pub version: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<Text>,
    /// BCP-47 tag of the language shown first, e.g. `uz-Latn`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub default_language: Option<String>,
    /// Expression naming a filled form in lists, e.g. `concat(${head_name}, ' ', ${village})`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub instance_name: Option<String>,
    /// Which questions the supervisor's page reads: the place filters and the charts.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub supervisor: Option<SupervisorSettings>,
    /// "Next" is refused while a required question on the page is unanswered, as ODK Collect
    /// does on a swipe forward (otherwise they are checked at finalizing; a device setting can
    /// ask it for every form).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub required_before_next: bool,
}

/// The questions of a form the supervisor's page is built on: where a household is (the place
/// filters, the list's place column, the per-place chart) and what it needs (the needs chart).
/// Without it the page has no place filters and no needs chart, and says so. Each name is a
/// question of the form outside any repeat (one answer per submission); the engine checks it.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SupervisorSettings {
    /// The place, largest level first, e.g. `["region", "district", "mahalla"]`: questions of
    /// type select_one, text or calculate. The last level is the list's place column.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub place: Vec<String>,
    /// The needs identified: a select_multiple question, counted choice by choice.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub needs: Option<String>,
}

impl Settings {
    /// The form's title in `language`, else in its default language, else in any; its id when
    /// it has none. What every list of forms shows (the field worker's, the supervisor's, the
    /// stored record's).
    pub fn title_in(&self, language: Option<&str>) -> String {
        match &self.title {
            Some(title) => title
                .get(language, self.default_language.as_deref())
                .to_string(),
            None => self.form_id.clone(),
        }
    }
}

/// A translatable text: one string for every language, or a map from BCP-47 tag to string.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(untagged)]
pub enum Text {
    Plain(String),
    Translated(BTreeMap<String, String>),
}

impl Text {
    /// The text in `language`, falling back to `fallback`, then to any translation.
    pub fn get<'a>(&'a self, language: Option<&str>, fallback: Option<&str>) -> &'a str {
        match self {
            Text::Plain(s) => s,
            Text::Translated(map) => language
                .and_then(|l| map.get(l))
                .or_else(|| fallback.and_then(|l| map.get(l)))
                .or_else(|| map.values().next())
                .map(String::as_str)
                .unwrap_or(""),
        }
    }

    /// Every string in the text, whatever its language.
    pub fn variants(&self) -> Vec<(Option<&str>, &str)> {
        match self {
            Text::Plain(s) => vec![(None, s.as_str())],
            Text::Translated(map) => map
                .iter()
                .map(|(k, v)| (Some(k.as_str()), v.as_str()))
                .collect(),
        }
    }
}

/// `true`, `false` or an expression (XLSForm also accepts `yes` / `no`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(untagged)]
pub enum BoolOrExpr {
    Bool(bool),
    Expr(String),
}

/// A literal written where XLSForm has a cell: designers may write `5` or `"5"`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(untagged)]
pub enum Cell {
    Text(String),
    Number(serde_json::Number),
    Bool(bool),
}

impl Cell {
    pub fn as_text(&self) -> String {
        match self {
            Cell::Text(s) => s.clone(),
            Cell::Number(n) => n.to_string(),
            Cell::Bool(b) => b.to_string(),
        }
    }
}

/// One row of the survey: a question, a group or a repeat.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ElementDef {
    /// `text`, `integer`, `decimal`, `select_one LIST`, `select_multiple LIST`, `rank LIST`,
    /// `date`, `time`, `datetime`, `geopoint`, `geotrace`, `geoshape`, `image`, `audio`,
    /// `video`, `file`, `barcode`, `note`, `calculate`, `acknowledge`, `range`, `hidden`,
    /// `group` or `repeat`; or metadata the device records: `start`, `end`, `today`,
    /// `deviceid`, `username`, `phonenumber`, `email`, `simserial`, `subscriberid`, `audit`,
    /// `start-geopoint`, `background-audio`, `background-geopoint`.
    #[serde(rename = "type")]
    #[schemars(regex(
        pattern = r"^(text|integer|decimal|date|time|datetime|geopoint|geotrace|geoshape|image|audio|video|file|barcode|note|calculate|acknowledge|range|hidden|group|repeat|start|end|today|deviceid|imei|username|phonenumber|email|simserial|subscriberid|audit|start-geopoint|background-audio|background-geopoint|(select_one|select_multiple|rank) +[A-Za-z_][A-Za-z0-9_.-]*)$"
    ))]
    pub kind: String,
    /// Unique name: letters, digits, `_`, `-`, `.`; starts with a letter or `_`.
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub label: Option<Text>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hint: Option<Text>,
    /// Guidance for the field worker beyond the hint (how to ask, what counts), shown when
    /// asked for (XLSForm's `guidance_hint`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub guidance_hint: Option<Text>,
    /// Pictures, sound or film shown with the label.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub media: Option<MediaDef>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub required: Option<BoolOrExpr>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub required_message: Option<Text>,
    /// Expression; the element (and everything in it) is shown only while it is true.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub relevant: Option<String>,
    /// Expression over `.` (this answer) that must be true for a non-empty answer.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub constraint: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub constraint_message: Option<Text>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub calculation: Option<String>,
    /// Initial answer: a literal, or an expression when pyxform would take it for one (a
    /// reference, a function call, an operator: [`crate::dynamic_default`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub default: Option<Cell>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub read_only: Option<BoolOrExpr>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub appearance: Option<String>,
    /// Expression evaluated for each choice; its extra properties are in scope by name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub choice_filter: Option<String>,
    /// XLSForm parameters, e.g. `start=0 end=10 step=1` for a range.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parameters: Option<String>,
    /// For a repeat: a number or an expression giving the number of instances.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub repeat_count: Option<Cell>,
    /// `${name}`: run `calculation` (or clear the answer) when that question is answered.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub trigger: Option<String>,
    /// The elements of a group or repeat.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub children: Option<Vec<ElementDef>>,
}

impl FormDefinition {
    /// Every media file the form names (pictures, sound, film of questions and choices): the
    /// attachments that travel with it.
    pub fn media_files(&self) -> std::collections::BTreeSet<String> {
        fn walk(e: &ElementDef, out: &mut std::collections::BTreeSet<String>) {
            if let Some(m) = &e.media {
                out.extend(m.files().into_iter().map(str::to_string));
            }
            e.children.iter().flatten().for_each(|c| walk(c, out));
        }
        let mut out = std::collections::BTreeSet::new();
        self.survey.iter().for_each(|e| walk(e, &mut out));
        for c in self.choices.values().flatten() {
            if let Some(m) = &c.media {
                out.extend(m.files().into_iter().map(str::to_string));
            }
        }
        out
    }
}

impl ElementDef {
    /// An element with only its type and name; the other columns empty.
    pub fn new(kind: impl Into<String>, name: impl Into<String>) -> ElementDef {
        ElementDef {
            kind: kind.into(),
            name: name.into(),
            label: None,
            hint: None,
            guidance_hint: None,
            media: None,
            required: None,
            required_message: None,
            relevant: None,
            constraint: None,
            constraint_message: None,
            calculation: None,
            default: None,
            read_only: None,
            appearance: None,
            choice_filter: None,
            parameters: None,
            repeat_count: None,
            trigger: None,
            children: None,
        }
    }
}

/// One choice of a list. Extra string properties (e.g. `"region": "tashkent"`) are read by
/// `choice_filter` expressions.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct ChoiceDef {
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub label: Option<Text>,
    /// Pictures, sound or film shown with (or instead of) the label.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub media: Option<MediaDef>,
    #[serde(flatten)]
    pub properties: BTreeMap<String, String>,
}

/// XLSForm's media columns: file names of form attachments (supplied with the form), the same
/// in every language or one per language like any text.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct MediaDef {
    /// A picture, e.g. `"house.jpg"`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub image: Option<Text>,
    /// A larger picture shown when the small one is tapped.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub big_image: Option<Text>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub audio: Option<Text>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub video: Option<Text>,
}

impl MediaDef {
    /// Each kind of media with its text: `("image", …)`, `("big_image", …)`, `("audio", …)`,
    /// `("video", …)`.
    pub fn kinds(&self) -> impl Iterator<Item = (&'static str, &Text)> {
        [
            ("image", &self.image),
            ("big_image", &self.big_image),
            ("audio", &self.audio),
            ("video", &self.video),
        ]
        .into_iter()
        .filter_map(|(kind, text)| Some((kind, text.as_ref()?)))
    }

    /// The files to show in `language` (the default language's where it has none), by kind:
    /// a picture (`image`, or else `big_image`), `audio`, `video`.
    pub fn shown(
        &self,
        language: Option<&str>,
        fallback: Option<&str>,
    ) -> Vec<(&'static str, &str)> {
        fn file<'a>(t: &'a Option<Text>, l: Option<&str>, f: Option<&str>) -> Option<&'a str> {
            t.as_ref().map(|t| t.get(l, f)).filter(|s| !s.is_empty())
        }
        let file = |t| file(t, language, fallback);
        let picture = file(&self.image).or_else(|| file(&self.big_image));
        [
            ("image", picture),
            ("audio", file(&self.audio)),
            ("video", file(&self.video)),
        ]
        .into_iter()
        .filter_map(|(kind, f)| Some((kind, f?)))
        .collect()
    }

    /// Every file named, in any language, without repeats.
    pub fn files(&self) -> Vec<&str> {
        let mut out: Vec<&str> = Vec::new();
        for (_, text) in self.kinds() {
            for (_, file) in text.variants() {
                if !file.is_empty() && !out.contains(&file) {
                    out.push(file);
                }
            }
        }
        out
    }
}

/// Why a form definition could not be read at all (before any meaning is checked).
#[derive(Debug, thiserror::Error)]
#[error("{path}: {message}")]
pub struct ReadError {
    /// JSON path of the offending value, e.g. `survey[3].children[0].lable`.
    pub path: String,
    /// The finding in English.
    pub message: String,
    /// What is wrong, to be said in any language (boxed: a finding is large, and this is the
    /// error of every read).
    pub finding: Box<Finding>,
}

impl ReadError {
    /// The error in `lang`, after its path (as its English `Display`).
    pub fn message_in(&self, lang: Lang) -> String {
        format!("{}: {}", self.path, self.finding.text(lang))
    }
}

impl FormDefinition {
    /// Reads a definition from JSON text, reporting the JSON path of the first problem.
    pub fn from_json(json: &str) -> Result<FormDefinition, ReadError> {
        let de = &mut serde_json::Deserializer::from_str(json);
        serde_path_to_error::deserialize(de).map_err(|e| {
            let path = e.path().to_string();
            let inner = e.into_inner();
            let finding = if inner.is_syntax() || inner.is_eof() {
                Finding::InvalidJson {
                    line: inner.line(),
                    column: inner.column(),
                    detail: inner.to_string(),
                }
            } else {
                explain_data_error(&inner.to_string())
            };
            ReadError {
                path: if path == "." {
                    "$".into()
                } else {
                    format!("$.{path}")
                },
                message: finding.text(Lang::En),
                finding: Box::new(finding),
            }
        })
    }

    /// The JSON Schema of the format, for editors.
    pub fn json_schema() -> serde_json::Value {
        serde_json::to_value(schemars::schema_for!(FormDefinition)).expect("schema serializes")
    }
}

/// serde's messages for untagged enums say nothing useful: say what is expected instead;
/// name the key of an unknown, missing or doubled one; keep any other message as it is.
fn explain_data_error(message: &str) -> Finding {
    if message.contains("untagged enum Text") {
        return Finding::ExpectedText;
    } else if message.contains("untagged enum BoolOrExpr") {
        return Finding::ExpectedBoolOrExpression;
    } else if message.contains("untagged enum Cell") {
        return Finding::ExpectedCell;
    }
    let message = message.split(" at line ").next().unwrap_or(message);
    let quoted = |rest: &str| -> Vec<String> {
        rest.split('`')
            .skip(1)
            .step_by(2)
            .map(str::to_string)
            .collect()
    };
    if let Some(rest) = message.strip_prefix("unknown field `") {
        if let Some((field, expected)) = rest.split_once("`, ") {
            return Finding::UnknownField {
                field: field.to_string(),
                expected: quoted(expected),
            };
        }
    }
    let field = |prefix: &str| {
        message
            .strip_prefix(prefix)
            .and_then(|r| r.strip_suffix('`'))
            .filter(|f| !f.contains('`'))
            .map(str::to_string)
    };
    if let Some(field) = field("missing field `") {
        return Finding::MissingField { field };
    }
    if let Some(field) = field("duplicate field `") {
        return Finding::DuplicateField { field };
    }
    Finding::Unreadable {
        detail: message.to_string(),
    }
}

#[cfg(test)]
mod read_error_tests {
    use super::*;

    #[test]
    fn serde_messages_become_findings_with_their_english() {
        let cases = [
            "unknown field `lable`, expected one of `type`, `name`, `label`",
            "unknown field `x`, expected `a` or `b`",
            "unknown field `x`, expected `a`",
            "unknown field `x`, there are no fields",
            "missing field `name`",
            "duplicate field `name`",
            "invalid type: integer `3`, expected a string",
        ];
        for case in cases {
            let finding = explain_data_error(&format!("{case} at line 1 column 5"));
            assert_eq!(finding.text(Lang::En), case);
        }
        assert_eq!(
            explain_data_error("missing field `name`"),
            Finding::MissingField {
                field: "name".into()
            }
        );
        assert!(matches!(
            explain_data_error("invalid type: integer `3`, expected a string"),
            Finding::Unreadable { .. }
        ));
    }

    #[test]
    fn a_read_error_is_said_after_its_path_in_each_language() {
        let e = FormDefinition::from_json(r#"{"settings": {"form_id": "f"}}"#).unwrap_err();
        assert_eq!(e.message_in(Lang::En), e.to_string());
        assert_eq!(
            e.message_in(Lang::Ru),
            "$: нет обязательного ключа `survey`"
        );
    }
}
