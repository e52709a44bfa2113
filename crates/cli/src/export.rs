//! `xonadon export BUNDLE.json... --format csv|xlsx|json --out PATH [--labels LANG]`: merges
//! bundles from several tablets and writes them as one bundle, a ZIP of CSV tables or a
//! workbook — the same code as the app's export.

use std::io::Cursor;
use std::process::ExitCode;

use xonadon_export::bundle::{self, BundleSubmission};
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
    /// Bundles exported by the tablets (JSON).
    #[arg(required = true, value_name = "BUNDLE.json")]
    files: Vec<String>,
    #[arg(long, value_enum)]
    format: Format,
    /// The file to write (a ZIP of CSV tables for csv).
    #[arg(long, value_name = "PATH")]
    out: String,
    /// Column headers and answers as labels in this language, not names.
    #[arg(long, value_name = "LANG")]
    labels: Option<String>,
}

pub fn cmd_export(args: Args) -> Result<ExitCode, CliError> {
    let Args {
        files,
        format,
        out,
        labels,
    } = args;
    let mut all = Collection::default();
    for file in &files {
        let bytes = std::fs::read(file).map_err(|source| CliError::Read {
            path: file.clone(),
            source,
        })?;
        let b = bundle::read(file, &bytes).map_err(export_error)?;
        let r = all
            .import(&b)
            .map_err(|e| CliError::Export(format!("{file}: {e}")))?;
        eprintln!(
            "{file}: {} added, {} identical skipped, {} newer reviews, {} conflicts{}",
            r.added,
            r.duplicates,
            r.review_updates,
            r.conflicts,
            if r.new_forms > 0 {
                format!(", {} form version(s)", r.new_forms)
            } else {
                String::new()
            }
        );
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
