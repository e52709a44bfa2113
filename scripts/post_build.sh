#!/usr/bin/env bash
# trunk post_build hook of the field worker's page (index.html), in trunk's staging folder:
# 1. builds the supervisor's and the designer's pages (supervisor.html, designer.html: each its
#    own Wasm module, so the export code and the XLSForm reader load only there) with nested
#    trunk builds, and copies them beside index.html;
# 2. writes the Content-Security-Policy (public/content-security-policy) into the three pages'
#    <meta> (without frame-ancestors, which a <meta> policy ignores) and whole into sw.js, which
#    sends it as a header;
# 3. writes the service worker's precache list and version into sw.js, from the hashed file
#    names of all three pages.
# The nested builds run this hook too; XONADON_NESTED_PAGE_BUILD makes those runs do nothing
# (they would build the pages again, inside themselves).
set -euo pipefail
[ -z "${XONADON_NESTED_PAGE_BUILD:-}" ] || exit 0
stage="${TRUNK_STAGING_DIR:?run by trunk}"
cd "${TRUNK_SOURCE_DIR:?run by trunk}"

release=()
[ "${TRUNK_PROFILE:-}" = release ] && release=(--release=true)
for page in supervisor designer; do
  out="target/$page-dist"
  XONADON_NESTED_PAGE_BUILD=1 trunk build "${release[@]}" "$page.html" \
    --html-output "$page.html" --dist "$out" --public-url "${TRUNK_PUBLIC_URL:-/}"
  cp "$out"/* "$stage"/
done

# The policy on one line: comments and blank lines dropped, directives joined by "; ".
policy=$(grep -v '^#' public/content-security-policy | sed '/^$/d' | paste -sd';' - | sed 's/;/; /g')
meta=$(echo "$policy" | sed "s/; frame-ancestors [^;]*//")

cd "$stage"
sed -i "s|__CONTENT_SECURITY_POLICY__|$meta|" index.html supervisor.html designer.html
sed -i "s|__CONTENT_SECURITY_POLICY__|$policy|" sw.js
files=$(find . -type f ! -name sw.js | sed 's|^\./||' | LC_ALL=C sort)
version=$(for f in $files; do sha256sum "$f"; done | sha256sum | cut -c1-16)
list=$( { echo './'; for f in $files; do echo "./$f"; done; } | sed 's/.*/"&"/' | paste -sd, -)
sed -i "s|__VERSION__|$version|; s|__PRECACHE__|[$list]|" sw.js
echo "precache: $(echo "$files" | wc -l) files, version $version" >&2
