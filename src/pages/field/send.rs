//! Sending from the home screen: the finalized forms not sent yet (or all of them again) as
//! one bundle file for the supervisor, encrypted for the supervisor's key when the tablet has
//! it (`crate::send` writes it, as the supervisor's export does). Which forms go is decided
//! here, in plain functions.

use std::collections::HashSet;

use leptos::prelude::*;
use leptos::task::spawn_local;
use xonadon_export::stream::Progress;
use xonadon_storage::Submission;

use super::words::{filled, w, W};
use crate::local_time::local_time;
use crate::pages::supervisor::keys::saved_seal_to;
use crate::send::{
    bundle_blob, bundle_forms, bundle_name, download_and_record, versions_of, BundleRequest,
    BUNDLE_FORMAT,
};
use crate::settings::{ui_language, Settings};
use crate::store::Store;

/// When the submission last went out in an export (`None`: never).
pub fn last_sent(s: &Submission) -> Option<f64> {
    s.exports.iter().map(|e| e.at_ms).reduce(f64::max)
}

/// The submissions a "send" takes: those never sent, or all of them `again`.
pub fn to_send(all: &[Submission], again: bool) -> Vec<&Submission> {
    all.iter()
        .filter(|s| again || s.exports.is_empty())
        .collect()
}

/// A finalized form's line in the list: when it was sent, or that it was not.
pub fn sent_line(language: &str, s: &Submission) -> (bool, String) {
    match last_sent(s) {
        Some(at) => (
            true,
            filled(language, W::SentAt, &[("time", &local_time(at))]),
        ),
        None => (false, w(language, W::NotSent).to_string()),
    }
}

/// The progress of a send, on screen (it cannot be cancelled: a tablet's week is small).
struct OnScreen(RwSignal<Option<(usize, usize)>>);

impl Progress for OnScreen {
    fn step(&mut self, done: usize, total: usize) {
        self.0.set(Some((done, total)));
    }
    fn cancelled(&self) -> bool {
        false
    }
}

/// What the send's task needs, read before it starts (the page's context is not at hand in
/// it).
struct Sending {
    ids: HashSet<String>,
    versions: Vec<(String, String)>,
    device_id: String,
    language: String,
}

/// Writes the bundle, downloads it and records it: the line that says what went out.
async fn send(store: Store, sending: Sending, progress: &mut OnScreen) -> Result<String, String> {
    let forms = bundle_forms(&sending.versions, &store.forms().await, &sending.language)?;
    let request = BundleRequest {
        forms,
        device_id: sending.device_id,
        seal_to: saved_seal_to(),
        language: sending.language,
    };
    let blob = bundle_blob(store, &request, &sending.ids, progress).await?;
    let day = crate::local_time::local_day(js_sys::Date::now());
    let name = bundle_name(&request.device_id, &day, request.seal_to.is_some());
    let n = download_and_record(
        store,
        &name,
        &blob,
        sending.ids,
        BUNDLE_FORMAT,
        &request.language,
    )
    .await?;
    Ok(filled(
        &request.language,
        W::SentFile,
        &[("file", &name), ("n", &n.to_string())],
    ))
}

/// The send buttons above the finalized forms, the progress and what went out.
#[component]
pub fn SendSection(
    /// The finalized forms on the device.
    #[prop(into)]
    submissions: Signal<Vec<Submission>>,
) -> impl IntoView {
    let store = expect_context::<Store>();
    let settings = expect_context::<Settings>();
    let busy = RwSignal::new(false);
    let progress = RwSignal::new(None::<(usize, usize)>);
    let result = RwSignal::new(None::<String>);
    let sealed = saved_seal_to().is_some();
    let unsent = move || submissions.with(|all| to_send(all, false).len());
    let start = move |again: bool| {
        let language = ui_language();
        let (ids, versions) = submissions.with_untracked(|all| {
            let chosen = to_send(all, again);
            let ids: HashSet<String> = chosen.iter().map(|s| s.instance_id.clone()).collect();
            (ids, versions_of(chosen))
        });
        if ids.is_empty() {
            result.set(Some(w(&language, W::NothingToSend).to_string()));
            return;
        }
        let sending = Sending {
            ids,
            versions,
            device_id: settings.device_id.get_untracked(),
            language,
        };
        busy.set(true);
        result.set(None);
        spawn_local(async move {
            let outcome = send(store, sending, &mut OnScreen(progress)).await;
            progress.set(None);
            result.set(Some(outcome.unwrap_or_else(|e| e)));
            busy.set(false);
        });
    };
    view! {
        <div class="send">
            <p class=if sealed { "sealed" } else { "not-sealed" }>
                {move || w(&ui_language(), if sealed { W::Sealed } else { W::NotSealed })}
            </p>
            <div class="actions">
                <button type="button" id="send-new" class="primary"
                    disabled=move || busy.get() || unsent() == 0
                    on:click=move |_| start(false)>
                    {move || filled(&ui_language(), W::SendNew, &[("n", &unsent().to_string())])}
                </button>
                <button type="button" id="send-all"
                    disabled=move || busy.get() || submissions.with(Vec::is_empty)
                    on:click=move |_| start(true)>
                    {move || w(&ui_language(), W::SendAll)}
                </button>
            </div>
            {move || progress.get().map(|(done, total)| view! {
                <progress max=total.max(1) value=done></progress>
            })}
            <p id="send-result" role="status">{move || result.get()}</p>
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use wasm_bindgen_test::wasm_bindgen_test;
    use xonadon_storage::ExportRecord;

    fn submission(id: &str, sent: &[f64]) -> Submission {
        Submission {
            instance_id: id.into(),
            form_id: "f".into(),
            form_version: "1".into(),
            data: serde_json::Value::Null,
            started_at_ms: 0.0,
            finalized_at_ms: 0.0,
            enumerator: String::new(),
            device_id: String::new(),
            title: None,
            review: Default::default(),
            exports: sent
                .iter()
                .map(|&at_ms| ExportRecord {
                    at_ms,
                    format: "json".into(),
                })
                .collect(),
        }
    }

    #[wasm_bindgen_test]
    fn new_takes_the_never_sent_and_again_takes_all() {
        let all = [
            submission("a", &[]),
            submission("b", &[5.0]),
            submission("c", &[]),
        ];
        let ids = |chosen: Vec<&Submission>| {
            chosen
                .iter()
                .map(|s| s.instance_id.as_str())
                .collect::<Vec<_>>()
                .join(",")
        };
        assert_eq!(ids(to_send(&all, false)), "a,c");
        assert_eq!(ids(to_send(&all, true)), "a,b,c");
    }

    #[wasm_bindgen_test]
    fn the_last_export_is_when_it_was_sent() {
        assert_eq!(last_sent(&submission("a", &[])), None);
        assert_eq!(last_sent(&submission("a", &[5.0, 9.0, 7.0])), Some(9.0));
        assert_eq!(
            sent_line("en", &submission("a", &[])),
            (false, "Not sent yet".into())
        );
        let (sent, line) = sent_line("ru", &submission("a", &[9.0]));
        assert!(sent && line.starts_with("Отправлено: "), "{line}");
    }
}
