//! Xonadon's exports, the same code in the app (offline, on the supervisor's tablet) and in
//! the `xonadon export` command:
//!
//! - [`bundle`]: the lossless JSON bundle — forms, submissions with their review and photos, a
//!   manifest of SHA-256 checksums — written and read back (checked) byte for byte;
//! - [`seal`]: a bundle encrypted for a supervisor (age, X25519); [`keys`]: a supervisor's
//!   key pair (receiving and signing) and the known supervisors; [`signature`]: reviews
//!   signed by their supervisor, checked on import;
//! - [`merge`]: what importing bundles from many tablets does to the submissions already
//!   held: new, identical duplicates (skipped), review updates, conflicts (both kept);
//! - [`table`]: submissions as the tables data teams know from ODK Central and KoboToolbox
//!   (one root table, one per repeat, linked by `KEY` / `PARENT_KEY`), by names or labels;
//! - [`csv_zip`]: those tables as UTF-8 CSV files (with a BOM, for Excel) in a ZIP, photos
//!   beside them; [`xlsx`]: the same tables as the sheets of one workbook.
//!
//! Everything here is pure: bytes in, bytes out. Reading IndexedDB and offering downloads is
//! the app's business.

pub mod bundle;
pub mod csv_zip;
pub mod group;
pub mod keys;
pub mod merge;
pub mod recovery;
pub mod seal;
pub mod signature;
pub mod stream;
pub mod table;
pub mod xlsx;

mod error;
mod time;

pub use error::ExportError;
