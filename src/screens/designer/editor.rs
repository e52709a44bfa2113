//! The form's JSON in a text area with line numbers beside it. Plain `<textarea>`: typing
//! stays the browser's (fast, accessible, undo works). The gutter holds only the numbers of
//! the lines in view (a few hundred at most), moved with the text as it scrolls: numbering
//! every line of a large form (tens of thousands) cost as much layout as the text itself.
//! Lines have a fixed height ([`LINE_PX`]), so a line's place is a multiplication.

use std::fmt::Write;

use leptos::html;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use xonadon_engine::locate::Position;

/// The height of a line of the text and of the gutter, in CSS pixels (set here, on both).
pub const LINE_PX: i32 = 20;
/// How many numbers the gutter holds from the first line in view: more than a screen shows.
const WINDOW: usize = 250;

/// The editor's handle: its text area, and what the gutter follows.
#[derive(Clone, Copy)]
pub struct EditorRef {
    pub area: NodeRef<html::Textarea>,
    /// The number of lines of the text.
    lines: RwSignal<usize>,
    /// The text area's `scrollTop`.
    top: RwSignal<i32>,
}

impl EditorRef {
    pub fn new(text: &str) -> Self {
        EditorRef {
            area: NodeRef::new(),
            lines: RwSignal::new(line_count(text)),
            top: RwSignal::new(0),
        }
    }

    /// Replaces the whole text and scrolls to its top. Not an edit: no `input` event, so the
    /// caller decides when to check it (the browser lays the text out at its next frame).
    pub fn set_text(&self, text: &str) {
        if let Some(area) = self.area.get_untracked() {
            // Scrolled first, on the laid-out old text: afterwards it would make the browser
            // lay the whole new text out at once, in this task.
            area.set_scroll_top(0);
            area.set_value(text);
        }
        self.lines.set(line_count(text));
        self.top.set(0);
    }

    /// Moves the caret to `at` and scrolls the text area so its line shows.
    pub fn jump(&self, at: Position) {
        let Some(area) = self.area.get_untracked() else {
            return;
        };
        let _ = area.focus();
        let offset = at.utf16 as u32;
        let _ = area.set_selection_range(offset, offset);
        let top = at.line.saturating_sub(1) as i32 * LINE_PX - area.client_height() / 3;
        area.set_scroll_top(top.max(0));
    }
}

fn line_count(text: &str) -> usize {
    text.bytes().filter(|&b| b == b'\n').count() + 1
}

#[component]
pub fn Editor(
    /// The text to start with; later changes come from [`EditorRef`] and typing.
    initial: String,
    editor: EditorRef,
    /// Every edit of the text.
    #[prop(into)]
    on_text: Callback<String>,
    #[prop(into)] label: Signal<String>,
) -> impl IntoView {
    let EditorRef { area, lines, top } = editor;
    // The first line in view (from 0), and the numbers from there.
    let first = Memo::new(move |_| (top.get().max(0) / LINE_PX) as usize);
    let numbers = move || {
        let (first, last) = (first.get(), lines.get());
        let mut text = String::new();
        for n in first + 1..=(first + WINDOW).min(last) {
            let _ = writeln!(text, "{n}");
        }
        text
    };
    // Where the first number goes: where its line is in the text area.
    let shift = move || format!("translateY({}px)", first.get() as i32 * LINE_PX - top.get());
    // Wide enough for the last line's number, so the text does not move as one scrolls.
    let width = move || format!("{}ch", lines.get().to_string().len() + 1);
    let line_height = format!("{LINE_PX}px");
    let on_input = move |ev: leptos::ev::Event| {
        let Some(area) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlTextAreaElement>().ok())
        else {
            return;
        };
        let text = area.value();
        let n = line_count(&text);
        if n != lines.get_untracked() {
            lines.set(n);
        }
        on_text.run(text);
    };
    let on_scroll = move |_| {
        if let Some(area) = area.get_untracked() {
            top.set(area.scroll_top());
        }
    };
    view! {
        <div class="editor">
            <div class="gutter" aria-hidden="true" style:min-width=width>
                <pre style:transform=shift style:line-height=line_height.clone()>{numbers}</pre>
            </div>
            <textarea id="form-json" node_ref=area spellcheck="false" autocomplete="off"
                wrap="off" aria-label=label prop:value=initial style:line-height=line_height
                on:input=on_input on:scroll=on_scroll></textarea>
        </div>
    }
}
