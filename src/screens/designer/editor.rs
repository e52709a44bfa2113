//! The form's JSON in a text area with line numbers beside it. Plain `<textarea>`: typing
//! stays the browser's (fast, accessible, undo works); the numbers are one text node,
//! rebuilt only when the number of lines changes, scrolled with the text.

use leptos::html;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use xonadon_engine::locate::Position;

/// Moves the caret to `at` and scrolls the text area so its line shows.
pub fn jump(area: &web_sys::HtmlTextAreaElement, at: Position) {
    let _ = area.focus();
    let offset = at.utf16 as u32;
    let _ = area.set_selection_range(offset, offset);
    let lines = area.value().matches('\n').count() + 1;
    let line_height = f64::from(area.scroll_height()) / lines as f64;
    let top =
        (at.line.saturating_sub(1)) as f64 * line_height - f64::from(area.client_height()) / 3.0;
    area.set_scroll_top(top.max(0.0) as i32);
}

#[component]
pub fn Editor(
    /// The text to start with; later changes come from [`jump`] and `set_value`.
    initial: String,
    area: NodeRef<html::Textarea>,
    /// Every change of the text.
    #[prop(into)]
    on_text: Callback<String>,
    #[prop(into)] label: Signal<String>,
) -> impl IntoView {
    let lines = RwSignal::new(initial.matches('\n').count() + 1);
    let gutter = NodeRef::<html::Pre>::new();
    let numbers = Memo::new(move |_| {
        (1..=lines.get())
            .map(|n| n.to_string())
            .collect::<Vec<_>>()
            .join("\n")
    });
    let on_input = move |ev: leptos::ev::Event| {
        let Some(area) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlTextAreaElement>().ok())
        else {
            return;
        };
        let text = area.value();
        let n = text.matches('\n').count() + 1;
        if n != lines.get_untracked() {
            lines.set(n);
        }
        on_text.run(text);
    };
    let on_scroll = move |_| {
        if let (Some(area), Some(gutter)) = (area.get(), gutter.get()) {
            gutter.set_scroll_top(area.scroll_top());
        }
    };
    view! {
        <div class="editor">
            <pre class="gutter" node_ref=gutter aria-hidden="true">{numbers}</pre>
            <textarea id="form-json" node_ref=area spellcheck="false" autocomplete="off"
                wrap="off" aria-label=label prop:value=initial
                on:input=on_input on:scroll=on_scroll></textarea>
        </div>
    }
}

/// Replaces the whole text, as if typed: the line numbers and the listeners follow.
pub fn replace(area: &web_sys::HtmlTextAreaElement, text: &str) {
    area.set_value(text);
    area.set_scroll_top(0);
    if let Ok(event) = web_sys::Event::new("input") {
        let _ = area.dispatch_event(&event);
    }
}
