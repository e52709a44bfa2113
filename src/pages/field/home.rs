//! The first screen: the forms on this device, drafts (resume, delete), finalized forms, and
//! the device settings.

use leptos::prelude::*;
use leptos::task::spawn_local;
use xonadon_storage::{Draft, ReviewStatus, Submission};

use crate::components::confirm::Confirm;
use crate::components::review::{status_class, status_text};
use crate::i18n::{t, T};
use crate::local_time::local_time;
use crate::settings::{ui_language, LanguagePicker, Settings};
use crate::store::Store;

use super::corrections;
use super::lists::{self, Order};
use super::receive::ReceiveSection;
use super::send::{last_sent, sent_line, SendSection};
use super::words::{filled, w, W};

#[component]
pub fn Home(
    /// (form id, title) of the forms that can be started.
    forms: Vec<(String, String)>,
    #[prop(into)] on_new: Callback<String>,
    #[prop(into)] on_resume: Callback<Draft>,
    /// Opens a finalized form read-only (by its instance id).
    #[prop(into)]
    on_view: Callback<String>,
    /// Form id → the version new forms start with (for what a received file publishes).
    current: std::collections::BTreeMap<String, String>,
    /// What the files last received did, a line each.
    received: RwSignal<Vec<String>>,
    /// Files were received: the forms that can be started are read again.
    #[prop(into)]
    on_received: Callback<()>,
) -> impl IntoView {
    let store = expect_context::<Store>();
    let form_titles = StoredValue::new(forms.clone());
    let form_title = move |id: &str| {
        form_titles.with_value(|fs| {
            fs.iter()
                .find(|(f, _)| f == id)
                .map_or(id.to_string(), |(_, t)| t.clone())
        })
    };
    let settings = expect_context::<Settings>();
    let lists = LocalResource::new(move || {
        store.revision.track();
        async move { store.drafts_and_submissions().await }
    });
    // Searched by household (the title) and sorted by date, both lists at once.
    let query = RwSignal::new(String::new());
    let order = RwSignal::new(Order::default());
    let all_drafts = move || lists.get().map(|(d, _)| d).unwrap_or_default();
    let all_submissions = move || lists.get().map(|(_, s)| s).unwrap_or_default();
    let draft_title = move |d: &Draft| d.title.clone().unwrap_or_else(|| form_title(&d.form_id));
    let submission_title =
        move |s: &Submission| s.title.clone().unwrap_or_else(|| form_title(&s.form_id));
    let drafts = move || {
        lists::arrange(
            all_drafts(),
            draft_title,
            |d| d.updated_at_ms,
            &query.get(),
            order.get(),
        )
    };
    let submissions = move || {
        lists::arrange(
            all_submissions(),
            submission_title,
            |s| s.finalized_at_ms,
            &query.get(),
            order.get(),
        )
    };
    let replaced = Memo::new(move |_| corrections::replaced(&all_submissions(), &all_drafts()));
    // A correction's line (a draft's or a finalized one's answers): the form it corrects, by
    // when that was finalized.
    let correction_line = move |answers: &serde_json::Value| {
        let old = xonadon_engine::corrected_id(answers)?;
        let at = all_submissions()
            .iter()
            .find(|s| s.instance_id == old)
            .map(|s| local_time(s.finalized_at_ms))?;
        Some(move || filled(&ui_language(), W::Correction, &[("time", &at)]))
    };
    let drafts_count = move || lists::count(drafts().len(), all_drafts().len());
    let submissions_count = move || lists::count(submissions().len(), all_submissions().len());
    let confirm = expect_context::<Confirm>();
    let delete = move |d: Draft| {
        confirm.ask(t(&ui_language(), T::ConfirmDelete), move || {
            let id = d.id.clone();
            spawn_local(async move { store.delete_draft(&id).await });
        });
    };
    view! {
        <div class="home">
            <header class="bar">
                <h1>{move || t(&ui_language(), T::AppName)}</h1>
                // The supervisor's page (import, review, export) is a page of its own.
                <a class="button" id="open-supervisor" href="supervisor.html">
                    {move || t(&ui_language(), T::Supervisor)}
                </a>
                <a class="button" id="open-designer" href="designer.html">
                    {move || t(&ui_language(), T::Designer)}
                </a>
                <LanguagePicker />
            </header>
            <main>
                <section>
                    <h2>{move || t(&ui_language(), T::Forms)}</h2>
                    <ul class="cards">
                        {forms.into_iter().map(|(id, title)| view! {
                            <li>
                                <span class="entry-title">{title}</span>
                                <button type="button" class="primary" on:click=move |_| on_new.run(id.clone())>
                                    {move || t(&ui_language(), T::NewForm)}
                                </button>
                            </li>
                        }).collect_view()}
                    </ul>
                </section>
                <section class="find" role="search">
                    <label for="find-household">{move || t(&ui_language(), T::FindHousehold)}</label>
                    <input id="find-household" type="search" autocomplete="off"
                        prop:value=move || query.get()
                        on:input=move |ev| query.set(event_target_value(&ev)) />
                    <label for="list-order">{move || t(&ui_language(), T::SortBy)}</label>
                    <select id="list-order" on:change=move |ev| order.set(Order::from_value(&event_target_value(&ev)))>
                        <option value=Order::NewestFirst.value() selected=move || order.get() == Order::NewestFirst>
                            {move || t(&ui_language(), T::NewestFirst)}
                        </option>
                        <option value=Order::OldestFirst.value() selected=move || order.get() == Order::OldestFirst>
                            {move || t(&ui_language(), T::OldestFirst)}
                        </option>
                    </select>
                </section>
                <section>
                    <h2>{move || t(&ui_language(), T::Drafts)}" "<span class="count">"("{drafts_count}")"</span></h2>
                    <Show when=move || !drafts().is_empty() fallback=move || view! { <p>{move || t(&ui_language(), T::NoDrafts)}</p> }>
                        <ul class="cards drafts">
                            <For each=drafts key=|d| (d.id.clone(), d.updated_at_ms as u64) children=move |d| {
                                let (d1, d2) = (d.clone(), d.clone());
                                let title = draft_title(&d);
                                let correction = correction_line(&d.answers);
                                view! {
                                    <li>
                                        <span class="entry-title">{title}</span>
                                        {correction.map(|line| view! { <span class="correction">{line}</span> })}
                                        <span class="meta">{format!("{} / {} · ", d.answered, d.total)}
                                            {move || t(&ui_language(), T::Answered)}
                                            {format!(" · {}", local_time(d.updated_at_ms))}</span>
                                        <button type="button" class="primary" on:click=move |_| on_resume.run(d1.clone())>
                                            {move || t(&ui_language(), T::Resume)}
                                        </button>
                                        <button type="button" class="danger" on:click=move |_| delete(d2.clone())>
                                            {move || t(&ui_language(), T::Delete)}
                                        </button>
                                    </li>
                                }
                            } />
                        </ul>
                    </Show>
                </section>
                <section>
                    <h2>{move || t(&ui_language(), T::Finalized)}" "<span class="count">"("{submissions_count}")"</span></h2>
                    <SendSection submissions=Signal::derive(all_submissions) />
                    <Show when=move || !submissions().is_empty() fallback=move || view! { <p>{move || t(&ui_language(), T::NoFinalized)}</p> }>
                        <ul class="cards finalized">
                            <For each=submissions key=|s: &Submission| (s.instance_id.clone(), s.review.comments.len(), s.exports.len())
                                children=move |s| {
                                // The supervisor's review, once a bundle from them is imported.
                                let status = s.review.status;
                                let note = (status == ReviewStatus::HasIssues)
                                    .then(|| s.review.comments.last().map(|c| c.text.clone()))
                                    .flatten()
                                    .filter(|c| !c.is_empty());
                                let id = s.instance_id.clone();
                                let s2 = s.clone();
                                let sent_class = if last_sent(&s).is_some() { "sent" } else { "not-sent" };
                                view! {
                                    <li data-id=s.instance_id.clone()>
                                        <span class="entry-title">{submission_title(&s)}</span>
                                        <button type="button" class="view" on:click=move |_| on_view.run(id.clone())>
                                            {move || t(&ui_language(), T::View)}
                                        </button>
                                        <span class=status_class(status)>{move || status_text(&ui_language(), status)}</span>
                                        <span class="meta">{local_time(s.finalized_at_ms)}</span>
                                        <span class=sent_class>{move || sent_line(&ui_language(), &s2).1}</span>
                                        {correction_line(&s.data).map(|line| view! { <span class="correction">{line}</span> })}
                                        {replaced.with(|r| r.contains(&s.instance_id)).then(|| view! {
                                            <span class="replaced">{move || w(&ui_language(), W::Replaced)}</span>
                                        })}
                                        {note.map(|n| view! { <p class="review-note">{n}</p> })}
                                    </li>
                                }
                            } />
                        </ul>
                    </Show>
                </section>
                <ReceiveSection current=current lines=received on_received=on_received />
                <section class="settings">
                    <h2>{move || t(&ui_language(), T::Settings)}</h2>
                    <label for="enumerator">{move || t(&ui_language(), T::Enumerator)}</label>
                    <input id="enumerator" type="text" autocomplete="name" prop:value=move || settings.enumerator.get()
                        on:change=move |ev| settings.enumerator.set(event_target_value(&ev)) />
                    <label class="choice">
                        <input id="one-question" type="checkbox" prop:checked=move || settings.one_question.get()
                            on:change=move |ev| settings.one_question.set(event_target_checked(&ev)) />
                        <span>{move || t(&ui_language(), T::OneQuestion)}</span>
                    </label>
                    <label class="choice">
                        <input id="required-before-next" type="checkbox" prop:checked=move || settings.required_before_next.get()
                            on:change=move |ev| settings.required_before_next.set(event_target_checked(&ev)) />
                        <span>{move || t(&ui_language(), T::RequiredBeforeNext)}</span>
                    </label>
                    <label for="max-image">{move || t(&ui_language(), T::MaxImage)}</label>
                    <input id="max-image" type="text" inputmode="numeric"
                        prop:value=move || settings.max_image_px.get().to_string()
                        on:change=move |ev| {
                            if let Ok(px) = event_target_value(&ev).trim().parse::<u32>() {
                                settings.max_image_px.set(px.clamp(320, 4096));
                            }
                        } />
                    <p>{move || t(&ui_language(), T::DeviceId)}": "<code>{move || settings.device_id.get()}</code></p>
                    {move || store.usage.get().map(|u| view! {
                        <p class="storage-used">{crate::i18n::usage_message(&ui_language(), &u)}</p>
                    })}
                </section>
            </main>
        </div>
    }
}
