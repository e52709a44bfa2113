//! Which elements read other instances of a repeat they are inside.
//!
//! Recomputation is scoped (see `instance::recompute`): a change inside one repeat instance
//! recomputes the readers in that same instance only. That is right for `${age}` next to
//! `age`, but not for an expression that climbs out of its repeat and comes back in
//! (`count(../../member[age > current()/../age])`: the members older than this one,
//! `/data/member[name = current()/../name]`, `count(${member})` inside `member`,
//! `indexed-repeat`): a change in member 3 changes what member 1 computes. Those elements
//! are marked here, and their nodes in every instance are recomputed.

use crate::expr::ast::Step;
use crate::expr::{ElemId, Expr, Func};
use crate::form::Element;

/// `reads[e]`: whether element `e`'s expressions may read another instance of one of its
/// enclosing repeats.
pub fn reads_other_instances(elements: &[Element]) -> Vec<bool> {
    elements
        .iter()
        .map(|e| {
            !e.repeats.is_empty()
                && e.value_expressions()
                    .chain(e.check_expressions())
                    .any(|ex| ex.any(&|x| crosses(x, e, elements)))
        })
        .collect()
}

/// Whether `at` is `repeat` or inside it (an element of one of its instances).
fn inside(at: ElemId, repeat: ElemId, elements: &[Element]) -> bool {
    let mut e = Some(at);
    while let Some(id) = e {
        if id == repeat {
            return true;
        }
        e = elements[id].parent;
    }
    false
}

/// Whether this one node of `e`'s expression reaches across instances of `e`'s repeats.
fn crosses(x: &Expr, e: &Element, elements: &[Element]) -> bool {
    let path_start = |base: &Expr| match base {
        Expr::Ref(r) => r.target,
        Expr::Current | Expr::Origin => Some(e.id),
        Expr::Parent => e.parent,
        Expr::Root => Some(0),
        _ => None,
    };
    match x {
        // `${member}` from inside `member`: every instance, this one among them.
        Expr::Ref(r) => r.target.is_some_and(|t| e.repeats.contains(&t)),
        Expr::Call(Func::IndexedRepeat, _) => true,
        Expr::Path(base, steps) => {
            let Some(mut at) = path_start(base) else {
                return false;
            };
            // The repeats the path has left so far; coming back into one crosses instances.
            let mut left: Vec<ElemId> = Vec::new();
            let visit = |at: ElemId, left: &mut Vec<ElemId>| {
                if left.iter().any(|&r| inside(at, r, elements)) {
                    return true;
                }
                for &r in &e.repeats {
                    if !inside(at, r, elements) && !left.contains(&r) {
                        left.push(r);
                    }
                }
                false
            };
            visit(at, &mut left);
            for step in steps {
                match step {
                    Step::Parent => match elements[at].parent {
                        Some(p) => at = p,
                        None => return false,
                    },
                    Step::Child(r) => match r.target {
                        Some(t) => at = t,
                        None => return false,
                    },
                    Step::Filter(_) => continue,
                }
                if visit(at, &mut left) {
                    return true;
                }
            }
            false
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use crate::load;

    /// The elements of a one-repeat form with `calculation`s `calcs` inside `member` (next to
    /// `age`), by whether each reads other members.
    fn marked(calcs: &[&str]) -> Vec<bool> {
        let children: Vec<String> = calcs
            .iter()
            .enumerate()
            .map(|(i, c)| format!(r#",{{"type":"calculate","name":"c{i}","calculation":"{c}"}}"#))
            .collect();
        let json = format!(
            r#"{{"settings":{{"form_id":"f","version":"1"}},"survey":[
              {{"type":"integer","name":"limit","label":"L"}},
              {{"type":"repeat","name":"member","label":"M","children":[
                {{"type":"integer","name":"age","label":"A"}}{}]}}]}}"#,
            children.concat()
        );
        let form = load(&json).expect("loads");
        let reads = super::reads_other_instances(&form.elements);
        (0..calcs.len())
            .map(|i| reads[form.by_name[&format!("c{i}")]])
            .collect()
    }

    #[test]
    fn paths_back_into_the_own_repeat_are_marked() {
        let cases = [
            ("${age} + ${limit}", false),
            ("../age * 2", false),
            ("current()/../age", false),
            ("count(../../member[age > current()/../age])", true),
            ("/data/member[2]/age", true),
            ("count(${member})", true),
            ("indexed-repeat(${age}, ${member}, 1)", true),
            ("count(${member}[age > ${limit}])", true),
            ("current()/../../limit", false),
        ];
        let calcs: Vec<&str> = cases.iter().map(|(c, _)| *c).collect();
        let want: Vec<bool> = cases.iter().map(|(_, w)| *w).collect();
        assert_eq!(marked(&calcs), want, "{calcs:?}");
    }
}
