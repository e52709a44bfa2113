//! The importer on small XForms, as data: each case a model and a body, and what the element
//! `q` becomes (its JSON), or the problem named.

use serde_json::Value as Json;

fn xform(instance: &str, binds: &str, body: &str) -> String {
    format!(
        r#"<?xml version="1.0"?>
<h:html xmlns="http://www.w3.org/2002/xforms" xmlns:h="http://www.w3.org/1999/xhtml" xmlns:jr="http://openrosa.org/javarosa" xmlns:odk="http://www.opendatakit.org/xforms">
<h:head><h:title>T</h:title><model><instance><data id="t">{instance}<meta><instanceID/></meta></data></instance>{binds}</model></h:head>
<h:body>{body}</h:body></h:html>"#
    )
}

/// The first survey element of the import, as JSON.
fn first(instance: &str, binds: &str, body: &str) -> Json {
    let imported = xonadon_xform::import("t.xml", xform(instance, binds, body).as_bytes()).unwrap();
    assert_eq!(imported.errors(), 0, "{:?}", imported.problems);
    serde_json::to_value(&imported.definition.survey[0]).unwrap()
}

#[test]
fn types_from_bind_and_control() {
    let cases = [
        (
            r#"<bind nodeset="/data/q" type="int"/>"#,
            r#"<input ref="/data/q"/>"#,
            "integer",
        ),
        (
            r#"<bind nodeset="/data/q" type="dateTime"/>"#,
            r#"<input ref="/data/q"/>"#,
            "datetime",
        ),
        (
            r#"<bind nodeset="/data/q" type="geoshape"/>"#,
            r#"<input ref="/data/q"/>"#,
            "geoshape",
        ),
        (
            r#"<bind nodeset="/data/q" type="barcode"/>"#,
            r#"<input ref="/data/q"/>"#,
            "barcode",
        ),
        (
            r#"<bind nodeset="/data/q" type="string" readonly="true()"/>"#,
            r#"<input ref="/data/q"/>"#,
            "note",
        ),
        (
            r#"<bind nodeset="/data/q" type="binary"/>"#,
            r#"<upload ref="/data/q" mediatype="image/*"/>"#,
            "image",
        ),
        (
            r#"<bind nodeset="/data/q" type="binary"/>"#,
            r#"<upload ref="/data/q" mediatype="audio/*"/>"#,
            "audio",
        ),
        (
            r#"<bind nodeset="/data/q" type="binary"/>"#,
            r#"<upload ref="/data/q" mediatype="application/*"/>"#,
            "file",
        ),
        (
            r#"<bind nodeset="/data/q" type="string"/>"#,
            r#"<trigger ref="/data/q"/>"#,
            "acknowledge",
        ),
        (
            r#"<bind nodeset="/data/q" type="string" calculate="1 + 1"/>"#,
            "",
            "calculate",
        ),
        ("", "", "hidden"),
        (
            r#"<bind nodeset="/data/q" type="dateTime" jr:preload="timestamp" jr:preloadParams="start"/>"#,
            "",
            "start",
        ),
        (
            r#"<bind nodeset="/data/q" type="date" jr:preload="date" jr:preloadParams="today"/>"#,
            "",
            "today",
        ),
        (
            r#"<bind nodeset="/data/q" type="string" jr:preload="property" jr:preloadParams="username"/>"#,
            "",
            "username",
        ),
        (
            r#"<bind nodeset="/data/q" type="odk:rank"/>"#,
            r#"<odk:rank ref="/data/q"><item><label>A</label><value>a</value></item></odk:rank>"#,
            "rank q",
        ),
        (
            r#"<bind nodeset="/data/q" type="string"/>"#,
            r#"<select ref="/data/q"><item><label>A</label><value>a</value></item></select>"#,
            "select_multiple q",
        ),
    ];
    for (binds, body, kind) in cases {
        let q = first("<q/>", binds, body);
        assert_eq!(q["type"], kind, "{binds} {body}");
    }
}

#[test]
fn ranges_defaults_triggers_and_repeats() {
    let q = first(
        "<q>5</q>",
        r#"<bind nodeset="/data/q" type="int"/>"#,
        r#"<range ref="/data/q" start="0" end="10" step="2" appearance="rating"/>"#,
    );
    assert_eq!(q["parameters"], "start=0 end=10 step=2");
    assert_eq!(q["default"], "5");
    assert_eq!(q["appearance"], "rating");

    let imported = xonadon_xform::import(
        "t.xml",
        xform(
            "<a/><q/><r jr:template=\"\"><x/></r>",
            r#"<bind nodeset="/data/a" type="int"/><bind nodeset="/data/q" type="string"/>
               <setvalue ref="/data/q" event="odk-instance-first-load" value="'hello'"/>"#,
            r#"<input ref="/data/a"><setvalue ref="/data/q" event="xforms-value-changed" value="concat('a=', /data/a)"/></input>
               <input ref="/data/q"/>
               <group ref="/data/r"><repeat nodeset="/data/r" jr:count="/data/a"><input ref="/data/r/x"/></repeat></group>"#,
        )
        .as_bytes(),
    )
    .unwrap();
    let survey = serde_json::to_value(&imported.definition.survey).unwrap();
    assert_eq!(survey[1]["default"], "hello");
    assert_eq!(survey[1]["trigger"], "${a}");
    assert_eq!(survey[1]["calculation"], "concat('a=', ${a})");
    assert_eq!(survey[2]["type"], "repeat");
    assert_eq!(survey[2]["repeat_count"], "${a}");
    assert_eq!(survey[2]["children"][0]["name"], "x");
}

#[test]
fn problems_name_the_element_and_attribute() {
    let imported = xonadon_xform::import(
        "t.xml",
        xform(
            "<q/>",
            r#"<bind nodeset="/data/q" type="frobnicate"/><bind nodeset="/data/gone" type="int"/>"#,
            r#"<input ref="/data/q"/>"#,
        )
        .as_bytes(),
    )
    .unwrap();
    let shown: Vec<String> = imported.problems.iter().map(|p| p.to_string()).collect();
    assert!(
        shown
            .iter()
            .any(|p| p.contains("/data/q, attribute `type`: unknown type `frobnicate`")),
        "{shown:?}"
    );
    assert!(
        shown
            .iter()
            .any(|p| p.contains("attribute `nodeset`: `/data/gone` names no element")),
        "{shown:?}"
    );
    // The engine's own findings are placed on the element: a question without a label, said
    // in the designer's language; the import's own stay English.
    assert!(
        shown.iter().any(|p| p.starts_with("warning: /data/q")),
        "{shown:?}"
    );
    let no_label = imported
        .problems
        .iter()
        .find(|p| p.finding.is_some())
        .expect("an engine finding");
    assert_eq!(
        no_label.message_in(xonadon_engine::Lang::Ru),
        "у этого вопроса нет `label`: сотрудник увидит только его имя"
    );
    let own = imported
        .problems
        .iter()
        .find(|p| p.finding.is_none())
        .expect("one of the import's own");
    assert_eq!(own.message_in(xonadon_engine::Lang::Ru), own.message);
    let refused = [
        ("plain text", "is not XML"),
        ("<?xml version=\"1.0\"?><root/>", "is XML but no XForm"),
        (
            "<h:html xmlns:h=\"h\"><h:head><model/></h:head></h:html>",
            "has no primary instance",
        ),
    ];
    for (bytes, message) in refused {
        let e = xonadon_xform::import("t.xml", bytes.as_bytes()).unwrap_err();
        assert!(e.to_string().contains(message), "{e}");
    }
    assert!(xonadon_xform::looks_like_xform(b"\n <?xml version='1.0'?>"));
    assert!(!xonadon_xform::looks_like_xform(b"PK\x03\x04"));
}

#[test]
fn collect_style_actions_and_lists_read_through_other_columns() {
    let imported = xonadon_xform::import(
        "t.xml",
        r#"<?xml version="1.0"?>
<h:html xmlns="http://www.w3.org/2002/xforms" xmlns:h="http://www.w3.org/1999/xhtml" xmlns:jr="http://openrosa.org/javarosa" xmlns:odk="http://www.opendatakit.org/xforms">
<h:head><h:title>T</h:title><model>
<instance><data id="t"><q/><r jr:template=""><n/></r><rec/></data></instance>
<instance id="regions"><root><item><name>r1</name><code>TK</code><title>Tashkent</title></item></root></instance>
<bind nodeset="/data/q" type="string"/><bind nodeset="/data/r/n" type="int"/><bind nodeset="/data/rec" type="binary"/>
<odk:recordaudio event="odk-instance-load" ref="/data/rec" odk:quality="low"/>
</model></h:head>
<h:body><select1 ref="/data/q"><label>Q</label><itemset nodeset="instance('regions')/root/item"><value ref="code"/><label ref="title"/></itemset></select1>
<group ref="/data/r"><label>R</label><repeat nodeset="/data/r"><setvalue event="odk-new-repeat" ref="/data/r/n" value="position(..)"/><input ref="n"><label>N</label></input></repeat></group>
</h:body></h:html>"#
            .as_bytes(),
    )
    .unwrap();
    assert_eq!(imported.errors(), 0, "{:?}", imported.problems);
    let survey = serde_json::to_value(&imported.definition.survey).unwrap();
    assert_eq!(survey[0]["type"], "select_one regions__code");
    assert_eq!(survey[1]["children"][0]["default"], "position(..)");
    assert_eq!(survey[2]["type"], "background-audio");
    let lists = &imported.definition.choices;
    assert_eq!(lists["regions__code"][0].name, "TK");
    assert!(!lists.contains_key("regions"), "{lists:?}");
    assert!(
        imported
            .problems
            .iter()
            .all(|p| !p.message.contains("not used")),
        "{:?}",
        imported.problems
    );
}
