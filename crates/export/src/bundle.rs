//! The lossless JSON bundle: what one tablet hands to a supervisor, and back.
//!
//! ```json
//! {"format":"xonadon-bundle","version":1,
//!  "content":{"forms":[{"form_id":…,"version":…,"title":…,"definition":{…},
//!                       "media":[{"name":…,"mime":…,"base64":…}]}],
//!             "submissions":[{"instance_id":…,"form_id":…,…,"data":{…},"review":{…},
//!                             "media":[{"name":…,"mime":…,"base64":…}]}]},
//!  "manifest":{"exported_at_ms":…,"device_id":…,"content_sha256":…,
//!              "submissions":[{"instance_id":…,"sha256":…}]}}
//! ```
//!
//! The checksums are SHA-256 of the exact bytes in the file: of each submission's JSON, and
//! of the whole `content` value. The manifest comes last so that a bundle of any size can be
//! written as a stream ([`BundleWriter`]) with the sums computed on the way. Reading
//! ([`read`]) checks every sum before anything is returned, so a truncated, damaged or edited
//! file is refused whole.
//!
//! A submission's export history stays on the device that exported it (it is not part of the
//! submission as the tablets know it), so exporting, importing and exporting again with the same
//! time and device writes the same bytes.

use std::io::Write;

use base64::Engine;
use serde::{Deserialize, Serialize};
use serde_json::value::RawValue;
use sha2::{Digest, Sha256};
use xonadon_storage::{FormRecord, Media, Submission};

use crate::keys::SupervisorIdentity;
use crate::{seal, ExportError};

/// The `format` of every bundle.
pub const FORMAT: &str = "xonadon-bundle";
/// The bundle format version this code writes and reads.
pub const VERSION: u64 = 1;

/// A form definition, as the bundle carries it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct BundleForm {
    pub form_id: String,
    pub version: String,
    pub title: String,
    /// The definition itself (the JSON the engine loads).
    pub definition: serde_json::Value,
    /// The form's own pictures, sound and film (its `media` files), by their names in the
    /// form: so a form reaches a tablet whole. Bundles of older versions have none.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub media: Vec<BundleMedia>,
}

impl BundleForm {
    /// The form as stored on a device ([`ExportError::BadForm`] if its text is not JSON).
    pub fn from_record(record: &FormRecord) -> Result<BundleForm, ExportError> {
        let definition = serde_json::from_str(&record.json).map_err(|e| ExportError::BadForm {
            form_id: record.form_id.clone(),
            version: record.version.clone(),
            detail: e.to_string(),
        })?;
        Ok(BundleForm {
            form_id: record.form_id.clone(),
            version: record.version.clone(),
            title: record.title.clone(),
            definition,
            media: Vec::new(),
        })
    }

    /// The form's attachments as the importing device stores them
    /// ([`Media::form_file`], owned by [`Media::form_owner`]).
    pub fn media_records(&self) -> Vec<Media> {
        self.media
            .iter()
            .map(|m| Media {
                name: Media::form_file(&self.form_id, &self.version, &m.name),
                draft_id: Media::form_owner(&self.form_id, &self.version),
                mime: m.mime.clone(),
                bytes: m.base64.clone(),
            })
            .collect()
    }

    /// The record to store on the importing device.
    pub fn to_record(&self, added_at_ms: f64) -> FormRecord {
        FormRecord {
            form_id: self.form_id.clone(),
            version: self.version.clone(),
            title: self.title.clone(),
            json: self.definition.to_string(),
            added_at_ms,
        }
    }
}

/// A photo (or other file) of a submission, inline as base64.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct BundleMedia {
    pub name: String,
    pub mime: String,
    #[serde(with = "base64_bytes")]
    pub base64: Vec<u8>,
}

impl BundleMedia {
    pub fn from_media(media: &Media) -> BundleMedia {
        BundleMedia {
            name: media.name.clone(),
            mime: media.mime.clone(),
            base64: media.bytes.clone(),
        }
    }

    /// The media record for the submission `instance_id` on the importing device.
    pub fn to_media(&self, instance_id: &str) -> Media {
        Media {
            name: self.name.clone(),
            draft_id: instance_id.to_string(),
            mime: self.mime.clone(),
            bytes: self.base64.clone(),
        }
    }
}

/// A submission with its review and its photos.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct BundleSubmission {
    #[serde(flatten)]
    pub submission: Submission,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub media: Vec<BundleMedia>,
}

impl BundleSubmission {
    /// As bundled: without the exporting device's export history.
    pub fn new(submission: &Submission, media: Vec<BundleMedia>) -> BundleSubmission {
        let mut submission = submission.clone();
        submission.exports.clear();
        BundleSubmission { submission, media }
    }
}

/// The checksum of one submission.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SubmissionSum {
    pub instance_id: String,
    pub sha256: String,
}

/// Who exported the bundle, when, and the checksums.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Manifest {
    pub exported_at_ms: f64,
    pub device_id: String,
    pub content_sha256: String,
    pub submissions: Vec<SubmissionSum>,
}

/// A bundle read and checked.
#[derive(Debug, Clone, PartialEq)]
pub struct Bundle {
    pub manifest: Manifest,
    pub forms: Vec<BundleForm>,
    pub submissions: Vec<BundleSubmission>,
}

pub(crate) fn hex(digest: &[u8]) -> String {
    digest.iter().map(|b| format!("{b:02x}")).collect()
}

/// SHA-256 of `bytes`, as lowercase hex.
pub fn sha256(bytes: &[u8]) -> String {
    hex(&Sha256::digest(bytes))
}

/// Writes a bundle as a stream: forms first, then one submission at a time, then the
/// manifest; memory stays flat however many submissions there are.
pub struct BundleWriter<W: Write> {
    out: W,
    content: Sha256,
    sums: Vec<SubmissionSum>,
    device_id: String,
    exported_at_ms: f64,
}

impl<W: Write> BundleWriter<W> {
    pub fn new(
        mut out: W,
        forms: &[BundleForm],
        device_id: &str,
        exported_at_ms: f64,
    ) -> Result<BundleWriter<W>, ExportError> {
        let head = format!(r#"{{"format":"{FORMAT}","version":{VERSION},"content":"#);
        out.write_all(head.as_bytes())?;
        let mut writer = BundleWriter {
            out,
            content: Sha256::new(),
            sums: Vec::new(),
            device_id: device_id.to_string(),
            exported_at_ms,
        };
        let forms = serde_json::to_string(forms).map_err(|e| ExportError::Write(e.to_string()))?;
        writer.content(format!(r#"{{"forms":{forms},"submissions":["#).as_bytes())?;
        Ok(writer)
    }

    /// Bytes of the `content` value: written and summed.
    fn content(&mut self, bytes: &[u8]) -> Result<(), ExportError> {
        self.content.update(bytes);
        self.out.write_all(bytes)?;
        Ok(())
    }

    pub fn submission(&mut self, submission: &BundleSubmission) -> Result<(), ExportError> {
        let json =
            serde_json::to_string(submission).map_err(|e| ExportError::Write(e.to_string()))?;
        if !self.sums.is_empty() {
            self.content(b",")?;
        }
        self.content(json.as_bytes())?;
        self.sums.push(SubmissionSum {
            instance_id: submission.submission.instance_id.clone(),
            sha256: sha256(json.as_bytes()),
        });
        Ok(())
    }

    /// Closes the content, writes the manifest, and hands back the output.
    pub fn finish(mut self) -> Result<W, ExportError> {
        self.content(b"]}")?;
        let manifest = Manifest {
            exported_at_ms: self.exported_at_ms,
            device_id: self.device_id,
            content_sha256: hex(&self.content.finalize()),
            submissions: self.sums,
        };
        let manifest =
            serde_json::to_string(&manifest).map_err(|e| ExportError::Write(e.to_string()))?;
        self.out
            .write_all(format!(r#","manifest":{manifest}}}"#).as_bytes())?;
        Ok(self.out)
    }
}

/// A whole bundle in memory (see [`BundleWriter`] for a stream).
pub fn write(
    forms: &[BundleForm],
    submissions: &[BundleSubmission],
    device_id: &str,
    exported_at_ms: f64,
) -> Result<Vec<u8>, ExportError> {
    let mut w = BundleWriter::new(Vec::new(), forms, device_id, exported_at_ms)?;
    for s in submissions {
        w.submission(s)?;
    }
    w.finish()
}

/// The top level, its values left unparsed: a bundle of a newer format may be shaped
/// differently, so only `format` and `version` are read before anything else.
#[derive(Deserialize)]
struct RawBundle<'a> {
    format: Option<String>,
    version: Option<u64>,
    #[serde(borrow)]
    content: Option<&'a RawValue>,
    #[serde(borrow)]
    manifest: Option<&'a RawValue>,
}

#[derive(Deserialize)]
struct RawContent<'a> {
    forms: Vec<BundleForm>,
    #[serde(borrow)]
    submissions: Vec<&'a RawValue>,
}

/// Reads the bundle `bytes` (named `file` in messages), plain (older tablets) or sealed for
/// one of `identities` ([`crate::seal`]), and checks every checksum; any failure refuses the
/// whole file.
pub fn read_with(
    file: &str,
    bytes: &[u8],
    identities: &[SupervisorIdentity],
) -> Result<Bundle, ExportError> {
    if seal::is_sealed(bytes) {
        read_plain(file, &seal::open(file, bytes, identities)?)
    } else {
        read_plain(file, bytes)
    }
}

/// Reads a plain bundle ([`read_with`] without a key: a sealed one is
/// [`ExportError::Encrypted`]).
pub fn read(file: &str, bytes: &[u8]) -> Result<Bundle, ExportError> {
    read_with(file, bytes, &[])
}

/// Reads the bundle's JSON and checks every checksum.
fn read_plain(file: &str, bytes: &[u8]) -> Result<Bundle, ExportError> {
    let malformed = |detail: String| ExportError::Malformed {
        file: file.to_string(),
        detail,
    };
    let tampered = |submission: Option<&str>| ExportError::Tampered {
        file: file.to_string(),
        submission: submission.map(str::to_string),
    };
    let raw: RawBundle = serde_json::from_slice(bytes).map_err(|e| malformed(e.to_string()))?;
    if raw.format.as_deref() != Some(FORMAT) {
        return Err(malformed(format!("its \"format\" is not \"{FORMAT}\"")));
    }
    match raw.version {
        Some(VERSION) => {}
        Some(found) => {
            return Err(ExportError::UnsupportedVersion {
                file: file.to_string(),
                found,
                supported: VERSION,
            })
        }
        None => return Err(malformed("it has no \"version\"".into())),
    }
    let (Some(content), Some(manifest)) = (raw.content, raw.manifest) else {
        return Err(malformed("it has no \"content\" or no \"manifest\"".into()));
    };
    let manifest: Manifest =
        serde_json::from_str(manifest.get()).map_err(|e| malformed(e.to_string()))?;
    if sha256(content.get().as_bytes()) != manifest.content_sha256 {
        return Err(tampered(None));
    }
    let content: RawContent =
        serde_json::from_str(content.get()).map_err(|e| malformed(e.to_string()))?;
    if content.submissions.len() != manifest.submissions.len() {
        return Err(tampered(None));
    }
    let mut submissions = Vec::with_capacity(content.submissions.len());
    for (k, (json, sum)) in content
        .submissions
        .iter()
        .zip(&manifest.submissions)
        .enumerate()
    {
        if sha256(json.get().as_bytes()) != sum.sha256 {
            return Err(tampered(Some(&sum.instance_id)));
        }
        let s: BundleSubmission = serde_json::from_str(json.get())
            .map_err(|e| malformed(format!("submission {}: {e}", k + 1)))?;
        if s.submission.instance_id != sum.instance_id {
            return Err(tampered(Some(&sum.instance_id)));
        }
        submissions.push(s);
    }
    Ok(Bundle {
        manifest,
        forms: content.forms,
        submissions,
    })
}

/// Media bytes as a base64 string.
mod base64_bytes {
    use base64::engine::general_purpose::STANDARD;
    use serde::{Deserialize, Deserializer, Serializer};

    use super::Engine;

    pub fn serialize<S: Serializer>(bytes: &[u8], s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&STANDARD.encode(bytes))
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<u8>, D::Error> {
        let text = String::deserialize(d)?;
        STANDARD.decode(text).map_err(serde::de::Error::custom)
    }
}
