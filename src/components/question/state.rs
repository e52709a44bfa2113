//! What a question shows, as plain data: its texts, its state (`Shown`), and the kind of
//! widget it has (`Control`) with how that widget reads the worker's input.

use wasm_bindgen::JsCast;
use xonadon_engine::NodeId;
use xonadon_engine::{Instance, QuestionType};

use crate::session::Session;

/// A question's texts: recomputed on a language switch, and when its node changes only if
/// they show answers (`${name}`) or its choices are filtered.
#[derive(Debug, Clone, PartialEq)]
pub struct Texts {
    pub label: String,
    pub hint: Option<String>,
    /// Guidance beyond the hint, shown when the worker opens it.
    pub guidance: Option<String>,
    /// The question's pictures, sound, film: (kind, file) in the current language.
    pub media: Vec<(&'static str, String)>,
    /// The choices the filter admits now.
    pub choices: Vec<ChoiceText>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ChoiceText {
    pub name: String,
    pub label: String,
    /// The choice's picture, sound or film.
    pub media: Vec<(&'static str, String)>,
}

/// A `media` in the form's current language, as the markup shows it.
fn media_shown(
    inst: &Instance,
    media: Option<&xonadon_engine::definition::MediaDef>,
) -> Vec<(&'static str, String)> {
    media
        .map(|m| {
            m.shown(inst.language(), inst.form().default_language())
                .into_iter()
                .map(|(kind, file)| (kind, file.to_string()))
                .collect()
        })
        .unwrap_or_default()
}

impl Texts {
    pub fn of(inst: &Instance, node: NodeId) -> Texts {
        let n = inst.node(node);
        Texts {
            label: inst
                .label(node)
                .unwrap_or_else(|| inst.form().element(n.elem).name.clone()),
            hint: inst.hint(node).filter(|h| !h.is_empty()),
            guidance: inst.guidance_hint(node).filter(|h| !h.is_empty()),
            media: media_shown(inst, inst.form().element(n.elem).media.as_ref()),
            choices: inst
                .visible_choices(node)
                .into_iter()
                .map(|c| {
                    let label = c
                        .label
                        .as_ref()
                        .map_or(c.name.clone(), |l| inst.render(node, l));
                    ChoiceText {
                        name: c.name.clone(),
                        label,
                        media: media_shown(inst, c.media.as_ref()),
                    }
                })
                .collect(),
        }
    }

    /// Whether the texts can change while the language stays the same.
    pub fn dynamic(inst: &Instance, node: NodeId) -> bool {
        let e = inst.form().element(inst.node(node).elem);
        e.texts_show_answers || e.choice_filter.is_some() || e.choices_from.is_some()
    }
}

/// What the worker sees of a question's state; `update` applies the difference of two.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Shown {
    pub(super) relevant: bool,
    pub(super) value: String,
    pub(super) required: bool,
    pub(super) read_only: bool,
    pub(super) message: Option<String>,
    /// The engine path of a question in a repeat, which follows the instance's position.
    pub(super) path: Option<String>,
}

impl Shown {
    /// The question's CSS classes: `invalid` while it has a message.
    pub(super) fn class(&self) -> &'static str {
        if self.message.is_some() {
            "question invalid"
        } else {
            "question"
        }
    }

    /// A blank required answer says so only once the worker has been at the question or has
    /// reached the finalize step (a blank form is not a wall of red).
    pub(super) fn of(
        session: Session,
        inst: &Instance,
        node: NodeId,
        reveal_required: bool,
    ) -> Shown {
        let n = inst.node(node);
        let blank_required = n.violation == Some(xonadon_engine::ViolationKind::Required);
        let silent = blank_required && !reveal_required && !session.touched(node);
        Shown {
            relevant: n.relevant,
            value: n.value.clone(),
            required: n.required,
            read_only: n.read_only,
            message: if silent {
                None
            } else {
                inst.violation_message(node)
            },
            path: None,
        }
    }
}

/// How a question's widget shows its value (`update`) and reads the worker's input.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) enum Control {
    /// One `<input>` or `<textarea>`.
    Field(Field),
    /// Radio buttons, or checkboxes when `multiple`, one per choice.
    Choices {
        multiple: bool,
    },
    /// A `<select>` (`minimal` appearance).
    Select,
    Acknowledge,
    Range,
    /// Photo and geopoint: components that follow the value themselves.
    Own,
    /// A note: nothing to show.
    Nothing,
}

/// Space-separated choice names with `name` added or removed.
pub(super) fn toggle(value: &str, name: &str, on: bool) -> String {
    let mut names: Vec<&str> = value.split_whitespace().filter(|n| *n != name).collect();
    if on {
        names.push(name);
    }
    names.join(" ")
}

/// The `key=value` pairs of XLSForm `parameters`.
pub(super) fn parameter(params: Option<&str>, key: &str) -> Option<String> {
    params?
        .split_whitespace()
        .filter_map(|p| p.split_once('='))
        .find(|(k, _)| *k == key)
        .map(|(_, v)| v.to_string())
}

impl Control {
    pub(super) fn of(kind: &QuestionType, appearance: &str) -> Control {
        match kind {
            QuestionType::Text if appearance.contains("multiline") => Control::Field(Field::Lines),
            QuestionType::Time => Control::Field(Field::Time),
            QuestionType::DateTime => Control::Field(Field::DateTime),
            QuestionType::Text
            | QuestionType::Barcode
            | QuestionType::Integer
            | QuestionType::Decimal
            | QuestionType::Date => Control::Field(Field::Line),
            QuestionType::SelectOne(_) if appearance.contains("minimal") => Control::Select,
            QuestionType::SelectOne(_) => Control::Choices { multiple: false },
            QuestionType::SelectMultiple(_) => Control::Choices { multiple: true },
            QuestionType::Acknowledge => Control::Acknowledge,
            QuestionType::Range => Control::Range,
            QuestionType::Image
            | QuestionType::Audio
            | QuestionType::Video
            | QuestionType::File
            | QuestionType::Geopoint
            | QuestionType::Geotrace
            | QuestionType::Geoshape
            | QuestionType::Rank(_) => Control::Own,
            QuestionType::Note
            | QuestionType::Calculate
            | QuestionType::Hidden
            | QuestionType::Metadata(_) => Control::Nothing,
        }
    }

    /// The answer after the worker's `input`/`change` event `ev` in this widget; `current`
    /// gives the answer before (a checkbox adds to or removes from it).
    pub(super) fn value_after(
        self,
        ev: &leptos::ev::Event,
        current: impl FnOnce() -> String,
    ) -> Option<String> {
        let target = ev.target()?;
        if let Some(area) = target.dyn_ref::<web_sys::HtmlTextAreaElement>() {
            return Some(area.value());
        }
        if let Some(select) = target.dyn_ref::<web_sys::HtmlSelectElement>() {
            return Some(select.value());
        }
        let input = target.dyn_ref::<web_sys::HtmlInputElement>()?;
        match self {
            Control::Field(_) | Control::Range | Control::Select => Some(input.value()),
            Control::Acknowledge => Some(if input.checked() { "OK" } else { "" }.to_string()),
            Control::Choices { multiple: true } => {
                Some(toggle(&current(), &input.value(), input.checked()))
            }
            Control::Choices { multiple: false } => input.checked().then(|| input.value()),
            Control::Own | Control::Nothing => None,
        }
    }
}

/// A text field: one line, several (`multiline` appearance: a `<textarea>`), or a time or
/// date-time input, which take the value without its time zone.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) enum Field {
    Line,
    Lines,
    Time,
    DateTime,
}

impl Field {
    pub(super) fn show(self, value: &str) -> String {
        match self {
            Field::Line | Field::Lines => value.to_string(),
            Field::Time => value.chars().take(8).collect(),
            Field::DateTime => value.chars().take(19).collect(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[wasm_bindgen_test::wasm_bindgen_test]
    fn toggling_choices() {
        assert_eq!(toggle("a b", "c", true), "a b c");
        assert_eq!(toggle("a b c", "b", false), "a c");
        assert_eq!(toggle("", "a", true), "a");
    }

    #[wasm_bindgen_test::wasm_bindgen_test]
    fn range_parameters() {
        assert_eq!(
            parameter(Some("start=0 end=24 step=1"), "end").as_deref(),
            Some("24")
        );
        assert_eq!(parameter(None, "end"), None);
    }
}
