//! Tables as CSV files in a ZIP, photos beside them in `media/`.
//!
//! Each CSV is UTF-8 with a byte-order mark, so that Excel opens Cyrillic and Uzbek Latin
//! correctly, and quoted as RFC 4180 says (commas, quotes and line breaks in answers survive).
//! A cell that a spreadsheet would run as a formula (`=HYPERLINK(…)` typed as an answer) is
//! written with a leading `'`, as OWASP advises; numbers such as `-5` stay as they are.
//! Photo names from a bundle cannot leave `media/` in the archive.
//!
//! The writer is driven a table at a time, a submission at a time ([`CsvZip::begin`],
//! [`CsvZip::submission`], [`CsvZip::media`]), so the caller can read submissions in batches
//! (the app, from IndexedDB) and memory stays flat however many there are; [`write`] does it
//! all for submissions already in memory.

use std::borrow::Cow;
use std::io::{Seek, Write};

use zip::write::SimpleFileOptions;
use zip::ZipWriter;

use crate::table::Layout;
use crate::ExportError;
use xonadon_storage::Submission;

/// The byte-order mark that tells Excel a CSV is UTF-8.
pub const BOM: &[u8] = b"\xEF\xBB\xBF";

/// A ZIP of CSV files being written.
pub struct CsvZip<W: Write + Seek> {
    zip: ZipWriter<W>,
    /// The table being written, if any.
    table: Option<usize>,
}

/// DEFLATE at level 1: CSV text and sheet XML still shrink about tenfold, several times faster
/// than the default level (what a supervisor waits for on a cheap tablet). For workbooks too.
pub(crate) fn options() -> SimpleFileOptions {
    SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .compression_level(Some(1))
}

/// One CSV record, quoted as needed, with its line ending.
fn record<S: AsRef<str>>(fields: impl IntoIterator<Item = S>) -> Result<Vec<u8>, ExportError> {
    let mut w = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .buffer_capacity(1024)
        .from_writer(Vec::new());
    for field in fields {
        w.write_field(not_a_formula(field.as_ref()).as_bytes())?;
    }
    w.write_record(None::<&[u8]>)?;
    w.into_inner()
        .map_err(|e| ExportError::Write(e.to_string()))
}

/// `cell` as a spreadsheet will show it, never run it: one beginning with `=`, `+`, `-`, `@`,
/// a tab or a carriage return (OWASP's list) gets a leading `'`, unless it is a number.
pub fn not_a_formula(cell: &str) -> Cow<'_, str> {
    let risky = cell.starts_with(['=', '+', '-', '@', '\t', '\r']);
    if risky && cell.trim().parse::<f64>().is_err() {
        Cow::Owned(format!("'{cell}"))
    } else {
        Cow::Borrowed(cell)
    }
}

/// A photo's name as a path inside the archive's `media/` folder: separators and a leading
/// dot become `_`, so a name from a bundle (`../../x`) cannot reach outside it. Photo names
/// Xonadon writes (`UUID.jpg`) are unchanged.
pub fn media_path(name: &str) -> String {
    let mut safe: String = name
        .chars()
        .map(|c| match c {
            '/' | '\\' | ':' | '\0' => '_',
            c => c,
        })
        .collect();
    if safe.starts_with('.') || safe.is_empty() {
        safe.insert(0, '_');
    }
    format!("media/{safe}")
}

impl<W: Write + Seek> CsvZip<W> {
    pub fn new(out: W) -> CsvZip<W> {
        CsvZip {
            zip: ZipWriter::new(out),
            table: None,
        }
    }

    /// Starts the CSV of `layout`'s table `table`: its file and header row.
    pub fn begin(&mut self, layout: &Layout, table: usize) -> Result<(), ExportError> {
        let name = format!("{}.csv", layout.tables[table].name);
        self.zip.start_file(name, options())?;
        self.zip.write_all(BOM)?;
        self.zip.write_all(&record(layout.headers(table))?)?;
        self.table = Some(table);
        Ok(())
    }

    /// Writes the rows `submission` has in the table begun last.
    pub fn submission(
        &mut self,
        layout: &Layout,
        submission: &Submission,
    ) -> Result<(), ExportError> {
        let Some(table) = self.table else {
            return Err(ExportError::Write("no table begun".into()));
        };
        for row in layout.rows(table, submission) {
            self.zip.write_all(&record(&row)?)?;
        }
        Ok(())
    }

    /// Adds a photo as `media/NAME` (stored as it is: JPEG does not compress further).
    pub fn media(&mut self, name: &str, bytes: &[u8]) -> Result<(), ExportError> {
        self.table = None;
        let stored =
            SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
        self.zip.start_file(media_path(name), stored)?;
        self.zip.write_all(bytes)?;
        Ok(())
    }

    pub fn finish(self) -> Result<W, ExportError> {
        Ok(self.zip.finish()?)
    }
}

impl<S: Write> CsvZip<zip::write::StreamWriter<S>> {
    /// A ZIP written straight through to `out`, which need not seek (a download being
    /// assembled in chunks): sizes go after each file instead of before it.
    pub fn streaming(out: S) -> Self {
        CsvZip {
            zip: ZipWriter::new_stream(out),
            table: None,
        }
    }
}

/// Every table of every layout, with their submissions, and the photos, as one ZIP.
pub fn write<W: Write + Seek>(
    out: W,
    parts: &[(Layout, Vec<&Submission>)],
    media: &[(String, Vec<u8>)],
) -> Result<W, ExportError> {
    let mut zip = CsvZip::new(out);
    crate::stream::all_tables(&mut zip, parts)?;
    for (name, bytes) in media {
        zip.media(name, bytes)?;
    }
    zip.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formulas_are_shown_not_run() {
        for (cell, written) in [
            (
                "=HYPERLINK(\"http://x\",\"y\")",
                "'=HYPERLINK(\"http://x\",\"y\")",
            ),
            ("+998 90 123", "'+998 90 123"),
            ("-", "'-"),
            ("@SUM(A1)", "'@SUM(A1)"),
            ("\tx", "'\tx"),
            ("\rx", "'\rx"),
            ("-5", "-5"),
            ("+3.5", "+3.5"),
            ("Ali = Vali", "Ali = Vali"),
            ("", ""),
        ] {
            assert_eq!(not_a_formula(cell), written, "{cell:?}");
        }
    }

    #[test]
    fn records_neutralise_their_cells() {
        let line = record(["=1+1", "-5", "a,b"]).unwrap();
        assert_eq!(String::from_utf8(line).unwrap(), "'=1+1,-5,\"a,b\"\r\n");
    }

    #[test]
    fn media_names_stay_in_the_media_folder() {
        assert_eq!(media_path("a-roof.jpg"), "media/a-roof.jpg");
        assert_eq!(media_path("../../etc/x"), "media/_.._.._etc_x");
        assert_eq!(media_path("..\\x"), "media/_.._x");
        assert_eq!(media_path("/abs"), "media/_abs");
        assert_eq!(media_path(".hidden"), "media/_.hidden");
        assert_eq!(media_path("C:x"), "media/C_x");
        assert_eq!(media_path(""), "media/_");
    }
}
