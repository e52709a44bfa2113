//! The `xonadon` binary as designers and scripts use it: output and exit status.

use std::path::PathBuf;
use std::process::{Command, Output};

fn xonadon(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_xonadon"))
        .args(args)
        .output()
        .expect("xonadon runs")
}

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

fn scratch(name: &str, content: &str) -> String {
    let dir = std::env::temp_dir().join(format!("xonadon-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path: PathBuf = dir.join(name);
    std::fs::write(&path, content).unwrap();
    path.to_string_lossy().into_owned()
}

fn household() -> String {
    concat!(env!("CARGO_MANIFEST_DIR"), "/../../forms/household.json").to_string()
}

#[test]
fn check_passes_the_household_form() {
    let out = xonadon(&["check", &household()]);
    assert!(out.status.success(), "{}", text(&out.stdout));
    assert!(text(&out.stdout).ends_with("0 error(s), 0 warning(s)\n"));
}

#[test]
fn check_prints_every_diagnostic_and_fails_on_errors() {
    let bad = scratch(
        "bad.json",
        r#"{"settings": {"form_id": "b"}, "survey": [
            {"type": "integer", "name": "a", "label": "A", "relevant": "${b} >"},
            {"type": "note", "name": "n", "label": "N", "constraint": ". > 1"}]}"#,
    );
    let out = xonadon(&["check", &bad]);
    assert_eq!(out.status.code(), Some(1));
    let stdout = text(&out.stdout);
    assert!(stdout.contains(&format!("{bad}: error: $.survey[0].relevant (a): `relevant` of `a`, column 7: the expression ends where a value was expected")), "{stdout}");
    assert!(
        stdout.contains(&format!("{bad}: warning: $.survey[1].constraint (n)")),
        "{stdout}"
    );
    assert!(stdout.ends_with("1 error(s), 1 warning(s)\n"), "{stdout}");
}

#[test]
fn check_reports_an_unreadable_file() {
    let out = xonadon(&["check", "/nonexistent/form.json"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("cannot read /nonexistent/form.json"));
}

#[test]
fn schema_is_json_schema() {
    let out = xonadon(&["schema"]);
    assert!(out.status.success());
    let schema: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(schema["title"], "Xonadon form definition");
    assert!(schema["$defs"]["ElementDef"]["properties"]["constraint_message"].is_object());
}

#[test]
fn run_prints_the_state_after_the_script() {
    let script = scratch(
        "hh.script.json",
        r#"[{"set": "/intro/consent", "value": true},
            {"set": "/roster/members[1]/birth_date", "value": "2015-05-01"},
            {"add_repeat": "/roster/members"},
            {"set": "/roster/members[2]/birth_date", "value": "1980-05-01"},
            {"language": "ru"}]"#,
    );
    let out = xonadon(&[
        "run",
        &household(),
        "--script",
        &script,
        "--now",
        "2026-01-15T09:30:00Z",
    ]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let state: serde_json::Value = serde_json::from_slice(&out.stdout).expect("one JSON object");
    assert_eq!(state["/roster/members"]["count"], 2);
    assert_eq!(state["/roster/members[1]/age_years"]["value"], "10");
    assert_eq!(state["/summary/children_count"]["value"], "1");
    assert_eq!(state["/intro/consent"]["value"], "OK");
    // One node per line, as the oracle prints it.
    let stdout = text(&out.stdout);
    assert!(stdout
        .lines()
        .any(|l| l.starts_with("  \"/summary/hh_size\": {")));
}

#[test]
fn run_names_the_failing_step() {
    let script = scratch(
        "bad.script.json",
        r#"[{"set": "/intro/consent", "value": true}, {"set": "/nope", "value": 1}]"#,
    );
    let out = xonadon(&["run", &household(), "--script", &script]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        text(&out.stderr).contains("step 2: no node at `/nope`"),
        "{}",
        text(&out.stderr)
    );
}

#[test]
fn usage_errors() {
    let out = xonadon(&["frobnicate"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("unknown command `frobnicate`"));
    assert!(text(&out.stderr).contains("usage:"));
}
