//! A field worker's week, end to end, with a supervisor on another device, on a tablet
//! (800×1280) and on a phone (360×740), a day in each of the app's four languages:
//!
//! - The week's form made in the designer (on the supervisor's device) with a picture and
//!   downloaded for the tablets.
//! - Monday (Uzbek Latin): that file and a hand-written form file received on the home
//!   screen, the picture shown in the form (that draft left as a draft); two households
//!   filled and finalized; "send new" writes one bundle of both (not encrypted:
//!   said), and each form says it was sent.
//! - The supervisor imports it, returns one household with a comment, approves the other, and
//!   sends a bundle back.
//! - Tuesday (Uzbek Cyrillic): the supervisor's bundle received on the home screen; the
//!   returned form shows the comment, is opened read-only and corrected as a new draft;
//!   finalized, it replaces the old one.
//! - Wednesday (Russian): a third household; "send new" takes the correction and it, and the
//!   correction names the form it replaces (`meta/deprecatedID`); the supervisor's list then
//!   shows each household once, the correction with the review that returned the first.
//! - Thursday (English): the tablet is given the supervisor's key; "send all again" writes an
//!   encrypted bundle only the supervisor's key opens; Back from a form read goes home, never
//!   out of the app.
//!
//! Needs `dist/` (`trunk build --release`) and chromedriver; `scripts/test` does both.

use std::path::Path;
use std::time::Duration;

use fantoccini::Client;
use serde_json::{json, Value};
use xonadon_e2e::{
    answer, browser, choose_files, click, dist, downloaded, downloads_into, js, open_page, profile,
    screenshot, select_value, start_form, type_into, until, viewport, wait_for, Driver,
    StaticServer, PNG_2X2,
};
use xonadon_export::bundle::{self, Bundle};
use xonadon_export::keys::SupervisorIdentity;

const FORM: &str = r#"{
  "settings": {"form_id": "week", "version": "2026120701", "default_language": "uz-Latn",
    "title": {"uz-Latn": "Haftalik tashrif", "uz-Cyrl": "Ҳафталик ташриф",
              "ru": "Визит недели", "en": "Weekly visit"},
    "instance_name": "${head}"},
  "survey": [
    {"type": "group", "name": "family",
     "label": {"uz-Latn": "Oila", "uz-Cyrl": "Оила", "ru": "Семья", "en": "Family"},
     "children": [
      {"type": "text", "name": "head", "required": "yes", "media": {"image": "house.png"},
       "label": {"uz-Latn": "Oila boshligʻi", "uz-Cyrl": "Оила бошлиғи",
                 "ru": "Глава семьи", "en": "Head of household"}},
      {"type": "integer", "name": "age", "constraint": ". >= 18",
       "label": {"uz-Latn": "Yoshi", "uz-Cyrl": "Ёши", "ru": "Возраст", "en": "Age"}}]}
  ]
}"#;

/// A form file as a designer writes it by hand, received on its own.
const NOTES: &str = r#"{
  "settings": {"form_id": "notes", "version": "1", "title": "Eslatmalar"},
  "survey": [{"type": "text", "name": "note", "label": "Eslatma"}]
}"#;

/// The language menu of the screen shown.
const LANGUAGE: &str = "header .language select";

fn title(language: &str) -> &'static str {
    match language {
        "uz-Cyrl" => "Ҳафталик ташриф",
        "ru" => "Визит недели",
        "en" => "Weekly visit",
        _ => "Haftalik tashrif",
    }
}

async fn text_of(c: &Client, css: &str) -> String {
    wait_for(c, css).await;
    js(
        c,
        "return document.querySelector(arguments[0]).textContent;",
        vec![json!(css)],
    )
    .await
    .as_str()
    .unwrap_or_default()
    .to_string()
}

/// Waits until the element `css` says `words`.
async fn says(c: &Client, css: &str, words: &str) {
    until(
        c,
        &format!("{css} saying {words:?}"),
        &format!(
            "const e = document.querySelector({css:?}); return !!e && e.textContent.includes({words:?});"
        ),
    )
    .await;
}

/// The home screen in `language`.
async fn home_in(c: &Client, language: &str) {
    wait_for(c, ".home").await;
    select_value(c, &format!(".home {LANGUAGE}"), language).await;
    until(
        c,
        "the document's language",
        &format!("return document.documentElement.lang === {language:?};"),
    )
    .await;
}

/// Fills a household of the week's form (in the language shown) and finalizes it.
async fn household(c: &Client, language: &str, head: &str, age: &str) {
    start_form(c, title(language)).await;
    answer(c, "/family/head", head).await;
    answer(c, "/family/age", age).await;
    finalize(c).await;
}

/// From a page of the week's form (one page): Next to the finalize step, then finalize.
async fn finalize(c: &Client) {
    tokio::time::sleep(Duration::from_millis(200)).await;
    click(c, "footer.nav button.primary").await;
    wait_for(c, ".finalize button.primary").await;
    click(c, ".finalize button.primary").await;
    wait_for(c, ".home .finalized").await;
}

/// Empties the downloads folder, so the next file waited for is the next one written.
fn clear(dir: &Path) {
    for entry in std::fs::read_dir(dir).unwrap().flatten() {
        let _ = std::fs::remove_file(entry.path());
    }
}

/// The submission of household `head` in a bundle.
fn by_head<'a>(b: &'a Bundle, head: &str) -> Vec<&'a Value> {
    b.submissions
        .iter()
        .map(|s| &s.submission.data)
        .filter(|d| d["family"]["head"] == head)
        .collect()
}

fn instance_id(data: &Value) -> String {
    data["meta"]["instanceID"].as_str().unwrap().to_string()
}

/// The tablet's home "send new": the bundle written, read back (with `key` if encrypted).
async fn send(
    c: &Client,
    button: &str,
    downloads: &Path,
    suffix: &str,
    key: &[SupervisorIdentity],
) -> (String, Bundle) {
    clear(downloads);
    click(c, button).await;
    let (name, bytes) = downloaded(downloads, suffix).await;
    until(
        c,
        "the send's line",
        "const r = document.getElementById('send-result'); return !!r && r.textContent.length > 0;",
    )
    .await;
    let bundle = bundle::read_with(&name, &bytes, key).expect("the sent bundle reads");
    (name, bundle)
}

/// The supervisor's rows (each a submission's instance id).
async fn rows(c: &Client) -> Vec<String> {
    let ids = js(
        c,
        "return [...document.querySelectorAll('table.submissions tbody tr')].map(r => r.dataset.id);",
        vec![],
    )
    .await;
    serde_json::from_value(ids).unwrap()
}

async fn import(c: &Client, file: &Path, rows_then: usize) {
    choose_files(c, "#import-files", &[file]).await;
    until(
        c,
        "the import",
        &format!(
            "return !document.querySelector('.working') && document.querySelectorAll('.report li').length >= 1 &&\
             document.querySelectorAll('table.submissions tbody tr').length === {rows_then};"
        ),
    )
    .await;
}

async fn open_row(c: &Client, id: &str) {
    click(c, &format!("tr[data-id='{id}'] button.link")).await;
    wait_for(c, ".detail dl.answers").await;
}

async fn week(tablet: &Client, sup: &Client, url: &str, dirs: &Path, (width, height): (u32, u32)) {
    let (files, t_downloads, s_downloads) = (
        dirs.join("files"),
        dirs.join("tablet-downloads"),
        dirs.join("supervisor-downloads"),
    );
    for d in [&files, &t_downloads, &s_downloads] {
        std::fs::create_dir_all(d).unwrap();
    }
    let notes = files.join("notes.json");
    std::fs::write(&notes, NOTES).unwrap();
    let picture = files.join("house.png");
    std::fs::write(&picture, PNG_2X2).unwrap();

    // The week's form made on the supervisor's device, with its picture, and downloaded for
    // the tablets.
    open_page(sup, &format!("{url}designer.html")).await;
    viewport(sup, 800, 1280).await;
    downloads_into(sup, &s_downloads).await;
    type_into(sup, "#form-json", FORM).await;
    wait_for(sup, ".problems .none").await;
    choose_files(sup, "#import-xlsform", &[&picture]).await;
    says(sup, ".tools .status", "saqlangan fayllar: 1").await;
    click(sup, "#publish-form").await;
    says(sup, ".tools .status", "week 2026120701").await;
    click(sup, ".saved summary").await;
    clear(&s_downloads);
    js(
        sup,
        "[...document.querySelectorAll('.saved li')].find(li => li.textContent.includes('week 2026120701'))         .querySelector('button.for-tablets').click();",
        vec![],
    )
    .await;
    let (package, _) = downloaded(&s_downloads, ".json").await;
    assert_eq!(package, "xonadon-form-week-2026120701.json");
    says(sup, ".tools .status", "rasmlari bilan").await;
    std::fs::copy(s_downloads.join(&package), files.join(&package)).unwrap();

    // Monday, in Uzbek Latin: the form (with its picture) and a form file received, two
    // households, sent.
    open_page(tablet, url).await;
    viewport(tablet, width, height).await;
    downloads_into(tablet, &t_downloads).await;
    home_in(tablet, "uz-Latn").await;
    choose_files(tablet, "#receive-files", &[&files.join(&package), &notes]).await;
    until(
        tablet,
        "both files received",
        "const r = document.getElementById('receive-report');         return !!r && r.children.length === 2;",
    )
    .await;
    says(tablet, "#receive-report", "1 ta yangi shakl qabul qilindi").await;
    says(
        tablet,
        "#receive-report",
        "«Eslatmalar» shakli (versiya 1) qoʻshildi",
    )
    .await;
    says(tablet, ".home .cards", "Eslatmalar").await;
    start_form(tablet, title("uz-Latn")).await;
    until(
        tablet,
        "the form's picture on the tablet",
        "const i = document.querySelector('.fill img.form-media[data-media=\"house.png\"]');         return !!i && !i.hidden && i.complete && i.naturalWidth === 2;",
    )
    .await;
    click(tablet, ".fill header button").await;
    wait_for(tablet, ".home").await;
    household(tablet, "uz-Latn", "Karimov Aziz", "40").await;
    household(tablet, "uz-Latn", "Aliyeva Malika", "35").await;
    says(tablet, "#send-new", "Yangilarini yuborish (2)").await;
    assert_eq!(
        js(
            tablet,
            "return document.querySelectorAll('.home .finalized .not-sent').length;",
            vec![]
        )
        .await,
        json!(2)
    );
    assert!(text_of(tablet, ".send .not-sealed")
        .await
        .contains("shifrlanmaydi"));
    screenshot(tablet, &format!("week-{width}-1-monday")).await;
    let (monday, sent) = send(tablet, "#send-new", &t_downloads, ".json", &[]).await;
    assert!(
        monday.starts_with("xonadon-") && monday.ends_with(".json"),
        "{monday}"
    );
    assert_eq!(sent.submissions.len(), 2);
    says(tablet, "#send-result", "2 ta soʻrovnoma saqlandi").await;
    until(
        tablet,
        "both marked sent",
        "return document.querySelectorAll('.home .finalized .sent').length === 2 &&\
         document.getElementById('send-new').disabled;",
    )
    .await;
    let aziz = instance_id(by_head(&sent, "Karimov Aziz")[0]);
    let malika = instance_id(by_head(&sent, "Aliyeva Malika")[0]);
    std::fs::copy(t_downloads.join(&monday), files.join("monday.json")).unwrap();

    // The supervisor: imports, returns Aziz's with a comment, approves Malika's, sends back.
    open_page(sup, &format!("{url}supervisor.html")).await;
    wait_for(sup, ".supervisor .dropzone").await;
    import(sup, &files.join("monday.json"), 2).await;
    open_row(sup, &aziz).await;
    type_into(sup, "#reviewer-name", "Nodira Yusupova").await;
    click(sup, "#save-reviewer").await;
    wait_for(sup, "#change-reviewer").await;
    type_into(sup, "#review-comment", "Yoshini tekshiring").await;
    click(sup, "#review-issues").await;
    until(
        sup,
        "returned",
        &format!(
            "const r = document.querySelector(\"tr[data-id='{aziz}'] .status\");\
             return !!r && r.classList.contains('has-issues');"
        ),
    )
    .await;
    open_row(sup, &malika).await;
    click(sup, "#review-approve").await;
    until(
        sup,
        "approved",
        &format!(
            "const r = document.querySelector(\"tr[data-id='{malika}'] .status\");\
             return !!r && r.classList.contains('approved');"
        ),
    )
    .await;
    clear(&s_downloads);
    click(sup, "#export-json").await;
    let (name, _) = downloaded(&s_downloads, ".json").await;
    std::fs::copy(s_downloads.join(&name), files.join("reviews.json")).unwrap();

    // Tuesday, in Uzbek Cyrillic: the reviews received; the returned form corrected.
    home_in(tablet, "uz-Cyrl").await;
    choose_files(tablet, "#receive-files", &[&files.join("reviews.json")]).await;
    says(tablet, "#receive-report", "2 та текширув").await;
    let returned = format!(".home .finalized li[data-id='{aziz}']");
    says(
        tablet,
        &format!("{returned} .review-note"),
        "Yoshini tekshiring",
    )
    .await;
    says(tablet, &format!("{returned} .status"), "Камчилиги бор").await;
    click(tablet, &format!("{returned} button.view")).await;
    says(tablet, ".view-submission .review", "Yoshini tekshiring").await;
    says(tablet, "#correct", "Тузатиш").await;
    click(tablet, "#correct").await;
    wait_for(tablet, "main.page").await;
    assert_eq!(
        js(
            tablet,
            "return document.querySelector('[data-path=\"/family/head\"] input').value;",
            vec![]
        )
        .await,
        json!("Karimov Aziz"),
        "the correction starts from the answers returned"
    );
    answer(tablet, "/family/age", "41").await;
    finalize(tablet).await;
    says(tablet, &format!("{returned} .replaced"), "алмаштирилган").await;
    says(tablet, ".home .finalized .correction", "Тузатиш: ").await;
    says(tablet, "#send-new", "Янгиларини юбориш (1)").await;
    screenshot(tablet, &format!("week-{width}-2-tuesday")).await;

    // Wednesday, in Russian: a third household; the correction and it sent.
    home_in(tablet, "ru").await;
    household(tablet, "ru", "Rahimov Bobur", "50").await;
    says(tablet, "#send-new", "Отправить новые (2)").await;
    let (wednesday, sent) = send(tablet, "#send-new", &t_downloads, ".json", &[]).await;
    says(tablet, "#send-result", "сохранено анкет — 2").await;
    assert_eq!(sent.submissions.len(), 2);
    let corrected = by_head(&sent, "Karimov Aziz");
    assert_eq!(corrected.len(), 1, "only the correction is new");
    assert_eq!(corrected[0]["family"]["age"], "41");
    assert_eq!(
        corrected[0]["meta"]["deprecatedID"], aziz,
        "the correction names the form it replaces"
    );
    let correction = instance_id(corrected[0]);
    assert_ne!(correction, aziz);
    std::fs::copy(t_downloads.join(&wednesday), files.join("wednesday.json")).unwrap();

    // The supervisor: each household once, the correction with the review that returned it.
    import(sup, &files.join("wednesday.json"), 3).await;
    let shown = rows(sup).await;
    assert!(
        shown.contains(&correction) && !shown.contains(&aziz),
        "{shown:?}"
    );
    says(
        sup,
        &format!("tr[data-id='{correction}'] .correction"),
        "Tuzatilgan",
    )
    .await;
    open_row(sup, &correction).await;
    says(sup, ".detail .earlier-versions", "Yoshini tekshiring").await;
    screenshot(sup, &format!("week-{width}-3-supervisor")).await;

    // Thursday, in English: the supervisor's key given; everything sent again, encrypted.
    let identity = SupervisorIdentity::generate("Nodira Yusupova");
    js(
        tablet,
        "localStorage.setItem('xonadon.send_to', JSON.stringify(arguments[0]));",
        vec![json!(identity.public().to_string())],
    )
    .await;
    tablet.refresh().await.expect("reload");
    home_in(tablet, "en").await;
    assert!(text_of(tablet, ".send .sealed")
        .await
        .contains("only they can read it"));
    says(tablet, "#send-all", "Send all again").await;
    let (thursday, sent) = send(
        tablet,
        "#send-all",
        &t_downloads,
        ".json.age",
        std::slice::from_ref(&identity),
    )
    .await;
    assert!(thursday.ends_with(".json.age"), "{thursday}");
    assert_eq!(
        sent.submissions.len(),
        4,
        "the replaced form goes too: all of them"
    );
    says(tablet, "#send-result", "4 forms saved").await;
    let bytes = std::fs::read(t_downloads.join(&thursday)).unwrap();
    assert!(
        bundle::read_with(&thursday, &bytes, &[]).is_err(),
        "no one else opens it"
    );
    says(tablet, ".home .finalized .sent", "Sent ").await;

    // Back from a form read goes home, and never out of the app.
    click(
        tablet,
        &format!(".home .finalized li[data-id='{malika}'] button.view"),
    )
    .await;
    wait_for(tablet, ".view-submission").await;
    tablet.back().await.expect("back");
    wait_for(tablet, ".home .finalized").await;
    assert!(tablet
        .current_url()
        .await
        .unwrap()
        .as_str()
        .starts_with(url));
    screenshot(tablet, &format!("week-{width}-4-thursday")).await;
}

/// The week on one screen size: two browsers (the tablet and the supervisor's device) on
/// profiles of their own, closed and removed either way.
async fn on_screen(driver: &Driver, server: &StaticServer, size: (u32, u32)) {
    let name = format!("week-{}", size.0);
    let dirs = profile(&format!("{name}-files"));
    let (t_profile, s_profile) = (
        profile(&format!("{name}-tablet")),
        profile(&format!("{name}-sup")),
    );
    let tablet = browser(driver, &t_profile).await;
    let sup = browser(driver, &s_profile).await;
    let outcome = tokio::spawn({
        let (tablet, sup, url, dirs) = (tablet.clone(), sup.clone(), server.url(), dirs.clone());
        async move { week(&tablet, &sup, &url, &dirs, size).await }
    })
    .await;
    if outcome.is_err() {
        screenshot(&tablet, &format!("failure-{name}-tablet")).await;
        screenshot(&sup, &format!("failure-{name}-supervisor")).await;
    }
    let _ = tablet.close().await;
    let _ = sup.close().await;
    for d in [&dirs, &t_profile, &s_profile] {
        let _ = std::fs::remove_dir_all(d);
    }
    if let Err(e) = outcome {
        std::panic::resume_unwind(e.into_panic());
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn a_week_on_a_tablet_and_on_a_phone() {
    let server = StaticServer::start(dist());
    let driver = Driver::start();
    on_screen(&driver, &server, (800, 1280)).await;
    on_screen(&driver, &server, (360, 740)).await;
}
