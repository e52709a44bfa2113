//! Reviews signed by the supervisor who made them, so that a review in a bundle — approved,
//! has issues — cannot be written by whoever holds the file.
//!
//! The signature (Ed25519, the supervisor's review key, [`crate::keys`]) covers the whole
//! review (status, every comment with its time and reviewer) and a SHA-256 of the submission
//! it reviews (everything but the review and the export history, keys sorted): a review moved
//! to another submission, or a submission changed under its review, no longer verifies. It is
//! kept in [`Review::signature`] as `ed25519:KEY:SIGNATURE` (hex), so it travels with the
//! review from device to device. A review is accepted when it verifies, its key is one of the
//! known [`Supervisors`], and its last comment names that supervisor.

use ed25519_dalek::{Signature, Signer};
use xonadon_storage::{Review, ReviewStatus, Submission};

use crate::bundle::{hex, sha256};
use crate::keys::{parse_verifying, unhex, verifying_text, SupervisorIdentity, Supervisors};

/// Why a review was not accepted.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Refusal {
    #[error("it is not signed by a supervisor")]
    Unsigned,
    #[error("its signature cannot be read")]
    Unreadable,
    #[error("it is signed by a key that is not one of the known supervisors")]
    UnknownSupervisor,
    #[error("its signature does not match it: the review or the submission was changed after it was signed")]
    BadSignature,
    #[error("it names {by} as the reviewer but is signed by {signer}")]
    NotTheReviewer { by: String, signer: String },
}

/// A review with nothing in it (a submission never reviewed): nothing to sign or check.
pub fn is_blank(review: &Review) -> bool {
    review.status == ReviewStatus::Pending && review.comments.is_empty()
}

/// `value` with every object's keys in order, so equal submissions hash equally.
fn sorted(value: serde_json::Value) -> serde_json::Value {
    match value {
        serde_json::Value::Object(map) => {
            let mut entries: Vec<_> = map.into_iter().collect();
            entries.sort_by(|a, b| a.0.cmp(&b.0));
            serde_json::Value::Object(entries.into_iter().map(|(k, v)| (k, sorted(v))).collect())
        }
        serde_json::Value::Array(items) => {
            serde_json::Value::Array(items.into_iter().map(sorted).collect())
        }
        other => other,
    }
}

/// What is signed: a label, the submission's digest, the review without its signature.
fn message(submission: &Submission) -> Vec<u8> {
    let mut content = submission.clone();
    let mut review = std::mem::take(&mut content.review);
    content.exports.clear();
    review.signature = None;
    let content = serde_json::to_value(&content).map_or(serde_json::Value::Null, sorted);
    let mut m = b"xonadon-review-v1\n".to_vec();
    m.extend(sha256(content.to_string().as_bytes()).as_bytes());
    m.push(b'\n');
    m.extend(
        sorted(serde_json::to_value(&review).unwrap_or_default())
            .to_string()
            .as_bytes(),
    );
    m
}

/// `submission`'s review signed by `identity` (its signature replaced).
pub fn sign(identity: &SupervisorIdentity, submission: &Submission) -> Review {
    let signature = identity.signing().sign(&message(submission));
    let mut review = submission.review.clone();
    review.signature = Some(format!(
        "{}:{}",
        verifying_text(&identity.signing().verifying_key()),
        hex(&signature.to_bytes())
    ));
    review
}

/// Whether `submission`'s review may be accepted from `known` supervisors: the supervisor
/// who signed it.
pub fn check<'a>(
    known: &'a Supervisors,
    submission: &Submission,
) -> Result<&'a crate::keys::SupervisorKey, Refusal> {
    let text = submission
        .review
        .signature
        .as_deref()
        .ok_or(Refusal::Unsigned)?;
    let (key, sig) = text.rsplit_once(':').ok_or(Refusal::Unreadable)?;
    let key = parse_verifying(key).ok_or(Refusal::Unreadable)?;
    let sig: [u8; 64] = unhex(sig)
        .and_then(|b| b.try_into().ok())
        .ok_or(Refusal::Unreadable)?;
    let supervisor = known.by_key(&key).ok_or(Refusal::UnknownSupervisor)?;
    key.verify_strict(&message(submission), &Signature::from_bytes(&sig))
        .map_err(|_| Refusal::BadSignature)?;
    let by = submission.review.comments.last().map(|c| c.by.as_str());
    match by {
        Some(by) if by != supervisor.name => Err(Refusal::NotTheReviewer {
            by: by.to_string(),
            signer: supervisor.name.clone(),
        }),
        _ => Ok(supervisor),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use xonadon_storage::ReviewComment;

    fn submission() -> Submission {
        Submission {
            instance_id: "uuid:1".into(),
            form_id: "household".into(),
            form_version: "1".into(),
            data: serde_json::json!({"head": "Aziza", "members": 3}),
            started_at_ms: 1.0,
            finalized_at_ms: 2.0,
            enumerator: "Ali".into(),
            device_id: "t1".into(),
            title: None,
            review: Review::default(),
            exports: vec![],
        }
    }

    fn reviewed_by(by: &str, status: ReviewStatus, at_ms: f64) -> Submission {
        let mut s = submission();
        s.review.status = status;
        s.review.comments.push(ReviewComment {
            at_ms,
            by: by.into(),
            status,
            text: "checked".into(),
        });
        s
    }

    #[test]
    fn a_signed_review_verifies_for_the_known_supervisor_who_signed_it() {
        let dilnoza = SupervisorIdentity::generate("Dilnoza");
        let known = Supervisors(vec![dilnoza.public()]);
        let mut s = reviewed_by("Dilnoza", ReviewStatus::Approved, 10.0);
        s.review = sign(&dilnoza, &s);
        assert_eq!(check(&known, &s), Ok(&known.0[0]));
        // The export history and the order of the answers' keys are not signed.
        s.exports.push(xonadon_storage::ExportRecord {
            at_ms: 3.0,
            format: "csv".into(),
        });
        s.data = serde_json::json!({"members": 3, "head": "Aziza"});
        assert_eq!(check(&known, &s), Ok(&known.0[0]));
    }

    #[test]
    fn a_forged_moved_or_unsigned_review_is_refused_saying_why() {
        let dilnoza = SupervisorIdentity::generate("Dilnoza");
        let known = Supervisors(vec![dilnoza.public()]);
        let mut s = reviewed_by("Dilnoza", ReviewStatus::HasIssues, 10.0);
        assert_eq!(check(&known, &s), Err(Refusal::Unsigned));
        s.review = sign(&dilnoza, &s);

        let mut later = s.clone();
        later.review.comments[0].at_ms = 99.0;
        later.review.status = ReviewStatus::Approved;
        assert_eq!(check(&known, &later), Err(Refusal::BadSignature));

        let mut changed = s.clone();
        changed.data["members"] = 4.into();
        assert_eq!(check(&known, &changed), Err(Refusal::BadSignature));

        let stranger = SupervisorIdentity::generate("Dilnoza");
        let mut forged = s.clone();
        forged.review = sign(&stranger, &s);
        assert_eq!(check(&known, &forged), Err(Refusal::UnknownSupervisor));

        let mut garbled = s.clone();
        garbled.review.signature = Some("ed25519:00:11".into());
        assert_eq!(check(&known, &garbled), Err(Refusal::Unreadable));
    }

    #[test]
    fn a_review_signed_by_one_supervisor_in_another_ones_name_is_refused() {
        let dilnoza = SupervisorIdentity::generate("Dilnoza");
        let bobur = SupervisorIdentity::generate("Bobur");
        let known = Supervisors(vec![dilnoza.public(), bobur.public()]);
        let mut s = reviewed_by("Dilnoza", ReviewStatus::Approved, 10.0);
        s.review = sign(&bobur, &s);
        assert_eq!(
            check(&known, &s),
            Err(Refusal::NotTheReviewer {
                by: "Dilnoza".into(),
                signer: "Bobur".into()
            })
        );
    }

    #[test]
    fn only_an_untouched_review_is_blank() {
        assert!(is_blank(&Review::default()));
        assert!(!is_blank(
            &reviewed_by("A", ReviewStatus::Pending, 1.0).review
        ));
        let approved = Review {
            status: ReviewStatus::Approved,
            ..Review::default()
        };
        assert!(!is_blank(&approved));
    }
}
