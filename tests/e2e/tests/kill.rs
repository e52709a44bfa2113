//! The browser killed (SIGKILL, every Chromium process of the profile) at a random moment while
//! a worker finalizes, while a supervisor imports and while a supervisor exports, on a
//! persistent profile with a PIN (so every record is sealed); then restarted and counted. A
//! finalize is all or nothing: the form is either finalized with its answers or still a draft
//! with them, never lost, never both. An import is all or nothing: every submission of the
//! bundle or none. An export is a whole file or none (a download the browser did not finish
//! keeps its `.crdownload` name), and every submission is still there after it. No record
//! fails to open (the page would say so).
//!
//! `XONADON_KILL_TRIES` tries of each (default 10; the figures are with 50). Prints
//! what it counted. Needs `dist/` and chromedriver; `scripts/test` does both.

use std::path::{Path, PathBuf};
use std::time::Duration;

use fantoccini::Client;
use serde_json::json;
use xonadon_e2e::{
    browser, click, dist, js, kill_browser, profile, publish_in_designer, type_into, until,
    wait_for, workspace, Dice, Driver, StaticServer, FILL, VISITS_FORM,
};
use xonadon_export::bundle::{self, BundleForm, BundleSubmission};
use xonadon_storage::{FormRecord, Submission};

const PIN: &str = "kill-test-2026";

fn tries() -> usize {
    std::env::var("XONADON_KILL_TRIES")
        .ok()
        .and_then(|t| t.parse().ok())
        .unwrap_or(10)
}

/// Past the lock: sets the PIN on first start, unlocks after.
async fn pass_lock(c: &Client) {
    until(
        c,
        "the lock's first screen",
        "const s = document.documentElement.dataset.lock; return s === 'set-up' || s === 'locked';",
    )
    .await;
    let first = js(
        c,
        "return document.documentElement.dataset.lock === 'set-up';",
        vec![],
    )
    .await;
    let fields: &[&str] = if first == json!(true) {
        &["#pin", "#pin-again"]
    } else {
        &["#unlock-pin"]
    };
    for css in fields {
        type_into(c, css, PIN).await;
    }
    click(
        c,
        if first == json!(true) {
            "#set-pin"
        } else {
            "#unlock"
        },
    )
    .await;
    until(
        c,
        "the page behind the lock",
        "return document.documentElement.dataset.lock === 'open';",
    )
    .await;
}

async fn no_storage_error(c: &Client, when: &str) {
    tokio::time::sleep(Duration::from_millis(300)).await;
    let banner = js(
        c,
        "const e = document.querySelector('.storage-error'); return e ? e.textContent : null;",
        vec![],
    )
    .await;
    assert_eq!(banner, json!(null), "{when}: storage said {banner}");
}

/// The titles of the home screen's drafts and finalized forms.
async fn home_lists(c: &Client) -> (Vec<String>, Vec<String>) {
    wait_for(c, ".home").await;
    tokio::time::sleep(Duration::from_millis(300)).await;
    let lists = js(
        c,
        "const t = css => [...document.querySelectorAll(css + ' li')].map(li =>\
           li.querySelector('.entry-title').textContent + ' ' + li.querySelector('.meta').textContent);\
         return [t('.home .drafts'), t('.home .finalized')];",
        vec![],
    )
    .await;
    let list = |i: usize| -> Vec<String> {
        lists[i]
            .as_array()
            .unwrap()
            .iter()
            .map(|v| v.as_str().unwrap().to_string())
            .collect()
    };
    (list(0), list(1))
}

#[tokio::test(flavor = "multi_thread")]
async fn a_killed_browser_loses_no_finalized_answer_and_leaves_no_half_import_or_export() {
    let server = StaticServer::start(dist());
    let driver = Driver::start();
    let dir = profile("kill-finalize");
    let n = tries();
    let mut dice = Dice::from_clock();

    // The form, published once.
    let c = browser(&driver, &dir).await;
    c.goto(&format!("{}designer.html", server.url()))
        .await
        .unwrap();
    pass_lock(&c).await;
    publish_in_designer(&c, VISITS_FORM, "visits 1").await;
    let _ = c.close().await;

    let (mut finalized, mut drafts, mut lost, mut both) = (0, 0, 0, 0);
    for t in 0..n {
        let c = browser(&driver, &dir).await;
        c.goto(&server.url()).await.unwrap();
        pass_lock(&c).await;
        wait_for(&c, ".home").await;
        no_storage_error(&c, "after a kill").await;
        js(
            &c,
            "[...document.querySelectorAll('.home .cards li')].find(li => li.textContent.includes('Tashriflar')).querySelector('button.primary').click();",
            vec![],
        )
        .await;
        wait_for(&c, ".fill [data-path=\"/head\"]").await;
        let head = format!("Kill{t}");
        js(&c, FILL, vec![json!("/head"), json!(head)]).await;
        js(&c, FILL, vec![json!("/note"), json!(format!("note {t}"))]).await;
        tokio::time::sleep(Duration::from_millis(600)).await;
        click(&c, "nav.sections > button").await;
        click(&c, "nav.sections li:last-child button").await;
        wait_for(&c, ".finalize button.primary").await;
        click(&c, ".finalize button.primary").await;
        tokio::time::sleep(Duration::from_millis(dice.below(80))).await;
        kill_browser(&dir);
        drop(c);

        let c = browser(&driver, &dir).await;
        c.goto(&server.url()).await.unwrap();
        pass_lock(&c).await;
        let (d, f) = home_lists(&c).await;
        no_storage_error(&c, "after a kill").await;
        let as_draft = d.iter().any(|l| l.starts_with(&format!("{head} 2 / 2")));
        let as_final = f.iter().any(|l| l.starts_with(&format!("{head} ")));
        match (as_draft, as_final) {
            (true, false) => drafts += 1,
            (false, true) => finalized += 1,
            (true, true) => both += 1,
            (false, false) => lost += 1,
        }
        let _ = c.close().await;
    }
    println!(
        "finalize killed {n} times: {finalized} finalized, {drafts} still drafts with both \
         answers, {both} both, {lost} lost"
    );
    assert_eq!((lost, both), (0, 0));
    let _ = std::fs::remove_dir_all(&dir);

    imports(&driver, &server, n).await;
    exports(&driver, &server, n).await;
}

fn bundle_of(dir: &Path, count: usize) -> PathBuf {
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
    let subs: Vec<BundleSubmission> = (0..count)
        .map(|i| {
            let s = Submission {
                instance_id: format!("uuid:kill-{i}"),
                form_id: "household_needs".into(),
                form_version: version.clone(),
                data: json!({ "head": { "head_name": format!("Head {i}"), "head_age": "45" } }),
                started_at_ms: 1_764_000_000_000.0,
                finalized_at_ms: 1_764_000_000_000.0,
                enumerator: "Aziza".into(),
                device_id: "tablet".into(),
                title: Some(format!("Head {i}")),
                review: Default::default(),
                exports: Vec::new(),
            };
            BundleSubmission::new(&s, Vec::new())
        })
        .collect();
    let forms = [BundleForm::from_record(&record).unwrap()];
    std::fs::create_dir_all(dir).unwrap();
    let path = dir.join("tablet.json");
    std::fs::write(
        &path,
        bundle::write(&forms, &subs, "tablet.json", 1.0).unwrap(),
    )
    .unwrap();
    path
}

/// How many submissions IndexedDB holds (counted, not read: they are sealed).
async fn held(c: &Client) -> u64 {
    xonadon_e2e::idb(
        c,
        "the submissions counted",
        "indexedDB.open('xonadon').onsuccess = e => {\
           const r = e.target.result.transaction('submissions').objectStore('submissions').count();\
           r.onsuccess = () => window.__result = r.result;\
         };",
        vec![],
    )
    .await
    .as_u64()
    .unwrap()
}

async fn imports(driver: &Driver, server: &StaticServer, n: usize) {
    const COUNT: usize = 1000;
    let files = profile("kill-import-files");
    let bundle = bundle_of(&files, COUNT);
    let (mut none, mut all, mut partial) = (0, 0, 0);
    let mut dice = Dice::from_clock();
    for t in 0..n {
        let dir = profile(&format!("kill-import-{t}"));
        let c = browser(driver, &dir).await;
        c.goto(&format!("{}supervisor.html", server.url()))
            .await
            .unwrap();
        pass_lock(&c).await;
        let input = wait_for(&c, "#import-files").await;
        input
            .send_keys(&bundle.display().to_string())
            .await
            .unwrap();
        tokio::time::sleep(Duration::from_millis(dice.below(800))).await;
        kill_browser(&dir);
        drop(c);

        let c = browser(driver, &dir).await;
        c.goto(&format!("{}supervisor.html", server.url()))
            .await
            .unwrap();
        pass_lock(&c).await;
        no_storage_error(&c, "after a killed import").await;
        match held(&c).await {
            0 => none += 1,
            h if h == COUNT as u64 => all += 1,
            _ => partial += 1,
        }
        let _ = c.close().await;
        let _ = std::fs::remove_dir_all(&dir);
    }
    println!(
        "import of {COUNT} killed {n} times: {all} whole, {none} not at all, {partial} partial"
    );
    assert_eq!(partial, 0);
    let _ = std::fs::remove_dir_all(&files);
}

/// Whether the finished download `path` is a whole export of `count` submissions.
fn whole_export(path: &Path, count: usize) -> bool {
    let name = path.file_name().unwrap().to_string_lossy().to_string();
    let bytes = std::fs::read(path).unwrap();
    if name.ends_with(".json") {
        return bundle::read(&name, &bytes).is_ok_and(|b| b.submissions.len() == count);
    }
    let Ok(mut zip) = zip::ZipArchive::new(std::io::Cursor::new(bytes)) else {
        return false;
    };
    let mut table = String::new();
    let read = zip
        .by_name("household_needs.csv")
        .map(|mut f| std::io::Read::read_to_string(&mut f, &mut table));
    read.is_ok_and(|r| r.is_ok()) && table.lines().count() == count + 1
}

async fn exports(driver: &Driver, server: &StaticServer, n: usize) {
    const COUNT: usize = 1000;
    let files = profile("kill-export-files");
    let downloads = profile("kill-export-downloads");
    let bundle = bundle_of(&files, COUNT);
    let dir = profile("kill-export");
    let supervisor = |c: Client| async move {
        c.goto(&format!("{}supervisor.html", server.url()))
            .await
            .unwrap();
        pass_lock(&c).await;
        c
    };
    let c = supervisor(browser(driver, &dir).await).await;
    wait_for(&c, "#import-files")
        .await
        .send_keys(&bundle.display().to_string())
        .await
        .unwrap();
    until(
        &c,
        "the import",
        "return document.querySelectorAll('table.submissions tbody tr').length > 0;",
    )
    .await;
    assert_eq!(held(&c).await, COUNT as u64);
    let _ = c.close().await;

    let (mut whole, mut none, mut partial) = (0, 0, 0);
    let mut dice = Dice::from_clock();
    for t in 0..n {
        let c = supervisor(browser(driver, &dir).await).await;
        no_storage_error(&c, "after a killed export").await;
        assert_eq!(
            held(&c).await,
            COUNT as u64,
            "every submission after a killed export"
        );
        std::fs::create_dir_all(&downloads).unwrap();
        xonadon_e2e::cdp(
            &c,
            "Browser.setDownloadBehavior",
            json!({ "behavior": "allow", "downloadPath": downloads.display().to_string() }),
        )
        .await;
        wait_for(&c, "table.submissions tbody tr").await;
        click(
            &c,
            if t % 2 == 0 {
                "#export-json"
            } else {
                "#export-csv"
            },
        )
        .await;
        tokio::time::sleep(Duration::from_millis(dice.below(700))).await;
        kill_browser(&dir);
        drop(c);
        let finished: Vec<PathBuf> = std::fs::read_dir(&downloads)
            .unwrap()
            .flatten()
            .map(|e| e.path())
            .filter(|p| !p.to_string_lossy().ends_with(".crdownload"))
            .collect();
        match finished.as_slice() {
            [] => none += 1,
            [one] if whole_export(one, COUNT) => whole += 1,
            _ => {
                partial += 1;
                println!("export {t}: {finished:?} is not one whole export");
            }
        }
        let _ = std::fs::remove_dir_all(&downloads);
    }
    let c = supervisor(browser(driver, &dir).await).await;
    no_storage_error(&c, "after the last killed export").await;
    assert_eq!(held(&c).await, COUNT as u64);
    let _ = c.close().await;
    println!(
        "export of {COUNT} killed {n} times: {whole} whole files, {none} none, {partial} partial"
    );
    assert_eq!(partial, 0);
    let _ = std::fs::remove_dir_all(&dir);
    let _ = std::fs::remove_dir_all(&files);
}
