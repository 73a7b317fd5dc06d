//! Browser end-to-end tests: the built page (dist/) in headless Chromium against the fake
//! Command Center, on one origin. Run them with `cargo xtask test`, which builds the page
//! and passes its folder in COMMANDCENTER_EMAIL_DIST.
//!
//! - `first_paint`: index.html's own sign-in form, before and while the app takes it over.
//! - `slow_start`: a slow link is not a failure: the wasm trickled, stalled, over a 300 kbit/s
//!   link, sent with another type; the progress, the stall notice, a sign-in waiting for
//!   `config.json`.
//! - `first_setup`: nothing configured yet, so Save POSTs the whole form; validation, errors,
//!   the busy Save button, the masked secrets.
//! - `loading`: the settings load once signed in; prefill, and a failed load.
//! - `update`: settings configured, so Save PUTs the changes after the review; Discard, and the
//!   warning on leaving with unsaved changes.
//! - `mail_providers`: a provider fills the mail server's fields; the port follows the
//!   encryption only where the page put it; warnings and notes that stop nothing.
//! - `concurrent_edits`: the re-read before a save and what the review offers when another
//!   administrator changed the settings meanwhile, the read-back after a save, a save in another
//!   tab.
//! - `test_mail`: Send test email, with the saved credentials and against an unreachable server;
//!   a mail server's reply explained; the recipient named from Login's `smtpAddress`.
//! - `csp`: what the strict Content-Security-Policy refuses, and the page saying so: a call to an
//!   origin it does not list, wasm it may not compile, a wasm file that is not there. Every page
//!   the other tests open is served with that policy too and fails on any violation, but for the
//!   fault matrix's, whose cross-origin rows call origins a policy would have to list.
//! - `nginx`: docs/deploy/nginx.conf in front of the fake, the page under /tools/email/.
//! - `portal`: the page in examples/portal's frame, on another loopback origin: the handshake,
//!   dirty, saved, height and session-expired, and the messages and frames refused.
//! - `runtime_config`: a broken `config.json` is reported, and the page runs on its defaults; the
//!   operator's theme applies under the strict policy, and one it may not use is reported while
//!   the rest of the file applies.
//! - `fault_matrix`: every failure (timeout, cancel, HTTP errors, broken answers, dropped
//!   connection, CORS, unreachable) against sign-in, load, save and test mail; prints the matrix
//!   and writes it to target/fault-matrix.md.
//! - `trust`: the saved password is never sent to a server, port or encryption it was not saved
//!   with, and a button that is off says why.
//! - `accessibility`: axe-core in every state (WCAG 2.2 A and AA; light, dark, forced colours),
//!   the dialogs and the busy buttons by keyboard, and no sideways scrolling at 320 px or 200 %
//!   zoom; writes target/accessibility.md.
//! - `screenshots`: the README's pictures of the main states (`cargo xtask screenshots`).
//! - `session`: signing in with a user or a pasted token, signing in again after a 401,
//!   signing out, and no secret left in the page or the console.
#![cfg(not(target_arch = "wasm32"))]
// Test code throughout (rust-clippy#10011), so that clippy.toml's allow-unwrap-in-tests and
// allow-expect-in-tests cover the helpers too, not only the #[test] functions.
#![cfg(test)]

mod accessibility;
mod chromedriver;
mod concurrent_edits;
mod csp;
mod fault_matrix;
mod first_paint;
mod first_setup;
mod harness;
mod languages;
mod loading;
mod mail_providers;
mod nginx;
mod portal;
mod runtime_config;
mod screenshots;
mod session;
mod slow_start;
mod test_mail;
mod trust;
mod update;

use base64::Engine;
use serde_json::{json, Value};

use harness::{Form, DEMO_PASSWORD, DEMO_PASSWORD_BASE64, DEMO_SEED};

/// The hand-worked base64 literals the tests compare request bodies with (no browser needed).
#[test]
fn password_literals_are_base64_of_their_passwords() {
    let engine = base64::engine::general_purpose::STANDARD;
    for (password, literal) in [
        (harness::PASSWORD, harness::PASSWORD_BASE64),
        (harness::NEW_PASSWORD, harness::NEW_PASSWORD_BASE64),
        (DEMO_PASSWORD, DEMO_PASSWORD_BASE64),
        (
            fake_commandcenter::DEFAULT_LOGIN_PASSWORD,
            harness::LOGIN_PASSWORD_BASE64,
        ),
        (session::WRONG_PASSWORD, session::WRONG_PASSWORD_BASE64),
    ] {
        assert_eq!(engine.encode(password), literal, "base64 of {password:?}");
    }
}

/// `Form::demo()` and `DEMO_PASSWORD_BASE64` describe the seed file the fake is started with.
#[test]
fn the_demo_seed_holds_what_the_tests_expect() {
    let seed: Value = serde_json::from_str(DEMO_SEED).unwrap();
    let demo = Form::demo();
    let port: u16 = demo.smtp_port.parse().unwrap();
    let expected = json!({
        "SMTPServerName": demo.smtp_server,
        "SMTPPort": port,
        "senderEmail": demo.sender_email,
        "senderName": demo.sender_name,
        "encryptionAlgorithm": demo.encryption,
        "username": demo.username,
        "password": DEMO_PASSWORD_BASE64,
    });
    assert_eq!(seed, expected);
}
