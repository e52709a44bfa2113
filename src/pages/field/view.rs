//! A finalized form, read-only: every answer under its question's label, the supervisor's
//! review on top (a form returned with issues says why first), and a print button, so the
//! browser's "print to PDF" gives a clean record for a family's file (`@media print` in
//! `style.css` leaves the buttons out). A returned form can be opened again to be corrected.

use std::sync::Arc;

use leptos::prelude::*;
use xonadon_engine::Form;
use xonadon_storage::{ReviewStatus, Submission};

use super::words::{w, W};
use crate::components::answers::AnswerList;
use crate::components::review::{status_class, status_text};
use crate::i18n::{t, T};
use crate::local_time::local_time;
use crate::settings::ui_language;

#[component]
pub fn SubmissionView(
    submission: Submission,
    /// Its form version; `None` if the device no longer has it (the answers are then not
    /// shown under labels, and the page says nothing it cannot read).
    form: Option<Arc<Form>>,
    /// A correction of it is on the device already.
    replaced: bool,
    /// Opens it again as a new draft that corrects it (offered for a returned form).
    #[prop(into)]
    on_correct: Callback<()>,
    #[prop(into)] on_home: Callback<()>,
) -> impl IntoView {
    let title = submission.title.clone().unwrap_or_else(|| {
        form.as_deref()
            .map(|f| f.title(Some(&ui_language())))
            .unwrap_or_else(|| submission.form_id.clone())
    });
    let status = submission.review.status;
    let comments = submission.review.comments.clone();
    let returned = status == ReviewStatus::HasIssues;
    // Corrected with the form it was filled in: without it the answers cannot be reopened.
    let can_correct = returned && !replaced && form.is_some();
    view! {
        <div class="view-submission">
            <header class="bar">
                <button type="button" on:click=move |_| on_home.run(())>{move || t(&ui_language(), T::Home)}</button>
                <h1>{title}</h1>
                <button type="button" id="print" on:click=move |_| { let _ = window().print(); }>
                    {move || t(&ui_language(), T::Print)}
                </button>
            </header>
            <main>
                <p class="meta">
                    {local_time(submission.finalized_at_ms)}
                {(!submission.enumerator.is_empty()).then(|| format!(" · {}", submission.enumerator))}" · "
                    <span class=status_class(status)>{move || status_text(&ui_language(), status)}</span>
                </p>
                {(!comments.is_empty()).then(|| view! {
                    <section class="review" class:returned=returned>
                        <h2>{move || t(&ui_language(), T::Review)}</h2>
                        <ul class="comments">
                            {comments.into_iter().rev().map(|c| view! {
                                <li><strong>{c.by.clone()}</strong>" · "{local_time(c.at_ms)}" · "
                                    {move || status_text(&ui_language(), c.status)}": "{c.text.clone()}</li>
                            }).collect_view()}
                        </ul>
                        {can_correct.then(|| view! {
                            <button type="button" id="correct" class="primary"
                                on:click=move |_| on_correct.run(())>
                                {move || w(&ui_language(), W::Correct)}
                            </button>
                        })}
                    </section>
                })}
                {replaced.then(|| view! {
                    <p class="replaced">{move || w(&ui_language(), W::Replaced)}</p>
                })}
                <AnswerList form=form data=submission.data.clone() />
            </main>
        </div>
    }
}
