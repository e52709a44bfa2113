//! "Never panics on any input", checked on every `cargo test` with deterministic random input
//! (the coverage-guided fuzz targets in `fuzz/` go further; see docs/fuzzing.md).

use std::sync::Arc;

use xonadon_engine::expr::{parse, Context};
use xonadon_engine::{check, load, FixedHost, Instance};

/// xorshift64*: small, deterministic, good enough to shuffle test input.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
}

const TOKENS: &[&str] = &[
    "${a}",
    "${b}",
    "${r}",
    "${zz}",
    ".",
    "..",
    "(",
    ")",
    ",",
    "+",
    "-",
    "*",
    "div",
    "mod",
    "=",
    "!=",
    "<",
    "<=",
    ">",
    ">=",
    "and",
    "or",
    "|",
    "'x'",
    "\"y\"",
    "'",
    "1",
    "0",
    "2.5",
    ".5",
    "1e3",
    "if(",
    "count(",
    "sum(",
    "concat(",
    "selected(",
    "position(",
    "indexed-repeat(",
    "regex(",
    "'[a-'",
    "'^a+$'",
    "date(",
    "format-date(",
    "'%Y-%m'",
    "today()",
    "once(",
    "uuid(",
    "substr(",
    "round(",
    "jr:choice-name(",
    "'${b}'",
    "min(",
    "max(",
    "join(",
    "pow(",
    "not(",
    "true()",
    "false()",
    "number(",
    "int(",
    "string-length(",
    "region",
    "${",
    "}",
    "$",
    "@",
    "é",
    "ў",
    " ",
    "decimal-date-time(",
    "coalesce(",
    "count-selected(",
    "selected-at(",
];

/// A syntactically plausible expression: what a designer might write, give or take.
fn grammar(rng: &mut Rng, depth: usize) -> String {
    const LEAVES: &[&str] = &[
        "${a}", "${b}", "${c}", "${r}", "${d}", ".", "3", "'x'", "''", "-1.5", "today()", "true()",
    ];
    const BINOPS: &[&str] = &[
        "+", "-", "*", "div", "mod", "=", "!=", "<", ">=", "and", "or", "|",
    ];
    const CALLS: &[(&str, usize)] = &[
        ("if", 3),
        ("coalesce", 2),
        ("concat", 3),
        ("selected", 2),
        ("count-selected", 1),
        ("selected-at", 2),
        ("count", 1),
        ("sum", 1),
        ("min", 2),
        ("max", 1),
        ("position", 1),
        ("indexed-repeat", 3),
        ("string-length", 1),
        ("substr", 3),
        ("contains", 2),
        ("regex", 2),
        ("number", 1),
        ("int", 1),
        ("round", 2),
        ("string", 1),
        ("boolean", 1),
        ("not", 1),
        ("date", 1),
        ("format-date", 2),
        ("decimal-date-time", 1),
        ("once", 1),
        ("join", 2),
        ("pow", 2),
        ("abs", 1),
        ("jr:choice-name", 2),
        ("uuid", 1),
    ];
    if depth == 0 || rng.below(3) == 0 {
        return rng.pick(LEAVES).to_string();
    }
    match rng.below(3) {
        0 => format!(
            "({} {} {})",
            grammar(rng, depth - 1),
            rng.pick(BINOPS),
            grammar(rng, depth - 1)
        ),
        1 => format!("-{}", grammar(rng, depth - 1)),
        _ => {
            let (name, arity) = CALLS[rng.below(CALLS.len())];
            let args: Vec<String> = (0..arity).map(|_| grammar(rng, depth - 1)).collect();
            format!("{name}({})", args.join(", "))
        }
    }
}

fn soup(rng: &mut Rng) -> String {
    let len = rng.below(14);
    (0..len)
        .map(|_| rng.pick(TOKENS))
        .collect::<Vec<_>>()
        .join(" ")
}

#[test]
fn expression_parser_never_panics() {
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    for _ in 0..20_000 {
        let s = soup(&mut rng);
        let _ = parse(&s, Context::Normal);
        let _ = parse(&s, Context::ChoiceFilter);
    }
    // Deep nesting is refused, not a stack overflow.
    let deep = "(".repeat(10_000) + "1" + &")".repeat(10_000);
    assert!(parse(&deep, Context::Normal).is_err());
    let negs = "-".repeat(10_000) + "1";
    assert!(parse(&negs, Context::Normal).is_err());
}

/// A flat chain (`1 + 1 + …`) is a tree as deep as it is long: a long one is refused with a
/// message saying what to do, not a stack overflow that would break every page loading it
/// (the CLI aborted at 10,000 terms). A long realistic one still evaluates.
#[test]
fn long_chains_are_refused_not_overflowed() {
    for op in ["+", "-", "*", "div", "mod", "and", "or", "=", "<", "|"] {
        let chain = vec!["1"; 10_001].join(&format!(" {op} "));
        let error = parse(&chain, Context::Normal).unwrap_err();
        assert!(
            error.message.contains("more than 1000 operators: split it"),
            "{op}: {error:?}"
        );
        let diagnostics = xonadon_engine::check(&small_form(&chain));
        assert!(
            diagnostics.iter().any(|d| d.message.contains("split it")),
            "{op}: {diagnostics:?}"
        );
    }
    let sum = vec!["${a}"; 1_000].join(" + ");
    let form = Arc::new(load(&small_form(&sum)).expect("a sum of 1,000 terms loads"));
    let mut inst = Instance::new(form, Arc::new(FixedHost::new(0.0, 0)));
    let a = inst.find("/a").unwrap();
    inst.set_value(a, "2").unwrap();
    let d = inst.find("/d").unwrap();
    assert_eq!(inst.node(d).value, "2000");
}

fn small_form(expr: &str) -> String {
    serde_json::json!({
        "settings": {"form_id": "f"},
        "survey": [
            {"type": "integer", "name": "a", "label": "A"},
            {"type": "repeat", "name": "r", "label": "R", "children": [
                {"type": "select_multiple l", "name": "b", "label": "B", "relevant": expr},
                {"type": "calculate", "name": "c", "calculation": expr}
            ]},
            {"type": "calculate", "name": "d", "calculation": expr},
            {"type": "text", "name": "t", "label": "T", "constraint": expr},
            {"type": "repeat", "name": "counted", "label": "C", "repeat_count": expr, "children": [
                {"type": "text", "name": "e", "label": "E"}
            ]}
        ],
        "choices": {"l": [{"name": "x", "label": "X"}, {"name": "y", "label": "Y"}]}
    })
    .to_string()
}

#[test]
fn evaluation_never_panics() {
    let mut rng = Rng(42);
    let mut loaded = 0;
    for i in 0..3_000 {
        let expr = if i % 4 == 0 {
            soup(&mut rng)
        } else {
            grammar(&mut rng, 4)
        };
        let Ok(form) = load(&small_form(&expr)) else {
            continue;
        };
        loaded += 1;
        let mut inst = Instance::new(Arc::new(form), Arc::new(FixedHost::new(0.0, 300)));
        for (path, value) in [("/a", "3"), ("/r[1]/b", "y x"), ("/a", "40"), ("/t", "é")] {
            if let Ok(n) = inst.find(path) {
                let _ = inst.set_value(n, value);
            }
        }
        if let Ok(r) = inst.find("/r") {
            let _ = inst.add_repeat(r, Some(1));
            let _ = inst.remove_repeat(r, 1);
        }
        let _ = inst.state_json();
        let _ = inst.violations();
    }
    assert!(
        loaded > 100,
        "too few generated forms loaded ({loaded}) to mean anything"
    );
}

#[test]
fn damaged_forms_never_panic() {
    let original = std::fs::read(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../forms/household.json"
    ))
    .expect("forms/household.json");
    let mut rng = Rng(7);
    for _ in 0..300 {
        let mut bytes = original.clone();
        match rng.below(3) {
            0 => bytes.truncate(rng.below(bytes.len())),
            1 => {
                for _ in 0..1 + rng.below(8) {
                    let i = rng.below(bytes.len());
                    bytes[i] = b"{}[]\",:$0a. "[rng.below(12)];
                }
            }
            _ => {
                let i = rng.below(bytes.len());
                let j = (i + rng.below(400)).min(bytes.len());
                bytes.drain(i..j);
            }
        }
        let text = String::from_utf8_lossy(&bytes);
        let _ = check(&text);
    }
}

#[test]
fn bad_paths_and_values_are_errors_not_panics() {
    let form = load(&small_form("true()")).expect("loads");
    let mut inst = Instance::new(Arc::new(form), Arc::new(FixedHost::new(0.0, 0)));
    for path in [
        "", "/", "/nope", "/r[0]/b", "/r[9]/b", "/r[x]/b", "/a[1]", "/r/b/c", "//a",
    ] {
        let _ = inst.find(path);
    }
    assert!(inst.find("/r[9]/b").is_err());
    let d = inst.find("/d").expect("calculate exists");
    assert!(
        inst.set_value(d, "1").is_err(),
        "a calculate is not answerable"
    );
    let counted = inst.find("/counted").expect("repeat exists");
    assert!(
        inst.add_repeat(counted, None).is_err(),
        "counted repeats are not added by hand"
    );
    assert!(inst.set_language("xx").is_err());
}

/// A syntax error in a huge expression quotes the part around the error, not all of it, and
/// is the cell's only error.
#[test]
fn a_long_expression_is_quoted_around_its_error() {
    let long = vec!["${a}"; 500].join(" + ") + " + + 1";
    let diagnostics = check(&small_form(&long));
    let at_d: Vec<_> = diagnostics
        .iter()
        .filter(|d| d.path == "$.survey[2].calculation")
        .collect();
    assert_eq!(at_d.len(), 1, "{at_d:?}");
    let message = &at_d[0].message;
    assert!(message.len() < 400, "{message}");
    assert!(
        message.contains("(in `…") && message.contains("+ + 1`)"),
        "{message}"
    );
}
