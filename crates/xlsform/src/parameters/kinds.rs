//! What each question type's parameters must be, as pyxform checks them: `range`, image,
//! geo, `randomize`, `audit`.

use std::cmp::Ordering;

use super::numbers::*;
use super::{Form, Params};

pub(super) fn range(p: &Params, appearance: Option<&str>, form: &Form) -> Result<(), String> {
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

pub(super) fn image(p: &Params, appearance: Option<&str>) -> Result<(), String> {
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

pub(super) fn geo(p: &Params, form: &Form) -> Result<(), String> {
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

pub(super) fn randomize(p: &Params) -> Result<(), String> {
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

pub(super) fn audit(p: &Params) -> Result<(), String> {
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
