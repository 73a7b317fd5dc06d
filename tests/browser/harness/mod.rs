//! The page under test, served together with a fresh fake Command Center, driven by a fresh
//! headless Chromium. Selectors come only from the page's DOM contract: labels, ids and roles.
//! By topic: `serving` (how the page and the fake are served, the browser opened on them),
//! `sign_in`, `form` (controls, buttons and `Form`), `dialogs`, `status` (texts, status areas and
//! waiting for them), `portal`, `leaks` (secrets that must not show) and `requests` (what the
//! fake received).

mod dialogs;
mod form;
mod leaks;
mod portal;
mod requests;
mod serving;
mod sign_in;
mod status;

use std::future::Future;
use std::path::PathBuf;
use std::sync::atomic::{AtomicU32, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use anyhow::{anyhow, ensure};
use fake_commandcenter::{
    FakeCommandCenter, FakeConfig, RecordedRequest, DEFAULT_LOGIN_PASSWORD, DEFAULT_LOGIN_USER,
    DEFAULT_TOKEN,
};
use fantoccini::Locator;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};
use tokio::task::JoinHandle;
use tower_http::services::ServeDir;

use crate::chromedriver::Browser;
pub use form::Form;
pub use leaks::login_secrets;
pub use portal::PortalSite;
pub use requests::{
    check_body, check_json_headers, check_login_token, check_mentions_401_and_token,
    check_session_user,
};
pub use requests::{http_exchange, http_status};
use serving::VIOLATION_MARKS;
pub use serving::{
    dist_dir, language_file, strict_policy, Csp, EmulatedLink, ExtraFile, Serving, WasmGate,
};

/// How long a wait for something on the page may take before the test fails.
pub const WAIT_LIMIT: Duration = Duration::from_secs(10);
/// The first load also compiles the wasm, on a busy 2-core machine.
const LOAD_LIMIT: Duration = Duration::from_secs(30);
const POLL_EVERY: Duration = Duration::from_millis(50);

/// Where the page loads and saves the settings (API base "/commandcenter/api" + "/V4/EmailServer").
pub const EMAIL_SERVER_PATH: &str = "/commandcenter/api/V4/EmailServer";
/// Where the page sends a test mail.
pub const TEST_MAIL_PATH: &str = "/commandcenter/api/V4/EmailServer/Action/Test";
/// Where the page signs in with a user name and password, and signs out.
pub const LOGIN_PATH: &str = "/commandcenter/api/Login";
pub const LOGOUT_PATH: &str = "/commandcenter/api/Logout";

/// The fake's Command Center password as Login sends it: `printf 'demo-password' | base64`.
pub const LOGIN_PASSWORD_BASE64: &str = "ZGVtby1wYXNzd29yZA==";

/// `#load-status` once settings were loaded.
pub const LOADED_CONFIGURED: &str = "Loaded the current settings from Command Center.";
/// `#load-status` once the load found nothing configured (`{}`).
pub const LOADED_NOTHING_CONFIGURED: &str =
    "No mail server is configured in Command Center yet: fill in the form and save.";
/// The label of the `#use-authentication` checkbox.
pub const SIGN_IN_LABEL: &str = "The mail server requires sign-in";
/// `#smtp-password-hint` while a password is saved in Command Center.
pub const SAVED_PASSWORD_HINT: &str = "Saved password kept unless you type a new one.";

/// The password of `Form::valid()`, and its base64 (standard, padded) of the UTF-8 bytes,
/// worked out by hand: `printf 'pässwörd 1' | base64`.
pub const PASSWORD: &str = "pässwörd 1";
pub const PASSWORD_BASE64: &str = "cMOkc3N3w7ZyZCAx";
/// A new password typed over a saved one: `printf 'Nëw mailer pass 2' | base64`.
pub const NEW_PASSWORD: &str = "Nëw mailer pass 2";
pub const NEW_PASSWORD_BASE64: &str = "TsOrdyBtYWlsZXIgcGFzcyAy";

/// The fake's ready-made seed: settings with sign-in (see `Form::demo`).
pub const DEMO_SEED: &str = include_str!("../../../fake-commandcenter/seeds/demo.json");
/// The password stored by the demo seed: `printf 'demo-smtp-password' | base64`.
pub const DEMO_PASSWORD: &str = "demo-smtp-password";
pub const DEMO_PASSWORD_BASE64: &str = "ZGVtby1zbXRwLXBhc3N3b3Jk";

/// A fake Command Center that has the demo seed's settings stored, as if POSTed.
pub fn demo_fake() -> anyhow::Result<FakeCommandCenter> {
    let settings =
        serde_json::from_str(DEMO_SEED).map_err(|e| anyhow!("the demo seed is not JSON: {e}"))?;
    FakeCommandCenter::with_settings(FakeConfig::default(), settings)
        .map_err(|e| anyhow!("the fake refused the demo seed: {e}"))
}

/// Polls `probe` every 50 ms until it yields `Some`, failing after `limit` with a message
/// naming `what` and the last thing the probe saw.
pub async fn wait_until<T, F, Fut>(what: &str, limit: Duration, mut probe: F) -> anyhow::Result<T>
where
    F: FnMut() -> Fut,
    Fut: Future<Output = anyhow::Result<Probe<T>>>,
{
    let deadline = Instant::now() + limit;
    loop {
        let last = match probe().await {
            Ok(Probe::Done(value)) => return Ok(value),
            Ok(Probe::NotYet(seen)) => seen,
            Err(e) => e.to_string(),
        };
        if Instant::now() >= deadline {
            return Err(anyhow!("waited {limit:?} for {what}; last seen: {last}"));
        }
        tokio::time::sleep(POLL_EVERY).await;
    }
}

/// What one poll of `wait_until` found.
pub enum Probe<T> {
    Done(T),
    /// Not yet; the text says what was seen instead.
    NotYet(String),
}

/// What a status area (`#form-status` or `#load-status`) ended up saying.
#[derive(Debug, PartialEq, Eq)]
pub enum Reported {
    /// The `[role=status]` text.
    Done(String),
    /// The `[role=alert]` text.
    Failed(String),
}

impl Reported {
    /// The status text; an alert fails the test with `expected` saying what should have happened.
    fn done(self, expected: &str) -> anyhow::Result<String> {
        match self {
            Reported::Done(status) => Ok(status),
            Reported::Failed(alert) => {
                Err(anyhow!("expected {expected}, the page alerts {alert:?}"))
            }
        }
    }

    /// The alert text; a status fails the test.
    fn failed(self, expected: &str) -> anyhow::Result<String> {
        match self {
            Reported::Failed(alert) => Ok(alert),
            Reported::Done(status) => Err(anyhow!("expected {expected}, the page says {status:?}")),
        }
    }
}

/// One row of the review dialog: the setting's label, its value now, its value after saving.
pub type ReviewRow = [String; 3];

/// A fake Command Center and the built page on one loopback origin, and a browser on it.
pub struct Page {
    pub fake: FakeCommandCenter,
    url: String,
    browser: Browser,
    /// The server of the page and the fake, unless the test serves the page some other way.
    server: Option<JoinHandle<()>>,
    /// The `config.json` served in place of the built one, when the test gave one.
    config_json: Option<Arc<Mutex<String>>>,
    /// Whether the test means the policy to refuse something (then `close` does not fail on it).
    violations_expected: std::sync::atomic::AtomicBool,
}

impl Page {
    /// The address the browser was sent to.
    pub fn url(&self) -> &str {
        &self.url
    }

    /// Loads the page again (a clean form, no token) and waits until it is ready.
    pub async fn reload(&self) -> anyhow::Result<()> {
        self.client().refresh().await?;
        self.wait_until_ready().await
    }

    /// Opens the page in a new tab of the same browser, goes there and waits until it is ready;
    /// the helpers then act on that tab until `go_to_tab` goes elsewhere. Returns the tab.
    pub async fn open_another_tab(&self) -> anyhow::Result<fantoccini::wd::WindowHandle> {
        let tab = self.client().new_window(true).await?.handle;
        self.go_to_tab(&tab).await?;
        self.client().goto(&self.url).await?;
        self.wait_until_ready().await?;
        Ok(tab)
    }

    /// The tab the helpers act on from now on.
    pub async fn go_to_tab(&self, tab: &fantoccini::wd::WindowHandle) -> anyhow::Result<()> {
        Ok(self.client().switch_to_window(tab.clone()).await?)
    }

    /// The tab the helpers act on now.
    pub async fn this_tab(&self) -> anyhow::Result<fantoccini::wd::WindowHandle> {
        Ok(self.client().window().await?)
    }

    /// Posts on the page's channel what another tab of it says after a save to the page's own
    /// Command Center (the default base URL), from a channel of the test's own in this tab (a
    /// channel hears the others of its origin, those of its own tab included), and waits for
    /// the page's notice.
    pub async fn post_saved_from_another_tab(&self) -> anyhow::Result<()> {
        self.client()
            .execute(
                r#"const apiBaseUrl = new URL("/commandcenter/api", location.href).href;
                   new BroadcastChannel("commandcenter-email").postMessage(
                       { type: "commandcenter-email:saved", version: 1, apiBaseUrl });"#,
                vec![],
            )
            .await?;
        self.wait_for_saved_elsewhere().await
    }

    /// Waits for "Saved in another tab".
    pub async fn wait_for_saved_elsewhere(&self) -> anyhow::Result<()> {
        self.wait_for_text(".saved-elsewhere", "Saved in another tab")
            .await
            .map(drop)
    }

    /// Presses "Load the saved settings" and returns the status that says what it loaded.
    pub async fn load_saved_elsewhere(&self) -> anyhow::Result<String> {
        self.click("load-saved-elsewhere").await?;
        self.wait_for_text("#form-status", "Loaded the settings another tab saved")
            .await
    }

    /// Loads the page again like `reload`, even while it has unsaved changes: the page's
    /// "leave the page?" question (its `beforeunload` listener) is kept from asking first, so
    /// no browser prompt can block the reload.
    pub async fn reload_without_asking(&self) -> anyhow::Result<()> {
        // At the target, capturing listeners run before the page's own (bubbling) one.
        self.client()
            .execute(
                "window.addEventListener('beforeunload', \
                 (event) => event.stopImmediatePropagation(), {capture: true});",
                vec![],
            )
            .await?;
        self.reload().await
    }

    /// Prints the browser console and ends the browser session.
    /// Ends the test: fails if the page panicked at any point (its notice is on the page, or
    /// a "panicked" line reached the console), then closes the browser either way.
    pub async fn close(self) -> anyhow::Result<()> {
        let no_panic = self.ensure_no_panic().await;
        let no_violation = self.ensure_no_csp_violation().await;
        let Self {
            browser, server, ..
        } = self;
        let closed = browser.close().await;
        if let Some(server) = server {
            server.abort();
        }
        no_panic.and(no_violation).and(closed)
    }

    /// The test means the page's policy to refuse something: `close` lets it be.
    pub fn expect_csp_violations(&self) {
        self.violations_expected
            .store(true, std::sync::atomic::Ordering::Relaxed);
    }

    /// Every console line about the page's Content-Security-Policy so far.
    pub async fn csp_violations(&self) -> anyhow::Result<Vec<String>> {
        let lines = self.console_log_flushed().await?;
        Ok(lines
            .into_iter()
            .filter(|line| VIOLATION_MARKS.iter().any(|mark| line.contains(mark)))
            .collect())
    }

    /// Fails on any violation of the page's policy, in any document the test loaded.
    pub async fn ensure_no_csp_violation(&self) -> anyhow::Result<()> {
        if self
            .violations_expected
            .load(std::sync::atomic::Ordering::Relaxed)
        {
            return Ok(());
        }
        let violations = self.csp_violations().await?;
        ensure!(
            violations.is_empty(),
            "the page's Content-Security-Policy refused:\n  {}",
            violations.join("\n  ")
        );
        Ok(())
    }

    /// The page's panic hook puts `#page-error` on the page and the panic in the console.
    pub async fn ensure_no_panic(&self) -> anyhow::Result<()> {
        if let Some(notice) = self.text_of("#page-error").await? {
            return Err(anyhow!("the page panicked: #page-error says {notice:?}"));
        }
        let lines = self.console_log_flushed().await?;
        match lines.iter().find(|line| line.contains("panicked")) {
            Some(line) => Err(anyhow!("a panic reached the console: {line}")),
            None => Ok(()),
        }
    }

    pub fn client(&self) -> &fantoccini::Client {
        self.browser.client()
    }

    /// Until the app has taken over index.html's sign-in form (which is there before the wasm).
    pub async fn wait_until_ready(&self) -> anyhow::Result<()> {
        wait_until(
            "the page to be ready (the app has taken over the sign-in form)",
            LOAD_LIMIT,
            || async {
                let started = "html[data-app-started] #sign-in";
                Ok(match self.client().find(Locator::Css(started)).await {
                    Ok(_) => Probe::Done(()),
                    Err(e) => Probe::NotYet(e.to_string()),
                })
            },
        )
        .await
    }

    /// The layout shifts so far that no input caused, added up (cumulative layout shift).
    pub async fn layout_shift(&self) -> anyhow::Result<f64> {
        let shift = self
            .client()
            .execute("return window.__layoutShift;", vec![])
            .await?;
        shift
            .as_f64()
            .ok_or_else(|| anyhow!("no layout shift recorded: {shift}"))
    }

    /// The browser console since the session started, one "LEVEL message" line per entry.
    pub async fn console_log(&self) -> anyhow::Result<Vec<String>> {
        self.browser.console_log().await
    }
}
