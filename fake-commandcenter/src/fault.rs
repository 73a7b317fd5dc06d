use std::fmt;
use std::num::NonZeroU32;
use std::str::FromStr;

use axum::http::Method;
use serde_json::{json, Value};

/// One API call the fake answers; faults are set per endpoint.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Endpoint {
    /// `GET /V4/EmailServer`
    GetEmailServer,
    /// `POST /V4/EmailServer`
    PostEmailServer,
    /// `PUT /V4/EmailServer`
    PutEmailServer,
    /// `POST /V4/EmailServer/Action/Test`
    TestEmailServer,
    /// `POST /Login`
    Login,
    /// `POST /Logout`
    Logout,
}

impl Endpoint {
    pub const ALL: [Endpoint; 6] = [
        Endpoint::GetEmailServer,
        Endpoint::PostEmailServer,
        Endpoint::PutEmailServer,
        Endpoint::TestEmailServer,
        Endpoint::Login,
        Endpoint::Logout,
    ];

    /// The name the control API uses, e.g. `post-email-server`.
    pub fn name(self) -> &'static str {
        match self {
            Endpoint::GetEmailServer => "get-email-server",
            Endpoint::PostEmailServer => "post-email-server",
            Endpoint::PutEmailServer => "put-email-server",
            Endpoint::TestEmailServer => "test-email-server",
            Endpoint::Login => "login",
            Endpoint::Logout => "logout",
        }
    }

    pub fn from_name(name: &str) -> Option<Self> {
        Self::ALL
            .into_iter()
            .find(|endpoint| endpoint.name() == name)
    }

    pub fn method(self) -> Method {
        match self {
            Endpoint::GetEmailServer => Method::GET,
            Endpoint::PostEmailServer
            | Endpoint::TestEmailServer
            | Endpoint::Login
            | Endpoint::Logout => Method::POST,
            Endpoint::PutEmailServer => Method::PUT,
        }
    }

    /// Path below [`crate::API_PREFIX`], spelled as the vendor's curl examples do; requests
    /// match it case-insensitively.
    pub fn path(self) -> &'static str {
        match self {
            Endpoint::GetEmailServer | Endpoint::PostEmailServer | Endpoint::PutEmailServer => {
                "/V4/EmailServer"
            }
            Endpoint::TestEmailServer => "/V4/EmailServer/Action/Test",
            Endpoint::Login => "/Login",
            Endpoint::Logout => "/Logout",
        }
    }
}

impl fmt::Display for Endpoint {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl FromStr for Endpoint {
    type Err = String;

    fn from_str(name: &str) -> Result<Self, Self::Err> {
        Self::from_name(name).ok_or_else(|| {
            let known: Vec<&str> = Self::ALL.iter().map(|endpoint| endpoint.name()).collect();
            format!("unknown endpoint '{name}' (known: {})", known.join(", "))
        })
    }
}

/// What goes wrong on an endpoint instead of (or before) its normal answer.
///
/// `Status`, `MalformedJson`, `DropConnection` and `LargeBody` stand for a broken proxy or
/// network: they replace the answer before the token or body is looked at, and nothing is
/// stored (no Login session is created or ended).
/// `ErrorCode` stands for the server itself failing: the token and body are checked first
/// (401/400 as usual), then it answers 200 with the error instead of storing anything.
/// `NoCors` stands for a server (or proxy) that does not send CORS headers: see there.
#[derive(Clone, Debug)]
pub enum Fault {
    /// Wait, then answer normally.
    Delay { ms: u64 },
    /// Answer this status and body instead. A status outside 100..=999 is answered as 500.
    Status { status: u16, body: FaultBody },
    /// 200 `{"errorMessage": message, "errorCode": code}`, nothing stored. On `Login` (whose
    /// failures have another shape) 200 `{"errList": [{"errLogMessage": message, "errorCode":
    /// code}]}` and no token, after the credentials were checked (wrong ones still get 401).
    ErrorCode { code: i64, message: String },
    /// 200 with a truncated JSON body.
    MalformedJson,
    /// Close the connection without an answer: no status line, no bytes.
    DropConnection,
    /// Answer `status` with an HTML body (`Content-Type: text/html; charset=utf-8`) of exactly
    /// `bytes` bytes, with `Content-Length`, streamed in chunks (never built whole in memory).
    /// It carries the usual CORS header. A status outside 100..=999 is answered as 500.
    LargeBody { bytes: usize, status: u16 },
    /// The answer carries no `Access-Control-Allow-*` header at all, so a cross-origin `fetch`
    /// cannot read it (preflights are still answered normally, so the call itself is sent).
    /// With a 2xx `status` the request is handled as usual (token and body checked, settings
    /// stored, Login session created or ended) and the usual body goes out with `status`
    /// instead of the usual status when that was a success (a 400/401/404/405 stays as it
    /// was). With any other status the answer is that status with
    /// [`FaultBody::command_center_error`]'s body, and nothing is stored. A status outside
    /// 100..=999 is answered as 500.
    NoCors { status: u16 },
    /// Wait `ms`, then apply `then` (which may itself be `Delayed`).
    Delayed { ms: u64, then: Box<Fault> },
}

/// Body of a [`Fault::Status`] answer.
#[derive(Clone, Debug)]
pub enum FaultBody {
    /// Sent as is with `Content-Type: application/json` (it need not be valid JSON).
    Json(String),
    /// An error page such as a reverse proxy sends, `Content-Type: text/html`.
    Html,
    /// No body at all.
    Empty,
}

/// `"502 Bad Gateway"`; statuses without a reason phrase are just the number and "Error".
pub(crate) fn status_title(status: u16) -> String {
    let reason = axum::http::StatusCode::from_u16(status)
        .ok()
        .and_then(|status| status.canonical_reason())
        .unwrap_or("Error");
    format!("{status} {reason}")
}

const FAULT_KINDS: &str =
    "delay, status, error_code, malformed_json, drop_connection, large_body, no_cors, delayed";

impl Fault {
    /// Parses the control API's fault JSON:
    /// `{"kind":"delay","ms":500}` |
    /// `{"kind":"status","status":500,"body":"html"|"empty"|"json"|{"json":"..."}}` |
    /// `{"kind":"error_code","code":5,"message":"..."}` | `{"kind":"malformed_json"}` |
    /// `{"kind":"drop_connection"}` | `{"kind":"large_body","bytes":5000000,"status":502}` |
    /// `{"kind":"no_cors","status":200}` | `{"kind":"delayed","ms":500,"then":<fault>}`.
    /// For `status`, `body` defaults to `"empty"`, and `"json"` means
    /// [`FaultBody::command_center_error`] for that status; for `error_code`, `message`
    /// defaults to `""`. Unknown keys are refused, and so is `"times"`: it is a member of the
    /// `PUT /__fake/faults/{endpoint}` body (its outermost object), not part of a fault.
    pub fn from_control_json(value: &Value) -> Result<Fault, String> {
        Self::parse_control_json(value, false).map(|(fault, _)| fault)
    }

    /// The body of `PUT /__fake/faults/{endpoint}`: a fault as [`Fault::from_control_json`]
    /// reads it plus, on the outermost object only (never inside `delayed`'s `"then"`), an
    /// optional `"times": N`, N a positive integer: the fault applies to that many requests.
    /// Without it (`None`) the fault stays until cleared.
    pub(crate) fn from_control_body(value: &Value) -> Result<(Fault, Option<NonZeroU32>), String> {
        Self::parse_control_json(value, true)
    }

    fn parse_control_json(
        value: &Value,
        takes_times: bool,
    ) -> Result<(Fault, Option<NonZeroU32>), String> {
        let object = value
            .as_object()
            .ok_or("fault must be a JSON object with a \"kind\"")?;
        let kind = object
            .get("kind")
            .and_then(Value::as_str)
            .ok_or("fault needs a string \"kind\"")?;
        let allowed: &[&str] = match kind {
            "delay" => &["kind", "ms"],
            "status" => &["kind", "status", "body"],
            "error_code" => &["kind", "code", "message"],
            "malformed_json" | "drop_connection" => &["kind"],
            "large_body" => &["kind", "bytes", "status"],
            "no_cors" => &["kind", "status"],
            "delayed" => &["kind", "ms", "then"],
            other => {
                return Err(format!(
                    "unknown fault kind '{other}' (known: {FAULT_KINDS})"
                ))
            }
        };
        // A misspelt key would otherwise silently fall back to a default.
        let is_allowed = |key: &str| allowed.contains(&key) || (takes_times && key == "times");
        if let Some(key) = object.keys().find(|key| !is_allowed(key)) {
            if key == "times" {
                return Err(
                    "key 'times' is not part of a fault: it goes beside the outermost \"kind\" of a PUT /__fake/faults body"
                        .to_owned(),
                );
            }
            return Err(format!("unknown key '{key}' for fault kind '{kind}'"));
        }
        let times = match object.get("times") {
            None => None,
            Some(times) => Some(
                times
                    .as_u64()
                    .and_then(|times| u32::try_from(times).ok())
                    .and_then(NonZeroU32::new)
                    .ok_or(format!(
                        "\"times\" must be a positive integer (how many requests the fault applies to), got {times}"
                    ))?,
            ),
        };
        let ms = || {
            object
                .get("ms")
                .and_then(Value::as_u64)
                .ok_or(format!("{kind} needs \"ms\", a non-negative integer"))
        };
        let status = || {
            object
                .get("status")
                .and_then(Value::as_u64)
                .and_then(|status| u16::try_from(status).ok())
                .filter(|status| (100..=999).contains(status))
                .ok_or(format!("{kind} needs \"status\", an integer in 100..=999"))
        };
        let fault = match kind {
            "delay" => Fault::Delay { ms: ms()? },
            "status" => {
                let status = status()?;
                let body = match object.get("body") {
                    None => FaultBody::Empty,
                    Some(body) => FaultBody::from_control_json(body, status)?,
                };
                Fault::Status { status, body }
            }
            "error_code" => {
                let code = object
                    .get("code")
                    .and_then(Value::as_i64)
                    .ok_or("error_code needs \"code\", an integer")?;
                let message = match object.get("message") {
                    None => String::new(),
                    Some(message) => message
                        .as_str()
                        .ok_or("error_code's \"message\" must be a string")?
                        .to_owned(),
                };
                Fault::ErrorCode { code, message }
            }
            "malformed_json" => Fault::MalformedJson,
            "drop_connection" => Fault::DropConnection,
            "large_body" => {
                let bytes = object
                    .get("bytes")
                    .and_then(Value::as_u64)
                    .and_then(|bytes| usize::try_from(bytes).ok())
                    .ok_or("large_body needs \"bytes\", a non-negative integer")?;
                Fault::LargeBody {
                    bytes,
                    status: status()?,
                }
            }
            "no_cors" => Fault::NoCors { status: status()? },
            _ => {
                let then = object
                    .get("then")
                    .ok_or("delayed needs \"then\", the fault to apply after the wait")?;
                let then = Fault::from_control_json(then)
                    .map_err(|message| format!("delayed's \"then\": {message}"))?;
                Fault::Delayed {
                    ms: ms()?,
                    then: Box::new(then),
                }
            }
        };
        Ok((fault, times))
    }

    /// The control API's JSON for this fault (what [`Fault::from_control_json`] reads).
    pub fn to_control_json(&self) -> Value {
        match self {
            Fault::Delay { ms } => json!({"kind": "delay", "ms": ms}),
            Fault::Status { status, body } => {
                json!({"kind": "status", "status": status, "body": body.to_control_json()})
            }
            Fault::ErrorCode { code, message } => {
                json!({"kind": "error_code", "code": code, "message": message})
            }
            Fault::MalformedJson => json!({"kind": "malformed_json"}),
            Fault::DropConnection => json!({"kind": "drop_connection"}),
            Fault::LargeBody { bytes, status } => {
                json!({"kind": "large_body", "bytes": bytes, "status": status})
            }
            Fault::NoCors { status } => json!({"kind": "no_cors", "status": status}),
            Fault::Delayed { ms, then } => {
                json!({"kind": "delayed", "ms": ms, "then": then.to_control_json()})
            }
        }
    }
}

impl FaultBody {
    /// A Command Center-style error: `Json` of `{"errorMessage": "<status> <reason phrase>",
    /// "errorCode": <status>}`, e.g. `{"errorMessage": "503 Service Unavailable", "errorCode":
    /// 503}`.
    pub fn command_center_error(status: u16) -> FaultBody {
        FaultBody::Json(
            json!({"errorMessage": status_title(status), "errorCode": status}).to_string(),
        )
    }

    fn from_control_json(value: &Value, status: u16) -> Result<FaultBody, String> {
        match value {
            Value::String(name) if name == "html" => Ok(FaultBody::Html),
            Value::String(name) if name == "empty" => Ok(FaultBody::Empty),
            Value::String(name) if name == "json" => Ok(FaultBody::command_center_error(status)),
            Value::Object(object) if object.len() == 1 => match object.get("json") {
                Some(Value::String(text)) => Ok(FaultBody::Json(text.clone())),
                _ => Err(r#"status body {"json": ...} needs a string"#.to_owned()),
            },
            _ => Err(
                r#"status "body" must be "html", "empty", "json" or {"json": "..."}"#.to_owned(),
            ),
        }
    }

    fn to_control_json(&self) -> Value {
        match self {
            FaultBody::Json(text) => json!({"json": text}),
            FaultBody::Html => json!("html"),
            FaultBody::Empty => json!("empty"),
        }
    }
}
