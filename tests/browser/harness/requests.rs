//! What the fake received, and the calls the tests make to it themselves.

use anyhow::{anyhow, ensure, Context};

use super::*;

/// Sends `request` as it is over a plain HTTP/1.1 connection (`Connection: close`) and returns
/// the whole answer, as a script or a stolen token would ask, below the page's own client.
pub async fn http_exchange(
    address: impl tokio::net::ToSocketAddrs,
    request: &str,
    limit: Duration,
) -> anyhow::Result<Vec<u8>> {
    let exchange = async {
        let mut stream = TcpStream::connect(address).await?;
        stream.write_all(request.as_bytes()).await?;
        let mut answer = Vec::new();
        stream.read_to_end(&mut answer).await?;
        anyhow::Ok(answer)
    };
    tokio::time::timeout(limit, exchange)
        .await
        .map_err(|_| anyhow!("no answer to {:?} within {limit:?}", request.lines().next()))?
}

/// The status of a raw HTTP answer.
pub fn http_status(answer: &[u8]) -> anyhow::Result<u16> {
    let text = String::from_utf8_lossy(answer);
    text.split_whitespace()
        .nth(1)
        .and_then(|status| status.parse().ok())
        .with_context(|| format!("no HTTP status in {text:?}"))
}

impl Page {
    // ----- talking to the API directly -----

    /// The HTTP status the page's origin answers `method path` with `Authtoken: token`, asked
    /// over a plain HTTP/1.1 connection (as a script or a stolen token would).
    pub async fn api_status(&self, method: &str, path: &str, token: &str) -> anyhow::Result<u16> {
        let authority = self
            .url
            .trim_start_matches("http://")
            .split('/')
            .next()
            .unwrap_or_default()
            .to_owned();
        let request = format!(
            "{method} {path} HTTP/1.1\r\nHost: {authority}\r\nAuthtoken: {token}\r\n\
             Accept: application/json\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
        );
        let answer = http_exchange(authority.as_str(), &request, WAIT_LIMIT).await?;
        http_status(&answer).with_context(|| format!("{method} {path} got no HTTP status"))
    }

    // ----- what the fake received -----

    /// Every `method` request to `path` the fake received, in order (path matched as the real
    /// server does: case-insensitively).
    pub fn requests_to(&self, method: &str, path: &str) -> Vec<RecordedRequest> {
        self.fake
            .requests()
            .into_iter()
            .filter(|r| r.method == method && r.path.eq_ignore_ascii_case(path))
            .collect()
    }

    /// The one `method` request to `path`; fails if there were none or several.
    pub fn only_request_to(&self, method: &str, path: &str) -> anyhow::Result<RecordedRequest> {
        let mut found = self.requests_to(method, path);
        ensure!(
            found.len() == 1,
            "expected exactly one {method} {path}, got {}: {found:#?}",
            found.len()
        );
        Ok(found.remove(0))
    }

    /// Every request that would change the settings: POST or PUT to the email server.
    pub fn saves(&self) -> Vec<RecordedRequest> {
        let mut saves = self.requests_to("POST", EMAIL_SERVER_PATH);
        saves.extend(self.requests_to("PUT", EMAIL_SERVER_PATH));
        saves
    }

    /// Fails if the page sent anything but loads (GET): no save, no test mail.
    pub fn ensure_nothing_sent(&self) -> anyhow::Result<()> {
        let sent: Vec<_> = self
            .fake
            .requests()
            .into_iter()
            .filter(|r| r.method != "GET")
            .collect();
        ensure!(sent.is_empty(), "the page sent requests: {sent:#?}");
        Ok(())
    }
}

/// Fails unless `request` carries the documented headers: `Authtoken: token`, `Accept:
/// application/json`, and `Content-Type: application/json` (it has a body).
pub fn check_json_headers(request: &RecordedRequest, token: &str) -> anyhow::Result<()> {
    let what = format!("{} {}", request.method, request.path);
    assert_eq!(
        request.header("authtoken"),
        Some(token),
        "the Authtoken header of {what}"
    );
    assert_eq!(
        request.header("accept"),
        Some("application/json"),
        "the Accept header of {what}"
    );
    let content_type = request.header("content-type").unwrap_or_default();
    ensure!(
        content_type.starts_with("application/json"),
        "the Content-Type of {what} is {content_type:?}"
    );
    Ok(())
}

/// Fails unless `text` (of `#session-user`) says `expected`, e.g. "Signed in as admin"
/// (whatever follows after a separator, such as the API base URL, is not checked).
pub fn check_session_user(text: &str, expected: &str) -> anyhow::Result<()> {
    let says_it = text
        .strip_prefix(expected)
        .is_some_and(|rest| !rest.starts_with(|c: char| c.is_alphanumeric() || c == '-'));
    ensure!(says_it, "#session-user reads {text:?}, not {expected:?}");
    Ok(())
}

/// Fails unless `token` looks like a token from Login ("QSDK ...") and is not the static one.
pub fn check_login_token(token: &str, what: &str) -> anyhow::Result<()> {
    ensure!(
        token.starts_with("QSDK ") && token != DEFAULT_TOKEN,
        "{what} carries {token:?}, not a Login token (\"QSDK ...\")"
    );
    Ok(())
}

/// Fails unless the alert in `area` mentions the 401 and the token.
pub fn check_mentions_401_and_token(area: &str, alert: &str) -> anyhow::Result<()> {
    ensure!(
        alert.contains("401"),
        "the {area} alert {alert:?} does not mention 401"
    );
    ensure!(
        alert.to_lowercase().contains("token"),
        "the {area} alert {alert:?} does not mention the token"
    );
    Ok(())
}

/// Fails unless `request`'s body is exactly the JSON `expected`.
pub fn check_body(request: &RecordedRequest, expected: serde_json::Value) -> anyhow::Result<()> {
    assert_eq!(
        request.json(),
        Some(expected),
        "the body of {} {} (raw: {:?})",
        request.method,
        request.path,
        request.body
    );
    Ok(())
}
