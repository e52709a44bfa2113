//! Question types a designer's form brings, on the built app in headless Chromium: a select
//! whose choices are the roster's answers (`select_one ${member_name}`: "who is the head of
//! the household?"), following the names as they are typed, and a rank put in order with its
//! buttons.
//!
//! Needs `dist/` (`trunk build --release`) and chromedriver; `scripts/test` does both.

use fantoccini::Client;
use serde_json::{json, Value};
use xonadon_e2e::{
    answer, click, dist, in_browser, js, open_page, profile, publish_in_designer, until, wait_for,
    Driver, StaticServer,
};

const FORM: &str = r#"{
  "settings": {"form_id": "types", "version": "1", "title": "Types"},
  "survey": [
    {"type": "repeat", "name": "members", "label": "Members", "children": [
      {"type": "text", "name": "member_name", "label": "Name"}
    ]},
    {"type": "group", "name": "who", "label": "Who", "children": [
      {"type": "select_one ${member_name}", "name": "head", "label": "Head of the household"},
      {"type": "rank needs", "name": "order", "label": "Put the needs in order"}
    ]}
  ],
  "choices": {"needs": [
    {"name": "food", "label": "Food"}, {"name": "fuel", "label": "Fuel"},
    {"name": "school", "label": "School"}
  ]}
}"#;

/// The values the head question offers now.
async fn offered(c: &Client) -> Value {
    js(
        c,
        "return [...document.querySelectorAll('[data-path=\"/who/head\"] input')].map(i => i.value);",
        vec![],
    )
    .await
}

async fn ranked(c: &Client) -> Value {
    js(
        c,
        "return [...document.querySelectorAll('.rank li .rank-label')].map(l => l.textContent);",
        vec![],
    )
    .await
}

async fn scenario(c: &Client, server: &StaticServer) {
    open_page(c, &format!("{}designer.html", server.url())).await;
    publish_in_designer(c, FORM, "types 1").await;
    click(c, "#open-home").await;
    wait_for(c, ".home").await;
    until(
        c,
        "the published form on the home list",
        "return [...document.querySelectorAll('.home .cards li')].some(li => li.textContent.includes('Types'));",
    )
    .await;
    js(
        c,
        "[...document.querySelectorAll('.home .cards li')].find(li => li.textContent.includes('Types')).querySelector('button.primary').click();",
        vec![],
    )
    .await;

    // Two members named on the roster.
    wait_for(c, ".roster").await;
    click(c, ".roster .entries li button").await;
    wait_for(c, "[data-path=\"/members[1]/member_name\"]").await;
    answer(c, "/members[1]/member_name", "Malika").await;
    click(c, "button.back-to-roster").await;
    click(c, ".roster > button.primary").await;
    wait_for(c, "[data-path=\"/members[2]/member_name\"]").await;
    answer(c, "/members[2]/member_name", "Bobur").await;
    click(c, "button.back-to-roster").await;
    wait_for(c, ".roster").await;

    // The page after them offers their names.
    click(c, "nav.sections > button").await;
    click(c, "nav.sections li:nth-last-child(2) button").await;
    wait_for(c, "[data-path=\"/who/head\"]").await;
    assert_eq!(offered(c).await, json!(["Malika", "Bobur"]));
    answer(c, "/who/head", "Bobur").await;

    // The rank: shown in list order until the worker orders it.
    assert_eq!(ranked(c).await, json!(["Food", "Fuel", "School"]));
    click(c, ".rank li:nth-child(3) button:first-of-type").await;
    until(
        c,
        "School moved up",
        "return [...document.querySelectorAll('.rank li .rank-label')].map(l => l.textContent).join() === 'Food,School,Fuel';",
    )
    .await;

    // A member renamed: the choices follow, and the answer no longer offered is cleared.
    click(c, "nav.sections > button").await;
    click(c, "nav.sections li:first-child button").await;
    wait_for(c, ".roster").await;
    click(c, ".roster .entries li:nth-child(2) button").await;
    wait_for(c, "[data-path=\"/members[2]/member_name\"]").await;
    answer(c, "/members[2]/member_name", "Bob").await;
    click(c, "button.back-to-roster").await;
    wait_for(c, ".roster").await;
    click(c, "nav.sections > button").await;
    click(c, "nav.sections li:nth-last-child(2) button").await;
    wait_for(c, "[data-path=\"/who/head\"]").await;
    assert_eq!(offered(c).await, json!(["Malika", "Bob"]));
    let checked = js(
        c,
        "return [...document.querySelectorAll('[data-path=\"/who/head\"] input')].filter(i => i.checked).length;",
        vec![],
    )
    .await;
    assert_eq!(checked, json!(0), "Bobur is no longer a member");
}

#[tokio::test(flavor = "multi_thread")]
async fn choices_from_the_roster_and_a_rank() {
    let server = std::sync::Arc::new(StaticServer::start(dist()));
    let driver = Driver::start();
    in_browser(
        &driver,
        &profile("form-types"),
        "form-types",
        move |c| async move { scenario(&c, &server).await },
    )
    .await;
}
