//! The field worker's page (`index.html`): the forms on this device, drafts, filling a form,
//! finalizing it, sending the finalized forms and receiving forms and reviews. Of the export
//! code only the bundle (`crate::send`) is linked into its Wasm: no CSV, ZIP or XLSX.

mod corrections;
pub mod fill;
mod home;
mod lists;
mod receive;
mod route;
mod send;
mod view;
mod words;

use std::cell::RefCell;
use std::rc::Rc;
use std::sync::{Arc, OnceLock};

use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::JsCast;
use xonadon_engine::definition::Settings as EngineSettings;
use xonadon_engine::navigation;
use xonadon_engine::{load, Form, Host, Instance};
use xonadon_storage::{Draft, Submission};

use crate::audit;
use crate::components;
use crate::host::{BrowserHost, FieldHost};
use crate::last_saved;
use crate::session::Session;
use crate::settings::Settings;
use crate::store::{self, Notice, Store};
use crate::{default_form, now_ms, DEFAULT_FORM};
use fill::FillScreen;
use home::Home;
use route::Route;
use view::SubmissionView;

/// A form new drafts can be started from: the built-in one, or a version the designer
/// published on this device (which replaces the built-in one of the same id).
struct Startable {
    /// Only the form's settings (its id, version and title in every language), for the list.
    settings: EngineSettings,
    json: Arc<str>,
    /// The form as loaded: the built-in one is loaded once at start-up; a published one when
    /// the worker first starts it.
    loaded: OnceLock<Arc<Form>>,
}

impl Startable {
    /// Reads only the settings of a form's JSON (the rest is skipped, not built).
    fn settings_of(json: &str) -> Option<EngineSettings> {
        #[derive(serde::Deserialize)]
        struct Head {
            settings: EngineSettings,
        }
        serde_json::from_str::<Head>(json).ok().map(|h| h.settings)
    }

    fn form(&self) -> Result<Arc<Form>, Notice> {
        if let Some(form) = self.loaded.get() {
            return Ok(Arc::clone(form));
        }
        let form = load(&self.json)
            .map(Arc::new)
            .map_err(|e| Notice::FormDoesNotLoad {
                form_id: self.settings.form_id.clone(),
                version: self.settings.version.clone(),
                detail: e.to_string(),
            })?;
        Ok(Arc::clone(self.loaded.get_or_init(|| form)))
    }
}

async fn startable_forms(store: Store, built_in: Option<Startable>) -> Vec<Startable> {
    let mut all: Vec<Startable> = built_in.into_iter().collect();
    for (form_id, version) in crate::published::published() {
        let Ok(Some(record)) = store.form(&form_id, &version).await else {
            continue;
        };
        let Some(settings) = Startable::settings_of(&record.json) else {
            continue;
        };
        let form = Startable {
            settings,
            json: Arc::from(record.json),
            loaded: OnceLock::new(),
        };
        match all
            .iter_mut()
            .find(|s| s.settings.form_id == form.settings.form_id)
        {
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
    Fill(Rc<Opened>),
    /// A finalized form read.
    View(Rc<Viewed>),
}

/// A finalized form read, with its form version if the device has it.
struct Viewed {
    submission: Submission,
    form: Option<Arc<Form>>,
    /// A correction of it is on the device (`corrections::replaced`).
    replaced: bool,
}

/// A draft opened for filling. A draft just started comes with the instance it was made
/// from, so the form is built once, not again from the draft's own snapshot.
struct Opened {
    draft: Draft,
    form: Arc<Form>,
    started: RefCell<Option<Instance>>,
    /// The page shown (a page key or `fill::FINALIZE`): what the Back button moves.
    page: RwSignal<String>,
}

impl Opened {
    /// `page`: where to open it (from the URL), else where the worker left it.
    fn new(
        draft: Draft,
        form: Arc<Form>,
        started: Option<Instance>,
        page: Option<String>,
    ) -> Rc<Opened> {
        let page = RwSignal::new(page.unwrap_or_else(|| draft.page.clone()));
        Rc::new(Opened {
            draft,
            form,
            started: RefCell::new(started),
            page,
        })
    }
}

/// The fragment of the screen shown now (`None` while loading).
fn route_of(screen: &Screen) -> Option<Route> {
    match screen {
        Screen::Loading => None,
        Screen::Home => Some(Route::Home),
        Screen::Fill(opened) => Some(Route::Form {
            draft: opened.draft.id.clone(),
            page: Some(opened.page.get()),
        }),
        Screen::View(viewed) => Some(Route::Submission {
            id: viewed.submission.instance_id.clone(),
        }),
    }
}

/// The route in the address bar.
fn current_route() -> Route {
    route::parse(&window().location().hash().unwrap_or_default())
}

/// Puts `route` in the address bar: a new history entry (what Back returns from), or in
/// place of the current one (`replace`: after finalizing, Back must not reopen the form).
fn show_route(route: &Route, replace: bool) {
    let Ok(history) = window().history() else {
        return;
    };
    let url = route::fragment(route);
    let _ = if replace {
        history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url))
    } else {
        history.push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url))
    };
}

/// The field worker's page, behind the storage and the lock (`StoragePage`).
#[component]
pub fn FieldApp() -> impl IntoView {
    view! { <crate::StoragePage><Field /></crate::StoragePage> }
}

/// The page once storage is open and the lock opened: built again after every unlock, so it
/// replays the journal (answers typed before the lock, or before a crash) each time.
#[component]
fn Field() -> impl IntoView {
    let store = expect_context::<Store>();
    let settings = expect_context::<Settings>();
    let screen = RwSignal::new_local(Screen::Loading);
    crate::update::take_new_version_at_start(move || match screen.get() {
        Screen::Loading => crate::update::Shown::Starting,
        Screen::Home | Screen::View(_) => crate::update::Shown::Home,
        Screen::Fill(_) => crate::update::Shown::Form,
    });
    let startable = StoredValue::new(Vec::<Startable>::new());
    // A draft named by the address bar (a reload, Back or Forward): opened if it is still a
    // draft, else the home screen in place of the link.
    let open_by_id = move |id: String, page: Option<String>| {
        spawn_local(async move {
            let opened = match store.draft(&id).await {
                Some(draft) => open_draft(store, screen, draft, page).await,
                None => false,
            };
            if !opened {
                show_route(&Route::Home, true);
                screen.set(Screen::Home);
            }
        });
    };
    // A finalized form named by a "View" button or the address bar, read with its form.
    let view_by_id = move |id: String| {
        spawn_local(async move {
            let Some(submission) = store.submission(&id).await else {
                show_route(&Route::Home, true);
                return screen.set(Screen::Home);
            };
            let form = match store
                .form(&submission.form_id, &submission.form_version)
                .await
            {
                Ok(Some(record)) => load(&record.json).ok().map(Arc::new),
                _ => None,
            };
            let (drafts, submissions) = store.drafts_and_submissions().await;
            let replaced =
                corrections::replaced(&submissions, &drafts).contains(&submission.instance_id);
            screen.set(Screen::View(Rc::new(Viewed {
                submission,
                form,
                replaced,
            })));
        });
    };
    // The storage page opened the store with the built-in form: it loads, once.
    let built_in = || {
        default_form().ok().map(|f| Startable {
            settings: f.settings.clone(),
            json: Arc::from(DEFAULT_FORM),
            loaded: OnceLock::from(f),
        })
    };
    spawn_local(async move {
        // Answers journaled while the last IndexedDB write could not finish (a crash, a
        // closed tab, the lock).
        store.recover().await;
        startable.set_value(startable_forms(store, built_in()).await);
        // A reload comes back to the screen in the address bar.
        match current_route() {
            Route::Form { draft, page } => open_by_id(draft, page),
            Route::Submission { id } => view_by_id(id),
            Route::Home => {
                show_route(&Route::Home, true);
                screen.set(Screen::Home);
            }
        }
    });

    // In the worker's language: the list follows a switch of the app's language.
    let forms = move || {
        let language = settings.language.get();
        startable.with_value(|all| {
            all.iter()
                .map(|s| {
                    let title = s.settings.title_in(Some(&language));
                    (s.settings.form_id.clone(), title)
                })
                .collect::<Vec<_>>()
        })
    };
    // Form id → the version new forms start with.
    let current = move || {
        startable.with_value(|all| {
            all.iter()
                .map(|s| (s.settings.form_id.clone(), s.settings.version.clone()))
                .collect::<std::collections::BTreeMap<_, _>>()
        })
    };
    // A form file or bundle received: the forms are read again and the list shown anew.
    let receive_report = RwSignal::new(Vec::<String>::new());
    let received = move || {
        spawn_local(async move {
            startable.set_value(startable_forms(store, built_in()).await);
            if matches!(screen.get_untracked(), Screen::Home) {
                screen.set(Screen::Home);
            }
        });
    };
    let start = move |form_id: String| {
        let Some(loaded) = startable.with_value(|all| {
            all.iter()
                .find(|s| s.settings.form_id == form_id)
                .map(Startable::form)
        }) else {
            return;
        };
        let form = match loaded {
            Ok(form) => form,
            Err(notice) => return store.show(notice),
        };
        let inst = Instance::new(Arc::clone(&form), FieldHost::of(&settings, &form));
        open_new_draft(store, screen, form, inst);
    };
    // A form the supervisor returned, opened again as a new draft that corrects it.
    let correct = move |viewed: Rc<Viewed>| {
        let Some(form) = viewed.form.clone() else {
            return;
        };
        let host = FieldHost::of(&settings, &form);
        match Instance::correction(Arc::clone(&form), host, &viewed.submission.data) {
            Ok(inst) => open_new_draft(store, screen, form, inst),
            Err(e) => store.show(Notice::DraftUnreadable {
                detail: e.to_string(),
            }),
        }
    };
    let resume = move |draft: Draft| {
        spawn_local(async move {
            open_draft(store, screen, draft, None).await;
        });
    };

    // Back and Forward: the screen follows the address bar.
    let on_history = wasm_bindgen::closure::Closure::<dyn Fn()>::new(move || {
        let wanted = current_route();
        let shown = screen.with_untracked(route_of);
        if shown.as_ref() == Some(&wanted) {
            return;
        }
        match (wanted, screen.get_untracked()) {
            // The draft is saved after every change: leaving it loses nothing.
            (Route::Home, _) => screen.set(Screen::Home),
            (Route::Form { draft, page }, Screen::Fill(opened)) if opened.draft.id == draft => {
                if let Some(page) = page {
                    opened.page.set(page);
                }
            }
            (Route::Form { draft, page }, _) => open_by_id(draft, page),
            (Route::Submission { id }, _) => view_by_id(id),
        }
    });
    let _ =
        window().add_event_listener_with_callback("popstate", on_history.as_ref().unchecked_ref());
    let on_history = send_wrapper::SendWrapper::new(on_history);
    on_cleanup(move || {
        let _ = window()
            .remove_event_listener_with_callback("popstate", on_history.as_ref().unchecked_ref());
    });
    // The address bar follows the screen: a new entry for each screen and page.
    let replace_next = StoredValue::new(false);
    Effect::new(move |_| {
        let Some(shown) = screen.with(route_of) else {
            return;
        };
        if current_route() != shown {
            show_route(&shown, replace_next.get_value());
        }
        replace_next.set_value(false);
    });

    view! {
        {move || match screen.get() {
            Screen::Loading => view! { <p class="loading">"…"</p> }.into_any(),
            Screen::Home => view! {
                <Home forms=forms() on_new=start on_resume=resume on_view=view_by_id
                    current=current() received=receive_report on_received=move |_| received() />
            }.into_any(),
            Screen::View(viewed) => view! {
                <SubmissionView submission=viewed.submission.clone() form=viewed.form.clone()
                    replaced=viewed.replaced
                    on_correct=move |_| {
                        if let Screen::View(shown) = screen.get_untracked() {
                            correct(shown);
                        }
                    }
                    on_home=move |_| screen.set(Screen::Home) />
            }.into_any(),
            Screen::Fill(opened) => {
                let started = opened.started.borrow_mut().take();
                view! {
                    <Filling draft=opened.draft.clone() form=Arc::clone(&opened.form)
                        started=started page=opened.page
                        on_done=move |done: Done| {
                            // Back from the home screen must not reopen a finalized form.
                            replace_next.set_value(done == Done::Finalized);
                            screen.set(Screen::Home);
                        } />
                }.into_any()
            }
        }}
    }
}

/// Saves a new draft of `inst` (just started, or a correction) and opens it at its first
/// page.
fn open_new_draft(
    store: Store,
    screen: RwSignal<Screen, LocalStorage>,
    form: Arc<Form>,
    inst: Instance,
) {
    let now = now_ms();
    let progress = navigation::progress(&inst);
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
        answered: progress.answered,
        total: progress.total,
        title: inst.instance_name(),
        audit: Default::default(),
    };
    if audit::is_audited(&form) {
        draft.audit.event("form start", now);
    }
    spawn_local(async move {
        if store.save_draft(&draft).await {
            screen.set(Screen::Fill(Opened::new(draft, form, Some(inst), None)));
        }
    });
}

/// Opens `draft` for filling, at `page` (else where it was left); false (and said on screen)
/// when its form is missing or does not load.
async fn open_draft(
    store: Store,
    screen: RwSignal<Screen, LocalStorage>,
    draft: Draft,
    page: Option<String>,
) -> bool {
    let (form_id, version) = (draft.form_id.clone(), draft.form_version.clone());
    let record = match store.form(&form_id, &version).await {
        Ok(Some(record)) => record,
        Ok(None) => {
            store.show(Notice::FormMissing { form_id, version });
            return false;
        }
        Err(store::Shown) => return false,
    };
    match load(&record.json) {
        Ok(f) => {
            screen.set(Screen::Fill(Opened::new(draft, Arc::new(f), None, page)));
            true
        }
        Err(e) => {
            store.show(Notice::FormDoesNotLoad {
                form_id,
                version,
                detail: e.to_string(),
            });
            false
        }
    }
}

/// How the filling screen was left.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Done {
    Home,
    Finalized,
}

/// A draft being filled: restores it (unless it was `started` just now), saves it as it
/// changes, finalizes it.
#[component]
fn Filling(
    draft: Draft,
    form: Arc<Form>,
    started: Option<Instance>,
    /// The page shown (the address bar's too).
    page: RwSignal<String>,
    #[prop(into)] on_done: Callback<Done>,
) -> impl IntoView {
    let store = expect_context::<Store>();
    let settings = expect_context::<Settings>();
    let restored = match started {
        Some(instance) => Ok(instance),
        None => Instance::restore(
            Arc::clone(&form),
            FieldHost::of(&settings, &form),
            &draft.answers,
        ),
    };
    let instance = match restored {
        Ok(i) => i,
        Err(e) => {
            store.show(Notice::DraftUnreadable {
                detail: e.to_string(),
            });
            return view! { <button type="button" on:click=move |_| on_done.run(Done::Home)>"←"</button> }
                .into_any();
        }
    };
    let session = Session::new(instance);
    provide_context(components::photo::DraftId(draft.id.clone()));
    components::form_media::FormMedia::provide(&draft.form_id, &draft.form_version);
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
                on_done.run(Done::Home);
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
                    last_saved::put(&store.at_rest(), &submission.form_id, &submission.data);
                }
                on_done.run(Done::Finalized);
            } else {
                // Not finalized (storage said why on screen): the draft is still the draft.
                finalizing.set_value(false);
            }
        });
    };
    view! { <FillScreen session=session page=page on_home=home on_finalize=finalize /> }.into_any()
}
