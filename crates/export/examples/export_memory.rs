//! Peak heap while exporting N households to a CSV ZIP written to a file, and to an XLSX
//! workbook, submissions read one at a time as the app reads them in batches: memory should
//! not grow with N.
//!
//! `cargo run --release -p xonadon-export --example export_memory`

use std::sync::Arc;

use xonadon_export::csv_zip::CsvZip;
use xonadon_export::stream::Tables;
use xonadon_export::table::{Layout, Options};
use xonadon_export::xlsx::Xlsx;

#[path = "../benches/household.rs"]
mod household;

#[global_allocator]
static ALLOC: dhat::Alloc = dhat::Alloc;

fn main() {
    let _profiler = dhat::Profiler::builder().testing().build();
    let form = household::form();
    let templates = household::submissions(&form, 4);
    for n in [1_000usize, 10_000] {
        let file = std::fs::File::create(std::env::temp_dir().join("xonadon-export-memory.zip"))
            .expect("a temporary file");
        let zip = CsvZip::new(std::io::BufWriter::new(file));
        let peak = peak_mib(&form, &templates, n, zip, |zip| {
            zip.finish().unwrap();
        });
        // (No timing here: dhat's bookkeeping slows every allocation; see the benchmark.)
        println!("{n:>6} households: peak heap {peak:.2} MiB above the start");
    }
    // A workbook streams the same way.
    for n in [1_000usize, 10_000] {
        let book = Xlsx::streaming(std::io::sink());
        let peak = peak_mib(&form, &templates, n, book, |book| {
            book.finish().unwrap();
        });
        println!("{n:>6} households as XLSX: peak heap {peak:.2} MiB above the start");
    }
}

/// The peak heap, in MiB above the start, while `out` is written `n` households (copies of
/// `templates`, one at a time, as read from storage) and then `finish`ed.
fn peak_mib<T: Tables>(
    form: &Arc<xonadon_engine::Form>,
    templates: &[xonadon_storage::Submission],
    n: usize,
    mut out: T,
    finish: impl FnOnce(T),
) -> f64 {
    let base = dhat::HeapStats::get();
    let layout = Layout::new(form, "household", Options::default());
    for table in 0..layout.tables.len() {
        out.begin(&layout, table).unwrap();
        for k in 0..n {
            let mut s = templates[k % templates.len()].clone();
            s.instance_id = format!("uuid:{k}");
            out.submission(&layout, &s).unwrap();
        }
    }
    finish(out);
    let stats = dhat::HeapStats::get();
    stats.max_bytes.saturating_sub(base.curr_bytes) as f64 / 1048576.0
}
