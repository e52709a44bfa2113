//! Splits an XLSForm expression into tokens, each with its 1-based column.

use super::ParseError;
use crate::diagnostic::Syntax;

#[derive(Debug, Clone, PartialEq)]
pub enum Tok {
    /// `${name}`
    Ref(String),
    /// `${last-saved#name}`: the answer in the last form saved on the device.
    LastSaved(String),
    Number(f64),
    Str(String),
    /// A name: function names (`jr:choice-name`), `and`, `or`, `div`, `mod`, or a bare choice
    /// property inside `choice_filter`.
    Name(String),
    Dot,
    DotDot,
    LParen,
    RParen,
    Comma,
    Plus,
    Minus,
    Star,
    Eq,
    Ne,
    Lt,
    Le,
    Gt,
    Ge,
    Pipe,
    LBracket,
    RBracket,
    Slash,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Token {
    pub tok: Tok,
    /// 1-based character column where the token starts.
    pub column: usize,
}

pub fn tokenize(src: &str) -> Result<Vec<Token>, ParseError> {
    let chars: Vec<char> = src.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let column = i + 1;
        let err = |syntax: Syntax| ParseError::new(column, syntax);
        let single = match c {
            '(' => Some(Tok::LParen),
            ')' => Some(Tok::RParen),
            ',' => Some(Tok::Comma),
            '+' => Some(Tok::Plus),
            '-' => Some(Tok::Minus),
            '*' => Some(Tok::Star),
            '=' => Some(Tok::Eq),
            '|' => Some(Tok::Pipe),
            '[' => Some(Tok::LBracket),
            ']' => Some(Tok::RBracket),
            '/' => Some(Tok::Slash),
            _ => None,
        };
        if let Some(tok) = single {
            out.push(Token { tok, column });
            i += 1;
            continue;
        }
        match c {
            c if c.is_whitespace() => i += 1,
            '!' if chars.get(i + 1) == Some(&'=') => {
                out.push(Token {
                    tok: Tok::Ne,
                    column,
                });
                i += 2;
            }
            '<' | '>' => {
                let eq = chars.get(i + 1) == Some(&'=');
                let tok = match (c, eq) {
                    ('<', false) => Tok::Lt,
                    ('<', true) => Tok::Le,
                    ('>', false) => Tok::Gt,
                    _ => Tok::Ge,
                };
                out.push(Token { tok, column });
                i += if eq { 2 } else { 1 };
            }
            '$' => {
                if chars.get(i + 1) != Some(&'{') {
                    return Err(err(Syntax::DollarAlone));
                }
                let start = i + 2;
                let end = chars[start..]
                    .iter()
                    .position(|&c| c == '}')
                    .map(|p| start + p)
                    .ok_or_else(|| err(Syntax::UnclosedReference))?;
                let text: String = chars[start..end].iter().collect();
                let text = text.trim();
                let (name, last_saved) = match text.strip_prefix("last-saved#") {
                    Some(name) => (name.trim(), true),
                    None => (text, false),
                };
                if name.is_empty() || !name.chars().all(is_name_char) {
                    return Err(err(Syntax::InvalidReference {
                        text: text.to_string(),
                    }));
                }
                let name = name.to_string();
                out.push(Token {
                    tok: if last_saved {
                        Tok::LastSaved(name)
                    } else {
                        Tok::Ref(name)
                    },
                    column,
                });
                i = end + 1;
            }
            '\'' | '"' => {
                let start = i + 1;
                let end = chars[start..]
                    .iter()
                    .position(|&q| q == c)
                    .map(|p| start + p)
                    .ok_or_else(|| err(Syntax::UnclosedString { quote: c }))?;
                out.push(Token {
                    tok: Tok::Str(chars[start..end].iter().collect()),
                    column,
                });
                i = end + 1;
            }
            '.' if chars.get(i + 1) == Some(&'.') => {
                out.push(Token {
                    tok: Tok::DotDot,
                    column,
                });
                i += 2;
            }
            '.' if !chars.get(i + 1).is_some_and(|c| c.is_ascii_digit()) => {
                out.push(Token {
                    tok: Tok::Dot,
                    column,
                });
                i += 1;
            }
            c if c.is_ascii_digit() || c == '.' => {
                let start = i;
                while i < chars.len() && chars[i].is_ascii_digit() {
                    i += 1;
                }
                if i < chars.len() && chars[i] == '.' {
                    i += 1;
                    while i < chars.len() && chars[i].is_ascii_digit() {
                        i += 1;
                    }
                }
                let text: String = chars[start..i].iter().collect();
                let n = text
                    .parse::<f64>()
                    .map_err(|_| err(Syntax::NotANumber { text: text.clone() }))?;
                out.push(Token {
                    tok: Tok::Number(n),
                    column,
                });
            }
            c if c.is_alphabetic() || c == '_' => {
                let start = i;
                while i < chars.len() && (is_name_char(chars[i]) || chars[i] == ':') {
                    i += 1;
                }
                // A trailing `-` or `.` belongs to the next token (`a -1`), not the name.
                while i > start + 1 && matches!(chars[i - 1], '-' | '.' | ':') {
                    i -= 1;
                }
                out.push(Token {
                    tok: Tok::Name(chars[start..i].iter().collect()),
                    column,
                });
            }
            other => return Err(err(Syntax::UnexpectedCharacter { character: other })),
        }
    }
    Ok(out)
}

/// Characters allowed in question names (XML NCName, as XLSForm requires).
pub fn is_name_char(c: char) -> bool {
    c.is_alphanumeric() || matches!(c, '_' | '-' | '.')
}
