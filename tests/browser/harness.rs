//! The page under test, served together with a fresh fake Command Center, driven by a fresh
//! headless Chromium. Selectors come only from the page's DOM contract: labels, ids and roles.

use std::fmt;
use std::future::Future;
use std::path::PathBuf;
use std::sync::atomic::{AtomicU32, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use fake_commandcenter::{
    FakeCommandCenter, FakeConfig, RecordedRequest, DEFAULT_LOGIN_PASSWORD, DEFAULT_LOGIN_USER,
    DEFAULT_TOKEN,
};
use fantoccini::elements::Element;
use fantoccini::Locator;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};
use tokio::task::JoinHandle;
use tower_http::services::ServeDir;
use tower_http::set_header::SetResponseHeaderLayer;

use crate::chromedriver::Browser;

/// How long a wait for something on the page may take before the test fails.
const WAIT_LIMIT: Duration = Duration::from_secs(10);
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
pub const DEMO_SEED: &str = include_str!("../../fake-commandcenter/seeds/demo.json");
/// The password stored by the demo seed: `printf 'demo-smtp-password' | base64`.
pub const DEMO_PASSWORD: &str = "demo-smtp-password";
pub const DEMO_PASSWORD_BASE64: &str = "ZGVtby1zbXRwLXBhc3N3b3Jk";

/// A fake Command Center that has the demo seed's settings stored, as if POSTed.
pub fn demo_fake() -> Outcome<FakeCommandCenter> {
    let settings = serde_json::from_str(DEMO_SEED)
        .map_err(|e| Failure::new(format!("the demo seed is not JSON: {e}")))?;
    FakeCommandCenter::with_settings(FakeConfig::default(), settings)
        .map_err(|e| Failure::new(format!("the fake refused the demo seed: {e}")))
}

/// Why a test failed; `Debug` prints the plain message, since that is what `cargo test` shows.
pub struct Failure(String);

impl Failure {
    pub fn new(message: impl Into<String>) -> Self {
        Self(message.into())
    }
}

impl fmt::Debug for Failure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl fmt::Display for Failure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl From<fantoccini::error::CmdError> for Failure {
    fn from(e: fantoccini::error::CmdError) -> Self {
        Self(format!("WebDriver: {e}"))
    }
}

impl From<std::io::Error> for Failure {
    fn from(e: std::io::Error) -> Self {
        Self(format!("I/O: {e}"))
    }
}

pub type Outcome<T = ()> = Result<T, Failure>;

/// `assert!` that returns a `Failure` instead of panicking.
macro_rules! ensure {
    ($cond:expr, $($msg:tt)+) => {
        if !$cond {
            return Err($crate::harness::Failure::new(format!($($msg)+)));
        }
    };
}

/// `assert_eq!` that returns a `Failure` instead of panicking.
macro_rules! ensure_eq {
    ($actual:expr, $expected:expr, $($msg:tt)+) => {
        match (&$actual, &$expected) {
            (actual, expected) => {
                if actual != expected {
                    return Err($crate::harness::Failure::new(format!(
                        "{}\n  actual:   {:?}\n  expected: {:?}",
                        format!($($msg)+),
                        actual,
                        expected
                    )));
                }
            }
        }
    };
}

/// Polls `probe` every 50 ms until it yields `Some`, failing after `limit` with a message
/// naming `what` and the last thing the probe saw.
pub async fn wait_until<T, F, Fut>(what: &str, limit: Duration, mut probe: F) -> Outcome<T>
where
    F: FnMut() -> Fut,
    Fut: Future<Output = Outcome<Probe<T>>>,
{
    let deadline = Instant::now() + limit;
    loop {
        let last = match probe().await {
            Ok(Probe::Done(value)) => return Ok(value),
            Ok(Probe::NotYet(seen)) => seen,
            Err(e) => e.to_string(),
        };
        if Instant::now() >= deadline {
            return Err(Failure::new(format!(
                "waited {limit:?} for {what}; last seen: {last}"
            )));
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
    fn done(self, expected: &str) -> Outcome<String> {
        match self {
            Reported::Done(status) => Ok(status),
            Reported::Failed(alert) => Err(Failure::new(format!(
                "expected {expected}, the page alerts {alert:?}"
            ))),
        }
    }

    /// The alert text; a status fails the test.
    fn failed(self, expected: &str) -> Outcome<String> {
        match self {
            Reported::Failed(alert) => Ok(alert),
            Reported::Done(status) => Err(Failure::new(format!(
                "expected {expected}, the page says {status:?}"
            ))),
        }
    }
}

/// One row of the review dialog: the setting's label, its value now, its value after saving.
pub type ReviewRow = [String; 3];

/// The folder Trunk built, from COMMANDCENTER_EMAIL_DIST.
fn dist_dir() -> Outcome<PathBuf> {
    const HOW: &str =
        "run the browser tests with `cargo xtask test`, which builds the page and sets it";
    let dir = std::env::var_os("COMMANDCENTER_EMAIL_DIST")
        .map(PathBuf::from)
        .ok_or_else(|| Failure::new(format!("COMMANDCENTER_EMAIL_DIST is not set: {HOW}")))?;
    ensure!(
        dir.join("index.html").is_file(),
        "COMMANDCENTER_EMAIL_DIST={} has no index.html: {HOW}",
        dir.display()
    );
    Ok(dir)
}

/// examples/portal, the parent page of the embedding protocol, served on a loopback origin of its
/// own; the server stops when this is dropped.
pub struct PortalSite {
    pub origin: String,
    server: JoinHandle<()>,
}

impl PortalSite {
    pub async fn serve() -> Outcome<Self> {
        let files =
            ServeDir::new(PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("examples/portal"));
        let listener = TcpListener::bind("127.0.0.1:0").await?;
        let origin = format!("http://{}", listener.local_addr()?);
        let router = axum::Router::new().fallback_service(files);
        let server = tokio::spawn(async move {
            if let Err(e) = axum::serve(listener, router).await {
                eprintln!("the example portal's server stopped: {e}");
            }
        });
        Ok(Self { origin, server })
    }
}

impl Drop for PortalSite {
    fn drop(&mut self) {
        self.server.abort();
    }
}

/// How the page is served.
#[derive(Clone, Debug)]
pub struct Serving {
    /// Served as `/config.json` in place of the built file (see `Page::set_config_json`).
    pub config_json: Option<String>,
    pub csp: Csp,
    /// The folder served in place of the build (a broken copy of it, say).
    pub dist: Option<PathBuf>,
    /// How the wasm arrives: held back, trickled or stalled until the test releases it, the page
    /// as on a slow link.
    pub wasm_gate: Option<WasmGate>,
    /// Holds `config.json` back until the test releases it.
    pub config_gate: Option<WasmGate>,
    /// The `Content-Type` the wasm is sent with, in place of `application/wasm`.
    pub wasm_content_type: Option<&'static str>,
    /// The seconds without a byte of the wasm after which the page says the connection seems
    /// stalled, written into the served `index.html` and `embed.html` in place of theirs.
    pub stall_seconds: Option<u32>,
    /// Chromium's network emulation, from before the page is opened.
    pub link: Option<EmulatedLink>,
}

impl Default for Serving {
    fn default() -> Self {
        Serving {
            config_json: None,
            csp: Csp::strict(),
            dist: None,
            wasm_gate: None,
            config_gate: None,
            wasm_content_type: None,
            stall_seconds: None,
            link: None,
        }
    }
}

/// A link as Chromium's DevTools emulate it (`Network.emulateNetworkConditions`).
#[derive(Clone, Copy, Debug)]
pub struct EmulatedLink {
    pub kbit_per_s: u64,
    pub round_trip_ms: u64,
}

/// Holds back the responses to one file (the wasm, `config.json`): wholly until `release`, or
/// with the headers sent and the body a few bytes at a time, or stopping after its first bytes
/// until `release`. Counts the requests it sees.
#[derive(Clone, Debug)]
pub struct WasmGate {
    open: Arc<tokio::sync::watch::Sender<bool>>,
    delivery: Delivery,
    requests: Arc<AtomicU32>,
}

#[derive(Clone, Copy, Debug)]
enum Delivery {
    /// Nothing, not even the headers, until released.
    Held,
    /// The headers at once, then `chunk` bytes every `every`.
    Trickled { chunk: usize, every: Duration },
    /// The headers and the first `bytes` at once, then nothing until released.
    StalledAfter { bytes: usize },
}

impl WasmGate {
    fn new(delivery: Delivery) -> Self {
        WasmGate {
            open: Arc::new(tokio::sync::watch::channel(false).0),
            delivery,
            requests: Arc::new(AtomicU32::new(0)),
        }
    }

    pub fn closed() -> Self {
        Self::new(Delivery::Held)
    }

    pub fn trickle(chunk: usize, every: Duration) -> Self {
        Self::new(Delivery::Trickled { chunk, every })
    }

    pub fn stalled_after(bytes: usize) -> Self {
        Self::new(Delivery::StalledAfter { bytes })
    }

    /// Lets the held requests, and every later one, through.
    pub fn release(&self) {
        self.open.send_replace(true);
    }

    /// The requests for the file so far.
    pub fn requests(&self) -> u32 {
        self.requests.load(Ordering::SeqCst)
    }

    async fn pass(&self) {
        let _ = self.open.subscribe().wait_for(|open| *open).await;
    }

    /// Answers a request for the gated file as the gate says, `next` giving the real answer.
    async fn deliver(
        self,
        request: axum::extract::Request,
        next: axum::middleware::Next,
    ) -> axum::response::Response {
        self.requests.fetch_add(1, Ordering::SeqCst);
        if let Delivery::Held = self.delivery {
            self.pass().await;
        }
        let (mut parts, body) = next.run(request).await.into_parts();
        // Never from the browser's HTTP cache: a second request for the file reaches the gate, so
        // that `requests` counts every download (a preload the page's own fetch did not match).
        parts.headers.insert(
            axum::http::header::CACHE_CONTROL,
            axum::http::HeaderValue::from_static("no-store"),
        );
        if let Delivery::Held = self.delivery {
            return axum::response::Response::from_parts(parts, body);
        }
        let bytes = match axum::body::to_bytes(body, usize::MAX).await {
            Ok(bytes) => bytes,
            Err(e) => panic!("could not read the gated file: {e}"),
        };
        let delivery = self.delivery;
        let chunks = futures_util::stream::unfold(0_usize, move |sent| {
            let (bytes, gate) = (bytes.clone(), self.clone());
            async move {
                if sent >= bytes.len() {
                    return None;
                }
                let end = match delivery {
                    Delivery::Trickled { chunk, every } => {
                        if sent > 0 {
                            tokio::time::sleep(every).await;
                        }
                        sent + chunk
                    }
                    Delivery::StalledAfter { bytes: first } if sent == 0 => first,
                    _ => {
                        gate.pass().await;
                        bytes.len()
                    }
                };
                let end = end.min(bytes.len());
                Some((Ok::<_, std::io::Error>(bytes.slice(sent..end)), end))
            }
        });
        axum::response::Response::from_parts(parts, axum::body::Body::from_stream(chunks))
    }
}

/// The Content-Security-Policy the page is served with.
#[derive(Clone, Debug)]
pub enum Csp {
    /// The strict policy of docs/deploy.md, its `connect-src` naming the page's own origin and
    /// these others; the page may be framed by no one.
    Strict { connect_to: Vec<String> },
    /// Exactly this policy.
    Policy(String),
    /// No policy at all, for what a policy would block (the fault matrix's cross-origin rows).
    None,
}

impl Csp {
    /// The strict policy, with `connect-src 'self'` only.
    pub fn strict() -> Self {
        Csp::Strict {
            connect_to: Vec::new(),
        }
    }

    fn header(&self) -> Option<String> {
        match self {
            Csp::Strict { connect_to } => Some(strict_policy(connect_to, &[])),
            Csp::Policy(policy) => Some(policy.clone()),
            Csp::None => None,
        }
    }
}

/// The policy docs/deploy.md tells servers to send, with these origins added to `connect-src`
/// and these portals in `frame-ancestors` (none: `'none'`).
pub fn strict_policy(connect_to: &[String], frame_ancestors: &[String]) -> String {
    let ancestors = if frame_ancestors.is_empty() {
        "'none'".to_owned()
    } else {
        frame_ancestors.join(" ")
    };
    let connect = std::iter::once("'self'")
        .chain(connect_to.iter().map(String::as_str))
        .collect::<Vec<_>>()
        .join(" ");
    format!(
        "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; \
         img-src 'self' data:; connect-src {connect}; frame-ancestors {ancestors}; \
         base-uri 'none'; form-action 'none'"
    )
}

/// The served `index.html` and `embed.html` with `data-stall-seconds` set to `seconds` on their
/// `<html>`; every other answer as it is.
async fn with_stall_seconds(
    request: axum::extract::Request,
    next: axum::middleware::Next,
    seconds: u32,
) -> axum::response::Response {
    let path = request.uri().path().to_owned();
    let response = next.run(request).await;
    if !(path.ends_with('/') || path.ends_with(".html")) {
        return response;
    }
    let (mut parts, body) = response.into_parts();
    let html = match axum::body::to_bytes(body, usize::MAX).await {
        Ok(bytes) => String::from_utf8_lossy(&bytes).into_owned(),
        Err(e) => panic!("could not read {path}: {e}"),
    };
    let settings = lol_html::RewriteStrSettings::new().append_element_content_handler(
        lol_html::element!("html", |html| {
            html.set_attribute("data-stall-seconds", &seconds.to_string())?;
            Ok(())
        }),
    );
    let html = match lol_html::rewrite_str(&html, settings) {
        Ok(html) => html,
        Err(e) => panic!("could not rewrite {path}: {e}"),
    };
    parts.headers.remove(axum::http::header::CONTENT_LENGTH);
    axum::response::Response::from_parts(parts, axum::body::Body::from(html))
}

/// Run in every document before its own scripts: each violation of the page's policy goes to
/// the console, which the test reads when it closes the page (Chromium logs most of them there
/// itself; this catches every kind, and says which directive).
const VIOLATION_RECORDER: &str = "addEventListener('securitypolicyviolation', (event) => \
    console.error('CSP violation: ' + event.effectiveDirective + ' blocked ' + event.blockedURI));";
/// Run in every document before its own scripts: adds up the layout shifts that no input
/// caused, as the bench's cumulative layout shift does, for `Page::layout_shift`.
const LAYOUT_SHIFT_RECORDER: &str = "window.__layoutShift = 0; new PerformanceObserver((list) => \
    list.getEntries().forEach((entry) => { if (!entry.hadRecentInput) \
    window.__layoutShift += entry.value; })).observe({ type: 'layout-shift', buffered: true });";
/// What the recorder writes, and what Chromium's own console messages about the policy say.
const VIOLATION_MARKS: [&str; 2] = ["CSP violation:", "Content Security Policy"];

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
    /// Opens the page on a fake with nothing configured ("demo-token" is the right token).
    pub async fn open() -> Outcome<Self> {
        Self::open_with(FakeCommandCenter::new(FakeConfig::default())).await
    }

    /// Opens the page on a fake with nothing configured, signs in and waits for the load.
    pub async fn open_signed_in() -> Outcome<Self> {
        let page = Self::open().await?;
        ensure_eq!(
            page.sign_in().await?,
            LOADED_NOTHING_CONFIGURED,
            "#load-status after loading from a fake with nothing configured"
        );
        Ok(page)
    }

    /// Opens the page on the demo seed, signs in with the fake's access token and waits until
    /// its settings are loaded.
    pub async fn open_demo_signed_in() -> Outcome<Self> {
        let page = Self::open_with(demo_fake()?).await?;
        ensure_eq!(
            page.sign_in().await?,
            LOADED_CONFIGURED,
            "#load-status after loading the demo seed"
        );
        Ok(page)
    }

    /// Opens the page on the demo seed, signs in with the fake's user and password and waits
    /// until its settings are loaded.
    pub async fn open_demo_logged_in() -> Outcome<Self> {
        let page = Self::open_with(demo_fake()?).await?;
        ensure_eq!(
            page.log_in().await?,
            LOADED_CONFIGURED,
            "#load-status after loading the demo seed"
        );
        Ok(page)
    }

    /// Serves the built page and `fake` on one fresh origin and opens the page in a fresh browser.
    pub async fn open_with(fake: FakeCommandCenter) -> Outcome<Self> {
        Self::open_on(fake, Serving::default()).await
    }

    /// As `open_with`, but `/config.json` answers `config_json` instead of the built file (for
    /// example a short `requestTimeoutSeconds`); `set_config_json` changes it for the next
    /// (re)load of the page.
    pub async fn open_with_config(fake: FakeCommandCenter, config_json: &str) -> Outcome<Self> {
        let serving = Serving {
            config_json: Some(config_json.to_owned()),
            ..Serving::default()
        };
        Self::open_on(fake, serving).await
    }

    /// What `/config.json` answers from now on; the page reads it when it (re)loads. Only for a
    /// page opened with `open_with_config`.
    pub fn set_config_json(&self, config_json: &str) -> Outcome {
        let config = self.config_json.as_ref().ok_or_else(|| {
            Failure::new("set_config_json needs a page opened with open_with_config")
        })?;
        *config.lock().unwrap_or_else(|e| e.into_inner()) = config_json.to_owned();
        Ok(())
    }

    /// Serves the page as `serving` says, opens it and waits until it is ready.
    pub async fn open_on(fake: FakeCommandCenter, serving: Serving) -> Outcome<Self> {
        let page = Self::serve(fake, serving).await?;
        page.wait_until_ready().await?;
        Ok(page)
    }

    /// Serves the page as `serving` says and opens it, without waiting for it to start (it may
    /// be meant not to).
    pub async fn serve(fake: FakeCommandCenter, serving: Serving) -> Outcome<Self> {
        let Serving {
            config_json,
            csp,
            dist,
            wasm_gate,
            config_gate,
            wasm_content_type,
            stall_seconds,
            link,
        } = serving;
        let config_json = config_json.map(|text| Arc::new(Mutex::new(text)));
        let dist = match dist {
            Some(dist) => dist,
            None => dist_dir()?,
        };
        // The fake's router answers everything through its own fallback (its API matches paths
        // case-insensitively), so it cannot take the files as its fallback: the files go first
        // and whatever is no file (the API, any method but GET/HEAD) goes on to the fake.
        let files = ServeDir::new(dist)
            .call_fallback_on_method_not_allowed(true)
            .fallback(fake.router());
        let mut router = axum::Router::new();
        if let Some(config) = config_json.clone() {
            // A route matches before the fallback: this `/config.json` hides the built one.
            router = router.route(
                "/config.json",
                axum::routing::get(move || {
                    let text = config.lock().unwrap_or_else(|e| e.into_inner()).clone();
                    async move {
                        (
                            [
                                (axum::http::header::CONTENT_TYPE, "application/json"),
                                (axum::http::header::CACHE_CONTROL, "no-store"),
                            ],
                            text,
                        )
                    }
                }),
            );
        }
        let mut router = router.fallback_service(files);
        for (gate, file) in [(wasm_gate, "_bg.wasm"), (config_gate, "/config.json")] {
            let Some(gate) = gate else { continue };
            router = router.layer(axum::middleware::from_fn(
                move |request: axum::extract::Request, next: axum::middleware::Next| {
                    let gate = gate.clone();
                    async move {
                        if request.uri().path().ends_with(file) {
                            gate.deliver(request, next).await
                        } else {
                            next.run(request).await
                        }
                    }
                },
            ));
        }
        if let Some(content_type) = wasm_content_type {
            router = router.layer(axum::middleware::from_fn(
                move |request: axum::extract::Request, next: axum::middleware::Next| async move {
                    let wasm = request.uri().path().ends_with("_bg.wasm");
                    let mut response = next.run(request).await;
                    if wasm {
                        response.headers_mut().insert(
                            axum::http::header::CONTENT_TYPE,
                            axum::http::HeaderValue::from_static(content_type),
                        );
                    }
                    response
                },
            ));
        }
        if let Some(seconds) = stall_seconds {
            router = router.layer(axum::middleware::from_fn(
                move |request: axum::extract::Request, next: axum::middleware::Next| {
                    with_stall_seconds(request, next, seconds)
                },
            ));
        }
        if let Some(policy) = csp.header() {
            let value = axum::http::HeaderValue::from_str(&policy)
                .map_err(|e| Failure::new(format!("the policy {policy:?} is no header: {e}")))?;
            router = router.layer(SetResponseHeaderLayer::overriding(
                axum::http::header::CONTENT_SECURITY_POLICY,
                value,
            ));
        }
        let listener = TcpListener::bind("127.0.0.1:0").await?;
        let url = format!("http://{}/", listener.local_addr()?);
        let server = tokio::spawn(async move {
            if let Err(e) = fake_commandcenter::serve(listener, router).await {
                eprintln!("the fake Command Center stopped: {e}");
            }
        });
        Self::in_browser(fake, url, Some(server), config_json, link).await
    }

    /// Opens the page where another server serves it (in front of `fake`), and waits until it is
    /// ready.
    pub async fn open_at(fake: FakeCommandCenter, url: &str) -> Outcome<Self> {
        let page = Self::in_browser(fake, url.to_owned(), None, None, None).await?;
        page.wait_until_ready().await?;
        Ok(page)
    }

    async fn in_browser(
        fake: FakeCommandCenter,
        url: String,
        server: Option<JoinHandle<()>>,
        config_json: Option<Arc<Mutex<String>>>,
        link: Option<EmulatedLink>,
    ) -> Outcome<Self> {
        let browser = Browser::launch().await?;
        for recorder in [VIOLATION_RECORDER, LAYOUT_SHIFT_RECORDER] {
            browser
                .cdp(
                    "Page.addScriptToEvaluateOnNewDocument",
                    serde_json::json!({ "source": recorder }),
                )
                .await?;
        }
        if let Some(link) = link {
            let bytes_per_s = link.kbit_per_s * 1000 / 8;
            browser.cdp("Network.enable", serde_json::json!({})).await?;
            browser
                .cdp(
                    "Network.emulateNetworkConditions",
                    serde_json::json!({
                        "offline": false,
                        "latency": link.round_trip_ms,
                        "downloadThroughput": bytes_per_s,
                        "uploadThroughput": bytes_per_s,
                    }),
                )
                .await?;
        }
        let page = Self {
            fake,
            url,
            browser,
            server,
            config_json,
            violations_expected: std::sync::atomic::AtomicBool::new(false),
        };
        page.client().goto(&page.url).await?;
        Ok(page)
    }

    /// The address the browser was sent to.
    pub fn url(&self) -> &str {
        &self.url
    }

    /// Loads the page again (a clean form, no token) and waits until it is ready.
    pub async fn reload(&self) -> Outcome {
        self.client().refresh().await?;
        self.wait_until_ready().await
    }

    /// Loads the page again like `reload`, even while it has unsaved changes: the page's
    /// "leave the page?" question (its `beforeunload` listener) is kept from asking first, so
    /// no browser prompt can block the reload.
    pub async fn reload_without_asking(&self) -> Outcome {
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
    pub async fn close(self) -> Outcome {
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
    pub async fn csp_violations(&self) -> Outcome<Vec<String>> {
        let lines = self.console_log_flushed().await?;
        Ok(lines
            .into_iter()
            .filter(|line| VIOLATION_MARKS.iter().any(|mark| line.contains(mark)))
            .collect())
    }

    /// Fails on any violation of the page's policy, in any document the test loaded.
    pub async fn ensure_no_csp_violation(&self) -> Outcome {
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
    pub async fn ensure_no_panic(&self) -> Outcome {
        if let Some(notice) = self.text_of("#page-error").await? {
            return Err(Failure::new(format!(
                "the page panicked: #page-error says {notice:?}"
            )));
        }
        let lines = self.console_log_flushed().await?;
        match lines.iter().find(|line| line.contains("panicked")) {
            Some(line) => Err(Failure::new(format!("a panic reached the console: {line}"))),
            None => Ok(()),
        }
    }

    pub fn client(&self) -> &fantoccini::Client {
        self.browser.client()
    }

    /// Until the app has taken over index.html's sign-in form (which is there before the wasm).
    async fn wait_until_ready(&self) -> Outcome {
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
    pub async fn layout_shift(&self) -> Outcome<f64> {
        let shift = self
            .client()
            .execute("return window.__layoutShift;", vec![])
            .await?;
        shift
            .as_f64()
            .ok_or_else(|| Failure::new(format!("no layout shift recorded: {shift}")))
    }

    /// The browser console since the session started, one "LEVEL message" line per entry.
    pub async fn console_log(&self) -> Outcome<Vec<String>> {
        self.browser.console_log().await
    }

    // ----- in a portal's frame -----

    /// Opens `portal` (examples/portal) with this page in its frame, and goes into the frame:
    /// from then on the page's own helpers work inside it (`portal_messages` looks outside).
    pub async fn open_in_portal(&self, portal: &PortalSite) -> Outcome {
        // embed.html: the entry page for portals, without the sign-in form's first paint.
        let url = format!("{}/index.html?page={}embed.html", portal.origin, self.url);
        self.client().goto(&url).await?;
        self.enter_the_frame().await
    }

    async fn enter_the_frame(&self) -> Outcome {
        wait_until("the portal's frame", WAIT_LIMIT, || async {
            Ok(match self.client().find(Locator::Id("email-page")).await {
                Ok(frame) => {
                    frame.enter_frame().await?;
                    Probe::Done(())
                }
                Err(e) => Probe::NotYet(e.to_string()),
            })
        })
        .await
    }

    /// What the page told the portal so far, as the portal logged it (JSON, one per message).
    pub async fn portal_messages(&self) -> Outcome<Vec<serde_json::Value>> {
        self.client().enter_parent_frame().await?;
        let read = async {
            let mut messages = Vec::new();
            for item in self.client().find_all(Locator::Css("#messages li")).await? {
                let text = item.text().await?;
                messages.push(serde_json::from_str(&text).map_err(|e| {
                    Failure::new(format!("the portal logged {text:?}, no JSON: {e}"))
                })?);
            }
            Outcome::Ok(messages)
        }
        .await;
        self.enter_the_frame().await?;
        read
    }

    /// Waits until the portal has logged a message of `kind` (`"commandcenter-email:saved"`)
    /// that `matches`, and returns every message so far.
    pub async fn wait_for_portal_message(
        &self,
        kind: &str,
        matches: impl Fn(&serde_json::Value) -> bool,
    ) -> Outcome<Vec<serde_json::Value>> {
        wait_until(
            &format!("the portal to hear {kind}"),
            WAIT_LIMIT,
            || async {
                let messages = self.portal_messages().await?;
                Ok(
                    if messages.iter().any(|m| m["type"] == kind && matches(m)) {
                        Probe::Done(messages)
                    } else {
                        Probe::NotYet(format!("{messages:?}"))
                    },
                )
            },
        )
        .await
    }

    /// Clicks the portal's "Send the session" (it sends the token in its field).
    pub async fn portal_sends_session(&self, token: &str) -> Outcome {
        self.client().enter_parent_frame().await?;
        let sent = async {
            let field = self.client().find(Locator::Id("token")).await?;
            field.clear().await?;
            field.send_keys(token).await?;
            self.client()
                .find(Locator::Id("send-session"))
                .await?
                .click()
                .await?;
            Outcome::Ok(())
        }
        .await;
        self.enter_the_frame().await?;
        sent
    }

    /// Runs `script` in the portal's top document.
    pub async fn in_portal(&self, script: &str) -> Outcome<serde_json::Value> {
        self.client().enter_parent_frame().await?;
        let result = self.client().execute(script, vec![]).await;
        self.enter_the_frame().await?;
        Ok(result?)
    }

    // ----- signing in and out -----

    /// Picks how to sign in on the panel: the radio labelled "A Command Center user" or "An
    /// access token"; waits until it is checked.
    pub async fn choose_sign_in_mode(&self, label: &str) -> Outcome {
        let xpath = format!(
            "//label[contains(concat(' ', normalize-space(@class), ' '), ' mode-option ')]\
             [normalize-space()='{label}']//input[@type='radio'][@name='sign-in-mode']"
        );
        let radio = self
            .client()
            .find(Locator::XPath(&xpath))
            .await
            .map_err(|e| Failure::new(format!("no sign-in-mode radio labelled {label:?}: {e}")))?;
        radio.click().await?;
        wait_until(&format!("{label:?} to be chosen"), WAIT_LIMIT, || async {
            Ok(if radio.is_selected().await? {
                Probe::Done(())
            } else {
                Probe::NotYet("not checked".into())
            })
        })
        .await
    }

    /// On the sign-in panel: chooses "An access token", types `token` and clicks `#sign-in`.
    pub async fn sign_in_with_token(&self, token: &str) -> Outcome {
        self.choose_sign_in_mode("An access token").await?;
        self.fill("Access token", token).await?;
        self.click("sign-in").await
    }

    /// On the sign-in panel: chooses "A Command Center user", types the user name and the
    /// password and clicks `#sign-in`.
    pub async fn sign_in_with_password(&self, user: &str, password: &str) -> Outcome {
        self.choose_sign_in_mode("A Command Center user").await?;
        self.fill("User name", user).await?;
        self.fill("Password", password).await?;
        self.click("sign-in").await
    }

    /// Signs in with the fake's access token and waits until loaded; returns `#load-status`.
    pub async fn sign_in(&self) -> Outcome<String> {
        self.sign_in_with_token(DEFAULT_TOKEN).await?;
        self.wait_until_signed_in().await?;
        self.wait_until_loaded().await
    }

    /// Signs in with the fake's user and password and waits until loaded; returns
    /// `#load-status`.
    pub async fn log_in(&self) -> Outcome<String> {
        self.sign_in_with_password(DEFAULT_LOGIN_USER, DEFAULT_LOGIN_PASSWORD)
            .await?;
        self.wait_until_signed_in().await?;
        self.wait_until_loaded().await
    }

    /// Waits until the sign-in on the panel ends: signed in (the `#session-user` text) or
    /// refused (the `#sign-in-status [role=alert]` text).
    pub async fn wait_for_sign_in_result(&self) -> Outcome<Reported> {
        wait_until("the sign-in to end", WAIT_LIMIT, || async {
            if let Some(user) = self.text_of("#session-user").await? {
                return Ok(Probe::Done(Reported::Done(user)));
            }
            Ok(
                match self
                    .text_of("section.sign-in #sign-in-status [role=alert]")
                    .await?
                {
                    Some(alert) => Probe::Done(Reported::Failed(alert)),
                    None => Probe::NotYet("no #session-user and no sign-in alert".into()),
                },
            )
        })
        .await
    }

    /// Waits until signed in and returns the `#session-user` text.
    pub async fn wait_until_signed_in(&self) -> Outcome<String> {
        self.wait_for_sign_in_result()
            .await?
            .done("to be signed in")
    }

    /// Waits until the sign-in is refused and returns the `#sign-in-status` alert.
    pub async fn wait_for_sign_in_alert(&self) -> Outcome<String> {
        self.wait_for_sign_in_result()
            .await?
            .failed("the sign-in to be refused")
    }

    /// Fails unless the page shows the sign-in panel and no session (nothing signed in).
    pub async fn ensure_on_sign_in_panel(&self) -> Outcome {
        ensure!(
            self.exists("section.sign-in").await?,
            "the sign-in panel (section.sign-in) is not shown"
        );
        for css in [".session-bar", "#session-user", "#smtp-server", "#save"] {
            ensure!(
                !self.exists(css).await?,
                "{css} exists although nobody is signed in"
            );
        }
        Ok(())
    }

    /// Clicks `#sign-out` and waits until the sign-in panel is back.
    pub async fn sign_out(&self) -> Outcome {
        self.click("sign-out").await?;
        wait_until("the sign-in panel after Sign out", WAIT_LIMIT, || async {
            Ok(if self.exists("section.sign-in").await? {
                Probe::Done(())
            } else {
                Probe::NotYet("no section.sign-in".into())
            })
        })
        .await?;
        self.ensure_on_sign_in_panel().await
    }

    /// The token the page's loads carried: the Authtoken of the first GET of the settings.
    pub fn token_of_first_load(&self) -> Outcome<String> {
        let loads = self.requests_to("GET", EMAIL_SERVER_PATH);
        let first = loads
            .first()
            .ok_or_else(|| Failure::new("the page sent no GET of the settings"))?;
        first
            .header("authtoken")
            .map(str::to_owned)
            .ok_or_else(|| Failure::new(format!("the load has no Authtoken: {first:#?}")))
    }

    // ----- signing in again after a 401 -----

    /// Whether `#reauth-dialog` is shown (has the `open` attribute).
    pub async fn reauth_is_open(&self) -> Outcome<bool> {
        Ok(self
            .by_id("reauth-dialog")
            .await?
            .attr("open")
            .await?
            .is_some())
    }

    /// Waits until the "Sign in again" dialog is open, or closed, as asked.
    pub async fn wait_for_reauth(&self, open: bool) -> Outcome {
        let awaited = if open {
            "the \"Sign in again\" dialog to open"
        } else {
            "the \"Sign in again\" dialog to close"
        };
        wait_until(awaited, WAIT_LIMIT, || async {
            Ok(if self.reauth_is_open().await? == open {
                Probe::Done(())
            } else {
                Probe::NotYet(format!("open: {}", !open))
            })
        })
        .await
    }

    /// The element `css` inside `#reauth-dialog`.
    pub async fn in_reauth(&self, css: &str) -> Outcome<Element> {
        let css = format!("#reauth-dialog {css}");
        self.client()
            .find(Locator::Css(&css))
            .await
            .map_err(|e| Failure::new(format!("no {css}: {e}")))
    }

    /// In the open "Sign in again" dialog of a Login session: types `password` and clicks
    /// `#sign-in`, then waits until the dialog closes.
    pub async fn sign_in_again(&self, password: &str) -> Outcome {
        self.wait_for_reauth(true).await?;
        let input = self.in_reauth("#login-password").await?;
        input.clear().await?;
        input.send_keys(password).await?;
        self.in_reauth("#sign-in").await?.click().await?;
        self.wait_for_reauth(false).await
    }

    // ----- what must not leak -----

    /// Fails if any of `secrets` (name, value) is in localStorage or sessionStorage (keys and
    /// values), document.cookie, the URL or document.documentElement.outerHTML; `when` says
    /// at what point of the test.
    pub async fn ensure_no_secret_in_page(&self, secrets: &[(&str, &str)], when: &str) -> Outcome {
        const DUMP: &str = "
            const dump = (storage) => {
                const all = [];
                for (let i = 0; i < storage.length; i++) {
                    const key = storage.key(i);
                    all.push(key + '=' + storage.getItem(key));
                }
                return all.join('\\n');
            };
            return [
                ['localStorage', dump(window.localStorage)],
                ['sessionStorage', dump(window.sessionStorage)],
                ['document.cookie', document.cookie],
                ['location.href', location.href],
                ['outerHTML', document.documentElement.outerHTML],
            ];";
        let places = self.client().execute(DUMP, vec![]).await?;
        let places: Vec<(String, String)> = serde_json::from_value(places.clone())
            .map_err(|e| Failure::new(format!("the storage probe returned {places} ({e})")))?;
        let mut leaks = Vec::new();
        for (place, content) in &places {
            for (name, secret) in secrets {
                if content.contains(secret) {
                    leaks.push(format!("{name} ({secret:?}) is in {place}"));
                }
            }
        }
        ensure!(
            leaks.is_empty(),
            "{when}, secrets are left in the page:\n  {}",
            leaks.join("\n  ")
        );
        Ok(())
    }

    /// The whole browser console up to now, as `console_log`, but sure to hold everything
    /// logged before the call: a marker is logged and awaited (the last line is the marker).
    pub async fn console_log_flushed(&self) -> Outcome<Vec<String>> {
        static PROBES: AtomicU32 = AtomicU32::new(0);
        let mark = format!(
            "console probe {}: the browser tests read this console",
            PROBES.fetch_add(1, Ordering::Relaxed)
        );
        let script = format!("console.warn({mark:?});");
        self.client().execute(&script, vec![]).await?;
        wait_until("the console probe to reach the log", WAIT_LIMIT, || async {
            let lines = self.console_log().await?;
            Ok(if lines.iter().any(|line| line.contains(&mark)) {
                Probe::Done(lines)
            } else {
                Probe::NotYet(format!("{} lines without the probe", lines.len()))
            })
        })
        .await
    }

    /// Fails if any of `secrets` (name, value), or a Rust panic, shows in the browser console
    /// so far. A marker logged first and awaited proves that the console is being read.
    pub async fn ensure_console_clean(&self, secrets: &[(&str, &str)]) -> Outcome {
        let lines = self.console_log_flushed().await?;
        let mut bad = Vec::new();
        for line in &lines {
            if line.to_lowercase().contains("panicked") {
                bad.push(format!("a panic: {line}"));
            }
            for (name, secret) in secrets {
                if line.contains(secret) {
                    bad.push(format!("{name} ({secret:?}): {line}"));
                }
            }
        }
        ensure!(
            bad.is_empty(),
            "the browser console shows:\n  {}",
            bad.join("\n  ")
        );
        Ok(())
    }

    // ----- talking to the API directly -----

    /// The HTTP status the page's origin answers `method path` with `Authtoken: token`, asked
    /// over a plain HTTP/1.1 connection (as a script or a stolen token would).
    pub async fn api_status(&self, method: &str, path: &str, token: &str) -> Outcome<u16> {
        let authority = self
            .url
            .trim_start_matches("http://")
            .split('/')
            .next()
            .unwrap_or_default()
            .to_owned();
        let request = format!(
            "{method} {path} HTTP/1.1\r\nHost: {authority}\r\nAuthtoken: {token}\r\n\
             Accept: application/json\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
        );
        let exchange = async {
            let mut stream = TcpStream::connect(authority.as_str()).await?;
            stream.write_all(request.as_bytes()).await?;
            let mut answer = Vec::new();
            stream.read_to_end(&mut answer).await?;
            Outcome::Ok(answer)
        };
        let answer = tokio::time::timeout(WAIT_LIMIT, exchange)
            .await
            .map_err(|_| {
                Failure::new(format!("no answer to {method} {path} in {WAIT_LIMIT:?}"))
            })??;
        let answer = String::from_utf8_lossy(&answer);
        answer
            .split_whitespace()
            .nth(1)
            .and_then(|status| status.parse().ok())
            .ok_or_else(|| Failure::new(format!("{method} {path} got no HTTP status: {answer:?}")))
    }

    // ----- loading -----

    /// Waits until `#load-status` reports the end of a load: a status other than "Loading…",
    /// or an alert.
    pub async fn wait_for_load_result(&self) -> Outcome<Reported> {
        self.wait_for_report("#load-status", "the load", |status| {
            !status.starts_with("Loading")
        })
        .await
    }

    /// Waits until the settings are loaded and returns `#load-status`'s text.
    pub async fn wait_until_loaded(&self) -> Outcome<String> {
        self.wait_for_load_result()
            .await?
            .done("the settings to load")
    }

    /// Waits until the load fails and returns the `#load-status [role=alert]` text.
    pub async fn wait_for_load_alert(&self) -> Outcome<String> {
        self.wait_for_load_result()
            .await?
            .failed("the load to fail")
    }

    // ----- finding and filling controls -----

    /// The id of the control whose `<label>` text (normalised) is exactly `label`, outside
    /// dialogs (the "Sign in again" dialog has its own "Password"; see `in_reauth`).
    pub async fn id_of(&self, label: &str) -> Outcome<String> {
        let xpath = format!("//label[normalize-space()='{label}'][not(ancestor::dialog)]");
        let label_element = self
            .client()
            .find(Locator::XPath(&xpath))
            .await
            .map_err(|e| Failure::new(format!("no <label> reading exactly {label:?}: {e}")))?;
        label_element
            .attr("for")
            .await?
            .ok_or_else(|| Failure::new(format!("the label {label:?} has no `for` attribute")))
    }

    /// The control labelled `label`.
    pub async fn control(&self, label: &str) -> Outcome<Element> {
        let id = self.id_of(label).await?;
        self.by_id(&id).await
    }

    pub async fn by_id(&self, id: &str) -> Outcome<Element> {
        self.client()
            .find(Locator::Id(id))
            .await
            .map_err(|e| Failure::new(format!("no element with id {id:?}: {e}")))
    }

    /// Whether an element matching `css` exists now.
    pub async fn exists(&self, css: &str) -> Outcome<bool> {
        match self.client().find(Locator::Css(css)).await {
            Ok(_) => Ok(true),
            Err(e) if e.is_no_such_element() => Ok(false),
            Err(e) => Err(e.into()),
        }
    }

    /// Whether an element matching `css` exists now and is displayed.
    pub async fn displayed(&self, css: &str) -> Outcome<bool> {
        match self.client().find(Locator::Css(css)).await {
            Ok(element) => Ok(element.is_displayed().await?),
            Err(e) if e.is_no_such_element() => Ok(false),
            Err(e) => Err(e.into()),
        }
    }

    /// Whether an element with id `id` exists outside any `<dialog>`.
    pub async fn exists_outside_dialogs(&self, id: &str) -> Outcome<bool> {
        let xpath = format!("//*[@id='{id}'][not(ancestor::dialog)]");
        match self.client().find(Locator::XPath(&xpath)).await {
            Ok(_) => Ok(true),
            Err(e) if e.is_no_such_element() => Ok(false),
            Err(e) => Err(e.into()),
        }
    }

    /// Clears the input labelled `label` and types `text` into it, as a user would.
    pub async fn fill(&self, label: &str, text: &str) -> Outcome {
        let input = self.control(label).await?;
        input.clear().await?;
        if !text.is_empty() {
            input.send_keys(text).await?;
        }
        Ok(())
    }

    /// Picks the encryption option whose value is `value` (NONE, TLS or SSL).
    pub async fn choose_encryption(&self, value: &str) -> Outcome {
        let select = self.control("Encryption").await?;
        select
            .select_by_value(value)
            .await
            .map_err(|e| Failure::new(format!("cannot choose encryption {value:?}: {e}")))
    }

    /// The current value of the control labelled `label` (its `value` property).
    pub async fn value(&self, label: &str) -> Outcome<String> {
        Ok(self
            .control(label)
            .await?
            .prop("value")
            .await?
            .unwrap_or_default())
    }

    /// An attribute of the control labelled `label`.
    pub async fn attr(&self, label: &str, attribute: &str) -> Outcome<Option<String>> {
        Ok(self.control(label).await?.attr(attribute).await?)
    }

    /// Whether the sign-in checkbox (`#use-authentication`) is checked.
    pub async fn sign_in_checked(&self) -> Outcome<bool> {
        Ok(self
            .by_id("use-authentication")
            .await?
            .is_selected()
            .await?)
    }

    /// Checks or unchecks "The mail server requires sign-in" and waits until the Username and
    /// Password inputs exist exactly while it is checked.
    pub async fn set_sign_in(&self, on: bool) -> Outcome {
        if self.sign_in_checked().await? != on {
            self.by_id("use-authentication").await?.click().await?;
        }
        let awaited = format!("sign-in checked={on} with Username and Password shown={on}");
        wait_until(&awaited, WAIT_LIMIT, || async {
            let checked = self.sign_in_checked().await?;
            let username = self.exists("#smtp-username").await?;
            let password = self.exists("#smtp-password").await?;
            Ok(if (checked, username, password) == (on, on, on) {
                Probe::Done(())
            } else {
                Probe::NotYet(format!(
                    "checked {checked}, #smtp-username exists {username}, #smtp-password exists {password}"
                ))
            })
        })
        .await
    }

    /// The show/hide button of the secret input `id`.
    pub async fn show_button(&self, id: &str) -> Outcome<Element> {
        let css = format!("button[aria-controls='{id}']");
        self.client()
            .find(Locator::Css(&css))
            .await
            .map_err(|e| Failure::new(format!("no show/hide button ({css}): {e}")))
    }

    // ----- buttons -----

    pub async fn save_button(&self) -> Outcome<Element> {
        self.by_id("save").await
    }

    pub async fn click_save(&self) -> Outcome {
        self.click("save").await
    }

    /// Clicks the element `#id` (a button).
    pub async fn click(&self, id: &str) -> Outcome {
        Ok(self.by_id(id).await?.click().await?)
    }

    /// Clicks Save, then Confirm in the review dialog.
    pub async fn save_and_confirm(&self) -> Outcome {
        self.click_save().await?;
        self.confirm_review().await
    }

    /// Waits until the button `#id` reads `text` and is enabled or disabled as asked.
    pub async fn wait_for_button(&self, id: &str, text: &str, enabled: bool) -> Outcome {
        self.wait_for_button_state(id, Some(text), enabled).await
    }

    /// Waits until the button `#id` is enabled or disabled as asked, whatever its text.
    pub async fn wait_for_enabled(&self, id: &str, enabled: bool) -> Outcome {
        self.wait_for_button_state(id, None, enabled).await
    }

    async fn wait_for_button_state(&self, id: &str, text: Option<&str>, enabled: bool) -> Outcome {
        let state = if enabled { "enabled" } else { "disabled" };
        let awaited = match text {
            Some(text) => format!("#{id} to read {text:?} and be {state}"),
            None => format!("#{id} to be {state}"),
        };
        wait_until(&awaited, WAIT_LIMIT, || async {
            let button = self.by_id(id).await?;
            let (now_text, now_enabled) = (button.text().await?, button.is_enabled().await?);
            Ok(
                if text.is_none_or(|text| text == now_text) && now_enabled == enabled {
                    Probe::Done(())
                } else {
                    Probe::NotYet(format!("text {now_text:?}, enabled {now_enabled}"))
                },
            )
        })
        .await
    }

    // ----- the review dialog -----

    /// Whether `#review-dialog` is shown (has the `open` attribute).
    pub async fn review_is_open(&self) -> Outcome<bool> {
        Ok(self
            .by_id("review-dialog")
            .await?
            .attr("open")
            .await?
            .is_some())
    }

    pub async fn wait_for_review(&self, open: bool) -> Outcome {
        let awaited = if open {
            "the review dialog to open"
        } else {
            "the review dialog to close"
        };
        wait_until(awaited, WAIT_LIMIT, || async {
            Ok(if self.review_is_open().await? == open {
                Probe::Done(())
            } else {
                Probe::NotYet(format!("open: {}", !open))
            })
        })
        .await
    }

    /// Waits for the review dialog and returns its rows (setting, before, after) in order.
    pub async fn review_rows(&self) -> Outcome<Vec<ReviewRow>> {
        self.wait_for_review(true).await?;
        let rows = self
            .client()
            .find_all(Locator::Css("#review-dialog table.changes tbody tr"))
            .await?;
        let mut read = Vec::with_capacity(rows.len());
        for row in rows {
            let header = row
                .find(Locator::Css("th[scope=row]"))
                .await?
                .text()
                .await?;
            let cells = row.find_all(Locator::Css("td")).await?;
            let mut texts = Vec::with_capacity(cells.len());
            for cell in cells {
                texts.push(cell.text().await?);
            }
            match <[String; 2]>::try_from(texts) {
                Ok([before, after]) => read.push([header, before, after]),
                Err(texts) => {
                    return Err(Failure::new(format!(
                        "the review row {header:?} has {} cells instead of 2: {texts:?}",
                        texts.len()
                    )))
                }
            }
        }
        Ok(read)
    }

    /// Everything in the review dialog, shown or not (its `textContent`).
    pub async fn review_text(&self) -> Outcome<String> {
        Ok(self
            .by_id("review-dialog")
            .await?
            .prop("textContent")
            .await?
            .unwrap_or_default())
    }

    /// Waits for the review dialog, clicks Confirm and waits until it closes.
    pub async fn confirm_review(&self) -> Outcome {
        self.wait_for_review(true).await?;
        self.click("review-confirm").await?;
        self.wait_for_review(false).await
    }

    /// Waits for the review dialog, clicks Back and waits until it closes.
    pub async fn review_back(&self) -> Outcome {
        self.wait_for_review(true).await?;
        self.click("review-back").await?;
        self.wait_for_review(false).await
    }

    // ----- texts and status areas -----

    /// The text of `css` if such an element exists now.
    pub async fn text_of(&self, css: &str) -> Outcome<Option<String>> {
        match self.client().find(Locator::Css(css)).await {
            Ok(element) => Ok(Some(element.text().await?)),
            Err(e) if e.is_no_such_element() => Ok(None),
            Err(e) => Err(e.into()),
        }
    }

    /// The text of the field error `#ID-error`, if the field shows one.
    pub async fn field_error(&self, id: &str) -> Outcome<Option<String>> {
        self.text_of(&format!("#{id}-error")).await
    }

    /// Waits until the field `id` shows its error and returns the error's text.
    pub async fn wait_for_field_error(&self, id: &str) -> Outcome<String> {
        wait_until(
            &format!("the field error #{id}-error"),
            WAIT_LIMIT,
            || async {
                Ok(match self.field_error(id).await? {
                    Some(text) => Probe::Done(text),
                    None => Probe::NotYet(format!("no #{id}-error element")),
                })
            },
        )
        .await
    }

    /// Waits until `area` holds an alert, or a status that `done` accepts.
    async fn wait_for_report(
        &self,
        area: &str,
        what: &str,
        done: impl Fn(&str) -> bool,
    ) -> Outcome<Reported> {
        let awaited = format!("{area} to report {what}");
        let (alert_css, status_css) = (
            format!("{area} [role=alert]"),
            format!("{area} [role=status]"),
        );
        wait_until(&awaited, WAIT_LIMIT, || async {
            if let Some(alert) = self.text_of(&alert_css).await? {
                return Ok(Probe::Done(Reported::Failed(alert)));
            }
            Ok(match self.text_of(&status_css).await? {
                Some(status) if done(&status) => Probe::Done(Reported::Done(status)),
                Some(status) => Probe::NotYet(format!("status {status:?}")),
                None => Probe::NotYet(format!("no status and no alert in {area}")),
            })
        })
        .await
    }

    /// Waits until `#form-status` reports the save: a status containing "saved", or an alert.
    pub async fn wait_for_save_result(&self) -> Outcome<Reported> {
        self.wait_for_report("#form-status", "the save", |status| {
            status.to_lowercase().contains("saved")
        })
        .await
    }

    /// Waits for the success status of a save and returns its text.
    pub async fn wait_until_saved(&self) -> Outcome<String> {
        self.wait_for_save_result()
            .await?
            .done("the settings to be saved")
    }

    /// Waits for `#form-status [role=alert]` and returns its text.
    pub async fn wait_for_alert(&self) -> Outcome<String> {
        self.wait_for_save_result()
            .await?
            .failed("an alert in #form-status")
    }

    /// Waits for the status "Test email sent…" and returns its text.
    pub async fn wait_until_test_mail_sent(&self) -> Outcome<String> {
        self.wait_for_report("#form-status", "the test email", |status| {
            status.contains("Test email sent")
        })
        .await?
        .done("the test email to be sent")
    }

    /// Waits until the attribute `attribute` of `element` (described by `what`) reads `expected`.
    pub async fn wait_for_attr(
        &self,
        what: &str,
        element: &Element,
        attribute: &str,
        expected: &str,
    ) -> Outcome {
        let awaited = format!("{what} to have {attribute}={expected:?}");
        wait_until(&awaited, WAIT_LIMIT, || async {
            Ok(match element.attr(attribute).await? {
                Some(value) if value == expected => Probe::Done(()),
                other => Probe::NotYet(format!("{attribute}={other:?}")),
            })
        })
        .await
    }

    /// Waits until the element `css` exists and its text contains `text`.
    pub async fn wait_for_text(&self, css: &str, text: &str) -> Outcome<String> {
        wait_until(&format!("{css} to say {text:?}"), WAIT_LIMIT, || async {
            Ok(match self.text_of(css).await? {
                Some(shown) if shown.contains(text) => Probe::Done(shown),
                other => Probe::NotYet(format!("{css}: {other:?}")),
            })
        })
        .await
    }

    /// Media features as given (`("forced-colors", "active")`), the others as the system has
    /// them; `&[]` ends every emulation.
    pub async fn emulate_media(&self, features: &[(&str, &str)]) -> Outcome {
        let features: Vec<_> = features
            .iter()
            .map(|(name, value)| serde_json::json!({ "name": name, "value": value }))
            .collect();
        self.browser_cdp(
            "Emulation.setEmulatedMedia",
            serde_json::json!({ "features": features }),
        )
        .await
        .map(drop)
    }

    /// A viewport of `width` by `height` CSS pixels, `scale` device pixels to each: 200 % zoom of
    /// a 1280 px window is a 640 px viewport at scale 2.
    pub async fn set_viewport(&self, width: u32, height: u32, scale: u32) -> Outcome {
        self.browser_cdp(
            "Emulation.setDeviceMetricsOverride",
            serde_json::json!({
                "width": width, "height": height, "deviceScaleFactor": scale, "mobile": false
            }),
        )
        .await
        .map(drop)
    }

    /// A DevTools command on the page's browser (emulated media, viewport).
    pub async fn browser_cdp(
        &self,
        command: &str,
        params: serde_json::Value,
    ) -> Outcome<serde_json::Value> {
        self.browser.cdp(command, params).await
    }

    /// The id of `document.activeElement` ("" when it has none).
    pub async fn focused_id(&self) -> Outcome<String> {
        let id = self
            .client()
            .execute(
                "return document.activeElement ? document.activeElement.id : '';",
                vec![],
            )
            .await?;
        Ok(id.as_str().unwrap_or_default().to_owned())
    }

    /// Waits until the input with id `id` has the focus.
    pub async fn wait_for_focus(&self, id: &str) -> Outcome {
        wait_until(&format!("the focus to be on #{id}"), WAIT_LIMIT, || async {
            let focused = self.focused_id().await?;
            Ok(if focused == id {
                Probe::Done(())
            } else {
                Probe::NotYet(format!("focus on {focused:?}"))
            })
        })
        .await
    }

    // ----- leaving the page -----

    /// Whether a cancelable `beforeunload` dispatched now is prevented (the browser would ask
    /// before leaving).
    pub async fn leaving_prevented(&self) -> Outcome<bool> {
        let prevented = self
            .client()
            .execute(
                "return !window.dispatchEvent(new Event('beforeunload', {cancelable: true}));",
                vec![],
            )
            .await?;
        prevented
            .as_bool()
            .ok_or_else(|| Failure::new(format!("the beforeunload probe returned {prevented}")))
    }

    /// Waits until leaving is prevented, or allowed, as asked.
    pub async fn wait_for_leaving_prevented(&self, prevented: bool) -> Outcome {
        let awaited = format!("beforeunload to be prevented: {prevented}");
        wait_until(&awaited, WAIT_LIMIT, || async {
            let now = self.leaving_prevented().await?;
            Ok(if now == prevented {
                Probe::Done(())
            } else {
                Probe::NotYet(format!("prevented: {now}"))
            })
        })
        .await
    }

    // ----- what the fake received -----

    /// Every `method` request to `path` the fake received, in order (path matched as the real
    /// server does: case-insensitively).
    pub fn requests_to(&self, method: &str, path: &str) -> Vec<RecordedRequest> {
        self.fake
            .requests()
            .into_iter()
            .filter(|r| r.method == method && r.path.eq_ignore_ascii_case(path))
            .collect()
    }

    /// The one `method` request to `path`; fails if there were none or several.
    pub fn only_request_to(&self, method: &str, path: &str) -> Outcome<RecordedRequest> {
        let mut found = self.requests_to(method, path);
        ensure!(
            found.len() == 1,
            "expected exactly one {method} {path}, got {}: {found:#?}",
            found.len()
        );
        Ok(found.remove(0))
    }

    /// Every request that would change the settings: POST or PUT to the email server.
    pub fn saves(&self) -> Vec<RecordedRequest> {
        let mut saves = self.requests_to("POST", EMAIL_SERVER_PATH);
        saves.extend(self.requests_to("PUT", EMAIL_SERVER_PATH));
        saves
    }

    /// Fails if the page sent anything but loads (GET): no save, no test mail.
    pub fn ensure_nothing_sent(&self) -> Outcome {
        let sent: Vec<_> = self
            .fake
            .requests()
            .into_iter()
            .filter(|r| r.method != "GET")
            .collect();
        ensure!(sent.is_empty(), "the page sent requests: {sent:#?}");
        Ok(())
    }
}

/// Fails unless `request` carries the documented headers: `Authtoken: token`, `Accept:
/// application/json`, and `Content-Type: application/json` (it has a body).
pub fn check_json_headers(request: &RecordedRequest, token: &str) -> Outcome {
    let what = format!("{} {}", request.method, request.path);
    ensure_eq!(
        request.header("authtoken"),
        Some(token),
        "the Authtoken header of {what}"
    );
    ensure_eq!(
        request.header("accept"),
        Some("application/json"),
        "the Accept header of {what}"
    );
    let content_type = request.header("content-type").unwrap_or_default();
    ensure!(
        content_type.starts_with("application/json"),
        "the Content-Type of {what} is {content_type:?}"
    );
    Ok(())
}

/// Every secret of a Login session with `tokens`, where `NEW_PASSWORD` was typed as the mail
/// server's password: (what it is, the secret).
pub fn login_secrets<'a>(tokens: &[&'a str]) -> Vec<(&'static str, &'a str)> {
    let mut secrets: Vec<(&'static str, &'a str)> = vec![
        ("the Command Center password", DEFAULT_LOGIN_PASSWORD),
        (
            "the Command Center password in base64",
            LOGIN_PASSWORD_BASE64,
        ),
        ("the SMTP password typed", NEW_PASSWORD),
        ("the SMTP password typed, in base64", NEW_PASSWORD_BASE64),
        ("the fake's static token", DEFAULT_TOKEN),
    ];
    secrets.extend(tokens.iter().map(|token| ("a Login token", *token)));
    secrets
}

/// Fails unless `text` (of `#session-user`) says `expected`, e.g. "Signed in as admin"
/// (whatever follows after a separator, such as the API base URL, is not checked).
pub fn check_session_user(text: &str, expected: &str) -> Outcome {
    let says_it = text
        .strip_prefix(expected)
        .is_some_and(|rest| !rest.starts_with(|c: char| c.is_alphanumeric() || c == '-'));
    ensure!(says_it, "#session-user reads {text:?}, not {expected:?}");
    Ok(())
}

/// Fails unless `token` looks like a token from Login ("QSDK ...") and is not the static one.
pub fn check_login_token(token: &str, what: &str) -> Outcome {
    ensure!(
        token.starts_with("QSDK ") && token != DEFAULT_TOKEN,
        "{what} carries {token:?}, not a Login token (\"QSDK ...\")"
    );
    Ok(())
}

/// Fails unless the alert in `area` mentions the 401 and the token.
pub fn check_mentions_401_and_token(area: &str, alert: &str) -> Outcome {
    ensure!(
        alert.contains("401"),
        "the {area} alert {alert:?} does not mention 401"
    );
    ensure!(
        alert.to_lowercase().contains("token"),
        "the {area} alert {alert:?} does not mention the token"
    );
    Ok(())
}

/// Fails unless `request`'s body is exactly the JSON `expected`.
pub fn check_body(request: &RecordedRequest, expected: serde_json::Value) -> Outcome {
    ensure_eq!(
        request.json(),
        Some(expected),
        "the body of {} {} (raw: {:?})",
        request.method,
        request.path,
        request.body
    );
    Ok(())
}

/// A whole form: what the tests type, or what the page should show, label by label.
#[derive(Clone, Debug)]
pub struct Form {
    pub smtp_server: &'static str,
    pub smtp_port: &'static str,
    /// `None` leaves the select at its default (NONE).
    pub encryption: Option<&'static str>,
    pub sender_email: &'static str,
    pub sender_name: &'static str,
    /// "The mail server requires sign-in"; Username and Password exist only while it is on.
    pub sign_in: bool,
    pub username: &'static str,
    pub password: &'static str,
}

impl Form {
    /// Valid settings with sign-in.
    pub fn valid() -> Self {
        Self {
            smtp_server: "smtp.example.com",
            smtp_port: "587",
            encryption: Some("TLS"),
            sender_email: "alerts@example.com",
            sender_name: "Backup alerts",
            sign_in: true,
            username: "mailer",
            password: PASSWORD,
        }
    }

    /// What the page shows once the demo seed is loaded: the password is never returned.
    pub fn demo() -> Self {
        Self {
            smtp_server: "smtp.example.com",
            smtp_port: "587",
            encryption: Some("TLS"),
            sender_email: "commvault-alerts@example.com",
            sender_name: "Commvault Command Center",
            sign_in: true,
            username: "cc-mailer",
            password: "",
        }
    }

    /// (label, text) of every text input the settings form shows with this form, in page
    /// order (the access token and the API base URL belong to the sign-in, not to the form).
    pub fn inputs(&self) -> Vec<(&'static str, &'static str)> {
        let mut inputs = Vec::from(self.settings_inputs());
        inputs.extend(self.credential_inputs());
        inputs
    }

    fn settings_inputs(&self) -> [(&'static str, &'static str); 4] {
        [
            ("SMTP server", self.smtp_server),
            ("SMTP port", self.smtp_port),
            ("Sender email", self.sender_email),
            ("Sender name", self.sender_name),
        ]
    }

    fn credential_inputs(&self) -> Vec<(&'static str, &'static str)> {
        if self.sign_in {
            vec![("Username", self.username), ("Password", self.password)]
        } else {
            Vec::new()
        }
    }

    /// Types the settings into the page; empty values clear the field and type nothing.
    pub async fn fill_in(&self, page: &Page) -> Outcome {
        for (label, text) in self.settings_inputs() {
            page.fill(label, text).await?;
        }
        if let Some(value) = self.encryption {
            page.choose_encryption(value).await?;
        }
        page.set_sign_in(self.sign_in).await?;
        for (label, text) in self.credential_inputs() {
            page.fill(label, text).await?;
        }
        Ok(())
    }

    /// Checks that the page holds exactly this form, signed in to the default API base URL
    /// (shown in the session bar; the settings form has no token field).
    pub async fn check_shown(&self, page: &Page) -> Outcome {
        for (label, text) in self.inputs() {
            ensure_eq!(page.value(label).await?, text, "the {label:?} field");
        }
        ensure_eq!(
            page.value("Encryption").await?,
            self.encryption.unwrap_or("NONE"),
            "the encryption choice"
        );
        let bar = page.text_of(".session-bar").await?.unwrap_or_default();
        ensure!(
            bar.contains("/commandcenter/api"),
            "the session bar does not show the API base URL: {bar:?}"
        );
        ensure!(
            !page.exists_outside_dialogs("access-token").await?,
            "the page still has an #access-token input outside the \"Sign in again\" dialog"
        );
        ensure_eq!(
            page.sign_in_checked().await?,
            self.sign_in,
            "whether {SIGN_IN_LABEL:?} is checked"
        );
        if !self.sign_in {
            for id in ["smtp-username", "smtp-password"] {
                ensure!(
                    !page.exists(&format!("#{id}")).await?,
                    "#{id} exists although sign-in is off"
                );
            }
        }
        Ok(())
    }
}
