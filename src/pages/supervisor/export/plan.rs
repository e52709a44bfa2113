//! What an export sends out and under which name: the rows shown, the forms they need, the
//! file's name. Plain data, decided before anything is read from the device.

use std::collections::HashSet;

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
            Format::Bundle => crate::send::BUNDLE_FORMAT,
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

/// The downloaded file's name: a bundle's is `send::bundle_name`, all name the local `day`.
pub fn file_name(format: Format, device_id: &str, day: &str, sealed: bool) -> String {
    match format {
        Format::Bundle => crate::send::bundle_name(device_id, day, sealed),
        Format::Csv => format!("xonadon-{day}.zip"),
        Format::Xlsx => format!("xonadon-{day}.xlsx"),
    }
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
            corrects: None,
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
    fn file_names_say_the_day_and_a_bundle_its_device() {
        assert_eq!(
            file_name(Format::Bundle, "dev1", "2026-12-07", false),
            "xonadon-dev1-2026-12-07.json"
        );
        assert_eq!(
            file_name(Format::Csv, "dev1", "2026-12-07", false),
            "xonadon-2026-12-07.zip"
        );
        assert_eq!(
            file_name(Format::Xlsx, "dev1", "2026-12-07", false),
            "xonadon-2026-12-07.xlsx"
        );
        assert_eq!(Format::Xlsx.name(), "xlsx");
    }
}
