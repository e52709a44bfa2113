//! XLSForm / ODK XPath expressions: lexer, parser, evaluator and its function library.
//!
//! Expressions are parsed once when a form loads ([`parse`]); evaluation ([`eval::eval`]) sees
//! the form only through the [`eval::Env`] trait, so this module knows nothing of instances.

pub mod ast;
pub mod datetime;
mod digest;
pub mod eval;
mod functions;
mod geo;
mod lexer;
mod parser;
pub mod value;

pub use ast::{BinOp, ElemId, Expr, Func, Reference};
pub use eval::{boolean, eval, number, string, Env};
pub use lexer::is_name_char;
pub use parser::{parse, Context};
pub use value::{NodeId, Value};

/// The lists `pulldata('LIST', …)` calls in `expression` read (their first argument, a
/// quoted name), from the text: for the XLSForm importer, which must bring their CSV files in
/// before there is a form to parse (the checks use the parsed expressions).
pub fn pulldata_lists(expression: &str) -> Vec<String> {
    quoted_first_arguments(expression, "pulldata(")
}

/// The lists `instance('LIST')/…` paths in `expression` read, from the text: for the importer,
/// which brings in LIST.csv when it is supplied and the form has no such choice list.
pub fn instance_lists(expression: &str) -> Vec<String> {
    quoted_first_arguments(expression, "instance(")
}

/// The quoted first argument of each call `call` (`"pulldata("`) in the text.
fn quoted_first_arguments(expression: &str, call: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = expression;
    while let Some(at) = rest.find(call) {
        // Not the end of a longer name (`xinstance(`).
        let whole = !rest[..at].ends_with(|c: char| lexer::is_name_char(c) || c == ':');
        rest = &rest[at + call.len()..];
        if !whole {
            continue;
        }
        let arg = rest.trim_start();
        let Some(quote) = arg.chars().next().filter(|c| *c == '\'' || *c == '"') else {
            continue;
        };
        if let Some(end) = arg[1..].find(quote) {
            let name = arg[1..1 + end].trim().to_string();
            if !out.contains(&name) {
                out.push(name);
            }
        }
    }
    out
}

/// Why an expression could not be parsed; `column` is 1-based, in characters.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("column {column}: {message}")]
pub struct ParseError {
    pub column: usize,
    /// In English.
    pub message: String,
    /// Why, to be said in any language.
    pub syntax: crate::diagnostic::Syntax,
}

impl ParseError {
    /// The error at `column`, its `message` the English of `syntax`.
    pub fn new(column: usize, syntax: crate::diagnostic::Syntax) -> ParseError {
        ParseError {
            column,
            message: syntax.text(crate::Lang::En),
            syntax,
        }
    }
}
