//! The field page's newer words in the four languages (as `i18n.rs` holds the rest of the
//! app's; kept beside the page so its newer texts read in one place). `{name}` placeholders.

use xonadon_engine::Lang;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum W {
    /// The button that sends the finalized forms not sent yet (`{n}` of them).
    SendNew,
    SendAll,
    /// A finalized form's line: when it was last sent.
    SentAt,
    NotSent,
    /// After sending: the file written and how many forms it holds.
    SentFile,
    NothingToSend,
    /// Whether the file is encrypted for the supervisor.
    Sealed,
    NotSealed,
    /// A form returned with issues: reopen it as a new draft.
    Correct,
    /// A draft that corrects a finalized form.
    Correction,
    /// A finalized form a later correction replaces.
    Replaced,
    /// Receiving form files and the supervisor's bundles on the home screen.
    Receive,
    ReceiveHint,
    ChooseFile,
    FormAdded,
    FormNotAdded,
    BundleReceived,
}

/// The text of `word` in `language` (a BCP-47 tag; English for any other).
pub fn w(language: &str, word: W) -> &'static str {
    let texts: [&str; 4] = match word {
        W::SendNew => [
            "Yangilarini yuborish ({n})",
            "Янгиларини юбориш ({n})",
            "Отправить новые ({n})",
            "Send new ({n})",
        ],
        W::SendAll => [
            "Hammasini qayta yuborish",
            "Ҳаммасини қайта юбориш",
            "Отправить все заново",
            "Send all again",
        ],
        W::SentAt => [
            "Yuborilgan: {time}",
            "Юборилган: {time}",
            "Отправлено: {time}",
            "Sent {time}",
        ],
        W::NotSent => [
            "Hali yuborilmagan",
            "Ҳали юборилмаган",
            "Ещё не отправлено",
            "Not sent yet",
        ],
        W::SentFile => [
            "{file}: {n} ta soʻrovnoma saqlandi. Bu faylni nazoratchingizga bering.",
            "{file}: {n} та сўровнома сақланди. Бу файлни назоратчингизга беринг.",
            "{file}: сохранено анкет — {n}. Передайте этот файл руководителю.",
            "{file}: {n} forms saved. Give this file to your supervisor.",
        ],
        W::NothingToSend => [
            "Yuboriladigan yangi soʻrovnoma yoʻq.",
            "Юбориладиган янги сўровнома йўқ.",
            "Новых анкет для отправки нет.",
            "Nothing new to send.",
        ],
        W::Sealed => [
            "Fayl nazoratchining kaliti bilan shifrlanadi: uni faqat nazoratchi oʻqiy oladi.",
            "Файл назоратчининг калити билан шифрланади: уни фақат назоратчи ўқий олади.",
            "Файл шифруется ключом руководителя: прочитать его может только руководитель.",
            "The file is encrypted for your supervisor: only they can read it.",
        ],
        W::NotSealed => [
            "Diqqat: bu planshetda nazoratchining kaliti yoʻq, fayl shifrlanmaydi va oilalarning javoblari ochiq yoziladi. Kalitni «Nazoratchi» sahifasida kiriting.",
            "Диққат: бу планшетда назоратчининг калити йўқ, файл шифрланмайди ва оилаларнинг жавоблари очиқ ёзилади. Калитни «Назоратчи» саҳифасида киритинг.",
            "Внимание: на этом планшете нет ключа руководителя, файл не шифруется и ответы семей в нём открыты. Введите ключ на странице «Руководитель».",
            "Careful: this tablet has no supervisor key, so the file is not encrypted and the families' answers are in clear. Enter the key on the Supervisor page.",
        ],
        W::Correct => [
            "Tuzatish",
            "Тузатиш",
            "Исправить",
            "Correct it",
        ],
        W::Correction => [
            "Tuzatish: {time} dagi soʻrovnoma",
            "Тузатиш: {time} даги сўровнома",
            "Исправление анкеты от {time}",
            "Correcting the form of {time}",
        ],
        W::Replaced => [
            "Tuzatilgan nusxasi bilan almashtirilgan",
            "Тузатилган нусхаси билан алмаштирилган",
            "Заменена исправленной анкетой",
            "Replaced by its correction",
        ],
        W::Receive => [
            "Nazoratchidan qabul qilish",
            "Назоратчидан қабул қилиш",
            "Получить от руководителя",
            "Receive from the supervisor",
        ],
        W::ReceiveHint => [
            "Soʻrovnoma shakli fayli (.json) yoki nazoratchining fayli (tekshiruvlar bilan)",
            "Сўровнома шакли файли (.json) ёки назоратчининг файли (текширувлар билан)",
            "Файл формы анкеты (.json) или файл руководителя (с проверками)",
            "A form file (.json) or your supervisor's file (with their reviews)",
        ],
        W::ChooseFile => [
            "Faylni tanlash",
            "Файлни танлаш",
            "Выбрать файл",
            "Choose a file",
        ],
        W::FormAdded => [
            "{file}: «{form}» shakli (versiya {version}) qoʻshildi",
            "{file}: «{form}» шакли (версия {version}) қўшилди",
            "{file}: добавлена форма «{form}» (версия {version})",
            "{file}: form “{form}” (version {version}) added",
        ],
        W::FormNotAdded => [
            "shakl qoʻshilmadi",
            "шакл қўшилмади",
            "форма не добавлена",
            "the form was not added",
        ],
        W::BundleReceived => [
            "{file}: {reviews} ta tekshiruv, {forms} ta yangi shakl qabul qilindi",
            "{file}: {reviews} та текширув, {forms} та янги шакл қабул қилинди",
            "{file}: получено проверок — {reviews}, новых форм — {forms}",
            "{file}: {reviews} reviews and {forms} new forms received",
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
            W::SendNew,
            W::SendAll,
            W::SentAt,
            W::NotSent,
            W::SentFile,
            W::NothingToSend,
            W::Sealed,
            W::NotSealed,
            W::Correct,
            W::Correction,
            W::Replaced,
            W::Receive,
            W::ReceiveHint,
            W::ChooseFile,
            W::FormAdded,
            W::FormNotAdded,
            W::BundleReceived,
        ];
        for word in all {
            let en = w("en", word);
            for tag in ["uz-Latn", "uz-Cyrl", "ru"] {
                let text = w(tag, word);
                assert!(!text.is_empty() && text != en, "{word:?} {tag}");
                for p in [
                    "{n}",
                    "{file}",
                    "{time}",
                    "{form}",
                    "{version}",
                    "{reviews}",
                    "{forms}",
                ] {
                    assert_eq!(en.contains(p), text.contains(p), "{word:?} {tag} {p}");
                }
            }
        }
        assert_eq!(
            filled("ru", W::SendNew, &[("n", "3")]),
            "Отправить новые (3)"
        );
    }
}
