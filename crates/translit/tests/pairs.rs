//! Checks every pair in `pairs.tsv` (real place names, survey vocabulary and loanwords) in
//! both directions, and reports all mismatches at once.

use xonadon_translit::{to_cyrillic, to_latin};

const PAIRS: &str = include_str!("pairs.tsv");

/// One line of `pairs.tsv`.
struct Pair<'a> {
    line: usize,
    cyrillic: &'a str,
    latin: &'a str,
    /// What `to_cyrillic(latin)` gives when it is not `cyrillic`.
    reverse: Option<&'a str>,
}

fn pairs() -> Vec<Pair<'static>> {
    PAIRS
        .lines()
        .enumerate()
        .filter(|(_, text)| !text.is_empty() && !text.starts_with('#'))
        .map(|(i, text)| {
            let fields: Vec<&str> = text.split('\t').collect();
            match fields[..] {
                [cyrillic, latin] => Pair {
                    line: i + 1,
                    cyrillic,
                    latin,
                    reverse: None,
                },
                [cyrillic, latin, reverse] => Pair {
                    line: i + 1,
                    cyrillic,
                    latin,
                    reverse: Some(reverse),
                },
                _ => panic!("pairs.tsv:{}: expected 2 or 3 tab-separated columns", i + 1),
            }
        })
        .collect()
}

#[test]
fn the_corpus_has_at_least_300_pairs_and_no_duplicates() {
    let pairs = pairs();
    assert!(pairs.len() >= 300, "only {} pairs", pairs.len());
    let mut seen = std::collections::HashSet::new();
    for pair in &pairs {
        assert!(
            seen.insert(pair.cyrillic),
            "pairs.tsv:{}: duplicate {}",
            pair.line,
            pair.cyrillic
        );
    }
}

#[test]
fn the_latin_column_uses_the_modifier_letters_not_apostrophes() {
    for pair in pairs() {
        assert!(
            !pair.latin.contains(['\'', '‘', '’', '`']),
            "pairs.tsv:{}: {} has an apostrophe stand-in",
            pair.line,
            pair.latin
        );
    }
}

#[test]
fn cyrillic_to_latin() {
    let failures: Vec<String> = pairs()
        .iter()
        .filter_map(|pair| {
            let got = to_latin(pair.cyrillic);
            (got != pair.latin).then(|| {
                format!(
                    "pairs.tsv:{}: {} → {got}, expected {}",
                    pair.line, pair.cyrillic, pair.latin
                )
            })
        })
        .collect();
    assert!(
        failures.is_empty(),
        "{} failures:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn latin_to_cyrillic() {
    let failures: Vec<String> = pairs()
        .iter()
        .filter_map(|pair| {
            let expected = pair.reverse.unwrap_or(pair.cyrillic);
            let got = to_cyrillic(pair.latin);
            (got != expected).then(|| {
                format!(
                    "pairs.tsv:{}: {} → {got}, expected {expected}",
                    pair.line, pair.latin
                )
            })
        })
        .collect();
    assert!(
        failures.is_empty(),
        "{} failures:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn a_third_column_really_differs_from_the_cyrillic() {
    for pair in pairs() {
        assert_ne!(
            pair.reverse,
            Some(pair.cyrillic),
            "pairs.tsv:{}: redundant column",
            pair.line
        );
    }
}

#[test]
fn the_same_latin_typed_with_ascii_apostrophes_gives_the_same_cyrillic() {
    for pair in pairs() {
        let typed = pair.latin.replace(['\u{02BB}', '\u{02BC}'], "'");
        let expected = to_cyrillic(pair.latin);
        assert_eq!(
            to_cyrillic(&typed),
            expected,
            "pairs.tsv:{}: {typed}",
            pair.line
        );
    }
}
