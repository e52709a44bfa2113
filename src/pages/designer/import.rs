//! Importing what a designer drops: the form (an XLSForm workbook, or an XForm), the files its
//! import reads (CSV, XML, GeoJSON), and the pictures, sound and film its media columns name.
//! Sorting the files and converting the form are plain functions; [`import`] reads the files
//! and shows each step.

use leptos::prelude::*;
use leptos::task::spawn_local;
use xonadon_engine::FormDefinition;
use xonadon_storage::Media;

use super::files::{self, Kind};
use super::paint::{mark, painted};
use super::problems::{self, Problem};
use super::state::DesignerState;
use crate::i18n::{t, T};

/// The files dropped together, sorted.
#[derive(Debug, Default)]
pub struct Dropped {
    /// The first workbook or XForm, by name: the form to import.
    pub form: Option<(String, Vec<u8>)>,
    /// What the import reads: choices files, and the media files by name only (the import
    /// checks that a named file was supplied; it never reads a picture).
    pub attachments: Vec<(String, Vec<u8>)>,
    /// Kept for the preview and for saving with the version.
    pub media: Vec<Media>,
}

/// Sorts dropped files by what they are (`files::kind`): a `.xml` may be an XForm (the form
/// itself, if none came before it) or a choices file; a second form is ignored.
pub fn sort(dropped: Vec<(String, Vec<u8>)>) -> Dropped {
    let mut out = Dropped::default();
    for (name, bytes) in dropped {
        match files::kind(&name) {
            Kind::Choices if out.form.is_none() && files::is_xform(&bytes) => {
                out.form = Some((name, bytes))
            }
            Kind::Choices => out.attachments.push((name, bytes)),
            Kind::Media(mime) => {
                out.attachments.push((name.clone(), Vec::new()));
                out.media.push(Media {
                    name,
                    draft_id: String::new(),
                    mime: mime.into(),
                    bytes,
                });
            }
            Kind::Workbook if out.form.is_none() => out.form = Some((name, bytes)),
            Kind::Workbook => {}
        }
    }
    out
}

/// A form converted, before it is written as text.
pub struct Imported {
    pub definition: FormDefinition,
    pub problems: Vec<Problem>,
    /// Each problem's row as a JSON path in the form, placed once the text is written.
    pub paths: Vec<Option<String>>,
    /// What it was read from: `xml`, `xlsx`, `xls`, `ods`.
    pub format: &'static str,
}

/// Converts the form `name` with its `attachments`: an XForm by its content (a `.xml` may be
/// either), anything else as a workbook. The error is the importer's, in words.
pub fn convert(
    name: &str,
    bytes: &[u8],
    attachments: &[(String, Vec<u8>)],
) -> Result<Imported, String> {
    if files::is_xform(bytes) {
        xonadon_xform::import_with(name, bytes, attachments)
            .map(|i| {
                let problems = problems::of_xform(&i.problems);
                Imported {
                    paths: vec![None; problems.len()],
                    problems,
                    definition: i.definition,
                    format: "xml",
                }
            })
            .map_err(|e| e.to_string())
    } else {
        xonadon_xlsform::import_with(name, bytes, attachments)
            .map(|i| {
                let (problems, paths) = problems::of_import(&i);
                Imported {
                    problems,
                    paths,
                    format: i.format.extension(),
                    definition: i.definition,
                }
            })
            .map_err(|e| e.to_string())
    }
}

/// The status line once the form is in the editor.
pub fn imported_line(language: &str, name: &str, format: &str) -> String {
    format!("{} {name} ({format} → JSON)", t(language, T::Imported))
}

/// Reads the dropped files, converts the form, places it in the editor and checks it, as
/// separate tasks, the status line saying which step is on (a 5,000-choice workbook:
/// ≈ 0.3 s in all, no step over ≈ 0.1 s: `designer_bench`). Media alone are kept for the
/// form in the editor.
pub fn import(state: DesignerState, files: Vec<web_sys::File>) {
    state.say(T::Reading);
    spawn_local(async move {
        mark("designer:import-start");
        let mut read = Vec::new();
        for file in files {
            let name = file.name();
            match crate::components::file_drop::bytes_of(&file).await {
                Ok(bytes) => read.push((name, bytes)),
                Err(line) => return state.show(line),
            }
        }
        let dropped = sort(read);
        let media = dropped.media.len();
        state.form_media.pending.update_value(|pending| {
            pending.extend(dropped.media.into_iter().map(|m| (m.name.clone(), m)));
        });
        let Some((name, bytes)) = dropped.form else {
            if media > 0 {
                // Pictures for the form in the editor: the preview shows them now.
                state.preview.update(|_| {});
                return state.show(format!("{}: {media}", t(&state.language(), T::MediaKept)));
            }
            return state.say(T::ImportXlsFormHint);
        };
        mark("designer:import-read");
        state.say(T::Converting);
        painted().await;
        let imported = convert(&name, &bytes, &dropped.attachments);
        mark("designer:import-converted");
        let imported = match imported {
            Ok(imported) => imported,
            Err(e) => return state.show(e),
        };
        state.say(T::Placing);
        painted().await;
        mark("designer:import-placing");
        let text = imported.definition.to_text();
        mark("designer:import-formatted");
        // Placed in the text once it is in the editor (`DesignerState::apply`).
        state.set_import_problems(imported.problems, imported.paths);
        if state.place(text).await {
            state.show(imported_line(&state.language(), &name, imported.format));
        }
        mark("designer:import-done");
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use wasm_bindgen_test::wasm_bindgen_test;

    const XFORM: &str = r#"<?xml version="1.0"?>
<h:html xmlns="http://www.w3.org/2002/xforms" xmlns:h="http://www.w3.org/1999/xhtml">
  <h:head><h:title>Tiny</h:title><model>
    <instance><data id="tiny" version="2"><q/><meta><instanceID/></meta></data></instance>
    <bind nodeset="/data/q" type="string"/>
  </model></h:head>
  <h:body><input ref="/data/q"><label>Q</label></input></h:body>
</h:html>"#;

    fn names(list: &[(String, Vec<u8>)]) -> Vec<&str> {
        list.iter().map(|(n, _)| n.as_str()).collect()
    }

    #[wasm_bindgen_test]
    fn a_workbook_comes_with_its_choices_files_and_pictures() {
        let dropped = sort(vec![
            ("tumanlar.csv".into(), b"name,label\n".to_vec()),
            ("oila.xlsx".into(), b"PK".to_vec()),
            ("roof.png".into(), b"png".to_vec()),
            ("other.xlsx".into(), b"PK2".to_vec()),
        ]);
        let (form, bytes) = dropped.form.expect("the workbook");
        assert_eq!((form.as_str(), bytes.as_slice()), ("oila.xlsx", &b"PK"[..]));
        assert_eq!(names(&dropped.attachments), ["tumanlar.csv", "roof.png"]);
        // The import only needs a picture's name; its bytes are kept for saving.
        assert!(dropped.attachments[1].1.is_empty());
        assert_eq!(dropped.media.len(), 1);
        assert_eq!(
            (
                dropped.media[0].name.as_str(),
                dropped.media[0].mime.as_str()
            ),
            ("roof.png", "image/png")
        );
        assert_eq!(dropped.media[0].bytes, b"png");
    }

    #[wasm_bindgen_test]
    fn an_xml_file_is_the_form_when_it_is_an_xform_and_none_came_before() {
        let choices = b"<?xml version=\"1.0\"?><root><item><name>a</name></item></root>";
        let dropped = sort(vec![
            ("places.xml".into(), choices.to_vec()),
            ("visit.xml".into(), XFORM.as_bytes().to_vec()),
        ]);
        assert_eq!(dropped.form.map(|(n, _)| n).as_deref(), Some("visit.xml"));
        assert_eq!(names(&dropped.attachments), ["places.xml"]);

        // After a workbook, an XForm is only a file the workbook may read.
        let dropped = sort(vec![
            ("oila.xlsx".into(), b"PK".to_vec()),
            ("visit.xml".into(), XFORM.as_bytes().to_vec()),
        ]);
        assert_eq!(dropped.form.map(|(n, _)| n).as_deref(), Some("oila.xlsx"));
        assert_eq!(names(&dropped.attachments), ["visit.xml"]);
    }

    #[wasm_bindgen_test]
    fn an_xform_is_read_by_the_xform_importer() {
        let imported = convert("visit.xml", XFORM.as_bytes(), &[]).unwrap();
        assert_eq!(imported.format, "xml");
        assert_eq!(imported.definition.settings.form_id, "tiny");
        assert_eq!(
            imported_line("en", "visit.xml", imported.format),
            format!("{} visit.xml (xml → JSON)", t("en", T::Imported))
        );
    }

    #[wasm_bindgen_test]
    fn a_workbook_is_read_by_the_xlsform_importer() {
        let form = FormDefinition::from_json(
            r#"{"settings": {"form_id": "visit", "version": "1"},
                "survey": [{"type": "text", "name": "head", "label": "Head"}]}"#,
        )
        .unwrap();
        let bytes = xonadon_xlsform::to_xlsform(&form).unwrap();
        let imported = convert("visit.xlsx", &bytes, &[]).unwrap();
        assert_eq!(imported.format, "xlsx");
        assert_eq!(imported.definition.settings.form_id, "visit");
        assert!(convert("visit.xlsx", b"not a workbook", &[]).is_err());
    }
}
