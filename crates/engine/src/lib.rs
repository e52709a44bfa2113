//! Xonadon's form engine: pure form logic, no browser and no I/O.
//!
//! - [`definition`]: the JSON format designers write (serde types + JSON Schema).
//! - [`compile`]: definition → [`Form`], with diagnostics for designers.
//! - [`expr`]: XLSForm / ODK XPath expressions.
//! - [`instance`]: a form being filled, recomputed incrementally.
//! - [`script`]: scripted changes, the contract shared with ODK's oracle.
//!
//! # What a front end uses
//!
//! The app (and any other front end) needs only this, at the crate root and in
//! [`navigation`]: [`load`] a form's JSON into a [`Form`] (its [`Form::title`] in a language,
//! its elements, each saying whether its texts show answers,
//! [`Element::texts_show_answers`]); start an [`Instance`] of it ([`Instance::new`], or
//! [`Instance::restore`] from a draft's snapshot) with a [`Host`] for the clock and ids; change
//! answers and read back which nodes changed ([`Instance::take_changes`]), each node named by
//! a [`NodeId`]; ask [`navigation`] for pages and progress; show the engine's own words in a
//! [`Lang`]. Form logic (relevance, validity, calculations, pages) never lives in the front end.

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
pub use expr::NodeId;
pub use form::{ChoiceAnswer, Element, Form, Kind, QuestionType};
pub use instance::{
    corrected_id, FixedHost, Host, Instance, InstanceError, NodeState, Violation, ViolationKind,
};
pub use messages::Lang;
pub use script::{Action, ScriptError};
