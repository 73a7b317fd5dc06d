// Injected by `cargo xtask bench` with the DevTools command Page.addScriptToEvaluateOnNewDocument,
// so it runs in each new document before any script of the page. It measures from inside the page,
// where the timings are not blurred by WebDriver's round trips, with performance.now(): milliseconds
// since the navigation started. The driver reads window.__xtaskBench.
(() => {
  "use strict";
  if (window !== window.top || "__xtaskBench" in window) {
    return;
  }
  const bench = {
    // When the `load` event fired.
    load: null,
    // The first frame in which an input that takes typing is in the page, focusable and shown.
    firstInput: null,
    // When the page's first action works. Ours: the app has taken over the sign-in form (before,
    // a press is only recorded). The reference pages: their form holds an enabled Save button.
    firstAction: null,
    // Cumulative layout shift: every shift not caused by the person's own input, added up.
    layoutShift: 0,
    // One entry per `input` event: milliseconds from its dispatch to the end of its handling, to
    // the first DOM change after it, and to the end of the next rendered frame.
    keystrokes: [],
  };
  Object.defineProperty(window, "__xtaskBench", { value: bench });

  const waiters = [];
  const settle = () => {
    for (let i = waiters.length - 1; i >= 0; i -= 1) {
      if (waiters[i].ready()) {
        waiters[i].resolve();
        waiters.splice(i, 1);
      }
    }
  };
  const when = (ready) =>
    new Promise((resolve) => {
      waiters.push({ ready, resolve });
      settle();
    });
  bench.whenInteractive = () =>
    when(() => bench.load !== null && bench.firstInput !== null && bench.firstAction !== null);
  bench.whenKeystrokes = (n) =>
    when(() => bench.keystrokes.filter((k) => k.frame !== null).length >= n);

  // Capturing listeners on window, added before the page's own: they run first.
  window.addEventListener(
    "load",
    () => {
      bench.load = performance.now();
      settle();
    },
    { capture: true, once: true },
  );

  new PerformanceObserver((list) => {
    for (const shift of list.getEntries()) {
      if (!shift.hadRecentInput) {
        bench.layoutShift += shift.value;
      }
    }
  }).observe({ type: "layout-shift", buffered: true });

  const TYPEABLE =
    "input:not([type=radio]):not([type=checkbox]):not([type=hidden]):not([disabled])" +
    ":not([readonly]), textarea:not([disabled]):not([readonly])";
  const typeable = () =>
    Array.from(document.querySelectorAll(TYPEABLE)).some(
      (input) => input.getClientRects().length > 0 && getComputedStyle(input).visibility === "visible",
    );
  const actionReady = () =>
    document.documentElement.hasAttribute("data-app-started") ||
    Array.from(document.querySelectorAll("form button")).some(
      (button) => !button.disabled && button.textContent.trim() === "Save",
    );
  // Each frame, before it is painted: what is in the page now is in this frame's pixels.
  const everyFrame = (time) => {
    if (bench.firstInput === null && typeable()) {
      bench.firstInput = time;
      settle();
    }
    if (bench.firstInput === null) {
      requestAnimationFrame(everyFrame);
    }
  };
  requestAnimationFrame(everyFrame);

  // An observer's callback runs as a microtask right after the DOM changed, so this catches the
  // moment the action starts to work, not the next time someone looks.
  let mutations = 0;
  let current = null;
  new MutationObserver((records) => {
    const now = performance.now();
    mutations += records.length;
    if (current !== null && current.sample.mutation === null) {
      current.sample.mutation = now - current.start;
    }
    if (bench.firstAction === null && actionReady()) {
      bench.firstAction = now;
      settle();
    }
  }).observe(document, { childList: true, subtree: true, attributes: true, characterData: true });

  // Runs `callback` in a task of its own, after the running task and its microtasks. A
  // MessageChannel message gets there soonest; setTimeout may be clamped.
  const channel = new MessageChannel();
  const queue = [];
  channel.port1.onmessage = () => queue.shift()();
  const afterThisTask = (callback) => {
    queue.push(callback);
    channel.port2.postMessage(null);
  };

  window.addEventListener(
    "input",
    (event) => {
      const start = performance.now();
      const sample = {
        target: event.target instanceof Element ? event.target.id : null,
        handled: null,
        mutation: null,
        frame: null,
        mutations: 0,
      };
      const before = mutations;
      current = { start, sample };
      bench.keystrokes.push(sample);
      // Added during the dispatch, this listener is the last one at window as the event bubbles
      // up, after the page's (Leptos's delegated ones sit on window too). The reactive updates
      // that the page's listeners queue ran at the microtask checkpoint after each of them, and
      // the microtask below runs after anything they queued in turn.
      window.addEventListener(
        "input",
        () =>
          queueMicrotask(() => {
            sample.handled = performance.now() - start;
          }),
        { once: true },
      );
      // A requestAnimationFrame callback runs as the next frame starts; a task posted from it
      // runs once that frame's style, layout and paint are done.
      requestAnimationFrame(() =>
        afterThisTask(() => {
          sample.frame = performance.now() - start;
          sample.mutations = mutations - before;
          settle();
        }),
      );
    },
    { capture: true },
  );
})();
