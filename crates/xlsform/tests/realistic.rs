//! Large XLSForms written the way survey teams write them, each checked against ODK.
//!
//! Five forms of 200+ questions (a multi-sector needs assessment, a refugee/IDP survey in
//! four languages, a child-protection case file with nested repeats, a mahalla profile with
//! cascades and a missing CSV, a nutrition survey), with what real workbooks have: headers
//! such as `Label::English` and `relevance`, `required` as `yes` / `TRUE` / Excel booleans,
//! trailing spaces in names and list names, the same name in two groups, media files not
//! supplied, forms with and without a settings sheet.
//!
//! Each is written to `target/xlsform-realistic/` as `NAME.xlsx`, `NAME.script.json` and
//! `NAME.expect.json`; `oracle/run.sh --dir target/xlsform-realistic --all -q` runs them
//! through pyxform and ODK Web Forms' engine, and every expectation here is one ODK agrees
//! with. The test imports each workbook without attachments (what is missing is a warning),
//! requires no import error, runs the script through the engine at the fixed time of
//! `tests/corpus.rs` and compares by the oracle's rules; our whole state is written beside
//! as `NAME.xonadon-state.json`.

#[path = "realistic/sheet.rs"]
mod sheet;
#[path = "support/target.rs"]
mod target;

#[path = "realistic/mahalla.rs"]
mod mahalla;
#[path = "realistic/needs.rs"]
mod needs;
#[path = "realistic/nutrition.rs"]
mod nutrition;
#[path = "realistic/protection.rs"]
mod protection;
#[path = "realistic/refugee.rs"]
mod refugee;

use std::path::PathBuf;
use std::sync::Arc;

use serde_json::Value as Json;
use xonadon_engine::{load, script, FixedHost, Instance, Severity};

/// 2026-01-15T09:30:00Z, with the device at UTC+5 (Tashkent), as in the engine's corpus.
const NOW_MS: f64 = 1_768_469_400_000.0;

fn forms() -> Vec<sheet::Form> {
    vec![
        needs::form(),
        refugee::form(),
        protection::form(),
        mahalla::form(),
        nutrition::form(),
    ]
}

fn out_dir() -> PathBuf {
    target::target_dir("xlsform-realistic")
}

/// The script with its language steps named as the importer tags the languages.
fn our_script(form: &sheet::Form) -> Json {
    let mut script = form.script.clone();
    for step in script.as_array_mut().into_iter().flatten() {
        if let Some(Json::String(l)) = step.get_mut("language") {
            if let Some((_, tag)) = form.languages.iter().find(|(name, _)| name == l) {
                *l = tag.to_string();
            }
        }
    }
    script
}

/// Writes the oracle's files, imports, runs and compares: the number of checks and the
/// warnings, or what went wrong.
fn run(form: &sheet::Form, dir: &std::path::Path) -> Result<(usize, Vec<String>), String> {
    let book = form.workbook();
    let write = |suffix: &str, bytes: &[u8]| {
        std::fs::write(dir.join(format!("{}{suffix}", form.name)), bytes)
            .map_err(|e| format!("cannot write {}{suffix}: {e}", form.name))
    };
    let pretty = |v: &Json| serde_json::to_string_pretty(v).expect("JSON");
    write(".xlsx", &book)?;
    write(".script.json", pretty(&form.script).as_bytes())?;
    write(".expect.json", pretty(&form.expect).as_bytes())?;

    let file = format!("{}.xlsx", form.name);
    let imported = xonadon_xlsform::import_with(&file, &book, &[]).map_err(|e| e.to_string())?;
    let (errors, warnings): (Vec<_>, Vec<_>) = imported
        .problems
        .iter()
        .partition(|p| p.severity == Severity::Error);
    if !errors.is_empty() {
        let errors: Vec<String> = errors.iter().map(|p| p.to_string()).collect();
        return Err(format!("import errors:\n      {}", errors.join("\n      ")));
    }
    let engine_form = load(&imported.json).map_err(|e| format!("the engine refuses it: {e}"))?;
    let mut instance = Instance::new(Arc::new(engine_form), Arc::new(FixedHost::new(NOW_MS, 300)));
    let steps = script::parse_script(&our_script(form).to_string()).map_err(|e| e.to_string())?;
    instance.run(&steps).map_err(|e| e.to_string())?;
    let state = instance.state_json();
    write(".xonadon-state.json", pretty(&state).as_bytes())?;
    let (checked, mismatches) = script::mismatches(&state, &form.expect)?;
    if mismatches.is_empty() {
        Ok((checked, warnings.iter().map(|p| p.to_string()).collect()))
    } else {
        Err(format!(
            "{} of {checked} disagree:\n    {}",
            mismatches.len(),
            mismatches.join("\n    ")
        ))
    }
}

#[test]
fn realistic_forms_import_and_answer_as_odk_does() {
    let dir = out_dir();
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("target/xlsform-realistic");
    let mut failures = Vec::new();
    for form in forms() {
        let questions = sheet::questions(form.survey());
        if questions < 200 {
            failures.push(format!("{}: only {questions} questions", form.name));
        }
        match run(&form, &dir) {
            Ok((checked, warnings)) => {
                eprintln!(
                    "{}: {questions} questions, {checked} expectations agree, {} warnings:\n  {}",
                    form.name,
                    warnings.len(),
                    warnings.join("\n  ")
                );
                if checked < 100 {
                    failures.push(format!("{}: only {checked} expectations", form.name))
                }
            }
            Err(e) => failures.push(format!("{}:\n    {e}", form.name)),
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n  "));
}
