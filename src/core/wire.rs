//! The wire format of the Command Center API (`shared/commandcenter-api.md`): request bodies as
//! the contract names them, and what an answer means.

use base64::engine::general_purpose::STANDARD;
use base64::Engine as _;

use super::errors::ApiError;
use super::json::{self, ObjectWriter, Value};
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

/// A page on https cannot call an http API: the browser blocks it before it leaves, with no
/// more explanation than "Failed to fetch". Known in advance, it gets its own message.
pub fn is_mixed_content(page_origin: &str, url: &str) -> bool {
    let lower = |s: &str| s.get(..8).map(str::to_ascii_lowercase).unwrap_or_default();
    lower(page_origin).starts_with("https://") && lower(url).starts_with("http://")
}

/// Whether a call goes to the page's own origin (then CORS cannot be what blocked it). A
/// relative address ("/api", "config.json") resolves against the page, so it is one.
pub fn is_same_origin(page_origin: &str, url: &str) -> bool {
    is_relative_reference(url)
        || url
            .to_ascii_lowercase()
            .strip_prefix(&page_origin.to_ascii_lowercase())
            .is_some_and(|rest| rest.is_empty() || rest.starts_with('/'))
}

/// No scheme and no host: "/api", "api", "./config.json", but not "//host/api" or "https://…".
fn is_relative_reference(url: &str) -> bool {
    let before_path = url.split(['/', '?', '#']).next().unwrap_or_default();
    !url.starts_with("//") && !before_path.contains(':')
}

/// Error bodies above this are not read: no Command Center answer is that large, and a proxy's
/// several-megabyte error page must not freeze the page.
pub const MAX_BODY_BYTES: u64 = 256 * 1024;

/// The path of the email server resource. The contract's table writes `v4`, its examples `V4`;
/// the server ignores case and the examples are what the vendor's own tools send.
pub const EMAIL_SERVER_PATH: &str = "V4/EmailServer";
pub const TEST_MAIL_PATH: &str = "V4/EmailServer/Action/Test";

/// Body of `POST /V4/EmailServer`. Field names and casing are the contract's, not Rust's (see
/// [`EmailServerRequest::to_json`]).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EmailServerRequest {
    pub smtp_server_name: String,
    pub smtp_port: u16,
    pub sender_email: String,
    pub sender_name: String,
    pub encryption_algorithm: Encryption,
    /// Left out entirely when the mail server needs no sign-in: the contract forbids empty strings.
    pub credentials: Option<Credentials>,
}

/// Body of `PUT /V4/EmailServer`: only what changed, so that a setting someone else changed
/// meanwhile in Command Center is not overwritten with the value this page loaded earlier.
/// `useAuthentication` is always sent; with it on, so is the user name (the contract requires
/// it), and the password only when a new one was typed (left out, the saved one stays).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct EmailServerUpdate {
    pub smtp_server_name: Option<String>,
    pub smtp_port: Option<u16>,
    pub sender_email: Option<String>,
    pub sender_name: Option<String>,
    pub encryption_algorithm: Option<Encryption>,
    pub use_authentication: bool,
    pub username: Option<String>,
    pub password_base64: Option<Secret>,
}

/// Body of `POST /V4/EmailServer/Action/Test`: the settings on the page, tested, not saved.
/// Without credentials (while sign-in is on) the server tests with the saved ones.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TestMailRequest {
    pub smtp_server_name: String,
    pub smtp_port: u16,
    pub sender_email: String,
    pub sender_name: String,
    pub encryption_algorithm: Encryption,
    pub use_authentication: bool,
    pub credentials: Option<Credentials>,
}

/// A save is a first configuration (POST) or an update of existing settings (PUT).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SaveRequest {
    Configure(EmailServerRequest),
    Update(EmailServerUpdate),
}

/// The mail server sign-in; the password travels as base64 of its UTF-8 bytes, as the contract
/// requires (that is an encoding, not protection: it is still treated as a secret).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Credentials {
    pub username: String,
    pub password_base64: Secret,
}

impl EmailServerRequest {
    /// The body as the contract names it; without credentials both keys are left out.
    pub fn to_json(&self) -> String {
        let mut body = ObjectWriter::default();
        body.string("SMTPServerName", &self.smtp_server_name)
            .integer("SMTPPort", self.smtp_port.into())
            .string("senderEmail", &self.sender_email)
            .string("senderName", &self.sender_name)
            .string("encryptionAlgorithm", self.encryption_algorithm.wire_name());
        write_credentials(&mut body, self.credentials.as_ref());
        body.finish()
    }
}

impl EmailServerUpdate {
    /// Only the members that are set, and always `useAuthentication`.
    pub fn to_json(&self) -> String {
        let mut body = ObjectWriter::default();
        if let Some(name) = &self.smtp_server_name {
            body.string("SMTPServerName", name);
        }
        if let Some(port) = self.smtp_port {
            body.integer("SMTPPort", port.into());
        }
        if let Some(email) = &self.sender_email {
            body.string("senderEmail", email);
        }
        if let Some(name) = &self.sender_name {
            body.string("senderName", name);
        }
        if let Some(encryption) = self.encryption_algorithm {
            body.string("encryptionAlgorithm", encryption.wire_name());
        }
        body.boolean("useAuthentication", self.use_authentication);
        if let Some(username) = &self.username {
            body.string("username", username);
        }
        if let Some(password) = &self.password_base64 {
            body.string("password", password.expose());
        }
        body.finish()
    }
}

impl TestMailRequest {
    pub fn to_json(&self) -> String {
        let mut body = ObjectWriter::default();
        body.string("SMTPServerName", &self.smtp_server_name)
            .integer("SMTPPort", self.smtp_port.into())
            .string("senderEmail", &self.sender_email)
            .string("senderName", &self.sender_name)
            .string("encryptionAlgorithm", self.encryption_algorithm.wire_name())
            .boolean("useAuthentication", self.use_authentication);
        write_credentials(&mut body, self.credentials.as_ref());
        body.finish()
    }
}

fn write_credentials(body: &mut ObjectWriter, credentials: Option<&Credentials>) {
    if let Some(credentials) = credentials {
        body.string("username", &credentials.username)
            .string("password", credentials.password_base64.expose());
    }
}

impl Credentials {
    pub fn new(username: String, password: &Secret) -> Self {
        Self {
            username,
            password_base64: Secret::new(encode_password(password.expose())),
        }
    }
}

/// Standard alphabet with padding, over the UTF-8 bytes: what Command Center decodes.
pub fn encode_password(password: &str) -> String {
    STANDARD.encode(password)
}

/// The envelope Command Center answers with: `{"errorMessage": "...", "errorCode": 0}`.
/// Login failures use `errList` instead; both are read so any message can be shown.
#[derive(Debug, Default)]
struct ResultEnvelope {
    error_code: Option<i64>,
    error_message: Option<String>,
    err_list: Vec<ErrListEntry>,
}

#[derive(Debug)]
struct ErrListEntry {
    err_log_message: Option<String>,
}

impl ResultEnvelope {
    /// Read as serde's derived reader did: unknown members are ignored, a known one of the
    /// wrong type (or given twice) makes the answer unreadable; `errList` may be absent but
    /// not `null`.
    fn read(body: &str) -> Option<Self> {
        let value = json::parse(body.trim()).ok()?;
        let Value::Object(_) = value else {
            return None;
        };
        let err_list = match value.field("errList").ok()? {
            None => Vec::new(),
            Some(Value::Array(entries)) => entries
                .iter()
                .map(|entry| {
                    let Value::Object(_) = entry else {
                        return None;
                    };
                    Some(ErrListEntry {
                        err_log_message: entry
                            .optional("errLogMessage", |v| v.as_str().map(str::to_owned))?,
                    })
                })
                .collect::<Option<_>>()?,
            Some(_) => return None,
        };
        Some(Self {
            error_code: value.optional("errorCode", Value::as_i64)?,
            error_message: value.optional("errorMessage", |v| v.as_str().map(str::to_owned))?,
            err_list,
        })
    }

    fn message(&self) -> Option<&str> {
        self.error_message
            .as_deref()
            .or_else(|| {
                self.err_list
                    .iter()
                    .find_map(|e| e.err_log_message.as_deref())
            })
            .filter(|m| !m.trim().is_empty())
    }
}

/// The longest piece of a server's error text shown to the administrator.
pub const MAX_SERVER_MESSAGE_CHARS: usize = 300;

/// `GET /V4/EmailServer`: every field optional, password never returned.
#[derive(Debug, Default)]
struct StoredSettings {
    smtp_server_name: Option<String>,
    /// Read as any integer: a value out of range is shown to the administrator (and flagged by
    /// validation) rather than making the whole answer unreadable.
    smtp_port: Option<i64>,
    sender_email: Option<String>,
    sender_name: Option<String>,
    encryption_algorithm: Option<String>,
    use_authentication: Option<bool>,
    username: Option<String>,
    error_code: Option<i64>,
    error_message: Option<String>,
}

impl StoredSettings {
    /// Unknown members are ignored; a known one of the wrong type makes the answer unreadable.
    fn read(body: &str) -> Option<Self> {
        let value = json::parse(body.trim()).ok()?;
        let Value::Object(_) = value else {
            return None;
        };
        let text = |key: &str| value.optional(key, |v| v.as_str().map(str::to_owned));
        Some(Self {
            smtp_server_name: text("SMTPServerName")?,
            smtp_port: value.optional("SMTPPort", Value::as_i64)?,
            sender_email: text("senderEmail")?,
            sender_name: text("senderName")?,
            encryption_algorithm: text("encryptionAlgorithm")?,
            use_authentication: value.optional("useAuthentication", Value::as_bool)?,
            username: text("username")?,
            error_code: value.optional("errorCode", Value::as_i64)?,
            error_message: text("errorMessage")?,
        })
    }
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
    let stored = StoredSettings::read(body.trim()).ok_or(ApiError::UnreadableAnswer { status })?;
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

/// What an answer to a save or a test mail means. Success is only a 200 whose `errorCode` is 0 or absent
/// (an empty body counts as success, per the contract).
pub fn interpret_result_response(status: u16, body: &str) -> Result<(), ApiError> {
    let envelope = parse_envelope(body);
    let server_message = match &envelope {
        Some(envelope) => envelope.message().map(shorten),
        None => describe_foreign_body(body),
    };
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
                message: server_message,
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
fn describe_foreign_body(body: &str) -> Option<String> {
    let body = body.trim();
    if body.is_empty() {
        return None;
    }
    if !body.starts_with('<') {
        return Some(shorten(body));
    }
    // ASCII lower-casing keeps every byte where it was, so an offset found in `lower` is the
    // same place in `body`, and a character boundary there.
    let lower = body.to_ascii_lowercase();
    let title_tag = lower.find("<title")?;
    let title_start = title_tag + lower[title_tag..].find('>')? + 1;
    let title_len = lower[title_start..].find("</title")?;
    let title = shorten(&body[title_start..title_start + title_len]);
    (!title.is_empty()).then(|| format!("an HTML page titled “{title}”"))
}

fn parse_envelope(body: &str) -> Option<ResultEnvelope> {
    ResultEnvelope::read(body)
}

/// Server text is shown as plain text, on one line, and never at length.
pub(crate) fn shorten(message: &str) -> String {
    let one_line: String = message
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

    #[cfg(not(target_arch = "wasm32"))]
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

    // serde_json is a native-only dev-dependency: it reads the bodies back to check them.
    #[cfg(not(target_arch = "wasm32"))]
    fn to_json(request: &EmailServerRequest) -> serde_json::Value {
        serde_json::from_str(&request.to_json()).unwrap_or_default()
    }

    #[cfg(not(target_arch = "wasm32"))]
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

    #[cfg(not(target_arch = "wasm32"))]
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
        assert_eq!(encode_password("a"), "YQ==");
        assert_eq!(encode_password("ab?>"), "YWI/Pg==");
        assert_eq!(encode_password("€"), "4oKs");
        assert_eq!(encode_password(""), "");
    }

    #[test]
    fn mixed_content_is_an_https_page_calling_http() {
        let page = "https://portal.example.com";
        assert!(is_mixed_content(
            page,
            "http://cc.example.com/commandcenter/api/V4/EmailServer"
        ));
        assert!(is_mixed_content(page, "HTTP://cc.example.com/x"));
        assert!(!is_mixed_content(page, "https://cc.example.com/x"));
        assert!(!is_mixed_content(page, "/commandcenter/api/V4/EmailServer"));
        assert!(!is_mixed_content(
            "http://portal.example.com",
            "http://cc.example.com/x"
        ));
    }

    #[test]
    fn same_origin_is_a_path_or_the_page_origin() {
        let page = "https://portal.example.com";
        assert!(is_same_origin(page, "/commandcenter/api/V4/EmailServer"));
        assert!(is_same_origin(
            page,
            "https://portal.example.com/commandcenter/api"
        ));
        assert!(is_same_origin(page, "HTTPS://Portal.example.com/x"));
        assert!(!is_same_origin(
            page,
            "https://portal.example.com.evil.test/x"
        ));
        assert!(!is_same_origin(page, "https://cc.example.com/x"));
        assert!(!is_same_origin(page, "//cc.example.com/x"));
        // Relative to the page, wherever it is served from.
        assert!(is_same_origin(page, "config.json"));
        assert!(is_same_origin(page, "./config.json"));
        assert!(is_same_origin(page, "api/V4/EmailServer?x=http://y"));
        assert!(!is_same_origin(page, "http://cc.example.com/x"));
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
                server_message: Some("SMTPPort must be 1-65535".into())
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
                server_message: Some("Internal".into())
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
                server_message: Some("conflict".into())
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
                server_message: Some("an HTML page titled “502 Bad Gateway”".into())
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
            server_message: Some(text),
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

    #[cfg(not(target_arch = "wasm32"))]
    #[test]
    fn update_body_leaves_out_what_did_not_change() {
        let update = EmailServerUpdate {
            sender_name: Some("Nightly".into()),
            use_authentication: true,
            username: Some("mailer".into()),
            ..EmailServerUpdate::default()
        };
        assert_eq!(
            serde_json::from_str::<serde_json::Value>(&update.to_json()).unwrap_or_default(),
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

// serde and serde_json are native-only dev-dependencies: the hand-written bodies and readers are
// checked against what serde's derives did before them.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod serde_tests {
    use proptest::prelude::*;
    use serde::Deserialize;
    use serde_json::json;

    use super::*;

    fn read_back(body: &str) -> serde_json::Value {
        serde_json::from_str(body).unwrap_or_default()
    }

    const AWKWARD: [&str; 6] = [
        "",
        "plain",
        "quote \" and backslash \\ and slash /",
        "new\nline, tab\t, return\r, nul\u{0}, bell\u{7}, unit\u{1f}, del\u{7f}",
        "pässwörd € 😀 \u{2028}",
        "{\"looks\": [\"like\", json]}",
    ];

    fn credentials(username: &str) -> Credentials {
        Credentials::new(username.to_owned(), &Secret::new(username))
    }

    fn request(text: &str, port: u16, credentials: Option<Credentials>) -> EmailServerRequest {
        EmailServerRequest {
            smtp_server_name: text.to_owned(),
            smtp_port: port,
            sender_email: text.to_owned(),
            sender_name: text.to_owned(),
            encryption_algorithm: Encryption::Ssl,
            credentials,
        }
    }

    fn expected_request(
        text: &str,
        port: u16,
        credentials: Option<&Credentials>,
    ) -> serde_json::Value {
        with_credentials(
            json!({
                "SMTPServerName": text, "SMTPPort": port, "senderEmail": text,
                "senderName": text, "encryptionAlgorithm": "SSL",
            }),
            credentials,
        )
    }

    fn test_mail(text: &str, port: u16, credentials: Option<Credentials>) -> TestMailRequest {
        TestMailRequest {
            smtp_server_name: text.to_owned(),
            smtp_port: port,
            sender_email: text.to_owned(),
            sender_name: text.to_owned(),
            encryption_algorithm: Encryption::None,
            use_authentication: credentials.is_some(),
            credentials,
        }
    }

    fn expected_test_mail(
        text: &str,
        port: u16,
        credentials: Option<&Credentials>,
    ) -> serde_json::Value {
        with_credentials(
            json!({
                "SMTPServerName": text, "SMTPPort": port, "senderEmail": text,
                "senderName": text, "encryptionAlgorithm": "NONE",
                "useAuthentication": credentials.is_some(),
            }),
            credentials,
        )
    }

    /// A body as serde would write it, with the credentials' two members when there are some.
    fn with_credentials(
        mut expected: serde_json::Value,
        credentials: Option<&Credentials>,
    ) -> serde_json::Value {
        if let (Some(c), Some(object)) = (credentials, expected.as_object_mut()) {
            object.insert("username".into(), json!(c.username));
            object.insert("password".into(), json!(c.password_base64.expose()));
        }
        expected
    }

    fn update(text: &str, port: u16) -> EmailServerUpdate {
        EmailServerUpdate {
            smtp_server_name: Some(text.to_owned()),
            smtp_port: Some(port),
            sender_email: Some(text.to_owned()),
            sender_name: Some(text.to_owned()),
            encryption_algorithm: Some(Encryption::Tls),
            use_authentication: true,
            username: Some(text.to_owned()),
            password_base64: Some(Secret::new(encode_password(text))),
        }
    }

    fn expected_update(text: &str, port: u16) -> serde_json::Value {
        json!({
            "SMTPServerName": text, "SMTPPort": port, "senderEmail": text,
            "senderName": text, "encryptionAlgorithm": "TLS", "useAuthentication": true,
            "username": text, "password": encode_password(text),
        })
    }

    #[test]
    fn every_body_is_what_serde_json_writes_for_the_same_value() {
        for text in AWKWARD {
            for port in [0, 1, 587, u16::MAX] {
                let c = credentials(text);
                assert_eq!(
                    read_back(&request(text, port, Some(c.clone())).to_json()),
                    expected_request(text, port, Some(&c))
                );
                assert_eq!(
                    read_back(&request(text, port, None).to_json()),
                    expected_request(text, port, None)
                );
                assert_eq!(
                    read_back(&test_mail(text, port, Some(c.clone())).to_json()),
                    expected_test_mail(text, port, Some(&c))
                );
                assert_eq!(
                    read_back(&test_mail(text, port, None).to_json()),
                    expected_test_mail(text, port, None)
                );
                assert_eq!(
                    read_back(&update(text, port).to_json()),
                    expected_update(text, port)
                );
                // Our own reader agrees with serde_json on what was written.
                let ours = json::parse(&update(text, port).to_json());
                let theirs = json::parse(&expected_update(text, port).to_string());
                let sorted = |v: Result<Value, json::SyntaxError>| match v {
                    Ok(Value::Object(mut members)) => {
                        members.sort_by(|a, b| a.0.cmp(&b.0));
                        Some(members)
                    }
                    _ => None,
                };
                assert_eq!(sorted(ours), sorted(theirs));
            }
        }
        assert_eq!(
            read_back(&EmailServerUpdate::default().to_json()),
            json!({"useAuthentication": false})
        );
    }

    /// What serde's derives read before the hand-written readers replaced them.
    #[derive(Debug, PartialEq, Deserialize)]
    struct SerdeStored {
        #[serde(rename = "SMTPServerName")]
        smtp_server_name: Option<String>,
        #[serde(rename = "SMTPPort")]
        smtp_port: Option<i64>,
        #[serde(rename = "senderEmail")]
        sender_email: Option<String>,
        #[serde(rename = "senderName")]
        sender_name: Option<String>,
        #[serde(rename = "encryptionAlgorithm")]
        encryption_algorithm: Option<String>,
        #[serde(rename = "useAuthentication")]
        use_authentication: Option<bool>,
        username: Option<String>,
        #[serde(rename = "errorCode")]
        error_code: Option<i64>,
        #[serde(rename = "errorMessage")]
        error_message: Option<String>,
    }

    #[derive(Debug, PartialEq, Deserialize)]
    struct SerdeEnvelope {
        #[serde(rename = "errorCode")]
        error_code: Option<i64>,
        #[serde(rename = "errorMessage")]
        error_message: Option<String>,
        #[serde(rename = "errList", default)]
        err_list: Vec<SerdeEntry>,
    }

    #[derive(Debug, PartialEq, Deserialize)]
    struct SerdeEntry {
        #[serde(rename = "errLogMessage")]
        err_log_message: Option<String>,
    }

    fn ours_stored(body: &str) -> Option<SerdeStored> {
        StoredSettings::read(body).map(|s| SerdeStored {
            smtp_server_name: s.smtp_server_name,
            smtp_port: s.smtp_port,
            sender_email: s.sender_email,
            sender_name: s.sender_name,
            encryption_algorithm: s.encryption_algorithm,
            use_authentication: s.use_authentication,
            username: s.username,
            error_code: s.error_code,
            error_message: s.error_message,
        })
    }

    fn ours_envelope(body: &str) -> Option<SerdeEnvelope> {
        ResultEnvelope::read(body).map(|e| SerdeEnvelope {
            error_code: e.error_code,
            error_message: e.error_message,
            err_list: e
                .err_list
                .into_iter()
                .map(|entry| SerdeEntry {
                    err_log_message: entry.err_log_message,
                })
                .collect(),
        })
    }

    /// A member value of any type, sometimes one a field accepts.
    fn member_value() -> impl Strategy<Value = String> {
        prop_oneof![
            Just("null".to_owned()),
            Just("true".to_owned()),
            Just("[]".to_owned()),
            Just("{}".to_owned()),
            Just("1.5".to_owned()),
            Just("1e2".to_owned()),
            Just("18446744073709551615".to_owned()),
            Just("[{\"errLogMessage\": \"x\"}, {}]".to_owned()),
            Just("[{\"errLogMessage\": 1}]".to_owned()),
            Just("[null]".to_owned()),
            any::<i64>().prop_map(|n| n.to_string()),
            any::<String>().prop_map(|s| serde_json::Value::String(s).to_string()),
        ]
    }

    fn answer() -> impl Strategy<Value = String> {
        let key = prop_oneof![
            Just("SMTPServerName"),
            Just("SMTPPort"),
            Just("senderEmail"),
            Just("senderName"),
            Just("encryptionAlgorithm"),
            Just("useAuthentication"),
            Just("username"),
            Just("errorCode"),
            Just("errorMessage"),
            Just("errList"),
            Just("errLogMessage"),
            Just("somethingElse"),
        ];
        prop::collection::vec((key, member_value()), 0..6).prop_map(|members| {
            let members: Vec<String> = members
                .into_iter()
                .map(|(k, v)| format!("\"{k}\": {v}"))
                .collect();
            format!(" {{{}}} ", members.join(", "))
        })
    }

    #[test]
    fn answers_read_as_serde_read_them() {
        for body in [
            "{}",
            "[]",
            "null",
            "\"text\"",
            r#"{"errorCode": 0, "errorCode": 1}"#,
            r#"{"other": 1, "other": 2}"#,
            r#"{"errList": null}"#,
            r#"{"errList": [null]}"#,
            r#"{"errList": [{"errLogMessage": null}]}"#,
            r#"{"SMTPPort": 587.0}"#,
            r#"{"SMTPPort": -0}"#,
            r#"{"SMTPPort": 1e400, "x": 1e400}"#,
            r#"{"x": 1e400}"#,
        ] {
            assert_eq!(
                ours_stored(body),
                serde_json::from_str::<SerdeStored>(body.trim()).ok(),
                "{body}"
            );
            assert_eq!(
                ours_envelope(body),
                serde_json::from_str::<SerdeEnvelope>(body.trim()).ok(),
                "{body}"
            );
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(1024))]

        #[test]
        fn any_answer_reads_as_serde_read_it(body in answer()) {
            prop_assert_eq!(
                ours_stored(&body),
                serde_json::from_str::<SerdeStored>(body.trim()).ok(),
                "{}", body
            );
            prop_assert_eq!(
                ours_envelope(&body),
                serde_json::from_str::<SerdeEnvelope>(body.trim()).ok(),
                "{}", body
            );
        }

        #[test]
        fn any_strings_make_the_body_serde_json_writes(
            text in any::<String>(),
            port in any::<u16>(),
            with_credentials in any::<bool>(),
        ) {
            let c = with_credentials.then(|| credentials(&text));
            prop_assert_eq!(
                read_back(&request(&text, port, c.clone()).to_json()),
                expected_request(&text, port, c.as_ref())
            );
            prop_assert_eq!(
                read_back(&test_mail(&text, port, c.clone()).to_json()),
                expected_test_mail(&text, port, c.as_ref())
            );
            prop_assert_eq!(read_back(&update(&text, port).to_json()), expected_update(&text, port));
        }
    }
}
