//! The `0`/`1` columns of a select_multiple whose choices are another question's answers
//! (`select_multiple ${name}`, the engine's `Element::choices_from`: "who in the household
//! receives a pension?" over the roster's names).
//!
//! For a choice list the `q/choice` columns are known before any data is read. Here the
//! choices exist only inside each submission (its own roster), so they are learned from the
//! data: the distinct names selected over all exported submissions, in the order they are
//! first seen — submission by submission in export order and, within one, in the order its
//! answers hold them (the roster's order, as the engine keeps a select_multiple in choice
//! order). First seen keeps the columns stable as an export grows: the submissions of
//! yesterday's export give the same columns in the same order today, new names come after.
//! A roster name nobody selected gets no column (it would read `0` everywhere). The label
//! of an answer as a choice is the answer itself, so the header is `q/NAME` by names and by
//! labels alike.
//!
//! The columns must be known before the first row is written, so the exports read the
//! submissions once more first ([`crate::stream`]); forms without such a select pay nothing.

use std::borrow::Cow;

use xonadon_storage::Submission;

use super::{walk, Column, Fill, Layout};

/// A select_multiple over answers in one table, with the choice names learned so far.
#[derive(Debug, Clone)]
pub(super) struct AnswerSelect {
    table: usize,
    /// Names from the row's object down to the answer (as its columns have it).
    path: Vec<String>,
    /// The whole-answer column's header, which the 0/1 headers extend (`q/NAME`).
    header: String,
    /// Learned names, in the order their columns stand.
    names: Vec<String>,
}

impl AnswerSelect {
    pub(super) fn new(table: usize, path: Vec<String>, header: String) -> AnswerSelect {
        AnswerSelect {
            table,
            path,
            header,
            names: Vec::new(),
        }
    }
}

impl<'f> Layout<'f> {
    /// Whether the layout has a select_multiple over answers, whose `0`/`1` columns
    /// [`Layout::learn`] must be shown the submissions before headers or rows are written.
    pub fn learns_choices(&self) -> bool {
        !self.answer_selects.is_empty()
    }

    /// Adds a `0`/`1` column for each choice name `submission` selects in a select_multiple
    /// over answers that no submission learned before selected, after the columns of the
    /// names seen before.
    pub fn learn(&mut self, submission: &Submission) {
        for k in 0..self.answer_selects.len() {
            let select = &self.answer_selects[k];
            let mut new: Vec<String> = Vec::new();
            for row in self.objects(select.table, submission) {
                let answer = walk(row.value, &select.path).and_then(|v| v.as_str());
                for name in answer.unwrap_or_default().split_whitespace() {
                    if !select.names.iter().chain(&new).any(|n| n == name) {
                        new.push(name.to_string());
                    }
                }
            }
            for name in new {
                self.add_chosen(k, name);
            }
        }
    }

    /// This layout with the columns `submissions` teach it; itself when it has nothing to
    /// learn.
    pub fn learned<'a>(&'a self, submissions: &[&Submission]) -> Cow<'a, Layout<'f>> {
        if !self.learns_choices() {
            return Cow::Borrowed(self);
        }
        let mut layout = self.clone();
        for s in submissions {
            layout.learn(s);
        }
        Cow::Owned(layout)
    }

    /// Inserts the column of `name` after the other learned columns of select `k`.
    fn add_chosen(&mut self, k: usize, name: String) {
        let select = &mut self.answer_selects[k];
        let columns = &mut self.tables[select.table].columns;
        let Some(whole) = columns
            .iter()
            .position(|c| c.path == select.path && matches!(c.fill, Fill::Choices(_)))
        else {
            return;
        };
        columns.insert(
            whole + 1 + select.names.len(),
            Column {
                header: format!("{}/{name}", select.header),
                path: select.path.clone(),
                fill: Fill::Chosen(name.clone()),
            },
        );
        select.names.push(name);
    }
}
