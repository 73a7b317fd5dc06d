// A parent page that embeds commandcenter-email: the whole protocol in a few lines.
const pageUrl = new URL(
  new URLSearchParams(location.search).get("page") || "http://127.0.0.1:8080/",
);
const frame = document.getElementById("email-page");
const token = document.getElementById("token");
const messages = document.getElementById("messages");
frame.src = pageUrl.href;

// To the page's origin only, never to "*".
function sendSession() {
  const session = { type: "commandcenter-email:session", version: 1, token: token.value };
  frame.contentWindow.postMessage(session, pageUrl.origin);
}

addEventListener("message", (event) => {
  // Only the page in this frame, from its own origin.
  if (event.origin !== pageUrl.origin || event.source !== frame.contentWindow) {
    return;
  }
  const message = event.data;
  const entry = document.createElement("li");
  entry.textContent = JSON.stringify(message);
  messages.append(entry);
  switch (message.type) {
    case "commandcenter-email:ready":
      sendSession();
      break;
    case "commandcenter-email:height":
      frame.height = String(message.height);
      break;
    case "commandcenter-email:dirty":
      // A real portal asks before navigating away while this is shown.
      document.getElementById("unsaved").hidden = !message.dirty;
      break;
    case "commandcenter-email:session-expired":
      // A real portal gets a fresh token here and sends it; this one waits for the button.
      break;
  }
});

document.getElementById("session-form").addEventListener("submit", (event) => {
  event.preventDefault();
  sendSession();
});
