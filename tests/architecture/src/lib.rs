//! What the invariant tests (`tests/invariants.rs`) read: the workspace's files and its
//! dependency graph as cargo resolves it.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::Value;

/// The workspace's root folder (this crate is `tests/architecture`).
pub fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../..")
        .canonicalize()
        .expect("the workspace root")
}

/// The text of a file of the workspace, by its path from the root.
pub fn read(path: &str) -> String {
    let full = root().join(path);
    std::fs::read_to_string(&full).unwrap_or_else(|e| panic!("{}: {e}", full.display()))
}

/// Every `.rs` file under `dir` (a path from the root), as paths from the root, sorted.
pub fn rust_files(dir: &str) -> Vec<String> {
    fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
        let Ok(entries) = std::fs::read_dir(dir) else {
            return;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                walk(&path, out);
            } else if path.extension().is_some_and(|e| e == "rs") {
                out.push(path);
            }
        }
    }
    let root = root();
    let mut files = Vec::new();
    walk(&root.join(dir), &mut files);
    let mut out: Vec<String> = files
        .iter()
        .filter_map(|p| p.strip_prefix(&root).ok())
        .map(|p| p.to_string_lossy().replace('\\', "/"))
        .collect();
    out.sort();
    out
}

/// The code of a Rust file without its comments (line comments, doc comments), so that a
/// file which only mentions an API in its documentation does not count as using it.
pub fn code_of(text: &str) -> String {
    text.lines()
        .map(|line| match line.trim_start().starts_with("//") {
            true => "",
            false => line,
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// The packages `package` depends on, directly or not, for any target platform: normal and
/// build dependencies (what ships in it), not dev-dependencies (its tests' own).
pub fn dependencies_of(package: &str) -> BTreeSet<String> {
    let output = Command::new(env!("CARGO"))
        .args(["metadata", "--format-version", "1", "--offline"])
        .current_dir(root())
        .output()
        .expect("cargo metadata runs");
    assert!(
        output.status.success(),
        "cargo metadata failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    let metadata: Value = serde_json::from_slice(&output.stdout).expect("cargo metadata's JSON");
    let name_of: BTreeMap<&str, &str> = metadata["packages"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|p| Some((p["id"].as_str()?, p["name"].as_str()?)))
        .collect();
    let nodes: BTreeMap<&str, &Value> = metadata["resolve"]["nodes"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|n| Some((n["id"].as_str()?, n)))
        .collect();
    let start = name_of
        .iter()
        .find(|(_, name)| **name == package)
        .map(|(id, _)| *id)
        .unwrap_or_else(|| panic!("no package {package} in the workspace"));
    let mut seen = BTreeSet::new();
    let mut todo = vec![start];
    while let Some(id) = todo.pop() {
        for dep in nodes[id]["deps"].as_array().into_iter().flatten() {
            let shipped = dep["dep_kinds"]
                .as_array()
                .into_iter()
                .flatten()
                .any(|k| k["kind"].as_str() != Some("dev"));
            let Some(dep_id) = dep["pkg"].as_str() else {
                continue;
            };
            if shipped && seen.insert(dep_id) {
                todo.push(dep_id);
            }
        }
    }
    seen.iter().map(|id| name_of[id].to_string()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn comments_are_not_code() {
        let text = "//! uses localStorage\nlet x = 1; // trailing\n    /// doc\nfn f() {}";
        assert_eq!(code_of(text), "\nlet x = 1; // trailing\n\nfn f() {}");
    }

    #[test]
    fn the_dependency_walk_follows_the_graph() {
        let deps = dependencies_of("xonadon-architecture");
        assert!(deps.contains("serde_json"), "{deps:?}");
        assert!(
            deps.contains("serde"),
            "serde_json's own dependency: {deps:?}"
        );
        assert!(
            !deps.contains("xonadon-engine"),
            "a dev-dependency ships in nothing: {deps:?}"
        );
    }
}
