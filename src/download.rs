//! Offering an export as a file download, the way browsers allow it offline: a Blob, an object
//! URL and a click on an `<a download>`. [`Chunks`] assembles a large file as Blob parts, so
//! the bytes leave Wasm memory a megabyte at a time.

use std::io::Write;

use leptos::prelude::{document, set_timeout};
use wasm_bindgen::JsCast;

fn refused(e: wasm_bindgen::JsValue) -> String {
    format!("the browser refused the download: {e:?}")
}

/// A file being written as Blob parts.
pub struct Chunks {
    parts: js_sys::Array,
    buffer: Vec<u8>,
}

impl Default for Chunks {
    fn default() -> Self {
        Chunks {
            parts: js_sys::Array::new(),
            buffer: Vec::with_capacity(Self::PART),
        }
    }
}

impl Chunks {
    const PART: usize = 1 << 20;

    fn hand_over(&mut self) {
        if !self.buffer.is_empty() {
            self.parts
                .push(&js_sys::Uint8Array::from(self.buffer.as_slice()));
            self.buffer.clear();
        }
    }

    pub fn into_blob(mut self, mime: &str) -> Result<web_sys::Blob, String> {
        self.hand_over();
        let options = web_sys::BlobPropertyBag::new();
        options.set_type(mime);
        web_sys::Blob::new_with_u8_array_sequence_and_options(&self.parts, &options)
            .map_err(refused)
    }
}

impl Write for Chunks {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        self.buffer.extend_from_slice(bytes);
        if self.buffer.len() >= Self::PART {
            self.hand_over();
        }
        Ok(bytes.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// Saves `blob` as `file_name`; the error says what the browser refused.
pub fn download_blob(file_name: &str, blob: &web_sys::Blob) -> Result<(), String> {
    let url = web_sys::Url::create_object_url_with_blob(blob).map_err(refused)?;
    let link: web_sys::HtmlAnchorElement = document()
        .create_element("a")
        .map_err(refused)?
        .dyn_into()
        .map_err(|_| "no <a> element".to_string())?;
    link.set_href(&url);
    link.set_download(file_name);
    let body = document().body().ok_or("no page body")?;
    body.append_child(&link).map_err(refused)?;
    link.click();
    link.remove();
    // The download has started by then; the URL only holds the Blob in memory.
    set_timeout(
        move || {
            let _ = web_sys::Url::revoke_object_url(&url);
        },
        std::time::Duration::from_secs(60),
    );
    Ok(())
}
