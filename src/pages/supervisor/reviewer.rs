//! Who reviews on this device: the supervisor's name, asked once and kept in localStorage
//! (small, read at start), recorded on every review so the tablets know who asked for a
//! correction. A supervisor whose key is open is named by the key instead (the name a signed
//! review carries).

use gloo_storage::{LocalStorage, Storage};
use leptos::prelude::*;
use xonadon_storage::ReviewStatus;

use super::words::W;

const REVIEWER: &str = "xonadon.reviewer";

/// Why a review cannot be saved yet, if it cannot: no reviewer's name, or "has issues" without
/// a comment saying what to correct (a returned form the worker cannot act on).
pub fn refusal(status: ReviewStatus, comment: &str, reviewer: &str) -> Option<W> {
    if reviewer.trim().is_empty() {
        Some(W::NameNeeded)
    } else if status == ReviewStatus::HasIssues && comment.trim().is_empty() {
        Some(W::CommentNeeded)
    } else {
        None
    }
}

/// The reviewer's name kept on this device ("" until given), in context.
#[derive(Clone, Copy)]
pub struct Reviewer(pub RwSignal<String>);

impl Reviewer {
    pub fn provide() -> Reviewer {
        let name = LocalStorage::get(REVIEWER).unwrap_or_default();
        let reviewer = Reviewer(RwSignal::new(name));
        provide_context(reviewer);
        reviewer
    }

    /// Keeps `name` (trimmed) for every later review; a failure (private mode) keeps it for
    /// this page only.
    pub fn set(&self, name: &str) {
        let name = name.trim().to_string();
        let _ = LocalStorage::set(REVIEWER, &name);
        self.0.set(name);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use wasm_bindgen_test::wasm_bindgen_test;

    #[wasm_bindgen_test]
    fn a_review_needs_a_name_and_issues_need_a_comment() {
        use ReviewStatus::{Approved, HasIssues};
        assert_eq!(refusal(Approved, "", " "), Some(W::NameNeeded));
        assert_eq!(refusal(HasIssues, "age?", ""), Some(W::NameNeeded));
        assert_eq!(refusal(HasIssues, "  ", "Nodira"), Some(W::CommentNeeded));
        assert_eq!(refusal(HasIssues, "age?", "Nodira"), None);
        assert_eq!(refusal(Approved, "", "Nodira"), None);
    }
}
