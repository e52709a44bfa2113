//! A loaded form: the definition checked and compiled into a flat table of elements with parsed
//! expressions and a dependency graph. Immutable once built; instances share it.

use std::collections::{BTreeMap, HashMap};

use crate::definition::{ChoiceDef, Settings, Text};
use crate::expr::{ElemId, Expr};

/// The question types XLSForm defines, as far as this engine knows them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum QuestionType {
    Text,
    Integer,
    Decimal,
    SelectOne(String),
    SelectMultiple(String),
    Date,
    Time,
    DateTime,
    Geopoint,
    /// A line of points: `lat lon alt acc;lat lon alt acc;…`, as ODK holds it.
    Geotrace,
    /// A closed line of points (an area), held as a geotrace.
    Geoshape,
    /// A file the worker attaches; the answer is the attachment's file name: a photo
    /// (`image`), a recording (`audio`, `video`) or any document (`file`).
    Image,
    Audio,
    Video,
    File,
    /// A code scanned or typed: text.
    Barcode,
    /// The choices of a list put in order: their names, space-separated, first first.
    Rank(String),
    Note,
    Calculate,
    Acknowledge,
    Range,
    Hidden,
    /// Recorded by the device, never asked (XLSForm's metadata types).
    Metadata(Metadata),
}

/// How the names of a choice list make an answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ChoiceAnswer {
    /// One name (select_one).
    One,
    /// Names in choice-list order, as ODK keeps them (select_multiple).
    Many,
    /// Names in the worker's order (rank).
    Ranked,
}

/// XLSForm's metadata types: values the device fills in, as ODK's `jr:preload` does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Metadata {
    /// When the form was opened (date and time), kept with the draft.
    Start,
    /// When the form was finalized ([`crate::Instance::stamp_end`]); blank before.
    End,
    /// The date the form was opened.
    Today,
    /// One of the device's properties ([`crate::Host::property`]); blank when the device has
    /// none (the web has no phone number or SIM, as in ODK Web Forms).
    Property(&'static str),
    /// The name of the audit log attached at finalization (`audit.csv`); blank before.
    Audit,
}

impl Metadata {
    /// The XLSForm type word, which the JSON format uses too. `imei` is an old name of
    /// `deviceid`.
    pub fn parse(word: &str) -> Option<Metadata> {
        Some(match word {
            "start" => Metadata::Start,
            "end" => Metadata::End,
            "today" => Metadata::Today,
            "audit" => Metadata::Audit,
            "deviceid" | "imei" => Metadata::Property("deviceid"),
            "username" => Metadata::Property("username"),
            "phonenumber" => Metadata::Property("phonenumber"),
            "email" => Metadata::Property("email"),
            "simserial" => Metadata::Property("simserial"),
            "subscriberid" => Metadata::Property("subscriberid"),
            // Recorded by Collect with the device's GPS or microphone while the form is open;
            // blank where the host has none (as in ODK Web Forms).
            "start-geopoint" => Metadata::Property("start-geopoint"),
            "background-audio" => Metadata::Property("background-audio"),
            "background-geopoint" => Metadata::Property("background-geopoint"),
            _ => return None,
        })
    }
}

impl QuestionType {
    pub fn parse(kind: &str) -> Option<QuestionType> {
        let mut words = kind.split_whitespace();
        let first = words.next()?;
        let list = words.next();
        if words.next().is_some() {
            return None;
        }
        Some(match (first, list) {
            ("select_one", Some(l)) => QuestionType::SelectOne(l.to_string()),
            ("select_multiple", Some(l)) => QuestionType::SelectMultiple(l.to_string()),
            ("rank", Some(l)) => QuestionType::Rank(l.to_string()),
            (_, Some(_)) => return None,
            ("text", _) => QuestionType::Text,
            ("integer", _) => QuestionType::Integer,
            ("decimal", _) => QuestionType::Decimal,
            ("date", _) => QuestionType::Date,
            ("time", _) => QuestionType::Time,
            ("datetime", _) => QuestionType::DateTime,
            ("geopoint", _) => QuestionType::Geopoint,
            ("geotrace", _) => QuestionType::Geotrace,
            ("geoshape", _) => QuestionType::Geoshape,
            ("image", _) => QuestionType::Image,
            ("audio", _) => QuestionType::Audio,
            ("video", _) => QuestionType::Video,
            ("file", _) => QuestionType::File,
            ("barcode", _) => QuestionType::Barcode,
            ("note", _) => QuestionType::Note,
            ("calculate", _) => QuestionType::Calculate,
            ("acknowledge", _) => QuestionType::Acknowledge,
            ("range", _) => QuestionType::Range,
            ("hidden", _) => QuestionType::Hidden,
            (word, _) => QuestionType::Metadata(Metadata::parse(word)?),
        })
    }

    /// The question a `select_one ${name}` takes its choices from, as written (`name`).
    pub fn choices_from_name(&self) -> Option<&str> {
        self.list()?
            .strip_prefix("${")?
            .strip_suffix('}')
            .map(str::trim)
    }

    /// The choice list of a select or a rank.
    pub fn list(&self) -> Option<&str> {
        match self {
            QuestionType::SelectOne(l)
            | QuestionType::SelectMultiple(l)
            | QuestionType::Rank(l) => Some(l),
            _ => None,
        }
    }

    /// How a question with a choice list holds its answer.
    pub fn choice_answer(&self) -> Option<ChoiceAnswer> {
        match self {
            QuestionType::SelectOne(_) => Some(ChoiceAnswer::One),
            QuestionType::SelectMultiple(_) => Some(ChoiceAnswer::Many),
            QuestionType::Rank(_) => Some(ChoiceAnswer::Ranked),
            _ => None,
        }
    }

    /// Types whose answer is a file attached to the form (kept as `Media` with the draft).
    pub fn is_attachment(&self) -> bool {
        matches!(
            self,
            QuestionType::Image | QuestionType::Audio | QuestionType::Video | QuestionType::File
        )
    }

    /// Types a field worker answers (not notes, calculations or hidden values).
    pub fn is_input(&self) -> bool {
        !matches!(
            self,
            QuestionType::Note
                | QuestionType::Calculate
                | QuestionType::Hidden
                | QuestionType::Metadata(_)
        )
    }

    pub fn is_numeric(&self) -> bool {
        matches!(
            self,
            QuestionType::Integer | QuestionType::Decimal | QuestionType::Range
        )
    }
}

#[derive(Debug, Clone, PartialEq)]
pub enum Kind {
    /// The form itself; element 0.
    Root,
    Group,
    Repeat,
    Question(QuestionType),
}

/// `required` / `read_only`: fixed or computed.
#[derive(Debug, Clone, PartialEq)]
pub enum Condition {
    Always(bool),
    When(Box<Expr>),
}

#[derive(Debug, Clone, PartialEq)]
pub enum Default {
    Literal(String),
    Computed(Box<Expr>),
}

/// One element of the survey, compiled.
#[derive(Debug, Clone)]
pub struct Element {
    pub id: ElemId,
    pub name: String,
    pub kind: Kind,
    pub parent: Option<ElemId>,
    pub children: Vec<ElemId>,
    /// Index of this element among its parent's children (and of its node among its parent
    /// node's children).
    pub slot: usize,
    /// `/group/name`: the path of its node, without repeat indexes and without the root.
    pub path: String,
    /// Where it is in the JSON, e.g. `$.survey[2].children[0]`.
    pub json_path: String,
    /// Enclosing repeats, outermost first.
    pub repeats: Vec<ElemId>,
    pub label: Option<Text>,
    pub hint: Option<Text>,
    /// Shown when the field worker asks for more guidance.
    pub guidance_hint: Option<Text>,
    /// Pictures, sound or film shown with the label (file names of the form's attachments).
    pub media: Option<crate::definition::MediaDef>,
    pub required_message: Option<Text>,
    pub constraint_message: Option<Text>,
    pub appearance: Option<String>,
    pub parameters: Option<String>,
    // Expressions are boxed: most elements have none, and a form of thousands of elements
    // would otherwise carry room for eight inline in each.
    pub relevant: Option<Box<Expr>>,
    pub required: Condition,
    pub read_only: Condition,
    pub constraint: Option<Box<Expr>>,
    pub calculation: Option<Box<Expr>>,
    pub default: Option<Default>,
    pub choice_filter: Option<Box<Expr>>,
    pub repeat_count: Option<Box<Expr>>,
    /// `trigger`: the questions whose answer runs `calculation` (or clears the answer).
    pub triggers: Vec<ElemId>,
    /// `select_one ${name}`: the choices are the answers `name` holds in its repeat's
    /// instances (each answer a choice's name and label), not a list.
    pub choices_from: Option<ElemId>,
    /// Whether its label, hint or guidance hint, or a label of one of its choices, shows an
    /// answer (`${name}`): its texts then change as the form is filled, not only with the
    /// language, and a front end shows them again when those answers change.
    pub texts_show_answers: bool,
}

impl Element {
    pub fn question_type(&self) -> Option<&QuestionType> {
        match &self.kind {
            Kind::Question(q) => Some(q),
            _ => None,
        }
    }

    pub fn is_container(&self) -> bool {
        matches!(self.kind, Kind::Root | Kind::Group | Kind::Repeat)
    }

    /// Expressions that decide the node's value and relevance: these form the dependency
    /// graph. (Constraints, `required` and `read_only` only check; they never feed values.)
    pub fn value_expressions(&self) -> impl Iterator<Item = &Expr> {
        let calculation = if !self.triggers.is_empty() {
            None
        } else {
            self.calculation.as_ref()
        };
        self.relevant
            .iter()
            .chain(calculation)
            .chain(&self.choice_filter)
            .chain(&self.repeat_count)
            .map(|e| &**e)
    }

    pub fn check_expressions(&self) -> impl Iterator<Item = &Expr> {
        fn cond(c: &Condition) -> Option<&Expr> {
            match c {
                Condition::When(e) => Some(e),
                Condition::Always(_) => None,
            }
        }
        cond(&self.required)
            .into_iter()
            .chain(cond(&self.read_only))
            .chain(self.constraint.as_deref())
    }
}

/// Who must be recomputed when an element's nodes change. Built once at load.
#[derive(Debug, Clone, Default)]
pub struct Dependents {
    /// Elements whose value or relevance reads this element.
    pub values: Vec<ElemId>,
    /// Elements whose constraint, `required` or `read_only` reads this element.
    pub checks: Vec<ElemId>,
    /// Elements whose value is set when this element is answered (`trigger`).
    pub triggers: Vec<ElemId>,
    /// For a repeat: elements inside it that use `position(..)`.
    pub positions: Vec<ElemId>,
    /// Elements whose label or hint shows this element (`${name}` in the text).
    pub texts: Vec<ElemId>,
}

/// A loaded, checked form.
#[derive(Debug, Clone)]
pub struct Form {
    /// The definition's settings and choice lists; its survey is compiled into `elements`
    /// (and not kept: a large form would be held twice).
    pub settings: Settings,
    pub choices: BTreeMap<String, Vec<ChoiceDef>>,
    pub elements: Vec<Element>,
    pub by_name: HashMap<String, ElemId>,
    /// Elements in an order where everything an element's value depends on comes first.
    pub order: Vec<ElemId>,
    /// `order_index[e]` is the position of `e` in `order`.
    pub order_index: Vec<usize>,
    pub dependents: Vec<Dependents>,
    /// `reads_other_instances[e]`: `e`'s expressions read other instances of a repeat it is
    /// inside (`count(../../member[age > current()/../age])`), so a change in any instance
    /// recomputes its nodes in all of them, not only in the instance changed.
    pub reads_other_instances: Vec<bool>,
    /// Elements whose value depends on the language (`jr:choice-name`).
    pub language_dependents: Vec<ElemId>,
    /// Language tags used by any text, in first-seen order; the default language first.
    pub languages: Vec<String>,
    pub warnings: Vec<crate::Diagnostic>,
}

impl Form {
    pub fn element(&self, id: ElemId) -> &Element {
        &self.elements[id]
    }

    pub fn find(&self, name: &str) -> Option<&Element> {
        self.by_name.get(name).map(|&id| &self.elements[id])
    }

    /// Whether `id` is `/meta/deprecatedID`, which only a correction fills
    /// ([`crate::Instance::correction`]).
    pub fn is_deprecated_id(&self, id: ElemId) -> bool {
        let e = &self.elements[id];
        e.name == crate::compile::DEPRECATED_ID
            && e.parent.is_some_and(|p| {
                let meta = &self.elements[p];
                meta.name == "meta" && meta.parent == Some(0) // the root element
            })
    }

    pub fn choices(&self, list: &str) -> &[ChoiceDef] {
        self.choices.get(list).map(Vec::as_slice).unwrap_or(&[])
    }

    pub fn default_language(&self) -> Option<&str> {
        self.languages.first().map(String::as_str)
    }

    /// The form's title in `language`, else in its default language ([`Settings::title_in`](crate::definition::Settings::title_in)).
    pub fn title(&self, language: Option<&str>) -> String {
        self.settings.title_in(language.or(self.default_language()))
    }

    /// Whether any expression reads `${last-saved#…}`: only then must the app keep the last
    /// submission of this form at hand ([`crate::Host::last_saved`]).
    pub fn uses_last_saved(&self) -> bool {
        self.elements.iter().any(|e| {
            let default = match &e.default {
                Some(Default::Computed(ex)) => Some(&**ex),
                _ => None,
            };
            let trigger_calculation = (!e.triggers.is_empty())
                .then_some(e.calculation.as_deref())
                .flatten();
            e.value_expressions()
                .chain(e.check_expressions())
                .chain(default)
                .chain(trigger_calculation)
                .any(|ex| {
                    let mut found = false;
                    ex.walk(&mut |x| found |= matches!(x, Expr::LastSaved(_)));
                    found
                })
        })
    }
}
