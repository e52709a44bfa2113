# Shared by scripts/serve and scripts/test: install what is missing, skip what is there.
# Only the package registries are reached (crates.io, Debian).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

TRUNK_VERSION=0.21.14

say() { printf '==> %s\n' "$*" >&2; }

ensure_wasm_target() {
  if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
    say "adding the wasm32-unknown-unknown target"
    rustup target add wasm32-unknown-unknown
  fi
}

# The wasm-bindgen CLI must equal the wasm-bindgen crate in Cargo.lock.
wasm_bindgen_version() {
  awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock
}

ensure_trunk() {
  if ! trunk --version 2>/dev/null | grep -q "$TRUNK_VERSION"; then
    say "installing trunk $TRUNK_VERSION (a few minutes, once)"
    cargo install trunk --version "$TRUNK_VERSION" --locked
  fi
  local v
  v=$(wasm_bindgen_version)
  if ! wasm-bindgen --version 2>/dev/null | grep -q "$v"; then
    say "installing wasm-bindgen-cli $v (a few minutes, once)"
    # Not --locked: its locked webpki-roots is not on every registry mirror.
    cargo install wasm-bindgen-cli --version "$v"
  fi
  # Trunk.toml pins this same version (a mismatch is an error, never a download; the
  # architecture tests check the pin against Cargo.lock).
}

# wasm-opt from binaryen 132 (npm): Debian's binaryen 108 silently breaks the app.
BINARYEN_DIR="${XDG_CACHE_HOME:-$HOME/.cache}/xonadon/binaryen-132"
ensure_wasm_opt() {
  if [ ! -x "$BINARYEN_DIR/node_modules/.bin/wasm-opt" ]; then
    say "installing wasm-opt (binaryen 132, npm)"
    npm install --prefix "$BINARYEN_DIR" binaryen@132 --no-audit --no-fund >&2
  fi
  export PATH="$BINARYEN_DIR/node_modules/.bin:$PATH"
}

ensure_chromium() {
  if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then
    say "installing Debian's chromium and chromium-driver"
    local sudo=""
    [ "$(id -u)" = 0 ] || sudo=sudo
    $sudo apt-get update -qq && $sudo apt-get install -y -qq chromium chromium-driver
  fi
}
