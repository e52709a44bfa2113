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

/// A `//` in an expression (the `xform_import` fuzz target's 1.7 KB file took 1.6 GB): the
/// bind's problem is named and the import ends. On a thread, so a hang fails the test.
#[test]
fn a_descendant_path_is_a_problem_not_a_hang() {
    let form = r#"<?xml version="1.0"?><h:html xmlns:h="http://www.w3.org/1999/xhtml"><h:head><model><instance><data id="f"><a/><c/></data></instance><bind nodeset="/data/a" type="int"/><bind nodeset="/data/c" type="string" calculate="concat('[', instance('x')//////data/a, ']')"/></model></h:head><h:body/></h:html>"#;
    let (send, receive) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let imported = import("f.xml", form.as_bytes()).unwrap();
        let messages: Vec<String> = imported.problems.into_iter().map(|p| p.message).collect();
        let _ = send.send(messages);
    });
    let messages = receive
        .recv_timeout(Duration::from_secs(20))
        .expect("the import hung");
    assert!(
        messages.iter().any(|m| m.contains("`//` (any descendant)")),
        "{messages:?}"
    );
}
