//! Where two copies of a submission differ (the held one and one imported from another
//! tablet), question by question, for the supervisor to choose.

use serde_json::Value;
use xonadon_engine::Form;

/// Every answer of a submission by its path (`head/head_age`, `roster/members[2]/age`).
fn flatten(value: &Value, prefix: &str, out: &mut Vec<(String, String)>) {
    match value {
        Value::Object(map) => {
            for (k, v) in map {
                let path = if prefix.is_empty() {
                    k.clone()
                } else {
                    format!("{prefix}/{k}")
                };
                flatten(v, &path, out);
            }
        }
        Value::Array(items) => {
            for (i, v) in items.iter().enumerate() {
                flatten(v, &format!("{prefix}[{}]", i + 1), out);
            }
        }
        Value::String(s) => out.push((prefix.to_string(), s.clone())),
        other => out.push((prefix.to_string(), other.to_string())),
    }
}

/// A difference between two copies of a submission: the question (its label, and the member
/// it belongs to), the answer held on this device, the answer imported (`—` when absent).
#[derive(Debug, Clone, PartialEq)]
pub struct Difference {
    pub question: String,
    pub held: String,
    pub imported: String,
}

/// Where two copies of a submission differ, in the order of the held copy's answers.
pub fn differences(
    form: Option<&Form>,
    held: &Value,
    imported: &Value,
    language: Option<&str>,
) -> Vec<Difference> {
    let (mut a, mut b) = (Vec::new(), Vec::new());
    flatten(held, "", &mut a);
    flatten(imported, "", &mut b);
    let mut paths: Vec<&String> = a.iter().map(|(p, _)| p).collect();
    paths.extend(
        b.iter()
            .map(|(p, _)| p)
            .filter(|p| !a.iter().any(|(q, _)| q == *p)),
    );
    let get = |list: &[(String, String)], path: &str| {
        list.iter()
            .find(|(p, _)| p == path)
            .map_or_else(|| "—".to_string(), |(_, v)| v.clone())
    };
    paths
        .into_iter()
        .filter_map(|path| {
            let (h, i) = (get(&a, path), get(&b, path));
            (h != i).then(|| {
                let name = path.rsplit('/').next().unwrap_or(path);
                let label = form
                    .and_then(|f| f.find(name))
                    .and_then(|e| e.label.as_ref())
                    .map(|l| {
                        l.get(language, form.and_then(|f| f.default_language()))
                            .to_string()
                    })
                    .unwrap_or_else(|| name.to_string());
                let member: Vec<&str> = path.split('/').filter(|s| s.ends_with(']')).collect();
                let question = if member.is_empty() {
                    label
                } else {
                    format!("{label} ({})", member.join(", "))
                };
                Difference {
                    question,
                    held: h,
                    imported: i,
                }
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;
    use wasm_bindgen_test::wasm_bindgen_test;

    #[wasm_bindgen_test]
    fn two_copies_differ_where_their_answers_do() {
        let form = xonadon_engine::load(
            r#"{"settings": {"form_id": "f"}, "survey": [
                {"type": "integer", "name": "age", "label": "Age"},
                {"type": "repeat", "name": "members", "label": "M", "children": [
                  {"type": "text", "name": "name", "label": "Name"}]}]}"#,
        )
        .unwrap();
        let held = json!({"age": "45", "members": [{"name": "A"}, {"name": "B"}]});
        let imported = json!({"age": "46", "members": [{"name": "A"}]});
        let diff = differences(Some(&form), &held, &imported, None);
        let d = |q: &str, h: &str, i: &str| Difference {
            question: q.into(),
            held: h.into(),
            imported: i.into(),
        };
        assert_eq!(
            diff,
            [d("Age", "45", "46"), d("Name (members[2])", "B", "—")]
        );
        assert!(differences(Some(&form), &held, &held, None).is_empty());
    }
}
