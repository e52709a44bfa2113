// Xonadon's service worker: after one online visit the app starts with no network.
//
// The build (scripts/post_build.sh, a trunk post_build hook) replaces the placeholders below
// with the list of every file of the build, a hash of their contents and the
// Content-Security-Policy (public/content-security-policy).
// - install: fetch the whole list into a cache named after that hash. `addAll` is all or
//   nothing, so a failed download never leaves a half-filled shell.
// - activate: delete the caches of older builds. Drafts and submissions live in IndexedDB,
//   which this worker never touches.
// - fetch: the shell from the cache. A navigation gets its own page (index.html,
//   supervisor.html or designer.html, query ignored; anything else gets index.html), with the
//   Content-Security-Policy as a header: a page served from here has the policy whatever
//   server first sent it, frame-ancestors included (which a <meta> policy cannot hold).
// - message "skip-waiting": a new build takes over at the next start of the app. The field
//   page sends it from its home screen while no form has been opened since it started
//   (src/update.rs), then reloads once, on `controllerchange`: so a page never mixes files of
//   two builds, and never reloads under a worker filling a form. Taken only when that page is
//   the one window of the app open (another tab might hold a form); otherwise the new build
//   waits, as without the message, until every tab of the old one is closed.
const VERSION = "__VERSION__";
const PRECACHE = __PRECACHE__;
const POLICY = "__CONTENT_SECURITY_POLICY__";
const CACHE = `xonadon-shell-${VERSION}`;

self.addEventListener("install", (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(PRECACHE)));
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches.keys().then((keys) =>
      Promise.all(
        keys
          .filter((k) => k.startsWith("xonadon-shell-") && k !== CACHE)
          .map((k) => caches.delete(k)),
      ),
    ).then(() => self.clients.claim()),
  );
});

self.addEventListener("message", (event) => {
  if (event.data !== "skip-waiting") {
    return;
  }
  event.waitUntil(
    self.clients
      .matchAll({ type: "window", includeUncontrolled: true })
      .then((windows) => (windows.length <= 1 ? self.skipWaiting() : undefined)),
  );
});

/** A cached page as served: the same bytes, with the policy as a header. */
function withPolicy(response) {
  const headers = new Headers(response.headers);
  headers.set("Content-Security-Policy", POLICY);
  return new Response(response.body, {
    status: response.status,
    statusText: response.statusText,
    headers,
  });
}

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET" || new URL(request.url).origin !== self.location.origin) {
    return;
  }
  if (request.mode === "navigate") {
    event.respondWith(
      caches.open(CACHE).then((cache) =>
        cache
          .match(request, { ignoreSearch: true })
          .then((hit) => hit || cache.match("./index.html"))
          .then((hit) => (hit ? withPolicy(hit) : fetch(request))),
      ),
    );
    return;
  }
  event.respondWith(
    caches.open(CACHE).then((cache) =>
      cache.match(request).then((hit) => hit || fetch(request)),
    ),
  );
});
