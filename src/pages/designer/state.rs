//! The designer page's state, one `Copy` struct of signals provided as context: every section
//! reads it with `expect_context::<DesignerState>()`.
//!
//! The text is the truth: every change is checked by the engine at once, its problems listed,
//! the preview updated when the form loads, and the text kept for the next visit.

use std::sync::Arc;

use leptos::prelude::*;
use leptos::task::spawn_local;
use xonadon_engine::locate::Position;
use xonadon_engine::Form;
use xonadon_translit::Filled;

use super::check::check;
use super::editor::EditorRef;
use super::kept;
use super::paint::{mark, painted};
use super::problems::{placed_in, Problem};
use crate::components::form_media::FormMedia;
use crate::i18n::{t, T};
use crate::settings::Settings;

#[derive(Clone, Copy)]
pub struct DesignerState {
    /// The form's text as the editor has it.
    pub text: StoredValue<String>,
    /// The engine's findings in the text.
    pub problems: RwSignal<Vec<Problem>>,
    /// The last form that loaded.
    pub preview: RwSignal<Option<Arc<Form>>>,
    /// The text does not load: the preview shows an earlier form.
    pub stale: RwSignal<bool>,
    /// The last import's findings, by sheet and row (or element).
    pub import_problems: RwSignal<Vec<Problem>>,
    /// The JSON path each of them is at in the form (its row's), placed again in every text.
    import_paths: StoredValue<Vec<Option<String>>>,
    /// Transliterated texts a person has not confirmed yet.
    pub to_check: RwSignal<Vec<Filled>>,
    /// The line under the tools: what is going on, or what came of it.
    pub status: RwSignal<Option<String>>,
    pub editor: EditorRef,
    /// The previewed form's pictures: dropped in this visit, or saved with its version.
    pub form_media: FormMedia,
    /// The designer's language, held here because the tasks that write the status line run
    /// without the page's context (where `ui_language()` falls back to Uzbek Latin).
    language: RwSignal<String>,
    /// Counts the changes of the text (edits and replacements), so a replacement still on its
    /// way does not check a text that is no longer there.
    changes: StoredValue<u64>,
}

impl DesignerState {
    /// The state of the last visit (its text, checked; its list to check). Call in the page's
    /// component: the editor's parts and the media context belong to it.
    pub fn new() -> DesignerState {
        let initial = kept::text();
        let first = check(&initial);
        let to_check = RwSignal::new(kept::to_check());
        // Kept with the text: the marks stay until a person confirms, over reloads too.
        Effect::new(move |_| to_check.with(|list| kept::keep_to_check(list)));
        let editor = EditorRef::new(&initial);
        DesignerState {
            text: StoredValue::new(initial),
            problems: RwSignal::new(first.problems),
            preview: RwSignal::new(first.form),
            stale: RwSignal::new(false),
            import_problems: RwSignal::new(Vec::new()),
            import_paths: StoredValue::new(Vec::new()),
            to_check,
            status: RwSignal::new(None),
            editor,
            form_media: FormMedia::provide("", ""),
            language: use_context::<Settings>()
                .map_or_else(|| RwSignal::new("uz-Latn".to_string()), |s| s.language),
            changes: StoredValue::new(0),
        }
    }

    /// The designer's language now, wherever this runs.
    pub fn language(&self) -> String {
        self.language.get_untracked()
    }

    /// Puts `what`, in the designer's language, in the status line.
    pub fn say(&self, what: T) {
        self.show(t(&self.language(), what).to_string());
    }

    pub fn show(&self, line: String) {
        self.status.set(Some(line));
    }

    /// The text checked, its problems listed, the preview updated, and kept for the next visit.
    fn apply(&self, new: String) {
        mark("designer:input");
        let checked = check(&new);
        mark("designer:checked");
        self.problems.set(checked.problems);
        self.place_import_problems(&new);
        self.stale.set(checked.form.is_none());
        if checked.form.is_some() {
            self.preview.set(checked.form);
        }
        kept::keep_text(&new);
        mark("designer:stored");
        self.text.set_value(new);
    }

    /// The last import's problems, each at the JSON path of its row (`None`: not in the text).
    pub fn set_import_problems(&self, problems: Vec<Problem>, paths: Vec<Option<String>>) {
        self.import_problems.set(problems);
        self.import_paths.set_value(paths);
    }

    /// The import's problems placed in `text`, as it is now (lines move as the designer
    /// types, a transliteration rewrites the text).
    fn place_import_problems(&self, text: &str) {
        let paths = self.import_paths.get_value();
        if paths.iter().all(Option::is_none) {
            return;
        }
        let old = self.import_problems.get_untracked();
        let new = placed_in(text, old.clone(), &paths);
        if new != old {
            self.import_problems.set(new);
        }
    }

    /// The designer typed.
    pub fn edited(&self, new: String) {
        self.changes.update_value(|n| *n += 1);
        self.apply(new);
        self.status.set(None);
    }

    /// A whole new text (an import, a transliteration, a saved form): put in the editor, drawn,
    /// then checked, each step in its own task with its status line on screen, so a large form
    /// never holds the page for long. `false` when another change came meanwhile.
    pub async fn place(self, new: String) -> bool {
        self.changes.update_value(|n| *n += 1);
        let this = self.changes.get_value();
        self.editor.set_text(&new);
        mark("designer:placed");
        self.say(T::Checking);
        // The browser lays the parts in view out in this frame (the editor's parts).
        painted().await;
        if self.changes.get_value() != this {
            return false;
        }
        self.apply(new);
        true
    }

    /// Places `new` and clears the status line once it is checked.
    pub fn replace_text(self, new: String) {
        spawn_local(async move {
            if self.place(new).await {
                self.status.set(None);
            }
        });
    }

    /// Moves the editor's caret to `at` (a problem's place), when there is one.
    pub fn go(&self, at: Option<Position>) {
        if let Some(at) = at {
            self.editor.jump(at);
        }
    }
}
