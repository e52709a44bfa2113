//! Times as the device's clock and time zone show them (lists, the detail, export file names).

/// Milliseconds since the epoch as local `YYYY-MM-DD hh:mm`.
pub fn local_time(ms: f64) -> String {
    let d = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(ms));
    format!(
        "{:04}-{:02}-{:02} {:02}:{:02}",
        d.get_full_year(),
        d.get_month() + 1,
        d.get_date(),
        d.get_hours(),
        d.get_minutes()
    )
}

/// Milliseconds since the epoch as the local time of day, `hh:mm:ss`.
pub fn local_clock(ms: f64) -> String {
    let d = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(ms));
    format!(
        "{:02}:{:02}:{:02}",
        d.get_hours(),
        d.get_minutes(),
        d.get_seconds()
    )
}

/// Milliseconds since the epoch as the local day, `YYYY-MM-DD`.
pub fn local_day(ms: f64) -> String {
    local_time(ms).chars().take(10).collect()
}
