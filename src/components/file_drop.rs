//! A drop zone with a file picker in it: the supervisor's bundles, the designer's XLSForms.

use leptos::prelude::*;

/// Calls `on_files` with the files dropped on the zone or chosen with its button.
#[component]
pub fn FileDrop(
    /// The file input's id (for labels and tests).
    id: &'static str,
    /// The input's `accept`, e.g. `.json,application/json`.
    accept: &'static str,
    multiple: bool,
    /// What to drop, in the page's language.
    #[prop(into)]
    hint: Signal<String>,
    /// The button's text.
    #[prop(into)]
    choose: Signal<String>,
    #[prop(into)] on_files: Callback<Vec<web_sys::File>>,
) -> impl IntoView {
    let files_of = |list: Option<web_sys::FileList>| -> Vec<web_sys::File> {
        list.map(|l| (0..l.length()).filter_map(|k| l.get(k)).collect())
            .unwrap_or_default()
    };
    let on_pick = move |ev: leptos::ev::Event| {
        let input = event_target::<web_sys::HtmlInputElement>(&ev);
        let files = files_of(input.files());
        // Cleared, so choosing the same file again is a change too.
        input.set_value("");
        if !files.is_empty() {
            on_files.run(files);
        }
    };
    let on_drop = move |ev: leptos::ev::DragEvent| {
        ev.prevent_default();
        let files = files_of(ev.data_transfer().and_then(|d| d.files()));
        if !files.is_empty() {
            on_files.run(files);
        }
    };
    view! {
        <div class="dropzone" on:dragover=|ev: leptos::ev::DragEvent| ev.prevent_default() on:drop=on_drop>
            <p>{hint}</p>
            <label class="button">
                {choose}
                <input id=id type="file" multiple=multiple accept=accept
                    class="visually-hidden" on:change=on_pick />
            </label>
        </div>
    }
}

/// The bytes of a chosen or dropped file; the error names the file and what the browser said.
pub async fn bytes_of(file: &web_sys::File) -> Result<Vec<u8>, String> {
    wasm_bindgen_futures::JsFuture::from(file.array_buffer())
        .await
        .map(|buffer| js_sys::Uint8Array::new(&buffer).to_vec())
        .map_err(|e| format!("{}: {e:?}", file.name()))
}
