//! The lists of problems: the engine's in the text (a click jumps to the place) and the last
//! import's in the workbook (sheet, row and column say where). All is said in the designer's
//! language: the engine's messages, and around them the kind, the line and column, the count
//! (the importers' own checks, pyxform's, are English only).

use leptos::prelude::*;
use xonadon_engine::locate::Position;
use xonadon_engine::Severity;

use super::problems::Problem;
use super::state::DesignerState;
use super::words::{filled, w, W};
use crate::i18n::{t, T};
use crate::settings::ui_language;

/// A problem's kind in words.
fn kind(language: &str, severity: Severity) -> &'static str {
    match severity {
        Severity::Error => w(language, W::Error),
        Severity::Warning => w(language, W::Warning),
    }
}

/// Where in the text, in words: "line 5, column 47".
fn line_column(language: &str, at: Position) -> String {
    let (line, column) = (at.line.to_string(), at.column.to_string());
    filled(
        language,
        W::LineColumn,
        &[("line", &line), ("column", &column)],
    )
}

/// The count of errors and warnings above the list.
fn count(language: &str, list: &[Problem]) -> String {
    let errors = list
        .iter()
        .filter(|p| p.severity == Severity::Error)
        .count();
    let (errors, warnings) = (errors.to_string(), (list.len() - errors).to_string());
    filled(
        language,
        W::Count,
        &[("errors", &errors), ("warnings", &warnings)],
    )
}

/// The items of a list of problems, in `language`.
fn items(state: DesignerState, language: &str, list: Vec<Problem>) -> Vec<AnyView> {
    list.into_iter()
        .map(|p| {
            let class = match p.severity {
                Severity::Error => "problem error",
                Severity::Warning => "problem warning",
            };
            let kind = kind(language, p.severity);
            let message = p.message_in(language);
            match p.at {
                // In the text: a click goes there.
                Some(at) => view! {
                    <li class=class>
                        <button type="button" class="link" on:click=move |_| state.go(Some(at))>
                            <span class="place">{line_column(language, at)}</span>
                            <span class="kind">{kind}</span>
                            <span class="what">{message}<span class="path">{p.place}</span></span>
                        </button>
                    </li>
                }
                .into_any(),
                // In the workbook (the import's): sheet, row and column say where.
                None => view! {
                    <li class=class>
                        <span class="place">{p.place}</span>
                        <span class="kind">{kind}</span>
                        <span class="what">{message}</span>
                    </li>
                }
                .into_any(),
            }
        })
        .collect()
}

/// The text's problems, or a line saying there are none.
#[component]
pub fn Problems() -> impl IntoView {
    let state = expect_context::<DesignerState>();
    view! {
        <section class="problems">
            <h2>{move || t(&ui_language(), T::Problems)}</h2>
            {move || {
                let list = state.problems.get();
                let language = ui_language();
                if list.is_empty() {
                    view! { <p class="none">{t(&language, T::NoProblems)}</p> }.into_any()
                } else {
                    view! {
                        <p class="count" id="problem-count">{count(&language, &list)}</p>
                        <ul id="problems">{items(state, &language, list)}</ul>
                    }
                    .into_any()
                }
            }}
        </section>
    }
}

/// The last import's problems, while there are any.
#[component]
pub fn ImportProblems() -> impl IntoView {
    let state = expect_context::<DesignerState>();
    let found = state.import_problems;
    view! {
        <Show when=move || !found.get().is_empty()>
            <section class="problems import">
                <h2>{move || t(&ui_language(), T::ImportProblems)}</h2>
                <ul id="import-problems">{move || items(state, &ui_language(), found.get())}</ul>
            </section>
        </Show>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use wasm_bindgen_test::wasm_bindgen_test;

    fn problem(severity: Severity) -> Problem {
        Problem {
            severity,
            at: None,
            place: "$.survey[0]".into(),
            message: "m".into(),
            finding: None,
        }
    }

    #[wasm_bindgen_test]
    fn the_words_around_a_problem_are_in_the_designers_language() {
        let at = Position {
            line: 5,
            column: 47,
            utf16: 90,
        };
        assert_eq!(line_column("en", at), "line 5, column 47");
        assert_eq!(line_column("ru", at), "строка 5, столбец 47");
        assert_eq!(kind("uz-Cyrl", Severity::Warning), "Огоҳлантириш");
        let list = [
            problem(Severity::Error),
            problem(Severity::Warning),
            problem(Severity::Warning),
        ];
        assert_eq!(count("en", &list), "Errors: 1, warnings: 2");
        assert_eq!(
            count("uz-Latn", &list[..1]),
            "Xatolar: 1, ogohlantirishlar: 0"
        );
    }
}
