//! The audit log on the field worker's page: forms with an `audit` question keep one with the
//! draft (`xonadon_storage::audit`), and at finalizing it is attached to the submission as a
//! file, like a photo, named in the `audit` question's answer.

use xonadon_engine::form::{Metadata, QuestionType};
use xonadon_engine::Form;
use xonadon_storage::audit::AuditLog;
use xonadon_storage::Media;

use crate::store::Store;

/// Whether the form asks for an audit log (other forms keep none).
pub fn is_audited(form: &Form) -> bool {
    form.elements
        .iter()
        .any(|e| e.question_type() == Some(&QuestionType::Metadata(Metadata::Audit)))
}

/// The log's file name: media names are unique on the device, so the draft's id is in it.
pub fn file_name(draft_id: &str) -> String {
    format!("{draft_id}-audit.csv")
}

/// Stores the log as the draft's file `name`; finalizing hands it to the submission with the
/// draft's photos. False when storage refused (it says why on screen).
pub async fn attach(store: Store, draft_id: &str, name: &str, log: &AuditLog) -> bool {
    let media = Media {
        name: name.to_string(),
        draft_id: draft_id.to_string(),
        mime: "text/csv".into(),
        bytes: log.to_csv().into_bytes(),
    };
    store.put_media(&media).await
}
