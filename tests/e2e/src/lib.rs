//! Harness for the end-to-end tests: serves the built app (`dist/`, made by
//! `trunk build --release`) on a local port, starts chromedriver and a headless Chromium
//! session, and gives the tests a few verbs over WebDriver (fantoccini).
//!
//! The static server can be stopped mid-test to check that the service worker starts the app
//! without a network. Screenshots go to `target/e2e-screens/` for people to look at.

use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use fantoccini::{Client, ClientBuilder, Locator};

pub fn workspace() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// A static file server for `dist/` on 127.0.0.1, stoppable, its folder switchable (a new
/// build deployed); every response carries the app's Content-Security-Policy, as a deployment's
/// server should send it (`docs/deploying.md`).
pub struct StaticServer {
    pub port: u16,
    running: Arc<AtomicBool>,
    server: Arc<tiny_http::Server>,
    root: Arc<Mutex<PathBuf>>,
}

/// The app's Content-Security-Policy on one line, as a header carries it: the directives of
/// `public/content-security-policy` (comments and blank lines left out) joined by "; ".
pub fn content_security_policy() -> String {
    let file = workspace().join("public/content-security-policy");
    let text = std::fs::read_to_string(&file).expect("public/content-security-policy");
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .collect::<Vec<_>>()
        .join("; ")
}

fn content_type(path: &Path) -> &'static str {
    match path.extension().and_then(|e| e.to_str()) {
        Some("html") => "text/html; charset=utf-8",
        Some("js") => "text/javascript",
        Some("wasm") => "application/wasm",
        Some("css") => "text/css",
        Some("json") | Some("webmanifest") => "application/json",
        Some("png") => "image/png",
        _ => "application/octet-stream",
    }
}

impl StaticServer {
    pub fn start(root: PathBuf) -> StaticServer {
        let server = Arc::new(tiny_http::Server::http("127.0.0.1:0").expect("bind 127.0.0.1"));
        let port = server.server_addr().to_ip().expect("ip address").port();
        let running = Arc::new(AtomicBool::new(true));
        let root = Arc::new(Mutex::new(root));
        let (srv, run, folder) = (Arc::clone(&server), Arc::clone(&running), Arc::clone(&root));
        let policy = tiny_http::Header::from_bytes(
            &b"Content-Security-Policy"[..],
            content_security_policy().as_bytes(),
        )
        .expect("policy header");
        std::thread::spawn(move || {
            for request in srv.incoming_requests() {
                if !run.load(Ordering::SeqCst) {
                    break;
                }
                let root = folder.lock().expect("root").clone();
                let url = request.url().split('?').next().unwrap_or("/").to_string();
                let rel = url.trim_start_matches('/');
                let file = if rel.is_empty() {
                    root.join("index.html")
                } else {
                    root.join(rel)
                };
                let response = match std::fs::read(&file) {
                    Ok(bytes) => {
                        let header = tiny_http::Header::from_bytes(
                            &b"Content-Type"[..],
                            content_type(&file).as_bytes(),
                        )
                        .expect("header");
                        tiny_http::Response::from_data(bytes)
                            .with_header(header)
                            .with_header(policy.clone())
                            .boxed()
                    }
                    Err(_) => tiny_http::Response::from_string("not found")
                        .with_status_code(404)
                        .boxed(),
                };
                let _ = request.respond(response);
            }
        });
        StaticServer {
            port,
            running,
            server,
            root,
        }
    }

    /// Serves `root` from now on: a new build deployed.
    pub fn serve(&self, root: PathBuf) {
        *self.root.lock().expect("root") = root;
    }

    /// Stops answering: the network is gone for the app.
    pub fn stop(&self) {
        self.running.store(false, Ordering::SeqCst);
        self.server.unblock();
    }

    pub fn url(&self) -> String {
        format!("http://127.0.0.1:{}/", self.port)
    }
}

/// chromedriver, killed when dropped (so Chromium does not linger).
pub struct Driver {
    child: Child,
    pub port: u16,
}

impl Driver {
    pub fn start() -> Driver {
        let port = {
            let l = std::net::TcpListener::bind("127.0.0.1:0").expect("free port");
            l.local_addr().expect("addr").port()
        };
        let exe = std::env::var("CHROMEDRIVER").unwrap_or_else(|_| "chromedriver".into());
        let child = Command::new(&exe)
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap_or_else(|e| panic!("cannot start {exe} ({e}): install chromium-driver"));
        Driver { child, port }
    }
}

impl Drop for Driver {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

pub async fn browser(driver: &Driver, profile: &Path) -> Client {
    let caps = serde_json::json!({
        "goog:chromeOptions": {
            "binary": std::env::var("CHROMIUM").unwrap_or_else(|_| "/usr/bin/chromium".into()),
            "args": [
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run",
                "--disable-dev-shm-usage", "--window-size=768,1024",
                format!("--user-data-dir={}", profile.display()),
            ]
        },
        // The browser's console, for `browser_log`.
        "goog:loggingPrefs": { "browser": "ALL" }
    });
    let caps = caps.as_object().cloned().unwrap_or_default();
    let connector = hyper_util::client::legacy::connect::HttpConnector::new();
    let url = format!("http://127.0.0.1:{}", driver.port);
    let deadline = Instant::now() + Duration::from_secs(20);
    loop {
        match ClientBuilder::new(connector.clone())
            .capabilities(caps.clone())
            .connect(&url)
            .await
        {
            Ok(c) => return c,
            Err(e) if Instant::now() > deadline => panic!("no WebDriver session: {e}"),
            Err(_) => tokio::time::sleep(Duration::from_millis(200)).await,
        }
    }
}

/// Waits until `css` matches an element (Leptos updates the DOM after events, not at once).
pub async fn wait_for(c: &Client, css: &str) -> fantoccini::elements::Element {
    c.wait()
        .at_most(Duration::from_secs(20))
        .for_element(Locator::Css(css))
        .await
        .unwrap_or_else(|e| panic!("no element `{css}` within 20 s: {e}"))
}

/// Clicks like a person: scrolled to the middle of the screen first, clear of the sticky
/// header and footer (WebDriver's own scrolling can leave it under the footer).
pub async fn click(c: &Client, css: &str) {
    let el = wait_for(c, css).await;
    c.execute(
        "arguments[0].scrollIntoView({block: 'center'});",
        vec![serde_json::to_value(&el).expect("element as JSON")],
    )
    .await
    .expect("scroll");
    el.click()
        .await
        .unwrap_or_else(|e| panic!("click {css}: {e}"));
}

/// Runs a script and returns its result.
pub async fn js(c: &Client, script: &str, args: Vec<serde_json::Value>) -> serde_json::Value {
    c.execute(script, args)
        .await
        .unwrap_or_else(|e| panic!("script failed: {e}\n{script}"))
}

/// Polls `script` until it returns `true`.
/// Runs `script`, which reads IndexedDB and sets `window.__result` when done, and returns
/// that result.
pub async fn idb(
    c: &Client,
    what: &str,
    script: &str,
    args: Vec<serde_json::Value>,
) -> serde_json::Value {
    js(c, &format!("window.__result = undefined; {script}"), args).await;
    until(c, what, "return window.__result !== undefined;").await;
    js(c, "return window.__result;", vec![]).await
}

pub async fn until(c: &Client, what: &str, script: &str) {
    let deadline = Instant::now() + Duration::from_secs(20);
    while js(c, script, vec![]).await != serde_json::Value::Bool(true) {
        assert!(Instant::now() < deadline, "timed out waiting for {what}");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

pub async fn screenshot(c: &Client, name: &str) {
    let dir = workspace().join("target/e2e-screens");
    std::fs::create_dir_all(&dir).expect("screens folder");
    let png = c.screenshot().await.expect("screenshot");
    std::fs::write(dir.join(format!("{name}.png")), png).expect("write screenshot");
}

/// Answers the question at engine `path` the way a click or typing would, through the
/// DOM events the app listens to. `value` None = the first choice / a plausible value.
/// Returns what was entered, or an error text.
pub const FILL: &str = r#"
const [path, value] = arguments;
const q = document.querySelector(`[data-path="${path}"]`);
if (!q || q.hidden) return `no visible question ${path}`;
const fire = (el, v) => {
  el.value = v;
  el.dispatchEvent(new Event('input', {bubbles: true}));
  el.dispatchEvent(new Event('change', {bubbles: true}));
};
const select = q.querySelector('select');
if (select) {
  const v = value ?? [...select.options].map(o => o.value).find(v => v && !v.startsWith('other'));
  fire(select, v); return v;
}
const boxes = [...q.querySelectorAll('input[type=radio], input[type=checkbox]')];
if (boxes.length) {
  const wanted = value === null ? [boxes.find(b => !/^(other|none|no_?)/.test(b.value)) ?? boxes[0]]
    : value.split(' ').map(v => boxes.find(b => b.value === v));
  for (const b of wanted) { if (b && !b.checked) b.click(); }
  return wanted.map(b => b && b.value).join(' ');
}
const input = q.querySelector('input, textarea');
if (input) {
  let v = value;
  if (v === null) {
    if (input.type === 'date') v = '2020-01-01';
    else if (input.type === 'time') v = '10:00';
    else if (input.type === 'range') v = input.min || '0';
    else if (input.inputMode === 'numeric' || input.inputMode === 'decimal') v = '0';
    else v = 'Test';
  }
  fire(input, v); return v;
}
return `nothing to fill at ${path}`;
"#;

/// A Chrome DevTools Protocol command sent through chromedriver (`goog/cdp/execute`), for what
/// WebDriver has no command for: granting a permission, faking the position.
#[derive(Debug)]
pub struct Cdp {
    pub method: &'static str,
    pub params: serde_json::Value,
}

impl fantoccini::wd::WebDriverCompatibleCommand for Cdp {
    fn endpoint(
        &self,
        base_url: &url::Url,
        session_id: Option<&str>,
    ) -> Result<url::Url, url::ParseError> {
        base_url.join(&format!(
            "session/{}/goog/cdp/execute",
            session_id.unwrap_or_default()
        ))
    }

    fn method_and_body(&self, _url: &url::Url) -> (http::Method, Option<String>) {
        let body = serde_json::json!({ "cmd": self.method, "params": self.params });
        (http::Method::POST, Some(body.to_string()))
    }
}

/// Sends a CDP command and returns its result; panics with the method's name if refused.
pub async fn cdp(c: &Client, method: &'static str, params: serde_json::Value) -> serde_json::Value {
    c.issue_cmd(Cdp { method, params })
        .await
        .unwrap_or_else(|e| panic!("CDP {method}: {e}"))
}

/// The built app (`dist/`), which `scripts/test` builds first.
pub fn dist() -> PathBuf {
    let dist = workspace().join("dist");
    assert!(
        dist.join("index.html").exists(),
        "build the app first: trunk build --release (scripts/test does)"
    );
    dist
}

/// A fresh browser profile folder for the test `name` (removed first if left over).
pub fn profile(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("xonadon-e2e-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    dir
}

/// Runs `scenario` in a headless Chromium on the profile `profile`: on failure it saves
/// `target/e2e-screens/failure-NAME.png` first; the browser is closed and the profile removed
/// either way, then the failure goes on.
pub async fn in_browser<F, Fut>(driver: &Driver, profile: &Path, name: &str, scenario: F)
where
    F: FnOnce(Client) -> Fut,
    Fut: std::future::Future<Output = ()> + Send + 'static,
{
    let c = browser(driver, profile).await;
    // Its own task, so that a failed assertion still closes the browser.
    let outcome = tokio::spawn(scenario(c.clone())).await;
    if outcome.is_err() {
        screenshot(&c, &format!("failure-{name}")).await;
    }
    let _ = c.close().await;
    let _ = std::fs::remove_dir_all(profile);
    if let Err(e) = outcome {
        std::panic::resume_unwind(e.into_panic());
    }
}

/// Puts `form` (a form's JSON) into the designer page already open, waits until it has no
/// problem and publishes it; `published` is what the status line then says (`"visits 1"`).
pub async fn publish_in_designer(c: &Client, form: &str, published: &str) {
    wait_for(c, "#form-json").await;
    js(
        c,
        "const a = document.getElementById('form-json'); a.value = arguments[0]; \
         a.dispatchEvent(new Event('input'));",
        vec![serde_json::json!(form)],
    )
    .await;
    wait_for(c, ".problems .none").await;
    click(c, "#publish-form").await;
    until(
        c,
        "published",
        &format!(
            "const s = document.querySelector('.tools .status'); \
             return !!s && s.textContent.includes({published:?});"
        ),
    )
    .await;
}

/// The key of the filling screen's current page (`data-page`), or `""` elsewhere.
pub async fn page_key(c: &Client) -> String {
    let key = js(
        c,
        "const m = document.querySelector('main.page'); return m ? m.dataset.page : '';",
        vec![],
    )
    .await;
    key.as_str().unwrap_or_default().to_string()
}

/// A 2×2 PNG: a form's picture in the tests.
pub const PNG_2X2: &[u8] = &[
    0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52,
    0x00, 0x00, 0x00, 0x02, 0x00, 0x00, 0x00, 0x02, 0x08, 0x02, 0x00, 0x00, 0x00, 0xfd, 0xd4, 0x9a,
    0x73, 0x00, 0x00, 0x00, 0x10, 0x49, 0x44, 0x41, 0x54, 0x78, 0x9c, 0x63, 0xf8, 0xcf, 0xc0, 0x00,
    0x44, 0x0c, 0x10, 0x0a, 0x00, 0x1f, 0xee, 0x03, 0xfd, 0x8b, 0x5f, 0x14, 0xd4, 0x00, 0x00, 0x00,
    0x00, 0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82,
];

/// Opens `url` and, on a device's first start, passes the lock's set-up screen as a worker
/// who declines a PIN (where the policy allows: the default); the lock's own tests set one
/// (`tests/lock.rs`). Returns once the page itself is shown.
pub async fn open_page(c: &Client, url: &str) {
    c.goto(url).await.expect("open the page");
    until(
        c,
        "the lock's first screen",
        "const s = document.documentElement.dataset.lock; return s === 'set-up' || s === 'open';",
    )
    .await;
    let first_start = js(
        c,
        "return document.documentElement.dataset.lock === 'set-up';",
        vec![],
    )
    .await;
    if first_start.as_bool() == Some(true) {
        click(c, "#no-pin").await;
        until(
            c,
            "the page behind the lock",
            "return document.documentElement.dataset.lock === 'open';",
        )
        .await;
    }
}

/// chromedriver's log of the browser console (`goog:loggingPrefs`), each entry taken once.
#[derive(Debug)]
struct BrowserLog;

impl fantoccini::wd::WebDriverCompatibleCommand for BrowserLog {
    fn endpoint(
        &self,
        base_url: &url::Url,
        session_id: Option<&str>,
    ) -> Result<url::Url, url::ParseError> {
        base_url.join(&format!(
            "session/{}/se/log",
            session_id.unwrap_or_default()
        ))
    }

    fn method_and_body(&self, _url: &url::Url) -> (http::Method, Option<String>) {
        let body = serde_json::json!({ "type": "browser" });
        (http::Method::POST, Some(body.to_string()))
    }
}

/// The browser console's messages since the last call (errors, warnings, logs), as text.
pub async fn browser_log(c: &Client) -> Vec<String> {
    let entries = c
        .issue_cmd(BrowserLog)
        .await
        .unwrap_or_else(|e| panic!("browser log: {e}"));
    entries
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|e| e["message"].as_str().map(str::to_string))
        .collect()
}

/// Sets the field `css` to `value` as typing does (an `input` event).
pub async fn type_into(c: &Client, css: &str, value: &str) {
    wait_for(c, css).await;
    js(
        c,
        "const e = document.querySelector(arguments[0]); e.value = arguments[1];\
         e.dispatchEvent(new Event('input', {bubbles: true}));",
        vec![serde_json::json!(css), serde_json::json!(value)],
    )
    .await;
}

/// A two-question form ("Tashriflar"), named after its head of household: the lock's and
/// the kill tests' form, published with [`publish_in_designer`] (`"visits 1"`).
pub const VISITS_FORM: &str = r#"{
  "settings": {"form_id": "visits", "version": "1", "title": {"en": "Visits", "uz-Latn": "Tashriflar"},
               "instance_name": "${head}"},
  "survey": [
    {"type": "text", "name": "head", "label": {"en": "Head of household"}},
    {"type": "text", "name": "note", "label": {"en": "Notes"}}
  ]
}"#;

/// A small xorshift seeded from the clock: random enough for the fault tests' kill times,
/// with no dependency.
pub struct Dice(u64);

impl Dice {
    pub fn from_clock() -> Dice {
        let nanos = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(1, |d| d.as_nanos() as u64);
        Dice(nanos | 1)
    }

    /// A number below `n`.
    pub fn below(&mut self, n: u64) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0 % n
    }
}

/// SIGKILL to every process started with `profile` as its user data dir (the browser and its
/// renderers), as a flat battery or the OS's low-memory killer would end them.
pub fn kill_browser(profile: &Path) {
    let flag = format!("--user-data-dir={}", profile.display());
    let Ok(processes) = std::fs::read_dir("/proc") else {
        return;
    };
    for entry in processes.flatten() {
        let Ok(pid) = entry.file_name().to_string_lossy().parse::<u32>() else {
            continue;
        };
        let cmdline = std::fs::read(entry.path().join("cmdline")).unwrap_or_default();
        if String::from_utf8_lossy(&cmdline)
            .split('\0')
            .any(|a| a == flag)
        {
            let _ = Command::new("kill").args(["-9", &pid.to_string()]).status();
        }
    }
}

/// Answers the question at engine `path` with `value` through the DOM (see [`FILL`]); fails
/// the test when the question is not on screen.
pub async fn answer(c: &Client, path: &str, value: &str) {
    let got = js(
        c,
        FILL,
        vec![serde_json::json!(path), serde_json::json!(value)],
    )
    .await;
    assert!(
        !got.as_str().unwrap_or_default().starts_with("no visible"),
        "{path}: {got}"
    );
}

/// Starts a new draft of the form titled `title` from the home screen's list.
pub async fn start_form(c: &Client, title: &str) {
    wait_for(c, ".home").await;
    until(
        c,
        &format!("the form {title} on the home list"),
        &format!(
            "return [...document.querySelectorAll('.home .cards li')].some(li => li.textContent.includes({title:?}));"
        ),
    )
    .await;
    js(
        c,
        "[...document.querySelectorAll('.home .cards li')].find(li => li.textContent.includes(arguments[0])).querySelector('button.primary').click();",
        vec![serde_json::json!(title)],
    )
    .await;
    wait_for(c, "main.page").await;
}

/// Sets the `<select>` `css` to `value` as a person choosing does (a `change` event).
pub async fn select_value(c: &Client, css: &str, value: &str) {
    wait_for(c, css).await;
    js(
        c,
        "const s = document.querySelector(arguments[0]); s.value = arguments[1];\
         s.dispatchEvent(new Event('change', {bubbles: true}));",
        vec![serde_json::json!(css), serde_json::json!(value)],
    )
    .await;
}

/// The page's viewport: a tablet (800×1280) or, below 600 px wide, a phone.
pub async fn viewport(c: &Client, width: u32, height: u32) {
    cdp(
        c,
        "Emulation.setDeviceMetricsOverride",
        serde_json::json!({ "width": width, "height": height, "deviceScaleFactor": 1, "mobile": width < 600 }),
    )
    .await;
}

/// Lets the page download into `dir` (Chromium's own download behaviour).
pub async fn downloads_into(c: &Client, dir: &Path) {
    cdp(
        c,
        "Browser.setDownloadBehavior",
        serde_json::json!({ "behavior": "allow", "downloadPath": dir.display().to_string() }),
    )
    .await;
}

/// Waits for a finished download whose name ends with `suffix` in `dir` (a `.crdownload`
/// is not finished) and returns its name and bytes.
pub async fn downloaded(dir: &Path, suffix: &str) -> (String, Vec<u8>) {
    let deadline = Instant::now() + Duration::from_secs(20);
    loop {
        let found = std::fs::read_dir(dir).unwrap().flatten().find(|e| {
            let name = e.file_name().to_string_lossy().to_string();
            name.ends_with(suffix)
        });
        if let Some(entry) = found {
            return (
                entry.file_name().to_string_lossy().to_string(),
                std::fs::read(entry.path()).unwrap(),
            );
        }
        assert!(
            Instant::now() < deadline,
            "no {suffix} download in {}",
            dir.display()
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

/// Chooses `files` in the file input `css`, as the picker does.
pub async fn choose_files(c: &Client, css: &str, files: &[&Path]) {
    let input = wait_for(c, css).await;
    let paths: Vec<String> = files.iter().map(|p| p.display().to_string()).collect();
    input
        .send_keys(&paths.join("\n"))
        .await
        .expect("choose files");
}
