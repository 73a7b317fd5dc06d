use std::fmt;
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
}

impl Endpoint {
    pub const ALL: [Endpoint; 4] = [
        Endpoint::GetEmailServer,
        Endpoint::PostEmailServer,
        Endpoint::PutEmailServer,
        Endpoint::TestEmailServer,
    ];

    /// The name the control API uses, e.g. `post-email-server`.
    pub fn name(self) -> &'static str {
        match self {
            Endpoint::GetEmailServer => "get-email-server",
            Endpoint::PostEmailServer => "post-email-server",
            Endpoint::PutEmailServer => "put-email-server",
            Endpoint::TestEmailServer => "test-email-server",
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
            Endpoint::PostEmailServer | Endpoint::TestEmailServer => Method::POST,
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
/// `Status`, `MalformedJson` and `DropConnection` stand for a broken proxy or network: they
/// replace the answer before the token or body is looked at, and nothing is stored.
/// `ErrorCode` stands for the server itself failing: the token and body are checked first
/// (401/400 as usual), then it answers 200 with the error instead of storing anything.
#[derive(Clone, Debug)]
pub enum Fault {
    /// Wait, then answer normally.
    Delay { ms: u64 },
    /// Answer this status and body instead. A status outside 100..=999 is answered as 500.
    Status { status: u16, body: FaultBody },
    /// 200 `{"errorMessage": message, "errorCode": code}`, nothing stored.
    ErrorCode { code: i64, message: String },
    /// 200 with a truncated JSON body.
    MalformedJson,
    /// Close the connection without an answer: no status line, no bytes.
    DropConnection,
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

impl Fault {
    /// Parses the control API's fault JSON:
    /// `{"kind":"delay","ms":500}` | `{"kind":"status","status":500,"body":"html"|"empty"|{"json":"..."}}`
    /// | `{"kind":"error_code","code":5,"message":"..."}` | `{"kind":"malformed_json"}` |
    /// `{"kind":"drop_connection"}`. For `status`, `body` defaults to `"empty"`; for
    /// `error_code`, `message` defaults to `""`.
    pub fn from_control_json(value: &Value) -> Result<Fault, String> {
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
            other => {
                return Err(format!(
                    "unknown fault kind '{other}' (known: delay, status, error_code, malformed_json, drop_connection)"
                ))
            }
        };
        // A misspelt key would otherwise silently fall back to a default.
        if let Some(key) = object.keys().find(|key| !allowed.contains(&key.as_str())) {
            return Err(format!("unknown key '{key}' for fault kind '{kind}'"));
        }
        match kind {
            "delay" => {
                let ms = object
                    .get("ms")
                    .and_then(Value::as_u64)
                    .ok_or("delay needs \"ms\", a non-negative integer")?;
                Ok(Fault::Delay { ms })
            }
            "status" => {
                let status = object
                    .get("status")
                    .and_then(Value::as_u64)
                    .and_then(|status| u16::try_from(status).ok())
                    .filter(|status| (100..=999).contains(status))
                    .ok_or("status needs \"status\", an integer in 100..=999")?;
                let body = match object.get("body") {
                    None => FaultBody::Empty,
                    Some(body) => FaultBody::from_control_json(body)?,
                };
                Ok(Fault::Status { status, body })
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
                Ok(Fault::ErrorCode { code, message })
            }
            "malformed_json" => Ok(Fault::MalformedJson),
            _ => Ok(Fault::DropConnection),
        }
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
        }
    }
}

impl FaultBody {
    fn from_control_json(value: &Value) -> Result<FaultBody, String> {
        match value {
            Value::String(name) if name == "html" => Ok(FaultBody::Html),
            Value::String(name) if name == "empty" => Ok(FaultBody::Empty),
            Value::Object(object) if object.len() == 1 => match object.get("json") {
                Some(Value::String(text)) => Ok(FaultBody::Json(text.clone())),
                _ => Err(r#"status body {"json": ...} needs a string"#.to_owned()),
            },
            _ => Err(r#"status "body" must be "html", "empty" or {"json": "..."}"#.to_owned()),
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
