//! One question: its label, hint, widget and message. Texts are always text nodes, never
//! HTML. The widget is built once; only what changed in the engine's view of the node updates.

use leptos::prelude::*;
use xonadon_engine::expr::NodeId;
use xonadon_engine::{Instance, QuestionType};

use crate::i18n::{t, T};
use crate::session::Session;
use crate::settings::ui_language;

use super::geopoint::Geopoint;
use super::photo::Photo;

/// A question's texts: recomputed on a language switch, and when its node changes only if
/// they show answers (`${name}`) or its choices are filtered.
#[derive(Debug, Clone, PartialEq)]
pub struct Texts {
    pub label: String,
    pub hint: Option<String>,
    /// (name, label) of the choices the filter admits now.
    pub choices: Vec<(String, String)>,
}

impl Texts {
    pub fn of(inst: &Instance, node: NodeId) -> Texts {
        let n = inst.node(node);
        Texts {
            label: inst
                .label(node)
                .unwrap_or_else(|| inst.form().element(n.elem).name.clone()),
            hint: inst.hint(node).filter(|h| !h.is_empty()),
            choices: inst
                .visible_choices(node)
                .into_iter()
                .map(|c| {
                    let label = c
                        .label
                        .as_ref()
                        .map_or(c.name.clone(), |l| inst.render(node, l));
                    (c.name.clone(), label)
                })
                .collect(),
        }
    }

    /// Whether the texts can change while the language stays the same.
    fn dynamic(inst: &Instance, node: NodeId) -> bool {
        let form = inst.form();
        let e = form.element(inst.node(node).elem);
        let shows_answers = |t: &Option<xonadon_engine::definition::Text>| {
            t.as_ref()
                .is_some_and(|t| t.variants().iter().any(|(_, s)| s.contains("${")))
        };
        let choices_show_answers = e
            .question_type()
            .and_then(|q| q.list())
            .is_some_and(|l| form.choices(l).iter().any(|c| shows_answers(&c.label)));
        e.choice_filter.is_some()
            || shows_answers(&e.label)
            || shows_answers(&e.hint)
            || choices_show_answers
    }
}

/// The state of a question; recomputed when its node changes.
#[derive(Debug, Clone, PartialEq)]
pub struct QuestionView {
    pub relevant: bool,
    pub value: String,
    pub required: bool,
    pub read_only: bool,
    pub message: Option<String>,
    /// The message is about a blank required answer (shown only once the worker has been here).
    pub blank_required: bool,
}

impl QuestionView {
    pub fn of(inst: &Instance, node: NodeId) -> QuestionView {
        let n = inst.node(node);
        QuestionView {
            relevant: n.relevant,
            value: n.value.clone(),
            required: n.required,
            read_only: n.read_only,
            message: inst.violation_message(node),
            blank_required: n.violation == Some(xonadon_engine::ViolationKind::Required),
        }
    }
}

/// Space-separated choice names with `name` added or removed.
fn toggle(value: &str, name: &str, on: bool) -> String {
    let mut names: Vec<&str> = value.split_whitespace().filter(|n| *n != name).collect();
    if on {
        names.push(name);
    }
    names.join(" ")
}

/// The `key=value` pairs of XLSForm `parameters`.
fn parameter(params: Option<&str>, key: &str) -> Option<String> {
    params?
        .split_whitespace()
        .filter_map(|p| p.split_once('='))
        .find(|(k, _)| *k == key)
        .map(|(_, v)| v.to_string())
}

#[component]
pub fn Question(node: NodeId) -> impl IntoView {
    let session = expect_context::<Session>();
    let form = session.form();
    let element = form.element(session.peek(|i| i.node(node).elem)).clone();
    let Some(kind) = element.question_type().cloned() else {
        return ().into_any();
    };
    if matches!(kind, QuestionType::Calculate | QuestionType::Hidden) {
        return ().into_any();
    }
    let touched = RwSignal::new(false);
    let view = Memo::new(move |_| {
        let mut v = session.read(node, |i| QuestionView::of(i, node));
        if v.blank_required && !touched.get() && !session.reveal_required.get() {
            v.message = None;
        }
        v
    });
    let dynamic_texts = session.peek(|i| Texts::dynamic(i, node));
    let texts = Memo::new(move |_| {
        if dynamic_texts {
            session.read(node, |i| Texts::of(i, node))
        } else {
            session.language.track();
            session.peek(|i| Texts::of(i, node))
        }
    });
    let id = format!("q{node}");
    // The engine path (`/roster/members[2]/age`) names the question for tests and support.
    // Outside repeats a path never changes; inside one it follows the instance's position.
    let in_repeat = !element.repeats.is_empty();
    let fixed_path = session.peek(|i| i.path(node));
    let path = move || {
        if in_repeat {
            session.read_structure(|i| i.path(node))
        } else {
            fixed_path.clone()
        }
    };
    let hint_id = format!("q{node}-hint");
    let msg_id = format!("q{node}-msg");
    let set = move |v: String| {
        touched.set(true);
        let _ = session.change(|i| i.set_value(node, &v));
    };
    let appearance = element.appearance.clone().unwrap_or_default();
    let is_note = kind == QuestionType::Note;
    let grouped = matches!(
        kind,
        QuestionType::SelectOne(_) | QuestionType::SelectMultiple(_)
    ) && !appearance.contains("minimal");
    let widget = widget(
        node,
        &kind,
        &appearance,
        element.parameters.as_deref(),
        id.clone(),
        view,
        texts,
        set,
    );
    let label_text = move || texts.with(|t| t.label.clone());
    let required_mark = move || {
        view.with(|v| v.required)
            .then(|| view! { <span class="required" aria-hidden="true">" *"</span> })
    };
    let heading = if grouped {
        view! { <legend class="label">{label_text}{required_mark}</legend> }.into_any()
    } else if is_note {
        view! { <p class="label note-text">{label_text}</p> }.into_any()
    } else {
        view! { <label class="label" for=id.clone()>{label_text}{required_mark}</label> }.into_any()
    };
    let hint_id2 = hint_id.clone();
    let msg_id2 = msg_id.clone();
    let body = view! {
        {heading}
        {move || texts.with(|t| t.hint.clone()).map(|h| view! { <p class="hint" id=hint_id2.clone()>{h}</p> })}
        {widget}
        {move || view.with(|v| v.message.clone()).map(|m| view! {
            <p class="message" role="alert" id=msg_id2.clone()>{m}</p>
        })}
    };
    let class = move || {
        if view.with(|v| v.message.is_some()) {
            "question invalid"
        } else {
            "question"
        }
    };
    // Hidden rather than removed while not relevant: the widget keeps its state and focus,
    // and `hidden` takes it out of the accessibility tree as well.
    let hidden = move || !view.with(|v| v.relevant);
    if grouped {
        view! {
            <fieldset class=class id=format!("node-{node}") data-path=path hidden=hidden>{body}</fieldset>
        }
        .into_any()
    } else {
        view! { <div class=class id=format!("node-{node}") data-path=path hidden=hidden>{body}</div> }
            .into_any()
    }
}

/// Keeps an input showing the engine's value, except while the worker is typing in it.
fn follow_engine(input: NodeRef<leptos::html::Input>, value: Memo<String>) {
    Effect::new(move |_| {
        let v = value.get();
        if let Some(el) = input.get() {
            let focused = document().active_element().is_some_and(|a| {
                let a: &web_sys::Node = a.as_ref();
                let e: &web_sys::Node = el.as_ref();
                a.is_same_node(Some(e))
            });
            if !focused && el.value() != v {
                el.set_value(&v);
            }
        }
    });
}

#[allow(clippy::too_many_arguments)]
fn widget(
    node: NodeId,
    kind: &QuestionType,
    appearance: &str,
    parameters: Option<&str>,
    id: String,
    view: Memo<QuestionView>,
    texts: Memo<Texts>,
    set: impl Fn(String) + Copy + Send + Sync + 'static,
) -> AnyView {
    let value = Memo::new(move |_| view.with(|v| v.value.clone()));
    let disabled = move || view.with(|v| v.read_only);
    let invalid = move || view.with(|v| v.message.is_some()).to_string();
    let described = format!("q{node}-hint q{node}-msg");
    let text_input =
        |input_type: &'static str, inputmode: &'static str, shown: fn(&str) -> String| {
            let input: NodeRef<leptos::html::Input> = NodeRef::new();
            follow_engine(input, Memo::new(move |_| shown(&value.get())));
            let initial = shown(&value.get_untracked());
            view! {
                <input node_ref=input type=input_type inputmode=inputmode id=id.clone()
                    value=initial disabled=disabled aria-invalid=invalid
                    aria-describedby=described.clone()
                    on:input=move |ev| set(event_target_value(&ev)) />
            }
            .into_any()
        };
    match kind {
        QuestionType::Text if appearance.contains("multiline") => {
            let initial = value.get_untracked();
            view! {
                <textarea id=id rows="4" disabled=disabled aria-invalid=invalid
                    aria-describedby=described
                    on:input=move |ev| set(event_target_value(&ev))>{initial}</textarea>
            }
            .into_any()
        }
        QuestionType::Text => text_input("text", "text", str::to_string),
        QuestionType::Image => view! { <Photo id=id value=value set=set /> }.into_any(),
        QuestionType::Integer => text_input("text", "numeric", str::to_string),
        QuestionType::Decimal => text_input("text", "decimal", str::to_string),
        QuestionType::Date => text_input("date", "none", str::to_string),
        QuestionType::Time => text_input("time", "none", |v| v.chars().take(8).collect()),
        QuestionType::DateTime => {
            text_input("datetime-local", "none", |v| v.chars().take(19).collect())
        }
        QuestionType::Note | QuestionType::Calculate | QuestionType::Hidden => ().into_any(),
        QuestionType::Acknowledge => view! {
            <label class="choice">
                <input type="checkbox" id=id disabled=disabled
                    prop:checked=move || value.with(|v| v == "OK")
                    on:change=move |ev| set(if event_target_checked(&ev) { "OK".into() } else { String::new() }) />
                <span>{move || t(&ui_language(), T::Acknowledge)}</span>
            </label>
        }
        .into_any(),
        QuestionType::Range => {
            let min = parameter(parameters, "start").unwrap_or_else(|| "0".into());
            let max = parameter(parameters, "end").unwrap_or_else(|| "10".into());
            let step = parameter(parameters, "step").unwrap_or_else(|| "1".into());
            view! {
                <div class="range">
                    <input type="range" id=id min=min max=max step=step disabled=disabled
                        prop:value=move || value.get()
                        on:change=move |ev| set(event_target_value(&ev)) />
                    <output for=format!("q{node}")>{move || {
                        let v = value.get();
                        if v.is_empty() { "—".to_string() } else { v }
                    }}</output>
                </div>
            }
            .into_any()
        }
        QuestionType::Geopoint => view! { <Geopoint id=id value=value set=set /> }.into_any(),
        QuestionType::SelectOne(_) if appearance.contains("minimal") => view! {
            <select id=id disabled=disabled aria-invalid=invalid
                on:change=move |ev| set(event_target_value(&ev))>
                <option value="" selected=move || value.with(String::is_empty)>
                    {move || t(&ui_language(), T::ChooseOne)}
                </option>
                <For each=move || texts.with(|t| t.choices.clone()) key=|c| c.clone()
                    children=move |(name, label)| {
                        let n2 = name.clone();
                        view! { <option value=name selected=move || value.with(|v| *v == n2)>{label}</option> }
                    } />
            </select>
        }
        .into_any(),
        QuestionType::SelectOne(_) | QuestionType::SelectMultiple(_) => {
            let multiple = matches!(kind, QuestionType::SelectMultiple(_));
            let group = format!("q{node}");
            view! {
                <div class="choices">
                    <For each=move || texts.with(|t| t.choices.clone()) key=|c| c.clone()
                        children=move |(name, label)| {
                            let (n1, n2) = (name.clone(), name.clone());
                            let checked = move || value.with(|v| v.split_whitespace().any(|x| x == n1));
                            let on_change = move |ev: leptos::ev::Event| {
                                let on = event_target_checked(&ev);
                                if multiple {
                                    set(toggle(&value.get_untracked(), &n2, on));
                                } else if on {
                                    set(n2.clone());
                                }
                            };
                            view! {
                                <label class="choice">
                                    <input type=if multiple { "checkbox" } else { "radio" }
                                        name=group.clone() value=name disabled=disabled
                                        prop:checked=checked on:change=on_change />
                                    <span>{label}</span>
                                </label>
                            }
                        } />
                </div>
            }
            .into_any()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[wasm_bindgen_test::wasm_bindgen_test]
    fn toggling_choices() {
        assert_eq!(toggle("a b", "c", true), "a b c");
        assert_eq!(toggle("a b c", "b", false), "a c");
        assert_eq!(toggle("", "a", true), "a");
    }

    #[wasm_bindgen_test::wasm_bindgen_test]
    fn range_parameters() {
        assert_eq!(
            parameter(Some("start=0 end=24 step=1"), "end").as_deref(),
            Some("24")
        );
        assert_eq!(parameter(None, "end"), None);
    }
}
