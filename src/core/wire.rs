//! The wire format of the Command Center API (`shared/commandcenter-api.md`): request bodies as
//! the contract names them, and what an answer means.

use base64::Engine as _;
use serde::{Deserialize, Serialize};

use super::errors::ApiError;
use super::secret::Secret;
use super::settings::Encryption;

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

/// The path of the email server resource. The contract's table writes `v4`, its examples `V4`;
/// the server ignores case and the examples are what the vendor's own tools send.
pub const EMAIL_SERVER_PATH: &str = "V4/EmailServer";

/// Body of `POST /V4/EmailServer`. Field names and casing are the contract's, not Rust's.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct EmailServerRequest {
    #[serde(rename = "SMTPServerName")]
    pub smtp_server_name: String,
    #[serde(rename = "SMTPPort")]
    pub smtp_port: u16,
    #[serde(rename = "senderEmail")]
    pub sender_email: String,
    #[serde(rename = "senderName")]
    pub sender_name: String,
    #[serde(rename = "encryptionAlgorithm")]
    pub encryption_algorithm: Encryption,
    /// Left out entirely when the mail server needs no sign-in: the contract forbids empty strings.
    #[serde(flatten)]
    pub credentials: Option<Credentials>,
}

/// The mail server sign-in; the password travels as base64 of its UTF-8 bytes, as the contract
/// requires (that is an encoding, not protection: it is still treated as a secret).
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
            password_base64: Secret::new(encode_password(password.expose())),
        }
    }
}

/// Standard alphabet with padding, over the UTF-8 bytes: what Command Center decodes.
pub fn encode_password(password: &str) -> String {
    base64::engine::general_purpose::STANDARD.encode(password.as_bytes())
}

/// The envelope Command Center answers with: `{"errorMessage": "...", "errorCode": 0}`.
/// Login failures use `errList` instead; both are read so any message can be shown.
#[derive(Debug, Default, Deserialize)]
struct ResultEnvelope {
    #[serde(rename = "errorCode")]
    error_code: Option<i64>,
    #[serde(rename = "errorMessage")]
    error_message: Option<String>,
    #[serde(rename = "errList", default)]
    err_list: Vec<ErrListEntry>,
}

#[derive(Debug, Deserialize)]
struct ErrListEntry {
    #[serde(rename = "errLogMessage")]
    err_log_message: Option<String>,
}

impl ResultEnvelope {
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

/// What an answer to a save means. Success is only a 200 whose `errorCode` is 0 or absent
/// (an empty body counts as success, per the contract).
pub fn interpret_save_response(status: u16, body: &str) -> Result<(), ApiError> {
    let envelope = parse_envelope(body);
    let server_message = envelope
        .as_ref()
        .and_then(ResultEnvelope::message)
        .map(shorten);
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
        _ => Err(ApiError::HttpStatus {
            status,
            server_message,
        }),
    }
}

fn parse_envelope(body: &str) -> Option<ResultEnvelope> {
    serde_json::from_str::<ResultEnvelope>(body.trim()).ok()
}

/// Server text is shown as plain text, on one line, and never at length.
fn shorten(message: &str) -> String {
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

    fn to_json(request: &EmailServerRequest) -> serde_json::Value {
        serde_json::to_value(request).unwrap_or_default()
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
        assert_eq!(encode_password("a"), "YQ==");
        assert_eq!(encode_password("ab?>"), "YWI/Pg==");
        assert_eq!(encode_password("€"), "4oKs");
        assert_eq!(encode_password(""), "");
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
            interpret_save_response(200, r#"{"errorMessage":"","errorCode":0}"#),
            Ok(())
        );
        assert_eq!(
            interpret_save_response(200, r#"{"errorMessage":"Saved"}"#),
            Ok(())
        );
        assert_eq!(interpret_save_response(200, ""), Ok(()));
        assert_eq!(interpret_save_response(200, "  \n"), Ok(()));
        assert_eq!(interpret_save_response(200, "{}"), Ok(()));
    }

    #[test]
    fn a_200_with_another_error_code_is_a_refusal_with_the_server_message() {
        assert_eq!(
            interpret_save_response(
                200,
                r#"{"errorMessage":"SMTP server not reachable","errorCode":5}"#
            ),
            Err(ApiError::Rejected {
                code: 5,
                message: Some("SMTP server not reachable".into())
            })
        );
        assert_eq!(
            interpret_save_response(200, r#"{"errorCode":-1}"#),
            Err(ApiError::Rejected {
                code: -1,
                message: None
            })
        );
    }

    #[test]
    fn a_200_that_is_not_json_is_not_taken_for_success() {
        assert_eq!(
            interpret_save_response(200, "<!DOCTYPE html><title>Sign in</title>"),
            Err(ApiError::UnreadableAnswer { status: 200 })
        );
        assert_eq!(
            interpret_save_response(200, r#"{"errorCode": 0"#),
            Err(ApiError::UnreadableAnswer { status: 200 })
        );
    }

    #[test]
    fn statuses_map_to_their_own_errors() {
        assert_eq!(
            interpret_save_response(
                400,
                r#"{"errorMessage":"SMTPPort must be 1-65535","errorCode":1}"#
            ),
            Err(ApiError::BadRequest {
                server_message: Some("SMTPPort must be 1-65535".into())
            })
        );
        assert_eq!(
            interpret_save_response(400, "<html><body>Bad</body></html>"),
            Err(ApiError::BadRequest {
                server_message: None
            })
        );
        assert_eq!(
            interpret_save_response(401, ""),
            Err(ApiError::Unauthorized)
        );
        assert_eq!(
            interpret_save_response(503, ""),
            Err(ApiError::HttpStatus {
                status: 503,
                server_message: None
            })
        );
        assert_eq!(
            interpret_save_response(
                500,
                r#"{"errList":[{"errLogMessage":"Internal","errorCode":2}]}"#
            ),
            Err(ApiError::HttpStatus {
                status: 500,
                server_message: Some("Internal".into())
            })
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
        }) = interpret_save_response(200, &long)
        else {
            panic!("expected a refusal with a message");
        };
        assert!(message.starts_with("line one line two x"), "{message}");
        assert_eq!(message.chars().count(), MAX_SERVER_MESSAGE_CHARS + 1);
        assert!(message.ends_with('…'));
    }
}
