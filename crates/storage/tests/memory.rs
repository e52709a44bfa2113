//! The repository contract on `MemoryRepository`, and the error rules that need no browser.

#![cfg(not(target_arch = "wasm32"))]

use futures::executor::block_on;
use xonadon_storage::contract;
use xonadon_storage::{MemoryRepository, Repository, StorageError};

#[test]
fn memory_repository_keeps_the_contract() {
    block_on(contract::contract(&MemoryRepository::new()));
}

#[test]
fn each_section_runs_alone() {
    block_on(async {
        contract::forms(&MemoryRepository::new()).await;
        contract::drafts(&MemoryRepository::new()).await;
        contract::submissions(&MemoryRepository::new()).await;
        contract::finalize(&MemoryRepository::new()).await;
        contract::invalid_records(&MemoryRepository::new()).await;
        contract::reviews_and_exports(&MemoryRepository::new()).await;
        contract::imports(&MemoryRepository::new()).await;
        contract::pages(&MemoryRepository::new()).await;
    });
}

#[test]
fn a_draft_survives_a_refused_finalize_untouched() {
    block_on(async {
        let repo = MemoryRepository::new();
        let s = contract::submission("x", "f", 1.0);
        repo.put_submission(&s).await.unwrap();
        let d = contract::draft("x", "f", 2.0);
        repo.put_draft(&d).await.unwrap();
        let err = repo.finalize("x", &s).await.unwrap_err();
        assert!(matches!(err, StorageError::Conflict(_)), "{err:?}");
        assert_eq!(repo.list_drafts().await.unwrap(), vec![d]);
        assert_eq!(repo.list_submissions().await.unwrap(), vec![s]);
    });
}

#[test]
fn dom_exception_names_map_to_what_a_person_can_do() {
    use StorageError as E;
    let map = E::from_dom_exception;
    assert_eq!(map("QuotaExceededError", "quota"), E::QuotaExceeded);
    assert_eq!(map("VersionError", "too low"), E::Outdated);
    assert!(
        matches!(map("InvalidStateError", "closing"), E::Unavailable(d) if d == "InvalidStateError: closing")
    );
    assert!(matches!(map("SecurityError", ""), E::Unavailable(d) if d == "SecurityError"));
    assert!(matches!(
        map("NotAllowedError", "denied"),
        E::Unavailable(_)
    ));
    assert!(
        matches!(map("ConstraintError", "key exists"), E::Conflict(d) if d.contains("key exists"))
    );
    for name in [
        "UnknownError",
        "AbortError",
        "TimeoutError",
        "DataCloneError",
        "SomethingNew",
    ] {
        assert!(
            matches!(map(name, "m"), E::Other(d) if d.starts_with(name)),
            "{name}"
        );
    }
}

#[test]
fn every_message_says_what_to_do() {
    let errors = [
        StorageError::QuotaExceeded,
        StorageError::Blocked,
        StorageError::Outdated,
        StorageError::Unavailable("SecurityError".into()),
        StorageError::Corrupt("draft 42".into()),
        StorageError::Invalid("draft 42: updated_at_ms is NaN, not a time".into()),
        StorageError::Other("UnknownError: disk".into()),
    ];
    for e in errors {
        let text = e.to_string();
        let acts = [
            "Free space",
            "Close the other",
            "Reload",
            "Open Xonadon",
            "Report",
            "report",
            "Try again",
        ];
        assert!(
            acts.iter().any(|a| text.contains(a)),
            "no action in: {text}"
        );
    }
    let text = StorageError::Corrupt("draft 42".into()).to_string();
    assert!(text.contains("draft 42"), "{text}");
}
