use axum::http::request::Parts;
use serde_json::{json, Value};

/// One request as the fake received it, and what it answered.
#[derive(Clone, Debug)]
pub struct RecordedRequest {
    /// e.g. `"POST"`
    pub method: String,
    /// Exactly as received (no query string), e.g. `"/commandcenter/api/V4/EmailServer"`.
    pub path: String,
    /// Names lower-case, in received order; values decoded lossily as UTF-8.
    pub headers: Vec<(String, String)>,
    /// Decoded lossily as UTF-8.
    pub body: String,
    /// Status the fake answered with; 0 if the connection was dropped (or no answer yet).
    pub status: u16,
}

impl RecordedRequest {
    pub(crate) fn from_parts(parts: &Parts, body: &[u8]) -> Self {
        Self {
            method: parts.method.as_str().to_owned(),
            path: parts.uri.path().to_owned(),
            headers: parts
                .headers
                .iter()
                .map(|(name, value)| {
                    (
                        name.as_str().to_owned(),
                        String::from_utf8_lossy(value.as_bytes()).into_owned(),
                    )
                })
                .collect(),
            body: String::from_utf8_lossy(body).into_owned(),
            status: 0,
        }
    }

    /// The first value of header `name` (case-insensitive).
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(key, _)| key.eq_ignore_ascii_case(name))
            .map(|(_, value)| value.as_str())
    }

    /// The body parsed as JSON; `None` if it is not JSON.
    pub fn json(&self) -> Option<Value> {
        serde_json::from_str(&self.body).ok()
    }

    /// The shape `GET /__fake/requests` answers: `{method, path, headers: [[name, value]...],
    /// body, status}`.
    pub fn to_json(&self) -> Value {
        json!({
            "method": self.method,
            "path": self.path,
            "headers": self.headers.iter().map(|(name, value)| json!([name, value])).collect::<Vec<_>>(),
            "body": self.body,
            "status": self.status,
        })
    }
}
