//! The app's records in IndexedDB (through `xonadon-storage`), and the autosave that writes a
//! draft within 300 ms of every change and at once when the page is hidden or closed.
//!
//! IndexedDB is asynchronous: a write started as the page is closed, or in the 300 ms before,
//! may never complete. So every change is also written at once, synchronously, to a journal in
//! localStorage (one entry per draft). At start-up a journal entry newer than its draft in
//! IndexedDB replaces it; once IndexedDB holds the change, the entry is removed. A journal
//! entry never brings back a draft that is gone from IndexedDB (deleted or finalized).

use std::rc::Rc;

use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use xonadon_storage::{Draft, Repository, StorageError, Submission};

/// IndexedDB in the browser. The app only runs there; on the host (clippy, `cargo test`) the
/// in-memory repository stands in so the crate still builds.
#[cfg(target_arch = "wasm32")]
type Repo = xonadon_storage::IdbRepository;
#[cfg(not(target_arch = "wasm32"))]
type Repo = xonadon_storage::MemoryRepository;

/// The database handle and what the screens show of storage: the last error and a revision
/// that moves whenever the lists (drafts, submissions) change.
/// A problem to show the worker, in their language.
#[derive(Debug, Clone, PartialEq)]
pub enum Notice {
    Storage(StorageError),
    /// Already in words (a stored form that does not load: for the form's designer).
    Text(String),
}

impl Notice {
    pub fn text(&self, language: &str) -> String {
        match self {
            Notice::Storage(e) => crate::i18n::storage_message(language, e),
            Notice::Text(t) => t.clone(),
        }
    }
}

#[derive(Clone, Copy)]
pub struct Store {
    repo: StoredValue<Option<Rc<Repo>>, LocalStorage>,
    /// The last storage failure, shown to the worker until the next success.
    /// What went wrong with storage (or with a stored form), on screen until a write succeeds.
    pub error: RwSignal<Option<Notice>>,
    pub revision: RwSignal<u64>,
}

impl Store {
    pub fn new() -> Store {
        Store {
            repo: StoredValue::new_local(None),
            error: RwSignal::new(None),
            revision: RwSignal::new(0),
        }
    }

    pub async fn open(&self) -> Result<(), StorageError> {
        #[cfg(target_arch = "wasm32")]
        let repo = Repo::open(xonadon_storage::DATABASE_NAME).await?;
        #[cfg(not(target_arch = "wasm32"))]
        let repo = Repo::new();
        self.repo.set_value(Some(Rc::new(repo)));
        Ok(())
    }

    pub fn repo(&self) -> Option<Rc<Repo>> {
        self.repo.get_value()
    }

    /// Records the outcome of a write: an error stays on screen until a write succeeds.
    pub fn report<T>(&self, result: Result<T, StorageError>) -> Option<T> {
        match result {
            Ok(v) => {
                if self.error.get_untracked().is_some() {
                    self.error.set(None);
                }
                Some(v)
            }
            Err(e) => {
                self.error.set(Some(Notice::Storage(e)));
                None
            }
        }
    }

    pub async fn save_draft(&self, draft: &Draft) -> bool {
        let Some(repo) = self.repo() else {
            return false;
        };
        let ok = match repo.put_draft(draft).await {
            // A save that was on its way when the worker finalized: the form is done, and
            // its journal entry must not bring the draft back either.
            Err(StorageError::AlreadyFinalized(_)) => {
                journal::remove(&draft.id);
                false
            }
            result => self.report(result).is_some(),
        };
        if ok {
            journal::saved(draft);
        }
        self.revision.update(|r| *r += 1);
        ok
    }

    /// Moves journal entries newer than their drafts into IndexedDB (after a crash, a closed
    /// tab or a flat battery), and drops the others.
    pub async fn recover(&self) {
        let Some(repo) = self.repo() else { return };
        for entry in journal::all() {
            match self.report(repo.get_draft(&entry.id).await) {
                Some(Some(saved)) if saved.updated_at_ms < entry.updated_at_ms => {
                    self.save_draft(&entry).await;
                }
                Some(_) => journal::remove(&entry.id),
                None => {} // storage failed: keep the entry for the next start
            }
        }
    }

    pub async fn finalize(&self, draft_id: &str, submission: &Submission) -> bool {
        let Some(repo) = self.repo() else {
            return false;
        };
        let ok = self
            .report(repo.finalize(draft_id, submission).await)
            .is_some();
        if ok {
            journal::remove(draft_id);
        }
        self.revision.update(|r| *r += 1);
        ok
    }

    /// Deletes a draft and its photos.
    pub async fn delete_draft(&self, id: &str) {
        let Some(repo) = self.repo() else { return };
        journal::remove(id);
        if self.report(repo.delete_draft(id).await).is_some() {
            self.report(repo.delete_media_of(id).await);
        }
        self.revision.update(|r| *r += 1);
    }

    // The designer's reads and writes.

    /// Every saved form version (none when storage failed: the error is on screen).
    pub async fn forms(&self) -> Vec<xonadon_storage::FormRecord> {
        let Some(repo) = self.repo() else {
            return Vec::new();
        };
        self.report(repo.list_forms().await).unwrap_or_default()
    }

    /// Saves a form version; `false` when storage refused it (a version is immutable: the same
    /// form id and version with another text is a conflict).
    pub async fn put_form(&self, record: &xonadon_storage::FormRecord) -> bool {
        let Some(repo) = self.repo() else {
            return false;
        };
        let ok = self.report(repo.put_form(record).await).is_some();
        self.revision.update(|r| *r += 1);
        ok
    }

    /// Stores the media files a form version names (`files`), from those dropped in this visit
    /// (`pending`) or an earlier version's (`designer::files::store_media`).
    pub async fn put_form_media(
        &self,
        form_id: &str,
        version: &str,
        files: &std::collections::BTreeSet<String>,
        pending: &std::collections::HashMap<String, xonadon_storage::Media>,
    ) -> Option<crate::pages::designer::files::Stored> {
        let repo = self.repo()?;
        let stored =
            crate::pages::designer::files::store_media(&*repo, form_id, version, files, pending)
                .await;
        self.report(stored)
    }
}

impl Default for Store {
    fn default() -> Self {
        Store::new()
    }
}

/// Saves `make()` 300 ms after the last of a burst of `changes`, and at once when the page
/// is hidden or about to be closed (the browser may kill it right after).
pub fn autosave(
    store: Store,
    changes: impl Fn() + Send + Sync + 'static,
    make: impl Fn() -> Option<Draft> + Clone + 'static,
) {
    let generation = StoredValue::new(0u64);
    let save_now = {
        let make = make.clone();
        move || {
            if let Some(d) = make() {
                spawn_local(async move {
                    store.save_draft(&d).await;
                });
            }
        }
    };
    let save_now = StoredValue::new_local(Rc::new(save_now) as Rc<dyn Fn()>);
    let journal_now = make.clone();
    Effect::new(move |first: Option<()>| {
        changes();
        if first.is_none() {
            return;
        }
        if let Some(d) = journal_now() {
            journal::write(&d);
        }
        generation.update_value(|g| *g += 1);
        let mine = generation.get_value();
        set_timeout(
            move || {
                if generation.try_get_value() == Some(mine) {
                    if let Some(f) = save_now.try_get_value() {
                        f();
                    }
                }
            },
            std::time::Duration::from_millis(300),
        );
    });
    let flush = Closure::<dyn Fn()>::new(move || {
        if let Some(f) = save_now.try_get_value() {
            f();
        }
    });
    let doc = document();
    let win = window();
    let _ =
        doc.add_event_listener_with_callback("visibilitychange", flush.as_ref().unchecked_ref());
    let _ = win.add_event_listener_with_callback("pagehide", flush.as_ref().unchecked_ref());
    // Stop listening when the filling screen goes away.
    let handler: js_sys::Function = flush.into_js_value().unchecked_into();
    let handler = send_wrapper::SendWrapper::new(handler);
    on_cleanup(move || {
        let _ = document().remove_event_listener_with_callback("visibilitychange", &handler);
        let _ = window().remove_event_listener_with_callback("pagehide", &handler);
    });
}

/// The synchronous safety net beside IndexedDB (see the module's documentation).
mod journal {
    use gloo_storage::{LocalStorage, Storage};
    use xonadon_storage::Draft;

    const PREFIX: &str = "xonadon.journal.";

    fn key(id: &str) -> String {
        format!("{PREFIX}{id}")
    }

    /// Records the draft at once. A failure (storage full, private mode) leaves IndexedDB as
    /// the only copy, as before.
    pub fn write(draft: &Draft) {
        let _ = LocalStorage::set(key(&draft.id), draft);
    }

    pub fn remove(id: &str) {
        LocalStorage::delete(key(id));
    }

    /// IndexedDB now holds `draft`: its journal entry is no longer needed unless newer.
    pub fn saved(draft: &Draft) {
        let entry: Option<Draft> = LocalStorage::get(key(&draft.id)).ok();
        if entry.is_some_and(|e| e.updated_at_ms <= draft.updated_at_ms) {
            remove(&draft.id);
        }
    }

    /// Every entry that can be read.
    pub fn all() -> Vec<Draft> {
        let storage = LocalStorage::raw();
        let count = storage.length().unwrap_or(0);
        let keys: Vec<String> = (0..count)
            .filter_map(|i| storage.key(i).ok().flatten())
            .filter(|k| k.starts_with(PREFIX))
            .collect();
        keys.iter()
            .filter_map(|k| LocalStorage::get::<Draft>(k).ok())
            .collect()
    }
}
