// What the page does before its wasm runs, in a classic script at the end of the body (so that it
// runs in any browser, as soon as the sign-in form above it is parsed):
// - the sign-in form works: the choice between user and token shows its fields, Show reveals a
//   secret, and a press of "Sign in" (or Enter) is recorded for the app, which signs in as soon
//   as it runs; nothing is sent from here;
// - it says how far the start is, from startup/start.js's events: how much of the wasm has
//   arrived, and a connection that seems stalled (with Reload), never taking the form away;
// - a start that fails (a file that does not load, a policy that refuses to compile WebAssembly,
//   an error while starting, a browser too old for it) is said on the page at once.
(function () {
  "use strict";
  var root = document.documentElement;
  var settled = false;

  // This script's words, by their ids in locales/en/page.ftl (a tidy test compares the two);
  // a {name} is filled in by say().
  var MESSAGES = {
    "button-sign-in": "Sign in",
    "button-use-token": "Use this token",
    "button-signing-in": "Signing in…",
    "button-show": "Show",
    "button-hide": "Hide",
    "start-loading": "Loading the page…",
    "start-starting": "Starting the page…",
    "start-stalled": "The connection seems stalled: nothing has arrived for {seconds} seconds. The page still starts if the rest comes, and keeps what you typed; Reload starts over, and may lose it.",
    "start-reload": "Reload",
    "start-failed-title": "This page could not start",
    "start-failed-load": "It could not load {url}.",
    "start-failed-load-status": "It could not load {url} (HTTP {status}).",
    "start-failed-error": "It stopped with an error ({error}).",
    "start-failed-browser": "It cannot run in this browser.",
    "start-failed-advice": "Reload the page. If that does not help, the web server may not be serving all of the page's files, its Content-Security-Policy may lack 'wasm-unsafe-eval' in script-src, or this browser may be too old: the page needs Chrome or Edge 97, Firefox 102 or Safari 16, or newer."
  };

  function say(id, args) {
    return MESSAGES[id].replace(/\{(\w+)\}/g, function (_, name) {
      return String(args[name]);
    });
  }

  // ----- the page's language, until the app speaks it -----

  // index.html is English. This script knows two of the page's sources of a language: the
  // administrator's choice from the menu (stored) and the browser's. With them it relabels each
  // text of index.html that names its message (data-l10n-id) and says its own messages from that
  // language's start-up catalog, plain JSON beside the page. config.json is the app's to read
  // (index.html preloads it for the app's one request): its language, or a menu it turns off,
  // counts once the app runs. The app then sends the language it speaks the same way (the event
  // below), and that is final. The order is the app's (src/core/language.rs).
  var STORAGE_KEY = "commandcenter-email:language";
  var ENGLISH = {};
  var labelled = document.querySelectorAll("[data-l10n-id]");
  for (var l = 0; l < labelled.length; l++) {
    ENGLISH[labelled[l].getAttribute("data-l10n-id")] = labelled[l].textContent;
  }
  for (var own in MESSAGES) {
    ENGLISH[own] = MESSAGES[own];
  }
  var spoken = "en";
  var wanted = "en";
  var appSpeaks = false;

  // A tag as browsers and people write it, as the page's language, or null (src/core/language.rs
  // says the same).
  function matching(tag) {
    if (typeof tag !== "string") {
      return null;
    }
    var parts = tag.trim().toLowerCase().split(/[-_]/);
    var language = parts[0];
    if (["en", "de", "fr", "es", "ja"].indexOf(language) >= 0) {
      return language;
    }
    if (language !== "zh") {
      return null;
    }
    var traditional = parts.some(function (p) { return ["hant", "tw", "hk", "mo"].indexOf(p) >= 0; });
    return traditional && parts.indexOf("hans") < 0 ? null : "zh-Hans";
  }

  function chosen() {
    try {
      return matching(localStorage.getItem(STORAGE_KEY));
    } catch (error) {
      return null;
    }
  }

  function choose() {
    var browser = navigator.languages || [navigator.language];
    for (var i = 0; i < browser.length; i++) {
      if (matching(browser[i])) {
        break;
      }
    }
    return chosen() || (i < browser.length ? matching(browser[i]) : null) || "en";
  }

  function speakIn(language, messages) {
    spoken = language;
    for (var id in ENGLISH) {
      MESSAGES[id] = typeof messages[id] === "string" ? messages[id] : ENGLISH[id];
    }
    var texts = document.querySelectorAll("[data-l10n-id]");
    for (var i = 0; i < texts.length; i++) {
      var text = MESSAGES[texts[i].getAttribute("data-l10n-id")];
      // The sign-in button's words follow the mode and the press (below, and the app's).
      if (texts[i].id !== "sign-in" && typeof text === "string" && text.indexOf("{") < 0) {
        texts[i].textContent = text;
      }
    }
    root.lang = language;
    if (!appRuns() && form && button) {
      showMode();
      if (form.hasAttribute("data-sign-in-requested")) {
        button.textContent = say("button-signing-in");
      }
    }
  }

  function files(attribute) {
    var found = {};
    (root.getAttribute(attribute) || "").split(/\s+/).forEach(function (pair) {
      var at = pair.indexOf("=");
      if (at > 0) {
        found[pair.slice(0, at)] = pair.slice(at + 1);
      }
    });
    return found;
  }

  // A start-up catalog that does not come leaves English: the app says why, once it runs.
  function speakBeforeTheApp(language) {
    wanted = language;
    if (appSpeaks || language === spoken) {
      return;
    }
    if (language === "en") {
      speakIn("en", ENGLISH);
      return;
    }
    var url = files("data-startup-files")[language];
    if (!url) {
      return;
    }
    fetch(url, { credentials: "same-origin" })
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (messages) {
        if (!appSpeaks && wanted === language && messages && typeof messages === "object") {
          speakIn(language, messages);
        }
      })
      .catch(function () {});
  }

  addEventListener("commandcenter-email:language", function (event) {
    appSpeaks = true;
    speakIn(event.detail.language, event.detail.messages);
  });

  // ----- the sign-in form, until the app takes it over -----

  var form = document.getElementById("sign-in-form");
  var button = document.getElementById("sign-in");
  var LABELS = { user: "button-sign-in", token: "button-use-token" };

  function appRuns() {
    return root.hasAttribute("data-app-started");
  }

  function mode() {
    var checked = document.querySelector('input[name="sign-in-mode"]:checked');
    return checked ? checked.value : "user";
  }

  function showMode() {
    var current = mode();
    var groups = document.querySelectorAll(".sign-in-fields");
    for (var i = 0; i < groups.length; i++) {
      groups[i].hidden = groups[i].getAttribute("data-mode") !== current;
    }
    if (!form.hasAttribute("data-sign-in-requested") && !button.disabled) {
      button.textContent = say(LABELS[current]);
    }
  }

  function requestSignIn() {
    if (appRuns() || form.hasAttribute("data-sign-in-requested")) {
      return;
    }
    // The app reads this when it starts, and signs in with what the form then holds.
    form.setAttribute("data-sign-in-requested", mode());
    button.textContent = say("button-signing-in");
    button.setAttribute("aria-disabled", "true");
  }

  if (form && button) {
    // The mode and Show stay this script's: the app reads the form's state when it signs in.
    var radios = document.querySelectorAll('input[name="sign-in-mode"]');
    for (var r = 0; r < radios.length; r++) {
      radios[r].addEventListener("change", showMode);
    }
    var reveals = form.querySelectorAll("button.reveal");
    for (var v = 0; v < reveals.length; v++) {
      reveals[v].addEventListener("click", function (event) {
        var reveal = event.currentTarget;
        var input = document.getElementById(reveal.getAttribute("aria-controls"));
        var shown = input.type === "text";
        input.type = shown ? "password" : "text";
        var word = shown ? "button-show" : "button-hide";
        reveal.firstChild.setAttribute("data-l10n-id", word);
        reveal.firstChild.textContent = say(word);
      });
    }
    button.addEventListener("click", requestSignIn);
    form.addEventListener("keydown", function (event) {
      // Enter ends an IME composition too: that one is not a request to sign in.
      if (event.key === "Enter" && !event.isComposing && event.target.tagName === "INPUT") {
        event.preventDefault();
        if (!appRuns()) {
          requestSignIn();
        }
      }
    });
    // Never submitted natively: it has no submit button, and this is the second guard.
    form.addEventListener("submit", function (event) {
      event.preventDefault();
    });
    showMode();
  }

  speakBeforeTheApp(choose());

  // ----- how far the start is, and a start that fails -----

  // Each panel that can show before the app runs (the sign-in form, beside its button, and
  // embed.html's "Connecting to the portal…") has one of these lines; the panel not shown is
  // display:none.
  var progressLines = document.querySelectorAll(".start-progress");

  function eachProgressLine(show) {
    for (var i = 0; i < progressLines.length; i++) {
      show(progressLines[i]);
    }
  }

  function showProgress(loaded, total) {
    var arrived = total !== null && loaded >= total;
    var figure = total && !arrived ? Math.floor((loaded / total) * 100) + " %" : "";
    eachProgressLine(function (line) {
      line.hidden = false;
      var text = line.querySelector(".start-progress-text");
      text.setAttribute("data-l10n-id", arrived ? "start-starting" : "start-loading");
      text.textContent = say(arrived ? "start-starting" : "start-loading");
      line.querySelector(".start-progress-figure").textContent = figure;
    });
  }

  function removeStallNotices() {
    var notices = document.querySelectorAll(".start-stalled");
    for (var i = 0; i < notices.length; i++) {
      notices[i].remove();
    }
  }

  // Nothing arrived for a while: said once, beside the progress, with a way out; the form and
  // what was typed stay, and the page still starts if the bytes come after all.
  function showStalled(seconds) {
    removeStallNotices();
    eachProgressLine(function (line) {
      var notice = document.createElement("div");
      notice.className = "notice start-stalled";
      notice.setAttribute("role", "alert");
      var what = document.createElement("p");
      what.textContent = say("start-stalled", { seconds: seconds });
      var reload = document.createElement("button");
      reload.type = "button";
      reload.textContent = say("start-reload");
      reload.addEventListener("click", function () {
        location.reload();
      });
      notice.appendChild(what);
      notice.appendChild(reload);
      // Under the row of buttons the line stands in, or under the line itself.
      (line.closest(".form-actions") || line).insertAdjacentElement("afterend", notice);
    });
  }

  // `why` is the first sentence: what went wrong.
  function fail(why) {
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
    title.textContent = say("start-failed-title");
    var what = document.createElement("p");
    what.textContent = why + " " + say("start-failed-advice");
    alert.appendChild(title);
    alert.appendChild(what);
    app.replaceChildren(alert);
  }

  function couldNotLoad(url, status) {
    fail(status ? say("start-failed-load-status", { url: url, status: status })
      : say("start-failed-load", { url: url }));
  }

  addEventListener("commandcenter-email:progress", function (event) {
    if (!settled) {
      removeStallNotices();
      showProgress(event.detail.loaded, event.detail.total);
    }
  });
  addEventListener("commandcenter-email:stalled", function (event) {
    if (!settled) {
      showStalled(event.detail.seconds);
    }
  });
  addEventListener("commandcenter-email:started", function () {
    settled = true;
    removeStallNotices();
    eachProgressLine(function (line) {
      line.remove();
    });
  });
  addEventListener("commandcenter-email:start-failed", function (event) {
    var detail = event.detail;
    if (detail.url) {
      couldNotLoad(detail.url, detail.status);
    } else {
      fail(say("start-failed-error", { error: detail.error }));
    }
  });
  // A file that does not load fires "error" at its element, which does not bubble: capture it.
  // Only the scripts and the JS glue matter here (start.js reports the wasm, with its status);
  // the page works without its favicon.
  addEventListener("error", function (event) {
    var target = event.target;
    var needed = target && (target.tagName === "SCRIPT" ||
      (target.tagName === "LINK" && target.rel === "modulepreload"));
    if (needed) {
      couldNotLoad(target.src || target.href, null);
    }
  }, true);
  // A browser without module scripts or WebAssembly would never run start.js at all.
  if (!("noModule" in HTMLScriptElement.prototype) || typeof WebAssembly !== "object") {
    fail(say("start-failed-browser"));
  }
})();
