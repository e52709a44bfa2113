//! A new version of the app, taken when the field page next starts.
//!
//! The service worker (`public/sw.js`) installs a new build in the background and keeps it
//! waiting while the old one serves. Left alone, it would take over only once every tab of the
//! app is closed, which on a tablet kept open for weeks is never. So the field page takes it at
//! a safe moment: on its home screen, while no form has been opened since the page started (a
//! draft is autosaved and journaled, but nothing reloads under a worker's hands). It tells the
//! waiting worker to `skipWaiting` and reloads once on `controllerchange`, so the page is then
//! wholly the new build: a page never mixes the files of two builds.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// What the field page shows, as far as taking a new version goes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Shown {
    /// Storage opening, the journal being replayed.
    Starting,
    Home,
    /// A draft opened for filling.
    Form,
}

/// Whether now is the moment to take a new version: the home screen shown, and no form
/// opened since the page started. Once a form has been opened, a new version waits for the
/// next start, even back on the home screen (a reload there would surprise the worker).
#[derive(Debug, Default)]
struct Moment {
    home: bool,
    form_opened: bool,
}

impl Moment {
    fn saw(&mut self, shown: Shown) {
        match shown {
            Shown::Starting => {}
            Shown::Home => self.home = true,
            Shown::Form => self.form_opened = true,
        }
    }

    fn now(&self) -> bool {
        self.home && !self.form_opened
    }
}

#[wasm_bindgen]
extern "C" {
    /// `navigator.serviceWorker`.
    #[wasm_bindgen(extends = web_sys::EventTarget)]
    #[derive(Clone)]
    type Container;
    #[wasm_bindgen(method, js_name = getRegistration)]
    fn get_registration(this: &Container) -> js_sys::Promise;
    #[wasm_bindgen(method, getter)]
    fn controller(this: &Container) -> Option<Worker>;

    #[wasm_bindgen(extends = web_sys::EventTarget)]
    #[derive(Clone)]
    type Registration;
    #[wasm_bindgen(method, getter)]
    fn waiting(this: &Registration) -> Option<Worker>;
    #[wasm_bindgen(method, getter)]
    fn installing(this: &Registration) -> Option<Worker>;

    #[wasm_bindgen(extends = web_sys::EventTarget)]
    #[derive(Clone)]
    type Worker;
    #[wasm_bindgen(method, getter)]
    fn state(this: &Worker) -> String;
    #[wasm_bindgen(method, js_name = postMessage)]
    fn post_message(this: &Worker, message: &str);
}

fn container() -> Option<Container> {
    let navigator = web_sys::window()?.navigator();
    let sw = js_sys::Reflect::get(&navigator, &"serviceWorker".into()).ok()?;
    (!sw.is_undefined()).then(|| sw.unchecked_into())
}

/// Follows what the field page shows (`shown`, read in an effect) and takes a waiting or
/// newly installed version at the moment [`Moment`] allows.
pub fn take_new_version_at_start(shown: impl Fn() -> Shown + 'static) {
    let moment = Rc::new(RefCell::new(Moment::default()));
    let watching = Rc::new(Cell::new(false));
    Effect::new(move |_| {
        moment.borrow_mut().saw(shown());
        if moment.borrow().now() && !watching.replace(true) {
            let moment = Rc::clone(&moment);
            leptos::task::spawn_local(async move {
                watch(Rc::new(move || moment.borrow().now())).await
            });
        }
    });
}

/// Takes the waiting version now, or the one installing (or found later) once installed, if
/// `still_now()` then.
async fn watch(still_now: Rc<dyn Fn() -> bool>) {
    let Some(container) = container() else { return };
    let Ok(registration) = JsFuture::from(container.get_registration()).await else {
        return;
    };
    if registration.is_undefined() {
        return;
    }
    let registration: Registration = registration.unchecked_into();
    if let Some(waiting) = registration.waiting() {
        return take(&container, &waiting);
    }
    let when_installed = {
        let (container, still_now) = (container.clone(), Rc::clone(&still_now));
        move |worker: Worker| {
            let (container, still_now, w) =
                (container.clone(), Rc::clone(&still_now), worker.clone());
            let on_state = Closure::<dyn FnMut()>::new(move || {
                if w.state() == "installed" && still_now() {
                    take(&container, &w);
                }
            });
            let _ = worker
                .add_event_listener_with_callback("statechange", on_state.as_ref().unchecked_ref());
            on_state.forget();
        }
    };
    if let Some(installing) = registration.installing() {
        when_installed(installing);
    }
    let reg = registration.clone();
    let on_found = Closure::<dyn FnMut()>::new(move || {
        if let Some(installing) = reg.installing() {
            when_installed(installing);
        }
    });
    let _ = registration
        .add_event_listener_with_callback("updatefound", on_found.as_ref().unchecked_ref());
    on_found.forget();
}

thread_local! {
    static ASKED: Cell<bool> = const { Cell::new(false) };
}

/// Asks `worker` to take over and reloads once when it has. A page no worker serves yet (the
/// first visit) has no old build to leave: the first worker takes over by itself.
fn take(container: &Container, worker: &Worker) {
    if container.controller().is_none() || ASKED.with(|a| a.replace(true)) {
        return;
    }
    let reload = Closure::once_into_js(|| {
        if let Some(w) = web_sys::window() {
            let _ = w.location().reload();
        }
    });
    let _ = container.add_event_listener_with_callback("controllerchange", reload.unchecked_ref());
    worker.post_message("skip-waiting");
}

#[cfg(test)]
mod tests {
    use super::*;
    use wasm_bindgen_test::wasm_bindgen_test;

    #[wasm_bindgen_test]
    fn the_moment_is_the_home_screen_before_any_form() {
        let mut m = Moment::default();
        m.saw(Shown::Starting);
        assert!(
            !m.now(),
            "not while storage opens and the journal is replayed"
        );
        m.saw(Shown::Home);
        assert!(m.now());
        m.saw(Shown::Form);
        assert!(!m.now(), "never while a form is open");
        m.saw(Shown::Home);
        assert!(!m.now(), "back home after a form: the next start takes it");
    }
}
