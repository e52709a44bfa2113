//! The designer's page (`designer.html`, its own Wasm module): a form's JSON with line
//! numbers, its problems as you type (a click jumps to the place), a live preview as the field
//! worker will see it, XLSForm import, filling the other Uzbek script, saving versions into
//! IndexedDB and publishing one to this device's field workers.
//!
//! The text is the truth: every change is checked by the engine at once (`load`), placed in
//! the text (`problems.rs`), kept in localStorage (a designer's work is not lost on a reload
//! either), and, when the form loads, shown in the preview.

mod editor;
mod files;
mod problems;

use std::sync::Arc;

use gloo_storage::{LocalStorage, Storage};
use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use xonadon_engine::{load, navigation, Form, FormDefinition, Instance, Severity};
use xonadon_storage::{FormRecord, Media, Repository};
use xonadon_translit::Filled;

use crate::components::file_drop::FileDrop;
use crate::components::form_media::FormMedia;
use crate::components::photo::DraftId;
use crate::host::BrowserHost;
use crate::i18n::{storage_message, t, T};
use crate::screens::fill::FillScreen;
use crate::session::Session;
use crate::settings::{ui_language, LanguagePicker};
use crate::store::Store;
use editor::{Editor, EditorRef};
use problems::Problem;

/// Where the text being edited is kept between visits.
const TEXT_KEY: &str = "xonadon.designer.text";
/// Where the transliterated texts not yet confirmed are kept: `[path, from, text]`.
const TO_CHECK_KEY: &str = "xonadon.designer.to-check";

fn load_to_check() -> Vec<Filled> {
    let stored: Vec<(String, String, String)> = LocalStorage::get(TO_CHECK_KEY).unwrap_or_default();
    stored
        .into_iter()
        .map(|(path, from, text)| Filled {
            path,
            from: if from == xonadon_translit::form::LATIN {
                xonadon_translit::form::LATIN
            } else {
                xonadon_translit::form::CYRILLIC
            },
            text,
        })
        .collect()
}

fn save_to_check(list: &[Filled]) {
    let stored: Vec<(&str, &str, &str)> = list
        .iter()
        .map(|f| (f.path.as_str(), f.from, f.text.as_str()))
        .collect();
    let _ = LocalStorage::set(TO_CHECK_KEY, &stored);
}

/// The designer's page.
#[component]
pub fn DesignerApp() -> impl IntoView {
    view! { <crate::StoragePage><Designer /></crate::StoragePage> }
}

/// A `performance.mark`, for the designer's browser benchmark (`designer_bench`).
fn mark(name: &str) {
    if let Some(p) = web_sys::window().and_then(|w| w.performance()) {
        let _ = p.mark(name);
    }
}

/// Resolves once the browser has painted a frame, so what the page shows now (a status line,
/// a new text) is on screen before the next step; after 200 ms without a frame (a hidden
/// tab draws none) it resolves anyway.
async fn painted() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let Some(window) = web_sys::window() else {
            let _ = resolve.call0(&JsValue::NULL);
            return;
        };
        // `requestAnimationFrame` runs just before the frame is drawn; a task queued from
        // there runs after it.
        let after = window.clone();
        let then = resolve.clone();
        let frame = Closure::once_into_js(move || {
            let _ = after.set_timeout_with_callback(&then);
        });
        let _ = window.request_animation_frame(frame.unchecked_ref());
        let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 200);
    });
    let _ = JsFuture::from(promise).await;
}

/// What the engine made of the text.
struct Checked {
    problems: Vec<Problem>,
    /// `Some` when the form loads.
    form: Option<Arc<Form>>,
}

fn check(text: &str) -> Checked {
    match load(text) {
        Ok(form) => Checked {
            problems: problems::of_diagnostics(text, &form.warnings),
            form: Some(Arc::new(form)),
        },
        Err(e) => Checked {
            problems: problems::of_diagnostics(text, &e.diagnostics),
            form: None,
        },
    }
}

#[component]
fn Designer() -> impl IntoView {
    let store = expect_context::<Store>();
    let initial: String =
        LocalStorage::get(TEXT_KEY).unwrap_or_else(|_| crate::DEFAULT_FORM.to_string());
    let text = StoredValue::new(initial.clone());
    let first = check(&initial);
    let problems = RwSignal::new(first.problems);
    let preview = RwSignal::new(first.form);
    let stale = RwSignal::new(false);
    let import_problems = RwSignal::new(Vec::<Problem>::new());
    let to_check = RwSignal::new(load_to_check());
    // Kept with the text: the marks stay until a person confirms, over reloads too.
    Effect::new(move |_| to_check.with(|list| save_to_check(list)));
    let status = RwSignal::new(None::<String>);
    let say = move |what: T| status.set(Some(t(&ui_language(), what).to_string()));
    let editor = EditorRef::new(&initial);
    // Counts the changes of the text (edits and replacements), so a replacement still on its
    // way does not check a text that is no longer there.
    let changes = StoredValue::new(0u64);
    // Photos taken in the preview belong to no draft.
    provide_context(DraftId("designer-preview".into()));
    // The previewed form's pictures: dropped in this visit, or saved with its version.
    let form_media = FormMedia::provide("", "");

    // The text checked, its problems listed, the preview updated, and kept for the next visit.
    let apply = move |new: String| {
        mark("designer:input");
        let checked = check(&new);
        mark("designer:checked");
        problems.set(checked.problems);
        stale.set(checked.form.is_none());
        if checked.form.is_some() {
            preview.set(checked.form);
        }
        // Kept for the next visit; a full localStorage only loses this convenience.
        let _ = LocalStorage::set(TEXT_KEY, &new);
        mark("designer:stored");
        text.set_value(new);
    };
    let on_text = move |new: String| {
        changes.update_value(|n| *n += 1);
        apply(new);
        status.set(None);
    };
    // A whole new text (an import, a transliteration, a saved form): put in the editor, drawn,
    // then checked, each step in its own task with its status line on screen, so a large form
    // never holds the page for long. `false` when another change came meanwhile.
    let place = move |new: String| async move {
        changes.update_value(|n| *n += 1);
        let this = changes.get_value();
        editor.set_text(&new);
        mark("designer:placed");
        say(T::Checking);
        // The browser lays the parts in view out in this frame (the editor's parts).
        painted().await;
        if changes.get_value() != this {
            return false;
        }
        apply(new);
        true
    };

    // The workbook, and the CSV files its `select_one_from_file` rows name, dropped together.
    // Read, converted, placed in the editor and checked as separate tasks, the status line
    // saying which step is on (a 5,000-choice workbook: ≈ 0.3 s in all, no step over ≈ 0.1 s: `designer_bench`).
    let import = move |files: Vec<web_sys::File>| {
        say(T::Reading);
        spawn_local(async move {
            mark("designer:import-start");
            let mut workbook = None;
            let mut attachments = Vec::new();
            let mut media = 0;
            for file in files {
                let name = file.name();
                let bytes = match JsFuture::from(file.array_buffer()).await {
                    Ok(buffer) => js_sys::Uint8Array::new(&buffer).to_vec(),
                    Err(e) => return status.set(Some(format!("{name}: {e:?}"))),
                };
                match files::kind(&name) {
                    // An XForm is the form itself (a `.xml` may be either).
                    files::Kind::Choices if workbook.is_none() && files::is_xform(&bytes) => {
                        workbook = Some((name, bytes))
                    }
                    files::Kind::Choices => attachments.push((name, bytes)),
                    // Kept for the preview and for saving; the import only needs the name.
                    files::Kind::Media(mime) => {
                        attachments.push((name.clone(), Vec::new()));
                        let file = Media {
                            name: name.clone(),
                            draft_id: String::new(),
                            mime: mime.into(),
                            bytes,
                        };
                        form_media.pending.update_value(|p| {
                            p.insert(name, file);
                        });
                        media += 1;
                    }
                    files::Kind::Workbook if workbook.is_none() => workbook = Some((name, bytes)),
                    files::Kind::Workbook => {}
                }
            }
            let Some((name, bytes)) = workbook else {
                if media > 0 {
                    // Pictures for the form in the editor: the preview shows them now.
                    preview.update(|_| {});
                    return status.set(Some(format!(
                        "{}: {media}",
                        t(&ui_language(), T::MediaKept)
                    )));
                }
                return say(T::ImportXlsFormHint);
            };
            mark("designer:import-read");
            say(T::Converting);
            painted().await;
            let imported = if files::is_xform(&bytes) {
                xonadon_xform::import_with(&name, &bytes, &attachments)
                    .map(|i| (i.definition, problems::of_xform(&i.problems), "xml"))
                    .map_err(|e| e.to_string())
            } else {
                xonadon_xlsform::import_with(&name, &bytes, &attachments)
                    .map(|i| {
                        let found = problems::of_import(&i.problems);
                        (i.definition, found, i.format.extension())
                    })
                    .map_err(|e| e.to_string())
            };
            mark("designer:import-converted");
            let (definition, found, format) = match imported {
                Ok(imported) => imported,
                Err(e) => return status.set(Some(e)),
            };
            say(T::Placing);
            painted().await;
            mark("designer:import-placing");
            import_problems.set(found);
            let text = definition.to_text();
            mark("designer:import-formatted");
            if place(text).await {
                status.set(Some(format!(
                    "{} {name} ({format} → JSON)",
                    t(&ui_language(), T::Imported)
                )));
            }
            mark("designer:import-done");
        });
    };

    let transliterate = move |_| {
        let current = text.get_value();
        let mut definition = match FormDefinition::from_json(&current) {
            Ok(d) => d,
            Err(e) => return status.set(Some(e.to_string())),
        };
        let filled = xonadon_translit::fill_missing_script(&mut definition);
        if filled.is_empty() {
            return say(T::NothingToFill);
        }
        to_check.update(|list| list.extend(filled));
        let json = definition.to_text();
        spawn_local(async move {
            if place(json).await {
                status.set(None);
            }
        });
    };

    let saved_revision = RwSignal::new(0u32);
    // Saves the text as its form id and version; `then_publish` also makes it the version
    // this device's field workers start new forms with.
    let save = move |then_publish: bool| {
        let Some(form) = preview.get_untracked().filter(|_| !stale.get_untracked()) else {
            return status.set(Some(t(&ui_language(), T::FixErrorsFirst).to_string()));
        };
        let s = &form.settings;
        let media_files = FormDefinition::from_json(&text.get_value())
            .map(|d| d.media_files())
            .unwrap_or_default();
        let record = FormRecord {
            form_id: s.form_id.clone(),
            version: s.version.clone(),
            title: crate::title_of(&form),
            json: text.get_value(),
            added_at_ms: crate::now_ms(),
        };
        spawn_local(async move {
            let Some(repo) = store.repo() else { return };
            let language = ui_language();
            if let Err(e) = repo.put_form(&record).await {
                return status.set(Some(storage_message(&language, &e)));
            }
            let pending = form_media.pending.get_value();
            let stored = files::store_media(
                &*repo,
                &record.form_id,
                &record.version,
                &media_files,
                &pending,
            )
            .await;
            let mut line = format!(
                "{}: {} {}",
                t(&language, T::Saved),
                record.form_id,
                record.version
            );
            match stored {
                Ok(stored) if !stored.missing.is_empty() => {
                    line = format!(
                        "{line}. {}: {}",
                        t(&language, T::MediaMissing),
                        stored.missing.join(", ")
                    );
                }
                Ok(_) => {}
                Err(e) => return status.set(Some(storage_message(&language, &e))),
            }
            if then_publish {
                match crate::published::publish(&record.form_id, &record.version) {
                    Ok(()) => line = format!("{line}. {}", t(&language, T::Published)),
                    Err(e) => line = format!("{line}. {e}"),
                }
            }
            status.set(Some(line));
            saved_revision.update(|n| *n += 1);
        });
    };
    let saved = LocalResource::new(move || {
        saved_revision.track();
        async move {
            match store.repo() {
                Some(repo) => store.report(repo.list_forms().await).unwrap_or_default(),
                None => Vec::new(),
            }
        }
    });

    // The text as a JSON file, or the form as an XLSForm workbook, named by id and version.
    let download = move |xlsform: bool| {
        let current = text.get_value();
        let (bytes, extension, mime) = if xlsform {
            let workbook = FormDefinition::from_json(&current)
                .map_err(|e| e.to_string())
                .and_then(|d| xonadon_xlsform::to_xlsform(&d).map_err(|e| e.to_string()));
            match workbook {
                Ok(b) => (
                    b,
                    "xlsx",
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                ),
                Err(e) => return status.set(Some(e)),
            }
        } else {
            (current.into_bytes(), "json", "application/json")
        };
        let name = preview
            .get_untracked()
            .map(|f| format!("{}-{}", f.settings.form_id, f.settings.version))
            .unwrap_or_else(|| "form".into());
        let mut file = crate::download::Chunks::default();
        let result = std::io::Write::write_all(&mut file, &bytes)
            .map_err(|e| e.to_string())
            .and_then(|()| file.into_blob(mime))
            .and_then(|blob| crate::download::download_blob(&format!("{name}.{extension}"), &blob));
        if let Err(e) = result {
            status.set(Some(e));
        }
    };

    let go = move |at: Option<xonadon_engine::locate::Position>| {
        if let Some(at) = at {
            editor.jump(at);
        }
    };
    let problem_list = move |list: Vec<Problem>| {
        list.into_iter()
            .map(|p| {
                let class = match p.severity {
                    Severity::Error => "problem error",
                    Severity::Warning => "problem warning",
                };
                match p.at {
                    // In the text: a click goes there.
                    Some(at) => view! {
                        <li class=class>
                            <button type="button" class="link" on:click=move |_| go(Some(at))>
                                <span class="place">{format!("{}:{} {}", at.line, at.column, p.place)}</span>
                                <span class="what">{p.message}</span>
                            </button>
                        </li>
                    }
                    .into_any(),
                    // In the workbook (the import's): sheet, row and column say where.
                    None => view! {
                        <li class=class>
                            <span class="place">{p.place}</span>
                            <span class="what">{p.message}</span>
                        </li>
                    }
                    .into_any(),
                }
            })
            .collect_view()
    };

    // The preview keeps its page and answers across edits of the same form while it can.
    let page = RwSignal::new(String::new());
    let answers = StoredValue::new(None::<(String, serde_json::Value)>);
    let preview_view = move || {
        preview.get().map(|form| {
            let host = Arc::new(BrowserHost);
            let form_id = form.settings.form_id.clone();
            form_media.switch(&form_id, &form.settings.version);
            let instance = answers
                .get_value()
                .filter(|(id, _)| *id == form_id)
                .and_then(|(_, a)| Instance::restore(Arc::clone(&form), host.clone(), &a).ok())
                .unwrap_or_else(|| Instance::new(Arc::clone(&form), host));
            if page.get_untracked().is_empty() {
                if let Some(first) = navigation::pages(&instance).first() {
                    page.set(first.key.clone());
                }
            }
            let session = Session::new(instance);
            Effect::new(move |_| {
                session.edits.track();
                answers.set_value(Some((form_id.clone(), session.peek(|i| i.snapshot()))));
            });
            view! { <FillScreen session=session page=page on_home=|_| {} on_finalize=|_| {} /> }
        })
    };

    view! {
        <div class="designer">
            <header class="bar">
                <a class="button" id="open-home" href="./">{move || t(&ui_language(), T::Home)}</a>
                <h1>{move || t(&ui_language(), T::Designer)}</h1>
                <LanguagePicker />
            </header>
            <main>
                <section class="tools">
                    <FileDrop id="import-xlsform" multiple=true
                        accept=".xlsx,.xls,.ods,.csv,.xml,.geojson,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,application/vnd.ms-excel,text/csv,image/*,audio/*,video/*"
                        hint=Signal::derive(move || t(&ui_language(), T::ImportXlsFormHint).to_string())
                        choose=Signal::derive(move || t(&ui_language(), T::ChooseFile).to_string())
                        on_files=import />
                    <div class="actions">
                        <button type="button" id="transliterate" on:click=transliterate>
                            {move || t(&ui_language(), T::Transliterate)}
                        </button>
                        <button type="button" id="save-form" on:click=move |_| save(false)>
                            {move || t(&ui_language(), T::Save)}
                        </button>
                        <button type="button" id="publish-form" class="primary" on:click=move |_| save(true)>
                            {move || t(&ui_language(), T::Publish)}
                        </button>
                        <button type="button" id="download-json" on:click=move |_| download(false)>
                            {move || t(&ui_language(), T::DownloadJson)}
                        </button>
                        <button type="button" id="download-xlsform" on:click=move |_| download(true)>
                            {move || t(&ui_language(), T::DownloadXlsForm)}
                        </button>
                    </div>
                    {move || status.get().map(|s| view! { <p class="status" role="status">{s}</p> })}
                </section>
                <div class="panes">
                    <section class="source">
                        <h2>{move || t(&ui_language(), T::FormJson)}</h2>
                        <Editor editor=editor on_text=on_text
                            label=Signal::derive(move || t(&ui_language(), T::FormJson).to_string()) />
                    </section>
                    <section class="preview" class:stale=move || stale.get()>
                        <h2>{move || t(&ui_language(), T::Preview)}</h2>
                        {move || stale.get().then(|| view! {
                            <p class="stale-note">{t(&ui_language(), T::PreviewStale)}</p>
                        })}
                        {preview_view}
                    </section>
                </div>
                <section class="problems">
                    <h2>{move || t(&ui_language(), T::Problems)}</h2>
                    {move || {
                        let list = problems.get();
                        if list.is_empty() {
                            view! { <p class="none">{t(&ui_language(), T::NoProblems)}</p> }.into_any()
                        } else {
                            view! { <ul id="problems">{problem_list(list)}</ul> }.into_any()
                        }
                    }}
                </section>
                <Show when=move || !import_problems.get().is_empty()>
                    <section class="problems import">
                        <h2>{move || t(&ui_language(), T::ImportProblems)}</h2>
                        <ul id="import-problems">{move || problem_list(import_problems.get())}</ul>
                    </section>
                </Show>
                <Show when=move || !to_check.get().is_empty()>
                    <section class="to-check">
                        <h2>{move || t(&ui_language(), T::ToCheck)}</h2>
                        <ul id="to-check">
                            {move || to_check.get().into_iter().map(|f| {
                                let path = f.path.clone();
                                let find = f.path.clone();
                                view! {
                                    <li>
                                        <button type="button" class="link" on:click=move |_| {
                                            let current = text.get_value();
                                            go(xonadon_engine::locate::locate(&current, &[&find])[0]);
                                        }>
                                            <span class="place">{f.path.clone()}</span>
                                            <span class="what">{f.text.clone()}</span>
                                        </button>
                                        <button type="button" on:click=move |_| {
                                            to_check.update(|l| l.retain(|x| x.path != path));
                                        }>{move || t(&ui_language(), T::Correct)}</button>
                                    </li>
                                }
                            }).collect_view()}
                        </ul>
                    </section>
                </Show>
                <details class="saved">
                    <summary>{move || t(&ui_language(), T::SavedForms)}</summary>
                    <ul class="cards">
                        {move || saved.get().unwrap_or_default().into_iter().map(|record| {
                            let json = record.json.clone();
                            view! {
                                <li>
                                    <span class="entry-title">{record.title.clone()}</span>
                                    <span class="meta">{format!("{} {}", record.form_id, record.version)}</span>
                                    <button type="button" on:click=move |_| {
                                        let json = json.clone();
                                        spawn_local(async move {
                                            if place(json).await {
                                                status.set(None);
                                            }
                                        });
                                    }>{move || t(&ui_language(), T::Open)}</button>
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                </details>
            </main>
        </div>
    }
}
