//! `xonadon import FORM.xlsx|FORM.xls|FORM.ods|FORM.xml [-o FORM.json]`: an XLSForm or an ODK
//! XForm as a Xonadon form.

use std::process::ExitCode;

use crate::CliError;

/// Files a media column may name (pictures, sound, film).
const MEDIA_EXTENSIONS: [&str; 14] = [
    "png", "jpg", "jpeg", "gif", "svg", "webp", "mp3", "wav", "ogg", "m4a", "amr", "mp4", "3gp",
    "webm",
];

/// The files in the form's folder that it may use, as ODK looks for them beside the form: the
/// choices files (CSV, XML, GeoJSON: `select_one_from_file`, `pulldata`, `search()`), read;
/// and the pictures, sound and film its media columns may name, by name only (the form names
/// them; they stay where they are).
fn files_beside(form: &str) -> Vec<xonadon_xlsform::Attachment> {
    let dir = std::path::Path::new(form)
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(std::path::Path::new("."));
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    entries
        .flatten()
        .map(|e| e.path())
        .filter_map(|p| {
            let name = p.file_name()?.to_str()?.to_string();
            let extension = p.extension()?.to_str()?.to_ascii_lowercase();
            if ["csv", "xml", "geojson"].contains(&extension.as_str()) {
                Some((name, std::fs::read(&p).ok()?))
            } else if MEDIA_EXTENSIONS.contains(&extension.as_str()) {
                Some((name, Vec::new()))
            } else {
                None
            }
        })
        .collect()
}

/// An import's result, whichever importer made it: the problems as printed lines.
struct Outcome {
    json: String,
    problems: Vec<String>,
    errors: usize,
    /// What to fix when there are errors: the workbook or the XForm.
    source: &'static str,
}

/// Told apart by content, not by name: an XForm starts with `<?xml` or `<h:html`; anything
/// else is read as a workbook (whose importer names what it really is).
fn import_any(input: &str, bytes: &[u8]) -> Result<Outcome, CliError> {
    let attachments = files_beside(input);
    let failed = |message: String| CliError::Form {
        path: input.to_string(),
        message,
    };
    if xonadon_xform::looks_like_xform(bytes) {
        let imported = xonadon_xform::import_with(input, bytes, &attachments)
            .map_err(|e| failed(e.to_string()))?;
        return Ok(Outcome {
            errors: imported.errors(),
            problems: imported.problems.iter().map(|p| p.to_string()).collect(),
            json: imported.json,
            source: "XForm",
        });
    }
    let imported = xonadon_xlsform::import_with(input, bytes, &attachments)
        .map_err(|e| failed(e.to_string()))?;
    Ok(Outcome {
        errors: imported.errors(),
        problems: imported.problems.iter().map(|p| p.to_string()).collect(),
        json: imported.json,
        source: "workbook",
    })
}

/// Prints every problem (`FILE: error: sheet survey, row 12, column `relevant`: …`, or for an
/// XForm `FILE: error: /data/q, attribute `relevant`: …`) to stderr and writes the form when
/// there is no error; exit 1 when there is one (nothing written).
pub fn cmd_import(input: &str, output: Option<String>) -> Result<ExitCode, CliError> {
    let bytes = std::fs::read(input).map_err(|source| CliError::Read {
        path: input.to_string(),
        source,
    })?;
    let imported = import_any(input, &bytes)?;
    for p in &imported.problems {
        eprintln!("{input}: {p}");
    }
    let errors = imported.errors;
    eprintln!(
        "{input}: {errors} error(s), {} warning(s)",
        imported.problems.len() - errors
    );
    if errors > 0 {
        eprintln!(
            "{input}: nothing written; fix the errors in the {} and import it again",
            imported.source
        );
        return Ok(ExitCode::FAILURE);
    }
    match output {
        Some(path) => {
            std::fs::write(&path, format!("{}\n", imported.json)).map_err(|e| CliError::Form {
                path,
                message: format!("cannot write: {e}"),
            })?
        }
        None => outln!("{}", imported.json),
    }
    Ok(ExitCode::SUCCESS)
}

/// `xonadon xlsform FORM.json -o FORM.xlsx`: a form written back as an XLSForm workbook.
pub fn cmd_xlsform(input: &str, output: &str) -> Result<ExitCode, CliError> {
    let form = xonadon_engine::FormDefinition::from_json(&crate::read(input)?).map_err(|e| {
        CliError::Form {
            path: input.to_string(),
            message: e.to_string(),
        }
    })?;
    let bytes = xonadon_xlsform::to_xlsform(&form).map_err(|e| CliError::Form {
        path: output.to_string(),
        message: format!("cannot write the workbook: {e}"),
    })?;
    std::fs::write(output, bytes).map_err(|e| CliError::Form {
        path: output.to_string(),
        message: format!("cannot write: {e}"),
    })?;
    Ok(ExitCode::SUCCESS)
}
