//! Engine benchmarks on a generated form of 2,000 questions with a 50-member roster:
//! load, one answer change (incremental recompute), adding roster member #1 vs #200.
//! Run: `cargo bench -p xonadon-engine`; results are medians (criterion's estimate).

mod generated;

use std::hint::black_box;
use std::sync::Arc;
use std::time::{Duration, Instant};

use criterion::{criterion_group, criterion_main, Criterion};
use xonadon_engine::{load, FixedHost, Instance};

fn host() -> Arc<FixedHost> {
    Arc::new(FixedHost::new(1_768_469_400_000.0, 300))
}

/// An instance with `members` roster members, each with a name, sex and age.
fn with_members(json: &str, members: usize) -> Instance {
    let form = Arc::new(load(json).expect("generated form loads"));
    let mut inst = Instance::new(form, host());
    let roster = inst.find("/members").unwrap();
    inst.remove_repeat(roster, 1).unwrap();
    for i in 0..members {
        let m = inst.add_repeat(roster, None).unwrap();
        let path = inst.path(m);
        let age = (i * 7) % 80;
        for (q, v) in [
            ("m_name", format!("P{i}")),
            ("m_sex", if i % 2 == 0 { "f" } else { "m" }.into()),
            ("m_age", age.to_string()),
        ] {
            let n = inst.find(&format!("{path}/{q}")).unwrap();
            inst.set_value(n, &v).unwrap();
        }
    }
    inst
}

fn benches(c: &mut Criterion) {
    let json = generated::household_form(2000);
    let form = Arc::new(load(&json).expect("generated form loads"));

    c.bench_function(
        "load 2000 questions (parse + compile + new instance)",
        |b| {
            b.iter(|| {
                let form = Arc::new(load(black_box(&json)).unwrap());
                black_box(Instance::new(form, host()))
            })
        },
    );
    let _ = &form;

    let base = with_members(&json, 50);
    let q = base.find("/s10/s10_q1").unwrap();
    c.bench_function("answer change: integer with 3 dependents", |b| {
        let mut inst = base.clone();
        let mut v = 0;
        b.iter(|| {
            v = (v + 1) % 2;
            inst.set_value(q, if v == 0 { "5" } else { "50" }).unwrap();
        })
    });
    let gate = base.find("/s10/s10_q0").unwrap();
    c.bench_function("answer change: hides and shows the next section", |b| {
        let mut inst = base.clone();
        let mut v = 0;
        b.iter(|| {
            v = (v + 1) % 2;
            inst.set_value(gate, if v == 0 { "yes" } else { "no" })
                .unwrap();
        })
    });
    let age = base.find("/members[25]/m_age").unwrap();
    c.bench_function(
        "answer change: member age (roster relevance + aggregate)",
        |b| {
            let mut inst = base.clone();
            let mut v = 0;
            b.iter(|| {
                v = (v + 1) % 2;
                inst.set_value(age, if v == 0 { "10" } else { "40" })
                    .unwrap();
            })
        },
    );

    // Each iteration adds member #n and then removes it again, untimed, so every timed add
    // starts from the same roster of n - 1 members (as a field worker's next add does).
    let mut group = c.benchmark_group("add roster member");
    for n in [1usize, 200] {
        let mut inst = with_members(&json, n - 1);
        let roster = inst.find("/members").unwrap();
        group.bench_function(format!("#{n}"), |b| {
            b.iter_custom(|iters| {
                let mut timed = Duration::ZERO;
                for _ in 0..iters {
                    let start = Instant::now();
                    black_box(inst.add_repeat(roster, None).unwrap());
                    timed += start.elapsed();
                    inst.remove_repeat(roster, n).unwrap();
                }
                timed
            })
        });
    }
    group.finish();
}

criterion_group! {
    name = engine;
    config = Criterion::default().sample_size(30);
    targets = benches
}
criterion_main!(engine);
