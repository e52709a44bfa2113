//! Cyrillic → Latin. Each Cyrillic letter maps to Latin by itself, except е, ц, ъ, ь and с,
//! which look at their neighbours (see the crate documentation for the rules and sources).

use crate::case::{case_at, push_cased};
use crate::exceptions::{stem_at, STEMS};
use crate::letters::{is_consonant, is_sign, is_vowel, lower};
use crate::reference_len;

/// Transliterates Uzbek Cyrillic text to the official Latin alphabet.
///
/// Only Cyrillic letters change: Latin letters, digits, punctuation and `${name}` references are
/// copied as they are. Capitals stay capitals; a digraph is all caps inside an all-caps word
/// (`ШАҲАР` → `SHAHAR`) and capitalised otherwise (`Шаҳар` → `Shahar`).
///
/// ```
/// use xonadon_translit::to_latin;
/// assert_eq!(to_latin("Ўзбекистон"), "Oʻzbekiston");
/// assert_eq!(to_latin("${name}: ёши 18 дан кичик"), "${name}: yoshi 18 dan kichik");
/// ```
pub fn to_latin(cyrillic: &str) -> String {
    let chars: Vec<char> = cyrillic.chars().collect();
    let mut out = String::with_capacity(cyrillic.len() + cyrillic.len() / 4);
    let mut at = 0;
    while at < chars.len() {
        if let Some(len) = reference_len(&chars, at) {
            out.extend(&chars[at..at + len]);
            at += len;
            continue;
        }
        let prev = at.checked_sub(1).map(|i| chars[i]);
        let word_start = !prev.is_some_and(char::is_alphabetic);
        if word_start {
            if let Some((len, latin)) = stem_at(&chars, at, STEMS.iter().copied()) {
                push_cased(&mut out, latin, case_at(&chars, at, 1));
                at += len;
                continue;
            }
        }
        let next = chars.get(at + 1).copied();
        match letter(lower(chars[at]), prev, next) {
            Some(latin) => push_cased(&mut out, latin, case_at(&chars, at, 1)),
            None => out.push(chars[at]),
        }
        at += 1;
    }
    out
}

/// The Latin spelling of the lower-case Cyrillic letter `c`, between `prev` and `next`; `None`
/// for anything that is not a Cyrillic letter.
fn letter(c: char, prev: Option<char>, next: Option<char>) -> Option<&'static str> {
    let next_lower = next.map(lower);
    Some(match c {
        'а' => "a",
        'б' => "b",
        'в' => "v",
        'г' => "g",
        'д' => "d",
        'е' => e(prev),
        'ё' => "yo",
        'ж' => "j",
        'з' => "z",
        'и' => "i",
        'й' => "y",
        'к' => "k",
        'л' => "l",
        'м' => "m",
        'н' => "n",
        'о' => "o",
        'п' => "p",
        'р' => "r",
        // s and h written apart are two sounds, not the digraph sh: Исҳоқ → Isʼhoq.
        'с' if next_lower == Some('ҳ') => "sʼ",
        'с' => "s",
        'т' => "t",
        'у' => "u",
        'ф' => "f",
        'х' => "x",
        'ц' => tse(prev, next),
        'ч' => "ch",
        'ш' | 'щ' => "sh",
        'ъ' => hard_sign(prev, next_lower),
        'ы' => "i",
        'ь' => soft_sign(next_lower),
        'э' => "e",
        'ю' => "yu",
        'я' => "ya",
        'ў' => "oʻ",
        'қ' => "q",
        'ғ' => "gʻ",
        'ҳ' => "h",
        _ => return None,
    })
}

/// е is ye at the start of a word and after a vowel, ъ or ь (ер → yer, поезд → poyezd,
/// съезд → syezd), e after a consonant (келди → keldi). Word-initial e is written э in
/// Cyrillic, so it never reaches here.
fn e(prev: Option<char>) -> &'static str {
    match prev {
        Some(p) if p.is_alphabetic() && !is_vowel(p) && !is_sign(p) => "e",
        _ => "ye",
    }
}

/// ц is ts after a vowel inside a word (милиция → militsiya), s at the start or end of a word
/// and after a consonant (цирк → sirk, абзац → abzas, концерт → konsert).
fn tse(prev: Option<char>, next: Option<char>) -> &'static str {
    let after_vowel = prev.is_some_and(is_vowel);
    let inside = next.is_some_and(char::is_alphabetic);
    if after_vowel && inside {
        "ts"
    } else {
        "s"
    }
}

/// ъ is the tutuq belgisi ʼ (маъно → maʼno, санъат → sanʼat), except that it is dropped
/// after ў (мўъжиза → moʻjiza) and between a consonant and е/ё/ю/я in Russian loanwords,
/// where the y of ye/yo/yu/ya already separates the sounds (объект → obyekt).
fn hard_sign(prev: Option<char>, next: Option<char>) -> &'static str {
    let after_o = prev.map(lower) == Some('ў');
    let separating = prev.is_some_and(is_consonant) && matches!(next, Some('е' | 'ё' | 'ю' | 'я'));
    if after_o || separating {
        ""
    } else {
        "ʼ"
    }
}

/// ь is not written (автомобиль → avtomobil, компьютер → kompyuter), except before о and и,
/// where it is written y (батальон → batalyon, Ильин → Ilyin).
fn soft_sign(next: Option<char>) -> &'static str {
    if matches!(next, Some('о' | 'и')) {
        "y"
    } else {
        ""
    }
}

#[cfg(test)]
mod tests {
    use super::to_latin;

    #[test]
    fn single_letters_map_one_to_one() {
        assert_eq!(
            to_latin("абвгджзийклмнопрстуфхқҳ"),
            "abvgdjziyklmnoprstufxqh"
        );
    }

    #[test]
    fn uzbek_letters_become_digraphs_with_the_okina() {
        assert_eq!(to_latin("шчўғ"), "shchoʻgʻ");
        assert_eq!(to_latin("ўғ").chars().nth(1), Some('\u{02BB}'));
    }

    #[test]
    fn x_and_h_stay_different_letters() {
        assert_eq!(to_latin("Хива Ҳазорасп"), "Xiva Hazorasp");
    }

    #[test]
    fn iotated_vowels_are_y_plus_vowel() {
        assert_eq!(to_latin("ёш юз ярим"), "yosh yuz yarim");
        assert_eq!(to_latin("актёр"), "aktyor");
    }

    #[test]
    fn ye_at_word_start_and_after_vowels_e_after_consonants() {
        assert_eq!(to_latin("ер етим"), "yer yetim");
        assert_eq!(to_latin("поезд"), "poyezd");
        assert_eq!(to_latin("келди"), "keldi");
        assert_eq!(to_latin("уй-ер 5-ер"), "uy-yer 5-yer");
    }

    #[test]
    fn e_is_always_e() {
        assert_eq!(to_latin("эл поэма"), "el poema");
    }

    #[test]
    fn tse_is_ts_only_after_a_vowel_inside_a_word() {
        assert_eq!(to_latin("цирк"), "sirk");
        assert_eq!(to_latin("концерт"), "konsert");
        assert_eq!(to_latin("акция"), "aksiya");
        assert_eq!(to_latin("милиция"), "militsiya");
        assert_eq!(to_latin("абзац"), "abzas");
    }

    #[test]
    fn hard_sign_is_the_tutuq_belgisi() {
        assert_eq!(to_latin("маъно санъат"), "maʼno sanʼat");
        assert_eq!(to_latin("ъ").chars().next(), Some('\u{02BC}'));
    }

    #[test]
    fn hard_sign_is_dropped_after_o_and_before_iotated_vowels() {
        assert_eq!(to_latin("мўъжиза"), "moʻjiza");
        assert_eq!(to_latin("объект съезд"), "obyekt syezd");
        assert_eq!(to_latin("адъютант"), "adyutant");
    }

    #[test]
    fn soft_sign_is_dropped_or_y_before_o_and_i() {
        assert_eq!(to_latin("автомобиль"), "avtomobil");
        assert_eq!(to_latin("компьютер премьер"), "kompyuter premyer");
        assert_eq!(to_latin("батальон Ильин"), "batalyon Ilyin");
    }

    #[test]
    fn s_before_h_gets_a_tutuq() {
        assert_eq!(to_latin("Исҳоқ"), "Isʼhoq");
        assert_eq!(to_latin("ИСҲОҚ"), "ISʼHOQ");
        assert_eq!(to_latin("сх"), "sx");
    }

    #[test]
    fn russian_only_letters() {
        assert_eq!(to_latin("щётка вышка"), "shyotka vishka");
    }

    #[test]
    fn capitals_follow_the_word() {
        assert_eq!(to_latin("Шаҳар ШАҲАР"), "Shahar SHAHAR");
        assert_eq!(to_latin("Ўзбекистон ЎЗБЕКИСТОН"), "Oʻzbekiston OʻZBEKISTON");
        assert_eq!(to_latin("Ёшлар ЁШЛАР"), "Yoshlar YOSHLAR");
        assert_eq!(to_latin("Ер ЕР"), "Yer YER");
        assert_eq!(to_latin("АҚШ Ф.И.Ш."), "AQSH F.I.Sh.");
        assert_eq!(to_latin("БАТАЛЬОН"), "BATALYON");
    }

    #[test]
    fn dictionary_stems_override_the_letter_rules() {
        assert_eq!(to_latin("1-сентябрдан"), "1-sentabrdan");
        assert_eq!(to_latin("ОКТЯБР Бюджет"), "OKTABR Budjet");
        // Only at the start of a word.
        assert_eq!(to_latin("юбюджет"), "yubyudjet");
    }

    #[test]
    fn everything_else_is_copied() {
        let text = "${member_name}: GPS 30 дақиқа, «ok» — 15–64!";
        assert_eq!(
            to_latin(text),
            "${member_name}: GPS 30 daqiqa, «ok» — 15–64!"
        );
        assert_eq!(to_latin(""), "");
        // Kazakh і (U+0456) is not an Uzbek letter.
        assert_eq!(
            to_latin("Ўзбек т\u{456}л\u{456}"),
            "Oʻzbek t\u{456}l\u{456}"
        );
    }
}
