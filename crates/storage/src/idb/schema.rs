//! The database's stores, and the one place the schema is created and changed.

use indexed_db_futures::database::Database;
use indexed_db_futures::error::Error as IdbError;
use indexed_db_futures::prelude::*;

/// The schema version this code creates and reads.
pub const SCHEMA_VERSION: u32 = 4;

pub(super) const FORMS: &str = "forms";
pub(super) const DRAFTS: &str = "drafts";
pub(super) const SUBMISSIONS: &str = "submissions";
pub(super) const MEDIA: &str = "media";
pub(super) const FINALIZED: &str = "finalized";
pub(super) const CONFLICTS: &str = "conflicts";

/// The one place where the schema is created and changed.
///
/// Runs inside the `versionchange` transaction of an open request, from the version on disk
/// (`0` for a new database) up to the version requested, one step at a time. A step that fails
/// aborts the whole upgrade: the database stays as it was, and the open fails.
///
/// To add version 5: raise [`SCHEMA_VERSION`] and add a `5 => { ... }` arm. Steps that only
/// add stores or indexes fit here as they are; a step that must rewrite records needs the
/// upgrade transaction's requests awaited (feature `async-upgrade` of `indexed_db_futures` and
/// `with_on_upgrade_needed_fut`). Never change a step that has shipped.
pub(super) fn migrate(
    db: &Database,
    old_version: u32,
    new_version: u32,
) -> std::result::Result<(), IdbError> {
    for version in old_version + 1..=new_version {
        match version {
            1 => {
                db.create_object_store(FORMS).build()?;
                db.create_object_store(DRAFTS).build()?;
                db.create_object_store(SUBMISSIONS).build()?;
            }
            2 => {
                // Photos, as Blobs (not JSON): IndexedDB stores them without copying to text.
                db.create_object_store(MEDIA).build()?;
            }
            3 => {
                // Finalized draft ids: a late autosave of one is refused (`put_draft`).
                db.create_object_store(FINALIZED).build()?;
            }
            4 => {
                // Imported copies that differ from the held submission (`import`).
                db.create_object_store(CONFLICTS).build()?;
            }
            unknown => {
                return Err(js_sys::Error::new(&format!(
                    "no migration to schema version {unknown}"
                ))
                .into())
            }
        }
    }
    Ok(())
}
