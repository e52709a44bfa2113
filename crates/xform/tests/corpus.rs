//! The XLSForm corpus (`crates/xlsform/tests/corpus.rs`) converted to XForms by pyxform
//! (`tests/forms/`, made by `tests/forms/regenerate.sh`): each XForm imported, answered by
//! the same script and required to reach the same state (the same expectations, which ODK
//! agrees with) as the XLSForm path. The data files the forms read are in `tests/forms/data/`.

use std::path::Path;
use std::sync::Arc;

use xonadon_engine::{load, script, FixedHost, Instance, Severity};

/// 2026-01-15T09:30:00Z, with the device at UTC+5 (Tashkent), as in the XLSForm corpus.
const NOW_MS: f64 = 1_768_469_400_000.0;

fn run(dir: &Path, name: &str, attachments: &[xonadon_xform::Attachment]) -> Result<usize, String> {
    let read = |suffix: &str| std::fs::read(dir.join(format!("{name}{suffix}")));
    let xml = read(".xml").map_err(|e| e.to_string())?;
    let imported = xonadon_xform::import_with(&format!("{name}.xml"), &xml, attachments)
        .map_err(|e| e.to_string())?;
    let errors: Vec<String> = imported
        .problems
        .iter()
        .filter(|p| p.severity == Severity::Error)
        .map(|p| p.to_string())
        .collect();
    if !errors.is_empty() {
        return Err(format!("import errors:\n      {}", errors.join("\n      ")));
    }
    let form = load(&imported.json).map_err(|e| format!("the engine refuses it: {e}"))?;
    let mut instance = Instance::new(Arc::new(form), Arc::new(FixedHost::new(NOW_MS, 300)));
    if let Ok(steps) = read(".script.json") {
        let steps =
            script::parse_script(&String::from_utf8_lossy(&steps)).map_err(|e| e.to_string())?;
        instance.run(&steps).map_err(|e| e.to_string())?;
    }
    let expect: serde_json::Value =
        serde_json::from_slice(&read(".expect.json").map_err(|e| e.to_string())?)
            .map_err(|e| e.to_string())?;
    let (checked, mismatches) = script::mismatches(&instance.state_json(), &expect)?;
    if mismatches.is_empty() {
        Ok(checked)
    } else {
        Err(mismatches.join("\n    "))
    }
}

#[test]
fn pyxform_xforms_answer_as_their_xlsforms_do() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/forms");
    let attachments: Vec<xonadon_xform::Attachment> = std::fs::read_dir(dir.join("data"))
        .expect("tests/forms/data")
        .flatten()
        .map(|e| {
            let name = e.file_name().to_string_lossy().into_owned();
            (name, std::fs::read(e.path()).expect("a data file"))
        })
        .collect();
    // pyxform's XForms, then those written by hand (`hand/`, in the style of Collect's test
    // forms), each confirmed with ODK's engine through the oracle.
    let mut names: Vec<(std::path::PathBuf, String)> = Vec::new();
    for folder in [dir.clone(), dir.join("hand")] {
        let mut here: Vec<_> = std::fs::read_dir(&folder)
            .expect("tests/forms")
            .flatten()
            .filter_map(|e| {
                let name = e.file_name().to_string_lossy().into_owned();
                Some((folder.clone(), name.strip_suffix(".xml")?.to_string()))
            })
            .collect();
        here.sort();
        names.extend(here);
    }
    assert!(names.len() >= 30, "the corpus is missing: {names:?}");
    let mut failures = Vec::new();
    let mut checked = 0;
    for (folder, name) in &names {
        match run(folder, name, &attachments) {
            Ok(n) if n > 0 => checked += n,
            Ok(_) => failures.push(format!("{name}: no expectation")),
            Err(e) => failures.push(format!("{name}:\n    {e}")),
        }
    }
    eprintln!(
        "{} of {} XForms agree ({checked} expectations)",
        names.len() - failures.len(),
        names.len()
    );
    assert!(
        failures.is_empty(),
        "{} of {} XForms disagree:\n  {}",
        failures.len(),
        names.len(),
        failures.join("\n  ")
    );
}
