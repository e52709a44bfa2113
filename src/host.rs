//! The engine's clock and identifiers in the browser.
use leptos::prelude::GetUntracked;

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

/// The host a form is filled with: the browser's clock and identifiers, plus what the
/// metadata types `deviceid` and `username` record (this device's id and the worker's name
/// from the settings, as they are when the form is opened) and the form's last submission
/// for `${last-saved#…}`.
pub struct FieldHost {
    device_id: String,
    username: String,
    last_saved: Option<serde_json::Value>,
}

impl FieldHost {
    pub fn of(
        settings: &crate::settings::Settings,
        form: &xonadon_engine::Form,
    ) -> std::sync::Arc<FieldHost> {
        std::sync::Arc::new(FieldHost {
            device_id: settings.device_id.get_untracked(),
            username: settings.enumerator.get_untracked(),
            last_saved: form
                .uses_last_saved()
                .then(|| {
                    let at_rest =
                        leptos::prelude::expect_context::<crate::store::Store>().at_rest();
                    crate::last_saved::get(&at_rest, &form.settings.form_id)
                })
                .flatten(),
        })
    }
}

impl Host for FieldHost {
    fn now(&self) -> (f64, i32) {
        BrowserHost.now()
    }

    fn uuid(&self) -> String {
        BrowserHost.uuid()
    }

    fn property(&self, name: &str) -> Option<String> {
        let value = match name {
            "deviceid" => &self.device_id,
            "username" => &self.username,
            _ => return None,
        };
        (!value.is_empty()).then(|| value.clone())
    }

    fn last_saved(&self) -> Option<&serde_json::Value> {
        self.last_saved.as_ref()
    }
}
