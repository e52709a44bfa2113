//! The field worker's moves through a form, on a tablet (800×1280) and on a phone (360×740):
//! "Next" refused while the page has a broken constraint (the worker taken to it), and while
//! a required question is unanswered when the device's setting asks for it; a page whose
//! questions are all irrelevant skipped; Next on the last page going to the finalize step;
//! the browser's Back and Forward moving between pages and the home screen (never out of the
//! app); a reload coming back to the same page.
//!
//! Needs `dist/` (`trunk build --release`) and chromedriver; `scripts/test` does both.

use std::time::Duration;

use fantoccini::Client;
use serde_json::json;
use xonadon_e2e::{
    answer, click, dist, in_browser, js, open_page, profile, publish_in_designer, start_form,
    until, wait_for, Driver, StaticServer,
};

const FORM: &str = r#"{
  "settings": {"form_id": "day", "version": "1", "title": "Day", "instance_name": "${head}"},
  "survey": [
    {"type": "group", "name": "family", "label": "Family", "children": [
      {"type": "text", "name": "head", "label": "Head of household", "required": "yes"},
      {"type": "integer", "name": "age", "label": "Age", "constraint": ". >= 18",
       "constraint_message": "An adult, please"}]},
    {"type": "group", "name": "house", "label": "House", "children": [
      {"type": "integer", "name": "rooms", "label": "Rooms"}]},
    {"type": "group", "name": "palace", "label": "Palace", "relevant": "${rooms} > 100",
     "children": [{"type": "text", "name": "why", "label": "Why so many?"}]},
    {"type": "group", "name": "last", "label": "Last", "children": [
      {"type": "text", "name": "note", "label": "Note"}]}
  ]
}"#;

/// A roster filled by hand, then a closing page.
const TEAM: &str = r#"{
  "settings": {"form_id": "team", "version": "1", "title": "Team"},
  "survey": [
    {"type": "repeat", "name": "people", "label": "People", "children": [
      {"type": "text", "name": "who", "label": "Who"}]},
    {"type": "group", "name": "end", "label": "End", "children": [
      {"type": "text", "name": "note", "label": "Note"},
      {"type": "range", "name": "score", "label": "How hard was it?",
       "parameters": "start=1 end=5 step=1"},
      {"type": "geopoint", "name": "where", "label": "Where?",
       "parameters": "capture-accuracy=5"}]}
  ]
}"#;

async fn next(c: &Client) {
    click(c, "footer.nav button.primary").await;
    tokio::time::sleep(Duration::from_millis(300)).await;
}

async fn on_page(c: &Client, key: &str) {
    until(
        c,
        &format!("the page {key}"),
        &format!(
            "const m = document.querySelector('main.page'); return !!m && m.dataset.page === {key:?};"
        ),
    )
    .await;
}

/// Whether the focused element is inside the question `path`.
async fn focus_in(c: &Client, path: &str) -> bool {
    js(
        c,
        "const q = document.querySelector(`[data-path=\"${arguments[0]}\"]`);\
         return !!q && q.contains(document.activeElement);",
        vec![json!(path)],
    )
    .await
        == json!(true)
}

async fn message_at(c: &Client, path: &str) -> String {
    js(
        c,
        "const m = document.querySelector(`[data-path=\"${arguments[0]}\"] .message`);\
         return m ? m.textContent : '';",
        vec![json!(path)],
    )
    .await
    .as_str()
    .unwrap_or_default()
    .to_string()
}

async fn start_day(c: &Client) {
    start_form(c, "Day").await;
    on_page(c, "/family").await;
}

async fn scenario(c: &Client, server: &StaticServer, (width, height): (u32, u32)) {
    c.set_window_size(width, height).await.expect("window size");
    open_page(c, &format!("{}designer.html", server.url())).await;
    publish_in_designer(c, FORM, "day 1").await;
    click(c, "#open-home").await;
    start_day(c).await;

    // Screen readers: the document's language is the app's, a required question says so,
    // and a message is tied to its question.
    let lang = || js(c, "return document.documentElement.lang;", vec![]);
    assert_eq!(lang().await, json!("uz-Latn"));
    let required = |path: &'static str| {
        js(
            c,
            "return document.querySelector(`[data-path=\"${arguments[0]}\"] input`).getAttribute('aria-required');",
            vec![json!(path)],
        )
    };
    assert_eq!(required("/family/head").await, json!("true"));
    assert_eq!(required("/family/age").await, json!("false"));

    // A broken constraint: Next stays, and takes the worker to the question.
    answer(c, "/family/head", "Karimov Aziz").await;
    // The autosave's last success is shown.
    until(
        c,
        "the saved line",
        "const s = document.querySelector('.progress-text .saved');\
         return !!s && /^✓ Saqlandi \\d\\d:\\d\\d:\\d\\d$/.test(s.textContent);",
    )
    .await;
    answer(c, "/family/age", "12").await;
    js(
        c,
        "document.activeElement && document.activeElement.blur();",
        vec![],
    )
    .await;
    next(c).await;
    on_page(c, "/family").await;
    assert!(
        focus_in(c, "/family/age").await,
        "the focus at the broken answer"
    );
    assert_eq!(message_at(c, "/family/age").await, "An adult, please");
    assert_eq!(
        js(
            c,
            "const i = document.querySelector('[data-path=\"/family/age\"] input');\
             const m = document.querySelector('[data-path=\"/family/age\"] .message');\
             return i.getAttribute('aria-invalid') === 'true' &&\
               i.getAttribute('aria-describedby').split(' ').includes(m.id);",
            vec![]
        )
        .await,
        json!(true),
        "the message is the input's description"
    );
    answer(c, "/family/age", "40").await;
    next(c).await;
    on_page(c, "/house").await;
    // The palace page is not relevant: Next goes past it, and after the last page to the
    // finalize step.
    answer(c, "/house/rooms", "3").await;
    next(c).await;
    on_page(c, "/last").await;
    next(c).await;
    on_page(c, "#finalize").await;

    // Back and Forward, as on Android: page by page, then the home screen, never out.
    for key in ["/last", "/house", "/family"] {
        c.back().await.expect("back");
        on_page(c, key).await;
    }
    c.back().await.expect("back");
    wait_for(c, ".home .drafts").await;
    assert!(
        c.current_url()
            .await
            .unwrap()
            .as_str()
            .starts_with(&server.url()),
        "still in the app"
    );
    c.forward().await.expect("forward");
    on_page(c, "/family").await;
    assert_eq!(
        js(
            c,
            "return document.querySelector('[data-path=\"/family/head\"] input').value;",
            vec![]
        )
        .await,
        json!("Karimov Aziz")
    );
    c.forward().await.expect("forward");
    on_page(c, "/house").await;

    // The language switched: the document's follows.
    js(
        c,
        "const s = document.querySelector('.fill header .language select'); s.value = 'en';\
         s.dispatchEvent(new Event('change'));",
        vec![],
    )
    .await;
    until(
        c,
        "lang en",
        "return document.documentElement.lang === 'en';",
    )
    .await;
    js(
        c,
        "const s = document.querySelector('.fill header .language select'); s.value = 'uz-Latn';\
         s.dispatchEvent(new Event('change'));",
        vec![],
    )
    .await;

    // A reload comes back to the same page.
    c.refresh().await.expect("reload");
    on_page(c, "/house").await;
    assert_eq!(
        js(
            c,
            "return document.querySelector('[data-path=\"/house/rooms\"] input').value;",
            vec![]
        )
        .await,
        json!("3")
    );

    // The device asks for required answers before Next: an empty one stops it.
    click(c, ".fill header button").await;
    wait_for(c, ".home").await;
    click(c, "#required-before-next").await;
    start_day(c).await;
    next(c).await;
    on_page(c, "/family").await;
    assert!(
        focus_in(c, "/family/head").await,
        "the focus at the empty required answer"
    );
    assert!(
        !message_at(c, "/family/head").await.is_empty(),
        "the required question says so"
    );
    answer(c, "/family/head", "Rahimova Dilnoza").await;
    next(c).await;
    on_page(c, "/house").await;
    // Without the setting an empty required answer does not stop Next.
    click(c, ".fill header button").await;
    wait_for(c, ".home").await;
    click(c, "#required-before-next").await;
    start_day(c).await;
    next(c).await;
    on_page(c, "/house").await;

    // The home screen's drafts: counted, found by household in either script, sorted.
    click(c, ".fill header button").await;
    wait_for(c, ".home .drafts").await;
    let titles = || {
        js(
            c,
            "return [...document.querySelectorAll('.home .drafts li .entry-title')].map(t => t.textContent);",
            vec![],
        )
    };
    let heading = || {
        js(
            c,
            "return document.querySelector('.home .drafts').previousElementSibling ?\
               [...document.querySelectorAll('.home h2')].find(h => h.nextElementSibling &&\
                 h.nextElementSibling.classList.contains('drafts')).textContent : '';",
            vec![],
        )
    };
    assert_eq!(
        titles().await,
        json!(["Day", "Rahimova Dilnoza", "Karimov Aziz"]),
        "newest first"
    );
    assert!(heading().await.as_str().unwrap().ends_with("(3)"));
    let search = |text: &'static str| {
        js(
            c,
            "const i = document.getElementById('find-household'); i.value = arguments[0];\
             i.dispatchEvent(new Event('input', {bubbles: true}));",
            vec![json!(text)],
        )
    };
    for query in ["karimov", "КАРИМОВ", "aziz kar"] {
        search(query).await;
        tokio::time::sleep(Duration::from_millis(200)).await;
        assert_eq!(titles().await, json!(["Karimov Aziz"]), "{query}");
    }
    assert!(heading().await.as_str().unwrap().ends_with("(1 / 3)"));
    search("").await;
    js(
        c,
        "const s = document.getElementById('list-order'); s.value = 'oldest';\
         s.dispatchEvent(new Event('change'));",
        vec![],
    )
    .await;
    tokio::time::sleep(Duration::from_millis(200)).await;
    assert_eq!(
        titles().await,
        json!(["Karimov Aziz", "Rahimova Dilnoza", "Day"]),
        "oldest first"
    );

    // Finalized, then read: every answer under its label, printable, with an address.
    click(c, ".home .drafts li:first-child button.primary").await;
    wait_for(c, ".fill").await;
    click(c, "nav.sections > button").await;
    click(c, "nav.sections li:last-child button").await;
    click(c, ".finalize button.primary").await;
    wait_for(c, ".home .finalized button.view").await;
    click(c, ".home .finalized button.view").await;
    let read = || {
        js(
            c,
            "const d = document.querySelector('.view-submission dl.answers');\
             return d ? [...d.querySelectorAll('dt, dd')].map(e => e.textContent) : null;",
            vec![],
        )
    };
    until(
        c,
        "the form read",
        "return !!document.querySelector('.view-submission dl.answers dd');",
    )
    .await;
    let lines = read().await;
    let lines: Vec<String> = serde_json::from_value(lines).unwrap();
    for pair in [
        ["Head of household", "Karimov Aziz"],
        ["Age", "40"],
        ["Rooms", "3"],
    ] {
        assert!(lines.windows(2).any(|w| w == pair), "{pair:?} in {lines:?}");
    }
    assert!(
        c.current_url()
            .await
            .unwrap()
            .fragment()
            .unwrap_or_default()
            .starts_with("/submission/"),
        "the view has an address"
    );
    c.refresh().await.expect("reload");
    until(
        c,
        "the form read again",
        "return !!document.querySelector('.view-submission dl.answers dd');",
    )
    .await;
    xonadon_e2e::cdp(c, "Emulation.setEmulatedMedia", json!({"media": "print"})).await;
    assert_eq!(
        js(
            c,
            "return [...document.querySelectorAll('.view-submission .bar button')].map(b => getComputedStyle(b).display);",
            vec![]
        )
        .await,
        json!(["none", "none"]),
        "printed without the buttons"
    );
    xonadon_e2e::cdp(c, "Emulation.setEmulatedMedia", json!({"media": ""})).await;
    c.back().await.expect("back");
    wait_for(c, ".home .finalized").await;

    // After the last member of a roster, Next asks whether another one comes.
    open_page(c, &format!("{}designer.html", server.url())).await;
    publish_in_designer(c, TEAM, "team 1").await;
    click(c, "#open-home").await;
    wait_for(c, ".home").await;
    until(
        c,
        "the team form listed",
        "return [...document.querySelectorAll('.home .cards li')].some(li => li.textContent.includes('Team'));",
    )
    .await;
    js(
        c,
        "[...document.querySelectorAll('.home .cards li')].find(li => li.textContent.includes('Team')).querySelector('button.primary').click();",
        vec![],
    )
    .await;
    wait_for(c, ".roster").await;
    next(c).await;
    on_page(c, "/people[1]").await;
    answer(c, "/people[1]/who", "Aziz").await;
    next(c).await;
    wait_for(c, "dialog.confirm[open]").await;
    let asked = js(
        c,
        "return document.getElementById('confirm-message').textContent;",
        vec![],
    )
    .await;
    assert_eq!(asked, json!("People: yana bir aʼzo qoʻshilsinmi?"));
    click(c, "dialog.confirm[open] button.primary").await;
    on_page(c, "/people[2]").await;
    answer(c, "/people[2]/who", "Malika").await;
    next(c).await;
    wait_for(c, "dialog.confirm[open]").await;
    click(c, "dialog.confirm[open] .actions button:first-child").await;
    on_page(c, "/end").await;

    // A range: no value until touched (the thumb hidden), its ends labelled; a tap records
    // where it landed, even at the middle where the browser's thumb sat.
    let range = || {
        js(
            c,
            "const r = document.querySelector('[data-path=\"/end/score\"] .range');\
             return [r.classList.contains('unset'),\
               [...r.querySelectorAll('.range-end')].map(e => e.textContent),\
               r.querySelector('output').textContent];",
            vec![],
        )
    };
    assert_eq!(range().await, json!([true, ["1", "5"], "—"]));
    // Clear of the sticky footer, as a worker would scroll it.
    js(
        c,
        "document.querySelector('[data-path=\"/end/score\"] input').scrollIntoView({block: 'center'});",
        vec![],
    )
    .await;
    c.find(fantoccini::Locator::Css("[data-path=\"/end/score\"] input"))
        .await
        .expect("the range")
        .click()
        .await
        .expect("a tap");
    until(
        c,
        "the tap recorded",
        "return document.querySelector('[data-path=\"/end/score\"] output').textContent === '3';",
    )
    .await;
    assert_eq!(range().await, json!([false, ["1", "5"], "3"]));

    // A geopoint the form wants within 5 m: a 12 m fix is shown, not taken, unless the
    // worker takes it; a 3 m fix is taken at once.
    let origin = server.url().trim_end_matches('/').to_string();
    xonadon_e2e::cdp(
        c,
        "Browser.grantPermissions",
        json!({ "origin": origin, "permissions": ["geolocation"] }),
    )
    .await;
    let fix = |accuracy: u32| {
        xonadon_e2e::cdp(
            c,
            "Emulation.setGeolocationOverride",
            json!({ "latitude": 41.3111, "longitude": 69.2797, "accuracy": accuracy }),
        )
    };
    let point = || {
        js(
            c,
            "const g = document.querySelector('[data-path=\"/end/where\"] .geopoint');\
             const a = g.querySelector('.accuracy');\
             return [g.querySelector('output').textContent, a ? a.textContent : ''];",
            vec![],
        )
    };
    fix(12).await;
    click(c, "[data-path=\"/end/where\"] .geopoint > button").await;
    until(
        c,
        "waiting for accuracy",
        "const w = document.querySelector('[data-path=\"/end/where\"] .waiting');\
         return !!w && w.textContent.includes('±12 m') && w.textContent.includes('±5 m');",
    )
    .await;
    assert_eq!(point().await, json!(["", ""]), "not taken at 12 m");
    click(c, "[data-path=\"/end/where\"] .take-best").await;
    until(
        c,
        "the best position taken",
        "return document.querySelector('[data-path=\"/end/where\"] output').textContent !== '';",
    )
    .await;
    let taken = point().await;
    assert_eq!(taken[0], json!("41.3111, 69.2797"));
    assert!(
        taken[1].as_str().unwrap().starts_with("Aniqlik: ±12"),
        "{taken}"
    );
    fix(3).await;
    click(c, "[data-path=\"/end/where\"] .geopoint > button").await;
    until(
        c,
        "a 3 m fix taken",
        "const a = document.querySelector('[data-path=\"/end/where\"] .accuracy');\
         return !!a && a.textContent.includes('±3');",
    )
    .await;
}

async fn run(size: (u32, u32), name: &'static str) {
    let server = std::sync::Arc::new(StaticServer::start(dist()));
    let driver = Driver::start();
    in_browser(&driver, &profile(name), name, move |c| async move {
        scenario(&c, &server, size).await
    })
    .await;
}

/// One after the other: the two browsers would share the machine's two cores.
#[tokio::test(flavor = "multi_thread")]
async fn moving_through_a_form_on_a_tablet_and_on_a_phone() {
    run((800, 1280), "workflow-tablet").await;
    run((360, 740), "workflow-phone").await;
}
