//! Uzbek Cyrillic ↔ Latin transliteration.
//!
//! Social workers read and type Uzbek in both scripts: forms are written in one and shown in the
//! other. [`to_latin`] follows the official rules and is what the app should rely on;
//! [`to_cyrillic`] is best effort, because the Latin spelling drops things Cyrillic writes.
//!
//! # Sources
//!
//! - The Latin alphabet of 1995 as amended, and *Oʻzbek tilining asosiy imlo qoidalari*
//!   (Cabinet of Ministers resolution No. 339, 24 August 1995): the letter rules, the tutuq
//!   belgisi, `sʼh`.
//! - The appendix to the spelling rules (*“Imlo qoidalari”ga ilova*) on how the Cyrillic letters
//!   ё ю я ц щ ы ъ ь are written in Latin, with its examples (кварц – kvars, конституция –
//!   konstitutsiya, разъезд – razyezd, павильон – pavilyon, интервью – intervyu).
//! - Summaries of the 1995 changes used in teaching (цирк – sirk, абзац – abzas, лицей –
//!   litsey, акция – aksiya), and the spellings of Uzbek Wikipedia and official place names.
//!
//! # Cyrillic → Latin
//!
//! | Cyrillic | Latin | |
//! |---|---|---|
//! | ш ч | sh ch | |
//! | ў ғ | oʻ gʻ | with the modifier letter ʻ (U+02BB), never an apostrophe |
//! | қ ҳ х | q h x | ҳ and х are different letters: Ҳазорасп – Hazorasp, Хива – Xiva |
//! | ж й | j y | |
//! | ё ю я | yo yu ya | always, also after a consonant: актёр – aktyor |
//! | е | ye / e | ye at the start of a word and after a vowel, ъ or ь (ер – yer, поезд – poyezd, съезд – syezd); e after a consonant (кел – kel) |
//! | э | e | |
//! | ц | ts / s | ts after a vowel inside a word (милиция – militsiya, лицей – litsey); s at the start and end of a word and after a consonant (цирк – sirk, абзац – abzas, акция – aksiya, концерт – konsert) |
//! | ъ | ʼ / – | the tutuq belgisi ʼ (U+02BC): маъно – maʼno, санъат – sanʼat; dropped after ў (мўъжиза – moʻjiza, rule 32) and between a consonant and е ё ю я (объект – obyekt, съезд – syezd) |
//! | ь | – / y | dropped (автомобиль – avtomobil, компьютер – kompyuter, премьер – premyer); y before о and и (батальон – batalyon, Ильин – Ilyin) |
//! | сҳ | sʼh | s and h as two sounds get a tutuq so they do not read as sh: Исҳоқ – Isʼhoq |
//! | щ ы | sh i | Russian letters, as the appendix says: община – obshina |
//!
//! Capitals stay capitals. A digraph from a capital is all caps inside an all-caps word and
//! capitalised elsewhere: ШАҲАР – SHAHAR, ЧЎЛ – CHOʻL, АҚШ – AQSH, but Шаҳар – Shahar,
//! Ф.И.Ш. – F.I.Sh.
//!
//! Where the dictionary overrules the letters, a short list of stems holds the dictionary
//! spelling (сентябр – sentabr, октябр – oktabr, бюджет – budjet); see `exceptions.rs`.
//!
//! Anything that is not a Cyrillic letter is copied unchanged: Latin text, digits, punctuation,
//! and `${name}` references, which are never transliterated in either direction.
//!
//! ## Limits
//!
//! The rules that need to know where a word's parts meet are not applied: ц after a prefix is
//! s by the rules (антициклон – antisiklon) but comes out ts; ъ between a consonant and е ё ю
//! я in an Arabic word would be dropped. ё ю я after a consonant in Russian words are
//! sometimes written without y (стажёр – stajor); only the stems in the list are known.
//!
//! # Latin → Cyrillic
//!
//! The reverse of the table. After o and g it accepts ʻ and the usual stand-ins (ʼ, ', ‘, ’
//! and the backtick) for ў and ғ; it reads `sʼh` as сҳ and an apostrophe between letters as ъ. It cannot restore what Latin does not write:
//!
//! - ь is never written back (avtomobil – автомобил, kompyuter – компютер).
//! - s is always с: цирк, концерт, акция come back as сирк, консерт, аксия. ts is ц only
//!   after a vowel and before e or i + vowel (militsiya, litsey, protsent, ratsion), because
//!   native words put t before -sa, -sin, -siz (kutsa, ketsin, otsiz).
//! - ye after a consonant becomes ъе (obyekt – объект), though it can be ье (premyer –
//!   премьер); yo yu ya after a consonant become ё ю я (batalyon – баталён, not батальон).
//! - Word-initial e and e after a vowel become э, other e become е.
//! - ya yo yu are always я ё ю, though they can stand for й + vowel: Payariq – Паяриқ, not
//!   Пайариқ; rayon – раён, not район.
//! - sh is always ш: a missing tutuq in s+h (Ishoq for Isʼhoq) cannot be noticed.
//! - Words that are Latin in both scripts are transliterated like Uzbek ones: GPS – ГПС,
//!   ID-karta – ИД-карта, Roman numerals II – ИИ.

mod case;
mod exceptions;
pub mod form;
mod letters;
mod to_cyrillic;
mod to_latin;

pub use form::{fill_missing_script, Filled};
pub use to_cyrillic::to_cyrillic;
pub use to_latin::to_latin;

/// The length in chars of the `${name}` reference starting at `chars[at]`, if one does.
/// References name form fields and must survive transliteration untouched.
fn reference_len(chars: &[char], at: usize) -> Option<usize> {
    if chars.get(at) != Some(&'$') || chars.get(at + 1) != Some(&'{') {
        return None;
    }
    let close = chars[at + 2..].iter().position(|&c| c == '}')?;
    Some(close + 3)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn references_are_found_whole() {
        let chars: Vec<char> = "a ${имя} b".chars().collect();
        assert_eq!(reference_len(&chars, 2), Some(6));
        assert_eq!(reference_len(&chars, 0), None);
        let open: Vec<char> = "${name".chars().collect();
        assert_eq!(reference_len(&open, 0), None);
    }

    #[test]
    fn references_survive_both_directions() {
        assert_eq!(to_latin("${ёш} ёш"), "${ёш} yosh");
        assert_eq!(to_cyrillic("${member_name}: yosh"), "${member_name}: ёш");
    }
}
