//! The page under test, served together with a fresh fake Command Center, driven by a fresh
//! headless Chromium. Selectors come only from the page's DOM contract: labels, ids and roles.

use std::fmt;
use std::future::Future;
use std::path::PathBuf;
use std::time::{Duration, Instant};

use fake_commandcenter::{FakeCommandCenter, FakeConfig, RecordedRequest};
use fantoccini::elements::Element;
use fantoccini::Locator;
use tokio::net::TcpListener;
use tokio::task::JoinHandle;
use tower_http::services::ServeDir;

use crate::chromedriver::Browser;

/// How long a wait for something on the page may take before the test fails.
const WAIT_LIMIT: Duration = Duration::from_secs(10);
/// The first load also compiles the wasm, on a busy 2-core machine.
const LOAD_LIMIT: Duration = Duration::from_secs(30);
const POLL_EVERY: Duration = Duration::from_millis(50);

/// The path the page posts the settings to (API base "/commandcenter/api" + "/V4/EmailServer").
pub const EMAIL_SERVER_PATH: &str = "/commandcenter/api/V4/EmailServer";

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

/// What `#form-status` ended up saying after a Save.
#[derive(Debug, PartialEq, Eq)]
pub enum SaveResult {
    /// The `[role=status]` text, containing "saved".
    Saved(String),
    /// The `[role=alert]` text.
    Failed(String),
}

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

/// A fake Command Center and the built page on one loopback origin, and a browser on it.
pub struct Page {
    pub fake: FakeCommandCenter,
    url: String,
    browser: Browser,
    server: JoinHandle<()>,
}

impl Page {
    /// Starts everything afresh and opens the page with the default fake ("demo-token").
    pub async fn open() -> Outcome<Self> {
        let dist = dist_dir()?;
        let fake = FakeCommandCenter::new(FakeConfig::default());
        // The fake's router answers everything through its own fallback (its API matches paths
        // case-insensitively), so it cannot take the files as its fallback: the files go first
        // and whatever is no file (the API, any method but GET/HEAD) goes on to the fake.
        let files = ServeDir::new(dist)
            .call_fallback_on_method_not_allowed(true)
            .fallback(fake.router());
        let router = axum::Router::new().fallback_service(files);
        let listener = TcpListener::bind("127.0.0.1:0").await?;
        let url = format!("http://{}/", listener.local_addr()?);
        let server = tokio::spawn(async move {
            if let Err(e) = fake_commandcenter::serve(listener, router).await {
                eprintln!("the fake Command Center stopped: {e}");
            }
        });
        let browser = Browser::launch().await?;
        let page = Self {
            fake,
            url,
            browser,
            server,
        };
        page.client().goto(&page.url).await?;
        page.wait_until_ready().await?;
        Ok(page)
    }

    /// Loads the page again (a clean form) and waits until it is ready.
    pub async fn reload(&self) -> Outcome {
        self.client().refresh().await?;
        self.wait_until_ready().await
    }

    /// Prints the browser console and ends the browser session.
    pub async fn close(self) -> Outcome {
        let Self {
            browser, server, ..
        } = self;
        let closed = browser.close().await;
        server.abort();
        closed
    }

    fn client(&self) -> &fantoccini::Client {
        self.browser.client()
    }

    async fn wait_until_ready(&self) -> Outcome {
        wait_until(
            "the page to be ready (#smtp-server exists)",
            LOAD_LIMIT,
            || async {
                Ok(
                    match self.client().find(Locator::Css("#smtp-server")).await {
                        Ok(_) => Probe::Done(()),
                        Err(e) => Probe::NotYet(e.to_string()),
                    },
                )
            },
        )
        .await
    }

    /// The id of the control whose `<label>` text (normalised) is exactly `label`.
    pub async fn id_of(&self, label: &str) -> Outcome<String> {
        let xpath = format!("//label[normalize-space()='{label}']");
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

    pub async fn save_button(&self) -> Outcome<Element> {
        self.by_id("save").await
    }

    pub async fn click_save(&self) -> Outcome {
        Ok(self.save_button().await?.click().await?)
    }

    /// The show/hide button of the secret input `id`.
    pub async fn show_button(&self, id: &str) -> Outcome<Element> {
        let css = format!("button[aria-controls='{id}']");
        self.client()
            .find(Locator::Css(&css))
            .await
            .map_err(|e| Failure::new(format!("no show/hide button ({css}): {e}")))
    }

    /// The text of `css` if such an element exists now.
    async fn text_of(&self, css: &str) -> Outcome<Option<String>> {
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

    pub async fn alert_text(&self) -> Outcome<Option<String>> {
        self.text_of("#form-status [role=alert]").await
    }

    /// Waits until the status area reports the save: "saved" or an alert.
    pub async fn wait_for_save_result(&self) -> Outcome<SaveResult> {
        wait_until("the status area to report the save", WAIT_LIMIT, || async {
            if let Some(alert) = self.alert_text().await? {
                return Ok(Probe::Done(SaveResult::Failed(alert)));
            }
            Ok(match self.text_of("#form-status [role=status]").await? {
                Some(status) if status.to_lowercase().contains("saved") => {
                    Probe::Done(SaveResult::Saved(status))
                }
                Some(status) => Probe::NotYet(format!("status {status:?}")),
                None => Probe::NotYet("no status and no alert in #form-status".into()),
            })
        })
        .await
    }

    /// Waits for the success status and returns its text.
    pub async fn wait_until_saved(&self) -> Outcome<String> {
        match self.wait_for_save_result().await? {
            SaveResult::Saved(status) => Ok(status),
            SaveResult::Failed(alert) => Err(Failure::new(format!(
                "expected the success status, the page says {alert:?}"
            ))),
        }
    }

    /// Waits for `#form-status [role=alert]` and returns its text.
    pub async fn wait_for_alert(&self) -> Outcome<String> {
        match self.wait_for_save_result().await? {
            SaveResult::Failed(alert) => Ok(alert),
            SaveResult::Saved(status) => Err(Failure::new(format!(
                "expected an alert, the page says {status:?}"
            ))),
        }
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

    /// Waits until the text of the Save button is `text` and it is enabled or disabled as asked.
    pub async fn wait_for_save_button(&self, text: &str, enabled: bool) -> Outcome {
        let state = if enabled { "enabled" } else { "disabled" };
        let awaited = format!("the Save button to read {text:?} and be {state}");
        wait_until(&awaited, WAIT_LIMIT, || async {
            let button = self.save_button().await?;
            let (now_text, now_enabled) = (button.text().await?, button.is_enabled().await?);
            Ok(if now_text == text && now_enabled == enabled {
                Probe::Done(())
            } else {
                Probe::NotYet(format!("text {now_text:?}, enabled {now_enabled}"))
            })
        })
        .await
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

    /// The one POST to the email server endpoint; fails if there were none or several.
    pub fn only_email_server_post(&self) -> Outcome<RecordedRequest> {
        let mut posts = self.email_server_posts();
        ensure!(
            posts.len() == 1,
            "expected exactly one POST to the email server, got {}: {posts:#?}",
            posts.len()
        );
        Ok(posts.remove(0))
    }

    /// Every POST to the email server endpoint the fake received (path matched as the
    /// real server does: case-insensitively).
    pub fn email_server_posts(&self) -> Vec<RecordedRequest> {
        self.fake
            .requests()
            .into_iter()
            .filter(|r| r.method == "POST" && r.path.eq_ignore_ascii_case(EMAIL_SERVER_PATH))
            .collect()
    }
}

/// A complete, valid form: what the tests type, label by label.
#[derive(Clone, Debug)]
pub struct Form {
    pub access_token: &'static str,
    pub smtp_server: &'static str,
    pub smtp_port: &'static str,
    /// `None` leaves the select at its default.
    pub encryption: Option<&'static str>,
    pub sender_email: &'static str,
    pub sender_name: &'static str,
    pub username: &'static str,
    pub password: &'static str,
}

impl Form {
    /// Valid settings with authentication, the right token for the default fake.
    pub fn valid() -> Self {
        Self {
            access_token: fake_commandcenter::DEFAULT_TOKEN,
            smtp_server: "smtp.example.com",
            smtp_port: "587",
            encryption: Some("TLS"),
            sender_email: "alerts@example.com",
            sender_name: "Backup alerts",
            username: "mailer",
            password: "pässwörd 1",
        }
    }

    /// (label, typed text) of every text input, in page order.
    pub fn inputs(&self) -> [(&'static str, &'static str); 7] {
        [
            ("Access token", self.access_token),
            ("SMTP server", self.smtp_server),
            ("SMTP port", self.smtp_port),
            ("Sender email", self.sender_email),
            ("Sender name", self.sender_name),
            ("Username", self.username),
            ("Password", self.password),
        ]
    }

    /// Types the whole form into the page (empty values clear the field and type nothing).
    pub async fn fill_in(&self, page: &Page) -> Outcome {
        for (label, text) in self.inputs() {
            page.fill(label, text).await?;
        }
        match self.encryption {
            Some(value) => page.choose_encryption(value).await,
            None => Ok(()),
        }
    }

    /// Checks that the page still holds exactly this form.
    pub async fn check_kept(&self, page: &Page) -> Outcome {
        for (label, text) in self.inputs() {
            ensure_eq!(
                page.value(label).await?,
                text,
                "the {label:?} field no longer holds what was typed"
            );
        }
        let encryption = self.encryption.unwrap_or("NONE");
        ensure_eq!(
            page.value("Encryption").await?,
            encryption,
            "the encryption choice changed"
        );
        ensure_eq!(
            page.value("API base URL").await?,
            "/commandcenter/api",
            "the API base URL changed"
        );
        Ok(())
    }
}
