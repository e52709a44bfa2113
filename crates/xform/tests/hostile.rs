//! XForms as an attacker or bad luck would make them (issue 13): imported or refused in time
//! linear in their size, never a panic.

use std::time::{Duration, Instant};

use xonadon_xform::import;

/// `n` sibling questions, each relevant on a node that does not exist (a finding apiece).
fn wide_form(n: usize) -> String {
    let nodes: String = (0..n).map(|i| format!("<q{i}/>")).collect();
    let binds: String = (0..n)
        .map(|i| {
            format!(r#"<bind nodeset="/data/q{i}" type="int" relevant="/data/nope{i} &gt; 1"/>"#)
        })
        .collect();
    let body: String = (0..n)
        .map(|i| format!(r#"<input ref="/data/q{i}"><label>Q</label></input>"#))
        .collect();
    format!(
        r#"<?xml version="1.0"?><h:html xmlns:h="http://www.w3.org/1999/xhtml"><h:head><model><instance><data id="f">{nodes}</data></instance>{binds}</model></h:head><h:body>{body}</h:body></h:html>"#
    )
}

/// Siblings were told apart by searching the ones before, and each finding searched every
/// element's place: 50,000 questions took 17 s in a release build.
#[test]
fn fifty_thousand_questions_with_a_finding_each_import_in_linear_time() {
    let form = wide_form(50_000);
    let started = Instant::now();
    let imported = import("wide.xml", form.as_bytes()).unwrap();
    let took = started.elapsed();
    assert!(imported.errors() >= 50_000, "{}", imported.errors());
    assert_eq!(
        imported.problems[0].element.as_deref(),
        Some("/data/q0"),
        "{:?}",
        imported.problems[0]
    );
    assert!(took < Duration::from_secs(30), "{took:?}");
}
