//! The steps a write is made of, inside one `readwrite` transaction: add unless held, put,
//! change a submission, hand photos to a new owner, commit.

use indexed_db_futures::object_store::ObjectStore;
use indexed_db_futures::prelude::*;
use indexed_db_futures::primitive::TryToJs;
use indexed_db_futures::transaction::Transaction;
use wasm_bindgen::prelude::*;

use indexed_db_futures::error::Error as IdbError;
use indexed_db_futures::internals::SystemRepr;

use super::errors::{map_error, IdbResultExt};
use super::schema::SUBMISSIONS;
use super::values::{key_label, Codec};
use crate::{Result, StorageError, Submission};

/// A request's failure inside `store`'s transaction. When the transaction aborts, its
/// requests fail with AbortError, which says nothing; the transaction's own error says why
/// (on a full disk Chromium's UnknownError "… FILE_ERROR_NO_SPACE …").
pub(super) fn request_error(store: &ObjectStore<'_>, error: IdbError) -> StorageError {
    let mapped = map_error(error);
    if !matches!(&mapped, StorageError::Other(d) if d.starts_with("AbortError")) {
        return mapped;
    }
    match store.as_sys().transaction().error() {
        Some(cause) => StorageError::from_dom_exception(&cause.name(), &cause.message()),
        None => mapped,
    }
}

/// Commits, and if the transaction aborted instead, reports why (e.g. `QuotaExceededError`,
/// which Chrome raises at commit time).
pub(super) async fn commit(tx: Transaction<'_>, raw: &web_sys::IdbTransaction) -> Result<()> {
    match tx.commit().await {
        Ok(()) => Ok(()),
        Err(error) => Err(match raw.error() {
            Some(cause) => StorageError::from_dom_exception(&cause.name(), &cause.message()),
            None => map_error(error),
        }),
    }
}

/// Adds `value` under `key` in `store` (of a `readwrite` transaction) unless the key already
/// holds a record: then `held` decides, from what is there, whether that is fine (`Ok`, nothing
/// written: the same form again) or an error (a different form under the same version, a
/// submission imported twice). An error drops the transaction, so nothing of it is written.
pub(super) async fn add_unless_held<K: TryToJs>(
    store: &ObjectStore<'_>,
    key: K,
    value: JsValue,
    held: impl FnOnce(&JsValue) -> Result<()>,
) -> Result<()> {
    let existing: Option<JsValue> = store.get(&key).primitive().idb()?.await.idb()?;
    if let Some(existing) = existing {
        return held(&existing);
    }
    store
        .add(value)
        .with_key(key)
        .without_key_type()
        .primitive()
        .idb()?
        .await
        .map_err(|e| request_error(store, e))?;
    Ok(())
}

/// `value` under `key` in `store` (of a `readwrite` transaction), replacing what was there.
pub(super) async fn put_at(store: &ObjectStore<'_>, key: &str, value: JsValue) -> Result<()> {
    store
        .put(value)
        .with_key(key)
        .without_key_type()
        .primitive()
        .idb()?
        .await
        .map_err(|e| request_error(store, e))?;
    Ok(())
}

/// A photo's stored `value` put under `name` with `owner` as its owner (a photo handed from a
/// draft to its submission, or from a conflicting copy to the submission it replaces).
pub(super) async fn put_media_owned_by(
    store: &ObjectStore<'_>,
    name: &str,
    value: JsValue,
    owner: &str,
) -> Result<()> {
    js_sys::Reflect::set(&value, &JsValue::from_str("draft_id"), &owner.into())
        .map_err(|e| StorageError::Other(format!("{e:?}")))?;
    put_at(store, name, value).await
}

/// Every file in the `media` store `store`, with its value and its owner (the draft id).
pub(super) async fn media_owners(
    store: &ObjectStore<'_>,
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
pub(super) async fn modify_submission(
    codec: &Codec,
    store: &ObjectStore<'_>,
    id: &str,
    change: impl FnOnce(&mut Submission),
) -> Result<bool> {
    let value: Option<JsValue> = store.get(id).primitive().idb()?.await.idb()?;
    let Some(value) = value else { return Ok(false) };
    let mut s: Submission = codec.decode(SUBMISSIONS, &value, &format!("submission {id}"))?;
    change(&mut s);
    put_at(store, id, codec.encode(SUBMISSIONS, &s)?).await?;
    Ok(true)
}
