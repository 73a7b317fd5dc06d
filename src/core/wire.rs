//! The wire format of the Command Center API (`shared/commandcenter-api.md`): request bodies as
//! the contract names them, and what an answer means.

use base64::engine::general_purpose::STANDARD;
use base64::Engine as _;
use serde::de::{DeserializeOwned, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde::{Deserialize, Serialize};

use super::errors::{ApiError, ServerWords};
use super::secret::Secret;
use super::settings::{Baseline, Encryption, SettingsForm};

/// Where the API is and the token that opens it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ApiConnection {
    /// Without a trailing slash: `/commandcenter/api` or `https://host/commandcenter/api`.
    pub base_url: String,
    pub token: Secret,
}

impl ApiConnection {
    pub fn url(&self, endpoint: &str) -> String {
        format!("{}/{}", self.base_url.trim_end_matches('/'), endpoint)
    }
}

/// Error bodies above this are not read: no Command Center answer is that large, and a proxy's
/// several-megabyte error page must not freeze the page.
pub const MAX_BODY_BYTES: u64 = 256 * 1024;

/// The path of the email server resource. The contract's table writes `v4`, its examples `V4`;
/// the server ignores case and the examples are what the vendor's own tools send.
pub const EMAIL_SERVER_PATH: &str = "V4/EmailServer";
pub const TEST_MAIL_PATH: &str = "V4/EmailServer/Action/Test";

/// Body of `POST /V4/EmailServer`, with the contract's names: `SMTPServerName` and `SMTPPort`
/// upper-case, the rest camelCase.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct EmailServerRequest {
    #[serde(rename = "SMTPServerName")]
    pub smtp_server_name: String,
    #[serde(rename = "SMTPPort")]
    pub smtp_port: u16,
    pub sender_email: String,
    pub sender_name: String,
    pub encryption_algorithm: Encryption,
    /// Left out entirely when the mail server needs no sign-in: the contract forbids empty strings.
    #[serde(flatten, skip_serializing_if = "Option::is_none")]
    pub credentials: Option<Credentials>,
}

/// Body of `PUT /V4/EmailServer`: only what changed, so that a setting someone else changed
/// meanwhile in Command Center is not overwritten with the value this page loaded earlier.
/// `useAuthentication` is always sent; with it on, so is the user name (the contract requires
/// it), and the password only when a new one was typed (left out, the saved one stays).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct EmailServerUpdate {
    #[serde(rename = "SMTPServerName", skip_serializing_if = "Option::is_none")]
    pub smtp_server_name: Option<String>,
    #[serde(rename = "SMTPPort", skip_serializing_if = "Option::is_none")]
    pub smtp_port: Option<u16>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sender_email: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sender_name: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub encryption_algorithm: Option<Encryption>,
    pub use_authentication: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub username: Option<String>,
    #[serde(rename = "password", skip_serializing_if = "Option::is_none")]
    pub password_base64: Option<Secret>,
}

/// Body of `POST /V4/EmailServer/Action/Test`: the settings on the page, tested, not saved.
/// Without credentials (while sign-in is on) the server tests with the saved ones.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct TestMailRequest {
    #[serde(rename = "SMTPServerName")]
    pub smtp_server_name: String,
    #[serde(rename = "SMTPPort")]
    pub smtp_port: u16,
    pub sender_email: String,
    pub sender_name: String,
    pub encryption_algorithm: Encryption,
    pub use_authentication: bool,
    #[serde(flatten, skip_serializing_if = "Option::is_none")]
    pub credentials: Option<Credentials>,
}

/// A save is a first configuration (POST) or an update of existing settings (PUT); either way
/// the body is the inner request's.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(untagged)]
pub enum SaveRequest {
    Configure(EmailServerRequest),
    Update(EmailServerUpdate),
}

/// A user name and password: the mail server sign-in of the email server bodies, and the body
/// of `POST /Login`. The password travels as base64 of its UTF-8 bytes, as the contract requires
/// (that is an encoding, not protection: it is still treated as a secret).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Credentials {
    pub username: String,
    #[serde(rename = "password")]
    pub password_base64: Secret,
}

impl Credentials {
    pub fn new(username: String, password: &Secret) -> Self {
        Self {
            username,
            password_base64: encode_password(password.expose()),
        }
    }
}

/// Standard alphabet with padding, over the UTF-8 bytes: what Command Center decodes.
pub fn encode_password(password: &str) -> Secret {
    Secret::new(STANDARD.encode(password))
}

/// An answer's JSON as `T`, or `None` when it is not: unknown members are ignored, and a known
/// member of the wrong type, or given twice, makes the whole answer unreadable.
pub(crate) fn read_json<T: DeserializeOwned>(body: &str) -> Option<T> {
    serde_json::from_str(body.trim()).ok()
}

/// A JSON member that is used when it is text and set aside when it is anything else, so that
/// a value of the wrong type never makes the document around it unreadable (Login's optional
/// `smtpAddress`, `config.json`'s `themeStylesheet`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TextOrOther {
    Text(String),
    Other,
}

impl TextOrOther {
    pub fn text(&self) -> Option<&str> {
        match self {
            TextOrOther::Text(text) => Some(text),
            TextOrOther::Other => None,
        }
    }
}

impl<'de> Deserialize<'de> for TextOrOther {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(TextOrOtherVisitor)
    }
}

/// Takes any JSON value; only a string is kept, the rest is read past.
struct TextOrOtherVisitor;

impl<'de> Visitor<'de> for TextOrOtherVisitor {
    type Value = TextOrOther;

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("any JSON value")
    }

    fn visit_str<E: serde::de::Error>(self, text: &str) -> Result<TextOrOther, E> {
        Ok(TextOrOther::Text(text.to_owned()))
    }

    fn visit_bool<E: serde::de::Error>(self, _: bool) -> Result<TextOrOther, E> {
        Ok(TextOrOther::Other)
    }

    fn visit_i64<E: serde::de::Error>(self, _: i64) -> Result<TextOrOther, E> {
        Ok(TextOrOther::Other)
    }

    fn visit_u64<E: serde::de::Error>(self, _: u64) -> Result<TextOrOther, E> {
        Ok(TextOrOther::Other)
    }

    fn visit_f64<E: serde::de::Error>(self, _: f64) -> Result<TextOrOther, E> {
        Ok(TextOrOther::Other)
    }

    fn visit_unit<E: serde::de::Error>(self) -> Result<TextOrOther, E> {
        Ok(TextOrOther::Other)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<TextOrOther, A::Error> {
        while seq.next_element::<IgnoredAny>()?.is_some() {}
        Ok(TextOrOther::Other)
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<TextOrOther, A::Error> {
        while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
        Ok(TextOrOther::Other)
    }
}

/// The envelope Command Center answers with: `{"errorMessage": "...", "errorCode": 0}`.
/// Login failures use `errList` instead; both are read so any message can be shown.
#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase")]
struct ResultEnvelope {
    error_code: Option<i64>,
    error_message: Option<String>,
    /// May be absent, but not `null`.
    #[serde(default)]
    err_list: Vec<ErrListEntry>,
}

/// One entry of `errList`, in the answers of Login and in some error answers.
#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct ErrListEntry {
    pub err_log_message: Option<String>,
    pub error_code: Option<i64>,
}

impl ErrListEntry {
    /// Its message, on one line and shortened, unless it has none worth showing.
    pub fn message(&self) -> Option<String> {
        self.err_log_message
            .as_deref()
            .filter(|message| !message.trim().is_empty())
            .map(shorten)
    }
}

impl ResultEnvelope {
    fn message(&self) -> Option<String> {
        self.error_message
            .as_deref()
            .filter(|message| !message.trim().is_empty())
            .map(shorten)
            .or_else(|| self.err_list.iter().find_map(ErrListEntry::message))
    }
}

/// The longest piece of a server's error text shown to the administrator.
pub const MAX_SERVER_MESSAGE_CHARS: usize = 300;

/// `GET /V4/EmailServer`: every field optional, password never returned.
#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase")]
struct StoredSettings {
    #[serde(rename = "SMTPServerName")]
    smtp_server_name: Option<String>,
    /// Read as any integer: a value out of range is shown to the administrator (and flagged by
    /// validation) rather than making the whole answer unreadable.
    #[serde(rename = "SMTPPort")]
    smtp_port: Option<i64>,
    sender_email: Option<String>,
    sender_name: Option<String>,
    /// Read as text: an encryption this page does not know is shown as the default rather than
    /// making the whole answer unreadable.
    encryption_algorithm: Option<String>,
    use_authentication: Option<bool>,
    username: Option<String>,
    error_code: Option<i64>,
    error_message: Option<String>,
}

/// What the answer to loading the settings means. An empty object (or one without any of the
/// settings) is a server with no mail server configured yet.
pub fn interpret_load_response(status: u16, body: &str) -> Result<Baseline, ApiError> {
    if status != 200 {
        return interpret_result_response(status, body).map(|()| Baseline::NotConfigured);
    }
    if body.trim().is_empty() {
        return Ok(Baseline::NotConfigured);
    }
    let stored: StoredSettings = read_json(body).ok_or(ApiError::UnreadableAnswer { status })?;
    if let Some(code) = stored.error_code.filter(|code| *code != 0) {
        return Err(ApiError::Rejected {
            code,
            message: stored.error_message.as_deref().map(shorten),
        });
    }
    let nothing_configured = stored.smtp_server_name.is_none()
        && stored.smtp_port.is_none()
        && stored.sender_email.is_none()
        && stored.sender_name.is_none();
    if nothing_configured {
        return Ok(Baseline::NotConfigured);
    }
    let use_authentication = stored.use_authentication.unwrap_or(false);
    Ok(Baseline::Configured(SettingsForm {
        smtp_server: stored.smtp_server_name.unwrap_or_default(),
        smtp_port: stored.smtp_port.map(|p| p.to_string()).unwrap_or_default(),
        encryption: stored
            .encryption_algorithm
            .as_deref()
            .and_then(|name| Encryption::from_wire_name(&name.to_ascii_uppercase()))
            .unwrap_or_default(),
        sender_email: stored.sender_email.unwrap_or_default(),
        sender_name: stored.sender_name.unwrap_or_default(),
        use_authentication,
        username: if use_authentication {
            stored.username.unwrap_or_default()
        } else {
            String::new()
        },
        password: String::new(),
    }))
}

/// What an answer to a save or a test mail means. Success is only a 200 whose `errorCode` is 0
/// or absent (an empty body counts as success, per the contract).
pub fn interpret_result_response(status: u16, body: &str) -> Result<(), ApiError> {
    let envelope: Option<ResultEnvelope> = read_json(body);
    let server_message = match &envelope {
        Some(envelope) => envelope.message().map(ServerWords::Said),
        None => describe_foreign_body(body),
    };
    let refusal_message = envelope.as_ref().and_then(ResultEnvelope::message);
    match status {
        200 => match envelope {
            _ if body.trim().is_empty() => Ok(()),
            Some(ResultEnvelope {
                error_code: None | Some(0),
                ..
            }) => Ok(()),
            Some(ResultEnvelope {
                error_code: Some(code),
                ..
            }) => Err(ApiError::Rejected {
                code,
                message: refusal_message,
            }),
            // A 200 that is not JSON is most often a web server or a sign-in proxy answering in
            // Command Center's place: nothing says the settings were stored.
            None => Err(ApiError::UnreadableAnswer { status }),
        },
        400 => Err(ApiError::BadRequest { server_message }),
        401 => Err(ApiError::Unauthorized),
        403 => Err(ApiError::Forbidden { server_message }),
        404 => Err(ApiError::NotFound { server_message }),
        500..=599 => Err(ApiError::ServerError {
            status,
            server_message,
        }),
        _ => Err(ApiError::HttpStatus {
            status,
            server_message,
        }),
    }
}

/// What to say of an error body that is not Command Center's JSON: plain text is quoted
/// (shortened); of an HTML page (a proxy's error page) only its title is quoted, never its markup.
fn describe_foreign_body(body: &str) -> Option<ServerWords> {
    let body = body.trim();
    if body.is_empty() {
        return None;
    }
    if !body.starts_with('<') {
        return Some(ServerWords::Said(shorten(body)));
    }
    // ASCII lower-casing keeps every byte where it was, so an offset found in `lower` is the
    // same place in `body`, and a character boundary there.
    let lower = body.to_ascii_lowercase();
    let title_tag = lower.find("<title")?;
    let title_start = title_tag + lower[title_tag..].find('>')? + 1;
    let title_len = lower[title_start..].find("</title")?;
    let title = shorten(&body[title_start..title_start + title_len]);
    (!title.is_empty()).then_some(ServerWords::HtmlPage { title })
}

/// Server text is shown as plain text, on one line, and never at length.
pub(crate) fn shorten(message: &str) -> String {
    let one_line = message
        .split(|c: char| c.is_whitespace() || c.is_control())
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ");
    if one_line.chars().count() <= MAX_SERVER_MESSAGE_CHARS {
        one_line
    } else {
        let mut cut: String = one_line.chars().take(MAX_SERVER_MESSAGE_CHARS).collect();
        cut.push('…');
        cut
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn request(credentials: Option<Credentials>) -> EmailServerRequest {
        EmailServerRequest {
            smtp_server_name: "smtp.example.com".into(),
            smtp_port: 587,
            sender_email: "alerts@example.com".into(),
            sender_name: "Backup alerts".into(),
            encryption_algorithm: Encryption::Tls,
            credentials,
        }
    }

    fn to_json(body: &impl Serialize) -> serde_json::Value {
        serde_json::to_value(body).unwrap_or_default()
    }

    #[test]
    fn body_uses_the_contract_names_and_a_numeric_port() {
        let credentials = Credentials::new("mailer".into(), &Secret::new("pässwörd 1"));
        assert_eq!(
            to_json(&request(Some(credentials))),
            serde_json::json!({
                "SMTPServerName": "smtp.example.com",
                "SMTPPort": 587,
                "senderEmail": "alerts@example.com",
                "senderName": "Backup alerts",
                "encryptionAlgorithm": "TLS",
                "username": "mailer",
                "password": "cMOkc3N3w7ZyZCAx",
            })
        );
    }

    #[test]
    fn body_without_credentials_leaves_both_keys_out() {
        let json = to_json(&request(None));
        let object = json.as_object().cloned().unwrap_or_default();
        assert_eq!(object.len(), 5, "{json}");
        assert!(!object.contains_key("username"));
        assert!(!object.contains_key("password"));
    }

    #[test]
    fn password_is_standard_base64_with_padding_of_utf8() {
        for (password, encoded) in [
            ("", ""),
            ("a", "YQ=="),
            ("ab?>", "YWI/Pg=="),
            ("€", "4oKs"),
            ("pässwörd 1", "cMOkc3N3w7ZyZCAx"),
        ] {
            assert_eq!(encode_password(password).expose(), encoded, "{password:?}");
        }
    }

    #[test]
    fn every_body_carries_the_contract_names() {
        let credentials = Some(Credentials::new("mailer".into(), &Secret::new("pw")));
        let test_mail = TestMailRequest {
            smtp_server_name: "smtp.example.com".into(),
            smtp_port: 465,
            sender_email: "alerts@example.com".into(),
            sender_name: "Backup alerts".into(),
            encryption_algorithm: Encryption::Ssl,
            use_authentication: true,
            credentials,
        };
        assert_eq!(
            to_json(&test_mail),
            serde_json::json!({
                "SMTPServerName": "smtp.example.com", "SMTPPort": 465,
                "senderEmail": "alerts@example.com", "senderName": "Backup alerts",
                "encryptionAlgorithm": "SSL", "useAuthentication": true,
                "username": "mailer", "password": "cHc=",
            })
        );
        let update = EmailServerUpdate {
            smtp_server_name: Some("mail".into()),
            smtp_port: Some(25),
            sender_email: Some("a@example.com".into()),
            sender_name: Some("A".into()),
            encryption_algorithm: Some(Encryption::None),
            use_authentication: true,
            username: Some("u".into()),
            password_base64: Some(encode_password("pw")),
        };
        assert_eq!(
            to_json(&SaveRequest::Update(update)),
            serde_json::json!({
                "SMTPServerName": "mail", "SMTPPort": 25, "senderEmail": "a@example.com",
                "senderName": "A", "encryptionAlgorithm": "NONE", "useAuthentication": true,
                "username": "u", "password": "cHc=",
            })
        );
        assert_eq!(
            to_json(&SaveRequest::Configure(request(None)))["SMTPServerName"],
            "smtp.example.com"
        );
    }

    #[test]
    fn an_update_of_nothing_says_only_whether_sign_in_is_on() {
        assert_eq!(
            to_json(&EmailServerUpdate::default()),
            serde_json::json!({"useAuthentication": false})
        );
    }

    #[test]
    fn answers_with_a_known_member_of_the_wrong_type_or_twice_are_unreadable() {
        for body in [
            r#"{"SMTPPort": "587"}"#,
            r#"{"SMTPPort": 587.5}"#,
            r#"{"senderName": "a", "senderName": "b"}"#,
            r#"{"useAuthentication": "yes"}"#,
            r#"{"errorCode": 0, "errorCode": 1}"#,
            "[]",
            "\"text\"",
            r#"{"SMTPServerName": "mail""#,
        ] {
            assert_eq!(
                interpret_load_response(200, body),
                Err(ApiError::UnreadableAnswer { status: 200 }),
                "{body}"
            );
        }
        // Unknown members are no reason to refuse an answer.
        assert_eq!(
            interpret_load_response(200, r#"{"somethingNew": [1, {"a": null}]}"#),
            Ok(Baseline::NotConfigured)
        );
    }

    #[test]
    fn err_list_may_be_absent_but_not_null() {
        assert_eq!(
            interpret_result_response(200, r#"{"errorCode": 0}"#),
            Ok(())
        );
        assert_eq!(
            interpret_result_response(200, r#"{"errorCode": 0, "errList": null}"#),
            Err(ApiError::UnreadableAnswer { status: 200 })
        );
    }

    #[test]
    fn a_member_of_any_type_is_text_or_set_aside() {
        #[derive(Deserialize)]
        struct Holder {
            member: Option<TextOrOther>,
            after: u8,
        }
        for (json, expected) in [
            (
                r#""a@example.com""#,
                Some(TextOrOther::Text("a@example.com".into())),
            ),
            (r#""\u00e4""#, Some(TextOrOther::Text("ä".into()))),
            ("7", Some(TextOrOther::Other)),
            ("-7.5", Some(TextOrOther::Other)),
            ("true", Some(TextOrOther::Other)),
            (r#"[1, {"a": [2]}]"#, Some(TextOrOther::Other)),
            (r#"{"a": {"b": null}}"#, Some(TextOrOther::Other)),
            ("null", None),
        ] {
            let holder: Holder =
                serde_json::from_str(&format!(r#"{{"member": {json}, "after": 1}}"#))
                    .unwrap_or_else(|e| panic!("{json}: {e}"));
            assert_eq!(holder.member, expected, "{json}");
            assert_eq!(holder.after, 1, "what follows {json} is still read");
        }
    }

    #[test]
    fn url_joins_base_and_endpoint_with_one_slash() {
        let connection = |base: &str| ApiConnection {
            base_url: base.into(),
            token: Secret::new("t"),
        };
        assert_eq!(
            connection("/commandcenter/api").url(EMAIL_SERVER_PATH),
            "/commandcenter/api/V4/EmailServer"
        );
        assert_eq!(
            connection("https://cc.example.com/commandcenter/api/").url(EMAIL_SERVER_PATH),
            "https://cc.example.com/commandcenter/api/V4/EmailServer"
        );
    }

    #[test]
    fn success_is_a_200_with_error_code_zero_absent_or_an_empty_body() {
        assert_eq!(
            interpret_result_response(200, r#"{"errorMessage":"","errorCode":0}"#),
            Ok(())
        );
        assert_eq!(
            interpret_result_response(200, r#"{"errorMessage":"Saved"}"#),
            Ok(())
        );
        assert_eq!(interpret_result_response(200, ""), Ok(()));
        assert_eq!(interpret_result_response(200, "  \n"), Ok(()));
        assert_eq!(interpret_result_response(200, "{}"), Ok(()));
    }

    #[test]
    fn a_200_with_another_error_code_is_a_refusal_with_the_server_message() {
        assert_eq!(
            interpret_result_response(
                200,
                r#"{"errorMessage":"SMTP server not reachable","errorCode":5}"#
            ),
            Err(ApiError::Rejected {
                code: 5,
                message: Some("SMTP server not reachable".into())
            })
        );
        assert_eq!(
            interpret_result_response(200, r#"{"errorCode":-1}"#),
            Err(ApiError::Rejected {
                code: -1,
                message: None
            })
        );
    }

    #[test]
    fn a_200_that_is_not_json_is_not_taken_for_success() {
        assert_eq!(
            interpret_result_response(200, "<!DOCTYPE html><title>Sign in</title>"),
            Err(ApiError::UnreadableAnswer { status: 200 })
        );
        assert_eq!(
            interpret_result_response(200, r#"{"errorCode": 0"#),
            Err(ApiError::UnreadableAnswer { status: 200 })
        );
    }

    #[test]
    fn statuses_map_to_their_own_errors() {
        assert_eq!(
            interpret_result_response(
                400,
                r#"{"errorMessage":"SMTPPort must be 1-65535","errorCode":1}"#
            ),
            Err(ApiError::BadRequest {
                server_message: Some(ServerWords::Said("SMTPPort must be 1-65535".into()))
            })
        );
        assert_eq!(
            interpret_result_response(400, "<html><body>Bad</body></html>"),
            Err(ApiError::BadRequest {
                server_message: None
            })
        );
        assert_eq!(
            interpret_result_response(401, ""),
            Err(ApiError::Unauthorized)
        );
        assert_eq!(
            interpret_result_response(503, ""),
            Err(ApiError::ServerError {
                status: 503,
                server_message: None
            })
        );
        assert_eq!(
            interpret_result_response(
                500,
                r#"{"errList":[{"errLogMessage":"Internal","errorCode":2}]}"#
            ),
            Err(ApiError::ServerError {
                status: 500,
                server_message: Some(ServerWords::Said("Internal".into()))
            })
        );
        assert_eq!(
            interpret_result_response(403, ""),
            Err(ApiError::Forbidden {
                server_message: None
            })
        );
        assert_eq!(
            interpret_result_response(409, "conflict"),
            Err(ApiError::HttpStatus {
                status: 409,
                server_message: Some(ServerWords::Said("conflict".into()))
            })
        );
    }

    #[test]
    fn foreign_error_bodies_are_quoted_as_text_or_by_their_title_never_as_markup() {
        let proxy_page = "<!DOCTYPE html><html><head><TITLE>502 Bad Gateway</TITLE></head>\
                          <body><h1>Bad Gateway</h1><script>x()</script></body></html>";
        assert_eq!(
            interpret_result_response(502, proxy_page),
            Err(ApiError::ServerError {
                status: 502,
                server_message: Some(ServerWords::HtmlPage {
                    title: "502 Bad Gateway".into()
                })
            })
        );
        assert_eq!(
            interpret_result_response(503, "<html><body>busy</body></html>"),
            Err(ApiError::ServerError {
                status: 503,
                server_message: None
            })
        );
        let long_text = "upstream timed out ".repeat(100);
        let Err(ApiError::ServerError {
            server_message: Some(ServerWords::Said(text)),
            ..
        }) = interpret_result_response(504, &long_text)
        else {
            panic!("expected a server error quoting the text");
        };
        assert_eq!(text.chars().count(), MAX_SERVER_MESSAGE_CHARS + 1);
    }

    #[test]
    fn loading_an_empty_object_or_body_means_nothing_is_configured() {
        assert_eq!(
            interpret_load_response(200, "{}"),
            Ok(Baseline::NotConfigured)
        );
        assert_eq!(
            interpret_load_response(200, ""),
            Ok(Baseline::NotConfigured)
        );
        assert_eq!(
            interpret_load_response(200, r#"{"useAuthentication": false}"#),
            Ok(Baseline::NotConfigured)
        );
    }

    #[test]
    fn loading_fills_every_field_it_finds() {
        let body = r#"{"SMTPServerName":"smtp.example.com","SMTPPort":587,"senderEmail":"a@example.com",
            "senderName":"Alerts","encryptionAlgorithm":"TLS","useAuthentication":true,"username":"mailer"}"#;
        assert_eq!(
            interpret_load_response(200, body),
            Ok(Baseline::Configured(SettingsForm {
                smtp_server: "smtp.example.com".into(),
                smtp_port: "587".into(),
                encryption: Encryption::Tls,
                sender_email: "a@example.com".into(),
                sender_name: "Alerts".into(),
                use_authentication: true,
                username: "mailer".into(),
                password: String::new(),
            }))
        );
    }

    #[test]
    fn loading_tolerates_missing_fields_and_ignores_a_username_without_authentication() {
        let body = r#"{"SMTPServerName":"mail","SMTPPort":70000,"username":"stale"}"#;
        let Ok(Baseline::Configured(form)) = interpret_load_response(200, body) else {
            panic!("expected configured settings");
        };
        assert_eq!(form.smtp_port, "70000");
        assert_eq!(form.encryption, Encryption::None);
        assert!(!form.use_authentication);
        assert_eq!(form.username, "");
    }

    #[test]
    fn loading_errors_are_typed() {
        assert_eq!(
            interpret_load_response(401, ""),
            Err(ApiError::Unauthorized)
        );
        assert_eq!(
            interpret_load_response(200, "<html>login</html>"),
            Err(ApiError::UnreadableAnswer { status: 200 })
        );
        assert_eq!(
            interpret_load_response(200, r#"{"errorCode":3,"errorMessage":"No permission"}"#),
            Err(ApiError::Rejected {
                code: 3,
                message: Some("No permission".into())
            })
        );
        assert_eq!(
            interpret_load_response(404, ""),
            Err(ApiError::NotFound {
                server_message: None
            })
        );
    }

    #[test]
    fn update_body_leaves_out_what_did_not_change() {
        let update = EmailServerUpdate {
            sender_name: Some("Nightly".into()),
            use_authentication: true,
            username: Some("mailer".into()),
            ..EmailServerUpdate::default()
        };
        assert_eq!(
            to_json(&update),
            serde_json::json!({"senderName": "Nightly", "useAuthentication": true, "username": "mailer"})
        );
    }

    #[test]
    fn server_messages_are_shortened_to_one_line() {
        let long = format!(
            r#"{{"errorMessage":"line one\nline two {}","errorCode":7}}"#,
            "x".repeat(1000)
        );
        let Err(ApiError::Rejected {
            message: Some(message),
            ..
        }) = interpret_result_response(200, &long)
        else {
            panic!("expected a refusal with a message");
        };
        assert!(message.starts_with("line one line two x"), "{message}");
        assert_eq!(message.chars().count(), MAX_SERVER_MESSAGE_CHARS + 1);
        assert!(message.ends_with('…'));
    }
}
