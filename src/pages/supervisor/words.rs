//! The supervisor page's own words in the four languages (as `i18n.rs` holds the rest of the
//! app's; kept beside the page so its newer texts read in one place). `{name}` placeholders.

use xonadon_engine::Lang;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum W {
    /// An export's line: the file and how many submissions went out.
    Exported,
    ReviewerName,
    ReviewingAs,
    ChangeName,
    SaveName,
    NameNeeded,
    CommentNeeded,
    /// A correction's detail: the versions it replaces.
    EarlierVersions,
    EarlierNotHeld,
    /// A row that corrects an earlier version.
    Corrected,
}

/// The text of `word` in `language` (a BCP-47 tag; English for any other).
pub fn w(language: &str, word: W) -> &'static str {
    let texts: [&str; 4] = match word {
        W::Exported => [
            "{file}: {n} ta soʻrovnoma eksport qilindi",
            "{file}: {n} та сўровнома экспорт қилинди",
            "{file}: выгружено анкет — {n}",
            "{file}: {n} submissions exported",
        ],
        W::ReviewerName => [
            "Tekshiruvchining ismi",
            "Текширувчининг исми",
            "Имя проверяющего",
            "Reviewer's name",
        ],
        W::ReviewingAs => [
            "Tekshiruvchi: {name}",
            "Текширувчи: {name}",
            "Проверяющий: {name}",
            "Reviewing as {name}",
        ],
        W::ChangeName => [
            "Ismni oʻzgartirish",
            "Исмни ўзгартириш",
            "Изменить имя",
            "Change name",
        ],
        W::SaveName => [
            "Ismni saqlash",
            "Исмни сақлаш",
            "Сохранить имя",
            "Save name",
        ],
        W::NameNeeded => [
            "Avval ismingizni yozing: u har bir tekshiruvda qayd etiladi.",
            "Аввал исмингизни ёзинг: у ҳар бир текширувда қайд этилади.",
            "Сначала впишите своё имя: оно записывается в каждую проверку.",
            "First write your name: it is recorded on every review.",
        ],
        W::CommentNeeded => [
            "«Kamchilik bor» uchun izoh kerak: nimani tuzatish kerakligini yozing.",
            "«Камчилик бор» учун изоҳ керак: нимани тузатиш кераклигини ёзинг.",
            "Для «Есть замечания» нужен комментарий: напишите, что исправить.",
            "“Has issues” needs a comment: write what needs correcting.",
        ],
        W::EarlierVersions => [
            "Tuzatilgan avvalgi nusxalari",
            "Тузатилган аввалги нусхалари",
            "Исправленные прежние версии",
            "Earlier versions it corrects",
        ],
        W::Corrected => ["Tuzatilgan", "Тузатилган", "Исправлена", "Corrected"],
        W::EarlierNotHeld => [
            "Avvalgi nusxasi bu qurilmada yoʻq.",
            "Аввалги нусхаси бу қурилмада йўқ.",
            "Прежней версии на этом устройстве нет.",
            "The earlier version is not on this device.",
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
            W::Exported,
            W::ReviewerName,
            W::ReviewingAs,
            W::ChangeName,
            W::SaveName,
            W::NameNeeded,
            W::CommentNeeded,
            W::EarlierVersions,
            W::EarlierNotHeld,
            W::Corrected,
        ];
        for word in all {
            let en = w("en", word);
            for tag in ["uz-Latn", "uz-Cyrl", "ru"] {
                let text = w(tag, word);
                assert!(!text.is_empty() && text != en, "{word:?} {tag}");
                for p in ["{n}", "{file}", "{name}"] {
                    assert_eq!(en.contains(p), text.contains(p), "{word:?} {tag} {p}");
                }
            }
        }
        assert_eq!(
            filled("ru", W::Exported, &[("file", "a.zip"), ("n", "3")]),
            "a.zip: выгружено анкет — 3"
        );
    }
}
