//! Submissions grouped by the form version they were filled with: each group is exported with
//! its own form's tables (versions may differ in their questions).

use std::collections::BTreeMap;

use xonadon_engine::Form;
use xonadon_storage::Submission;

use crate::bundle::BundleForm;
use crate::ExportError;

/// The submissions of one form version, with that form compiled.
#[derive(Debug)]
pub struct Group<'s> {
    pub form: Form,
    pub form_id: String,
    pub version: String,
    /// The tables' base name: the form id, with `-vVERSION` when the export holds several
    /// versions of that form.
    pub name: String,
    pub submissions: Vec<&'s Submission>,
}

/// Groups `submissions` by form version, in `(form_id, version)` order; each keeps its order.
pub fn by_form_version<'s>(
    forms: &[BundleForm],
    submissions: impl IntoIterator<Item = &'s Submission>,
) -> Result<Vec<Group<'s>>, ExportError> {
    let mut groups: BTreeMap<(String, String), Vec<&Submission>> = BTreeMap::new();
    for s in submissions {
        groups
            .entry((s.form_id.clone(), s.form_version.clone()))
            .or_default()
            .push(s);
    }
    let mut out = Vec::new();
    for ((form_id, version), subs) in &groups {
        let Some(def) = forms
            .iter()
            .find(|f| &f.form_id == form_id && &f.version == version)
        else {
            return Err(ExportError::MissingForm {
                instance_id: subs[0].instance_id.clone(),
                form_id: form_id.clone(),
                version: version.clone(),
            });
        };
        let form = xonadon_engine::load(&def.definition.to_string()).map_err(|e| {
            ExportError::BadForm {
                form_id: form_id.clone(),
                version: version.clone(),
                detail: e.to_string(),
            }
        })?;
        let versions = groups.keys().filter(|(id, _)| id == form_id).count();
        let name = if versions > 1 {
            format!("{form_id}-v{version}")
        } else {
            form_id.clone()
        };
        out.push(Group {
            form,
            form_id: form_id.clone(),
            version: version.clone(),
            name,
            submissions: subs.clone(),
        });
    }
    Ok(out)
}
