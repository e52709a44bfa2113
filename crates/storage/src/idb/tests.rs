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

/// Whether any stored value of `store` holds `needle` in clear (its text, or its file's bytes).
async fn holds_in_clear(repo: &IdbRepository, store: &str, needle: &str) -> bool {
    for (_, value) in repo.entries(store).await.unwrap() {
        if value.as_string().is_some_and(|t| t.contains(needle)) {
            return true;
        }
        if let Some(bytes) = value.dyn_ref::<js_sys::Uint8Array>() {
            if bytes
                .to_vec()
                .windows(needle.len())
                .any(|w| w == needle.as_bytes())
            {
                return true;
            }
        }
        let blob = js_sys::Reflect::get(&value, &"blob".into()).ok();
        if let Some(blob) = blob.and_then(|b| b.dyn_into::<web_sys::Blob>().ok()) {
            let buffer = wasm_bindgen_futures::JsFuture::from(blob.array_buffer())
                .await
                .unwrap();
            let bytes = js_sys::Uint8Array::new(&buffer).to_vec();
            if bytes.windows(needle.len()).any(|w| w == needle.as_bytes()) {
                return true;
            }
        }
    }
    false
}

fn sentinel_draft(id: &str) -> crate::Draft {
    let mut d = contract::draft(id, "f", 1.0);
    d.answers = serde_json::json!({ "head_name": "SENTINEL-Gulnora" });
    d.title = Some("SENTINEL-Gulnora".into());
    d
}

fn sentinel_photo(name: &str, owner: &str) -> Media {
    Media {
        name: name.into(),
        draft_id: owner.into(),
        mime: "image/jpeg".into(),
        bytes: b"SENTINEL-PHOTO".to_vec(),
    }
}

/// With a key, the whole contract holds, and no answer is stored in clear.
#[wasm_bindgen_test]
async fn a_sealed_repository_keeps_the_contract_and_no_answer_in_clear() {
    let repo = IdbRepository::open(&unique("sealed")).await.unwrap();
    repo.set_key(Some(crate::seal::DataKey::generate().unwrap()));
    contract::contract(&repo).await;

    repo.put_draft(&sentinel_draft("s1")).await.unwrap();
    repo.put_media(&sentinel_photo("s1.jpg", "s1"))
        .await
        .unwrap();
    let mut s = contract::submission("sentinel-s", "f", 2.0);
    s.data = serde_json::json!({ "head_name": "SENTINEL-Gulnora" });
    repo.put_submission(&s).await.unwrap();
    for store in [DRAFTS, SUBMISSIONS, schema::CONFLICTS] {
        assert!(!holds_in_clear(&repo, store, "SENTINEL").await, "{store}");
        assert!(!holds_in_clear(&repo, store, "Dilnoza").await, "{store}");
    }
    assert!(!holds_in_clear(&repo, schema::MEDIA, "SENTINEL").await);
    assert_eq!(
        repo.get_media("s1.jpg").await.unwrap().unwrap().bytes,
        b"SENTINEL-PHOTO"
    );

    // Locked: forms still read, answers are neither read nor written; another key reads
    // nothing.
    repo.lock();
    assert!(!repo.list_forms().await.unwrap().is_empty());
    assert_eq!(repo.get_draft("s1").await, Err(StorageError::Locked));
    assert_eq!(repo.get_media("s1.jpg").await, Err(StorageError::Locked));
    assert_eq!(
        repo.put_draft(&sentinel_draft("s3")).await,
        Err(StorageError::Locked)
    );
    assert_eq!(
        repo.put_media(&sentinel_photo("s3.jpg", "s3")).await,
        Err(StorageError::Locked)
    );
    repo.set_key(None);
    assert_eq!(repo.get_draft("s1").await, Err(StorageError::Locked));
    repo.set_key(Some(crate::seal::DataKey::generate().unwrap()));
    assert!(matches!(
        repo.get_draft("s1").await,
        Err(StorageError::Corrupt(d)) if d.contains("draft s1")
    ));
}

/// A database written in clear is sealed in place; records read the same before, during
/// (some sealed, some not) and after, and a second pass has nothing left to do.
#[wasm_bindgen_test]
async fn a_clear_database_is_sealed_in_place() {
    let repo = IdbRepository::open(&unique("migrate")).await.unwrap();
    let draft = sentinel_draft("m1");
    let mut awkward = contract::draft("m2", "f", 2.0);
    awkward.answers = contract::awkward_answers();
    repo.put_draft(&draft).await.unwrap();
    repo.put_draft(&awkward).await.unwrap();
    repo.put_media(&sentinel_photo("m1.jpg", "m1"))
        .await
        .unwrap();
    repo.put_submission(&contract::submission("m3", "f", 3.0))
        .await
        .unwrap();
    assert_eq!(repo.seal_all().await, Err(StorageError::Locked));

    let key = crate::seal::DataKey::generate().unwrap();
    repo.set_key(Some(key));
    // One record sealed by a write before the migration ran: both kinds are read.
    repo.put_draft(&awkward).await.unwrap();
    assert_eq!(repo.list_drafts().await.unwrap().len(), 2);
    assert_eq!(repo.seal_all().await.unwrap(), 3, "m1, m3 and the photo");
    assert_eq!(repo.seal_all().await.unwrap(), 0);
    assert!(!holds_in_clear(&repo, DRAFTS, "SENTINEL").await);
    assert!(!holds_in_clear(&repo, schema::MEDIA, "SENTINEL").await);
    assert_eq!(repo.get_draft("m1").await.unwrap(), Some(draft));
    let got = repo.get_draft("m2").await.unwrap().unwrap();
    assert_eq!(
        serde_json::to_string(&got.answers).unwrap(),
        serde_json::to_string(&awkward.answers).unwrap()
    );
    assert_eq!(
        repo.get_media("m1.jpg").await.unwrap(),
        Some(sentinel_photo("m1.jpg", "m1"))
    );
    assert!(repo.get_submission("m3").await.unwrap().is_some());
}
