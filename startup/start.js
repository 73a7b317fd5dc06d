// Starts the page's wasm. It replaces the inline script that Trunk writes into index.html, which
// a Content-Security-Policy without 'unsafe-inline' blocks (the post_build hook removes that one).
// Trunk's preload links name the JS glue and the wasm with their hashed names and integrity.
const glue = document.querySelector('link[rel="modulepreload"][href$=".js"]');
const wasm = document.querySelector('link[rel="preload"][href$="_bg.wasm"]');
try {
  const { default: init } = await import(glue.href);
  await init({ module_or_path: wasm.href });
  dispatchEvent(new Event("commandcenter-email:started"));
} catch (error) {
  // watchdog.js says so on the page.
  dispatchEvent(new CustomEvent("commandcenter-email:start-failed", { detail: String(error) }));
}
