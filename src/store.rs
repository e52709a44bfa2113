//! The app's records in IndexedDB (through `xonadon-storage`), and the autosave that writes a
//! draft after every change, as soon as the write before it is done, and at once when the page
//! is hidden or closed.
//!
//! IndexedDB is asynchronous: a write started as the page is closed, or one still in flight,
//! may never complete. So every change is also written at once, synchronously, to a journal in
//! localStorage (one entry per draft). At start-up a journal entry newer than its draft in
//! IndexedDB replaces it; once IndexedDB holds the change, the entry is removed. A journal
//! entry never brings back a draft that is gone from IndexedDB (deleted or finalized).
//!
//! Beside IndexedDB, a second copy of each draft and unexported submission is kept in the
//! Origin Private File System (`second_copy`), written after each confirmed write; at start-up
//! what IndexedDB lost comes back from it, and it tells a draft IndexedDB lost (its journal
//! entry replayed) from one finalized or deleted (its entry dropped).

use std::collections::{HashMap, HashSet};
use std::rc::Rc;

use crate::at_rest::AtRest;
use crate::second_copy::{self, plan};
use crate::space;
use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use xonadon_export::bundle::BundleWriter;
use xonadon_export::stream::{self, Progress, Tables};
use xonadon_export::table::Layout;
use xonadon_export::ExportError;
use xonadon_storage::seal::DataKey;
use xonadon_storage::{
    Conflict, Draft, ExportRecord, FormRecord, Import, Media, Repository, Resolution, Review,
    StorageError, Submission,
};

/// IndexedDB in the browser. The app only runs there; on the host (clippy, `cargo test`) the
/// in-memory repository stands in so the crate still builds.
#[cfg(target_arch = "wasm32")]
type Repo = xonadon_storage::IdbRepository;
#[cfg(not(target_arch = "wasm32"))]
type Repo = xonadon_storage::MemoryRepository;

/// A problem to show the worker, in their language (`i18n::notice_message`): the one way
/// errors reach the screen.
#[derive(Debug, Clone, PartialEq)]
pub enum Notice {
    Storage(StorageError),
    /// A stored form (or the built-in one) that the engine does not load; `detail` is the
    /// engine's diagnostics, for the form's designer.
    FormDoesNotLoad {
        form_id: String,
        version: String,
        detail: String,
    },
    /// A draft whose form version is not on this device.
    FormMissing {
        form_id: String,
        version: String,
    },
    /// A draft its form cannot restore (answers that no longer fit it).
    DraftUnreadable {
        detail: String,
    },
    /// IndexedDB had lost records (or could not read them) that the second copy held: they
    /// are back.
    Restored {
        drafts: usize,
        submissions: usize,
        /// Photos, audit logs.
        files: usize,
    },
    /// The browser's share of the device is nearly used up.
    SpaceShort(space::Usage),
}

impl Notice {
    pub fn text(&self, language: &str) -> String {
        crate::i18n::notice_message(language, self)
    }
}

/// A storage failure already on screen (through [`Store::report`]): the caller only stops.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Shown;

/// The database handle and what the screens show of storage: the last error and a revision
/// that moves whenever the lists (drafts, submissions) change. Every read and write of the
/// app's records goes through it (the place encryption at rest will wrap): a failure is shown
/// on screen, and a write that changes a list moves `revision` itself.
#[derive(Clone, Copy)]
pub struct Store {
    repo: StoredValue<Option<Rc<Repo>>, LocalStorage>,
    /// How answers are kept now (clear, sealed, locked): the repository's records and the
    /// journal follow it together (`unlock`, `lock`).
    at_rest: StoredValue<AtRest, LocalStorage>,
    /// What went wrong with storage (or with a stored form), on screen until a write succeeds.
    pub error: RwSignal<Option<Notice>>,
    /// Moves after every write that changes a list; list views track it.
    pub revision: RwSignal<u64>,
    /// When a draft last reached IndexedDB (the filling screen's "saved" line).
    pub saved_at: RwSignal<Option<f64>>,
    /// What the worker should know that is no failure (records restored from the second
    /// copy), on screen until the page is left.
    pub warning: RwSignal<Option<Notice>>,
    /// The storage nearly full, as last estimated (`space`).
    pub space: RwSignal<Option<space::Usage>>,
    /// How much storage is used, as last estimated (shown on the home screen).
    pub usage: RwSignal<Option<space::Usage>>,
    /// When storage was last estimated (milliseconds).
    estimated_at: StoredValue<Option<f64>>,
}

impl Store {
    pub fn new() -> Store {
        Store {
            repo: StoredValue::new_local(None),
            at_rest: StoredValue::new_local(AtRest::Locked),
            error: RwSignal::new(None),
            revision: RwSignal::new(0),
            saved_at: RwSignal::new(None),
            warning: RwSignal::new(None),
            space: RwSignal::new(None),
            usage: RwSignal::new(None),
            estimated_at: StoredValue::new(None),
        }
    }

    /// Opens the device's database and asks the browser to keep it under storage pressure
    /// (`navigator.storage.persist()`: without it Chrome may evict IndexedDB when the disk
    /// runs short; it may say no, and the app works the same).
    pub async fn open(&self) -> Result<(), StorageError> {
        #[cfg(target_arch = "wasm32")]
        let repo = Repo::open(xonadon_storage::DATABASE_NAME).await?;
        #[cfg(target_arch = "wasm32")]
        let _granted = xonadon_storage::request_persistent_storage().await;
        #[cfg(not(target_arch = "wasm32"))]
        let repo = Repo::new();
        self.repo.set_value(Some(Rc::new(repo)));
        self.watch_space();
        Ok(())
    }

    /// Opens the database again, under the lock's state as it is: the browser closes the
    /// connection under the app when the disk is full, and every later transaction on it
    /// fails, even once space is back. `None` if it does not open (still full) or locked.
    async fn reopen(&self) -> Option<Rc<Repo>> {
        #[cfg(target_arch = "wasm32")]
        {
            let key = match self.at_rest() {
                AtRest::Open(key) => Some(key),
                AtRest::Clear => None,
                AtRest::Locked => return None,
            };
            let repo = Repo::open(xonadon_storage::DATABASE_NAME).await.ok()?;
            repo.set_key(key);
            let repo = Rc::new(repo);
            self.repo.set_value(Some(Rc::clone(&repo)));
            Some(repo)
        }
        #[cfg(not(target_arch = "wasm32"))]
        None
    }

    /// Runs the write `op`, and once more on a database opened again if it failed in a way
    /// a closed connection explains (`StorageError::worth_reopening`).
    async fn write<T, F, Fut>(&self, repo: Rc<Repo>, op: F) -> Result<T, StorageError>
    where
        F: Fn(Rc<Repo>) -> Fut,
        Fut: std::future::Future<Output = Result<T, StorageError>>,
    {
        match op(repo).await {
            Err(e) if e.worth_reopening() => match self.reopen().await {
                Some(repo) => op(repo).await,
                None => Err(e),
            },
            done => done,
        }
    }

    /// Estimates how full storage is, unless it was done in the last [`space::EVERY_MS`].
    pub fn watch_space(&self) {
        let now = js_sys::Date::now();
        if !space::due(self.estimated_at.get_value(), now) {
            return;
        }
        self.estimated_at.set_value(Some(now));
        let (shown, used) = (self.space, self.usage);
        spawn_local(async move {
            if let Some((usage, quota)) = space::estimate().await {
                shown.set(space::short(usage, quota));
                used.set(space::usage(usage, quota));
            }
        });
    }

    fn repo(&self) -> Option<Rc<Repo>> {
        self.repo.get_value()
    }

    /// How answers are kept now.
    pub fn at_rest(&self) -> AtRest {
        self.at_rest.get_value()
    }

    /// Starts keeping answers under `key` (`None`: a device without a PIN, in clear): records
    /// still in clear (written before the PIN was set, or by an older Xonadon) are sealed in
    /// place, IndexedDB's and the journal's and the last-saved copies, each record on its own
    /// so a kill midway loses nothing. A failure is on screen; the app works on regardless
    /// (the records left in clear are sealed at the next unlock).
    pub async fn unlock(&self, key: Option<DataKey>) {
        let Some(repo) = self.repo() else { return };
        let at_rest = match key {
            Some(key) => AtRest::Open(key),
            None => AtRest::Clear,
        };
        #[cfg(target_arch = "wasm32")]
        {
            repo.set_key(match &at_rest {
                AtRest::Open(key) => Some(key.clone()),
                _ => None,
            });
            if matches!(at_rest, AtRest::Open(_)) {
                self.report(repo.seal_all().await);
            }
        }
        #[cfg(not(target_arch = "wasm32"))]
        let _ = repo;
        at_rest.seal_all(journal::KIND, journal::PREFIX);
        at_rest.seal_all(crate::last_saved::KIND, crate::last_saved::PREFIX);
        second_copy::seal_all(&at_rest).await;
        self.at_rest.set_value(at_rest);
    }

    /// Forgets the data key: nothing that holds answers is read or written until [`unlock`].
    /// The journal already holds every change sealed (it is written at each one), so the
    /// screens can go without losing an answer.
    ///
    /// [`unlock`]: Store::unlock
    pub fn lock(&self) {
        self.at_rest.set_value(AtRest::Locked);
        #[cfg(target_arch = "wasm32")]
        if let Some(repo) = self.repo() {
            repo.lock();
        }
    }

    /// Shows `notice` until the next successful write.
    pub fn show(&self, notice: Notice) {
        self.error.set(Some(notice));
    }

    fn changed(&self) {
        self.revision.update(|r| *r += 1);
    }

    /// The form version `form_id`/`version`, if the device has it (`Ok(None)`: it has not).
    pub async fn form(&self, form_id: &str, version: &str) -> Result<Option<FormRecord>, Shown> {
        let repo = self.repo().ok_or(Shown)?;
        self.report(repo.get_form(form_id, version).await)
            .ok_or(Shown)
    }

    /// Stores a form version (the same text again is fine; another text under the same
    /// version is refused, and said: a version is immutable).
    pub async fn put_form(&self, form: &FormRecord) -> bool {
        let Some(repo) = self.repo() else {
            return false;
        };
        let ok = self.report(repo.put_form(form).await).is_some();
        if ok {
            second_copy::form_saved(&self.at_rest(), form).await;
        }
        self.changed();
        ok
    }

    /// The drafts and the finalized submissions on the device, for the home screen.
    pub async fn drafts_and_submissions(&self) -> (Vec<Draft>, Vec<Submission>) {
        let Some(repo) = self.repo() else {
            return (Vec::new(), Vec::new());
        };
        let drafts = self.report(repo.list_drafts().await).unwrap_or_default();
        let submissions = self
            .report(repo.list_submissions().await)
            .unwrap_or_default();
        (drafts, submissions)
    }

    /// The draft `id`, if it is still a draft (a link or the Back button may name one that
    /// was finalized or deleted since).
    pub async fn draft(&self, id: &str) -> Option<Draft> {
        let repo = self.repo()?;
        self.report(repo.get_draft(id).await).flatten()
    }

    /// A stored file (a photo, a recording, a form's picture).
    pub async fn media(&self, name: &str) -> Option<Media> {
        let repo = self.repo()?;
        self.report(repo.get_media(name).await).flatten()
    }

    /// Stores a file (a draft's photo or recording, its audit log).
    pub async fn put_media(&self, media: &Media) -> bool {
        let Some(repo) = self.repo() else {
            return false;
        };
        let ok = self.report(repo.put_media(media).await).is_some();
        if ok {
            second_copy::media_saved(&self.at_rest(), media).await;
        }
        ok
    }

    /// Records the outcome of a write: an error stays on screen until a write succeeds.
    pub fn report<T>(&self, result: Result<T, StorageError>) -> Option<T> {
        match result {
            Ok(v) => {
                if self.error.get_untracked().is_some() {
                    self.error.set(None);
                }
                Some(v)
            }
            Err(e) => {
                let shown = match self.error.get_untracked() {
                    Some(Notice::Storage(shown)) => Some(shown),
                    _ => None,
                };
                let e = space::while_full(shown.as_ref(), e);
                self.error.set(Some(Notice::Storage(e)));
                None
            }
        }
    }

    pub async fn save_draft(&self, draft: &Draft) -> bool {
        let Some(repo) = self.repo() else {
            return false;
        };
        let ok = match self
            .write(repo, |r| async move { r.put_draft(draft).await })
            .await
        {
            // A save that was on its way when the worker finalized: the form is done, and
            // its journal entry must not bring the draft back either.
            Err(StorageError::AlreadyFinalized(_)) => {
                journal::remove(&draft.id);
                false
            }
            result => self.report(result).is_some(),
        };
        if ok {
            self.saved_at.set(Some(js_sys::Date::now()));
            journal::saved(&self.at_rest(), draft);
            second_copy::draft_saved(&self.at_rest(), draft).await;
            self.watch_space();
        }
        self.changed();
        ok
    }

    /// Puts back into IndexedDB what it lost and the second copy holds, then moves journal
    /// entries newer than their drafts into IndexedDB (after a crash, a closed tab or a flat
    /// battery), and drops the others. A draft IndexedDB lost comes back from its journal
    /// entry too, unless the second copy says it was finalized or deleted.
    pub async fn recover(&self) {
        let Some(repo) = self.repo() else { return };
        let held = second_copy::read(&self.at_rest()).await;
        let mut gone = HashSet::new();
        if let Some(held) = &held {
            gone.extend(held.gone.iter().cloned());
            // A draft's id is its submission's: a submission held means the draft is done.
            gone.extend(held.submissions.iter().map(|s| s.instance_id.clone()));
            self.restore(&repo, held).await;
        }
        for entry in journal::all(&self.at_rest()) {
            let database = match repo.get_draft(&entry.id).await {
                Ok(Some(saved)) => Some(plan::InDatabase::At(saved.updated_at_ms)),
                Ok(None) => Some(plan::InDatabase::Missing),
                Err(StorageError::Corrupt(_)) => Some(plan::InDatabase::Unreadable),
                Err(e) => self.report::<()>(Err(e)).map(|_| plan::InDatabase::Missing),
            };
            let knows_gone = held.as_ref().map(|_| gone.contains(&entry.id));
            match plan::journal_fate(database, entry.updated_at_ms, knows_gone) {
                plan::JournalFate::Replay => {
                    self.save_draft(&entry).await;
                }
                plan::JournalFate::Drop => journal::remove(&entry.id),
                plan::JournalFate::Keep => {} // storage failed: kept for the next start
            }
        }
        if let Some(held) = &held {
            self.tidy_copy(&repo, held).await;
        }
    }

    /// Drops from the second copy what is no longer needed: the marks of drafts gone for
    /// good or never gone, and submissions exported long ago with their files.
    async fn tidy_copy(&self, repo: &Rc<Repo>, held: &second_copy::Held) {
        for id in &held.gone {
            let database = match repo.get_draft(id).await {
                Ok(Some(d)) => Some(plan::InDatabase::At(d.updated_at_ms)),
                Ok(None) => Some(plan::InDatabase::Missing),
                Err(StorageError::Corrupt(_)) => Some(plan::InDatabase::Unreadable),
                Err(_) => None,
            };
            match plan::gone_mark(database) {
                plan::GoneMark::Stale => second_copy::forget_gone(id).await,
                plan::GoneMark::Done if !held.drafts.iter().any(|d| &d.id == id) => {
                    second_copy::forget_gone(id).await
                }
                plan::GoneMark::Done => {} // the finalize or delete was cut short: both kept
                plan::GoneMark::Keep => {}
            }
        }
        // Whether a submission's copies (its record's and its files') may go, by its id.
        let now = js_sys::Date::now();
        let mut expired: HashMap<String, bool> = HashMap::new();
        for id in held
            .submissions
            .iter()
            .map(|s| s.instance_id.as_str())
            .chain(
                held.media
                    .iter()
                    .filter_map(|m| Some(plan::split_media_id(m)?.0)),
            )
        {
            if expired.contains_key(id) {
                continue;
            }
            let saved = repo.get_submission(id).await;
            let due = matches!(&saved, Ok(Some(s))
                if plan::copy_expired(s.exports.iter().map(|e| e.at_ms), now));
            expired.insert(id.to_string(), due);
        }
        for s in &held.submissions {
            if expired.get(&s.instance_id) == Some(&true) {
                second_copy::forget_submission(&s.instance_id).await;
            }
        }
        for id in &held.media {
            let owner = plan::split_media_id(id).map(|(owner, _)| owner);
            if owner.is_some_and(|o| expired.get(o) == Some(&true)) {
                second_copy::forget_media(id).await;
            }
        }
    }

    /// Writes back into IndexedDB the records of the second copy it lost or cannot read,
    /// and tells the worker.
    async fn restore(&self, repo: &Rc<Repo>, held: &second_copy::Held) {
        let in_database = |found: Result<Option<f64>, StorageError>| match found {
            Ok(Some(at)) => Some(plan::InDatabase::At(at)),
            Ok(None) => Some(plan::InDatabase::Missing),
            Err(StorageError::Corrupt(_)) => Some(plan::InDatabase::Unreadable),
            Err(_) => None, // storage failed: nothing to decide on
        };
        // Forms first: a draft does not open without its form. They hold no answers, so
        // their coming back is not announced.
        for f in &held.forms {
            if matches!(repo.get_form(&f.form_id, &f.version).await, Ok(None)) {
                self.report(repo.put_form(f).await);
            }
        }
        let (mut drafts, mut submissions) = (0, 0);
        for s in &held.submissions {
            let found = repo.get_submission(&s.instance_id).await;
            let found = found.map(|f| f.map(|s| s.finalized_at_ms));
            if in_database(found).is_some_and(plan::restore_submission)
                && self.report(repo.put_submission(s).await).is_some()
            {
                submissions += 1;
            }
        }
        for d in &held.drafts {
            let gone =
                held.gone.contains(&d.id) || held.submissions.iter().any(|s| s.instance_id == d.id);
            let found = repo
                .get_draft(&d.id)
                .await
                .map(|f| f.map(|d| d.updated_at_ms));
            let due =
                in_database(found).is_some_and(|db| plan::restore_draft(db, d.updated_at_ms, gone));
            // IndexedDB's `finalized` store refuses a draft it knows was finalized.
            if due && repo.put_draft(d).await.is_ok() {
                drafts += 1;
            }
        }
        let files = self.restore_media(repo, held).await;
        if drafts + submissions + files > 0 {
            self.warning.set(Some(Notice::Restored {
                drafts,
                submissions,
                files,
            }));
            self.changed();
        }
    }

    /// Writes back the files IndexedDB lost whose draft or submission it holds (the copy's
    /// records were put back just before); returns how many.
    async fn restore_media(&self, repo: &Rc<Repo>, held: &second_copy::Held) -> usize {
        let Ok(index) = repo.media_index().await else {
            return 0;
        };
        let in_database: HashSet<&str> = index.iter().map(|(name, _)| name.as_str()).collect();
        let mut owners: HashMap<String, bool> = HashMap::new();
        let mut files = 0;
        for id in &held.media {
            let Some((owner, name)) = plan::split_media_id(id) else {
                continue;
            };
            if in_database.contains(name) || !self.owner_held(repo, owner, &mut owners).await {
                continue;
            }
            let Some(media) = second_copy::read_media(&self.at_rest(), id).await else {
                continue;
            };
            if self.report(repo.put_media(&media).await).is_some() {
                files += 1;
            }
        }
        files
    }

    /// Whether IndexedDB holds the draft or submission `owner` (answers remembered in `seen`).
    async fn owner_held(
        &self,
        repo: &Rc<Repo>,
        owner: &str,
        seen: &mut HashMap<String, bool>,
    ) -> bool {
        if let Some(held) = seen.get(owner) {
            return *held;
        }
        let held = matches!(repo.get_draft(owner).await, Ok(Some(_)))
            || matches!(repo.get_submission(owner).await, Ok(Some(_)));
        seen.insert(owner.to_string(), held);
        held
    }

    pub async fn finalize(&self, draft_id: &str, submission: &Submission) -> bool {
        let Some(repo) = self.repo() else {
            return false;
        };
        second_copy::draft_going(draft_id).await;
        let ok = self
            .report(
                self.write(repo.clone(), |r| async move {
                    r.finalize(draft_id, submission).await
                })
                .await,
            )
            .is_some();
        if ok {
            journal::remove(draft_id);
            second_copy::submission_saved(&self.at_rest(), submission).await;
            // The files are the submission's now (IndexedDB moved them): copied as such.
            if let Ok(files) = repo.list_media_of(&submission.instance_id).await {
                for file in &files {
                    second_copy::media_saved(&self.at_rest(), file).await;
                }
            }
            if draft_id != submission.instance_id {
                second_copy::media_gone(draft_id).await;
            }
            second_copy::draft_gone(draft_id).await;
            self.watch_space();
        } else {
            second_copy::draft_kept(draft_id).await;
        }
        self.changed();
        ok
    }

    /// Deletes a draft and its photos.
    pub async fn delete_draft(&self, id: &str) {
        let Some(repo) = self.repo() else { return };
        journal::remove(id);
        second_copy::draft_going(id).await;
        if self.report(repo.delete_draft(id).await).is_some() {
            second_copy::draft_gone(id).await;
            if self.report(repo.delete_media_of(id).await).is_some() {
                second_copy::media_gone(id).await;
            }
        } else {
            second_copy::draft_kept(id).await;
        }
        self.changed();
    }

    // The supervisor's reads and writes.

    /// `result` reported (an error on screen until a write succeeds) and kept, for a caller
    /// that also says which file or action it was about.
    fn noted<T>(&self, result: Result<T, StorageError>) -> Result<T, StorageError> {
        match result {
            Ok(v) => {
                self.report(Ok(()));
                Ok(v)
            }
            Err(e) => {
                self.report::<()>(Err(e.clone()));
                Err(e)
            }
        }
    }

    /// The repository, or the error that says storage is not open.
    fn open_repo(&self) -> Result<Rc<Repo>, StorageError> {
        self.repo()
            .ok_or_else(|| StorageError::Unavailable("not open".into()))
    }

    /// Every form version on the device (none after a failure, which is reported).
    pub async fn forms(&self) -> Vec<FormRecord> {
        let Some(repo) = self.repo() else {
            return Vec::new();
        };
        self.report(repo.list_forms().await).unwrap_or_default()
    }

    /// The imported copies waiting for the supervisor (none after a reported failure).
    pub async fn conflicts(&self) -> Vec<Conflict> {
        let Some(repo) = self.repo() else {
            return Vec::new();
        };
        self.report(repo.list_conflicts().await).unwrap_or_default()
    }

    /// Up to `limit` submissions after the instance id `after`, in id order; `None` after a
    /// reported failure.
    pub async fn submissions_page(
        &self,
        after: Option<&str>,
        limit: u32,
    ) -> Option<Vec<Submission>> {
        let repo = self.repo()?;
        self.report(repo.submissions_page(after, limit).await)
    }

    /// One submission (`None`: not held, or a reported failure).
    pub async fn submission(&self, id: &str) -> Option<Submission> {
        let repo = self.repo()?;
        self.report(repo.get_submission(id).await).flatten()
    }

    /// The submissions among `ids` that the device holds, by id.
    pub async fn held(&self, ids: &[String]) -> Result<HashMap<String, Submission>, StorageError> {
        let repo = self.open_repo()?;
        let mut held = HashMap::new();
        for id in ids {
            if let Some(s) = self.noted(repo.get_submission(id).await)? {
                held.insert(id.clone(), s);
            }
        }
        Ok(held)
    }

    /// Writes an imported bundle (one transaction).
    pub async fn import(&self, import: &Import) -> Result<(), StorageError> {
        let repo = self.open_repo()?;
        let result = self.noted(repo.import(import).await);
        self.revision.update(|r| *r += 1);
        result
    }

    /// Replaces a submission's review.
    pub async fn set_review(&self, id: &str, review: &Review) {
        let Some(repo) = self.repo() else { return };
        self.report(repo.set_review(id, review).await);
        self.revision.update(|r| *r += 1);
    }

    /// Keeps the held copy or takes the imported one.
    pub async fn resolve_conflict(&self, id: &str, resolution: Resolution) {
        let Some(repo) = self.repo() else { return };
        self.report(repo.resolve_conflict(id, resolution).await);
        self.revision.update(|r| *r += 1);
    }

    /// Records on each submission of `ids` that it went out in an export.
    pub async fn record_export(
        &self,
        ids: &[String],
        record: &ExportRecord,
    ) -> Result<(), StorageError> {
        let repo = self.open_repo()?;
        // The second copies stay (`plan::KEEP_AFTER_EXPORT_MS`): the download may not finish.
        let result = self.noted(repo.record_export(ids, record).await);
        self.revision.update(|r| *r += 1);
        result
    }

    /// The submissions `ids` with their photos as a bundle into `writer`, a page at a time.
    pub async fn export_bundle<W: std::io::Write>(
        &self,
        ids: &HashSet<String>,
        writer: BundleWriter<W>,
        progress: &mut dyn Progress,
    ) -> Result<W, ExportError> {
        let repo = self
            .open_repo()
            .map_err(|e| ExportError::Read(e.to_string()))?;
        stream::bundle(&*repo, ids, writer, progress).await
    }

    /// The tables of the submissions `ids` into `out` (CSV or workbook), a page at a time.
    pub async fn export_tables<T: Tables>(
        &self,
        layouts: &[(Layout<'_>, (String, String))],
        ids: &HashSet<String>,
        out: &mut T,
        progress: &mut dyn Progress,
    ) -> Result<(), ExportError> {
        let repo = self
            .open_repo()
            .map_err(|e| ExportError::Read(e.to_string()))?;
        stream::tables(&*repo, layouts, ids, out, progress).await
    }

    // The designer's reads and writes.

    /// Stores the media files a form version names (`files`), from those dropped in this visit
    /// (`pending`) or an earlier version's (`designer::files::store_media`).
    pub async fn put_form_media(
        &self,
        form_id: &str,
        version: &str,
        files: &std::collections::BTreeSet<String>,
        pending: &std::collections::HashMap<String, xonadon_storage::Media>,
    ) -> Option<crate::pages::designer::files::Stored> {
        let repo = self.repo()?;
        let stored =
            crate::pages::designer::files::store_media(&*repo, form_id, version, files, pending)
                .await;
        self.report(stored)
    }
}

impl Default for Store {
    fn default() -> Self {
        Store::new()
    }
}

/// Saves `make()` after every change, as soon as the save before it is done: one IndexedDB
/// write is in flight at a time, and the change made meanwhile goes in the next one, so a
/// worker typing steadily loses at most what was typed during the write in flight (a few
/// milliseconds), not a timer's worth. It also saves at once when the page is hidden or about
/// to be closed (the browser may kill it right after). A timer (debounce or throttle) instead
/// left up to its period unsaved, and the journal does not cover it: Chromium holds
/// localStorage writes in memory for seconds (`tests/kill_typing.rs` measured both).
pub fn autosave(
    store: Store,
    changes: impl Fn() + Send + Sync + 'static,
    make: impl Fn() -> Option<Draft> + Clone + 'static,
) {
    // Whether a save is in flight, and whether a change came after it started.
    let in_flight = StoredValue::new(false);
    let again = StoredValue::new(false);
    let save_now = {
        let make = make.clone();
        move || {
            if in_flight.get_value() {
                again.set_value(true);
                return;
            }
            // The draft is taken now: the filling screen may be gone by the time it is written.
            let Some(first) = make() else { return };
            in_flight.set_value(true);
            let make = make.clone();
            spawn_local(async move {
                let mut draft = Some(first);
                while let Some(d) = draft.take() {
                    store.save_draft(&d).await;
                    // A change came while it was written (and the screen is still there).
                    if again.try_get_value() == Some(true) {
                        again.set_value(false);
                        draft = make();
                    }
                }
                let _ = in_flight.try_set_value(false);
            });
        }
    };
    let save_now = StoredValue::new_local(Rc::new(save_now) as Rc<dyn Fn()>);
    let journal_now = make.clone();
    Effect::new(move |first: Option<()>| {
        changes();
        if first.is_none() {
            return;
        }
        if let Some(d) = journal_now() {
            journal::write(&store.at_rest(), &d);
        }
        if let Some(f) = save_now.try_get_value() {
            f();
        }
    });
    let flush = Closure::<dyn Fn()>::new(move || {
        if let Some(f) = save_now.try_get_value() {
            f();
        }
    });
    let doc = document();
    let win = window();
    let _ =
        doc.add_event_listener_with_callback("visibilitychange", flush.as_ref().unchecked_ref());
    let _ = win.add_event_listener_with_callback("pagehide", flush.as_ref().unchecked_ref());
    // Stop listening when the filling screen goes away.
    let handler: js_sys::Function = flush.into_js_value().unchecked_into();
    let handler = send_wrapper::SendWrapper::new(handler);
    on_cleanup(move || {
        let _ = document().remove_event_listener_with_callback("visibilitychange", &handler);
        let _ = window().remove_event_listener_with_callback("pagehide", &handler);
    });
}

/// The synchronous safety net beside IndexedDB (see the module's documentation), sealed
/// like IndexedDB's records once the worker has a PIN (`at_rest`).
mod journal {
    use gloo_storage::{LocalStorage, Storage};
    use xonadon_storage::Draft;

    use crate::at_rest::AtRest;

    pub const PREFIX: &str = "xonadon.journal.";
    /// What a sealed entry is (its associated data).
    pub const KIND: &str = "journal";

    fn key(id: &str) -> String {
        format!("{PREFIX}{id}")
    }

    /// Records the draft at once. A failure (storage full, private mode) leaves IndexedDB as
    /// the only copy, as before; while locked nothing is written (the screens are gone).
    pub fn write(at_rest: &AtRest, draft: &Draft) {
        at_rest.put(KIND, &key(&draft.id), draft);
    }

    pub fn remove(id: &str) {
        LocalStorage::delete(key(id));
    }

    /// IndexedDB now holds `draft`: its journal entry is no longer needed unless newer.
    pub fn saved(at_rest: &AtRest, draft: &Draft) {
        let entry: Option<Draft> = at_rest.get(KIND, &key(&draft.id));
        if entry.is_some_and(|e| e.updated_at_ms <= draft.updated_at_ms) {
            remove(&draft.id);
        }
    }

    /// Every entry that can be read.
    pub fn all(at_rest: &AtRest) -> Vec<Draft> {
        AtRest::keys_with(PREFIX)
            .iter()
            .filter_map(|k| at_rest.get(KIND, k))
            .collect()
    }
}
