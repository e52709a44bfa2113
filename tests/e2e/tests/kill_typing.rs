//! The browser killed (SIGKILL, the Chromium process itself) at random moments while a worker
//! types, on a persistent profile; restarted each time, the draft resumed, and the answers
//! that survived counted against those typed. A kill may cost at most the keystroke in flight:
//! the one whose write had not finished (`store.rs` writes after every change, one write at a
//! time), taken as those typed in the last [`IN_FLIGHT_MS`]; anything more is a failure.
//!
//! `KILLS` (default 10; the figures are with 25 and 40) sets the number of kills. Needs `dist/` (`trunk build --release`) and
//! chromedriver. Prints the figures: tries, failures, characters lost.

use std::time::{Duration, Instant};

use fantoccini::Client;
use serde_json::json;
use xonadon_e2e::{
    browser, click, dist, js, kill_browser, open_page, profile, wait_for, Dice, Driver,
    StaticServer, FILL,
};

const NAME: &str = "/intro/interviewer_name";
/// How long one draft's write takes at most, here: the keystrokes typed this close to the kill
/// were still in flight.
const IN_FLIGHT_MS: u128 = 50;

async fn shown(c: &Client) -> String {
    js(
        c,
        &format!("const i = document.querySelector('[data-path=\"{NAME}\"] input'); return i ? i.value : '';"),
        vec![],
    )
    .await
    .as_str()
    .unwrap_or_default()
    .to_string()
}

#[tokio::test(flavor = "multi_thread")]
async fn a_killed_browser_loses_at_most_the_last_moment() {
    let kills: usize = std::env::var("KILLS")
        .ok()
        .and_then(|k| k.parse().ok())
        .unwrap_or(10);
    let server = StaticServer::start(dist());
    let driver = Driver::start();
    let dir = profile("kill");
    let mut dice = Dice::from_clock();
    // What the worker typed, each keystroke with when it was acknowledged.
    let mut typed = String::new();
    let mut typed_at: Vec<Instant> = Vec::new();
    let (mut failures, mut lost_total, mut more_than_one) = (0, 0usize, 0usize);
    let mut killed_at: Option<Instant> = None;
    for kill in 0..=kills {
        let c = browser(&driver, &dir).await;
        open_page(&c, &server.url()).await;
        if kill == 0 {
            click(&c, ".home .cards button.primary").await;
        } else {
            wait_for(&c, ".home .drafts button.primary").await;
            click(&c, ".home .drafts button.primary").await;
        }
        wait_for(&c, &format!("[data-path=\"{NAME}\"] input")).await;
        let back = shown(&c).await;
        if let Some(killed_at) = killed_at {
            // What was typed and is not back: only a tail of it may be missing.
            let kept = if typed.starts_with(&back) {
                back.chars().count()
            } else {
                0
            };
            let lost = typed.chars().count() - kept;
            // The keystroke in flight: one, or those typed while its write was in flight.
            let allowed = typed_at
                .iter()
                .filter(|t| killed_at.duration_since(**t).as_millis() < IN_FLIGHT_MS)
                .count()
                .max(1);
            lost_total += lost;
            if lost > 0 {
                let since = typed_at
                    .last()
                    .map_or(0, |t| killed_at.duration_since(*t).as_millis());
                println!("kill {kill}: lost {lost} keystrokes, {allowed} allowed (in flight or in the last {IN_FLIGHT_MS} ms; killed {since} ms after the last)");
            }
            if lost > 1 {
                more_than_one += 1;
            }
            if !typed.starts_with(&back) || lost > allowed {
                failures += 1;
                println!("kill {kill}: came back {back:?}, typed {typed:?} (may lose {allowed})");
            }
            typed = back.clone();
            typed_at.truncate(typed.chars().count());
        }
        if kill == kills {
            let _ = c.close().await;
            break;
        }
        // Type a few keystrokes at a worker's pace, then die at a random moment.
        let strokes = 3 + dice.below(8);
        for _ in 0..strokes {
            let next = char::from(b'a' + dice.below(26) as u8);
            let value = format!("{typed}{next}");
            js(&c, FILL, vec![json!(NAME), json!(value)]).await;
            typed = value;
            typed_at.push(Instant::now());
            tokio::time::sleep(Duration::from_millis(40 + dice.below(120))).await;
        }
        // Half the kills come right after the last keystroke, while its write is in flight.
        let wait = if dice.below(2) == 0 {
            dice.below(20)
        } else {
            dice.below(300)
        };
        tokio::time::sleep(Duration::from_millis(wait)).await;
        kill_browser(&dir);
        killed_at = Some(Instant::now());
        // The session is gone with the browser; chromedriver stays for the next one.
        drop(c);
        tokio::time::sleep(Duration::from_millis(300)).await;
    }
    let _ = std::fs::remove_dir_all(&dir);
    println!(
        "{kills} kills: {failures} failures (a wrong draft, or more lost than the last {IN_FLIGHT_MS} ms), \
         {more_than_one} lost more than one keystroke, {lost_total} characters lost in all"
    );
    assert_eq!(failures, 0);
}
