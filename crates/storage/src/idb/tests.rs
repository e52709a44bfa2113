//! The repository's own tests in headless Chromium (the shared contract is `contract.rs`).

use super::errors::map_error;
use super::repository::Fault;
use super::*;
use crate::{contract, Media, Repository};
use indexed_db_futures::error::Error as IdbError;
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
    let e = web_sys::DomException::new_with_message_and_name("gone", "InvalidStateError").unwrap();
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
