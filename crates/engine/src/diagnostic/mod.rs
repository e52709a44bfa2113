//! Load-time findings for form designers: what is wrong, and where in the JSON. What a
//! diagnostic says is a typed [`Finding`] (`finding.rs`), said in each of Xonadon's languages
//! (`texts.rs`); `message` keeps its English, the text the CLI prints and importers compare.

/// The text of `lang` among four format strings (their `{name}`s are variables in scope),
/// formatting only that one. Defined before the modules that use it.
macro_rules! say {
    ($lang:expr, $uz_latn:literal, $uz_cyrl:literal, $ru:literal, $en:literal $(,)?) => {
        match $lang {
            Lang::UzLatn => format!($uz_latn),
            Lang::UzCyrl => format!($uz_cyrl),
            Lang::Ru => format!($ru),
            Lang::En => format!($en),
        }
    };
}

mod finding;
mod syntax;
#[cfg(test)]
mod tests;
mod texts;

pub use finding::{ElementKind, Finding, LiteralProblem, Role, Unresolved, Want};
pub use syntax::{Lexeme, Syntax};

use serde::Serialize;

use crate::messages::Lang;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// The form cannot be used until this is fixed.
    Error,
    /// The form works, but probably not as the designer meant.
    Warning,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Diagnostic {
    pub severity: Severity,
    /// JSON path of the offending value, e.g. `$.survey[2].children[0].relevant`.
    pub path: String,
    /// Name of the element concerned, when there is one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub element: Option<String>,
    /// The finding in English (`finding.text(Lang::En)`), as `xonadon check` prints it.
    pub message: String,
    /// What the finding is, with its parameters: for other languages, and for code that must
    /// tell findings apart (an importer) without reading the English.
    #[serde(skip)]
    pub finding: Finding,
}

impl Diagnostic {
    /// A diagnostic saying `finding` at `path`, its `message` the English text.
    pub fn new(
        severity: Severity,
        path: impl Into<String>,
        element: Option<&str>,
        finding: Finding,
    ) -> Diagnostic {
        Diagnostic {
            severity,
            path: path.into(),
            element: element.map(str::to_string),
            message: finding.text(Lang::En),
            finding,
        }
    }

    /// The message in `lang` (what the designer's page shows).
    pub fn message_in(&self, lang: Lang) -> String {
        self.finding.text(lang)
    }
}

impl std::fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let severity = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        write!(f, "{severity}: {}", self.path)?;
        if let Some(name) = &self.element {
            write!(f, " ({name})")?;
        }
        write!(f, ": {}", self.message)
    }
}

/// A form that could not be loaded, with every error (and warning) found.
#[derive(Debug, Clone, thiserror::Error)]
#[error("the form has {} error(s); first: {}", errors(.diagnostics), first_error(.diagnostics))]
pub struct LoadError {
    pub diagnostics: Vec<Diagnostic>,
}

fn errors(d: &[Diagnostic]) -> usize {
    d.iter().filter(|d| d.severity == Severity::Error).count()
}

fn first_error(d: &[Diagnostic]) -> String {
    d.iter()
        .find(|d| d.severity == Severity::Error)
        .map(|d| d.to_string())
        .unwrap_or_default()
}
