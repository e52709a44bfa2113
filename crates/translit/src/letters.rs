//! Which Cyrillic letters are vowels, consonants and signs: the rules for е, ц and ъ in both
//! directions depend on the letter before.

/// Cyrillic vowels, lower case. ы and э are Russian-only but still vowels.
const VOWELS: &str = "аеёиоуўэюяы";

/// The hard and soft signs: neither vowels nor consonants.
const SIGNS: &str = "ъь";

/// Whether `c` (either case) is a Cyrillic vowel.
pub(crate) fn is_vowel(c: char) -> bool {
    VOWELS.contains(lower(c))
}

/// Whether `c` (either case) is a Cyrillic consonant: a Cyrillic letter that is neither a vowel
/// nor ъ/ь.
pub(crate) fn is_consonant(c: char) -> bool {
    let c = lower(c);
    is_cyrillic_letter(c) && !VOWELS.contains(c) && !SIGNS.contains(c)
}

/// Whether `c` (either case) is ъ or ь.
pub(crate) fn is_sign(c: char) -> bool {
    SIGNS.contains(lower(c))
}

/// Whether `c` is a letter of the Russian or Uzbek Cyrillic alphabet.
fn is_cyrillic_letter(c: char) -> bool {
    matches!(c, 'а'..='я' | 'ё' | 'ў' | 'қ' | 'ғ' | 'ҳ')
}

/// `c` in lower case. Every Cyrillic capital has a single lower-case letter.
pub(crate) fn lower(c: char) -> char {
    c.to_lowercase().next().unwrap_or(c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uzbek_letters_are_classified() {
        assert!(is_vowel('ў') && is_vowel('Ў') && is_vowel('э'));
        assert!(is_consonant('ҳ') && is_consonant('Қ') && is_consonant('й'));
        assert!(!is_consonant('ъ') && !is_vowel('ь') && is_sign('Ъ'));
        assert!(!is_consonant('q') && !is_consonant('1') && !is_vowel('a'));
    }
}
