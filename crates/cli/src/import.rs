//! `xonadon import FORM.xlsx|FORM.xls|FORM.ods [-o FORM.json]`: an XLSForm as a Xonadon form.

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

/// Prints every problem (`FILE: error: sheet survey, row 12, column `relevant`: …`) to stderr
/// and writes the form when there is no error; exit 1 when there is one (nothing written).
pub fn cmd_import(args: &[String]) -> Result<ExitCode, CliError> {
    let (input, output) = crate::input_and_output(args, "import needs an XLSForm file")?;
    let bytes = std::fs::read(&input).map_err(|source| CliError::Read {
        path: input.clone(),
        source,
    })?;
    let attachments = files_beside(&input);
    let imported =
        xonadon_xlsform::import_with(&input, &bytes, &attachments).map_err(|e| CliError::Form {
            path: input.clone(),
            message: e.to_string(),
        })?;
    for p in &imported.problems {
        eprintln!("{input}: {p}");
    }
    let errors = imported.errors();
    eprintln!(
        "{input}: {errors} error(s), {} warning(s)",
        imported.problems.len() - errors
    );
    if errors > 0 {
        eprintln!("{input}: nothing written; fix the errors in the workbook and import it again");
        return Ok(ExitCode::FAILURE);
    }
    match output {
        Some(path) => {
            std::fs::write(&path, format!("{}\n", imported.json)).map_err(|e| CliError::Form {
                path,
                message: format!("cannot write: {e}"),
            })?
        }
        None => println!("{}", imported.json),
    }
    Ok(ExitCode::SUCCESS)
}

/// `xonadon xlsform FORM.json -o FORM.xlsx`: a form written back as an XLSForm workbook.
pub fn cmd_xlsform(args: &[String]) -> Result<ExitCode, CliError> {
    let (input, output) = match args {
        [input, flag, output] if flag == "-o" || flag == "--out" => (input, output),
        _ => {
            return Err(CliError::Usage(
                "xlsform needs a form and -o FILE.xlsx".into(),
            ))
        }
    };
    let form = xonadon_engine::FormDefinition::from_json(&crate::read(input)?).map_err(|e| {
        CliError::Form {
            path: input.clone(),
            message: e.to_string(),
        }
    })?;
    let bytes = xonadon_xlsform::to_xlsform(&form).map_err(|e| CliError::Form {
        path: output.clone(),
        message: format!("cannot write the workbook: {e}"),
    })?;
    std::fs::write(output, bytes).map_err(|e| CliError::Form {
        path: output.clone(),
        message: format!("cannot write: {e}"),
    })?;
    Ok(ExitCode::SUCCESS)
}
