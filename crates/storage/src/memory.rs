//! The in-memory repository, for tests of logic (native or wasm).

use std::cell::RefCell;
use std::collections::BTreeMap;

use crate::records::{no_submission, sort_conflicts, sort_drafts, sort_forms, sort_submissions};
use crate::{
    Conflict, Draft, ExportRecord, FormRecord, Import, Media, Repository, Resolution, Result,
    Review, StorageError, Submission,
};

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
    conflicts: BTreeMap<String, Conflict>,
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

    async fn submissions_page(&self, after: Option<&str>, limit: u32) -> Result<Vec<Submission>> {
        let state = self.state.borrow();
        let from = match after {
            Some(a) => std::ops::Bound::Excluded(a.to_string()),
            None => std::ops::Bound::Unbounded,
        };
        Ok(state
            .submissions
            .range((from, std::ops::Bound::Unbounded))
            .take(limit as usize)
            .map(|(_, s)| s.clone())
            .collect())
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
        for m in state.media.values_mut() {
            if m.draft_id == draft_id {
                m.draft_id = submission.instance_id.clone();
            }
        }
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

    async fn media_index(&self) -> Result<Vec<(String, String)>> {
        Ok(self
            .state
            .borrow()
            .media
            .values()
            .map(|m| (m.name.clone(), m.draft_id.clone()))
            .collect())
    }

    async fn set_review(&self, instance_id: &str, review: &Review) -> Result<()> {
        let mut state = self.state.borrow_mut();
        let s = state
            .submissions
            .get_mut(instance_id)
            .ok_or_else(|| no_submission(instance_id))?;
        s.review = review.clone();
        Ok(())
    }

    async fn record_export(&self, instance_ids: &[String], record: &ExportRecord) -> Result<()> {
        let mut state = self.state.borrow_mut();
        for id in instance_ids {
            if let Some(s) = state.submissions.get_mut(id) {
                s.exports.push(record.clone());
            }
        }
        Ok(())
    }

    async fn import(&self, import: &Import) -> Result<()> {
        for s in &import.submissions {
            s.validate()?;
        }
        let mut state = self.state.borrow_mut();
        // Check everything first: all or nothing.
        for f in &import.forms {
            let key = (f.form_id.clone(), f.version.clone());
            if state
                .forms
                .get(&key)
                .is_some_and(|held| held.json != f.json)
            {
                return Err(StorageError::form_conflict(f));
            }
        }
        for s in &import.submissions {
            if state.submissions.contains_key(&s.instance_id) {
                return Err(StorageError::submission_conflict(&s.instance_id));
            }
        }
        for (id, _) in &import.reviews {
            if !state.submissions.contains_key(id) {
                return Err(no_submission(id));
            }
        }
        for f in &import.forms {
            state
                .forms
                .entry((f.form_id.clone(), f.version.clone()))
                .or_insert_with(|| f.clone());
        }
        for s in &import.submissions {
            state.submissions.insert(s.instance_id.clone(), s.clone());
        }
        for m in &import.media {
            state.media.insert(m.name.clone(), m.clone());
        }
        for (id, review) in &import.reviews {
            if let Some(s) = state.submissions.get_mut(id) {
                s.review = review.clone();
            }
        }
        for c in &import.conflicts {
            state.conflicts.insert(c.id.clone(), c.clone());
        }
        Ok(())
    }

    async fn list_conflicts(&self) -> Result<Vec<Conflict>> {
        let mut list: Vec<_> = self.state.borrow().conflicts.values().cloned().collect();
        sort_conflicts(&mut list);
        Ok(list)
    }

    async fn resolve_conflict(&self, id: &str, resolution: Resolution) -> Result<()> {
        let mut state = self.state.borrow_mut();
        let Some(conflict) = state.conflicts.get(id).cloned() else {
            return Ok(());
        };
        let waiting: Vec<Media> = state
            .media
            .values()
            .filter(|m| m.draft_id == id)
            .cloned()
            .collect();
        for m in &waiting {
            state.media.remove(&m.name);
        }
        if resolution == Resolution::TakeImported {
            let s = conflict.submission;
            state.media.retain(|_, m| m.draft_id != s.instance_id);
            let prefix = Conflict::media_name(id, "");
            for mut m in waiting {
                m.name = m.name.strip_prefix(&prefix).unwrap_or(&m.name).to_string();
                m.draft_id = s.instance_id.clone();
                state.media.insert(m.name.clone(), m);
            }
            state.submissions.insert(s.instance_id.clone(), s);
        }
        state.conflicts.remove(id);
        Ok(())
    }
}
