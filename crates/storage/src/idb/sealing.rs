//! Sealing a database written in clear text (before the worker set a PIN, or by an older
//! Xonadon) in place, a record at a time.
//!
//! Each record is sealed in a transaction of its own that first checks the record is still
//! the clear text that was read: a kill (a flat battery, a closed tab) between two records
//! leaves some sealed and some clear, and both kinds are read ([`Codec::decode`] reads a
//! record by what it is), so no record is ever lost or unreadable, and the next start seals
//! the rest.

use indexed_db_futures::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use super::errors::IdbResultExt;
use super::ops::{commit, put_at};
use super::schema::{CONFLICTS, DRAFTS, MEDIA, SUBMISSIONS};
use super::values::SEALED;
use super::IdbRepository;
use crate::{Result, StorageError};

impl IdbRepository {
    /// Seals every record that holds answers and is still in clear text, under the key given
    /// by [`IdbRepository::set_key`]; returns how many it sealed. [`StorageError::Locked`]
    /// without a key.
    pub async fn seal_all(&self) -> Result<usize> {
        let codec = self.codec();
        if codec.key.is_none() {
            return Err(StorageError::Locked);
        }
        let mut sealed = 0;
        for store in [DRAFTS, SUBMISSIONS, CONFLICTS] {
            for (key, value) in self.entries(store).await? {
                let Some(text) = value.as_string() else {
                    continue;
                };
                let value = codec.seal_text(store, &text)?;
                if self
                    .replace_if(store, &key, value, |held| {
                        held.as_string().as_deref() == Some(text.as_str())
                    })
                    .await?
                {
                    sealed += 1;
                }
            }
        }
        for (name, value) in self.entries(MEDIA).await? {
            if is_sealed_media(&value) {
                continue;
            }
            let blob: web_sys::Blob = js_sys::Reflect::get(&value, &"blob".into())
                .ok()
                .and_then(|b| b.dyn_into().ok())
                .ok_or_else(|| StorageError::Corrupt("a file without its contents".into()))?;
            let buffer = wasm_bindgen_futures::JsFuture::from(blob.array_buffer())
                .await
                .map_err(|_| StorageError::Corrupt("a file that cannot be read".into()))?;
            let bytes = js_sys::Uint8Array::new(&buffer).to_vec();
            let sealed_value = js_sys::Object::new();
            for field in ["draft_id", "mime"] {
                let v = js_sys::Reflect::get(&value, &field.into()).unwrap_or(JsValue::UNDEFINED);
                let _ = js_sys::Reflect::set(&sealed_value, &field.into(), &v);
            }
            let _ = js_sys::Reflect::set(
                &sealed_value,
                &"blob".into(),
                &codec.sealed_blob(&bytes)?.into(),
            );
            let _ = js_sys::Reflect::set(&sealed_value, &SEALED.into(), &JsValue::TRUE);
            // Only if the file is still the clear one read, and with its owner as it is then.
            let owner = js_sys::Reflect::get(&value, &"draft_id".into()).ok();
            if self
                .replace_if(MEDIA, &name, sealed_value.into(), |held| {
                    !is_sealed_media(held)
                        && js_sys::Reflect::get(held, &"draft_id".into()).ok() == owner
                })
                .await?
            {
                sealed += 1;
            }
        }
        Ok(sealed)
    }

    /// Every (key, value) of `store`.
    pub(super) async fn entries(&self, store: &str) -> Result<Vec<(JsValue, JsValue)>> {
        let tx = self.read_tx(store)?;
        let store = tx.object_store(store).idb()?;
        let keys = store.get_all_keys::<JsValue>().primitive().idb()?;
        let values = store.get_all::<JsValue>().primitive().idb()?;
        let (keys, values) = (keys.await.idb()?, values.await.idb()?);
        keys.zip(values)
            .map(|(k, v)| Ok((k.idb()?, v.idb()?)))
            .collect()
    }

    /// Puts `value` under `key` in `store`, in one transaction, if what is held there passes
    /// `still`; whether it did.
    async fn replace_if(
        &self,
        store: &str,
        key: &JsValue,
        value: JsValue,
        still: impl FnOnce(&JsValue) -> bool,
    ) -> Result<bool> {
        let (tx, raw) = self.write_tx(&[store])?;
        {
            let store = tx.object_store(store).idb()?;
            let held: Option<JsValue> = store.get(key).primitive().idb()?.await.idb()?;
            if !held.is_some_and(|h| still(&h)) {
                return Ok(false); // the dropped transaction writes nothing
            }
            let key = key.as_string().ok_or_else(|| {
                StorageError::Corrupt("a record under a key that is not text".into())
            })?;
            put_at(&store, &key, value).await?;
        }
        commit(tx, &raw).await?;
        Ok(true)
    }
}

fn is_sealed_media(value: &JsValue) -> bool {
    js_sys::Reflect::get(value, &SEALED.into()).is_ok_and(|s| s.is_truthy())
}
