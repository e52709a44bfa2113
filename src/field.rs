//! The field worker's page (`index.html`): the forms on this device, drafts, filling a form,
//! finalizing it. Nothing of the supervisor's export code is linked into its Wasm.

use std::sync::Arc;

use leptos::prelude::*;
use leptos::task::spawn_local;
use xonadon_engine::definition::Text;
use xonadon_engine::navigation;
use xonadon_engine::{load, Form, Host, Instance};
use xonadon_storage::{Draft, Repository, Submission};

use crate::audit;
use crate::components;
use crate::host::{BrowserHost, FieldHost};
use crate::last_saved;
use crate::screens::fill::FillScreen;
use crate::screens::home::Home;
use crate::session::Session;
use crate::settings::Settings;
use crate::store::{self, Notice, Store};
use crate::{default_form, now_ms, open_store, provide_device, PageShell, DEFAULT_FORM};

/// A form new drafts can be started from: the built-in one, or a version the designer
/// published on this device (which replaces the built-in one of the same id).
struct Startable {
    form_id: String,
    title: Title,
    json: Arc<str>,
}

/// A form's title in every language it has, for the list in the worker's language.
struct Title {
    text: Option<Text>,
    default_language: Option<String>,
}

impl Title {
    fn of(settings: &xonadon_engine::definition::Settings) -> Title {
        Title {
            text: settings.title.clone(),
            default_language: settings.default_language.clone(),
        }
    }

    /// Reads only the settings of a form's JSON (the rest is skipped, not built).
    fn of_json(json: &str) -> Title {
        #[derive(serde::Deserialize)]
        struct Head {
            settings: xonadon_engine::definition::Settings,
        }
        match serde_json::from_str::<Head>(json) {
            Ok(head) => Title::of(&head.settings),
            Err(_) => Title {
                text: None,
                default_language: None,
            },
        }
    }

    fn in_language(&self, language: &str, form_id: &str) -> String {
        match &self.text {
            Some(t) => t
                .get(Some(language), self.default_language.as_deref())
                .to_string(),
            None => form_id.to_string(),
        }
    }
}

async fn startable_forms(store: Store, built_in: Option<Startable>) -> Vec<Startable> {
    let mut all: Vec<Startable> = built_in.into_iter().collect();
    let Some(repo) = store.repo() else { return all };
    for (form_id, version) in crate::published::published() {
        let Some(record) = store
            .report(repo.get_form(&form_id, &version).await)
            .flatten()
        else {
            continue;
        };
        let form = Startable {
            form_id: record.form_id,
            title: Title::of_json(&record.json),
            json: Arc::from(record.json),
        };
        match all.iter_mut().find(|s| s.form_id == form.form_id) {
            Some(same) => *same = form,
            None => all.push(form),
        }
    }
    all
}

#[derive(Clone)]
enum Screen {
    Loading,
    Home,
    Fill(Box<Draft>, Arc<Form>),
}

#[component]
pub fn FieldApp() -> impl IntoView {
    let store = provide_device();
    let settings = expect_context::<Settings>();
    let screen = RwSignal::new(Screen::Loading);
    let fatal = RwSignal::new(None::<Notice>);
    let startable = StoredValue::new(Vec::<Startable>::new());
    spawn_local(async move {
        let form = default_form();
        let built_in = form.as_ref().ok().map(|f| Startable {
            form_id: f.settings.form_id.clone(),
            title: Title::of(&f.settings),
            json: Arc::from(DEFAULT_FORM),
        });
        match open_store(store, form).await {
            Ok(()) => {
                // Answers journaled while the last IndexedDB write could not finish.
                store.recover().await;
                startable.set_value(startable_forms(store, built_in).await);
                screen.set(Screen::Home);
            }
            Err(notice) => fatal.set(Some(notice)),
        }
    });

    // In the worker's language: the list follows a switch of the app's language.
    let forms = move || {
        let language = settings.language.get();
        startable.with_value(|all| {
            all.iter()
                .map(|s| {
                    let title = s.title.in_language(&language, &s.form_id);
                    (s.form_id.clone(), title)
                })
                .collect::<Vec<_>>()
        })
    };
    let start = move |form_id: String| {
        let Some(json) = startable.with_value(|all| {
            all.iter()
                .find(|s| s.form_id == form_id)
                .map(|s| Arc::clone(&s.json))
        }) else {
            return;
        };
        let form = match load(&json) {
            Ok(f) => Arc::new(f),
            Err(e) => return store.error.set(Some(Notice::Text(e.to_string()))),
        };
        let inst = Instance::new(Arc::clone(&form), FieldHost::of(&settings, &form));
        let now = now_ms();
        let mut draft = Draft {
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
            audit: Default::default(),
        };
        if audit::is_audited(&form) {
            draft.audit.event("form start", now);
        }
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
        <PageShell fatal=fatal>
        {move || match screen.get() {
            Screen::Loading => view! { <p class="loading">"…"</p> }.into_any(),
            Screen::Home => view! {
                <Home forms=forms() on_new=start on_resume=resume />
            }.into_any(),
            Screen::Fill(draft, form) => view! {
                <Filling draft=*draft form=form on_done=move |_| screen.set(Screen::Home) />
            }.into_any(),
        }}
        </PageShell>
    }
}

/// A draft being filled: restores it, saves it as it changes, finalizes it.
#[component]
fn Filling(draft: Draft, form: Arc<Form>, #[prop(into)] on_done: Callback<()>) -> impl IntoView {
    let store = expect_context::<Store>();
    let settings = expect_context::<Settings>();
    let instance = match Instance::restore(
        Arc::clone(&form),
        FieldHost::of(&settings, &form),
        &draft.answers,
    ) {
        Ok(i) => i,
        Err(e) => {
            store.error.set(Some(Notice::Text(e.to_string())));
            return view! { <button type="button" on:click=move |_| on_done.run(())>"←"</button> }
                .into_any();
        }
    };
    let session = Session::new(instance);
    provide_context(components::photo::DraftId(draft.id.clone()));
    components::form_media::FormMedia::provide(&draft.form_id, &draft.form_version);
    let page = RwSignal::new(draft.page.clone());
    // Forms with an `audit` question: each page shown, timed, and the start, exits and
    // resumptions (kept with the draft, attached at finalizing).
    let audited = audit::is_audited(&form);
    let keeps_last_saved = form.uses_last_saved();
    let log = StoredValue::new(draft.audit.clone());
    if audited {
        if draft
            .audit
            .events()
            .last()
            .is_some_and(|e| e.event != "form start")
        {
            log.update_value(|l| l.event("form resume", now_ms()));
        }
        Effect::new(move |_| {
            let key = page.get();
            log.update_value(|l| l.page(&key, now_ms()));
        });
    }
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
        d.audit = log.get_value();
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
        if audited {
            log.update_value(|l| l.event("form exit", now_ms()));
        }
        if let Some(d) = make() {
            spawn_local(async move {
                store.save_draft(&d).await;
                on_done.run(());
            });
        }
    };
    let finalize = move |_| {
        let audit_file = audited.then(|| {
            log.update_value(|l| l.event("form finalize", now_ms()));
            audit::file_name(&base.with_value(|d| d.id.clone()))
        });
        let Some(d) = make() else { return };
        finalizing.set_value(true);
        let _ = session.change(|i| {
            i.stamp_end();
            if let Some(name) = &audit_file {
                i.set_audit_file(name);
            }
            Ok(())
        });
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
            let attached = match &audit_file {
                Some(name) => audit::attach(store, &d.id, name, &d.audit).await,
                None => true,
            };
            if attached && store.finalize(&d.id, &submission).await {
                if keeps_last_saved {
                    last_saved::put(&submission.form_id, &submission.data);
                }
                on_done.run(());
            } else {
                // Not finalized (storage said why on screen): the draft is still the draft.
                finalizing.set_value(false);
            }
        });
    };
    view! { <FillScreen session=session page=page on_home=home on_finalize=finalize /> }.into_any()
}
