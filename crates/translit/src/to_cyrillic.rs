//! Latin → Cyrillic, best effort. Latin spelling drops information that Cyrillic writes (ь,
//! the ц/с choice at the start of a word, ё after a consonant), so this direction cannot always
//! restore the original; the crate documentation lists what it gets wrong.

use crate::case::{case_at, push_cased, Case};
use crate::exceptions::{stem_at, STEMS};
use crate::letters::{is_consonant, is_vowel, lower};
use crate::reference_len;

/// Characters people type for the ʻ of oʻ and gʻ, and for the tutuq belgisi ʼ: the proper
/// modifier letters U+02BB and U+02BC, and the ASCII and typographic stand-ins.
const APOSTROPHES: &[char] = &['\u{02BB}', '\u{02BC}', '\'', '\u{2018}', '\u{2019}', '`'];

/// Transliterates Uzbek Latin text to Cyrillic, as well as the Latin spelling allows.
///
/// Accepts `ʻ`, `'`, `‘`, `’` and `` ` `` for the ʻ of oʻ and gʻ. Characters that are not Uzbek
/// Latin letters are copied as they are. Known ambiguities (see the crate documentation):
/// ь is never restored, a lone s is never ц, `ye` after a consonant becomes `ъе`, `ya`/`yo`/`yu`
/// are always я/ё/ю even where Cyrillic has й + vowel (`Payariq` → `Паяриқ`), and words that
/// are Latin in both scripts (GPS, ID, Roman numerals) are transliterated like Uzbek ones.
///
/// ```
/// use xonadon_translit::to_cyrillic;
/// assert_eq!(to_cyrillic("O'zbekiston"), "Ўзбекистон");
/// assert_eq!(to_cyrillic("SHAHAR"), "ШАҲАР");
/// ```
pub fn to_cyrillic(latin: &str) -> String {
    let chars: Vec<char> = latin.chars().collect();
    let mut out = String::with_capacity(latin.len() * 2);
    // The last Cyrillic letter written in the current word, for the rules that look back;
    // `None` at the start of a word.
    let mut prev: Option<char> = None;
    let mut at = 0;
    while at < chars.len() {
        if let Some(len) = reference_len(&chars, at) {
            out.extend(&chars[at..at + len]);
            prev = None;
            at += len;
            continue;
        }
        if prev.is_none() {
            let reversed = STEMS.iter().map(|&(cyrillic, latin)| (latin, cyrillic));
            if let Some((len, cyrillic)) = stem_at(&chars, at, reversed) {
                push_cased(&mut out, cyrillic, case_at(&chars, at, 1));
                prev = cyrillic.chars().last();
                at += len;
                continue;
            }
        }
        match letter(&chars, at, prev) {
            Some((len, cyrillic)) => {
                let case = if cyrillic == "ъ" {
                    tutuq_case(&chars, at)
                } else {
                    case_at(&chars, at, len)
                };
                push_cased(&mut out, cyrillic, case);
                prev = cyrillic.chars().last();
                at += len;
            }
            None => {
                out.push(chars[at]);
                if !chars[at].is_alphabetic() {
                    prev = None;
                }
                at += 1;
            }
        }
    }
    out
}

/// The Cyrillic spelling of the Latin letter or digraph at `chars[at]`, with the number of
/// chars it takes; `None` for anything that is not an Uzbek Latin letter. `prev` is the
/// Cyrillic letter written before it in the same word.
fn letter(chars: &[char], at: usize, prev: Option<char>) -> Option<(usize, &'static str)> {
    let ahead = |n: usize| chars.get(at + n).copied().map(lower);
    let apostrophe_at = |n: usize| ahead(n).is_some_and(|c| APOSTROPHES.contains(&c));
    Some(match lower(chars[at]) {
        'o' if apostrophe_at(1) => (2, "ў"),
        'g' if apostrophe_at(1) => (2, "ғ"),
        's' if ahead(1) == Some('h') => (2, "ш"),
        // s, tutuq, h: two sounds, Isʼhoq → Исҳоқ; the tutuq is not written in Cyrillic.
        's' if apostrophe_at(1) && ahead(2) == Some('h') => (2, "с"),
        'c' if ahead(1) == Some('h') => (2, "ч"),
        't' if ahead(1) == Some('s') && is_tse(chars, at, prev) => (2, "ц"),
        'y' if ahead(1) == Some('o') && !apostrophe_at(2) => (2, "ё"),
        'y' if ahead(1) == Some('u') => (2, "ю"),
        'y' if ahead(1) == Some('a') => (2, "я"),
        // ye after a consonant comes from ъе or ье (obyekt, premyer); ъе is the guess.
        'y' if ahead(1) == Some('e') && prev.is_some_and(|p| is_consonant(p) && p != 'й') => {
            (2, "ъе")
        }
        'y' if ahead(1) == Some('e') => (2, "е"),
        // Word-initial e and e after a vowel are э in Cyrillic, where е would say ye.
        'e' if prev.is_none_or(is_vowel) => (1, "э"),
        'e' => (1, "е"),
        c if APOSTROPHES.contains(&c) => return tutuq(chars, at, prev),
        c => (1, plain(c)?),
    })
}

/// The letters that map one to one.
fn plain(c: char) -> Option<&'static str> {
    Some(match c {
        'a' => "а",
        'b' => "б",
        'd' => "д",
        'f' => "ф",
        'g' => "г",
        'h' => "ҳ",
        'i' => "и",
        'j' => "ж",
        'k' => "к",
        'l' => "л",
        'm' => "м",
        'n' => "н",
        'o' => "о",
        'p' => "п",
        'q' => "қ",
        'r' => "р",
        's' => "с",
        't' => "т",
        'u' => "у",
        'v' => "в",
        'x' => "х",
        'y' => "й",
        'z' => "з",
        _ => return None,
    })
}

/// Whether the ts at `chars[at]` is ц. Cyrillic ц is ts only after a vowel inside a word, and
/// native words end stems in t before the suffixes -sa, -sin, -siz (kutsa, ketsin, otsiz), so
/// ts is ц only after a vowel and before e or i + vowel, as in loanwords: litsey, protsent,
/// militsiya, patsiyent, ratsion.
fn is_tse(chars: &[char], at: usize, prev: Option<char>) -> bool {
    let ahead = |n: usize| chars.get(at + n).copied().map(lower);
    prev.is_some_and(is_vowel)
        && match ahead(2) {
            Some('e') => true,
            Some('i') => matches!(ahead(3), Some('a' | 'e' | 'o' | 'u' | 'y')),
            _ => false,
        }
}

/// An apostrophe that is not part of oʻ or gʻ: ъ inside a word (maʼno → маъно), or after a
/// word when it is the proper tutuq belgisi U+02BC; otherwise punctuation, copied.
fn tutuq(chars: &[char], at: usize, prev: Option<char>) -> Option<(usize, &'static str)> {
    let next_is_letter = chars.get(at + 1).is_some_and(|c| c.is_alphabetic());
    let proper = chars[at] == '\u{02BC}';
    (prev.is_some() && (next_is_letter || proper)).then_some((1, "ъ"))
}

/// The tutuq has no case, so ъ takes it from the word: capital between capitals (MAʼLUMOT →
/// МАЪЛУМОТ), small otherwise.
fn tutuq_case(chars: &[char], at: usize) -> Case {
    let prev_upper = at.checked_sub(1).is_some_and(|i| chars[i].is_uppercase());
    let next_lower = chars.get(at + 1).is_some_and(|c| c.is_lowercase());
    if prev_upper && !next_lower {
        Case::Upper
    } else {
        Case::Lower
    }
}

#[cfg(test)]
mod tests {
    use super::to_cyrillic;

    #[test]
    fn single_letters_map_one_to_one() {
        assert_eq!(
            to_cyrillic("abdfgijklmnopqrstuvxz"),
            "абдфгижклмнопқрстувхз"
        );
    }

    #[test]
    fn h_and_x_are_different_letters() {
        assert_eq!(to_cyrillic("Xiva Hazorasp"), "Хива Ҳазорасп");
    }

    #[test]
    fn digraphs() {
        assert_eq!(to_cyrillic("shahar choy"), "шаҳар чой");
        assert_eq!(to_cyrillic("yosh yuz yarim"), "ёш юз ярим");
    }

    #[test]
    fn every_apostrophe_stand_in_makes_o_and_g() {
        for o in ["oʻ", "o'", "o‘", "o’", "o`", "oʼ"] {
            assert_eq!(to_cyrillic(&format!("t{o}g{}ri", &o[1..])), "тўғри", "{o}");
        }
    }

    #[test]
    fn y_before_o_with_apostrophe_is_y_then_o() {
        assert_eq!(to_cyrillic("yoʻl Yangiyoʻl"), "йўл Янгийўл");
    }

    #[test]
    fn s_tutuq_h_is_two_letters() {
        assert_eq!(to_cyrillic("Isʼhoq"), "Исҳоқ");
        assert_eq!(to_cyrillic("Is'hoq"), "Исҳоқ");
    }

    #[test]
    fn tutuq_inside_a_word_is_the_hard_sign() {
        assert_eq!(to_cyrillic("maʼlumot ma'no"), "маълумот маъно");
        assert_eq!(to_cyrillic("mavzuʼ"), "мавзуъ");
    }

    #[test]
    fn quotes_around_words_stay_quotes() {
        assert_eq!(to_cyrillic("'bola' ‘ona’"), "'бола' ‘она’");
    }

    #[test]
    fn e_is_e_at_word_start_and_after_vowels() {
        assert_eq!(to_cyrillic("el ekin"), "эл экин");
        assert_eq!(to_cyrillic("poeziya"), "поэзия");
        assert_eq!(to_cyrillic("kel"), "кел");
    }

    #[test]
    fn ye_is_e_and_after_a_consonant_hard_sign_e() {
        assert_eq!(to_cyrillic("yer poyezd"), "ер поезд");
        assert_eq!(to_cyrillic("obyekt"), "объект");
    }

    #[test]
    fn ts_is_tse_only_in_loanword_patterns() {
        assert_eq!(
            to_cyrillic("militsiya litsey protsent"),
            "милиция лицей процент"
        );
        assert_eq!(to_cyrillic("kutsa ketsin otsiz"), "кутса кетсин отсиз");
        assert_eq!(to_cyrillic("sirk konsert"), "сирк консерт");
        // After a consonant Cyrillic ц is written s, so a Latin ts there is т + с (a made-up
        // word: no real one has that shape).
        assert_eq!(to_cyrillic("kortsiya"), "кортсия");
    }

    #[test]
    fn capitals_follow_the_word() {
        assert_eq!(to_cyrillic("Shahar SHAHAR"), "Шаҳар ШАҲАР");
        assert_eq!(
            to_cyrillic("Oʻzbekiston OʻZBEKISTON"),
            "Ўзбекистон ЎЗБЕКИСТОН"
        );
        assert_eq!(to_cyrillic("OBYEKT Obyekt"), "ОБЪЕКТ Объект");
        assert_eq!(to_cyrillic("AQSH F.I.Sh."), "АҚШ Ф.И.Ш.");
        assert_eq!(
            to_cyrillic("MAʼLUMOT Maʼlumot MAVZUʼ"),
            "МАЪЛУМОТ Маълумот МАВЗУЪ"
        );
    }

    #[test]
    fn dictionary_stems_override_the_letter_rules() {
        assert_eq!(to_cyrillic("1-sentabrdan BUDJET"), "1-сентябрдан БЮДЖЕТ");
    }

    #[test]
    fn everything_else_is_copied() {
        let text = "${member_name}: 30 — 15–64! wc";
        assert_eq!(to_cyrillic(text), "${member_name}: 30 — 15–64! wc");
        assert_eq!(to_cyrillic("Шаҳар"), "Шаҳар");
    }
}
