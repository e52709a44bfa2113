//! The records the app keeps, and the rules both repositories apply to them.

use serde::{Deserialize, Serialize};
use std::cmp::Ordering;

use crate::audit::AuditLog;
use crate::StorageError;

/// A form definition as downloaded or bundled, keyed by `(form_id, version)`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FormRecord {
    /// The form's id (`settings.form_id`).
    pub form_id: String,
    /// The form's version (`settings.version`); compared as an opaque string.
    pub version: String,
    /// The form's title, for lists.
    pub title: String,
    /// The whole definition text (JSON), exactly as the engine loads it.
    pub json: String,
    /// When this version was saved on the device (milliseconds since the Unix epoch).
    pub added_at_ms: f64,
}

/// A form being filled in, saved as the worker goes.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Draft {
    /// The instance's id (a UUID), also the submission's `instance_id` once finalized.
    pub id: String,
    /// The form it fills in.
    pub form_id: String,
    /// The form version it was started with; it stays on that version.
    pub form_version: String,
    /// The engine's snapshot of the answers.
    pub answers: serde_json::Value,
    /// Where the worker was (opaque to storage).
    pub page: String,
    /// The language the worker chose, if any.
    pub language: Option<String>,
    /// When it was started (milliseconds since the Unix epoch).
    pub started_at_ms: f64,
    /// When it was last saved (milliseconds since the Unix epoch).
    pub updated_at_ms: f64,
    /// How many questions are answered, for lists.
    pub answered: u32,
    /// How many questions there are, for lists.
    pub total: u32,
    /// The instance's name (e.g. the household head's name), for lists.
    pub title: Option<String>,
    /// What the worker did when, for forms with an `audit` question (empty otherwise).
    #[serde(default, skip_serializing_if = "AuditLog::is_empty")]
    pub audit: AuditLog,
}

/// A photo or other file an answer refers to (an `image` question holds its `name`).
#[derive(Debug, Clone, PartialEq)]
pub struct Media {
    /// Unique file name, e.g. `3f2a…-dwelling.jpg`; the answer's value.
    pub name: String,
    /// The draft it belongs to, and once finalized the submission (its instance id); for a
    /// form's own pictures and sound, the form version ([`Media::form_owner`]).
    pub draft_id: String,
    /// MIME type, e.g. `image/jpeg`.
    pub mime: String,
    pub bytes: Vec<u8>,
}

impl Media {
    /// The owner of a form version's attachments (its media columns' files): exports, which
    /// take the files of submissions, never take these.
    pub fn form_owner(form_id: &str, version: &str) -> String {
        format!("form:{form_id}@{version}")
    }

    /// The stored name of a form version's attachment `file` (names are unique on the device).
    pub fn form_file(form_id: &str, version: &str, file: &str) -> String {
        format!("{}/{file}", Media::form_owner(form_id, version))
    }
}

/// A finalized form: read-only once written.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Submission {
    /// The instance's id (a UUID).
    pub instance_id: String,
    /// The form it fills in.
    pub form_id: String,
    /// The form version it was filled with.
    pub form_version: String,
    /// The engine's submission data.
    pub data: serde_json::Value,
    /// When the draft was started (milliseconds since the Unix epoch).
    pub started_at_ms: f64,
    /// When it was finalized (milliseconds since the Unix epoch).
    pub finalized_at_ms: f64,
    /// Who filled it in.
    pub enumerator: String,
    /// The device it was filled on.
    pub device_id: String,
    /// The instance's name, for lists.
    pub title: Option<String>,
    /// The supervisor's review; travels in bundles back to the field worker.
    #[serde(default)]
    pub review: Review,
    /// When and how it was exported (an export never changes anything else).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub exports: Vec<ExportRecord>,
}

/// Where a submission stands with its supervisor.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ReviewStatus {
    /// Not reviewed yet.
    #[default]
    Pending,
    Approved,
    /// The supervisor found problems; the comments say which.
    HasIssues,
}

/// The review of a submission: its status and every comment, oldest first.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Review {
    pub status: ReviewStatus,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub comments: Vec<ReviewComment>,
    /// The reviewing supervisor's signature over the review and the submission
    /// (`xonadon_export::signature`); kept so that it travels with the review.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub signature: Option<String>,
}

/// One step of a review: who set which status when, and why.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ReviewComment {
    pub at_ms: f64,
    pub by: String,
    pub status: ReviewStatus,
    pub text: String,
}

impl Review {
    /// When it last changed (0 for a review never made).
    pub fn updated_at_ms(&self) -> f64 {
        self.comments.last().map_or(0.0, |c| c.at_ms)
    }
}

/// One export of a submission: when, and to which format (`json`, `csv`, `xlsx`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ExportRecord {
    pub at_ms: f64,
    pub format: String,
}

/// An imported copy of a submission that differs from the one held under the same instance
/// id, kept for the supervisor to resolve.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Conflict {
    /// Unique among conflicts: the instance id and when it was imported.
    pub id: String,
    pub imported_at_ms: f64,
    /// The file it came from.
    pub source: String,
    pub submission: Submission,
}

impl Conflict {
    /// Where a photo of the conflicting copy waits until the conflict is resolved: under its
    /// own name, owned by the conflict, so it never replaces the held submission's photo of
    /// the same name. Taking the copy moves it back to `name` (see `Resolution`).
    pub fn media_name(conflict_id: &str, name: &str) -> String {
        format!("{conflict_id}/{name}")
    }
}

/// What one import writes, all in one transaction.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Import {
    /// Form versions not held yet.
    pub forms: Vec<FormRecord>,
    /// Submissions not held yet, and their files.
    pub submissions: Vec<Submission>,
    pub media: Vec<Media>,
    /// Newer reviews of held submissions: `(instance_id, review)`.
    pub reviews: Vec<(String, Review)>,
    pub conflicts: Vec<Conflict>,
}

/// How a conflict is resolved.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Resolution {
    /// The held submission stays; the imported copy and its photos are dropped.
    KeepHeld,
    /// The imported copy replaces the held submission, and its photos the held one's.
    TakeImported,
}

/// JSON has no NaN or infinity: serde_json would write `null`, and the record could then never
/// be read back. Such a record is refused before anything is written.
fn check_finite(what: &str, field: &str, value: f64) -> Result<(), StorageError> {
    if value.is_finite() {
        Ok(())
    } else {
        Err(StorageError::Invalid(format!(
            "{what}: {field} is {value}, not a time"
        )))
    }
}

impl FormRecord {
    pub(crate) fn validate(&self) -> Result<(), StorageError> {
        let what = format!("form {} version {}", self.form_id, self.version);
        check_finite(&what, "added_at_ms", self.added_at_ms)
    }
}

impl Draft {
    pub(crate) fn validate(&self) -> Result<(), StorageError> {
        let what = format!("draft {}", self.id);
        check_finite(&what, "started_at_ms", self.started_at_ms)?;
        check_finite(&what, "updated_at_ms", self.updated_at_ms)
    }
}

impl Submission {
    pub(crate) fn validate(&self) -> Result<(), StorageError> {
        let what = format!("submission {}", self.instance_id);
        check_finite(&what, "started_at_ms", self.started_at_ms)?;
        check_finite(&what, "finalized_at_ms", self.finalized_at_ms)
    }
}

/// By `form_id`; within a form the most recently added version first.
pub(crate) fn sort_forms(forms: &mut [FormRecord]) {
    forms.sort_by(|a, b| {
        a.form_id
            .cmp(&b.form_id)
            .then_with(|| b.added_at_ms.total_cmp(&a.added_at_ms))
            .then_with(|| b.version.cmp(&a.version))
    });
}

/// The most recently updated first; ties by id so the order is stable.
pub(crate) fn sort_drafts(drafts: &mut [Draft]) {
    drafts.sort_by(|a, b| {
        newest_first(a.updated_at_ms, b.updated_at_ms).then_with(|| a.id.cmp(&b.id))
    });
}

/// The most recently finalized first; ties by instance id so the order is stable.
pub(crate) fn sort_submissions(submissions: &mut [Submission]) {
    submissions.sort_by(|a, b| {
        newest_first(a.finalized_at_ms, b.finalized_at_ms)
            .then_with(|| a.instance_id.cmp(&b.instance_id))
    });
}

pub(crate) fn sort_conflicts(conflicts: &mut [Conflict]) {
    conflicts.sort_by(|a, b| {
        a.imported_at_ms
            .total_cmp(&b.imported_at_ms)
            .then_with(|| a.id.cmp(&b.id))
    });
}

/// What [`crate::Repository::set_review`] and `resolve_conflict` say when the submission is gone.
pub(crate) fn no_submission(instance_id: &str) -> StorageError {
    StorageError::Conflict(format!(
        "There is no submission {instance_id} on this device (deleted, or never imported)."
    ))
}

fn newest_first(a: f64, b: f64) -> Ordering {
    b.total_cmp(&a)
}
