//! The XPath function library (XLSForm's and ODK's): each call evaluates its arguments
//! through [`eval`], and like the rest of the evaluator never fails.

use super::ast::{Expr, Func};
use super::datetime::{self, DateTime};
use super::digest;
use super::eval::{boolean, eval, node_texts, nodes, number, string, to_datetime, Env};
use super::geo;
use super::value::{str_to_number, NodeId, Value};

fn arg_str(args: &[Expr], i: usize, env: &dyn Env) -> String {
    args.get(i)
        .map(|a| string(&eval(a, env), env))
        .unwrap_or_default()
}

fn arg_num(args: &[Expr], i: usize, env: &dyn Env) -> f64 {
    args.get(i).map_or(f64::NAN, |a| number(&eval(a, env), env))
}

/// The context node's value, for functions whose argument may be omitted.
fn arg_str_or_context(args: &[Expr], env: &dyn Env) -> String {
    if args.is_empty() {
        env.context()
            .map(|c| env.value(c).to_string())
            .unwrap_or_default()
    } else {
        arg_str(args, 0, env)
    }
}

/// Every number in the arguments, expanding node-sets (for `min`, `max`).
fn all_numbers(args: &[Expr], env: &dyn Env) -> Vec<f64> {
    let mut out = Vec::new();
    for a in args {
        let v = eval(a, env);
        match node_texts(&v, env) {
            Some(texts) => out.extend(texts.iter().map(|s| str_to_number(s))),
            None => out.push(number(&v, env)),
        }
    }
    out
}

fn round_half_away(x: f64, digits: f64) -> f64 {
    if digits.is_nan() || digits == 0.0 {
        return x.round();
    }
    let factor = 10f64.powi(digits as i32);
    (x * factor).round() / factor
}

pub(super) fn call(f: Func, args: &[Expr], env: &dyn Env) -> Value {
    use Value::{Bool, Num, Str};
    match f {
        Func::If => {
            if boolean(&eval(&args[0], env)) {
                eval(&args[1], env)
            } else {
                eval(&args[2], env)
            }
        }
        // JavaRosa: the first non-empty argument's value as it is (a boolean stays a
        // boolean, so `coalesce(selected(…), 0) or …` reads false as false).
        Func::Coalesce => {
            let a = unpack(eval(&args[0], env), env);
            if string(&a, env).is_empty() {
                unpack(eval(&args[1], env), env)
            } else {
                a
            }
        }
        // The ODK XForms spec: every node of a node-set argument, not only the first.
        Func::Concat => Str(all_strings(args, env).concat()),
        Func::Selected => {
            let wanted = arg_str(args, 1, env);
            let wanted = wanted.trim();
            Bool(
                arg_str(args, 0, env)
                    .split_whitespace()
                    .any(|s| s == wanted),
            )
        }
        Func::CountSelected => Num(arg_str(args, 0, env).split_whitespace().count() as f64),
        Func::SelectedAt => {
            let i = arg_num(args, 1, env);
            let list = arg_str(args, 0, env);
            Str(if i >= 0.0 {
                list.split_whitespace()
                    .nth(i as usize)
                    .unwrap_or_default()
                    .to_string()
            } else {
                String::new()
            })
        }
        Func::ChoiceName => {
            let choice = arg_str(args, 0, env);
            let label = nodes(eval(&args[1], env))
                .first()
                .and_then(|&n| env.choice_label(n, choice.trim()));
            Str(label.unwrap_or_default())
        }
        Func::Pulldata => {
            let [list, column, key_column, key] = [0, 1, 2, 3].map(|i| arg_str(args, i, env));
            Str(env
                .lookup(list.trim(), column.trim(), key_column.trim(), &key)
                .unwrap_or_default())
        }
        Func::Count => Num(match eval(&args[0], env) {
            Value::Items(items) => items.len() as f64,
            v => nodes(v).len() as f64,
        }),
        Func::Sum => {
            // ODK: the sum of no nodes is NaN (blank), not 0.
            let texts = node_texts(&eval(&args[0], env), env).unwrap_or_default();
            if texts.is_empty() {
                return Num(f64::NAN);
            }
            Num(texts.iter().map(|s| str_to_number(s)).sum())
        }
        Func::Min | Func::Max => {
            let xs = all_numbers(args, env);
            if xs.is_empty() || xs.iter().any(|x| x.is_nan()) {
                return Num(f64::NAN);
            }
            let pick = if f == Func::Min { f64::min } else { f64::max };
            Num(xs.into_iter().reduce(pick).unwrap_or(f64::NAN))
        }
        Func::Position => {
            if let (true, Some(p)) = (args.is_empty(), env.item_position()) {
                return Num(p as f64);
            }
            let node = if args.is_empty() {
                env.context()
            } else {
                nodes(eval(&args[0], env)).first().copied()
            };
            Num(node.map_or(f64::NAN, |n| env.position(n) as f64))
        }
        Func::IndexedRepeat => indexed_repeat(args, env),
        Func::StringLength => Num(arg_str_or_context(args, env).chars().count() as f64),
        Func::Substr => {
            let s: Vec<char> = arg_str(args, 0, env).chars().collect();
            let len = s.len() as f64;
            let clamp = |x: f64| if x.is_nan() { 0.0 } else { x.clamp(0.0, len) };
            let start = clamp(arg_num(args, 1, env));
            let end = if args.len() > 2 {
                clamp(arg_num(args, 2, env))
            } else {
                len
            };
            Str(if start < end {
                s[start as usize..end as usize].iter().collect()
            } else {
                String::new()
            })
        }
        Func::Substring => {
            // XPath 1.0: 1-based start, length, both rounded.
            let s: Vec<char> = arg_str(args, 0, env).chars().collect();
            let start = arg_num(args, 1, env).round();
            let end = if args.len() > 2 {
                start + arg_num(args, 2, env).round()
            } else {
                f64::INFINITY
            };
            Str(s
                .iter()
                .enumerate()
                .filter(|(i, _)| {
                    let p = (*i + 1) as f64;
                    p >= start && p < end
                })
                .map(|(_, c)| c)
                .collect())
        }
        Func::Contains => Bool(arg_str(args, 0, env).contains(&arg_str(args, 1, env))),
        Func::StartsWith => Bool(arg_str(args, 0, env).starts_with(&arg_str(args, 1, env))),
        Func::EndsWith => Bool(arg_str(args, 0, env).ends_with(&arg_str(args, 1, env))),
        Func::Regex => {
            let s = arg_str(args, 0, env);
            let pattern = arg_str(args, 1, env);
            Bool(
                regex_lite::Regex::new(&pattern)
                    .map(|r| r.is_match(&s))
                    .unwrap_or(false),
            )
        }
        Func::Number => {
            if args.is_empty() {
                Num(str_to_number(&arg_str_or_context(args, env)))
            } else {
                Num(arg_num(args, 0, env))
            }
        }
        Func::Int => Num(arg_num(args, 0, env).trunc()),
        Func::Round => Num(round_half_away(
            arg_num(args, 0, env),
            if args.len() > 1 {
                arg_num(args, 1, env)
            } else {
                0.0
            },
        )),
        Func::String => Str(if args.is_empty() {
            arg_str_or_context(args, env)
        } else {
            arg_str(args, 0, env)
        }),
        Func::Boolean => Bool(boolean(&eval(&args[0], env))),
        Func::Not => Bool(!boolean(&eval(&args[0], env))),
        Func::True => Bool(true),
        Func::False => Bool(false),
        Func::Today | Func::Now => {
            let (utc_ms, offset) = env.now();
            let local_ms = utc_ms + offset as f64 * 60_000.0;
            let today = f == Func::Today;
            let local_ms = if today {
                (local_ms / 86_400_000.0).floor() * 86_400_000.0
            } else {
                local_ms
            };
            Value::Date(
                DateTime {
                    local_ms,
                    offset_minutes: offset,
                },
                today,
            )
        }
        Func::Date | Func::DateTime => match to_datetime(&eval(&args[0], env), env) {
            Some((dt, date_only)) => Value::Date(dt, date_only),
            None => Num(f64::NAN),
        },
        Func::FormatDate | Func::FormatDateTime => match to_datetime(&eval(&args[0], env), env) {
            Some((dt, _)) => Str(datetime::format(&dt, &arg_str(args, 1, env))),
            None => Str(String::new()),
        },
        Func::DecimalDateTime => Num(to_datetime(&eval(&args[0], env), env)
            .map_or(f64::NAN, |(dt, date_only)| dt.number(date_only))),
        Func::Once => {
            let previous = env.previous_value();
            if previous.is_empty() {
                eval(&args[0], env)
            } else {
                Str(previous.to_string())
            }
        }
        Func::Uuid => {
            if args.is_empty() {
                Str(env.uuid())
            } else {
                let n = arg_num(args, 0, env);
                let n = if n.is_finite() && n > 0.0 {
                    n as usize
                } else {
                    0
                };
                let mut s = String::new();
                while s.len() < n {
                    s.extend(env.uuid().chars().filter(|c| *c != '-'));
                }
                s.truncate(n);
                Str(s)
            }
        }
        Func::Join => {
            let sep = arg_str(args, 0, env);
            let mut parts = Vec::new();
            for a in &args[1..] {
                let v = eval(a, env);
                match node_texts(&v, env) {
                    Some(texts) => parts.extend(texts),
                    None => parts.push(string(&v, env)),
                }
            }
            Str(parts.join(&sep))
        }
        Func::Pow => Num(arg_num(args, 0, env).powf(arg_num(args, 1, env))),
        Func::Abs => Num(arg_num(args, 0, env).abs()),
        Func::Floor => Num(arg_num(args, 0, env).floor()),
        Func::Ceiling => Num(arg_num(args, 0, env).ceil()),
        Func::NormalizeSpace => Str(arg_str_or_context(args, env)
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")),
        Func::Translate => {
            let from: Vec<char> = arg_str(args, 1, env).chars().collect();
            let to: Vec<char> = arg_str(args, 2, env).chars().collect();
            Str(arg_str(args, 0, env)
                .chars()
                .filter_map(|c| match from.iter().position(|&f| f == c) {
                    Some(i) => to.get(i).copied(),
                    None => Some(c),
                })
                .collect())
        }
        // Turned into `Expr::Origin` by the parser.
        Func::Current => Value::Nodes(env.origin().into_iter().collect()),
        Func::SubstringBefore => {
            let s = arg_str(args, 0, env);
            let needle = arg_str(args, 1, env);
            Str(s
                .find(&needle)
                .map(|i| s[..i].to_string())
                .unwrap_or_default())
        }
        Func::SubstringAfter => {
            let s = arg_str(args, 0, env);
            let needle = arg_str(args, 1, env);
            Str(s
                .find(&needle)
                .map(|i| s[i + needle.len()..].to_string())
                .unwrap_or_default())
        }
        Func::BooleanFromString => {
            let s = arg_str(args, 0, env);
            Bool(s == "true" || s == "1")
        }
        Func::Checklist | Func::WeightedChecklist => Bool(checklist(f, args, env)),
        Func::CountNonEmpty => Num(node_texts(&eval(&args[0], env), env)
            .unwrap_or_default()
            .iter()
            .filter(|s| !s.is_empty())
            .count() as f64),
        Func::Randomize => {
            let mut ns = nodes(eval(&args[0], env));
            let seed = args.get(1).map(|a| match eval(a, env) {
                v @ (Value::Nodes(_) | Value::Str(_)) => {
                    let s = string(&v, env);
                    let n = str_to_number(&s);
                    match (n.is_nan(), s.is_empty()) {
                        (false, _) => Seed::Number(n),
                        (true, true) => Seed::Number(0.0),
                        (true, false) => Seed::Text(digest::seed_of_text(&s)),
                    }
                }
                v => Seed::Number(number(&v, env)),
            });
            shuffle(&mut ns, seed, env);
            Value::Nodes(ns)
        }
        Func::Random => Num(env.random()),
        Func::Sqrt => Num(arg_num(args, 0, env).sqrt()),
        Func::Exp => Num(arg_num(args, 0, env).exp()),
        Func::Exp10 => Num(10f64.powf(arg_num(args, 0, env))),
        Func::Log => Num(arg_num(args, 0, env).ln()),
        Func::Log10 => Num(arg_num(args, 0, env).log10()),
        Func::Sin => Num(arg_num(args, 0, env).sin()),
        Func::Cos => Num(arg_num(args, 0, env).cos()),
        Func::Tan => Num(arg_num(args, 0, env).tan()),
        Func::Asin => Num(arg_num(args, 0, env).asin()),
        Func::Acos => Num(arg_num(args, 0, env).acos()),
        Func::Atan => Num(arg_num(args, 0, env).atan()),
        Func::Atan2 => Num(arg_num(args, 0, env).atan2(arg_num(args, 1, env))),
        Func::Pi => Num(std::f64::consts::PI),
        Func::DecimalTime => Num(decimal_time(&arg_str(args, 0, env), env)),
        Func::Itext => Str(env.itext(&arg_str(args, 0, env)).unwrap_or_default()),
        Func::Area | Func::EnclosedArea => Num(geo::area(&all_strings(args, env))),
        Func::Distance => Num(geo::distance(&all_strings(args, env))),
        Func::Geofence => {
            let values = all_strings(args, env);
            match values.as_slice() {
                [p, shape, ..] => Bool(geo::geofence(p, shape)),
                _ => Bool(false),
            }
        }
        Func::Digest => {
            let encoding = if args.len() > 2 {
                arg_str(args, 2, env)
            } else {
                "base64".into()
            };
            Str(
                digest::digest(&arg_str(args, 0, env), &arg_str(args, 1, env), &encoding)
                    .unwrap_or_default(),
            )
        }
        Func::Base64Decode => {
            Str(digest::base64_decode(&arg_str(args, 0, env)).unwrap_or_default())
        }
        Func::Name | Func::LocalName => {
            let node = match args.first() {
                None => env.context(),
                Some(a) => nodes(eval(a, env)).first().copied(),
            };
            Str(node.map(|n| env.node_name(n)).unwrap_or_default())
        }
    }
}

/// A node-set as the value of its first node (what JavaRosa hands a function); other values
/// as they are.
fn unpack(v: Value, env: &dyn Env) -> Value {
    match v {
        Value::Nodes(_) | Value::Items(_) => Value::Str(string(&v, env)),
        v => v,
    }
}

/// Every argument as strings, a node-set as one string per node (`area`, `distance`, …).
fn all_strings(args: &[Expr], env: &dyn Env) -> Vec<String> {
    let mut out = Vec::new();
    for a in args {
        let v = eval(a, env);
        match node_texts(&v, env) {
            Some(texts) => out.extend(texts),
            None => out.push(string(&v, env)),
        }
    }
    out
}

/// Each value of an argument: the nodes of a node-set, or the value itself.
fn each_value(v: Value, env: &dyn Env) -> Vec<Value> {
    match node_texts(&v, env) {
        Some(texts) => texts.into_iter().map(Value::Str).collect(),
        None => vec![v],
    }
}

/// `checklist(min, max, v…)`: how many `v` are true lies within [min, max] (-1: no bound);
/// `weighted-checklist(min, max, v, w, …)`: the same with each true `v` counting `w`.
fn checklist(f: Func, args: &[Expr], env: &dyn Env) -> bool {
    let min = arg_num(args, 0, env);
    let mut max = arg_num(args, 1, env);
    if max == -1.0 {
        if min < 1.0 {
            return true;
        }
        max = f64::INFINITY;
    }
    let mut satisfied = 0.0;
    if f == Func::Checklist {
        for a in &args[2..] {
            for v in each_value(eval(a, env), env) {
                if boolean(&v) {
                    satisfied += 1.0;
                    if satisfied > max {
                        return false;
                    }
                }
            }
        }
    } else {
        for pair in args[2..].chunks(2) {
            let [v, w] = pair else {
                return false;
            };
            let results = each_value(eval(v, env), env);
            let weights = each_value(eval(w, env), env);
            for (j, weight) in weights.iter().enumerate() {
                let Some(result) = results.get(j) else {
                    return false;
                };
                if boolean(result) {
                    satisfied += number(weight, env);
                    if satisfied > max {
                        return false;
                    }
                }
            }
        }
    }
    satisfied >= min
}

enum Seed {
    Number(f64),
    /// A text seed, hashed (see [`digest::seed_of_text`]).
    Text(i64),
}

const MAX_INT_32: f64 = 2_147_483_647.0;

/// `randomize`'s shuffle: the "inside-out" Fisher-Yates of the ODK XForms spec, with the
/// host's randomness or, given a seed, JavaRosa's Park-Miller generator (so a seed gives the
/// order Collect and Web Forms give).
fn shuffle(nodes: &mut Vec<NodeId>, seed: Option<Seed>, env: &dyn Env) {
    let mut state = seed.map(|seed| {
        let initial = match seed {
            // Java's double → long: NaN is 0, fractions truncated.
            Seed::Number(n) if n.is_nan() => 0.0,
            Seed::Number(n) if n.is_infinite() => {
                let long = if n > 0.0 { i64::MAX } else { i64::MIN };
                (long % MAX_INT_32 as i64) as f64
            }
            Seed::Number(n) => n.trunc() % MAX_INT_32,
            Seed::Text(t) => (t % MAX_INT_32 as i64) as f64,
        };
        if initial <= 0.0 {
            initial + MAX_INT_32 - 1.0
        } else {
            initial
        }
    });
    let mut next = || match state.as_mut() {
        Some(s) => {
            *s = (*s * 16_807.0) % MAX_INT_32;
            (*s - 1.0) / (MAX_INT_32 - 1.0)
        }
        None => env.random(),
    };
    let mut out: Vec<NodeId> = Vec::with_capacity(nodes.len());
    for (i, &node) in nodes.iter().enumerate() {
        let j = ((next() * (i + 1) as f64).floor() as usize).min(i);
        if j == i {
            out.push(node);
        } else {
            out.push(out[j]);
            out[j] = node;
        }
    }
    *nodes = out;
}

/// `decimal-time('hh:mm[:ss][offset]')`: the time of day as a fraction of a day, in the
/// device's time zone (a time with an offset is first moved into it).
fn decimal_time(s: &str, env: &dyn Env) -> f64 {
    let Some((ms, offset)) = datetime::parse_time(s.trim()) else {
        return f64::NAN;
    };
    let local = match offset {
        Some(o) => ms + f64::from(env.now().1 - o) * 60_000.0,
        None => ms,
    };
    local.rem_euclid(86_400_000.0) / 86_400_000.0
}

/// `indexed-repeat(${q}, ${rep}, i [, ${inner}, j ...])`: `${q}` in instance `i` of `${rep}`.
fn indexed_repeat(args: &[Expr], env: &dyn Env) -> Value {
    let target = match &args[0] {
        Expr::Ref(r) => r.target,
        _ => None,
    };
    let mut scope: Option<NodeId> = None;
    for pair in args[1..].chunks(2) {
        let [repeat, index] = pair else {
            return Value::Nodes(Vec::new());
        };
        let Expr::Ref(r) = repeat else {
            return Value::Nodes(Vec::new());
        };
        let Some(rep) = r.target else {
            return Value::Nodes(Vec::new());
        };
        let instances = match scope {
            None => env.resolve(rep),
            Some(node) => env.descend(node, rep),
        };
        let i = number(&eval(index, env), env);
        if i.is_nan() || i < 1.0 {
            return Value::Nodes(Vec::new());
        }
        match instances.get(i as usize - 1) {
            Some(&inst) => scope = Some(inst),
            None => return Value::Nodes(Vec::new()),
        }
    }
    match (scope, target) {
        (Some(inst), Some(t)) => Value::Nodes(env.descend(inst, t).into_iter().take(1).collect()),
        _ => Value::Nodes(Vec::new()),
    }
}
