//! Every finding's words in Xonadon's four languages, each message's four texts in one place
//! (uz-Latn, uz-Cyrl, ru, en, as [`Lang::ALL`]). XLSForm's own terms (column and type names,
//! `relevant`, `select_one`, …) stay as they are, in backticks; what the designer wrote (names,
//! expressions, values) is quoted unchanged. The English is the message `xonadon check`
//! prints, the importers place on rows and tests compare: it stays word for word.

use super::finding::{ElementKind, Finding, LiteralProblem, Role, Unresolved, Want};
use crate::messages::Lang;

/// `a, b, c`: names listed as the English always listed them.
fn list(items: &[String]) -> String {
    items.join(", ")
}

/// serde's way of naming the keys allowed where an unknown one stood.
fn expected_keys(expected: &[String]) -> String {
    let quoted: Vec<String> = expected.iter().map(|k| format!("`{k}`")).collect();
    match quoted.as_slice() {
        [] => "there are no fields".into(),
        [one] => format!("expected {one}"),
        [a, b] => format!("expected {a} or {b}"),
        _ => format!("expected one of {}", quoted.join(", ")),
    }
}

impl Finding {
    /// The finding in `lang`.
    pub fn text(&self, lang: Lang) -> String {
        use Finding::*;
        match self {
            InvalidJson {
                line,
                column,
                detail,
            } => say!(
                lang,
                "{line}-qator, {column}-ustunda JSON notoʻgʻri yozilgan: {detail}",
                "{line}-қатор, {column}-устунда JSON нотўғри ёзилган: {detail}",
                "ошибка JSON в строке {line}, столбце {column}: {detail}",
                "invalid JSON at line {line} column {column}: {detail}",
            ),
            UnknownField { field, expected } => {
                let keys: Vec<String> = expected.iter().map(|k| format!("`{k}`")).collect();
                let keys = keys.join(", ");
                match (lang, expected.is_empty()) {
                    (Lang::En, _) => format!("unknown field `{field}`, {}", expected_keys(expected)),
                    (Lang::UzLatn, true) => format!("nomaʼlum kalit `{field}`: bu yerda kalit boʻlmaydi"),
                    (Lang::UzCyrl, true) => format!("номаълум калит `{field}`: бу ерда калит бўлмайди"),
                    (Lang::Ru, true) => format!("неизвестный ключ `{field}`: здесь ключей быть не может"),
                    (Lang::UzLatn, false) => format!("nomaʼlum kalit `{field}`; bu yerda boʻlishi mumkin: {keys}"),
                    (Lang::UzCyrl, false) => format!("номаълум калит `{field}`; бу ерда бўлиши мумкин: {keys}"),
                    (Lang::Ru, false) => format!("неизвестный ключ `{field}`; здесь допустимы: {keys}"),
                }
            }
            MissingField { field } => say!(
                lang,
                "majburiy `{field}` kaliti yoʻq",
                "мажбурий `{field}` калити йўқ",
                "нет обязательного ключа `{field}`",
                "missing field `{field}`",
            ),
            DuplicateField { field } => say!(
                lang,
                "`{field}` kaliti ikki marta yozilgan",
                "`{field}` калити икки марта ёзилган",
                "ключ `{field}` записан дважды",
                "duplicate field `{field}`",
            ),
            ExpectedText => say!(
                lang,
                "matn kutilgan: satr yoki har bir til tegiga satr beradigan obyekt",
                "матн кутилган: сатр ёки ҳар бир тил тегига сатр берадиган объект",
                "ожидался текст: строка или объект, сопоставляющий тегам языков строки",
                "expected a text: a string or an object mapping language tags to strings",
            ),
            ExpectedBoolOrExpression => say!(
                lang,
                "true, false yoki ifoda satri kutilgan",
                "true, false ёки ифода сатри кутилган",
                "ожидалось true, false или выражение в строке",
                "expected true, false or an expression string",
            ),
            ExpectedCell => say!(
                lang,
                "satr, son yoki mantiqiy qiymat kutilgan",
                "сатр, сон ёки мантиқий қиймат кутилган",
                "ожидалась строка, число или логическое значение",
                "expected a string, number or boolean",
            ),
            Unreadable { detail } => say!(
                lang,
                "qiymatni oʻqib boʻlmadi: {detail}",
                "қийматни ўқиб бўлмади: {detail}",
                "не удалось прочитать значение: {detail}",
                "{detail}",
            ),
            SurveyEmpty => say!(
                lang,
                "`survey` boʻsh: kamida bitta savol qoʻshing",
                "`survey` бўш: камида битта савол қўшинг",
                "`survey` пуст: добавьте хотя бы один вопрос",
                "the survey is empty: add at least one question",
            ),
            ExpressionSyntax {
                property,
                element,
                column,
                syntax,
                excerpt,
            } => {
                let detail = syntax.text(lang);
                say!(
                lang,
                "`{element}`-dagi `{property}`, {column}-belgi: {detail} (`{excerpt}` ifodasida)",
                "`{element}`-даги `{property}`, {column}-белги: {detail} (`{excerpt}` ифодасида)",
                "`{property}` в `{element}`, позиция {column}: {detail} (в выражении `{excerpt}`)",
                "`{property}` of `{element}`, column {column}: {detail} (in `{excerpt}`)",
                )
            }
            InvalidName { name } => say!(
                lang,
                "`{name}` yaroqsiz nom: harflar, raqamlar va `_` ishlating, nom harf bilan boshlansin",
                "`{name}` яроқсиз ном: ҳарфлар, рақамлар ва `_` ишлатинг, ном ҳарф билан бошлансин",
                "`{name}` — недопустимое имя: используйте буквы, цифры и `_`, начиная с буквы",
                "`{name}` is not a valid name: use letters, digits and `_`, starting with a letter",
            ),
            UnknownType { kind } => {
                let unknown = say!(
                    lang,
                    "nomaʼlum tur `{kind}`",
                    "номаълум тур `{kind}`",
                    "неизвестный тип `{kind}`",
                    "unknown type `{kind}`",
                );
                if kind != "select_one" && kind != "select_multiple" {
                    return unknown;
                }
                let hint = say!(
                    lang,
                    "tanlovlar roʻyxati nomi bilan `{kind} LIST` deb yozing",
                    "танловлар рўйхати номи билан `{kind} LIST` деб ёзинг",
                    "напишите `{kind} LIST`, где LIST — имя списка вариантов",
                    "write `{kind} LIST` with the name of a choice list",
                );
                format!("{unknown}: {hint}")
            }
            RepeatCountNotANumber { value } => say!(
                lang,
                "`repeat_count` 0 yoki undan katta butun son yoki ifoda boʻlishi kerak, {value} emas",
                "`repeat_count` 0 ёки ундан катта бутун сон ёки ифода бўлиши керак, {value} эмас",
                "`repeat_count` должен быть целым числом ≥ 0 или выражением, а не {value}",
                "`repeat_count` must be a whole number ≥ 0 or an expression, not {value}",
            ),
            TriggerWithoutComma { part } => say!(
                lang,
                "`trigger` bir nechta savolni vergulsiz koʻrsatgan (`{part}`): `${{a}}, ${{b}}` deb yozing",
                "`trigger` бир нечта саволни вергулсиз кўрсатган (`{part}`): `${{a}}, ${{b}}` деб ёзинг",
                "в `trigger` несколько вопросов без запятой между ними (`{part}`): пишите `${{a}}, ${{b}}`",
                "`trigger` names several questions without a comma between them (`{part}`): write `${{a}}, ${{b}}`",
            ),
            TriggerNotAReference { part } => say!(
                lang,
                "`trigger`-dagi `{part}` havola emas: `${{name}}` deb yozing (bir nechtasini vergul bilan ajrating)",
                "`trigger`-даги `{part}` ҳавола эмас: `${{name}}` деб ёзинг (бир нечтасини вергул билан ажратинг)",
                "`{part}` в `trigger` — не ссылка: пишите `${{name}}` (несколько — через запятую)",
                "`trigger` `{part}` is not a reference: write `${{name}}` (several separated by commas)",
            ),
            TriggerNamesNothing { cell } => say!(
                lang,
                "`trigger`-dagi `{cell}` hech qaysi savolni koʻrsatmaydi: `${{name}}` deb yozing (bir nechtasini vergul bilan ajrating)",
                "`trigger`-даги `{cell}` ҳеч қайси саволни кўрсатмайди: `${{name}}` деб ёзинг (бир нечтасини вергул билан ажратинг)",
                "`{cell}` в `trigger` не называет ни одного вопроса: пишите `${{name}}` (несколько — через запятую)",
                "`trigger` `{cell}` names no question: write `${{name}}` (several separated by commas)",
            ),
            TriggerNotAnswered { target } => say!(
                lang,
                "`trigger` ${{{target}}} ni koʻrsatgan, lekin xodim unga hech qachon javob bermaydi (bu hisoblash): xodim javob beradigan savolni koʻrsating",
                "`trigger` ${{{target}}} ни кўрсатган, лекин ходим унга ҳеч қачон жавоб бермайди (бу ҳисоблаш): ходим жавоб берадиган саволни кўрсатинг",
                "`trigger` ссылается на ${{{target}}}, на который сотрудник никогда не отвечает (это вычисление): укажите вопрос, на который он отвечает",
                "`trigger` names ${{{target}}}, which the field worker never answers (a calculation): name a question they answer",
            ),
            TriggerUnknown { target } => say!(
                lang,
                "`trigger` nomaʼlum savolni koʻrsatgan: ${{{target}}}",
                "`trigger` номаълум саволни кўрсатган: ${{{target}}}",
                "`trigger` ссылается на неизвестный вопрос ${{{target}}}",
                "`trigger` names unknown question ${{{target}}}",
            ),
            ChildrenOutsideContainer => say!(
                lang,
                "`children` faqat `group` yoki `repeat`da boʻlishi mumkin",
                "`children` фақат `group` ёки `repeat`да бўлиши мумкин",
                "`children` может быть только у `group` или `repeat`",
                "only a `group` or `repeat` may have `children`",
            ),
            EmptyContainer {
                written,
                repeat: true,
                name,
            } => say!(
                lang,
                "`{name}` takrorlanuvchi guruhida savol yoʻq",
                "`{name}` такрорланувчи гуруҳида савол йўқ",
                "в повторяющейся группе `{name}` нет вопросов",
                "the {written} `{name}` has no questions",
            ),
            EmptyContainer {
                written,
                repeat: false,
                name,
            } => say!(
                lang,
                "`{name}` guruhida savol yoʻq",
                "`{name}` гуруҳида савол йўқ",
                "в группе `{name}` нет вопросов",
                "the {written} `{name}` has no questions",
            ),
            RepeatCountOutsideRepeat => say!(
                lang,
                "`repeat_count` bu yerda hech narsa qilmaydi: u faqat `repeat` nusxalarini sanaydi",
                "`repeat_count` бу ерда ҳеч нарса қилмайди: у фақат `repeat` нусхаларини санайди",
                "`repeat_count` здесь ничего не делает: он задаёт только число экземпляров `repeat`",
                "`repeat_count` does nothing here: it only counts a repeat's instances",
            ),
            DuplicateName {
                name,
                first_path,
                within,
            } => {
                let within = match within {
                    Some(parent) => format!("`{parent}`"),
                    None => say!(lang, "soʻrovnoma", "сўровнома", "анкеты", "the survey"),
                };
                say!(
                    lang,
                    "`{name}` nomi takrorlangan: u {first_path}-da bor; nomlar {within} ichida yagona boʻlishi kerak",
                    "`{name}` номи такрорланган: у {first_path}-да бор; номлар {within} ичида ягона бўлиши керак",
                    "повторяющееся имя `{name}`: уже используется в {first_path}; имена должны быть уникальны в пределах {within}",
                    "duplicate name `{name}`: already used at {first_path}; names must be unique within {within}",
                )
            }
            DuplicateRepeatName { name, first_path } => say!(
                lang,
                "`repeat` nomi `{name}` takrorlangan: {first_path}-dagi `repeat`ning nomi ham shunday; har bir `repeat` butun soʻrovnomada oʻz nomiga ega boʻlishi kerak",
                "`repeat` номи `{name}` такрорланган: {first_path}-даги `repeat`нинг номи ҳам шундай; ҳар бир `repeat` бутун сўровномада ўз номига эга бўлиши керак",
                "повторяющееся имя `repeat` `{name}`: оно уже есть у `repeat` в {first_path}; у каждого `repeat` должно быть своё имя во всей анкете",
                "duplicate repeat name `{name}`: the repeat at {first_path} has it already; repeats need names of their own anywhere in the form",
            ),
            DefaultLanguageWithoutTexts {
                language,
                languages,
            } => {
                let languages = list(languages);
                say!(
                    lang,
                    "`{language}` asosiy tilida matn yoʻq; soʻrovnoma matnlari shu tillarda: {languages}",
                    "`{language}` асосий тилида матн йўқ; сўровнома матнлари шу тилларда: {languages}",
                    "на языке по умолчанию `{language}` нет текстов; тексты анкеты на языках: {languages}",
                    "default language `{language}` has no texts; the form's texts are in {languages}",
                )
            }
            UnresolvedReference {
                property,
                element,
                column,
                why,
            } => {
                let why = why.text(lang);
                say!(
                    lang,
                    "`{element}`-dagi `{property}`, {column}-belgi: {why}",
                    "`{element}`-даги `{property}`, {column}-белги: {why}",
                    "`{property}` в `{element}`, позиция {column}: {why}",
                    "`{property}` of `{element}`, column {column}: {why}",
                )
            }
            ChoicesFromUnresolved { element, why } => {
                let why = why.text(lang);
                say!(
                    lang,
                    "`{element}` savolining tanlovlari boshqa savolning javoblari, lekin: {why}",
                    "`{element}` саволининг танловлари бошқа саволнинг жавоблари, лекин: {why}",
                    "варианты `{element}` — ответы другого вопроса, но: {why}",
                    "the choices of `{element}` are the answers of {why}",
                )
            }
            TextShowsUnresolved {
                property,
                element,
                why,
            } => {
                let why = why.text(lang);
                say!(
                    lang,
                    "`{element}`-dagi `{property}` koʻrsatadi: {why}",
                    "`{element}`-даги `{property}` кўрсатади: {why}",
                    "`{property}` в `{element}` показывает: {why}",
                    "`{property}` of `{element}` shows {why}",
                )
            }
            InstanceNameUnresolved { column, why } => {
                let why = why.text(lang);
                say!(
                    lang,
                    "`instance_name`, {column}-belgi: {why}",
                    "`instance_name`, {column}-белги: {why}",
                    "`instance_name`, позиция {column}: {why}",
                    "`instance_name`, column {column}: {why}",
                )
            }
            Cycle { names } => {
                let names = names.join(" → ");
                say!(
                    lang,
                    "aylanma bogʻliqlik: {names} (hisoblash yoki `relevant` oxir-oqibat oʻziga bogʻliq boʻlib qoladi)",
                    "айланма боғлиқлик: {names} (ҳисоблаш ёки `relevant` охир-оқибат ўзига боғлиқ бўлиб қолади)",
                    "циклическая зависимость: {names} (вычисление или `relevant` в итоге зависит от самого себя)",
                    "circular dependency: {names} (a calculation or relevance ends up depending on itself)",
                )
            }
            SupervisorUnresolved { role, why } => {
                let (role, why) = (role.what(lang), why.text(lang));
                say!(
                    lang,
                    "nazoratchi uchun {role}: {why}",
                    "назоратчи учун {role}: {why}",
                    "{role} для руководителя: {why}",
                    "{role} for the supervisor: {why}",
                )
            }
            SupervisorWrongKind { name, is, role } => {
                let (is, what, types) = (is.text(lang), role.what(lang), role.types(lang));
                say!(
                    lang,
                    "`{name}` — {is}; nazoratchi uchun {what} {types} turidagi savol boʻladi",
                    "`{name}` — {is}; назоратчи учун {what} {types} туридаги савол бўлади",
                    "`{name}` — {is}; {what} для руководителя — вопрос типа {types}",
                    "`{name}` is {is}; {what} for the supervisor is a {types} question",
                )
            }
            SupervisorInRepeat { name, repeat, role } => {
                let what = role.what(lang);
                say!(
                    lang,
                    "`{name}` `{repeat}` takrorlanuvchi guruhi ichida, shuning uchun bitta soʻrovnomada uning javobi koʻp boʻladi; nazoratchi uchun {what} takrorlanuvchi guruhlardan tashqaridagi savol boʻladi",
                    "`{name}` `{repeat}` такрорланувчи гуруҳи ичида, шунинг учун битта сўровномада унинг жавоби кўп бўлади; назоратчи учун {what} такрорланувчи гуруҳлардан ташқаридаги савол бўлади",
                    "`{name}` внутри повторяющейся группы `{repeat}`, поэтому в одной анкете у него много ответов; {what} для руководителя — вопрос вне повторяющихся групп",
                    "`{name}` is inside the repeat `{repeat}`, so a submission has many answers; {what} for the supervisor is a question outside repeats",
                )
            }
            SupervisorLevelTwice { name } => say!(
                lang,
                "`{name}` joy darajasi sifatida allaqachon koʻrsatilgan; har bir darajani bir marta koʻrsating",
                "`{name}` жой даражаси сифатида аллақачон кўрсатилган; ҳар бир даражани бир марта кўрсатинг",
                "`{name}` уже указан как уровень места; указывайте каждый уровень один раз",
                "`{name}` is already a level of the place; name each level once",
            ),
            SupervisorNamesNothing => say!(
                lang,
                "hech qaysi savol koʻrsatilmagan: `place` (masalan, [\"region\", \"district\"]) yoki `needs`ni bering yoki bu sozlamani olib tashlang",
                "ҳеч қайси савол кўрсатилмаган: `place` (масалан, [\"region\", \"district\"]) ёки `needs`ни беринг ёки бу созламани олиб ташланг",
                "не указан ни один вопрос: задайте `place` (например, [\"region\", \"district\"]) или `needs` либо уберите эту настройку",
                "names no question: give `place` (e.g. [\"region\", \"district\"]) or `needs`, or leave the setting out",
            ),
            PulldataUnknownList { list } => say!(
                lang,
                "pulldata('{list}', …) bu soʻrovnomada yoʻq roʻyxatni oʻqiydi: soʻrovnoma bilan birga {list}.csv faylini bering",
                "pulldata('{list}', …) бу сўровномада йўқ рўйхатни ўқийди: сўровнома билан бирга {list}.csv файлини беринг",
                "pulldata('{list}', …) читает список, которого нет в анкете: приложите к анкете {list}.csv",
                "pulldata('{list}', …) reads a list this form does not have: supply {list}.csv with the form",
            ),
            InstanceUnknownList { list } => say!(
                lang,
                "instance('{list}') bu soʻrovnomada yoʻq roʻyxatni oʻqiydi: `{list}` tanlovlar roʻyxatini qoʻshing yoki soʻrovnoma bilan birga {list}.csv faylini bering",
                "instance('{list}') бу сўровномада йўқ рўйхатни ўқийди: `{list}` танловлар рўйхатини қўшинг ёки сўровнома билан бирга {list}.csv файлини беринг",
                "instance('{list}') читает список, которого нет в анкете: добавьте список вариантов `{list}` или приложите к анкете {list}.csv",
                "instance('{list}') reads a list this form does not have: add the choice list `{list}`, or supply {list}.csv with the form",
            ),
            ChoiceListEmpty { list } => say!(
                lang,
                "`{list}` tanlovlar roʻyxati boʻsh: uning savollarida tanlov yoʻq",
                "`{list}` танловлар рўйхати бўш: унинг саволларида танлов йўқ",
                "список вариантов `{list}` пуст: в его вопросах нечего выбрать",
                "choice list `{list}` is empty: its questions offer no choices",
            ),
            ChoiceTwice { choice, list } => say!(
                lang,
                "`{choice}` tanlovi `{list}` roʻyxatida ikki marta bor: ikkalasi ham koʻrsatiladi, javobdan esa ularni farqlab boʻlmaydi",
                "`{choice}` танлови `{list}` рўйхатида икки марта бор: иккаласи ҳам кўрсатилади, жавобдан эса уларни фарқлаб бўлмайди",
                "вариант `{choice}` дважды встречается в списке `{list}`: будут показаны оба, а по ответу их не различить",
                "choice `{choice}` appears twice in list `{list}`: both are offered, and an answer cannot tell them apart",
            ),
            ChoiceWithoutName { list } => say!(
                lang,
                "`{list}` roʻyxatidagi bir tanlovning nomi yoʻq",
                "`{list}` рўйхатидаги бир танловнинг номи йўқ",
                "у одного из вариантов списка `{list}` нет имени",
                "a choice of list `{list}` has no name",
            ),
            ChoiceNameWithSpace {
                choice,
                multiple: true,
            } => say!(
                lang,
                "`{choice}` tanlov nomida boʻsh joy bor: bu roʻyxatni select_multiple ishlatadi, uning javobi esa boʻsh joy bilan ajratilgan tanlangan nomlar",
                "`{choice}` танлов номида бўш жой бор: бу рўйхатни select_multiple ишлатади, унинг жавоби эса бўш жой билан ажратилган танланган номлар",
                "в имени варианта `{choice}` есть пробел: этот список использует select_multiple, а его ответ — выбранные имена через пробел",
                "choice name `{choice}` contains a space: a select_multiple uses this list, and its answer is the chosen names separated by spaces",
            ),
            ChoiceNameWithSpace {
                choice,
                multiple: false,
            } => say!(
                lang,
                "`{choice}` tanlov nomida boʻsh joy bor: select_one uchun bu maqbul, lekin select_multiple bu roʻyxatni ishlata olmaydi",
                "`{choice}` танлов номида бўш жой бор: select_one учун бу мақбул, лекин select_multiple бу рўйхатни ишлата олмайди",
                "в имени варианта `{choice}` есть пробел: для select_one это допустимо, но select_multiple не сможет использовать этот список",
                "choice name `{choice}` contains a space: fine for a select_one, but a select_multiple could not use this list",
            ),
            ChoiceListUnused { list } => say!(
                lang,
                "`{list}` tanlovlar roʻyxatini hech qaysi savol ishlatmaydi",
                "`{list}` танловлар рўйхатини ҳеч қайси савол ишлатмайди",
                "список вариантов `{list}` не используется ни одним вопросом",
                "choice list `{list}` is not used by any question",
            ),
            UnknownChoiceList { list, known } => {
                let known = match known.as_slice() {
                    [] => say!(lang, "yoʻq", "йўқ", "нет", "none"),
                    names => names.join(", "),
                };
                say!(
                    lang,
                    "nomaʼlum tanlovlar roʻyxati `{list}` (roʻyxatlar: {known})",
                    "номаълум танловлар рўйхати `{list}` (рўйхатлар: {known})",
                    "неизвестный список вариантов `{list}` (списки: {known})",
                    "unknown choice list `{list}` (lists: {known})",
                )
            }
            ConstraintNeverChecked => say!(
                lang,
                "bu yerdagi `constraint` hech qachon tekshirilmaydi: `constraint` faqat javob beriladigan savollarda boʻladi",
                "бу ердаги `constraint` ҳеч қачон текширилмайди: `constraint` фақат жавоб бериладиган саволларда бўлади",
                "`constraint` здесь никогда не проверяется: он бывает только у вопросов, на которые отвечают",
                "a constraint here is never checked: only answered questions have constraints",
            ),
            RequiredDoesNothing => say!(
                lang,
                "`required` bu yerda hech narsa qilmaydi: bu elementga hech kim javob bermaydi",
                "`required` бу ерда ҳеч нарса қилмайди: бу элементга ҳеч ким жавоб бермайди",
                "`required` здесь ничего не делает: на этот элемент никто не отвечает",
                "`required` does nothing here: nobody answers this element",
            ),
            ContainerCalculation => say!(
                lang,
                "guruh yoki takrorlanuvchi guruhda `calculation` boʻlmaydi",
                "гуруҳ ёки такрорланувчи гуруҳда `calculation` бўлмайди",
                "у группы или повторяющейся группы не может быть `calculation`",
                "a group or repeat cannot have a calculation",
            ),
            CalculateWithoutCalculation => say!(
                lang,
                "`calculate` uchun `calculation` kerak",
                "`calculate` учун `calculation` керак",
                "для `calculate` нужен `calculation`",
                "a calculate needs a `calculation`",
            ),
            NoLabel => say!(
                lang,
                "bu savolda `label` yoʻq: xodim faqat uning nomini koʻradi",
                "бу саволда `label` йўқ: ходим фақат унинг номини кўради",
                "у этого вопроса нет `label`: сотрудник увидит только его имя",
                "this question has no label: the field worker will see only its name",
            ),
            ChoiceFilterDoesNothing => say!(
                lang,
                "`choice_filter` bu yerda hech narsa qilmaydi: u faqat select savolining tanlovlarini saralaydi",
                "`choice_filter` бу ерда ҳеч нарса қилмайди: у фақат select саволининг танловларини саралайди",
                "`choice_filter` здесь ничего не делает: он отбирает только варианты вопроса select",
                "`choice_filter` does nothing here: it only filters a select's choices",
            ),
            UnknownChoiceProperty {
                list,
                property: p,
            } => say!(
                lang,
                "`{list}` roʻyxatidagi hech bir tanlovda `{p}` ustuni yoʻq: `{p}` har bir tanlov uchun boʻsh (tanlovlarga \"{p}\"ni qoʻshing yoki nomni tuzating)",
                "`{list}` рўйхатидаги ҳеч бир танловда `{p}` устуни йўқ: `{p}` ҳар бир танлов учун бўш (танловларга \"{p}\"ни қўшинг ёки номни тузатинг)",
                "ни у одного варианта списка `{list}` нет свойства `{p}`: `{p}` пусто у всех вариантов (добавьте \"{p}\" к вариантам или исправьте имя)",
                "no choice in list `{list}` has a property `{p}`: `{p}` is empty for every choice (add \"{p}\" to the choices or fix the name)",
            ),
            PathStepNotChild { name, parent } => say!(
                lang,
                "`{name}` bevosita `{parent}` ichida emas: yoʻl qadami bir daraja pastga tushadi",
                "`{name}` бевосита `{parent}` ичида эмас: йўл қадами бир даража пастга тушади",
                "`{name}` находится не непосредственно внутри `{parent}`: шаг пути спускается на один уровень",
                "`{name}` is not directly inside `{parent}`: a path step goes one level down",
            ),
            EmptyStep {
                property,
                element,
                name,
            } => say!(
                lang,
                "`{element}`-dagi `{property}`: `{name}` u yerda hech qaysi tugunni koʻrsatmaydi, shuning uchun boʻsh (ODK-dagi kabi); savol uchun ${{{name}}}, matn uchun '{name}' deb yozing",
                "`{element}`-даги `{property}`: `{name}` у ерда ҳеч қайси тугунни кўрсатмайди, шунинг учун бўш (ODK-даги каби); савол учун ${{{name}}}, матн учун '{name}' деб ёзинг",
                "`{property}` в `{element}`: `{name}` там не указывает ни на один узел, поэтому пусто (как в ODK); пишите ${{{name}}} для вопроса, '{name}' для текста",
                "`{property}` of `{element}`: `{name}` names no node there, so it is empty (as in ODK); write ${{{name}}} for a question, '{name}' for text",
            ),
            Literal {
                property,
                element,
                problem,
            } => {
                let problem = problem.text(lang);
                say!(
                    lang,
                    "`{element}`-dagi `{property}`: {problem}",
                    "`{element}`-даги `{property}`: {problem}",
                    "`{property}` в `{element}`: {problem}",
                    "`{property}` of `{element}`: {problem}",
                )
            }
            DefaultNotOfType { value, want } => {
                let want = want.text(lang);
                say!(
                    lang,
                    "`default` `{value}` {want} emas",
                    "`default` `{value}` {want} эмас",
                    "`default` `{value}` — не {want}",
                    "default `{value}` is not {want}",
                )
            }
            DefaultNotAChoice { value } => say!(
                lang,
                "`default` `{value}` bu savol roʻyxatidagi tanlov emas",
                "`default` `{value}` бу савол рўйхатидаги танлов эмас",
                "`default` `{value}` — не вариант из списка этого вопроса",
                "default `{value}` is not a choice of this question's list",
            ),
            RangeParametersUnreadable { parameters } => say!(
                lang,
                "`range` parametrlari `{parameters}` start=0 end=10 step=1 koʻrinishida boʻlishi kerak (kalit=qiymat juftlari)",
                "`range` параметрлари `{parameters}` start=0 end=10 step=1 кўринишида бўлиши керак (калит=қиймат жуфтлари)",
                "параметры `range` `{parameters}` должны выглядеть как start=0 end=10 step=1 (пары ключ=значение)",
                "range parameters `{parameters}` should look like start=0 end=10 step=1 (key=value pairs)",
            ),
            RangeParameterNotANumber { key, value } => say!(
                lang,
                "`range` parametri `{key}={value}` son boʻlishi kerak, masalan: start=0 end=10 step=1",
                "`range` параметри `{key}={value}` сон бўлиши керак, масалан: start=0 end=10 step=1",
                "параметр `range` `{key}={value}` должен быть числом, например: start=0 end=10 step=1",
                "range parameter `{key}={value}` should be a number, as in start=0 end=10 step=1",
            ),
            RangeParametersReadAs {
                parameters,
                canonical,
            } => say!(
                lang,
                "`range` parametrlari `{parameters}` `{canonical}` deb oʻqiladi: shunday yozing (boʻsh joy bilan ajratilgan kalit=qiymat juftlari)",
                "`range` параметрлари `{parameters}` `{canonical}` деб ўқилади: шундай ёзинг (бўш жой билан ажратилган калит=қиймат жуфтлари)",
                "параметры `range` `{parameters}` читаются как `{canonical}`: так их и пишите (пары ключ=значение через пробел)",
                "range parameters `{parameters}` are read as `{canonical}`: write them so (key=value pairs separated by spaces)",
            ),
            MissingTranslation { languages } => {
                let missing = list(languages);
                say!(
                    lang,
                    "{missing} tiliga tarjima yoʻq: u yerda boshqa til koʻrsatiladi",
                    "{missing} тилига таржима йўқ: у ерда бошқа тил кўрсатилади",
                    "нет перевода на {missing}: там будет показан другой язык",
                    "no translation for {missing}: another language is shown there",
                )
            }
        }
    }
}

impl Unresolved {
    /// Why `${name}` resolves to nothing, in `lang`.
    pub fn text(&self, lang: Lang) -> String {
        match self {
            Unresolved::Unknown { name, suggestion } => {
                let unknown = say!(
                    lang,
                    "nomaʼlum savol ${{{name}}}",
                    "номаълум савол ${{{name}}}",
                    "неизвестный вопрос ${{{name}}}",
                    "unknown question ${{{name}}}",
                );
                let Some(k) = suggestion else { return unknown };
                let hint = say!(
                    lang,
                    "${{{k}}} nazarda tutilganmi?",
                    "${{{k}}} назарда тутилганми?",
                    "может быть, ${{{k}}}?",
                    "did you mean ${{{k}}}?",
                );
                format!("{unknown} ({hint})")
            }
            Unresolved::Ambiguous { name, paths } => {
                let (n, paths) = (paths.len(), list(paths));
                say!(
                    lang,
                    "${{{name}}} noaniq: `{name}` nomli {n} ta element bor ({paths}); ulardan birini qayta nomlang",
                    "${{{name}}} ноаниқ: `{name}` номли {n} та элемент бор ({paths}); улардан бирини қайта номланг",
                    "${{{name}}} неоднозначно: элементов с именем `{name}` — {n} ({paths}); переименуйте один из них",
                    "${{{name}}} is ambiguous: {n} elements are named `{name}` ({paths}); rename one of them",
                )
            }
        }
    }
}

impl Role {
    /// What the question is for, in `lang`: "a place level".
    fn what(self, lang: Lang) -> String {
        match self {
            Role::Place => say!(
                lang,
                "joy darajasi",
                "жой даражаси",
                "уровень места",
                "a place level"
            ),
            Role::Needs => say!(
                lang,
                "ehtiyojlar savoli",
                "эҳтиёжлар саволи",
                "вопрос о потребностях",
                "the needs question",
            ),
        }
    }

    /// The types that fit it, in `lang` (the names themselves stay).
    fn types(self, lang: Lang) -> String {
        match self {
            Role::Place => say!(
                lang,
                "select_one, text yoki calculate",
                "select_one, text ёки calculate",
                "select_one, text или calculate",
                "select_one, text or calculate",
            ),
            Role::Needs => "select_multiple".into(),
        }
    }
}

impl ElementKind {
    fn text(self, lang: Lang) -> String {
        match self {
            ElementKind::QuestionOfAnotherType => say!(
                lang,
                "boshqa turdagi savol",
                "бошқа турдаги савол",
                "вопрос другого типа",
                "a question of another type",
            ),
            ElementKind::Group => say!(lang, "guruh", "гуруҳ", "группа", "a group"),
            ElementKind::Repeat => say!(
                lang,
                "takrorlanuvchi guruh",
                "такрорланувчи гуруҳ",
                "повторяющаяся группа",
                "a repeat",
            ),
            ElementKind::Form => say!(
                lang,
                "soʻrovnomaning oʻzi",
                "сўровноманинг ўзи",
                "сама анкета",
                "the form"
            ),
        }
    }
}

impl Want {
    fn text(self, lang: Lang) -> String {
        match self {
            Want::WholeNumber => say!(
                lang,
                "butun son",
                "бутун сон",
                "целое число",
                "a whole number"
            ),
            Want::Number => say!(lang, "son", "сон", "число", "a number"),
            Want::Date => say!(
                lang,
                "YYYY-MM-DD koʻrinishidagi sana",
                "YYYY-MM-DD кўринишидаги сана",
                "дата вида YYYY-MM-DD",
                "a date written YYYY-MM-DD",
            ),
            Want::Time => say!(
                lang,
                "hh:mm koʻrinishidagi vaqt",
                "hh:mm кўринишидаги вақт",
                "время вида hh:mm",
                "a time written hh:mm",
            ),
            Want::DateTime => say!(
                lang,
                "YYYY-MM-DDThh:mm koʻrinishidagi sana va vaqt",
                "YYYY-MM-DDThh:mm кўринишидаги сана ва вақт",
                "дата и время вида YYYY-MM-DDThh:mm",
                "a date-time written YYYY-MM-DDThh:mm",
            ),
        }
    }
}

impl LiteralProblem {
    fn text(&self, lang: Lang) -> String {
        match self {
            LiteralProblem::NotAChoice {
                literal,
                question,
                choices,
            } => {
                let choices = list(choices);
                say!(
                    lang,
                    "'{literal}' `{question}` savolining tanlovi emas (uning tanlovlari: {choices})",
                    "'{literal}' `{question}` саволининг танлови эмас (унинг танловлари: {choices})",
                    "'{literal}' — не вариант `{question}` (его варианты: {choices})",
                    "'{literal}' is not a choice of `{question}` (its choices: {choices})",
                )
            }
            LiteralProblem::DigestAlgorithm { algorithm, known } => {
                let known = list(known);
                say!(
                    lang,
                    "`digest()`da '{algorithm}' algoritmi yoʻq: {known} dan birini ishlating (natija boʻsh)",
                    "`digest()`да '{algorithm}' алгоритми йўқ: {known} дан бирини ишлатинг (натижа бўш)",
                    "у `digest()` нет алгоритма '{algorithm}': используйте один из {known} (результат пуст)",
                    "`digest()` has no algorithm '{algorithm}': use one of {known} (the result is blank)",
                )
            }
            LiteralProblem::DigestEncoding { encoding } => say!(
                lang,
                "`digest()`da '{encoding}' kodlashi yoʻq: 'base64' yoki 'hex'ni ishlating (natija boʻsh)",
                "`digest()`да '{encoding}' кодлаши йўқ: 'base64' ёки 'hex'ни ишлатинг (натижа бўш)",
                "у `digest()` нет кодировки '{encoding}': используйте 'base64' или 'hex' (результат пуст)",
                "`digest()` has no encoding '{encoding}': use 'base64' or 'hex' (the result is blank)",
            ),
            LiteralProblem::WeightedChecklistOdd => say!(
                lang,
                "`weighted-checklist()` min va max dan keyin javob va vaznlarni juft-juft oladi; oxirgi javobning vazni yoʻq, shuning uchun natija doim false",
                "`weighted-checklist()` min ва max дан кейин жавоб ва вазнларни жуфт-жуфт олади; охирги жавобнинг вазни йўқ, шунинг учун натижа доим false",
                "`weighted-checklist()` принимает после min и max пары из ответа и веса; у последнего ответа нет веса, поэтому результат всегда false",
                "`weighted-checklist()` takes its answers and weights in pairs after min and max; the last answer has no weight, so the result is always false",
            ),
            LiteralProblem::NumberComparedWithText { literal } => say!(
                lang,
                "son savolini son boʻlmagan '{literal}' matni bilan solishtiradi: natija doim false",
                "сон саволини сон бўлмаган '{literal}' матни билан солиштиради: натижа доим false",
                "сравнивает числовой вопрос с текстом '{literal}', который не является числом: сравнение всегда ложно",
                "compares a number question with the text '{literal}', which is not a number: the comparison is always false",
            ),
        }
    }
}
