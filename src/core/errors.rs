//! Everything that can go wrong when the page talks to Command Center. What the administrator is
//! told about each is `crate::words`'.

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
        server_message: Option<ServerWords>,
    },
    /// Wrong base URL, or a Command Center too old to have the V4 API.
    NotFound {
        server_message: Option<ServerWords>,
    },
    BadRequest {
        server_message: Option<ServerWords>,
    },
    /// HTTP 200, but `errorCode` was not 0: Command Center refused.
    Rejected {
        code: i64,
        message: Option<String>,
    },
    /// 5xx: Command Center or a proxy in front of it failed.
    ServerError {
        status: u16,
        server_message: Option<ServerWords>,
    },
    /// Any other status.
    HttpStatus {
        status: u16,
        server_message: Option<ServerWords>,
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
    /// The re-read before a save, while the review is open.
    Recheck,
    Save,
    /// The read-back after a save.
    ReadBack,
    TestMail,
}

/// What a server said in an error answer, as far as it is shown: its text, on one line and
/// shortened, or of a proxy's HTML error page only its title.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ServerWords {
    Said(String),
    HtmlPage { title: String },
}

impl ApiError {
    /// Whether the request may have reached Command Center although the page has no answer: a
    /// save then may or may not have been stored.
    pub fn may_have_arrived(&self) -> bool {
        matches!(
            self,
            ApiError::TimedOut { .. } | ApiError::Cancelled | ApiError::UnreadableAnswer { .. }
        )
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

    #[test]
    fn redact_masks_every_occurrence_of_each_secret() {
        let text = "bad password hunter22 (aHVudGVyMjI=) for token QSDK 1234";
        let clean = redact(text, &["hunter22", "aHVudGVyMjI=", "QSDK 1234", "a", ""]);
        assert_eq!(clean, "bad password ••• (•••) for token •••");
    }
}
