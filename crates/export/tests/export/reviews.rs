//! Reviews travel signed: a review is taken from a bundle only when a known supervisor signed
//! it (the submission imports either way); a forged one — unsigned, edited, a later time, a
//! stranger's key — is refused with its reason, and a newer time alone never wins.

use super::*;

fn review(s: &Submission, by: &str, status: ReviewStatus, at_ms: f64) -> Submission {
    let mut s = s.clone();
    s.review.status = status;
    s.review.comments.push(ReviewComment {
        at_ms,
        by: by.into(),
        status,
        text: "checked".into(),
    });
    s
}

fn read(name: &str, subs: &[Submission]) -> bundle::Bundle {
    bundle::read(name, &bundle_of(subs, 1.0)).unwrap()
}

/// A supervisor who holds household A with `dilnoza`'s signed "has issues" review.
fn supervisor_holding_a_review() -> (SupervisorIdentity, Collection, Submission) {
    let dilnoza = SupervisorIdentity::generate("Dilnoza");
    let mut all = Collection::trusting(Supervisors(vec![dilnoza.public()]));
    let mut a = review(&household_a(), "Dilnoza", ReviewStatus::HasIssues, 10.0);
    a.review = signature::sign(&dilnoza, &a);
    all.import(&read("mine.json", std::slice::from_ref(&a)))
        .unwrap();
    (dilnoza, all, a)
}

#[test]
fn an_unsigned_later_review_does_not_replace_the_signed_one() {
    let (_, mut all, a) = supervisor_holding_a_review();
    // The forgery of the probe: a free-text reviewer, a later time, "approved".
    let forged = review(&household_a(), "Dilnoza", ReviewStatus::Approved, 99.0);
    let r = all.import(&read("forged.json", &[forged])).unwrap();
    assert_eq!(
        (r.review_updates, r.duplicates, r.refused_reviews),
        (0, 1, 1)
    );
    assert_eq!(all.submissions["uuid:a"].submission.review, a.review);
    assert_eq!(
        all.refused_reviews[0].reason,
        Refusal::Unsigned,
        "{}",
        all.refused_reviews[0]
    );
    assert!(all.refused_reviews[0].to_string().contains("uuid:a"));
}

#[test]
fn an_edited_signed_review_is_refused_as_badly_signed() {
    let (_, mut all, a) = supervisor_holding_a_review();
    let mut edited = a.clone();
    edited.review.status = ReviewStatus::Approved;
    edited.review.comments[0].at_ms = 99.0;
    let r = all.import(&read("edited.json", &[edited])).unwrap();
    assert_eq!((r.review_updates, r.refused_reviews), (0, 1));
    assert_eq!(all.refused_reviews[0].reason, Refusal::BadSignature);
    assert_eq!(all.submissions["uuid:a"].submission.review, a.review);
}

#[test]
fn a_newer_review_signed_by_a_known_supervisor_is_taken() {
    let (dilnoza, mut all, a) = supervisor_holding_a_review();
    let mut later = review(&a, "Dilnoza", ReviewStatus::Approved, 20.0);
    later.review = signature::sign(&dilnoza, &later);
    let r = all
        .import(&read("later.json", std::slice::from_ref(&later)))
        .unwrap();
    assert_eq!((r.review_updates, r.refused_reviews), (1, 0));
    assert_eq!(all.submissions["uuid:a"].submission.review, later.review);
    // An older signed review coming back does not undo it: the newer one stays.
    let r = all.import(&read("mine.json", &[a])).unwrap();
    assert_eq!((r.review_updates, r.duplicates), (0, 1));
    assert_eq!(all.submissions["uuid:a"].submission.review, later.review);
}

#[test]
fn a_new_submission_with_a_strangers_review_imports_without_it() {
    let dilnoza = SupervisorIdentity::generate("Dilnoza");
    let stranger = SupervisorIdentity::generate("Dilnoza");
    let mut all = Collection::trusting(Supervisors(vec![dilnoza.public()]));
    let mut a = review(&household_a(), "Dilnoza", ReviewStatus::Approved, 10.0);
    a.review = signature::sign(&stranger, &a);
    let r = all.import(&read("t.json", &[a, household_b()])).unwrap();
    assert_eq!((r.added, r.refused_reviews), (2, 1));
    assert_eq!(all.refused_reviews[0].reason, Refusal::UnknownSupervisor);
    let held = &all.submissions["uuid:a"].submission;
    assert_eq!(held.review, Review::default(), "imported, unreviewed");
    assert_eq!(held.data, household_a().data);
}

#[test]
fn a_review_held_already_is_no_news_signed_or_not() {
    // A review from before reviews were signed, held on the device, comes back unchanged.
    let old = review(&household_a(), "Supervisor", ReviewStatus::Approved, 5.0);
    let plan = merge::plan(
        &read("t.json", std::slice::from_ref(&old)),
        |_| Some(old.clone()),
        |_, _| true,
        Trust::Signed(&Supervisors::default()),
    )
    .unwrap();
    assert_eq!((plan.duplicates, plan.refused_reviews.len()), (1, 0));
}

#[test]
fn unchecked_trust_takes_reviews_as_before_signing() {
    let later = review(&household_a(), "Supervisor", ReviewStatus::Approved, 5.0);
    let plan = merge::plan(
        &read("t.json", std::slice::from_ref(&later)),
        |_| Some(household_a()),
        |_, _| true,
        Trust::Unchecked,
    )
    .unwrap();
    assert_eq!(plan.review_updates, [("uuid:a".to_string(), later.review)]);
}
