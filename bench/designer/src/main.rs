//! Browser benchmark of the designer (not a test): how long from a keystroke in the form's
//! JSON to the preview showing it, on a generated 500-question form in four languages (the
//! issue's target: within 100 ms); and importing an XLSForm of 500 questions and 5,000
//! choices in 5 languages through the file picker, with the longest task meanwhile (the
//! target: a second at most, the page never frozen, the progress shown).
//!
//! ```sh
//! trunk build --release            # dist/ (scripts/test does it)
//! CHROMEDRIVER=$(command -v chromedriver) cargo run --release -p xonadon-designer-bench
//! # the import only:
//! CHROMEDRIVER=$(command -v chromedriver) cargo run --release -p xonadon-designer-bench -- --import
//! ```
//!
//! Each keystroke is an `input` event on the text area after a one-character change of a
//! label on the preview's page; the time runs in the page from just before the event to the
//! next frame after it (the engine's load of the whole text, the problems placed, the preview
//! rebuilt and laid out). Prints the median and the spread of 40 keystrokes.
//!
//! Each import runs from the picker's `change` event to the first frame showing the form in
//! the editor and its first page in the preview; Chromium's `longtask` entries within it give
//! the longest time the page could not answer. Prints each of 5 imports (its long tasks, the
//! app's `designer:*` marks, the status lines the frames showed) and the medians.

#[path = "../../../crates/xlsform/tests/support/mod.rs"]
mod support;

#[path = "../../../crates/xlsform/benches/shared/big_form.rs"]
mod big_form;

use serde_json::{json, Value};
use xonadon_e2e::{browser, dist, js, open_page, profile, until, wait_for, Driver, StaticServer};

/// `groups` groups of `per_group` questions: text, integer with a constraint, select_one with a
/// relevance on the previous answer, a calculation; labels in uz-Latn, uz-Cyrl, ru and en.
fn generated_form(groups: usize, per_group: usize) -> String {
    let label = |s: &str| {
        json!({"uz-Latn": format!("{s} savoli"), "uz-Cyrl": format!("{s} саволи"),
               "ru": format!("Вопрос {s}"), "en": format!("Question {s}")})
    };
    let survey: Vec<Value> = (0..groups)
        .map(|g| {
            let children: Vec<Value> = (0..per_group)
                .map(|q| {
                    let name = format!("g{g}_q{q}");
                    match q % 4 {
                        0 => json!({"type": "text", "name": name, "label": label(&name)}),
                        1 => json!({"type": "integer", "name": name, "label": label(&name),
                                    "constraint": ". >= 0 and . < 150"}),
                        2 => json!({"type": "select_one yn", "name": name, "label": label(&name),
                                    "relevant": format!("${{g{g}_q{}}} != ''", q - 1)}),
                        _ => json!({"type": "calculate", "name": name,
                                    "calculation": format!("${{g{g}_q{}}} * 2", q - 2)}),
                    }
                })
                .collect();
            json!({"type": "group", "name": format!("g{g}"), "label": label(&format!("g{g}")),
                   "appearance": "field-list", "children": children})
        })
        .collect();
    let yn = json!([
        {"name": "yes", "label": {"uz-Latn": "Ha", "uz-Cyrl": "Ҳа", "ru": "Да", "en": "Yes"}},
        {"name": "no", "label": {"uz-Latn": "Yoʻq", "uz-Cyrl": "Йўқ", "ru": "Нет", "en": "No"}}
    ]);
    serde_json::to_string_pretty(&json!({
        "settings": {"form_id": "bench500", "version": "1", "default_language": "uz-Latn"},
        "survey": survey,
        "choices": {"yn": yn}
    }))
    .unwrap()
}

const KEYSTROKE: &str = r#"
const done = arguments[arguments.length - 1];
const a = document.getElementById('form-json');
const at = a.value.search(/g0_q[01] savoli/) + 4;
performance.clearMarks();
const t0 = performance.now();
a.setRangeText(arguments[0], at, at + 1, 'end');
a.dispatchEvent(new Event('input'));
requestAnimationFrame(() => setTimeout(() => {
  const shown = document.querySelector('.preview').textContent.includes('g0_q' + arguments[0] + ' savoli');
  const m = {};
  for (const e of performance.getEntriesByType('mark')) m[e.name] = e.startTime;
  // The engine's check, and the whole of the app's input handler.
  done([performance.now() - t0, shown,
        [m['designer:checked'] - m['designer:input'], m['designer:stored'] - m['designer:input']]]);
}, 0));
"#;

/// A keystroke that breaks the form (an unknown type) or mends it: the engine's load and the
/// problems list, without a new preview.
const BREAK: &str = r#"
const done = arguments[arguments.length - 1];
const a = document.getElementById('form-json');
const at = a.value.search(/"type": "te[xz]t"/) + 11;
const t0 = performance.now();
a.setRangeText(arguments[0], at, at + 1, 'end');
a.dispatchEvent(new Event('input'));
requestAnimationFrame(() => setTimeout(() => {
  done([performance.now() - t0, document.querySelectorAll('#problems li.error').length]);
}, 0));
"#;

/// The same change with no `input` event: what the browser's text area alone costs.
const BARE: &str = r#"
const done = arguments[arguments.length - 1];
const a = document.getElementById('form-json');
const at = a.value.search(/g0_q[01] savoli/) + 4;
const t0 = performance.now();
a.setRangeText(a.value[at], at, at + 1, 'end');
requestAnimationFrame(() => setTimeout(() => done(performance.now() - t0), 0));
"#;

/// Chrome's long-animation-frame entries: the style and layout part of the last frames.
const LAYOUT: &str = "return performance.getEntriesByType('long-animation-frame').slice(-20) \
    .map(e => e.startTime + e.duration - e.styleAndLayoutStart);";

/// A small form put in the editor between imports.
const OTHER: &str = r#"{"settings": {"form_id": "other", "version": "1"},
  "survey": [{"type": "text", "name": "x", "label": {"en": "Other form"}}]}"#;

/// Before an import: the long tasks from now on, the picker's `change` (captured before the
/// page's handler), and, in every frame, the status line and whether the import is shown.
const IMPORT_WATCH: &str = r#"
window.imp = {t0: 0, t1: 0, tasks: [], statuses: []};
const o = new PerformanceObserver(l => { for (const e of l.getEntries()) imp.tasks.push([e.startTime, e.duration]); });
o.observe({type: 'longtask'});
imp.observer = o;
addEventListener('change', e => { if (e.target.id === 'import-xlsform') imp.t0 = performance.now(); },
                 {capture: true, once: true});
performance.clearMarks();
const frame = () => {
  const s = document.querySelector('.tools .status');
  const text = s ? s.textContent : '';
  if (imp.statuses[imp.statuses.length - 1] !== text) imp.statuses.push(text);
  const a = document.getElementById('form-json');
  if (a.value.includes('"form_id": "big"')
      && document.querySelector('.preview').textContent.includes('g0_q0 [')) {
    imp.t1 = performance.now();
  } else {
    requestAnimationFrame(frame);
  }
};
requestAnimationFrame(frame);
"#;

/// After an import: its time, the long tasks within it (`[start, duration]`, from the
/// picker), the app's marks (from the picker), the status lines the frames showed.
const IMPORT_RESULT: &str = r#"
imp.observer.disconnect();
const marks = {};
for (const e of performance.getEntriesByType('mark')) {
  if (e.name.startsWith('designer:')) marks[e.name.slice(9)] = Math.round(e.startTime - imp.t0);
}
return {ms: imp.t1 - imp.t0, marks, statuses: imp.statuses,
        tasks: imp.tasks.filter(([s, d]) => s + d > imp.t0 && s < imp.t1)
                        .map(([s, d]) => [Math.round(s - imp.t0), Math.round(d)])};
"#;

/// A keystroke in the imported form's text: a label on the preview's page changed.
const BIG_KEYSTROKE: &str = r#"
const done = arguments[arguments.length - 1];
const a = document.getElementById('form-json');
const at = a.value.search(/g0_q0 \[uz-Lat[nm]\]/) + 13;
const t0 = performance.now();
a.setRangeText(arguments[0], at, at + 1, 'end');
a.dispatchEvent(new Event('input'));
requestAnimationFrame(() => setTimeout(() => done([performance.now() - t0,
  document.querySelector('.preview').textContent.includes('g0_q0 [uz-Lat' + arguments[0])]), 0));
"#;

/// How many times the XLSForm is imported.
const IMPORTS: usize = 5;

fn median(mut times: Vec<f64>) -> f64 {
    times.sort_by(f64::total_cmp);
    times.get(times.len() / 2).copied().unwrap_or(f64::NAN)
}

/// The median and spread of `times` (ms), the first four (warm-up) left out.
fn summary(mut times: Vec<f64>) -> String {
    times.drain(..4);
    times.sort_by(f64::total_cmp);
    let pct = |p: f64| times[((times.len() - 1) as f64 * p).round() as usize];
    format!(
        "median {:.1} ms (min {:.1}, p90 {:.1}, max {:.1}; {} keystrokes)",
        pct(0.5),
        pct(0.0),
        pct(0.9),
        pct(1.0),
        times.len()
    )
}

fn number(v: &Value) -> f64 {
    v.as_f64().unwrap_or(f64::NAN)
}

/// Keystrokes on the generated form: to the preview, to the problems list, the text area alone.
async fn keystrokes(c: &fantoccini::Client) {
    let form = generated_form(10, 50);
    js(
        c,
        "const a = document.getElementById('form-json'); a.value = arguments[0]; \
         a.dispatchEvent(new Event('input'));",
        vec![json!(form)],
    )
    .await;
    wait_for(c, ".preview .fill").await;
    let (mut preview, mut broken, mut bare) = (Vec::new(), Vec::new(), Vec::new());
    let (mut check, mut handler) = (Vec::new(), Vec::new());
    // Interleaved, so all see the same machine.
    for i in 0..44 {
        let ch = ["0", "1"][i % 2];
        let out = c
            .execute_async(KEYSTROKE, vec![json!(ch)])
            .await
            .expect("a keystroke");
        assert_eq!(out[1], json!(true), "the preview shows the edit");
        preview.push(number(&out[0]));
        check.push(number(&out[2][0]));
        handler.push(number(&out[2][1]));
        for (ch, errors) in [("z", 1), ("x", 0)] {
            let out = c
                .execute_async(BREAK, vec![json!(ch)])
                .await
                .expect("a keystroke");
            assert_eq!(out[1], json!(errors), "the problems list follows");
            if ch == "z" {
                broken.push(number(&out[0]));
            }
        }
        let out = c.execute_async(BARE, vec![]).await.expect("a change");
        bare.push(number(&out));
    }
    let layout: Vec<f64> = js(c, LAYOUT, vec![])
        .await
        .as_array()
        .map(|a| a.iter().map(number).collect())
        .unwrap_or_default();
    println!(
        "designer, {} questions ({} KB of JSON):\n  \
         keystroke → preview rebuilt: {}\n  \
         keystroke → error listed (no new preview): {}\n  \
         the text area alone (no input event): {}\n  \
         within a keystroke: the engine's check median {:.1} ms, the whole input handler \
         median {:.1} ms, style and layout of the frame after it median {:.1} ms",
        10 * 50,
        form.len() / 1024,
        summary(preview),
        summary(broken),
        summary(bare),
        median(check),
        median(handler),
        median(layout)
    );
}

#[tokio::main]
async fn main() {
    let server = StaticServer::start(dist());
    let driver = Driver::start();
    let dir = profile("designer-bench");
    let c = browser(&driver, &dir).await;
    open_page(&c, &format!("{}designer.html", server.url())).await;
    wait_for(&c, "#form-json").await;
    // `--import` measures the import only.
    if !std::env::args().any(|a| a == "--import") {
        keystrokes(&c).await;
    }

    // Importing an XLSForm of 500 questions and 5,000 choices in 5 languages, by the file
    // picker: from the picker's `change` to the first frame with the form in the editor and
    // its first page in the preview; the longest task meanwhile, and the status lines painted.
    let book = dir.join("big.xlsx");
    std::fs::write(&book, big_form::workbook()).expect("the workbook");
    let (mut imports, mut longest, mut tasks) = (Vec::new(), Vec::new(), Vec::new());
    for run in 0..IMPORTS {
        // Another form first, so the import changes both the text and the preview.
        js(
            &c,
            // The text in parts (a large form's): the other form in the first, the rest emptied.
            "const [a, ...rest] = document.querySelectorAll('.editor textarea'); \
                for (const r of rest) r.value = ''; a.value = arguments[0]; \
                a.dispatchEvent(new Event('input'));",
            vec![json!(OTHER)],
        )
        .await;
        until(
            &c,
            "the other form",
            "return document.querySelector('.preview').textContent.includes('Other form');",
        )
        .await;
        js(&c, IMPORT_WATCH, vec![]).await;
        wait_for(&c, "#import-xlsform")
            .await
            .send_keys(&book.display().to_string())
            .await
            .expect("choose the workbook");
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(60);
        while number(&js(&c, "return window.imp.t1;", vec![]).await) == 0.0 {
            assert!(
                std::time::Instant::now() < deadline,
                "the import did not finish"
            );
            tokio::time::sleep(std::time::Duration::from_millis(20)).await;
        }
        // Long tasks are reported a little after they end.
        tokio::time::sleep(std::time::Duration::from_millis(300)).await;
        let out = js(&c, IMPORT_RESULT, vec![]).await;
        let long: Vec<(f64, f64)> = out["tasks"]
            .as_array()
            .map(|a| a.iter().map(|t| (number(&t[0]), number(&t[1]))).collect())
            .unwrap_or_default();
        imports.push(number(&out["ms"]));
        longest.push(long.iter().map(|t| t.1).fold(0.0, f64::max));
        tasks.push(long.len() as f64);
        let list = |v: &Value| -> Vec<String> {
            v.as_array()
                .map(|a| {
                    a.iter()
                        .map(|s| s.as_str().unwrap_or("?").to_string())
                        .collect()
                })
                .unwrap_or_default()
        };
        println!(
            "  import {}: {:.0} ms; tasks over 50 ms: {}\n    marks (ms after the picker): {}\n    \
             status lines shown: {}",
            run + 1,
            number(&out["ms"]),
            long.iter()
                .map(|(at, ms)| format!("{ms:.0} ms at {at:.0}"))
                .collect::<Vec<_>>()
                .join(", "),
            {
                // In the order they came.
                let mut marks: Vec<(&String, f64)> = out["marks"]
                    .as_object()
                    .map(|m| m.iter().map(|(k, v)| (k, number(v))).collect())
                    .unwrap_or_default();
                marks.sort_by(|a, b| a.1.total_cmp(&b.1));
                marks
                    .iter()
                    .map(|(k, v)| format!("{k} {v:.0}"))
                    .collect::<Vec<_>>()
                    .join(", ")
            },
            list(&out["statuses"]).join(" → ")
        );
    }
    println!(
        "XLSForm import (500 questions, 5,000 choices, 5 languages, {} KB), {IMPORTS} times: \
         picker → editor and preview median {:.0} ms (min {:.0}, max {:.0}); longest task \
         median {:.0} ms (max {:.0}); tasks over 50 ms median {:.0}",
        std::fs::metadata(&book)
            .map(|m| m.len() / 1024)
            .unwrap_or(0),
        median(imports.clone()),
        imports.iter().copied().fold(f64::INFINITY, f64::min),
        imports.iter().copied().fold(0.0, f64::max),
        median(longest.clone()),
        longest.iter().copied().fold(0.0, f64::max),
        median(tasks)
    );
    // Typing in the imported form's text (its first part, the survey's first lines).
    let mut typed = Vec::new();
    for i in 0..12 {
        let ch = ["m", "n"][i % 2];
        let out = c
            .execute_async(BIG_KEYSTROKE, vec![json!(ch)])
            .await
            .expect("a keystroke");
        assert_eq!(out[1], json!(true), "the preview shows the edit");
        typed.push(number(&out[0]));
    }
    typed.drain(..2);
    println!(
        "  a keystroke in the imported form → preview rebuilt: median {:.0} ms (of {})",
        median(typed.clone()),
        typed.len()
    );
    let _ = c.close().await;
    let _ = std::fs::remove_dir_all(&dir);
}
