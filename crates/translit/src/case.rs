//! Carrying letter case across scripts when one letter becomes two (ш → sh) or two become one
//! (SH → Ш).

/// How a source letter was written, judged with its neighbours.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Case {
    Lower,
    /// A capital at the start of a capitalised word (or a one-letter abbreviation): only the
    /// first letter of a digraph is capital, `Ш` → `Sh`.
    Title,
    /// A capital inside an all-caps word: the whole digraph is capital, `ШАҲАР` → `SHAHAR`.
    Upper,
}

/// The case of the source letters `chars[at..at + len]`, decided by the first of them.
///
/// A capital counts as part of an all-caps word when the letter after the group is a capital,
/// or, at the end of a word, when the letter before it is (`АҚШ` → `AQSH`, but `Ф.И.Ш.` →
/// `F.I.Sh.`).
pub(crate) fn case_at(chars: &[char], at: usize, len: usize) -> Case {
    if !chars[at].is_uppercase() {
        return Case::Lower;
    }
    match chars.get(at + len) {
        Some(next) if next.is_uppercase() => Case::Upper,
        Some(next) if next.is_lowercase() => Case::Title,
        _ => match at.checked_sub(1).map(|i| chars[i]) {
            Some(prev) if prev.is_uppercase() => Case::Upper,
            _ => Case::Title,
        },
    }
}

/// Appends `piece` (written in lower case) to `out` in the given case.
pub(crate) fn push_cased(out: &mut String, piece: &str, case: Case) {
    match case {
        Case::Lower => out.push_str(piece),
        Case::Upper => out.extend(piece.chars().flat_map(char::to_uppercase)),
        Case::Title => {
            let mut rest = piece.chars();
            if let Some(first) = rest.next() {
                out.extend(first.to_uppercase());
            }
            out.extend(rest);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn case_of(word: &str, at: usize) -> Case {
        let chars: Vec<char> = word.chars().collect();
        case_at(&chars, at, 1)
    }

    #[test]
    fn a_capital_followed_by_a_small_letter_is_title_case() {
        assert_eq!(case_of("Шаҳар", 0), Case::Title);
    }

    #[test]
    fn a_capital_followed_by_a_capital_is_all_caps() {
        assert_eq!(case_of("ШАҲАР", 0), Case::Upper);
    }

    #[test]
    fn a_final_capital_takes_the_case_of_the_letter_before() {
        assert_eq!(case_of("АҚШ", 2), Case::Upper);
        assert_eq!(case_of("Ф.И.Ш.", 4), Case::Title);
        assert_eq!(case_of("Ш", 0), Case::Title);
    }

    #[test]
    fn a_small_letter_is_lower_case() {
        assert_eq!(case_of("шаҳар", 0), Case::Lower);
    }

    #[test]
    fn push_cased_writes_each_case() {
        let mut out = String::new();
        push_cased(&mut out, "sh", Case::Lower);
        push_cased(&mut out, "sh", Case::Title);
        push_cased(&mut out, "oʻ", Case::Upper);
        assert_eq!(out, "shShOʻ");
    }
}
