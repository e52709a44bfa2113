//! Questions answered with a file: a photo (taken or chosen, scaled down on the device to the
//! configured maximum side and saved as a JPEG), a recording (audio, video) or any document,
//! saved as it is. Each is a Blob in IndexedDB owned by the draft; the answer is its file name.

use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use xonadon_engine::Host;
use xonadon_storage::Media;

use crate::host::BrowserHost;
use crate::i18n::{t, T};
use crate::settings::{ui_language, Settings};
use crate::store::Store;

/// What kind of file a question takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Upload {
    Image,
    Audio,
    Video,
    File,
}

impl Upload {
    pub fn of(q: &xonadon_engine::QuestionType) -> Option<Upload> {
        use xonadon_engine::QuestionType as Q;
        Some(match q {
            Q::Image => Upload::Image,
            Q::Audio => Upload::Audio,
            Q::Video => Upload::Video,
            Q::File => Upload::File,
            _ => return None,
        })
    }

    /// The file picker's `accept` (ODK's media types).
    fn accept(self) -> Option<&'static str> {
        match self {
            Upload::Image => Some("image/*"),
            Upload::Audio => Some("audio/*"),
            Upload::Video => Some("video/*"),
            Upload::File => None,
        }
    }
}

/// The stored name of an attached file: a fresh id, with the original's extension (plain
/// letters and digits only, so no name can be a path).
pub fn stored_name(id: &str, original: &str) -> String {
    let extension = original
        .rsplit_once('.')
        .map(|(_, e)| e.to_ascii_lowercase())
        .filter(|e| !e.is_empty() && e.len() <= 8 && e.chars().all(|c| c.is_ascii_alphanumeric()));
    match extension {
        Some(e) => format!("{id}.{e}"),
        None => id.to_string(),
    }
}

/// The draft the photos belong to (provided by the filling screen).
#[derive(Clone)]
pub struct DraftId(pub String);

/// Width and height scaled down (never up) so that the longer side is at most `max`.
pub fn fit(width: u32, height: u32, max: u32) -> (u32, u32) {
    let longer = width.max(height);
    if longer <= max || longer == 0 {
        return (width, height);
    }
    let scale = f64::from(max) / f64::from(longer);
    (
        ((f64::from(width) * scale).round() as u32).max(1),
        ((f64::from(height) * scale).round() as u32).max(1),
    )
}

/// Decodes, scales and re-encodes an image file as JPEG bytes.
async fn shrink(file: web_sys::Blob, max: u32) -> Result<Vec<u8>, JsValue> {
    let bitmap: web_sys::ImageBitmap =
        JsFuture::from(window().create_image_bitmap_with_blob(&file)?)
            .await?
            .dyn_into()?;
    let (w, h) = fit(bitmap.width(), bitmap.height(), max);
    let canvas: web_sys::HtmlCanvasElement = document().create_element("canvas")?.dyn_into()?;
    canvas.set_width(w);
    canvas.set_height(h);
    let ctx: web_sys::CanvasRenderingContext2d = canvas
        .get_context("2d")?
        .ok_or("no 2d context")?
        .dyn_into()?;
    ctx.draw_image_with_image_bitmap_and_dw_and_dh(&bitmap, 0.0, 0.0, w.into(), h.into())?;
    bitmap.close();
    let blob = JsFuture::from(js_sys::Promise::new(&mut |resolve, reject| {
        let done = Closure::once_into_js(move |b: JsValue| {
            let _ = if b.is_null() {
                reject.call1(&JsValue::NULL, &"no image".into())
            } else {
                resolve.call1(&JsValue::NULL, &b)
            };
        });
        let _ = canvas.to_blob_with_type_and_encoder_options(
            done.unchecked_ref(),
            "image/jpeg",
            &JsValue::from_f64(0.85),
        );
    }))
    .await?;
    let blob: web_sys::Blob = blob.dyn_into()?;
    let buffer = JsFuture::from(blob.array_buffer()).await?;
    Ok(js_sys::Uint8Array::new(&buffer).to_vec())
}

#[cfg(target_arch = "wasm32")]
pub(crate) fn object_url(media: &Media) -> Option<String> {
    web_sys::Url::create_object_url_with_blob(&media.to_blob().ok()?).ok()
}

/// The app only runs in a browser; this keeps host builds (clippy) compiling.
#[cfg(not(target_arch = "wasm32"))]
pub(crate) fn object_url(_media: &Media) -> Option<String> {
    None
}

#[component]
pub fn Photo(
    id: String,
    kind: Upload,
    value: Memo<String>,
    set: impl Fn(String) + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let store = expect_context::<Store>();
    let settings = expect_context::<Settings>();
    let draft = use_context::<DraftId>().map(|d| d.0).unwrap_or_default();
    let draft = StoredValue::new(draft);
    let busy = RwSignal::new(false);
    let failed = RwSignal::new(false);
    let preview = LocalResource::new(move || {
        let name = value.get();
        async move {
            if name.is_empty() {
                return None;
            }
            let media = store.media(&name).await?;
            object_url(&media)
        }
    });
    let on_change = move |ev: leptos::ev::Event| {
        let input: web_sys::HtmlInputElement = event_target(&ev);
        let Some(file) = input.files().and_then(|f| f.get(0)) else {
            return;
        };
        busy.set(true);
        failed.set(false);
        let max = settings.max_image_px.get_untracked();
        spawn_local(async move {
            let result = async {
                let (name, mime, bytes) = if kind == Upload::Image {
                    let bytes = shrink(file.into(), max).await.map_err(|_| ())?;
                    (
                        format!("{}.jpg", BrowserHost.uuid()),
                        "image/jpeg".into(),
                        bytes,
                    )
                } else {
                    let buffer = JsFuture::from(file.array_buffer()).await.map_err(|_| ())?;
                    let bytes = js_sys::Uint8Array::new(&buffer).to_vec();
                    let mime = Some(file.type_()).filter(|m| !m.is_empty());
                    let mime = mime.unwrap_or_else(|| "application/octet-stream".into());
                    (stored_name(&BrowserHost.uuid(), &file.name()), mime, bytes)
                };
                let media = Media {
                    name,
                    draft_id: draft.get_value(),
                    mime,
                    bytes,
                };
                store.put_media(&media).await.then_some(()).ok_or(())?;
                Ok::<String, ()>(media.name)
            }
            .await;
            match result {
                Ok(name) => set(name),
                Err(()) => failed.set(true),
            }
            busy.set(false);
        });
    };
    // The camera for a photo; a recording or a document comes from the device's own picker.
    let capture = (kind == Upload::Image).then_some("environment");
    let (remove, failed_text, choose, again) = if kind == Upload::Image {
        (
            T::RemovePhoto,
            T::PhotoFailed,
            T::TakePhoto,
            T::TakePhotoAgain,
        )
    } else {
        (T::RemoveFile, T::FileFailed, T::ChooseFile, T::ChooseFile)
    };
    // The browser's own file control is small and says "Choose file" in its own language:
    // hidden (still focusable, keyboard-usable), with a large button of ours, its label.
    let button_id = id.clone();
    view! {
        <div class="photo">
            <input type="file" class="visually-hidden" id=id accept=kind.accept() capture=capture on:change=on_change
                disabled=move || busy.get() />
            <label for=button_id class="button big" class:busy=move || busy.get()>
                {move || t(&ui_language(), if value.get().is_empty() { choose } else { again })}
            </label>
            {move || preview.get().flatten().map(|url| match kind {
                Upload::Image => view! { <img src=url alt="" class="preview" /> }.into_any(),
                Upload::Audio => view! { <audio src=url controls=true></audio> }.into_any(),
                Upload::Video => {
                    view! { <video src=url controls=true class="preview"></video> }.into_any()
                }
                Upload::File => view! { <a href=url download=value.get()>{value.get()}</a> }
                    .into_any(),
            })}
            {move || (!value.get().is_empty()).then(|| view! {
                <button type="button" class="danger" on:click=move |_| set(String::new())>
                    {move || t(&ui_language(), remove)}
                </button>
            })}
            {move || failed.get().then(|| view! {
                <p class="message" role="alert">{move || t(&ui_language(), failed_text)}</p>
            })}
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::{fit, stored_name};

    #[wasm_bindgen_test::wasm_bindgen_test]
    fn stored_names_keep_a_plain_extension_only() {
        assert_eq!(stored_name("id", "Interview 1.M4A"), "id.m4a");
        assert_eq!(stored_name("id", "report"), "id");
        assert_eq!(stored_name("id", "x./../../etc"), "id");
        assert_eq!(stored_name("id", "a.tar.gz"), "id.gz");
    }

    #[wasm_bindgen_test::wasm_bindgen_test]
    fn photos_shrink_to_the_longer_side_never_grow() {
        assert_eq!(fit(4000, 3000, 1280), (1280, 960));
        assert_eq!(fit(3000, 4000, 1280), (960, 1280));
        assert_eq!(fit(512, 512, 1280), (512, 512));
        assert_eq!(fit(10_000, 1, 1000), (1000, 1));
        assert_eq!(fit(0, 0, 1280), (0, 0));
    }
}
