//! How the page and the fake are served, and the browser opened on them.

use std::path::PathBuf;
use std::sync::atomic::{AtomicU32, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use anyhow::{anyhow, ensure};
use fake_commandcenter::{FakeCommandCenter, FakeConfig};
use tokio::net::TcpListener;
use tokio::task::JoinHandle;
use tower_http::services::ServeDir;
use tower_http::set_header::SetResponseHeaderLayer;

use super::*;

/// The folder Trunk built, from COMMANDCENTER_EMAIL_DIST.
pub fn dist_dir() -> anyhow::Result<PathBuf> {
    const HOW: &str =
        "run the browser tests with `cargo xtask test`, which builds the page and sets it";
    let dir = std::env::var_os("COMMANDCENTER_EMAIL_DIST")
        .map(PathBuf::from)
        .ok_or_else(|| anyhow!("COMMANDCENTER_EMAIL_DIST is not set: {HOW}"))?;
    ensure!(
        dir.join("index.html").is_file(),
        "COMMANDCENTER_EMAIL_DIST={} has no index.html: {HOW}",
        dir.display()
    );
    Ok(dir)
}

/// The file index.html's `attribute` names for `tag` (`locales/de/page-….ftl`).
pub fn language_file(dist: &std::path::Path, attribute: &str, tag: &str) -> anyhow::Result<String> {
    let html = std::fs::read_to_string(dist.join("index.html"))?;
    let start = html
        .find(&format!("{attribute}=\""))
        .ok_or_else(|| anyhow::anyhow!("index.html has no {attribute}"))?
        + attribute.len()
        + 2;
    let list = &html[start..start + html[start..].find('"').unwrap_or_default()];
    list.split_whitespace()
        .find_map(|pair| pair.strip_prefix(&format!("{tag}=")))
        .map(str::to_owned)
        .ok_or_else(|| anyhow::anyhow!("{attribute} names nothing for {tag}: {list}"))
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
    /// Files served beside the build, as an operator adds them (a theme's stylesheet).
    pub extra_files: Vec<ExtraFile>,
    /// `navigator.languages` as the page sees it, in place of the browser's own.
    pub browser_languages: Option<Vec<&'static str>>,
}

/// A file served at `path` on the page's origin.
#[derive(Clone, Debug)]
pub struct ExtraFile {
    pub path: &'static str,
    pub content_type: &'static str,
    pub body: String,
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
            browser_languages: None,
            extra_files: Vec::new(),
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
pub(super) const VIOLATION_MARKS: [&str; 2] = ["CSP violation:", "Content Security Policy"];

impl Page {
    /// Opens the page on a fake with nothing configured ("demo-token" is the right token).
    pub async fn open() -> anyhow::Result<Self> {
        Self::open_with(FakeCommandCenter::new(FakeConfig::default())).await
    }

    /// Opens the page on a fake with nothing configured, signs in and waits for the load.
    pub async fn open_signed_in() -> anyhow::Result<Self> {
        let page = Self::open().await?;
        assert_eq!(
            page.sign_in().await?,
            LOADED_NOTHING_CONFIGURED,
            "#load-status after loading from a fake with nothing configured"
        );
        Ok(page)
    }

    /// Opens the page on the demo seed, signs in with the fake's access token and waits until
    /// its settings are loaded.
    pub async fn open_demo_signed_in() -> anyhow::Result<Self> {
        let page = Self::open_with(demo_fake()?).await?;
        assert_eq!(
            page.sign_in().await?,
            LOADED_CONFIGURED,
            "#load-status after loading the demo seed"
        );
        Ok(page)
    }

    /// Opens the page on the demo seed, signs in with the fake's user and password and waits
    /// until its settings are loaded.
    pub async fn open_demo_logged_in() -> anyhow::Result<Self> {
        let page = Self::open_with(demo_fake()?).await?;
        assert_eq!(
            page.log_in().await?,
            LOADED_CONFIGURED,
            "#load-status after loading the demo seed"
        );
        Ok(page)
    }

    /// Serves the built page and `fake` on one fresh origin and opens the page in a fresh browser.
    pub async fn open_with(fake: FakeCommandCenter) -> anyhow::Result<Self> {
        Self::open_on(fake, Serving::default()).await
    }

    /// As `open_with`, but `/config.json` answers `config_json` instead of the built file (for
    /// example a short `requestTimeoutSeconds`); `set_config_json` changes it for the next
    /// (re)load of the page.
    pub async fn open_with_config(
        fake: FakeCommandCenter,
        config_json: &str,
    ) -> anyhow::Result<Self> {
        let serving = Serving {
            config_json: Some(config_json.to_owned()),
            ..Serving::default()
        };
        Self::open_on(fake, serving).await
    }

    /// What `/config.json` answers from now on; the page reads it when it (re)loads. Only for a
    /// page opened with `open_with_config`.
    pub fn set_config_json(&self, config_json: &str) -> anyhow::Result<()> {
        let config = self
            .config_json
            .as_ref()
            .ok_or_else(|| anyhow!("set_config_json needs a page opened with open_with_config"))?;
        *config.lock().unwrap_or_else(|e| e.into_inner()) = config_json.to_owned();
        Ok(())
    }

    /// Serves the page as `serving` says, opens it and waits until it is ready.
    pub async fn open_on(fake: FakeCommandCenter, serving: Serving) -> anyhow::Result<Self> {
        let page = Self::serve(fake, serving).await?;
        page.wait_until_ready().await?;
        Ok(page)
    }

    /// Serves the page as `serving` says and opens it, without waiting for it to start (it may
    /// be meant not to).
    pub async fn serve(fake: FakeCommandCenter, serving: Serving) -> anyhow::Result<Self> {
        let Serving {
            config_json,
            csp,
            dist,
            wasm_gate,
            config_gate,
            wasm_content_type,
            stall_seconds,
            link,
            extra_files,
            browser_languages,
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
        for file in extra_files {
            let ExtraFile {
                path,
                content_type,
                body,
            } = file;
            router = router.route(
                path,
                axum::routing::get(move || async move {
                    ([(axum::http::header::CONTENT_TYPE, content_type)], body)
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
                .map_err(|e| anyhow!("the policy {policy:?} is no header: {e}"))?;
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
        let languages = browser_languages.map(|tags| {
            format!(
                "Object.defineProperty(Navigator.prototype, 'languages', {{ get: () => {} }});",
                serde_json::json!(tags)
            )
        });
        Self::in_browser(fake, url, Some(server), config_json, link, languages).await
    }

    /// Opens the page where another server serves it (in front of `fake`), and waits until it is
    /// ready.
    pub async fn open_at(fake: FakeCommandCenter, url: &str) -> anyhow::Result<Self> {
        let page = Self::in_browser(fake, url.to_owned(), None, None, None, None).await?;
        page.wait_until_ready().await?;
        Ok(page)
    }

    async fn in_browser(
        fake: FakeCommandCenter,
        url: String,
        server: Option<JoinHandle<()>>,
        config_json: Option<Arc<Mutex<String>>>,
        link: Option<EmulatedLink>,
        languages: Option<String>,
    ) -> anyhow::Result<Self> {
        let browser = Browser::launch().await?;
        for recorder in [VIOLATION_RECORDER, LAYOUT_SHIFT_RECORDER]
            .into_iter()
            .chain(languages.as_deref())
        {
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
}
