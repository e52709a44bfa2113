//! The home screen's lists of drafts and finalized forms, searched and sorted: pure, so the
//! rules are tested without a browser.
//!
//! A search finds a household by any part of its title, ignoring case and script: a worker
//! typing `karimov` finds `Каримов Азиз` too, since Uzbek names are written in both scripts
//! (`xonadon_translit`, the same rules the designer uses).

use xonadon_translit::to_latin;

/// The order of a list.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Order {
    #[default]
    NewestFirst,
    OldestFirst,
}

impl Order {
    pub fn value(self) -> &'static str {
        match self {
            Order::NewestFirst => "newest",
            Order::OldestFirst => "oldest",
        }
    }

    pub fn from_value(value: &str) -> Order {
        match value {
            "oldest" => Order::OldestFirst,
            _ => Order::NewestFirst,
        }
    }
}

/// A text as searched: Latin script, lower case, the apostrophe-like letters of Uzbek Latin
/// (`oʻ`, `o'`, `o‘`) as one.
fn folded(text: &str) -> String {
    to_latin(text)
        .to_lowercase()
        .chars()
        .map(|c| match c {
            'ʻ' | 'ʼ' | '‘' | '’' | '`' => '\'',
            c => c,
        })
        .collect()
}

/// Whether `title` is found by `query` (every word of it, anywhere in the title).
pub fn found(title: &str, query: &str) -> bool {
    let title = folded(title);
    folded(query)
        .split_whitespace()
        .all(|word| title.contains(word))
}

/// The `items` that `query` finds, in `order` of their time (`at`, milliseconds).
pub fn arrange<T>(
    items: Vec<T>,
    title: impl Fn(&T) -> String,
    at: impl Fn(&T) -> f64,
    query: &str,
    order: Order,
) -> Vec<T> {
    let mut shown: Vec<T> = items
        .into_iter()
        .filter(|item| found(&title(item), query))
        .collect();
    shown.sort_by(|a, b| at(a).total_cmp(&at(b)));
    if order == Order::NewestFirst {
        shown.reverse();
    }
    shown
}

/// A list's heading count: `3`, or `2 / 3` while a search hides some.
pub fn count(shown: usize, all: usize) -> String {
    if shown == all {
        all.to_string()
    } else {
        format!("{shown} / {all}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use wasm_bindgen_test::wasm_bindgen_test;

    #[wasm_bindgen_test]
    fn a_household_is_found_in_either_script_and_any_case() {
        assert!(found("Каримов Азиз", "karimov"));
        assert!(found("Karimov Aziz", "КАРИМОВ"));
        assert!(found("Oʻrinova Gulnora", "o'rinova gul"));
        assert!(
            found("Rahimova Dilnoza", "dilnoza rahim"),
            "words in any order"
        );
        assert!(found("anything", ""), "no query finds all");
        assert!(!found("Rahimova Dilnoza", "karimov"));
    }

    #[wasm_bindgen_test]
    fn lists_are_sorted_by_time_and_filtered() {
        let items = vec![("Ali", 2.0), ("Vali", 3.0), ("Alisher", 1.0)];
        let arranged = |query: &str, order| {
            arrange(items.clone(), |i| i.0.to_string(), |i| i.1, query, order)
                .into_iter()
                .map(|i| i.0)
                .collect::<Vec<_>>()
        };
        assert_eq!(arranged("", Order::NewestFirst), ["Vali", "Ali", "Alisher"]);
        assert_eq!(arranged("", Order::OldestFirst), ["Alisher", "Ali", "Vali"]);
        assert_eq!(
            arranged("ali", Order::NewestFirst),
            ["Vali", "Ali", "Alisher"]
        );
        assert_eq!(arranged("alish", Order::NewestFirst), ["Alisher"]);
        assert_eq!(
            Order::from_value(Order::OldestFirst.value()),
            Order::OldestFirst
        );
        assert_eq!(count(3, 3), "3");
        assert_eq!(count(1, 3), "1 / 3");
    }
}
