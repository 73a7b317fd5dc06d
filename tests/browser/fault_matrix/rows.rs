//! The matrix: its columns (what the page was doing), its rows (what went wrong) and what each
//! row must show.

use fake_commandcenter::{Endpoint, Fault, FaultBody};

use super::{
    BEYOND_THE_TIMEOUT_MS, ERROR_CODE, ERROR_MESSAGE, LARGE_BODY_BYTES, UNTIL_CANCELLED_MS,
};
use crate::harness::{EMAIL_SERVER_PATH, LOGIN_PATH, TEST_MAIL_PATH};

/// A column: what the page was doing when the call failed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Action {
    SignIn,
    Load,
    Save,
    TestMail,
}

impl Action {
    pub(super) const ALL: [Action; 4] =
        [Action::SignIn, Action::Load, Action::Save, Action::TestMail];

    pub(super) fn title(self) -> &'static str {
        match self {
            Action::SignIn => "sign-in",
            Action::Load => "load",
            Action::Save => "save",
            Action::TestMail => "test mail",
        }
    }

    pub(super) fn endpoint(self) -> Endpoint {
        match self {
            Action::SignIn => Endpoint::Login,
            Action::Load => Endpoint::GetEmailServer,
            Action::Save => Endpoint::PutEmailServer,
            Action::TestMail => Endpoint::TestEmailServer,
        }
    }

    /// The request the fault is played on: (method, path as recorded).
    pub(super) fn request(self) -> (&'static str, &'static str) {
        match self {
            Action::SignIn => ("POST", LOGIN_PATH),
            Action::Load => ("GET", EMAIL_SERVER_PATH),
            Action::Save => ("PUT", EMAIL_SERVER_PATH),
            Action::TestMail => ("POST", TEST_MAIL_PATH),
        }
    }

    /// Where the message shows.
    pub(super) fn area(self) -> &'static str {
        match self {
            Action::SignIn => "#sign-in-status",
            Action::Load => "#load-status",
            Action::Save | Action::TestMail => "#form-status",
        }
    }

    /// How a refusal (200 with errorCode ≠ 0) starts, where the contract says.
    pub(super) fn refusal_prefix(self) -> Option<&'static str> {
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
pub(super) enum Trouble {
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
pub(super) enum Expect {
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
    pub(super) fn category(&self) -> String {
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
    pub(super) fn mismatch(&self, action: Action, message: &str) -> Option<String> {
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
pub(super) struct Row {
    pub(super) label: String,
    pub(super) trouble: Trouble,
    pub(super) expect: Expect,
}

pub(super) fn row(label: impl Into<String>, trouble: Trouble, expect: Expect) -> Row {
    Row {
        label: label.into(),
        trouble,
        expect,
    }
}

/// HTTP `status` with a body of `kind`: "JSON" (Command Center's error object), "HTML" (a
/// proxy's error page) or "empty".
pub(super) fn status_row(status: u16, kind: &str) -> Row {
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

pub(super) fn rows() -> Vec<Row> {
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
pub(super) fn fault_of(trouble: &Trouble) -> Option<Fault> {
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
pub(super) fn recorded_status(trouble: &Trouble) -> Option<u16> {
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
pub(super) fn categorize(message: &str) -> String {
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
