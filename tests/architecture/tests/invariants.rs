//! The invariants ARCHITECTURE.md states, checked on the code as it is. A failure names the
//! file and says what to change: the code, or the document if the design changed on purpose.

use xonadon_architecture::{code_of, dependencies_of, read, rust_files};

/// Crates that reach the browser. The engine runs natively (CLI, tests) and in the app alike,
/// and its tests run without one; time and randomness come in through its `Host` trait.
const BROWSER_CRATES: &[&str] = &[
    "wasm-bindgen",
    "wasm-bindgen-futures",
    "js-sys",
    "web-sys",
    "gloo-storage",
    "gloo-utils",
    "leptos",
    "indexed_db_futures",
];

#[test]
fn the_engine_knows_nothing_of_the_browser() {
    // Not the XLSForm and XForm crates: rust_xlsxwriter, which writes the designer's XLSForm
    // download, reads the clock through js-sys on wasm32.
    for engine_side in ["xonadon-engine", "xonadon-translit"] {
        let deps = dependencies_of(engine_side);
        let browser: Vec<&&str> = BROWSER_CRATES
            .iter()
            .filter(|c| deps.contains(**c))
            .collect();
        assert!(
            browser.is_empty(),
            "{engine_side} depends on {browser:?}: keep browser effects in the app (src/) or \
             crates/storage"
        );
    }
}

/// Where IndexedDB may be named in code: the storage crate, and the tests and benchmarks that
/// measure it there.
#[test]
fn only_the_storage_crate_touches_indexeddb() {
    let touching: Vec<String> = ["src", "crates"]
        .iter()
        .flat_map(|dir| rust_files(dir))
        .filter(|f| !f.starts_with("crates/storage/"))
        .filter(|f| {
            let code = code_of(&read(f));
            ["IdbFactory", "IdbDatabase", "indexed_db", "indexedDB"]
                .iter()
                .any(|api| code.contains(api))
        })
        .collect();
    assert!(
        touching.is_empty(),
        "{touching:?} use IndexedDB directly: go through xonadon_storage's Repository (the \
         app: through src/store.rs)"
    );
}

/// The app's modules that keep something in localStorage, and what. ARCHITECTURE.md's
/// invariant names each; anything else belongs in IndexedDB (through `Store`).
const LOCAL_STORAGE: &[(&str, &str)] = &[
    ("src/settings.rs", "the settings"),
    ("src/store.rs", "the draft journal"),
    ("src/published.rs", "the published versions"),
    (
        "src/at_rest.rs",
        "the journal's entries and the last-saved submissions, sealed once there is a PIN",
    ),
    (
        "src/lock/keyring.rs",
        "the data key sealed under the PIN and the count of wrong PINs",
    ),
    ("src/pages/designer/kept.rs", "the designer's text"),
    (
        "src/pages/supervisor/keys/kept.rs",
        "the supervisor's sealed key and the key bundles are sent to",
    ),
    ("src/pages/supervisor/reviewer.rs", "the reviewer's name"),
];

#[test]
fn only_the_named_modules_touch_local_storage() {
    let touching: Vec<String> = rust_files("src")
        .into_iter()
        .filter(|f| {
            let code = code_of(&read(f));
            code.contains("gloo_storage") || code.contains("local_storage(")
        })
        .collect();
    let mut named: Vec<String> = LOCAL_STORAGE.iter().map(|(f, _)| f.to_string()).collect();
    named.sort();
    assert_eq!(
        touching, named,
        "the modules that use localStorage changed: keep it to the named ones, or update \
         LOCAL_STORAGE here and the invariant in ARCHITECTURE.md"
    );
    let architecture = read("ARCHITECTURE.md")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    for (file, what) in LOCAL_STORAGE {
        let short = file.trim_start_matches("src/");
        assert!(
            architecture.contains(&format!("{what} (`{short}`)")),
            "ARCHITECTURE.md's invariants do not say that {file} keeps {what} in localStorage \
             (write it as \"{what} (`{short}`)\")"
        );
    }
}

#[test]
fn the_schema_in_forms_is_the_one_the_engine_generates() {
    let generated = serde_json::to_string_pretty(&xonadon_engine::FormDefinition::json_schema())
        .expect("the schema serializes")
        + "\n";
    assert!(
        read("forms/schema.json") == generated,
        "forms/schema.json is stale: run `cargo run -p xonadon-cli -- schema > forms/schema.json`"
    );
}

/// trunk is told the exact wasm-bindgen version (it never downloads one, `offline = true`):
/// it must be the crate's version in Cargo.lock, which `scripts/lib.sh` installs the CLI of.
#[test]
fn trunk_pins_the_wasm_bindgen_of_cargo_lock() {
    let lock = read("Cargo.lock");
    let locked = lock
        .split("[[package]]")
        .find(|p| p.contains("\nname = \"wasm-bindgen\"\n"))
        .and_then(|p| p.lines().find_map(|l| l.strip_prefix("version = ")))
        .map(|v| v.trim_matches('"').to_string())
        .expect("wasm-bindgen in Cargo.lock");
    let trunk = read("Trunk.toml");
    let pinned = trunk
        .lines()
        .find_map(|l| l.strip_prefix("wasm_bindgen = "))
        .map(|v| v.trim().trim_matches('"').to_string())
        .expect("wasm_bindgen in Trunk.toml's [tools]");
    assert_eq!(
        pinned, locked,
        "Trunk.toml pins wasm-bindgen {pinned} but Cargo.lock has {locked}: set \
         `wasm_bindgen = \"{locked}\"` in Trunk.toml"
    );
}
