//! Exports read from a repository a page at a time, so that 10,000 submissions never sit in
//! memory at once: tables (a CSV ZIP or a workbook) read them once per table, a bundle once.
//! Between pages the caller hears how far it got and may cancel.

use std::borrow::Cow;
use std::collections::{HashMap, HashSet};
use std::io::{Seek, Write};

use xonadon_storage::{Repository, StorageError, Submission};

use crate::bundle::{BundleMedia, BundleSubmission, BundleWriter};
use crate::csv_zip::CsvZip;
use crate::table::Layout;
use crate::xlsx::Xlsx;
use crate::ExportError;

/// Where a table export goes, a table at a time: a [`CsvZip`] or an [`Xlsx`] workbook.
pub trait Tables {
    /// Starts `layout`'s table `table` (a CSV file, a sheet).
    fn begin(&mut self, layout: &Layout, table: usize) -> Result<(), ExportError>;
    /// The rows `submission` has in the table begun last.
    fn submission(&mut self, layout: &Layout, submission: &Submission) -> Result<(), ExportError>;
    /// Whether the format keeps photos (a workbook has no place for them: they are not read).
    fn keeps_media(&self) -> bool;
    /// A photo, after the tables.
    fn media(&mut self, name: &str, bytes: &[u8]) -> Result<(), ExportError>;
}

impl<W: Write + Seek> Tables for CsvZip<W> {
    fn begin(&mut self, layout: &Layout, table: usize) -> Result<(), ExportError> {
        CsvZip::begin(self, layout, table)
    }
    fn submission(&mut self, layout: &Layout, s: &Submission) -> Result<(), ExportError> {
        CsvZip::submission(self, layout, s)
    }
    fn keeps_media(&self) -> bool {
        true
    }
    fn media(&mut self, name: &str, bytes: &[u8]) -> Result<(), ExportError> {
        CsvZip::media(self, name, bytes)
    }
}

impl<W: Write + Seek> Tables for Xlsx<W> {
    fn begin(&mut self, layout: &Layout, table: usize) -> Result<(), ExportError> {
        Xlsx::begin(self, layout, table)
    }
    fn submission(&mut self, layout: &Layout, s: &Submission) -> Result<(), ExportError> {
        Xlsx::submission(self, layout, s)
    }
    fn keeps_media(&self) -> bool {
        false
    }
    fn media(&mut self, _: &str, _: &[u8]) -> Result<(), ExportError> {
        Ok(())
    }
}

/// Submissions read per page.
pub const PAGE: u32 = 200;

/// Told how far an export got; asked whether to stop.
pub trait Progress {
    /// `done` of `total` steps (a step: one submission written to one table, or to a bundle).
    fn step(&mut self, done: usize, total: usize);
    fn cancelled(&self) -> bool;
}

/// A progress nobody watches.
pub struct Quiet;

impl Progress for Quiet {
    fn step(&mut self, _: usize, _: usize) {}
    fn cancelled(&self) -> bool {
        false
    }
}

fn read_error(e: StorageError) -> ExportError {
    ExportError::Read(e.to_string())
}

/// The submissions of `repo` a page at a time, in instance id order.
struct Pages<'r, R> {
    repo: &'r R,
    after: Option<String>,
    finished: bool,
}

impl<'r, R: Repository> Pages<'r, R> {
    fn new(repo: &'r R) -> Self {
        Pages {
            repo,
            after: None,
            finished: false,
        }
    }

    async fn next(&mut self) -> Result<Option<Vec<Submission>>, ExportError> {
        if self.finished {
            return Ok(None);
        }
        let page = self
            .repo
            .submissions_page(self.after.as_deref(), PAGE)
            .await
            .map_err(read_error)?;
        match page.last() {
            Some(last) => self.after = Some(last.instance_id.clone()),
            None => self.finished = true,
        }
        Ok((!page.is_empty()).then_some(page))
    }
}

/// Every table of every layout with its submissions, already in memory (the CLI, tests): what
/// [`tables`] writes from a repository. A layout with a select_multiple over answers first
/// learns its choice columns from the submissions ([`Layout::learn`]).
pub fn all_tables<T: Tables>(
    out: &mut T,
    parts: &[(Layout, Vec<&Submission>)],
) -> Result<(), ExportError> {
    for (layout, submissions) in parts {
        let layout = layout.learned(submissions);
        for table in 0..layout.tables.len() {
            out.begin(&layout, table)?;
            for s in submissions {
                out.submission(&layout, s)?;
            }
        }
    }
    Ok(())
}

/// Whether `s` is among `ids` and filled with the form version `key` (`(form_id, version)`).
fn belongs(s: &Submission, ids: &HashSet<String>, key: &(String, String)) -> bool {
    ids.contains(&s.instance_id) && s.form_id == key.0 && s.form_version == key.1
}

/// The tables of the submissions `ids` into `out`: for each layout (one per form version,
/// with its `(form_id, version)`), each table, the matching submissions; then their photos
/// when the format keeps them. A layout with a select_multiple over answers first reads its
/// submissions once to learn its choice columns ([`Layout::learn`]).
pub async fn tables<R: Repository, T: Tables>(
    repo: &R,
    layouts: &[(Layout<'_>, (String, String))],
    ids: &HashSet<String>,
    zip: &mut T,
    progress: &mut dyn Progress,
) -> Result<(), ExportError> {
    let passes: usize = layouts
        .iter()
        .map(|(l, _)| l.tables.len() + usize::from(l.learns_choices()))
        .sum();
    let total = ids.len() * passes;
    let mut done = 0;
    for (layout, key) in layouts {
        let mut layout = Cow::Borrowed(layout);
        if layout.learns_choices() {
            let learning = layout.to_mut();
            let mut pages = Pages::new(repo);
            while let Some(page) = pages.next().await? {
                for s in page.iter().filter(|s| belongs(s, ids, key)) {
                    learning.learn(s);
                    done += 1;
                }
                progress.step(done, total);
                if progress.cancelled() {
                    return Err(ExportError::Cancelled);
                }
            }
        }
        for table in 0..layout.tables.len() {
            zip.begin(&layout, table)?;
            let mut pages = Pages::new(repo);
            while let Some(page) = pages.next().await? {
                for s in page.iter().filter(|s| belongs(s, ids, key)) {
                    zip.submission(&layout, s)?;
                    done += 1;
                }
                progress.step(done, total);
                if progress.cancelled() {
                    return Err(ExportError::Cancelled);
                }
            }
        }
    }
    if !zip.keeps_media() {
        return Ok(());
    }
    for (name, owner) in repo.media_index().await.map_err(read_error)? {
        if ids.contains(&owner) {
            if let Some(m) = repo.get_media(&name).await.map_err(read_error)? {
                zip.media(&m.name, &m.bytes)?;
            }
        }
    }
    Ok(())
}

/// The names of the files of each submission among `ids`, from one read of the index.
async fn media_names<R: Repository>(
    repo: &R,
    ids: &HashSet<String>,
) -> Result<HashMap<String, Vec<String>>, ExportError> {
    let mut names: HashMap<String, Vec<String>> = HashMap::new();
    for (name, owner) in repo.media_index().await.map_err(read_error)? {
        if ids.contains(&owner) {
            names.entry(owner).or_default().push(name);
        }
    }
    Ok(names)
}

/// The submissions `ids` with their photos into `writer`, in instance id order.
pub async fn bundle<R: Repository, W: Write>(
    repo: &R,
    ids: &HashSet<String>,
    mut writer: BundleWriter<W>,
    progress: &mut dyn Progress,
) -> Result<W, ExportError> {
    let names = media_names(repo, ids).await?;
    let mut done = 0;
    let mut pages = Pages::new(repo);
    while let Some(page) = pages.next().await? {
        for s in page.iter().filter(|s| ids.contains(&s.instance_id)) {
            let mut media = Vec::new();
            for name in names.get(&s.instance_id).into_iter().flatten() {
                if let Some(m) = repo.get_media(name).await.map_err(read_error)? {
                    media.push(BundleMedia::from_media(&m));
                }
            }
            writer.submission(&BundleSubmission::new(s, media))?;
            done += 1;
        }
        progress.step(done, ids.len());
        if progress.cancelled() {
            return Err(ExportError::Cancelled);
        }
    }
    writer.finish()
}
