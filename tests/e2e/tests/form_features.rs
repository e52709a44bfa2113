//! What a form asks of the device, on the built app in headless Chromium: a form published
//! from the designer with metadata (start, end, device id, worker's name), an audit log, a
//! picture of its own, a default from the last saved form and a required note that stops
//! finalizing while the answers do not add up.
//!
//! Needs `dist/` (`trunk build --release`) and chromedriver; `scripts/test` does both.

use fantoccini::Client;
use serde_json::json;
use xonadon_e2e::{
    answer, click, dist, idb, in_browser, js, open_page, profile, publish_in_designer, screenshot,
    until, wait_for, Driver, StaticServer, PNG_2X2,
};

const FORM: &str = r#"{
  "settings": {"form_id": "visits", "version": "1", "default_language": "en",
               "title": {"en": "Visits", "uz-Latn": "Tashriflar"}},
  "survey": [
    {"type": "start", "name": "started"},
    {"type": "end", "name": "ended"},
    {"type": "deviceid", "name": "device"},
    {"type": "username", "name": "worker"},
    {"type": "audit", "name": "audit"},
    {"type": "text", "name": "village", "label": {"en": "Village"},
     "default": "${last-saved#village}", "media": {"image": "village.png"}},
    {"type": "integer", "name": "members", "label": {"en": "Members"}},
    {"type": "integer", "name": "children", "label": {"en": "Children"}},
    {"type": "note", "name": "check", "label": {"en": "More children than members: check"},
     "relevant": "${children} > ${members}", "required": true}
  ]
}"#;

/// Runs `script` with `args` (it must end by setting `window.__result`) and returns the result.
/// Opens the finalize step (the last entry of the sections menu).
async fn to_finalize(c: &Client) {
    click(c, "nav.sections > button").await;
    click(c, "nav.sections li:last-child button").await;
    wait_for(c, ".finalize").await;
}

async fn start_visits(c: &Client) {
    until(
        c,
        "the published form on the home list, titled in the worker's language",
        "return [...document.querySelectorAll('.home .cards li')].some(li => li.textContent.includes('Tashriflar'));",
    )
    .await;
    js(
        c,
        "[...document.querySelectorAll('.home .cards li')].find(li => li.textContent.includes('Tashriflar')).querySelector('button.primary').click();",
        vec![],
    )
    .await;
    wait_for(c, ".fill [data-path=\"/village\"]").await;
}

async fn scenario(c: &Client, server: &StaticServer) {
    // The device: its id and the worker's name, as the settings keep them.
    open_page(c, &format!("{}designer.html", server.url())).await;
    js(
        c,
        "localStorage.setItem('xonadon.device_id', JSON.stringify('tablet-e2e'));\
         localStorage.setItem('xonadon.enumerator', JSON.stringify('Dilnoza'));",
        vec![],
    )
    .await;
    c.refresh().await.expect("reload");
    publish_in_designer(c, FORM, "visits 1").await;
    // The form's picture, as the designer keeps a form version's files.
    let stored = idb(
        c,
        "the picture stored",
        "const bytes = new Uint8Array(arguments[0]);\
         indexedDB.open('xonadon').onsuccess = e => {\
           const tx = e.target.result.transaction('media', 'readwrite');\
           tx.objectStore('media').put({draft_id: 'form:visits@1', mime: 'image/png',\
             blob: new Blob([bytes], {type: 'image/png'})}, 'form:visits@1/village.png');\
           tx.oncomplete = () => window.__result = true;\
           tx.onerror = () => window.__result = String(tx.error);\
         };",
        vec![json!(PNG_2X2)],
    )
    .await;
    assert_eq!(stored, json!(true));

    click(c, "#open-home").await;
    wait_for(c, ".home").await;
    start_visits(c).await;
    until(
        c,
        "the question's picture, from the form's files",
        "const i = document.querySelector('[data-path=\"/village\"] img.form-media');\
         return !!i && !i.hidden && i.complete && i.naturalWidth === 2;",
    )
    .await;
    assert_eq!(
        js(
            c,
            "return document.querySelector('[data-path=\"/village\"] input').value;",
            vec![]
        )
        .await,
        json!(""),
        "nothing saved before: no default"
    );
    assert_eq!(
        js(
            c,
            "return ['/started', '/ended', '/device', '/worker', '/meta/audit']\
               .filter(p => document.querySelector(`[data-path=\"${p}\"]`));",
            vec![]
        )
        .await,
        json!([]),
        "metadata is recorded, never shown"
    );
    answer(c, "/village", "Qoʻshkoʻpir").await;
    answer(c, "/members", "3").await;
    answer(c, "/children", "5").await;
    until(
        c,
        "the note that the answers do not add up",
        "const n = document.querySelector('[data-path=\"/check\"]'); return !!n && !n.hidden;",
    )
    .await;
    screenshot(c, "40-required-note").await;
    // It stops finalizing until the answers add up.
    to_finalize(c).await;
    until(
        c,
        "the note listed",
        "return document.querySelector('.finalize').textContent.includes('More children than members');",
    )
    .await;
    click(c, ".violations li button").await;
    wait_for(c, "[data-path=\"/children\"]").await;
    answer(c, "/children", "2").await;
    to_finalize(c).await;
    until(
        c,
        "nothing left to fix",
        "return document.querySelectorAll('.violations li').length === 0;",
    )
    .await;
    click(c, ".finalize button.primary").await;
    wait_for(c, ".home .finalized").await;

    // The submission: what the device recorded, and the audit log beside it.
    let submissions = idb(
        c,
        "the submissions",
        "indexedDB.open('xonadon').onsuccess = e => {\
           e.target.result.transaction('submissions').objectStore('submissions').getAll()\
             .onsuccess = r => window.__result = r.target.result.map(s => JSON.parse(s));\
         };",
        vec![],
    )
    .await;
    let [submission] = submissions.as_array().expect("a list").as_slice() else {
        panic!("one submission: {submissions}");
    };
    let data = &submission["data"];
    assert_eq!(data["device"], "tablet-e2e");
    assert_eq!(data["worker"], "Dilnoza");
    assert_eq!(data["village"], "Qoʻshkoʻpir");
    let (started, ended) = (
        data["started"].as_str().unwrap(),
        data["ended"].as_str().unwrap(),
    );
    assert!(
        started.len() >= 19 && ended.len() >= 19 && ended >= started,
        "{started} … {ended}"
    );
    let audit = data["meta"]["audit"]
        .as_str()
        .expect("the audit file's name, at /meta/audit");
    assert!(audit.ends_with("-audit.csv"), "{audit}");
    let log = idb(
        c,
        "the audit log",
        "indexedDB.open('xonadon').onsuccess = e => {\
           e.target.result.transaction('media').objectStore('media').get(arguments[0])\
             .onsuccess = r => { const m = r.target.result;\
               if (!m) { window.__result = null; return; }\
               m.blob.text().then(t => window.__result = [m.draft_id, t]); };\
         };",
        vec![json!(audit)],
    )
    .await;
    assert_eq!(log[0], submission["instance_id"], "owned by the submission");
    let csv = log[1].as_str().unwrap();
    assert!(
        csv.starts_with("event,node,start,end\nform start,"),
        "{csv}"
    );
    assert!(csv.contains("\ngroup questions,"), "{csv}");
    assert!(csv.trim_end().ends_with(','), "{csv}");
    assert!(csv.contains("\nform finalize,"), "{csv}");

    // The next household in the same village: the village comes from the last form.
    start_visits(c).await;
    until(
        c,
        "the village from the last saved form",
        "return document.querySelector('[data-path=\"/village\"] input').value === 'Qoʻshkoʻpir';",
    )
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_form_gets_what_the_device_records() {
    let server = std::sync::Arc::new(StaticServer::start(dist()));
    let driver = Driver::start();
    in_browser(
        &driver,
        &profile("features"),
        "features",
        move |c| async move { scenario(&c, &server).await },
    )
    .await;
}
