//! `settings.supervisor`: the questions the supervisor's page is built on must be there, of a
//! type the page can read, and outside repeats (the page reads one answer per submission).
//! A wrong name would leave a filter or a chart silently empty on every supervisor's screen,
//! so it is an error where the designer wrote it.

use std::collections::HashMap;

use crate::compile::unresolved;
use crate::definition::Settings;
use crate::diagnostic::{Diagnostic, ElementKind, Finding, Role, Severity};
use crate::expr::ElemId;
use crate::form::{Element, Kind, QuestionType};

/// Whether a question of type `q` can be what `role` asks for.
fn fits(role: Role, q: &QuestionType) -> bool {
    match role {
        Role::Place => matches!(
            q,
            QuestionType::SelectOne(_) | QuestionType::Text | QuestionType::Calculate
        ),
        Role::Needs => matches!(q, QuestionType::SelectMultiple(_)),
    }
}

/// The findings on `settings.supervisor`, each at the JSON path of the name it is about.
pub(crate) fn check(
    settings: &Settings,
    elements: &[Element],
    by_name: &HashMap<String, ElemId>,
    ambiguous: &HashMap<String, Vec<String>>,
) -> Vec<Diagnostic> {
    let Some(s) = &settings.supervisor else {
        return Vec::new();
    };
    let mut out = Vec::new();
    let mut named = |path: String, name: &str, role: Role| {
        if let Some(finding) = problem(name, role, elements, by_name, ambiguous) {
            out.push(error(path, finding));
        }
    };
    for (k, name) in s.place.iter().enumerate() {
        named(
            format!("$.settings.supervisor.place[{k}]"),
            name,
            Role::Place,
        );
    }
    if let Some(name) = &s.needs {
        named("$.settings.supervisor.needs".into(), name, Role::Needs);
    }
    for (k, name) in s.place.iter().enumerate() {
        if s.place[..k].contains(name) {
            out.push(error(
                format!("$.settings.supervisor.place[{k}]"),
                Finding::SupervisorLevelTwice { name: name.clone() },
            ));
        }
    }
    if s.place.is_empty() && s.needs.is_none() {
        out.push(Diagnostic::new(
            Severity::Warning,
            "$.settings.supervisor",
            None,
            Finding::SupervisorNamesNothing,
        ));
    }
    out
}

fn error(path: String, finding: Finding) -> Diagnostic {
    Diagnostic::new(Severity::Error, path, None, finding)
}

/// Why `name` cannot be `role`, if it cannot.
fn problem(
    name: &str,
    role: Role,
    elements: &[Element],
    by_name: &HashMap<String, ElemId>,
    ambiguous: &HashMap<String, Vec<String>>,
) -> Option<Finding> {
    let Some(&id) = by_name.get(name) else {
        let why = unresolved(name, by_name, ambiguous);
        return Some(Finding::SupervisorUnresolved { role, why });
    };
    let e = &elements[id];
    let is = match &e.kind {
        Kind::Question(q) if fits(role, q) => None,
        Kind::Question(_) => Some(ElementKind::QuestionOfAnotherType),
        Kind::Group => Some(ElementKind::Group),
        Kind::Repeat => Some(ElementKind::Repeat),
        Kind::Root => Some(ElementKind::Form),
    };
    if let Some(is) = is {
        return Some(Finding::SupervisorWrongKind {
            name: name.to_string(),
            is,
            role,
        });
    }
    if let Some(&repeat) = e.repeats.first() {
        return Some(Finding::SupervisorInRepeat {
            name: name.to_string(),
            repeat: elements[repeat].name.clone(),
            role,
        });
    }
    None
}

#[cfg(test)]
mod tests {
    use crate::diagnostic::Severity;

    /// The findings of a form whose settings end with `supervisor`, as `severity path: message`.
    fn findings(supervisor: &str) -> Vec<String> {
        let json = format!(
            r#"{{"settings": {{"form_id": "f", "supervisor": {supervisor}}}, "survey": [
                {{"type": "select_one r", "name": "region", "label": "R"}},
                {{"type": "text", "name": "village", "label": "V"}},
                {{"type": "select_multiple r", "name": "needs", "label": "N"}},
                {{"type": "integer", "name": "rooms", "label": "Rooms"}},
                {{"type": "group", "name": "g", "label": "G", "children": [
                  {{"type": "text", "name": "note_x", "label": "X"}}]}},
                {{"type": "repeat", "name": "members", "label": "M", "children": [
                  {{"type": "text", "name": "home", "label": "H"}}]}}],
              "choices": {{"r": [{{"name": "a", "label": "A"}}]}}}}"#
        );
        let diagnostics = match crate::load(&json) {
            Ok(form) => form.warnings,
            Err(e) => e.diagnostics,
        };
        diagnostics
            .iter()
            .filter(|d| d.path.starts_with("$.settings.supervisor"))
            .map(|d| {
                let s = if d.severity == Severity::Error {
                    "error"
                } else {
                    "warning"
                };
                format!("{s} {}: {}", d.path, d.message)
            })
            .collect()
    }

    #[test]
    fn a_sound_setting_loads_without_findings() {
        let ok = r#"{"place": ["region", "village"], "needs": "needs"}"#;
        assert_eq!(findings(ok), Vec::<String>::new());
        let form = crate::load(&format!(
            r#"{{"settings": {{"form_id": "f", "supervisor": {ok}}}, "survey": [
                {{"type": "select_one r", "name": "region", "label": "R"}},
                {{"type": "text", "name": "village", "label": "V"}},
                {{"type": "select_multiple r", "name": "needs", "label": "N"}}],
              "choices": {{"r": [{{"name": "a", "label": "A"}}]}}}}"#
        ))
        .unwrap();
        let s = form.settings.supervisor.as_ref().unwrap();
        assert_eq!((s.place.len(), s.needs.as_deref()), (2, Some("needs")));
    }

    #[test]
    fn a_missing_question_is_named_with_a_suggestion() {
        assert_eq!(
            findings(r#"{"place": ["region", "vilage"]}"#),
            [
                "error $.settings.supervisor.place[1]: a place level for the supervisor: unknown \
              question ${vilage} (did you mean ${village}?)"
            ]
        );
    }

    #[test]
    fn wrong_types_and_repeats_say_what_fits() {
        assert_eq!(
            findings(r#"{"place": ["rooms", "g", "home"], "needs": "region"}"#),
            [
                "error $.settings.supervisor.place[0]: `rooms` is a question of another type; \
                 a place level for the supervisor is a select_one, text or calculate question",
                "error $.settings.supervisor.place[1]: `g` is a group; a place level for the \
                 supervisor is a select_one, text or calculate question",
                "error $.settings.supervisor.place[2]: `home` is inside the repeat `members`, \
                 so a submission has many answers; a place level for the supervisor is a \
                 question outside repeats",
                "error $.settings.supervisor.needs: `region` is a question of another type; \
                 the needs question for the supervisor is a select_multiple question",
            ]
        );
    }

    #[test]
    fn a_level_twice_and_an_empty_setting() {
        assert_eq!(
            findings(r#"{"place": ["region", "region"]}"#),
            [
                "error $.settings.supervisor.place[1]: `region` is already a level of the place; \
              name each level once"
            ]
        );
        assert_eq!(
            findings("{}"),
            [
                "warning $.settings.supervisor: names no question: give `place` (e.g. \
              [\"region\", \"district\"]) or `needs`, or leave the setting out"
            ]
        );
    }

    #[test]
    fn unknown_keys_are_refused() {
        let errors = findings(r#"{"places": ["region"]}"#);
        assert_eq!(errors.len(), 1, "{errors:?}");
        assert!(
            errors[0].starts_with("error $.settings.supervisor") && errors[0].contains("places"),
            "{errors:?}"
        );
    }
}
