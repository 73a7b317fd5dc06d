//! Everything that can go wrong when the page talks to Command Center, and what the
//! administrator is told about it: what happened and what to do next.

use std::fmt;

/// A failed call. Typed, so that the page can react to a kind (a 401 asks for a new token)
/// and so that every kind is sure to have a message.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ApiError {
    /// `fetch` failed without any HTTP status: host down, wrong address, or blocked by the
    /// browser (CORS, mixed content). `detail` is the browser's own text.
    Unreachable {
        detail: String,
    },
    /// The browser refused to even build the request (for example a malformed URL).
    RequestNotSent {
        detail: String,
    },
    Unauthorized,
    BadRequest {
        server_message: Option<String>,
    },
    /// HTTP 200, but `errorCode` was not 0: Command Center refused the settings.
    Rejected {
        code: i64,
        message: Option<String>,
    },
    HttpStatus {
        status: u16,
        server_message: Option<String>,
    },
    /// An answer that is not what Command Center sends (HTML from a proxy, broken JSON).
    UnreadableAnswer {
        status: u16,
    },
}

impl ApiError {
    /// The sentence shown in the page's status area. `base_url` names where the call went, so
    /// that "could not reach" says what to check.
    pub fn user_message(&self, base_url: &str) -> String {
        let mut text = String::new();
        // Writing into a String cannot fail.
        let _ = self.write_message(&mut text, base_url);
        text
    }

    fn write_message(&self, out: &mut impl fmt::Write, base_url: &str) -> fmt::Result {
        match self {
            ApiError::Unreachable { detail } => write!(
                out,
                "Could not reach Command Center at {base_url} ({detail}). Check the API base URL \
                 and that Command Center is running. If this page is served from another \
                 address than Command Center, Command Center or its proxy must allow this page's \
                 origin (CORS). Nothing was saved."
            ),
            ApiError::RequestNotSent { detail } => write!(
                out,
                "The browser could not send the request ({detail}). Check the API base URL. \
                 Nothing was saved."
            ),
            ApiError::Unauthorized => out.write_str(
                "Command Center did not accept the access token (HTTP 401): it is wrong or has \
                 expired. Paste a valid token and save again.",
            ),
            ApiError::BadRequest { server_message } => {
                out.write_str("Command Center rejected the request (HTTP 400)")?;
                write_server_message(out, server_message.as_deref())?;
                out.write_str(" Check the settings and save again.")
            }
            ApiError::Rejected { code, message } => {
                out.write_str("Command Center refused the settings")?;
                match message {
                    Some(message) => write!(out, ": {message} (error code {code}).")?,
                    None => write!(out, " (error code {code}).")?,
                }
                out.write_str(" Nothing was changed; correct the settings and save again.")
            }
            ApiError::HttpStatus {
                status,
                server_message,
            } => {
                write!(out, "Command Center answered HTTP {status}")?;
                write_server_message(out, server_message.as_deref())?;
                out.write_str(match status {
                    403 => " This user may not change the email server settings.",
                    404 => " Check the API base URL: it should end in /commandcenter/api.",
                    500..=599 => " The settings were probably not saved; try again later.",
                    _ => " The settings were probably not saved.",
                })
            }
            ApiError::UnreadableAnswer { status } => write!(
                out,
                "The answer (HTTP {status}) did not come from Command Center's API: check that \
                 the API base URL points to it. The settings may not have been saved."
            ),
        }
    }
}

fn write_server_message(out: &mut impl fmt::Write, message: Option<&str>) -> fmt::Result {
    match message {
        Some(message) => write!(out, ": {message}."),
        None => out.write_str("."),
    }
}

/// Secrets shorter than this are not searched for: masking every "a" would garble the message
/// and a secret that short is no secret.
const SHORTEST_REDACTED: usize = 4;

/// Replaces every occurrence of the given secrets, so that a server that echoes a password or
/// token back in its error text does not put it on the screen.
pub fn redact(text: &str, secrets: &[&str]) -> String {
    let mut clean = text.to_owned();
    for secret in secrets.iter().filter(|s| s.len() >= SHORTEST_REDACTED) {
        clean = clean.replace(secret, "•••");
    }
    clean
}

#[cfg(test)]
mod tests {
    use super::*;

    const BASE: &str = "/commandcenter/api";

    #[test]
    fn unauthorized_names_the_status_and_the_token() {
        let message = ApiError::Unauthorized.user_message(BASE);
        assert!(
            message.contains("401") && message.contains("token"),
            "{message}"
        );
    }

    #[test]
    fn refusal_shows_the_server_message_and_the_code() {
        let message = ApiError::Rejected {
            code: 5,
            message: Some("SMTP server not reachable".into()),
        }
        .user_message(BASE);
        assert!(
            message.contains("SMTP server not reachable (error code 5)"),
            "{message}"
        );
        let message = ApiError::Rejected {
            code: 9,
            message: None,
        }
        .user_message(BASE);
        assert!(message.contains("(error code 9)"), "{message}");
    }

    #[test]
    fn unreachable_says_where_and_what_to_check() {
        let message = ApiError::Unreachable {
            detail: "TypeError: Failed to fetch".into(),
        }
        .user_message("https://cc.example.com/commandcenter/api");
        assert!(message.starts_with("Could not reach"), "{message}");
        assert!(
            message.contains("https://cc.example.com/commandcenter/api"),
            "{message}"
        );
        assert!(message.contains("CORS"), "{message}");
    }

    #[test]
    fn other_statuses_show_the_number_and_a_next_step() {
        for (status, hint) in [(404, "base URL"), (403, "may not"), (502, "try again")] {
            let message = ApiError::HttpStatus {
                status,
                server_message: None,
            }
            .user_message(BASE);
            assert!(message.contains(&format!("HTTP {status}")), "{message}");
            assert!(message.contains(hint), "{message}");
        }
    }

    #[test]
    fn bad_request_includes_the_server_reason_when_there_is_one() {
        let with = ApiError::BadRequest {
            server_message: Some("SMTPPort out of range".into()),
        }
        .user_message(BASE);
        assert!(with.contains("HTTP 400): SMTPPort out of range."), "{with}");
        let without = ApiError::BadRequest {
            server_message: None,
        }
        .user_message(BASE);
        assert!(without.contains("HTTP 400)."), "{without}");
    }

    #[test]
    fn redact_masks_every_occurrence_of_each_secret() {
        let text = "bad password hunter22 (aHVudGVyMjI=) for token QSDK 1234";
        let clean = redact(text, &["hunter22", "aHVudGVyMjI=", "QSDK 1234", "a", ""]);
        assert_eq!(clean, "bad password ••• (•••) for token •••");
    }
}
