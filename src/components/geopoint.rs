//! Geopoint, geotrace and geoshape: the browser's geolocation, with the accuracy shown and a
//! retry. A trace or shape is the points added one at a time (ODK's `lat lon alt acc;…`); a
//! shape is closed by repeating its first point, as ODK holds it.

use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use crate::i18n::{t, T};
use crate::settings::ui_language;

/// `lat lon altitude accuracy`, as ODK holds a geopoint.
fn geopoint(p: &web_sys::Position) -> String {
    let c = p.coords();
    format!(
        "{} {} {} {}",
        c.latitude(),
        c.longitude(),
        c.altitude().unwrap_or(0.0),
        c.accuracy()
    )
}

#[derive(Clone, Copy, PartialEq)]
enum Status {
    Idle,
    Locating,
    Failed,
    /// Positions come, none yet as accurate as the form asks; the best so far (metres).
    Waiting(f64),
}

/// ODK's `capture-accuracy` parameter: a position is taken only once it is at least this
/// accurate (metres); until then the worker sees the accuracy and may take the best so far.
pub fn capture_accuracy(parameters: Option<&str>) -> Option<f64> {
    parameters?
        .split_whitespace()
        .find_map(|p| p.strip_prefix("capture-accuracy="))
        .and_then(|v| v.parse::<f64>().ok())
        .filter(|m| *m > 0.0)
}

/// Watches the position until one is within `threshold` metres (then `found` gets it), keeping
/// the best so far in `best` for the worker to take instead; returns the watch to clear.
fn watch(
    status: RwSignal<Status>,
    threshold: f64,
    best: StoredValue<Option<(f64, String)>>,
    found: impl Fn(String) + 'static,
) -> Option<i32> {
    let geo = window().navigator().geolocation().ok()?;
    status.set(Status::Locating);
    let ok = Closure::<dyn Fn(web_sys::Position)>::new(move |p: web_sys::Position| {
        let accuracy = p.coords().accuracy();
        if status.get_untracked() == Status::Idle {
            return; // taken already
        }
        if accuracy <= threshold {
            found(geopoint(&p));
            status.set(Status::Idle);
            return;
        }
        let better = best.with_value(|b| b.as_ref().is_none_or(|(a, _)| accuracy < *a));
        if better {
            best.set_value(Some((accuracy, geopoint(&p))));
        }
        let shown = best.with_value(|b| b.as_ref().map_or(accuracy, |(a, _)| *a));
        status.set(Status::Waiting(shown));
    });
    let err = Closure::<dyn Fn(JsValue)>::new(move |_e: JsValue| {
        if !matches!(status.get_untracked(), Status::Waiting(_)) {
            status.set(Status::Failed);
        }
    });
    let options = web_sys::PositionOptions::new();
    options.set_enable_high_accuracy(true);
    let id = geo
        .watch_position_with_error_callback_and_options(
            ok.as_ref().unchecked_ref(),
            Some(err.as_ref().unchecked_ref()),
            &options,
        )
        .ok();
    ok.forget();
    err.forget();
    if id.is_none() {
        status.set(Status::Failed);
    }
    id
}

fn stop(watching: StoredValue<Option<i32>>) {
    if let (Some(id), Ok(geo)) = (
        watching.try_update_value(Option::take).flatten(),
        window().navigator().geolocation(),
    ) {
        geo.clear_watch(id);
    }
}

/// Asks the browser for one position; `found` gets it as a geopoint answer, and `status`
/// follows the request.
fn locate(status: RwSignal<Status>, found: impl FnOnce(String) + 'static) {
    let Some(geo) = window().navigator().geolocation().ok() else {
        status.set(Status::Failed);
        return;
    };
    status.set(Status::Locating);
    let ok = Closure::once_into_js(move |p: web_sys::Position| {
        found(geopoint(&p));
        status.set(Status::Idle);
    });
    let err = Closure::once_into_js(move |_e: JsValue| status.set(Status::Failed));
    let options = web_sys::PositionOptions::new();
    options.set_enable_high_accuracy(true);
    options.set_timeout(30_000);
    if geo
        .get_current_position_with_error_callback_and_options(
            ok.unchecked_ref(),
            Some(err.unchecked_ref()),
            &options,
        )
        .is_err()
    {
        status.set(Status::Failed);
    }
}

/// The button's words and the failure message, as the request stands.
fn status_view(status: RwSignal<Status>, idle: T) -> (impl Fn() -> &'static str, impl IntoView) {
    let label = move || {
        let lang = ui_language();
        match status.get() {
            Status::Failed => t(&lang, T::RetryLocation),
            _ => t(&lang, idle),
        }
    };
    let failed = move || {
        (status.get() == Status::Failed).then(|| {
            view! { <p class="message" role="alert">{t(&ui_language(), T::LocationUnavailable)}</p> }
        })
    };
    (label, failed)
}

#[component]
pub fn Geopoint(
    id: String,
    value: Memo<String>,
    set: impl Fn(String) + Copy + Send + Sync + 'static,
    /// Metres a position must be within to be taken (`capture-accuracy`).
    threshold: Option<f64>,
) -> impl IntoView {
    let status = RwSignal::new(Status::Idle);
    let (label, failed) = status_view(status, T::GetLocation);
    let accuracy = move || value.with(|v| v.split_whitespace().nth(3).map(str::to_string));
    let best = StoredValue::new(None::<(f64, String)>);
    let watching = StoredValue::new(None::<i32>);
    on_cleanup(move || stop(watching));
    let start = move |_| match threshold {
        None => locate(status, set),
        Some(limit) => {
            stop(watching);
            best.set_value(None);
            let found = move |v: String| {
                set(v);
                stop(watching);
            };
            watching.set_value(watch(status, limit, best, found));
        }
    };
    let take_best = move |_| {
        if let Some((_, v)) = best.get_value() {
            set(v);
        }
        status.set(Status::Idle);
        stop(watching);
    };
    view! {
        <div class="geopoint">
            <button type="button" id=id on:click=start
                disabled=move || matches!(status.get(), Status::Locating | Status::Waiting(_))>
                {label}
            </button>
            {move || match status.get() {
                Status::Waiting(now) => Some(view! {
                    <p class="waiting" role="status">{format!(
                        "{}: ±{} m · {} ±{} m",
                        t(&ui_language(), T::Accuracy),
                        now.round(),
                        t(&ui_language(), T::WaitingForAccuracy),
                        threshold.unwrap_or_default()
                    )}</p>
                    <button type="button" class="take-best" on:click=take_best>
                        {t(&ui_language(), T::UseThisPosition)}
                    </button>
                }),
                _ => None,
            }}
            <output>{move || {
                let v = value.get();
                let mut parts = v.split_whitespace();
                match (parts.next(), parts.next()) {
                    (Some(lat), Some(lon)) => format!("{lat}, {lon}"),
                    _ => String::new(),
                }
            }}</output>
            {move || accuracy().map(|a| view! {
                <span class="accuracy">{format!("{}: ±{} m", t(&ui_language(), T::Accuracy), a)}</span>
            })}
            {failed}
        </div>
    }
}

/// The points of a trace or shape answer, without a shape's closing point.
pub fn points(value: &str, closed: bool) -> Vec<String> {
    let mut points: Vec<String> = value
        .split(';')
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .map(str::to_string)
        .collect();
    if closed && points.len() > 1 && points.first() == points.last() {
        points.pop();
    }
    points
}

/// The answer for `points`: a shape of three or more points is closed.
pub fn answer(points: &[String], closed: bool) -> String {
    let mut all = points.to_vec();
    if closed && points.len() >= 3 {
        all.push(points[0].clone());
    }
    all.join(";")
}

#[component]
pub fn Geotrace(
    id: String,
    /// A geoshape (closed) rather than a geotrace.
    closed: bool,
    value: Memo<String>,
    set: impl Fn(String) + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let status = RwSignal::new(Status::Idle);
    let (label, failed) = status_view(status, T::AddPoint);
    let add = move |_| {
        locate(status, move |p| {
            let mut all = points(&value.get_untracked(), closed);
            all.push(p);
            set(answer(&all, closed));
        })
    };
    let remove_last = move |_| {
        let mut all = points(&value.get_untracked(), closed);
        all.pop();
        set(answer(&all, closed));
    };
    let count = move || value.with(|v| points(v, closed).len());
    view! {
        <div class="geopoint">
            <button type="button" id=id on:click=add disabled=move || status.get() == Status::Locating>
                {label}
            </button>
            <output>{move || format!("{}: {}", t(&ui_language(), T::Points), count())}</output>
            {move || (count() > 0).then(|| view! {
                <button type="button" class="danger" on:click=remove_last>
                    {move || t(&ui_language(), T::RemoveLastPoint)}
                </button>
            })}
            {failed}
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::{answer, points};

    #[wasm_bindgen_test::wasm_bindgen_test]
    fn shapes_close_on_their_first_point() {
        let p = |s: &str| s.to_string();
        let three = [p("1 1 0 5"), p("1 2 0 5"), p("2 2 0 5")];
        assert_eq!(answer(&three, true), "1 1 0 5;1 2 0 5;2 2 0 5;1 1 0 5");
        assert_eq!(answer(&three, false), "1 1 0 5;1 2 0 5;2 2 0 5");
        assert_eq!(answer(&three[..2], true), "1 1 0 5;1 2 0 5");
        assert_eq!(points("1 1 0 5;1 2 0 5;2 2 0 5;1 1 0 5", true), three);
        assert_eq!(points("1 1 0 5;1 2 0 5;2 2 0 5;1 1 0 5", false).len(), 4);
        assert!(points("", true).is_empty());
    }
}

#[cfg(test)]
mod accuracy_tests {
    use super::capture_accuracy;

    #[wasm_bindgen_test::wasm_bindgen_test]
    fn the_form_may_ask_for_an_accuracy() {
        assert_eq!(capture_accuracy(Some("capture-accuracy=5")), Some(5.0));
        assert_eq!(
            capture_accuracy(Some("warning-accuracy=20 capture-accuracy=2.5")),
            Some(2.5)
        );
        assert_eq!(capture_accuracy(Some("capture-accuracy=x")), None);
        assert_eq!(capture_accuracy(Some("capture-accuracy=0")), None);
        assert_eq!(capture_accuracy(None), None);
    }
}
