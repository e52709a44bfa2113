//! A question's markup, written from its texts and state (see `markup` for why a string).

use xonadon_engine::NodeId;
use xonadon_engine::QuestionType;

use super::state::{parameter, ChoiceText, Control, Field, Shown, Texts};
use crate::components::form_media;
use crate::components::markup::{flag, Attr, Markup};
use crate::i18n::{t, T};
use crate::settings::ui_language;

/// The label (a `<legend>` for a list of choices), the required mark and the hint.
pub(super) fn heading(
    m: &mut Markup,
    node: NodeId,
    control: Control,
    texts: &Texts,
    shown: &Shown,
    may_be_required: bool,
) {
    let id = format!("q{node}");
    let tag = match control {
        Control::Choices { .. } => "legend",
        Control::Nothing => "p",
        _ => "label",
    };
    let class = if tag == "p" {
        "label note-text"
    } else {
        "label"
    };
    let for_id = (tag == "label").then_some(id.as_str());
    m.open(tag, &[("class", Some(class)), ("for", for_id)])
        .text(&texts.label);
    if may_be_required || shown.required {
        let attrs = [
            ("class", Some("required")),
            ("aria-hidden", Some("true")),
            ("hidden", flag(!shown.required)),
        ];
        m.element("span", &attrs, " *");
    }
    m.close(tag);
    form_media::write(m, &texts.media, "form-media");
    if let Some(hint) = &texts.hint {
        let hint_id = format!("q{node}-hint");
        m.element(
            "p",
            &[("class", Some("hint")), ("id", Some(&hint_id))],
            hint,
        );
    }
    // Closed until asked for, as Collect shows guidance hints.
    if let Some(guidance) = &texts.guidance {
        m.open("details", &[("class", Some("guidance"))]);
        m.element("summary", &[], t(&ui_language(), T::Guidance));
        m.element("p", &[], guidance);
        m.close("details");
    }
}

/// The message under a question, when it has one now (`update` adds and removes it later).
pub(super) fn message(m: &mut Markup, node: NodeId, shown: &Shown) {
    if let Some(message) = &shown.message {
        let msg_id = format!("q{node}-msg");
        let attrs = [
            ("class", Some("message")),
            ("role", Some("alert")),
            ("id", Some(msg_id.as_str())),
        ];
        m.element("p", &attrs, message);
    }
}

/// The widget for `kind`, showing `shown`.
pub(super) fn widget(
    m: &mut Markup,
    node: NodeId,
    kind: &QuestionType,
    control: Control,
    parameters: Option<&str>,
    shown: &Shown,
    choices: &[ChoiceText],
) {
    let id = format!("q{node}");
    let disabled = flag(shown.read_only);
    let invalid = if shown.message.is_some() {
        "true"
    } else {
        "false"
    };
    let described = format!("q{node}-hint q{node}-msg");
    // Announced by screen readers as the control is reached (the visible mark is a `*`).
    let required = if shown.required { "true" } else { "false" };
    let common = |m: &mut Markup, tag: &'static str, extra: &[Attr]| {
        let mut attrs = vec![
            ("id", Some(id.as_str())),
            ("disabled", disabled),
            ("aria-invalid", Some(invalid)),
            ("aria-required", Some(required)),
            ("aria-describedby", Some(described.as_str())),
        ];
        attrs.extend_from_slice(extra);
        m.open(tag, &attrs);
    };
    match (control, kind) {
        (Control::Field(Field::Lines), _) => {
            common(m, "textarea", &[("rows", Some("4"))]);
            m.text(&shown.value).close("textarea");
        }
        (Control::Field(field), _) => {
            let (input_type, inputmode) = match kind {
                QuestionType::Integer => ("text", "numeric"),
                QuestionType::Decimal => ("text", "decimal"),
                QuestionType::Date => ("date", "none"),
                QuestionType::Time => ("time", "none"),
                QuestionType::DateTime => ("datetime-local", "none"),
                _ => ("text", "text"),
            };
            let value = field.show(&shown.value);
            common(
                m,
                "input",
                &[
                    ("type", Some(input_type)),
                    ("inputmode", Some(inputmode)),
                    ("value", Some(&value)),
                ],
            );
        }
        (Control::Acknowledge, _) => {
            m.open("label", &[("class", Some("choice"))]);
            common(
                m,
                "input",
                &[
                    ("type", Some("checkbox")),
                    ("checked", flag(shown.value == "OK")),
                ],
            );
            m.text(t(&ui_language(), T::Acknowledge)).close("label");
        }
        (Control::Range, _) => {
            let min = parameter(parameters, "start").unwrap_or_else(|| "0".into());
            let max = parameter(parameters, "end").unwrap_or_else(|| "10".into());
            let step = parameter(parameters, "step").unwrap_or_else(|| "1".into());
            // Unset, the thumb is hidden (`.unset`): the browser's midpoint is not an answer.
            let class = if shown.value.is_empty() {
                "range unset"
            } else {
                "range"
            };
            m.open("div", &[("class", Some(class))]);
            m.element("span", &[("class", Some("range-end"))], &min);
            common(
                m,
                "input",
                &[
                    ("type", Some("range")),
                    ("min", Some(&min)),
                    ("max", Some(&max)),
                    ("step", Some(&step)),
                    ("value", Some(&shown.value)),
                ],
            );
            m.element("span", &[("class", Some("range-end"))], &max);
            m.element("output", &[("for", Some(&id))], &range_shown(&shown.value))
                .close("div");
        }
        (Control::Select, _) => {
            common(m, "select", &[]);
            let choose = t(&ui_language(), T::ChooseOne);
            let none = flag(shown.value.is_empty());
            m.element("option", &[("value", Some("")), ("selected", none)], choose);
            for ChoiceText { name, label, .. } in choices {
                let selected = flag(shown.value == *name);
                m.element(
                    "option",
                    &[("value", Some(name)), ("selected", selected)],
                    label,
                );
            }
            m.close("select");
        }
        (Control::Choices { multiple }, _) => {
            let input_type = if multiple { "checkbox" } else { "radio" };
            let chosen: Vec<&str> = shown.value.split_whitespace().collect();
            // The list is the control: its state and messages are on it (a group of
            // checkboxes cannot be "required" in ARIA, a radio group can).
            let mut attrs = vec![
                ("class", Some("choices")),
                ("aria-invalid", Some(invalid)),
                ("aria-describedby", Some(described.as_str())),
            ];
            if multiple {
                attrs.push(("role", Some("group")));
            } else {
                attrs.extend([
                    ("role", Some("radiogroup")),
                    ("aria-required", Some(required)),
                ]);
            }
            m.open("div", &attrs);
            for ChoiceText { name, label, media } in choices {
                m.open("label", &[("class", Some("choice"))]).open(
                    "input",
                    &[
                        ("type", Some(input_type)),
                        ("name", Some(&id)),
                        ("value", Some(name)),
                        ("checked", flag(chosen.contains(&name.as_str()))),
                        ("disabled", disabled),
                    ],
                );
                form_media::write(m, media, "choice-media");
                m.text(label).close("label");
            }
            m.close("div");
        }
        (Control::Own | Control::Nothing, _) => {}
    }
}

pub(super) fn range_shown(value: &str) -> String {
    if value.is_empty() {
        "—".to_string()
    } else {
        value.to_string()
    }
}
