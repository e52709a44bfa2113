//! The files a designer drops besides a workbook: choices files (CSV, XML, GeoJSON) the import
//! reads, and the pictures, sound and film the form's media columns name, which are kept with
//! the form version when it is saved (`Media::form_file`) so the tablets show them offline.

use std::collections::{BTreeSet, HashMap};

use xonadon_storage::{Media, Repository, StorageError};

/// What a dropped file is, by its extension (as ODK tells attachments apart).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Workbook,
    /// Read by the import: `select_one_from_file`, `pulldata`, `search()`.
    Choices,
    /// Named by a media column.
    Media(&'static str),
}

pub fn kind(name: &str) -> Kind {
    let extension = name
        .rsplit_once('.')
        .map(|(_, e)| e.to_ascii_lowercase())
        .unwrap_or_default();
    let mime = match extension.as_str() {
        "csv" | "xml" | "geojson" => return Kind::Choices,
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "gif" => "image/gif",
        "svg" => "image/svg+xml",
        "webp" => "image/webp",
        "mp3" => "audio/mpeg",
        "wav" => "audio/wav",
        "ogg" => "audio/ogg",
        "m4a" => "audio/mp4",
        "amr" => "audio/amr",
        "mp4" => "video/mp4",
        "3gp" => "video/3gpp",
        "webm" => "video/webm",
        _ => return Kind::Workbook,
    };
    Kind::Media(mime)
}

/// Whether a dropped `.xml` file is an XForm (the form itself) rather than a choices file:
/// an XForm's root is `<h:html>` in the XForms namespace, near the top of the file.
pub fn is_xform(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(4096)];
    let has = |needle: &[u8]| head.windows(needle.len()).any(|w| w == needle);
    has(b"<h:html") || has(b"http://www.w3.org/2002/xforms")
}

/// What saving found of the form's media files: how many were stored, and which the form
/// names but nobody supplied.
pub struct Stored {
    pub stored: usize,
    pub missing: Vec<String>,
}

/// Stores the media files the form names under its version: those dropped in this visit
/// (`pending`), else the same file of an earlier version of the form on this device (a new
/// version keeps its pictures without dropping them again).
pub async fn store_media<R: Repository>(
    repo: &R,
    form_id: &str,
    version: &str,
    files: &BTreeSet<String>,
    pending: &HashMap<String, Media>,
) -> Result<Stored, StorageError> {
    let mut out = Stored {
        stored: 0,
        missing: Vec::new(),
    };
    if files.is_empty() {
        return Ok(out);
    }
    let owner = Media::form_owner(form_id, version);
    let earlier_prefix = format!("form:{form_id}@");
    let index = repo.media_index().await?;
    for file in files {
        let name = Media::form_file(form_id, version, file);
        let bytes_and_mime = match pending.get(file) {
            Some(m) => Some((m.bytes.clone(), m.mime.clone())),
            None => {
                let earlier = index.iter().find(|(n, o)| {
                    o.starts_with(&earlier_prefix) && n.ends_with(&format!("/{file}"))
                });
                match earlier {
                    Some((n, _)) if *n == name => {
                        out.stored += 1;
                        continue;
                    }
                    Some((n, _)) => repo.get_media(n).await?.map(|m| (m.bytes, m.mime)),
                    None => None,
                }
            }
        };
        match bytes_and_mime {
            Some((bytes, mime)) => {
                repo.put_media(&Media {
                    name,
                    draft_id: owner.clone(),
                    mime,
                    bytes,
                })
                .await?;
                out.stored += 1;
            }
            None => out.missing.push(file.clone()),
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use xonadon_storage::MemoryRepository;

    #[wasm_bindgen_test::wasm_bindgen_test]
    async fn a_new_version_keeps_the_pictures_of_the_last() {
        let repo = MemoryRepository::default();
        let file = |bytes: &[u8]| Media {
            name: String::new(),
            draft_id: String::new(),
            mime: "image/png".into(),
            bytes: bytes.to_vec(),
        };
        let pending = HashMap::from([("roof.png".to_string(), file(b"roof"))]);
        let files: BTreeSet<String> = ["roof.png".to_string()].into();
        let first = store_media(&repo, "visit", "1", &files, &pending)
            .await
            .unwrap();
        assert_eq!((first.stored, first.missing.len()), (1, 0));
        let stored = repo
            .get_media("form:visit@1/roof.png")
            .await
            .unwrap()
            .unwrap();
        assert_eq!(
            (stored.bytes.as_slice(), stored.draft_id.as_str()),
            (&b"roof"[..], "form:visit@1")
        );

        // Version 2, nothing dropped: the picture comes from version 1; a new one is missing.
        let files: BTreeSet<String> = ["roof.png".to_string(), "wall.png".to_string()].into();
        let second = store_media(&repo, "visit", "2", &files, &HashMap::new())
            .await
            .unwrap();
        assert_eq!(second.stored, 1);
        assert_eq!(second.missing, ["wall.png"]);
        let copied = repo
            .get_media("form:visit@2/roof.png")
            .await
            .unwrap()
            .unwrap();
        assert_eq!(copied.bytes, b"roof");
        assert_eq!(copied.draft_id, "form:visit@2");
    }

    #[wasm_bindgen_test::wasm_bindgen_test]
    fn xforms_are_told_from_choices_files() {
        let xform = br#"<?xml version="1.0"?><h:html xmlns="http://www.w3.org/2002/xforms" xmlns:h="http://www.w3.org/1999/xhtml"><h:head>"#;
        assert!(is_xform(xform));
        assert!(!is_xform(
            b"<?xml version=\"1.0\"?><root><item><name>a</name></item></root>"
        ));
    }

    #[wasm_bindgen_test::wasm_bindgen_test]
    fn kinds_by_extension() {
        assert_eq!(kind("form.XLSX"), Kind::Workbook);
        assert_eq!(kind("form"), Kind::Workbook);
        assert_eq!(kind("tumanlar.csv"), Kind::Choices);
        assert_eq!(kind("places.geojson"), Kind::Choices);
        assert_eq!(kind("roof.JPG"), Kind::Media("image/jpeg"));
        assert_eq!(kind("intro.mp3"), Kind::Media("audio/mpeg"));
    }
}
