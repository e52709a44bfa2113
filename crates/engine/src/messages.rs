//! Built-in messages, used when the designer wrote none. In the form's four languages; any
//! other language gets English.

fn pick(language: Option<&str>, texts: [&'static str; 4]) -> &'static str {
    let [uz_latn, uz_cyrl, ru, en] = texts;
    match language.unwrap_or("") {
        "uz-Latn" | "uz" => uz_latn,
        "uz-Cyrl" => uz_cyrl,
        "ru" => ru,
        _ => en,
    }
}

pub fn required(language: Option<&str>) -> &'static str {
    pick(
        language,
        [
            "Bu savolga javob berish shart.",
            "Бу саволга жавоб бериш шарт.",
            "Это обязательный вопрос.",
            "This question is required.",
        ],
    )
}

pub fn constraint(language: Option<&str>) -> &'static str {
    pick(
        language,
        [
            "Bu javob qabul qilinmaydi.",
            "Бу жавоб қабул қилинмайди.",
            "Этот ответ недопустим.",
            "This answer is not allowed.",
        ],
    )
}
