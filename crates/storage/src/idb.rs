//! The IndexedDB repository (wasm32 only).
//!
//! # Schema (database [`DATABASE_NAME`], version [`SCHEMA_VERSION`])
//!
//! | store         | key (out of line)       | value                     |
//! |---------------|-------------------------|---------------------------|
//! | `forms`       | `[form_id, version]`    | the `FormRecord` as JSON  |
//! | `drafts`      | `id`                    | the `Draft` as JSON       |
//! | `submissions` | `instance_id`           | the `Submission` as JSON  |
//! | `media`       | `name` (since version 2)| `{draft_id, mime, blob}`: the file as a `Blob` |
//! | `finalized`   | draft `id` (since 3)    | the instance id it was finalized as (a string) |
//! | `conflicts`   | `id` (since 4)          | the `Conflict` as JSON: an imported copy that differs |
//!
//! The schema is created and changed only in [`migrate`].
//!
//! # Why values are JSON strings, not JavaScript objects
//!
//! Each record is stored as the string `serde_json` writes, under a key given beside it:
//!
//! - a record comes back exactly as it was written. Through `serde-wasm-bindgen`, answers
//!   (a `serde_json::Value`) would change on the way: a JavaScript object lists integer-like keys
//!   (`"10"`, `"2"`) first whatever their order, integers beyond 2^53 cannot be represented,
//!   and maps become either `Map`s or objects depending on serializer settings;
//! - there is one encoding to reason about, the same serde types and the same `serde_json`
//!   (with `preserve_order`) the engine uses, and a record that does not parse is reported as
//!   [`StorageError::Corrupt`] naming its key;
//! - it pulls in no `serde-wasm-bindgen`, so it ships fewer bytes.
//!
//! The cost: IndexedDB cannot index fields inside the JSON. Lists are sorted in Rust, which is
//! cheap at a household survey's scale (hundreds of records). If an index is ever needed, a
//! version-2 step in [`migrate`] can add the field beside the JSON (values become
//! `{ json, updated_at_ms }`) and index it.
//!
//! Forms use an array key `[form_id, version]` rather than `"form_id@version"`, so that no id
//! containing `@` can collide with another.
//!
//! # Durability
//!
//! Every write is one `readwrite` transaction with `durability: "strict"`: the browser reports
//! success only once the data is flushed to disk, so an answer the app was told is saved
//! survives a power cut. That costs a few milliseconds per write on cheap flash storage, which is
//! small next to losing a household's answers (the app should still debounce draft saves while
//! the worker types).

use std::cell::{Cell, RefCell};
use std::future::Future;
use std::pin::Pin;
use std::rc::Rc;
use std::task::{Poll, Waker};

use indexed_db_futures::database::Database;
use indexed_db_futures::error::{Error as IdbError, OpenDbError};
use indexed_db_futures::internals::SystemRepr;
use indexed_db_futures::prelude::*;
use indexed_db_futures::transaction::{
    Transaction, TransactionDurability, TransactionMode, TransactionOptions,
};
use indexed_db_futures::KeyRange;
use serde::de::DeserializeOwned;
use serde::Serialize;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use crate::records::{no_submission, sort_conflicts, sort_drafts, sort_forms, sort_submissions};
use crate::{
    Conflict, Draft, ExportRecord, FormRecord, Import, Media, Repository, Resolution, Result,
    Review, StorageError, Submission,
};

/// The database the app uses.
pub const DATABASE_NAME: &str = "xonadon";

/// The schema version this code creates and reads.
pub const SCHEMA_VERSION: u32 = 4;

const FORMS: &str = "forms";
const DRAFTS: &str = "drafts";
const SUBMISSIONS: &str = "submissions";
const MEDIA: &str = "media";
const FINALIZED: &str = "finalized";
const CONFLICTS: &str = "conflicts";

/// The one place where the schema is created and changed.
///
/// Runs inside the `versionchange` transaction of an open request, from the version on disk
/// (`0` for a new database) up to the version requested, one step at a time. A step that fails
/// aborts the whole upgrade: the database stays as it was, and the open fails.
///
/// To add version 2: raise [`SCHEMA_VERSION`] and add a `2 => { ... }` arm. Steps that only
/// add stores or indexes fit here as they are; a step that must rewrite records needs the
/// upgrade transaction's requests awaited (feature `async-upgrade` of `indexed_db_futures` and
/// `with_on_upgrade_needed_fut`). Never change a step that has shipped.
fn migrate(db: &Database, old_version: u32, new_version: u32) -> std::result::Result<(), IdbError> {
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

/// A [`Repository`] over IndexedDB.
///
/// Holds one open connection. When a newer Xonadon (in another tab) asks to upgrade the
/// database, this connection closes itself so the upgrade is not blocked, and its operations
/// then fail with [`StorageError::Outdated`] ("reload this page").
pub struct IdbRepository {
    db: Database,
    superseded: Rc<Cell<bool>>,
    /// Kept alive as long as the connection's `onversionchange` handler points to it.
    _on_versionchange: Closure<dyn FnMut(web_sys::Event)>,
}

impl std::fmt::Debug for IdbRepository {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("IdbRepository")
            .field("name", &self.db.name())
            .field("superseded", &self.superseded.get())
            .finish_non_exhaustive()
    }
}

impl IdbRepository {
    /// Opens the database `name`, creating or upgrading it to [`SCHEMA_VERSION`]. The app
    /// passes [`DATABASE_NAME`]; tests pass a name of their own.
    ///
    /// Errors: [`StorageError::Blocked`] if another tab holds the database open at an older
    /// version and does not let go (the upgrade then goes on by itself once that tab closes);
    /// [`StorageError::Outdated`] if the database on disk is newer than this code;
    /// [`StorageError::Unavailable`] where IndexedDB cannot be used;
    /// [`StorageError::Corrupt`] if the database lacks one of its stores.
    pub async fn open(name: &str) -> Result<Self> {
        Self::open_at(name, SCHEMA_VERSION).await
    }

    async fn open_at(name: &str, version: u32) -> Result<Self> {
        let db = open_database(name, version).await?;
        let names: Vec<String> = db.object_store_names().collect();
        for store in [FORMS, DRAFTS, SUBMISSIONS] {
            if !names.iter().any(|n| n == store) {
                db.as_sys().close();
                return Err(StorageError::Corrupt(format!(
                    "the database \"{name}\" has no \"{store}\" store"
                )));
            }
        }

        let superseded = Rc::new(Cell::new(false));
        let on_versionchange = {
            let superseded = Rc::clone(&superseded);
            let connection: web_sys::IdbDatabase = db.as_sys().clone().into();
            Closure::<dyn FnMut(web_sys::Event)>::new(move |_event: web_sys::Event| {
                superseded.set(true);
                connection.close();
            })
        };
        db.as_sys()
            .set_onversionchange(Some(on_versionchange.as_ref().unchecked_ref()));

        Ok(Self {
            db,
            superseded,
            _on_versionchange: on_versionchange,
        })
    }

    /// The database's name.
    pub fn name(&self) -> String {
        self.db.name()
    }

    /// Closes the connection (dropping the repository does the same).
    pub fn close(self) {}

    fn check_open(&self) -> Result<()> {
        if self.superseded.get() {
            Err(StorageError::Outdated)
        } else {
            Ok(())
        }
    }

    fn read_tx(&self, store: &str) -> Result<Transaction<'_>> {
        self.check_open()?;
        self.db
            .transaction(store)
            .with_mode(TransactionMode::Readonly)
            .build()
            .idb()
    }

    /// Writes one value under `key` in `store`, in a transaction of its own.
    async fn put_one(&self, store: &str, key: &str, value: JsValue) -> Result<()> {
        let (tx, raw) = self.write_tx(&[store])?;
        {
            let store = tx.object_store(store).idb()?;
            put_at(&store, key, value).await?;
        }
        commit(tx, &raw).await
    }

    /// A `readwrite`, `strict` transaction, and the raw transaction to read the cause from if
    /// the commit fails (`indexed_db_futures` only reports "aborted").
    fn write_tx(&self, stores: &[&str]) -> Result<(Transaction<'_>, web_sys::IdbTransaction)> {
        self.check_open()?;
        let tx = self
            .db
            .transaction(stores)
            .with_mode(TransactionMode::Readwrite)
            .with_options(TransactionOptions::new().with_durability(TransactionDurability::Strict))
            .build()
            .idb()?;
        let raw: web_sys::IdbTransaction = tx.as_sys().clone().into();
        Ok((tx, raw))
    }

    async fn get_json<K, T>(&self, store: &str, key: K, what: &str) -> Result<Option<T>>
    where
        K: indexed_db_futures::primitive::TryToJs,
        T: DeserializeOwned,
    {
        let tx = self.read_tx(store)?;
        let store = tx.object_store(store).idb()?;
        let value: Option<JsValue> = store.get(key).primitive().idb()?.await.idb()?;
        value.map(|v| parse(&v, what)).transpose()
    }

    async fn read_all<T: DeserializeOwned>(&self, store: &str, kind: &str) -> Result<Vec<T>> {
        let tx = self.read_tx(store)?;
        let store = tx.object_store(store).idb()?;
        let keys = store.get_all_keys::<JsValue>().primitive().idb()?;
        let values = store.get_all::<JsValue>().primitive().idb()?;
        let keys = keys.await.idb()?;
        let values = values.await.idb()?;
        keys.zip(values)
            .map(|(key, value)| {
                let key = key.idb()?;
                let value = value.idb()?;
                parse(&value, &format!("{kind} {}", key_label(&key)))
            })
            .collect()
    }

    async fn finalize_with(
        &self,
        draft_id: &str,
        submission: &Submission,
        fault: Fault,
    ) -> Result<()> {
        submission.validate()?;
        let text = to_json(submission)?;
        let (tx, raw) = self.write_tx(&[SUBMISSIONS, DRAFTS, FINALIZED, MEDIA])?;
        {
            let submissions = tx.object_store(SUBMISSIONS).idb()?;
            let drafts = tx.object_store(DRAFTS).idb()?;
            let finalized = tx.object_store(FINALIZED).idb()?;
            let key = submission.instance_id.as_str();
            let existing: Option<JsValue> = submissions.get(key).primitive().idb()?.await.idb()?;
            if existing.is_some() {
                // Dropping the transaction aborts it: nothing was written.
                return Err(StorageError::submission_conflict(key));
            }
            submissions
                .add(text)
                .with_key(key)
                .without_key_type()
                .primitive()
                .idb()?
                .await
                .idb()?;
            drafts.delete(draft_id).primitive().idb()?.await.idb()?;
            // The draft's photos now belong to the submission.
            let media = tx.object_store(MEDIA).idb()?;
            for (name, value, owner) in media_owners(&media).await? {
                if owner.as_deref() == Some(draft_id) {
                    put_media_owned_by(&media, &name, value, key).await?;
                }
            }
            put_at(&finalized, draft_id, JsValue::from_str(key)).await?;
        }
        if fault == Fault::AbortBeforeCommit {
            tx.abort().await.idb()?;
            return Err(StorageError::Other("simulated crash before commit".into()));
        }
        commit(tx, &raw).await
    }
}

/// Fault injection for the atomicity tests.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Fault {
    None,
    #[cfg_attr(not(test), allow(dead_code))]
    AbortBeforeCommit,
}

impl Drop for IdbRepository {
    fn drop(&mut self) {
        let db = self.db.as_sys();
        db.set_onversionchange(None);
        db.close();
    }
}

impl Repository for IdbRepository {
    async fn put_form(&self, form: &FormRecord) -> Result<()> {
        form.validate()?;
        let text = to_json(form)?;
        let what = format!("form \"{}\" version \"{}\"", form.form_id, form.version);
        let (tx, raw) = self.write_tx(&[FORMS])?;
        {
            let store = tx.object_store(FORMS).idb()?;
            let key = form_key(form);
            let existing: Option<JsValue> =
                store.get(key.clone()).primitive().idb()?.await.idb()?;
            if let Some(existing) = existing {
                let existing: FormRecord = parse(&existing, &what)?;
                return if existing.json == form.json {
                    Ok(())
                } else {
                    Err(StorageError::form_conflict(form))
                };
            }
            store
                .add(text)
                .with_key(key)
                .without_key_type()
                .primitive()
                .idb()?
                .await
                .idb()?;
        }
        commit(tx, &raw).await
    }

    async fn get_form(&self, form_id: &str, version: &str) -> Result<Option<FormRecord>> {
        let what = format!("form \"{form_id}\" version \"{version}\"");
        self.get_json(FORMS, [form_id, version], &what).await
    }

    async fn list_forms(&self) -> Result<Vec<FormRecord>> {
        let mut forms = self.read_all(FORMS, "form").await?;
        sort_forms(&mut forms);
        Ok(forms)
    }

    async fn put_draft(&self, draft: &Draft) -> Result<()> {
        draft.validate()?;
        let text = to_json(draft)?;
        let (tx, raw) = self.write_tx(&[DRAFTS, FINALIZED])?;
        {
            let finalized = tx.object_store(FINALIZED).idb()?;
            let done: Option<JsValue> = finalized
                .get(draft.id.as_str())
                .primitive()
                .idb()?
                .await
                .idb()?;
            if let Some(instance_id) = done {
                // Dropping the transaction aborts it: nothing was written.
                return Err(StorageError::AlreadyFinalized(
                    instance_id.as_string().unwrap_or_default(),
                ));
            }
            put_at(
                &tx.object_store(DRAFTS).idb()?,
                draft.id.as_str(),
                JsValue::from_str(&text),
            )
            .await?;
        }
        commit(tx, &raw).await
    }

    async fn get_draft(&self, id: &str) -> Result<Option<Draft>> {
        self.get_json(DRAFTS, id, &format!("draft {id}")).await
    }

    async fn list_drafts(&self) -> Result<Vec<Draft>> {
        let mut drafts = self.read_all(DRAFTS, "draft").await?;
        sort_drafts(&mut drafts);
        Ok(drafts)
    }

    async fn delete_draft(&self, id: &str) -> Result<()> {
        let (tx, raw) = self.write_tx(&[DRAFTS])?;
        {
            let store = tx.object_store(DRAFTS).idb()?;
            store.delete(id).primitive().idb()?.await.idb()?;
        }
        commit(tx, &raw).await
    }

    async fn put_submission(&self, submission: &Submission) -> Result<()> {
        submission.validate()?;
        let text = to_json(submission)?;
        let (tx, raw) = self.write_tx(&[SUBMISSIONS])?;
        {
            let store = tx.object_store(SUBMISSIONS).idb()?;
            let key = submission.instance_id.as_str();
            let existing: Option<JsValue> = store.get(key).primitive().idb()?.await.idb()?;
            if existing.is_some() {
                return Err(StorageError::submission_conflict(key));
            }
            store
                .add(text)
                .with_key(key)
                .without_key_type()
                .primitive()
                .idb()?
                .await
                .idb()?;
        }
        commit(tx, &raw).await
    }

    async fn submissions_page(&self, after: Option<&str>, limit: u32) -> Result<Vec<Submission>> {
        let tx = self.read_tx(SUBMISSIONS)?;
        let store = tx.object_store(SUBMISSIONS).idb()?;
        // Instance ids are strings, and "" is the least string: from the first, or after `after`.
        let from = KeyRange::LowerBound(after.unwrap_or_default().to_string(), after.is_some());
        let values: Vec<JsValue> = store
            .get_all::<JsValue>()
            .with_query::<String, _>(from)
            .with_limit(limit)
            .primitive()
            .idb()?
            .await
            .idb()?
            .collect::<std::result::Result<_, _>>()
            .idb()?;
        values.iter().map(|v| parse(v, "submission")).collect()
    }

    async fn get_submission(&self, instance_id: &str) -> Result<Option<Submission>> {
        let what = format!("submission {instance_id}");
        self.get_json(SUBMISSIONS, instance_id, &what).await
    }

    async fn list_submissions(&self) -> Result<Vec<Submission>> {
        let mut submissions = self.read_all(SUBMISSIONS, "submission").await?;
        sort_submissions(&mut submissions);
        Ok(submissions)
    }

    async fn finalize(&self, draft_id: &str, submission: &Submission) -> Result<()> {
        self.finalize_with(draft_id, submission, Fault::None).await
    }

    async fn put_media(&self, media: &Media) -> Result<()> {
        self.put_one(MEDIA, &media.name, media_value(media)?).await
    }

    async fn get_media(&self, name: &str) -> Result<Option<Media>> {
        let tx = self.read_tx(MEDIA)?;
        let store = tx.object_store(MEDIA).idb()?;
        let value: Option<JsValue> = store.get(name).primitive().idb()?.await.idb()?;
        let Some(value) = value else { return Ok(None) };
        let corrupt = || StorageError::Corrupt(format!("file {name}"));
        let field = |k: &str| js_sys::Reflect::get(&value, &JsValue::from_str(k)).ok();
        let draft_id = field("draft_id")
            .and_then(|v| v.as_string())
            .ok_or_else(corrupt)?;
        let mime = field("mime")
            .and_then(|v| v.as_string())
            .ok_or_else(corrupt)?;
        let blob: web_sys::Blob = field("blob")
            .and_then(|v| v.dyn_into().ok())
            .ok_or_else(corrupt)?;
        let buffer = wasm_bindgen_futures::JsFuture::from(blob.array_buffer())
            .await
            .map_err(|_| corrupt())?;
        Ok(Some(Media {
            name: name.to_string(),
            draft_id,
            mime,
            bytes: js_sys::Uint8Array::new(&buffer).to_vec(),
        }))
    }

    async fn delete_media_of(&self, draft_id: &str) -> Result<()> {
        let (tx, raw) = self.write_tx(&[MEDIA])?;
        {
            let store = tx.object_store(MEDIA).idb()?;
            for (name, _, owner) in media_owners(&store).await? {
                if owner.as_deref() == Some(draft_id) {
                    store.delete(name.as_str()).primitive().idb()?.await.idb()?;
                }
            }
        }
        commit(tx, &raw).await
    }

    async fn media_index(&self) -> Result<Vec<(String, String)>> {
        let tx = self.read_tx(MEDIA)?;
        let store = tx.object_store(MEDIA).idb()?;
        Ok(media_owners(&store)
            .await?
            .into_iter()
            .filter_map(|(name, _, owner)| Some((name, owner?)))
            .collect())
    }

    async fn set_review(&self, instance_id: &str, review: &Review) -> Result<()> {
        let (tx, raw) = self.write_tx(&[SUBMISSIONS])?;
        {
            let store = tx.object_store(SUBMISSIONS).idb()?;
            let changed = modify_submission(&store, instance_id, |s| s.review = review.clone());
            if !changed.await? {
                return Err(no_submission(instance_id));
            }
        }
        commit(tx, &raw).await
    }

    async fn record_export(&self, instance_ids: &[String], record: &ExportRecord) -> Result<()> {
        let (tx, raw) = self.write_tx(&[SUBMISSIONS])?;
        {
            let store = tx.object_store(SUBMISSIONS).idb()?;
            for id in instance_ids {
                modify_submission(&store, id, |s| s.exports.push(record.clone())).await?;
            }
        }
        commit(tx, &raw).await
    }

    async fn import(&self, import: &Import) -> Result<()> {
        for s in &import.submissions {
            s.validate()?;
        }
        for f in &import.forms {
            f.validate()?;
        }
        let (tx, raw) = self.write_tx(&[FORMS, SUBMISSIONS, MEDIA, CONFLICTS])?;
        // Any early return drops the transaction, which aborts it: nothing is written.
        {
            let forms = tx.object_store(FORMS).idb()?;
            for f in &import.forms {
                let what = format!("form \"{}\" version \"{}\"", f.form_id, f.version);
                let held: Option<JsValue> =
                    forms.get(form_key(f)).primitive().idb()?.await.idb()?;
                match held {
                    Some(held) if parse::<FormRecord>(&held, &what)?.json == f.json => {}
                    Some(_) => return Err(StorageError::form_conflict(f)),
                    None => {
                        forms
                            .add(to_json(f)?)
                            .with_key(form_key(f))
                            .without_key_type()
                            .primitive()
                            .idb()?
                            .await
                            .idb()?;
                    }
                }
            }
            let submissions = tx.object_store(SUBMISSIONS).idb()?;
            for s in &import.submissions {
                let key = s.instance_id.as_str();
                let held: Option<JsValue> = submissions.get(key).primitive().idb()?.await.idb()?;
                if held.is_some() {
                    return Err(StorageError::submission_conflict(key));
                }
                submissions
                    .add(to_json(s)?)
                    .with_key(key)
                    .without_key_type()
                    .primitive()
                    .idb()?
                    .await
                    .idb()?;
            }
            for (id, review) in &import.reviews {
                if !modify_submission(&submissions, id, |s| s.review = review.clone()).await? {
                    return Err(no_submission(id));
                }
            }
            let media = tx.object_store(MEDIA).idb()?;
            for m in &import.media {
                put_at(&media, m.name.as_str(), media_value(m)?).await?;
            }
            let conflicts = tx.object_store(CONFLICTS).idb()?;
            for c in &import.conflicts {
                put_at(&conflicts, c.id.as_str(), JsValue::from_str(&to_json(c)?)).await?;
            }
        }
        commit(tx, &raw).await
    }

    async fn list_conflicts(&self) -> Result<Vec<Conflict>> {
        let mut list = self.read_all(CONFLICTS, "conflict").await?;
        sort_conflicts(&mut list);
        Ok(list)
    }

    async fn resolve_conflict(&self, id: &str, resolution: Resolution) -> Result<()> {
        let (tx, raw) = self.write_tx(&[CONFLICTS, SUBMISSIONS, MEDIA])?;
        {
            let conflicts = tx.object_store(CONFLICTS).idb()?;
            let held: Option<JsValue> = conflicts.get(id).primitive().idb()?.await.idb()?;
            let Some(value) = held else { return Ok(()) };
            let conflict: Conflict = parse(&value, &format!("conflict {id}"))?;
            let media = tx.object_store(MEDIA).idb()?;
            let owners = media_owners(&media).await?;
            let s = &conflict.submission;
            let take = resolution == Resolution::TakeImported;
            let prefix = Conflict::media_name(id, "");
            let mut moved = Vec::new();
            // Deletes first: a moved photo may take the name of a held one.
            for (name, value, owner) in owners {
                let owner = owner.as_deref();
                if owner == Some(id) || (take && owner == Some(s.instance_id.as_str())) {
                    media.delete(name.as_str()).primitive().idb()?.await.idb()?;
                }
                if take && owner == Some(id) {
                    let own = name.strip_prefix(&prefix).unwrap_or(&name).to_string();
                    moved.push((own, value));
                }
            }
            for (name, value) in moved {
                // The copy's photo takes its own name again, owned by the submission.
                put_media_owned_by(&media, &name, value, &s.instance_id).await?;
            }
            if take {
                put_at(
                    &tx.object_store(SUBMISSIONS).idb()?,
                    s.instance_id.as_str(),
                    JsValue::from_str(&to_json(s)?),
                )
                .await?;
            }
            conflicts.delete(id).primitive().idb()?.await.idb()?;
        }
        commit(tx, &raw).await
    }
}

/// Asks the browser to keep this site's data even when the device runs short of space
/// (`navigator.storage.persist()`). Without it, Chrome may evict IndexedDB under storage
/// pressure. Returns whether the data is now persistent; Chrome grants it to installed apps and
/// sites the user engages with, and may refuse silently otherwise. Call it once at start-up.
pub async fn request_persistent_storage() -> Result<bool> {
    let window = web_sys::window()
        .ok_or_else(|| StorageError::Unavailable("no window: not running in a page".into()))?;
    let storage = window.navigator().storage();
    if storage.is_undefined() {
        // No StorageManager: an insecure (plain http) origin or an old browser.
        return Ok(false);
    }
    let promise = storage.persist().map_err(|e| js_error(&e))?;
    let granted = wasm_bindgen_futures::JsFuture::from(promise)
        .await
        .map_err(|e| js_error(&e))?;
    Ok(granted.as_bool().unwrap_or(false))
}

/// Opens the database, running [`migrate`]. If the open is blocked (another connection at an
/// older version does not close), returns [`StorageError::Blocked`] at once and lets the open
/// request finish by itself in the background: dropping it instead would remove its upgrade
/// handler, and the upgrade would then run later with no schema change at all.
async fn open_database(name: &str, version: u32) -> Result<Database> {
    let blocked = Rc::new(Signal::default());
    let request = {
        let blocked = Rc::clone(&blocked);
        Database::open(name)
            .with_version(version)
            .with_on_blocked(move |_event| {
                blocked.fire();
                Ok(())
            })
            .with_on_upgrade_needed(|event, db| {
                // Versions are whole numbers stored as f64; the casts are exact.
                let old = event.old_version() as u32;
                let new = event.new_version().map_or(old, |v| v as u32);
                migrate(&db, old, new)
            })
            .build()
            .map_err(open_error)?
    };
    let mut request = Some(request);
    let outcome = std::future::poll_fn(|cx| {
        let pending = request.as_mut().expect("not polled after completion");
        if let Poll::Ready(result) = Pin::new(pending).poll(cx) {
            return Poll::Ready(Some(result));
        }
        if blocked.fired.get() {
            return Poll::Ready(None);
        }
        *blocked.waker.borrow_mut() = Some(cx.waker().clone());
        Poll::Pending
    })
    .await;
    match outcome {
        Some(result) => result.map_err(open_error),
        None => {
            if let Some(pending) = request.take() {
                wasm_bindgen_futures::spawn_local(async move {
                    if let Ok(db) = pending.await {
                        db.close();
                    }
                });
            }
            Err(StorageError::Blocked)
        }
    }
}

/// A one-shot flag with a waker: the `blocked` event fired.
#[derive(Default)]
struct Signal {
    fired: Cell<bool>,
    waker: RefCell<Option<Waker>>,
}

impl Signal {
    fn fire(&self) {
        self.fired.set(true);
        if let Some(waker) = self.waker.borrow_mut().take() {
            waker.wake();
        }
    }
}

/// Commits, and if the transaction aborted instead, reports why (e.g. `QuotaExceededError`,
/// which Chrome raises at commit time).
async fn commit(tx: Transaction<'_>, raw: &web_sys::IdbTransaction) -> Result<()> {
    match tx.commit().await {
        Ok(()) => Ok(()),
        Err(error) => Err(match raw.error() {
            Some(cause) => StorageError::from_dom_exception(&cause.name(), &cause.message()),
            None => map_error(error),
        }),
    }
}

/// A photo as the `media` store holds it: `{draft_id, mime, blob}`.
fn media_value(media: &Media) -> Result<JsValue> {
    let value = js_sys::Object::new();
    let blob = media
        .to_blob()
        .map_err(|e| StorageError::Other(format!("cannot make a file of {}: {e:?}", media.name)))?;
    for (k, v) in [
        ("draft_id", JsValue::from_str(&media.draft_id)),
        ("mime", JsValue::from_str(&media.mime)),
        ("blob", blob.into()),
    ] {
        js_sys::Reflect::set(&value, &JsValue::from_str(k), &v)
            .map_err(|e| StorageError::Other(format!("{e:?}")))?;
    }
    Ok(value.into())
}

/// `value` under `key` in `store` (of a `readwrite` transaction), replacing what was there.
async fn put_at(
    store: &indexed_db_futures::object_store::ObjectStore<'_>,
    key: &str,
    value: JsValue,
) -> Result<()> {
    store
        .put(value)
        .with_key(key)
        .without_key_type()
        .primitive()
        .idb()?
        .await
        .idb()?;
    Ok(())
}

/// A photo's stored `value` put under `name` with `owner` as its owner (a photo handed from a
/// draft to its submission, or from a conflicting copy to the submission it replaces).
async fn put_media_owned_by(
    store: &indexed_db_futures::object_store::ObjectStore<'_>,
    name: &str,
    value: JsValue,
    owner: &str,
) -> Result<()> {
    js_sys::Reflect::set(&value, &JsValue::from_str("draft_id"), &owner.into())
        .map_err(|e| StorageError::Other(format!("{e:?}")))?;
    put_at(store, name, value).await
}

/// Every file in the `media` store `store`, with its value and its owner (the draft id).
async fn media_owners(
    store: &indexed_db_futures::object_store::ObjectStore<'_>,
) -> Result<Vec<(String, JsValue, Option<String>)>> {
    let keys = store.get_all_keys::<JsValue>().primitive().idb()?;
    let values = store.get_all::<JsValue>().primitive().idb()?;
    let (keys, values) = (keys.await.idb()?, values.await.idb()?);
    let owner_key = JsValue::from_str("draft_id");
    keys.zip(values)
        .map(|(name, value)| {
            let (name, value) = (name.idb()?, value.idb()?);
            let owner = js_sys::Reflect::get(&value, &owner_key)
                .ok()
                .and_then(|o| o.as_string());
            Ok((key_label(&name), value, owner))
        })
        .collect()
}

/// Reads the submission `id` in `store` (of a `readwrite` transaction), changes it with
/// `change` and writes it back; `false` if there is none.
async fn modify_submission(
    store: &indexed_db_futures::object_store::ObjectStore<'_>,
    id: &str,
    change: impl FnOnce(&mut Submission),
) -> Result<bool> {
    let value: Option<JsValue> = store.get(id).primitive().idb()?.await.idb()?;
    let Some(value) = value else { return Ok(false) };
    let mut s: Submission = parse(&value, &format!("submission {id}"))?;
    change(&mut s);
    put_at(store, id, JsValue::from_str(&to_json(&s)?)).await?;
    Ok(true)
}

fn form_key(form: &FormRecord) -> [String; 2] {
    [form.form_id.clone(), form.version.clone()]
}

fn to_json<T: Serialize>(record: &T) -> Result<String> {
    serde_json::to_string(record).map_err(|e| StorageError::Invalid(e.to_string()))
}

fn parse<T: DeserializeOwned>(value: &JsValue, what: &str) -> Result<T> {
    let text = value
        .as_string()
        .ok_or_else(|| StorageError::Corrupt(format!("{what} is not JSON text")))?;
    serde_json::from_str(&text).map_err(|e| StorageError::Corrupt(format!("{what}: {e}")))
}

fn key_label(key: &JsValue) -> String {
    match key.as_string() {
        Some(s) => s,
        None => js_sys::JSON::stringify(key)
            .map(String::from)
            .unwrap_or_else(|_| format!("{key:?}")),
    }
}

pub(crate) fn map_error(error: IdbError) -> StorageError {
    match error {
        IdbError::DomException(e) => {
            let e: web_sys::DomException = e.into();
            StorageError::from_dom_exception(&e.name(), &e.message())
        }
        other => StorageError::Other(other.to_string()),
    }
}

fn open_error(error: OpenDbError) -> StorageError {
    match error {
        OpenDbError::UnsupportedEnvironment | OpenDbError::NullFactory => {
            StorageError::Unavailable("this browser window offers no IndexedDB".into())
        }
        OpenDbError::Base(e) => map_error(e),
        other => StorageError::Other(other.to_string()),
    }
}

fn js_error(value: &JsValue) -> StorageError {
    match value.dyn_ref::<web_sys::DomException>() {
        Some(e) => StorageError::from_dom_exception(&e.name(), &e.message()),
        None => StorageError::Other(key_label(value)),
    }
}

trait IdbResultExt<T> {
    fn idb(self) -> Result<T>;
}

impl<T> IdbResultExt<T> for std::result::Result<T, IdbError> {
    fn idb(self) -> Result<T> {
        self.map_err(map_error)
    }
}

impl Media {
    /// The file as a browser `Blob` of its MIME type (to store it, or to show it with
    /// `URL.createObjectURL`).
    pub fn to_blob(&self) -> std::result::Result<web_sys::Blob, JsValue> {
        let bytes = js_sys::Uint8Array::from(self.bytes.as_slice());
        let options = web_sys::BlobPropertyBag::new();
        options.set_type(&self.mime);
        web_sys::Blob::new_with_u8_array_sequence_and_options(&js_sys::Array::of1(&bytes), &options)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::contract;
    use wasm_bindgen_test::*;

    wasm_bindgen_test_configure!(run_in_browser);

    fn unique(label: &str) -> String {
        format!("xonadon-unit-{label}-{}", js_sys::Math::random())
    }

    /// If the transaction dies after both writes (a crash, a quota failure at commit), neither
    /// the submission nor the deletion is kept.
    #[wasm_bindgen_test]
    async fn finalize_aborted_before_commit_keeps_the_draft_and_writes_nothing() {
        let repo = IdbRepository::open(&unique("abort")).await.unwrap();
        let draft = contract::draft("a1", "f", 1.0);
        repo.put_draft(&draft).await.unwrap();
        let submission = contract::submission("a1", "f", 2.0);
        let err = repo
            .finalize_with("a1", &submission, Fault::AbortBeforeCommit)
            .await
            .unwrap_err();
        assert!(matches!(err, StorageError::Other(_)), "{err:?}");
        assert_eq!(repo.get_draft("a1").await.unwrap(), Some(draft));
        assert_eq!(repo.get_submission("a1").await.unwrap(), None);
        // And it can still be finalized properly afterwards.
        repo.finalize("a1", &submission).await.unwrap();
        assert_eq!(repo.get_draft("a1").await.unwrap(), None);
        assert_eq!(repo.get_submission("a1").await.unwrap(), Some(submission));
    }

    /// A connection that ignores `versionchange` (an old tab) blocks the upgrade: the open says
    /// so at once instead of hanging, and the database is left intact.
    #[wasm_bindgen_test]
    async fn a_blocked_upgrade_is_reported() {
        let name = unique("blocked");
        // An "old tab": opens the current version and never closes on versionchange.
        let repo = IdbRepository::open(&name).await.unwrap();
        repo.put_draft(&contract::draft("kept", "f", 1.0))
            .await
            .unwrap();
        let old_tab = Database::open(name.as_str())
            .with_version(SCHEMA_VERSION)
            .await
            .unwrap();

        let err = IdbRepository::open_at(&name, SCHEMA_VERSION + 1)
            .await
            .unwrap_err();
        assert_eq!(err, StorageError::Blocked);

        // Our own connection stepped aside for the upgrade and says so.
        assert_eq!(
            repo.list_drafts().await.unwrap_err(),
            StorageError::Outdated
        );
        drop(repo);

        // The old tab closes: the pending upgrade runs, finds no step for the next version, and
        // fails, leaving the current version and its data as they were.
        old_tab.close();
        let mut reopened = None;
        for _ in 0..50 {
            match IdbRepository::open(&name).await {
                Ok(repo) => {
                    reopened = Some(repo);
                    break;
                }
                Err(StorageError::Blocked) => sleep_ms(20).await,
                Err(other) => panic!("{other:?}"),
            }
        }
        let reopened = reopened.expect("the database opens once the old tab is gone");
        let drafts = reopened.list_drafts().await.unwrap();
        assert_eq!(drafts.len(), 1);
        assert_eq!(drafts[0].id, "kept");
    }

    /// A device that saved drafts with schema version 1 keeps them when the app moves to
    /// version 2 (photos), and can then store photos.
    #[wasm_bindgen_test]
    async fn version_1_data_survives_the_upgrades() {
        let name = unique("upgrade");
        let v1 = IdbRepository::open_at(&name, 1).await.unwrap();
        // Written as version 1 wrote drafts (its stores only).
        let old = contract::draft("old", "f", 1.0);
        let text = serde_json::to_string(&old).unwrap();
        v1.put_one(DRAFTS, "old", JsValue::from_str(&text))
            .await
            .unwrap();
        v1.close();
        let now = IdbRepository::open_at(&name, SCHEMA_VERSION).await.unwrap();
        assert_eq!(now.get_draft("old").await.unwrap(), Some(old.clone()));
        let photo = Media {
            name: "p.jpg".into(),
            draft_id: "old".into(),
            mime: "image/jpeg".into(),
            bytes: vec![1, 2],
        };
        now.put_media(&photo).await.unwrap();
        assert_eq!(now.get_media("p.jpg").await.unwrap(), Some(photo));
        let s = contract::submission("old-s", "f", 2.0);
        now.finalize("old", &s).await.unwrap();
        assert_eq!(
            now.put_draft(&old).await,
            Err(StorageError::AlreadyFinalized("old-s".into()))
        );
    }

    /// The error mapping on real `DOMException`s, as IndexedDB raises them.
    #[wasm_bindgen_test]
    fn dom_exceptions_map_to_storage_errors() {
        let cases = [
            ("QuotaExceededError", StorageError::QuotaExceeded),
            ("VersionError", StorageError::Outdated),
        ];
        for (name, expected) in cases {
            let e = web_sys::DomException::new_with_message_and_name("m", name).unwrap();
            let error = IdbError::from(JsValue::from(e.clone()));
            assert_eq!(map_error(error), expected, "{name}");
            assert_eq!(js_error(&e.into()), expected, "{name}");
        }
        let e =
            web_sys::DomException::new_with_message_and_name("gone", "InvalidStateError").unwrap();
        assert!(matches!(
            map_error(IdbError::from(JsValue::from(e))),
            StorageError::Unavailable(d) if d == "InvalidStateError: gone"
        ));
        let e = web_sys::DomException::new_with_message_and_name("disk", "UnknownError").unwrap();
        assert!(matches!(
            map_error(IdbError::from(JsValue::from(e))),
            StorageError::Other(d) if d == "UnknownError: disk"
        ));
    }

    async fn sleep_ms(ms: i32) {
        let promise = js_sys::Promise::new(&mut |resolve, _| {
            web_sys::window()
                .unwrap()
                .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms)
                .unwrap();
        });
        wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
    }
}
