//! "Forgot the PIN?": the tablet's recovery request shown for the supervisor, the recovery
//! code they send back (`xonadon recover`) checked against this device's key, then a new PIN.
//! The data key stays the same (re-sealing every record under a new one is not done yet), so
//! a code, once used, opens this tablet's records as the PIN does: it goes to the worker only.

use leptos::prelude::*;
use leptos::task::spawn_local;
use xonadon_storage::seal::DataKey;

use super::keyring::{self, Keyring};
use super::screens::{keep_under_pin, NewPin};
use super::words::{filled, w, W};
use super::Lock;
use crate::settings::ui_language;

/// The key a recovery `code` stands for, if it is this device's (`check`).
pub fn recovered_key(code: &str, check: Option<&[u8]>) -> Option<DataKey> {
    let key = DataKey::from_bytes(&xonadon_export::recovery::key_of_code(code)?)?;
    keyring::is_this_devices(&key, check).then_some(key)
}

#[component]
pub fn Forgot() -> impl IntoView {
    let lock = expect_context::<Lock>();
    let Some(Keyring::Pin {
        recovery, check, ..
    }) = keyring::keyring()
    else {
        return ().into_any();
    };
    let Some(request) = recovery else {
        return view! {
            <details class="forgot">
                <summary>{move || w(&ui_language(), W::Forgot)}</summary>
                <p>{move || w(&ui_language(), W::NoRecoveryHere)}</p>
            </details>
        }
        .into_any();
    };
    let code = RwSignal::new(String::new());
    let recovered = StoredValue::new_local(None::<DataKey>);
    let found = RwSignal::new(false);
    let new_pin = NewPin::new(&lock);
    let message = RwSignal::new(None::<String>);
    let try_code = move |_| {
        let lang = ui_language();
        match recovered_key(&code.get_untracked(), check.as_deref()) {
            Some(key) => {
                recovered.set_value(Some(key));
                found.set(true);
                message.set(Some(w(&lang, W::NewPin).to_string()));
            }
            None => message.set(Some(w(&lang, W::WrongCode).to_string())),
        }
    };
    let kept_request = StoredValue::new(request.clone());
    let set_pin = move |_| {
        let lang = ui_language();
        let pin = match new_pin.typed(&lang) {
            Ok(pin) => pin,
            Err(problem) => return message.set(Some(problem)),
        };
        let Some(key) = recovered.get_value() else {
            return;
        };
        let request = kept_request.get_value();
        spawn_local(async move {
            match keep_under_pin(&key, &pin, Some(request)).await {
                Ok(()) => lock.open(Some(key)).await,
                Err(detail) => {
                    message.set(Some(filled(&lang, W::CryptoFailed, &[("detail", &detail)])))
                }
            }
        });
    };
    view! {
        <details class="forgot">
            <summary>{move || w(&ui_language(), W::Forgot)}</summary>
            <p>{move || w(&ui_language(), W::ForgotExplain)}</p>
            <textarea id="recovery-request" readonly rows="4">{request}</textarea>
            <label for="recovery-code">{move || w(&ui_language(), W::RecoveryCode)}</label>
            <input id="recovery-code" type="text" autocomplete="off" spellcheck="false"
                prop:value=code on:input=move |ev| code.set(event_target_value(&ev)) />
            <button id="recover" on:click=try_code>{move || w(&ui_language(), W::Recover)}</button>
            {move || message.get().map(|m| view! { <p class="recover-message" role="alert">{m}</p> })}
            <Show when=move || found.get()>
                {new_pin.fields("new-pin")}
                <button id="set-new-pin" class="primary" on:click=set_pin>
                    {move || w(&ui_language(), W::SetPin)}
                </button>
            </Show>
        </details>
    }
    .into_any()
}

#[cfg(test)]
mod tests {
    use super::*;
    use wasm_bindgen_test::wasm_bindgen_test;

    #[wasm_bindgen_test]
    fn a_code_opens_only_the_device_it_was_made_for() {
        let key = DataKey::generate().unwrap();
        let check = key.seal(keyring::CHECK, keyring::CHECK.as_bytes()).unwrap();
        let code = xonadon_export::recovery::code_of_key(key.bytes());
        let got = recovered_key(&code, Some(&check)).expect("its own code");
        assert_eq!(got.bytes(), key.bytes());
        let other = DataKey::generate().unwrap();
        let other_code = xonadon_export::recovery::code_of_key(other.bytes());
        assert!(recovered_key(&other_code, Some(&check)).is_none());
        assert!(recovered_key("not a code", Some(&check)).is_none());
    }
}
