//! Form JSON as an attacker or bad luck would write it (issue 13): a 50 MB label, nesting
//! 100,000 deep, values of the wrong type. Each loads or is an error at its JSON path; never a
//! panic, never a stack overflow (serde_json stops at 128 levels).

use xonadon_engine::{check, load, Severity};

fn errors(json: &str) -> Vec<String> {
    check(json)
        .into_iter()
        .filter(|d| d.severity == Severity::Error)
        .map(|d| format!("{}: {}", d.path, d.message))
        .collect()
}

/// A long text is no attack: the form loads and keeps it whole.
#[test]
fn a_50_mb_label_loads() {
    let label = "x".repeat(50 << 20);
    let json = format!(
        r#"{{"settings":{{"form_id":"f"}},"survey":[{{"type":"text","name":"a","label":"{label}"}}]}}"#
    );
    let form = load(&json).unwrap();
    assert_eq!(
        form.warnings
            .iter()
            .filter(|d| d.severity == Severity::Error)
            .count(),
        0
    );
}

/// Groups nested 100,000 deep, and bare arrays as deep: the recursion limit, at a JSON path,
/// and the stack stays whole (a test thread has 2 MB of it).
#[test]
fn nesting_100k_deep_is_an_error_not_a_stack_overflow() {
    let depth = 100_000;
    let groups = format!(
        r#"{{"settings":{{"form_id":"f"}},"survey":{}[]{}}}"#,
        r#"[{"type":"group","name":"g","children":"#.repeat(depth),
        "}]".repeat(depth)
    );
    let found = errors(&groups);
    assert!(
        found.iter().any(|e| e.contains("recursion limit")),
        "{found:?}"
    );
    let arrays = format!(
        r#"{{"settings":{{"form_id":"f"}},"survey":[{{"type":"text","name":"a","label":{}{}}}]}}"#,
        "[".repeat(depth),
        "]".repeat(depth)
    );
    assert!(!errors(&arrays).is_empty());
}

/// Values of the wrong type are errors at their JSON path.
#[test]
fn wrong_types_are_errors_at_their_path() {
    for (json, path) in [
        (
            r#"{"settings":{"form_id":5},"survey":[]}"#,
            "$.settings.form_id",
        ),
        (
            r#"{"settings":{"form_id":"f"},"survey":{"a":1}}"#,
            "$.survey",
        ),
        (
            r#"{"settings":{"form_id":"f"},"survey":[{"type":"text","name":["a"],"label":"A"}]}"#,
            "$.survey[0].name",
        ),
        (r#"[1, 2, 3]"#, "$"),
    ] {
        let found = errors(json);
        assert!(
            found
                .iter()
                .any(|e| e.starts_with(path) && e.contains("invalid type")),
            "{json}: {found:?}"
        );
    }
}
