//! A supervisor's day on the built app in headless Chromium: import the bundles of two tablets
//! (a duplicate and a conflict among them) and a damaged one (refused by name, nothing
//! written), filter, read a submission, review it, export it as a bundle, CSV tables and a
//! workbook (the downloaded files checked); then a field worker's tablet imports the
//! supervisor's bundle and sees which submission needs attention and why. And with keys: the
//! supervisor makes a key pair under a passphrase, opens a tablet's encrypted bundle and signs
//! a review; a tablet given the supervisor's public key sends encrypted bundles, takes the
//! signed review and refuses a forged one.
//!
//! Needs `dist/` (`trunk build --release`) and chromedriver; `scripts/test` does both.

use std::path::{Path, PathBuf};

use fantoccini::{Client, Locator};
use serde_json::json;
use xonadon_e2e::{
    cdp, choose_files, dist, downloaded, in_browser, js, open_page, profile, screenshot,
    select_value, type_into, until, viewport, wait_for, workspace, Driver, StaticServer,
};
use xonadon_export::bundle::{self, BundleForm, BundleSubmission};
use xonadon_export::keys::{SupervisorIdentity, SupervisorKey, Supervisors};
use xonadon_export::{seal, signature};
use xonadon_storage::{FormRecord, ReviewComment, ReviewStatus, Submission};

fn household() -> (FormRecord, String) {
    let json = std::fs::read_to_string(workspace().join("forms/household.json")).unwrap();
    let def: serde_json::Value = serde_json::from_str(&json).unwrap();
    let version = def["settings"]["version"].as_str().unwrap().to_string();
    let record = FormRecord {
        form_id: "household_needs".into(),
        version: version.clone(),
        title: "Household".into(),
        json,
        added_at_ms: 0.0,
    };
    (record, version)
}

fn submission(id: &str, head: &str, enumerator: &str, mahalla: &str, day: u32) -> Submission {
    let (_, version) = household();
    let district = if mahalla.starts_with("xic") {
        "khiva_city"
    } else {
        "urgench_city"
    };
    Submission {
        instance_id: format!("uuid:{id}"),
        form_id: "household_needs".into(),
        form_version: version,
        data: json!({
            "intro": { "interviewer_name": enumerator, "consent": "OK" },
            "location": { "region": "khorezm", "district": district, "mahalla": mahalla },
            "head": { "head_name": head, "head_age": "45" },
            "visit_start": "2025-11-24T09:00:00.000+05:00",
            "summary": { "hh_size": "4" },
            "meta": { "instanceID": format!("uuid:{id}") }
        }),
        started_at_ms: 1_764_000_000_000.0,
        finalized_at_ms: 1_764_000_000_000.0 + f64::from(day) * 86_400_000.0,
        enumerator: enumerator.into(),
        device_id: "tablet".into(),
        title: Some(head.into()),
        review: Default::default(),
        exports: Vec::new(),
    }
}

fn write_bundle(dir: &Path, name: &str, subs: &[Submission]) -> PathBuf {
    let (record, _) = household();
    let forms = [BundleForm::from_record(&record).unwrap()];
    let subs: Vec<_> = subs
        .iter()
        .map(|s| BundleSubmission::new(s, Vec::new()))
        .collect();
    let path = dir.join(name);
    std::fs::write(&path, bundle::write(&forms, &subs, name, 1.0).unwrap()).unwrap();
    path
}

async fn import(c: &Client, files: &[&Path]) {
    choose_files(c, "#import-files", files).await;
}

async fn report(c: &Client, lines: usize) -> Vec<String> {
    until(
        c,
        "the import report",
        &format!(
            "return !document.querySelector('.working') &&\
             document.querySelectorAll('.report li').length >= {lines};"
        ),
    )
    .await;
    let v = js(
        c,
        "return [...document.querySelectorAll('.report li')].map(l => l.textContent);",
        vec![],
    )
    .await;
    serde_json::from_value(v).unwrap()
}

async fn rows(c: &Client) -> usize {
    c.find_all(Locator::Css("table.submissions tbody tr"))
        .await
        .map(|r| r.len())
        .unwrap_or(0)
}

async fn click(c: &Client, css: &str) {
    wait_for(c, css).await;
    js(
        c,
        "const e = document.querySelector(arguments[0]); e.scrollIntoView({block: 'center'}); e.click();",
        vec![json!(css)],
    )
    .await;
}

/// The words of the submissions' names that the browser broke across lines.
async fn broken_words(c: &Client) -> serde_json::Value {
    js(
        c,
        "const broken = [];\
         for (const b of document.querySelectorAll('table.submissions td.name button')) {\
         const node = b.firstChild; if (!node || node.nodeType !== 3) continue;\
         const re = /\\S+/g; let m;\
         while ((m = re.exec(node.data))) {\
         const r = document.createRange(); r.setStart(node, m.index); r.setEnd(node, m.index + m[0].length);\
         const tops = new Set([...r.getClientRects()].map(x => Math.round(x.top)));\
         if (tops.size > 1) broken.push(m[0]);\
         }\
         }\
         return broken;",
        vec![],
    )
    .await
}

/// Whether the detail's heading is on screen.
async fn detail_in_view(c: &Client) -> bool {
    js(
        c,
        "const h = document.getElementById('detail-title'); if (!h) return false;\
         const r = h.getBoundingClientRect(); return r.top >= 0 && r.bottom <= innerHeight;",
        vec![],
    )
    .await
        == json!(true)
}

/// The review's refusal on screen, once there is one.
async fn refusal(c: &Client) -> String {
    until(
        c,
        "the review's refusal",
        "return !!document.getElementById('review-error');",
    )
    .await;
    js(
        c,
        "return document.getElementById('review-error').textContent;",
        vec![],
    )
    .await
    .as_str()
    .unwrap_or_default()
    .to_string()
}

async fn scenario(c: &Client, server: &StaticServer, files: &Path, downloads: &Path) {
    viewport(c, 800, 1280).await;
    let a = submission("a", "Azizbek Karimov", "Malika", "urc_jayxun", 1);
    let b = submission("b", "Bobur Aliyev", "Malika", "urc_beruniy", 2);
    let mut d = submission("d", "Dilnoza Rahimova", "Sardor", "xic_ichan_qala", 3);
    // A tablet that named no submission: the list names it by its head, never by its uuid.
    d.title = None;
    let mut b_changed = b.clone();
    b_changed.data["head"]["head_age"] = json!("46");
    b_changed.title = None;
    let tablet1 = write_bundle(files, "tablet1.json", &[a.clone(), b.clone()]);
    let tablet2 = write_bundle(files, "tablet2.json", &[a.clone(), b_changed, d]);
    let text = std::fs::read_to_string(&tablet1)
        .unwrap()
        .replace("Azizbek", "Azizjon");
    let tampered = files.join("tampered.json");
    std::fs::write(&tampered, text).unwrap();

    open_page(c, &server.url()).await;
    wait_for(c, ".home").await;
    cdp(
        c,
        "Browser.setDownloadBehavior",
        json!({ "behavior": "allow", "downloadPath": downloads.display().to_string() }),
    )
    .await;
    click(c, "#open-supervisor").await;
    wait_for(c, ".supervisor .dropzone").await;

    // A damaged file: refused with its name, nothing written.
    import(c, &[&tampered]).await;
    let lines = report(c, 1).await;
    assert!(
        lines[0].starts_with("tampered.json: ") && lines[0].contains("nazorat yigʻindisiga"),
        "{lines:?}"
    );
    assert_eq!(rows(c).await, 0, "nothing was imported");

    // The first tablet by the file picker: a and b.
    import(c, &[&tablet1]).await;
    let lines = report(c, 1).await;
    assert!(
        lines[0].starts_with("tablet1.json: 2 qoʻshildi, 0 bir xil"),
        "{lines:?}"
    );
    // The second dropped on the page: a again (identical), b changed (a conflict), d new.
    js(
        c,
        "const [name, text] = arguments; const dt = new DataTransfer();\
         dt.items.add(new File([text], name, {type: 'application/json'}));\
         const zone = document.querySelector('.dropzone');\
         for (const type of ['dragover', 'drop'])\
           zone.dispatchEvent(new DragEvent(type, {dataTransfer: dt, bubbles: true, cancelable: true}));",
        vec![json!("tablet2.json"), json!(std::fs::read_to_string(&tablet2).unwrap())],
    )
    .await;
    until(
        c,
        "the dropped file's report",
        "const li = document.querySelector('.report li');\
         return !document.querySelector('.working') && !!li && li.textContent.startsWith('tablet2.json');",
    )
    .await;
    let lines = report(c, 1).await;
    assert!(
        lines[0].starts_with("tablet2.json: 1 qoʻshildi, 1 bir xil")
            && lines[0].ends_with("1 ziddiyat"),
        "{lines:?}"
    );
    until(
        c,
        "three rows",
        "return document.querySelectorAll('table.submissions tbody tr').length === 3;",
    )
    .await;
    wait_for(c, ".conflicts li").await;
    assert_eq!(
        js(
            c,
            "return document.querySelector('.conflicts .entry-title').textContent;",
            vec![]
        )
        .await,
        json!("Bobur Aliyev"),
        "a conflicting copy named too, never by its uuid"
    );
    screenshot(c, "20-supervisor").await;
    // What differs: the head's age, 45 here, 46 in the imported copy.
    click(c, ".conflicts details.compare > summary").await;
    wait_for(c, ".conflicts table.differences tbody tr").await;
    let diff = js(
        c,
        "return [...document.querySelectorAll('.conflicts table.differences tbody tr')]\
         .map(r => [...r.children].map(c => c.textContent));",
        vec![],
    )
    .await;
    assert_eq!(diff.as_array().map(Vec::len), Some(1), "{diff}");
    assert_eq!(
        (&diff[0][1], &diff[0][2]),
        (&json!("45"), &json!("46")),
        "{diff}"
    );
    assert!(
        diff[0][0].as_str().is_some_and(|q| q.contains("yosh")),
        "{diff}"
    );
    click(c, ".conflicts li > button").await; // keep the one on this device
    until(
        c,
        "the conflict resolved",
        "return !document.querySelector('.conflicts');",
    )
    .await;

    assert_eq!(
        js(
            c,
            "return document.querySelector(\"tr[data-id='uuid:d'] td.name\").textContent;",
            vec![]
        )
        .await,
        json!("Dilnoza Rahimova")
    );
    // Forms by their title, not their id.
    let forms = js(
        c,
        "return [...document.querySelectorAll('#filter-form option')].map(o => o.textContent);",
        vec![],
    )
    .await;
    assert!(
        forms.to_string().contains("Xonadon ehtiyojlarini baholash")
            && !forms.to_string().contains("household_needs"),
        "{forms}"
    );

    // Filters: an enumerator, a mahalla (by its label), then all again.
    select_value(c, "#filter-enumerator", "Sardor").await;
    until(
        c,
        "one row",
        "return document.querySelectorAll('table.submissions tbody tr').length === 1;",
    )
    .await;
    select_value(c, "#filter-enumerator", "").await;
    let options = js(
        c,
        "return [...document.querySelectorAll('#filter-mahalla option')].map(o => o.textContent);",
        vec![],
    )
    .await;
    assert!(
        options.to_string().contains("Jayxun"),
        "mahalla labels: {options}"
    );
    select_value(c, "#filter-mahalla", "urc_jayxun").await;
    until(
        c,
        "one row",
        "return document.querySelectorAll('table.submissions tbody tr').length === 1;",
    )
    .await;
    select_value(c, "#filter-mahalla", "").await;
    until(
        c,
        "three rows",
        "return document.querySelectorAll('table.submissions tbody tr').length === 3;",
    )
    .await;

    // The summary: four charts over the list, e.g. two households for Malika.
    click(c, "details.summary > summary").await;
    wait_for(c, "details.summary[open] .chart svg").await;
    let charts = js(
        c,
        "return [...document.querySelectorAll('.chart')].map(f =>\
         [f.querySelector('figcaption').textContent,\
          [...f.querySelectorAll('g title')].map(t => t.textContent)]);",
        vec![],
    )
    .await;
    assert_eq!(charts.as_array().map(Vec::len), Some(4), "{charts}");
    assert_eq!(charts[1][1], json!(["Malika: 2", "Sardor: 1"]), "{charts}");
    assert!(
        charts[2][1].to_string().contains("Jayxun"),
        "mahallas by label: {charts}"
    );
    js(
        c,
        "document.querySelector('details.summary').scrollIntoView();",
        vec![],
    )
    .await;
    screenshot(c, "23-summary").await;

    // On a phone: the rows are cards, no name broken inside a word.
    viewport(c, 360, 740).await;
    until(
        c,
        "the rows as cards",
        "const r = document.querySelector('table.submissions tbody tr');\
         return !!r && getComputedStyle(r).display === 'block';",
    )
    .await;
    assert_eq!(broken_words(c).await, json!([]), "names wrap between words");
    assert_eq!(
        js(
            c,
            "return document.documentElement.scrollWidth <= innerWidth;",
            vec![]
        )
        .await,
        json!(true),
        "nothing wider than the phone"
    );
    js(
        c,
        "document.querySelector('table.submissions').scrollIntoView();",
        vec![],
    )
    .await;
    screenshot(c, "25-supervisor-phone").await;

    // Read b (the detail comes into view), mark it as having issues with a comment.
    click(c, "tr[data-id='uuid:b'] button.link").await;
    wait_for(c, ".detail dl.answers").await;
    until(
        c,
        "the detail in view",
        "const h = document.getElementById('detail-title'); if (!h) return false;\
         const r = h.getBoundingClientRect(); return r.top >= 0 && r.bottom <= innerHeight;",
    )
    .await;
    assert!(detail_in_view(c).await);
    let labels = js(
        c,
        "return [...document.querySelectorAll('.detail dl.answers dt')].map(d => d.textContent);",
        vec![],
    )
    .await;
    for internal in ["visit_start", "hh_size", "head_name"] {
        assert!(
            !labels.to_string().contains(internal),
            "labels, never names: {labels}"
        );
    }
    let detail = js(
        c,
        "return document.querySelector('.detail').textContent;",
        vec![],
    )
    .await;
    let detail = detail.as_str().unwrap_or_default();
    assert!(
        detail.contains("Bobur Aliyev") && detail.contains("Xorazm"),
        "{detail}"
    );
    // No review without the reviewer's name, asked here once.
    click(c, "#review-issues").await;
    let why = refusal(c).await;
    assert!(why.contains("ismingizni"), "{why}");
    assert_eq!(
        js(c, "return document.activeElement.id;", vec![]).await,
        json!("reviewer-name")
    );
    type_into(c, "#reviewer-name", "Nodira Yusupova").await;
    click(c, "#save-reviewer").await;
    wait_for(c, "#change-reviewer").await;
    // "Has issues" needs a comment: refused, the field marked and tied to the reason.
    click(c, "#review-issues").await;
    until(
        c,
        "the comment refusal",
        "const e = document.getElementById('review-error');\
         return !!e && e.textContent.includes('izoh kerak');",
    )
    .await;
    let field = js(
        c,
        "const t = document.getElementById('review-comment');\
         return [t.getAttribute('aria-required'), t.getAttribute('aria-invalid'),\
           t.getAttribute('aria-describedby'), document.activeElement === t];",
        vec![],
    )
    .await;
    assert_eq!(field, json!(["true", "true", "review-error", true]));
    assert!(
        js(
            c,
        "return document.querySelector(\"tr[data-id='uuid:b'] .status\").classList.contains('pending');",
            vec![]
        )
        .await
            == json!(true),
        "nothing saved"
    );
    js(
        c,
        "const t = document.getElementById('review-comment'); t.value = 'Yoshini tekshiring';\
         t.dispatchEvent(new Event('input', {bubbles: true}));",
        vec![],
    )
    .await;
    click(c, "#review-issues").await;
    until(
        c,
        "the status in the list",
        "const r = document.querySelector(\"tr[data-id='uuid:b'] .status\");\
         return !!r && r.classList.contains('has-issues');",
    )
    .await;
    screenshot(c, "21-review").await;
    viewport(c, 800, 1280).await;

    // Exports of the whole list: a bundle, CSV tables, a workbook.
    click(c, "#export-json").await;
    let (name, bytes) = downloaded(downloads, ".json").await;
    let exported = bundle::read(&name, &bytes).expect("the exported bundle reads back");
    assert_eq!(exported.submissions.len(), 3);
    let reviewed = exported
        .submissions
        .iter()
        .find(|s| s.submission.instance_id == "uuid:b")
        .unwrap();
    assert_eq!(
        reviewed.submission.review.comments[0].text,
        "Yoshini tekshiring"
    );
    assert_eq!(
        reviewed.submission.review.comments[0].by, "Nodira Yusupova",
        "the reviewer's name on the review"
    );
    assert_eq!(
        reviewed.submission.data, b.data,
        "the held copy of b, not the conflict"
    );

    click(c, "#export-csv").await;
    let (_, zip) = downloaded(downloads, ".zip").await;
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(zip)).unwrap();
    let mut root = String::new();
    std::io::Read::read_to_string(
        &mut archive.by_name("household_needs.csv").unwrap(),
        &mut root,
    )
    .unwrap();
    assert!(root.starts_with('\u{feff}'), "a BOM for Excel");
    assert_eq!(root.lines().count(), 4, "a header and three submissions");
    assert!(root.contains("Dilnoza Rahimova") && root.contains("has_issues"));

    click(c, "#export-xlsx").await;
    let (_, book) = downloaded(downloads, ".xlsx").await;
    assert!(book.starts_with(b"PK"), "a workbook (a ZIP)");

    // The exports are on record; nothing else changed (still three, b still has issues).
    assert_eq!(rows(c).await, 3);
    std::fs::copy(downloads.join(&name), files.join("supervisor.json")).unwrap();

    // In English: the import report and the export's line too (their tasks run after the
    // click), and the tables by label with a `${name}` in a label as `[its label]`.
    select_value(c, ".supervisor header .language select", "en").await;
    wait_for(c, "#export-labels").await;
    import(c, &[&tablet1]).await;
    until(
        c,
        "the English report",
        "const li = document.querySelector('.report li');\
         return !document.querySelector('.working') && !!li && li.textContent.startsWith('tablet1.json');",
    )
    .await;
    let lines = report(c, 1).await;
    assert!(lines[0].starts_with("tablet1.json: 0 added, "), "{lines:?}");
    for entry in std::fs::read_dir(downloads).unwrap().flatten() {
        let _ = std::fs::remove_file(entry.path());
    }
    js(
        c,
        "const b = document.getElementById('export-labels'); if (!b.checked) b.click();",
        vec![],
    )
    .await;
    click(c, "#export-csv").await;
    let (zip_name, zip) = downloaded(downloads, ".zip").await;
    let lines = report(c, 1).await;
    assert_eq!(
        lines,
        [format!("{zip_name}: 3 submissions exported")],
        "the export's line in English"
    );
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(zip)).unwrap();
    let mut members = String::new();
    std::io::Read::read_to_string(
        &mut archive.by_name("household_needs-members.csv").unwrap(),
        &mut members,
    )
    .unwrap();
    let header = members.lines().next().unwrap_or_default();
    assert!(
        !header.contains("${") && header.contains(": sex"),
        "{header}"
    );
    assert!(
        header.contains("[Member member_index: full name]: sex"),
        "{header}"
    );

    // The reviewer's name is kept: after a reload it is not asked again.
    c.refresh().await.unwrap();
    click(c, "tr[data-id='uuid:a'] button.link").await;
    wait_for(c, "#reviewer-shown").await;
    let shown = js(
        c,
        "return [document.getElementById('reviewer-shown').textContent, !!document.getElementById('reviewer-name')];",
        vec![],
    )
    .await;
    assert_eq!(shown, json!(["Reviewing as Nodira Yusupova", false]));
}

/// The field worker's tablet: its own submissions, then the supervisor's bundle.
async fn tablet(c: &Client, server: &StaticServer, files: &Path) {
    open_page(c, &server.url()).await;
    wait_for(c, ".home").await;
    click(c, "#open-supervisor").await;
    import(c, &[&files.join("tablet1.json")]).await;
    report(c, 1).await;
    import(c, &[&files.join("supervisor.json")]).await;
    let lines = report(c, 1).await;
    assert!(
        lines[0].contains("1 yangi tekshiruv"),
        "the review arrives: {lines:?}"
    );
    click(c, "#open-home").await;
    wait_for(c, ".home .finalized").await;
    until(
        c,
        "the review on the home list",
        "const li = document.querySelector(\".finalized li[data-id='uuid:b']\");\
         return !!li && !!li.querySelector('.status.has-issues') &&\
         li.textContent.includes('Yoshini tekshiring');",
    )
    .await;
    screenshot(c, "22-tablet-sees-review").await;
}

#[tokio::test(flavor = "multi_thread")]
async fn supervisor_imports_reviews_and_exports() {
    let server = std::sync::Arc::new(StaticServer::start(dist()));
    let driver = Driver::start();
    let root = profile("supervisor-files");
    let (files, downloads) = (root.join("files"), root.join("downloads"));
    std::fs::create_dir_all(&files).unwrap();
    std::fs::create_dir_all(&downloads).unwrap();
    in_browser(&driver, &profile("supervisor"), "supervisor", {
        let (server, files) = (server.clone(), files.clone());
        move |c| async move { scenario(&c, &server, &files, &downloads).await }
    })
    .await;
    in_browser(&driver, &profile("tablet"), "tablet", {
        let files = files.clone();
        move |c| async move { tablet(&c, &server, &files).await }
    })
    .await;
    let _ = std::fs::remove_dir_all(&root);
}

/// The key section's message, once it says something containing `expected`.
async fn key_message(c: &Client, expected: &str) -> String {
    until(
        c,
        "the key section's message",
        &format!(
            "const m = document.querySelector('.key-message');\
             return !!m && m.textContent.includes({});",
            json!(expected)
        ),
    )
    .await;
    js(
        c,
        "return document.querySelector('.key-message').textContent;",
        vec![],
    )
    .await
    .as_str()
    .unwrap_or_default()
    .to_string()
}

/// The supervisor makes a key pair (sealed under a passphrase), opens a tablet's encrypted
/// bundle, reviews (the review signed), and after a reload opens the key only with the right
/// passphrase.
async fn supervisor_with_keys(c: &Client, server: &StaticServer, files: &Path, downloads: &Path) {
    open_page(c, &server.url()).await;
    wait_for(c, ".home").await;
    cdp(
        c,
        "Browser.setDownloadBehavior",
        json!({ "behavior": "allow", "downloadPath": downloads.display().to_string() }),
    )
    .await;
    click(c, "#open-supervisor").await;
    type_into(c, "#key-name", "Dilnoza Karimova").await;
    type_into(c, "#key-passphrase", "qovun-va-tarvuz").await;
    type_into(c, "#key-passphrase-again", "qovun-va-tarvuz").await;
    click(c, "#make-key").await;
    key_message(c, "imzolanadi").await;
    let public = js(
        c,
        "return document.getElementById('public-key').value;",
        vec![],
    )
    .await;
    let public = SupervisorKey::parse("page", public.as_str().unwrap()).expect("a public line");
    assert_eq!(
        js(
            c,
        "const p = document.querySelector('.public-key svg.qr path'); return !!p && p.getAttribute('d').length > 1000;",
            vec![]
        )
        .await,
        json!(true),
        "the public key as a QR code too"
    );
    assert_eq!(public.name, "Dilnoza Karimova");
    let stored = js(c, "return JSON.stringify(localStorage);", vec![]).await;
    assert!(
        !stored.to_string().contains("AGE-SECRET-KEY"),
        "the secret is kept sealed only"
    );

    // A tablet's bundle encrypted for this supervisor.
    let b = submission("b", "Bobur Aliyev", "Malika", "urc_beruniy", 2);
    let plain = std::fs::read(write_bundle(files, "t.json", std::slice::from_ref(&b))).unwrap();
    let sealed = files.join("tablet1.json.age");
    std::fs::write(&sealed, seal::seal(&plain, &public).unwrap()).unwrap();
    import(c, &[&sealed]).await;
    let lines = report(c, 1).await;
    assert!(
        lines[0].starts_with("tablet1.json.age: 1 qoʻshildi"),
        "{lines:?}"
    );

    // The review is signed with the supervisor's key and names them.
    click(c, "tr[data-id='uuid:b'] button.link").await;
    wait_for(c, ".detail dl.answers").await;
    type_into(c, "#review-comment", "Yoshini tekshiring").await;
    click(c, "#review-issues").await;
    until(
        c,
        "the status in the list",
        "const r = document.querySelector(\"tr[data-id='uuid:b'] .status\");\
         return !!r && r.classList.contains('has-issues');",
    )
    .await;
    click(c, "#export-json").await;
    let (name, bytes) = downloaded(downloads, ".json").await;
    assert!(
        !name.ends_with(".age"),
        "a supervisor's bundle goes back plain"
    );
    let exported = bundle::read(&name, &bytes).unwrap();
    let reviewed = &exported.submissions[0].submission;
    assert_eq!(reviewed.review.comments[0].by, "Dilnoza Karimova");
    let known = Supervisors(vec![public.clone()]);
    assert!(
        signature::check(&known, reviewed).is_ok(),
        "the review verifies with the public key shown"
    );

    // After a reload the key is locked: a sealed file is refused until it is opened.
    c.refresh().await.unwrap();
    wait_for(c, "#unlock-key").await;
    import(c, &[&sealed]).await;
    let lines = report(c, 1).await;
    assert!(
        lines[0].starts_with("tablet1.json.age: ") && lines[0].contains("shifrlangan"),
        "{lines:?}"
    );
    type_into(c, "#unlock-passphrase", "qovun-va-qovun").await;
    click(c, "#unlock-key").await;
    key_message(c, "notoʻgʻri").await;
    type_into(c, "#unlock-passphrase", "qovun-va-tarvuz").await;
    click(c, "#unlock-key").await;
    key_message(c, "imzolanadi").await;
    screenshot(c, "24-supervisor-key").await;
    import(c, &[&sealed]).await;
    let lines = report(c, 1).await;
    assert!(
        lines[0].starts_with("tablet1.json.age: 0 qoʻshildi, 1 bir xil"),
        "{lines:?}"
    );
}

/// A tablet given its supervisor's public key: its bundle goes out encrypted for them, a
/// review they signed is taken, a forged one (unsigned, later, approved) is refused.
async fn tablet_with_a_supervisor(
    c: &Client,
    server: &StaticServer,
    files: &Path,
    downloads: &Path,
) {
    let dilnoza = SupervisorIdentity::generate("Dilnoza Karimova");
    let b = submission("b", "Bobur Aliyev", "Malika", "urc_beruniy", 2);
    let mut reviewed = b.clone();
    reviewed.review.status = ReviewStatus::HasIssues;
    reviewed.review.comments.push(ReviewComment {
        at_ms: 1_764_500_000_000.0,
        by: "Dilnoza Karimova".into(),
        status: ReviewStatus::HasIssues,
        text: "Yoshini tekshiring".into(),
    });
    reviewed.review = signature::sign(&dilnoza, &reviewed);
    let mut forged = b.clone();
    forged.review.status = ReviewStatus::Approved;
    forged.review.comments.push(ReviewComment {
        at_ms: 1_764_600_000_000.0,
        by: "Dilnoza Karimova".into(),
        status: ReviewStatus::Approved,
        text: "OK".into(),
    });
    let own = write_bundle(files, "own.json", std::slice::from_ref(&b));
    let from_supervisor = write_bundle(files, "supervisor.json", &[reviewed]);
    let forgery = write_bundle(files, "forged.json", &[forged]);

    open_page(c, &server.url()).await;
    wait_for(c, ".home").await;
    cdp(
        c,
        "Browser.setDownloadBehavior",
        json!({ "behavior": "allow", "downloadPath": downloads.display().to_string() }),
    )
    .await;
    click(c, "#open-supervisor").await;
    type_into(c, "#send-to", &dilnoza.public().to_string()).await;
    click(c, "#save-send-to").await;
    import(c, &[&own]).await;
    report(c, 1).await;
    import(c, &[&from_supervisor]).await;
    let lines = report(c, 1).await;
    assert!(lines[0].contains("1 yangi tekshiruv"), "{lines:?}");
    import(c, &[&forgery]).await;
    let lines = report(c, 1).await;
    assert!(
        lines[0].contains("0 yangi tekshiruv")
            && lines[0].ends_with("1 tekshiruv rad etildi (imzosiz yoki imzosi notoʻgʻri)"),
        "{lines:?}"
    );
    until(
        c,
        "the signed review kept",
        "const r = document.querySelector(\"tr[data-id='uuid:b'] .status\");\
         return !!r && r.classList.contains('has-issues');",
    )
    .await;

    // The tablet's bundle: encrypted for the supervisor, nothing in clear.
    click(c, "#export-json").await;
    let (name, bytes) = downloaded(downloads, ".json.age").await;
    assert!(seal::is_sealed(&bytes), "{name}");
    assert!(
        !bytes.windows(5).any(|w| w == b"Bobur"),
        "no answer in clear"
    );
    let opened = bundle::read_with(&name, &bytes, &[dilnoza]).expect("the supervisor opens it");
    assert_eq!(opened.submissions.len(), 1);
    assert_eq!(
        opened.submissions[0].submission.review.status,
        ReviewStatus::HasIssues
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn bundles_are_encrypted_for_the_supervisor_and_reviews_signed() {
    let server = std::sync::Arc::new(StaticServer::start(dist()));
    let driver = Driver::start();
    let root = profile("keys-files");
    let (files, downloads) = (root.join("files"), root.join("downloads"));
    let tablet_downloads = root.join("tablet-downloads");
    for dir in [&files, &downloads, &tablet_downloads] {
        std::fs::create_dir_all(dir).unwrap();
    }
    in_browser(&driver, &profile("keys-supervisor"), "keys-supervisor", {
        let (server, files) = (server.clone(), files.clone());
        move |c| async move { supervisor_with_keys(&c, &server, &files, &downloads).await }
    })
    .await;
    in_browser(&driver, &profile("keys-tablet"), "keys-tablet", {
        let files = files.clone();
        move |c| async move { tablet_with_a_supervisor(&c, &server, &files, &tablet_downloads).await }
    })
    .await;
    let _ = std::fs::remove_dir_all(&root);
}
