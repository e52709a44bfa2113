//! The repository contract on `IdbRepository`, in headless Chromium, plus what only a real
//! database shows: data survives closing and reopening, finalize is atomic, and the browser's
//! refusals become the right `StorageError`.
//!
//! Run: `CHROMEDRIVER=/usr/bin/chromedriver WASM_BINDGEN_TEST_TIMEOUT=120 cargo test -p
//! xonadon-storage --target wasm32-unknown-unknown` (see the crate docs).

#![cfg(target_arch = "wasm32")]

use indexed_db_futures::database::Database;
use indexed_db_futures::prelude::*;
use wasm_bindgen_test::*;
use xonadon_storage::contract;
use xonadon_storage::{IdbRepository, Repository, StorageError, DATABASE_NAME, SCHEMA_VERSION};

wasm_bindgen_test_configure!(run_in_browser);

/// A database name no other test (or earlier run) uses.
fn unique(label: &str) -> String {
    format!("xonadon-test-{label}-{}", js_sys::Math::random())
}

#[wasm_bindgen_test]
async fn idb_repository_keeps_the_contract() {
    let repo = IdbRepository::open(&unique("contract")).await.unwrap();
    contract::contract(&repo).await;
}

#[wasm_bindgen_test]
fn the_app_database_is_named_and_versioned() {
    assert_eq!(DATABASE_NAME, "xonadon");
    assert_eq!(SCHEMA_VERSION, 4);
}

#[wasm_bindgen_test]
async fn records_survive_closing_and_reopening() {
    let name = unique("reopen");
    let form = contract::form("household", "3", r#"{"settings":{"version":"3"}}"#, 5.0);
    let mut draft = contract::draft("d", "household", 10.0);
    draft.answers = contract::awkward_answers();
    let submission = contract::submission("s", "household", 20.0);
    let finalized_draft = contract::draft("s", "household", 15.0);
    {
        let repo = IdbRepository::open(&name).await.unwrap();
        assert_eq!(repo.name(), name);
        repo.put_form(&form).await.unwrap();
        repo.put_draft(&draft).await.unwrap();
        repo.put_draft(&finalized_draft).await.unwrap();
        repo.finalize("s", &submission).await.unwrap();
        repo.close();
    }
    let repo = IdbRepository::open(&name).await.unwrap();
    assert_eq!(repo.list_forms().await.unwrap(), vec![form]);
    let drafts = repo.list_drafts().await.unwrap();
    assert_eq!(drafts, vec![draft.clone()]);
    assert_eq!(
        serde_json::to_string(&drafts[0].answers).unwrap(),
        serde_json::to_string(&draft.answers).unwrap(),
        "answers come back byte for byte, key order included"
    );
    assert_eq!(repo.list_submissions().await.unwrap(), vec![submission]);
    assert_eq!(repo.get_draft("s").await.unwrap(), None);
}

/// A refused finalize leaves both the draft and the existing submission exactly as they were,
/// also after reopening. (An abort *after* both writes is tested in `src/idb.rs`, where the
/// fault can be injected.)
#[wasm_bindgen_test]
async fn a_refused_finalize_changes_nothing() {
    let name = unique("atomic");
    let existing = contract::submission("x", "f", 1.0);
    let draft = contract::draft("x", "f", 2.0);
    {
        let repo = IdbRepository::open(&name).await.unwrap();
        repo.put_submission(&existing).await.unwrap();
        repo.put_draft(&draft).await.unwrap();
        let mut again = contract::submission("x", "f", 3.0);
        again.data = serde_json::json!({ "other": "answers" });
        let err = repo.finalize("x", &again).await.unwrap_err();
        assert!(matches!(err, StorageError::Conflict(_)), "{err:?}");
    }
    let repo = IdbRepository::open(&name).await.unwrap();
    assert_eq!(repo.list_drafts().await.unwrap(), vec![draft]);
    assert_eq!(repo.list_submissions().await.unwrap(), vec![existing]);
}

/// A newer Xonadon in another tab upgrades the database: this tab's connection steps aside
/// (so the upgrade is not blocked) and then says "reload"; opening with this (older) code
/// says the same, from IndexedDB's real `VersionError`.
#[wasm_bindgen_test]
async fn a_newer_version_elsewhere_makes_this_one_outdated() {
    let name = unique("newer");
    let repo = IdbRepository::open(&name).await.unwrap();
    repo.put_draft(&contract::draft("d", "f", 1.0))
        .await
        .unwrap();

    let newer = Database::open(name.as_str())
        .with_version(SCHEMA_VERSION + 1)
        .with_on_upgrade_needed(|_event, _db| Ok(()))
        .await
        .expect("the upgrade is not blocked by our open connection");
    assert_eq!(
        repo.get_draft("d").await.unwrap_err(),
        StorageError::Outdated
    );
    assert_eq!(
        repo.put_draft(&contract::draft("e", "f", 2.0))
            .await
            .unwrap_err(),
        StorageError::Outdated
    );
    newer.close();

    let err = IdbRepository::open(&name).await.unwrap_err();
    assert_eq!(err, StorageError::Outdated);
    assert!(err.to_string().contains("Reload"), "{err}");
}

/// A database at our version but without our stores (made by something else) is reported,
/// not used.
#[wasm_bindgen_test]
async fn a_database_without_the_stores_is_corrupt() {
    let name = unique("foreign");
    let foreign = Database::open(name.as_str())
        .with_version(SCHEMA_VERSION)
        .with_on_upgrade_needed(|_event, db| {
            db.create_object_store("drafts").build()?;
            Ok(())
        })
        .await
        .unwrap();
    foreign.close();
    match IdbRepository::open(&name).await.unwrap_err() {
        StorageError::Corrupt(what) => assert!(what.contains("forms"), "{what}"),
        other => panic!("expected Corrupt, got {other:?}"),
    }
}

/// A record that is not what this code wrote (damaged, or written by hand) is reported as
/// corrupt, naming it; the others stay readable one by one.
#[wasm_bindgen_test]
async fn an_unreadable_record_is_named() {
    let name = unique("corrupt");
    let repo = IdbRepository::open(&name).await.unwrap();
    let good = contract::draft("good", "f", 1.0);
    repo.put_draft(&good).await.unwrap();
    repo.close();

    let db = Database::open(name.as_str()).await.unwrap();
    {
        let tx = db
            .transaction("drafts")
            .with_mode(indexed_db_futures::transaction::TransactionMode::Readwrite)
            .build()
            .unwrap();
        let store = tx.object_store("drafts").unwrap();
        store
            .put("{\"id\": \"bad\", truncated")
            .with_key("bad")
            .without_key_type()
            .primitive()
            .unwrap()
            .await
            .unwrap();
        drop(store);
        tx.commit().await.unwrap();
    }
    db.close();

    let repo = IdbRepository::open(&name).await.unwrap();
    match repo.list_drafts().await.unwrap_err() {
        StorageError::Corrupt(what) => assert!(what.contains("draft bad"), "{what}"),
        other => panic!("expected Corrupt, got {other:?}"),
    }
    assert!(matches!(
        repo.get_draft("bad").await.unwrap_err(),
        StorageError::Corrupt(_)
    ));
    assert_eq!(repo.get_draft("good").await.unwrap(), Some(good));
    // It can be removed, which unblocks the list.
    repo.delete_draft("bad").await.unwrap();
    assert_eq!(repo.list_drafts().await.unwrap().len(), 1);
}

#[wasm_bindgen_test]
async fn persistent_storage_can_be_requested() {
    // Headless Chrome may grant or refuse; either way it answers without an error.
    let _granted: bool = xonadon_storage::request_persistent_storage().await.unwrap();
}
