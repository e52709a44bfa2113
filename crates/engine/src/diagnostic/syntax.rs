//! Why an expression does not parse (the lexer's and the parser's findings), as data, with
//! its words in the four languages: a designer reads them inside
//! [`Finding::ExpressionSyntax`](super::Finding::ExpressionSyntax).

use crate::messages::Lang;

/// One reason an expression cannot be read. Columns are 1-based, in characters.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Syntax {
    Empty,
    /// Something left over after a whole expression (`1 2`).
    AfterComplete {
        token: Lexeme,
    },
    /// More binary operators than the parser takes in one expression.
    TooManyOperators {
        max: usize,
    },
    TooDeep,
    EndsEarly,
    /// `/` at the start without the form's root name after it.
    RootNameExpected,
    /// A token where a value should be (`1 + )`).
    Unexpected {
        token: Lexeme,
    },
    UnclosedBracket {
        open: usize,
    },
    QuestionNameExpected,
    UnclosedParen {
        open: usize,
    },
    InstanceListName,
    /// `instance('LIST')` without `/root` or `/item` after it.
    InstanceStep {
        step: String,
        list: String,
    },
    ColumnNameExpected,
    UnknownFunction {
        name: String,
    },
    /// A function called with too few or too many arguments; `max` is `usize::MAX` for no
    /// limit.
    Arity {
        name: String,
        min: usize,
        max: usize,
        got: usize,
    },
    /// A regular expression regex-lite refuses; `detail` is regex-lite's own (English) words,
    /// kept as they are: they cannot be typed.
    Regex {
        pattern: String,
        detail: String,
    },
    /// `$` not followed by `{`.
    DollarAlone,
    UnclosedReference,
    InvalidReference {
        text: String,
    },
    UnclosedString {
        quote: char,
    },
    NotANumber {
        text: String,
    },
    UnexpectedCharacter {
        character: char,
    },
}

/// A token, as a message names it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Lexeme {
    Reference(String),
    LastSaved(String),
    /// A number as written back (`3`, `2.5`).
    Number(String),
    Text(String),
    /// A symbol or a bare name, quoted as it is (`)`, `and`).
    Symbol(String),
}

impl Lexeme {
    fn text(&self, lang: Lang) -> String {
        match self {
            Lexeme::Reference(n) => say!(
                lang,
                "${{{n}}} havolasi",
                "${{{n}}} ҳаволаси",
                "ссылка ${{{n}}}",
                "reference ${{{n}}}",
            ),
            Lexeme::LastSaved(n) => say!(
                lang,
                "${{last-saved#{n}}} havolasi",
                "${{last-saved#{n}}} ҳаволаси",
                "ссылка ${{last-saved#{n}}}",
                "reference ${{last-saved#{n}}}",
            ),
            Lexeme::Number(n) => say!(lang, "{n} soni", "{n} сони", "число {n}", "number {n}"),
            Lexeme::Text(s) => say!(
                lang,
                "'{s}' satri",
                "'{s}' сатри",
                "строка '{s}'",
                "string '{s}'"
            ),
            // Only the symbol itself, in every language.
            Lexeme::Symbol(s) => format!("`{s}`"),
        }
    }
}

/// How to write `instance()`, said after its findings.
fn instance_usage(lang: Lang) -> String {
    say!(
        lang,
        "instance('LIST')/root/item[…]/column deb yozing, bunda LIST — tanlovlar roʻyxati",
        "instance('LIST')/root/item[…]/column деб ёзинг, бунда LIST — танловлар рўйхати",
        "пишите instance('LIST')/root/item[…]/column, где LIST — список вариантов",
        "write instance('LIST')/root/item[…]/column, LIST a choice list",
    )
}

/// How many arguments a function takes, in words.
fn arity(lang: Lang, min: usize, max: usize) -> String {
    match (min, max) {
        (a, b) if a == b => say!(lang, "{a} ta", "{a} та", "{a}", "{a}"),
        (a, usize::MAX) => say!(
            lang,
            "kamida {a} ta",
            "камида {a} та",
            "не меньше {a}",
            "at least {a}"
        ),
        (a, b) => say!(
            lang,
            "{a} tadan {b} tagacha",
            "{a} тадан {b} тагача",
            "от {a} до {b}",
            "{a} to {b}"
        ),
    }
}

impl Syntax {
    /// The reason in `lang`.
    pub fn text(&self, lang: Lang) -> String {
        use Syntax::*;
        match self {
            Empty => say!(
                lang,
                "ifoda boʻsh",
                "ифода бўш",
                "выражение пустое",
                "the expression is empty"
            ),
            AfterComplete { token } => {
                let token = token.text(lang);
                say!(
                    lang,
                    "toʻliq ifodadan keyin ortiqcha {token}",
                    "тўлиқ ифодадан кейин ортиқча {token}",
                    "лишнее после законченного выражения: {token}",
                    "unexpected {token} after a complete expression",
                )
            }
            TooManyOperators { max } => say!(
                lang,
                "ifodada {max} tadan ortiq operator bor: uni bir nechta hisoblashga ajrating (har biri uning bir qismini hisoblaydigan `calculate`)",
                "ифодада {max} тадан ортиқ оператор бор: уни бир нечта ҳисоблашга ажратинг (ҳар бири унинг бир қисмини ҳисоблайдиган `calculate`)",
                "в выражении больше {max} операторов: разбейте его на несколько вычислений (каждое — `calculate` с частью выражения)",
                "the expression has more than {max} operators: split it into several calculations (each a `calculate` of part of it)",
            ),
            TooDeep => say!(
                lang,
                "ifoda juda chuqur ichma-ich joylashgan",
                "ифода жуда чуқур ичма-ич жойлашган",
                "слишком глубокая вложенность выражения",
                "the expression is nested too deeply",
            ),
            EndsEarly => say!(
                lang,
                "ifoda qiymat kutilgan joyda tugaydi",
                "ифода қиймат кутилган жойда тугайди",
                "выражение обрывается там, где ожидалось значение",
                "the expression ends where a value was expected",
            ),
            RootNameExpected => say!(
                lang,
                "`/`dan keyin soʻrovnomaning ildiz nomi kutilgan (masalan, `/data/q`)",
                "`/`дан кейин сўровноманинг илдиз номи кутилган (масалан, `/data/q`)",
                "после `/` ожидалось корневое имя анкеты (например, `/data/q`)",
                "expected the form's root name after `/` (e.g. `/data/q`)",
            ),
            Unexpected { token } => {
                let token = token.text(lang);
                say!(
                    lang,
                    "qiymat kutilgan joyda {token} keldi",
                    "қиймат кутилган жойда {token} келди",
                    "ожидалось значение, а стоит {token}",
                    "unexpected {token} where a value was expected",
                )
            }
            UnclosedBracket { open } => say!(
                lang,
                "{open}-belgidagi `[`ni yopadigan `]` yoʻq",
                "{open}-белгидаги `[`ни ёпадиган `]` йўқ",
                "нет `]`, закрывающей `[` в позиции {open}",
                "missing `]` to close the `[` at column {open}",
            ),
            QuestionNameExpected => say!(
                lang,
                "`/`dan keyin savol nomi kutilgan",
                "`/`дан кейин савол номи кутилган",
                "после `/` ожидалось имя вопроса",
                "expected a question name after `/`",
            ),
            UnclosedParen { open } => say!(
                lang,
                "{open}-belgidagi `(`ni yopadigan `)` yoʻq",
                "{open}-белгидаги `(`ни ёпадиган `)` йўқ",
                "нет `)`, закрывающей `(` в позиции {open}",
                "missing `)` to close the `(` at column {open}",
            ),
            InstanceListName => {
                let usage = instance_usage(lang);
                say!(
                    lang,
                    "instance() tirnoq ichidagi roʻyxat nomini oladi: {usage}",
                    "instance() тирноқ ичидаги рўйхат номини олади: {usage}",
                    "instance() принимает имя списка в кавычках: {usage}",
                    "instance() takes a list name in quotes: {usage}",
                )
            }
            InstanceStep { step, list } => {
                let usage = instance_usage(lang);
                say!(
                    lang,
                    "instance('{list}')dan keyin `/{step}` kutilgan: {usage}",
                    "instance('{list}')дан кейин `/{step}` кутилган: {usage}",
                    "после instance('{list}') ожидалось `/{step}`: {usage}",
                    "expected `/{step}` after instance('{list}'): {usage}",
                )
            }
            ColumnNameExpected => say!(
                lang,
                "`/`dan keyin ustun nomi (`name`, `label`, …) kutilgan",
                "`/`дан кейин устун номи (`name`, `label`, …) кутилган",
                "после `/` ожидалось имя столбца (`name`, `label`, …)",
                "expected a column name (`name`, `label`, …) after `/`",
            ),
            UnknownFunction { name } => say!(
                lang,
                "nomaʼlum funksiya `{name}()`",
                "номаълум функция `{name}()`",
                "неизвестная функция `{name}()`",
                "unknown function `{name}()`",
            ),
            Arity {
                name,
                min,
                max,
                got,
            } => {
                let want = arity(lang, *min, *max);
                say!(
                    lang,
                    "`{name}()` {want} argument oladi, {got} ta emas",
                    "`{name}()` {want} аргумент олади, {got} та эмас",
                    "`{name}()` принимает аргументов: {want}, а не {got}",
                    "`{name}()` takes {want} argument(s), not {got}",
                )
            }
            Regex { pattern, detail } => say!(
                lang,
                "notoʻgʻri muntazam ifoda '{pattern}': {detail}",
                "нотўғри мунтазам ифода '{pattern}': {detail}",
                "неверное регулярное выражение '{pattern}': {detail}",
                "invalid regular expression '{pattern}': {detail}",
            ),
            DollarAlone => say!(
                lang,
                "`$` ${{name}} kabi havolani boshlashi kerak",
                "`$` ${{name}} каби ҳаволани бошлаши керак",
                "`$` должен начинать ссылку вида ${{name}}",
                "`$` must start a reference like ${{name}}",
            ),
            UnclosedReference => say!(
                lang,
                "yopilmagan `${{`: `}}` yoʻq",
                "ёпилмаган `${{`: `}}` йўқ",
                "незакрытое `${{`: нет `}}`",
                "unclosed `${{`: missing `}}`",
            ),
            InvalidReference { text } => say!(
                lang,
                "`${{{text}}}` yaroqsiz havola",
                "`${{{text}}}` яроқсиз ҳавола",
                "`${{{text}}}` — недопустимая ссылка",
                "`${{{text}}}` is not a valid reference",
            ),
            UnclosedString { quote } => say!(
                lang,
                "yopilmagan satr: yopuvchi {quote} tirnoq yoʻq",
                "ёпилмаган сатр: ёпувчи {quote} тирноқ йўқ",
                "незакрытая строка: нет закрывающей кавычки {quote}",
                "unclosed string: missing closing {quote}",
            ),
            NotANumber { text } => say!(
                lang,
                "`{text}` son emas",
                "`{text}` сон эмас",
                "`{text}` — не число",
                "`{text}` is not a number",
            ),
            UnexpectedCharacter { character } => say!(
                lang,
                "kutilmagan belgi `{character}`",
                "кутилмаган белги `{character}`",
                "неожиданный символ `{character}`",
                "unexpected character `{character}`",
            ),
        }
    }
}
