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

/// What the page was doing when a call failed: it decides the words around the error (what was
/// not done, what to try next).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Operation {
    Login,
    Load,
    Save,
    TestMail,
}

impl Operation {
    /// What did not happen, as a closing sentence.
    fn consequence(self) -> &'static str {
        match self {
            Operation::Login => "You are not signed in.",
            Operation::Load => "The current settings were not loaded.",
            Operation::Save => "Nothing was saved.",
            Operation::TestMail => "No test email was sent.",
        }
    }

    /// What to do about settings that Command Center refused.
    fn retry_hint(self) -> &'static str {
        match self {
            Operation::Login => "Check the user name and password and try again.",
            Operation::Load => "Try again, or start from an empty form.",
            Operation::Save => "Correct the settings and save again.",
            Operation::TestMail => "Correct the settings and send the test email again.",
        }
    }
}

impl ApiError {
    /// The sentences shown on the page: what happened and what to do next. `base_url` names
    /// where the call went, so that "could not reach" says what to check.
    pub fn user_message(&self, base_url: &str, operation: Operation) -> String {
        let mut text = String::new();
        // Writing into a String cannot fail.
        let _ = self.write_message(&mut text, base_url, operation);
        text
    }

    fn write_message(
        &self,
        out: &mut impl fmt::Write,
        base_url: &str,
        operation: Operation,
    ) -> fmt::Result {
        let consequence = operation.consequence();
        match self {
            ApiError::Unreachable { detail } => write!(
                out,
                "Could not reach Command Center at {base_url} ({detail}). Check the API base URL \
                 and that Command Center is running. If this page is served from another \
                 address than Command Center, Command Center or its proxy must allow this page's \
                 origin (CORS). {consequence}"
            ),
            ApiError::RequestNotSent { detail } => write!(
                out,
                "The browser could not send the request ({detail}). Check the API base URL. \
                 {consequence}"
            ),
            ApiError::Unauthorized => write!(
                out,
                "Command Center did not accept the access token (HTTP 401): it is wrong or has \
                 expired. Paste a valid token and try again. {consequence}"
            ),
            ApiError::BadRequest { server_message } => {
                out.write_str("Command Center rejected the request (HTTP 400)")?;
                write_server_message(out, server_message.as_deref())?;
                write!(out, " {consequence} {}", operation.retry_hint())
            }
            ApiError::Rejected { code, message } => {
                out.write_str(match operation {
                    Operation::Login => "Command Center refused the sign-in",
                    Operation::Load => "Command Center did not return the settings",
                    Operation::Save => "Command Center refused the settings",
                    Operation::TestMail => "The test email failed",
                })?;
                match message {
                    Some(message) => write!(
                        out,
                        ": {} (error code {code}).",
                        message.trim_end_matches('.')
                    )?,
                    None => write!(out, " (error code {code}).")?,
                }
                write!(out, " {consequence} {}", operation.retry_hint())
            }
            ApiError::HttpStatus {
                status,
                server_message,
            } => {
                write!(out, "Command Center answered HTTP {status}")?;
                write_server_message(out, server_message.as_deref())?;
                out.write_str(match status {
                    403 => " This user may not manage the email server settings.",
                    404 => " Check the API base URL: it should end in /commandcenter/api.",
                    500..=599 => {
                        " Command Center or a proxy in front of it failed; try again later."
                    }
                    _ => "",
                })?;
                write!(out, " {consequence}")
            }
            ApiError::UnreadableAnswer { status } => write!(
                out,
                "The answer (HTTP {status}) did not come from Command Center's API: check that \
                 the API base URL points to it. {}",
                match operation {
                    // The call may have arrived; only the answer is unreadable.
                    Operation::Save =>
                        "The settings may or may not have been saved: reload the page to see.",
                    Operation::Login | Operation::Load | Operation::TestMail => consequence,
                }
            ),
        }
    }
}

fn write_server_message(out: &mut impl fmt::Write, message: Option<&str>) -> fmt::Result {
    match message {
        Some(message) => write!(out, ": {}.", message.trim_end_matches('.')),
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

    fn save_message(error: ApiError) -> String {
        error.user_message(BASE, Operation::Save)
    }

    #[test]
    fn unauthorized_names_the_status_and_the_token() {
        let message = save_message(ApiError::Unauthorized);
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
        .user_message(BASE, Operation::Save);
        assert!(
            message.contains("SMTP server not reachable (error code 5)"),
            "{message}"
        );
        let message = ApiError::Rejected {
            code: 9,
            message: None,
        }
        .user_message(BASE, Operation::Save);
        assert!(message.contains("(error code 9)"), "{message}");
    }

    #[test]
    fn unreachable_says_where_and_what_to_check() {
        let message = ApiError::Unreachable {
            detail: "TypeError: Failed to fetch".into(),
        }
        .user_message("https://cc.example.com/commandcenter/api", Operation::Save);
        assert!(message.starts_with("Could not reach"), "{message}");
        assert!(
            message.contains("https://cc.example.com/commandcenter/api"),
            "{message}"
        );
        assert!(message.contains("CORS"), "{message}");
    }

    #[test]
    fn other_statuses_show_the_number_and_a_next_step() {
        for (status, hint) in [
            (404, "base URL"),
            (403, "may not"),
            (502, "try again later"),
        ] {
            let message = ApiError::HttpStatus {
                status,
                server_message: None,
            }
            .user_message(BASE, Operation::Save);
            assert!(message.contains(&format!("HTTP {status}")), "{message}");
            assert!(message.contains(hint), "{message}");
        }
    }

    #[test]
    fn bad_request_includes_the_server_reason_when_there_is_one() {
        let with = ApiError::BadRequest {
            server_message: Some("SMTPPort out of range".into()),
        }
        .user_message(BASE, Operation::Save);
        assert!(with.contains("HTTP 400): SMTPPort out of range."), "{with}");
        let without = ApiError::BadRequest {
            server_message: None,
        }
        .user_message(BASE, Operation::Save);
        assert!(without.contains("HTTP 400)."), "{without}");
    }

    #[test]
    fn the_operation_decides_what_was_not_done() {
        let error = ApiError::Rejected {
            code: 6,
            message: Some("Failed to connect to SMTP server smtp.example.com:587".into()),
        };
        let test_mail = error.user_message(BASE, Operation::TestMail);
        assert!(
            test_mail.starts_with("The test email failed: Failed to connect"),
            "{test_mail}"
        );
        assert!(test_mail.contains("No test email was sent."), "{test_mail}");
        let load = ApiError::Unauthorized.user_message(BASE, Operation::Load);
        assert!(
            load.contains("The current settings were not loaded."),
            "{load}"
        );
        let unreadable = ApiError::UnreadableAnswer { status: 200 };
        assert!(unreadable
            .user_message(BASE, Operation::Save)
            .contains("may or may not have been saved"));
    }

    #[test]
    fn redact_masks_every_occurrence_of_each_secret() {
        let text = "bad password hunter22 (aHVudGVyMjI=) for token QSDK 1234";
        let clean = redact(text, &["hunter22", "aHVudGVyMjI=", "QSDK 1234", "a", ""]);
        assert_eq!(clean, "bad password ••• (•••) for token •••");
    }
}
