//! Offering bytes as a file download (an export), the way browsers allow it offline: a Blob,
//! an object URL and a click on an `<a download>`.

use leptos::prelude::{document, set_timeout};
use wasm_bindgen::JsCast;

/// Saves `bytes` as `file_name`; the error says what the browser refused.
pub fn download(file_name: &str, mime: &str, bytes: &[u8]) -> Result<(), String> {
    let fail = |e: wasm_bindgen::JsValue| format!("the browser refused the download: {e:?}");
    let parts = js_sys::Array::of1(&js_sys::Uint8Array::from(bytes));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob =
        web_sys::Blob::new_with_u8_array_sequence_and_options(&parts, &options).map_err(fail)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(fail)?;
    let link: web_sys::HtmlAnchorElement = document()
        .create_element("a")
        .map_err(fail)?
        .dyn_into()
        .map_err(|_| "no <a> element".to_string())?;
    link.set_href(&url);
    link.set_download(file_name);
    let body = document().body().ok_or("no page body")?;
    body.append_child(&link).map_err(fail)?;
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
