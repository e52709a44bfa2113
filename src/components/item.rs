//! Anything on a page: a question, a group (its children under a heading), a repeat shown
//! inline (its instances and the add button), or a repeat instance.

use leptos::prelude::*;
use xonadon_engine::expr::NodeId;
use xonadon_engine::Kind;

use super::question::Question;
use super::roster::InlineRepeat;
use crate::session::Session;

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

/// A group's (or instance's) children under its label; hidden while not relevant.
#[component]
pub fn Group(node: NodeId) -> impl IntoView {
    let session = expect_context::<Session>();
    let relevant = Memo::new(move |_| session.read(node, |i| i.node(node).relevant));
    let label = Memo::new(move |_| session.read(node, |i| i.label(node)));
    let children = Memo::new(move |_| session.read_structure(|i| i.node(node).children.clone()));
    view! {
        <Show when=move || relevant.get()>
            <section class="group" id=format!("node-{node}")>
                {move || label.get().map(|l| view! { <h3>{l}</h3> })}
                <For each=move || children.get() key=|c| *c children=move |c| view! { <Item node=c /> } />
            </section>
        </Show>
    }
}
