//! Peak heap while exporting N households to a CSV ZIP written to a file, and to an XLSX
//! workbook, submissions read one at a time as the app reads them in batches: memory should
//! not grow with N.
//!
//! `cargo run --release -p xonadon-export --example export_memory`

use std::sync::Arc;

use xonadon_export::csv_zip::CsvZip;
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
        let base = dhat::HeapStats::get();
        let file = std::fs::File::create(std::env::temp_dir().join("xonadon-export-memory.zip"))
            .expect("a temporary file");
        let layout = Layout::new(&form, "household", Options::default());
        let mut zip = CsvZip::new(std::io::BufWriter::new(file));
        for table in 0..layout.tables.len() {
            zip.begin(&layout, table).unwrap();
            for k in 0..n {
                // As read from storage: one submission at a time, then dropped.
                let mut s = templates[k % 4].clone();
                s.instance_id = format!("uuid:{k}");
                zip.submission(&layout, &s).unwrap();
            }
        }
        zip.finish().unwrap();
        let stats = dhat::HeapStats::get();
        // (No timing here: dhat's bookkeeping slows every allocation; see the benchmark.)
        println!(
            "{n:>6} households: peak heap {:.2} MiB above the start",
            (stats.max_bytes.saturating_sub(base.curr_bytes)) as f64 / 1048576.0
        );
        drop(Arc::clone(&form));
    }
    // A workbook streams the same way.
    for n in [1_000usize, 10_000] {
        let base = dhat::HeapStats::get();
        let layout = Layout::new(&form, "household", Options::default());
        let mut book = Xlsx::streaming(std::io::sink());
        for table in 0..layout.tables.len() {
            book.begin(&layout, table).unwrap();
            for k in 0..n {
                let mut s = templates[k % 4].clone();
                s.instance_id = format!("uuid:{k}");
                book.submission(&layout, &s).unwrap();
            }
        }
        book.finish().unwrap();
        let stats = dhat::HeapStats::get();
        println!(
            "{n:>6} households as XLSX: peak heap {:.2} MiB above the start",
            (stats.max_bytes.saturating_sub(base.curr_bytes)) as f64 / 1048576.0
        );
    }
}
