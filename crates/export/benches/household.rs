//! Realistic submissions of the default household form for benchmarks: every relevant
//! question answered with a plausible value, `members` members in the roster.

use std::sync::Arc;

use xonadon_engine::{FixedHost, Form, Instance, Kind, QuestionType};
use xonadon_storage::Submission;

pub fn form_json() -> String {
    // Embedded, so that the browser benchmark (wasm, no file system) shares this module.
    include_str!("../../../forms/household.json").to_string()
}

pub fn form() -> Arc<Form> {
    Arc::new(xonadon_engine::load(&form_json()).expect("the household form loads"))
}

/// A plausible answer for a question of type `q`, or `None` to leave it blank.
fn plausible(i: &Instance, node: usize, q: &QuestionType, k: usize) -> Option<String> {
    Some(match q {
        QuestionType::Text | QuestionType::Barcode => format!("Answer {k}, \"quoted\""),
        QuestionType::Integer => ((k * 7) % 60 + 1).to_string(),
        QuestionType::Decimal => "1.5".into(),
        QuestionType::Date => "2020-01-01".into(),
        QuestionType::Time => "10:00".into(),
        QuestionType::DateTime => "2020-01-01T10:00:00".into(),
        QuestionType::Acknowledge => "OK".into(),
        QuestionType::Range => "3".into(),
        QuestionType::Geopoint => "41.3111 69.2797 455 12".into(),
        QuestionType::Geotrace | QuestionType::Geoshape => {
            "41.3111 69.2797 455 12;41.3112 69.2798 455 12;41.3111 69.2797 455 12".into()
        }
        QuestionType::SelectOne(_) | QuestionType::SelectMultiple(_) | QuestionType::Rank(_) => {
            let choices = i.visible_choices(node);
            let pick = choices.get(k % choices.len().max(1))?;
            pick.name.clone()
        }
        QuestionType::Image
        | QuestionType::Audio
        | QuestionType::Video
        | QuestionType::File
        | QuestionType::Note
        | QuestionType::Calculate
        | QuestionType::Hidden
        | QuestionType::Metadata(_) => return None,
    })
}

/// One household with `members` members, every relevant question answered.
pub fn submission(form: &Arc<Form>, members: usize, id: usize) -> Submission {
    let mut i = Instance::new(Arc::clone(form), Arc::new(FixedHost::new(1.7e12, 300)));
    for round in 0..4 {
        for node in i.walk() {
            let n = i.node(node);
            let e = i.form().element(n.elem);
            if e.kind == Kind::Repeat && !n.is_instance && e.repeat_count.is_none() {
                while i.instances(node).len() < members {
                    let _ = i.add_repeat(node, None);
                }
                continue;
            }
            let Some(q) = e.question_type().cloned() else {
                continue;
            };
            let n = i.node(node);
            if !n.relevant || !n.value.is_empty() || n.read_only {
                continue;
            }
            if let Some(v) = plausible(&i, node, &q, node + round) {
                let _ = i.set_value(node, &v);
            }
        }
    }
    Submission {
        instance_id: format!("uuid:bench-{id:06}"),
        form_id: i.form().settings.form_id.clone(),
        form_version: i.form().settings.version.clone(),
        data: i.submission(),
        started_at_ms: 1_764_140_000_000.0,
        finalized_at_ms: 1_764_143_112_345.0 + id as f64,
        enumerator: "Малика Раҳимова".into(),
        device_id: "tablet-7".into(),
        title: i.instance_name(),
        review: Default::default(),
        exports: Vec::new(),
    }
}

/// `n` households, 3 to 6 members each (four templates with fresh instance ids).
#[allow(dead_code)] // not every user of this module needs both
pub fn submissions(form: &Arc<Form>, n: usize) -> Vec<Submission> {
    range(form, 0, n)
}

/// Households `start..end` of the sequence [`submissions`] makes.
#[allow(dead_code)]
pub fn range(form: &Arc<Form>, start: usize, end: usize) -> Vec<Submission> {
    let templates: Vec<Submission> = (3..=6).map(|m| submission(form, m, 0)).collect();
    (start..end)
        .map(|k| {
            let mut s = templates[k % templates.len()].clone();
            s.instance_id = format!("uuid:bench-{k:06}");
            s.finalized_at_ms += k as f64;
            s
        })
        .collect()
}
