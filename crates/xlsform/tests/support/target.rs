//! Where the tests write files for ODK's oracle to read: a folder of the workspace's
//! `target/` (or `$CARGO_TARGET_DIR`).

use std::path::{Path, PathBuf};

/// `target/NAME` of the workspace.
pub fn target_dir(name: &str) -> PathBuf {
    let target = std::env::var_os("CARGO_TARGET_DIR").map_or_else(
        || {
            let crate_dir = Path::new(env!("CARGO_MANIFEST_DIR"));
            crate_dir
                .ancestors()
                .nth(2)
                .unwrap_or(crate_dir)
                .join("target")
        },
        PathBuf::from,
    );
    target.join(name)
}
