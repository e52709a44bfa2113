//! The languages Xonadon itself speaks, and its built-in messages, used when the designer
//! wrote none. Form texts come in any language the form has; these four are the app's and the
//! engine's own words.

/// A language of Xonadon's own words. The order of [`Lang::ALL`] is the order every four-text
/// array is written in (the app's `i18n` too): Uzbek Latin, Uzbek Cyrillic, Russian, English.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Lang {
    UzLatn,
    UzCyrl,
    Ru,
    En,
}

impl Lang {
    /// Every language, the default (Uzbek Latin, the official script) first.
    pub const ALL: [Lang; 4] = [Lang::UzLatn, Lang::UzCyrl, Lang::Ru, Lang::En];

    /// The language for a BCP-47 tag: `uz` alone is Uzbek Latin; any language Xonadon does
    /// not speak gets English.
    pub fn from_tag(tag: &str) -> Lang {
        match tag {
            "uz-Latn" | "uz" => Lang::UzLatn,
            "uz-Cyrl" => Lang::UzCyrl,
            "ru" => Lang::Ru,
            _ => Lang::En,
        }
    }

    /// Its BCP-47 tag, as forms name their languages.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::UzLatn => "uz-Latn",
            Lang::UzCyrl => "uz-Cyrl",
            Lang::Ru => "ru",
            Lang::En => "en",
        }
    }

    /// Its name in itself, for a language picker.
    pub fn name(self) -> &'static str {
        self.pick(["Oʻzbekcha", "Ўзбекча", "Русский", "English"])
    }

    /// This language's one of `texts`, written in the order of [`Lang::ALL`].
    pub fn pick<T>(self, texts: [T; 4]) -> T {
        let [uz_latn, uz_cyrl, ru, en] = texts;
        match self {
            Lang::UzLatn => uz_latn,
            Lang::UzCyrl => uz_cyrl,
            Lang::Ru => ru,
            Lang::En => en,
        }
    }
}

fn pick(language: Option<&str>, texts: [&'static str; 4]) -> &'static str {
    Lang::from_tag(language.unwrap_or("")).pick(texts)
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_round_trip_and_others_are_english() {
        for lang in Lang::ALL {
            assert_eq!(Lang::from_tag(lang.tag()), lang);
        }
        assert_eq!(Lang::from_tag("uz"), Lang::UzLatn);
        assert_eq!(Lang::from_tag("fr"), Lang::En);
        assert_eq!(Lang::Ru.pick([1, 2, 3, 4]), 3);
        assert_eq!(required(Some("uz-Cyrl")), "Бу саволга жавоб бериш шарт.");
        assert_eq!(constraint(None), "This answer is not allowed.");
    }
}
