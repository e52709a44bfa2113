//! A page of its own role (the supervisor's, the designer's) behind the passphrase the
//! organisation's policy names (`supervisor_passphrase`, `designer_passphrase`, made by
//! `xonadon role-passphrase`): the device's PIN opens the data, the role's passphrase opens
//! the page. A field worker holding the tablet knows the PIN, not the supervisor's passphrase,
//! so cannot approve their own work. Without the policy entry the page opens with the PIN.

use leptos::prelude::*;
use leptos::task::spawn_local;

use super::keyring::{self, Failures};
use super::passphrase::{self, Sealed, Unlock};
use super::words::{filled, w, W};
use super::Lock;
use crate::settings::{ui_language, LanguagePicker};

/// Whose page it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    Supervisor,
    Designer,
}

impl Role {
    fn name(self) -> &'static str {
        match self {
            Role::Supervisor => "supervisor",
            Role::Designer => "designer",
        }
    }

    fn sealed_in(self, policy: &super::policy::Policy) -> Option<&Sealed> {
        match self {
            Role::Supervisor => policy.supervisor_passphrase.as_ref(),
            Role::Designer => policy.designer_passphrase.as_ref(),
        }
    }

    /// What the role's entry opens to (`xonadon_storage::passphrase::role_check`).
    pub fn check_text(self) -> String {
        xonadon_storage::passphrase::role_check(self.name())
    }
}

/// Shows `children` once the role's passphrase is given (at once where the policy asks none).
#[component]
pub fn RoleGate(role: Role, children: ChildrenFn) -> impl IntoView {
    let lock = expect_context::<Lock>();
    let Some(sealed) = lock
        .policy
        .with_value(|r| role.sealed_in(&r.policy).cloned())
    else {
        return children().into_any();
    };
    let sealed = StoredValue::new(sealed);
    let open = RwSignal::new(false);
    let typed = RwSignal::new(String::new());
    let message = RwSignal::new(None::<String>);
    let busy = RwSignal::new(false);
    let try_it = move || {
        let lang = ui_language();
        message.set(None);
        let failures = keyring::role_failures(role.name());
        let wait = failures.wait_s(js_sys::Date::now());
        if wait > 0 {
            message.set(Some(filled(&lang, W::Wait, &[("s", &wait.to_string())])));
            return;
        }
        busy.set(true);
        let text = typed.get_untracked();
        spawn_local(async move {
            match passphrase::open(&sealed.get_value(), &text).await {
                Ok(bytes) if bytes == role.check_text().as_bytes() => {
                    keyring::set_role_failures(role.name(), &Failures::default());
                    open.set(true);
                }
                Ok(_) | Err(Unlock::WrongPassphrase) => {
                    let failures = failures.after_wrong(js_sys::Date::now());
                    keyring::set_role_failures(role.name(), &failures);
                    message.set(Some(w(&lang, W::WrongPassphrase).to_string()));
                    typed.set(String::new());
                }
                Err(Unlock::Failed(detail)) => {
                    message.set(Some(filled(&lang, W::CryptoFailed, &[("detail", &detail)])))
                }
            }
            busy.set(false);
        });
    };
    let title = match role {
        Role::Supervisor => W::SupervisorPage,
        Role::Designer => W::DesignerPage,
    };
    view! {
        {move || if open.get() {
            children().into_any()
        } else {
            view! {
                <main class="lock-screen role">
                    <div class="bar"><h1>{move || w(&ui_language(), title)}</h1><LanguagePicker /></div>
                    <form on:submit=move |ev| { ev.prevent_default(); try_it(); }>
                        <label for="role-passphrase">{move || w(&ui_language(), W::RolePassphrase)}</label>
                        <input id="role-passphrase" type="password" autocomplete="current-password"
                            prop:value=typed on:input=move |ev| typed.set(event_target_value(&ev)) />
                        {move || message.get().map(|m| view! { <p class="lock-message" role="alert">{m}</p> })}
                        <button id="open-role" type="submit" class="primary" disabled=busy>
                            {move || w(&ui_language(), W::UnlockButton)}
                        </button>
                    </form>
                    <a class="button" id="open-home" href="./">{move || crate::i18n::t(&ui_language(), crate::i18n::T::Home)}</a>
                </main>
            }.into_any()
        }}
    }
    .into_any()
}

#[cfg(test)]
mod tests {
    use super::*;
    use wasm_bindgen_test::wasm_bindgen_test;

    #[wasm_bindgen_test]
    async fn an_entry_opens_its_own_role_only() {
        let sealed = passphrase::seal(Role::Designer.check_text().as_bytes(), "qovun-va-tarvuz")
            .await
            .unwrap();
        let opened = passphrase::open(&sealed, "qovun-va-tarvuz").await.unwrap();
        assert_eq!(opened, Role::Designer.check_text().as_bytes());
        assert_ne!(opened, Role::Supervisor.check_text().as_bytes());
        let policy = super::super::policy::Policy {
            designer_passphrase: Some(sealed),
            ..Default::default()
        };
        assert!(Role::Designer.sealed_in(&policy).is_some());
        assert!(Role::Supervisor.sealed_in(&policy).is_none());
    }
}
