//! The repository contract, written once and run on every implementation: natively on
//! [`MemoryRepository`](crate::MemoryRepository) (`tests/memory.rs`) and in the browser on
//! `IdbRepository` (`tests/idb.rs`).
//!
//! Hidden from the docs: test support only. It is generic, so it costs the app nothing unless
//! called.

use serde_json::json;

use crate::{
    Conflict, Draft, ExportRecord, FormRecord, Import, Media, Repository, Resolution, Review,
    ReviewComment, ReviewStatus, StorageError, Submission,
};

/// Runs every section of the contract on `repo`, which must be empty.
pub async fn contract<R: Repository>(repo: &R) {
    empty(repo).await;
    forms(repo).await;
    drafts(repo).await;
    submissions(repo).await;
    finalize(repo).await;
    invalid_records(repo).await;
    media(repo).await;
    reviews_and_exports(repo).await;
    imports(repo).await;
    pages(repo).await;
}

/// A form record.
pub fn form(form_id: &str, version: &str, json: &str, added_at_ms: f64) -> FormRecord {
    FormRecord {
        form_id: form_id.into(),
        version: version.into(),
        title: format!("{form_id} v{version}"),
        json: json.into(),
        added_at_ms,
    }
}

/// A draft with a few answers.
pub fn draft(id: &str, form_id: &str, updated_at_ms: f64) -> Draft {
    Draft {
        id: id.into(),
        form_id: form_id.into(),
        form_version: "1".into(),
        answers: json!({ "household": { "head_name": "Dilnoza", "members": "4" } }),
        page: "members/0".into(),
        language: Some("uz".into()),
        started_at_ms: 1_700_000_000_000.0,
        updated_at_ms,
        answered: 2,
        total: 40,
        title: Some(format!("Household {id}")),
        audit: Default::default(),
    }
}

/// A submission.
pub fn submission(instance_id: &str, form_id: &str, finalized_at_ms: f64) -> Submission {
    Submission {
        instance_id: instance_id.into(),
        form_id: form_id.into(),
        form_version: "1".into(),
        data: json!({ "household": { "head_name": "Dilnoza", "members": "4" } }),
        started_at_ms: 1_700_000_000_000.0,
        finalized_at_ms,
        enumerator: "Aziza".into(),
        device_id: "tablet-7".into(),
        title: Some(format!("Household {instance_id}")),
        review: Default::default(),
        exports: Vec::new(),
    }
}

/// Answers that a careless encoding would change: key order (integer-like keys come first in a
/// JavaScript object), integers beyond 2^53, non-ASCII text, nulls, nesting.
pub fn awkward_answers() -> serde_json::Value {
    serde_json::from_str(
        r#"{"zeta":"1","10":"ten","2":"two","alpha":{"b":[1,2.5,-3,"x",null,true]},
            "big":18446744073709551615,"neg":-9223372036854775808,
            "text":"Oʻzbekcha — тест — 👍 \"quoted\" \\ \u0000 end","empty":{},"list":[]}"#,
    )
    .expect("valid JSON")
}

fn assert_conflict<T: std::fmt::Debug>(result: Result<T, StorageError>, context: &str) {
    match result {
        Err(StorageError::Conflict(message)) => assert!(!message.is_empty(), "{context}"),
        other => panic!("{context}: expected Conflict, got {other:?}"),
    }
}

/// The same JSON text, key order included.
fn assert_same_json(actual: &serde_json::Value, expected: &serde_json::Value, context: &str) {
    assert_eq!(
        serde_json::to_string(actual).unwrap(),
        serde_json::to_string(expected).unwrap(),
        "{context}"
    );
}

/// An empty repository lists nothing and finds nothing.
pub async fn empty<R: Repository>(repo: &R) {
    assert!(repo.list_forms().await.unwrap().is_empty());
    assert!(repo.list_drafts().await.unwrap().is_empty());
    assert!(repo.list_submissions().await.unwrap().is_empty());
    assert_eq!(repo.get_form("household", "1").await.unwrap(), None);
    assert_eq!(repo.get_draft("nope").await.unwrap(), None);
    assert_eq!(repo.get_submission("nope").await.unwrap(), None);
}

/// Forms: keyed by (form_id, version), never overwritten with different content.
pub async fn forms<R: Repository>(repo: &R) {
    let v1 = form("household", "1", r#"{"settings":{"version":"1"}}"#, 1000.0);
    let v2 = form("household", "2", r#"{"settings":{"version":"2"}}"#, 2000.0);
    let other = form("agriculture", "2024-01", r#"{"x":1}"#, 500.0);
    repo.put_form(&v1).await.unwrap();
    repo.put_form(&v2).await.unwrap();
    repo.put_form(&other).await.unwrap();

    assert_eq!(
        repo.get_form("household", "1").await.unwrap(),
        Some(v1.clone())
    );
    assert_eq!(
        repo.get_form("household", "2").await.unwrap(),
        Some(v2.clone())
    );
    assert_eq!(repo.get_form("household", "3").await.unwrap(), None);
    assert_eq!(repo.get_form("agriculture", "1").await.unwrap(), None);

    // By form_id; within a form, the most recently added version first.
    let listed = repo.list_forms().await.unwrap();
    assert_eq!(listed, vec![other.clone(), v2.clone(), v1.clone()]);

    // The same definition again: nothing happens, the first record (title, time) is kept.
    let mut again = v1.clone();
    again.title = "Renamed".into();
    again.added_at_ms = 9000.0;
    repo.put_form(&again).await.unwrap();
    assert_eq!(
        repo.get_form("household", "1").await.unwrap(),
        Some(v1.clone())
    );

    // A different definition under the same key: refused, nothing changes.
    let mut changed = v1.clone();
    changed.json = r#"{"settings":{"version":"1"},"changed":true}"#.into();
    assert_conflict(
        repo.put_form(&changed).await,
        "put_form with different JSON",
    );
    assert_eq!(
        repo.get_form("household", "1").await.unwrap(),
        Some(v1.clone())
    );
    assert_eq!(repo.list_forms().await.unwrap().len(), 3);

    // Ids that a naive "id@version" key would confuse stay apart.
    let a = form("a@b", "c", "{}", 1.0);
    let b = form("a", "b@c", "[]", 1.0);
    repo.put_form(&a).await.unwrap();
    repo.put_form(&b).await.unwrap();
    assert_eq!(repo.get_form("a@b", "c").await.unwrap(), Some(a));
    assert_eq!(repo.get_form("a", "b@c").await.unwrap(), Some(b));
    assert_eq!(repo.list_forms().await.unwrap().len(), 5);
}

/// Drafts: insert or replace, newest updated first, delete.
pub async fn drafts<R: Repository>(repo: &R) {
    let ns = "drafts-form";
    let mine = |list: Vec<Draft>| -> Vec<String> {
        list.into_iter()
            .filter(|d| d.form_id == ns)
            .map(|d| d.id)
            .collect()
    };
    let d1 = draft("d1", ns, 100.0);
    let d2 = draft("d2", ns, 300.0);
    let d3 = draft("d3", ns, 200.0);
    for d in [&d1, &d2, &d3] {
        repo.put_draft(d).await.unwrap();
    }
    assert_eq!(repo.get_draft("d1").await.unwrap(), Some(d1.clone()));
    assert_eq!(mine(repo.list_drafts().await.unwrap()), ["d2", "d3", "d1"]);

    // Replace: the newest version wins, and moves to the top.
    let mut d1b = d1.clone();
    d1b.updated_at_ms = 400.0;
    d1b.answers = awkward_answers();
    d1b.page = "end".into();
    d1b.language = None;
    d1b.title = None;
    d1b.answered = 40;
    repo.put_draft(&d1b).await.unwrap();
    let got = repo.get_draft("d1").await.unwrap().expect("d1 is saved");
    assert_eq!(got, d1b);
    assert_same_json(
        &got.answers,
        &d1b.answers,
        "answers come back byte for byte",
    );
    assert_eq!(mine(repo.list_drafts().await.unwrap()), ["d1", "d2", "d3"]);

    // Equal times: ordered by id.
    let d0 = draft("d0", ns, 300.0);
    repo.put_draft(&d0).await.unwrap();
    assert_eq!(
        mine(repo.list_drafts().await.unwrap()),
        ["d1", "d0", "d2", "d3"]
    );

    // Delete, and delete again (not an error).
    repo.delete_draft("d3").await.unwrap();
    repo.delete_draft("d3").await.unwrap();
    repo.delete_draft("never-existed").await.unwrap();
    assert_eq!(repo.get_draft("d3").await.unwrap(), None);
    assert_eq!(mine(repo.list_drafts().await.unwrap()), ["d1", "d0", "d2"]);
    assert_eq!(repo.get_draft("d2").await.unwrap(), Some(d2));
}

/// Submissions: newest finalized first, read-only once written.
pub async fn submissions<R: Repository>(repo: &R) {
    let ns = "submissions-form";
    let mine = |list: Vec<Submission>| -> Vec<String> {
        list.into_iter()
            .filter(|s| s.form_id == ns)
            .map(|s| s.instance_id)
            .collect()
    };
    let mut s1 = submission("s1", ns, 10.0);
    s1.data = awkward_answers();
    let s2 = submission("s2", ns, 20.0);
    repo.put_submission(&s1).await.unwrap();
    repo.put_submission(&s2).await.unwrap();
    let got = repo
        .get_submission("s1")
        .await
        .unwrap()
        .expect("s1 is saved");
    assert_eq!(got, s1);
    assert_same_json(&got.data, &s1.data, "data comes back byte for byte");
    assert_eq!(mine(repo.list_submissions().await.unwrap()), ["s2", "s1"]);

    // Read-only: neither a changed nor an identical copy replaces it.
    let mut changed = s1.clone();
    changed.data = json!({ "tampered": true });
    assert_conflict(repo.put_submission(&changed).await, "put_submission twice");
    assert_conflict(repo.put_submission(&s1).await, "put_submission identical");
    assert_eq!(repo.get_submission("s1").await.unwrap(), Some(s1));
    assert_eq!(mine(repo.list_submissions().await.unwrap()), ["s2", "s1"]);
}

/// Finalize: the submission is written and the draft deleted, both or neither.
pub async fn finalize<R: Repository>(repo: &R) {
    let ns = "finalize-form";
    let d = draft("f1", ns, 50.0);
    repo.put_draft(&d).await.unwrap();
    let s = submission("f1", ns, 60.0);
    repo.finalize("f1", &s).await.unwrap();
    assert_eq!(repo.get_draft("f1").await.unwrap(), None);
    assert_eq!(repo.get_submission("f1").await.unwrap(), Some(s.clone()));

    // A late autosave of the finalized draft (started before the worker finalized): refused,
    // so the finalized form does not come back as a draft.
    let late = draft("f1", ns, 55.0);
    assert_eq!(
        repo.put_draft(&late).await,
        Err(StorageError::AlreadyFinalized("f1".into()))
    );
    assert_eq!(repo.get_draft("f1").await.unwrap(), None);
    let listed = repo.list_drafts().await.unwrap();
    assert!(!listed.iter().any(|d| d.id == "f1"), "not listed either");

    // Finalizing again (another draft under the same instance id): refused, the draft stays and
    // the submission is unchanged.
    let d_again = draft("f1-again", ns, 70.0);
    repo.put_draft(&d_again).await.unwrap();
    let mut s_again = submission("f1", ns, 80.0);
    s_again.data = json!({ "second": "attempt" });
    assert_conflict(repo.finalize("f1-again", &s_again).await, "finalize twice");
    assert_eq!(repo.get_draft("f1-again").await.unwrap(), Some(d_again));
    assert_eq!(repo.get_submission("f1").await.unwrap(), Some(s));
    repo.delete_draft("f1-again").await.unwrap();

    // The draft id need not equal the instance id; other drafts are untouched.
    let keep = draft("f-keep", ns, 10.0);
    repo.put_draft(&keep).await.unwrap();
    repo.put_draft(&draft("f2-draft", ns, 20.0)).await.unwrap();
    let s2 = submission("f2", ns, 90.0);
    let photo = Media {
        name: "f2-photo.jpg".into(),
        draft_id: "f2-draft".into(),
        mime: "image/jpeg".into(),
        bytes: vec![0xFF, 0xD8],
    };
    repo.put_media(&photo).await.unwrap();
    repo.finalize("f2-draft", &s2).await.unwrap();
    // The draft's photo now belongs to the submission.
    assert!(repo.list_media_of("f2-draft").await.unwrap().is_empty());
    let moved = repo.list_media_of("f2").await.unwrap();
    assert_eq!(moved.len(), 1);
    assert_eq!(
        (moved[0].name.as_str(), moved[0].bytes.as_slice()),
        ("f2-photo.jpg", &[0xFF, 0xD8][..])
    );
    assert_eq!(repo.get_draft("f2-draft").await.unwrap(), None);
    assert_eq!(repo.get_draft("f-keep").await.unwrap(), Some(keep));
    assert_eq!(repo.get_submission("f2").await.unwrap(), Some(s2));

    // The draft is gone already (deleted in another tab): the submission is still written.
    let s3 = submission("f3", ns, 100.0);
    repo.finalize("f3-missing", &s3).await.unwrap();
    assert_eq!(repo.get_submission("f3").await.unwrap(), Some(s3));

    let finalized: Vec<String> = repo
        .list_submissions()
        .await
        .unwrap()
        .into_iter()
        .filter(|s| s.form_id == ns)
        .map(|s| s.instance_id)
        .collect();
    assert_eq!(finalized, ["f3", "f2", "f1"]);
    repo.delete_draft("f-keep").await.unwrap();
}

/// Records that could not be read back are refused, and nothing changes.
pub async fn invalid_records<R: Repository>(repo: &R) {
    let ns = "invalid-form";
    let mut d = draft("bad-time", ns, f64::NAN);
    assert!(matches!(
        repo.put_draft(&d).await,
        Err(StorageError::Invalid(_))
    ));
    d.updated_at_ms = 1.0;
    d.started_at_ms = f64::INFINITY;
    assert!(matches!(
        repo.put_draft(&d).await,
        Err(StorageError::Invalid(_))
    ));
    assert_eq!(repo.get_draft("bad-time").await.unwrap(), None);

    let s = submission("bad-time", ns, f64::NEG_INFINITY);
    assert!(matches!(
        repo.put_submission(&s).await,
        Err(StorageError::Invalid(_))
    ));
    repo.put_draft(&draft("bad-final", ns, 1.0)).await.unwrap();
    assert!(matches!(
        repo.finalize("bad-final", &s).await,
        Err(StorageError::Invalid(_))
    ));
    assert!(repo.get_draft("bad-final").await.unwrap().is_some());
    assert_eq!(repo.get_submission("bad-time").await.unwrap(), None);
    repo.delete_draft("bad-final").await.unwrap();

    let f = form("bad", "1", "{}", f64::NAN);
    assert!(matches!(
        repo.put_form(&f).await,
        Err(StorageError::Invalid(_))
    ));
    assert_eq!(repo.get_form("bad", "1").await.unwrap(), None);
}

/// Files: bytes and type come back exactly; a name is replaced; a draft's files go with it and
/// no one else's do.
pub async fn media<R: Repository>(repo: &R) {
    let photo = |name: &str, draft_id: &str, bytes: Vec<u8>| Media {
        name: name.into(),
        draft_id: draft_id.into(),
        mime: "image/jpeg".into(),
        bytes,
    };
    assert_eq!(repo.get_media("none.jpg").await.unwrap(), None);
    let all_bytes: Vec<u8> = (0..=255).collect();
    repo.put_media(&photo("a.jpg", "d1", all_bytes.clone()))
        .await
        .unwrap();
    repo.put_media(&photo("b.jpg", "d1", vec![1, 2, 3]))
        .await
        .unwrap();
    repo.put_media(&photo("c.jpg", "d2", vec![9]))
        .await
        .unwrap();
    assert_eq!(
        repo.get_media("a.jpg").await.unwrap(),
        Some(photo("a.jpg", "d1", all_bytes))
    );
    repo.put_media(&photo("b.jpg", "d1", vec![4]))
        .await
        .unwrap();
    assert_eq!(
        repo.get_media("b.jpg").await.unwrap().unwrap().bytes,
        vec![4]
    );
    repo.delete_media_of("d1").await.unwrap();
    assert_eq!(repo.get_media("a.jpg").await.unwrap(), None);
    assert_eq!(repo.get_media("b.jpg").await.unwrap(), None);
    assert_eq!(
        repo.get_media("c.jpg").await.unwrap().unwrap().bytes,
        vec![9]
    );
    repo.delete_media_of("d2").await.unwrap();
}

/// A review: the status changes, the comments accumulate; an export is recorded; nothing else
/// of the submission changes.
pub async fn reviews_and_exports<R: Repository>(repo: &R) {
    let s = submission("r1", "review-form", 10.0);
    repo.put_submission(&s).await.unwrap();
    let review = Review {
        status: ReviewStatus::HasIssues,
        comments: vec![ReviewComment {
            at_ms: 20.0,
            by: "Supervisor".into(),
            status: ReviewStatus::HasIssues,
            text: "Ages do not add up".into(),
        }],
        signature: Some("ed25519:kept-as-given".into()),
    };
    repo.set_review("r1", &review).await.unwrap();
    let export = ExportRecord {
        at_ms: 30.0,
        format: "csv".into(),
    };
    repo.record_export(&["r1".into(), "not-held".into()], &export)
        .await
        .unwrap();
    let got = repo.get_submission("r1").await.unwrap().unwrap();
    assert_eq!(got.review, review);
    assert_eq!(got.exports, [export]);
    assert_eq!((got.data, got.instance_id), (s.data, s.instance_id));
    assert!(matches!(
        repo.set_review("not-held", &review).await,
        Err(StorageError::Conflict(_))
    ));
}

/// An import: all of it, or (a form held with another definition, a submission held by now)
/// nothing; conflicts wait beside the held submissions until resolved.
pub async fn imports<R: Repository>(repo: &R) {
    let ns = "import-form";
    let held = submission("i-held", ns, 1.0);
    repo.put_submission(&held).await.unwrap();
    let photo = |name: &str, owner: &str, byte: u8| Media {
        name: name.into(),
        draft_id: owner.into(),
        mime: "image/jpeg".into(),
        bytes: vec![0xFF, 0xD8, byte],
    };
    let held_photo = photo("i-held-photo.jpg", "i-held", 1);
    repo.put_media(&held_photo).await.unwrap();
    // The conflicting copy's photo of the same name, waiting under the conflict.
    let copy_photo = photo(
        &Conflict::media_name("i-held@3", "i-held-photo.jpg"),
        "i-held@3",
        2,
    );
    let f = form(ns, "1", r#"{"settings":{"form_id":"import-form"}}"#, 5.0);
    let mut copy = held.clone();
    copy.data = json!({ "household": { "head_name": "Dilnoza B." } });
    let reviewed = Review {
        status: ReviewStatus::Approved,
        ..Review::default()
    };
    let import = Import {
        forms: vec![f.clone()],
        submissions: vec![submission("i-new", ns, 2.0)],
        media: vec![photo("i-new-photo.jpg", "i-new", 7), copy_photo.clone()],
        reviews: vec![("i-held".into(), reviewed.clone())],
        conflicts: vec![Conflict {
            id: "i-held@3".into(),
            imported_at_ms: 3.0,
            source: "tablet2.json".into(),
            submission: copy.clone(),
        }],
    };

    // Refused whole: the form version is held with another definition.
    repo.put_form(&form(ns, "1", r#"{"other":true}"#, 1.0))
        .await
        .unwrap();
    assert_conflict(repo.import(&import).await, "a form that differs");
    assert_eq!(repo.get_submission("i-new").await.unwrap(), None);
    assert_eq!(repo.get_media("i-new-photo.jpg").await.unwrap(), None);
    assert!(repo.list_conflicts().await.unwrap().is_empty());
    assert_eq!(
        repo.get_submission("i-held").await.unwrap().unwrap().review,
        Review::default()
    );

    // With the form as held: all of it.
    let mut ok = import.clone();
    ok.forms[0] = repo.get_form(ns, "1").await.unwrap().unwrap();
    repo.import(&ok).await.unwrap();
    assert!(repo.get_submission("i-new").await.unwrap().is_some());
    assert_eq!(repo.list_media_of("i-new").await.unwrap(), ok.media[..1]);
    assert_eq!(
        repo.list_media_of("i-held").await.unwrap(),
        std::slice::from_ref(&held_photo),
        "the held photo is untouched by the copy's"
    );
    assert_eq!(
        repo.list_media_of("i-held@3").await.unwrap(),
        std::slice::from_ref(&copy_photo)
    );
    assert!(repo
        .media_index()
        .await
        .unwrap()
        .contains(&("i-new-photo.jpg".to_string(), "i-new".to_string())));
    assert_eq!(
        repo.get_submission("i-held").await.unwrap().unwrap().review,
        reviewed
    );
    let conflicts = repo.list_conflicts().await.unwrap();
    assert_eq!(conflicts, ok.conflicts);

    // The same import again: the new submission is held by now, so nothing is written.
    assert_conflict(repo.import(&ok).await, "imported twice");

    // Resolving: keep the held one, or take the imported copy.
    repo.resolve_conflict("i-held@3", Resolution::KeepHeld)
        .await
        .unwrap();
    assert!(repo.list_conflicts().await.unwrap().is_empty());
    assert_eq!(
        repo.get_submission("i-held").await.unwrap().unwrap().data,
        held.data
    );
    assert_eq!(repo.list_media_of("i-held").await.unwrap(), [held_photo]);
    assert!(repo.list_media_of("i-held@3").await.unwrap().is_empty());
    let again = Import {
        conflicts: ok.conflicts.clone(),
        media: vec![copy_photo],
        ..Import::default()
    };
    repo.import(&again).await.unwrap();
    repo.resolve_conflict("i-held@3", Resolution::TakeImported)
        .await
        .unwrap();
    assert_eq!(
        repo.get_submission("i-held").await.unwrap().unwrap().data,
        copy.data
    );
    assert_eq!(
        repo.list_media_of("i-held").await.unwrap(),
        [photo("i-held-photo.jpg", "i-held", 2)],
        "the copy's photo replaces the held one, under its own name"
    );
    assert!(repo.list_media_of("i-held@3").await.unwrap().is_empty());
    assert!(repo.list_conflicts().await.unwrap().is_empty());
    repo.resolve_conflict("gone", Resolution::KeepHeld)
        .await
        .unwrap();
}

/// Reading submissions a page at a time: every one once, in instance id order.
pub async fn pages<R: Repository>(repo: &R) {
    for k in [3, 1, 4, 0, 2] {
        repo.put_submission(&submission(&format!("page-{k}"), "pages", k as f64))
            .await
            .unwrap();
    }
    let mut seen = Vec::new();
    let mut after: Option<String> = None;
    loop {
        let page = repo.submissions_page(after.as_deref(), 2).await.unwrap();
        assert!(page.len() <= 2);
        let Some(last) = page.last() else { break };
        after = Some(last.instance_id.clone());
        seen.extend(page.into_iter().map(|s| s.instance_id));
    }
    let mine: Vec<&String> = seen.iter().filter(|id| id.starts_with("page-")).collect();
    assert_eq!(mine, ["page-0", "page-1", "page-2", "page-3", "page-4"]);
    let mut sorted = seen.clone();
    sorted.sort();
    assert_eq!(seen, sorted, "in instance id order");
}
