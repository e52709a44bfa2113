//! The in-memory repository, for tests of logic (native or wasm).

use std::cell::RefCell;
use std::collections::BTreeMap;

use crate::records::{sort_drafts, sort_forms, sort_submissions};
use crate::{Draft, FormRecord, Media, Repository, Result, StorageError, Submission};

/// A [`Repository`] held in memory: the same rules as `IdbRepository`, nothing persisted.
///
/// Every method checks everything first and then changes the maps, so a failed call changes
/// nothing, as a rolled-back transaction would.
#[derive(Debug, Default)]
pub struct MemoryRepository {
    state: RefCell<State>,
}

#[derive(Debug, Default)]
struct State {
    forms: BTreeMap<(String, String), FormRecord>,
    drafts: BTreeMap<String, Draft>,
    submissions: BTreeMap<String, Submission>,
    media: BTreeMap<String, Media>,
    /// Finalized draft ids, with the instance id each became.
    finalized: BTreeMap<String, String>,
}

impl MemoryRepository {
    /// An empty repository.
    pub fn new() -> Self {
        Self::default()
    }
}

impl Repository for MemoryRepository {
    async fn put_form(&self, form: &FormRecord) -> Result<()> {
        form.validate()?;
        let mut state = self.state.borrow_mut();
        let key = (form.form_id.clone(), form.version.clone());
        match state.forms.get(&key) {
            Some(existing) if existing.json == form.json => Ok(()),
            Some(_) => Err(StorageError::form_conflict(form)),
            None => {
                state.forms.insert(key, form.clone());
                Ok(())
            }
        }
    }

    async fn get_form(&self, form_id: &str, version: &str) -> Result<Option<FormRecord>> {
        let key = (form_id.to_owned(), version.to_owned());
        Ok(self.state.borrow().forms.get(&key).cloned())
    }

    async fn list_forms(&self) -> Result<Vec<FormRecord>> {
        let mut forms: Vec<_> = self.state.borrow().forms.values().cloned().collect();
        sort_forms(&mut forms);
        Ok(forms)
    }

    async fn put_draft(&self, draft: &Draft) -> Result<()> {
        draft.validate()?;
        let mut state = self.state.borrow_mut();
        if let Some(instance_id) = state.finalized.get(&draft.id) {
            return Err(StorageError::AlreadyFinalized(instance_id.clone()));
        }
        state.drafts.insert(draft.id.clone(), draft.clone());
        Ok(())
    }

    async fn get_draft(&self, id: &str) -> Result<Option<Draft>> {
        Ok(self.state.borrow().drafts.get(id).cloned())
    }

    async fn list_drafts(&self) -> Result<Vec<Draft>> {
        let mut drafts: Vec<_> = self.state.borrow().drafts.values().cloned().collect();
        sort_drafts(&mut drafts);
        Ok(drafts)
    }

    async fn delete_draft(&self, id: &str) -> Result<()> {
        self.state.borrow_mut().drafts.remove(id);
        Ok(())
    }

    async fn put_submission(&self, submission: &Submission) -> Result<()> {
        submission.validate()?;
        let mut state = self.state.borrow_mut();
        if state.submissions.contains_key(&submission.instance_id) {
            return Err(StorageError::submission_conflict(&submission.instance_id));
        }
        state
            .submissions
            .insert(submission.instance_id.clone(), submission.clone());
        Ok(())
    }

    async fn get_submission(&self, instance_id: &str) -> Result<Option<Submission>> {
        Ok(self.state.borrow().submissions.get(instance_id).cloned())
    }

    async fn list_submissions(&self) -> Result<Vec<Submission>> {
        let mut submissions: Vec<_> = self.state.borrow().submissions.values().cloned().collect();
        sort_submissions(&mut submissions);
        Ok(submissions)
    }

    async fn finalize(&self, draft_id: &str, submission: &Submission) -> Result<()> {
        submission.validate()?;
        let mut state = self.state.borrow_mut();
        if state.submissions.contains_key(&submission.instance_id) {
            return Err(StorageError::submission_conflict(&submission.instance_id));
        }
        state
            .submissions
            .insert(submission.instance_id.clone(), submission.clone());
        state.drafts.remove(draft_id);
        state
            .finalized
            .insert(draft_id.to_string(), submission.instance_id.clone());
        Ok(())
    }

    async fn put_media(&self, media: &Media) -> Result<()> {
        self.state
            .borrow_mut()
            .media
            .insert(media.name.clone(), media.clone());
        Ok(())
    }

    async fn get_media(&self, name: &str) -> Result<Option<Media>> {
        Ok(self.state.borrow().media.get(name).cloned())
    }

    async fn delete_media_of(&self, draft_id: &str) -> Result<()> {
        self.state
            .borrow_mut()
            .media
            .retain(|_, m| m.draft_id != draft_id);
        Ok(())
    }
}
