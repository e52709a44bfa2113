//! Exporting 10,000 submissions of the default household form (3–6 members each) to a CSV
//! ZIP, to XLSX and to a bundle. Run: `cargo bench -p xonadon-export`.
//! Peak memory: `cargo run --release -p xonadon-export --example export_memory`.

use std::io::Cursor;

use criterion::{criterion_group, criterion_main, Criterion};
use xonadon_export::bundle::{self, BundleForm, BundleSubmission};
use xonadon_export::csv_zip;
use xonadon_export::table::{Layout, Options};
use xonadon_storage::FormRecord;

mod household;

fn exports(c: &mut Criterion) {
    let form = household::form();
    let subs = household::submissions(&form, 10_000);
    let refs: Vec<_> = subs.iter().collect();
    let mut g = c.benchmark_group("export 10,000 households");
    g.sample_size(10);
    g.bench_function("CSV ZIP", |b| {
        b.iter(|| {
            let layout = Layout::new(&form, "household", Options::default());
            csv_zip::write(Cursor::new(Vec::new()), &[(layout, refs.clone())], &[]).unwrap()
        })
    });
    g.bench_function("CSV ZIP, labels in Russian", |b| {
        b.iter(|| {
            let options = Options {
                labels: Some("ru".into()),
            };
            let layout = Layout::new(&form, "household", options);
            csv_zip::write(Cursor::new(Vec::new()), &[(layout, refs.clone())], &[]).unwrap()
        })
    });
    let record = FormRecord {
        form_id: form.settings.form_id.clone(),
        version: form.settings.version.clone(),
        title: "Household".into(),
        json: household::form_json(),
        added_at_ms: 0.0,
    };
    let forms = [BundleForm::from_record(&record).unwrap()];
    let bundled: Vec<_> = subs
        .iter()
        .map(|s| BundleSubmission::new(s, Vec::new()))
        .collect();
    g.bench_function("bundle (JSON)", |b| {
        b.iter(|| bundle::write(&forms, &bundled, "tablet", 1.0).unwrap())
    });
    g.finish();
}

criterion_group!(benches, exports);
criterion_main!(benches);
