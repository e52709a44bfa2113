//! One submission open: its answers under their labels (`answers.rs`) and its review; and the
//! comparison of a conflicting copy with the one held (`differences.rs`).

use std::sync::Arc;

use leptos::prelude::*;
use leptos::task::spawn_local;
use xonadon_engine::Form;
use xonadon_export::keys::SupervisorIdentity;
use xonadon_export::signature;
use xonadon_storage::{Review, ReviewComment, ReviewStatus, Submission};

use super::state::SupervisorState;
use super::{answers, differences};
use crate::components::review::{status_class, status_text};
use crate::i18n::{t, T};
use crate::local_time::local_time;
use crate::settings::{ui_language, Settings};

/// Who signs a review: the name set on this device, else the device's id.
pub fn reviewer(name: &str, device_id: &str) -> String {
    if name.trim().is_empty() {
        device_id.to_string()
    } else {
        name.to_string()
    }
}

/// `review` with a new `status` and the comment that says so (comments are kept, in order).
pub fn reviewed(review: &Review, status: ReviewStatus, comment: ReviewComment) -> Review {
    let mut next = review.clone();
    next.status = status;
    next.comments.push(comment);
    // A signature covers the review as it was: the changed one is unsigned until signed again.
    next.signature = None;
    next
}

/// `next`, the new review of `submission`, signed when the supervisor's key is open (an
/// unsigned review stays on this device's word only: other devices that know supervisors
/// refuse it).
pub fn signed(submission: &Submission, next: Review, key: Option<&SupervisorIdentity>) -> Review {
    match key {
        Some(key) => {
            let mut s = submission.clone();
            s.review = next;
            signature::sign(key, &s)
        }
        None => next,
    }
}

/// What differs between the submission held here and an imported copy, question by question.
#[component]
pub fn Compare(imported: Submission) -> impl IntoView {
    let state = expect_context::<SupervisorState>();
    let id = imported.instance_id.clone();
    let held = LocalResource::new(move || {
        let id = id.clone();
        async move { state.store.submission(&id).await }
    });
    let form = state.form_of(&imported.form_id, &imported.form_version);
    view! {
        <details class="compare">
            <summary>{move || t(&ui_language(), T::Compare)}</summary>
            {move || held.get().flatten().map(|held| {
                let lang = ui_language();
                let rows = differences::differences(form.as_deref(), &held.data, &imported.data, Some(&lang));
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
pub fn Detail(
    submission: Submission,
    form: Option<Arc<Form>>,
    #[prop(into)] on_close: Callback<()>,
) -> impl IntoView {
    let store = expect_context::<SupervisorState>().store;
    let settings = expect_context::<Settings>();
    let keys = expect_context::<super::keys::Keys>();
    let comment = RwSignal::new(String::new());
    let id = submission.instance_id.clone();
    let reviewed_one = submission.clone();
    let review = submission.review.clone();
    let title = submission
        .title
        .clone()
        .unwrap_or_else(|| submission.instance_id.clone());
    let data = submission.data.clone();
    let lines = move || {
        let lang = ui_language();
        form.as_deref()
            .map(|f| answers::lines(f, &data, Some(&lang)))
            .unwrap_or_default()
    };
    let set_status = move |status: ReviewStatus| {
        let key = keys.identity.get_untracked();
        // A signed review names the key's supervisor: the name other devices check.
        let by = match &key {
            Some(key) => key.name.clone(),
            None => reviewer(
                &settings.enumerator.get_untracked(),
                &settings.device_id.get_untracked(),
            ),
        };
        let comment = ReviewComment {
            at_ms: js_sys::Date::now(),
            by,
            status,
            text: comment.get_untracked(),
        };
        let next = signed(
            &reviewed_one,
            reviewed(&review, status, comment),
            key.as_ref(),
        );
        let id = id.clone();
        spawn_local(async move { store.set_review(&id, &next).await });
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

/// The submission open in the detail view, read when opened (and again after a review).
#[component]
pub fn OpenSubmission() -> impl IntoView {
    let state = expect_context::<SupervisorState>();
    let opened = LocalResource::new(move || {
        state.store.revision.track();
        let id = state.open.get();
        async move { state.store.submission(&id?).await }
    });
    move || {
        opened.get().flatten().map(|s| {
            let form = state.form_of(&s.form_id, &s.form_version);
            view! { <Detail submission=s form=form on_close=move |_| state.open.set(None) /> }
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use wasm_bindgen_test::wasm_bindgen_test;

    #[wasm_bindgen_test]
    fn a_review_keeps_its_comments_and_is_signed() {
        assert_eq!(reviewer("  ", "dev1"), "dev1");
        assert_eq!(reviewer("Nodira", "dev1"), "Nodira");
        let comment = |text: &str, status| ReviewComment {
            at_ms: 1.0,
            by: "Nodira".into(),
            status,
            text: text.into(),
        };
        let first = reviewed(
            &Review::default(),
            ReviewStatus::HasIssues,
            comment("age?", ReviewStatus::HasIssues),
        );
        let signed = Review {
            signature: Some("ed25519:of-the-first".into()),
            ..first
        };
        let second = reviewed(
            &signed,
            ReviewStatus::Approved,
            comment("ok", ReviewStatus::Approved),
        );
        assert_eq!(second.status, ReviewStatus::Approved);
        let texts: Vec<&str> = second.comments.iter().map(|c| c.text.as_str()).collect();
        assert_eq!(texts, ["age?", "ok"]);
        assert_eq!(
            second.signature, None,
            "the old signature does not cover the new review"
        );
    }

    #[wasm_bindgen_test]
    fn a_review_is_signed_when_the_key_is_open() {
        let key = SupervisorIdentity::generate("Nodira");
        let submission = Submission {
            instance_id: "u1".into(),
            form_id: "f".into(),
            form_version: "1".into(),
            data: serde_json::json!({"a": "x"}),
            started_at_ms: 1.0,
            finalized_at_ms: 2.0,
            enumerator: "Malika".into(),
            device_id: "tablet".into(),
            title: None,
            review: Review::default(),
            exports: Vec::new(),
        };
        let next = reviewed(
            &Review::default(),
            ReviewStatus::Approved,
            ReviewComment {
                at_ms: 3.0,
                by: "Nodira".into(),
                status: ReviewStatus::Approved,
                text: String::new(),
            },
        );
        assert_eq!(signed(&submission, next.clone(), None), next);
        let mut held = submission.clone();
        held.review = signed(&submission, next, Some(&key));
        let known = xonadon_export::keys::Supervisors(vec![key.public()]);
        assert!(signature::check(&known, &held).is_ok());
    }
}
