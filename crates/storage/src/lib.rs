//! Xonadon's storage layer: the app's records (form definitions, drafts, finalized submissions)
//! behind the [`Repository`] trait, with two implementations:
//!
//! - [`MemoryRepository`]: in memory, for native tests of logic;
//! - `IdbRepository` (wasm32 only): IndexedDB through `indexed_db_futures`, the one the app uses.
//!
//! Social workers use Xonadon on cheap tablets with no network for days, so this crate's first
//! duty is that an answer, once saved, is never lost:
//!
//! - every write is one IndexedDB transaction with `strict` durability (the browser reports
//!   success only once the data is on disk); a failed write changes nothing already saved;
//! - form definitions are never overwritten under the same `(form_id, version)`: a draft keeps
//!   the version it was started with, so publishing a newer form never corrupts an older draft;
//! - submissions are read-only once written;
//! - [`Repository::finalize`] writes the submission and deletes the draft in one transaction:
//!   both happen or neither does;
//! - every failure is a [`StorageError`] whose message tells the worker what to do.
//!
//! The crate knows nothing about the UI (no `leptos`), nor about the form engine: answers are
//! JSON values (the engine's snapshot) and form definitions are JSON text.
//!
//! In the app (wasm32): open once at start-up, keep the repository, and call
//! `request_persistent_storage()` so that Chrome does not evict the data under storage pressure:
//!
//! ```text
//! let repo = IdbRepository::open(DATABASE_NAME).await?; // StorageError::Blocked, Outdated...
//! let _persistent = request_persistent_storage().await;
//! repo.put_draft(&draft).await?;
//! ```
//!
//! The IndexedDB schema, its migrations (`migrate`, one `match` ladder) and why records are
//! stored as JSON text are described in `src/idb/mod.rs`.
//!
//! # Tests
//!
//! The repository contract is written once, in the hidden module `contract`, and run on both
//! implementations:
//!
//! ```text
//! # native: MemoryRepository, the DOMException mapping, the record rules
//! cd /work/main && cargo test -p xonadon-storage
//!
//! # browser: IdbRepository in headless Chromium (the runner reads crates/storage/webdriver.json;
//! # .cargo/config.toml sets wasm-bindgen-test-runner as the wasm32 runner)
//! cd /work/main && CHROMEDRIVER=/usr/bin/chromedriver WASM_BINDGEN_TEST_TIMEOUT=120 \
//!     cargo test -p xonadon-storage --target wasm32-unknown-unknown
//! ```
//!
//! The browser run needs `chromium` and `chromium-driver` (Debian packages) and
//! `wasm-bindgen-test-runner` of the same version as the `wasm-bindgen` in `Cargo.lock`
//! (`cargo install wasm-bindgen-cli --version 0.2.130`). Running as root is fine: the runner
//! passes `--no-sandbox` to Chrome.

pub mod audit;
mod error;
mod memory;
pub mod passphrase;
mod records;
pub mod seal;

#[cfg(target_arch = "wasm32")]
mod idb;

#[doc(hidden)]
pub mod contract;

pub use error::StorageError;
pub use memory::MemoryRepository;
pub use records::{
    Conflict, Draft, ExportRecord, FormRecord, Import, Media, Resolution, Review, ReviewComment,
    ReviewStatus, Submission,
};

#[cfg(target_arch = "wasm32")]
pub use idb::{request_persistent_storage, IdbRepository, DATABASE_NAME, SCHEMA_VERSION};

/// The result of a storage operation.
pub type Result<T, E = StorageError> = std::result::Result<T, E>;

/// Where the app's records live.
///
/// All methods are `async` because IndexedDB is; the app runs on wasm's single thread, so the
/// futures are not `Send`. Every write is atomic: when a method returns an error, nothing that
/// was saved before the call has changed.
#[allow(async_fn_in_trait)]
pub trait Repository {
    /// Saves a form definition under `(form_id, version)`.
    ///
    /// A definition is never replaced: saving the same key again with identical `json` does
    /// nothing (the record first saved, with its title and `added_at_ms`, is kept); with
    /// different `json` it is [`StorageError::Conflict`] and nothing changes.
    async fn put_form(&self, form: &FormRecord) -> Result<()>;

    /// The form definition saved under `(form_id, version)`, if any.
    async fn get_form(&self, form_id: &str, version: &str) -> Result<Option<FormRecord>>;

    /// Every saved form definition, ordered by `form_id`, and within one form the most recently
    /// added version first (`added_at_ms` descending; ties: by `version`, descending).
    async fn list_forms(&self) -> Result<Vec<FormRecord>>;

    /// Inserts a draft, or replaces the draft with the same `id`. A draft that was finalized
    /// is refused with [`StorageError::AlreadyFinalized`]: a save still on its way when the
    /// worker finalized must not bring it back.
    async fn put_draft(&self, draft: &Draft) -> Result<()>;

    /// The draft with this id, if any.
    async fn get_draft(&self, id: &str) -> Result<Option<Draft>>;

    /// Every draft, the most recently updated first (ties: by `id`).
    async fn list_drafts(&self) -> Result<Vec<Draft>>;

    /// Deletes the draft with this id. Deleting a draft that does not exist is not an error.
    async fn delete_draft(&self, id: &str) -> Result<()>;

    /// Saves a finalized submission. Submissions are read-only: if one with the same
    /// `instance_id` exists, this is [`StorageError::Conflict`] and nothing changes.
    async fn put_submission(&self, submission: &Submission) -> Result<()>;

    /// The submission with this instance id, if any.
    async fn get_submission(&self, instance_id: &str) -> Result<Option<Submission>>;

    /// Every submission, the most recently finalized first (ties: by `instance_id`).
    async fn list_submissions(&self) -> Result<Vec<Submission>>;

    /// Up to `limit` submissions in `instance_id` order, after `after` (from the first when
    /// `None`): to read thousands a batch at a time, never all at once.
    async fn submissions_page(&self, after: Option<&str>, limit: u32) -> Result<Vec<Submission>>;

    /// Writes `submission`, deletes the draft `draft_id` and hands the draft's files to the
    /// submission (their `draft_id` becomes its `instance_id`), in one transaction: after a
    /// crash or an error all of it happened or none did.
    ///
    /// If a submission with the same `instance_id` exists, this is [`StorageError::Conflict`]
    /// and nothing changes (the draft stays). If the draft does not exist (deleted in another
    /// tab), the submission is still written: it holds every answer, so refusing it could only
    /// lose work.
    async fn finalize(&self, draft_id: &str, submission: &Submission) -> Result<()>;

    /// Saves a file (a photo) under its name, replacing one of the same name.
    async fn put_media(&self, media: &Media) -> Result<()>;

    /// The file with this name, if any.
    async fn get_media(&self, name: &str) -> Result<Option<Media>>;

    /// Deletes every file of a draft (when the draft is deleted; not when it is finalized,
    /// since the submission refers to them).
    async fn delete_media_of(&self, draft_id: &str) -> Result<()>;

    /// Every file of a draft or submission (its draft id or instance id), by name.
    async fn list_media_of(&self, draft_id: &str) -> Result<Vec<Media>> {
        let mut out = Vec::new();
        for (name, owner) in self.media_index().await? {
            if owner == draft_id {
                out.extend(self.get_media(&name).await?);
            }
        }
        Ok(out)
    }

    /// The name and draft id of every file, without their bytes, in name order: one read for
    /// an export of thousands (then [`Repository::get_media`] for the ones it needs).
    async fn media_index(&self) -> Result<Vec<(String, String)>>;

    /// Replaces the review of a submission, the one part of it that changes after it is
    /// finalized. [`StorageError::Conflict`] if there is no such submission.
    async fn set_review(&self, instance_id: &str, review: &Review) -> Result<()>;

    /// Adds `record` to the export history of each submission (skipping ids not held).
    async fn record_export(&self, instance_ids: &[String], record: &ExportRecord) -> Result<()>;

    /// Writes an import in one transaction: all of it or, on any error, nothing. A form version
    /// held with a different definition, or a new submission that is held by now (imported in
    /// another tab meanwhile), is [`StorageError::Conflict`].
    async fn import(&self, import: &Import) -> Result<()>;

    /// Conflicting copies waiting for the supervisor, oldest first.
    async fn list_conflicts(&self) -> Result<Vec<Conflict>>;

    /// Resolves the conflict `id`: drops the copy, or lets it replace the held submission.
    async fn resolve_conflict(&self, id: &str, resolution: Resolution) -> Result<()>;
}
