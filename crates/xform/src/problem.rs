//! What an import found, placed the way a designer looks at an XForm: the element (its path
//! in the form, e.g. `/data/household/age`, or its place in the document, e.g. `h:head/h:title`)
//! and the attribute.

use std::fmt;

pub use xonadon_engine::Severity;
use xonadon_engine::{diagnostic::Finding, Lang};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub severity: Severity,
    /// The element: an instance path (`/data/q`) or a place in the document.
    pub element: Option<String>,
    /// The attribute (`relevant`, `jr:count`, `nodeset`, …) when the problem is in one.
    pub attribute: Option<String>,
    /// In English. The import's own findings are said in English only.
    pub message: String,
    /// The engine's finding, when the problem is one of the engine's placed on an element:
    /// it can be said in the designer's language ([`Problem::message_in`]).
    pub finding: Option<Finding>,
}

impl Problem {
    /// The message in `lang`: the engine's findings in any of its languages, the import's
    /// own in English.
    pub fn message_in(&self, lang: Lang) -> String {
        match &self.finding {
            Some(finding) => finding.text(lang),
            None => self.message.clone(),
        }
    }

    pub fn error(element: Option<&str>, attribute: Option<&str>, message: String) -> Self {
        Self::new(Severity::Error, element, attribute, message)
    }

    pub fn warning(element: Option<&str>, attribute: Option<&str>, message: String) -> Self {
        Self::new(Severity::Warning, element, attribute, message)
    }

    fn new(
        severity: Severity,
        element: Option<&str>,
        attribute: Option<&str>,
        message: String,
    ) -> Self {
        Problem {
            severity,
            element: element.map(str::to_string),
            attribute: attribute.map(str::to_string),
            message,
            finding: None,
        }
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let severity = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        write!(f, "{severity}")?;
        if let Some(element) = &self.element {
            write!(f, ": {element}")?;
        }
        if let Some(attribute) = &self.attribute {
            write!(f, ", attribute `{attribute}`")?;
        }
        write!(f, ": {}", self.message)
    }
}
