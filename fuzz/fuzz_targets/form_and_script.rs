//! An expression placed into a small form and evaluated while answers change: loading,
//! recomputing and reading the state never panic.
#![no_main]
use std::sync::Arc;

use libfuzzer_sys::fuzz_target;
use xonadon_engine::{load, FixedHost, Instance};

fuzz_target!(|data: &[u8]| {
    let Ok(expr) = std::str::from_utf8(data) else { return };
    let form = serde_json_form(expr);
    let Ok(form) = load(&form) else { return };
    let mut inst = Instance::new(Arc::new(form), Arc::new(FixedHost::new(0.0, 300)));
    for (path, value) in [("/a", "3"), ("/r[1]/b", "x y"), ("/a", ""), ("/r[1]/b", "12")] {
        if let Ok(n) = inst.find(path) {
            let _ = inst.set_value(n, value);
        }
    }
    if let Ok(r) = inst.find("/r") {
        let _ = inst.add_repeat(r, None);
        let _ = inst.remove_repeat(r, 1);
    }
    let _ = inst.state_json();
});

fn serde_json_form(expr: &str) -> String {
    let e = expr.replace('\\', "\\\\").replace('"', "\\\"");
    format!(
        r#"{{"settings":{{"form_id":"f"}},"survey":[
          {{"type":"integer","name":"a","label":"A"}},
          {{"type":"repeat","name":"r","label":"R","children":[
            {{"type":"text","name":"b","label":"B","relevant":"{e}"}},
            {{"type":"calculate","name":"c","calculation":"{e}"}}]}},
          {{"type":"calculate","name":"d","calculation":"{e}"}},
          {{"type":"text","name":"t","label":"T","constraint":"{e}"}}]}}"#
    )
}
