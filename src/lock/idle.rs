//! When the app locks by itself: after the policy's minutes without a touch or a key, and
//! when it comes back after being hidden (another app, the screen off) longer than the
//! policy's minutes. Checked every few seconds and on every return to the page, so a tablet
//! asleep for an hour is locked the moment it wakes, before anyone can read it.

use std::cell::Cell;
use std::rc::Rc;

use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use super::{Lock, State};

/// How often the idle time is checked.
const CHECK_EVERY_MS: i32 = 5_000;

/// Whether the app should lock at `now_ms`, given the last activity, when it was hidden (if
/// it is or was), and the policy's limits in minutes (0 idle: never; 0 hidden: whenever it
/// was hidden at all).
pub fn due(
    now_ms: f64,
    last_activity_ms: f64,
    hidden_since_ms: Option<f64>,
    idle_minutes: f64,
    hidden_minutes: f64,
) -> bool {
    let idle = idle_minutes > 0.0 && now_ms - last_activity_ms >= idle_minutes * 60_000.0;
    let hidden = hidden_since_ms.is_some_and(|at| now_ms - at >= hidden_minutes * 60_000.0);
    idle || hidden
}

/// Watches activity and visibility for the page's life, and locks when [`due`].
pub fn watch(lock: Lock) {
    let last_activity = Rc::new(Cell::new(js_sys::Date::now()));
    let hidden_since = Rc::new(Cell::new(None::<f64>));
    let check = {
        let (last_activity, hidden_since) = (last_activity.clone(), hidden_since.clone());
        move || {
            if lock.state.get_untracked() != State::Open {
                return;
            }
            let policy = lock.policy.with_value(|r| r.policy.clone());
            if due(
                js_sys::Date::now(),
                last_activity.get(),
                hidden_since.get(),
                policy.lock_after_idle_minutes,
                policy.lock_after_hidden_minutes,
            ) {
                lock.lock();
            }
        }
    };
    let Some(window) = web_sys::window() else {
        return;
    };
    let Some(document) = window.document() else {
        return;
    };
    let activity = Closure::<dyn Fn()>::new({
        let last_activity = last_activity.clone();
        move || last_activity.set(js_sys::Date::now())
    });
    for event in ["pointerdown", "keydown", "input"] {
        let _ = document.add_event_listener_with_callback(event, activity.as_ref().unchecked_ref());
    }
    activity.forget(); // for the page's life
    let visibility = Closure::<dyn Fn()>::new({
        let check = check.clone();
        let document = document.clone();
        move || {
            if document.hidden() {
                hidden_since.set(Some(js_sys::Date::now()));
            } else {
                check();
                hidden_since.set(None);
                last_activity.set(js_sys::Date::now());
            }
        }
    });
    let _ = document
        .add_event_listener_with_callback("visibilitychange", visibility.as_ref().unchecked_ref());
    visibility.forget();
    let tick = Closure::<dyn Fn()>::new(check);
    let _ = window.set_interval_with_callback_and_timeout_and_arguments_0(
        tick.as_ref().unchecked_ref(),
        CHECK_EVERY_MS,
    );
    tick.forget();
}

#[cfg(test)]
mod tests {
    use super::*;
    use wasm_bindgen_test::wasm_bindgen_test;

    #[wasm_bindgen_test]
    fn locks_after_idle_or_a_long_absence() {
        let min = 60_000.0;
        assert!(!due(9.0 * min, 0.0, None, 10.0, 2.0));
        assert!(due(10.0 * min, 0.0, None, 10.0, 2.0));
        assert!(
            !due(100.0 * min, 0.0, None, 0.0, 2.0),
            "0: never by idleness"
        );
        assert!(
            !due(min, min, Some(0.5 * min), 10.0, 2.0),
            "hidden half a minute"
        );
        assert!(due(3.0 * min, 3.0 * min, Some(0.5 * min), 10.0, 2.0));
        assert!(
            due(min, min, Some(min), 10.0, 0.0),
            "0: every time it was hidden"
        );
    }
}
