//! Importing bundles from many tablets: submissions merge by instance id.
//!
//! - not held yet: added;
//! - held with the same answers and metadata: an identical duplicate, skipped and counted — but
//!   if the bundle's review is newer (a supervisor's bundle coming back to the field worker, or
//!   one supervisor's to another), the review is taken;
//! - held with different answers or metadata: a conflict; the held one stays and the incoming
//!   one is kept beside it for the supervisor to resolve.
//!
//! A review in a bundle is taken only when it is signed by one of the known supervisors
//! ([`crate::signature`]); otherwise it is refused with its reason ([`RefusedReview`]) and the
//! submission imports without it. A newer time alone never makes a review win.
//!
//! [`plan`] says what one bundle would do to what a device holds (the app then applies it in
//! one IndexedDB transaction); [`Collection`] applies bundles in memory (the CLI, tests).

use std::collections::{BTreeMap, BTreeSet};

use xonadon_storage::{Conflict, Import, Review, Submission};

use crate::bundle::{Bundle, BundleForm, BundleSubmission};
use crate::keys::Supervisors;
use crate::signature::{self, Refusal};
use crate::ExportError;

/// Whose reviews an import takes.
#[derive(Debug, Clone, Copy)]
pub enum Trust<'a> {
    /// Reviews signed by one of these supervisors.
    Signed(&'a Supervisors),
    /// Any review, signed or not, as before reviews were signed: only for a device that has no
    /// supervisor keys yet (the app's pages until they make and hold them).
    Unchecked,
}

impl Trust<'_> {
    /// Whether `s`'s review may be taken (a blank review always may: there is nothing in it).
    fn check(&self, s: &Submission) -> Result<(), Refusal> {
        match self {
            _ if signature::is_blank(&s.review) => Ok(()),
            Trust::Signed(known) => signature::check(known, s).map(|_| ()),
            Trust::Unchecked => Ok(()),
        }
    }
}

/// A review in a bundle that was not taken, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RefusedReview {
    pub instance_id: String,
    pub reason: Refusal,
}

impl std::fmt::Display for RefusedReview {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "submission {}: its review was not taken, as {}; the submission's answers were \
             imported",
            self.instance_id, self.reason
        )
    }
}

/// What importing one bundle does.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct MergePlan {
    /// Forms (id and version) not held yet.
    pub new_forms: Vec<BundleForm>,
    /// Submissions not held yet.
    pub new: Vec<BundleSubmission>,
    /// Held already with the same content (and no newer review): skipped.
    pub duplicates: usize,
    /// Held already with the same content: the bundle's newer review replaces the held one.
    pub review_updates: Vec<(String, Review)>,
    /// Held already with different content: kept beside the held one.
    pub conflicts: Vec<BundleSubmission>,
    /// Reviews not taken (unsigned, badly signed, by someone not a known supervisor).
    pub refused_reviews: Vec<RefusedReview>,
}

/// Everything but the review and the export history: what must be equal for two copies of a
/// submission to be the same submission.
fn same_content(a: &Submission, b: &Submission) -> bool {
    let strip = |s: &Submission| {
        let mut s = s.clone();
        s.review = Review::default();
        s.exports.clear();
        s
    };
    strip(a) == strip(b)
}

/// What `bundle` would do to a device that holds `held` submissions and `form_held` forms.
/// Fails (and nothing is to be done) if a submission's form is neither held nor in the bundle,
/// or a form new to the device does not load (it would break every later export of it).
/// Two copies of one submission in the bundle count as the device would count them had the
/// first been held already. Reviews are taken as `trust` says.
pub fn plan(
    bundle: &Bundle,
    held: impl Fn(&str) -> Option<Submission>,
    form_held: impl Fn(&str, &str) -> bool,
    trust: Trust,
) -> Result<MergePlan, ExportError> {
    let mut out = MergePlan::default();
    // Looked up by key, not searched: a bundle of 100,000 submissions took 43 s when each
    // one searched the ones before it.
    let bundle_forms: BTreeSet<(&str, &str)> = bundle
        .forms
        .iter()
        .map(|f| (f.form_id.as_str(), f.version.as_str()))
        .collect();
    let mut new_forms = BTreeSet::new();
    let mut new_at: BTreeMap<&str, usize> = BTreeMap::new();
    let mut refused_ids = BTreeSet::new();
    for form in &bundle.forms {
        if !form_held(&form.form_id, &form.version)
            && new_forms.insert((form.form_id.as_str(), form.version.as_str()))
        {
            xonadon_engine::load(&form.definition.to_string()).map_err(|e| {
                ExportError::BadForm {
                    form_id: form.form_id.clone(),
                    version: form.version.clone(),
                    detail: e.to_string(),
                }
            })?;
            out.new_forms.push(form.clone());
        }
    }
    for incoming in &bundle.submissions {
        let s = &incoming.submission;
        let in_bundle = bundle_forms.contains(&(s.form_id.as_str(), s.form_version.as_str()));
        if !in_bundle && !form_held(&s.form_id, &s.form_version) {
            return Err(ExportError::MissingForm {
                instance_id: s.instance_id.clone(),
                form_id: s.form_id.clone(),
                version: s.form_version.clone(),
            });
        }
        let held_now = held(&s.instance_id);
        // A review the device holds already is no news, signed or not.
        let news = held_now.as_ref().is_none_or(|mine| mine.review != s.review);
        let trusted = if news { trust.check(s) } else { Ok(()) };
        // The copy as it may be kept: without a review that was not taken.
        let mut kept = incoming.clone();
        if let Err(reason) = &trusted {
            kept.submission.review = Review::default();
            let again = !refused_ids.insert(s.instance_id.as_str());
            out_refused(
                &mut out.refused_reviews,
                again,
                &s.instance_id,
                reason.clone(),
            );
        }
        if let Some(&at) = new_at.get(s.instance_id.as_str()) {
            let first = &mut out.new[at];
            // A second copy in this bundle: as if the first were held already.
            if !same_content(&first.submission, s) {
                out.conflicts.push(kept);
            } else {
                if trusted.is_ok()
                    && s.review.updated_at_ms() > first.submission.review.updated_at_ms()
                {
                    first.submission.review = s.review.clone();
                }
                out.duplicates += 1;
            }
            continue;
        }
        match held_now {
            None => {
                new_at.insert(&s.instance_id, out.new.len());
                out.new.push(kept);
            }
            Some(mine) if same_content(&mine, s) => {
                if trusted.is_ok() && s.review.updated_at_ms() > mine.review.updated_at_ms() {
                    out.review_updates
                        .push((s.instance_id.clone(), s.review.clone()));
                } else {
                    out.duplicates += 1;
                }
            }
            Some(_) => out.conflicts.push(kept),
        }
    }
    Ok(out)
}

impl MergePlan {
    /// What a repository writes for this plan (in one transaction): `source` names the file
    /// the conflicts came from, `now_ms` stamps forms and conflicts.
    pub fn to_import(&self, source: &str, now_ms: f64) -> Import {
        Import {
            forms: self.new_forms.iter().map(|f| f.to_record(now_ms)).collect(),
            submissions: self.new.iter().map(|s| s.submission.clone()).collect(),
            media: self
                .new_forms
                .iter()
                .flat_map(BundleForm::media_records)
                .chain(self.new.iter().flat_map(|s| {
                    s.media
                        .iter()
                        .map(|m| m.to_media(&s.submission.instance_id))
                }))
                .chain(self.conflicts.iter().flat_map(|s| {
                    // A conflicting copy's photos wait under the conflict (`Conflict::media_name`).
                    let id = conflict_id(s, now_ms);
                    s.media.iter().map(move |m| {
                        let mut media = m.to_media(&id);
                        media.name = Conflict::media_name(&id, &m.name);
                        media
                    })
                }))
                .collect(),
            reviews: self.review_updates.clone(),
            conflicts: self
                .conflicts
                .iter()
                .map(|s| Conflict {
                    id: conflict_id(s, now_ms),
                    imported_at_ms: now_ms,
                    source: source.to_string(),
                    submission: s.submission.clone(),
                })
                .collect(),
        }
    }
}

/// Notes a refused review, once per submission and reason: added unless it is listed already; `again`: the submission had one refused
/// before (only then is the list searched, so a bundle of many refusals stays linear).
fn out_refused(refused: &mut Vec<RefusedReview>, again: bool, instance_id: &str, reason: Refusal) {
    let r = RefusedReview {
        instance_id: instance_id.to_string(),
        reason,
    };
    if !again || !refused.contains(&r) {
        refused.push(r);
    }
}

/// A conflict's id: its instance id and when it was imported.
fn conflict_id(copy: &BundleSubmission, now_ms: f64) -> String {
    format!("{}@{now_ms}", copy.submission.instance_id)
}

/// What one import did, for the supervisor.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ImportReport {
    pub new_forms: usize,
    pub added: usize,
    pub duplicates: usize,
    pub review_updates: usize,
    pub conflicts: usize,
    pub refused_reviews: usize,
}

impl From<&MergePlan> for ImportReport {
    fn from(p: &MergePlan) -> Self {
        ImportReport {
            new_forms: p.new_forms.len(),
            added: p.new.len(),
            duplicates: p.duplicates,
            review_updates: p.review_updates.len(),
            conflicts: p.conflicts.len(),
            refused_reviews: p.refused_reviews.len(),
        }
    }
}

/// Forms and submissions merged from bundles, in memory.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Collection {
    /// By `(form_id, version)`.
    pub forms: BTreeMap<(String, String), BundleForm>,
    /// By instance id.
    pub submissions: BTreeMap<String, BundleSubmission>,
    /// Incoming copies that differ from the held one, in the order met.
    pub conflicts: Vec<BundleSubmission>,
    /// The supervisors whose signed reviews are taken (none by default: no review is).
    pub supervisors: Supervisors,
    /// Every review not taken, in the order met.
    pub refused_reviews: Vec<RefusedReview>,
}

impl Collection {
    /// An empty collection that takes the reviews of `supervisors`.
    pub fn trusting(supervisors: Supervisors) -> Collection {
        Collection {
            supervisors,
            ..Collection::default()
        }
    }

    /// Merges `bundle` (all of it, or nothing if it fails).
    pub fn import(&mut self, bundle: &Bundle) -> Result<ImportReport, ExportError> {
        let plan = plan(
            bundle,
            |id| self.submissions.get(id).map(|s| s.submission.clone()),
            |id, v| self.forms.contains_key(&(id.to_string(), v.to_string())),
            Trust::Signed(&self.supervisors),
        )?;
        let report = ImportReport::from(&plan);
        for f in plan.new_forms {
            self.forms.insert((f.form_id.clone(), f.version.clone()), f);
        }
        for s in plan.new {
            self.submissions.insert(s.submission.instance_id.clone(), s);
        }
        for (id, review) in plan.review_updates {
            if let Some(s) = self.submissions.get_mut(&id) {
                s.submission.review = review;
            }
        }
        self.conflicts.extend(plan.conflicts);
        self.refused_reviews.extend(plan.refused_reviews);
        Ok(report)
    }

    /// The forms, in `(form_id, version)` order.
    pub fn form_list(&self) -> Vec<BundleForm> {
        self.forms.values().cloned().collect()
    }

    /// The submissions, oldest finalized first (ties: by instance id).
    pub fn submission_list(&self) -> Vec<BundleSubmission> {
        let mut list: Vec<_> = self.submissions.values().cloned().collect();
        list.sort_by(|a, b| {
            a.submission
                .finalized_at_ms
                .total_cmp(&b.submission.finalized_at_ms)
                .then_with(|| a.submission.instance_id.cmp(&b.submission.instance_id))
        });
        list
    }
}
