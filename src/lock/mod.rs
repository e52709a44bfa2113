//! The lock: what stands between a lost tablet and the answers on it.
//!
//! On first start the worker sets a PIN (or, where the organisation's policy allows, goes on
//! without one, told the risk). A random data key seals every record that holds answers
//! (`xonadon_storage::seal`, and `at_rest` for localStorage); the key is kept only sealed
//! under the PIN (`passphrase`, `keyring`). Every page opens behind [`LockGate`]: nothing of
//! the page is built, and no answer read, until the PIN opens the key. The app locks again
//! after the policy's idle time, when it was hidden for longer than the policy allows, or on
//! the worker's "Lock" (`idle.rs`): the key is forgotten and the page taken down. Nothing
//! typed is lost by locking: the journal holds every change sealed the moment it is made, and
//! the page replays it when it is built again after unlocking.

mod idle;
pub mod keyring;
pub mod passphrase;
pub mod policy;
mod recover;
pub mod role;
mod screens;
pub mod words;

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::store::Store;
use keyring::Keyring;
use policy::Read;

/// Where the lock stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum State {
    /// Reading the policy.
    Starting,
    /// No PIN yet: the worker sets one (or declines, where allowed).
    SetUp,
    /// A PIN is set and the key is not open.
    Locked,
    /// Sealing what was left in clear, right after the key opened.
    Sealing,
    /// The page can be used.
    Open,
}

/// The lock's state, in context for the page and the lock's screens.
#[derive(Clone, Copy)]
pub struct Lock {
    pub state: RwSignal<State>,
    pub policy: StoredValue<Read>,
    store: Store,
}

impl Lock {
    /// Whether this device has a PIN (and so can lock).
    pub fn has_pin(&self) -> bool {
        matches!(keyring::keyring(), Some(Keyring::Pin { .. }))
    }

    /// Forgets the key and takes the page down (see the module's documentation).
    pub fn lock(&self) {
        if self.state.get_untracked() == State::Open && self.has_pin() {
            self.store.lock();
            self.state.set(State::Locked);
        }
    }

    /// Starts keeping answers under `key` (`None`: no PIN), then shows the page.
    async fn open(&self, key: Option<xonadon_storage::seal::DataKey>) {
        self.state.set(State::Sealing);
        self.store.unlock(key).await;
        self.state.set(State::Open);
    }
}

/// What the first screen is, from the keyring and the policy.
fn first_state(keyring: Option<&Keyring>, policy: &policy::Policy) -> State {
    match keyring {
        Some(Keyring::Pin { .. }) => State::Locked,
        Some(Keyring::Declined { .. }) if !policy.require_pin => State::Open,
        _ => State::SetUp,
    }
}

/// Shows `children` (the page) only while the lock is open; the set-up or unlock screen
/// otherwise. The store must be open.
#[component]
pub fn LockGate(children: ChildrenFn) -> impl IntoView {
    let store = expect_context::<Store>();
    let lock = Lock {
        state: RwSignal::new(State::Starting),
        policy: StoredValue::new(Read::default()),
        store,
    };
    provide_context(lock);
    spawn_local(async move {
        let read = policy::fetch().await;
        let first = first_state(keyring::keyring().as_ref(), &read.policy);
        lock.policy.set_value(read);
        if first == State::Open {
            lock.open(None).await;
        } else {
            lock.state.set(first);
        }
    });
    idle::watch(lock);
    // Where the lock stands, on the document (`data-lock`), for styles and tests.
    Effect::new(move |_| {
        let state = match lock.state.get() {
            State::Starting => "starting",
            State::SetUp => "set-up",
            State::Locked => "locked",
            State::Sealing => "sealing",
            State::Open => "open",
        };
        if let Some(root) = document().document_element() {
            let _ = root.set_attribute("data-lock", state);
        }
    });
    view! {
        {move || match lock.state.get() {
            State::Starting => view! { <p class="loading">"…"</p> }.into_any(),
            State::SetUp => view! { <screens::SetUp /> }.into_any(),
            State::Locked => view! { <screens::Unlock /> }.into_any(),
            State::Sealing => view! { <screens::Sealing /> }.into_any(),
            State::Open => view! {
                {lock.has_pin().then(|| view! { <screens::LockButton /> })}
                {children()}
            }.into_any(),
        }}
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use wasm_bindgen_test::wasm_bindgen_test;

    #[wasm_bindgen_test]
    fn the_first_screen_follows_the_keyring_and_the_policy() {
        let free = policy::Policy::default();
        let strict = policy::Policy {
            require_pin: true,
            ..policy::Policy::default()
        };
        let declined = Keyring::Declined { at_ms: 1.0 };
        let pin = Keyring::Pin {
            data_key: passphrase::Sealed {
                iterations: 1,
                salt: vec![],
                nonce: vec![],
                sealed: vec![],
            },
            recovery: None,
            check: None,
        };
        assert_eq!(first_state(None, &free), State::SetUp);
        assert_eq!(first_state(Some(&declined), &free), State::Open);
        assert_eq!(
            first_state(Some(&declined), &strict),
            State::SetUp,
            "an organisation that now requires a PIN asks for one"
        );
        assert_eq!(first_state(Some(&pin), &free), State::Locked);
    }
}
