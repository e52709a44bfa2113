#!/usr/bin/env bash
# trunk post_build hook: writes the service worker's precache list and version into sw.js in
# the staging folder, from the hashed file names trunk just produced.
set -euo pipefail
cd "${TRUNK_STAGING_DIR:?run by trunk}"
files=$(find . -type f ! -name sw.js | sed 's|^\./||' | LC_ALL=C sort)
version=$(for f in $files; do sha256sum "$f"; done | sha256sum | cut -c1-16)
list=$( { echo './'; for f in $files; do echo "./$f"; done; } | sed 's/.*/"&"/' | paste -sd, -)
sed -i "s|__VERSION__|$version|; s|__PRECACHE__|[$list]|" sw.js
echo "precache: $(echo "$files" | wc -l) files, version $version" >&2
