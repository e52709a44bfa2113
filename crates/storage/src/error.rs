//! What can go wrong, said so that the person holding the tablet knows what to do.

/// A storage failure. Each message tells the worker what to do next; the `String`s carry the
/// detail a supervisor or developer needs.
///
/// Whatever the variant, a failed operation changed nothing that was already saved.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum StorageError {
    /// The device (or the browser's share of it) is full.
    #[error(
        "The device storage is full. Free space (delete old photos or apps) and try again; \
         nothing already saved was lost."
    )]
    QuotaExceeded,

    /// Another tab holds the database open at an older version, so it cannot be upgraded.
    #[error(
        "Another Xonadon tab is still open with an older version of the app. Close the other \
         Xonadon tabs, then reload this page; nothing already saved was lost."
    )]
    Blocked,

    /// The saved data is newer than this copy of the app (a newer Xonadon upgraded it, in
    /// another tab or before an old copy was loaded from the cache).
    #[error(
        "The saved data on this device was upgraded by a newer version of Xonadon. Reload this \
         page to use the newer version; nothing already saved was lost."
    )]
    Outdated,

    /// IndexedDB cannot be used here (private browsing, storage disabled, an embedded browser).
    #[error(
        "Offline storage is not available in this browser window ({0}). Open Xonadon in a \
         normal (not private) window of Chrome and reload the page."
    )]
    Unavailable(String),

    /// The write would replace something that must not change; the detail says what.
    #[error("{0}")]
    Conflict(String),

    /// A late save of a draft that has since been finalized (the detail names the submission):
    /// refused, so a finalized form never comes back as a draft.
    #[error("This form was already finalized as {0}; the late copy of its draft was not saved.")]
    AlreadyFinalized(String),

    /// A saved record cannot be read; the detail names it.
    #[error(
        "A saved record cannot be read: {0}. The other records are safe. Report this to your \
         supervisor with this message."
    )]
    Corrupt(String),

    /// The records are sealed and the data key is not open (the app is locked).
    #[error(
        "The saved data is locked. Unlock Xonadon with your PIN and try again; nothing already \
         saved was lost."
    )]
    Locked,

    /// The app tried to save a record that could not be read back (a bug in Xonadon).
    #[error(
        "Xonadon tried to save an invalid record ({0}). This is a bug: report it to your \
         supervisor. Nothing already saved was changed."
    )]
    Invalid(String),

    /// Anything else the browser reported.
    #[error(
        "Saving or reading failed ({0}). Try again; if it keeps failing, restart the tablet. \
         Nothing already saved was lost."
    )]
    Other(String),
}

impl StorageError {
    /// Maps a `DOMException` raised by IndexedDB, given its `name` and `message`, to the
    /// error a person can act on.
    pub fn from_dom_exception(name: &str, message: &str) -> Self {
        let detail = if message.is_empty() {
            name.to_owned()
        } else {
            format!("{name}: {message}")
        };
        match name {
            "QuotaExceededError" => Self::QuotaExceeded,
            // Chromium on a full disk (seen on a full tmpfs, Chromium 156): the transaction
            // aborts with UnknownError "… IO error: …/000003.log: FILE_ERROR_NO_SPACE …" (its
            // requests with AbortError), and the connection closes.
            "UnknownError" if disk_full(message) => Self::QuotaExceeded,
            // Opening at a version lower than the one on disk.
            "VersionError" => Self::Outdated,
            // Firefox private windows refuse with InvalidStateError; a connection the browser
            // closed (site data cleared) gives it too. SecurityError: opaque origins, storage
            // blocked by settings; NotAllowedError: storage access denied.
            "InvalidStateError" | "SecurityError" | "NotAllowedError" => Self::Unavailable(detail),
            "ConstraintError" => Self::Conflict(format!(
                "The record is already saved and cannot be replaced ({detail}); nothing was changed."
            )),
            // UnknownError (disk I/O, a damaged backing store), AbortError, TimeoutError, and
            // the ones only a bug raises (DataError, DataCloneError, ReadOnlyError,
            // TransactionInactiveError, NotFoundError...).
            _ => Self::Other(detail),
        }
    }

    /// Whether the failure is worth opening the database again and trying once more: the
    /// browser may have closed the connection under the app (a full disk closes it, and
    /// every later transaction on it fails with InvalidStateError even once space is back).
    pub fn worth_reopening(&self) -> bool {
        matches!(
            self,
            Self::QuotaExceeded | Self::Unavailable(_) | Self::Other(_)
        )
    }

    pub(crate) fn form_conflict(form: &crate::FormRecord) -> Self {
        Self::Conflict(format!(
            "Form \"{}\" version \"{}\" is already on this device with different content, and a saved \
             form is never replaced (drafts started with it depend on it). Nothing was changed: \
             publish the changed form with a new version.",
            form.form_id, form.version
        ))
    }

    pub(crate) fn submission_conflict(instance_id: &str) -> Self {
        Self::Conflict(format!(
            "Submission {instance_id} is already finalized and cannot be changed. Nothing was changed: \
             the saved submission is kept."
        ))
    }
}

/// Whether a browser's I/O error message says the disk is full (Chromium's base::File error
/// names, LevelDB's and the OS's own words).
fn disk_full(message: &str) -> bool {
    ["NO_SPACE", "No space left", "ENOSPC"]
        .iter()
        .any(|words| message.contains(words))
}

#[cfg(test)]
mod tests {
    use super::StorageError;

    #[test]
    fn a_full_disk_is_said_as_a_full_disk() {
        let chromium = "Connection is closing because of: IO error: .../http_127.0.0.1_33183.\
                        indexeddb.leveldb/000003.log: FILE_ERROR_NO_SPACE (ChromeMethodBFE: \
                        3::WritableFileAppend::8)";
        assert_eq!(
            StorageError::from_dom_exception("UnknownError", chromium),
            StorageError::QuotaExceeded
        );
        assert!(matches!(
            StorageError::from_dom_exception(
                "UnknownError",
                "Internal error opening backing store"
            ),
            StorageError::Other(_)
        ));
    }

    #[test]
    fn a_closed_connection_is_worth_reopening_a_refusal_is_not() {
        let closing = StorageError::from_dom_exception(
            "InvalidStateError",
            "Failed to execute 'transaction' on 'IDBDatabase': The database connection is closing.",
        );
        assert!(closing.worth_reopening());
        assert!(StorageError::QuotaExceeded.worth_reopening());
        assert!(!StorageError::AlreadyFinalized("x".into()).worth_reopening());
        assert!(!StorageError::Locked.worth_reopening());
    }
}
