//! The app under its Content-Security-Policy (`public/content-security-policy`), and a new
//! build taken at the next start, never under an open form.
//!
//! - Every copy of the policy is the same one (Trunk.toml's `[serve]`, the built pages' `<meta>`
//!   and service worker, `docs/deploying.md`).
//! - The three pages load and work with no violation of it (each `securitypolicyviolation`
//!   event recorded from the first line of every document, and the browser's console read
//!   through chromedriver), served first by the server, then by the service worker.
//! - A script injected into the page does not run, and the page cannot be framed.
//! - A label, a choice and an answer holding `<img src=x onerror=…>` are shown as text, in the
//!   designer's preview, the filling screen and the list of drafts (the markup writer's unit
//!   tests check the escaping itself).
//! - The service worker of a new build, found while a form is open, waits: the page is not
//!   reloaded and the answer stays; at the next start the page takes it and reloads once.
//!
//! Needs `dist/` (`trunk build --release`) and chromedriver; `scripts/test` does both.

use std::path::{Path, PathBuf};
use std::time::Duration;

use fantoccini::{Client, Locator};
use serde_json::json;
use xonadon_e2e::{
    browser_log, cdp, click, content_security_policy, dist, in_browser, js, open_page, profile,
    publish_in_designer, screenshot, until, wait_for, workspace, Driver, StaticServer,
};

/// Run before any script of every new document: records each violation of the policy.
const RECORD_VIOLATIONS: &str = "window.__violations = [];\
  document.addEventListener('securitypolicyviolation', e =>\
    window.__violations.push(`${e.effectiveDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`));";

/// What the browser's console says about the policy since it was last read.
async fn policy_messages(c: &Client) -> Vec<String> {
    browser_log(c)
        .await
        .into_iter()
        .filter(|m| m.contains("Content Security Policy") || m.contains("Content-Security-Policy"))
        .collect()
}

/// No violation on the page shown, by its own events and by the browser's console.
async fn no_violations(c: &Client, page: &str) {
    let events = js(c, "return window.__violations;", vec![]).await;
    assert_eq!(events, json!([]), "violations of the policy on {page}");
    let messages = policy_messages(c).await;
    assert!(messages.is_empty(), "the console on {page}: {messages:#?}");
}

/// Starts the first form on the home screen and types a name on its first page.
async fn start_household(c: &Client, name: &str) {
    click(c, ".home .cards button.primary").await;
    let input = wait_for(c, "[data-path=\"/intro/interviewer_name\"] input").await;
    input.send_keys(name).await.expect("type");
}

async fn value_of(c: &Client, css: &str) -> serde_json::Value {
    js(
        c,
        "const el = document.querySelector(arguments[0]); return el ? el.value : null;",
        vec![json!(css)],
    )
    .await
}

async fn controlled(c: &Client) {
    until(
        c,
        "the service worker serving the page",
        "return !!navigator.serviceWorker.controller;",
    )
    .await;
}

/// The three pages, each used a little, with no violation.
async fn pages_work(c: &Client, server: &StaticServer, how: &str) {
    open_page(c, &server.url()).await;
    wait_for(c, ".home").await;
    start_household(c, "Malika").await;
    click(c, "[data-path=\"/intro/consent\"] input").await;
    click(c, "footer button.primary").await;
    wait_for(c, "[data-path=\"/location/region\"]").await;
    click(c, ".fill header button").await;
    wait_for(c, ".home .drafts").await;
    no_violations(c, &format!("the field page ({how})")).await;

    open_page(c, &format!("{}supervisor.html", server.url())).await;
    wait_for(c, ".supervisor .dropzone").await;
    no_violations(c, &format!("the supervisor's page ({how})")).await;

    open_page(c, &format!("{}designer.html", server.url())).await;
    wait_for(c, ".problems .none").await;
    wait_for(c, ".preview .fill").await;
    no_violations(c, &format!("the designer's page ({how})")).await;
}

const PAYLOAD: &str = "<img src=x onerror=\"window.__xss = 1\">";

/// A form whose texts hold markup: a label, a choice, a note showing an answer.
fn markup_form() -> String {
    json!({
        "settings": {"form_id": "markup", "version": "1", "default_language": "en",
                     "title": {"en": "Markup", "uz-Latn": "Markup"},
                     "instance_name": "${name}"},
        "survey": [
            {"type": "text", "name": "name", "label": {"en": format!("Name {PAYLOAD}")}},
            {"type": "select_one yn", "name": "pick", "label": {"en": "Pick"}},
            {"type": "note", "name": "echo", "label": {"en": "You wrote: ${name}"}}
        ],
        "choices": {"yn": [{"name": "a", "label": {"en": format!("A {PAYLOAD}")}}]}
    })
    .to_string()
}

/// No element made from the payload, no handler run, and the payload's text on screen.
async fn shown_as_text(c: &Client, where_: &str, css: &str) {
    let found = js(
        c,
        "return {imgs: document.querySelectorAll('img[src=\"x\"]').length, ran: window.__xss ?? null,\
                 text: document.querySelector(arguments[0])?.textContent ?? ''};",
        vec![json!(css)],
    )
    .await;
    assert_eq!(
        found["imgs"],
        json!(0),
        "an element made of a text in {where_}"
    );
    assert_eq!(
        found["ran"],
        json!(null),
        "a handler of a text ran in {where_}"
    );
    let text = found["text"].as_str().unwrap_or_default();
    assert!(
        text.contains("<img src=x"),
        "the text as text in {where_}: {text:?}"
    );
}

async fn markup_is_text(c: &Client, server: &StaticServer) {
    open_page(c, &format!("{}designer.html", server.url())).await;
    publish_in_designer(c, &markup_form(), "markup 1").await;
    shown_as_text(c, "the preview's label", ".preview [data-path=\"/name\"]").await;
    shown_as_text(c, "the preview's choice", ".preview [data-path=\"/pick\"]").await;

    open_page(c, &server.url()).await;
    wait_for(c, ".home").await;
    js(
        c,
        "[...document.querySelectorAll('.home .cards li')].find(li => li.textContent.includes('Markup'))\
           .querySelector('button.primary').click();",
        vec![],
    )
    .await;
    let input = wait_for(c, ".fill [data-path=\"/name\"] input").await;
    input.send_keys(PAYLOAD).await.expect("type");
    until(
        c,
        "the note showing the answer",
        "return document.querySelector('[data-path=\"/echo\"]').textContent.includes('<img');",
    )
    .await;
    shown_as_text(c, "the filling screen's label", "[data-path=\"/name\"]").await;
    shown_as_text(c, "a note showing the answer", "[data-path=\"/echo\"]").await;
    tokio::time::sleep(Duration::from_millis(900)).await;
    click(c, ".fill header button").await;
    wait_for(c, ".home .drafts").await;
    shown_as_text(c, "the draft's title", ".home .drafts").await;
    screenshot(c, "60-markup-as-text").await;
    no_violations(c, "the markup scenario").await;
}

/// A script put into the page by an injection does not run; the policy reports it.
async fn injected_script_does_not_run(c: &Client, server: &StaticServer) {
    open_page(c, &server.url()).await;
    wait_for(c, ".home").await;
    js(
        c,
        "const s = document.createElement('script'); s.textContent = 'window.__ran = \"script\"';\
         document.head.append(s);\
         document.body.insertAdjacentHTML('beforeend', '<img src=\"x\" onerror=\"window.__ran = &quot;handler&quot;\">');\
         const a = document.createElement('a'); a.href = 'javascript:window.__ran = \"url\"';\
         document.body.append(a); a.click();",
        vec![],
    )
    .await;
    until(
        c,
        "three refusals reported",
        "return window.__violations.length >= 3;",
    )
    .await;
    assert_eq!(
        js(c, "return window.__ran ?? null;", vec![]).await,
        json!(null)
    );
    let events = js(c, "return window.__violations.join('\\n');", vec![]).await;
    let events = events.as_str().unwrap_or_default();
    assert!(events.contains("script-src"), "{events}");
    assert!(
        !policy_messages(c).await.is_empty(),
        "the console says so too"
    );
}

/// The page refuses to be shown in a frame (frame-ancestors, from the response's header).
async fn cannot_be_framed(c: &Client, server: &StaticServer, how: &str) {
    for page in ["index.html", "supervisor.html", "designer.html"] {
        c.goto(&format!("{}manifest.webmanifest", server.url()))
            .await
            .expect("open a file of the app");
        let result = c
            .execute_async(
                "const [src, done] = [arguments[0], arguments[arguments.length - 1]];\
                 const f = document.createElement('iframe'); f.src = src;\
                 f.onload = () => setTimeout(() => {\
                   let doc = null; try { doc = f.contentDocument; } catch (e) {}\
                   done(doc ? doc.location.href : null);\
                 }, 300);\
                 document.body.append(f);",
                vec![json!(format!("{}{page}", server.url()))],
            )
            .await
            .expect("frame the page");
        assert_eq!(result, json!(null), "{page} was shown in a frame ({how})");
        let messages = policy_messages(c).await;
        assert!(
            messages.iter().any(|m| m.contains("frame-ancestors")),
            "{page}: the console names frame-ancestors ({how}): {messages:#?}"
        );
    }
}

#[test]
fn every_copy_of_the_policy_is_the_same() {
    let policy = content_security_policy();
    assert!(policy.starts_with("default-src 'self'; "), "{policy}");
    for refused in ["'unsafe-inline'", "'unsafe-eval'"] {
        assert!(!policy.contains(refused), "{refused} in {policy}");
    }
    let trunk = std::fs::read_to_string(workspace().join("Trunk.toml")).expect("Trunk.toml");
    assert!(
        trunk.contains(&format!("\"Content-Security-Policy\" = \"{policy}\"")),
        "Trunk.toml's [serve] headers send another policy than {policy}"
    );
    let docs = std::fs::read_to_string(workspace().join("docs/deploying.md")).expect("docs");
    assert!(
        docs.contains(&format!("Content-Security-Policy: {policy}")),
        "docs/deploying.md names another policy than {policy}"
    );
    let dist = dist();
    let sw = std::fs::read_to_string(dist.join("sw.js")).expect("sw.js");
    assert!(
        sw.contains(&format!("\"{policy}\"")),
        "the built sw.js sends another policy"
    );
    let meta = policy.replace("; frame-ancestors 'none'", "");
    for page in ["index.html", "supervisor.html", "designer.html"] {
        let html = std::fs::read_to_string(dist.join(page)).expect("a page");
        assert!(
            html.contains(&format!(
                "http-equiv=\"Content-Security-Policy\" content=\"{meta}\""
            )),
            "{page}'s <meta> policy"
        );
        // trunk's inline loader is gone: every script is a file.
        assert!(!html.contains("<script>") && !html.contains("<script type=\"module\">"));
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn the_pages_run_under_the_policy() {
    let server = std::sync::Arc::new(StaticServer::start(dist()));
    let driver = Driver::start();
    in_browser(&driver, &profile("csp"), "csp", move |c| async move {
        cdp(
            &c,
            "Page.addScriptToEvaluateOnNewDocument",
            json!({ "source": RECORD_VIOLATIONS }),
        )
        .await;
        // Served by the server (its header and the <meta>), as on the first visit...
        cdp(&c, "Network.enable", json!({})).await;
        let bypass = |on: bool| json!({ "bypass": on });
        cdp(&c, "Network.setBypassServiceWorker", bypass(true)).await;
        pages_work(&c, &server, "from the server").await;
        cannot_be_framed(&c, &server, "from the server").await;
        // ...and by the service worker afterwards (its header).
        cdp(&c, "Network.setBypassServiceWorker", bypass(false)).await;
        open_page(&c, &server.url()).await;
        controlled(&c).await;
        pages_work(&c, &server, "from the service worker").await;
        cannot_be_framed(&c, &server, "from the service worker").await;
        markup_is_text(&c, &server).await;
        injected_script_does_not_run(&c, &server).await;
    })
    .await;
}

/// A copy of the build in `from`, changed as a new build is: the worker's version and a mark
/// in the field page (`<meta name="e2e-build" content="NAME">`).
fn new_build(from: &Path, name: &str) -> PathBuf {
    let to = std::env::temp_dir().join(format!("xonadon-e2e-build-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&to);
    std::fs::create_dir_all(&to).expect("the new build's folder");
    for entry in std::fs::read_dir(from).expect("the build").flatten() {
        if entry.path().is_file() {
            std::fs::copy(entry.path(), to.join(entry.file_name())).expect("copy");
        }
    }
    let sw = std::fs::read_to_string(to.join("sw.js")).expect("sw.js");
    let (head, rest) = sw
        .split_once("const VERSION = \"")
        .expect("the version in sw.js");
    std::fs::write(
        to.join("sw.js"),
        format!("{head}const VERSION = \"{name}-{rest}"),
    )
    .expect("write sw.js");
    let html = std::fs::read_to_string(to.join("index.html")).expect("index.html");
    let marked = html.replacen(
        "<head>",
        &format!("<head><meta name=\"e2e-build\" content=\"{name}\">"),
        1,
    );
    std::fs::write(to.join("index.html"), marked).expect("write index.html");
    to
}

async fn build_shown(c: &Client) -> serde_json::Value {
    js(
        c,
        "const m = document.querySelector('meta[name=e2e-build]'); return m ? m.content : null;",
        vec![],
    )
    .await
}

async fn new_version_waits_for_the_next_start(c: &Client, server: &StaticServer) {
    open_page(c, &server.url()).await;
    wait_for(c, ".home").await;
    controlled(c).await;
    assert_eq!(build_shown(c).await, json!(null), "build A");

    // A form open when build B is deployed and found.
    start_household(c, "Malika").await;
    js(c, "window.__same_page = true;", vec![]).await;
    let b = new_build(&dist(), "B");
    server.serve(b.clone());
    js(
        c,
        "window.__waiting = false; navigator.serviceWorker.getRegistration().then(r => r.update());",
        vec![],
    )
    .await;
    until(
        c,
        "build B installed and waiting",
        "navigator.serviceWorker.getRegistration().then(r => window.__waiting = !!(r && r.waiting));\
         return window.__waiting;",
    )
    .await;
    tokio::time::sleep(Duration::from_secs(2)).await;
    assert_eq!(
        js(c, "return window.__same_page === true;", vec![]).await,
        json!(true),
        "the page with a form open was reloaded"
    );
    assert_eq!(
        value_of(c, "[data-path=\"/intro/interviewer_name\"] input").await,
        json!("Malika")
    );
    // Back home after a form: still not taken (the next start takes it).
    click(c, ".fill header button").await;
    wait_for(c, ".home .drafts").await;
    tokio::time::sleep(Duration::from_secs(2)).await;
    assert_eq!(
        js(c, "return window.__same_page === true;", vec![]).await,
        json!(true),
        "the home screen reloaded after a form"
    );
    assert_eq!(build_shown(c).await, json!(null));

    // The next start: build B, after one reload, and the draft with its answer.
    open_page(c, &server.url()).await;
    until(
        c,
        "build B shown",
        "const m = document.querySelector('meta[name=e2e-build]'); return !!m && m.content === 'B';",
    )
    .await;
    wait_for(c, ".home .drafts li").await;
    click(c, ".home .drafts li button.primary").await;
    wait_for(c, "[data-path=\"/intro/interviewer_name\"] input").await;
    assert_eq!(
        value_of(c, "[data-path=\"/intro/interviewer_name\"] input").await,
        json!("Malika"),
        "the answer survives the new build"
    );
    click(c, ".fill header button").await;
    wait_for(c, ".home .drafts").await;

    // Build C deployed while the app is closed: found at the start, taken once installed.
    let c_build = new_build(&dist(), "C");
    server.serve(c_build.clone());
    open_page(c, &server.url()).await;
    until(
        c,
        "build C shown",
        "const m = document.querySelector('meta[name=e2e-build]'); return !!m && m.content === 'C';",
    )
    .await;
    wait_for(c, ".home .drafts li").await;
    let caches = c
        .execute_async(
            "const done = arguments[arguments.length - 1]; caches.keys().then(done);",
            vec![],
        )
        .await
        .expect("cache names");
    assert_eq!(
        caches.as_array().map(Vec::len),
        Some(1),
        "only the shell of the build in use is kept: {caches}"
    );
    assert!(c.find(Locator::Css(".storage-error")).await.is_err());
    let _ = std::fs::remove_dir_all(b);
    let _ = std::fs::remove_dir_all(c_build);
}

#[tokio::test(flavor = "multi_thread")]
async fn a_new_build_is_taken_at_the_next_start_never_under_an_open_form() {
    let server = std::sync::Arc::new(StaticServer::start(dist()));
    let driver = Driver::start();
    in_browser(&driver, &profile("update"), "update", move |c| async move {
        new_version_waits_for_the_next_start(&c, &server).await
    })
    .await;
}
