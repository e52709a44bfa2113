//! `xonadon export BUNDLE.json|BUNDLE.age... --format csv|xlsx|json --out PATH [--labels LANG]
//! [--identity KEY.txt]... [--supervisors FILE]`: merges bundles from several tablets (plain,
//! or encrypted for a supervisor and opened with their key file) and writes them as one
//! bundle, a ZIP of CSV tables or a workbook — the same code as the app's export. Reviews are
//! taken only when signed by a known supervisor (the key files' own, and those listed).

use std::io::Cursor;
use std::process::ExitCode;

use xonadon_export::bundle::{self, BundleSubmission};
use xonadon_export::keys::{SupervisorIdentity, Supervisors};
use xonadon_export::merge::Collection;
use xonadon_export::table::{Layout, Options};
use xonadon_export::{csv_zip, group, xlsx, ExportError};

use crate::CliError;

#[derive(Debug, Clone, Copy, PartialEq, clap::ValueEnum)]
pub enum Format {
    Json,
    Csv,
    Xlsx,
}

fn export_error(e: ExportError) -> CliError {
    CliError::Export(e.to_string())
}

/// `xonadon export`'s command line.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Bundles exported by the tablets: JSON, or encrypted for a supervisor (age).
    #[arg(required = true, value_name = "BUNDLE.json|BUNDLE.age")]
    files: Vec<String>,
    #[arg(long, value_enum)]
    format: Format,
    /// The file to write (a ZIP of CSV tables for csv).
    #[arg(long, value_name = "PATH")]
    out: String,
    /// Column headers and answers as labels in this language, not names.
    #[arg(long, value_name = "LANG")]
    labels: Option<String>,
    /// A supervisor's key file (age identity format, `xonadon keygen`): opens the bundles
    /// encrypted for it, and its own signed reviews are taken.
    #[arg(long, short = 'i', value_name = "KEY.txt")]
    identity: Vec<String>,
    /// The supervisors whose signed reviews are taken, one public key line each
    /// (`age1… ed25519:… NAME`, as `xonadon keygen` prints it).
    #[arg(long, value_name = "FILE")]
    supervisors: Option<String>,
}

/// The key files, and the supervisors whose reviews are taken: the key files' own and the
/// listed ones.
fn keys(
    identity: &[String],
    supervisors: Option<&str>,
) -> Result<(Vec<SupervisorIdentity>, Supervisors), CliError> {
    let identities = identity
        .iter()
        .map(|path| SupervisorIdentity::parse(path, &crate::read(path)?).map_err(export_error))
        .collect::<Result<Vec<_>, _>>()?;
    let mut known = match supervisors {
        Some(path) => Supervisors::parse(path, &crate::read(path)?).map_err(export_error)?,
        None => Supervisors::default(),
    };
    known
        .0
        .extend(identities.iter().map(SupervisorIdentity::public));
    Ok((identities, known))
}

pub fn cmd_export(args: Args) -> Result<ExitCode, CliError> {
    let Args {
        files,
        format,
        out,
        labels,
        identity,
        supervisors,
    } = args;
    let (identities, known) = keys(&identity, supervisors.as_deref())?;
    let mut all = Collection::trusting(known);
    for file in &files {
        let bytes = std::fs::read(file).map_err(|source| CliError::Read {
            path: file.clone(),
            source,
        })?;
        let b = bundle::read_with(file, &bytes, &identities).map_err(export_error)?;
        let r = all
            .import(&b)
            .map_err(|e| CliError::Export(format!("{file}: {e}")))?;
        eprintln!(
            "{file}: {} added, {} identical skipped, {} newer reviews, {} conflicts{}{}",
            r.added,
            r.duplicates,
            r.review_updates,
            r.conflicts,
            if r.new_forms > 0 {
                format!(", {} form version(s)", r.new_forms)
            } else {
                String::new()
            },
            if r.refused_reviews > 0 {
                format!(", {} review(s) refused", r.refused_reviews)
            } else {
                String::new()
            }
        );
        let refused = &all.refused_reviews[all.refused_reviews.len() - r.refused_reviews..];
        for refusal in refused {
            eprintln!("{file}: {refusal}");
        }
    }

    let submissions = all.submission_list();
    let bytes = match format {
        Format::Json => bundle::write(&all.form_list(), &submissions, "xonadon-cli", now_ms())
            .map_err(export_error)?,
        Format::Csv | Format::Xlsx => {
            let forms = all.form_list();
            let groups = group::by_form_version(&forms, submissions.iter().map(|s| &s.submission))
                .map_err(export_error)?;
            let options = Options { labels };
            let parts: Vec<_> = groups
                .iter()
                .map(|g| {
                    let layout = Layout::new(&g.form, &g.name, options.clone());
                    (layout, g.submissions.clone())
                })
                .collect();
            if format == Format::Xlsx {
                xlsx::write(&parts).map_err(export_error)?
            } else {
                let media: Vec<(String, Vec<u8>)> = submissions
                    .iter()
                    .flat_map(|s| s.media.iter().map(|m| (m.name.clone(), m.base64.clone())))
                    .collect();
                csv_zip::write(Cursor::new(Vec::new()), &parts, &media)
                    .map_err(export_error)?
                    .into_inner()
            }
        }
    };
    std::fs::write(&out, bytes)
        .map_err(|e| CliError::Export(format!("cannot write {out}: {e}")))?;
    eprintln!("{out}: {} submission(s)", submissions.len());

    if !all.conflicts.is_empty() {
        // Nothing is dropped: the other copies go to a bundle of their own.
        let path = format!("{out}.conflicts.json");
        let conflicts: Vec<BundleSubmission> = all.conflicts.clone();
        let bytes = bundle::write(&all.form_list(), &conflicts, "xonadon-cli", now_ms())
            .map_err(export_error)?;
        std::fs::write(&path, bytes)
            .map_err(|e| CliError::Export(format!("cannot write {path}: {e}")))?;
        eprintln!(
            "{path}: {} conflicting cop{} (same instance id, different answers) to resolve",
            conflicts.len(),
            if conflicts.len() == 1 { "y" } else { "ies" }
        );
    }
    Ok(ExitCode::SUCCESS)
}

fn now_ms() -> f64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0.0, |d| d.as_millis() as f64)
}

/// `xonadon keygen --name NAME --out KEY.txt`'s command line.
#[derive(Debug, clap::Args)]
pub struct KeygenArgs {
    /// The supervisor's name, as reviews will show it.
    #[arg(long)]
    name: String,
    /// Where to write the secret key (refused if the file exists).
    #[arg(short, long, value_name = "KEY.txt")]
    out: String,
}

/// Makes a supervisor's key pair: the secret into `out` (readable by its owner only), the
/// public key line, for the tablets and the supervisors list, on standard output.
pub fn cmd_keygen(args: KeygenArgs) -> Result<ExitCode, CliError> {
    let identity = SupervisorIdentity::generate(&args.name);
    if identity.name.is_empty() {
        return Err(CliError::Export(
            "--name: the supervisor's name is needed (reviews show it)".into(),
        ));
    }
    let text = identity.to_file(&iso_now());
    write_secret(&args.out, &text)
        .map_err(|e| CliError::Export(format!("cannot write {}: {e}", args.out)))?;
    outln!("{}", identity.public());
    eprintln!(
        "{}: the secret key of {}. Keep it safe: whoever holds it reads the bundles and signs \
         reviews. Give the tablets the public key above.",
        args.out, identity.name
    );
    Ok(ExitCode::SUCCESS)
}

/// Creates `path` (never overwriting one) readable by its owner only.
fn write_secret(path: &str, text: &str) -> std::io::Result<()> {
    use std::io::Write;
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    options.open(path)?.write_all(text.as_bytes())
}

/// Now, as age-keygen writes it in a key file.
fn iso_now() -> String {
    iso_seconds(now_ms())
}

/// `2026-12-07T10:00:00Z` for milliseconds since the Unix epoch.
fn iso_seconds(ms: f64) -> String {
    let seconds = (ms / 1000.0).floor() as i64;
    let (days, rest) = (seconds.div_euclid(86_400), seconds.rem_euclid(86_400));
    let (y, m, d) = xonadon_engine::expr::datetime::civil_from_days(days);
    format!(
        "{y:04}-{m:02}-{d:02}T{:02}:{:02}:{:02}Z",
        rest / 3600,
        rest / 60 % 60,
        rest % 60
    )
}

#[cfg(test)]
mod tests {
    #[test]
    fn key_files_say_when_in_utc_to_the_second() {
        assert_eq!(super::iso_seconds(0.0), "1970-01-01T00:00:00Z");
        assert_eq!(
            super::iso_seconds(1_764_143_112_999.0),
            "2025-11-26T07:45:12Z"
        );
    }
}

#[derive(clap::Args, Debug)]
pub struct RecoverArgs {
    /// The tablet's recovery request: the line it shows (`xonadon-recovery-1:…`), or a file
    /// holding it.
    #[arg(value_name = "REQUEST")]
    request: String,
    /// The organisation's recovery key file (`xonadon keygen`; its public key is the
    /// `recovery_key` of the app's policy.json).
    #[arg(long, value_name = "KEY.txt")]
    identity: String,
}

/// Prints the recovery code that opens a tablet whose PIN is forgotten (docs/cli.md).
pub fn cmd_recover(args: RecoverArgs) -> Result<ExitCode, CliError> {
    let identity = SupervisorIdentity::parse(&args.identity, &crate::read(&args.identity)?)
        .map_err(export_error)?;
    let request = if args
        .request
        .trim()
        .starts_with(xonadon_export::recovery::REQUEST_PREFIX)
    {
        args.request
    } else {
        crate::read(&args.request)?
    };
    let code = xonadon_export::recovery::code(&request, &identity).map_err(export_error)?;
    outln!("{code}");
    eprintln!(
        "The recovery code above opens the tablet once: type it on its unlock screen \
         (\"Forgot the PIN?\"), then the worker sets a new PIN. Give it to the worker only."
    );
    Ok(ExitCode::SUCCESS)
}
