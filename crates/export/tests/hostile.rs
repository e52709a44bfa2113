//! Bundles as an attacker or bad luck would make them (issue 13): long strings, deep nesting,
//! wrong types, many submissions. Each reads, or is refused with an error, in time linear in
//! its size; never a panic, never a stack overflow.

use std::time::{Duration, Instant};

use serde_json::json;
use xonadon_export::bundle::{self, BundleForm, BundleSubmission, Manifest};
use xonadon_export::keys::Supervisors;
use xonadon_export::merge::{self, Trust};
use xonadon_export::ExportError;
use xonadon_storage::Submission;

fn form() -> BundleForm {
    BundleForm {
        form_id: "v".into(),
        version: "1".into(),
        title: "V".into(),
        definition: json!({"settings": {"form_id": "v", "version": "1"},
                           "survey": [{"type": "text", "name": "a", "label": "A"}]}),
        media: Vec::new(),
    }
}

/// A submission of form `v` answering `a`, with an unsigned approval when `reviewed`.
fn submission(id: &str, answer: &str, reviewed: bool) -> BundleSubmission {
    let mut s = json!({"instance_id": id, "form_id": "v", "form_version": "1",
        "data": {"a": answer}, "started_at_ms": 1.0, "finalized_at_ms": 2.0,
        "enumerator": "e", "device_id": "d", "title": null});
    if reviewed {
        s["review"] = json!({"status": "approved", "comments": [
            {"at_ms": 3.0, "by": "someone", "status": "approved", "text": "ok"}]});
    }
    let submission: Submission = serde_json::from_value(s).unwrap();
    BundleSubmission::new(&submission, Vec::new())
}

fn malformed_detail(result: Result<bundle::Bundle, ExportError>) -> String {
    match result {
        Err(ExportError::Malformed { detail, .. }) => detail,
        other => panic!("expected Malformed, got {other:?}"),
    }
}

/// 100,000 submissions, each with a review that is refused: each used to search the ones
/// before it (the new ones, the refusals), 43 s for a 74 MB bundle in the CLI.
#[test]
fn a_bundle_of_many_submissions_is_planned_in_linear_time() {
    let submissions: Vec<_> = (0..100_000)
        .map(|i| submission(&format!("uuid:{i}"), "x", true))
        .collect();
    let bundle = bundle::Bundle {
        manifest: Manifest {
            exported_at_ms: 1.0,
            device_id: "d".into(),
            content_sha256: String::new(),
            submissions: Vec::new(),
        },
        forms: vec![form()],
        submissions,
    };
    let none = Supervisors::default();
    let started = Instant::now();
    let plan = merge::plan(&bundle, |_| None, |_, _| false, Trust::Signed(&none)).unwrap();
    let took = started.elapsed();
    assert_eq!(
        (plan.new.len(), plan.refused_reviews.len()),
        (100_000, 100_000)
    );
    // Quadratic, this is 5·10⁹ comparisons (minutes in a debug build); linear, about a second.
    assert!(took < Duration::from_secs(20), "{took:?}");
}

/// A 50 MB answer travels whole (a long answer is no attack: it is kept).
#[test]
fn a_50_mb_answer_reads_back() {
    let long = "x".repeat(50 << 20);
    let bytes = bundle::write(&[form()], &[submission("uuid:1", &long, false)], "d", 1.0).unwrap();
    let read = bundle::read("b.json", &bytes).unwrap();
    assert_eq!(
        read.submissions[0].submission.data["a"]
            .as_str()
            .map(str::len),
        Some(50 << 20)
    );
}

/// A bundle whose JSON is as the writer would write it, around `submission` (its sums right).
fn bundle_around(submission: &str) -> Vec<u8> {
    let valid = bundle::write(&[form()], &[submission_placeholder()], "d", 1.0).unwrap();
    let text = String::from_utf8(valid).unwrap();
    let placeholder = serde_json::to_string(&submission_placeholder()).unwrap();
    let content_at = text.find(r#""content":"#).unwrap() + r#""content":"#.len();
    let manifest_at = text.rfind(r#","manifest":"#).unwrap();
    let content = text[content_at..manifest_at].replace(&placeholder, submission);
    let manifest = json!({"exported_at_ms": 1.0, "device_id": "d",
        "content_sha256": bundle::sha256(content.as_bytes()),
        "submissions": [{"instance_id": "uuid:1", "sha256": bundle::sha256(submission.as_bytes())}]});
    format!(
        r#"{}{content},"manifest":{manifest}}}"#,
        &text[..content_at]
    )
    .into_bytes()
}

fn submission_placeholder() -> BundleSubmission {
    submission("uuid:1", "placeholder", false)
}

/// Answers nested 100,000 deep: serde_json's recursion limit (128) refuses them as malformed,
/// with no stack overflow (the unparsed values are skipped without recursion).
#[test]
fn a_100k_deep_answer_is_malformed_not_a_stack_overflow() {
    let deep = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
    let s = serde_json::to_string(&submission_placeholder())
        .unwrap()
        .replace(r#"{"a":"placeholder"}"#, &deep);
    let detail = malformed_detail(bundle::read("b.json", &bundle_around(&s)));
    assert!(detail.contains("recursion limit"), "{detail}");
    // The whole content nested as deep: skipped unparsed, then refused for what it lacks.
    let top = format!(r#"{{"content":{deep}}}"#);
    let detail = malformed_detail(bundle::read("b.json", top.as_bytes()));
    assert!(detail.contains("\"format\""), "{detail}");
}

/// A value of the wrong type is malformed, naming the submission.
#[test]
fn wrong_types_are_malformed() {
    let s = serde_json::to_string(&submission_placeholder())
        .unwrap()
        .replace(r#""finalized_at_ms":2.0"#, r#""finalized_at_ms":"soon""#);
    let detail = malformed_detail(bundle::read("b.json", &bundle_around(&s)));
    assert!(
        detail.contains("submission 1") && detail.contains("invalid type"),
        "{detail}"
    );
    let detail = malformed_detail(bundle::read("b.json", br#"{"format":7}"#));
    assert!(detail.contains("invalid type"), "{detail}");
}
