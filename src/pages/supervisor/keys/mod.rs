//! The supervisor's key pair on this device, and the supervisor a tablet's bundles are for.
//!
//! A supervisor makes the key pair once (`xonadon_export::keys`: an age X25519 identity and
//! the review-signing key derived from it); the secret is kept only sealed under their
//! passphrase (`vault.rs`), opened for the page's lifetime. The public key is shown as text
//! for the tablets. A tablet is given that line ("send to"): its bundle exports are then
//! encrypted for it. Reviews made while the key is open are signed; imports take reviews
//! signed by the known supervisors (this device's own and the "send to" one) — a device
//! that knows none cannot check, and takes reviews as before they were signed.

mod kept;
mod vault;

use leptos::prelude::*;
use leptos::task::spawn_local;
use xonadon_export::keys::{SupervisorIdentity, SupervisorKey, Supervisors};
use xonadon_export::merge::Trust;

use crate::i18n::{export_message, t, T};
use crate::settings::ui_language;
use vault::{Unlock, Vault};

/// The shortest passphrase accepted.
const MIN_PASSPHRASE: usize = 10;

/// The keys' state, in context.
#[derive(Clone, Copy)]
pub struct Keys {
    pub vault: RwSignal<Option<Vault>>,
    /// The secret, while open.
    pub identity: RwSignal<Option<SupervisorIdentity>>,
    /// The public key line this device's bundles are encrypted for ("" for none).
    pub send_to: RwSignal<String>,
}

impl Keys {
    pub fn provide() -> Keys {
        let keys = Keys {
            vault: RwSignal::new(kept::vault()),
            identity: RwSignal::new(None),
            send_to: RwSignal::new(kept::send_to()),
        };
        provide_context(keys);
        keys
    }

    /// The supervisors whose reviews this device takes.
    pub fn known(&self) -> Supervisors {
        let own = self.vault.get_untracked().map(|v| v.public);
        known(own.as_deref(), &self.send_to.get_untracked())
    }

    /// Whom an export of a bundle is encrypted for.
    pub fn seal_to(&self) -> Option<SupervisorKey> {
        seal_to(&self.send_to.get_untracked())
    }
}

/// The supervisors of the public key lines `own` (this device's) and `send_to`; a line that
/// does not read is left out (it was refused when given).
pub fn known(own: Option<&str>, send_to: &str) -> Supervisors {
    Supervisors(
        own.into_iter()
            .chain([send_to])
            .filter_map(|line| SupervisorKey::parse("key", line).ok())
            .collect(),
    )
}

/// How imports take reviews given the `known` supervisors.
pub fn trust(known: &Supervisors) -> Trust<'_> {
    if known.0.is_empty() {
        Trust::Unchecked
    } else {
        Trust::Signed(known)
    }
}

/// The supervisor of the "send to" line, if one is set.
pub fn seal_to(send_to: &str) -> Option<SupervisorKey> {
    SupervisorKey::parse("key", send_to).ok()
}

/// The supervisor this device's bundles are for, as kept: what the field worker's "send"
/// encrypts for (the key is given on this page, the one place that keeps it).
pub fn saved_seal_to() -> Option<SupervisorKey> {
    seal_to(&kept::send_to())
}

/// The "send to" key line as kept ("" for none): whose reviews a field tablet takes.
pub fn saved_send_to() -> String {
    kept::send_to()
}

/// Whether a new passphrase (typed twice) may be used.
pub fn passphrase_ok(first: &str, second: &str) -> bool {
    first == second && first.chars().count() >= MIN_PASSPHRASE
}

/// The section: make the key pair or open it, show the public key; the "send to" key.
#[component]
pub fn KeySection() -> impl IntoView {
    let keys = expect_context::<Keys>();
    let (name, first, second) = (
        RwSignal::new(String::new()),
        RwSignal::new(String::new()),
        RwSignal::new(String::new()),
    );
    let message = RwSignal::new(String::new());
    let working = RwSignal::new(false);
    let make = move |_| {
        let lang = ui_language();
        if !passphrase_ok(&first.get_untracked(), &second.get_untracked()) {
            return message.set(t(&lang, T::PassphraseTooShort).into());
        }
        let identity = SupervisorIdentity::generate(&name.get_untracked());
        working.set(true);
        spawn_local(async move {
            match vault::lock(&identity, &first.get_untracked()).await {
                Ok(v) => match kept::set_vault(&v) {
                    Ok(()) => {
                        keys.vault.set(Some(v));
                        keys.identity.set(Some(identity));
                        message.set(t(&lang, T::KeyUnlocked).into());
                    }
                    Err(e) => message.set(e),
                },
                Err(e) => message.set(e),
            }
            first.set(String::new());
            second.set(String::new());
            working.set(false);
        });
    };
    let unlock = move |_| {
        let Some(v) = keys.vault.get_untracked() else {
            return;
        };
        let lang = ui_language();
        working.set(true);
        spawn_local(async move {
            match vault::unlock(&v, &first.get_untracked()).await {
                Ok(identity) => {
                    keys.identity.set(Some(identity));
                    message.set(t(&lang, T::KeyUnlocked).into());
                }
                Err(Unlock::WrongPassphrase) => message.set(t(&lang, T::WrongPassphrase).into()),
                Err(Unlock::Failed(e)) => message.set(e),
            }
            first.set(String::new());
            working.set(false);
        });
    };
    let send_to = RwSignal::new(keys.send_to.get_untracked());
    let save_send_to = move |_| {
        let line = send_to.get_untracked().trim().to_string();
        if !line.is_empty() {
            if let Err(e) = SupervisorKey::parse("key", &line) {
                return message.set(export_message(&ui_language(), &e));
            }
        }
        match kept::set_send_to(&line) {
            Ok(()) => keys.send_to.set(line),
            Err(e) => message.set(e),
        }
    };
    let passphrase = move |id: &'static str, value: RwSignal<String>, label: T| {
        view! {
            <label>
                <span>{move || t(&ui_language(), label)}</span>
                <input id=id type="password" autocomplete="off" prop:value=move || value.get()
                    on:input=move |ev| value.set(event_target_value(&ev)) />
            </label>
        }
    };
    view! {
        <section class="keys">
            <h2>{move || t(&ui_language(), T::SupervisorKey)}</h2>
            {move || match (keys.vault.get(), keys.identity.with(Option::is_some)) {
                (None, _) => view! {
                    <div class="make-key">
                        <label>
                            <span>{move || t(&ui_language(), T::KeyName)}</span>
                            <input id="key-name" prop:value=move || name.get()
                                on:input=move |ev| name.set(event_target_value(&ev)) />
                        </label>
                        {passphrase("key-passphrase", first, T::Passphrase)}
                        {passphrase("key-passphrase-again", second, T::PassphraseAgain)}
                        <button type="button" id="make-key" disabled=move || working.get()
                            on:click=make>{move || t(&ui_language(), T::MakeKey)}</button>
                    </div>
                }.into_any(),
                (Some(v), open) => view! {
                    <div class="public-key">
                        <p>{move || t(&ui_language(), T::YourPublicKey)}</p>
                        <textarea id="public-key" readonly rows="3">{v.public.clone()}</textarea>
                        <crate::components::qr::Qr text=v.public.clone()
                            label=t(&ui_language(), T::YourPublicKey).to_string() />
                        {(!open).then(|| view! {
                            <p class="locked">{move || t(&ui_language(), T::KeyLocked)}</p>
                            {passphrase("unlock-passphrase", first, T::Passphrase)}
                            <button type="button" id="unlock-key" disabled=move || working.get()
                                on:click=unlock>{move || t(&ui_language(), T::Unlock)}</button>
                        })}
                    </div>
                }.into_any(),
            }}
            <label class="send-to">
                <span>{move || t(&ui_language(), T::SendTo)}</span>
                <input id="send-to" prop:value=move || send_to.get()
                    on:input=move |ev| send_to.set(event_target_value(&ev)) />
            </label>
            <button type="button" id="save-send-to" on:click=save_send_to>{move || t(&ui_language(), T::SaveKey)}</button>
            <Show when=move || !message.get().is_empty()>
                <p class="key-message" role="status">{move || message.get()}</p>
            </Show>
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use wasm_bindgen_test::wasm_bindgen_test;

    #[wasm_bindgen_test]
    fn the_known_supervisors_are_this_devices_and_the_send_to_one() {
        let own = SupervisorIdentity::generate("Dilnoza").public();
        let other = SupervisorIdentity::generate("Bobur").public();
        let both = known(Some(&own.to_string()), &other.to_string());
        assert_eq!(both.0, [own.clone(), other.clone()]);
        assert_eq!(known(None, "").0, []);
        assert_eq!(known(None, "not a key").0, []);
        assert!(matches!(trust(&both), Trust::Signed(_)));
        assert!(matches!(trust(&known(None, "")), Trust::Unchecked));
    }

    #[wasm_bindgen_test]
    fn bundles_are_sealed_only_for_a_readable_send_to_key() {
        let key = SupervisorIdentity::generate("Dilnoza").public();
        assert_eq!(seal_to(&key.to_string()), Some(key));
        assert_eq!(seal_to(""), None);
    }

    #[wasm_bindgen_test]
    fn a_passphrase_is_long_enough_and_typed_twice_the_same() {
        assert!(passphrase_ok("olma-olma-7", "olma-olma-7"));
        assert!(!passphrase_ok("olma-olma-7", "olma-olma-8"));
        assert!(!passphrase_ok("qisqa", "qisqa"));
        assert!(
            passphrase_ok("ўўўўўўўўўў", "ўўўўўўўўўў"),
            "characters, not bytes"
        );
    }
}
