//! Load-time findings for form designers: what is wrong, and where in the JSON.

use serde::Serialize;

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
    pub message: String,
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
