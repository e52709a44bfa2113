//! The lock's own words in the four languages (as `i18n.rs` holds the rest of the app's;
//! kept beside the lock so its screens read in one place). `{name}` placeholders.

use xonadon_engine::Lang;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum W {
    SetUpTitle,
    SetUpExplain,
    Pin,
    PinAgain,
    SetPin,
    PinTooShort,
    Decline,
    DeclineRisk,
    Recovery,
    NoRecovery,
    PolicyProblem,
    UnlockTitle,
    UnlockExplain,
    UnlockButton,
    WrongPin,
    Wait,
    LockNow,
    Working,
    CryptoFailed,
    Forgot,
    ForgotExplain,
    NoRecoveryHere,
    RecoveryCode,
    Recover,
    WrongCode,
    NewPin,
    SupervisorPage,
    DesignerPage,
    RolePassphrase,
    WrongPassphrase,
}

/// The text of `word` in `language` (a BCP-47 tag; English for any other).
pub fn w(language: &str, word: W) -> &'static str {
    let texts: [&str; 4] = match word {
        W::SetUpTitle => [
            "Bu planshetdagi javoblarni himoya qiling",
            "Бу планшетдаги жавобларни ҳимоя қилинг",
            "Защитите ответы на этом планшете",
            "Protect the answers on this tablet",
        ],
        W::SetUpExplain => [
            "PIN-kod tanlang (kamida {n} belgi). Har bir javob u bilan shifrlanadi; Xonadon \
             ishga tushganda yoki bir muddat ishlatilmaganda uni kiritasiz.",
            "PIN-код танланг (камида {n} белги). Ҳар бир жавоб у билан шифрланади; Хонадон \
             ишга тушганда ёки бир муддат ишлатилмаганда уни киритасиз.",
            "Выберите PIN-код (не короче {n} знаков). Им шифруется каждый ответ; вы вводите \
             его при запуске Хонадон и после перерыва в работе.",
            "Choose a PIN (at least {n} characters). Every answer is encrypted with it; you \
             enter it when Xonadon starts or has been left alone for a while.",
        ],
        W::Pin => ["PIN-kod", "PIN-код", "PIN-код", "PIN"],
        W::PinAgain => [
            "PIN-kod yana bir bor",
            "PIN-код яна бир бор",
            "PIN-код ещё раз",
            "PIN again",
        ],
        W::SetPin => [
            "PIN-kodni oʻrnatish",
            "PIN-кодни ўрнатиш",
            "Установить PIN-код",
            "Set the PIN",
        ],
        W::PinTooShort => [
            "PIN-kod kamida {n} belgidan iborat boʻlsin va ikki marta bir xil yozilsin.",
            "PIN-код камида {n} белгидан иборат бўлсин ва икки марта бир хил ёзилсин.",
            "PIN-код — не короче {n} знаков, дважды одинаково.",
            "The PIN needs at least {n} characters, typed the same twice.",
        ],
        W::Decline => [
            "PIN-kodsiz davom etish",
            "PIN-кодсиз давом этиш",
            "Продолжить без PIN-кода",
            "Continue without a PIN",
        ],
        W::DeclineRisk => [
            "PIN-kodsiz bu planshetni qoʻliga olgan har kim undagi barcha javoblarni — ismlar, \
             manzillar, bolalar haqidagi maʼlumotlarni oʻqiy oladi.",
            "PIN-кодсиз бу планшетни қўлига олган ҳар ким ундаги барча жавобларни — исмлар, \
             манзиллар, болалар ҳақидаги маълумотларни ўқий олади.",
            "Без PIN-кода любой, у кого окажется этот планшет, прочтёт все ответы на нём: \
             имена, адреса, сведения о детях.",
            "Without a PIN, anyone who holds this tablet can read every answer on it: names, \
             addresses, details about children.",
        ],
        W::Recovery => [
            "PIN-kod unutilsa, tashkilotingiz tiklash kaliti bilan yakunlangan shakllarni \
             tiklay oladi.",
            "PIN-код унутилса, ташкилотингиз тиклаш калити билан якунланган шаклларни тиклай \
             олади.",
            "Если PIN-код забыт, ваша организация сможет восстановить завершённые анкеты своим \
             ключом восстановления.",
            "If the PIN is forgotten, your organisation can recover finalized forms with its \
             recovery key.",
        ],
        W::NoRecovery => [
            "Bu planshetda tiklash kaliti yoʻq: PIN-kod unutilsa, uning javoblarini hech kim, \
             hatto nazoratchingiz ham oʻqiy olmaydi.",
            "Бу планшетда тиклаш калити йўқ: PIN-код унутилса, унинг жавобларини ҳеч ким, ҳатто \
             назоратчингиз ҳам ўқий олмайди.",
            "На этом планшете нет ключа восстановления: если PIN-код забыт, его ответы не \
             прочтёт никто, даже ваш супервайзер.",
            "There is no recovery key on this tablet: if the PIN is forgotten, no one can read \
             its answers, not even your supervisor.",
        ],
        W::PolicyProblem => [
            "Tashkilot sozlamalari faylini oʻqib boʻlmadi ({detail}); PIN-kod talab qilinadi.",
            "Ташкилот созламалари файлини ўқиб бўлмади ({detail}); PIN-код талаб қилинади.",
            "Не удалось прочитать файл настроек организации ({detail}); PIN-код обязателен.",
            "The organisation's settings file could not be read ({detail}); a PIN is required.",
        ],
        W::UnlockTitle => [
            "Xonadon qulflangan",
            "Хонадон қулфланган",
            "Хонадон заблокирован",
            "Xonadon is locked",
        ],
        W::UnlockExplain => [
            "Davom etish uchun PIN-kodingizni kiriting. Kiritganlaringiz yoʻqolmadi.",
            "Давом этиш учун PIN-кодингизни киритинг. Киритганларингиз йўқолмади.",
            "Введите PIN-код, чтобы продолжить. Ничего из введённого не потеряно.",
            "Enter your PIN to continue. Nothing you entered was lost.",
        ],
        W::UnlockButton => ["Ochish", "Очиш", "Разблокировать", "Unlock"],
        W::WrongPin => [
            "PIN-kod notoʻgʻri.",
            "PIN-код нотўғри.",
            "Неверный PIN-код.",
            "Wrong PIN.",
        ],
        W::Wait => [
            "Notoʻgʻri PIN-kod koʻp marta kiritildi: {s} soniya kutib, qayta urinib koʻring.",
            "Нотўғри PIN-код кўп марта киритилди: {s} сония кутиб, қайта уриниб кўринг.",
            "Слишком много неверных PIN-кодов: подождите {s} с и попробуйте снова.",
            "Too many wrong PINs: wait {s} seconds and try again.",
        ],
        W::LockNow => ["Qulflash", "Қулфлаш", "Заблокировать", "Lock"],
        W::Working => [
            "Javoblar shifrlanmoqda…",
            "Жавоблар шифрланмоқда…",
            "Ответы шифруются…",
            "Encrypting the answers…",
        ],
        W::CryptoFailed => [
            "Bu brauzerda shifrlash ishlamadi ({detail}). Xonadonni Chrome brauzerida https \
             orqali oching.",
            "Бу браузерда шифрлаш ишламади ({detail}). Хонадонни Chrome браузерида https орқали \
             очинг.",
            "Шифрование в этом браузере не сработало ({detail}). Откройте Хонадон в Chrome по \
             https.",
            "Encryption did not work in this browser ({detail}). Open Xonadon in Chrome over \
             https.",
        ],
        W::Forgot => [
            "PIN-kodni unutdingizmi?",
            "PIN-кодни унутдингизми?",
            "Забыли PIN-код?",
            "Forgot the PIN?",
        ],
        W::ForgotExplain => [
            "Bu soʻrovni nazoratchingizga bering: u tashkilot kaliti bilan uni tiklash kodiga \
             aylantiradi. Kodni shu yerga yozing va yangi PIN-kod tanlang.",
            "Бу сўровни назоратчингизга беринг: у ташкилот калити билан уни тиклаш кодига \
             айлантиради. Кодни шу ерга ёзинг ва янги PIN-код танланг.",
            "Передайте этот запрос супервайзеру: ключом организации он превратит его в код \
             восстановления. Введите код здесь и выберите новый PIN-код.",
            "Give this request to your supervisor: with the organisation's key they turn it into \
             a recovery code. Type the code here and choose a new PIN.",
        ],
        W::NoRecoveryHere => [
            "Bu planshetda tiklash kaliti yoʻq: javoblarni PIN-kodsiz ochib boʻlmaydi.",
            "Бу планшетда тиклаш калити йўқ: жавобларни PIN-кодсиз очиб бўлмайди.",
            "На этом планшете нет ключа восстановления: без PIN-кода ответы не открыть.",
            "This tablet has no recovery key: the answers cannot be opened without the PIN.",
        ],
        W::RecoveryCode => [
            "Tiklash kodi",
            "Тиклаш коди",
            "Код восстановления",
            "Recovery code",
        ],
        W::Recover => ["Tiklash", "Тиклаш", "Восстановить", "Recover"],
        W::WrongCode => [
            "Bu kod bu planshetniki emas yoki xato yozilgan.",
            "Бу код бу планшетники эмас ёки хато ёзилган.",
            "Этот код не от этого планшета или введён с ошибкой.",
            "This code is not this tablet's, or it was mistyped.",
        ],
        W::NewPin => [
            "Kod toʻgʻri. Yangi PIN-kod tanlang.",
            "Код тўғри. Янги PIN-код танланг.",
            "Код верный. Выберите новый PIN-код.",
            "The code is right. Choose a new PIN.",
        ],
        W::SupervisorPage => [
            "Nazoratchi sahifasi",
            "Назоратчи саҳифаси",
            "Страница супервайзера",
            "The supervisor's page",
        ],
        W::DesignerPage => [
            "Shakl muharriri sahifasi",
            "Шакл муҳаррири саҳифаси",
            "Страница редактора анкет",
            "The form designer's page",
        ],
        W::RolePassphrase => [
            "Bu sahifa uchun tashkilotingiz bergan parol iborasi",
            "Бу саҳифа учун ташкилотингиз берган парол ибораси",
            "Парольная фраза этой страницы, выданная вашей организацией",
            "This page's passphrase, from your organisation",
        ],
        W::WrongPassphrase => [
            "Parol iborasi notoʻgʻri.",
            "Парол ибораси нотўғри.",
            "Неверная парольная фраза.",
            "Wrong passphrase.",
        ],
    };
    Lang::from_tag(language).pick(texts)
}

/// `word` with each `{name}` replaced by its value.
pub fn filled(language: &str, word: W, values: &[(&str, &str)]) -> String {
    crate::i18n::fill(w(language, word), values)
}

#[cfg(test)]
mod tests {
    use super::*;
    use wasm_bindgen_test::wasm_bindgen_test;

    #[wasm_bindgen_test]
    fn every_word_in_four_languages_with_its_placeholders() {
        let all = [
            W::SetUpTitle,
            W::SetUpExplain,
            W::Pin,
            W::PinAgain,
            W::SetPin,
            W::PinTooShort,
            W::Decline,
            W::DeclineRisk,
            W::Recovery,
            W::NoRecovery,
            W::PolicyProblem,
            W::UnlockTitle,
            W::UnlockExplain,
            W::UnlockButton,
            W::WrongPin,
            W::Wait,
            W::LockNow,
            W::Working,
            W::CryptoFailed,
            W::Forgot,
            W::ForgotExplain,
            W::NoRecoveryHere,
            W::RecoveryCode,
            W::Recover,
            W::WrongCode,
            W::NewPin,
            W::SupervisorPage,
            W::DesignerPage,
            W::RolePassphrase,
            W::WrongPassphrase,
        ];
        for word in all {
            let en = w("en", word);
            for tag in ["uz-Latn", "uz-Cyrl", "ru"] {
                let text = w(tag, word);
                assert!(!text.is_empty(), "{word:?} {tag}");
                for p in ["{n}", "{s}", "{detail}"] {
                    assert_eq!(en.contains(p), text.contains(p), "{word:?} {tag} {p}");
                }
            }
        }
        assert_eq!(
            filled("en", W::Wait, &[("s", "8")]),
            "Too many wrong PINs: wait 8 seconds and try again."
        );
    }
}
