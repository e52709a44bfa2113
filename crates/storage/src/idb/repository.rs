//! The [`Repository`] operations over IndexedDB: each one `readwrite`, `strict` transaction
//! (or one read), so a write is all or nothing.

use indexed_db_futures::prelude::*;
use indexed_db_futures::KeyRange;
use wasm_bindgen::prelude::*;

use super::errors::IdbResultExt;
use super::ops::{
    add_unless_held, commit, media_owners, modify_submission, put_at, put_media_owned_by,
};
use super::schema::{CONFLICTS, DRAFTS, FINALIZED, FORMS, MEDIA, SUBMISSIONS};
use super::values::{form_key, Codec, SEALED};
use super::IdbRepository;
use crate::records::{no_submission, sort_conflicts, sort_drafts, sort_forms, sort_submissions};
use crate::{
    Conflict, Draft, ExportRecord, FormRecord, Import, Media, Repository, Resolution, Result,
    Review, StorageError, Submission,
};

impl Repository for IdbRepository {
    async fn put_form(&self, form: &FormRecord) -> Result<()> {
        form.validate()?;
        let codec = self.codec();
        let value = codec.encode(FORMS, form)?;
        let (tx, raw) = self.write_tx(&[FORMS])?;
        {
            let store = tx.object_store(FORMS).idb()?;
            add_unless_held(&store, form_key(form), value, |held| {
                same_form(&codec, held, form)
            })
            .await?;
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
        let value = self.codec().encode(DRAFTS, draft)?;
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
            put_at(&tx.object_store(DRAFTS).idb()?, draft.id.as_str(), value).await?;
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
        let value = self.codec().encode(SUBMISSIONS, submission)?;
        let (tx, raw) = self.write_tx(&[SUBMISSIONS])?;
        {
            let store = tx.object_store(SUBMISSIONS).idb()?;
            let key = submission.instance_id.as_str();
            add_unless_held(&store, key, value, |_| {
                Err(StorageError::submission_conflict(key))
            })
            .await?;
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
        let codec = self.codec();
        values
            .iter()
            .map(|v| codec.decode(SUBMISSIONS, v, "submission"))
            .collect()
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
        let value = self.codec().media_value(media)?;
        self.put_one(MEDIA, &media.name, value).await
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
        let mut bytes = js_sys::Uint8Array::new(&buffer).to_vec();
        if field(SEALED).is_some_and(|s| s.is_truthy()) {
            bytes = self.codec().open(MEDIA, &bytes, &format!("file {name}"))?;
        }
        Ok(Some(Media {
            name: name.to_string(),
            draft_id,
            mime,
            bytes,
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
        let codec = self.codec();
        let (tx, raw) = self.write_tx(&[SUBMISSIONS])?;
        {
            let store = tx.object_store(SUBMISSIONS).idb()?;
            let changed =
                modify_submission(&codec, &store, instance_id, |s| s.review = review.clone());
            if !changed.await? {
                return Err(no_submission(instance_id));
            }
        }
        commit(tx, &raw).await
    }

    async fn record_export(&self, instance_ids: &[String], record: &ExportRecord) -> Result<()> {
        let codec = self.codec();
        let (tx, raw) = self.write_tx(&[SUBMISSIONS])?;
        {
            let store = tx.object_store(SUBMISSIONS).idb()?;
            for id in instance_ids {
                modify_submission(&codec, &store, id, |s| s.exports.push(record.clone())).await?;
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
        let codec = self.codec();
        let (tx, raw) = self.write_tx(&[FORMS, SUBMISSIONS, MEDIA, CONFLICTS])?;
        // Any early return drops the transaction, which aborts it: nothing is written.
        {
            let forms = tx.object_store(FORMS).idb()?;
            for f in &import.forms {
                add_unless_held(&forms, form_key(f), codec.encode(FORMS, f)?, |held| {
                    same_form(&codec, held, f)
                })
                .await?;
            }
            let submissions = tx.object_store(SUBMISSIONS).idb()?;
            for s in &import.submissions {
                let key = s.instance_id.as_str();
                add_unless_held(&submissions, key, codec.encode(SUBMISSIONS, s)?, |_| {
                    Err(StorageError::submission_conflict(key))
                })
                .await?;
            }
            for (id, review) in &import.reviews {
                let set = |s: &mut Submission| s.review = review.clone();
                if !modify_submission(&codec, &submissions, id, set).await? {
                    return Err(no_submission(id));
                }
            }
            let media = tx.object_store(MEDIA).idb()?;
            for m in &import.media {
                put_at(&media, m.name.as_str(), codec.media_value(m)?).await?;
            }
            let conflicts = tx.object_store(CONFLICTS).idb()?;
            for c in &import.conflicts {
                put_at(&conflicts, c.id.as_str(), codec.encode(CONFLICTS, c)?).await?;
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
        let codec = self.codec();
        let (tx, raw) = self.write_tx(&[CONFLICTS, SUBMISSIONS, MEDIA])?;
        {
            let conflicts = tx.object_store(CONFLICTS).idb()?;
            let held: Option<JsValue> = conflicts.get(id).primitive().idb()?.await.idb()?;
            let Some(value) = held else { return Ok(()) };
            let conflict: Conflict = codec.decode(CONFLICTS, &value, &format!("conflict {id}"))?;
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
                    codec.encode(SUBMISSIONS, s)?,
                )
                .await?;
            }
            conflicts.delete(id).primitive().idb()?.await.idb()?;
        }
        commit(tx, &raw).await
    }
}

/// A form already held under `form`'s id and version: the same text is the same form (a
/// second tablet's bundle, the built-in form stored again); any other is refused, since a
/// version is immutable once it is on a tablet.
fn same_form(codec: &Codec, held: &JsValue, form: &FormRecord) -> Result<()> {
    let what = format!("form \"{}\" version \"{}\"", form.form_id, form.version);
    match codec.decode::<FormRecord>(FORMS, held, &what)?.json == form.json {
        true => Ok(()),
        false => Err(StorageError::form_conflict(form)),
    }
}

impl IdbRepository {
    pub(super) async fn finalize_with(
        &self,
        draft_id: &str,
        submission: &Submission,
        fault: Fault,
    ) -> Result<()> {
        submission.validate()?;
        let value = self.codec().encode(SUBMISSIONS, submission)?;
        let (tx, raw) = self.write_tx(&[SUBMISSIONS, DRAFTS, FINALIZED, MEDIA])?;
        {
            let submissions = tx.object_store(SUBMISSIONS).idb()?;
            let drafts = tx.object_store(DRAFTS).idb()?;
            let finalized = tx.object_store(FINALIZED).idb()?;
            let key = submission.instance_id.as_str();
            add_unless_held(&submissions, key, value, |_| {
                Err(StorageError::submission_conflict(key))
            })
            .await?;
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
pub(super) enum Fault {
    None,
    #[cfg_attr(not(test), allow(dead_code))]
    AbortBeforeCommit,
}
