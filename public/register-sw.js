// Registers the service worker (public/sw.js) once the page has loaded. A file rather than an
// inline <script>: the Content-Security-Policy allows scripts from files of the app only.
// When a new version is taken over is the app's decision (src/update.rs), not this file's.
if ("serviceWorker" in navigator) {
  addEventListener("load", () => navigator.serviceWorker.register("./sw.js"));
}
