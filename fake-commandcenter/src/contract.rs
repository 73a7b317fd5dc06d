//! The request-body contract of `shared/commandcenter-api.md`, checked on its own terms on
//! `serde_json::Value` (deliberately not a typed struct: the fake must not share the app's
//! idea of the body, or both could be wrong the same way).
//!
//! Each endpoint's body is a [`BodyContract`] table. Rules that depend on what is stored (PUT's
//! credentials) or on several fields at once beyond "sent together" live in `api`.

use axum::http::{header, HeaderMap};
use base64::Engine;
use serde_json::{Map, Value};

/// Why a request breaks the contract; the message names the offending field or header.
#[derive(Debug)]
pub(crate) struct Rejection(pub(crate) String);

#[derive(Clone, Copy, Debug)]
pub(crate) enum Kind {
    /// A JSON string that is not empty (nor only whitespace).
    Text,
    /// A JSON integer (not a string, not `25.0`) that is a real TCP port, 1..=65535.
    Port,
    /// A JSON string, exactly one of these values.
    OneOf(&'static [&'static str]),
    /// Standard base64 with padding, of UTF-8 text (not empty).
    Base64Utf8,
    /// A JSON boolean (not `"true"`, not `1`).
    Bool,
}

pub(crate) struct Field {
    pub(crate) name: &'static str,
    pub(crate) kind: Kind,
    pub(crate) required: bool,
}

pub(crate) struct BodyContract {
    pub(crate) fields: &'static [Field],
    /// Pairs of fields that are sent together or not at all.
    pub(crate) together: &'static [(&'static str, &'static str)],
}

pub(crate) const ENCRYPTION_ALGORITHMS: &[&str] = &["NONE", "TLS", "SSL"];

const fn field(name: &'static str, kind: Kind, required: bool) -> Field {
    Field {
        name,
        kind,
        required,
    }
}

/// `POST /V4/EmailServer`.
pub(crate) const POST_EMAIL_SERVER: BodyContract = BodyContract {
    fields: &[
        field("SMTPServerName", Kind::Text, true),
        field("SMTPPort", Kind::Port, true),
        field("senderEmail", Kind::Text, true),
        field("senderName", Kind::Text, true),
        field(
            "encryptionAlgorithm",
            Kind::OneOf(ENCRYPTION_ALGORITHMS),
            false,
        ),
        field("username", Kind::Text, false),
        field("password", Kind::Base64Utf8, false),
    ],
    together: &[("username", "password")],
};

/// `PUT /V4/EmailServer`: POST's fields, every one optional, plus `useAuthentication`.
/// `username` and `password` are not a pair here: which one may come alone depends on what is
/// stored, so `api::apply_put` checks that.
pub(crate) const PUT_EMAIL_SERVER: BodyContract = BodyContract {
    fields: &[
        field("SMTPServerName", Kind::Text, false),
        field("SMTPPort", Kind::Port, false),
        field("senderEmail", Kind::Text, false),
        field("senderName", Kind::Text, false),
        field(
            "encryptionAlgorithm",
            Kind::OneOf(ENCRYPTION_ALGORITHMS),
            false,
        ),
        field("useAuthentication", Kind::Bool, false),
        field("username", Kind::Text, false),
        field("password", Kind::Base64Utf8, false),
    ],
    together: &[],
};

/// `POST /V4/EmailServer/Action/Test`: POST's fields plus `useAuthentication`; "if one of
/// `username`/`password` is sent, the other must be too".
pub(crate) const TEST_EMAIL_SERVER: BodyContract = BodyContract {
    fields: &[
        field("SMTPServerName", Kind::Text, true),
        field("SMTPPort", Kind::Port, true),
        field("senderEmail", Kind::Text, true),
        field("senderName", Kind::Text, true),
        field(
            "encryptionAlgorithm",
            Kind::OneOf(ENCRYPTION_ALGORITHMS),
            false,
        ),
        field("useAuthentication", Kind::Bool, false),
        field("username", Kind::Text, false),
        field("password", Kind::Base64Utf8, false),
    ],
    together: &[("username", "password")],
};

/// `POST /Login`: `username`, `password` (base64 of the UTF-8 password), optional `domain`.
pub(crate) const LOGIN: BodyContract = BodyContract {
    fields: &[
        field("username", Kind::Text, true),
        field("password", Kind::Base64Utf8, true),
        field("domain", Kind::Text, false),
    ],
    together: &[],
};

impl BodyContract {
    /// Checks headers and body; on success the body's object, every field known to be valid.
    /// The first problem found wins: Content-Type, JSON syntax, object, unknown keys (before
    /// missing ones, so that a miscased key is reported as such), fields in table order, pairs.
    pub(crate) fn check(
        &self,
        headers: &HeaderMap,
        body: &[u8],
    ) -> Result<Map<String, Value>, Rejection> {
        check_content_type(headers)?;
        self.check_value(parse_json(body)?)
    }

    /// The body checks of [`BodyContract::check`] on an already parsed value (also used for
    /// seed files, which have no headers).
    pub(crate) fn check_value(&self, value: Value) -> Result<Map<String, Value>, Rejection> {
        let Value::Object(object) = value else {
            return Err(Rejection(format!(
                "body must be a JSON object, got {}",
                describe(&value)
            )));
        };
        for key in object.keys() {
            if !self.fields.iter().any(|field| field.name == key) {
                return Err(Rejection(self.unknown_field_message(key)));
            }
        }
        for field in self.fields {
            match object.get(field.name) {
                Some(value) => check_field(field, value)?,
                None if field.required => {
                    return Err(Rejection(format!(
                        "missing required field '{}'",
                        field.name
                    )))
                }
                None => {}
            }
        }
        for (first, second) in self.together {
            match (object.contains_key(*first), object.contains_key(*second)) {
                (true, false) => {
                    return Err(Rejection(format!(
                        "field '{second}' is required when '{first}' is sent"
                    )))
                }
                (false, true) => {
                    return Err(Rejection(format!(
                        "field '{first}' is required when '{second}' is sent"
                    )))
                }
                _ => {}
            }
        }
        Ok(object)
    }

    fn unknown_field_message(&self, key: &str) -> String {
        // The contract's mixed casing (SMTPServerName vs senderName) is the likeliest slip.
        let squashed = squash(key);
        match self
            .fields
            .iter()
            .find(|field| squash(field.name) == squashed)
        {
            Some(field) => format!("unknown field '{key}' (did you mean '{}'?)", field.name),
            None => format!("unknown field '{key}'"),
        }
    }
}

/// The JSON syntax check every body goes through first (after its `Content-Type`).
pub(crate) fn parse_json(body: &[u8]) -> Result<Value, Rejection> {
    serde_json::from_slice(body)
        .map_err(|error| Rejection(format!("body is not valid JSON: {error}")))
}

/// Lower-case letters and digits only, so `smtp_server_name` still finds `SMTPServerName`.
fn squash(name: &str) -> String {
    name.chars()
        .filter(char::is_ascii_alphanumeric)
        .map(|c| c.to_ascii_lowercase())
        .collect()
}

fn check_content_type(headers: &HeaderMap) -> Result<(), Rejection> {
    let mut values = headers.get_all(header::CONTENT_TYPE).iter();
    let value = match (values.next(), values.next()) {
        (None, _) => return Err(Rejection(
            "header 'Content-Type' is missing: send 'Content-Type: application/json' with a body"
                .to_owned(),
        )),
        (Some(_), Some(_)) => {
            return Err(Rejection(
                "header 'Content-Type' is sent more than once".to_owned(),
            ))
        }
        (Some(value), None) => String::from_utf8_lossy(value.as_bytes()).into_owned(),
    };
    let mut parts = value.split(';');
    let media_type = parts.next().unwrap_or_default().trim();
    // JSON is UTF-8 (RFC 8259); a charset parameter claiming otherwise is a client bug.
    let bad_charset = parts.any(|parameter| match parameter.split_once('=') {
        Some((name, charset)) => {
            name.trim().eq_ignore_ascii_case("charset")
                && !charset
                    .trim()
                    .trim_matches('"')
                    .eq_ignore_ascii_case("utf-8")
        }
        None => false,
    });
    if !media_type.eq_ignore_ascii_case("application/json") || bad_charset {
        return Err(Rejection(format!(
            "header 'Content-Type' must be 'application/json', got '{value}'"
        )));
    }
    Ok(())
}

fn check_field(field: &Field, value: &Value) -> Result<(), Rejection> {
    let name = field.name;
    match field.kind {
        Kind::Text => {
            expect_text(name, value)?;
        }
        Kind::Port => {
            // serde_json keeps `25.0` a float, so this also refuses integral floats.
            if !(value.is_i64() || value.is_u64()) {
                return Err(Rejection(format!(
                    "field '{name}' must be a JSON integer, got {}",
                    describe(value)
                )));
            }
            if !value
                .as_i64()
                .is_some_and(|port| (1..=65535).contains(&port))
            {
                return Err(Rejection(format!(
                    "field '{name}' must be a TCP port between 1 and 65535, got {value}"
                )));
            }
        }
        Kind::OneOf(allowed) => {
            let text = expect_string(name, value)?;
            if !allowed.contains(&text) {
                return Err(Rejection(format!(
                    "field '{name}' must be one of {}, got '{text}'",
                    allowed.join(", ")
                )));
            }
        }
        Kind::Bool => {
            if !value.is_boolean() {
                return Err(Rejection(format!(
                    "field '{name}' must be a JSON boolean, got {}",
                    describe(value)
                )));
            }
        }
        Kind::Base64Utf8 => {
            let text = expect_text(name, value)?;
            let bytes = base64::engine::general_purpose::STANDARD
                .decode(text)
                .map_err(|error| {
                    Rejection(format!(
                        "field '{name}' must be standard base64 with padding: {error}"
                    ))
                })?;
            if String::from_utf8(bytes).is_err() {
                return Err(Rejection(format!(
                    "field '{name}' must be the base64 of UTF-8 text"
                )));
            }
        }
    }
    Ok(())
}

fn expect_string<'a>(name: &str, value: &'a Value) -> Result<&'a str, Rejection> {
    value.as_str().ok_or_else(|| {
        Rejection(format!(
            "field '{name}' must be a JSON string, got {}",
            describe(value)
        ))
    })
}

fn expect_text<'a>(name: &str, value: &'a Value) -> Result<&'a str, Rejection> {
    let text = expect_string(name, value)?;
    if text.trim().is_empty() {
        return Err(Rejection(format!("field '{name}' must not be empty")));
    }
    Ok(text)
}

fn describe(value: &Value) -> String {
    match value {
        Value::Null => "null".to_owned(),
        Value::Bool(flag) => format!("a boolean ({flag})"),
        Value::Number(number) => format!("a number ({number})"),
        Value::String(text) => format!("a string ({})", Value::String(text.clone())),
        Value::Array(_) => "an array".to_owned(),
        Value::Object(_) => "an object".to_owned(),
    }
}
