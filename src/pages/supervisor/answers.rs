//! One submission as a supervisor reads it: every answer under its question's label in the
//! chosen language, choices by their labels, each roster member in turn; what has no label
//! (calculations, the device's metadata) is left out, never shown by its internal name.

use serde_json::Value;
use xonadon_engine::expr::ElemId;
use xonadon_engine::{Form, Kind, QuestionType};
use xonadon_export::table::choice_labels;

use super::rows::answer_named;

/// A line of the detail view: a heading (a group, a roster, a member) or a question and its
/// answer, `depth` levels in.
#[derive(Debug, Clone, PartialEq)]
pub struct Line {
    pub depth: usize,
    pub label: String,
    /// `None` for a heading.
    pub answer: Option<String>,
}

struct Reader<'a> {
    form: &'a Form,
    language: Option<&'a str>,
    root: &'a Value,
    lines: Vec<Line>,
}

/// `${name}` in a label, replaced by that answer: from the same group or member if it has
/// one, else from anywhere outside repeats.
fn fill_in(text: &str, here: &Value, root: &Value) -> String {
    let mut out = String::new();
    let mut rest = text;
    while let Some(start) = rest.find("${") {
        let Some(len) = rest[start..].find('}') else {
            break;
        };
        out.push_str(&rest[..start]);
        let name = &rest[start + 2..start + len];
        let value = answer_named(here, name)
            .or_else(|| answer_named(root, name))
            .unwrap_or_default();
        out.push_str(&value);
        rest = &rest[start + len + 1..];
    }
    out.push_str(rest);
    out
}

impl Reader<'_> {
    /// The element's label, its answers filled in; `None` without one (a calculation, the
    /// device's metadata, a group only for layout): a supervisor never reads internal names.
    fn label(&self, elem: ElemId, here: &Value) -> Option<String> {
        let l = self.form.element(elem).label.as_ref()?;
        let text = l.get(self.language, self.form.default_language());
        (!text.trim().is_empty()).then(|| fill_in(text, here, self.root))
    }

    fn answer(&self, q: &QuestionType, value: &str) -> String {
        match q.list() {
            _ if value.is_empty() => "—".to_string(),
            Some(list) => choice_labels(self.form, list, value, self.language),
            None => value.to_string(),
        }
    }

    /// The lines of `parent`'s children, whose answers are in `here`.
    fn children(&mut self, parent: ElemId, here: &Value, depth: usize) {
        for &child in &self.form.element(parent).children {
            let e = self.form.element(child);
            // Left out of the submission: not relevant.
            let Some(value) = here.get(&e.name) else {
                continue;
            };
            match &e.kind {
                Kind::Root => {}
                Kind::Group if e.name == "meta" => {}
                Kind::Group => match self.label(child, value) {
                    Some(label) => {
                        self.lines.push(Line {
                            depth,
                            label,
                            answer: None,
                        });
                        self.children(child, value, depth + 1);
                    }
                    None => self.children(child, value, depth),
                },
                Kind::Repeat => {
                    let label = self.label(child, here).unwrap_or_default();
                    for (k, instance) in value.as_array().into_iter().flatten().enumerate() {
                        self.lines.push(Line {
                            depth,
                            label: format!("{label} {}", k + 1).trim_start().to_string(),
                            answer: None,
                        });
                        self.children(child, instance, depth + 1);
                    }
                }
                Kind::Question(QuestionType::Note) => {}
                Kind::Question(q) => {
                    let Some(label) = self.label(child, here) else {
                        continue;
                    };
                    let answer = self.answer(q, value.as_str().unwrap_or_default());
                    self.lines.push(Line {
                        depth,
                        label,
                        answer: Some(answer),
                    });
                }
            }
        }
    }
}

/// The lines of the submission `data` of `form`, labels in `language`.
pub fn lines(form: &Form, data: &Value, language: Option<&str>) -> Vec<Line> {
    let mut reader = Reader {
        form,
        language,
        root: data,
        lines: Vec::new(),
    };
    reader.children(0, data, 0);
    reader.lines
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;
    use wasm_bindgen_test::wasm_bindgen_test;

    const FORM: &str = r#"{
      "settings": {"form_id": "f", "default_language": "en"},
      "survey": [
        {"type": "text", "name": "head", "label": {"en": "Head", "ru": "Глава"}},
        {"type": "note", "name": "n", "label": "Thanks"},
        {"type": "calculate", "name": "size", "calculation": "count(${members})"},
        {"type": "group", "name": "layout", "children": [
          {"type": "text", "name": "phone", "label": {"en": "Phone", "ru": "Телефон"}}
        ]},
        {"type": "group", "name": "g", "label": {"en": "Home", "ru": "Жильё"}, "children": [
          {"type": "select_multiple needs", "name": "needs", "label": {"en": "Needs", "ru": "Нужды"}},
          {"type": "integer", "name": "rooms", "label": {"en": "Rooms", "ru": "Комнаты"}}
        ]},
        {"type": "repeat", "name": "members", "label": {"en": "Member", "ru": "Член семьи"}, "children": [
          {"type": "text", "name": "name", "label": {"en": "Name", "ru": "Имя"}},
          {"type": "integer", "name": "age", "label": {"en": "Age of ${name}", "ru": "Возраст: ${name}"}}
        ]}
      ],
      "choices": {"needs": [
        {"name": "food", "label": {"en": "Food", "ru": "Еда"}},
        {"name": "clothes", "label": {"en": "Clothes", "ru": "Одежда"}}
      ]}
    }"#;

    fn line(depth: usize, label: &str, answer: Option<&str>) -> Line {
        Line {
            depth,
            label: label.into(),
            answer: answer.map(str::to_string),
        }
    }

    #[wasm_bindgen_test]
    fn answers_under_their_labels_members_in_turn() {
        let form = xonadon_engine::load(FORM).unwrap();
        let data = json!({
            "head": "Азиз",
            "size": "2",
            "layout": {"phone": "+998"},
            "g": {"needs": "food clothes", "rooms": ""},
            "members": [{"name": "Азиз", "age": "41"}, {"name": "Дилноза", "age": "9"}],
            "meta": {"instanceID": "uuid:x"}
        });
        assert_eq!(
            lines(&form, &data, Some("ru")),
            [
                line(0, "Глава", Some("Азиз")),
                line(0, "Телефон", Some("+998")),
                line(0, "Жильё", None),
                line(1, "Нужды", Some("Еда, Одежда")),
                line(1, "Комнаты", Some("—")),
                line(0, "Член семьи 1", None),
                line(1, "Имя", Some("Азиз")),
                line(1, "Возраст: Азиз", Some("41")),
                line(0, "Член семьи 2", None),
                line(1, "Имя", Some("Дилноза")),
                line(1, "Возраст: Дилноза", Some("9")),
            ]
        );
        // Irrelevant answers are not in the submission, so not shown.
        let partial = json!({"head": "B"});
        assert_eq!(
            lines(&form, &partial, Some("en")),
            [line(0, "Head", Some("B"))]
        );
    }
}
