//! Anything on a page: a question, a group (its children under a heading), a repeat shown
//! inline (its instances and the add button), or a repeat instance.

use leptos::prelude::*;
use xonadon_engine::Kind;
use xonadon_engine::NodeId;

use super::question::{in_block, Question, Questions};
use super::roster::InlineRepeat;
use crate::session::Session;

/// Elements in a row on a page. Plain questions next to each other become one `Questions`
/// block (one piece of markup), everything else an `Item`.
pub fn items(session: Session, nodes: &[NodeId]) -> AnyView {
    let mut views = Vec::new();
    let mut run = Vec::new();
    for &node in nodes {
        if session.peek(|i| in_block(i, node)) {
            run.push(node);
            continue;
        }
        if !run.is_empty() {
            let nodes = std::mem::take(&mut run);
            views.push(view! { <Questions nodes=nodes /> }.into_any());
        }
        views.push(view! { <Item node=node /> }.into_any());
    }
    if !run.is_empty() {
        views.push(view! { <Questions nodes=run /> }.into_any());
    }
    views.into_any()
}

#[component]
pub fn Item(node: NodeId) -> impl IntoView {
    let session = expect_context::<Session>();
    let (kind, is_instance) = session.peek(|i| {
        let n = i.node(node);
        (i.form().element(n.elem).kind.clone(), n.is_instance)
    });
    match kind {
        Kind::Question(_) => view! { <Question node=node /> }.into_any(),
        Kind::Repeat if !is_instance => view! { <InlineRepeat node=node /> }.into_any(),
        Kind::Group | Kind::Repeat | Kind::Root => view! { <Group node=node /> }.into_any(),
    }
}

/// A group's (or instance's) children under its label; hidden while not relevant. Its
/// children are fixed (a repeat's instances come and go inside `InlineRepeat`).
#[component]
pub fn Group(node: NodeId) -> impl IntoView {
    let session = expect_context::<Session>();
    let relevant = Memo::new(move |_| session.read(node, |i| i.node(node).relevant));
    let label = Memo::new(move |_| session.read(node, |i| i.label(node)));
    let children = session.peek(|i| i.node(node).children.clone());
    view! {
        <Show when=move || relevant.get()>
            <section class="group" id=format!("node-{node}")>
                {move || label.get().map(|l| view! { <h3>{l}</h3> })}
                {items(session, &children)}
            </section>
        </Show>
    }
}
