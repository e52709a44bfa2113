//! The second copy's pure part: how a record is named in its folder, and what to do at start-up
//! with what the copy, IndexedDB and the journal each hold.

/// What a file of the second copy is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// A draft as last saved to IndexedDB.
    Draft,
    /// A finalized submission, until [`KEEP_AFTER_EXPORT_MS`] after its first export.
    Submission,
    /// A mark (no content) that the draft of this id was finalized or deleted: it must never
    /// come back, even after IndexedDB lost the `finalized` store that says so.
    Gone,
    /// A draft's or submission's file (a photo, an audit log), by [`media_id`]; kept as long
    /// as its owner's record is.
    Media,
    /// A form version (`FORM_ID@VERSION`): a draft cannot be opened without its form.
    Form,
}

/// The id of a media file's copy: its owner's id (a draft's, which is its submission's) and
/// the file's name. Owners are UUIDs, so the first `/` ends the owner.
pub fn media_id(owner: &str, name: &str) -> String {
    format!("{owner}/{name}")
}

/// The owner and name a [`media_id`] stands for.
pub fn split_media_id(id: &str) -> Option<(&str, &str)> {
    id.split_once('/')
}

impl Kind {
    fn prefix(self) -> &'static str {
        match self {
            Kind::Draft => "draft-",
            Kind::Submission => "submission-",
            Kind::Gone => "gone-",
            Kind::Media => "media-",
            Kind::Form => "form-",
        }
    }

    /// What a sealed file of this kind is (the associated data): a draft's copy cannot be
    /// passed off as a submission's.
    pub fn sealed_as(self) -> &'static str {
        match self {
            Kind::Draft => "copy-draft",
            Kind::Submission => "copy-submission",
            Kind::Gone => "copy-gone",
            Kind::Media => "copy-media",
            Kind::Form => "copy-form",
        }
    }
}

/// Whether `c` may stand in a file name as it is (every file system takes these).
fn plain(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '-' || c == '_'
}

/// The file name of record `id` of `kind`. Ids are UUIDs; any other character (a `/`, a
/// dot) is written as `~` and its hex code, so every id has a name and two never share one.
pub fn file_name(kind: Kind, id: &str) -> String {
    let mut name = kind.prefix().to_string();
    for c in id.chars() {
        if plain(c) {
            name.push(c);
        } else {
            name.push_str(&format!("~{:06x}", c as u32));
        }
    }
    name
}

/// The kind and id a file name stands for; `None` for a name the copy did not write (a
/// browser's temporary file, say).
pub fn read_name(name: &str) -> Option<(Kind, String)> {
    let kind = [
        Kind::Draft,
        Kind::Submission,
        Kind::Gone,
        Kind::Media,
        Kind::Form,
    ]
    .into_iter()
    .find(|k| name.starts_with(k.prefix()))?;
    let mut rest = name[kind.prefix().len()..].chars();
    let mut id = String::new();
    while let Some(c) = rest.next() {
        if c == '~' {
            let hex: String = rest.by_ref().take(6).collect();
            id.push(char::from_u32(u32::from_str_radix(&hex, 16).ok()?)?);
        } else if plain(c) {
            id.push(c);
        } else {
            return None;
        }
    }
    (!id.is_empty()).then_some((kind, id))
}

/// What IndexedDB holds of a record the second copy has.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum InDatabase {
    /// Nothing under its id (the database lost it, or was emptied by the browser).
    Missing,
    /// A record that does not read (damaged).
    Unreadable,
    /// A record last changed at this time (milliseconds).
    At(f64),
}

/// Whether the copy's draft (last changed at `copy_ms`) goes back into IndexedDB: when
/// IndexedDB lost it or cannot read it or holds an older one, unless it was finalized or
/// deleted (`gone`).
pub fn restore_draft(database: InDatabase, copy_ms: f64, gone: bool) -> bool {
    !gone
        && match database {
            InDatabase::Missing | InDatabase::Unreadable => true,
            InDatabase::At(saved_ms) => saved_ms < copy_ms,
        }
}

/// Whether the copy's submission goes back into IndexedDB: when IndexedDB lost it (a held
/// submission never changes, so one that reads is the same).
pub fn restore_submission(database: InDatabase) -> bool {
    database == InDatabase::Missing
}

/// How long a submission's copy is kept after its first export: 30 days. A page cannot know
/// that a download reached the disk (the browser may be killed while it writes it) or that
/// the file reached the supervisor, so an export alone does not make the copy unneeded.
pub const KEEP_AFTER_EXPORT_MS: f64 = 30.0 * 24.0 * 3600.0 * 1000.0;

/// Whether a submission's copy may go at `now_ms`: it was first exported (`exported_ms`, the
/// times of its exports) longer than [`KEEP_AFTER_EXPORT_MS`] ago.
pub fn copy_expired(exported_ms: impl IntoIterator<Item = f64>, now_ms: f64) -> bool {
    exported_ms
        .into_iter()
        .reduce(f64::min)
        .is_some_and(|first| now_ms - first > KEEP_AFTER_EXPORT_MS)
}

/// What to do at start-up with the mark that a draft is gone, by what IndexedDB holds under
/// its id (`None`: IndexedDB failed).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GoneMark {
    /// The draft is still there: the finalize or delete the mark was written for never
    /// happened (the browser died first, or the write failed); the mark goes.
    Stale,
    /// The draft is gone from IndexedDB, and its journal entry was dropped just before: the
    /// mark goes once the draft's copy has gone too (if it has not, the finalize or delete
    /// was cut short, and IndexedDB may have been lost with it: both are kept).
    Done,
    /// Nothing known: kept for the next start.
    Keep,
}

pub fn gone_mark(database: Option<InDatabase>) -> GoneMark {
    match database {
        Some(InDatabase::At(_)) | Some(InDatabase::Unreadable) => GoneMark::Stale,
        Some(InDatabase::Missing) => GoneMark::Done,
        None => GoneMark::Keep,
    }
}

/// What to do with a journal entry at start-up.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum JournalFate {
    /// Write it to IndexedDB: it is newer than what IndexedDB holds, or IndexedDB lost the
    /// draft while the second copy says it was never finalized or deleted.
    Replay,
    /// Drop it: IndexedDB holds it already, or the draft was finalized or deleted.
    Drop,
    /// Keep it for the next start: IndexedDB could not be read.
    Keep,
}

/// The fate of a journal entry last changed at `entry_ms`. `database`: `None` if IndexedDB
/// failed, else what it holds. `gone`: what the second copy knows of the draft being
/// finalized or deleted (`None`: there is no second copy to ask, as in a browser without
/// the Origin Private File System; then a draft missing from IndexedDB is taken as deleted,
/// so that a deleted draft never comes back).
pub fn journal_fate(
    database: Option<InDatabase>,
    entry_ms: f64,
    gone: Option<bool>,
) -> JournalFate {
    match database {
        None => JournalFate::Keep,
        Some(InDatabase::At(saved_ms)) if saved_ms >= entry_ms => JournalFate::Drop,
        Some(InDatabase::At(_)) | Some(InDatabase::Unreadable) => JournalFate::Replay,
        Some(InDatabase::Missing) => match gone {
            Some(false) => JournalFate::Replay,
            Some(true) | None => JournalFate::Drop,
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use wasm_bindgen_test::wasm_bindgen_test;

    #[wasm_bindgen_test]
    fn every_id_has_its_own_name_and_reads_back() {
        let uuid = "0b6f7d2c-9a51-4c1e-8f3e-2d6a1b9c4e70";
        assert_eq!(file_name(Kind::Draft, uuid), format!("draft-{uuid}"));
        for id in [uuid, "a/b", "a.b", "../x", "ўзбек", "a~b"] {
            for kind in [
                Kind::Draft,
                Kind::Submission,
                Kind::Gone,
                Kind::Media,
                Kind::Form,
            ] {
                let name = file_name(kind, id);
                assert!(name.chars().all(|c| plain(c) || c == '~'), "{name}");
                assert_eq!(read_name(&name), Some((kind, id.to_string())), "{name}");
            }
        }
        assert_ne!(file_name(Kind::Draft, "a/b"), file_name(Kind::Draft, "a.b"));
        assert_eq!(
            read_name("draft-x.crswap"),
            None,
            "a browser's temporary file"
        );
        assert_eq!(read_name("notes"), None);
        let photo = media_id(uuid, &format!("{uuid}-dwelling.jpg"));
        let (kind, id) = read_name(&file_name(Kind::Media, &photo)).unwrap();
        assert_eq!(kind, Kind::Media);
        assert_eq!(
            split_media_id(&id),
            Some((uuid, format!("{uuid}-dwelling.jpg").as_str()))
        );
        assert_eq!(read_name("draft-"), None);
    }

    #[wasm_bindgen_test]
    fn a_draft_comes_back_unless_finalized_or_deleted() {
        assert!(restore_draft(InDatabase::Missing, 5.0, false));
        assert!(restore_draft(InDatabase::Unreadable, 5.0, false));
        assert!(restore_draft(InDatabase::At(4.0), 5.0, false));
        assert!(!restore_draft(InDatabase::At(5.0), 5.0, false));
        assert!(!restore_draft(InDatabase::Missing, 5.0, true));
        assert!(restore_submission(InDatabase::Missing));
        assert!(!restore_submission(InDatabase::At(1.0)));
        assert!(!restore_submission(InDatabase::Unreadable));
    }

    #[wasm_bindgen_test]
    fn an_exported_submission_keeps_its_copy_for_30_days() {
        let day = 24.0 * 3600.0 * 1000.0;
        assert!(!copy_expired([], 100.0 * day), "never exported");
        assert!(!copy_expired([10.0 * day], 39.0 * day));
        assert!(copy_expired([10.0 * day], 41.0 * day));
        assert!(
            copy_expired([35.0 * day, 10.0 * day], 41.0 * day),
            "from the first export"
        );
    }

    #[wasm_bindgen_test]
    fn a_gone_mark_goes_once_the_draft_is_gone_and_when_it_never_went() {
        assert_eq!(gone_mark(Some(InDatabase::Missing)), GoneMark::Done);
        assert_eq!(gone_mark(Some(InDatabase::At(1.0))), GoneMark::Stale);
        assert_eq!(gone_mark(None), GoneMark::Keep);
    }

    #[wasm_bindgen_test]
    fn a_journal_entry_survives_a_lost_database_but_never_brings_a_gone_draft_back() {
        use JournalFate::*;
        assert_eq!(journal_fate(None, 5.0, Some(false)), Keep);
        assert_eq!(journal_fate(Some(InDatabase::At(4.0)), 5.0, None), Replay);
        assert_eq!(journal_fate(Some(InDatabase::At(5.0)), 5.0, None), Drop);
        assert_eq!(
            journal_fate(Some(InDatabase::Unreadable), 5.0, None),
            Replay
        );
        // IndexedDB lost the draft: the second copy tells a lost draft from a gone one.
        assert_eq!(
            journal_fate(Some(InDatabase::Missing), 5.0, Some(false)),
            Replay
        );
        assert_eq!(
            journal_fate(Some(InDatabase::Missing), 5.0, Some(true)),
            Drop
        );
        assert_eq!(journal_fate(Some(InDatabase::Missing), 5.0, None), Drop);
    }
}
