#!/usr/bin/env bash
# Build hook of the peer benchmark (engine.json "build"): run in this folder by
# harness/build.mjs with ENGINE_OUT (fill it), ENGINE_DIR (this folder) and PEERS_DIR.
#   1. converts every generated form ($PEERS_DIR/out/site/forms/N*/spec.json) to
#      xonadon.json next to it (the file engine.json's "formFile" names);
#   2. builds bench/page (release, wasm32) -> wasm-bindgen -> wasm-opt -Oz into $ENGINE_OUT/pkg;
#   3. copies the app's stylesheet.
# XONADON_DIR: the Xonadon checkout (default: the one this folder was copied from, else /work/main).
# WASM_OPT: binaryen 132's wasm-opt (Debian's binaryen 108 breaks the output).
set -euo pipefail
: "${ENGINE_OUT:?}" "${ENGINE_DIR:?}" "${PEERS_DIR:?}"
XONADON_DIR="${XONADON_DIR:-/work/main}"
WASM_OPT="${WASM_OPT:-/root/.cache/xonadon/binaryen-132/node_modules/.bin/wasm-opt}"

forms="$PEERS_DIR/out/site/forms"
if compgen -G "$forms/*/spec.json" >/dev/null; then
  python3 "$ENGINE_DIR/convert.py" --all "$forms"
else
  echo "xonadon build: no $forms/*/spec.json yet (run gen/generate.py first)" >&2
  exit 1
fi

cd "$XONADON_DIR"
cargo build --release --target wasm32-unknown-unknown -p xonadon-bench-page
target_dir="$(cargo metadata --format-version 1 --no-deps | python3 -c 'import json,sys; print(json.load(sys.stdin)["target_directory"])')"
wasm="$target_dir/wasm32-unknown-unknown/release/xonadon_bench_page.wasm"
rm -rf "$ENGINE_OUT/pkg"
wasm-bindgen --target web --no-typescript --out-dir "$ENGINE_OUT/pkg" "$wasm"
"$WASM_OPT" -Oz --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
  --enable-mutable-globals "$ENGINE_OUT/pkg/xonadon_bench_page_bg.wasm" \
  -o "$ENGINE_OUT/pkg/xonadon_bench_page_bg.wasm"
cp public/style.css "$ENGINE_OUT/style.css"
ls -l "$ENGINE_OUT/pkg" >&2
