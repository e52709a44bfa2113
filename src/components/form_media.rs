//! A form's own pictures, sound and film (its media columns) on the filling screen. Questions
//! are written as markup (see `question`), so a media file is an element with `data-media`
//! naming the file, hidden until [`resolve`] finds its bytes and gives it an object URL: a
//! file not on the device shows nothing (the import warned about it).
//!
//! The files are the form version's attachments in IndexedDB
//! (`Media::form_file(form_id, version, file)`); the designer's preview also has the files
//! dropped with a workbook and not saved yet ([`FormMedia::pending`]).

use std::collections::HashMap;

use leptos::prelude::*;
use leptos::task::spawn_local;
use xonadon_storage::Media;

use crate::components::markup::Markup;
use crate::components::photo::object_url;
use crate::store::Store;

/// Where the filling screen finds the form's media; provided as context by its page.
#[derive(Clone, Copy)]
pub struct FormMedia {
    form_id: StoredValue<String>,
    version: StoredValue<String>,
    /// Files not in IndexedDB yet (the designer's import), by file name.
    pub pending: StoredValue<HashMap<String, Media>>,
    /// Object URLs made so far, by file name (made once per file and page).
    urls: StoredValue<HashMap<String, String>>,
    /// Taken when provided: the lookups run in tasks, where there is no context.
    store: Option<Store>,
}

impl FormMedia {
    pub fn provide(form_id: &str, version: &str) -> FormMedia {
        let media = FormMedia {
            form_id: StoredValue::new(form_id.to_string()),
            version: StoredValue::new(version.to_string()),
            pending: StoredValue::new(HashMap::new()),
            urls: StoredValue::new(HashMap::new()),
            store: use_context::<Store>(),
        };
        provide_context(media);
        media
    }

    /// Now showing another form (the designer's preview).
    pub fn switch(&self, form_id: &str, version: &str) {
        let same =
            self.form_id.with_value(|f| f == form_id) && self.version.with_value(|v| v == version);
        if !same {
            self.form_id.set_value(form_id.to_string());
            self.version.set_value(version.to_string());
            self.urls.set_value(HashMap::new());
        }
    }

    async fn url(self, file: String) -> Option<String> {
        if let Some(url) = self.urls.with_value(|u| u.get(&file).cloned()) {
            return Some(url);
        }
        let media = match self.pending.with_value(|p| p.get(&file).cloned()) {
            Some(m) => m,
            None => {
                let name = self
                    .version
                    .with_value(|v| self.form_id.with_value(|id| Media::form_file(id, v, &file)));
                self.store?.media(&name).await?
            }
        };
        let url = object_url(&media)?;
        self.urls.update_value(|u| {
            u.insert(file, url.clone());
        });
        Some(url)
    }
}

/// The markup of a question's or choice's media: `(kind, file)` as `MediaDef::shown` gives.
pub fn write(m: &mut Markup, media: &[(&'static str, String)], class: &'static str) {
    for (kind, file) in media {
        let tag = match *kind {
            "audio" => "audio",
            "video" => "video",
            _ => "img",
        };
        let mut attrs = vec![
            ("class", Some(class)),
            ("data-media", Some(file.as_str())),
            ("hidden", Some("")),
        ];
        if tag == "img" {
            // The label says what the picture shows.
            attrs.push(("alt", Some("")));
            m.open(tag, &attrs);
        } else {
            attrs.extend([("controls", Some("")), ("preload", Some("none"))]);
            m.open(tag, &attrs).close(tag);
        }
    }
}

/// Gives every `data-media` element under `root` its file, and shows it.
pub fn resolve(root: &web_sys::Element) {
    let Some(media) = use_context::<FormMedia>() else {
        return;
    };
    let Ok(found) = root.query_selector_all("[data-media]") else {
        return;
    };
    for i in 0..found.length() {
        let Some(element) = found
            .item(i)
            .and_then(|n| wasm_bindgen::JsCast::dyn_into::<web_sys::Element>(n).ok())
        else {
            continue;
        };
        let Some(file) = element.get_attribute("data-media") else {
            continue;
        };
        spawn_local(async move {
            if let Some(url) = media.url(file).await {
                let _ = element.set_attribute("src", &url);
                let _ = element.remove_attribute("hidden");
            }
        });
    }
}
