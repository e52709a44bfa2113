//! One submission open: its answers under their labels (`answers.rs`) and its review; and the
//! comparison of a conflicting copy with the one held (`differences.rs`).

use std::sync::Arc;

use leptos::prelude::*;
use leptos::task::spawn_local;
use xonadon_engine::Form;
use xonadon_export::keys::SupervisorIdentity;
use xonadon_export::signature;
use xonadon_storage::{Review, ReviewComment, ReviewStatus, Submission};

use super::history::EarlierVersions;
use super::reviewer::{refusal, Reviewer};
use super::state::SupervisorState;
use super::words::{filled, w, W};
use super::{differences, rows};
use crate::components::answers::AnswerList;
use crate::components::review::{status_class, status_text};
use crate::i18n::{t, T};
use crate::local_time::local_time;
use crate::settings::ui_language;

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

/// Moves the focus to the element `id` (the field a refused review needs).
fn focus(id: &str) {
    use wasm_bindgen::JsCast;
    if let Some(e) = document()
        .get_element_by_id(id)
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = e.focus();
    }
}

/// Who reviews: the open key's supervisor, or the name asked once and kept on this device.
#[component]
fn ReviewerField(refused: RwSignal<Option<W>>) -> impl IntoView {
    let reviewer = expect_context::<Reviewer>();
    let keys = expect_context::<super::keys::Keys>();
    let editing = RwSignal::new(reviewer.0.get_untracked().is_empty());
    let draft = RwSignal::new(reviewer.0.get_untracked());
    let missing = move || refused.get() == Some(W::NameNeeded);
    let save = move || {
        let name = draft.get_untracked();
        if !name.trim().is_empty() {
            reviewer.set(&name);
            editing.set(false);
            refused.set(None);
        }
    };
    move || {
        let lang = ui_language();
        if let Some(key) = keys.identity.get() {
            let text = filled(&lang, W::ReviewingAs, &[("name", &key.name)]);
            return view! { <p class="reviewer" id="reviewer-shown">{text}</p> }.into_any();
        }
        if editing.get() {
            view! {
                <div class="reviewer">
                    <label for="reviewer-name">{w(&lang, W::ReviewerName)}</label>
                    <input id="reviewer-name" type="text" autocomplete="name" aria-required="true"
                        aria-invalid=move || missing().to_string()
                        aria-describedby=move || missing().then_some("review-error")
                        prop:value=move || draft.get()
                        on:input=move |ev| draft.set(event_target_value(&ev))
                        on:keydown=move |ev| if ev.key() == "Enter" { save() } />
                    <button type="button" id="save-reviewer" on:click=move |_| save()>{w(&lang, W::SaveName)}</button>
                </div>
            }
            .into_any()
        } else {
            let text = filled(&lang, W::ReviewingAs, &[("name", &reviewer.0.get())]);
            view! {
                <p class="reviewer">
                    <span id="reviewer-shown">{text}</span>" "
                    <button type="button" id="change-reviewer" on:click=move |_| editing.set(true)>{w(&lang, W::ChangeName)}</button>
                </p>
            }
            .into_any()
        }
    }
}

/// One submission, readable, with its review; `scroll`: brought into view (just opened).
#[component]
pub fn Detail(
    submission: Submission,
    form: Option<Arc<Form>>,
    #[prop(into)] on_close: Callback<()>,
    scroll: bool,
) -> impl IntoView {
    let store = expect_context::<SupervisorState>().store;
    let reviewer = expect_context::<Reviewer>();
    let keys = expect_context::<super::keys::Keys>();
    let comment = RwSignal::new(String::new());
    let refused = RwSignal::new(None::<W>);
    let section = NodeRef::<leptos::html::Section>::new();
    if scroll {
        // On a phone the list is long and the detail below it: opening a row shows it.
        Effect::new(move |_| {
            if let Some(section) = section.get() {
                section.scroll_into_view();
            }
        });
    }
    let id = submission.instance_id.clone();
    let reviewed_one = submission.clone();
    let review = submission.review.clone();
    let form_title = form.as_deref().map(|f| f.title(Some(&ui_language())));
    let title = rows::name_of(&submission, form_title.as_deref());
    let data = submission.data.clone();
    let corrects = xonadon_engine::corrected_id(&data).map(str::to_string);
    let set_status = move |status: ReviewStatus| {
        let key = keys.identity.get_untracked();
        // A signed review names the key's supervisor: the name other devices check.
        let by = match &key {
            Some(key) => key.name.clone(),
            None => reviewer.0.get_untracked(),
        };
        let text = comment.get_untracked();
        if let Some(why) = refusal(status, &text, &by) {
            refused.set(Some(why));
            focus(match why {
                W::NameNeeded => "reviewer-name",
                _ => "review-comment",
            });
            return;
        }
        refused.set(None);
        let comment = ReviewComment {
            at_ms: js_sys::Date::now(),
            by,
            status,
            text,
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
        <section class="detail" aria-labelledby="detail-title" node_ref=section>
            <header class="detail-head">
                <h2 id="detail-title">{title}</h2>
                <button type="button" on:click=move |_| on_close.run(())>{move || t(&ui_language(), T::Close)}</button>
            </header>
            <p class="meta">
                {local_time(submission.finalized_at_ms)}
                {(!submission.enumerator.is_empty()).then(|| format!(" · {}", submission.enumerator))}" · "
                <span class=status_class(submission.review.status)>{move || status_text(&ui_language(), submission.review.status)}</span>
            </p>
            <AnswerList form=form.clone() data=data />
            {corrects.map(|old| view! { <EarlierVersions corrects=old /> })}
            <div class="review">
                <h3>{move || t(&ui_language(), T::Review)}</h3>
                <ul class="comments">
                    {comments.into_iter().map(|c| view! {
                        <li><strong>{c.by.clone()}</strong>" · "{local_time(c.at_ms)}" · "
                            {move || status_text(&ui_language(), c.status)}": "{c.text.clone()}</li>
                    }).collect_view()}
                </ul>
                <ReviewerField refused=refused />
                <label for="review-comment">{move || t(&ui_language(), T::Comment)}</label>
                <textarea id="review-comment" rows="3" prop:value=move || comment.get()
                    aria-required="true"
                    aria-invalid=move || (refused.get() == Some(W::CommentNeeded)).to_string()
                    aria-describedby=move || (refused.get() == Some(W::CommentNeeded)).then_some("review-error")
                    on:input=move |ev| comment.set(event_target_value(&ev))></textarea>
                {move || refused.get().map(|why| view! {
                    <p id="review-error" class="review-error" role="alert">{w(&ui_language(), why)}</p>
                })}
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
    // The submission last shown: brought into view when another one opens, not when the same
    // one is read again after a review.
    let shown = StoredValue::new(None::<String>);
    move || {
        let Some(s) = opened.get().flatten() else {
            shown.set_value(None);
            return None;
        };
        let form = state.form_of(&s.form_id, &s.form_version);
        let scroll = shown.get_value().as_deref() != Some(s.instance_id.as_str());
        shown.set_value(Some(s.instance_id.clone()));
        Some(
            view! { <Detail submission=s form=form scroll=scroll on_close=move |_| state.open.set(None) /> },
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use wasm_bindgen_test::wasm_bindgen_test;

    #[wasm_bindgen_test]
    fn a_review_keeps_its_comments_and_is_signed() {
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
