//! A correction's history: the versions of the same household it replaces (each named by the
//! next one's `meta/deprecatedID`), newest first, with the review that sent each back. The
//! list shows only the latest version (`rows::current`); the earlier ones stay on the device
//! and are read here.

use leptos::prelude::*;
use xonadon_storage::Submission;

use super::state::SupervisorState;
use super::words::{w, W};
use crate::components::review::{status_class, status_text};
use crate::local_time::local_time;
use crate::settings::ui_language;

/// How far back a chain is followed (a chain is a form returned this many times; a loop in
/// hand-made data stops here too).
const MAX_VERSIONS: usize = 50;

/// The versions `first` and those it corrects in turn, as far as the device holds them.
async fn earlier(state: SupervisorState, first: String) -> (Vec<Submission>, bool) {
    let mut versions: Vec<Submission> = Vec::new();
    let mut next = Some(first);
    while let Some(id) = next.take() {
        if versions.len() == MAX_VERSIONS || versions.iter().any(|s| s.instance_id == id) {
            break;
        }
        let Some(s) = state.store.submission(&id).await else {
            return (versions, false);
        };
        next = xonadon_engine::corrected_id(&s.data).map(str::to_string);
        versions.push(s);
    }
    (versions, true)
}

/// The earlier versions of a correction that replaces `corrects`.
#[component]
pub fn EarlierVersions(corrects: String) -> impl IntoView {
    let state = expect_context::<SupervisorState>();
    let chain = LocalResource::new(move || earlier(state, corrects.clone()));
    move || {
        chain.get().map(|(versions, all_held)| {
            view! {
                <div class="earlier-versions">
                    <h3>{move || w(&ui_language(), W::EarlierVersions)}</h3>
                    <ul>
                        {versions.into_iter().map(|s| {
                            let status = s.review.status;
                            view! {
                                <li data-id=s.instance_id.clone()>
                                    {local_time(s.finalized_at_ms)}" · "
                                    <span class=status_class(status)>{move || status_text(&ui_language(), status)}</span>
                                    <ul class="comments">
                                        {s.review.comments.into_iter().map(|c| view! {
                                            <li><strong>{c.by}</strong>" · "{local_time(c.at_ms)}": "{c.text}</li>
                                        }).collect_view()}
                                    </ul>
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                    {(!all_held).then(|| view! { <p>{move || w(&ui_language(), W::EarlierNotHeld)}</p> })}
                </div>
            }
        })
    }
}
