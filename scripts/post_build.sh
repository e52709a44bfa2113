#!/usr/bin/env bash
# trunk post_build hook of the field worker's page (index.html), in trunk's staging folder:
# 1. builds the supervisor's page (supervisor.html, its own Wasm module: the export code is
#    loaded only there) with a nested trunk build, and copies it beside index.html;
# 2. writes the service worker's precache list and version into sw.js, from the hashed file
#    names of both pages.
# The nested build runs this hook too; XONADON_SUPERVISOR_BUILD makes that run do nothing.
set -euo pipefail
[ -z "${XONADON_SUPERVISOR_BUILD:-}" ] || exit 0
stage="${TRUNK_STAGING_DIR:?run by trunk}"
cd "${TRUNK_SOURCE_DIR:?run by trunk}"

out=target/supervisor-dist
release=()
[ "${TRUNK_PROFILE:-}" = release ] && release=(--release=true)
XONADON_SUPERVISOR_BUILD=1 trunk build "${release[@]}" supervisor.html \
  --html-output supervisor.html --dist "$out" --public-url "${TRUNK_PUBLIC_URL:-/}"
cp "$out"/* "$stage"/

cd "$stage"
files=$(find . -type f ! -name sw.js | sed 's|^\./||' | LC_ALL=C sort)
version=$(for f in $files; do sha256sum "$f"; done | sha256sum | cut -c1-16)
list=$( { echo './'; for f in $files; do echo "./$f"; done; } | sed 's/.*/"&"/' | paste -sd, -)
sed -i "s|__VERSION__|$version|; s|__PRECACHE__|[$list]|" sw.js
echo "precache: $(echo "$files" | wc -l) files, version $version" >&2
