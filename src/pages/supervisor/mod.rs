//! The supervisor's screen: import bundles from the tablets, narrow and sort the submissions,
//! read one with its labels and review it, export a selection, resolve conflicts. Everything
//! works offline, on this device's IndexedDB.

mod detail;
mod rows;
mod summary;
mod transfer;

use std::collections::{HashMap, HashSet};
use std::sync::Arc;

use leptos::prelude::*;
use leptos::task::spawn_local;
use xonadon_engine::Form;
use xonadon_export::table::choice_labels;
use xonadon_storage::{
    Conflict, FormRecord, Repository, Resolution, Review, ReviewComment, ReviewStatus, Submission,
};

use crate::components::file_drop::FileDrop;
use crate::components::review::{status_class, status_text};
use crate::i18n::{t, T};
use crate::screens::home::{local_day, local_time};
use crate::settings::{ui_language, LanguagePicker, Settings};
use crate::store::Store;
use rows::{distinct, Filters, Row, Sort, SortKey};
use transfer::Format;

/// What the list shows: a light row per submission (never all the answers of thousands).
#[derive(Debug, Default)]
struct Data {
    rows: Vec<Row>,
    forms: Vec<FormRecord>,
    conflicts: Vec<Conflict>,
}

/// Every submission as a row, read a page at a time.
async fn read_rows(store: Store) -> Vec<Row> {
    let Some(repo) = store.repo() else {
        return Vec::new();
    };
    let mut rows = Vec::new();
    let mut after: Option<String> = None;
    loop {
        let Some(page) = store.report(repo.submissions_page(after.as_deref(), 500).await) else {
            break;
        };
        let Some(last) = page.last() else { break };
        after = Some(last.instance_id.clone());
        rows.extend(page.iter().map(|s| Row::of(s, local_day)));
    }
    rows
}

/// The label of `value`, an answer to the question named `question` (a choice name).
fn choice_label(form: Option<&Form>, question: &str, value: &str, language: &str) -> String {
    form.and_then(|f| {
        let list = f.find(question)?.question_type()?.list()?;
        Some(choice_labels(f, list, value, Some(language)))
    })
    .unwrap_or_else(|| value.to_string())
}

/// A form version: `(form_id, version)`.
type FormKey = (String, String);

/// Compiled forms by version, loaded once each (`None`: it does not load).
#[derive(Clone, Copy)]
struct Forms(StoredValue<HashMap<FormKey, Option<Arc<Form>>>>);

impl Forms {
    fn get(&self, records: &[FormRecord], form_id: &str, version: &str) -> Option<Arc<Form>> {
        let key = (form_id.to_string(), version.to_string());
        if let Some(f) = self.0.with_value(|m| m.get(&key).cloned()) {
            return f;
        }
        let form = records
            .iter()
            .find(|r| r.form_id == form_id && r.version == version)
            .and_then(|r| xonadon_engine::load(&r.json).ok())
            .map(Arc::new);
        self.0.update_value(|m| {
            m.insert(key, form.clone());
        });
        form
    }
}

/// The supervisor's page (`supervisor.html`, its own Wasm module).
#[component]
pub fn SupervisorApp() -> impl IntoView {
    view! { <crate::StoragePage><Supervisor /></crate::StoragePage> }
}

#[component]
fn Supervisor() -> impl IntoView {
    let store = expect_context::<Store>();
    let settings = expect_context::<Settings>();
    let data = LocalResource::new(move || {
        store.revision.track();
        async move {
            let Some(repo) = store.repo() else {
                return Arc::new(Data::default());
            };
            Arc::new(Data {
                rows: read_rows(store).await,
                forms: store.report(repo.list_forms().await).unwrap_or_default(),
                conflicts: store
                    .report(repo.list_conflicts().await)
                    .unwrap_or_default(),
            })
        }
    });
    let data = move || data.get().unwrap_or_default();
    let forms = Forms(StoredValue::new(HashMap::new()));
    let filters = RwSignal::new(Filters::default());
    let sort = RwSignal::new(Sort::default());
    let open = RwSignal::new(None::<String>);
    let labels = RwSignal::new(false);
    let report = RwSignal::new(Vec::<String>::new());
    let busy = RwSignal::new(false);

    let all_rows = Memo::new(move |_| data().rows.clone());
    let progress = RwSignal::new(None::<(usize, usize)>);
    let summary_open = RwSignal::new(false);
    let cancel = StoredValue::new(false);
    let shown = Memo::new(move |_| {
        let f = filters.get();
        let mut rows: Vec<Row> = all_rows.get().into_iter().filter(|r| f.admit(r)).collect();
        sort.get().apply(&mut rows);
        rows
    });

    let import = move |files: Vec<web_sys::File>| {
        if files.is_empty() {
            return;
        }
        busy.set(true);
        report.set(Vec::new());
        spawn_local(async move {
            let lines = transfer::import_files(store, files, &ui_language()).await;
            report.set(lines);
            busy.set(false);
        });
    };

    let export = move |format: Format| {
        let rows = shown.get_untracked();
        if rows.is_empty() {
            return;
        }
        let ids: HashSet<String> = rows.iter().map(|r| r.instance_id.clone()).collect();
        let mut versions: Vec<(String, String)> = rows
            .iter()
            .map(|r| (r.form_id.clone(), r.form_version.clone()))
            .collect();
        versions.sort();
        versions.dedup();
        let language = labels.get_untracked().then(ui_language);
        let device = settings.device_id.get_untracked();
        let forms = data().forms.clone();
        busy.set(true);
        cancel.set_value(false);
        report.set(Vec::new());
        spawn_local(async move {
            let mut on_screen = transfer::OnScreen { progress, cancel };
            let result = transfer::export(
                store,
                format,
                ids,
                versions,
                forms,
                language,
                device,
                &mut on_screen,
            )
            .await;
            progress.set(None);
            report.set(vec![result.unwrap_or_else(|e| e)]);
            busy.set(false);
        });
    };

    // The submission open in the detail view, read when opened (and after a review).
    let opened = LocalResource::new(move || {
        store.revision.track();
        let id = open.get();
        async move {
            let (repo, id) = (store.repo()?, id?);
            store.report(repo.get_submission(&id).await).flatten()
        }
    });

    let resolve = move |id: String, resolution: Resolution| {
        spawn_local(async move {
            if let Some(repo) = store.repo() {
                store.report(repo.resolve_conflict(&id, resolution).await);
                store.revision.update(|r| *r += 1);
            }
        });
    };

    // A select of the distinct values of one field, bound to one filter.
    let choice_filter = move |label: T,
                              options: Box<dyn Fn() -> Vec<(String, String)> + Send + Sync>,
                              get: fn(&Filters) -> Option<String>,
                              set: fn(&mut Filters, Option<String>)| {
        let id = format!("filter-{label:?}").to_lowercase();
        view! {
            <label class="filter">
                <span>{move || t(&ui_language(), label)}</span>
                <select id=id on:change=move |ev| {
                    let v = event_target_value(&ev);
                    filters.update(|f| set(f, (!v.is_empty()).then_some(v)));
                }>
                    <option value="" selected=move || filters.with(|f| get(f).is_none())>
                        {move || t(&ui_language(), T::Any)}
                    </option>
                    {move || options().into_iter().map(|(value, text)| {
                        let v = value.clone();
                        view! {
                            <option value=value selected=move || filters.with(|f| get(f).as_deref() == Some(v.as_str()))>
                                {text}
                            </option>
                        }
                    }).collect_view()}
                </select>
            </label>
        }
    };
    // The label of a place value, from the form of any submission that has it.
    let place_options = move |field: fn(&Row) -> &str, question: &'static str| {
        let rows = all_rows.get();
        let d = data();
        let lang = ui_language();
        distinct(&rows, field)
            .into_iter()
            .map(|value| {
                let form = rows
                    .iter()
                    .find(|r| field(r) == value)
                    .and_then(|r| forms.get(&d.forms, &r.form_id, &r.form_version));
                let text = choice_label(form.as_deref(), question, &value, &lang);
                (value, text)
            })
            .collect::<Vec<_>>()
    };

    let header = move |key: SortKey, label: T| {
        let pressed = move || {
            let s = sort.get();
            if s.key != key {
                "none"
            } else if s.descending {
                "descending"
            } else {
                "ascending"
            }
        };
        view! {
            <th aria-sort=pressed>
                <button type="button" class="sort" on:click=move |_| sort.update(|s| *s = s.by(key))>
                    {move || t(&ui_language(), label)}
                </button>
            </th>
        }
    };

    view! {
        <div class="supervisor">
            <header class="bar">
                <a class="button" id="open-home" href="./">{move || t(&ui_language(), T::Home)}</a>
                <h1>{move || t(&ui_language(), T::Supervisor)}</h1>
                <LanguagePicker />
            </header>
            <main>
                <section class="import">
                    <h2>{move || t(&ui_language(), T::ImportBundles)}</h2>
                    <FileDrop id="import-files" accept=".json,application/json" multiple=true
                        hint=Signal::derive(move || t(&ui_language(), T::ImportHint).to_string())
                        choose=Signal::derive(move || t(&ui_language(), T::ChooseFiles).to_string())
                        on_files=import />
                </section>
                {move || busy.get().then(|| view! { <p class="working" role="status">{t(&ui_language(), T::Working)}</p> })}
                <Show when=move || !report.get().is_empty()>
                    <ul class="report" role="status">
                        {move || report.get().into_iter().map(|line| view! { <li>{line}</li> }).collect_view()}
                    </ul>
                </Show>
                <Show when=move || !data().conflicts.is_empty()>
                    <section class="conflicts">
                        <h2>{move || t(&ui_language(), T::Conflicts)}</h2>
                        <p>{move || t(&ui_language(), T::ConflictExplain)}</p>
                        <ul class="cards">
                            {move || data().conflicts.iter().map(|c| {
                                let (keep, take) = (c.id.clone(), c.id.clone());
                                let title = c.submission.title.clone().unwrap_or_else(|| c.submission.instance_id.clone());
                                let copy = c.submission.clone();
                                view! {
                                    <li>
                                        <span class="entry-title">{title}</span>
                                        <span class="meta">{c.source.clone()}" · "{local_time(c.imported_at_ms)}</span>
                                        <Compare imported=copy forms=forms records=data().forms.clone() />
                                        <button type="button" on:click=move |_| resolve(keep.clone(), Resolution::KeepHeld)>
                                            {move || t(&ui_language(), T::KeepHeld)}
                                        </button>
                                        <button type="button" on:click=move |_| resolve(take.clone(), Resolution::TakeImported)>
                                            {move || t(&ui_language(), T::TakeImported)}
                                        </button>
                                    </li>
                                }
                            }).collect_view()}
                        </ul>
                    </section>
                </Show>
                <section class="filters">
                    <h2>{move || t(&ui_language(), T::Submissions)}</h2>
                    <div class="filter-grid">
                        {choice_filter(T::Form, Box::new(move || distinct(&all_rows.get(), |r| &r.form_id).into_iter().map(|v| (v.clone(), v)).collect()),
                            |f| f.form.clone(), |f, v| f.form = v)}
                        <label class="filter">
                            <span>{move || t(&ui_language(), T::DateFrom)}</span>
                            <input id="filter-from" type="date" on:change=move |ev| {
                                let v = event_target_value(&ev);
                                filters.update(|f| f.from = (!v.is_empty()).then_some(v));
                            } />
                        </label>
                        <label class="filter">
                            <span>{move || t(&ui_language(), T::DateTo)}</span>
                            <input id="filter-to" type="date" on:change=move |ev| {
                                let v = event_target_value(&ev);
                                filters.update(|f| f.to = (!v.is_empty()).then_some(v));
                            } />
                        </label>
                        {choice_filter(T::Enumerator, Box::new(move || distinct(&all_rows.get(), |r| &r.enumerator).into_iter().map(|v| (v.clone(), v)).collect()),
                            |f| f.enumerator.clone(), |f, v| f.enumerator = v)}
                        {choice_filter(T::Region, Box::new(move || place_options(|r| &r.place.region, "region")),
                            |f| f.region.clone(), |f, v| f.region = v)}
                        {choice_filter(T::District, Box::new(move || place_options(|r| &r.place.district, "district")),
                            |f| f.district.clone(), |f, v| f.district = v)}
                        {choice_filter(T::Mahalla, Box::new(move || place_options(|r| &r.place.mahalla, "mahalla")),
                            |f| f.mahalla.clone(), |f, v| f.mahalla = v)}
                        <label class="filter">
                            <span>{move || t(&ui_language(), T::Status)}</span>
                            <select id="filter-status" on:change=move |ev| {
                                let v = event_target_value(&ev);
                                let status = match v.as_str() {
                                    "pending" => Some(ReviewStatus::Pending),
                                    "approved" => Some(ReviewStatus::Approved),
                                    "has_issues" => Some(ReviewStatus::HasIssues),
                                    _ => None,
                                };
                                filters.update(|f| f.status = status);
                            }>
                                <option value="">{move || t(&ui_language(), T::Any)}</option>
                                <option value="pending">{move || t(&ui_language(), T::Pending)}</option>
                                <option value="approved">{move || t(&ui_language(), T::Approved)}</option>
                                <option value="has_issues">{move || t(&ui_language(), T::HasIssues)}</option>
                            </select>
                        </label>
                    </div>
                    <p class="count">{move || format!("{} / {}", shown.get().len(), all_rows.get().len())}</p>
                </section>
                <section class="export">
                    <h2>{move || t(&ui_language(), T::Export)}</h2>
                    <label class="choice">
                        <input id="export-labels" type="checkbox" prop:checked=move || labels.get()
                            on:change=move |ev| labels.set(event_target_checked(&ev)) />
                        <span>{move || t(&ui_language(), T::ColumnsAsLabels)}</span>
                    </label>
                    <div class="actions">
                        <button type="button" id="export-json" disabled=move || busy.get() || shown.get().is_empty()
                            on:click=move |_| export(Format::Bundle)>{move || t(&ui_language(), T::ExportBundle)}</button>
                        <button type="button" id="export-csv" disabled=move || busy.get() || shown.get().is_empty()
                            on:click=move |_| export(Format::Csv)>"CSV (ZIP)"</button>
                        <button type="button" id="export-xlsx" disabled=move || busy.get() || shown.get().is_empty()
                            on:click=move |_| export(Format::Xlsx)>"Excel (XLSX)"</button>
                    </div>
                    {move || progress.get().map(|(done, total)| view! {
                        <div class="export-progress">
                            <progress max=total.max(1) value=done></progress>
                            <span>{format!("{done} / {total}")}</span>
                            <button type="button" id="export-cancel" on:click=move |_| cancel.set_value(true)>
                                {move || t(&ui_language(), T::Cancel)}
                            </button>
                        </div>
                    })}
                </section>
                <section class="list">
                    <Show when=move || !shown.get().is_empty() fallback=move || view! {
                        <p>{move || t(&ui_language(), T::NoSubmissions)}</p>
                    }>
                        <div class="table-scroll">
                        <table class="submissions">
                            <thead><tr>
                                {header(SortKey::Title, T::Household)}
                                {header(SortKey::Date, T::Date)}
                                {header(SortKey::Enumerator, T::Enumerator)}
                                {header(SortKey::Place, T::Mahalla)}
                                {header(SortKey::Status, T::Status)}
                            </tr></thead>
                            <tbody>
                                <For each=move || shown.get() key=|r| (r.instance_id.clone(), r.status as u8) children=move |r| {
                                    let id = r.instance_id.clone();
                                    let title = if r.title.is_empty() { r.instance_id.clone() } else { r.title.clone() };
                                    let place = {
                                        let d = data();
                                        let form = forms.get(&d.forms, &r.form_id, &r.form_version);
                                        choice_label(form.as_deref(), "mahalla", &r.place.mahalla, &ui_language())
                                    };
                                    view! {
                                        <tr data-id=r.instance_id.clone()>
                                            <td><button type="button" class="link" on:click=move |_| open.set(Some(id.clone()))>{title}</button></td>
                                            <td>{local_time(r.finalized_at_ms)}</td>
                                            <td>{r.enumerator.clone()}</td>
                                            <td>{place}</td>
                                            <td><span class=status_class(r.status)>{move || status_text(&ui_language(), r.status)}</span></td>
                                        </tr>
                                    }
                                } />
                            </tbody>
                        </table>
                        </div>
                    </Show>
                </section>
                <details class="summary" on:toggle=move |ev| {
                    summary_open.set(event_target::<web_sys::HtmlDetailsElement>(&ev).open());
                }>
                    <summary>{move || t(&ui_language(), T::Summary)}</summary>
                    // Counted only while open: the list may hold thousands.
                    {move || summary_open.get().then(|| {
                        let rows = shown.get();
                        let d = data();
                        let lang = ui_language();
                        let mut mahallas = Vec::new();
                        let mut needs = Vec::new();
                        for r in &rows {
                            let form = forms.get(&d.forms, &r.form_id, &r.form_version);
                            let form = form.as_deref();
                            mahallas.push(choice_label(form, "mahalla", &r.place.mahalla, &lang));
                            for need in &r.needs {
                                needs.push(choice_label(form, "needs_identified", need, &lang));
                            }
                        }
                        let charts = [
                            (T::PerDay, summary::per_day(rows.iter().map(|r| r.day.clone()))),
                            (T::PerEnumerator, summary::count(rows.iter().map(|r| r.enumerator.clone()))),
                            (T::PerMahalla, summary::count(mahallas)),
                            (T::NeedsIdentified, summary::count(needs)),
                        ];
                        charts.into_iter().map(|(title, bars)| view! {
                            <summary::Chart title=t(&lang, title).to_string() bars=bars />
                        }).collect_view()
                    })}
                </details>
                {move || opened.get().flatten().map(|s| {
                    let form = forms.get(&data().forms, &s.form_id, &s.form_version);
                    view! { <Detail submission=s form=form on_close=move |_| open.set(None) /> }
                })}
            </main>
        </div>
    }
}

/// What differs between the submission held here and an imported copy, question by question.
#[component]
fn Compare(imported: Submission, forms: Forms, records: Vec<FormRecord>) -> impl IntoView {
    let store = expect_context::<Store>();
    let id = imported.instance_id.clone();
    let held = LocalResource::new(move || {
        let id = id.clone();
        async move {
            store
                .report(store.repo()?.get_submission(&id).await)
                .flatten()
        }
    });
    let form = forms.get(&records, &imported.form_id, &imported.form_version);
    view! {
        <details class="compare">
            <summary>{move || t(&ui_language(), T::Compare)}</summary>
            {move || held.get().flatten().map(|held| {
                let lang = ui_language();
                let rows = detail::differences(form.as_deref(), &held.data, &imported.data, Some(&lang));
                view! {
                    <table class="differences">
                        <thead><tr>
                            <th></th>
                            <th>{t(&lang, T::OnThisDevice)}</th>
                            <th>{t(&lang, T::Imported)}</th>
                        </tr></thead>
                        <tbody>
                            {rows.into_iter().map(|d| view! {
                                <tr><th scope="row">{d.question}</th><td>{d.held}</td><td>{d.imported}</td></tr>
                            }).collect_view()}
                        </tbody>
                    </table>
                }
            })}
        </details>
    }
}

/// One submission, readable, with its review.
#[component]
fn Detail(
    submission: Submission,
    form: Option<Arc<Form>>,
    #[prop(into)] on_close: Callback<()>,
) -> impl IntoView {
    let store = expect_context::<Store>();
    let settings = expect_context::<Settings>();
    let comment = RwSignal::new(String::new());
    let id = submission.instance_id.clone();
    let review = submission.review.clone();
    let title = submission
        .title
        .clone()
        .unwrap_or_else(|| submission.instance_id.clone());
    let data = submission.data.clone();
    let lines = move || {
        let lang = ui_language();
        form.as_deref()
            .map(|f| detail::lines(f, &data, Some(&lang)))
            .unwrap_or_default()
    };
    let set_status = move |status: ReviewStatus| {
        let mut next: Review = review.clone();
        next.status = status;
        next.comments.push(ReviewComment {
            at_ms: js_sys::Date::now(),
            by: Some(settings.enumerator.get_untracked())
                .filter(|n| !n.trim().is_empty())
                .unwrap_or_else(|| settings.device_id.get_untracked()),
            status,
            text: comment.get_untracked(),
        });
        let id = id.clone();
        spawn_local(async move {
            let Some(repo) = store.repo() else { return };
            if let Err(e) = repo.set_review(&id, &next).await {
                store.report::<()>(Err(e));
            }
            store.revision.update(|r| *r += 1);
        });
    };
    let set_approved = set_status.clone();
    let comments = submission.review.comments.clone();
    view! {
        <section class="detail" aria-labelledby="detail-title">
            <header class="detail-head">
                <h2 id="detail-title">{title}</h2>
                <button type="button" on:click=move |_| on_close.run(())>{move || t(&ui_language(), T::Close)}</button>
            </header>
            <p class="meta">
                {local_time(submission.finalized_at_ms)}" · "{submission.enumerator.clone()}" · "
                <span class=status_class(submission.review.status)>{move || status_text(&ui_language(), submission.review.status)}</span>
            </p>
            <dl class="answers">
                {move || lines().into_iter().map(|l| {
                    let class = format!("depth-{}", l.depth.min(3));
                    match l.answer {
                        None => view! { <dt class=format!("{class} heading")>{l.label}</dt> }.into_any(),
                        Some(a) => view! { <dt class=class.clone()>{l.label}</dt><dd class=class>{a}</dd> }.into_any(),
                    }
                }).collect_view()}
            </dl>
            <div class="review">
                <h3>{move || t(&ui_language(), T::Review)}</h3>
                <ul class="comments">
                    {comments.into_iter().map(|c| view! {
                        <li><strong>{c.by.clone()}</strong>" · "{local_time(c.at_ms)}" · "
                            {move || status_text(&ui_language(), c.status)}": "{c.text.clone()}</li>
                    }).collect_view()}
                </ul>
                <label for="review-comment">{move || t(&ui_language(), T::Comment)}</label>
                <textarea id="review-comment" rows="3" prop:value=move || comment.get()
                    on:input=move |ev| comment.set(event_target_value(&ev))></textarea>
                <div class="actions">
                    <button type="button" class="primary" id="review-approve" on:click=move |_| set_approved(ReviewStatus::Approved)>
                        {move || t(&ui_language(), T::Approve)}
                    </button>
                    <button type="button" class="danger" id="review-issues" on:click=move |_| set_status(ReviewStatus::HasIssues)>
                        {move || t(&ui_language(), T::MarkIssues)}
                    </button>
                </div>
            </div>
        </section>
    }
}
