//! Importing a large XLSForm (`big_form.rs`: 500 questions in groups and 3 repeats, 5
//! languages, 5,000 choices in 40 lists with a three-level cascade), and the realistic forms of
//! `tests/realistic.rs` (the largest alone, and all five in a row). Run:
//! `cargo bench -p xonadon-xlsform -- --warm-up-time 1 --measurement-time 5`.

use criterion::{criterion_group, criterion_main, Criterion};

#[path = "../tests/support/mod.rs"]
mod support;

#[path = "shared/big_form.rs"]
mod big_form;

// The realistic forms, as the test writes them; their scripts and expectations are not used
// here.
#[path = "../tests/realistic/mahalla.rs"]
mod mahalla;
#[path = "../tests/realistic/needs.rs"]
mod needs;
#[path = "../tests/realistic/nutrition.rs"]
mod nutrition;
#[path = "../tests/realistic/protection.rs"]
mod protection;
#[path = "../tests/realistic/refugee.rs"]
mod refugee;
#[allow(dead_code)]
#[path = "../tests/realistic/sheet.rs"]
mod sheet;

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

    let forms = [
        needs::form(),
        refugee::form(),
        protection::form(),
        mahalla::form(),
        nutrition::form(),
    ];
    let books: Vec<(String, Vec<u8>, usize)> = forms
        .iter()
        .map(|f| {
            let book = f.workbook();
            let file = format!("{}.xlsx", f.name);
            let imported = xonadon_xlsform::import(&file, &book).expect("imported");
            assert_eq!(imported.errors(), 0, "{}: {:#?}", f.name, imported.problems);
            (file, book, sheet::questions(f.survey()))
        })
        .collect();
    let (file, book, questions) = books.iter().max_by_key(|b| b.2).expect("five forms");
    g.bench_function(
        format!("realistic XLSForm: the largest ({file}, {questions} questions)"),
        |b| b.iter(|| xonadon_xlsform::import(file, book).expect("imported")),
    );
    let total: usize = books.iter().map(|b| b.2).sum();
    g.bench_function(
        format!("realistic XLSForms: all five ({total} questions)"),
        |b| {
            b.iter(|| {
                for (file, book, _) in &books {
                    xonadon_xlsform::import(file, book).expect("imported");
                }
            })
        },
    );
    g.finish();
}

criterion_group!(benches, import);
criterion_main!(benches);
