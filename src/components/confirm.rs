//! Asking before something cannot be undone (deleting a draft, removing a household member):
//! a modal `<dialog>` in the app's language, keyboard-usable (focus moves into it, Esc
//! cancels), instead of the browser's `confirm()`, which ignores the app's language.

use std::sync::Arc;

use leptos::prelude::*;

use crate::i18n::{t, T};
use crate::settings::ui_language;

type Action = Arc<dyn Fn() + Send + Sync>;

/// Opens the dialog: `ask(message, action)` runs `action` if the worker confirms.
#[derive(Clone, Copy)]
pub struct Confirm {
    message: RwSignal<String>,
    /// The confirming button's word when it is not "Delete" (publishing anyway, say).
    yes: RwSignal<Option<String>>,
    action: StoredValue<Option<Action>>,
    dialog: NodeRef<leptos::html::Dialog>,
}

impl Confirm {
    pub fn ask(&self, message: &str, action: impl Fn() + Send + Sync + 'static) {
        self.yes.set(None);
        self.open(message, action);
    }

    /// As [`Confirm::ask`], the confirming button saying `yes` (for what deletes nothing).
    pub fn ask_to(&self, message: &str, yes: &str, action: impl Fn() + Send + Sync + 'static) {
        self.yes.set(Some(yes.to_string()));
        self.open(message, action);
    }

    fn open(&self, message: &str, action: impl Fn() + Send + Sync + 'static) {
        self.message.set(message.to_string());
        self.action.set_value(Some(Arc::new(action)));
        if let Some(d) = self.dialog.get_untracked() {
            let _ = d.show_modal();
        }
    }

    fn close(&self, confirmed: bool) {
        if let Some(d) = self.dialog.get_untracked() {
            d.close();
        }
        let action = self.action.try_update_value(Option::take).flatten();
        if let (true, Some(action)) = (confirmed, action) {
            action();
        }
    }
}

/// Place once near the root; provides [`Confirm`] to everything below.
#[component]
pub fn ConfirmDialog(children: Children) -> impl IntoView {
    let confirm = Confirm {
        message: RwSignal::new(String::new()),
        yes: RwSignal::new(None),
        action: StoredValue::new(None),
        dialog: NodeRef::new(),
    };
    provide_context(confirm);
    view! {
        {children()}
        <dialog class="confirm" node_ref=confirm.dialog aria-labelledby="confirm-message"
            on:cancel=move |_: web_sys::Event| confirm.close(false)>
            <p id="confirm-message">{move || confirm.message.get()}</p>
            <div class="actions">
                <button type="button" autofocus on:click=move |_| confirm.close(false)>
                    {move || t(&ui_language(), T::Cancel)}
                </button>
                <button type="button" class=move || if confirm.yes.get().is_some() { "primary" } else { "danger" }
                    on:click=move |_| confirm.close(true)>
                    {move || confirm.yes.get().unwrap_or_else(|| t(&ui_language(), T::Delete).to_string())}
                </button>
            </div>
        </dialog>
    }
}
