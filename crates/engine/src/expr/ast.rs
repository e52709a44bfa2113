//! The parsed form of an expression. Parsed once when the form loads; evaluation walks this tree.

/// Index of an element in [`crate::Form`]; filled in when references are resolved.
pub type ElemId = usize;

#[derive(Debug, Clone, PartialEq)]
pub enum Expr {
    Number(f64),
    Str(String),
    /// `${name}`: resolved to an element when the form is compiled.
    Ref(Reference),
    /// `${last-saved#name}`: that question's answer in the form last saved on the device
    /// ([`crate::Host::last_saved`]); fixed while a form is filled, so no dependency.
    LastSaved(Reference),
    /// `.`: the context node: the answer being checked (constraint) or the element itself;
    /// inside a predicate, the node being tested (`${rows}/age[. > 17]`).
    Current,
    /// `current()`: the node whose expression is being evaluated, everywhere, inside a
    /// predicate too (XPath's `current()`), unlike `.`. Real forms look rows up with it:
    /// `${member}[id = current()/../member_id]/name`, `instance('c')/root/item[name =
    /// current()/../city]`; pyxform writes `${q}` in a choice filter as `current()/../q`.
    Origin,
    /// `..`: the enclosing group or repeat instance (mostly as `position(..)`).
    Parent,
    /// `/data`: the form's root (an absolute path `/data/group/q` starts there; the root's
    /// own name, whatever it is, is not checked).
    Root,
    /// A bare name inside `choice_filter`: a property of the choice being filtered.
    ChoiceProperty(String),
    /// `.` inside `choice_filter` or a predicate on `instance('LIST')/root/item`: the item
    /// itself, whose text is its columns' texts one after another, as ODK reads the item node.
    ChoiceItem,
    Neg(Box<Expr>),
    Binary(BinOp, Box<Expr>, Box<Expr>),
    Call(Func, Vec<Expr>),
    /// `regex(s, 'literal')`, with the pattern compiled once when the form loads.
    Matches(Box<Expr>, CompiledRegex),
    /// `${rows}[n > 3]/n`: a reference narrowed by predicates and followed to children.
    Path(Box<Expr>, Vec<Step>),
    /// A bare name inside a predicate: that child of the node being tested (`n` in
    /// `${rows}[n > 3]`).
    Relative(Reference),
    /// A relative path to a node that does not exist (a bare `null` in a calculation, `q` in
    /// a question's own relevance): an empty node-set, as ODK evaluates it. Keeps its text.
    Empty(String),
    /// `instance('LIST')/root/item[pred]/column`: a choice list read as ODK's secondary
    /// instance of it (one `item` per choice, its columns as children).
    Instance(Box<InstanceQuery>),
}

#[derive(Debug, Clone, PartialEq)]
pub struct InstanceQuery {
    pub list: String,
    /// The predicates on the items, in order; bare names in them are the item's columns
    /// ([`Expr::ChoiceProperty`]).
    pub filters: Vec<Expr>,
    /// The column read from each item kept (`name`, `label` or a property); `None`: the
    /// items themselves.
    pub column: Option<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Step {
    /// `[expr]`: keeps the nodes for which it is true, or the one at that 1-based position.
    Filter(Expr),
    /// `/name`: the named child of each node.
    Child(Reference),
    /// `/..`: the parent of each node.
    Parent,
}

/// A regular expression compiled at load; compared by its source text.
#[derive(Debug, Clone)]
pub struct CompiledRegex(pub regex_lite::Regex);

impl PartialEq for CompiledRegex {
    fn eq(&self, other: &Self) -> bool {
        self.0.as_str() == other.0.as_str()
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Reference {
    pub name: String,
    /// The element `name` refers to, once resolved.
    pub target: Option<ElemId>,
    /// 1-based column in the source, for diagnostics.
    pub column: usize,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BinOp {
    Or,
    And,
    Eq,
    Ne,
    Lt,
    Le,
    Gt,
    Ge,
    Add,
    Sub,
    Mul,
    Div,
    Mod,
    Union,
}

macro_rules! functions {
    ($($variant:ident = $name:literal ($min:expr, $max:expr)),* $(,)?) => {
        /// The functions designers may call, with their ODK names and arities.
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub enum Func { $($variant),* }

        impl Func {
            pub fn from_name(name: &str) -> Option<Func> {
                match name { $($name => Some(Func::$variant),)* _ => None }
            }
            pub fn name(self) -> &'static str {
                match self { $(Func::$variant => $name),* }
            }
            /// (minimum, maximum) number of arguments; `usize::MAX` = any number.
            pub fn arity(self) -> (usize, usize) {
                match self { $(Func::$variant => ($min, $max)),* }
            }
            pub const ALL: &'static [Func] = &[$(Func::$variant),*];
        }
    };
}

const MANY: usize = usize::MAX;

functions! {
    If = "if" (3, 3),
    Coalesce = "coalesce" (2, 2),
    Concat = "concat" (0, MANY),
    Selected = "selected" (2, 2),
    CountSelected = "count-selected" (1, 1),
    SelectedAt = "selected-at" (2, 2),
    ChoiceName = "jr:choice-name" (2, 2),
    Pulldata = "pulldata" (4, 4),
    Count = "count" (1, 1),
    Sum = "sum" (1, 1),
    Min = "min" (1, MANY),
    Max = "max" (1, MANY),
    Position = "position" (0, 1),
    IndexedRepeat = "indexed-repeat" (3, 7),
    StringLength = "string-length" (0, 1),
    Substr = "substr" (2, 3),
    Substring = "substring" (2, 3),
    Contains = "contains" (2, 2),
    StartsWith = "starts-with" (2, 2),
    EndsWith = "ends-with" (2, 2),
    Regex = "regex" (2, 2),
    Number = "number" (0, 1),
    Int = "int" (1, 1),
    Round = "round" (1, 2),
    String = "string" (0, 1),
    Boolean = "boolean" (1, 1),
    Not = "not" (1, 1),
    True = "true" (0, 0),
    False = "false" (0, 0),
    Today = "today" (0, 0),
    Now = "now" (0, 0),
    Date = "date" (1, 1),
    FormatDate = "format-date" (2, 2),
    FormatDateTime = "format-date-time" (2, 2),
    DecimalDateTime = "decimal-date-time" (1, 1),
    Once = "once" (1, 1),
    Uuid = "uuid" (0, 1),
    Join = "join" (2, MANY),
    Pow = "pow" (2, 2),
    Abs = "abs" (1, 1),
    Floor = "floor" (1, 1),
    Ceiling = "ceiling" (1, 1),
    NormalizeSpace = "normalize-space" (0, 1),
    Translate = "translate" (3, 3),
    Current = "current" (0, 0),
    SubstringBefore = "substring-before" (2, 2),
    SubstringAfter = "substring-after" (2, 2),
    BooleanFromString = "boolean-from-string" (1, 1),
    Checklist = "checklist" (2, MANY),
    WeightedChecklist = "weighted-checklist" (2, MANY),
    CountNonEmpty = "count-non-empty" (1, 1),
    Randomize = "randomize" (1, 2),
    Random = "random" (0, 0),
    Sqrt = "sqrt" (1, 1),
    Exp = "exp" (1, 1),
    Exp10 = "exp10" (1, 1),
    Log = "log" (1, 1),
    Log10 = "log10" (1, 1),
    Sin = "sin" (1, 1),
    Cos = "cos" (1, 1),
    Tan = "tan" (1, 1),
    Asin = "asin" (1, 1),
    Acos = "acos" (1, 1),
    Atan = "atan" (1, 1),
    Atan2 = "atan2" (2, 2),
    Pi = "pi" (0, 0),
    DateTime = "date-time" (1, 1),
    DecimalTime = "decimal-time" (1, 1),
    Itext = "jr:itext" (1, 1),
    Area = "area" (1, MANY),
    // `enclosed-area`: JavaRosa's older name of `area` (pyxform passes it on).
    EnclosedArea = "enclosed-area" (1, MANY),
    Distance = "distance" (1, MANY),
    Geofence = "geofence" (2, 2),
    Digest = "digest" (2, 3),
    Base64Decode = "base64-decode" (1, 1),
    Name = "name" (0, 1),
    LocalName = "local-name" (0, 1),
}

impl Expr {
    /// Every `${name}` reference in the expression, in source order (not `last-saved`: those
    /// read another form, so nothing here depends on them).
    pub fn references(&self) -> Vec<&Reference> {
        let mut out = Vec::new();
        self.walk(&mut |e| match e {
            Expr::Ref(r) | Expr::Relative(r) => out.push(r),
            Expr::Path(_, steps) => out.extend(steps.iter().filter_map(|s| match s {
                Step::Child(r) => Some(r),
                Step::Filter(_) | Step::Parent => None,
            })),
            _ => {}
        });
        out
    }

    /// Every reference to resolve, `${last-saved#name}` included.
    pub fn references_mut(&mut self) -> Vec<&mut Reference> {
        fn go<'a>(e: &'a mut Expr, out: &mut Vec<&'a mut Reference>) {
            match e {
                Expr::Ref(r) | Expr::Relative(r) | Expr::LastSaved(r) => out.push(r),
                Expr::Path(base, steps) => {
                    go(base, out);
                    for s in steps {
                        match s {
                            Step::Filter(f) => go(f, out),
                            Step::Child(r) => out.push(r),
                            Step::Parent => {}
                        }
                    }
                }
                Expr::Neg(a) | Expr::Matches(a, _) => go(a, out),
                Expr::Binary(_, a, b) => {
                    go(a, out);
                    go(b, out);
                }
                Expr::Call(_, args) => args.iter_mut().for_each(|a| go(a, out)),
                Expr::Instance(q) => q.filters.iter_mut().for_each(|f| go(f, out)),
                _ => {}
            }
        }
        let mut out = Vec::new();
        go(self, &mut out);
        out
    }

    /// Calls `f` on this node and every node below it.
    pub fn walk<'a>(&'a self, f: &mut impl FnMut(&'a Expr)) {
        f(self);
        match self {
            Expr::Neg(a) | Expr::Matches(a, _) => a.walk(f),
            Expr::Path(base, steps) => {
                base.walk(f);
                for s in steps {
                    if let Step::Filter(e) = s {
                        e.walk(f);
                    }
                }
            }
            Expr::Binary(_, a, b) => {
                a.walk(f);
                b.walk(f);
            }
            Expr::Call(_, args) => args.iter().for_each(|a| a.walk(f)),
            Expr::Instance(q) => q.filters.iter().for_each(|e| e.walk(f)),
            _ => {}
        }
    }

    /// True when any node satisfies `pred`.
    pub fn any(&self, pred: &impl Fn(&Expr) -> bool) -> bool {
        let mut found = false;
        self.walk(&mut |e| found |= pred(e));
        found
    }

    pub fn calls(&self, func: Func) -> bool {
        self.any(&|e| matches!(e, Expr::Call(f, _) if *f == func))
    }
}
