//! Tables as CSV files in a ZIP, photos beside them in `media/`.
//!
//! Each CSV is UTF-8 with a byte-order mark, so that Excel opens Cyrillic and Uzbek Latin
//! correctly, and quoted as RFC 4180 says (commas, quotes and line breaks in answers survive).
//!
//! The writer is driven a table at a time, a submission at a time ([`CsvZip::begin`],
//! [`CsvZip::submission`], [`CsvZip::media`]), so the caller can read submissions in batches
//! (the app, from IndexedDB) and memory stays flat however many there are; [`write`] does it
//! all for submissions already in memory.

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
fn record<S: AsRef<[u8]>>(fields: impl IntoIterator<Item = S>) -> Result<Vec<u8>, ExportError> {
    let mut w = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .buffer_capacity(1024)
        .from_writer(Vec::new());
    w.write_record(fields)?;
    w.into_inner()
        .map_err(|e| ExportError::Write(e.to_string()))
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
        self.zip.start_file(format!("media/{name}"), stored)?;
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
