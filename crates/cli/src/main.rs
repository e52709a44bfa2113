//! `xonadon`: the engine on the command line, for form designers and scripted checks.
//!
//! ```text
//! xonadon check FORM.json...                 every diagnostic; exit 1 on errors
//! xonadon schema                             the JSON Schema of the form format
//! xonadon run FORM.json [--script S.json]    the state after the script, keyed by path
//!             [--now 2026-01-31T09:00:00Z] [--utc-offset MINUTES]
//! xonadon export BUNDLE.json|BUNDLE.age... --format csv|xlsx|json --out PATH [--labels LANG]
//!             [--identity KEY.txt]... [--supervisors FILE]
//!                                            bundles from many tablets merged and converted
//! xonadon keygen --name NAME --out KEY.txt    a supervisor's key pair; prints the public key
//! xonadon import FORM.xlsx [-o FORM.json]     an XLSForm (.xlsx, .xls, .ods) or an XForm
//!                                            (.xml) as a JSON form
//! xonadon xlsform FORM.json -o FORM.xlsx      a form written back as an XLSForm
//! xonadon translit FORM.json [-o OUT.json]    missing uz-Latn texts from uz-Cyrl (and back)
//! ```

/// `println!`, except that a closed pipe (`xonadon run … | head`) ends the program quietly
/// with success, as other command-line tools do, instead of a panic and a backtrace. (Resetting
/// SIGPIPE would need `unsafe`, which the workspace forbids.)
macro_rules! outln {
    ($($arg:tt)*) => {
        $crate::write_out(format_args!("{}\n", format_args!($($arg)*)))
    };
}

/// `print!` with the same rule as [`outln!`].
macro_rules! out {
    ($($arg:tt)*) => {
        $crate::write_out(format_args!($($arg)*))
    };
}

mod export;
mod host;
mod import;
mod role;
mod translit;

use std::process::ExitCode;
use std::sync::Arc;

use clap::{Parser, Subcommand};
use xonadon_engine::{check, load, script, FormDefinition, Instance, Severity};

/// The command line, as clap reads it: a wrong one (an unknown command, a missing file, a bad
/// value) is told with the usage and exit status 2; anything wrong with the files is 1.
#[derive(Debug, Parser)]
#[command(
    name = "xonadon",
    version,
    about = "Check, inspect and script Xonadon forms"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Every diagnostic of each form; exit 1 on errors.
    Check {
        #[arg(required = true, value_name = "FORM.json")]
        forms: Vec<String>,
    },
    /// The JSON Schema of the form format.
    Schema,
    /// The state after a script of answers, keyed by path (one node per line).
    Run {
        #[arg(value_name = "FORM.json")]
        form: String,
        /// Answers and actions to apply, in order (docs/cli.md).
        #[arg(long, value_name = "SCRIPT.json")]
        script: Option<String>,
        /// The clock the form sees, e.g. 2026-01-31T09:00:00Z (default: now).
        #[arg(long, value_name = "DATETIME", value_parser = host::parse_now)]
        now: Option<f64>,
        /// The time zone's offset from UTC, in minutes.
        #[arg(
            long,
            value_name = "MINUTES",
            default_value_t = 0,
            allow_negative_numbers = true
        )]
        utc_offset: i32,
    },
    /// Bundles from many tablets merged and converted.
    Export(export::Args),
    /// A supervisor's key pair: the secret into a key file, the public key printed.
    Keygen(export::KeygenArgs),
    /// The recovery code for a tablet whose PIN is forgotten, from its recovery request.
    Recover(export::RecoverArgs),
    /// The policy.json entry that makes the supervisor's or the designer's page ask for a
    /// passphrase (read from standard input).
    RolePassphrase(role::RoleArgs),
    /// An XLSForm (.xlsx, .xls, .ods) or an XForm (.xml) as a JSON form.
    Import {
        #[arg(value_name = "FORM.xlsx|FORM.xml")]
        file: String,
        /// Where to write the JSON form (default: standard output).
        #[arg(short, long, value_name = "FORM.json")]
        out: Option<String>,
    },
    /// A form written back as an XLSForm.
    Xlsform {
        #[arg(value_name = "FORM.json")]
        form: String,
        #[arg(short, long, value_name = "FORM.xlsx")]
        out: String,
    },
    /// Missing uz-Latn texts from uz-Cyrl (and back), each listed for a person to check.
    Translit {
        #[arg(value_name = "FORM.json")]
        form: String,
        /// Where to write the form (default: standard output).
        #[arg(short, long, value_name = "OUT.json")]
        out: Option<String>,
    },
}

#[derive(Debug, thiserror::Error)]
pub(crate) enum CliError {
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

fn read(path: &str) -> Result<String, CliError> {
    std::fs::read_to_string(path).map_err(|source| CliError::Read {
        path: path.to_string(),
        source,
    })
}

/// Writes to standard output; a reader that went away ends the program with success.
pub(crate) fn write_out(args: std::fmt::Arguments) {
    use std::io::Write;
    if let Err(e) = std::io::stdout().lock().write_fmt(args) {
        if e.kind() == std::io::ErrorKind::BrokenPipe {
            std::process::exit(0);
        }
        eprintln!("xonadon: cannot write to standard output: {e}");
        std::process::exit(1);
    }
}

fn main() -> ExitCode {
    // clap prints a wrong command line with the usage and exits with 2.
    let cli = Cli::parse();
    match run(cli.command) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("xonadon: {e}");
            ExitCode::FAILURE
        }
    }
}

fn run(command: Command) -> Result<ExitCode, CliError> {
    match command {
        Command::Check { forms } => cmd_check(&forms),
        Command::Schema => {
            let schema = FormDefinition::json_schema();
            outln!(
                "{}",
                serde_json::to_string_pretty(&schema).unwrap_or_default()
            );
            Ok(ExitCode::SUCCESS)
        }
        Command::Run {
            form,
            script,
            now,
            utc_offset,
        } => cmd_run(&form, script.as_deref(), now, utc_offset),
        Command::Export(args) => export::cmd_export(args),
        Command::Keygen(args) => export::cmd_keygen(args),
        Command::Recover(args) => export::cmd_recover(args),
        Command::RolePassphrase(args) => role::cmd_role_passphrase(args),
        Command::Import { file, out } => import::cmd_import(&file, out),
        Command::Xlsform { form, out } => import::cmd_xlsform(&form, &out),
        Command::Translit { form, out } => translit::cmd_translit(&form, out),
    }
}

/// Prints `FILE: severity: $.path (name): message` for every diagnostic of every form.
fn cmd_check(files: &[String]) -> Result<ExitCode, CliError> {
    let mut errors = 0;
    for file in files {
        let diagnostics = check(&read(file)?);
        let n_errors = diagnostics
            .iter()
            .filter(|d| d.severity == Severity::Error)
            .count();
        errors += n_errors;
        for d in &diagnostics {
            outln!("{file}: {d}");
        }
        outln!(
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

fn cmd_run(
    form_path: &str,
    script_path: Option<&str>,
    now: Option<f64>,
    offset: i32,
) -> Result<ExitCode, CliError> {
    let form = load(&read(form_path)?).map_err(|e| CliError::Form {
        path: form_path.to_string(),
        message: e
            .diagnostics
            .iter()
            .map(|d| d.to_string())
            .collect::<Vec<_>>()
            .join("\n  "),
    })?;
    let host = host::SystemHost::new(now, offset);
    let mut instance = Instance::new(Arc::new(form), Arc::new(host));
    if let Some(path) = script_path {
        let steps = script::parse_script(&read(path)?).map_err(|source| CliError::Script {
            path: path.to_string(),
            source,
        })?;
        instance.run(&steps).map_err(|source| CliError::Script {
            path: path.to_string(),
            source,
        })?;
    }
    print_state(&instance);
    Ok(ExitCode::SUCCESS)
}

/// One node per line, as ODK's oracle prints its state, so the two can be diffed.
fn print_state(instance: &Instance) {
    let state = instance.state();
    outln!("{{");
    for (i, (path, st)) in state.iter().enumerate() {
        let comma = if i + 1 < state.len() { "," } else { "" };
        let entry = serde_json::to_string(st).unwrap_or_default();
        let key = serde_json::to_string(path).unwrap_or_default();
        outln!("  {key}: {entry}{comma}");
    }
    outln!("}}");
}
