//! Submissions grouped by the form version they were filled with: each group is exported with
//! its own form's tables (versions may differ in their questions).

use std::collections::BTreeMap;

use xonadon_engine::Form;
use xonadon_storage::Submission;

use crate::bundle::BundleForm;
use crate::ExportError;

/// A form version, compiled, with the base name of its tables.
#[derive(Debug)]
pub struct Compiled {
    pub form: Form,
    pub form_id: String,
    pub version: String,
    /// The form id, with `-vVERSION` when several versions of that form are exported together.
    pub name: String,
}

/// Compiles `forms` (the versions being exported).
pub fn compile(forms: &[BundleForm]) -> Result<Vec<Compiled>, ExportError> {
    forms
        .iter()
        .map(|f| {
            let form = xonadon_engine::load(&f.definition.to_string()).map_err(|e| {
                ExportError::BadForm {
                    form_id: f.form_id.clone(),
                    version: f.version.clone(),
                    detail: e.to_string(),
                }
            })?;
            let versions = forms.iter().filter(|g| g.form_id == f.form_id).count();
            let name = if versions > 1 {
                format!("{}-v{}", f.form_id, f.version)
            } else {
                f.form_id.clone()
            };
            Ok(Compiled {
                form,
                form_id: f.form_id.clone(),
                version: f.version.clone(),
                name,
            })
        })
        .collect()
}

/// The submissions of one form version, with that form compiled.
#[derive(Debug)]
pub struct Group<'s> {
    pub form: Form,
    pub form_id: String,
    pub version: String,
    /// The tables' base name (see [`Compiled::name`]).
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
    let mut used = Vec::new();
    for ((form_id, version), subs) in &groups {
        let form = forms
            .iter()
            .find(|f| &f.form_id == form_id && &f.version == version)
            .ok_or_else(|| ExportError::MissingForm {
                instance_id: subs[0].instance_id.clone(),
                form_id: form_id.clone(),
                version: version.clone(),
            })?;
        used.push(form.clone());
    }
    Ok(compile(&used)?
        .into_iter()
        .zip(groups.into_values())
        .map(|(c, submissions)| Group {
            form: c.form,
            form_id: c.form_id,
            version: c.version,
            name: c.name,
            submissions,
        })
        .collect())
}
