//! Xonadon's web app (Leptos, client-side rendered). Presentation only: the form logic is in
//! `xonadon-engine`, the records in `xonadon-storage`; this crate shows them and talks to the
//! browser.
//!
//! Three pages, three Wasm modules (`src/main.rs`, `src/bin/supervisor.rs`,
//! `src/bin/designer.rs`), so the field worker's start-up never pays for code only the
//! supervisor (export: XLSX, ZIP) or the designer (XLSForm import) uses: [`FieldApp`]
//! (`index.html`: the forms, drafts, filling), [`SupervisorApp`] (`supervisor.html`: import,
//! review, export) and [`DesignerApp`] (`designer.html`: edit, preview, import, publish forms).
//! They share this library and the device's IndexedDB and settings.

mod at_rest;
mod audit;
mod components;
mod download;
mod host;
mod i18n;
mod last_saved;
mod local_time;
pub mod lock;
mod pages;
mod published;
mod second_copy;
mod send;
mod session;
mod settings;
mod space;
mod store;
mod update;

use std::sync::Arc;

use leptos::prelude::*;
use xonadon_engine::{load, Form, Host};
use xonadon_storage::FormRecord;

use components::confirm::ConfirmDialog;
use settings::{ui_language, Settings};
use store::{Notice, Store};

pub use pages::designer::DesignerApp;
pub use pages::field::FieldApp;
pub use pages::supervisor::SupervisorApp;

/// The household needs-assessment form, embedded so the app works offline from first start.
pub const DEFAULT_FORM: &str = include_str!("../forms/household.json");

/// The embedded default form (checked by `xonadon check` in the test command), loaded once
/// for the page's life however many parts of the page ask for it.
pub fn default_form() -> Result<Arc<Form>, Notice> {
    thread_local! {
        static BUILT_IN: std::cell::OnceCell<Result<Arc<Form>, Notice>> =
            const { std::cell::OnceCell::new() };
    }
    BUILT_IN.with(|cell| {
        cell.get_or_init(|| {
            load(DEFAULT_FORM)
                .map(Arc::new)
                .map_err(|e| Notice::FormDoesNotLoad {
                    form_id: "household".into(),
                    version: "built-in".into(),
                    detail: e.to_string(),
                })
        })
        .clone()
    })
}

fn now_ms() -> f64 {
    js_sys::Date::now()
}

/// Opens the device's database and makes sure the built-in form is in it (either page may be
/// the first one opened on a new device). An error is what the page shows instead of itself.
async fn open_store(store: Store, form: Result<Arc<Form>, Notice>) -> Result<(), Notice> {
    let form = form?;
    store.open().await.map_err(Notice::Storage)?;
    let s = &form.settings;
    let record = FormRecord {
        form_id: s.form_id.clone(),
        version: s.version.clone(),
        title: form.title(None),
        json: DEFAULT_FORM.to_string(),
        added_at_ms: now_ms(),
    };
    store.put_form(&record).await;
    Ok(())
}

/// What both pages share around their content: the device settings and store as context, the
/// confirmation dialog, the storage error banner, and the page that replaces everything when
/// nothing can work (`fatal`: storage refused to open, the built-in form is broken).
#[component]
fn PageShell(fatal: RwSignal<Option<Notice>>, children: Children) -> impl IntoView {
    let store = expect_context::<Store>();
    view! {
        <ConfirmDialog>
        {move || store.error.get().map(|e| view! {
            <div class="storage-error" role="alert">{e.text(&ui_language())}</div>
        })}
        {move || store.warning.get().map(|w| view! {
            <div class="storage-warning" role="status">{w.text(&ui_language())}</div>
        })}
        {move || store.space.get().map(|short| view! {
            <div class="storage-warning space-short" role="status">
                {Notice::SpaceShort(short).text(&ui_language())}
            </div>
        })}
        {move || fatal.get().map(|notice| view! {
            <main class="error"><h1>"Xonadon"</h1><p role="alert">{notice.text(&ui_language())}</p></main>
        })}
        // `display: contents` keeps the wrapper out of the layout.
        <div style:display=move || if fatal.get().is_some() { "none" } else { "contents" }>
            {children()}
        </div>
        </ConfirmDialog>
    }
}

/// A page that shows `children` once the device's storage is open and the lock opened
/// (`lock::LockGate`: nothing of the page is built, and no answer read, before the PIN).
/// `children` are built again after every unlock.
#[component]
fn StoragePage(children: ChildrenFn) -> impl IntoView {
    let store = provide_device();
    let fatal = RwSignal::new(None::<Notice>);
    let ready = RwSignal::new(false);
    leptos::task::spawn_local(async move {
        match open_store(store, default_form()).await {
            Ok(()) => ready.set(true),
            Err(notice) => fatal.set(Some(notice)),
        }
    });
    view! {
        <PageShell fatal=fatal>
            {move || if ready.get() {
                let children = children.clone();
                view! { <lock::LockGate>{children()}</lock::LockGate> }.into_any()
            } else {
                view! { <p class="loading">"…"</p> }.into_any()
            }}
        </PageShell>
    }
}

/// Provides the device settings and the store to the page; returns the store.
fn provide_device() -> Store {
    let settings = Settings::load(|| host::BrowserHost.uuid());
    provide_context(settings);
    let store = Store::new();
    provide_context(store);
    store
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
