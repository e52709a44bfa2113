//! A field worker's session on the built app in headless Chromium: fill the default form with
//! a roster of 3, reload mid-way and get everything back, switch language, finalize, see it
//! listed; then lose the network and keep working from the service worker.
//!
//! Needs `dist/` (`trunk build --release`) and chromedriver; `scripts/test` does both.

use std::collections::HashMap;

use fantoccini::{Client, Locator};
use serde_json::{json, Value};
use xonadon_e2e::{
    cdp, click, dist, idb, in_browser, js, open_page, page_key, profile, screenshot, until,
    wait_for, workspace, Driver, StaticServer, FILL,
};

async fn fill(c: &Client, path: &str, value: Option<&str>) -> String {
    let got = js(c, FILL, vec![json!(path), json!(value)]).await;
    let got = got.as_str().unwrap_or_default().to_string();
    assert!(
        !got.starts_with("no visible") && !got.starts_with("nothing"),
        "{got}"
    );
    got
}

/// Sets an input found by CSS selector, through the events the app listens to.
async fn fill_by_css(c: &Client, css: &str, value: &str) {
    wait_for(c, css).await;
    js(
        c,
        "const el = document.querySelector(arguments[0]); el.value = arguments[1];\
         el.dispatchEvent(new Event('input', {bubbles: true}));\
         el.dispatchEvent(new Event('change', {bubbles: true}));",
        vec![json!(css), json!(value)],
    )
    .await;
}

async fn value_at(c: &Client, path: &str) -> Value {
    js(
        c,
        "const q = document.querySelector(`[data-path=\"${arguments[0]}\"]`);\
         const el = q && q.querySelector('input, select, textarea'); return el ? el.value : null;",
        vec![json!(path)],
    )
    .await
}

async fn next(c: &Client) {
    let before = page_key(c).await;
    click(c, "footer button.primary").await;
    until(
        c,
        "the next page",
        &format!("return document.querySelector('main.page').dataset.page !== {before:?};"),
    )
    .await;
}

async fn previous(c: &Client) {
    let before = page_key(c).await;
    click(c, "footer button:first-child").await;
    until(
        c,
        "the previous page",
        &format!("return document.querySelector('main.page').dataset.page !== {before:?};"),
    )
    .await;
}

/// Lets the autosave write the draft (and the page settle).
async fn settle() {
    tokio::time::sleep(std::time::Duration::from_millis(900)).await;
}

/// Candidate answers for a question the finalize step says is wrong, tried in turn.
fn candidates(path: &str) -> Vec<Option<&'static str>> {
    if path.ends_with("/head_age") {
        return vec![Some("45")];
    }
    if path.ends_with("_date") {
        return vec![Some("2027-06-01"), Some("2020-01-01")];
    }
    vec![None, Some("1"), Some("2"), Some("0")]
}

async fn scenario(c: &Client, server: &StaticServer) {
    open_page(c, &server.url()).await;
    wait_for(c, ".home").await;
    // How much storage is used, shown from the start (a warning comes only past 80 %).
    until(
        c,
        "the storage used",
        "const u = document.querySelector('.home .storage-used');\
         return !!u && /Xotiradan foydalanilgan: \\d+ MB \\/ \\d+ MB/.test(u.textContent);",
    )
    .await;
    screenshot(c, "01-home").await;
    // Photos scaled to at most 320 px (the test image is 512 × 512).
    fill_by_css(c, "#max-image", "320").await;

    // A new form: the first page.
    click(c, ".home .cards button.primary").await;
    wait_for(c, ".fill").await;
    let name = wait_for(c, "[data-path=\"/intro/interviewer_name\"] input").await;
    name.send_keys("Malika Rahimova").await.expect("type");
    fill(c, "/intro/visit_date", Some("2026-01-10")).await;
    click(c, "[data-path=\"/intro/consent\"] input").await;
    screenshot(c, "02-intro").await;
    next(c).await;

    // Cascading selects: Khorezm, then a district of Khorezm only.
    wait_for(c, "[data-path=\"/location/region\"]").await;
    fill(c, "/location/region", Some("khorezm")).await;
    until(
        c,
        "Khorezm's districts",
        "return document.querySelectorAll('[data-path=\"/location/district\"] option').length > 2;",
    )
    .await;
    let district = fill(c, "/location/district", None).await;
    assert!(!district.is_empty(), "Khorezm has districts to choose from");
    until(
        c,
        "the district's mahallas",
        "return document.querySelectorAll('[data-path=\"/location/mahalla\"] option').length > 2;",
    )
    .await;
    fill(c, "/location/mahalla", None).await;
    fill(c, "/location/settlement_type", None).await;
    // Typed a key at a time: the draft in IndexedDB follows the typing (a debounce would
    // save nothing until the typing stops).
    let address = "Al-Xorazmiy koʻchasi 5";
    for end in 1..=address.chars().count() {
        let typed: String = address.chars().take(end).collect();
        fill(c, "/location/address", Some(&typed)).await;
        tokio::time::sleep(std::time::Duration::from_millis(60)).await;
    }
    let drafts = idb(
        c,
        "the drafts",
        "indexedDB.open('xonadon').onsuccess = e => {\
           e.target.result.transaction('drafts').objectStore('drafts').getAll()\
             .onsuccess = r => window.__result = r.target.result.join(' ');\
         };",
        vec![],
    )
    .await;
    assert!(
        drafts
            .as_str()
            .unwrap_or_default()
            .contains("Al-Xorazmiy koʻchasi"),
        "the address was saved as it was typed, all but the last keystrokes: {drafts}"
    );
    next(c).await;

    // A constraint message appears and goes away.
    wait_for(c, "[data-path=\"/head/head_name\"]").await;
    fill(c, "/head/head_name", Some("Karimov Aziz")).await;
    fill(c, "/head/head_age", Some("13")).await;
    wait_for(c, "[data-path=\"/head/head_age\"] .message").await;
    fill(c, "/head/head_age", Some("45")).await;
    until(
        c,
        "the age message to go",
        "return !document.querySelector('[data-path=\"/head/head_age\"] .message');",
    )
    .await;
    next(c).await;

    // The roster: one member to start with, two added.
    wait_for(c, ".roster").await;
    let members = [
        ("Aziz", "1980-12-01"),
        ("Dilnoza", "2015-12-20"),
        ("Bobu", "1955-12-10"),
    ];
    for (i, (member, born)) in members.iter().enumerate() {
        let n = i + 1;
        if n == 1 {
            click(c, ".roster .entries li button").await;
        } else {
            click(c, ".roster > button.primary").await;
        }
        let base = format!("/roster/members[{n}]");
        wait_for(c, &format!("[data-path=\"{base}/member_name\"]")).await;
        fill(c, &format!("{base}/member_name"), Some(member)).await;
        fill(c, &format!("{base}/birth_date"), Some(born)).await;
        fill(c, &format!("{base}/member_sex"), None).await;
        if n < 3 {
            click(c, "button.back-to-roster").await;
            wait_for(c, ".roster").await;
        }
        if n == 2 {
            // An entry added by mistake: removing asks first; Cancel keeps it, Remove removes it.
            click(c, ".roster > button.primary").await;
            wait_for(c, "[data-path=\"/roster/members[3]/member_name\"]").await;
            click(c, "button.back-to-roster").await;
            let entries = "return document.querySelectorAll('.roster .entries li').length;";
            until(
                c,
                "three entries",
                &format!("{} === 3;", entries.trim_end_matches(';')),
            )
            .await;
            click(c, ".roster .entries li:last-child button.danger").await;
            wait_for(c, "dialog.confirm[open]").await;
            click(c, "dialog.confirm button:not(.danger)").await;
            until(
                c,
                "the dialog to close",
                "return !document.querySelector('dialog.confirm[open]');",
            )
            .await;
            assert_eq!(
                js(c, entries, vec![]).await,
                json!(3),
                "Cancel keeps the entry"
            );
            click(c, ".roster .entries li:last-child button.danger").await;
            wait_for(c, "dialog.confirm[open]").await;
            screenshot(c, "03a-confirm-remove").await;
            click(c, "dialog.confirm button.danger").await;
            until(
                c,
                "two entries",
                &format!("{} === 2;", entries.trim_end_matches(';')),
            )
            .await;
        }
    }
    screenshot(c, "03-member").await;

    // Reload mid-way: the same screen comes back (its address), with the draft's answers.
    // The last answer is given just before the reload, while its write may still be in
    // flight: the journal and the save on `pagehide` keep it.
    settle().await;
    fill(c, "/roster/members[3]/member_name", Some("Bobur")).await;
    c.refresh().await.expect("reload");
    wait_for(c, ".fill").await;
    until(
        c,
        "the page the worker was on",
        "return document.querySelector('main.page').dataset.page === '/roster/members[3]';",
    )
    .await;
    assert_eq!(
        value_at(c, "/roster/members[3]/member_name").await,
        json!("Bobur")
    );
    assert_eq!(
        value_at(c, "/roster/members[3]/birth_date").await,
        json!("1955-12-10")
    );
    previous(c).await;
    assert_eq!(
        value_at(c, "/roster/members[2]/member_name").await,
        json!("Dilnoza")
    );
    assert_eq!(
        value_at(c, "/roster/members[2]/birth_date").await,
        json!("2015-12-20")
    );
    previous(c).await;
    assert_eq!(
        value_at(c, "/roster/members[1]/member_name").await,
        json!("Aziz")
    );
    previous(c).await;
    let roster = wait_for(c, ".roster .entries")
        .await
        .text()
        .await
        .expect("roster text");
    for (member, _) in members {
        assert!(
            roster.contains(member),
            "{member} in the roster list: {roster}"
        );
    }
    previous(c).await;
    assert_eq!(value_at(c, "/head/head_age").await, json!("45"));
    assert_eq!(value_at(c, "/head/head_name").await, json!("Karimov Aziz"));
    previous(c).await;
    assert_eq!(value_at(c, "/location/region").await, json!("khorezm"));
    assert_eq!(value_at(c, "/location/district").await, json!(district));
    previous(c).await;
    assert_eq!(
        value_at(c, "/intro/interviewer_name").await,
        json!("Malika Rahimova")
    );
    assert_eq!(value_at(c, "/intro/visit_date").await, json!("2026-01-10"));

    // Language switch mid-form: chrome and form texts follow.
    let label_uz = wait_for(c, "[data-path=\"/intro/interviewer_name\"] label")
        .await
        .text()
        .await
        .unwrap();
    let select = wait_for(c, ".fill header .language select").await;
    select.select_by_value("ru").await.expect("choose Russian");
    until(
        c,
        "Russian chrome",
        "return document.querySelector('footer button.primary').textContent.trim() === 'Далее';",
    )
    .await;
    let label_ru = wait_for(c, "[data-path=\"/intro/interviewer_name\"] label")
        .await
        .text()
        .await
        .unwrap();
    assert_ne!(label_uz, label_ru, "the form's label follows the language");
    screenshot(c, "04-russian").await;

    // A photo: chosen as a file, scaled down on the device, stored, shown.
    click(c, "nav.sections > button").await;
    click(c, "nav.sections li:nth-last-child(2) button").await;
    let photo_input = wait_for(c, "[data-path=\"/needs/dwelling_photo\"] input[type=file]").await;
    let image = workspace()
        .join("public/icon-512.png")
        .canonicalize()
        .expect("test image");
    photo_input
        .send_keys(&image.to_string_lossy())
        .await
        .expect("choose the photo");
    until(
        c,
        "the scaled photo",
        "const i = document.querySelector('[data-path=\"/needs/dwelling_photo\"] img.preview');\
         return !!i && i.complete && i.naturalWidth === 320;",
    )
    .await;
    screenshot(c, "04a-photo").await;

    // Finalize: fix what the finalize step lists, jumping to each question, until none is left.
    let mut tries: HashMap<String, usize> = HashMap::new();
    loop {
        if c.find(Locator::Css(".finalize")).await.is_err() {
            click(c, "nav.sections > button").await;
            click(c, "nav.sections li:last-child button").await;
            wait_for(c, ".finalize").await;
        }
        let left = c
            .find_all(Locator::Css(".violations li button"))
            .await
            .expect("violations");
        if left.is_empty() {
            break;
        }
        if tries.values().sum::<usize>() == 3 {
            screenshot(c, "05-finalize-list").await;
        }
        left[0].click().await.expect("go to question");
        until(
            c,
            "the question to get focus",
            "return !!document.activeElement.closest('[data-path]');",
        )
        .await;
        let path = js(
            c,
            "return document.activeElement.closest('[data-path]').dataset.path;",
            vec![],
        )
        .await;
        let path = path.as_str().unwrap_or_default().to_string();
        let n = tries.entry(path.clone()).or_default();
        let options = candidates(&path);
        // A slow machine may list a fixed question once more before the list catches up, so
        // the last candidate may be tried again a few times before giving up.
        assert!(
            *n < options.len() + 5,
            "cannot find an accepted answer for {path}"
        );
        fill(c, &path, options[(*n).min(options.len() - 1)]).await;
        *n += 1;
        // Leptos updates the DOM after the event; let the list catch up.
        tokio::time::sleep(std::time::Duration::from_millis(150)).await;
        assert!(
            tries.values().sum::<usize>() < 400,
            "finalize does not converge"
        );
    }
    click(c, ".finalize button.primary").await;
    wait_for(c, ".home .finalized").await;
    let finalized = c
        .find_all(Locator::Css(".home .finalized li"))
        .await
        .expect("list");
    assert_eq!(finalized.len(), 1, "the finalized form is listed");
    assert!(
        c.find(Locator::Css(".home .drafts")).await.is_err(),
        "the draft is gone"
    );
    screenshot(c, "06-finalized").await;

    // The finalized form, exported from the supervisor's screen as a bundle: stamped with its
    // metadata, the roster of three, and the photo inside.
    let downloads = std::env::temp_dir().join(format!("xonadon-e2e-dl-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&downloads);
    std::fs::create_dir_all(&downloads).expect("a download folder");
    cdp(
        c,
        "Browser.setDownloadBehavior",
        json!({ "behavior": "allow", "downloadPath": downloads.display().to_string() }),
    )
    .await;
    click(c, "#open-supervisor").await;
    wait_for(c, "table.submissions tbody tr").await;
    click(c, "#export-json").await;
    let file = {
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(20);
        loop {
            let found = std::fs::read_dir(&downloads)
                .expect("downloads")
                .flatten()
                .map(|e| e.path())
                .find(|p| p.extension().is_some_and(|x| x == "json"));
            if let Some(path) = found {
                break path;
            }
            assert!(std::time::Instant::now() < deadline, "no bundle downloaded");
            tokio::time::sleep(std::time::Duration::from_millis(100)).await;
        }
    };
    let bytes = std::fs::read(&file).expect("the bundle");
    let bundle = xonadon_export::bundle::read("export.json", &bytes).expect("a valid bundle");
    assert_eq!(bundle.forms.len(), 1);
    let [exported] = &bundle.submissions[..] else {
        panic!("one submission: {}", bundle.submissions.len());
    };
    let s = &exported.submission;
    assert!(s.instance_id.starts_with("uuid:"), "{}", s.instance_id);
    assert_eq!(s.form_version, bundle.forms[0].version);
    assert!(s.finalized_at_ms >= s.started_at_ms);
    assert_eq!(s.data["meta"]["instanceID"], json!(s.instance_id));
    let roster = s.data["roster"]["members"].as_array().expect("the roster");
    assert_eq!(roster.len(), 3, "{roster:?}");
    let photo = s.data["needs"]["dwelling_photo"]
        .as_str()
        .unwrap_or_default();
    assert!(
        exported
            .media
            .iter()
            .any(|m| m.name == photo && m.mime == "image/jpeg" && !m.base64.is_empty()),
        "the photo {photo:?} travels in the bundle"
    );
    let _ = std::fs::remove_dir_all(&downloads);
    click(c, "#open-home").await;
    wait_for(c, ".home").await;

    // No network: the service worker starts the app, and a new draft is saved.
    server.stop();
    c.refresh().await.expect("reload offline");
    wait_for(c, ".home").await;
    // The language chosen mid-form is still the app's language after the reload.
    let title = wait_for(c, ".home h1").await.text().await.expect("title");
    assert_eq!(title, "Хонадон", "the language choice persists");
    click(c, ".home .cards button.primary").await;
    wait_for(c, ".fill").await;
    click(c, "[data-path=\"/intro/consent\"] input").await;
    settle().await;
    click(c, ".fill header button").await;
    wait_for(c, ".home .drafts").await;
    let drafts = c
        .find_all(Locator::Css(".home .drafts li"))
        .await
        .expect("drafts");
    assert_eq!(drafts.len(), 1, "the offline draft is saved");
    screenshot(c, "07-offline").await;
    // The supervisor's page (its own Wasm module) is in the offline shell too.
    click(c, "#open-supervisor").await;
    wait_for(c, ".supervisor table.submissions tbody tr").await;
    click(c, "#open-home").await;
    wait_for(c, ".home .drafts").await;
}

#[tokio::test(flavor = "multi_thread")]
async fn field_worker_session() {
    let server = std::sync::Arc::new(StaticServer::start(dist()));
    let driver = Driver::start();
    in_browser(&driver, &profile("app"), "app", move |c| async move {
        scenario(&c, &server).await
    })
    .await;
}
