//! What the supervisor's sections share, in context: the device's submissions as light rows,
//! the forms they were filled in, and what the supervisor has chosen (filters, sorting, the
//! submission open, an export under way). One `Copy` struct of signals, so every section
//! reads and sets the same state and none holds a copy of it.

use std::collections::HashMap;
use std::sync::Arc;

use leptos::prelude::*;
use xonadon_engine::Form;
use xonadon_export::table::choice_labels;
use xonadon_storage::{Conflict, FormRecord};

use super::contract::{self, PageContract};
use super::rows::{self, Filters, Row, Sort};
use crate::local_time::local_day;
use crate::settings::ui_language;
use crate::store::Store;

/// What the list shows: a light row per submission (never all the answers of thousands).
#[derive(Debug, Default)]
pub struct Data {
    pub rows: Vec<Row>,
    pub forms: Vec<FormRecord>,
    pub conflicts: Vec<Conflict>,
}

/// A form version: `(form_id, version)`.
type FormKey = (String, String);

/// Compiled forms by version, loaded once each (`None`: it does not load).
#[derive(Clone, Copy)]
pub struct Forms(StoredValue<HashMap<FormKey, Option<Arc<Form>>>>);

impl Forms {
    pub fn get(&self, records: &[FormRecord], form_id: &str, version: &str) -> Option<Arc<Form>> {
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

/// The label of `value`, an answer to the question named `question` (a choice name).
pub fn choice_label(form: Option<&Form>, question: &str, value: &str, language: &str) -> String {
    form.and_then(|f| {
        let list = f.find(question)?.question_type()?.list()?;
        Some(choice_labels(f, list, value, Some(language)))
    })
    .unwrap_or_else(|| value.to_string())
}

/// Every submission as a row, read a page at a time; `form` gives a submission's form (for
/// the questions its supervisor setting names, and its title in `language`).
async fn read_rows(
    store: Store,
    form: impl Fn(&str, &str) -> Option<Arc<Form>>,
    language: &str,
) -> Vec<Row> {
    let mut rows = Vec::new();
    let mut after: Option<String> = None;
    while let Some(page) = store.submissions_page(after.as_deref(), 500).await {
        let Some(last) = page.last() else { break };
        after = Some(last.instance_id.clone());
        rows.extend(page.iter().map(|s| {
            let form = form(&s.form_id, &s.form_version);
            let title = form.as_deref().map(|f| f.title(Some(language)));
            Row::of(
                s,
                local_day,
                contract::of(form.as_deref()),
                title.as_deref(),
            )
        }));
    }
    rows::current(rows)
}

/// The page's state (see the module's documentation).
#[derive(Clone, Copy)]
pub struct SupervisorState {
    pub store: Store,
    /// Everything read from the device, again whenever the store's revision moves.
    pub data: Signal<Arc<Data>>,
    pub forms: Forms,
    /// What the forms of the submissions declare for this page.
    pub contract: Memo<PageContract>,
    pub all_rows: Memo<Vec<Row>>,
    /// The rows that pass the filters, sorted.
    pub shown: Memo<Vec<Row>>,
    pub filters: RwSignal<Filters>,
    pub sort: RwSignal<Sort>,
    /// The instance id of the submission open in the detail view.
    pub open: RwSignal<Option<String>>,
    /// Exported tables have labels for headers and choices.
    pub labels: RwSignal<bool>,
    /// What the last import or export did, a line per file.
    pub report: RwSignal<Vec<String>>,
    pub busy: RwSignal<bool>,
    /// An export's progress: done of total.
    pub progress: RwSignal<Option<(usize, usize)>>,
    /// The supervisor cancelled the export under way.
    pub cancel: StoredValue<bool>,
}

impl SupervisorState {
    /// The state of a new page, reading from `store`, provided as context.
    pub fn provide(store: Store) -> SupervisorState {
        let forms = Forms(StoredValue::new(HashMap::new()));
        let resource = LocalResource::new(move || {
            store.revision.track();
            let language = ui_language();
            async move {
                let records = store.forms().await;
                let rows = read_rows(store, |id, v| forms.get(&records, id, v), &language).await;
                Arc::new(Data {
                    rows,
                    forms: records,
                    conflicts: store.conflicts().await,
                })
            }
        });
        let data = Signal::derive(move || resource.get().unwrap_or_default());
        let all_rows = Memo::new(move |_| data.get().rows.clone());
        let filters = RwSignal::new(Filters::default());
        let sort = RwSignal::new(Sort::default());
        let shown = Memo::new(move |_| rows::shown(&all_rows.get(), &filters.get(), sort.get()));
        let contract = Memo::new(move |_| {
            let d = data.get();
            let mut versions: Vec<(&str, &str)> = d
                .rows
                .iter()
                .map(|r| (r.form_id.as_str(), r.form_version.as_str()))
                .collect();
            versions.sort();
            versions.dedup();
            let loaded: Vec<Arc<Form>> = versions
                .into_iter()
                .filter_map(|(id, v)| forms.get(&d.forms, id, v))
                .collect();
            PageContract::of(loaded.iter().map(|f| &**f), &ui_language())
        });
        let state = SupervisorState {
            store,
            data,
            forms,
            contract,
            all_rows,
            shown,
            filters,
            sort,
            open: RwSignal::new(None),
            labels: RwSignal::new(false),
            report: RwSignal::new(Vec::new()),
            busy: RwSignal::new(false),
            progress: RwSignal::new(None),
            cancel: StoredValue::new(false),
        };
        provide_context(state);
        state
    }

    /// The form a row (or submission) was filled in, if it is on the device and loads.
    pub fn form_of(&self, form_id: &str, version: &str) -> Option<Arc<Form>> {
        self.forms.get(&self.data.get().forms, form_id, version)
    }

    /// A row's answer to place level `k`, by its label in `language` when it is a choice.
    pub fn place_label(&self, row: &Row, k: usize, language: &str) -> String {
        let value = row.place.get(k).map_or("", String::as_str);
        let form = self.form_of(&row.form_id, &row.form_version);
        match contract::level_name(form.as_deref(), k) {
            Some(question) => choice_label(form.as_deref(), question, value, language),
            None => value.to_string(),
        }
    }
}
