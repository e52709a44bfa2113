//! XLSForm / ODK XPath expressions: lexer, parser, evaluator.
//!
//! Expressions are parsed once when a form loads ([`parse`]); evaluation ([`eval::eval`]) sees
//! the form only through the [`eval::Env`] trait, so this module knows nothing of instances.

pub mod ast;
pub mod datetime;
pub mod eval;
mod lexer;
mod parser;
pub mod value;

pub use ast::{BinOp, ElemId, Expr, Func, Reference};
pub use eval::{boolean, eval, number, string, Env};
pub use lexer::is_name_char;
pub use parser::{parse, Context};
pub use value::{NodeId, Value};

/// Why an expression could not be parsed; `column` is 1-based, in characters.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("column {column}: {message}")]
pub struct ParseError {
    pub column: usize,
    pub message: String,
}
