//! Xonadon's form engine: pure form logic, no browser and no I/O.
//!
//! - [`definition`]: the JSON format designers write (serde types + JSON Schema).
//! - [`compile`]: definition → [`Form`], with diagnostics for designers.
//! - [`expr`]: XLSForm / ODK XPath expressions.
//! - [`instance`]: a form being filled, recomputed incrementally.
//! - [`script`]: scripted changes, the contract shared with ODK's oracle.

pub mod compile;
pub mod definition;
pub mod diagnostic;
pub mod dynamic_default;
pub mod expr;
pub mod form;
pub mod form_text;
pub mod instance;
mod lint;
pub mod locate;
pub mod messages;
pub mod navigation;
pub mod parameters;
mod reach;
pub mod script;
mod supervisor;
pub mod values;

pub use compile::{check, load};
pub use definition::FormDefinition;
pub use diagnostic::{Diagnostic, LoadError, Severity};
pub use form::{ChoiceAnswer, Element, Form, Kind, QuestionType};
pub use instance::{FixedHost, Host, Instance, InstanceError, NodeState, Violation, ViolationKind};
pub use script::{Action, ScriptError};
