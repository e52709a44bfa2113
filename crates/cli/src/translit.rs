//! `xonadon translit FORM.json [-o OUT.json]`: fills the form's missing `uz-Latn` texts from
//! `uz-Cyrl` (and the reverse, best effort) and lists each one for a person to check.

use std::process::ExitCode;

use xonadon_engine::FormDefinition;
use xonadon_translit::fill_missing_script;

use crate::{read, CliError};

pub fn cmd_translit(args: &[String]) -> Result<ExitCode, CliError> {
    let mut input = None;
    let mut output = None;
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "-o" | "--out" => {
                output = Some(
                    it.next()
                        .cloned()
                        .ok_or_else(|| CliError::Usage(format!("{a} needs a file name")))?,
                )
            }
            f if input.is_none() && !f.starts_with('-') => input = Some(f.to_string()),
            other => return Err(CliError::Usage(format!("unexpected argument `{other}`"))),
        }
    }
    let input = input.ok_or_else(|| CliError::Usage("translit needs a form".into()))?;
    let mut form = FormDefinition::from_json(&read(&input)?).map_err(|e| CliError::Form {
        path: input.clone(),
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
    let json = serde_json::to_string_pretty(&form).expect("a definition serializes") + "\n";
    match output {
        Some(path) => std::fs::write(&path, json).map_err(|e| CliError::Form {
            path,
            message: format!("cannot write: {e}"),
        })?,
        None => print!("{json}"),
    }
    Ok(ExitCode::SUCCESS)
}
