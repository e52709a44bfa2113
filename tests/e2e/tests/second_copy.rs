//! The second copy (Origin Private File System) brings back what IndexedDB lost, photos
//! included: a draft with a photo, and a finalized form already exported (an export alone
//! does not make its copy unneeded: the page cannot know the download reached the disk).
//! IndexedDB is wiped under the app (`Storage.clearDataForOrigin`, as the browser itself may
//! do on a full disk) and the page reloaded.
//!
//! Needs `dist/` (`trunk build --release`) and chromedriver; `scripts/test` does both.

use fantoccini::Client;
use serde_json::json;
use xonadon_e2e::{
    answer, cdp, click, dist, in_browser, js, open_page, profile, publish_in_designer, start_form,
    until, wait_for, workspace, Driver, StaticServer,
};

const FORM: &str = r#"{
  "settings": {"form_id": "photos", "version": "1", "title": "Photos",
               "instance_name": "${head}"},
  "survey": [
    {"type": "text", "name": "head", "label": "Head of household"},
    {"type": "image", "name": "house", "label": "The house"}
  ]
}"#;

/// The second copy's file names.
async fn copy_files(c: &Client) -> Vec<String> {
    let names = xonadon_e2e::idb(
        c,
        "the second copy listed",
        "(async () => {\
           const dir = await (await navigator.storage.getDirectory()).getDirectoryHandle('xonadon-copy');\
           const names = [];\
           for await (const name of dir.keys()) names.push(name);\
           window.__result = names;\
         })();",
        vec![],
    )
    .await;
    serde_json::from_value(names).unwrap()
}

async fn start_photos(c: &Client, head: &str) {
    click(c, "#open-home").await;
    start_form(c, "Photos").await;
    wait_for(c, "[data-path=\"/head\"] input").await;
    answer(c, "/head", head).await;
}

/// The photo question's button: large, in the app's language (the browser's own control is
/// hidden behind it).
async fn photo_button(c: &Client) -> serde_json::Value {
    js(
        c,
        "const b = document.querySelector('[data-path=\"/house\"] label.button.big');\
         return b ? [b.textContent, b.getBoundingClientRect().height >= 56] : null;",
        vec![],
    )
    .await
}

async fn attach_photo(c: &Client) {
    let input = wait_for(c, "[data-path=\"/house\"] input[type=file]").await;
    assert_eq!(photo_button(c).await, json!(["📷 Rasmga olish", true]));
    let image = workspace()
        .join("public/icon-512.png")
        .canonicalize()
        .expect("test image");
    input
        .send_keys(&image.to_string_lossy())
        .await
        .expect("choose the photo");
    until(
        c,
        "the photo stored and shown",
        "return !!document.querySelector('[data-path=\"/house\"] img.preview');",
    )
    .await;
    assert_eq!(photo_button(c).await, json!(["📷 Qaytadan olish", true]));
}

async fn scenario(c: &Client, server: &StaticServer) {
    open_page(c, &format!("{}designer.html", server.url())).await;
    publish_in_designer(c, FORM, "photos 1").await;

    // A finalized form with a photo, exported from the supervisor's page.
    start_photos(c, "Exported").await;
    attach_photo(c).await;
    click(c, "nav.sections > button").await;
    click(c, "nav.sections li:last-child button").await;
    click(c, ".finalize button.primary").await;
    wait_for(c, ".home .finalized").await;
    let downloads = profile("second-copy-downloads");
    std::fs::create_dir_all(&downloads).unwrap();
    cdp(
        c,
        "Browser.setDownloadBehavior",
        json!({ "behavior": "allow", "downloadPath": downloads.display().to_string() }),
    )
    .await;
    click(c, "#open-supervisor").await;
    wait_for(c, "table.submissions tbody tr").await;
    click(c, "#export-json").await;
    // Downloaded; the export is recorded on the submission right after.
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(20);
    while !std::fs::read_dir(&downloads)
        .unwrap()
        .flatten()
        .any(|e| e.file_name().to_string_lossy().ends_with(".json"))
    {
        assert!(std::time::Instant::now() < deadline, "no bundle downloaded");
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    tokio::time::sleep(std::time::Duration::from_millis(500)).await;

    // A draft with a photo.
    start_photos(c, "Draft").await;
    attach_photo(c).await;
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
    let files = loop {
        let files = copy_files(c).await;
        let count = |p: &str| files.iter().filter(|f| f.starts_with(p)).count();
        if (count("draft-"), count("submission-"), count("media-")) == (1, 1, 2) {
            break files;
        }
        assert!(
            std::time::Instant::now() < deadline,
            "a copy of the draft, the exported submission and both photos: {files:?}"
        );
        tokio::time::sleep(std::time::Duration::from_millis(200)).await;
    };
    println!("second copy: {files:?}");
    let _ = std::fs::remove_dir_all(&downloads);

    // IndexedDB wiped under the app, then a reload: all of it back.
    let origin = server.url().trim_end_matches('/').to_string();
    cdp(
        c,
        "Storage.clearDataForOrigin",
        json!({"origin": origin, "storageTypes": "indexeddb"}),
    )
    .await;
    c.goto(&server.url()).await.expect("reload");
    until(
        c,
        "the restored notice",
        "const w = document.querySelector('.storage-warning'); return !!w && w.textContent.includes('1 ta qoralama');",
    )
    .await;
    let said = js(
        c,
        "return document.querySelector('.storage-warning').textContent;",
        vec![],
    )
    .await;
    assert!(
        said.as_str().unwrap().contains("1 ta yakunlangan")
            && said.as_str().unwrap().contains("2 ta rasm"),
        "the draft, the exported form and both photos: {said}"
    );
    until(
        c,
        "the exported form listed",
        "return [...document.querySelectorAll('.home .finalized li')].some(li => li.textContent.includes('Exported'));",
    )
    .await;
    wait_for(c, ".home .drafts button.primary").await;
    click(c, ".home .drafts button.primary").await;
    until(
        c,
        "the draft's photo back",
        "return !!document.querySelector('[data-path=\"/house\"] img.preview');",
    )
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn the_second_copy_brings_back_photos_and_exported_forms() {
    let server = std::sync::Arc::new(StaticServer::start(dist()));
    let driver = Driver::start();
    in_browser(
        &driver,
        &profile("second-copy"),
        "second-copy",
        move |c| async move { scenario(&c, &server).await },
    )
    .await;
}
