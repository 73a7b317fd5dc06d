// Starts the page's wasm. It replaces the inline script that Trunk writes into index.html, which
// a Content-Security-Policy without 'unsafe-inline' blocks (the post_build hook removes that one).
// Trunk's preload links name the JS glue and the wasm with their hashed names.
//
// It fetches the wasm itself, so that it can tell startup/early.js how far the download is: a
// slow link is not a failure. What happens is judged, never a clock: a file that does not load,
// a compile or instantiate error or an exception while starting is a failure; bytes still
// arriving are not. A stream on which nothing has arrived for a long while is reported as
// stalled, and still starts if the bytes come after all. The events, on window:
//   commandcenter-email:progress      {loaded, total}: decoded bytes so far, of total (or null)
//   commandcenter-email:stalled       {seconds}: nothing arrived for that long; progress resumes it
//   commandcenter-email:started       the app runs
//   commandcenter-email:start-failed  {url, status} (a file did not load) or {error}
const glue = document.querySelector('link[rel="modulepreload"][href$=".js"]');
const wasm = document.querySelector('link[rel="preload"][href$="_bg.wasm"]');
// post-build writes the wasm's size; the test server may shorten the stall threshold.
const total = Number(wasm && wasm.dataset.decodedSize) || null;
const stallSeconds = Number(document.documentElement.dataset.stallSeconds) || 20;

function tell(name, detail) {
  dispatchEvent(new CustomEvent("commandcenter-email:" + name, { detail: detail }));
}

let stallTimer;

// Counts the stall threshold anew: at the start and at every chunk that arrives.
function watchForStall() {
  clearTimeout(stallTimer);
  stallTimer = setTimeout(function () {
    tell("stalled", { seconds: stallSeconds });
  }, stallSeconds * 1000);
}

// The response as `init` takes it, typed application/wasm (so that the wasm compiles while it
// streams, whatever type the server sent), counting its decoded bytes on the way.
function counted(response) {
  if (!response.body || typeof TransformStream !== "function") {
    return response;
  }
  let loaded = 0;
  const counter = new TransformStream({
    transform(chunk, controller) {
      loaded += chunk.byteLength;
      watchForStall();
      tell("progress", { loaded: loaded, total: total });
      controller.enqueue(chunk);
    },
    flush() {
      clearTimeout(stallTimer);
    },
  });
  return new Response(response.body.pipeThrough(counter), {
    headers: { "Content-Type": "application/wasm" },
  });
}

async function wasmResponse() {
  let response;
  try {
    // The preload's very request (mode cors, same-origin credentials, no integrity): the browser
    // hands over the preload's response instead of downloading the wasm a second time.
    response = await fetch(wasm.href, { credentials: "same-origin" });
  } catch (error) {
    throw { url: wasm.href, status: null };
  }
  if (!response.ok) {
    throw { url: wasm.href, status: response.status };
  }
  return counted(response);
}

try {
  watchForStall();
  tell("progress", { loaded: 0, total: total });
  const [response, { default: init }] = await Promise.all([wasmResponse(), import(glue.href)]);
  await init({ module_or_path: response });
  tell("started");
} catch (failure) {
  tell("start-failed", failure && failure.url ? failure : { error: String(failure) });
} finally {
  clearTimeout(stallTimer);
}
