//! A large XLSForm, generated: 500 questions in groups and 3 repeats, 5 languages, 5,000
//! choices in 40 lists with a three-level cascade. For the import benchmark here and the
//! designer's browser benchmark (`bench/designer`); the includer
//! declares `mod support` (`tests/support/mod.rs`, which writes the workbook).

use super::support;

const LANGUAGES: [&str; 5] = [
    "English (en)",
    "Русский (ru)",
    "Ўзбек (uz-Cyrl)",
    "Oʻzbek (uz-Latn)",
    "العربية (ar)",
];
/// Plain lists of choices (the cascade adds three more).
const LISTS: usize = 37;
const CHOICES_PER_LIST: usize = 130;
const REGIONS: usize = 10;
const DISTRICTS_PER_REGION: usize = 6;
const MAHALLAS_PER_DISTRICT: usize = 2;

/// `what` in each language: `q1 [ru]`.
fn texts(what: &str) -> Vec<String> {
    LANGUAGES
        .iter()
        .map(|l| {
            let tag = l
                .rsplit_once('(')
                .map_or(*l, |(_, t)| t.trim_end_matches(')'));
            format!("{what} [{tag}]")
        })
        .collect()
}

/// Survey rows under a fixed header, filled by column name.
struct Survey {
    header: Vec<String>,
    rows: Vec<Vec<String>>,
    questions: usize,
}

impl Survey {
    fn new() -> Self {
        let mut header: Vec<String> = vec!["type".into(), "name".into()];
        header.extend(LANGUAGES.iter().map(|l| format!("label::{l}")));
        header.extend(LANGUAGES.iter().map(|l| format!("hint::{l}")));
        header.extend(
            [
                "required",
                "relevant",
                "constraint",
                "constraint_message::English (en)",
                "constraint_message::Русский (ru)",
                "calculation",
                "choice_filter",
                "repeat_count",
                "default",
            ]
            .map(String::from),
        );
        Survey {
            header,
            rows: Vec::new(),
            questions: 0,
        }
    }

    fn row(&mut self, kind: &str, name: &str, cells: &[(String, String)]) {
        let mut row = vec![String::new(); self.header.len()];
        row[0] = kind.to_string();
        row[1] = name.to_string();
        for (column, value) in cells {
            let i = self
                .header
                .iter()
                .position(|h| h == column)
                .expect("a column");
            row[i] = value.clone();
        }
        self.rows.push(row);
    }

    /// A row with a label in every language (and a hint in every language when `hint`).
    fn labelled(&mut self, kind: &str, name: &str, hint: bool, more: &[(&str, String)]) {
        let mut cells: Vec<(String, String)> = LANGUAGES
            .iter()
            .zip(texts(name))
            .map(|(l, t)| (format!("label::{l}"), t))
            .collect();
        if hint {
            cells.extend(
                LANGUAGES
                    .iter()
                    .zip(texts("hint"))
                    .map(|(l, t)| (format!("hint::{l}"), t)),
            );
        }
        cells.extend(more.iter().map(|(c, v)| (c.to_string(), v.clone())));
        self.row(kind, name, &cells);
    }

    /// The `i`th question of a group or repeat: every kind in turn, some relevant on the
    /// previous one, with constraints, defaults and calculations.
    fn question(&mut self, prefix: &str, i: usize) {
        let name = format!("{prefix}_q{i}");
        let previous = format!("${{{prefix}_q{}}}", i.saturating_sub(1));
        let hint = i.is_multiple_of(3);
        match i % 7 {
            0 => self.labelled("text", &name, hint, &[]),
            1 => self.labelled(
                "integer",
                &name,
                hint,
                &[
                    ("constraint", ". >= 0 and . <= 120".into()),
                    ("constraint_message::English (en)", "0 to 120".into()),
                    ("constraint_message::Русский (ru)", "от 0 до 120".into()),
                ],
            ),
            2 => self.labelled(&format!("select_one list_{}", i % LISTS), &name, hint, &[]),
            3 => self.labelled(
                &format!("select_multiple list_{}", (i + 3) % LISTS),
                &name,
                hint,
                &[],
            ),
            4 => self.labelled(
                "decimal",
                &name,
                hint,
                &[("relevant", format!("{previous} != ''"))],
            ),
            5 => self.row(
                "calculate",
                &name,
                &[(
                    "calculation".into(),
                    format!("concat({previous}, '-', {i})"),
                )],
            ),
            _ => self.labelled(
                "integer",
                &name,
                hint,
                &[("required", "yes".into()), ("default", "1".into())],
            ),
        }
        self.questions += 1;
    }
}

/// The survey sheet: 10 groups of 35 questions, 3 repeats of 50 (the first counted by a
/// question), and the cascade.
fn survey() -> Vec<Vec<String>> {
    let mut s = Survey::new();
    for g in 0..10 {
        s.labelled("begin group", &format!("g{g}"), false, &[]);
        for i in 0..35 {
            s.question(&format!("g{g}"), i);
        }
        s.row("end group", "", &[]);
    }
    for r in 0..3 {
        let count = if r == 0 { "${g0_q1}" } else { "" };
        s.labelled(
            "begin repeat",
            &format!("r{r}"),
            false,
            &[("repeat_count", count.into())],
        );
        for i in 0..50 {
            s.question(&format!("r{r}"), i);
        }
        s.row("end repeat", "", &[]);
    }
    s.labelled("select_one region", "region", false, &[]);
    s.labelled(
        "select_one district",
        "district",
        false,
        &[("choice_filter", "region = ${region}".into())],
    );
    s.labelled(
        "select_one mahalla",
        "mahalla",
        false,
        &[("choice_filter", "district = ${district}".into())],
    );
    s.questions += 3;
    assert!(s.questions >= 500, "{} questions", s.questions);
    let mut rows = vec![s.header];
    rows.extend(s.rows);
    rows
}

fn choices() -> Vec<Vec<String>> {
    let mut header: Vec<String> = vec!["list_name".into(), "name".into()];
    header.extend(LANGUAGES.iter().map(|l| format!("label::{l}")));
    header.extend(["region".into(), "district".into()]);
    let mut rows = vec![header];
    let mut choice = |list: &str, name: String, region: String, district: String| {
        let mut r = vec![list.to_string(), name.clone()];
        r.extend(texts(&name));
        r.extend([region, district]);
        rows.push(r);
    };
    for l in 0..LISTS {
        for c in 0..CHOICES_PER_LIST {
            // Numeric names, as many real lists have (typed as numbers in Excel).
            choice(
                &format!("list_{l}"),
                (c + 1).to_string(),
                String::new(),
                String::new(),
            );
        }
    }
    for r in 0..REGIONS {
        choice("region", format!("reg{r}"), String::new(), String::new());
        for d in 0..DISTRICTS_PER_REGION {
            let district = format!("dis{r}_{d}");
            choice(
                "district",
                district.clone(),
                format!("reg{r}"),
                String::new(),
            );
            for m in 0..MAHALLAS_PER_DISTRICT {
                choice(
                    "mahalla",
                    format!("mah{r}_{d}_{m}"),
                    String::new(),
                    district.clone(),
                );
            }
        }
    }
    rows
}

pub fn workbook() -> Vec<u8> {
    let survey = survey();
    let choices = choices();
    let settings: Vec<Vec<String>> = vec![
        ["form_title", "form_id", "version", "default_language"]
            .map(String::from)
            .to_vec(),
        ["Big form", "big", "2026112601", "English (en)"]
            .map(String::from)
            .to_vec(),
    ];
    let (survey, choices, settings) = (strs(&survey), strs(&choices), strs(&settings));
    let (survey, choices, settings) = (slices(&survey), slices(&choices), slices(&settings));
    support::xlsx(&[
        ("survey", &survey),
        ("choices", &choices),
        ("settings", &settings),
    ])
}

fn strs(rows: &[Vec<String>]) -> Vec<Vec<&str>> {
    rows.iter()
        .map(|r| r.iter().map(String::as_str).collect())
        .collect()
}

fn slices<'a>(rows: &'a [Vec<&'a str>]) -> Vec<&'a [&'a str]> {
    rows.iter().map(Vec::as_slice).collect()
}
