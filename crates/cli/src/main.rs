//! `xonadon`: the engine on the command line, for form designers and scripted checks.
//!
//! ```text
//! xonadon check FORM.json...                 every diagnostic; exit 1 on errors
//! xonadon schema                             the JSON Schema of the form format
//! xonadon run FORM.json [--script S.json]    the state after the script, keyed by path
//!             [--now 2026-01-31T09:00:00Z] [--utc-offset MINUTES]
//! xonadon export BUNDLE.json... --format csv|xlsx|json --out PATH [--labels LANG]
//!                                            bundles from many tablets merged and converted
//! xonadon import FORM.xlsx [-o FORM.json]     an XLSForm (.xlsx, .xls, .ods) or an XForm
//!                                            (.xml) as a JSON form
//! xonadon xlsform FORM.json -o FORM.xlsx      a form written back as an XLSForm
//! xonadon translit FORM.json [-o OUT.json]    missing uz-Latn texts from uz-Cyrl (and back)
//! ```

mod export;
mod host;
mod import;
mod translit;

use std::process::ExitCode;
use std::sync::Arc;

use xonadon_engine::{check, load, script, FormDefinition, Instance, Severity};

const USAGE: &str = "usage:
  xonadon check FORM.json...
  xonadon schema
  xonadon run FORM.json [--script SCRIPT.json] [--now DATETIME] [--utc-offset MINUTES]
  xonadon export BUNDLE.json... --format csv|xlsx|json --out PATH [--labels LANG]
  xonadon import FORM.xlsx|FORM.xls|FORM.ods|FORM.xml [-o FORM.json]
  xonadon xlsform FORM.json -o FORM.xlsx
  xonadon translit FORM.json [-o OUT.json]";

#[derive(Debug, thiserror::Error)]
pub(crate) enum CliError {
    #[error("{0}")]
    Usage(String),
    #[error("cannot read {path}: {source}")]
    Read {
        path: String,
        source: std::io::Error,
    },
    #[error("{path}: {message}")]
    Form { path: String, message: String },
    #[error("{0}")]
    Export(String),
    #[error("{path}: {source}")]
    Script {
        path: String,
        source: script::ScriptError,
    },
}

/// `FILE [-o OUT]`: the input, and the output if given; `missing` says what FILE should be.
fn input_and_output(args: &[String], missing: &str) -> Result<(String, Option<String>), CliError> {
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
    let input = input.ok_or_else(|| CliError::Usage(missing.to_string()))?;
    Ok((input, output))
}

fn read(path: &str) -> Result<String, CliError> {
    std::fs::read_to_string(path).map_err(|source| CliError::Read {
        path: path.to_string(),
        source,
    })
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match run(&args) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("xonadon: {e}");
            // 2 only for a wrong command line; anything wrong with the files is 1.
            if matches!(e, CliError::Usage(_)) {
                eprintln!("{USAGE}");
                ExitCode::from(2)
            } else {
                ExitCode::FAILURE
            }
        }
    }
}

fn run(args: &[String]) -> Result<ExitCode, CliError> {
    match args.first().map(String::as_str) {
        Some("check") => cmd_check(&args[1..]),
        Some("schema") => {
            let schema = FormDefinition::json_schema();
            println!(
                "{}",
                serde_json::to_string_pretty(&schema).unwrap_or_default()
            );
            Ok(ExitCode::SUCCESS)
        }
        Some("run") => cmd_run(&args[1..]),
        Some("export") => export::cmd_export(&args[1..]),
        Some("import") => import::cmd_import(&args[1..]),
        Some("xlsform") => import::cmd_xlsform(&args[1..]),
        Some("translit") => translit::cmd_translit(&args[1..]),
        Some("-h" | "--help" | "help") => {
            println!("{USAGE}");
            Ok(ExitCode::SUCCESS)
        }
        Some(other) => Err(CliError::Usage(format!("unknown command `{other}`"))),
        None => Err(CliError::Usage("no command given".into())),
    }
}

/// Prints `FILE: severity: $.path (name): message` for every diagnostic of every form.
fn cmd_check(files: &[String]) -> Result<ExitCode, CliError> {
    if files.is_empty() {
        return Err(CliError::Usage("check needs at least one form".into()));
    }
    let mut errors = 0;
    for file in files {
        let diagnostics = check(&read(file)?);
        let n_errors = diagnostics
            .iter()
            .filter(|d| d.severity == Severity::Error)
            .count();
        errors += n_errors;
        for d in &diagnostics {
            println!("{file}: {d}");
        }
        println!(
            "{file}: {n_errors} error(s), {} warning(s)",
            diagnostics.len() - n_errors
        );
    }
    Ok(if errors > 0 {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    })
}

fn cmd_run(args: &[String]) -> Result<ExitCode, CliError> {
    let mut form_path = None;
    let mut script_path = None;
    let mut now = None;
    let mut offset = 0;
    let mut it = args.iter();
    while let Some(a) = it.next() {
        let mut value = |flag: &str| {
            it.next()
                .cloned()
                .ok_or_else(|| CliError::Usage(format!("{flag} needs a value")))
        };
        match a.as_str() {
            "--script" => script_path = Some(value("--script")?),
            "--now" => now = Some(value("--now")?),
            "--utc-offset" => {
                let v = value("--utc-offset")?;
                offset = v
                    .parse()
                    .map_err(|_| CliError::Usage(format!("--utc-offset: `{v}` is not minutes")))?;
            }
            f if form_path.is_none() && !f.starts_with("--") => form_path = Some(f.to_string()),
            other => return Err(CliError::Usage(format!("unexpected argument `{other}`"))),
        }
    }
    let form_path = form_path.ok_or_else(|| CliError::Usage("run needs a form".into()))?;
    let form = load(&read(&form_path)?).map_err(|e| CliError::Form {
        path: form_path.clone(),
        message: e
            .diagnostics
            .iter()
            .map(|d| d.to_string())
            .collect::<Vec<_>>()
            .join("\n  "),
    })?;
    let host = host::SystemHost::new(now.as_deref(), offset).map_err(CliError::Usage)?;
    let mut instance = Instance::new(Arc::new(form), Arc::new(host));
    if let Some(path) = script_path {
        let steps = script::parse_script(&read(&path)?).map_err(|source| CliError::Script {
            path: path.clone(),
            source,
        })?;
        instance
            .run(&steps)
            .map_err(|source| CliError::Script { path, source })?;
    }
    print_state(&instance);
    Ok(ExitCode::SUCCESS)
}

/// One node per line, as ODK's oracle prints its state, so the two can be diffed.
fn print_state(instance: &Instance) {
    let state = instance.state();
    println!("{{");
    for (i, (path, st)) in state.iter().enumerate() {
        let comma = if i + 1 < state.len() { "," } else { "" };
        let entry = serde_json::to_string(st).unwrap_or_default();
        let key = serde_json::to_string(path).unwrap_or_default();
        println!("  {key}: {entry}{comma}");
    }
    println!("}}");
}
