//! Forms returned by the supervisor and corrected: which finalized forms on the device a
//! correction replaces (the engine's `meta/deprecatedID`, `Instance::correction`), so the
//! home screen marks them and offers no second correction of the same one.

use std::collections::HashSet;

use xonadon_engine::corrected_id;
use xonadon_storage::{Draft, Submission};

/// The instance ids of the finalized forms a correction on the device replaces: a finalized
/// correction, or a draft of one still being filled.
pub fn replaced(submissions: &[Submission], drafts: &[Draft]) -> HashSet<String> {
    submissions
        .iter()
        .map(|s| &s.data)
        .chain(drafts.iter().map(|d| &d.answers))
        .filter_map(corrected_id)
        .map(str::to_string)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;
    use wasm_bindgen_test::wasm_bindgen_test;

    #[wasm_bindgen_test]
    fn a_finalized_correction_and_a_draft_of_one_each_replace_theirs() {
        let submission = |id: &str, data: serde_json::Value| Submission {
            instance_id: id.into(),
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
        let draft = |answers: serde_json::Value| Draft {
            id: "d".into(),
            form_id: "f".into(),
            form_version: "1".into(),
            answers,
            page: String::new(),
            language: None,
            started_at_ms: 0.0,
            updated_at_ms: 0.0,
            answered: 0,
            total: 0,
            title: None,
            audit: Default::default(),
        };
        let subs = [
            submission("uuid:a", json!({"meta": {"instanceID": "uuid:a"}})),
            submission(
                "uuid:b",
                json!({"meta": {"instanceID": "uuid:b", "deprecatedID": "uuid:a"}}),
            ),
            submission("uuid:c", json!({"meta": {"instanceID": "uuid:c"}})),
        ];
        let drafts = [
            draft(json!({"meta": {"instanceID": "uuid:d", "deprecatedID": "uuid:c"}})),
            draft(json!({"meta": {"instanceID": "uuid:e", "deprecatedID": ""}})),
        ];
        let mut got: Vec<String> = replaced(&subs, &drafts).into_iter().collect();
        got.sort();
        assert_eq!(got, ["uuid:a", "uuid:c"]);
        assert!(replaced(&subs[..1], &[]).is_empty());
    }
}
