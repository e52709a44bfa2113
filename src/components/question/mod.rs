//! Questions: label, hint, widget and message of each. A form's texts always show as text
//! (escaped by `markup`), never as HTML.
//!
//! A page can hold hundreds of questions (a long roster; the benchmark's 2,000), so a question
//! costs one reactive effect, not one per attribute or element:
//! - questions in a row are written as one piece of markup (`html`), parsed by the browser in
//!   one go, with one `input`/`change` listener for the whole block (`Questions`);
//! - a single effect per question applies later changes of its node (relevance, value,
//!   required, read-only, message, path in a repeat) to that markup in place (`update`);
//! - texts are static: pages rebuild on a language switch. Only a question whose texts show
//!   answers (`${name}`) or whose choices are filtered is rebuilt when they change, and file,
//!   location and rank questions are Leptos components (`Question`).

use std::sync::Arc;

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use xonadon_engine::form::Condition;
use xonadon_engine::NodeId;
use xonadon_engine::{Instance, QuestionType};

use crate::session::Session;

use super::form_media;
use super::geopoint::{Geopoint, Geotrace};
use super::markup::{flag, Markup};
use super::photo::{Photo, Upload};
use super::rank::Rank;

mod html;
mod state;
mod update;

use html::{heading, message, widget};
pub use state::Texts;
use state::{Control, Shown};
use update::update;

/// Whether `node` can be built as part of a `Questions` block: a question (or a calculation,
/// which shows nothing) whose texts stay as they are and whose widget is plain markup.
pub fn in_block(inst: &Instance, node: NodeId) -> bool {
    let element = inst.form().element(inst.node(node).elem);
    element
        .question_type()
        .is_some_and(|q| !matches!(Control::of(q, ""), Control::Own))
        && !Texts::dynamic(inst, node)
}

/// Questions in a row on a page, built as one piece of markup with one listener for all.
#[component]
pub fn Questions(nodes: Vec<NodeId>) -> impl IntoView {
    let session = expect_context::<Session>();
    block(
        session,
        nodes
            .into_iter()
            .map(|n| (n, session.peek(|i| Texts::of(i, n)))),
    )
}

/// A question on its own: one whose texts show answers or whose choices are filtered (rebuilt
/// when its texts change), or a photo or geopoint (a component of its own).
#[component]
pub fn Question(node: NodeId) -> impl IntoView {
    let session = expect_context::<Session>();
    let own = session.peek(|i| {
        let element = i.form().element(i.node(node).elem);
        element
            .question_type()
            .is_some_and(|q| matches!(Control::of(q, ""), Control::Own))
    });
    if own {
        return with_component(session, node);
    }
    if session.peek(|i| Texts::dynamic(i, node)) {
        let texts = Memo::new(move |_| session.read(node, |i| Texts::of(i, node)));
        (move || block(session, [(node, texts.get())])).into_any()
    } else {
        block(session, [(node, session.peek(|i| Texts::of(i, node)))])
    }
}

/// Questions with their texts as one `<div class="questions">`. The worker's `input` and
/// `change` events bubble up to it; the question they belong to is found by its element id.
fn block(session: Session, questions: impl IntoIterator<Item = (NodeId, Texts)>) -> AnyView {
    let mut m = Markup::new();
    let mut controls = Vec::new();
    for (node, texts) in questions {
        if let Some(control) = write(session, node, &texts, &mut m) {
            controls.push((node, control));
        }
    }
    let controls = Arc::new(controls);
    // A tap on an unset range records where it landed, even at the browser's midpoint
    // (which fires no change).
    let tapped = {
        let controls = Arc::clone(&controls);
        move |ev: leptos::ev::MouseEvent| {
            let Some(node) = question_of(&ev) else {
                return;
            };
            let is_range = controls
                .iter()
                .any(|(n, c)| *n == node && matches!(c, Control::Range));
            if !is_range || !session.peek(|i| i.node(node).value.is_empty()) {
                return;
            }
            let value = ev
                .target()
                .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
                .map(|input| input.value());
            if let Some(value) = value {
                session.answer(node, &value);
            }
        }
    };
    let handler = move |typed: bool| {
        let controls = Arc::clone(&controls);
        move |ev: leptos::ev::Event| {
            let Some(node) = question_of(&ev) else {
                return;
            };
            let Some(&(_, control)) = controls.iter().find(|(n, _)| *n == node) else {
                return;
            };
            // Text fields answer as the worker types; the other widgets once changed.
            if typed != matches!(control, Control::Field(_)) {
                return;
            }
            let current = || session.peek(|i| i.node(node).value.clone());
            if let Some(value) = control.value_after(&ev, current) {
                session.answer(node, &value);
            }
        }
    };
    let root = NodeRef::<leptos::html::Div>::new();
    Effect::new(move |_| {
        if let Some(root) = root.get() {
            form_media::resolve(&root);
        }
    });
    view! {
        <div class="questions" node_ref=root inner_html=m.finish() on:input=handler(true)
            on:change=handler(false) on:click=tapped></div>
    }
    .into_any()
}

/// The question an event came from: the `node-N` id of the `.question` around its target.
fn question_of(ev: &leptos::ev::Event) -> Option<NodeId> {
    let target = ev.target()?.dyn_into::<web_sys::Element>().ok()?;
    let question = target.closest(".question").ok()??;
    question.id().strip_prefix("node-")?.parse().ok()
}

/// Writes the question's markup from the engine's current state and starts the effect that
/// keeps it true; `None` for what shows nothing (calculations, hidden values).
fn write(session: Session, node: NodeId, texts: &Texts, m: &mut Markup) -> Option<Control> {
    let form = session.form();
    let reveal = session.reveal_required.get_untracked();
    let (elem, shown) = session.peek(|i| (i.node(node).elem, Shown::of(session, i, node, reveal)));
    let element = form.element(elem);
    let kind = element.question_type()?;
    if matches!(
        kind,
        QuestionType::Calculate | QuestionType::Hidden | QuestionType::Metadata(_)
    ) {
        return None;
    }
    let control = Control::of(kind, element.appearance.as_deref().unwrap_or_default());
    let path = keep_updated(session, node, control, &shown, !element.repeats.is_empty());
    let id = format!("node-{node}");
    let tag = if matches!(control, Control::Choices { .. }) {
        "fieldset"
    } else {
        "div"
    };
    let class = shown.class();
    m.open(
        tag,
        &[
            ("class", Some(class)),
            ("id", Some(&id)),
            ("data-path", Some(&path)),
            // Hidden rather than removed while not relevant: the widget keeps its state and
            // focus, and `hidden` takes it out of the accessibility tree as well.
            ("hidden", flag(!shown.relevant)),
        ],
    );
    let may_be_required = !matches!(element.required, Condition::Always(false));
    heading(m, node, control, texts, &shown, may_be_required);
    widget(
        m,
        node,
        kind,
        control,
        element.parameters.as_deref(),
        &shown,
        &texts.choices,
    );
    message(m, node, &shown);
    m.close(tag);
    Some(control)
}

/// Starts the effect that applies every later change of `node` to its markup (built from
/// `shown`), and returns the question's engine path (`/members[2]/age`), which names it for
/// tests and support and, in a repeat, follows the instance's position.
fn keep_updated(
    session: Session,
    node: NodeId,
    control: Control,
    shown: &Shown,
    in_repeat: bool,
) -> String {
    let path = session.peek(|i| i.path(node));
    let mut first = Some(Shown {
        path: in_repeat.then(|| path.clone()),
        ..shown.clone()
    });
    Effect::new(move |old: Option<Shown>| {
        let reveal = session.reveal_required.get();
        let mut new = session.read(node, |i| Shown::of(session, i, node, reveal));
        if in_repeat {
            new.path = Some(session.read_structure(|i| i.path(node)));
        }
        if let Some(old) = old.or_else(|| first.take()) {
            if old != new {
                update(node, control, &old, &new);
            }
        }
        new
    });
    path
}

/// A photo or geopoint question: the static heading, then the widget's own component.
fn with_component(session: Session, node: NodeId) -> AnyView {
    let form = session.form();
    let reveal = session.reveal_required.get_untracked();
    let (elem, shown, texts) = session.peek(|i| {
        let elem = i.node(node).elem;
        (
            elem,
            Shown::of(session, i, node, reveal),
            Texts::of(i, node),
        )
    });
    let element = form.element(elem);
    let path = keep_updated(
        session,
        node,
        Control::Own,
        &shown,
        !element.repeats.is_empty(),
    );
    let mut m = Markup::new();
    let may_be_required = !matches!(element.required, Condition::Always(false));
    heading(&mut m, node, Control::Own, &texts, &shown, may_be_required);
    message(&mut m, node, &shown);
    let set = move |v: String| session.answer(node, &v);
    let value = Memo::new(move |_| session.read(node, |i| i.node(node).value.clone()));
    let id = format!("q{node}");
    let widget = match element.question_type() {
        Some(q @ QuestionType::Rank(_)) if q.list().is_some() => {
            let choices = texts
                .choices
                .iter()
                .map(|c| (c.name.clone(), c.label.clone()))
                .collect();
            view! { <Rank id=id choices=choices value=value set=set /> }.into_any()
        }
        Some(q @ (QuestionType::Geotrace | QuestionType::Geoshape)) => {
            let closed = *q == QuestionType::Geoshape;
            view! { <Geotrace id=id closed=closed value=value set=set /> }.into_any()
        }
        Some(q) => match Upload::of(q) {
            Some(kind) => view! { <Photo id=id kind=kind value=value set=set /> }.into_any(),
            None => {
                let threshold = super::geopoint::capture_accuracy(element.parameters.as_deref());
                view! { <Geopoint id=id value=value set=set threshold=threshold /> }.into_any()
            }
        },
        None => ().into_any(),
    };
    let class = shown.class();
    let heading_root = NodeRef::<leptos::html::Div>::new();
    Effect::new(move |_| {
        if let Some(root) = heading_root.get() {
            form_media::resolve(&root);
        }
    });
    view! {
        <div class=class id=format!("node-{node}") data-path=path hidden=!shown.relevant>
            <div node_ref=heading_root inner_html=m.finish()></div>
            {widget}
        </div>
    }
    .into_any()
}
