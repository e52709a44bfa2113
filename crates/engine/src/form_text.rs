//! How Xonadon writes a form it made (the designer's and the CLI's imports and
//! transliterations): JSON with one line per row where it fits — a choice, a question without
//! children, a text in every language — like the rows of an XLSForm; what does not fit in
//! [`WIDTH`] columns has a member per line.
//!
//! Why not `to_string_pretty`: a text area lays out every line of its text, at every change.
//! Pretty-printed, a form of 500 questions and 5,000 choices in five languages is 57,000
//! lines, ≈ 0.9 s of layout per change in Chromium; written this way it is ≈ 7,000.

use serde_json::Value;

impl crate::FormDefinition {
    /// The form as Xonadon writes it ([`to_text`]).
    pub fn to_text(&self) -> String {
        to_text(&serde_json::to_value(self).expect("a definition serializes"))
    }
}

/// The longest line written on one line (indentation and key included), in characters.
pub const WIDTH: usize = 160;

/// `value` as the designer's text (no final newline, as `to_string_pretty`).
pub fn to_text(value: &Value) -> String {
    let mut out = String::new();
    write(value, 0, 0, &mut out);
    out
}

/// `value` at `depth`, on a line already `used` characters long.
fn write(value: &Value, depth: usize, used: usize, out: &mut String) {
    let fits = inline_len(value, WIDTH.saturating_sub(used)).is_some();
    match value {
        Value::Array(items) if !fits => {
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                out.push_str(if i == 0 { "\n" } else { ",\n" });
                indent(out, depth + 1);
                write(item, depth + 1, 2 * (depth + 1), out);
            }
            out.push('\n');
            indent(out, depth);
            out.push(']');
        }
        Value::Object(members) if !fits => {
            out.push('{');
            for (i, (key, item)) in members.iter().enumerate() {
                out.push_str(if i == 0 { "\n" } else { ",\n" });
                indent(out, depth + 1);
                let key = Value::from(key.as_str()).to_string();
                out.push_str(&key);
                out.push_str(": ");
                let used = 2 * (depth + 1) + key.chars().count() + 2;
                write(item, depth + 1, used, out);
            }
            out.push('\n');
            indent(out, depth);
            out.push('}');
        }
        _ => inline(value, out),
    }
}

fn indent(out: &mut String, depth: usize) {
    out.extend(std::iter::repeat_n(' ', 2 * depth));
}

/// `value` on one line: `{"a": 1, "b": [true, null]}`.
fn inline(value: &Value, out: &mut String) {
    match value {
        Value::Array(items) => {
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                inline(item, out);
            }
            out.push(']');
        }
        Value::Object(members) => {
            out.push('{');
            for (i, (key, item)) in members.iter().enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                out.push_str(&Value::from(key.as_str()).to_string());
                out.push_str(": ");
                inline(item, out);
            }
            out.push('}');
        }
        scalar => out.push_str(&scalar.to_string()),
    }
}

/// The length of `value` on one line, in characters; `None` as soon as it passes `budget`.
fn inline_len(value: &Value, budget: usize) -> Option<usize> {
    let len = match value {
        Value::Null | Value::Bool(true) => 4,
        Value::Bool(false) => 5,
        Value::Number(n) => n.to_string().len(),
        Value::String(s) => string_len(s),
        Value::Array(items) => {
            // The brackets, and ", " between items.
            let mut len = 2 + 2 * items.len().saturating_sub(1);
            for item in items {
                len += inline_len(item, budget.checked_sub(len)?)?;
            }
            len
        }
        Value::Object(members) => {
            // The braces, ", " between members and ": " after each key.
            let mut len = 2 + 2 * members.len().saturating_sub(1) + 2 * members.len();
            for (key, item) in members {
                len += string_len(key);
                len += inline_len(item, budget.checked_sub(len)?)?;
            }
            len
        }
    };
    (len <= budget).then_some(len)
}

/// A string's length in JSON, quotes and escapes included (serde_json's escapes).
fn string_len(s: &str) -> usize {
    2 + s
        .chars()
        .map(|c| match c {
            '"' | '\\' | '\n' | '\r' | '\t' | '\u{8}' | '\u{c}' => 2,
            c if c < ' ' => 6,
            _ => 1,
        })
        .sum::<usize>()
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn rows_on_a_line_the_rest_a_member_per_line() {
        let form = json!({
            "settings": {"form_id": "f", "version": "1"},
            "survey": [
                {"type": "group", "name": "g", "label": {"en": "Group", "ru": "Группа"},
                 "children": [{"type": "text", "name": "a", "label": {"en": "A \"quoted\"\n"}}]},
                {"type": "note", "name": "n", "label": {"en": "x".repeat(WIDTH)}}
            ],
            "choices": {"yn": [{"name": "yes", "label": {"en": "Yes"}}], "empty": []}
        });
        let text = to_text(&form);
        let expected = [
            r#"{"#,
            r#"  "settings": {"form_id": "f", "version": "1"},"#,
            r#"  "survey": ["#,
            r#"    {"type": "group", "name": "g", "label": {"en": "Group", "ru": "Группа"}, "children": [{"type": "text", "name": "a", "label": {"en": "A \"quoted\"\n"}}]},"#,
            r#"    {"#,
            r#"      "type": "note","#,
            r#"      "name": "n","#,
            r#"      "label": {"#,
        ];
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines[..expected.len()], expected, "{text}");
        assert!(text.ends_with(
            "  \"choices\": {\"yn\": [{\"name\": \"yes\", \"label\": {\"en\": \"Yes\"}}], \"empty\": []}\n}"
        ), "{text}");
        assert!(lines
            .iter()
            .all(|l| l.chars().count() <= WIDTH || l.contains("xxxx")));
        // The same JSON.
        assert_eq!(serde_json::from_str::<Value>(&text).unwrap(), form);
    }

    #[test]
    fn lengths_are_those_written() {
        for v in [
            json!("tab\there \u{1} «ў»"),
            json!([1.5, -2, null, false, true, {}]),
            json!({"k\"": [], "ключ": {"a": 1e100}}),
        ] {
            let mut out = String::new();
            inline(&v, &mut out);
            assert_eq!(
                inline_len(&v, usize::MAX),
                Some(out.chars().count()),
                "{out}"
            );
            assert_eq!(inline_len(&v, out.chars().count() - 1), None);
        }
    }
}
