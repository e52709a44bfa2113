//! Words whose Latin spelling is settled by the orthographic dictionary, not by the letter rules.
//!
//! After a consonant, ё/ю/я usually become yo/yu/ya (плёнка → plyonka), but in some Russian
//! loanwords only the vowel is written (стажёр → stajor). The appendix to the spelling rules
//! says no rule decides this and leaves it to the dictionary, so the few such stems a household
//! form is likely to contain are listed here, in both directions.

/// (Cyrillic stem, Latin stem), lower case. Matched at the start of a word, so the stem's
/// endings follow (`сентябрда` → `sentabrda`).
pub(crate) const STEMS: &[(&str, &str)] = &[
    ("сентябр", "sentabr"),
    ("октябр", "oktabr"),
    ("бюджет", "budjet"),
];

/// The stem from `stems` that `chars[at..]` starts with (ignoring case), with its length in
/// chars and its replacement. Only call at the start of a word.
pub(crate) fn stem_at<'a>(
    chars: &[char],
    at: usize,
    stems: impl Iterator<Item = (&'a str, &'a str)>,
) -> Option<(usize, &'a str)> {
    stems.into_iter().find_map(|(from, to)| {
        let mut len = 0;
        for expected in from.chars() {
            let actual = chars.get(at + len)?;
            if !actual.to_lowercase().eq(std::iter::once(expected)) {
                return None;
            }
            len += 1;
        }
        Some((len, to))
    })
}
