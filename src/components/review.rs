//! How a supervisor's review status reads and looks: on the field worker's list of finalized
//! forms and in the supervisor's table.

use xonadon_storage::ReviewStatus;

use crate::i18n::{t, T};

pub fn status_text(language: &str, s: ReviewStatus) -> &'static str {
    t(
        language,
        match s {
            ReviewStatus::Pending => T::Pending,
            ReviewStatus::Approved => T::Approved,
            ReviewStatus::HasIssues => T::HasIssues,
        },
    )
}

pub fn status_class(s: ReviewStatus) -> &'static str {
    match s {
        ReviewStatus::Pending => "status pending",
        ReviewStatus::Approved => "status approved",
        ReviewStatus::HasIssues => "status has-issues",
    }
}
