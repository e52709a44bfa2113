//! Repeats: a top-level roster as a list of entries with their key answers, and a repeat
//! nested in a page shown inline. Removing an entry asks first.

use leptos::prelude::*;
use xonadon_engine::NodeId;
use xonadon_engine::{Instance, QuestionType};

use super::confirm::Confirm;
use super::item::Item;
use crate::i18n::{t, T};
use crate::session::Session;
use crate::settings::ui_language;

/// Opens a page by its key (provided by the filling screen).
#[derive(Clone, Copy)]
pub struct Navigate(pub Callback<String>);

/// The first answers of an instance, for the roster list: "Aziz · 10 · Son".
pub fn summary(inst: &Instance, instance: NodeId) -> String {
    let form = inst.form();
    let mut parts = Vec::new();
    for &c in &inst.node(instance).children {
        let n = inst.node(c);
        let Some(q) = form.element(n.elem).question_type() else {
            continue;
        };
        if !n.relevant || n.value.is_empty() || !q.is_input() {
            continue;
        }
        let shown = match q {
            QuestionType::SelectOne(_) | QuestionType::SelectMultiple(_) => n
                .value
                .split_whitespace()
                .map(|name| {
                    form.choices(q.list().unwrap_or_default())
                        .iter()
                        .find(|ch| ch.name == name)
                        .and_then(|ch| ch.label.as_ref())
                        .map_or(name.to_string(), |l| inst.render(c, l))
                })
                .collect::<Vec<_>>()
                .join(", "),
            _ => n.value.clone(),
        };
        parts.push(shown);
        if parts.len() == 3 {
            break;
        }
    }
    parts.join(" · ")
}

fn remove(session: Session, container: NodeId, instance: NodeId) {
    let confirm = expect_context::<Confirm>();
    confirm.ask(t(&ui_language(), T::ConfirmRemoveMember), move || {
        let _ = session.change(|i| {
            let index = i.position(instance);
            i.remove_repeat(container, index)
        });
    });
}

/// Whether the field worker may add and remove instances (not with `repeat_count`).
fn by_hand(session: Session, container: NodeId) -> bool {
    session.peek(|i| {
        i.form()
            .element(i.node(container).elem)
            .repeat_count
            .is_none()
    })
}

#[component]
pub fn RosterList(node: NodeId) -> impl IntoView {
    let session = expect_context::<Session>();
    let navigate = expect_context::<Navigate>();
    let label = Memo::new(move |_| session.read(node, |i| i.label(node)).unwrap_or_default());
    let entries = Memo::new(move |_| {
        session.read_structure(|i| {
            i.instances(node)
                .iter()
                .map(|&inst| (inst, i.path(inst), summary(i, inst)))
                .collect::<Vec<_>>()
        })
    });
    let manual = by_hand(session, node);
    let add = move |_| {
        let mut key = None;
        let _ = session.change(|i| {
            let inst = i.add_repeat(node, None)?;
            key = Some(i.path(inst));
            Ok(())
        });
        if let Some(k) = key {
            navigate.0.run(k);
        }
    };
    view! {
        <section class="roster" id=format!("node-{node}")>
            <h2>{move || label.get()}</h2>
            <Show when=move || entries.with(Vec::is_empty)>
                <p>{move || t(&ui_language(), T::NoMembers)}</p>
            </Show>
            <ol class="entries">
                <For each=move || entries.get() key=|e| e.clone() children=move |(inst, key, text)| {
                    let position = session.peek(|i| i.position(inst));
                    let title = if text.is_empty() {
                        format!("{} {position}", t(&ui_language(), T::Member))
                    } else {
                        text
                    };
                    view! {
                        <li>
                            <span class="entry-title">{title}</span>
                            <button type="button" on:click=move |_| navigate.0.run(key.clone())>
                                {move || t(&ui_language(), T::Open)}
                            </button>
                            {manual.then(|| view! {
                                <button type="button" class="danger" on:click=move |_| remove(session, node, inst)>
                                    {move || t(&ui_language(), T::RemoveMember)}
                                </button>
                            })}
                        </li>
                    }
                } />
            </ol>
            {manual.then(|| view! {
                <button type="button" class="primary" on:click=add>{move || t(&ui_language(), T::AddMember)}</button>
            })}
        </section>
    }
}

/// A repeat inside a page: every instance's questions inline, with add and remove.
#[component]
pub fn InlineRepeat(node: NodeId) -> impl IntoView {
    let session = expect_context::<Session>();
    let relevant = Memo::new(move |_| session.read(node, |i| i.node(node).relevant));
    let label = Memo::new(move |_| session.read(node, |i| i.label(node)).unwrap_or_default());
    let instances = Memo::new(move |_| session.read_structure(|i| i.instances(node).to_vec()));
    let manual = by_hand(session, node);
    view! {
        <Show when=move || relevant.get()>
            <section class="repeat" id=format!("node-{node}")>
                <h3>{move || label.get()}</h3>
                <For each=move || instances.get() key=|n| *n children=move |inst| {
                    let children = Memo::new(move |_| session.read_structure(|i| i.node(inst).children.clone()));
                    view! {
                        <div class="instance">
                            <For each=move || children.get() key=|c| *c children=move |c| view! { <Item node=c /> } />
                            {manual.then(|| view! {
                                <button type="button" class="danger" on:click=move |_| remove(session, node, inst)>
                                    {move || t(&ui_language(), T::RemoveMember)}
                                </button>
                            })}
                        </div>
                    }
                } />
                {manual.then(|| view! {
                    <button type="button" on:click=move |_| { let _ = session.change(|i| i.add_repeat(node, None).map(|_| ())); }>
                        {move || t(&ui_language(), T::AddMember)}
                    </button>
                })}
            </section>
        </Show>
    }
}
