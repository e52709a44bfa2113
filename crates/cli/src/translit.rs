//! `xonadon translit FORM.json [-o OUT.json]`: fills the form's missing `uz-Latn` texts from
//! `uz-Cyrl` (and the reverse, best effort) and lists each one for a person to check.

use std::process::ExitCode;

use xonadon_engine::FormDefinition;
use xonadon_translit::fill_missing_script;

use crate::{read, CliError};

pub fn cmd_translit(input: &str, output: Option<String>) -> Result<ExitCode, CliError> {
    let mut form = FormDefinition::from_json(&read(input)?).map_err(|e| CliError::Form {
        path: input.to_string(),
        message: e.to_string(),
    })?;
    let filled = fill_missing_script(&mut form);
    for f in &filled {
        eprintln!("{input}: {} (from {}): {}", f.path, f.from, f.text);
    }
    eprintln!(
        "{input}: {} text(s) transliterated; have a person read them before publishing",
        filled.len()
    );
    let json = form.to_text() + "\n";
    match output {
        Some(path) => std::fs::write(&path, json).map_err(|e| CliError::Form {
            path,
            message: format!("cannot write: {e}"),
        })?,
        None => out!("{json}"),
    }
    Ok(ExitCode::SUCCESS)
}
