//! The engine's clock and identifiers in the browser.

use xonadon_engine::Host;

pub struct BrowserHost;

impl Host for BrowserHost {
    fn now(&self) -> (f64, i32) {
        let date = js_sys::Date::new_0();
        // getTimezoneOffset is minutes *behind* UTC (Tashkent: -300).
        (date.get_time(), -(date.get_timezone_offset() as i32))
    }

    fn uuid(&self) -> String {
        web_sys::window()
            .and_then(|w| w.crypto().ok())
            .map(|c| c.random_uuid())
            .unwrap_or_else(|| {
                // No secure context (plain http on a LAN address): fall back to Math.random.
                let hex: String = (0..32)
                    .map(|_| format!("{:x}", (js_sys::Math::random() * 16.0) as u8))
                    .collect();
                format!(
                    "{}-{}-4{}-a{}-{}",
                    &hex[0..8],
                    &hex[8..12],
                    &hex[13..16],
                    &hex[17..20],
                    &hex[20..32]
                )
            })
    }
}
