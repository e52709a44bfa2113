// Starts the page's Wasm module. trunk's own loader is an inline <script>, which the
// Content-Security-Policy refuses; Trunk.toml's `pattern_script` puts this file in its place and
// gives it the hashed names of the page's module and its JavaScript glue as data attributes.
const tag = document.querySelector("script[data-wasm]");
const { default: init } = await import(tag.dataset.js);
await init({ module_or_path: tag.dataset.wasm });
