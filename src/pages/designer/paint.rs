//! Timing helpers: marks for the designer's browser benchmark, and waiting for a frame so a
//! status line is on screen before a long step starts.

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// A `performance.mark`, for the designer's browser benchmark (`designer_bench`).
pub fn mark(name: &str) {
    if let Some(p) = web_sys::window().and_then(|w| w.performance()) {
        let _ = p.mark(name);
    }
}

/// Resolves once the browser has painted a frame, so what the page shows now (a status line,
/// a new text) is on screen before the next step; after 200 ms without a frame (a hidden
/// tab draws none) it resolves anyway.
pub async fn painted() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let Some(window) = web_sys::window() else {
            let _ = resolve.call0(&JsValue::NULL);
            return;
        };
        // `requestAnimationFrame` runs just before the frame is drawn; a task queued from
        // there runs after it.
        let after = window.clone();
        let then = resolve.clone();
        let frame = Closure::once_into_js(move || {
            let _ = after.set_timeout_with_callback(&then);
        });
        let _ = window.request_animation_frame(frame.unchecked_ref());
        let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 200);
    });
    let _ = JsFuture::from(promise).await;
}
