//! The field worker's screens as URL fragments, so that the system Back button (and the swipe)
//! goes to the previous screen instead of leaving the app, and a reload comes back to the same
//! screen: `#/` the home screen, `#/form/DRAFT/page/KEY` a page of a draft (`KEY` is the
//! engine's page key, a path such as `/roster/members[2]`), `#/form/DRAFT/finalize` its
//! finalize step, `#/submission/ID` a finalized form read. Pure: `mod.rs` reads and writes
//! `location` and `history`.

use super::fill::FINALIZE;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Route {
    Home,
    /// A draft, at a page key or [`FINALIZE`]; `None`: where the draft was left.
    Form {
        draft: String,
        page: Option<String>,
    },
    /// A finalized form, read-only.
    Submission {
        id: String,
    },
}

/// The route of a fragment as `location.hash` gives it (with its `#`, percent-encoded).
/// Anything else (empty, an old link) is the home screen.
pub fn parse(hash: &str) -> Route {
    let hash = decode(hash.trim_start_matches('#'));
    if let Some(id) = hash
        .strip_prefix("/submission/")
        .filter(|id| !id.is_empty())
    {
        return Route::Submission { id: id.to_string() };
    }
    let Some(rest) = hash.strip_prefix("/form/") else {
        return Route::Home;
    };
    let (draft, page) = match rest.find('/') {
        Some(at) => (&rest[..at], &rest[at..]),
        None => (rest, ""),
    };
    if draft.is_empty() {
        return Route::Home;
    }
    let page = if page == "/finalize" {
        Some(FINALIZE.to_string())
    } else {
        page.strip_prefix("/page")
            .filter(|key| key.starts_with('/'))
            .map(str::to_string)
    };
    Route::Form {
        draft: draft.to_string(),
        page,
    }
}

/// The fragment of `route`, with its `#`. Characters a fragment may not hold as they are
/// (spaces, quotes, `%`, `#`) are percent-encoded; [`parse`] reads it back.
pub fn fragment(route: &Route) -> String {
    match route {
        Route::Home => "#/".into(),
        Route::Form { draft, page } => {
            let page = match page.as_deref() {
                None => String::new(),
                Some(FINALIZE) => "/finalize".into(),
                Some(key) => format!("/page{key}"),
            };
            format!("#/form/{}{}", encode(draft), encode(&page))
        }
        Route::Submission { id } => format!("#/submission/{}", encode(id)),
    }
}

fn encode(text: &str) -> String {
    let mut out = String::new();
    for c in text.chars() {
        match c {
            ' ' | '"' | '<' | '>' | '`' | '%' | '#' | '\u{0}'..='\u{1f}' | '\u{7f}' => {
                let mut bytes = [0; 4];
                for b in c.encode_utf8(&mut bytes).bytes() {
                    out.push_str(&format!("%{b:02X}"));
                }
            }
            c => out.push(c),
        }
    }
    out
}

/// Percent-decoding (the browser encodes more than [`encode`] does, e.g. non-ASCII letters);
/// a malformed escape is kept as it is.
fn decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = |b: u8| (b as char).to_digit(16);
        match (bytes[i], bytes.get(i + 1), bytes.get(i + 2)) {
            (b'%', Some(&h), Some(&l)) if hex(h).is_some() && hex(l).is_some() => {
                out.push((hex(h).unwrap() * 16 + hex(l).unwrap()) as u8);
                i += 3;
            }
            (b, _, _) => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;
    use wasm_bindgen_test::wasm_bindgen_test;

    fn form(draft: &str, page: Option<&str>) -> Route {
        Route::Form {
            draft: draft.into(),
            page: page.map(str::to_string),
        }
    }

    #[wasm_bindgen_test]
    fn every_screen_has_a_fragment_that_reads_back() {
        for route in [
            Route::Home,
            form("0b6f7d2c-9a51", None),
            form("0b6f7d2c-9a51", Some("/intro")),
            form("d", Some("/roster/members[2]")),
            form("d", Some(FINALIZE)),
            form("d", Some("/oila a'zolari/ism")),
            form("d", Some("/a%b#c")),
            Route::Submission {
                id: "uuid:0b6f7d2c".into(),
            },
        ] {
            assert_eq!(parse(&fragment(&route)), route, "{}", fragment(&route));
        }
        assert_eq!(fragment(&form("d", Some("/intro"))), "#/form/d/page/intro");
        assert_eq!(fragment(&form("d", Some(FINALIZE))), "#/form/d/finalize");
    }

    #[wasm_bindgen_test]
    fn what_the_browser_encodes_is_decoded_and_the_rest_is_home() {
        assert_eq!(
            parse("#/form/d/page/o%CA%BBquv%C3%A7i"),
            form("d", Some("/oʻquvçi"))
        );
        for other in [
            "",
            "#",
            "#/",
            "#/form/",
            "#/submission/",
            "#/settings",
            "#%zz",
        ] {
            assert_eq!(parse(other), Route::Home, "{other}");
        }
        assert_eq!(parse("#/form/d/elsewhere"), form("d", None));
    }
}
