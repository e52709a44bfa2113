//! Image questions: take a photo (or choose a file), scaled down on the device to the
//! configured maximum side, saved as a JPEG Blob in IndexedDB; the answer is its file name.

use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use xonadon_engine::Host;
use xonadon_storage::{Media, Repository};

use crate::host::BrowserHost;
use crate::i18n::{t, T};
use crate::settings::{ui_language, Settings};
use crate::store::Store;

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
            let repo = store.repo()?;
            if name.is_empty() {
                return None;
            }
            let media = repo.get_media(&name).await.ok().flatten()?;
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
                let bytes = shrink(file.into(), max).await.map_err(|_| ())?;
                let media = Media {
                    name: format!("{}.jpg", BrowserHost.uuid()),
                    draft_id: draft.get_value(),
                    mime: "image/jpeg".into(),
                    bytes,
                };
                let repo = store.repo().ok_or(())?;
                store.report(repo.put_media(&media).await).ok_or(())?;
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
    view! {
        <div class="photo">
            <input type="file" id=id accept="image/*" capture="environment" on:change=on_change
                disabled=move || busy.get() />
            {move || preview.get().flatten().map(|url| view! {
                <img src=url alt="" class="preview" />
            })}
            {move || (!value.get().is_empty()).then(|| view! {
                <button type="button" class="danger" on:click=move |_| set(String::new())>
                    {move || t(&ui_language(), T::RemovePhoto)}
                </button>
            })}
            {move || failed.get().then(|| view! {
                <p class="message" role="alert">{move || t(&ui_language(), T::PhotoFailed)}</p>
            })}
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::fit;

    #[wasm_bindgen_test::wasm_bindgen_test]
    fn photos_shrink_to_the_longer_side_never_grow() {
        assert_eq!(fit(4000, 3000, 1280), (1280, 960));
        assert_eq!(fit(3000, 4000, 1280), (960, 1280));
        assert_eq!(fit(512, 512, 1280), (512, 512));
        assert_eq!(fit(10_000, 1, 1000), (1000, 1));
        assert_eq!(fit(0, 0, 1280), (0, 0));
    }
}
