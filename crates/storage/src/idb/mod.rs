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
//! # Sealed at rest
//!
//! Once the app gives the repository the device's data key ([`IdbRepository::set_key`]),
//! the records that hold answers (drafts, submissions, conflicts, files) are written sealed
//! (`crate::seal`: AES-256-GCM, the store's name as associated data): a `Uint8Array` instead
//! of the JSON text, a file's blob sealed with `sealed: true` beside it. Forms and finalized
//! ids hold no answers and stay in clear. A value is read by what it is, so a database
//! written in clear keeps working and is sealed in place by `sealing.rs`, a record per
//! transaction (a kill midway leaves every record readable).
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
//!
//! # Where things are
//!
//! `schema.rs` the stores and [`migrate`](schema::migrate); `open.rs` opening (and a blocked
//! upgrade); `repository.rs` the [`Repository`](crate::Repository) operations, each one transaction; `ops.rs` the
//! steps they are made of, inside a transaction (add unless held, put, change a submission,
//! the photos' owners, commit); `values.rs` records as stored (JSON text, photos as Blobs,
//! keys, sealed or not); `sealing.rs` sealing a clear database in place; `errors.rs` IndexedDB's errors as [`StorageError`]s.

mod errors;
mod open;
mod ops;
mod repository;
mod schema;
mod sealing;
#[cfg(test)]
mod tests;
mod values;

use std::cell::Cell;
use std::rc::Rc;

use indexed_db_futures::database::Database;
use indexed_db_futures::internals::SystemRepr;
use indexed_db_futures::prelude::*;
use indexed_db_futures::transaction::{
    Transaction, TransactionDurability, TransactionMode, TransactionOptions,
};
use serde::de::DeserializeOwned;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use crate::{Result, StorageError};
use errors::{js_error, IdbResultExt};
use open::open_database;
use ops::{commit, put_at};
use schema::{DRAFTS, FORMS, SUBMISSIONS};
use values::{key_label, Codec};

pub use schema::SCHEMA_VERSION;

/// The database the app uses.
pub const DATABASE_NAME: &str = "xonadon";

/// A [`Repository`](crate::Repository) over IndexedDB.
///
/// Holds one open connection. When a newer Xonadon (in another tab) asks to upgrade the
/// database, this connection closes itself so the upgrade is not blocked, and its operations
/// then fail with [`StorageError::Outdated`] ("reload this page").
pub struct IdbRepository {
    db: Database,
    /// How records are written and read: sealed once the app gives a key ([`Self::set_key`]).
    codec: std::cell::RefCell<values::Codec>,
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
            codec: Default::default(),
            superseded,
            _on_versionchange: on_versionchange,
        })
    }

    /// From now on, records that hold answers are sealed under `key` when written, and
    /// sealed records are opened with it; `None` (a device without a PIN) writes them in
    /// clear, and sealed records do not open ([`StorageError::Locked`]).
    pub fn set_key(&self, key: Option<crate::seal::DataKey>) {
        *self.codec.borrow_mut() = Codec {
            key: key.map(Rc::new),
            locked: false,
        };
    }

    /// Forgets the data key: until [`Self::set_key`], records that hold answers are neither
    /// read nor written ([`StorageError::Locked`]); forms still are.
    pub fn lock(&self) {
        *self.codec.borrow_mut() = Codec {
            key: None,
            locked: true,
        };
    }

    /// The codec as it is now (a copy: never borrowed across an `await`).
    fn codec(&self) -> Codec {
        self.codec.borrow().clone()
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
        let store_name = store;
        let tx = self.read_tx(store)?;
        let store = tx.object_store(store).idb()?;
        let value: Option<JsValue> = store.get(key).primitive().idb()?.await.idb()?;
        let codec = self.codec();
        value
            .map(|v| codec.decode(store_name, &v, what))
            .transpose()
    }

    async fn read_all<T: DeserializeOwned>(&self, store: &str, kind: &str) -> Result<Vec<T>> {
        let (store_name, codec) = (store, self.codec());
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
                codec.decode(store_name, &value, &format!("{kind} {}", key_label(&key)))
            })
            .collect()
    }
}

impl Drop for IdbRepository {
    fn drop(&mut self) {
        let db = self.db.as_sys();
        db.set_onversionchange(None);
        db.close();
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
