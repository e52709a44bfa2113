//! The survey's `parameters` column, read and checked as pyxform 4.5.0 does
//! (`pyxform/parsing/parameters.py`, `xls2json.py`, `validators/pyxform/question_types/`).
//!
//! A cell is `key=value` pairs separated by spaces, commas or semicolons (read by
//! [`xonadon_engine::parameters::parse`]); keys are matched without regard to case, and values
//! too, except `label` and `value`. Each question type takes its own keys, and some values
//! must be numbers, flags or names: what pyxform refuses is an error at the row's
//! `parameters` cell, one per row (the first pyxform would raise). The type is read from the
//! row's own `type` cell, whatever the importer makes of the row, so a type Xonadon leaves
//! out is still checked as pyxform checks it. Parameters on a type that takes none do
//! nothing (pyxform ignores them): a warning.
//!
//! [`normalize`] writes the imported parameters as `key=value` pairs separated by spaces, the
//! spelling the engine and the app read.

use std::cmp::Ordering;
use std::collections::{BTreeMap, BTreeSet};

use xonadon_engine::definition::ElementDef;
use xonadon_engine::parameters::{canonical, parse};

use crate::columns::Key;
use crate::table::Table;
use crate::workbook::Sheet;
use crate::Problem;

/// Checks every row's parameters against its type (and, for `range` and `reference-geometry`,
/// against the choices and entities sheets and the other rows).
pub fn check(
    survey: &Table,
    choices: Option<&Table>,
    entities: Option<&Sheet>,
    problems: &mut Vec<Problem>,
) {
    let Some(column) = survey.header(Key::Parameters) else {
        return;
    };
    let form = Form::of(survey, choices, entities);
    let sheet = survey.sheet.name.as_str();
    for row in &survey.sheet.rows {
        let (Some(kind), Some(cell)) =
            (survey.get(row, Key::Type), survey.get(row, Key::Parameters))
        else {
            continue;
        };
        let appearance = survey.get(row, Key::Appearance);
        match check_cell(kind, cell, appearance, &form) {
            Ok(None) => {}
            Ok(Some(ignored)) => problems.push(Problem::warning(
                sheet,
                Some(row.number),
                Some(column),
                ignored,
            )),
            Err(message) => problems.push(Problem::error(
                sheet,
                Some(row.number),
                Some(column),
                message,
            )),
        }
    }
}

/// Writes every element's parameters as `key=value` pairs separated by spaces (keys in lower
/// case), the spelling the app reads; a cell that is not pairs is left as written (the
/// import's error names it).
pub fn normalize(elements: &mut [ElementDef]) {
    for e in elements {
        if let Some(pairs) = e.parameters.as_deref().and_then(parse) {
            e.parameters = (!pairs.is_empty()).then(|| canonical(&pairs));
        }
        if let Some(children) = &mut e.children {
            normalize(children);
        }
    }
}

/// What the rest of the workbook holds that parameters may name.
#[derive(Debug, Default)]
struct Form {
    /// Choice lists (choices sheet) → their names, in row order.
    choices: BTreeMap<String, Vec<String>>,
    /// Secondary instances the form has besides the choice lists: entity lists, the lists and
    /// files of selects, `csv-external` / `xml-external` names (without extension).
    instances: BTreeSet<String>,
    repeats: BTreeSet<String>,
    /// The survey sheet's names (and `instanceID`, which pyxform adds): what `${…}` may name.
    names: BTreeSet<String>,
}

impl Form {
    fn of(survey: &Table, choices: Option<&Table>, entities: Option<&Sheet>) -> Form {
        let mut form = Form::default();
        if let Some(choices) = choices {
            for row in &choices.sheet.rows {
                let Some(list) = choices.get(row, Key::ListName) else {
                    continue;
                };
                let names = form.choices.entry(list.to_string()).or_default();
                // A choice without a name is the choices sheet's error, not the range's.
                if let Some(name) = choices.get(row, Key::Name) {
                    names.push(name.to_string());
                }
            }
        }
        if let Some(entities) = entities.map(Table::new) {
            for row in &entities.sheet.rows {
                if let Some(list) = entities.get(row, Key::ListName) {
                    form.instances.insert(list.to_string());
                }
            }
        }
        for row in &survey.sheet.rows {
            let Some(kind) = survey.get(row, Key::Type) else {
                continue;
            };
            let name = survey.get(row, Key::Name).unwrap_or_default();
            form.names.insert(name.to_string());
            match Type::of(kind) {
                Type::Repeat => {
                    form.repeats.insert(name.to_string());
                }
                Type::External => {
                    form.instances.insert(stem(name).to_string());
                }
                // pyxform: the lists of select_one_external are no secondary instance.
                Type::Select {
                    list,
                    external: false,
                }
                | Type::SelectFromFile { list }
                    if !list.is_empty() =>
                {
                    form.instances.insert(stem(&list).to_string());
                }
                _ => {}
            }
        }
        form.names.insert("instanceID".into());
        form
    }

    /// pyxform: `reference-geometry` names a secondary instance, or is `${name}` of a repeat.
    fn has_geometry(&self, target: &str) -> bool {
        self.instances.contains(target)
            || self.choices.contains_key(target)
            || reference(target).is_some_and(|name| self.repeats.contains(name))
    }
}

/// `name.csv` → `name` (Python's `os.path.splitext`).
fn stem(name: &str) -> &str {
    match name.rfind('.') {
        Some(i) if i > 0 && !name[..i].ends_with('/') => &name[..i],
        _ => name,
    }
}

/// How pyxform treats a row's parameters: by the type cell, spaces and case aside.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Type {
    Range,
    Text,
    /// `image` / `photo`.
    Image,
    Audio,
    BackgroundAudio,
    Geopoint,
    /// `geoshape` / `geotrace`, by name.
    Geo(&'static str),
    Audit,
    /// select_one, select_multiple, rank, select_one_external, `select one from file …`.
    Select {
        list: String,
        external: bool,
    },
    /// `select_one_from_file` / `select_multiple_from_file` (the underscore spellings).
    SelectFromFile {
        list: String,
    },
    Repeat,
    External,
    /// pyxform reads the parameters (they must be pairs) and ignores them.
    Other,
}

/// pyxform's select commands, longest first so that a shorter one never hides a longer.
const SELECTS: &[&str] = &[
    "add select multiple prompt using",
    "add select one prompt using",
    "select multiple from file",
    "select all that apply from",
    "select_multiple_from_file",
    "select_one_from_file",
    "select one from file",
    "select all that apply",
    "select_one_external",
    "select one from",
    "select_multiple",
    "select_one",
    "select one",
    "select1",
    "rank",
];

impl Type {
    fn of(cell: &str) -> Type {
        let words: Vec<String> = cell.split_whitespace().map(str::to_lowercase).collect();
        let text = words.join(" ");
        match text.as_str() {
            "range" => return Type::Range,
            "text" => return Type::Text,
            "image" | "photo" | "add image prompt" | "add photo prompt" => return Type::Image,
            "audio" | "add audio prompt" => return Type::Audio,
            "background-audio" => return Type::BackgroundAudio,
            "geopoint" => return Type::Geopoint,
            "geoshape" => return Type::Geo("geoshape"),
            "geotrace" => return Type::Geo("geotrace"),
            "audit" => return Type::Audit,
            "csv-external" | "xml-external" => return Type::External,
            _ => {}
        }
        if let ["begin", "repeat" | "lgroup" | "looped", ..]
        | ["begin_repeat" | "begin_lgroup", ..] = words
            .iter()
            .map(String::as_str)
            .collect::<Vec<_>>()
            .as_slice()
        {
            return Type::Repeat;
        }
        for command in SELECTS {
            let Some(rest) = text.strip_prefix(command).and_then(|r| r.strip_prefix(' ')) else {
                continue;
            };
            let (list, other) = rest.split_once(' ').unwrap_or((rest, ""));
            if !["", "or_other", "or other", "or specify other"].contains(&other) {
                continue;
            }
            // The list name keeps its case (the choices sheet's list names are case-sensitive).
            let list = cell
                .split_whitespace()
                .nth(command.split(' ').count())
                .unwrap_or(list)
                .to_string();
            return match *command {
                "select_one_from_file" | "select_multiple_from_file" => {
                    Type::SelectFromFile { list }
                }
                _ => Type::Select {
                    list,
                    external: *command == "select_one_external",
                },
            };
        }
        Type::Other
    }
}

/// The row's finding: `Err` what pyxform refuses, `Ok(Some(_))` a warning.
fn check_cell(
    kind_cell: &str,
    cell: &str,
    appearance: Option<&str>,
    form: &Form,
) -> Result<Option<String>, String> {
    let Some(pairs) = parse(cell) else {
        return Err(format!(
            "the parameters `{cell}` cannot be read: write them as key=value pairs separated \
             by spaces, e.g. `start=1 end=10 step=1`"
        ));
    };
    if pairs.is_empty() {
        return Ok(None);
    }
    // pyxform compares values in lower case, except the column names `label` and `value`.
    let params = Params(
        pairs
            .into_iter()
            .map(|(k, v)| {
                let v = if k == "label" || k == "value" {
                    v
                } else {
                    v.to_lowercase()
                };
                (k, v)
            })
            .collect(),
    );
    let p = &params;
    let kind = Type::of(kind_cell);
    match &kind {
        Type::Range => range(p, appearance, form)?,
        Type::Text => {
            p.accept("text", &["rows"])?;
            p.whole("rows")?;
        }
        Type::Image => image(p, appearance)?,
        Type::Audio => {
            p.accept("audio", &["quality"])?;
            p.one_of("quality", &["voice-only", "low", "normal", "external"])?;
        }
        Type::BackgroundAudio => {
            p.accept("background-audio", &["quality"])?;
            p.one_of("quality", &["voice-only", "low", "normal"])?;
        }
        Type::Geopoint => {
            p.accept(
                "geopoint",
                &[
                    "allow-mock-accuracy",
                    "capture-accuracy",
                    "reference-geometry",
                    "warning-accuracy",
                ],
            )?;
            for key in ["capture-accuracy", "warning-accuracy"] {
                if let Some(v) = p.get(key) {
                    if float(v).is_none() {
                        return Err(format!("`{key}` must be a number (of metres), not `{v}`"));
                    }
                }
            }
            geo(p, form)?;
        }
        Type::Geo(what) => {
            p.accept(
                what,
                &["allow-mock-accuracy", "incremental", "reference-geometry"],
            )?;
            if let Some(v) = p.get("incremental") {
                if !["yes", "true", "true()"].contains(&v) {
                    return Err(format!(
                        "`incremental` may only be `true` on {what} questions (or left out), \
                         not `{v}`"
                    ));
                }
            }
            geo(p, form)?;
        }
        Type::Audit => audit(p)?,
        Type::Select { external, .. } => {
            let what = if *external {
                "select_one_external"
            } else {
                "select"
            };
            p.accept(what, &["randomize", "seed"])?;
            randomize(p)?;
        }
        Type::SelectFromFile { .. } => {
            p.accept(
                "select_one_from_file / select_multiple_from_file",
                &["label", "randomize", "seed", "value"],
            )?;
            for key in ["value", "label"] {
                if let Some(v) = p.get(key) {
                    if !is_xml_name(v) {
                        return Err(format!(
                            "`{key}={v}` must name a column of the file: names begin with a \
                             letter or underscore, then letters, digits, underscores, hyphens \
                             or periods"
                        ));
                    }
                }
            }
            randomize(p)?;
        }
        Type::Repeat | Type::External | Type::Other => {
            references(cell, form)?;
            let words: Vec<&str> = kind_cell.split_whitespace().collect();
            let what = match words.as_slice() {
                [b @ ("begin" | "end"), c, ..] => format!("{b} {c}"),
                [first, ..] => first.to_string(),
                [] => String::new(),
            };
            return Ok(Some(format!(
                "`{what}` rows take no parameters: `{cell}` does nothing"
            )));
        }
    }
    references(cell, form)?;
    Ok(unused(&kind, p))
}

/// pyxform: every `${name}` in the cell (as written) names something on the survey sheet.
fn references(cell: &str, form: &Form) -> Result<(), String> {
    let mut rest = cell;
    while let Some(at) = rest.find("${") {
        rest = &rest[at..];
        let end = rest.find('}').map_or(rest.len(), |i| i + 1);
        let written = &rest[..end];
        match reference(written) {
            None => {
                return Err(format!(
                    "`{written}` is not a reference: write ${{name}} with the name of a question"
                ))
            }
            Some(name) if !form.names.contains(name) => {
                return Err(format!(
                    "`{written}` names nothing on the survey sheet (names are case-sensitive)"
                ))
            }
            Some(_) => {}
        }
        rest = &rest[end..];
    }
    Ok(())
}

/// What pyxform accepts but Xonadon does not act on (yet), for a warning. Only range's
/// bounds and step are used; the types being added are left to their own importer.
fn unused(kind: &Type, p: &Params) -> Option<String> {
    let used: &[&str] = match kind {
        Type::Range => &["start", "end", "step"],
        Type::Text | Type::Image | Type::Geopoint | Type::Audit | Type::Select { .. } => &[],
        Type::SelectFromFile { .. } => {
            let columns: Vec<&str> = ["value", "label"]
                .into_iter()
                .filter(|k| p.has(k))
                .collect();
            if !columns.is_empty() {
                let is = if columns.len() == 1 { "is" } else { "are" };
                return Some(format!(
                    "Xonadon reads the file's `name` and `label` columns: `{}` {is} not used \
                     yet, so the choices may differ from ODK's",
                    columns.join("`, `")
                ));
            }
            &["value", "label"]
        }
        _ => return None,
    };
    let ignored: Vec<String> =
        p.0.iter()
            .filter(|(k, _)| !used.contains(&k.as_str()))
            .map(|(k, v)| format!("{k}={v}"))
            .collect();
    (!ignored.is_empty()).then(|| {
        format!(
            "Xonadon does not use `{}` yet (ODK Collect does): ignored here",
            ignored.join("`, `")
        )
    })
}

/// A row's parameters: keys in lower case, values as pyxform compares them.
struct Params(Vec<(String, String)>);

impl Params {
    fn get(&self, key: &str) -> Option<&str> {
        self.0
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.as_str())
    }

    fn has(&self, key: &str) -> bool {
        self.get(key).is_some()
    }

    /// pyxform's "The accepted parameter keys for this question type are …".
    fn accept(&self, what: &str, accepted: &[&str]) -> Result<(), String> {
        let mut wrong: Vec<&str> = self
            .0
            .iter()
            .map(|(k, _)| k.as_str())
            .filter(|k| !accepted.contains(k))
            .collect();
        if wrong.is_empty() {
            return Ok(());
        }
        wrong.sort_unstable();
        let (these, are) = if wrong.len() == 1 {
            ("parameter", "is not a")
        } else {
            ("parameters", "are not")
        };
        Err(format!(
            "`{}` {are} {these} of {what} questions: they take {}",
            wrong.join("`, `"),
            accepted.join(", ")
        ))
    }

    /// A whole number, as Python's `int()` reads it.
    fn whole(&self, key: &str) -> Result<Option<i128>, String> {
        let Some(v) = self.get(key) else {
            return Ok(None);
        };
        int(v)
            .map(Some)
            .ok_or_else(|| format!("`{key}` must be a whole number, not `{v}`"))
    }

    fn flag(&self, key: &str) -> Result<(), String> {
        self.one_of(key, &["true", "false"])
    }

    fn one_of(&self, key: &str, allowed: &[&str]) -> Result<(), String> {
        match self.get(key) {
            Some(v) if !allowed.contains(&v) => {
                Err(format!("`{key}` must be {}, not `{v}`", or_list(allowed)))
            }
            _ => Ok(()),
        }
    }
}

/// `a, b or c`.
fn or_list(words: &[&str]) -> String {
    match words {
        [] => String::new(),
        [one] => one.to_string(),
        [init @ .., last] => format!("{} or {last}", init.join(", ")),
    }
}

fn range(p: &Params, appearance: Option<&str>, form: &Form) -> Result<(), String> {
    p.accept(
        "range",
        &[
            "end",
            "placeholder",
            "start",
            "step",
            "tick_interval",
            "tick_labelset",
        ],
    )?;
    let ticks = ["tick_interval", "placeholder", "tick_labelset"];
    if let Some(a) = appearance.filter(|a| !a.contains("vertical") && !a.contains("no-ticks")) {
        if let Some(key) = ticks.iter().find(|k| p.has(k)) {
            return Err(format!(
                "`{key}` works only with the appearances vertical, no-ticks, vertical no-ticks \
                 or none (horizontal), not `{a}`"
            ));
        }
    }
    let number = |key: &str, default: Option<&'static str>| -> Result<Option<Dec>, String> {
        let Some(v) = p.get(key).or(default) else {
            return Ok(None);
        };
        match decimal(v) {
            Some(Num::Finite(d)) => Ok(Some(d)),
            _ => Err(format!(
                "range parameter `{key}` must be a number, not `{v}`"
            )),
        }
    };
    let start = number("start", Some("1"))?.unwrap_or_default();
    let end = number("end", Some("10"))?.unwrap_or_default();
    let step = number("step", Some("1"))?.unwrap_or_default();
    let tick = number("tick_interval", None)?;
    let placeholder = number("placeholder", None)?;
    let width = end.sub(start).abs();
    let (low, high) = if start.cmp(end) == Ordering::Greater {
        (end, start)
    } else {
        (start, end)
    };
    let inside = |v: Dec| v.cmp(low) != Ordering::Less && v.cmp(high) != Ordering::Greater;
    let bounds = format!("start {} to end {}", start, end);
    for (key, value) in [("step", Some(step)), ("tick_interval", tick)] {
        let Some(value) = value else { continue };
        if value.is_zero() {
            return Err(format!("range parameter `{key}` must not be 0"));
        }
        if value.cmp(width) == Ordering::Greater {
            return Err(format!(
                "range parameter `{key}` ({value}) is larger than the range ({bounds})"
            ));
        }
    }
    if let Some(tick) = tick {
        if !tick.multiple_of(step) {
            return Err(format!(
                "range parameter `tick_interval` ({tick}) must be a multiple of step ({step})"
            ));
        }
    }
    if let Some(placeholder) = placeholder {
        if !placeholder.sub(start).multiple_of(step) {
            return Err(format!(
                "range parameter `placeholder` ({placeholder}) must be start ({start}) plus a \
                 multiple of step ({step})"
            ));
        }
        if !inside(placeholder) {
            return Err(format!(
                "range parameter `placeholder` ({placeholder}) must lie between start and end \
                 ({bounds}, inclusive)"
            ));
        }
    }
    let Some(list) = p.get("tick_labelset") else {
        return Ok(());
    };
    let Some(names) = form.choices.get(list) else {
        return Err(format!(
            "tick_labelset `{list}` is not a list on the choices sheet (its list_name column)"
        ));
    };
    let no_ticks = appearance.is_some_and(|a| a.contains("no-ticks"));
    let mut labels: Vec<Dec> = Vec::new();
    for name in names {
        let Some(Num::Finite(value)) = decimal(name) else {
            return Err(format!(
                "the choices of tick_labelset `{list}` must all be numbers, not `{name}`"
            ));
        };
        if !inside(value) {
            return Err(format!(
                "choice `{name}` of tick_labelset `{list}` is outside the range ({bounds})"
            ));
        }
        let (by, what) = match tick {
            Some(tick) => (tick, "tick_interval"),
            None => (step, "step"),
        };
        if !value.sub(start).multiple_of(by) {
            return Err(format!(
                "choice `{name}` of tick_labelset `{list}` must be start ({start}) plus a \
                 multiple of {what} ({by})"
            ));
        }
        if no_ticks && !labels.iter().any(|l| l.cmp(value) == Ordering::Equal) {
            labels.push(value);
        }
    }
    if no_ticks {
        if labels.len() > 2 {
            return Err(format!(
                "with the appearance no-ticks, tick_labelset `{list}` may hold only 2 labels \
                 (for start and end), not {}",
                labels.len()
            ));
        }
        let is = |a: Dec, b: Dec| a.cmp(b) == Ordering::Equal;
        let same = labels.iter().all(|l| is(*l, start) || is(*l, end))
            && [start, end]
                .iter()
                .all(|b| labels.iter().any(|l| is(*l, *b)));
        if !same {
            return Err(format!(
                "with the appearance no-ticks, tick_labelset `{list}` may only label start \
                 ({start}) and end ({end})"
            ));
        }
    }
    Ok(())
}

fn image(p: &Params, appearance: Option<&str>) -> Result<(), String> {
    p.accept("image", &["app", "max-pixels"])?;
    p.whole("max-pixels")?;
    let Some(app) = p.get("app") else {
        return Ok(());
    };
    // pyxform checks the app only where it is used: no appearance, or `annotate`.
    if appearance.is_some_and(|a| a != "annotate") {
        return Ok(());
    }
    let wrong = if !app.contains('.') {
        Some("it needs at least one `.` separator")
    } else if app.ends_with('.') {
        Some("it cannot end in a `.`")
    } else if app.split('.').any(str::is_empty) {
        Some("its segments cannot be empty")
    } else if app.split('.').any(|s| s.starts_with('_')) {
        Some("no segment can begin with `_`")
    } else if app
        .split('.')
        .any(|s| s.starts_with(|c: char| c.is_ascii_digit()))
    {
        Some("no segment can begin with a digit")
    } else if app.contains(|c: char| !(c.is_ascii_alphanumeric() || c == '.' || c == '_')) {
        Some("it can only hold letters (a-z, A-Z), digits (0-9), dots (.) and underscores (_)")
    } else {
        None
    };
    match wrong {
        Some(why) => Err(format!(
            "`app={app}` is not an Android package name (such as `com.example.camera`): {why}"
        )),
        None => Ok(()),
    }
}

fn geo(p: &Params, form: &Form) -> Result<(), String> {
    p.flag("allow-mock-accuracy")?;
    match p.get("reference-geometry") {
        Some(target) if !form.has_geometry(target) => Err(format!(
            "`reference-geometry={target}` names nothing: it must be the name of a choice list, \
             an entity list or an attached file (select_one_from_file, csv-external, \
             xml-external), or `${{name}}` of a repeat"
        )),
        _ => Ok(()),
    }
}

fn randomize(p: &Params) -> Result<(), String> {
    if p.has("randomize") {
        p.flag("randomize")?;
        if let Some(seed) = p.get("seed") {
            if reference(seed).is_none() && float(seed).is_none() {
                return Err(format!(
                    "`seed` must be a number or a reference to a question such as ${{q1}}, not \
                     `{seed}`"
                ));
            }
        }
    } else if p.has("seed") {
        return Err("a `seed` needs `randomize=true` beside it".into());
    }
    Ok(())
}

fn audit(p: &Params) -> Result<(), String> {
    let location = [
        "location-priority",
        "location-min-interval",
        "location-max-age",
    ];
    p.accept(
        "audit",
        &[
            "identify-user",
            "location-max-age",
            "location-min-interval",
            "location-priority",
            "track-changes",
            "track-changes-reasons",
        ],
    )?;
    p.flag("track-changes")?;
    p.one_of("track-changes-reasons", &["on-form-edit"])?;
    p.flag("identify-user")?;
    if !location.iter().any(|k| p.has(k)) {
        return Ok(());
    }
    if !location.iter().all(|k| p.has(k)) {
        return Err(
            "to record locations in the audit, give all three of location-priority, \
             location-min-interval and location-max-age"
                .into(),
        );
    }
    p.one_of(
        "location-priority",
        &["no-power", "low-power", "balanced", "high-accuracy"],
    )?;
    let mut seconds = [0, 0];
    for (i, key) in ["location-min-interval", "location-max-age"]
        .iter()
        .enumerate()
    {
        let n = p.whole(key)?.unwrap_or_default();
        if n < 0 {
            return Err(format!("`{key}` must be 0 or more (seconds), not {n}"));
        }
        seconds[i] = n;
    }
    if seconds[1] < seconds[0] {
        return Err(format!(
            "`location-max-age` ({}) must be at least location-min-interval ({})",
            seconds[1], seconds[0]
        ));
    }
    Ok(())
}

/// `${name}` or `${last-saved#name}`, the whole text: the name.
fn reference(text: &str) -> Option<&str> {
    let inner = text.strip_prefix("${")?.strip_suffix('}')?;
    let name = inner.strip_prefix("last-saved#").unwrap_or(inner);
    is_ncname(name).then_some(name)
}

fn is_ncname(name: &str) -> bool {
    let mut chars = name.chars();
    chars.next().is_some_and(|c| c.is_alphabetic() || c == '_')
        && chars.all(|c| c.is_alphanumeric() || matches!(c, '_' | '-' | '.' | '\u{b7}'))
}

/// An XML name, possibly with a prefix (`prefix:name`).
fn is_xml_name(name: &str) -> bool {
    match name.split_once(':') {
        Some((prefix, local)) => is_ncname(prefix) && is_ncname(local),
        None => is_ncname(name),
    }
}

/// Python's `int()` of a string: a sign, digits, single underscores between digits.
fn int(text: &str) -> Option<i128> {
    let (negative, digits) = sign(text.trim());
    let digits = plain_digits(digits)?;
    // Beyond i128 is still a whole number to Python.
    let n = digits.parse::<i128>().unwrap_or(i128::MAX);
    Some(if negative { -n } else { n })
}

/// Python's `float()` of a string (inf and nan are numbers to it).
fn float(text: &str) -> Option<Num> {
    let text = text.trim().to_lowercase();
    let (_, body) = sign(&text);
    if ["inf", "infinity"].contains(&body) {
        return Some(Num::Infinite);
    }
    if body == "nan" {
        return Some(Num::NaN);
    }
    finite(body, sign(&text).0).map(Num::Finite)
}

/// Python's `Decimal()` of a string.
fn decimal(text: &str) -> Option<Num> {
    let text = text.trim().to_lowercase();
    let (negative, body) = sign(&text);
    if ["inf", "infinity"].contains(&body) {
        return Some(Num::Infinite);
    }
    for nan in ["snan", "nan"] {
        if let Some(payload) = body.strip_prefix(nan) {
            if payload.is_empty() || payload.chars().all(|c| c.is_ascii_digit()) {
                return Some(Num::NaN);
            }
        }
    }
    finite(body, negative).map(Num::Finite)
}

#[derive(Debug, Clone, Copy)]
enum Num {
    Finite(Dec),
    Infinite,
    NaN,
}

fn sign(text: &str) -> (bool, &str) {
    match text.as_bytes().first() {
        Some(b'-') => (true, &text[1..]),
        Some(b'+') => (false, &text[1..]),
        _ => (false, text),
    }
}

/// Digits with single underscores between them (Python's numeric literals), underscores
/// removed.
fn plain_digits(text: &str) -> Option<String> {
    let ok = !text.is_empty()
        && !text.starts_with('_')
        && !text.ends_with('_')
        && !text.contains("__")
        && text.chars().all(|c| c.is_ascii_digit() || c == '_');
    ok.then(|| text.replace('_', ""))
}

/// `12.5`, `.5`, `5.`, `1e3`, `1_000`: the exact value.
fn finite(body: &str, negative: bool) -> Option<Dec> {
    let (mantissa, exponent) = match body.split_once('e') {
        Some((m, e)) => {
            let (neg, digits) = sign(e);
            let e: i64 = plain_digits(digits)?.parse().unwrap_or(i64::MAX / 2);
            (m, if neg { -e } else { e })
        }
        None => (body, 0),
    };
    let (whole, fraction) = mantissa.split_once('.').unwrap_or((mantissa, ""));
    if whole.is_empty() && fraction.is_empty() {
        return None;
    }
    let whole = if whole.is_empty() {
        String::new()
    } else {
        plain_digits(whole)?
    };
    let fraction = if fraction.is_empty() {
        String::new()
    } else {
        plain_digits(fraction)?
    };
    let digits = format!("{whole}{fraction}");
    let digits = digits.trim_start_matches('0');
    let exponent = exponent.saturating_sub(fraction.len() as i64);
    Some(Dec::new(negative, digits, exponent))
}

/// A decimal number: exactly `m × 10^e` when it fits (`exact`), else `approx` only.
#[derive(Debug, Clone, Copy, Default)]
struct Dec {
    exact: Option<(i128, i32)>,
    approx: f64,
}

impl Dec {
    fn new(negative: bool, digits: &str, exponent: i64) -> Dec {
        let approx = format!(
            "{}{}e{exponent}",
            if negative { "-" } else { "" },
            if digits.is_empty() { "0" } else { digits }
        )
        .parse::<f64>()
        .unwrap_or(f64::NAN);
        let exact = if digits.is_empty() {
            Some((0, 0))
        } else {
            let trimmed = digits.trim_end_matches('0');
            let e = exponent.saturating_add((digits.len() - trimmed.len()) as i64);
            match (trimmed.parse::<i128>(), i32::try_from(e)) {
                (Ok(m), Ok(e)) if trimmed.len() <= 36 => Some((if negative { -m } else { m }, e)),
                _ => None,
            }
        };
        Dec { exact, approx }
    }

    /// Both at the smaller exponent, when that fits.
    fn aligned(self, other: Dec) -> Option<(i128, i128, i32)> {
        let ((a, ea), (b, eb)) = (self.exact?, other.exact?);
        let e = ea.min(eb);
        let scale = |m: i128, from: i32| {
            10i128
                .checked_pow(u32::try_from(from - e).ok()?)
                .and_then(|p| m.checked_mul(p))
        };
        Some((scale(a, ea)?, scale(b, eb)?, e))
    }

    fn sub(self, other: Dec) -> Dec {
        let exact = self
            .aligned(other)
            .and_then(|(a, b, e)| Some((a.checked_sub(b)?, e)));
        Dec {
            exact,
            approx: self.approx - other.approx,
        }
    }

    fn abs(self) -> Dec {
        Dec {
            exact: self.exact.map(|(m, e)| (m.abs(), e)),
            approx: self.approx.abs(),
        }
    }

    fn is_zero(self) -> bool {
        self.exact.map_or(self.approx == 0.0, |(m, _)| m == 0)
    }

    fn cmp(self, other: Dec) -> Ordering {
        match self.aligned(other) {
            Some((a, b, _)) => a.cmp(&b),
            None => self.approx.total_cmp(&other.approx),
        }
    }

    /// `self % by == 0` (`by` not zero); a number too large to tell counts as a multiple.
    fn multiple_of(self, by: Dec) -> bool {
        match self.aligned(by) {
            Some((a, b, _)) => b == 0 || a % b == 0,
            None => true,
        }
    }
}

impl std::fmt::Display for Dec {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let Some((m, e)) = self.exact else {
            return write!(f, "{}", self.approx);
        };
        if let Some(n) = u32::try_from(e)
            .ok()
            .and_then(|e| 10i128.checked_pow(e))
            .and_then(|p| m.checked_mul(p))
        {
            return write!(f, "{n}");
        }
        if e < 0 && e > -30 {
            let digits = m.unsigned_abs().to_string();
            let places = (-e) as usize;
            let padded = format!("{digits:0>width$}", width = places + 1);
            let (whole, fraction) = padded.split_at(padded.len() - places);
            let minus = if m < 0 { "-" } else { "" };
            return write!(f, "{minus}{whole}.{fraction}");
        }
        write!(f, "{m}e{e}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use xonadon_engine::Severity;

    /// (type, parameters, appearance) → `None` (accepted), or a piece of the error.
    type Case = (
        &'static str,
        &'static str,
        &'static str,
        Option<&'static str>,
    );

    fn form() -> Form {
        let mut form = Form::default();
        for (list, names) in [
            ("c1", &["1", "10"][..]),
            ("ticks", &["1", "3", "5"][..]),
            ("odd", &["1", "2"][..]),
            ("words", &["1", "one"][..]),
            ("wide", &["0", "5"][..]),
            ("three", &["1", "5", "10"][..]),
            ("dupes", &["1", "1.0", "10"][..]),
            ("one", &["1"][..]),
        ] {
            form.choices
                .insert(list.into(), names.iter().map(|n| n.to_string()).collect());
        }
        form.instances.insert("cities".into());
        form.instances.insert("trees".into());
        form.repeats.insert("r1".into());
        form.names.extend(["r1", "q1"].map(String::from));
        form
    }

    #[track_caller]
    fn run(cases: &[Case]) {
        let form = form();
        for (kind, cell, appearance, wanted) in cases {
            let appearance = (!appearance.is_empty()).then_some(*appearance);
            let got = check_cell(kind, cell, appearance, &form);
            match (wanted, &got) {
                (None, Ok(_)) => {}
                (Some(piece), Err(message)) if message.contains(piece) => {}
                _ => panic!("{kind} `{cell}` ({appearance:?}): wanted {wanted:?}, got {got:?}"),
            }
        }
    }

    #[test]
    #[rustfmt::skip]
    fn parameters_are_pairs_separated_by_spaces_commas_or_semicolons() {
        run(&[
            ("range", "start=2,end=9", "", None),
            ("range", "start=2;end=9", "", None),
            ("range", "start=2,", "", None),
            ("range", ",", "", None),
            ("range", ";", "", None),
            ("range", "START = 2 End=9", "", None),
            ("range", "start", "", Some("cannot be read")),
            ("range", "start=2 end", "", Some("cannot be read")),
            ("range", "a=b=c", "", Some("cannot be read")),
            ("integer", "start", "", Some("cannot be read")),
            ("begin group", "x", "", Some("cannot be read")),
        ]);
    }

    #[test]
    #[rustfmt::skip]
    fn range() {
        run(&[
            ("range", "start=1 end=10 step=1", "", None),
            ("range", "start=10 end=1 step=1", "", None),
            ("range", "start=10 end=1 step=-1", "", None),
            ("range", "start=0.5 end=2.5 step=0.5", "", None),
            ("range", "start=1_0 end=2_0", "", None),
            ("range", "start=1e0 end=1e1", "", None),
            ("range", "start=+5 end=10", "", None),
            ("range", "end=5 foo=1", "", Some("`foo` is not a parameter of range questions")),
            ("range", "step=x", "", Some("`step` must be a number")),
            ("range", "start=inf", "", Some("`start` must be a number")),
            ("range", "start=nan", "", Some("`start` must be a number")),
            ("range", "tick_interval=0x2", "", Some("`tick_interval` must be a number")),
            ("range", "placeholder=two", "", Some("`placeholder` must be a number")),
            ("range", "step=0", "", Some("`step` must not be 0")),
            ("range", "step=10", "", Some("`step` (10) is larger than the range")),
            ("range", "start=1 end=1", "", Some("`step` (1) is larger")),
            ("range", "start=10 end=1 step=20", "", Some("larger than the range")),
            ("range", "tick_interval=0", "", Some("`tick_interval` must not be 0")),
            ("range", "tick_interval=20", "", Some("`tick_interval` (20) is larger")),
            ("range", "step=2 tick_interval=3", "", Some("must be a multiple of step (2)")),
            ("range", "step=0.1 tick_interval=0.3", "", None),
            ("range", "step=2 tick_interval=4", "", None),
            ("range", "step=0.5 placeholder=1.25", "", Some("`placeholder` (1.25) must be start")),
            ("range", "start=1 step=2 placeholder=2", "", Some("plus a multiple of step (2)")),
            ("range", "start=1 step=2 placeholder=3", "", None),
            ("range", "placeholder=11", "", Some("must lie between start and end")),
            ("range", "start=10 end=1 placeholder=0", "", Some("must lie between")),
            ("range", "start=10 end=1 placeholder=5", "", None),
        ]);
    }

    #[test]
    #[rustfmt::skip]
    fn range_ticks_and_their_appearances() {
        run(&[
            ("range", "tick_interval=2", "vertical", None),
            ("range", "tick_interval=2", "no-ticks", None),
            ("range", "tick_interval=2", "vertical no-ticks", None),
            ("range", "tick_interval=2", "picker", Some("`tick_interval` works only with")),
            ("range", "placeholder=2", "rating", Some("`placeholder` works only with")),
            ("range", "tick_labelset=c1", "picker", Some("`tick_labelset` works only with")),
            ("range", "start=1 end=5", "picker", None),
            ("range", "tick_labelset=c1", "", None),
            ("range", "tick_labelset=C1", "", None),
            ("range", "tick_labelset=nope", "", Some("`nope` is not a list on the choices sheet")),
            ("range", "tick_labelset=words", "", Some("must all be numbers, not `one`")),
            ("range", "tick_labelset=wide", "", Some("choice `0` of tick_labelset `wide` is outside")),
            ("range", "start=10 end=1 tick_labelset=wide", "", Some("is outside")),
            ("range", "step=2 end=9 tick_labelset=odd", "", Some("multiple of step (2)")),
            ("range", "tick_interval=2 tick_labelset=ticks", "", None),
            ("range", "tick_interval=2 tick_labelset=odd", "", Some("multiple of tick_interval (2)")),
            ("range", "tick_labelset=c1", "no-ticks", None),
            ("range", "tick_labelset=three", "no-ticks", Some("only 2 labels")),
            ("range", "tick_labelset=dupes", "no-ticks", None),
            ("range", "tick_labelset=one", "no-ticks", Some("may only label start (1) and end (10)")),
            ("range", "start=1 end=5 tick_labelset=c1", "", Some("choice `10` of tick_labelset")),
        ]);
    }

    #[test]
    #[rustfmt::skip]
    fn geo() {
        run(&[
            ("geopoint", "capture-accuracy=5 warning-accuracy=10.5", "", None),
            ("geopoint", "allow-mock-accuracy=true", "", None),
            ("geopoint", "allow-mock-accuracy=FALSE", "", None),
            ("geopoint", "allow-mock-accuracy=foo", "", Some("`allow-mock-accuracy` must be true or false")),
            ("geopoint", "capture-accuracy=far", "", Some("`capture-accuracy` must be a number")),
            ("geopoint", "warning-accuracy=near", "", Some("`warning-accuracy` must be a number")),
            ("geopoint", "capture-accuracy=nan", "", None),
            ("geopoint", "incremental=true", "", Some("`incremental` is not a parameter of geopoint")),
            ("geoshape", "capture-accuracy=5", "", Some("`capture-accuracy` is not a parameter of geoshape")),
            ("geotrace", "incremental=true", "", None),
            ("geoshape", "incremental=yes", "", None),
            ("geotrace", "incremental=false", "", Some("`incremental` may only be `true`")),
            ("geotrace", "allow-mock-accuracy=1", "", Some("must be true or false")),
            ("geopoint", "reference-geometry=c1", "", None),
            ("geoshape", "reference-geometry=cities", "", None),
            ("geotrace", "reference-geometry=${r1}", "", None),
            ("geotrace", "reference-geometry=${last-saved#r1}", "", None),
            ("geopoint", "reference-geometry=nowhere", "", Some("`reference-geometry=nowhere` names nothing")),
            ("geopoint", "reference-geometry=${q1}", "", Some("names nothing")),
            ("geopoint", "reference-geometry=${r1", "", Some("names nothing")),
            ("geopoint", "reference-geometry=${R1}", "", Some("`${R1}` names nothing on the survey sheet")),
        ]);
    }

    #[test]
    #[rustfmt::skip]
    fn selects() {
        run(&[
            ("select_one c1", "randomize=true", "", None),
            ("select_one c1", "randomize=true seed=42", "", None),
            ("select_one c1", "randomize=true seed=${q1}", "", None),
            ("select_multiple c1", "randomize=true seed=-1.5e3", "", None),
            ("select_one c1 or_other", "randomize=false", "", None),
            ("select one from c1", "randomize=true", "", None),
            ("rank c1", "randomize=true", "", None),
            ("select_one c1", "randomize=yes", "", Some("`randomize` must be true or false")),
            ("select_one c1", "randomize=true seed=abc", "", Some("`seed` must be a number or a reference")),
            ("select_one c1", "randomize=true seed=${q1}+1", "", Some("`seed` must be")),
            ("select_one c1", "seed=42", "", Some("needs `randomize=true`")),
            ("select_one c1", "randomize=true seed=${Q1}", "", Some("`${Q1}` names nothing")),
            ("select_one c1", "randomize=true seed=${q2}", "", Some("`${q2}` names nothing")),
            ("integer", "a=${1q}", "", Some("`${1q}` is not a reference")),
            ("integer", "a=${q2}", "", Some("`${q2}` names nothing")),
            ("select_one c1", "value=name", "", Some("`value` is not a parameter of select questions")),
            ("select_one_external c1", "foo=1", "", Some("of select_one_external questions")),
            ("select one from file cities.csv", "value=name", "", Some("is not a parameter of select")),
            ("select_one_from_file cities.csv", "value=id label=Name randomize=true", "", None),
            ("select_multiple_from_file cities.csv", "value=my:id", "", None),
            ("select_one_from_file cities.csv", "value=1id", "", Some("`value=1id` must name a column")),
            ("select_one_from_file cities.csv", "label=a*b", "", Some("`label=a*b`")),
            ("select_one_from_file cities.csv", "foo=1", "", Some("they take label, randomize, seed, value")),
        ]);
    }

    #[test]
    #[rustfmt::skip]
    fn text_image_and_audio() {
        run(&[
            ("text", "rows=7", "", None),
            ("TEXT", "Rows=+7", "", None),
            ("text", "rows=7.5", "", Some("`rows` must be a whole number, not `7.5`")),
            ("text", "cols=7", "", Some("`cols` is not a parameter of text questions")),
            ("string", "cols=7", "", None),
            ("image", "max-pixels=1024", "", None),
            ("photo", "max-pixels=1_024", "", None),
            ("image", "max-pixels=big", "", Some("`max-pixels` must be a whole number")),
            ("image", "app=com.example.camera", "", None),
            ("image", "app=com.example.camera", "annotate", None),
            ("image", "app=camera", "", Some("at least one `.`")),
            ("image", "app=com.example.", "", Some("cannot end in a `.`")),
            ("image", "app=com..camera", "", Some("segments cannot be empty")),
            ("image", "app=com._camera", "", Some("begin with `_`")),
            ("image", "app=com.1camera", "", Some("begin with a digit")),
            ("image", "app=com.ex-ample", "", Some("can only hold letters")),
            ("image", "app=camera", "signature", None),
            ("image", "rows=2", "", Some("they take app, max-pixels")),
            ("audio", "quality=voice-only", "", None),
            ("audio", "quality=external", "", None),
            ("audio", "quality=best", "", Some("`quality` must be voice-only, low, normal or external")),
            ("background-audio", "quality=low", "", None),
            ("background-audio", "quality=external", "", Some("must be voice-only, low or normal")),
            ("background-audio", "rate=2", "", Some("of background-audio questions")),
        ]);
    }

    #[test]
    #[rustfmt::skip]
    fn audit() {
        run(&[
            ("audit", "track-changes=true identify-user=false", "", None),
            ("audit", "track-changes-reasons=on-form-edit", "", None),
            ("audit", "location-priority=balanced location-min-interval=60 location-max-age=120", "", None),
            ("audit", "track-changes=maybe", "", Some("`track-changes` must be true or false")),
            ("audit", "identify-user=foo", "", Some("`identify-user` must be true or false")),
            ("audit", "track-changes-reasons=always", "", Some("must be on-form-edit")),
            ("audit", "location-priority=balanced", "", Some("give all three")),
            ("audit", "location-priority=foo location-min-interval=1 location-max-age=2", "", Some("`location-priority` must be no-power")),
            ("audit", "location-priority=balanced location-min-interval=x location-max-age=2", "", Some("`location-min-interval` must be a whole number")),
            ("audit", "location-priority=balanced location-min-interval=-1 location-max-age=2", "", Some("`location-min-interval` must be 0 or more")),
            ("audit", "location-priority=balanced location-min-interval=1 location-max-age=-2", "", Some("`location-max-age` must be 0 or more")),
            ("audit", "location-priority=balanced location-min-interval=10 location-max-age=2", "", Some("`location-max-age` (2) must be at least")),
            ("audit", "foo=1", "", Some("`foo` is not a parameter of audit questions")),
        ]);
    }

    #[test]
    fn what_xonadon_does_not_use_is_a_warning() {
        let form = form();
        for (kind, cell, wanted) in [
            ("range", "start=1 end=5 step=1", None),
            ("range", "end=5 tick_interval=2", Some("`tick_interval=2`")),
            (
                "select_one c1",
                "randomize=true seed=3",
                Some("`randomize=true`, `seed=3`"),
            ),
            ("text", "rows=3", Some("`rows=3`")),
            (
                "select_one_from_file a.csv",
                "value=id",
                Some("`value` is not used"),
            ),
            ("geotrace", "incremental=true", None),
        ] {
            let got = check_cell(kind, cell, None, &form);
            match wanted {
                None => assert_eq!(got, Ok(None), "{kind} {cell}"),
                Some(piece) => assert!(
                    matches!(&got, Ok(Some(w)) if w.contains(piece)),
                    "{kind} {cell}: {got:?}"
                ),
            }
        }
    }

    #[test]
    fn other_types_take_no_parameters() {
        let form = form();
        for kind in ["integer", "begin group", "begin repeat", "string", "note"] {
            let got = check_cell(kind, "rows=2", None, &form);
            assert!(
                matches!(&got, Ok(Some(w)) if w.contains(&format!("`{kind}` rows take no parameters"))),
                "{kind}: {got:?}"
            );
        }
        assert_eq!(check_cell("integer", ",", None, &form), Ok(None));
    }

    #[test]
    fn the_form_gives_instances_and_repeats() {
        let types = [
            ("begin repeat", "r1"),
            ("begin_repeat", "r2"),
            ("begin group", "g1"),
            ("csv-external", "towns"),
            ("select_one_from_file trees.geojson", "q1"),
            ("select_one plots", "q2"),
            ("select_one_external ext", "q3"),
        ];
        let mut form = Form::default();
        for (kind, name) in types {
            match Type::of(kind) {
                Type::Repeat => {
                    form.repeats.insert(name.into());
                }
                Type::External => {
                    form.instances.insert(stem(name).into());
                }
                Type::Select {
                    list,
                    external: false,
                }
                | Type::SelectFromFile { list } => {
                    form.instances.insert(stem(&list).into());
                }
                _ => {}
            }
        }
        assert_eq!(form.repeats, ["r1", "r2"].map(String::from).into());
        assert_eq!(
            form.instances,
            ["plots", "towns", "trees"].map(String::from).into()
        );
    }

    fn sheet(name: &str, rows: &[&[&str]]) -> Sheet {
        Sheet {
            name: name.into(),
            headers: rows[0].iter().map(|h| h.to_string()).collect(),
            rows: rows[1..]
                .iter()
                .zip(2..)
                .map(|(cells, number)| crate::workbook::Row {
                    number,
                    cells: cells.iter().map(|c| c.to_string()).collect(),
                })
                .collect(),
            ..Sheet::default()
        }
    }

    #[test]
    fn findings_are_placed_at_the_row_and_the_parameters_column() {
        let survey = sheet(
            "survey",
            &[
                &["type", "name", "label", "Parameters"],
                &["begin_repeat", "plots", "Plots", ""],
                &["geoshape", "edge", "Edge", "reference-geometry=${plots}"],
                &["end_repeat", "", "", ""],
                &["geopoint", "p1", "P1", "reference-geometry=trees"],
                &["geotrace", "p2", "P2", "reference-geometry=nowhere"],
                &["range", "r1", "R1", "tick_labelset=marks step=2"],
                &["integer", "n", "N", "rows=2"],
                &["range", "r2", "R2", "start=1,end=5"],
            ],
        );
        let choices = sheet(
            "choices",
            &[
                &["list_name", "name", "label"],
                &["marks", "1", "One"],
                &["marks", "2", "Two"],
            ],
        );
        let entities = sheet("entities", &[&["list_name", "label"], &["trees", "T"]]);
        let mut problems = Vec::new();
        check(
            &Table::new(&survey),
            Some(&Table::new(&choices)),
            Some(&entities),
            &mut problems,
        );
        let got: Vec<(Severity, u32, &str, &str)> = problems
            .iter()
            .map(|p| {
                (
                    p.severity,
                    p.row.unwrap(),
                    p.column.as_deref().unwrap(),
                    p.message.as_str(),
                )
            })
            .collect();
        let at = |severity| {
            got.iter()
                .filter(|g| g.0 == severity)
                .map(|g| g.1)
                .collect::<Vec<_>>()
        };
        // Rows 3 (a repeat's name) and 5 (an entity list) name geometries; 9 reads as pairs.
        assert_eq!(at(Severity::Error), [6, 7], "{got:#?}");
        // What Xonadon does not use (row 5), parameters on an integer (row 8).
        assert_eq!(at(Severity::Warning), [5, 8], "{got:#?}");
        assert!(got[1].3.contains("`reference-geometry=nowhere`"), "{got:?}");
        assert_eq!(got[2].2, "Parameters");
        assert!(
            got[2].3.contains("choice `2` of tick_labelset `marks`"),
            "{got:?}"
        );
        assert!(got[3].3.contains("take no parameters"), "{got:?}");
    }

    #[test]
    fn numbers_are_exact() {
        let d = |s| match decimal(s) {
            Some(Num::Finite(d)) => d,
            other => panic!("{s}: {other:?}"),
        };
        assert!(d("0.3").multiple_of(d("0.1")));
        assert!(!d("0.35").multiple_of(d("0.1")));
        assert_eq!(d("1.0").cmp(d("1")), Ordering::Equal);
        assert_eq!(d("2.5").sub(d("1")).to_string(), "1.5");
        assert_eq!(d("-1e3").to_string(), "-1000");
        assert!(decimal("1__0").is_none());
        assert!(decimal("_1").is_none());
        assert!(decimal(".").is_none());
        assert!(decimal("1e").is_none());
        assert!(matches!(decimal("-Infinity"), Some(Num::Infinite)));
        assert!(matches!(float("nan"), Some(Num::NaN)));
        assert_eq!(int(" 42 "), Some(42));
        assert_eq!(int("4.2"), None);
    }

    #[test]
    fn normalize_writes_what_the_app_reads() {
        let mut elements: Vec<ElementDef> = serde_json::from_value(serde_json::json!([
            {"type": "range", "name": "r", "parameters": "START=2,end=9"},
            {"type": "group", "name": "g", "children": [
                {"type": "range", "name": "s", "parameters": ";"},
                {"type": "range", "name": "t", "parameters": "start"}
            ]}
        ]))
        .unwrap();
        normalize(&mut elements);
        assert_eq!(elements[0].parameters.as_deref(), Some("start=2 end=9"));
        let children = elements[1].children.as_ref().unwrap();
        assert_eq!(children[0].parameters, None);
        assert_eq!(children[1].parameters.as_deref(), Some("start"));
    }
}
