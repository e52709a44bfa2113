//! The form in the editor as a file: its JSON text as it is, or an XLSForm workbook, named by
//! form id and version.

use leptos::prelude::*;
use xonadon_engine::{Form, FormDefinition, Lang};

use super::state::DesignerState;

const XLSX: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/// A file to download.
#[derive(Debug, PartialEq)]
pub struct File {
    pub name: String,
    pub bytes: Vec<u8>,
    pub mime: &'static str,
}

/// The file of `text`, named after the form the preview shows (`form` when none loaded yet);
/// the error is why the text cannot be written as a workbook (in `lang` when the text is no
/// form definition).
pub fn file_of(
    text: &str,
    preview: Option<&Form>,
    xlsform: bool,
    lang: Lang,
) -> Result<File, String> {
    let (bytes, extension, mime) = if xlsform {
        let definition = FormDefinition::from_json(text).map_err(|e| e.message_in(lang))?;
        let workbook = xonadon_xlsform::to_xlsform(&definition).map_err(|e| e.to_string())?;
        (workbook, "xlsx", XLSX)
    } else {
        (text.as_bytes().to_vec(), "json", "application/json")
    };
    let name = preview
        .map(|f| format!("{}-{}", f.settings.form_id, f.settings.version))
        .unwrap_or_else(|| "form".into());
    Ok(File {
        name: format!("{name}.{extension}"),
        bytes,
        mime,
    })
}

/// Downloads the editor's text as JSON or as an XLSForm; a failure goes to the status line.
pub fn download(state: DesignerState, xlsform: bool) {
    let preview = state.preview.get_untracked();
    let lang = Lang::from_tag(&state.language());
    let result =
        file_of(&state.text.get_value(), preview.as_deref(), xlsform, lang).and_then(|f| {
            let mut chunks = crate::download::Chunks::default();
            std::io::Write::write_all(&mut chunks, &f.bytes)
                .map_err(|e| e.to_string())
                .and_then(|()| chunks.into_blob(f.mime))
                .and_then(|blob| crate::download::download_blob(&f.name, &blob))
        });
    if let Err(e) = result {
        state.show(e);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use wasm_bindgen_test::wasm_bindgen_test;

    const FORM: &str = r#"{"settings": {"form_id": "visit", "version": "3"},
        "survey": [{"type": "text", "name": "head", "label": "Head"}]}"#;

    #[wasm_bindgen_test]
    fn the_json_is_the_text_named_by_id_and_version() {
        let form = xonadon_engine::load(FORM).unwrap();
        let file = file_of(FORM, Some(&form), false, Lang::En).unwrap();
        assert_eq!(
            file,
            File {
                name: "visit-3.json".into(),
                bytes: FORM.as_bytes().to_vec(),
                mime: "application/json",
            }
        );
        // Before any form loaded, the file is only "form".
        assert_eq!(
            file_of("{", None, false, Lang::En).unwrap().name,
            "form.json"
        );
    }

    #[wasm_bindgen_test]
    fn the_workbook_reads_back_as_the_form() {
        let form = xonadon_engine::load(FORM).unwrap();
        let file = file_of(FORM, Some(&form), true, Lang::En).unwrap();
        assert_eq!((file.name.as_str(), file.mime), ("visit-3.xlsx", XLSX));
        let back = xonadon_xlsform::import_with(&file.name, &file.bytes, &[]).unwrap();
        assert_eq!(back.definition.settings.form_id, "visit");
        assert!(file_of("{", Some(&form), true, Lang::En).is_err());
        assert_eq!(
            file_of("{}", Some(&form), true, Lang::Ru).unwrap_err(),
            "$: нет обязательного ключа `settings`"
        );
    }
}
