//! The designer page's own words in the four languages (as `i18n.rs` holds the rest of the
//! app's; kept beside the page so its newer texts read in one place). `{name}` placeholders.

use xonadon_engine::Lang;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum W {
    /// Takes every transliterated text off the list to check.
    ConfirmAll,
    /// Publishing while `{n}` transliterated texts are unchecked.
    UncheckedAsk,
    PublishAnyway,
    /// A problem that keeps the form from loading.
    Error,
    /// A problem that lets it load.
    Warning,
    /// Where a problem is in the text: `{line}`, `{column}`.
    LineColumn,
    /// How many problems of each kind: `{errors}`, `{warnings}`.
    Count,
    /// A saved version downloaded for the tablets, with its pictures.
    ForTablets,
    /// The file it was written to: `{file}`.
    ForTabletsSaved,
}

/// The text of `word` in `language` (a BCP-47 tag; English for any other).
pub fn w(language: &str, word: W) -> &'static str {
    let texts: [&str; 4] = match word {
        W::ConfirmAll => [
            "Hammasi toʻgʻri",
            "Ҳаммаси тўғри",
            "Всё верно",
            "All correct",
        ],
        W::UncheckedAsk => [
            "Oʻgirilgan {n} ta matn hali tekshirilmagan. Baribir chiqarilsinmi?",
            "Ўгирилган {n} та матн ҳали текширилмаган. Барибир чиқарилсинми?",
            "Транслитерированных текстов не проверено: {n}. Всё равно опубликовать?",
            "{n} transliterated texts have not been checked yet. Publish anyway?",
        ],
        W::PublishAnyway => [
            "Baribir chiqarish",
            "Барибир чиқариш",
            "Всё равно опубликовать",
            "Publish anyway",
        ],
        W::Error => ["Xato", "Хато", "Ошибка", "Error"],
        W::Warning => ["Ogohlantirish", "Огоҳлантириш", "Предупреждение", "Warning"],
        W::LineColumn => [
            "{line}-qator, {column}-ustun",
            "{line}-қатор, {column}-устун",
            "строка {line}, столбец {column}",
            "line {line}, column {column}",
        ],
        W::Count => [
            "Xatolar: {errors}, ogohlantirishlar: {warnings}",
            "Хатолар: {errors}, огоҳлантиришлар: {warnings}",
            "Ошибок: {errors}, предупреждений: {warnings}",
            "Errors: {errors}, warnings: {warnings}",
        ],
        W::ForTablets => [
            "Planshetlar uchun",
            "Планшетлар учун",
            "Для планшетов",
            "For tablets",
        ],
        W::ForTabletsSaved => [
            "{file} saqlandi (rasmlari bilan): uni planshetda «Nazoratchidan qabul qilish» orqali oching.",
            "{file} сақланди (расмлари билан): уни планшетда «Назоратчидан қабул қилиш» орқали очинг.",
            "{file} сохранён (с картинками): откройте его на планшете через «Получить от руководителя».",
            "{file} saved (with its pictures): open it on a tablet with “Receive from the supervisor”.",
        ],
    };
    Lang::from_tag(language).pick(texts)
}

/// `word` in `language` with each `{name}` replaced by its value.
pub fn filled(language: &str, word: W, values: &[(&str, &str)]) -> String {
    crate::i18n::fill(w(language, word), values)
}

#[cfg(test)]
mod tests {
    use super::*;
    use wasm_bindgen_test::wasm_bindgen_test;

    #[wasm_bindgen_test]
    fn every_word_in_every_language_with_its_placeholders() {
        let all = [
            W::ConfirmAll,
            W::UncheckedAsk,
            W::PublishAnyway,
            W::Error,
            W::Warning,
            W::LineColumn,
            W::Count,
            W::ForTablets,
            W::ForTabletsSaved,
        ];
        for word in all {
            let en = w("en", word);
            for tag in ["uz-Latn", "uz-Cyrl", "ru"] {
                let text = w(tag, word);
                assert!(!text.is_empty() && text != en, "{word:?} {tag}");
                for p in [
                    "{n}",
                    "{line}",
                    "{column}",
                    "{errors}",
                    "{warnings}",
                    "{file}",
                ] {
                    assert_eq!(en.contains(p), text.contains(p), "{word:?} {tag} {p}");
                }
            }
        }
        assert_eq!(
            filled("uz-Cyrl", W::UncheckedAsk, &[("n", "3")]),
            "Ўгирилган 3 та матн ҳали текширилмаган. Барибир чиқарилсинми?"
        );
    }
}
