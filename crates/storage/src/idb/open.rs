//! Opening the database: the upgrade runs [`migrate`](super::schema::migrate), and an upgrade
//! blocked by another tab is reported at once instead of hanging.

use std::cell::{Cell, RefCell};
use std::future::Future;
use std::pin::Pin;
use std::rc::Rc;
use std::task::{Poll, Waker};

use indexed_db_futures::database::Database;
use indexed_db_futures::prelude::*;

use super::errors::open_error;
use super::schema::migrate;
use crate::{Result, StorageError};

/// Opens the database, running [`migrate`]. If the open is blocked (another connection at an
/// older version does not close), returns [`StorageError::Blocked`] at once and lets the open
/// request finish by itself in the background: dropping it instead would remove its upgrade
/// handler, and the upgrade would then run later with no schema change at all.
pub(super) async fn open_database(name: &str, version: u32) -> Result<Database> {
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
pub(super) struct Signal {
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
