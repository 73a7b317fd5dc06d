//! Everything that can go wrong when the page talks to Command Center, and what the
//! administrator is told about it: what happened and what to do next.

use std::fmt;

/// A failed call. Typed, so that the page can react to a kind (a 401 asks to sign in again)
/// and so that every kind is sure to have its own message.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ApiError {
    /// `fetch` failed without any HTTP status and nothing answers at that address either: host
    /// down, wrong address, a proxy that dropped the connection. `detail` is the browser's text.
    Unreachable {
        detail: String,
    },
    /// Something answers at that address, but the browser withheld the answer: the server does
    /// not allow this page's origin (CORS).
    BlockedByBrowser {
        page_origin: String,
    },
    /// The page's own Content-Security-Policy does not let it connect there.
    BlockedByPolicy {
        origin: String,
        directive: String,
    },
    /// The page is on https and the API on http: browsers refuse such calls outright.
    MixedContent {
        page_origin: String,
    },
    TimedOut {
        seconds: u32,
    },
    /// The administrator pressed Cancel.
    Cancelled,
    /// The browser refused to even build the request (for example a malformed URL).
    RequestNotSent {
        detail: String,
    },
    Unauthorized,
    Forbidden {
        server_message: Option<String>,
    },
    /// Wrong base URL, or a Command Center too old to have the V4 API.
    NotFound {
        server_message: Option<String>,
    },
    BadRequest {
        server_message: Option<String>,
    },
    /// HTTP 200, but `errorCode` was not 0: Command Center refused.
    Rejected {
        code: i64,
        message: Option<String>,
    },
    /// 5xx: Command Center or a proxy in front of it failed.
    ServerError {
        status: u16,
        server_message: Option<String>,
    },
    /// Any other status.
    HttpStatus {
        status: u16,
        server_message: Option<String>,
    },
    /// An answer that is not what Command Center sends (HTML in place of JSON, broken JSON,
    /// a body too large to be one of its answers).
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
                "Could not reach Command Center at {base_url} ({detail}). Check the API base URL, \
                 that Command Center (or the proxy in front of it) is running, and that this \
                 computer can reach it. {consequence}"
            ),
            ApiError::BlockedByBrowser { page_origin } => write!(
                out,
                "The browser blocked the answer from Command Center at {base_url}: it does not \
                 allow calls from this page's origin ({page_origin}) (CORS). Either serve this \
                 page from the same address as Command Center (for example behind the same \
                 reverse proxy), or have Command Center or its proxy allow {page_origin} with \
                 the Authtoken and Content-Type headers. {consequence}"
            ),
            ApiError::BlockedByPolicy { origin, directive } => write!(
                out,
                "This page's Content-Security-Policy does not allow it to connect to {origin} \
                 ({directive}), so the browser did not send the request to {base_url}. Add \
                 {origin} to {directive} in the Content-Security-Policy header that the web server \
                 sends with this page, or use an API base URL on an origin it already allows. \
                 {consequence}"
            ),
            ApiError::MixedContent { page_origin } => write!(
                out,
                "This page is served over https ({page_origin}) and the API base URL {base_url} \
                 is http: browsers block such calls (mixed content). Use the https address of \
                 Command Center. {consequence}"
            ),
            ApiError::TimedOut { seconds } => write!(
                out,
                "Command Center did not answer within {seconds} seconds. It may be busy or \
                 unreachable through a firewall or VPN; try again, or raise requestTimeoutSeconds \
                 in config.json. {}",
                match operation {
                    Operation::Save => "The settings may or may not have been saved: reload the page to see.",
                    Operation::Login | Operation::Load | Operation::TestMail => consequence,
                }
            ),
            ApiError::Cancelled => write!(
                out,
                "Cancelled. {}",
                match operation {
                    Operation::Save => "The request may already have reached Command Center: reload the page to see what is saved.",
                    Operation::Login | Operation::Load | Operation::TestMail => consequence,
                }
            ),
            ApiError::RequestNotSent { detail } => write!(
                out,
                "The browser could not send the request ({detail}). Check the API base URL. \
                 {consequence}"
            ),
            ApiError::Unauthorized => write!(
                out,
                "Command Center did not accept the access token (HTTP 401): it is wrong or has \
                 expired. Sign in again or paste a valid token. {consequence}"
            ),
            ApiError::Forbidden { server_message } => {
                out.write_str("Command Center refused access (HTTP 403)")?;
                write_server_message(out, server_message.as_deref())?;
                write!(
                    out,
                    " This user may not manage the email server settings: sign in as a user \
                     with that permission. {consequence}"
                )
            }
            ApiError::NotFound { server_message } => {
                write!(out, "Command Center's email server API was not found at {base_url} (HTTP 404)")?;
                write_server_message(out, server_message.as_deref())?;
                write!(
                    out,
                    " Check the API base URL (it usually ends in /commandcenter/api); an older \
                     Command Center without the V4 API answers this too. {consequence}"
                )
            }
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
            ApiError::ServerError {
                status,
                server_message,
            } => {
                write!(out, "Command Center failed (HTTP {status})")?;
                write_server_message(out, server_message.as_deref())?;
                write!(
                    out,
                    " Command Center or a proxy in front of it has a problem; try again in a \
                     few minutes. {consequence}"
                )
            }
            ApiError::HttpStatus {
                status,
                server_message,
            } => {
                write!(out, "Command Center answered HTTP {status}")?;
                write_server_message(out, server_message.as_deref())?;
                write!(out, " {consequence}")
            }
            ApiError::UnreadableAnswer { status } => write!(
                out,
                "The answer (HTTP {status}) did not come from Command Center's API: check that \
                 the API base URL points to it. {}",
                match operation {
                    // The call may have arrived; only the answer is unreadable.
                    Operation::Save => "The settings may or may not have been saved: reload the page to see.",
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
        assert!(message.contains("is running"), "{message}");
    }

    #[test]
    fn other_statuses_show_the_number_and_a_next_step() {
        let cases = [
            (
                ApiError::NotFound {
                    server_message: None,
                },
                "HTTP 404",
                "base URL",
            ),
            (
                ApiError::Forbidden {
                    server_message: None,
                },
                "HTTP 403",
                "permission",
            ),
            (
                ApiError::ServerError {
                    status: 502,
                    server_message: None,
                },
                "HTTP 502",
                "try again",
            ),
            (
                ApiError::HttpStatus {
                    status: 429,
                    server_message: None,
                },
                "HTTP 429",
                "Nothing was saved",
            ),
        ];
        for (error, status, hint) in cases {
            let message = error.user_message(BASE, Operation::Save);
            assert!(message.contains(status), "{message}");
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
    fn failures_without_a_status_say_what_to_check() {
        let blocked = ApiError::BlockedByBrowser {
            page_origin: "https://portal.example.com".into(),
        }
        .user_message("https://cc.example.com/commandcenter/api", Operation::Load);
        assert!(
            blocked.contains("CORS") && blocked.contains("https://portal.example.com"),
            "{blocked}"
        );
        assert!(blocked.contains("same address"), "{blocked}");
        let mixed = ApiError::MixedContent {
            page_origin: "https://portal.example.com".into(),
        }
        .user_message("http://cc.example.com/commandcenter/api", Operation::Save);
        assert!(
            mixed.contains("mixed content") && mixed.contains("https address"),
            "{mixed}"
        );
        let timed_out = ApiError::TimedOut { seconds: 30 }.user_message(BASE, Operation::TestMail);
        assert!(
            timed_out.contains("within 30 seconds") && timed_out.contains("No test email"),
            "{timed_out}"
        );
        let cancelled = ApiError::Cancelled.user_message(BASE, Operation::Save);
        assert!(
            cancelled.starts_with("Cancelled.") && cancelled.contains("reload"),
            "{cancelled}"
        );
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
    fn a_call_the_pages_policy_blocks_names_the_directive_to_change() {
        let message = ApiError::BlockedByPolicy {
            origin: "https://cc.example.com".into(),
            directive: "connect-src".into(),
        }
        .user_message("https://cc.example.com/commandcenter/api", Operation::Load);
        assert!(
            message.starts_with("This page's Content-Security-Policy does not allow it to connect to https://cc.example.com (connect-src)"),
            "{message}"
        );
        assert!(
            message.contains("Add https://cc.example.com to connect-src"),
            "{message}"
        );
        assert!(
            message.ends_with("The current settings were not loaded."),
            "{message}"
        );
    }

    #[test]
    fn redact_masks_every_occurrence_of_each_secret() {
        let text = "bad password hunter22 (aHVudGVyMjI=) for token QSDK 1234";
        let clean = redact(text, &["hunter22", "aHVudGVyMjI=", "QSDK 1234", "a", ""]);
        assert_eq!(clean, "bad password ••• (•••) for token •••");
    }
}
