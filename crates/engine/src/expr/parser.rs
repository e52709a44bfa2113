//! Recursive-descent parser with XPath 1.0 precedence:
//! `or` < `and` < `= !=` < `< <= > >=` < `+ -` < `* div mod` < unary `-` < `|` < primary.

use super::ast::{BinOp, CompiledRegex, Expr, Func, InstanceQuery, Reference, Step};
use super::lexer::{tokenize, Tok, Token};
use super::ParseError;

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
        return Err(ParseError {
            column: 1,
            message: "the expression is empty".into(),
        });
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
        return Err(ParseError {
            column: t.column,
            message: format!(
                "unexpected {} after a complete expression",
                describe(&t.tok)
            ),
        });
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

fn describe(t: &Tok) -> String {
    match t {
        Tok::Ref(n) => format!("reference ${{{n}}}"),
        Tok::LastSaved(n) => format!("reference ${{last-saved#{n}}}"),
        Tok::Number(n) => format!("number {n}"),
        Tok::Str(s) => format!("string '{s}'"),
        Tok::Name(n) => format!("`{n}`"),
        Tok::Dot => "`.`".into(),
        Tok::DotDot => "`..`".into(),
        Tok::LParen => "`(`".into(),
        Tok::RParen => "`)`".into(),
        Tok::Comma => "`,`".into(),
        Tok::Plus => "`+`".into(),
        Tok::Minus => "`-`".into(),
        Tok::Star => "`*`".into(),
        Tok::Eq => "`=`".into(),
        Tok::Ne => "`!=`".into(),
        Tok::Lt => "`<`".into(),
        Tok::Le => "`<=`".into(),
        Tok::Gt => "`>`".into(),
        Tok::Ge => "`>=`".into(),
        Tok::Pipe => "`|`".into(),
        Tok::LBracket => "`[`".into(),
        Tok::RBracket => "`]`".into(),
        Tok::Slash => "`/`".into(),
    }
}

impl Parser {
    fn peek(&self) -> Option<&Token> {
        self.tokens.get(self.pos)
    }

    fn column(&self) -> usize {
        self.peek().map_or(self.end_column, |t| t.column)
    }

    fn error<T>(&self, message: impl Into<String>) -> Result<T, ParseError> {
        Err(ParseError {
            column: self.column(),
            message: message.into(),
        })
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
                return self.error(format!(
                    "the expression has more than {MAX_OPERATORS} operators: split it into \
                     several calculations (each a `calculate` of part of it)"
                ));
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
            return self.error("the expression is nested too deeply");
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
                return self.error("the expression is nested too deeply");
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
            return self.error("the expression ends where a value was expected");
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
                _ => self.error("expected the form's root name after `/` (e.g. `/data/q`)"),
            },
            other => Err(ParseError {
                column: token.column,
                message: format!("unexpected {} where a value was expected", describe(&other)),
            }),
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
                        _ => {
                            return self
                                .error(format!("missing `]` to close the `[` at column {column}"))
                        }
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
                        _ => return self.error("expected a question name after `/`"),
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
            _ => self.error(format!(
                "missing `)` to close the `(` at column {open_column}"
            )),
        }
    }

    /// `instance('LIST')/root/item[pred]…[/column]`, after `instance(`.
    fn instance(&mut self, column: usize) -> Result<Expr, ParseError> {
        let usage = "write instance('LIST')/root/item[…]/column, LIST a choice list";
        let list = match self.peek().map(|t| t.tok.clone()) {
            Some(Tok::Str(list)) => list.trim().to_string(),
            _ => return self.error(format!("instance() takes a list name in quotes: {usage}")),
        };
        self.pos += 1;
        self.expect_close(column + "instance".len())?;
        for step in ["root", "item"] {
            let is_slash = matches!(self.peek().map(|t| &t.tok), Some(Tok::Slash));
            let named = matches!(self.tokens.get(self.pos + 1).map(|t| &t.tok), Some(Tok::Name(n)) if n == step);
            if !(is_slash && named) {
                return self.error(format!(
                    "expected `/{step}` after instance('{list}'): {usage}"
                ));
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
                        _ => {
                            return self
                                .error(format!("missing `]` to close the `[` at column {open}"))
                        }
                    }
                }
                Some((Tok::Slash, _)) if item_column.is_none() => {
                    self.pos += 1;
                    match self.peek().map(|t| t.tok.clone()) {
                        Some(Tok::Name(name)) => {
                            self.pos += 1;
                            item_column = Some(name);
                        }
                        _ => {
                            return self
                                .error("expected a column name (`name`, `label`, …) after `/`")
                        }
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
            return Err(ParseError {
                column,
                message: format!("unknown function `{name}()`"),
            });
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
            let want = match (min, max) {
                (a, b) if a == b => format!("{a}"),
                (a, usize::MAX) => format!("at least {a}"),
                (a, b) => format!("{a} to {b}"),
            };
            return Err(ParseError {
                column,
                message: format!("`{name}()` takes {want} argument(s), not {}", args.len()),
            });
        }
        if func == Func::Current {
            return self.path_steps(Expr::Origin);
        }
        if let (Func::Regex, [_, Expr::Str(pattern)]) = (func, args.as_slice()) {
            let compiled = regex_lite::Regex::new(pattern).map_err(|e| ParseError {
                column,
                message: format!("invalid regular expression '{pattern}': {e}"),
            })?;
            let subject = args.swap_remove(0);
            return Ok(Expr::Matches(Box::new(subject), CompiledRegex(compiled)));
        }
        Ok(Expr::Call(func, args))
    }
}
