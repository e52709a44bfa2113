//! The lock, in Chromium: a worker sets a PIN on first start, fills a form with sentinel
//! answers (one finalized, one left as a draft, one answer typed the instant before locking),
//! and a dump of everything the origin stores (IndexedDB, localStorage, Cache Storage) finds
//! none of them; "Lock" takes the page down and the PIN brings it back with the last answer;
//! wrong PINs make the next try wait; an organisation's policy requires the PIN and locks an
//! idle tablet, its recovery key opens a tablet whose PIN is forgotten, and the designer's page
//! asks for the organisation's passphrase besides the PIN.
//!
//! Needs `dist/` (`trunk build --release`) and chromedriver; `scripts/test` does both.

use fantoccini::Client;
use serde_json::json;
use xonadon_e2e::{
    answer, click, dist, in_browser, js, profile, publish_in_designer, type_into, until, wait_for,
    Driver, StaticServer, VISITS_FORM,
};
use xonadon_export::keys::SupervisorIdentity;

const PIN: &str = "qovun-2026";

/// Every string the origin keeps, with where: each IndexedDB record (text, sealed bytes read
/// as Latin-1, a file's bytes), each localStorage item, each file of the private file system
/// (the second copy), each cached response. Sets
/// `window.__result` to `[place, text]` pairs.
const DUMP: &str = r#"
const out = [];
const bytes = b => Array.from(new Uint8Array(b), c => String.fromCharCode(c)).join('');
const text = async v => {
  if (typeof v === 'string') return v;
  if (v instanceof Uint8Array || v instanceof ArrayBuffer) return bytes(v);
  if (v instanceof Blob) return bytes(await v.arrayBuffer());
  if (v && typeof v === 'object') {
    const parts = [];
    for (const [k, x] of Object.entries(v)) parts.push(k + '=' + await text(x));
    return parts.join(' ');
  }
  return String(v);
};
(async () => {
  for (const { name } of await indexedDB.databases()) {
    const db = await new Promise((ok, no) => {
      const r = indexedDB.open(name); r.onsuccess = () => ok(r.result); r.onerror = () => no(r.error);
    });
    for (const store of db.objectStoreNames) {
      const values = await new Promise((ok, no) => {
        const r = db.transaction(store).objectStore(store).getAll();
        r.onsuccess = () => ok(r.result); r.onerror = () => no(r.error);
      });
      for (const v of values) out.push([`indexeddb ${name}/${store}`, await text(v)]);
    }
    db.close();
  }
  for (let i = 0; i < localStorage.length; i++) {
    const k = localStorage.key(i);
    out.push([`localStorage ${k}`, k + ' ' + localStorage.getItem(k)]);
  }
  // The second copy (Origin Private File System), every file in every folder.
  const walk = async (dir, path) => {
    for await (const [name, handle] of dir.entries()) {
      if (handle.kind === 'directory') await walk(handle, `${path}${name}/`);
      else out.push([`opfs ${path}${name}`, bytes(await (await handle.getFile()).arrayBuffer())]);
    }
  };
  await walk(await navigator.storage.getDirectory(), '');
  for (const name of await caches.keys()) {
    const cache = await caches.open(name);
    for (const request of await cache.keys()) {
      const response = await cache.match(request);
      out.push([`cache ${name} ${request.url}`, bytes(await response.arrayBuffer())]);
    }
  }
  window.__result = out;
})().catch(e => window.__result = [['error', String(e)]]);
"#;

/// Where the origin holds `needle` in clear.
async fn found(c: &Client, needle: &str) -> Vec<String> {
    let dump = xonadon_e2e::idb(c, "the origin's storage dumped", DUMP, vec![]).await;
    let dump = dump.as_array().expect("pairs").clone();
    assert!(
        dump.iter().all(|p| p[0] != "error"),
        "the dump failed: {dump:?}"
    );
    dump.iter()
        .filter(|p| p[1].as_str().unwrap_or_default().contains(needle))
        .map(|p| p[0].as_str().unwrap_or_default().to_string())
        .collect()
}

/// How many records of `store` are sealed (bytes, or a file marked sealed).
async fn sealed_in(c: &Client, store: &str) -> u64 {
    xonadon_e2e::idb(
        c,
        "sealed records counted",
        "indexedDB.open('xonadon').onsuccess = e => {\
           const r = e.target.result.transaction(arguments[0]).objectStore(arguments[0]).getAll();\
           r.onsuccess = () => window.__result = r.result\
             .filter(v => v instanceof Uint8Array || (v && v.sealed === true)).length;\
         };",
        vec![json!(store)],
    )
    .await
    .as_u64()
    .unwrap_or_default()
}

async fn lock_state(c: &Client, state: &str) {
    until(
        c,
        &format!("the lock {state}"),
        &format!("return document.documentElement.dataset.lock === {state:?};"),
    )
    .await;
}

/// Types `pin` and unlocks, once the screen takes a try (the last one answered).
async fn unlock(c: &Client, pin: &str) {
    lock_state(c, "locked").await;
    wait_for(c, "#unlock:not([disabled])").await;
    type_into(c, "#unlock-pin", pin).await;
    click(c, "#unlock").await;
}

/// The unlock screen's answer to the last try.
async fn unlock_message(c: &Client) -> String {
    until(
        c,
        "the answer to the try",
        "return !!document.querySelector('.lock-message') && !!document.querySelector('#unlock:not([disabled])');",
    )
    .await;
    js(
        c,
        "return document.querySelector('.lock-message').textContent;",
        vec![],
    )
    .await
    .as_str()
    .unwrap_or_default()
    .to_string()
}

async fn start_visit(c: &Client) {
    until(
        c,
        "the published form on the home list",
        "return [...document.querySelectorAll('.home .cards li')].some(li => li.textContent.includes('Tashriflar'));",
    )
    .await;
    js(
        c,
        "[...document.querySelectorAll('.home .cards li')].find(li => li.textContent.includes('Tashriflar')).querySelector('button.primary').click();",
        vec![],
    )
    .await;
    wait_for(c, ".fill [data-path=\"/head\"]").await;
}

async fn with_a_pin(c: &Client, server: &StaticServer) {
    // First start: the set-up screen, with the way out the default policy allows.
    c.goto(&server.url()).await.expect("open the app");
    lock_state(c, "set-up").await;
    wait_for(c, "#no-pin").await;
    type_into(c, "#pin", PIN).await;
    type_into(c, "#pin-again", "qovun-2025").await;
    click(c, "#set-pin").await;
    wait_for(c, ".lock-message").await;
    type_into(c, "#pin-again", PIN).await;
    click(c, "#set-pin").await;
    lock_state(c, "open").await;
    wait_for(c, ".home").await;
    js(
        c,
        "localStorage.setItem('probe', 'SENTINEL-probe');",
        vec![],
    )
    .await;
    assert_eq!(
        found(c, "SENTINEL").await,
        ["localStorage probe"],
        "the dump finds what is there in clear"
    );
    js(c, "localStorage.removeItem('probe');", vec![]).await;

    // The designer's page is behind the same lock.
    click(c, "#open-designer").await;
    unlock(c, PIN).await;
    publish_in_designer(c, VISITS_FORM, "visits 1").await;
    click(c, "#open-home").await;
    unlock(c, PIN).await;

    // One finalized, one left as a draft.
    start_visit(c).await;
    answer(c, "/head", "SENTINEL-Gulnora").await;
    answer(c, "/note", "SENTINEL-note").await;
    click(c, "nav.sections > button").await;
    click(c, "nav.sections li:last-child button").await;
    wait_for(c, ".finalize").await;
    click(c, ".finalize button.primary").await;
    wait_for(c, ".home .finalized").await;
    start_visit(c).await;
    answer(c, "/head", "SENTINEL-Draft").await;
    until(
        c,
        "the draft in IndexedDB",
        "return [...document.querySelectorAll('.fill [data-path=\"/head\"] input')].some(i => i.value === 'SENTINEL-Draft');",
    )
    .await;
    tokio::time::sleep(std::time::Duration::from_millis(800)).await;

    // Typed the instant before the lock, so only the journal can hold it.
    answer(c, "/note", "SENTINEL-Late").await;
    click(c, "#lock-now").await;
    lock_state(c, "locked").await;
    assert_eq!(
        js(
            c,
            "return !!document.querySelector('.fill, .home');",
            vec![]
        )
        .await,
        json!(false),
        "the page is taken down"
    );
    assert!(sealed_in(c, "drafts").await >= 1);
    assert!(sealed_in(c, "submissions").await >= 1);
    let places = found(c, "").await;
    for copy in ["opfs xonadon-copy/draft-", "opfs xonadon-copy/submission-"] {
        assert!(
            places.iter().any(|p| p.starts_with(copy)),
            "a second copy {copy}… is there to be checked: {places:?}"
        );
    }
    let leaks = found(c, "SENTINEL").await;
    assert!(leaks.is_empty(), "answers in clear at {leaks:?}");
    for name in ["Gulnora", "Draft", "Late", "note"] {
        let leaks = found(c, &format!("SENTINEL-{name}")).await;
        assert!(leaks.is_empty(), "{name} in clear at {leaks:?}");
    }

    // Unlocked: back on the form the worker was filling (its address), the last answer there.
    unlock(c, PIN).await;
    lock_state(c, "open").await;
    until(
        c,
        "the answer typed before the lock",
        "const i = document.querySelector('.fill [data-path=\"/note\"] input');\
         return !!i && i.value === 'SENTINEL-Late';",
    )
    .await;

    // Wrong PINs: three are typos, the fourth makes the next try wait.
    c.refresh().await.expect("reload");
    for _ in 0..3 {
        unlock(c, "qovun-2020").await;
        let said = unlock_message(c).await;
        assert_eq!(said, "PIN-kod notoʻgʻri.");
    }
    unlock(c, "qovun-2020").await;
    let said = unlock_message(c).await;
    assert!(said.contains("2 soniya kutib"), "{said}");
    // The right PIN at once is refused too, until the wait is over.
    unlock(c, PIN).await;
    let said = unlock_message(c).await;
    assert!(said.contains("soniya kutib"), "{said}");
    tokio::time::sleep(std::time::Duration::from_millis(2100)).await;
    unlock(c, PIN).await;
    lock_state(c, "open").await;
    // The reload kept the address: the form the worker was on.
    wait_for(c, ".fill [data-path=\"/head\"]").await;
}

/// `dist/` with another `policy.json`, served from a folder of its own.
fn dist_with_policy(name: &str, policy: &str) -> std::path::PathBuf {
    let dir = profile(name);
    copy_dir(&dist(), &dir);
    std::fs::write(dir.join("policy.json"), policy).unwrap();
    dir
}

fn copy_dir(from: &std::path::Path, to: &std::path::Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).unwrap();
        }
    }
}

async fn required_by_policy(c: &Client, server: &StaticServer, org: &SupervisorIdentity) {
    c.goto(&server.url()).await.expect("open the app");
    lock_state(c, "set-up").await;
    assert_eq!(
        js(c, "return !!document.getElementById('no-pin');", vec![]).await,
        json!(false),
        "the policy requires a PIN: no way round it"
    );
    type_into(c, "#pin", "1234").await;
    type_into(c, "#pin-again", "1234").await;
    click(c, "#set-pin").await;
    until(
        c,
        "the policy's length asked for",
        "const m = document.querySelector('.lock-message'); return !!m && m.textContent.includes('8');",
    )
    .await;
    type_into(c, "#pin", "12345678").await;
    type_into(c, "#pin-again", "12345678").await;
    click(c, "#set-pin").await;
    lock_state(c, "open").await;
    wait_for(c, ".home").await;
    // Left alone past the policy's idle time (3 s): locked by itself.
    lock_state(c, "locked").await;

    // The PIN forgotten: the request goes to the organisation, its code comes back.
    click(c, "details.forgot summary").await;
    let request = js(
        c,
        "return document.getElementById('recovery-request').value;",
        vec![],
    )
    .await;
    let request = request.as_str().unwrap().to_string();
    assert!(request.starts_with("xonadon-recovery-1:"), "{request}");
    let code = xonadon_export::recovery::code(&request, org).expect("the organisation opens it");
    let wrong = xonadon_export::recovery::code_of_key(&[7; 32]);
    for (typed, said) in [(wrong.as_str(), "emas"), (code.as_str(), "Kod toʻgʻri")] {
        type_into(c, "#recovery-code", typed).await;
        click(c, "#recover").await;
        until(
            c,
            "the code's answer",
            &format!(
                "const m = document.querySelector('.recover-message');\
                 return !!m && m.textContent.includes({said:?});"
            ),
        )
        .await;
    }
    type_into(c, "#new-pin", "87654321").await;
    type_into(c, "#new-pin-again", "87654321").await;
    click(c, "#set-new-pin").await;
    lock_state(c, "open").await;
    wait_for(c, ".home").await;
    c.refresh().await.expect("reload");
    unlock(c, "87654321").await;
    lock_state(c, "open").await;
    wait_for(c, ".home").await;

    // The designer's page asks for the organisation's passphrase besides the PIN.
    click(c, "#open-designer").await;
    unlock(c, "87654321").await;
    lock_state(c, "open").await;
    type_into(c, "#role-passphrase", "the-wrong-one").await;
    click(c, "#open-role").await;
    until(
        c,
        "the wrong passphrase said",
        "const m = document.querySelector('.lock-message'); return !!m && m.textContent.includes('notoʻgʻri');",
    )
    .await;
    assert_eq!(
        js(c, "return !!document.getElementById('form-json');", vec![]).await,
        json!(false)
    );
    type_into(c, "#role-passphrase", DESIGNER_PASSPHRASE).await;
    click(c, "#open-role").await;
    wait_for(c, "#form-json").await;
}

const DESIGNER_PASSPHRASE: &str = "tarvuz-va-qovun";

#[tokio::test(flavor = "multi_thread")]
async fn answers_are_sealed_and_the_lock_holds() {
    let server = std::sync::Arc::new(StaticServer::start(dist()));
    let driver = Driver::start();
    in_browser(&driver, &profile("lock-pin"), "lock-pin", {
        let server = server.clone();
        move |c| async move { with_a_pin(&c, &server).await }
    })
    .await;
    let org = SupervisorIdentity::generate("Organisation");
    let strict = dist_with_policy(
        "lock-policy-dist",
        &format!(
            r#"{{"require_pin": true, "min_pin_length": 8, "lock_after_idle_minutes": 0.05,
                "recovery_key": "{}", "designer_passphrase": {}}}"#,
            org.public().recipient,
            // As `xonadon role-passphrase --role designer` writes it (the same code, natively).
            serde_json::to_string(
                &xonadon_storage::passphrase::seal(b"xonadon-role:designer", DESIGNER_PASSPHRASE)
                    .unwrap()
            )
            .unwrap()
        ),
    );
    let strict_server = std::sync::Arc::new(StaticServer::start(strict.clone()));
    in_browser(&driver, &profile("lock-policy"), "lock-policy", {
        move |c| async move { required_by_policy(&c, &strict_server, &org).await }
    })
    .await;
    let _ = std::fs::remove_dir_all(strict);
}
