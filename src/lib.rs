//! Xonadon's web app (Leptos, client-side rendered). Presentation only: the form logic is in
//! `xonadon-engine`, the records in `xonadon-storage`; this crate shows them and talks to the
//! browser.

mod components;
mod download;
mod host;
mod i18n;
mod screens;
mod session;
mod settings;
mod store;

use std::sync::Arc;

use leptos::prelude::*;
use leptos::task::spawn_local;
use xonadon_engine::navigation;
use xonadon_engine::{load, Form, Host, Instance};
use xonadon_storage::{Draft, FormRecord, Repository, Submission};

use components::confirm::ConfirmDialog;
use host::BrowserHost;
use screens::fill::FillScreen;
use screens::home::Home;
use session::Session;
use settings::{ui_language, Settings};
use store::{Notice, Store};

/// The household needs-assessment form, embedded so the app works offline from first start.
pub const DEFAULT_FORM: &str = include_str!("../forms/household.json");

/// Loads the embedded default form (checked by `xonadon check` in the test command).
pub fn default_form() -> Result<Arc<Form>, String> {
    load(DEFAULT_FORM).map(Arc::new).map_err(|e| e.to_string())
}

fn now_ms() -> f64 {
    js_sys::Date::now()
}

#[derive(Clone)]
enum Screen {
    Loading,
    Home,
    Fill(Box<Draft>, Arc<Form>),
    Supervisor,
    /// Nothing can work (storage refused to open, the built-in form is broken).
    Fatal(Notice),
}

#[component]
pub fn App() -> impl IntoView {
    let settings = Settings::load(|| BrowserHost.uuid());
    provide_context(settings);
    let store = Store::new();
    provide_context(store);
    let screen = RwSignal::new(Screen::Loading);
    let form = default_form();

    // Open the database and make sure the built-in form is in it.
    {
        let form = form.clone();
        spawn_local(async move {
            let form = match form {
                Ok(f) => f,
                Err(e) => return screen.set(Screen::Fatal(Notice::Text(e))),
            };
            if let Err(e) = store.open().await {
                return screen.set(Screen::Fatal(Notice::Storage(e)));
            }
            if let Some(repo) = store.repo() {
                let s = &form.settings;
                let record = FormRecord {
                    form_id: s.form_id.clone(),
                    version: s.version.clone(),
                    title: title_of(&form),
                    json: DEFAULT_FORM.to_string(),
                    added_at_ms: now_ms(),
                };
                store.report(repo.put_form(&record).await);
            }
            store.recover().await;
            screen.set(Screen::Home);
        });
    }

    let forms: Vec<(String, String)> = form
        .as_ref()
        .map(|f| vec![(f.settings.form_id.clone(), title_of(f))])
        .unwrap_or_default();
    let start = move |_form_id: String| {
        let Ok(form) = default_form() else { return };
        let inst = Instance::new(Arc::clone(&form), Arc::new(BrowserHost));
        let now = now_ms();
        let draft = Draft {
            id: BrowserHost.uuid(),
            form_id: form.settings.form_id.clone(),
            form_version: form.settings.version.clone(),
            answers: inst.snapshot(),
            page: navigation::pages(&inst)
                .first()
                .map(|p| p.key.clone())
                .unwrap_or_default(),
            language: None,
            started_at_ms: now,
            updated_at_ms: now,
            answered: 0,
            total: navigation::progress(&inst).total,
            title: None,
        };
        spawn_local(async move {
            if store.save_draft(&draft).await {
                screen.set(Screen::Fill(Box::new(draft), form));
            }
        });
    };
    let resume = move |draft: Draft| {
        spawn_local(async move {
            let Some(repo) = store.repo() else { return };
            let record = store.report(repo.get_form(&draft.form_id, &draft.form_version).await);
            let json = match record.flatten() {
                Some(r) => r.json,
                None => {
                    store.error.set(Some(Notice::Text(format!(
                        "The form {} version {} is not on this device; the draft cannot be opened.",
                        draft.form_id, draft.form_version
                    ))));
                    return;
                }
            };
            match load(&json) {
                Ok(f) => screen.set(Screen::Fill(Box::new(draft), Arc::new(f))),
                Err(e) => store.error.set(Some(Notice::Text(e.to_string()))),
            }
        });
    };

    view! {
        <ConfirmDialog>
        {move || store.error.get().map(|e| view! {
            <div class="storage-error" role="alert">{e.text(&ui_language())}</div>
        })}
        {move || match screen.get() {
            Screen::Loading => view! { <p class="loading">"…"</p> }.into_any(),
            Screen::Fatal(notice) => view! {
                <main class="error"><h1>"Xonadon"</h1><p role="alert">{notice.text(&ui_language())}</p></main>
            }.into_any(),
            Screen::Home => view! {
                <Home forms=forms.clone() on_new=start on_resume=resume
                    on_supervisor=move |_| screen.set(Screen::Supervisor) />
            }.into_any(),
            Screen::Supervisor => view! {
                <screens::supervisor::Supervisor on_home=move |_| screen.set(Screen::Home) />
            }.into_any(),
            Screen::Fill(draft, form) => view! {
                <Filling draft=*draft form=form on_done=move |_| screen.set(Screen::Home) />
            }.into_any(),
        }}
        </ConfirmDialog>
    }
}

/// The whole form on one page, without storage or navigation: for embedding the form view
/// elsewhere (the peer benchmark's page, `bench/page`).
pub mod embed {
    use leptos::prelude::*;

    pub use crate::host::BrowserHost;
    pub use crate::session::Session;

    /// Every element of the form, in order, on one page (rebuilt on a language switch).
    #[component]
    pub fn WholeForm(session: Session) -> impl IntoView {
        provide_context(session);
        let items = session.peek(|i| i.node(xonadon_engine::instance::ROOT).children.clone());
        view! {
            <main class="page whole-form">
                {move || {
                    session.language.track();
                    crate::components::item::items(session, &items)
                }}
            </main>
        }
    }
}

fn title_of(form: &Form) -> String {
    form.settings
        .title
        .as_ref()
        .map(|t| t.get(form.default_language(), None).to_string())
        .unwrap_or_else(|| form.settings.form_id.clone())
}

/// A draft being filled: restores it, saves it as it changes, finalizes it.
#[component]
fn Filling(draft: Draft, form: Arc<Form>, #[prop(into)] on_done: Callback<()>) -> impl IntoView {
    let store = expect_context::<Store>();
    let settings = expect_context::<Settings>();
    let instance = match Instance::restore(Arc::clone(&form), Arc::new(BrowserHost), &draft.answers)
    {
        Ok(i) => i,
        Err(e) => {
            store.error.set(Some(Notice::Text(e.to_string())));
            return view! { <button type="button" on:click=move |_| on_done.run(())>"←"</button> }
                .into_any();
        }
    };
    let session = Session::new(instance);
    provide_context(components::photo::DraftId(draft.id.clone()));
    let page = RwSignal::new(draft.page.clone());
    let base = StoredValue::new(draft);
    // Once finalizing starts, no autosave may write the draft back (it would reappear).
    let finalizing = StoredValue::new(false);
    let make = move || -> Option<Draft> {
        if finalizing.get_value() {
            return None;
        }
        let mut d = base.get_value();
        session.peek(|i| {
            let p = navigation::progress(i);
            d.answers = i.snapshot();
            d.answered = p.answered;
            d.total = p.total;
            // `concat(${head}, ' — ', ...)` before anything is answered is only punctuation.
            d.title = i
                .instance_name()
                .filter(|t| t.chars().any(char::is_alphanumeric));
            d.language = i.language().map(str::to_string);
        });
        d.page = page.get_untracked();
        d.updated_at_ms = now_ms();
        Some(d)
    };
    store::autosave(
        store,
        move || {
            session.edits.track();
            page.track();
        },
        make,
    );
    let home = move |_| {
        if let Some(d) = make() {
            spawn_local(async move {
                store.save_draft(&d).await;
                on_done.run(());
            });
        }
    };
    let finalize = move |_| {
        let Some(d) = make() else { return };
        finalizing.set_value(true);
        let submission = session.peek(|i| Submission {
            instance_id: i
                .find("/meta/instanceID")
                .map(|n| i.node(n).value.clone())
                .unwrap_or_else(|_| format!("uuid:{}", d.id)),
            form_id: d.form_id.clone(),
            form_version: d.form_version.clone(),
            data: i.submission(),
            started_at_ms: d.started_at_ms,
            finalized_at_ms: now_ms(),
            enumerator: settings.enumerator.get_untracked(),
            device_id: settings.device_id.get_untracked(),
            title: i.instance_name(),
            review: Default::default(),
            exports: Vec::new(),
        });
        spawn_local(async move {
            if store.finalize(&d.id, &submission).await {
                on_done.run(());
            } else {
                // Not finalized (storage said why on screen): the draft is still the draft.
                finalizing.set_value(false);
            }
        });
    };
    view! { <FillScreen session=session page=page on_home=home on_finalize=finalize /> }.into_any()
}
