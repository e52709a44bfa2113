//! The form's JSON in text areas with line numbers beside them. Plain `<textarea>`s: typing
//! stays the browser's (fast, accessible, undo works). A large text is cut into parts of whole
//! lines, one text area each, laid out only while in view ([`parts`] says why); they stand one
//! under the other in one scrolled box and read as one text: ArrowUp and ArrowDown cross from
//! one to the next, the line numbers run on, and the form is their texts joined. Each part is
//! as tall as its lines (the box scrolls, not the text areas), and lines have a fixed height
//! ([`LINE_PX`]), so a line's place is a multiplication.

mod parts;

use leptos::html;
use leptos::prelude::*;
use xonadon_engine::locate::Position;

use parts::{line_count, longest_line, utf16_len};

/// The height of a line of the text and of the gutter, in CSS pixels (set here, on both).
pub const LINE_PX: usize = 20;

/// One part of the text: whole lines in one text area.
#[derive(Clone, Copy)]
struct Part {
    /// Tells the parts apart for `<For>` (never reused).
    key: u64,
    /// Its text as the text area has it: set at the start, kept at every input.
    text: StoredValue<String>,
    /// Its first line's index in the whole text, from 0.
    first: RwSignal<usize>,
    lines: RwSignal<usize>,
    /// Its longest line, in characters.
    longest: RwSignal<usize>,
    area: NodeRef<html::Textarea>,
}

impl Part {
    fn dispose(self) {
        self.text.dispose();
        self.first.dispose();
        self.lines.dispose();
        self.longest.dispose();
    }
}

/// The editor's handle: its parts, and the box they scroll in.
#[derive(Clone, Copy)]
pub struct EditorRef {
    parts: RwSignal<Vec<Part>>,
    scroller: NodeRef<html::Div>,
    next_key: StoredValue<u64>,
    /// The designer's owner: new parts' signals belong to it, not to whatever runs `cut` (an
    /// input handler of a part about to be dropped would take them along).
    owner: StoredValue<Owner>,
}

impl EditorRef {
    pub fn new(text: &str) -> Self {
        let editor = EditorRef {
            parts: RwSignal::new(Vec::new()),
            scroller: NodeRef::new(),
            next_key: StoredValue::new(0),
            owner: StoredValue::new(Owner::current().unwrap_or_default()),
        };
        editor.parts.set(editor.cut(text));
        editor
    }

    /// New parts holding `text`.
    fn cut(&self, text: &str) -> Vec<Part> {
        self.owner
            .with_value(|owner| owner.with(|| self.cut_here(text)))
    }

    fn cut_here(&self, text: &str) -> Vec<Part> {
        let mut first = 0;
        parts::split(text)
            .into_iter()
            .map(|piece| {
                let key = self.next_key.get_value();
                self.next_key.set_value(key + 1);
                let lines = line_count(piece);
                let part = Part {
                    key,
                    text: StoredValue::new(piece.to_string()),
                    first: RwSignal::new(first),
                    lines: RwSignal::new(lines),
                    longest: RwSignal::new(longest_line(piece)),
                    area: NodeRef::new(),
                };
                first += lines;
                part
            })
            .collect()
    }

    /// Replaces the whole text and scrolls to its top. Not an edit: no `input` event, so the
    /// caller decides when to check it (the browser lays the parts in view out at its next
    /// frame).
    pub fn set_text(&self, text: &str) {
        if let Some(scroller) = self.scroller.get_untracked() {
            scroller.set_scroll_top(0);
        }
        let old = self.parts.get_untracked();
        self.parts.set(self.cut(text));
        // Freed once the page has dropped their text areas (their effects may still run
        // until then), so a form imported again and again does not pile up old texts.
        request_animation_frame(move || old.into_iter().for_each(Part::dispose));
    }

    /// The whole text: its parts' texts, a line end between each two.
    pub fn text(&self) -> String {
        self.parts.with_untracked(|parts| {
            let texts: Vec<String> = parts.iter().map(|p| p.text.get_value()).collect();
            texts.join("\n")
        })
    }

    /// Moves the caret to `at` and scrolls so its line shows.
    pub fn jump(&self, at: Position) {
        self.caret_to(at.utf16);
    }

    /// Puts the caret at UTF-16 offset `at` of the whole text, its line a third of the way
    /// down the box.
    fn caret_to(&self, at: usize) {
        let parts = self.parts.get_untracked();
        // The part holding the offset, and the offset in it (a line end between parts counts
        // as one unit, the last part takes what is past the end).
        let mut start = 0;
        let mut found = None;
        for (i, part) in parts.iter().enumerate() {
            let len = part.text.with_value(|t| utf16_len(t));
            if at <= start + len || i + 1 == parts.len() {
                found = Some((*part, at.saturating_sub(start).min(len)));
                break;
            }
            start += len + 1;
        }
        let Some((part, offset)) = found else {
            return;
        };
        let (Some(area), Some(scroller)) =
            (part.area.get_untracked(), self.scroller.get_untracked())
        else {
            return;
        };
        let _ = area.focus();
        let _ = area.set_selection_range(offset as u32, offset as u32);
        let line = part.text.with_value(|t| parts::line_of(t, offset));
        // The part's place in the scrolled box, from where both are on screen now.
        let in_box = area.get_bounding_client_rect().top()
            - scroller.get_bounding_client_rect().top()
            + f64::from(scroller.scroll_top());
        let top = in_box as i32 + (line * LINE_PX) as i32 - scroller.client_height() / 3;
        scroller.set_scroll_top(top.max(0));
    }

    /// The part before or after `key`'s.
    fn neighbour(&self, key: u64, after: bool) -> Option<Part> {
        self.parts.with_untracked(|parts| {
            let i = parts.iter().position(|p| p.key == key)?;
            let j = if after { i + 1 } else { i.checked_sub(1)? };
            parts.get(j).copied()
        })
    }

    /// After `part`'s text changed: its line count and longest line, and the first lines of
    /// the parts after it.
    fn measure(&self, part: Part) {
        let (lines, longest) = part.text.with_value(|t| (line_count(t), longest_line(t)));
        if longest != part.longest.get_untracked() {
            part.longest.set(longest);
        }
        let grown = lines as isize - part.lines.get_untracked() as isize;
        if grown == 0 {
            return;
        }
        part.lines.set(lines);
        self.parts.with_untracked(|parts| {
            for later in parts.iter().skip_while(|p| p.key != part.key).skip(1) {
                later.first.update(|f| *f = (*f as isize + grown) as usize);
            }
        });
    }
}

#[component]
pub fn Editor(
    editor: EditorRef,
    /// Every edit of the text, with the whole text.
    #[prop(into)]
    on_text: Callback<String>,
    #[prop(into)] label: Signal<String>,
) -> impl IntoView {
    let parts = editor.parts;
    let total =
        Memo::new(move |_| parts.with(|p| p.last().map_or(1, |l| l.first.get() + l.lines.get())));
    let longest = Memo::new(move |_| parts.with(|p| p.iter().map(|p| p.longest.get()).max()));
    // Wide enough for the last line's number, so the text does not move as lines are added.
    // Set as a property through the CSSOM: the Content-Security-Policy refuses `style="…"`.
    let gutter = move || format!("{}ch", total.get().to_string().len() + 1);
    // Every part as wide as the longest line of all: the box scrolls them sideways together.
    let width = move || {
        format!(
            "max(100%, calc({}ch + 1rem))",
            longest.get().unwrap_or(0) + 2
        )
    };
    view! {
        <div class="editor" node_ref=editor.scroller style:line-height=format!("{LINE_PX}px")
            style=("--gutter", gutter)>
            <For each=move || parts.get() key=|p| p.key let:part>
                <PartArea part editor on_text label width />
            </For>
        </div>
    }
}

/// One part: its line numbers and its text area.
#[component]
fn PartArea(
    part: Part,
    editor: EditorRef,
    on_text: Callback<String>,
    label: Signal<String>,
    width: impl Fn() -> String + Send + Sync + 'static,
) -> impl IntoView {
    let Part {
        first, lines, area, ..
    } = part;
    let numbers = move || {
        let first = first.get();
        let mut text = String::new();
        for n in first + 1..=first + lines.get() {
            text.push_str(&n.to_string());
            text.push('\n');
        }
        text
    };
    let height = move || format!("{}px", lines.get() * LINE_PX);
    // The first part is the editor to a test or a label; a part after it says its lines.
    let id = move || (first.get() == 0).then_some("form-json");
    let aria_label = move || {
        let all = editor.parts.with(|p| p.len());
        if all == 1 {
            label.get()
        } else {
            format!(
                "{} ({}–{})",
                label.get(),
                first.get() + 1,
                first.get() + lines.get()
            )
        }
    };
    let on_input = move |_| {
        let Some(el) = area.get_untracked() else {
            return;
        };
        part.text.set_value(el.value());
        editor.measure(part);
        let text = editor.text();
        // A large paste into one part is cut again, the caret kept where it was.
        if part.text.with_value(|t| t.len()) > parts::ONE_PART_BYTES {
            let caret = caret_in_whole(editor, part, el.selection_start().ok().flatten());
            editor.set_text(&text);
            request_animation_frame(move || editor.caret_to(caret));
        }
        on_text.run(text);
    };
    // ArrowUp on the first line and ArrowDown on the last go on into the part beside.
    let on_keydown = move |ev: web_sys::KeyboardEvent| {
        let up = match ev.key().as_str() {
            "ArrowUp" => true,
            "ArrowDown" => false,
            _ => return,
        };
        if ev.shift_key() || ev.alt_key() || ev.ctrl_key() || ev.meta_key() {
            return;
        }
        let Some(el) = area.get_untracked() else {
            return;
        };
        let (Ok(Some(start)), Ok(Some(end))) = (el.selection_start(), el.selection_end()) else {
            return;
        };
        if start != end {
            return;
        }
        let (column, on_first, on_last) = part
            .text
            .with_value(|t| parts::caret_line(t, start as usize));
        if (up && !on_first) || (!up && !on_last) {
            return;
        }
        let Some(next) = editor.neighbour(part.key, !up) else {
            return;
        };
        let Some(next_area) = next.area.get_untracked() else {
            return;
        };
        ev.prevent_default();
        let at = next.text.with_value(|t| {
            if up {
                parts::on_last_line(t, column)
            } else {
                parts::on_first_line(t, column)
            }
        });
        let _ = next_area.focus();
        let _ = next_area.set_selection_range(at as u32, at as u32);
    };
    let initial = part.text.get_value();
    view! {
        <div class="part" style:width=width
            style:contain-intrinsic-size=move || format!("auto {}", height())>
            <pre class="gutter" aria-hidden="true">{numbers}</pre>
            <textarea id=id node_ref=area spellcheck="false" autocomplete="off" wrap="off"
                aria-label=aria_label prop:value=initial style:height=height
                on:input=on_input on:keydown=on_keydown></textarea>
        </div>
    }
}

/// The caret's UTF-16 offset in the whole text, from its offset in `part`.
fn caret_in_whole(editor: EditorRef, part: Part, at: Option<u32>) -> usize {
    editor.parts.with_untracked(|parts| {
        let before: usize = parts
            .iter()
            .take_while(|p| p.key != part.key)
            .map(|p| p.text.with_value(|t| utf16_len(t)) + 1)
            .sum();
        before + at.unwrap_or(0) as usize
    })
}
