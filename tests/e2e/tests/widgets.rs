//! Settings and widgets the main scenario does not reach, on the built app in headless
//! Chromium: one question per screen, and the geopoint widget with a position faked through
//! the DevTools protocol (headless Chromium has none of its own).
//!
//! Needs `dist/` (`trunk build --release`) and chromedriver; `scripts/test` does both.

use fantoccini::Client;
use serde_json::json;
use xonadon_e2e::{
    cdp, dist, in_browser, js, open_page, page_key, profile, screenshot, until, wait_for, Driver,
    StaticServer,
};

/// Visible questions on the current page.
async fn visible_questions(c: &Client) -> u64 {
    js(
        c,
        "return [...document.querySelectorAll('main.page .question')]\
         .filter(q => !q.hidden && q.offsetParent !== null).length;",
        vec![],
    )
    .await
    .as_u64()
    .unwrap_or_default()
}

async fn next(c: &Client) {
    let before = page_key(c).await;
    js(
        c,
        "document.querySelector('footer button.primary').click();",
        vec![],
    )
    .await;
    until(
        c,
        "the next page",
        &format!("return document.querySelector('main.page').dataset.page !== {before:?};"),
    )
    .await;
}

async fn scenario(c: &Client, server: &StaticServer) {
    open_page(c, &server.url()).await;
    wait_for(c, ".home").await;
    cdp(
        c,
        "Browser.grantPermissions",
        json!({ "origin": server.url().trim_end_matches('/'), "permissions": ["geolocation"] }),
    )
    .await;
    cdp(
        c,
        "Emulation.setGeolocationOverride",
        json!({ "latitude": 41.3111, "longitude": 69.2797, "accuracy": 12 }),
    )
    .await;

    // One question per screen: groups without XLSForm's `field-list` (the household head's)
    // show one question a page; `field-list` groups (the visit, the location) stay whole.
    js(
        c,
        "document.getElementById('one-question').click();",
        vec![],
    )
    .await;
    wait_for(c, "#one-question:checked").await;
    js(
        c,
        "document.querySelector('.home .cards button.primary').click();",
        vec![],
    )
    .await;
    wait_for(c, ".fill main.page .question").await;
    // Without the family's consent the rest of the form is not asked.
    js(
        c,
        "document.querySelector('[data-path=\"/intro/consent\"] input').click();",
        vec![],
    )
    .await;
    let mut seen = Vec::new();
    for _ in 0..6 {
        seen.push((page_key(c).await, visible_questions(c).await));
        next(c).await;
    }
    assert_eq!(seen[0].0, "/intro", "{seen:?}");
    assert!(seen[0].1 > 1, "a field-list group stays whole: {seen:?}");
    let head: Vec<_> = seen
        .iter()
        .filter(|(k, _)| k.starts_with("/head/"))
        .collect();
    assert!(
        head.len() >= 3,
        "the head's questions have a page each: {seen:?}"
    );
    assert!(head.iter().all(|(_, n)| *n == 1), "{seen:?}");
    screenshot(c, "10-one-question").await;

    // Back to pages of questions, on the same draft.
    js(
        c,
        "document.querySelector('.fill header button').click();",
        vec![],
    )
    .await;
    wait_for(c, ".home .drafts").await;
    js(
        c,
        "document.getElementById('one-question').click();",
        vec![],
    )
    .await;
    wait_for(c, "#one-question:not(:checked)").await;
    js(
        c,
        "document.querySelector('.home .drafts button.primary').click();",
        vec![],
    )
    .await;
    wait_for(c, ".fill main.page .question").await;
    assert!(
        visible_questions(c).await > 1,
        "a group's questions share a page again"
    );

    // The page with the dwelling's GPS location: take it, see the accuracy.
    for _ in 0..10 {
        if js(
            c,
            "return !!document.querySelector('[data-path$=\"/gps\"]');",
            vec![],
        )
        .await
            == json!(true)
        {
            break;
        }
        next(c).await;
    }
    js(
        c,
        "const b = document.querySelector('[data-path$=\"/gps\"] button');\
         b.scrollIntoView({block: 'center'}); b.click();",
        vec![],
    )
    .await;
    wait_for(c, "[data-path$=\"/gps\"] .accuracy").await;
    let shown = js(
        c,
        "const q = document.querySelector('[data-path$=\"/gps\"]');\
         return [q.querySelector('output').textContent, q.querySelector('.accuracy').textContent];",
        vec![],
    )
    .await;
    assert_eq!(shown[0], json!("41.3111, 69.2797"), "{shown}");
    assert!(
        shown[1].as_str().is_some_and(|a| a.contains("±12")),
        "{shown}"
    );
    screenshot(c, "11-geopoint").await;
}

#[tokio::test(flavor = "multi_thread")]
async fn settings_and_widgets() {
    let server = std::sync::Arc::new(StaticServer::start(dist()));
    let driver = Driver::start();
    in_browser(
        &driver,
        &profile("widgets"),
        "widgets",
        move |c| async move { scenario(&c, &server).await },
    )
    .await;
}
