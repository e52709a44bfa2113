//! `search()` in a select's appearance: ODK Collect's choices from a CSV file beside the form,
//! searched as the worker answers. `search('people', 'contains', 'name', ${q})` on
//! `select_one hh` makes each row of `people.csv` a choice of `hh` whose text in the `name`
//! column contains the answer to `q`. The list's rows in the choices sheet say which columns
//! to use: the row's `name` is the column holding each choice's value, its `label` the
//! column(s) shown (`name_key`, `label: name, district`); rows whose name is a whole number
//! stay as they are.
//!
//! Xonadon imports it as what it does: the file's rows become the list's choices (every
//! column kept as a property, named as Collect names it inside: `c_` and the column's name in
//! lower case, other characters than ASCII letters and digits as `_`, so a `name` or `label`
//! column is `c_name`, `c_label`) and the search becomes the question's `choice_filter`, so it
//! works offline and in the designer's preview like any cascade. As in Collect (an SQLite
//! `LIKE`), `contains`, `matches`, `startsWith` and `endsWith` ignore the case of ASCII
//! letters only; the optional 5th and 6th arguments add an exact `column = value` filter; rows
//! are in the file's order, or by its `sortby` column; a value repeated in the file is one
//! choice. ODK Web Forms ignores `search()` (it shows the placeholder rows), so these rules
//! come from Collect's source (`ExternalDataHandlerSearch`), not from the oracle.

use std::collections::BTreeMap;

use xonadon_engine::definition::{ChoiceDef, ElementDef, Text};

use crate::attachments::{find, Attachment, Csv};
use crate::Problem;

/// One `search(…)` call, read from an appearance.
#[derive(Debug, Clone, PartialEq)]
pub struct Search {
    /// The CSV file (`.csv` added when the call names it without).
    pub file: String,
    pub how: How,
    /// Columns searched (any may match); empty: no text search.
    pub columns: Vec<String>,
    /// The value searched for, as an expression (`'text'` or `${q}`).
    pub value: String,
    /// `column = value`, exactly.
    pub filter: Option<(String, String)>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum How {
    Contains,
    Matches,
    StartsWith,
    EndsWith,
}

/// Finds `search(…)` in an appearance: the call and the appearance without it, or what is
/// wrong with the call. `None`: no search.
pub fn parse(appearance: &str) -> Option<Result<(Search, Option<String>), String>> {
    let start = appearance.to_ascii_lowercase().find("search(")?;
    let open = start + "search(".len();
    let Some((args, end)) = arguments(&appearance[open..]) else {
        return Some(Err(format!(
            "`{}`: the call is not closed (a `)` or a quote is missing)",
            &appearance[start..]
        )));
    };
    let rest = format!("{} {}", &appearance[..start], &appearance[open + end..]);
    let rest = rest.split_whitespace().collect::<Vec<_>>().join(" ");
    Some(search(&args).map(|s| (s, (!rest.is_empty()).then_some(rest))))
}

/// The arguments of a call whose `(` has been read, split at top-level commas; and where the
/// closing `)` ends.
fn arguments(text: &str) -> Option<(Vec<String>, usize)> {
    let mut args = Vec::new();
    let mut current = String::new();
    let mut depth = 0;
    let mut quote = None;
    for (i, c) in text.char_indices() {
        match (quote, c) {
            (Some(q), c) if c == q => quote = None,
            (Some(_), _) => {}
            (None, '\'' | '"') => quote = Some(c),
            (None, '(') => depth += 1,
            (None, ')') if depth == 0 => {
                args.push(current.trim().to_string());
                return Some((args, i + 1));
            }
            (None, ')') => depth -= 1,
            (None, ',') if depth == 0 => {
                args.push(std::mem::take(&mut current).trim().to_string());
                continue;
            }
            _ => {}
        }
        current.push(c);
    }
    None
}

/// A quoted argument's text; `None` for an expression.
fn literal(arg: &str) -> Option<&str> {
    let quoted = |q: char| arg.len() >= 2 && arg.starts_with(q) && arg.ends_with(q);
    (quoted('\'') || quoted('"')).then(|| &arg[1..arg.len() - 1])
}

fn search(args: &[String]) -> Result<Search, String> {
    if ![1, 4, 6].contains(&args.len()) {
        return Err(format!(
            "search() takes 1, 4 or 6 arguments (file; file, how, columns, value; and a \
             column and value to filter on), not {}",
            args.len()
        ));
    }
    let text = |i: usize, what: &str| {
        literal(&args[i])
            .map(str::trim)
            .map(str::to_string)
            .ok_or_else(|| {
                format!(
                    "search(): the {what} must be quoted text, not `{}`",
                    args[i]
                )
            })
    };
    let mut file = text(0, "file name")?;
    if !file.to_ascii_lowercase().ends_with(".csv") {
        file.push_str(".csv");
    }
    let mut out = Search {
        file,
        how: How::Contains,
        columns: Vec::new(),
        value: "''".into(),
        filter: None,
    };
    if args.len() >= 4 {
        let how = text(1, "kind of search")?;
        out.how = match how.to_ascii_lowercase().as_str() {
            "contains" => How::Contains,
            "matches" => How::Matches,
            "startswith" => How::StartsWith,
            "endswith" => How::EndsWith,
            _ => {
                return Err(format!(
                    "search(): `{how}` is not a kind of search: write contains, matches, \
                     startsWith or endsWith"
                ))
            }
        };
        out.columns = column_list(&text(2, "column list")?);
        out.value = args[3].clone();
    }
    if args.len() == 6 {
        out.filter = Some((text(4, "filter column")?, args[5].clone()));
    }
    Ok(out)
}

/// Columns separated by commas, or by spaces when there is no comma (as Collect reads them).
fn column_list(text: &str) -> Vec<String> {
    let separator = if text.contains(',') { ',' } else { ' ' };
    text.split(separator)
        .map(str::trim)
        .filter(|c| !c.is_empty())
        .map(str::to_string)
        .collect()
}

/// Every select of the survey with `search()` in its appearance: its list becomes the CSV
/// file's rows and the search its `choice_filter`. A missing file, list or column is an error
/// at the appearance cell. Returns the lists replaced.
pub fn bring_in(
    elements: &mut [ElementDef],
    rows: &BTreeMap<String, u32>,
    (sheet, appearance_header): (&str, &str),
    attachments: &[Attachment],
    lists: &mut BTreeMap<String, Vec<ChoiceDef>>,
    problems: &mut Vec<Problem>,
) -> Vec<String> {
    // List → the file it was searched in, and its whole-number rows (always shown, as in
    // Collect).
    let mut done: BTreeMap<String, (String, Vec<String>)> = BTreeMap::new();
    // List → the first question searching it (its path and name); the paths of all that do
    // (their appearance loses its search() below).
    let mut searched: BTreeMap<String, (String, String)> = BTreeMap::new();
    let mut searching: Vec<String> = Vec::new();
    for_each(elements, "$.survey", &mut |element, path| {
        let Some(found) = element.appearance.as_deref().and_then(parse) else {
            return;
        };
        let at = |message: String| {
            Problem::error(
                sheet,
                rows.get(path).copied(),
                Some(appearance_header),
                message,
            )
        };
        let (search, rest) = match found {
            Ok(found) => found,
            Err(message) => return problems.push(at(message)),
        };
        let Some(list) = element
            .kind
            .strip_prefix("select_one ")
            .or_else(|| element.kind.strip_prefix("select_multiple "))
            .map(|l| l.trim().to_string())
        else {
            return problems.push(at(format!(
                "search() gives a select its choices, but `{}` is a {}",
                element.name, element.kind
            )));
        };
        searched
            .entry(list.clone())
            .or_insert_with(|| (path.to_string(), element.name.clone()));
        searching.push(path.to_string());
        let filter = choice_filter(&search);
        match done.get(&list) {
            Some((file, _)) if *file == search.file => {}
            Some((file, _)) => {
                return problems.push(at(format!(
                    "the list `{list}` is searched in `{file}` already; give this question \
                     a list of its own for `{}`",
                    search.file
                )))
            }
            None => {
                let Some(placeholders) = lists.get(&list) else {
                    return problems.push(at(format!(
                        "search() needs the list `{list}` on the choices sheet, with a row \
                         naming the file's value and label columns"
                    )));
                };
                // pyxform converts the form without the file (it is attached on the
                // server): a warning, and the choices sheet's rows stand in until it comes.
                let Some((_, bytes)) = find(attachments, &search.file) else {
                    return problems.push(Problem::warning(
                        sheet,
                        rows.get(path).copied(),
                        Some(appearance_header),
                        format!(
                            "search() reads `{}`, which is not supplied: until it is, the \
                             question offers the choices sheet's rows; put it beside the form \
                             (in the designer, drop it together with the workbook)",
                            search.file
                        ),
                    ));
                };
                let fixed = placeholders
                    .iter()
                    .filter(|c| is_fixed(c))
                    .map(|c| c.name.clone())
                    .collect();
                let choices = Csv::read(&search.file, bytes)
                    .and_then(|csv| rows_as_choices(&search, &csv, placeholders));
                match choices {
                    Ok(choices) => {
                        lists.insert(list.clone(), choices);
                        done.insert(list.clone(), (search.file.clone(), fixed));
                    }
                    Err(message) => return problems.push(at(message)),
                }
            }
        }
        let fixed: String = done[&list]
            .1
            .iter()
            .map(|name| format!(" or name = '{name}'"))
            .collect();
        let filter = format!("({filter}){fixed}");
        element.choice_filter = Some(match element.choice_filter.take() {
            Some(own) => format!("({own}) and ({filter})"),
            None => filter,
        });
        element.appearance = rest;
    });
    // The list becomes the file's rows: a select using it without search() would offer them
    // too (pyxform refuses the form).
    for_each(elements, "$.survey", &mut |element, path| {
        let list = element.kind.split_whitespace().nth(1).unwrap_or_default();
        let searches = searching.iter().any(|p| p == path);
        if let (Some((at, by)), false) = (searched.get(list), searches) {
            problems.push(Problem::error(
                sheet,
                rows.get(at).copied(),
                Some(appearance_header),
                format!(
                    "`{by}` searches the list `{list}`, which `{}` also uses without search(): \
                     give the search a list of its own",
                    element.name
                ),
            ));
        }
    });
    done.into_keys().collect()
}

/// `f` on every element with its JSON path (`$.survey[2].children[0]`), depth first.
fn for_each(elements: &mut [ElementDef], at: &str, f: &mut impl FnMut(&mut ElementDef, &str)) {
    for (i, e) in elements.iter_mut().enumerate() {
        let path = format!("{at}[{i}]");
        f(e, &path);
        if let Some(children) = &mut e.children {
            for_each(children, &format!("{path}.children"), f);
        }
    }
}

/// The search as a `choice_filter` over the choices' properties (the CSV's columns).
fn choice_filter(search: &Search) -> String {
    let lower = |x: &str| {
        format!("translate({x}, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz')")
    };
    let value = lower(&format!("({})", search.value));
    let mut parts = Vec::new();
    let tests: Vec<String> = search
        .columns
        .iter()
        .map(|c| {
            let c = lower(&property(c));
            match search.how {
                How::Contains => format!("contains({c}, {value})"),
                How::Matches => format!("{c} = {value}"),
                How::StartsWith => format!("starts-with({c}, {value})"),
                How::EndsWith => format!("ends-with({c}, {value})"),
            }
        })
        .collect();
    if !tests.is_empty() {
        parts.push(format!("({})", tests.join(" or ")));
    }
    if let Some((column, value)) = &search.filter {
        parts.push(format!("{} = ({value})", property(column)));
    }
    match parts.len() {
        0 => "true()".into(),
        _ => parts.join(" and "),
    }
}

/// The property a CSV column becomes (Collect's name for it in its database).
fn property(column: &str) -> String {
    let safe: String = column
        .trim()
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '_' {
                c.to_ascii_lowercase()
            } else {
                '_'
            }
        })
        .collect();
    format!("c_{safe}")
}

/// The list's choices: each placeholder row expanded into the file's rows, whole-number rows
/// kept as they are.
fn rows_as_choices(
    search: &Search,
    csv: &Csv,
    placeholders: &[ChoiceDef],
) -> Result<Vec<ChoiceDef>, String> {
    let file = &search.file;
    for c in search
        .columns
        .iter()
        .chain(search.filter.as_ref().map(|f| &f.0))
    {
        csv.column(file, c)?;
    }
    let mut properties = BTreeMap::new();
    for h in csv.headers.iter().filter(|h| !h.is_empty()) {
        if let Some(other) = properties.insert(property(h), h) {
            return Err(format!(
                "`{file}`: the columns `{other}` and `{h}` differ only by case or punctuation; \
                 rename one"
            ));
        }
    }
    let mut order: Vec<usize> = (0..csv.rows.len()).collect();
    if let Ok(sortby) = csv.column(file, "sortby") {
        let key = |r: usize| csv.cell(r, sortby).parse::<f64>().ok();
        if order.iter().all(|&r| key(r).is_some()) {
            order.sort_by(|&a, &b| key(a).partial_cmp(&key(b)).expect("numbers"));
        } else {
            order.sort_by(|&a, &b| csv.cell(a, sortby).cmp(csv.cell(b, sortby)));
        }
    }
    let mut out = Vec::new();
    for placeholder in placeholders {
        if is_fixed(placeholder) {
            out.push(placeholder.clone());
            continue;
        }
        let value_at = csv.column(file, &placeholder.name)?;
        // Per language (or plain), the columns the label shows.
        let shown: Vec<(Option<&str>, Shown)> = match &placeholder.label {
            None => vec![(None, Vec::new())],
            Some(label) => label
                .variants()
                .into_iter()
                .map(|(language, columns)| {
                    let columns = column_list(columns)
                        .into_iter()
                        .map(|c| csv.column(file, &c).map(|at| (c, at)))
                        .collect::<Result<Vec<_>, String>>()?;
                    Ok((language, columns))
                })
                .collect::<Result<_, String>>()?,
        };
        let mut seen = std::collections::HashSet::new();
        for &row in &order {
            let value = csv.cell(row, value_at);
            if value.is_empty() || !seen.insert(value.to_string()) {
                continue;
            }
            let texts: Vec<(Option<&str>, String)> = shown
                .iter()
                .map(|(language, columns)| (*language, label_of(csv, row, columns, value)))
                .collect();
            let label = match texts.as_slice() {
                [(None, text)] => Some(Text::Plain(text.clone())),
                _ => Some(Text::Translated(
                    texts
                        .into_iter()
                        .map(|(l, t)| (l.unwrap_or_default().to_string(), t))
                        .collect(),
                )),
            };
            let properties = csv
                .headers
                .iter()
                .enumerate()
                .filter(|(at, h)| !h.is_empty() && !csv.cell(row, *at).is_empty())
                .map(|(at, h)| (property(h), csv.cell(row, at).to_string()))
                .collect();
            out.push(ChoiceDef {
                name: value.to_string(),
                label,
                media: None,
                properties,
            });
        }
    }
    Ok(out)
}

/// The columns a label shows: each column as written and where it is in the file.
type Shown = Vec<(String, usize)>;

/// A row of the choices sheet that stays a choice: its name is a whole number.
fn is_fixed(choice: &ChoiceDef) -> bool {
    choice.name.trim().parse::<i64>().is_ok()
}

/// Collect's label: the first column's text, then `(column: text)` for each further column;
/// the value when that is blank.
fn label_of(csv: &Csv, row: usize, columns: &[(String, usize)], value: &str) -> String {
    let mut text = String::new();
    for (i, (name, at)) in columns.iter().enumerate() {
        let cell = csv.cell(row, *at);
        if i == 0 {
            text.push_str(cell);
        } else {
            text.push_str(&format!(" ({name}: {cell})"));
        }
    }
    if text.trim().is_empty() {
        value.to_string()
    } else {
        text
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn calls_are_read_from_the_appearance() {
        let (s, rest) = parse("minimal search('people', 'startsWith', 'name, district', ${q})")
            .unwrap()
            .unwrap();
        assert_eq!(s.file, "people.csv");
        assert_eq!(s.how, How::StartsWith);
        assert_eq!(s.columns, ["name", "district"]);
        assert_eq!(s.value, "${q}");
        assert_eq!(rest.as_deref(), Some("minimal"));
        let (s, rest) =
            parse("search('p.csv', 'matches', 'a b', 'x, y', 'region', concat(${r}, ''))")
                .unwrap()
                .unwrap();
        assert_eq!(s.columns, ["a", "b"]);
        assert_eq!(s.value, "'x, y'");
        assert_eq!(s.filter, Some(("region".into(), "concat(${r}, '')".into())));
        assert_eq!(rest, None);
        assert_eq!(parse("minimal"), None);
        let bad = parse("search('p', 'contains')").unwrap().unwrap_err();
        assert!(bad.contains("1, 4 or 6 arguments"), "{bad}");
        let bad = parse("search('p', 'like', 'a', 'b')").unwrap().unwrap_err();
        assert!(bad.contains("not a kind of search"), "{bad}");
        let bad = parse("search('p'").unwrap().unwrap_err();
        assert!(bad.contains("not closed"), "{bad}");
        let bad = parse("search(${f})").unwrap().unwrap_err();
        assert!(bad.contains("quoted text"), "{bad}");
    }

    #[test]
    fn labels_as_collect_builds_them() {
        let csv = Csv::read("p.csv", b"key,name,district\n1,Ali,Xiva\n2,,\n").unwrap();
        let cols = vec![("name".to_string(), 1), ("district".to_string(), 2)];
        assert_eq!(label_of(&csv, 0, &cols, "1"), "Ali (district: Xiva)");
        assert_eq!(label_of(&csv, 0, &cols[..1], "1"), "Ali");
        assert_eq!(label_of(&csv, 1, &cols[..1], "2"), "2");
    }
}
