//! Asking before something cannot be undone (deleting a draft, removing a household member),
//! or a question with two answers ("add another member?"): a modal `<dialog>` in the app's
//! language, keyboard-usable (focus moves into it, Esc cancels), instead of the browser's
//! `confirm()`, which ignores the app's language.

use std::sync::Arc;

use leptos::prelude::*;

use crate::i18n::{t, T};
use crate::settings::ui_language;

type Action = Arc<dyn Fn() + Send + Sync>;

/// The dialog's buttons: what the first (safe) and the second say (the page's own words
/// where `second_text` is set), and whether the second destroys something.
#[derive(Clone)]
struct Buttons {
    first: T,
    second: T,
    second_text: Option<String>,
    danger: bool,
}

/// Opens the dialog: `ask(message, action)` runs `action` if the worker confirms; `choose`
/// runs one of two.
#[derive(Clone, Copy)]
pub struct Confirm {
    message: RwSignal<String>,
    buttons: RwSignal<Buttons>,
    /// The second button's action, and the first's (none: it only closes).
    action: StoredValue<Option<Action>>,
    other: StoredValue<Option<Action>>,
    dialog: NodeRef<leptos::html::Dialog>,
}

impl Confirm {
    pub fn ask(&self, message: &str, action: impl Fn() + Send + Sync + 'static) {
        let buttons = Buttons {
            first: T::Cancel,
            second: T::Delete,
            second_text: None,
            danger: true,
        };
        self.open(message, buttons, Some(Arc::new(action)), None);
    }

    /// As [`Confirm::ask`], the confirming button saying `yes` (for what deletes nothing:
    /// publishing anyway, say).
    pub fn ask_to(&self, message: &str, yes: &str, action: impl Fn() + Send + Sync + 'static) {
        let buttons = Buttons {
            first: T::Cancel,
            second: T::Delete,
            second_text: Some(yes.to_string()),
            danger: false,
        };
        self.open(message, buttons, Some(Arc::new(action)), None);
    }

    /// Asks `message`, with `yes` and `no` as the buttons; Esc runs neither.
    pub fn choose(
        &self,
        message: &str,
        (no, yes): (T, T),
        on_no: impl Fn() + Send + Sync + 'static,
        on_yes: impl Fn() + Send + Sync + 'static,
    ) {
        let buttons = Buttons {
            first: no,
            second: yes,
            second_text: None,
            danger: false,
        };
        self.open(
            message,
            buttons,
            Some(Arc::new(on_yes)),
            Some(Arc::new(on_no)),
        );
    }

    fn open(&self, message: &str, buttons: Buttons, action: Option<Action>, other: Option<Action>) {
        self.message.set(message.to_string());
        self.buttons.set(buttons);
        self.action.set_value(action);
        self.other.set_value(other);
        if let Some(d) = self.dialog.get_untracked() {
            let _ = d.show_modal();
        }
    }

    /// `Some(true)`: the second button; `Some(false)`: the first; `None`: dismissed.
    fn close(&self, pressed: Option<bool>) {
        if let Some(d) = self.dialog.get_untracked() {
            d.close();
        }
        let action = self.action.try_update_value(Option::take).flatten();
        let other = self.other.try_update_value(Option::take).flatten();
        match (pressed, action, other) {
            (Some(true), Some(action), _) => action(),
            (Some(false), _, Some(other)) => other(),
            _ => {}
        }
    }
}

/// Place once near the root; provides [`Confirm`] to everything below.
#[component]
pub fn ConfirmDialog(children: Children) -> impl IntoView {
    let confirm = Confirm {
        message: RwSignal::new(String::new()),
        buttons: RwSignal::new(Buttons {
            first: T::Cancel,
            second: T::Delete,
            second_text: None,
            danger: true,
        }),
        action: StoredValue::new(None),
        other: StoredValue::new(None),
        dialog: NodeRef::new(),
    };
    provide_context(confirm);
    view! {
        {children()}
        <dialog class="confirm" node_ref=confirm.dialog aria-labelledby="confirm-message"
            on:cancel=move |_: web_sys::Event| confirm.close(None)>
            <p id="confirm-message">{move || confirm.message.get()}</p>
            <div class="actions">
                <button type="button" autofocus on:click=move |_| confirm.close(Some(false))>
                    {move || t(&ui_language(), confirm.buttons.with(|b| b.first))}
                </button>
                <button type="button" class=move || if confirm.buttons.with(|b| b.danger) { "danger" } else { "primary" }
                    on:click=move |_| confirm.close(Some(true))>
                    {move || confirm.buttons.with(|b| {
                        b.second_text.clone().unwrap_or_else(|| t(&ui_language(), b.second).to_string())
                    })}
                </button>
            </div>
        </dialog>
    }
}
