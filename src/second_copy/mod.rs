//! A second, independent copy of every draft (until finalized or deleted), every finalized
//! submission (until [`plan::KEEP_AFTER_EXPORT_MS`] after its first export), their photos and
//! other files, and the form versions they need, in the Origin Private File System: one file per record in the
//! folder `xonadon-copy`, written whole (`createWritable` writes a temporary file that replaces
//! the record's only on `close`), its JSON sealed with the data key once there is a PIN
//! (`AtRest`), nothing written while locked.
//!
//! Why OPFS: in Chromium it is a backend of its own (files on disk, not IndexedDB's LevelDB),
//! so the failure seen on a full disk (IndexedDB's connection closed, the database at risk)
//! does not take the copy with it. A second IndexedDB database would share IndexedDB's
//! backing store and its failures; Cache Storage is meant for responses, and its entries
//! cannot be replaced atomically one by one as a file can.
//!
//! The copy is written after IndexedDB confirmed a write (`Store`), and read at start-up
//! (`Store::recover`): what IndexedDB lost comes back from it (`plan` decides). A failure here
//! never fails the app's write: IndexedDB already holds it.

pub mod plan;

use std::cell::RefCell;
use std::collections::{HashMap, HashSet};

use js_sys::{Object, Promise, Reflect};
use serde::de::DeserializeOwned;
use serde::Serialize;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use xonadon_storage::{seal, Draft, FormRecord, Media, Submission};

use crate::at_rest::AtRest;
use plan::{file_name, media_id, read_name, split_media_id, Kind};

/// The copy's folder in the origin's private file system.
const FOLDER: &str = "xonadon-copy";

#[wasm_bindgen]
extern "C" {
    /// `FileSystemDirectoryHandle`.
    type Folder;
    #[wasm_bindgen(method, js_name = getDirectoryHandle)]
    fn get_directory_handle(this: &Folder, name: &str, options: &JsValue) -> Promise;
    #[wasm_bindgen(method, js_name = getFileHandle)]
    fn get_file_handle(this: &Folder, name: &str, options: &JsValue) -> Promise;
    #[wasm_bindgen(method, js_name = removeEntry)]
    fn remove_entry(this: &Folder, name: &str) -> Promise;
    #[wasm_bindgen(method)]
    fn keys(this: &Folder) -> js_sys::AsyncIterator;

    /// `FileSystemFileHandle`.
    type FileHandle;
    #[wasm_bindgen(method, js_name = createWritable)]
    fn create_writable(this: &FileHandle) -> Promise;
    #[wasm_bindgen(method, js_name = getFile)]
    fn get_file(this: &FileHandle) -> Promise;

    /// `FileSystemWritableFileStream`.
    type Writable;
    #[wasm_bindgen(method)]
    fn write(this: &Writable, text: &str) -> Promise;
    #[wasm_bindgen(method)]
    fn close(this: &Writable) -> Promise;
    #[wasm_bindgen(method)]
    fn abort(this: &Writable) -> Promise;
}

/// A browser's refusal, as text for the console.
fn said(error: JsValue) -> String {
    error
        .dyn_ref::<js_sys::Error>()
        .map(|e| format!("{}: {}", e.name(), e.message()))
        .unwrap_or_else(|| format!("{error:?}"))
}

async fn wait(promise: Promise) -> Result<JsValue, String> {
    JsFuture::from(promise).await.map_err(said)
}

fn create() -> JsValue {
    let options = Object::new();
    let _ = Reflect::set(&options, &"create".into(), &JsValue::TRUE);
    options.into()
}

/// The copy's folder; `None` where the browser has no private file system (Node, old
/// browsers, some private windows).
async fn folder() -> Option<Folder> {
    let storage = Reflect::get(&js_sys::global(), &"navigator".into())
        .and_then(|n| Reflect::get(&n, &"storage".into()))
        .ok()?;
    let get = Reflect::get(&storage, &"getDirectory".into())
        .ok()?
        .dyn_into::<js_sys::Function>()
        .ok()?;
    let root: Promise = get.call0(&storage).ok()?.dyn_into().ok()?;
    let root: Folder = wait(root).await.ok()?.unchecked_into();
    let ours = wait(root.get_directory_handle(FOLDER, &create()))
        .await
        .ok()?;
    Some(ours.unchecked_into())
}

thread_local! {
    /// The newest version of each file whose write has started (`updated_at_ms`): an older
    /// write that finishes after a newer one is dropped, not committed over it.
    static NEWEST: RefCell<HashMap<String, f64>> = RefCell::new(HashMap::new());
}

/// Writes `text` as the whole file `name`, unless a newer version (`version`) was started
/// meanwhile.
async fn write_file(name: &str, text: &str, version: f64) -> Result<(), String> {
    NEWEST.with(|n| {
        let mut n = n.borrow_mut();
        let newest = n.entry(name.to_string()).or_insert(version);
        *newest = newest.max(version);
    });
    let folder = folder().await.ok_or("no private file system")?;
    let handle: FileHandle = wait(folder.get_file_handle(name, &create()))
        .await?
        .unchecked_into();
    let writable: Writable = wait(handle.create_writable()).await?.unchecked_into();
    if let Err(e) = wait(writable.write(text)).await {
        let _ = wait(writable.abort()).await;
        return Err(e);
    }
    let superseded = NEWEST.with(|n| n.borrow().get(name).is_some_and(|&v| v > version));
    if superseded {
        return wait(writable.abort()).await.map(|_| ());
    }
    wait(writable.close()).await.map(|_| ())
}

async fn remove_file(name: &str) -> Result<(), String> {
    let folder = folder().await.ok_or("no private file system")?;
    match wait(folder.remove_entry(name)).await {
        Err(e) if e.starts_with("NotFoundError") => Ok(()),
        other => other.map(|_| ()),
    }
}

/// Writes `record` sealed as the state of the lock says (nothing while locked).
async fn put<T: Serialize>(at_rest: &AtRest, kind: Kind, id: &str, record: &T, version: f64) {
    let Some(text) = at_rest.encode(kind.sealed_as(), record) else {
        return; // locked: nothing that holds answers is written
    };
    if let Err(e) = write_file(&file_name(kind, id), &text, version).await {
        leptos::logging::warn!("second copy of {id} not written: {e}");
    }
}

/// After IndexedDB saved `draft`.
pub async fn draft_saved(at_rest: &AtRest, draft: &Draft) {
    put(at_rest, Kind::Draft, &draft.id, draft, draft.updated_at_ms).await;
}

/// Before the draft `id` is finalized or deleted: marked so that it never comes back, even
/// from a journal entry after IndexedDB lost its data. Returns whether the mark is written.
pub async fn draft_going(id: &str) -> bool {
    write_file(&file_name(Kind::Gone, id), "", f64::MAX)
        .await
        .is_ok()
}

/// The draft `id` was not finalized or deleted after all (the write failed): unmarked.
pub async fn draft_kept(id: &str) {
    let _ = remove_file(&file_name(Kind::Gone, id)).await;
    NEWEST.with(|n| n.borrow_mut().remove(&file_name(Kind::Gone, id)));
}

/// After IndexedDB finalized or deleted the draft `id`: its copy goes.
pub async fn draft_gone(id: &str) {
    let _ = remove_file(&file_name(Kind::Draft, id)).await;
}

/// After IndexedDB finalized `submission`.
pub async fn submission_saved(at_rest: &AtRest, submission: &Submission) {
    put(
        at_rest,
        Kind::Submission,
        &submission.instance_id,
        submission,
        submission.finalized_at_ms,
    )
    .await;
}

/// The submission `id`'s copy is no longer needed (`plan::copy_expired`).
pub async fn forget_submission(id: &str) {
    let _ = remove_file(&file_name(Kind::Submission, id)).await;
}

/// The mark that the draft `id` is gone is no longer needed: nothing is left that could
/// bring it back (its journal entry and its copy are gone).
pub async fn forget_gone(id: &str) {
    let _ = remove_file(&file_name(Kind::Gone, id)).await;
    NEWEST.with(|n| n.borrow_mut().remove(&file_name(Kind::Gone, id)));
}

/// After IndexedDB stored a form version.
pub async fn form_saved(at_rest: &AtRest, form: &FormRecord) {
    let id = format!("{}@{}", form.form_id, form.version);
    put(at_rest, Kind::Form, &id, form, form.added_at_ms).await;
}

/// A media file as its copy holds it: the bytes in base64, as the copy's files are text.
#[derive(Serialize, serde::Deserialize)]
struct MediaCopy {
    name: String,
    owner: String,
    mime: String,
    base64: String,
}

/// After IndexedDB saved a draft's file (a photo, an audit log). A form's own pictures are
/// not copied: they come with the form again.
pub async fn media_saved(at_rest: &AtRest, media: &Media) {
    use base64::Engine;
    if media.draft_id.starts_with("form:") {
        return;
    }
    let copy = MediaCopy {
        name: media.name.clone(),
        owner: media.draft_id.clone(),
        mime: media.mime.clone(),
        base64: base64::engine::general_purpose::STANDARD.encode(&media.bytes),
    };
    let id = media_id(&media.draft_id, &media.name);
    put(at_rest, Kind::Media, &id, &copy, js_sys::Date::now()).await;
}

/// The file whose copy is `id` ([`plan::media_id`]), read when IndexedDB lost it.
pub async fn read_media(at_rest: &AtRest, id: &str) -> Option<Media> {
    use base64::Engine;
    let folder = folder().await?;
    let text = file_text(&folder, &file_name(Kind::Media, id)).await.ok()?;
    let copy: MediaCopy = decode(at_rest, Kind::Media, &text)?;
    Some(Media {
        name: copy.name,
        draft_id: copy.owner,
        mime: copy.mime,
        bytes: base64::engine::general_purpose::STANDARD
            .decode(copy.base64)
            .ok()?,
    })
}

/// The copy `id` of a file is no longer needed.
pub async fn forget_media(id: &str) {
    let _ = remove_file(&file_name(Kind::Media, id)).await;
}

/// After IndexedDB deleted the files of the draft `owner`: their copies go too.
pub async fn media_gone(owner: &str) {
    let Some(folder) = folder().await else { return };
    let Ok(names) = names(&folder).await else {
        return;
    };
    for name in names {
        if let Some((Kind::Media, id)) = read_name(&name) {
            if split_media_id(&id).is_some_and(|(o, _)| o == owner) {
                let _ = remove_file(&name).await;
            }
        }
    }
}

/// What the copy holds.
#[derive(Debug, Default)]
pub struct Held {
    pub forms: Vec<FormRecord>,
    pub drafts: Vec<Draft>,
    pub submissions: Vec<Submission>,
    /// The files' copies, by [`plan::media_id`]: only named here, read when needed
    /// ([`read_media`]), since photos are large.
    pub media: Vec<String>,
    /// Drafts finalized or deleted.
    pub gone: HashSet<String>,
    /// Files that did not open (another key, damaged, locked).
    pub unreadable: usize,
}

async fn file_text(folder: &Folder, name: &str) -> Result<String, String> {
    let handle: FileHandle = wait(folder.get_file_handle(name, &JsValue::UNDEFINED))
        .await?
        .unchecked_into();
    let file: web_sys::Blob = wait(handle.get_file()).await?.unchecked_into();
    wait(file.text())
        .await?
        .as_string()
        .ok_or_else(|| "not text".into())
}

/// The names of the folder's files.
async fn names(folder: &Folder) -> Result<Vec<String>, String> {
    let keys = folder.keys();
    let mut names = Vec::new();
    loop {
        let step = wait(keys.next().map_err(said)?).await?;
        if Reflect::get(&step, &"done".into()).is_ok_and(|d| d.is_truthy()) {
            return Ok(names);
        }
        if let Some(name) = Reflect::get(&step, &"value".into())
            .ok()
            .and_then(|v| v.as_string())
        {
            names.push(name);
        }
    }
}

fn decode<T: DeserializeOwned>(at_rest: &AtRest, kind: Kind, text: &str) -> Option<T> {
    at_rest.decode(kind.sealed_as(), text)
}

/// Everything the copy holds that opens; `None` where there is no private file system.
pub async fn read(at_rest: &AtRest) -> Option<Held> {
    let folder = folder().await?;
    let mut held = Held::default();
    for name in names(&folder).await.ok()? {
        let Some((kind, id)) = read_name(&name) else {
            continue;
        };
        match kind {
            Kind::Gone => {
                held.gone.insert(id);
                continue;
            }
            Kind::Media => {
                held.media.push(id);
                continue;
            }
            _ => {}
        }
        let Ok(text) = file_text(&folder, &name).await else {
            held.unreadable += 1;
            continue;
        };
        match kind {
            Kind::Draft => match decode(at_rest, kind, &text) {
                Some(d) => held.drafts.push(d),
                None => held.unreadable += 1,
            },
            Kind::Submission => match decode(at_rest, kind, &text) {
                Some(s) => held.submissions.push(s),
                None => held.unreadable += 1,
            },
            Kind::Form => match decode(at_rest, kind, &text) {
                Some(f) => held.forms.push(f),
                None => held.unreadable += 1,
            },
            Kind::Gone | Kind::Media => {}
        }
    }
    Some(held)
}

/// Seals, in place, the files written in clear before the PIN was set (each replaced whole,
/// so a kill leaves it clear or sealed, both readable).
pub async fn seal_all(at_rest: &AtRest) {
    if !matches!(at_rest, AtRest::Open(_)) {
        return;
    }
    let Some(folder) = folder().await else { return };
    let Ok(names) = names(&folder).await else {
        return;
    };
    for name in names {
        let Some((kind, _)) = read_name(&name) else {
            continue;
        };
        if kind == Kind::Gone {
            continue;
        }
        let Ok(text) = file_text(&folder, &name).await else {
            continue;
        };
        if seal::is_sealed_text(&text) {
            continue;
        }
        let value: Option<serde_json::Value> = serde_json::from_str(&text).ok();
        if let Some(sealed) = value.and_then(|v| at_rest.encode(kind.sealed_as(), &v)) {
            let _ = write_file(&name, &sealed, f64::MIN).await;
        }
    }
}
