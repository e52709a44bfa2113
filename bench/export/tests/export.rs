//! Browser benchmark (not a test of speed: it prints figures, it asserts only correctness):
//! 10,000 households of the default form (3–6 members each) in IndexedDB, exported to a CSV ZIP
//! as the supervisor's screen does it — read a page at a time, written into Blob parts.
//!
//! ```sh
//! CHROMEDRIVER=$(command -v chromedriver) WASM_BINDGEN_TEST_TIMEOUT=600 \
//!   cargo test --release -p xonadon-export-bench --target wasm32-unknown-unknown -- --nocapture
//! ```
//! `XONADON_EXPORT_N=1000` (at build time) for a smaller run.

#![cfg(target_arch = "wasm32")]

use std::collections::HashSet;
use std::io::Write;

use wasm_bindgen_test::{console_log, wasm_bindgen_test, wasm_bindgen_test_configure};
use xonadon_export::csv_zip::CsvZip;
use xonadon_export::stream::{self, Progress};
use xonadon_export::table::{Layout, Options};
use xonadon_export::xlsx::Xlsx;
use xonadon_storage::{IdbRepository, Import, Repository};

#[path = "../../../crates/export/benches/household.rs"]
mod household;

wasm_bindgen_test_configure!(run_in_browser);

/// The app's way out of Wasm memory: 1 MiB parts handed to JavaScript.
#[derive(Default)]
struct Parts {
    parts: Vec<js_sys::Uint8Array>,
    buffer: Vec<u8>,
    bytes: usize,
}

impl Write for Parts {
    fn write(&mut self, b: &[u8]) -> std::io::Result<usize> {
        self.buffer.extend_from_slice(b);
        self.bytes += b.len();
        if self.buffer.len() >= 1 << 20 {
            self.parts
                .push(js_sys::Uint8Array::from(self.buffer.as_slice()));
            self.buffer.clear();
        }
        Ok(b.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// The last progress reported.
#[derive(Default)]
struct Steps((usize, usize));

impl Progress for Steps {
    fn step(&mut self, done: usize, total: usize) {
        self.0 = (done, total);
    }
    fn cancelled(&self) -> bool {
        false
    }
}

fn now() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map_or(0.0, |p| p.now())
}

fn wasm_mib() -> f64 {
    let memory: js_sys::WebAssembly::Memory = wasm_bindgen::memory().into();
    let buffer: js_sys::ArrayBuffer = memory.buffer().into();
    buffer.byte_length() as f64 / 1048576.0
}

#[wasm_bindgen_test]
async fn export_households_to_a_csv_zip() {
    let n: usize = option_env!("XONADON_EXPORT_N")
        .and_then(|v| v.parse().ok())
        .unwrap_or(10_000);
    let name = format!("xonadon-export-bench-{}", js_sys::Math::random());
    let repo = IdbRepository::open(&name).await.unwrap();
    let form = household::form();
    let t0 = now();
    for start in (0..n).step_by(500) {
        let batch = household::range(&form, start, (start + 500).min(n));
        let import = Import {
            submissions: batch,
            ..Import::default()
        };
        repo.import(&import).await.unwrap();
    }
    let filled = now() - t0;
    let before = wasm_mib();

    let ids: HashSet<String> = (0..n).map(|k| format!("uuid:bench-{k:06}")).collect();
    let key = (form.settings.form_id.clone(), form.settings.version.clone());
    let layouts = [(Layout::new(&form, "household", Options::default()), key)];
    // One read of every submission, page by page, without writing: what each table costs.
    let t_read = now();
    let mut after: Option<String> = None;
    let mut read = 0;
    while let Some(last) = {
        let page = repo
            .submissions_page(after.as_deref(), stream::PAGE)
            .await
            .unwrap();
        read += page.len();
        page.last().map(|s| s.instance_id.clone())
    } {
        after = Some(last);
    }
    let one_read = now() - t_read;
    assert_eq!(read, n);

    let t1 = now();
    let mut zip = CsvZip::streaming(Parts::default());
    let mut steps = Steps::default();
    stream::tables(&repo, &layouts, &ids, &mut zip, &mut steps)
        .await
        .unwrap();
    let out = zip.finish().unwrap().into_inner();
    let exported = now() - t1;
    let tables = layouts[0].0.tables.len();
    console_log!(
        "{n} households: filled IndexedDB in {:.1} s; one read of all {:.2} s; CSV ZIP \
         ({tables} tables, {:.1} MiB) in {:.2} s; Wasm memory {:.1} MiB before the export, \
         {:.1} MiB after",
        filled / 1000.0,
        one_read / 1000.0,
        out.bytes as f64 / 1048576.0,
        exported / 1000.0,
        before,
        wasm_mib()
    );
    assert_eq!(
        steps.0,
        (n * tables, n * tables),
        "every household in every table"
    );

    // The same tables as a workbook, streamed the same way.
    let t2 = now();
    let mut book = Xlsx::streaming(Parts::default());
    let mut steps = Steps::default();
    stream::tables(&repo, &layouts, &ids, &mut book, &mut steps)
        .await
        .unwrap();
    let out = book.finish().unwrap().into_inner();
    console_log!(
        "{n} households: XLSX ({tables} sheets, {:.1} MiB) in {:.2} s; Wasm memory {:.1} MiB after",
        out.bytes as f64 / 1048576.0,
        (now() - t2) / 1000.0,
        wasm_mib()
    );
    assert_eq!(steps.0, (n * tables, n * tables));
}
