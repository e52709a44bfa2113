//! Recursive-descent parser with XPath 1.0 precedence:
//! `or` < `and` < `= !=` < `< <= > >=` < `+ -` < `* div mod` < unary `-` < `|` < primary.

use super::ast::{BinOp, CompiledRegex, Expr, Func, InstanceQuery, Reference, Step};
use super::lexer::{tokenize, Tok, Token};
use super::ParseError;
use crate::diagnostic::{Lexeme, Syntax};

/// Nesting deeper than this is refused, so hostile input cannot overflow the stack.
const MAX_DEPTH: usize = 64;

/// More binary operators than this in one expression are refused: `1 + 1 + …` is a tree as
/// deep as it is long, and every walk over it (evaluation, checks, dropping it) recurses that
/// deep. A release build evaluates a chain of 2,000 on a 1 MiB stack (the app's, in Wasm) and
/// overflows at 4,000; 1,000 keeps a margin and is far beyond what a form needs.
const MAX_OPERATORS: usize = 1_000;

/// Where an expression appears decides what it may contain.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Context {
    Normal,
    /// In `choice_filter`, bare names are the choice's own properties (`region = ${region}`).
    ChoiceFilter,
}

pub fn parse(src: &str, context: Context) -> Result<Expr, ParseError> {
    let tokens = tokenize(src)?;
    if tokens.is_empty() {
        return Err(ParseError::new(1, Syntax::Empty));
    }
    let mut p = Parser {
        tokens,
        pos: 0,
        depth: 0,
        operators: 0,
        context,
        end_column: src.chars().count() + 1,
        in_predicate: 0,
        in_item: 0,
    };
    let expr = p.or()?;
    if let Some(t) = p.peek() {
        return Err(ParseError::new(
            t.column,
            Syntax::AfterComplete {
                token: describe(&t.tok),
            },
        ));
    }
    Ok(expr)
}

struct Parser {
    tokens: Vec<Token>,
    pos: usize,
    depth: usize,
    /// Binary operators so far (see [`MAX_OPERATORS`]).
    operators: usize,
    context: Context,
    end_column: usize,
    /// Inside `[...]`, bare names are children of the node being tested.
    in_predicate: usize,
    /// Inside `instance('LIST')/root/item[...]`, bare names are the item's columns.
    in_item: usize,
}

fn describe(t: &Tok) -> Lexeme {
    let symbol = |s: &str| Lexeme::Symbol(s.to_string());
    match t {
        Tok::Ref(n) => Lexeme::Reference(n.clone()),
        Tok::LastSaved(n) => Lexeme::LastSaved(n.clone()),
        Tok::Number(n) => Lexeme::Number(n.to_string()),
        Tok::Str(s) => Lexeme::Text(s.clone()),
        Tok::Name(n) => symbol(n),
        Tok::Dot => symbol("."),
        Tok::DotDot => symbol(".."),
        Tok::LParen => symbol("("),
        Tok::RParen => symbol(")"),
        Tok::Comma => symbol(","),
        Tok::Plus => symbol("+"),
        Tok::Minus => symbol("-"),
        Tok::Star => symbol("*"),
        Tok::Eq => symbol("="),
        Tok::Ne => symbol("!="),
        Tok::Lt => symbol("<"),
        Tok::Le => symbol("<="),
        Tok::Gt => symbol(">"),
        Tok::Ge => symbol(">="),
        Tok::Pipe => symbol("|"),
        Tok::LBracket => symbol("["),
        Tok::RBracket => symbol("]"),
        Tok::Slash => symbol("/"),
    }
}

impl Parser {
    fn peek(&self) -> Option<&Token> {
        self.tokens.get(self.pos)
    }

    fn column(&self) -> usize {
        self.peek().map_or(self.end_column, |t| t.column)
    }

    fn error<T>(&self, syntax: Syntax) -> Result<T, ParseError> {
        Err(ParseError::new(self.column(), syntax))
    }

    /// The binary operator at the cursor, if any, among `ops`.
    fn operator(&self, ops: &[BinOp]) -> Option<BinOp> {
        let op = match &self.peek()?.tok {
            Tok::Name(n) if n == "or" => BinOp::Or,
            Tok::Name(n) if n == "and" => BinOp::And,
            Tok::Name(n) if n == "div" => BinOp::Div,
            Tok::Name(n) if n == "mod" => BinOp::Mod,
            Tok::Eq => BinOp::Eq,
            Tok::Ne => BinOp::Ne,
            Tok::Lt => BinOp::Lt,
            Tok::Le => BinOp::Le,
            Tok::Gt => BinOp::Gt,
            Tok::Ge => BinOp::Ge,
            Tok::Plus => BinOp::Add,
            Tok::Minus => BinOp::Sub,
            Tok::Star => BinOp::Mul,
            Tok::Pipe => BinOp::Union,
            _ => return None,
        };
        ops.contains(&op).then_some(op)
    }

    fn binary(
        &mut self,
        ops: &[BinOp],
        next: fn(&mut Parser) -> Result<Expr, ParseError>,
    ) -> Result<Expr, ParseError> {
        let mut left = next(self)?;
        while let Some(op) = self.operator(ops) {
            self.operators += 1;
            if self.operators > MAX_OPERATORS {
                return self.error(Syntax::TooManyOperators { max: MAX_OPERATORS });
            }
            self.pos += 1;
            let right = next(self)?;
            left = Expr::Binary(op, Box::new(left), Box::new(right));
        }
        Ok(left)
    }

    fn or(&mut self) -> Result<Expr, ParseError> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return self.error(Syntax::TooDeep);
        }
        let e = self.binary(&[BinOp::Or], Parser::and);
        self.depth -= 1;
        e
    }

    fn and(&mut self) -> Result<Expr, ParseError> {
        self.binary(&[BinOp::And], Parser::equality)
    }

    fn equality(&mut self) -> Result<Expr, ParseError> {
        self.binary(&[BinOp::Eq, BinOp::Ne], Parser::relational)
    }

    fn relational(&mut self) -> Result<Expr, ParseError> {
        self.binary(
            &[BinOp::Lt, BinOp::Le, BinOp::Gt, BinOp::Ge],
            Parser::additive,
        )
    }

    fn additive(&mut self) -> Result<Expr, ParseError> {
        self.binary(&[BinOp::Add, BinOp::Sub], Parser::multiplicative)
    }

    fn multiplicative(&mut self) -> Result<Expr, ParseError> {
        self.binary(&[BinOp::Mul, BinOp::Div, BinOp::Mod], Parser::unary)
    }

    fn unary(&mut self) -> Result<Expr, ParseError> {
        if matches!(
            self.peek(),
            Some(Token {
                tok: Tok::Minus,
                ..
            })
        ) {
            self.pos += 1;
            self.depth += 1;
            if self.depth > MAX_DEPTH {
                return self.error(Syntax::TooDeep);
            }
            let e = self.unary()?;
            self.depth -= 1;
            return Ok(Expr::Neg(Box::new(e)));
        }
        self.binary(&[BinOp::Union], Parser::primary)
    }

    /// Whether an item is what `.` and bare names are read from here: inside a predicate on a
    /// list's items, or at the top of a `choice_filter` (not inside a predicate on nodes).
    fn item_is_context(&self) -> bool {
        self.in_predicate == 0 && (self.in_item > 0 || self.context == Context::ChoiceFilter)
    }

    fn primary(&mut self) -> Result<Expr, ParseError> {
        let Some(token) = self.peek().cloned() else {
            return self.error(Syntax::EndsEarly);
        };
        self.pos += 1;
        match token.tok {
            Tok::Number(n) => Ok(Expr::Number(n)),
            Tok::Str(s) => Ok(Expr::Str(s)),
            Tok::Ref(name) => {
                let base = Expr::Ref(Reference {
                    name,
                    target: None,
                    column: token.column,
                });
                self.path_steps(base)
            }
            Tok::LastSaved(name) => Ok(Expr::LastSaved(Reference {
                name,
                target: None,
                column: token.column,
            })),
            // `.` where an item is tested (a choice filter, a predicate on a list's items) is
            // the item, and `./col` its column, as in ODK.
            Tok::Dot if self.item_is_context() => {
                match (self.peek().cloned(), self.tokens.get(self.pos + 1).cloned()) {
                    (
                        Some(Token {
                            tok: Tok::Slash, ..
                        }),
                        Some(Token {
                            tok: Tok::Name(name),
                            ..
                        }),
                    ) => {
                        self.pos += 2;
                        Ok(Expr::ChoiceProperty(name))
                    }
                    _ => Ok(Expr::ChoiceItem),
                }
            }
            // `../age`, `./age`: a path from the element itself (XForm's relative paths).
            Tok::Dot => self.path_steps(Expr::Current),
            Tok::DotDot => self.path_steps(Expr::Parent),
            Tok::LParen => {
                let e = self.or()?;
                self.expect_close(token.column)?;
                Ok(e)
            }
            Tok::Name(name) => {
                if matches!(
                    self.peek(),
                    Some(Token {
                        tok: Tok::LParen,
                        ..
                    })
                ) {
                    self.pos += 1;
                    self.call(&name, token.column)
                } else if self.in_item > 0 && self.in_predicate == 0 {
                    Ok(Expr::ChoiceProperty(name))
                } else if self.in_predicate > 0 {
                    // `school/enrolled` in a predicate: a path from the node tested.
                    self.path_steps(Expr::Relative(Reference {
                        name,
                        target: None,
                        column: token.column,
                    }))
                } else if self.context == Context::ChoiceFilter {
                    Ok(Expr::ChoiceProperty(name))
                } else {
                    // XPath's child step from the element itself (`null`, a group's `q1`):
                    // resolved among its children when the form is compiled.
                    self.path_steps(Expr::Path(
                        Box::new(Expr::Current),
                        vec![Step::Child(Reference {
                            name,
                            target: None,
                            column: token.column,
                        })],
                    ))
                }
            }
            // `/data/group/q`, as XForms and old XLSForms write paths: from the root.
            Tok::Slash => match self.peek().cloned() {
                Some(Token {
                    tok: Tok::Name(_), ..
                }) => {
                    self.pos += 1;
                    self.path_steps(Expr::Root)
                }
                _ => self.error(Syntax::RootNameExpected),
            },
            other => Err(ParseError::new(
                token.column,
                Syntax::Unexpected {
                    token: describe(&other),
                },
            )),
        }
    }

    /// `[predicate]` and `/child` steps after a reference.
    fn path_steps(&mut self, base: Expr) -> Result<Expr, ParseError> {
        let mut steps = Vec::new();
        loop {
            match self.peek().map(|t| (t.tok.clone(), t.column)) {
                Some((Tok::LBracket, column)) => {
                    self.pos += 1;
                    self.in_predicate += 1;
                    let predicate = self.or()?;
                    self.in_predicate -= 1;
                    match self.peek() {
                        Some(Token {
                            tok: Tok::RBracket, ..
                        }) => self.pos += 1,
                        _ => return self.error(Syntax::UnclosedBracket { open: column }),
                    }
                    steps.push(Step::Filter(predicate));
                }
                Some((Tok::Slash, _)) => {
                    self.pos += 1;
                    match self.peek().cloned() {
                        Some(Token {
                            tok: Tok::Name(name),
                            column,
                        }) => {
                            self.pos += 1;
                            steps.push(Step::Child(Reference {
                                name,
                                target: None,
                                column,
                            }));
                        }
                        Some(Token {
                            tok: Tok::DotDot, ..
                        }) => {
                            self.pos += 1;
                            steps.push(Step::Parent);
                        }
                        Some(Token { tok: Tok::Dot, .. }) => self.pos += 1,
                        _ => return self.error(Syntax::QuestionNameExpected),
                    }
                }
                _ => break,
            }
        }
        Ok(if steps.is_empty() {
            base
        } else {
            Expr::Path(Box::new(base), steps)
        })
    }

    fn expect_close(&mut self, open_column: usize) -> Result<(), ParseError> {
        match self.peek() {
            Some(Token {
                tok: Tok::RParen, ..
            }) => {
                self.pos += 1;
                Ok(())
            }
            _ => self.error(Syntax::UnclosedParen { open: open_column }),
        }
    }

    /// `instance('LIST')/root/item[pred]…[/column]`, after `instance(`.
    fn instance(&mut self, column: usize) -> Result<Expr, ParseError> {
        let list = match self.peek().map(|t| t.tok.clone()) {
            Some(Tok::Str(list)) => list.trim().to_string(),
            _ => return self.error(Syntax::InstanceListName),
        };
        self.pos += 1;
        self.expect_close(column + "instance".len())?;
        for step in ["root", "item"] {
            let is_slash = matches!(self.peek().map(|t| &t.tok), Some(Tok::Slash));
            let named = matches!(self.tokens.get(self.pos + 1).map(|t| &t.tok), Some(Tok::Name(n)) if n == step);
            if !(is_slash && named) {
                return self.error(Syntax::InstanceStep {
                    step: step.to_string(),
                    list,
                });
            }
            self.pos += 2;
        }
        let mut filters = Vec::new();
        let mut item_column = None;
        loop {
            match self.peek().map(|t| (t.tok.clone(), t.column)) {
                Some((Tok::LBracket, open)) if item_column.is_none() => {
                    self.pos += 1;
                    let outer = std::mem::replace(&mut self.in_predicate, 0);
                    self.in_item += 1;
                    let predicate = self.or();
                    self.in_item -= 1;
                    self.in_predicate = outer;
                    filters.push(predicate?);
                    match self.peek() {
                        Some(Token {
                            tok: Tok::RBracket, ..
                        }) => self.pos += 1,
                        _ => return self.error(Syntax::UnclosedBracket { open }),
                    }
                }
                Some((Tok::Slash, _)) if item_column.is_none() => {
                    self.pos += 1;
                    match self.peek().map(|t| t.tok.clone()) {
                        Some(Tok::Name(name)) => {
                            self.pos += 1;
                            item_column = Some(name);
                        }
                        _ => return self.error(Syntax::ColumnNameExpected),
                    }
                }
                _ => break,
            }
        }
        Ok(Expr::Instance(Box::new(InstanceQuery {
            list,
            filters,
            column: item_column,
        })))
    }

    fn call(&mut self, name: &str, column: usize) -> Result<Expr, ParseError> {
        if name == "instance" {
            return self.instance(column);
        }
        let Some(func) = Func::from_name(name) else {
            return Err(ParseError::new(
                column,
                Syntax::UnknownFunction {
                    name: name.to_string(),
                },
            ));
        };
        let mut args = Vec::new();
        if !matches!(
            self.peek(),
            Some(Token {
                tok: Tok::RParen,
                ..
            })
        ) {
            loop {
                args.push(self.or()?);
                match self.peek() {
                    Some(Token {
                        tok: Tok::Comma, ..
                    }) => self.pos += 1,
                    _ => break,
                }
            }
        }
        self.expect_close(column + name.chars().count())?;
        let (min, max) = func.arity();
        if args.len() < min || args.len() > max {
            return Err(ParseError::new(
                column,
                Syntax::Arity {
                    name: name.to_string(),
                    min,
                    max,
                    got: args.len(),
                },
            ));
        }
        if func == Func::Current {
            return self.path_steps(Expr::Origin);
        }
        if let (Func::Regex, [_, Expr::Str(pattern)]) = (func, args.as_slice()) {
            let compiled = regex_lite::Regex::new(pattern).map_err(|e| {
                ParseError::new(
                    column,
                    Syntax::Regex {
                        pattern: pattern.clone(),
                        detail: e.to_string(),
                    },
                )
            })?;
            let subject = args.swap_remove(0);
            return Ok(Expr::Matches(Box::new(subject), CompiledRegex(compiled)));
        }
        Ok(Expr::Call(func, args))
    }
}
