//! The lock's screens: setting the PIN on first start, unlocking, and the "Lock" button.

use leptos::prelude::*;
use leptos::task::spawn_local;
use xonadon_storage::seal::DataKey;

use super::keyring::{self, Failures, Keyring};
use super::passphrase::{self, Unlock as Unsealed};
use super::words::{filled, w, W};
use super::Lock;
use crate::settings::{ui_language, LanguagePicker};

/// Why a PIN cannot be set: too short, or not typed the same twice.
pub fn pin_problem(first: &str, second: &str, min: usize) -> bool {
    first.chars().count() < min || first != second
}

/// Keeps `key` sealed under `pin` (with `recovery`, the request for the organisation, and
/// the check a recovered key is tested against), and forgets the wrong PINs counted so far.
pub(super) async fn keep_under_pin(
    key: &DataKey,
    pin: &str,
    recovery: Option<String>,
) -> Result<(), String> {
    let check = key
        .seal(keyring::CHECK, keyring::CHECK.as_bytes())
        .map_err(|e| e.to_string())?;
    let data_key = passphrase::seal(key.bytes(), pin).await?;
    keyring::set_keyring(&Keyring::Pin {
        data_key,
        recovery,
        check: Some(check),
    })?;
    keyring::set_failures(&Failures::default());
    Ok(())
}

/// A new PIN typed twice (on first start, and after a recovery), at least the policy's length.
#[derive(Clone, Copy)]
pub(super) struct NewPin {
    first: RwSignal<String>,
    second: RwSignal<String>,
    min: usize,
}

impl NewPin {
    pub fn new(lock: &Lock) -> NewPin {
        NewPin {
            first: RwSignal::new(String::new()),
            second: RwSignal::new(String::new()),
            min: lock.policy.with_value(|r| r.policy.min_pin_length.max(4)),
        }
    }

    /// The PIN typed, or what is wrong with it in `lang`.
    pub fn typed(&self, lang: &str) -> Result<String, String> {
        let (pin, again) = (self.first.get_untracked(), self.second.get_untracked());
        if pin_problem(&pin, &again, self.min) {
            return Err(filled(
                lang,
                W::PinTooShort,
                &[("n", &self.min.to_string())],
            ));
        }
        Ok(pin)
    }

    /// The two fields, `id` and `id-again`.
    pub fn fields(self, id: &'static str) -> impl IntoView {
        let again = format!("{id}-again");
        let (first, second, min) = (self.first, self.second, self.min);
        view! {
            <label for=id>{move || w(&ui_language(), W::Pin)}</label>
            <input id=id type="password" autocomplete="new-password" minlength=min
                prop:value=first on:input=move |ev| first.set(event_target_value(&ev)) />
            <label for=again.clone()>{move || w(&ui_language(), W::PinAgain)}</label>
            <input id=again type="password" autocomplete="new-password" minlength=min
                prop:value=second on:input=move |ev| second.set(event_target_value(&ev)) />
        }
    }
}

/// First start: the worker sets a PIN, or declines where the policy allows.
#[component]
pub fn SetUp() -> impl IntoView {
    let lock = expect_context::<Lock>();
    let read = lock.policy.get_value();
    let policy = read.policy.clone();
    let new_pin = NewPin::new(&lock);
    let min = new_pin.min;
    let message = RwSignal::new(None::<String>);
    let busy = RwSignal::new(false);
    let policy_key = policy.recovery_key.clone();
    let set = move |_| {
        let lang = ui_language();
        let pin = match new_pin.typed(&lang) {
            Ok(pin) => pin,
            Err(problem) => return message.set(Some(problem)),
        };
        busy.set(true);
        let recovery_key = policy_key.clone();
        spawn_local(async move {
            let made = async {
                let key = DataKey::generate().map_err(|e| e.to_string())?;
                let recovery = match &recovery_key {
                    Some(to) => Some(
                        xonadon_export::recovery::request(key.bytes(), to)
                            .map_err(|e| e.to_string())?,
                    ),
                    None => None,
                };
                keep_under_pin(&key, &pin, recovery).await?;
                Ok::<_, String>(key)
            };
            match made.await {
                Ok(key) => lock.open(Some(key)).await,
                Err(detail) => {
                    message.set(Some(filled(&lang, W::CryptoFailed, &[("detail", &detail)])));
                    busy.set(false);
                }
            }
        });
    };
    let decline = move |_| {
        let _ = keyring::set_keyring(&Keyring::Declined {
            at_ms: js_sys::Date::now(),
        });
        spawn_local(async move { lock.open(None).await });
    };
    let problem = read.problem.clone();
    let recovery = policy.recovery_key.is_some();
    view! {
        <main class="lock-screen set-up">
            <div class="bar"><h1>{move || w(&ui_language(), W::SetUpTitle)}</h1><LanguagePicker /></div>
            {problem.map(|detail| view! {
                <p class="lock-problem" role="alert">
                    {move || filled(&ui_language(), W::PolicyProblem, &[("detail", &detail)])}
                </p>
            })}
            <p>{move || filled(&ui_language(), W::SetUpExplain, &[("n", &min.to_string())])}</p>
            {new_pin.fields("pin")}
            <p class="lock-note">{move || w(&ui_language(), if recovery { W::Recovery } else { W::NoRecovery })}</p>
            {move || message.get().map(|m| view! { <p class="lock-message" role="alert">{m}</p> })}
            <button id="set-pin" class="primary" disabled=busy on:click=set>
                {move || w(&ui_language(), W::SetPin)}
            </button>
            {(!policy.require_pin).then(|| view! {
                <p class="lock-risk">{move || w(&ui_language(), W::DeclineRisk)}</p>
                <button id="no-pin" disabled=busy on:click=decline>{move || w(&ui_language(), W::Decline)}</button>
            })}
        </main>
    }
}

/// The PIN asked for, with the wait after wrong ones.
#[component]
pub fn Unlock() -> impl IntoView {
    let lock = expect_context::<Lock>();
    let pin = RwSignal::new(String::new());
    let message = RwSignal::new(None::<String>);
    let busy = RwSignal::new(false);
    let try_pin = move || {
        let lang = ui_language();
        message.set(None); // a new answer for each try, announced anew
        let now = js_sys::Date::now();
        let failures = keyring::failures();
        let wait = failures.wait_s(now);
        if wait > 0 {
            message.set(Some(filled(&lang, W::Wait, &[("s", &wait.to_string())])));
            return;
        }
        let Some(Keyring::Pin { data_key, .. }) = keyring::keyring() else {
            return;
        };
        let typed = pin.get_untracked();
        busy.set(true);
        spawn_local(async move {
            match passphrase::open(&data_key, &typed).await {
                Ok(bytes) => match DataKey::from_bytes(&bytes) {
                    Some(key) => {
                        keyring::set_failures(&Failures::default());
                        lock.open(Some(key)).await;
                        return;
                    }
                    None => message.set(Some(filled(
                        &lang,
                        W::CryptoFailed,
                        &[("detail", "the stored key is damaged")],
                    ))),
                },
                Err(Unsealed::WrongPassphrase) => {
                    let failures = failures.after_wrong(js_sys::Date::now());
                    keyring::set_failures(&failures);
                    let wait = failures.wait_s(js_sys::Date::now());
                    message.set(Some(if wait > 0 {
                        format!(
                            "{} {}",
                            w(&lang, W::WrongPin),
                            filled(&lang, W::Wait, &[("s", &wait.to_string())])
                        )
                    } else {
                        w(&lang, W::WrongPin).to_string()
                    }));
                    pin.set(String::new());
                }
                Err(Unsealed::Failed(detail)) => {
                    message.set(Some(filled(&lang, W::CryptoFailed, &[("detail", &detail)])))
                }
            }
            busy.set(false);
        });
    };
    view! {
        <main class="lock-screen unlock">
            <div class="bar"><h1>{move || w(&ui_language(), W::UnlockTitle)}</h1><LanguagePicker /></div>
            <p>{move || w(&ui_language(), W::UnlockExplain)}</p>
            <form on:submit=move |ev| { ev.prevent_default(); try_pin(); }>
                <label for="unlock-pin">{move || w(&ui_language(), W::Pin)}</label>
                <input id="unlock-pin" type="password" autocomplete="current-password" autofocus
                    prop:value=pin on:input=move |ev| pin.set(event_target_value(&ev)) />
                {move || message.get().map(|m| view! { <p class="lock-message" role="alert">{m}</p> })}
                <button id="unlock" type="submit" class="primary" disabled=busy>
                    {move || w(&ui_language(), W::UnlockButton)}
                </button>
            </form>
            <super::recover::Forgot />
        </main>
    }
}

/// While the records left in clear are sealed (once, after the PIN is set on a device that
/// had data).
#[component]
pub fn Sealing() -> impl IntoView {
    view! { <p class="loading" role="status">{move || w(&ui_language(), W::Working)}</p> }
}

/// Locks at once (the worker hands the tablet to someone, or steps away).
#[component]
pub fn LockButton() -> impl IntoView {
    let lock = expect_context::<Lock>();
    view! {
        <button id="lock-now" class="lock-now" on:click=move |_| lock.lock()>
            {move || w(&ui_language(), W::LockNow)}
        </button>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use wasm_bindgen_test::wasm_bindgen_test;

    #[wasm_bindgen_test]
    fn a_pin_is_long_enough_and_typed_twice() {
        assert!(pin_problem("12345", "12345", 6));
        assert!(pin_problem("123456", "123465", 6));
        assert!(!pin_problem("123456", "123456", 6));
        assert!(!pin_problem("qovun", "qovun", 5), "characters, not bytes");
        assert!(pin_problem("oʻrik", "oʻrik", 6));
    }
}
