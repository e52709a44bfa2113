//! `xonadon role-passphrase --role supervisor|designer`: what an organisation puts in the
//! app's policy.json so that the supervisor's or the designer's page asks for a passphrase
//! only the organisation gave out (a field worker cannot set it, so cannot approve their own
//! work). The passphrase is read from standard input (or a file), never from the command line,
//! where other users and the shell history would see it.

use std::process::ExitCode;

use xonadon_storage::passphrase;

use crate::CliError;

/// The shortest role passphrase accepted.
const MIN_CHARS: usize = 10;

#[derive(clap::ValueEnum, Clone, Copy, Debug)]
pub enum Role {
    Supervisor,
    Designer,
}

impl Role {
    fn name(self) -> &'static str {
        match self {
            Role::Supervisor => "supervisor",
            Role::Designer => "designer",
        }
    }
}

#[derive(clap::Args, Debug)]
pub struct RoleArgs {
    /// Whose page the passphrase opens.
    #[arg(long, value_enum)]
    role: Role,
    /// A file whose first line is the passphrase (default: standard input's first line).
    #[arg(long, value_name = "FILE")]
    passphrase_file: Option<String>,
}

pub fn cmd_role_passphrase(args: RoleArgs) -> Result<ExitCode, CliError> {
    let text = match &args.passphrase_file {
        Some(path) => crate::read(path)?,
        None => std::io::read_to_string(std::io::stdin()).map_err(|e| CliError::Read {
            path: "standard input".into(),
            source: e,
        })?,
    };
    let passphrase = text
        .lines()
        .next()
        .unwrap_or_default()
        .trim_end_matches('\r');
    if passphrase.chars().count() < MIN_CHARS {
        return Err(CliError::Export(format!(
            "the passphrase needs at least {MIN_CHARS} characters (it is read from the first \
             line of {})",
            args.passphrase_file.as_deref().unwrap_or("standard input")
        )));
    }
    let role = args.role.name();
    let sealed = passphrase::seal(passphrase::role_check(role).as_bytes(), passphrase)
        .map_err(|e| CliError::Export(e.to_string()))?;
    let entry = serde_json::to_string(&sealed).map_err(|e| CliError::Export(e.to_string()))?;
    outln!("\"{role}_passphrase\": {entry}");
    eprintln!(
        "Put the line above into policy.json (beside its other settings) and rebuild the app."
    );
    Ok(ExitCode::SUCCESS)
}
