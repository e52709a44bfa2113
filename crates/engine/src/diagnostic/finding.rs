//! What a diagnostic says, as data: each kind of finding with what it names (questions,
//! lists, expressions, numbers), so that it can be said in any of Xonadon's languages
//! ([`Finding::text`], in `texts.rs`) and so that code can tell findings apart without reading
//! their English.

pub use super::syntax::Syntax;

/// One kind of finding on a form, with its parameters. Names, expressions and values are as
/// the designer wrote them; `property` is the JSON property (`relevant`, `constraint`, …),
/// which is XLSForm's column name too.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Finding {
    // Reading the JSON (before any meaning is checked).
    /// The text is not JSON. `detail` is serde_json's own (English) description, kept as it
    /// is: it cannot be typed.
    InvalidJson {
        line: usize,
        column: usize,
        detail: String,
    },
    /// A key the format does not have (`lable`); `expected` the keys allowed there.
    UnknownField {
        field: String,
        expected: Vec<String>,
    },
    /// A key the format requires is missing.
    MissingField {
        field: String,
    },
    /// A key written twice in one object.
    DuplicateField {
        field: String,
    },
    /// A value that should be a text (a string, or languages mapped to strings).
    ExpectedText,
    /// A value that should be true, false or an expression.
    ExpectedBoolOrExpression,
    /// A value that should be a cell: a string, number or boolean.
    ExpectedCell,
    /// Any other value serde could not read; `detail` is its own (English) description, kept
    /// as it is: it cannot be typed.
    Unreadable {
        detail: String,
    },

    // The survey's structure.
    SurveyEmpty,
    /// An expression that does not parse, and why (boxed: the largest of the parameters);
    /// `excerpt` is the expression around `column`.
    ExpressionSyntax {
        property: String,
        element: String,
        column: usize,
        syntax: Box<Syntax>,
        excerpt: String,
    },
    InvalidName {
        name: String,
    },
    /// `type` names no type; `select_one` / `select_multiple` without a list say so.
    UnknownType {
        kind: String,
    },
    RepeatCountNotANumber {
        value: String,
    },
    /// `trigger`: `${a} ${b}` without a comma.
    TriggerWithoutComma {
        part: String,
    },
    /// `trigger`: a part that is not `${name}`.
    TriggerNotAReference {
        part: String,
    },
    /// `trigger`: no `${name}` at all.
    TriggerNamesNothing {
        cell: String,
    },
    /// `trigger` names a calculation, which nobody answers.
    TriggerNotAnswered {
        target: String,
    },
    TriggerUnknown {
        target: String,
    },
    ChildrenOutsideContainer,
    /// A group or repeat without questions; `written` is its type as written (`begin_group`).
    EmptyContainer {
        written: String,
        repeat: bool,
        name: String,
    },
    RepeatCountOutsideRepeat,
    /// A name used twice among siblings; `within` the parent's name (`None`: the survey).
    DuplicateName {
        name: String,
        first_path: String,
        within: Option<String>,
    },
    DuplicateRepeatName {
        name: String,
        first_path: String,
    },
    DefaultLanguageWithoutTexts {
        language: String,
        languages: Vec<String>,
    },

    // References.
    /// `${name}` in an expression that resolves to no element.
    UnresolvedReference {
        property: String,
        element: String,
        column: usize,
        why: Unresolved,
    },
    /// `select_one ${name}` whose `name` resolves to no element.
    ChoicesFromUnresolved {
        element: String,
        why: Unresolved,
    },
    /// `${name}` in a label or hint that resolves to no element.
    TextShowsUnresolved {
        property: String,
        element: String,
        why: Unresolved,
    },
    InstanceNameUnresolved {
        column: usize,
        why: Unresolved,
    },
    /// A calculation or relevance that depends on itself; `names` the cycle, `${a}` written
    /// out, the first again at the end.
    Cycle {
        names: Vec<String>,
    },

    // `settings.supervisor`.
    SupervisorUnresolved {
        role: Role,
        why: Unresolved,
    },
    SupervisorWrongKind {
        name: String,
        is: ElementKind,
        role: Role,
    },
    SupervisorInRepeat {
        name: String,
        repeat: String,
        role: Role,
    },
    SupervisorLevelTwice {
        name: String,
    },
    SupervisorNamesNothing,

    // Choice lists.
    PulldataUnknownList {
        list: String,
    },
    InstanceUnknownList {
        list: String,
    },
    ChoiceListEmpty {
        list: String,
    },
    ChoiceTwice {
        choice: String,
        list: String,
    },
    ChoiceWithoutName {
        list: String,
    },
    /// A choice name with a space; an error when a select_multiple uses its list.
    ChoiceNameWithSpace {
        choice: String,
        multiple: bool,
    },
    ChoiceListUnused {
        list: String,
    },
    UnknownChoiceList {
        list: String,
        known: Vec<String>,
    },

    // Properties that do nothing or are missing.
    ConstraintNeverChecked,
    RequiredDoesNothing,
    ContainerCalculation,
    CalculateWithoutCalculation,
    NoLabel,
    ChoiceFilterDoesNothing,
    UnknownChoiceProperty {
        list: String,
        property: String,
    },

    // Expressions that parse but cannot mean what they say.
    /// `${rows}/n` where `n` is not a child of `rows`.
    PathStepNotChild {
        name: String,
        parent: String,
    },
    /// A bare name or relative path that names no node (read as empty).
    EmptyStep {
        property: String,
        element: String,
        name: String,
    },
    /// A literal in an expression that cannot be what it is compared with or passed to.
    Literal {
        property: String,
        element: String,
        problem: LiteralProblem,
    },

    // Values.
    DefaultNotOfType {
        value: String,
        want: Want,
    },
    DefaultNotAChoice {
        value: String,
    },
    RangeParametersUnreadable {
        parameters: String,
    },
    RangeParameterNotANumber {
        key: String,
        value: String,
    },
    RangeParametersReadAs {
        parameters: String,
        canonical: String,
    },
    /// A translated text without some of the form's languages.
    MissingTranslation {
        languages: Vec<String>,
    },
}

/// Why `${name}` resolves to nothing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Unresolved {
    /// No element has the name; `suggestion` a name close to it, if any.
    Unknown {
        name: String,
        suggestion: Option<String>,
    },
    /// Several elements have it; `paths` their paths.
    Ambiguous { name: String, paths: Vec<String> },
}

/// What a question of `settings.supervisor` is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    /// A level of `place`: select_one, text or calculate.
    Place,
    /// `needs`: select_multiple.
    Needs,
}

/// What an element is, where a setting wanted a question of some type.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ElementKind {
    QuestionOfAnotherType,
    Group,
    Repeat,
    Form,
}

/// What a literal default should have been.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Want {
    WholeNumber,
    Number,
    Date,
    Time,
    DateTime,
}

/// A literal inside an expression that makes it always false or blank.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LiteralProblem {
    /// `selected(${q}, 'x')` or `${q} = 'x'` where `x` is not a choice of `q`.
    NotAChoice {
        literal: String,
        question: String,
        choices: Vec<String>,
    },
    /// `digest()` with an algorithm it does not know; `known` those it does.
    DigestAlgorithm {
        algorithm: String,
        known: Vec<String>,
    },
    DigestEncoding {
        encoding: String,
    },
    /// `weighted-checklist()` with an odd number of arguments.
    WeightedChecklistOdd,
    /// `${number} > 'abc'`.
    NumberComparedWithText {
        literal: String,
    },
}
