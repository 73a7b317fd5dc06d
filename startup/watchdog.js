// Says on the page, in plain words, when the app cannot start (a missing file, a policy that
// refuses to compile WebAssembly, a browser too old for it) instead of leaving the loading
// outline up. A classic script, so that even a browser without JavaScript modules runs it.
(function () {
  "use strict";
  // Counted from the load event, when every file has arrived: starting takes well under a second.
  var START_LIMIT_MS = 5000;
  var settled = false;

  function fail(reason) {
    if (settled) {
      return;
    }
    settled = true;
    var app = document.getElementById("app");
    if (!app) {
      return;
    }
    var alert = document.createElement("div");
    alert.className = "panel status status-failure start-failed";
    alert.setAttribute("role", "alert");
    alert.id = "start-failed";
    var title = document.createElement("h2");
    title.textContent = "This page could not start";
    var what = document.createElement("p");
    what.textContent = "It " + reason + ". Reload the page. If that does not help, the web " +
      "server may not be serving all of the page's files, its Content-Security-Policy may lack " +
      "'wasm-unsafe-eval' in script-src, or this browser may be too old: the page needs " +
      "Chrome or Edge 97, Firefox 102 or Safari 16, or newer.";
    alert.appendChild(title);
    alert.appendChild(what);
    app.replaceChildren(alert);
  }

  addEventListener("commandcenter-email:started", function () {
    settled = true;
  });
  addEventListener("commandcenter-email:start-failed", function (event) {
    fail("stopped with an error (" + event.detail + ")");
  });
  // A file that does not load fires "error" at its element, which does not bubble: capture it.
  // Only the scripts, the JS glue and the wasm matter; the page works without its favicon.
  addEventListener("error", function (event) {
    var target = event.target;
    var needed = target && (target.tagName === "SCRIPT" ||
      (target.tagName === "LINK" && (target.rel === "modulepreload" ||
        /_bg\.wasm$/.test(target.href))));
    if (needed) {
      fail("could not load " + (target.src || target.href));
    }
  }, true);
  addEventListener("load", function () {
    setTimeout(function () {
      fail("did not start within " + START_LIMIT_MS / 1000 + " seconds");
    }, START_LIMIT_MS);
  });
})();
