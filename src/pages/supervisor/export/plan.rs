//! What an export sends out and under which name: the rows shown, the forms they need, the
//! file's name. Plain data, decided before anything is read from the device.

use std::collections::HashSet;

use xonadon_export::bundle::BundleForm;
use xonadon_storage::FormRecord;

use crate::i18n::export_message;
use crate::pages::supervisor::rows::Row;

/// The export formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Bundle,
    Csv,
    Xlsx,
}

impl Format {
    /// Its name in a submission's export history.
    pub fn name(self) -> &'static str {
        match self {
            Format::Bundle => "json",
            Format::Csv => "csv",
            Format::Xlsx => "xlsx",
        }
    }

    /// The download's media type.
    pub fn mime(self) -> &'static str {
        match self {
            Format::Bundle => "application/json",
            Format::Csv => "application/zip",
            Format::Xlsx => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        }
    }
}

/// The downloaded file's name: a bundle names the device it comes from (the tablets' and the
/// supervisor's bundles meet in one folder), all name the local `day`.
pub fn file_name(format: Format, device_id: &str, day: &str) -> String {
    match format {
        Format::Bundle => format!("xonadon-{device_id}-{day}.json"),
        Format::Csv => format!("xonadon-{day}.zip"),
        Format::Xlsx => format!("xonadon-{day}.xlsx"),
    }
}

/// The name of a file encrypted for a supervisor: age's own suffix after the bundle's name
/// (`age -d` and `xonadon export` read it; the supervisor's page too).
pub fn sealed_name(name: &str) -> String {
    format!("{name}.age")
}

/// What an export takes: the submissions, and the form versions they were filled in.
#[derive(Debug, Clone, PartialEq)]
pub struct Selection {
    pub ids: HashSet<String>,
    /// `(form_id, version)`, sorted, each once.
    pub versions: Vec<(String, String)>,
}

impl Selection {
    /// The rows shown; `None` when there are none (nothing to export).
    pub fn of(rows: &[Row]) -> Option<Selection> {
        if rows.is_empty() {
            return None;
        }
        let mut versions: Vec<(String, String)> = rows
            .iter()
            .map(|r| (r.form_id.clone(), r.form_version.clone()))
            .collect();
        versions.sort();
        versions.dedup();
        Some(Selection {
            ids: rows.iter().map(|r| r.instance_id.clone()).collect(),
            versions,
        })
    }
}

/// The forms of `versions` as a bundle carries them, from the device's `records`.
pub fn bundle_forms(
    versions: &[(String, String)],
    records: &[FormRecord],
    language: &str,
) -> Result<Vec<BundleForm>, String> {
    versions
        .iter()
        .map(|(form_id, version)| {
            let record = records
                .iter()
                .find(|f| &f.form_id == form_id && &f.version == version)
                .ok_or_else(|| format!("form {form_id} version {version} is not on this device"))?;
            BundleForm::from_record(record).map_err(|e| export_message(language, &e))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use wasm_bindgen_test::wasm_bindgen_test;

    fn row(id: &str, form: &str, version: &str) -> Row {
        Row {
            instance_id: id.into(),
            form_id: form.into(),
            form_version: version.into(),
            title: String::new(),
            day: String::new(),
            finalized_at_ms: 0.0,
            enumerator: String::new(),
            place: Default::default(),
            status: Default::default(),
            needs: Vec::new(),
        }
    }

    #[wasm_bindgen_test]
    fn the_rows_shown_and_their_form_versions_go_out() {
        assert_eq!(Selection::of(&[]), None);
        let rows = [row("a", "f", "2"), row("b", "f", "1"), row("c", "f", "2")];
        let s = Selection::of(&rows).unwrap();
        assert_eq!(s.ids, HashSet::from(["a", "b", "c"].map(String::from)));
        let v = |f: &str, n: &str| (f.to_string(), n.to_string());
        assert_eq!(s.versions, [v("f", "1"), v("f", "2")]);
    }

    #[wasm_bindgen_test]
    fn a_form_not_on_the_device_is_named() {
        let err = bundle_forms(&[("f".into(), "9".into())], &[], "en").unwrap_err();
        assert_eq!(err, "form f version 9 is not on this device");
        assert_eq!(bundle_forms(&[], &[], "en"), Ok(Vec::new()));
    }

    #[wasm_bindgen_test]
    fn file_names_say_the_day_and_a_bundle_its_device() {
        assert_eq!(
            file_name(Format::Bundle, "dev1", "2026-12-07"),
            "xonadon-dev1-2026-12-07.json"
        );
        assert_eq!(
            file_name(Format::Csv, "dev1", "2026-12-07"),
            "xonadon-2026-12-07.zip"
        );
        assert_eq!(
            file_name(Format::Xlsx, "dev1", "2026-12-07"),
            "xonadon-2026-12-07.xlsx"
        );
        assert_eq!(Format::Xlsx.name(), "xlsx");
        assert_eq!(
            sealed_name("xonadon-dev1-2026-12-07.json"),
            "xonadon-dev1-2026-12-07.json.age"
        );
    }
}
