//! The peer benchmark's adapter (`shared/peers`, see `bench/README.md`): the app's form view
//! (`xonadon::embed::WholeForm`, the whole form on one page) behind the small API that
//! `bench/peers/xonadon/index.html` turns into the harness's `window.benchEngine`.
//!
//! Everything goes through the app's own `Session`, so an answer updates the engine and then
//! exactly the questions the engine reports changed, as when a field worker types it.

use std::cell::Cell;
use std::sync::Arc;

use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use xonadon::embed::{BrowserHost, Session, WholeForm};
use xonadon_engine::expr::NodeId;
use xonadon_engine::{Instance, Kind};

thread_local! {
    /// The form on the page (one per page). `Session` is a handle into Leptos's arena.
    static SESSION: Cell<Option<Session>> = const { Cell::new(None) };
}

/// A `performance.mark` (shown in Chromium's profiles; read back with
/// `performance.getEntriesByType('mark')`) to see where `load` spends its time.
fn mark(name: &str) {
    if let Some(p) = web_sys::window().and_then(|w| w.performance()) {
        let _ = p.mark(name);
    }
}

fn session() -> Result<Session, JsError> {
    SESSION
        .get()
        .ok_or_else(|| JsError::new("load() has not been called"))
}

/// Loads a form (our JSON) and renders all of it into `mount`.
#[wasm_bindgen]
pub fn load(json: &str, mount: web_sys::HtmlElement) -> Result<(), JsError> {
    mark("xonadon:load");
    let form = xonadon_engine::load(json).map_err(|e| JsError::new(&e.to_string()))?;
    mark("xonadon:form-compiled");
    let instance = Instance::new(Arc::new(form), Arc::new(BrowserHost));
    mark("xonadon:instance-created");
    let session = Session::new(instance);
    SESSION.set(Some(session));
    let handle = leptos::mount::mount_to(mount, move || view! { <WholeForm session=session /> });
    mark("xonadon:mounted");
    // The form stays on the page until it is closed.
    std::mem::forget(handle);
    Ok(())
}

/// The repeat (the container, not an instance) named `name`, wherever it is.
fn repeat_named(i: &Instance, name: &str) -> Option<NodeId> {
    i.walk().into_iter().find(|&n| {
        let node = i.node(n);
        let e = i.form().element(node.elem);
        e.kind == Kind::Repeat && !node.is_instance && e.name == name
    })
}

/// Makes repeat `name` have `count` instances in total (adds at the end; never removes).
#[wasm_bindgen]
pub fn add_repeat(name: &str, count: usize) -> Result<(), JsError> {
    mark("xonadon:add-repeat");
    let session = session()?;
    let container = session
        .peek(|i| repeat_named(i, name))
        .ok_or_else(|| JsError::new(&format!("no repeat named `{name}`")))?;
    // One change, as ODK's `addInstances(count)`: the page updates once for all of them.
    session
        .change(|i| {
            for _ in i.instances(container).len()..count {
                i.add_repeat(container, None)?;
            }
            Ok(())
        })
        .map_err(|e| JsError::new(&e.to_string()))?;
    mark("xonadon:repeats-added");
    Ok(())
}

/// An answer's value as the engine takes it: text, a number, or choice names (joined by
/// spaces, as a select_multiple holds them).
fn value_text(v: &JsValue) -> String {
    if let Some(s) = v.as_string() {
        s
    } else if let Some(x) = v.as_f64() {
        x.to_string()
    } else if js_sys::Array::is_array(v) {
        js_sys::Array::from(v)
            .iter()
            .filter_map(|x| x.as_string())
            .collect::<Vec<_>>()
            .join(" ")
    } else {
        String::new()
    }
}

/// Applies `[{xpath, value}, …]` in order. `xpath` is the XForm path (`/data/members[3]/m_age`);
/// without its first step (the XForm's root) it is our path (`/members[3]/m_age`). The engine is
/// up to date on return; the DOM follows in Leptos's microtasks (the page waits for them).
#[wasm_bindgen]
pub fn set_answers(answers: js_sys::Array) -> Result<(), JsError> {
    mark("xonadon:set-answers");
    let session = session()?;
    let xpath = JsValue::from_str("xpath");
    let value = JsValue::from_str("value");
    for a in answers.iter() {
        let path = js_sys::Reflect::get(&a, &xpath)
            .ok()
            .and_then(|p| p.as_string())
            .ok_or_else(|| JsError::new("an answer without an xpath"))?;
        let ours = match path.strip_prefix('/').and_then(|p| p.find('/')) {
            Some(i) => &path[i + 1..],
            None => return Err(JsError::new(&format!("`{path}` is not below a root"))),
        };
        let v = value_text(&js_sys::Reflect::get(&a, &value).unwrap_or_default());
        session
            .change(|i| {
                let n = i.find(ours)?;
                i.set_value(n, &v)
            })
            .map_err(|e| JsError::new(&format!("{path}: {e}")))?;
    }
    mark("xonadon:answers-applied");
    Ok(())
}

/// The value of the first node named `name` as a number (NaN when blank or absent).
fn number_named(i: &Instance, name: &str) -> f64 {
    i.walk()
        .into_iter()
        .find(|&n| i.form().element(i.node(n).elem).name == name)
        .and_then(|n| i.node(n).value.parse().ok())
        .unwrap_or(f64::NAN)
}

/// `{hh_size, n_children, n_school_age, relevant_questions}` as the engine computes them;
/// relevant_questions counts relevant questions a worker answers (no notes or calculations),
/// repeat instances included.
#[wasm_bindgen]
pub fn snapshot() -> Result<js_sys::Object, JsError> {
    let session = session()?;
    let out = js_sys::Object::new();
    session.peek(|i| {
        let set = |k: &str, v: f64| {
            let _ = js_sys::Reflect::set(&out, &JsValue::from_str(k), &JsValue::from_f64(v));
        };
        for name in ["hh_size", "n_children", "n_school_age"] {
            set(name, number_named(i, name));
        }
        let relevant = i
            .walk()
            .into_iter()
            .filter(|&n| {
                let node = i.node(n);
                let input = match &i.form().element(node.elem).kind {
                    Kind::Question(q) => q.is_input(),
                    _ => false,
                };
                input && node.relevant
            })
            .count();
        set("relevant_questions", relevant as f64);
    });
    Ok(out)
}
