//! Importing a large XLSForm (`big_form.rs`: 500 questions in groups and 3 repeats, 5
//! languages, 5,000 choices in 40 lists with a three-level cascade). Run:
//! `cargo bench -p xonadon-xlsform -- --warm-up-time 1 --measurement-time 5`.

use criterion::{criterion_group, criterion_main, Criterion};

#[path = "../tests/support/mod.rs"]
mod support;

#[path = "shared/big_form.rs"]
mod big_form;

fn import(c: &mut Criterion) {
    let book = big_form::workbook();
    let imported = xonadon_xlsform::import("big.xlsx", &book).expect("imported");
    assert_eq!(imported.errors(), 0, "{:#?}", imported.problems);
    let choices: usize = imported.definition.choices.values().map(Vec::len).sum();
    assert!(choices >= 5_000, "{choices} choices");
    assert!(imported.definition.choices.len() >= 40);
    xonadon_engine::load(&imported.json).expect("the engine loads it");
    let mut g = c.benchmark_group("import");
    g.sample_size(20);
    g.bench_function("XLSForm: 500 questions, 5 languages, 5,000 choices", |b| {
        b.iter(|| xonadon_xlsform::import("big.xlsx", &book).expect("imported"))
    });
    g.finish();
}

criterion_group!(benches, import);
criterion_main!(benches);
