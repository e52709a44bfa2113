//! Runs every scenario in `tests/corpus/` (NAME.form.json + NAME.script.json +
//! NAME.expect.json) and compares the state with the expectations, using the same rules as
//! ODK's oracle (`shared/oracle`), which runs the very same files through ODK's engine. So
//! every expectation here is one ODK agrees with.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use serde_json::Value as Json;
use xonadon_engine::{load, script, FixedHost, Instance};

/// 2026-01-15T09:30:00Z, with the device at UTC+5 (Tashkent).
const NOW_MS: f64 = 1_768_469_400_000.0;

fn corpus_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus")
}

/// The oracle's comparison: numbers numerically, booleans also as "true"/"false", strings exactly.
fn same(want: &Json, got: Option<&Json>) -> bool {
    let Some(got) = got else {
        return want.is_null();
    };
    match want {
        Json::Number(n) => {
            let a = n.as_f64().unwrap_or(f64::NAN);
            let b = match got {
                Json::Number(m) => m.as_f64().unwrap_or(f64::NAN),
                Json::String(s) => s.trim().parse().unwrap_or(f64::NAN),
                _ => f64::NAN,
            };
            (a - b).abs() <= f64::max(1e-9, 1e-9 * a.abs())
        }
        Json::Bool(b) => got == want || got.as_str() == Some(if *b { "true" } else { "false" }),
        Json::String(s) => match got {
            Json::String(g) => g == s,
            Json::Number(_) => {
                let a: f64 = s.trim().parse().unwrap_or(f64::NAN);
                got.as_f64().is_some_and(|b| (a - b).abs() <= 1e-9)
            }
            _ => false,
        },
        _ => got == want,
    }
}

fn run_scenario(form_path: &Path) -> Result<usize, String> {
    let name = form_path
        .file_name()
        .and_then(|n| n.to_str())
        .and_then(|n| n.strip_suffix(".form.json"))
        .ok_or("bad file name")?;
    let dir = form_path.parent().ok_or("no parent")?;
    let read = |suffix: &str| std::fs::read_to_string(dir.join(format!("{name}{suffix}"))).ok();
    let form = load(&read(".form.json").ok_or("unreadable form")?)
        .map_err(|e| format!("{name}: form does not load: {e}"))?;
    let mut instance = Instance::new(Arc::new(form), Arc::new(FixedHost::new(NOW_MS, 300)));
    if let Some(s) = read(".script.json") {
        let steps = script::parse_script(&s).map_err(|e| format!("{name}: {e}"))?;
        instance.run(&steps).map_err(|e| format!("{name}: {e}"))?;
    }
    let Some(expect) = read(".expect.json") else {
        return Ok(0);
    };
    let expect: Json = serde_json::from_str(&expect).map_err(|e| format!("{name}: {e}"))?;
    let state = instance.state_json();
    let mut mismatches = Vec::new();
    let mut checked = 0;
    for (path, checks) in expect.as_object().ok_or("expectations must be an object")? {
        for (key, want) in checks.as_object().ok_or("each path maps to an object")? {
            checked += 1;
            let got = state.get(path).and_then(|s| s.get(key));
            if state.get(path).is_none() {
                mismatches.push(format!("{path}: no such node (expected {key} = {want})"));
            } else if !same(want, got) {
                mismatches.push(format!(
                    "{path}.{key}: expected {want}, got {}",
                    got.map_or("nothing".into(), |g| g.to_string())
                ));
            }
        }
    }
    if mismatches.is_empty() {
        Ok(checked)
    } else {
        Err(format!("{name}:\n    {}", mismatches.join("\n    ")))
    }
}

#[test]
fn corpus_agrees_with_odk_expectations() {
    let mut forms: Vec<PathBuf> = std::fs::read_dir(corpus_dir())
        .expect("tests/corpus exists")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.to_string_lossy().ends_with(".form.json"))
        .collect();
    forms.sort();
    assert!(!forms.is_empty(), "the corpus is empty");
    let mut failures = Vec::new();
    let mut total = 0;
    for f in &forms {
        match run_scenario(f) {
            Ok(n) => total += n,
            Err(e) => failures.push(e),
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} scenarios disagree:\n  {}",
        failures.len(),
        forms.len(),
        failures.join("\n  ")
    );
    assert!(total > 0, "no expectation was checked");
}

#[test]
fn comparison_rules_match_the_oracle() {
    assert!(same(
        &serde_json::json!(4.5),
        Some(&serde_json::json!("4.50"))
    ));
    assert!(same(
        &serde_json::json!(true),
        Some(&serde_json::json!("true"))
    ));
    assert!(!same(
        &serde_json::json!("4.5"),
        Some(&serde_json::json!("4.50"))
    ));
    assert!(!same(
        &serde_json::json!(false),
        Some(&serde_json::json!(true))
    ));
}
