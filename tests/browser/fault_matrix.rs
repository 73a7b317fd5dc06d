//! Issue 5's fault matrix: every way a call can fail, against each call the page makes (sign-in,
//! load, save, test mail). Every cell checks that the message of the right category shows in
//! the right place, that the form kept its values, that the buttons work again, and that
//! nothing panicked. The matrix is printed (`--nocapture`) and written to
//! `target/fault-matrix.md`; the test fails listing every failing cell.
//!
//! The four columns run side by side, each in its own browser on its own fake; within a column
//! the cells run one after the other on one browser session, each from a freshly loaded page
//! with no fault left set. The page is served with `requestTimeoutSeconds` 2 so that timeouts
//! are quick (60 for the Cancel cells, so that the timeout cannot come first).
//!
//! Two rows need the API on another origin than the page (on one origin CORS never applies):
//! "no CORS headers" points the sign-in panel's API base URL at a second listener of the same
//! fake; "unreachable" points it at a closed loopback port (sign-in), or at a loopback relay to
//! that second listener which is shut once signed in (save, test mail) or while the load is
//! under way (load).

use std::fmt::Write as _;
use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use fake_commandcenter::{Endpoint, Fault, FaultBody, DEFAULT_LOGIN_PASSWORD, DEFAULT_LOGIN_USER};
use serde_json::Value;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};
use tokio::task::JoinHandle;

use crate::harness::{
    demo_fake, wait_until, Csp, Failure, Form, Outcome, Page, Probe, Serving, EMAIL_SERVER_PATH,
    LOADED_CONFIGURED, LOGIN_PATH, TEST_MAIL_PATH,
};

/// Served as `config.json`: the default API base URL, and quick timeouts.
const QUICK_TIMEOUT_CONFIG: &str =
    r#"{"apiBaseUrl": "/commandcenter/api", "requestTimeoutSeconds": 2}"#;
/// For the Cancel cells: a timeout long enough that only Cancel can end the call.
const LONG_TIMEOUT_CONFIG: &str =
    r#"{"apiBaseUrl": "/commandcenter/api", "requestTimeoutSeconds": 60}"#;
/// The fake waits this long (4 times the timeout) before it answers a "too slow" call.
const BEYOND_THE_TIMEOUT_MS: u64 = 8_000;
/// The fake waits this long before it answers a call that is to be cancelled.
const UNTIL_CANCELLED_MS: u64 = 30_000;
/// How long anything in a cell may take to show (a timeout takes 2 s of it).
const WAIT: Duration = Duration::from_secs(10);

/// The sender name typed before a save or a test mail.
const EDITED_SENDER_NAME: &str = "Backup alerts (fault matrix)";
/// What `ErrorCode` answers with.
const ERROR_CODE: i64 = 42;
const ERROR_MESSAGE: &str = "Simulated refusal from the fault matrix";
/// The size of the large bodies: well over the page's 256 KiB limit.
const LARGE_BODY_BYTES: usize = 3 * 1024 * 1024;

// ----- the matrix: columns, rows, expectations -----

/// A column: what the page was doing when the call failed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Action {
    SignIn,
    Load,
    Save,
    TestMail,
}

impl Action {
    const ALL: [Action; 4] = [Action::SignIn, Action::Load, Action::Save, Action::TestMail];

    fn title(self) -> &'static str {
        match self {
            Action::SignIn => "sign-in",
            Action::Load => "load",
            Action::Save => "save",
            Action::TestMail => "test mail",
        }
    }

    fn endpoint(self) -> Endpoint {
        match self {
            Action::SignIn => Endpoint::Login,
            Action::Load => Endpoint::GetEmailServer,
            Action::Save => Endpoint::PutEmailServer,
            Action::TestMail => Endpoint::TestEmailServer,
        }
    }

    /// The request the fault is played on: (method, path as recorded).
    fn request(self) -> (&'static str, &'static str) {
        match self {
            Action::SignIn => ("POST", LOGIN_PATH),
            Action::Load => ("GET", EMAIL_SERVER_PATH),
            Action::Save => ("PUT", EMAIL_SERVER_PATH),
            Action::TestMail => ("POST", TEST_MAIL_PATH),
        }
    }

    /// Where the message shows.
    fn area(self) -> &'static str {
        match self {
            Action::SignIn => "#sign-in-status",
            Action::Load => "#load-status",
            Action::Save | Action::TestMail => "#form-status",
        }
    }

    /// How a refusal (200 with errorCode ≠ 0) starts, where the contract says.
    fn refusal_prefix(self) -> Option<&'static str> {
        match self {
            Action::SignIn => Some("Command Center refused the sign-in:"),
            Action::Load => None,
            Action::Save => Some("Command Center refused the settings:"),
            Action::TestMail => Some("The test email failed:"),
        }
    }
}

/// A row: what goes wrong.
#[derive(Clone, Debug)]
enum Trouble {
    /// The fake answers only long after the page's timeout.
    TooSlow,
    /// The fake takes long; the administrator presses `#cancel-request`.
    Cancelled,
    /// The fake plays this fault on the action's endpoint.
    Fault(Fault),
    /// The API is on another origin and answers without CORS headers.
    NoCors,
    /// Nothing listens where the API base URL points.
    Unreachable,
}

/// The message category a row must produce (issue 5's table).
#[derive(Clone, Debug, PartialEq, Eq)]
enum Expect {
    Timeout,
    Cancelled,
    Unreachable,
    Cors,
    /// HTTP 401; on the settings page the "Sign in again" dialog opens too.
    Unauthorized,
    Forbidden,
    NotFound,
    BadRequest,
    /// 5xx; with `title` an HTML body that must be quoted by its title only.
    ServerError {
        status: u16,
        title: Option<String>,
    },
    Unreadable,
    Rejected,
}

impl Expect {
    /// The category's name in the table.
    fn category(&self) -> String {
        match self {
            Expect::Timeout => "timeout".into(),
            Expect::Cancelled => "cancelled".into(),
            Expect::Unreachable => "unreachable".into(),
            Expect::Cors => "CORS".into(),
            Expect::Unauthorized => "HTTP 401".into(),
            Expect::Forbidden => "HTTP 403".into(),
            Expect::NotFound => "HTTP 404".into(),
            Expect::BadRequest => "HTTP 400".into(),
            Expect::ServerError { status, .. } => format!("HTTP {status}"),
            Expect::Unreadable => "unreadable".into(),
            Expect::Rejected => "errorCode".into(),
        }
    }

    /// What is wrong with `message` for this category in `action`, if anything.
    fn mismatch(&self, action: Action, message: &str) -> Option<String> {
        let mut wanted: Vec<String> = match self {
            Expect::Timeout => vec!["did not answer within".into()],
            Expect::Cancelled => {
                return (!message.starts_with("Cancelled."))
                    .then(|| "does not start with \"Cancelled.\"".to_owned())
            }
            Expect::Unreachable => vec!["Could not reach Command Center".into()],
            Expect::Cors => vec!["The browser blocked the answer".into(), "CORS".into()],
            Expect::Unauthorized => vec!["HTTP 401".into()],
            Expect::Forbidden => vec!["HTTP 403".into(), "permission".into()],
            Expect::NotFound => vec!["HTTP 404".into(), "base URL".into()],
            Expect::BadRequest => vec!["HTTP 400".into()],
            Expect::ServerError { status, title } => {
                let mut wanted = vec![format!("Command Center failed (HTTP {status})")];
                if let Some(title) = title {
                    wanted.push(format!("an HTML page titled “{title}”"));
                }
                wanted
            }
            Expect::Unreadable => vec!["did not come from Command Center's API".into()],
            Expect::Rejected => {
                let mut wanted = vec![ERROR_MESSAGE.into(), format!("(error code {ERROR_CODE})")];
                wanted.extend(action.refusal_prefix().map(String::from));
                wanted
            }
        };
        wanted.retain(|phrase| !message.contains(phrase.as_str()));
        if !wanted.is_empty() {
            return Some(format!("lacks {wanted:?}"));
        }
        // Markup from an HTML body must never reach the page as text.
        message
            .contains('<')
            .then(|| "quotes markup (\"<\")".to_owned())
    }
}

/// One row of the matrix.
struct Row {
    label: String,
    trouble: Trouble,
    expect: Expect,
}

fn row(label: impl Into<String>, trouble: Trouble, expect: Expect) -> Row {
    Row {
        label: label.into(),
        trouble,
        expect,
    }
}

/// HTTP `status` with a body of `kind`: "JSON" (Command Center's error object), "HTML" (a
/// proxy's error page) or "empty".
fn status_row(status: u16, kind: &str) -> Row {
    let reason = match status {
        400 => "Bad Request",
        401 => "Unauthorized",
        403 => "Forbidden",
        404 => "Not Found",
        500 => "Internal Server Error",
        502 => "Bad Gateway",
        503 => "Service Unavailable",
        _ => "",
    };
    let body = match kind {
        "JSON" => FaultBody::command_center_error(status),
        "HTML" => FaultBody::Html,
        _ => FaultBody::Empty,
    };
    let expect = match status {
        400 => Expect::BadRequest,
        401 => Expect::Unauthorized,
        403 => Expect::Forbidden,
        404 => Expect::NotFound,
        _ => Expect::ServerError {
            status,
            title: (kind == "HTML").then(|| format!("{status} {reason}")),
        },
    };
    row(
        format!("HTTP {status}, {kind} body"),
        Trouble::Fault(Fault::Status { status, body }),
        expect,
    )
}

fn rows() -> Vec<Row> {
    let mut rows = vec![
        row(
            format!("delay ({BEYOND_THE_TIMEOUT_MS} ms) beyond the 2 s timeout"),
            Trouble::TooSlow,
            Expect::Timeout,
        ),
        row("delay, then Cancel", Trouble::Cancelled, Expect::Cancelled),
        status_row(400, "JSON"),
        status_row(401, "JSON"),
        status_row(401, "HTML"),
        status_row(401, "empty"),
        status_row(403, "JSON"),
    ];
    for status in [404, 500, 502, 503] {
        for kind in ["JSON", "HTML", "empty"] {
            rows.push(status_row(status, kind));
        }
    }
    rows.extend([
        row(
            "200, malformed JSON",
            Trouble::Fault(Fault::MalformedJson),
            Expect::Unreadable,
        ),
        row(
            format!("200, errorCode {ERROR_CODE}"),
            Trouble::Fault(Fault::ErrorCode {
                code: ERROR_CODE,
                message: ERROR_MESSAGE.into(),
            }),
            Expect::Rejected,
        ),
        row(
            "200, 3 MB body",
            Trouble::Fault(Fault::LargeBody {
                bytes: LARGE_BODY_BYTES,
                status: 200,
            }),
            Expect::Unreadable,
        ),
        row(
            "502, 3 MB body",
            Trouble::Fault(Fault::LargeBody {
                bytes: LARGE_BODY_BYTES,
                status: 502,
            }),
            // Not read at all, so no title to quote.
            Expect::ServerError {
                status: 502,
                title: None,
            },
        ),
        row(
            "dropped connection",
            Trouble::Fault(Fault::DropConnection),
            Expect::Unreachable,
        ),
        row(
            "no CORS headers (API on another origin)",
            Trouble::NoCors,
            Expect::Cors,
        ),
        row(
            "unreachable (closed loopback port)",
            Trouble::Unreachable,
            Expect::Unreachable,
        ),
    ]);
    rows
}

/// The fault the fake plays on the action's endpoint for this row, if any.
fn fault_of(trouble: &Trouble) -> Option<Fault> {
    // After the wait comes an error rather than the normal answer, so that a call the page has
    // given up on cannot store anything later (and leak into the next cell); within the wait
    // the page cannot tell the difference.
    let late_error = || {
        Box::new(Fault::Status {
            status: 504,
            body: FaultBody::command_center_error(504),
        })
    };
    match trouble {
        Trouble::TooSlow => Some(Fault::Delayed {
            ms: BEYOND_THE_TIMEOUT_MS,
            then: late_error(),
        }),
        Trouble::Cancelled => Some(Fault::Delayed {
            ms: UNTIL_CANCELLED_MS,
            then: late_error(),
        }),
        Trouble::Fault(fault) => Some(fault.clone()),
        // The usual answer, without CORS headers.
        Trouble::NoCors => Some(Fault::NoCors { status: 200 }),
        Trouble::Unreachable => None,
    }
}

/// The status the fake records for the faulty call (0: dropped), where the row decides it.
fn recorded_status(trouble: &Trouble) -> Option<u16> {
    match trouble {
        Trouble::Fault(Fault::Status { status, .. } | Fault::LargeBody { status, .. }) => {
            Some(*status)
        }
        Trouble::Fault(Fault::MalformedJson | Fault::ErrorCode { .. }) | Trouble::NoCors => {
            Some(200)
        }
        Trouble::Fault(Fault::DropConnection) => Some(0),
        // Still waiting, or answered late: the page gave up before.
        _ => None,
    }
}

/// The category of a message, as the table shows it.
fn categorize(message: &str) -> String {
    let checks: [(&str, &str); 9] = [
        ("did not answer within", "timeout"),
        ("The browser blocked the answer", "CORS"),
        ("mixed content", "mixed content"),
        ("Could not reach Command Center", "unreachable"),
        ("did not come from Command Center's API", "unreadable"),
        ("(error code ", "errorCode"),
        ("refused the sign-in", "sign-in refused"),
        ("Fix the highlighted", "invalid form"),
        ("Command Center answered HTTP", "other status"),
    ];
    if message.starts_with("Cancelled.") {
        return "cancelled".into();
    }
    if let Some((_, category)) = checks.iter().find(|(phrase, _)| message.contains(phrase)) {
        return (*category).into();
    }
    if let Some(at) = message.find("HTTP ") {
        let status: String = message[at + 5..]
            .chars()
            .take_while(char::is_ascii_digit)
            .collect();
        if !status.is_empty() {
            return format!("HTTP {status}");
        }
    }
    "other".into()
}

// ----- one cell -----

/// What a cell showed and whether it passed.
struct Cell {
    /// The table text.
    shown: String,
    /// Why it failed, with the message seen.
    failure: Option<String>,
}

/// What a cell saw on its way, for the table.
#[derive(Default)]
struct Seen {
    message: Option<String>,
    reauth: bool,
}

impl Seen {
    fn category(&self) -> String {
        let mut category = self
            .message
            .as_deref()
            .map_or_else(|| "no message".to_owned(), categorize);
        if self.reauth {
            category.push_str(" + sign in again");
        }
        category
    }
}

/// A column's browser and fake, and the API on a second origin.
struct Column {
    action: Action,
    page: Page,
    /// The same fake on another loopback port: another origin than the page.
    other_origin: SocketAddr,
    /// What the fake stores at the start of every cell.
    settings: Value,
}

impl Column {
    async fn open(action: Action) -> Outcome<Self> {
        // No Content-Security-Policy: its cross-origin rows call origins a policy would list.
        let serving = Serving {
            config_json: Some(QUICK_TIMEOUT_CONFIG.to_owned()),
            csp: Csp::None,
            ..Serving::default()
        };
        let page = Page::open_on(demo_fake()?, serving).await?;
        let other_origin = page.fake.spawn_local().await?;
        let settings = page.fake.stored_settings();
        Ok(Self {
            action,
            page,
            other_origin,
            settings,
        })
    }

    async fn run(&self, row: &Row) -> Cell {
        let mut seen = Seen::default();
        let outcome = self.cell(row, &mut seen).await;
        let category = seen.category();
        match outcome {
            Ok(()) => Cell {
                shown: format!("{category} ✓"),
                failure: None,
            },
            Err(failure) => Cell {
                shown: format!("{category} ✗"),
                failure: Some(format!(
                    "{failure}\n    message seen: {:?}",
                    seen.message.as_deref().unwrap_or("(none)")
                )),
            },
        }
    }

    /// Plays `row` against the column's action and checks everything.
    async fn cell(&self, row: &Row, seen: &mut Seen) -> Outcome {
        let (page, action) = (&self.page, self.action);
        self.start_clean(&row.trouble).await?;
        let console_from = page.console_log_flushed().await?.len();

        // Where the API is for this cell.
        let mut relay = None;
        match (&row.trouble, action) {
            (Trouble::NoCors, _) => {
                page.fill("API base URL", &api_url(self.other_origin))
                    .await?;
            }
            (Trouble::Unreachable, Action::SignIn) => {
                page.fill("API base URL", &api_url(closed_port().await?))
                    .await?;
            }
            (Trouble::Unreachable, _) => {
                let opened = Relay::open(self.other_origin).await?;
                page.fill("API base URL", &api_url(opened.address)).await?;
                relay = Some(opened);
            }
            _ => {}
        }
        let base_url = page.value("API base URL").await?;
        let fault = fault_of(&row.trouble);
        let edited = Form {
            sender_name: EDITED_SENDER_NAME,
            ..Form::demo()
        };

        let message = match action {
            Action::SignIn => {
                page.fake.set_fault(Endpoint::Login, fault);
                page.sign_in_with_password(DEFAULT_LOGIN_USER, DEFAULT_LOGIN_PASSWORD)
                    .await?;
                if matches!(row.trouble, Trouble::Cancelled) {
                    press(page, "#sign-in-cancel").await?;
                }
                page.wait_for_sign_in_alert().await?
            }
            Action::Load => {
                match relay.as_mut() {
                    // Held back until the relay is shut: then nothing answers any more.
                    Some(_) => page
                        .fake
                        .set_fault(Endpoint::GetEmailServer, Some(Fault::Delay { ms: 20_000 })),
                    None => page.fake.set_fault(Endpoint::GetEmailServer, fault),
                }
                page.sign_in_with_password(DEFAULT_LOGIN_USER, DEFAULT_LOGIN_PASSWORD)
                    .await?;
                page.wait_until_signed_in().await?;
                if let Some(relay) = relay.as_mut() {
                    self.wait_for_request("GET", EMAIL_SERVER_PATH).await?;
                    relay.shut().await?;
                }
                if matches!(row.trouble, Trouble::Cancelled) {
                    press_cancel(page).await?;
                }
                page.wait_for_load_alert().await?
            }
            Action::Save | Action::TestMail => {
                let loaded = page.log_in().await?;
                ensure_eq!(
                    loaded,
                    LOADED_CONFIGURED,
                    "#load-status before the {}",
                    action.title()
                );
                page.fill("Sender name", EDITED_SENDER_NAME).await?;
                page.fake.set_fault(action.endpoint(), fault);
                if let Some(relay) = relay.as_mut() {
                    relay.shut().await?;
                }
                if action == Action::Save {
                    page.save_and_confirm().await?;
                } else {
                    page.click("send-test").await?;
                }
                if matches!(row.trouble, Trouble::Cancelled) {
                    press_cancel(page).await?;
                }
                page.wait_for_alert().await?
            }
        };
        seen.message = Some(message);

        // A 401 on the settings page asks to sign in again; Cancel leaves the message.
        if action != Action::SignIn {
            if row.expect == Expect::Unauthorized {
                page.wait_for_reauth(true).await?;
                seen.reauth = true;
                page.click("reauth-cancel").await?;
                page.wait_for_reauth(false).await?;
                let css = format!("{} [role=alert]", action.area());
                let after = page.text_of(&css).await?;
                ensure!(
                    after.is_some(),
                    "the {} alert is gone after Cancel in \"Sign in again\"",
                    action.area()
                );
                seen.message = after;
            } else {
                ensure!(
                    !page.reauth_is_open().await?,
                    "the \"Sign in again\" dialog opened although the answer was no 401"
                );
            }
        }
        let message = seen.message.clone().unwrap_or_default();
        if let Some(mismatch) = row.expect.mismatch(action, &message) {
            return Err(Failure::new(format!(
                "expected {} in {}: the message {mismatch}",
                row.expect.category(),
                action.area()
            )));
        }

        // The form kept its values, and the buttons work again.
        match action {
            Action::SignIn => {
                page.ensure_on_sign_in_panel().await?;
                ensure_eq!(
                    page.value("User name").await?,
                    DEFAULT_LOGIN_USER,
                    "the user name after the failed sign-in"
                );
                ensure_eq!(
                    page.value("API base URL").await?,
                    base_url,
                    "the API base URL after the failed sign-in"
                );
                page.wait_for_button("sign-in", "Sign in", true).await?;
            }
            Action::Load => {
                empty_form().check_shown(page).await?;
                wait_until_gone(page, "#cancel-request").await?;
                for id in ["send-test", "load-retry", "load-start-empty", "sign-out"] {
                    page.wait_for_enabled(id, true).await?;
                }
                // The contract: Save stays disabled after a failed load.
                page.wait_for_enabled("save", false).await?;
            }
            Action::Save | Action::TestMail => {
                edited.check_shown(page).await?;
                wait_until_gone(page, "#cancel-request").await?;
                page.wait_for_button("save", "Save", true).await?;
                page.wait_for_enabled("discard", true).await?;
                page.wait_for_button("send-test", "Send test email", true)
                    .await?;
                page.wait_for_enabled("sign-out", true).await?;
            }
        }

        // The fault was really played: the fake answered the call as the row says (when
        // nothing listens, nothing may arrive after the API went away).
        let (method, path) = action.request();
        let statuses: Vec<u16> = page
            .requests_to(method, path)
            .iter()
            .map(|request| request.status)
            .collect();
        match (&row.trouble, action) {
            (Trouble::Unreachable, Action::Load) => ensure!(
                !statuses.is_empty(),
                "the fake never received {method} {path} before the relay was shut"
            ),
            (Trouble::Unreachable, _) => ensure!(
                statuses.is_empty(),
                "{method} {path} reached the fake although the API was unreachable: {statuses:?}"
            ),
            (trouble, _) => {
                ensure!(
                    !statuses.is_empty(),
                    "the fake never received {method} {path}: the cell did not play its fault"
                );
                if let Some(status) = recorded_status(trouble) {
                    ensure!(
                        statuses.contains(&status),
                        "the fake answered {method} {path} with {statuses:?}, not {status}"
                    );
                }
            }
        }

        // Nothing panicked.
        ensure!(
            !page.exists("#page-error").await?,
            "#page-error shows: {:?}",
            page.text_of("#page-error").await?
        );
        let lines = page.console_log_flushed().await?;
        let panics: Vec<&String> = lines
            .iter()
            .skip(console_from)
            .filter(|line| line.to_lowercase().contains("panicked"))
            .collect();
        ensure!(panics.is_empty(), "the console shows a panic: {panics:?}");
        Ok(())
    }

    /// No fault set, the stored settings as at the start, no requests recorded, and a freshly
    /// loaded page (with the timeout the row needs).
    async fn start_clean(&self, trouble: &Trouble) -> Outcome {
        let fake = &self.page.fake;
        for endpoint in Endpoint::ALL {
            fake.set_fault(endpoint, None);
        }
        self.restore_settings().await?;
        fake.clear_requests();
        fake.clear_sent_test_mails();
        let config = match trouble {
            Trouble::Cancelled => LONG_TIMEOUT_CONFIG,
            _ => QUICK_TIMEOUT_CONFIG,
        };
        self.page.set_config_json(config)?;
        self.page.reload_without_asking().await
    }

    /// Undoes what a cell stored (a save whose answer the browser blocked did store): PUTs the
    /// changed fields back, as an API client would.
    async fn restore_settings(&self) -> Outcome {
        let now = self.page.fake.stored_settings();
        if now == self.settings {
            return Ok(());
        }
        let mut body = serde_json::Map::new();
        for key in [
            "SMTPServerName",
            "SMTPPort",
            "senderEmail",
            "senderName",
            "encryptionAlgorithm",
        ] {
            if now.get(key) != self.settings.get(key) {
                body.insert(key.into(), self.settings[key].clone());
            }
        }
        let status = put_settings(self.other_origin, &Value::Object(body)).await?;
        let restored = self.page.fake.stored_settings();
        ensure!(
            status == 200 && restored == self.settings,
            "cannot restore the settings {} (PUT answered {status}): they are {restored}",
            self.settings
        );
        Ok(())
    }

    /// Waits until the fake has received `method path`.
    async fn wait_for_request(&self, method: &str, path: &str) -> Outcome {
        wait_until(
            &format!("the fake to receive {method} {path}"),
            WAIT,
            || async {
                Ok(if self.page.requests_to(method, path).is_empty() {
                    Probe::NotYet("not yet".into())
                } else {
                    Probe::Done(())
                })
            },
        )
        .await
    }
}

/// The settings form as it is before anything loaded.
fn empty_form() -> Form {
    Form {
        smtp_server: "",
        smtp_port: "",
        encryption: None,
        sender_email: "",
        sender_name: "",
        sign_in: false,
        username: "",
        password: "",
    }
}

/// Waits for `#cancel-request` (shown while a call is in flight) and presses it.
async fn press_cancel(page: &Page) -> Outcome {
    press(page, "#cancel-request").await
}

/// Waits for a Cancel button (it only exists while its call is in flight) and presses it.
async fn press(page: &Page, css: &str) -> Outcome {
    wait_until(&format!("{css} to show"), WAIT, || async {
        Ok(if page.exists(css).await? {
            Probe::Done(())
        } else {
            Probe::NotYet(format!("no {css}"))
        })
    })
    .await?;
    page.click(css.trim_start_matches('#')).await
}

async fn wait_until_gone(page: &Page, css: &str) -> Outcome {
    wait_until(&format!("{css} to go away"), WAIT, || async {
        Ok(if page.exists(css).await? {
            Probe::NotYet(format!("{css} still exists"))
        } else {
            Probe::Done(())
        })
    })
    .await
}

fn api_url(address: SocketAddr) -> String {
    format!("http://{address}/commandcenter/api")
}

/// A loopback address where nothing listens (it did a moment ago).
async fn closed_port() -> Outcome<SocketAddr> {
    let listener = TcpListener::bind("127.0.0.1:0").await?;
    Ok(listener.local_addr()?)
}

/// `PUT /V4/EmailServer` with the fake's static token, over a plain HTTP/1.1 connection;
/// returns the status.
async fn put_settings(fake: SocketAddr, body: &Value) -> Outcome<u16> {
    let body = body.to_string();
    let request = format!(
        "PUT {EMAIL_SERVER_PATH} HTTP/1.1\r\nHost: {fake}\r\nAuthtoken: {}\r\n\
         Accept: application/json\r\nContent-Type: application/json\r\n\
         Content-Length: {}\r\nConnection: close\r\n\r\n{body}",
        fake_commandcenter::DEFAULT_TOKEN,
        body.len()
    );
    let exchange = async {
        let mut stream = TcpStream::connect(fake).await?;
        stream.write_all(request.as_bytes()).await?;
        let mut answer = Vec::new();
        stream.read_to_end(&mut answer).await?;
        Outcome::Ok(answer)
    };
    let answer = tokio::time::timeout(WAIT, exchange)
        .await
        .map_err(|_| Failure::new("the fake did not answer the restoring PUT"))??;
    let answer = String::from_utf8_lossy(&answer);
    answer
        .split_whitespace()
        .nth(1)
        .and_then(|status| status.parse().ok())
        .ok_or_else(|| Failure::new(format!("the restoring PUT got no status: {answer:?}")))
}

/// A loopback TCP relay to the fake that can be shut: then its port is closed and every
/// connection through it is cut, as when Command Center goes away.
struct Relay {
    address: SocketAddr,
    acceptor: Option<JoinHandle<()>>,
    connections: Arc<Mutex<Vec<JoinHandle<()>>>>,
}

impl Relay {
    async fn open(target: SocketAddr) -> Outcome<Self> {
        let listener = TcpListener::bind("127.0.0.1:0").await?;
        let address = listener.local_addr()?;
        let connections = Arc::new(Mutex::new(Vec::new()));
        let acceptor = tokio::spawn({
            let connections = connections.clone();
            async move {
                while let Ok((mut inbound, _)) = listener.accept().await {
                    let relay = tokio::spawn(async move {
                        if let Ok(mut outbound) = TcpStream::connect(target).await {
                            let _ =
                                tokio::io::copy_bidirectional(&mut inbound, &mut outbound).await;
                        }
                    });
                    lock(&connections).push(relay);
                }
            }
        });
        Ok(Self {
            address,
            acceptor: Some(acceptor),
            connections,
        })
    }

    /// Closes the port, cuts every connection, and waits until the port refuses connections.
    async fn shut(&mut self) -> Outcome {
        if let Some(acceptor) = self.acceptor.take() {
            acceptor.abort();
            let _ = acceptor.await;
        }
        let connections: Vec<_> = lock(&self.connections).drain(..).collect();
        for connection in connections {
            connection.abort();
            let _ = connection.await;
        }
        let address = self.address;
        wait_until("the relay's port to be closed", WAIT, || async move {
            Ok(match TcpStream::connect(address).await {
                Ok(_) => Probe::NotYet("it still accepts connections".into()),
                Err(_) => Probe::Done(()),
            })
        })
        .await
    }
}

impl Drop for Relay {
    fn drop(&mut self) {
        if let Some(acceptor) = self.acceptor.take() {
            acceptor.abort();
        }
        for connection in lock(&self.connections).drain(..) {
            connection.abort();
        }
    }
}

fn lock<T>(mutex: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(|e| e.into_inner())
}

// ----- the test -----

/// Runs every row against `action`; a column that cannot start fails every cell with why.
async fn run_column(action: Action, rows: &[Row]) -> Vec<Cell> {
    let column = match Column::open(action).await {
        Ok(column) => column,
        Err(failure) => {
            return rows
                .iter()
                .map(|_| Cell {
                    shown: "not run ✗".into(),
                    failure: Some(format!(
                        "the {} column did not start: {failure}",
                        action.title()
                    )),
                })
                .collect()
        }
    };
    let mut cells = Vec::with_capacity(rows.len());
    for row in rows {
        cells.push(column.run(row).await);
    }
    if let Err(failure) = column.page.close().await {
        eprintln!("closing the {} column's browser: {failure}", action.title());
    }
    cells
}

/// The matrix as a Markdown table, then the failing cells.
fn report(rows: &[Row], columns: &[Vec<Cell>], took: Duration) -> (String, Vec<String>) {
    let mut table = String::from("# Fault matrix\n\n| fault |");
    for action in Action::ALL {
        let _ = write!(table, " {} |", action.title());
    }
    table.push_str("\n|---|");
    table.push_str(&"---|".repeat(Action::ALL.len()));
    table.push('\n');
    let mut failures = Vec::new();
    for (r, row) in rows.iter().enumerate() {
        let _ = write!(table, "| {} |", row.label);
        for (action, cells) in Action::ALL.iter().zip(columns) {
            let cell = &cells[r];
            let _ = write!(table, " {} |", cell.shown);
            if let Some(failure) = &cell.failure {
                failures.push(format!("[{} × {}] {failure}", row.label, action.title()));
            }
        }
        table.push('\n');
    }
    let _ = write!(
        table,
        "\nEach cell: the category of the message the page showed, ✓ when every check of the \
         cell passed (the category in the right place, the form's values kept, the buttons \
         enabled again, no panic). Request timeout 2 s; {} cells run in {:.0} s.\n",
        columns.iter().flatten().count(),
        took.as_secs_f64()
    );
    if failures.is_empty() {
        table.push_str("\nNo failing cell.\n");
    } else {
        let _ = write!(table, "\n## Failing cells ({})\n\n", failures.len());
        for failure in &failures {
            let _ = writeln!(table, "- {failure}");
        }
    }
    (table, failures)
}

#[tokio::test(flavor = "multi_thread")]
#[ignore = "needs the release build and Chromium: run `cargo xtask test`"]
async fn every_fault_shows_its_message_in_every_action() -> Outcome {
    let started = Instant::now();
    let rows = rows();
    let (sign_in, load, save, test_mail) = tokio::join!(
        run_column(Action::SignIn, &rows),
        run_column(Action::Load, &rows),
        run_column(Action::Save, &rows),
        run_column(Action::TestMail, &rows),
    );
    let (table, failures) = report(&rows, &[sign_in, load, save, test_mail], started.elapsed());
    println!("{table}");
    let target = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target");
    std::fs::create_dir_all(&target)?;
    std::fs::write(target.join("fault-matrix.md"), &table)?;
    ensure!(
        failures.is_empty(),
        "{} failing cells:\n{}",
        failures.len(),
        failures.join("\n")
    );
    Ok(())
}
