//! Every finding said in every language: not empty, not left in English, every placeholder
//! filled.

use super::finding::{ElementKind, Finding, LiteralProblem, Role, Unresolved, Want};
use super::syntax::{Lexeme, Syntax};
use crate::messages::Lang;

/// The variant's place in [`samples`]: an exhaustive match, so a new variant cannot be added
/// without a number here (and so, by [`COUNT`], a sample).
fn index(f: &Finding) -> usize {
    use Finding::*;
    match f {
        InvalidJson { .. } => 0,
        UnknownField { .. } => 1,
        MissingField { .. } => 2,
        DuplicateField { .. } => 3,
        ExpectedText => 4,
        ExpectedBoolOrExpression => 5,
        ExpectedCell => 6,
        Unreadable { .. } => 7,
        SurveyEmpty => 8,
        ExpressionSyntax { .. } => 9,
        InvalidName { .. } => 10,
        UnknownType { .. } => 11,
        RepeatCountNotANumber { .. } => 12,
        TriggerWithoutComma { .. } => 13,
        TriggerNotAReference { .. } => 14,
        TriggerNamesNothing { .. } => 15,
        TriggerNotAnswered { .. } => 16,
        TriggerUnknown { .. } => 17,
        ChildrenOutsideContainer => 18,
        EmptyContainer { .. } => 19,
        RepeatCountOutsideRepeat => 20,
        DuplicateName { .. } => 21,
        DuplicateRepeatName { .. } => 22,
        DefaultLanguageWithoutTexts { .. } => 23,
        UnresolvedReference { .. } => 24,
        ChoicesFromUnresolved { .. } => 25,
        TextShowsUnresolved { .. } => 26,
        InstanceNameUnresolved { .. } => 27,
        Cycle { .. } => 28,
        SupervisorUnresolved { .. } => 29,
        SupervisorWrongKind { .. } => 30,
        SupervisorInRepeat { .. } => 31,
        SupervisorLevelTwice { .. } => 32,
        SupervisorNamesNothing => 33,
        PulldataUnknownList { .. } => 34,
        InstanceUnknownList { .. } => 35,
        ChoiceListEmpty { .. } => 36,
        ChoiceTwice { .. } => 37,
        ChoiceWithoutName { .. } => 38,
        ChoiceNameWithSpace { .. } => 39,
        ChoiceListUnused { .. } => 40,
        UnknownChoiceList { .. } => 41,
        ConstraintNeverChecked => 42,
        RequiredDoesNothing => 43,
        ContainerCalculation => 44,
        CalculateWithoutCalculation => 45,
        NoLabel => 46,
        ChoiceFilterDoesNothing => 47,
        UnknownChoiceProperty { .. } => 48,
        PathStepNotChild { .. } => 49,
        EmptyStep { .. } => 50,
        Literal { .. } => 51,
        DefaultNotOfType { .. } => 52,
        DefaultNotAChoice { .. } => 53,
        RangeParametersUnreadable { .. } => 54,
        RangeParameterNotANumber { .. } => 55,
        RangeParametersReadAs { .. } => 56,
        MissingTranslation { .. } => 57,
    }
}

const COUNT: usize = 58;

fn s(text: &str) -> String {
    text.to_string()
}

fn names(texts: &[&str]) -> Vec<String> {
    texts.iter().map(|t| s(t)).collect()
}

/// Every variant at least once, each of its shapes (with and without a suggestion, every role,
/// kind, wanted type and literal problem); no parameter holds a brace, so that a brace in a
/// text can only be a placeholder left unfilled.
fn samples() -> Vec<Finding> {
    use Finding::*;
    let unknown = Unresolved::Unknown {
        name: s("agee"),
        suggestion: Some(s("age")),
    };
    let plain = Unresolved::Unknown {
        name: s("x"),
        suggestion: None,
    };
    let ambiguous = Unresolved::Ambiguous {
        name: s("n"),
        paths: names(&["/a/n", "/b/n"]),
    };
    let literal = |problem| Literal {
        property: s("relevant"),
        element: s("q"),
        problem,
    };
    let mut out = vec![
        InvalidJson {
            line: 3,
            column: 7,
            detail: s("trailing comma at line 3 column 7"),
        },
        UnknownField {
            field: s("lable"),
            expected: names(&["type", "name", "label"]),
        },
        UnknownField {
            field: s("x"),
            expected: Vec::new(),
        },
        MissingField { field: s("name") },
        DuplicateField { field: s("name") },
        ExpectedText,
        ExpectedBoolOrExpression,
        ExpectedCell,
        Unreadable {
            detail: s("invalid type: integer `3`, expected a string"),
        },
        SurveyEmpty,
        InvalidName { name: s("1a") },
        UnknownType { kind: s("txet") },
        UnknownType {
            kind: s("select_one"),
        },
        RepeatCountNotANumber { value: s("-1") },
        TriggerWithoutComma {
            part: s("${a} ${b}"),
        },
        TriggerNotAReference { part: s("a") },
        TriggerNamesNothing { cell: s("") },
        TriggerNotAnswered { target: s("c") },
        TriggerUnknown { target: s("d") },
        ChildrenOutsideContainer,
        EmptyContainer {
            written: s("begin_group"),
            repeat: false,
            name: s("g"),
        },
        EmptyContainer {
            written: s("repeat"),
            repeat: true,
            name: s("r"),
        },
        RepeatCountOutsideRepeat,
        DuplicateName {
            name: s("a"),
            first_path: s("$.survey[0]"),
            within: None,
        },
        DuplicateName {
            name: s("a"),
            first_path: s("$.survey[1].children[0]"),
            within: Some(s("g")),
        },
        DuplicateRepeatName {
            name: s("r"),
            first_path: s("$.survey[2]"),
        },
        DefaultLanguageWithoutTexts {
            language: s("fr"),
            languages: names(&["uz-Latn", "ru"]),
        },
        UnresolvedReference {
            property: s("relevant"),
            element: s("q"),
            column: 1,
            why: unknown.clone(),
        },
        ChoicesFromUnresolved {
            element: s("q"),
            why: plain.clone(),
        },
        TextShowsUnresolved {
            property: s("label"),
            element: s("q"),
            why: ambiguous.clone(),
        },
        InstanceNameUnresolved {
            column: 8,
            why: plain.clone(),
        },
        Cycle {
            names: names(&["${a}", "${b}", "${a}"]),
        },
        SupervisorUnresolved {
            role: Role::Place,
            why: unknown,
        },
        SupervisorUnresolved {
            role: Role::Needs,
            why: ambiguous,
        },
        SupervisorLevelTwice { name: s("region") },
        SupervisorNamesNothing,
        PulldataUnknownList { list: s("fruits") },
        InstanceUnknownList { list: s("fruits") },
        ChoiceListEmpty { list: s("yn") },
        ChoiceTwice {
            choice: s("1"),
            list: s("yn"),
        },
        ChoiceWithoutName { list: s("yn") },
        ChoiceNameWithSpace {
            choice: s("a b"),
            multiple: true,
        },
        ChoiceNameWithSpace {
            choice: s("a b"),
            multiple: false,
        },
        ChoiceListUnused { list: s("yn") },
        UnknownChoiceList {
            list: s("ny"),
            known: names(&["yn"]),
        },
        UnknownChoiceList {
            list: s("ny"),
            known: Vec::new(),
        },
        ConstraintNeverChecked,
        RequiredDoesNothing,
        ContainerCalculation,
        CalculateWithoutCalculation,
        NoLabel,
        ChoiceFilterDoesNothing,
        UnknownChoiceProperty {
            list: s("districts"),
            property: s("region"),
        },
        PathStepNotChild {
            name: s("n"),
            parent: s("rows"),
        },
        EmptyStep {
            property: s("relevant"),
            element: s("q"),
            name: s("null"),
        },
        literal(LiteralProblem::NotAChoice {
            literal: s("maybe"),
            question: s("yn_q"),
            choices: names(&["yes", "no"]),
        }),
        literal(LiteralProblem::DigestAlgorithm {
            algorithm: s("SHA-3"),
            known: names(&["MD5", "SHA-1"]),
        }),
        literal(LiteralProblem::DigestEncoding { encoding: s("b32") }),
        literal(LiteralProblem::WeightedChecklistOdd),
        literal(LiteralProblem::NumberComparedWithText { literal: s("abc") }),
        DefaultNotAChoice { value: s("maybe") },
        RangeParametersUnreadable {
            parameters: s("0 10"),
        },
        RangeParameterNotANumber {
            key: s("end"),
            value: s("ten"),
        },
        RangeParametersReadAs {
            parameters: s("start=0,end=10"),
            canonical: s("start=0 end=10"),
        },
        MissingTranslation {
            languages: names(&["ru"]),
        },
    ];
    for is in [
        ElementKind::QuestionOfAnotherType,
        ElementKind::Group,
        ElementKind::Repeat,
        ElementKind::Form,
    ] {
        for role in [Role::Place, Role::Needs] {
            out.push(SupervisorWrongKind {
                name: s("g"),
                is,
                role,
            });
            out.push(SupervisorInRepeat {
                name: s("home"),
                repeat: s("members"),
                role,
            });
        }
    }
    for syntax in syntax_samples() {
        out.push(ExpressionSyntax {
            property: s("relevant"),
            element: s("age"),
            column: 4,
            syntax: Box::new(syntax),
            excerpt: s("1 + )"),
        });
    }
    for want in [
        Want::WholeNumber,
        Want::Number,
        Want::Date,
        Want::Time,
        Want::DateTime,
    ] {
        out.push(DefaultNotOfType {
            value: s("x"),
            want,
        });
    }
    out
}

/// The syntax error's place in [`syntax_samples`], as [`index`].
fn syntax_index(e: &Syntax) -> usize {
    use Syntax::*;
    match e {
        Empty => 0,
        AfterComplete { .. } => 1,
        TooManyOperators { .. } => 2,
        TooDeep => 3,
        EndsEarly => 4,
        RootNameExpected => 5,
        Unexpected { .. } => 6,
        UnclosedBracket { .. } => 7,
        QuestionNameExpected => 8,
        UnclosedParen { .. } => 9,
        InstanceListName => 10,
        InstanceStep { .. } => 11,
        ColumnNameExpected => 12,
        UnknownFunction { .. } => 13,
        Arity { .. } => 14,
        Regex { .. } => 15,
        DollarAlone => 16,
        UnclosedReference => 17,
        InvalidReference { .. } => 18,
        UnclosedString { .. } => 19,
        NotANumber { .. } => 20,
        UnexpectedCharacter { .. } => 21,
    }
}

const SYNTAX_COUNT: usize = 22;

/// Every syntax error, every kind of token and every way of counting arguments.
fn syntax_samples() -> Vec<Syntax> {
    use Syntax::*;
    let tokens = [
        Lexeme::Reference(s("a")),
        Lexeme::LastSaved(s("a")),
        Lexeme::Number(s("2.5")),
        Lexeme::Text(s("x")),
        Lexeme::Symbol(s(")")),
    ];
    let mut out = vec![
        Empty,
        TooManyOperators { max: 10_000 },
        TooDeep,
        EndsEarly,
        RootNameExpected,
        UnclosedBracket { open: 3 },
        QuestionNameExpected,
        UnclosedParen { open: 3 },
        InstanceListName,
        InstanceStep {
            step: s("root"),
            list: s("fruits"),
        },
        ColumnNameExpected,
        UnknownFunction { name: s("sumx") },
        Regex {
            pattern: s("(a"),
            detail: s("unclosed group"),
        },
        DollarAlone,
        UnclosedReference,
        InvalidReference { text: s("a b") },
        UnclosedString { quote: '\'' },
        NotANumber { text: s("1.2.3") },
        UnexpectedCharacter { character: '#' },
    ];
    for token in tokens {
        out.push(AfterComplete {
            token: token.clone(),
        });
        out.push(Unexpected { token });
    }
    for (min, max) in [(1, 1), (1, usize::MAX), (1, 3)] {
        out.push(Arity {
            name: s("concat"),
            min,
            max,
            got: 0,
        });
    }
    out
}

#[test]
fn the_samples_hold_every_variant() {
    let mut seen: Vec<usize> = samples().iter().map(index).collect();
    seen.sort_unstable();
    seen.dedup();
    assert_eq!(seen, (0..COUNT).collect::<Vec<_>>());
    let mut seen: Vec<usize> = syntax_samples().iter().map(syntax_index).collect();
    seen.sort_unstable();
    seen.dedup();
    assert_eq!(seen, (0..SYNTAX_COUNT).collect::<Vec<_>>());
}

/// The parser's errors keep their English word for word (tests and the CLI compare them).
#[test]
fn the_parsers_english_is_what_it_was() {
    let en = |e: Syntax| e.text(crate::Lang::En);
    assert_eq!(
        en(Syntax::Arity {
            name: s("concat"),
            min: 1,
            max: usize::MAX,
            got: 0
        }),
        "`concat()` takes at least 1 argument(s), not 0"
    );
    assert_eq!(
        en(Syntax::Unexpected {
            token: Lexeme::Reference(s("a"))
        }),
        "unexpected reference ${a} where a value was expected"
    );
    assert_eq!(en(Syntax::UnclosedReference), "unclosed `${`: missing `}`");
}

/// What is left of a text once every `${name}` is taken out: a `{` or `}` there is a
/// placeholder that was not filled.
fn unfilled(text: &str) -> bool {
    let mut rest = text.to_string();
    while let Some(start) = rest.find("${") {
        match rest[start..].find('}') {
            Some(end) => rest.replace_range(start..start + end + 1, ""),
            None => break,
        }
    }
    rest.contains(['{', '}'])
}

#[test]
fn unfilled_finds_a_placeholder_but_not_a_reference() {
    assert!(unfilled("unknown question {name}"));
    assert!(!unfilled("unknown question ${age} (did you mean ${agee}?)"));
}

#[track_caller]
fn said_in(lang: Lang) {
    for finding in samples() {
        let text = finding.text(lang);
        let en = finding.text(Lang::En);
        assert!(!text.trim().is_empty(), "{finding:?}");
        assert!(!unfilled(&text), "{lang:?} {finding:?}: {text}");
        if lang != Lang::En {
            assert_ne!(text, en, "{lang:?} left in English: {finding:?}");
        }
    }
}

#[test]
fn every_finding_is_said_in_uzbek_latin() {
    said_in(Lang::UzLatn);
}

#[test]
fn every_finding_is_said_in_uzbek_cyrillic() {
    said_in(Lang::UzCyrl);
}

#[test]
fn every_finding_is_said_in_russian() {
    said_in(Lang::Ru);
}

#[test]
fn every_finding_is_said_in_english() {
    said_in(Lang::En);
}

/// The English is the message as it always was (the CLI's, the importers', the tests').
#[test]
fn the_english_is_word_for_word_what_it_was() {
    let en = |f: Finding| f.text(Lang::En);
    assert_eq!(
        en(Finding::UnknownType {
            kind: s("select_one")
        }),
        "unknown type `select_one`: write `select_one LIST` with the name of a choice list"
    );
    assert_eq!(
        en(Finding::UnresolvedReference {
            property: s("relevant"),
            element: s("q"),
            column: 1,
            why: Unresolved::Unknown {
                name: s("agee"),
                suggestion: Some(s("age")),
            },
        }),
        "`relevant` of `q`, column 1: unknown question ${agee} (did you mean ${age}?)"
    );
    assert_eq!(
        en(Finding::UnknownField {
            field: s("x"),
            expected: names(&["a", "b"]),
        }),
        "unknown field `x`, expected `a` or `b`"
    );
}

#[test]
fn a_diagnostic_says_its_finding_in_each_language() {
    let d = super::Diagnostic::new(
        super::Severity::Warning,
        "$.choices.yn",
        None,
        Finding::ChoiceListUnused { list: s("yn") },
    );
    assert_eq!(d.message, "choice list `yn` is not used by any question");
    assert_eq!(d.message_in(Lang::En), d.message);
    assert_eq!(
        d.message_in(Lang::Ru),
        "список вариантов `yn` не используется ни одним вопросом"
    );
    assert_eq!(
        d.message_in(Lang::UzCyrl),
        "`yn` танловлар рўйхатини ҳеч қайси савол ишлатмайди"
    );
}
