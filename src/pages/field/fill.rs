//! The filling screen: one page at a time, next / previous, a section list, a progress bar,
//! and the finalize step that lists what is left and jumps to it.

use leptos::prelude::*;
use xonadon_engine::navigation::{self, Page, PageKind};
use xonadon_engine::NodeId;

use crate::components::item::{items, Item};
use crate::components::roster::{Navigate, RosterList};
use crate::i18n::{t, T};
use crate::session::Session;
use crate::settings::{ui_language, LanguagePicker, Settings};

/// The key of the finalize step, after the last page.
pub const FINALIZE: &str = "#finalize";

/// The page showing `node`: the deepest page whose node is `node` or one of its ancestors.
fn page_of(pages: &[Page], session: Session, node: NodeId) -> Option<String> {
    session.peek(|i| {
        let mut n = Some(node);
        while let Some(id) = n {
            if let Some(p) = pages
                .iter()
                .rev()
                .find(|p| p.node == id || (p.kind == PageKind::Questions && p.items.contains(&id)))
            {
                return Some(p.key.clone());
            }
            n = i.node(id).parent;
        }
        None
    })
}

fn focus(node: NodeId) {
    // After the page has rendered: scroll the question into view and focus its input.
    request_animation_frame(move || {
        if let Some(el) = document().get_element_by_id(&format!("node-{node}")) {
            el.scroll_into_view();
            if let Ok(Some(input)) = el.query_selector("input, select, textarea, button") {
                if let Some(h) = wasm_bindgen::JsCast::dyn_ref::<web_sys::HtmlElement>(&input) {
                    let _ = h.focus();
                }
            }
        }
    });
}

#[component]
pub fn FillScreen(
    session: Session,
    /// The page to open (a page key, or [`FINALIZE`]).
    page: RwSignal<String>,
    #[prop(into)] on_home: Callback<()>,
    #[prop(into)] on_finalize: Callback<()>,
) -> impl IntoView {
    provide_context(session);
    provide_context(Navigate(Callback::new(move |key: String| page.set(key))));
    let settings = expect_context::<Settings>();
    // The designer's preview has none: it then goes on without asking.
    let confirm = use_context::<crate::components::confirm::Confirm>();
    let pages = Memo::new(move |_| {
        let layout = if settings.one_question.get() {
            navigation::Layout::OneQuestion
        } else {
            navigation::Layout::Sections
        };
        session.read_structure(|i| navigation::pages_with(i, layout))
    });
    let index = Memo::new(move |_| {
        let key = page.get();
        pages.with(|ps| ps.iter().position(|p| p.key == key))
    });
    // A page that vanished (its section became irrelevant, its entry was removed): go to
    // the nearest one before it rather than to a blank screen.
    Effect::new(move |previous: Option<usize>| {
        let key = page.get();
        match index.get() {
            Some(i) => i,
            None if key == FINALIZE => previous.unwrap_or(0),
            None => {
                let fallback = previous
                    .unwrap_or(0)
                    .min(pages.with(Vec::len).saturating_sub(1));
                if let Some(p) = pages.with(|ps| ps.get(fallback).map(|p| p.key.clone())) {
                    page.set(p);
                }
                fallback
            }
        }
    });
    let languages = session.peek(|i| i.form().languages.clone());
    // The form follows the app's language where the form has it.
    let langs = languages.clone();
    Effect::new(move |_| {
        let lang = settings.language.get();
        if langs.contains(&lang) && session.peek(|i| i.language() != Some(lang.as_str())) {
            let _ = session.set_language(&lang);
        }
    });
    let progress = Memo::new(move |_| {
        session.edits.track();
        session.peek(navigation::progress)
    });
    let go = move |delta: isize| {
        let n = pages.with(Vec::len);
        let next = match index.get_untracked() {
            Some(i) => i as isize + delta,
            None => n as isize - 1,
        };
        if next >= n as isize {
            page.set(FINALIZE.into());
        } else if next >= 0 {
            if let Some(p) = pages.with_untracked(|ps| ps.get(next as usize).map(|p| p.key.clone()))
            {
                page.set(p);
            }
        }
        window().scroll_to_with_x_and_y(0.0, 0.0);
    };
    let title = move || {
        session.read_structure(|i| {
            let form = i.form();
            form.settings
                .title
                .as_ref()
                .map(|tt| tt.get(i.language(), form.default_language()).to_string())
                .unwrap_or_else(|| form.settings.form_id.clone())
        })
    };
    let sections_open = RwSignal::new(false);
    // Autosave's last success, so the worker sees the answers are kept (none in the
    // designer's preview, which saves nothing).
    let store = use_context::<crate::store::Store>();
    if let Some(store) = store {
        store.saved_at.set(None);
    }
    let saved = move || {
        let at = store?.saved_at.get()?;
        Some(format!(
            "{} {}",
            t(&ui_language(), T::SavedAt),
            crate::local_time::local_clock(at)
        ))
    };
    let current = Memo::new(move |_| {
        let i = index.get();
        i.and_then(|i| pages.with(|ps| ps.get(i).cloned()))
    });
    // "Next" as Collect has it: refused while the page has a broken constraint (or, if the
    // form or the device asks, an unanswered required question); the worker is taken to it.
    let next = move || {
        if let Some(p) = current.get_untracked() {
            let required = settings.required_before_next.get_untracked();
            if let Some(v) = session.peek(|i| navigation::blocking(i, &p, required)) {
                if v.kind == xonadon_engine::ViolationKind::Required {
                    session.reveal_required.set(true);
                }
                focus(v.node);
                return;
            }
        }
        // After the last member of a roster filled by hand: another one, or on?
        let ends = index.get_untracked().and_then(|i| {
            pages.with_untracked(|ps| session.peek(|inst| navigation::ends_roster(inst, ps, i)))
        });
        if let (Some(repeat), Some(confirm)) = (ends, confirm) {
            let label = session.peek(|i| i.label(repeat)).unwrap_or_default();
            let lang = ui_language();
            let question = format!("{label}: {}", t(&lang, T::AddAnother));
            confirm.choose(
                &question,
                (T::NoMoreMembers, T::AddMember),
                move || go(1),
                move || {
                    let mut key = None;
                    let _ = session.change(|i| {
                        let member = i.add_repeat(repeat, None)?;
                        key = Some(i.path(member));
                        Ok(())
                    });
                    if let Some(key) = key {
                        page.set(key);
                        window().scroll_to_with_x_and_y(0.0, 0.0);
                    }
                },
            );
            return;
        }
        go(1);
    };
    let page_title = move |p: &Page| -> String {
        session.peek(|i| match p.kind {
            PageKind::Member => {
                let text = crate::components::roster::summary(i, p.node);
                let pos = i.position(p.node);
                if text.is_empty() {
                    format!("{} {pos}", t(&ui_language(), T::Member))
                } else {
                    format!("{pos}. {text}")
                }
            }
            _ if p.node == xonadon_engine::instance::ROOT => p
                .items
                .first()
                .and_then(|&n| i.label(n))
                .unwrap_or_default(),
            _ => i.label(p.node).unwrap_or_default(),
        })
    };
    view! {
        <div class="fill">
            <header class="bar">
                <button type="button" on:click=move |_| on_home.run(())>{move || t(&ui_language(), T::Home)}</button>
                <h1>{title}</h1>
                <LanguagePicker />
            </header>
            <div class="progress" role="progressbar" aria-valuemin="0"
                aria-valuemax=move || progress.get().total
                aria-valuenow=move || progress.get().answered>
                <div class="progress-fill" style:width=move || {
                    let p = progress.get();
                    format!("{}%", (p.answered * 100).checked_div(p.total).unwrap_or(0))
                }></div>
            </div>
            <p class="progress-text">{move || {
                let p = progress.get();
                format!("{} / {} {}", p.answered, p.total, t(&ui_language(), T::Answered))
            }}
                {move || saved().map(|s| view! { " · "<span class="saved">"✓ "{s}</span> })}
            </p>
            <nav class="sections">
                <button type="button" aria-expanded=move || sections_open.get().to_string()
                    on:click=move |_| sections_open.update(|o| *o = !*o)>
                    {move || t(&ui_language(), T::Sections)}
                </button>
                <Show when=move || sections_open.get()>
                    <ol>
                        <For each=move || pages.get() key=|p| p.key.clone() children=move |p| {
                            let key = p.key.clone();
                            let k2 = key.clone();
                            let label = page_title(&p);
                            view! {
                                <li><button type="button" aria-current=move || (page.get() == k2).then_some("page")
                                    on:click=move |_| { page.set(key.clone()); sections_open.set(false); }>{label}</button></li>
                            }
                        } />
                        <li><button type="button" on:click=move |_| { page.set(FINALIZE.into()); sections_open.set(false); }>
                            {move || t(&ui_language(), T::Finalize)}
                        </button></li>
                    </ol>
                </Show>
            </nav>
            <main class="page" data-page=move || page.get()>
                {move || {
                    // Question texts are static: a language switch (the form's or the app's)
                    // rebuilds the page.
                    session.language.track();
                    let _ = ui_language();
                    if page.get() == FINALIZE {
                        return view! { <FinalizeStep pages=pages page=page on_finalize=on_finalize /> }.into_any();
                    }
                    match current.get() {
                        None => ().into_any(),
                        Some(p) => {
                            let heading = page_title(&p);
                            match p.kind {
                                PageKind::Roster => p.items.iter().map(|&n| {
                                    if n == p.node {
                                        view! { <RosterList node=n /> }.into_any()
                                    } else {
                                        view! { <Item node=n /> }.into_any()
                                    }
                                }).collect_view().into_any(),
                                PageKind::Member => {
                                    let list = session.peek(|i| {
                                        i.node(p.node).parent.map(|c| i.path(c)).unwrap_or_default()
                                    });
                                    view! {
                                        <button type="button" class="back-to-roster" on:click=move |_| page.set(list.clone())>
                                            "← "{move || t(&ui_language(), T::Members)}
                                        </button>
                                        <h2>{heading}</h2>
                                        {items(session, &p.items)}
                                    }.into_any()
                                }
                                _ => view! {
                                    <h2>{heading}</h2>
                                    {items(session, &p.items)}
                                }.into_any(),
                            }
                        }
                    }
                }}
            </main>
            <footer class="bar nav">
                <button type="button" on:click=move |_| go(-1)
                    disabled=move || index.get() == Some(0)>{move || t(&ui_language(), T::Previous)}</button>
                <span class="page-count">{move || match index.get() {
                    Some(i) => format!("{} / {}", i + 1, pages.with(Vec::len)),
                    None => String::new(),
                }}</span>
                <Show when=move || page.get() != FINALIZE>
                    <button type="button" class="primary" on:click=move |_| next()>{move || t(&ui_language(), T::Next)}</button>
                </Show>
            </footer>
        </div>
    }
}

/// What is left to fix, each with a button to its question; or the final confirmation.
#[component]
fn FinalizeStep(
    pages: Memo<Vec<Page>>,
    page: RwSignal<String>,
    #[prop(into)] on_finalize: Callback<()>,
) -> impl IntoView {
    let session = expect_context::<Session>();
    session.reveal_required.set(true);
    let violations = Memo::new(move |_| {
        session.edits.track();
        session.peek(|i| {
            i.violations()
                .into_iter()
                .map(|v| (v.node, i.label(v.node).unwrap_or(v.name), v.message))
                .collect::<Vec<_>>()
        })
    });
    view! {
        <section class="finalize">
            <h2>{move || t(&ui_language(), T::FinalizeTitle)}</h2>
            <Show when=move || !violations.with(Vec::is_empty)
                fallback=move || view! {
                    <p>{move || t(&ui_language(), T::ReadyToFinalize)}</p>
                    <button type="button" class="primary" on:click=move |_| on_finalize.run(())>
                        {move || t(&ui_language(), T::Finalize)}
                    </button>
                }>
                <p role="alert">{move || t(&ui_language(), T::FixBeforeFinalize)}</p>
                <ul class="violations">
                    <For each=move || violations.get() key=|v| v.clone() children=move |(node, label, message)| {
                        let jump = move |_| {
                            if let Some(key) = pages.with_untracked(|ps| page_of(ps, session, node)) {
                                page.set(key);
                                focus(node);
                            }
                        };
                        view! {
                            <li>
                                <strong>{label}</strong>": "{message}" "
                                <button type="button" on:click=jump>{move || t(&ui_language(), T::GoToQuestion)}</button>
                            </li>
                        }
                    } />
                </ul>
            </Show>
        </section>
    }
}
