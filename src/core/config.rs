//! The runtime configuration read from `config.json` beside `index.html`, so that one build
//! serves every installation: operators edit a JSON file, not the wasm.

use serde::Deserialize;

use super::errors::ApiError;
use super::validation::{check_base_url, check_host};

/// Where Command Center's API is when nothing else is said: the same origin, behind the path
/// Command Center itself uses, which is what a reverse proxy in front of both gives.
pub const DEFAULT_API_BASE_URL: &str = "/commandcenter/api";
/// How long a call may take before the page gives up on it. Command Center answers in well
/// under a second on a LAN; half a minute leaves room for a slow VPN and a busy server.
pub const DEFAULT_REQUEST_TIMEOUT_SECONDS: u32 = 30;
/// Beyond ten minutes a "timeout" no longer helps anyone.
pub const MAX_REQUEST_TIMEOUT_SECONDS: u32 = 600;

/// What the page calls itself unless `config.json` says otherwise.
pub const DEFAULT_TITLE: &str = "Email server";
/// A title is a heading, not a paragraph.
pub const MAX_TITLE_CHARS: usize = 80;

/// `config.json`; every key may be left out (see `config.example.json` and the README). Unknown
/// keys are refused rather than ignored: a misspelt key silently falling back to the default is
/// the kind of mistake an operator cannot see.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields, default)]
pub struct RuntimeConfig {
    pub api_base_url: String,
    /// Whether the sign-in shows the API base URL so that the administrator can change it.
    pub allow_api_base_url_change: bool,
    pub request_timeout_seconds: u32,
    pub embedding: EmbeddingConfig,
    /// The page's heading, and the first part of the document's title.
    pub title: String,
}

/// Who may frame the page and drive it (`crate::core::embedding`).
#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields, default)]
pub struct EmbeddingConfig {
    /// Exact origins, as browsers write them (`https://portal.example.com`); empty means that
    /// no parent page may drive this one.
    pub allowed_parent_origins: Vec<String>,
}

impl Default for RuntimeConfig {
    fn default() -> Self {
        Self {
            api_base_url: DEFAULT_API_BASE_URL.to_owned(),
            allow_api_base_url_change: true,
            request_timeout_seconds: DEFAULT_REQUEST_TIMEOUT_SECONDS,
            embedding: EmbeddingConfig::default(),
            title: DEFAULT_TITLE.to_owned(),
        }
    }
}

impl RuntimeConfig {
    /// The document's title: the page's own, then the product's.
    pub fn document_title(&self) -> String {
        format!("{} · Command Center", self.title)
    }
}

/// The file beside `index.html`, resolved against the page's address.
pub const CONFIG_URL: &str = "config.json";

/// What the answer to `GET config.json` means: a missing file is normal and means the defaults;
/// any other failure is a problem the page states (and then runs on the defaults).
pub fn interpret_config_response(status: u16, body: &str) -> Result<RuntimeConfig, String> {
    match status {
        200 => RuntimeConfig::from_json(body),
        404 => Ok(RuntimeConfig::default()),
        status => Err(format!("config.json could not be loaded (HTTP {status}).")),
    }
}

/// Why `config.json` could not be fetched at all, in the operator's terms.
pub fn config_unavailable(error: &ApiError) -> String {
    let reason = match error {
        ApiError::TimedOut { seconds } => format!("no answer within {seconds} seconds"),
        ApiError::Unreachable { detail } | ApiError::RequestNotSent { detail } => detail.clone(),
        ApiError::UnreadableAnswer { status } => format!("HTTP {status}, the answer broke off"),
        _ => "the request failed".to_owned(),
    };
    format!("config.json could not be loaded ({reason}).")
}

impl RuntimeConfig {
    /// The file's settings, or what is wrong with it, in a sentence for the page.
    pub fn from_json(text: &str) -> Result<Self, String> {
        let mut config: Self = serde_json::from_str(text)
            .map_err(|error| format!("config.json is not valid: {error}."))?;
        config
            .check()
            .map_err(|problem| format!("config.json is not valid: {problem}."))?;
        config.title = config.title.trim().to_owned();
        Ok(config)
    }

    /// What JSON cannot say about the values: ranges, shapes, lengths.
    fn check(&self) -> Result<(), String> {
        check_base_url(&self.api_base_url).map_err(|error| format!("apiBaseUrl: {error}"))?;
        if !(1..=MAX_REQUEST_TIMEOUT_SECONDS).contains(&self.request_timeout_seconds) {
            return Err(format!(
                "requestTimeoutSeconds must be 1 to {MAX_REQUEST_TIMEOUT_SECONDS}"
            ));
        }
        for origin in &self.embedding.allowed_parent_origins {
            check_origin(origin).map_err(|problem| {
                format!("embedding.allowedParentOrigins: “{origin}” is not an origin: {problem}")
            })?;
        }
        let title = self.title.trim();
        if title.is_empty() || title.chars().count() > MAX_TITLE_CHARS {
            return Err(format!("title must be 1 to {MAX_TITLE_CHARS} characters"));
        }
        if title.chars().any(char::is_control) {
            return Err("title must be one line, without control characters".to_owned());
        }
        Ok(())
    }
}

/// An origin exactly as a browser writes `event.origin`: `https://` or `http://`, a host in lower
/// case (a name, an IPv4 address or a bracketed IPv6 address), a port only when it is not the
/// scheme's default, and nothing after it. Comparing origins is then comparing strings, and a
/// wildcard cannot slip in.
pub fn check_origin(origin: &str) -> Result<(), &'static str> {
    const HOW: &str = "write it as https://host or https://host:port";
    let (rest, default_port) = if let Some(rest) = origin.strip_prefix("https://") {
        (rest, "443")
    } else if let Some(rest) = origin.strip_prefix("http://") {
        (rest, "80")
    } else {
        return Err("it must start with https:// or http://");
    };
    if rest.contains(['/', '?', '#', '@']) {
        return Err("an origin has no path, query, fragment or user: write it as https://host");
    }
    if rest.contains('*') {
        return Err("wildcards are not allowed: list each origin");
    }
    let (host, port) = match rest.rsplit_once(':') {
        Some((host, port))
            if !host.ends_with(':') && (host.starts_with('[') || !host.contains(':')) =>
        {
            (host, Some(port))
        }
        _ => (rest, None),
    };
    if let Some(port) = port {
        match port.parse::<u16>() {
            Ok(0) | Err(_) => return Err(HOW),
            Ok(_) if port == default_port => {
                return Err("leave out the scheme's default port, as browsers do")
            }
            Ok(_) if port.starts_with('0') => return Err(HOW),
            Ok(_) => {}
        }
    }
    let valid_host = match host.strip_prefix('[').and_then(|h| h.strip_suffix(']')) {
        Some(v6) => {
            v6.parse::<std::net::Ipv6Addr>().is_ok() && !v6.bytes().any(|b| b.is_ascii_uppercase())
        }
        // The SMTP server's check: RFC 1123 names and IPv4 addresses. An IPv6 address in an
        // origin is always bracketed.
        None => {
            !host.contains(':')
                && check_host(host).is_ok()
                && !host.bytes().any(|b| b.is_ascii_uppercase())
        }
    };
    if valid_host {
        Ok(())
    } else {
        Err("the host must be a lower-case name or an IP address")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_missing_file_means_the_defaults_and_other_statuses_are_problems() {
        assert_eq!(
            interpret_config_response(404, ""),
            Ok(RuntimeConfig::default())
        );
        assert_eq!(
            interpret_config_response(200, r#"{"requestTimeoutSeconds": 5}"#)
                .map(|config| config.request_timeout_seconds),
            Ok(5)
        );
        assert_eq!(
            interpret_config_response(500, "<html>"),
            Err("config.json could not be loaded (HTTP 500).".to_owned())
        );
        assert!(interpret_config_response(200, "<html>").is_err());
    }

    #[test]
    fn a_failed_fetch_says_why() {
        assert_eq!(
            config_unavailable(&ApiError::TimedOut { seconds: 30 }),
            "config.json could not be loaded (no answer within 30 seconds)."
        );
        assert_eq!(
            config_unavailable(&ApiError::Unreachable {
                detail: "Failed to fetch".to_owned()
            }),
            "config.json could not be loaded (Failed to fetch)."
        );
    }

    #[test]
    fn empty_object_means_defaults() {
        assert_eq!(RuntimeConfig::from_json("{}"), Ok(RuntimeConfig::default()));
        assert_eq!(RuntimeConfig::default().api_base_url, "/commandcenter/api");
    }

    #[test]
    fn reads_the_api_base_url() {
        let config = RuntimeConfig::from_json(
            r#"{"apiBaseUrl": "https://cc.example.com/commandcenter/api"}"#,
        );
        assert_eq!(
            config.map(|c| c.api_base_url),
            Ok("https://cc.example.com/commandcenter/api".to_owned())
        );
    }

    #[test]
    fn reads_the_request_timeout_within_bounds() {
        let config = RuntimeConfig::from_json(r#"{"requestTimeoutSeconds": 90}"#);
        assert_eq!(config.map(|c| c.request_timeout_seconds), Ok(90));
        assert_eq!(RuntimeConfig::default().request_timeout_seconds, 30);
        for bad in ["0", "601", "-1", "\"30\""] {
            let text = format!(r#"{{"requestTimeoutSeconds": {bad}}}"#);
            assert!(RuntimeConfig::from_json(&text).is_err(), "{text}");
        }
    }

    #[test]
    fn misspelt_keys_and_html_are_errors() {
        let misspelt = RuntimeConfig::from_json(r#"{"apiBaseURL": "/x"}"#);
        assert!(misspelt.is_err_and(|e| e.contains("apiBaseURL")));
        assert!(RuntimeConfig::from_json("<!DOCTYPE html>").is_err());
    }
}

#[cfg(test)]
mod deployment_keys {
    use super::*;

    #[test]
    fn every_key_is_read() {
        let config = RuntimeConfig::from_json(
            r#"{
                "apiBaseUrl": "https://cc.example.com/commandcenter/api",
                "allowApiBaseUrlChange": false,
                "requestTimeoutSeconds": 45,
                "embedding": {"allowedParentOrigins": ["https://portal.example.com", "http://127.0.0.1:8443"]},
                "title": "  Mail for backups  "
            }"#,
        );
        assert_eq!(
            config,
            Ok(RuntimeConfig {
                api_base_url: "https://cc.example.com/commandcenter/api".into(),
                allow_api_base_url_change: false,
                request_timeout_seconds: 45,
                embedding: EmbeddingConfig {
                    allowed_parent_origins: vec![
                        "https://portal.example.com".into(),
                        "http://127.0.0.1:8443".into()
                    ],
                },
                title: "Mail for backups".into(),
            })
        );
        let defaults = RuntimeConfig::default();
        assert!(defaults.allow_api_base_url_change);
        assert!(defaults.embedding.allowed_parent_origins.is_empty());
        assert_eq!(defaults.document_title(), "Email server · Command Center");
    }

    #[test]
    fn the_shipped_and_the_example_files_are_valid() {
        let example = RuntimeConfig::from_json(include_str!("../../config.example.json"));
        assert!(example.is_ok_and(|c| c.embedding.allowed_parent_origins.len() == 1));
        assert_eq!(
            RuntimeConfig::from_json(include_str!("../../config.json")),
            Ok(RuntimeConfig::default())
        );
    }

    #[test]
    fn origins_are_exactly_what_browsers_write() {
        for origin in [
            "https://portal.example.com",
            "http://localhost:8080",
            "https://10.0.0.5",
            "https://[2001:db8::1]:8443",
            "https://x-y.example",
        ] {
            assert_eq!(check_origin(origin), Ok(()), "{origin}");
        }
        for origin in [
            "portal.example.com",
            "https://portal.example.com/",
            "https://portal.example.com/admin",
            "https://*.example.com",
            "*",
            "https://Portal.example.com",
            "https://portal.example.com:443",
            "http://portal.example.com:80",
            "https://portal.example.com:0",
            "https://portal.example.com:99999",
            "https://portal.example.com:",
            "https://user@portal.example.com",
            "https://",
            "https://a..b",
            "ftp://portal.example.com",
            "https://[2001:DB8::1]",
            "https://2001:db8::1",
            "https://-portal.example.com",
            "https://10.0.0.999",
            "null",
        ] {
            assert!(check_origin(origin).is_err(), "{origin} was accepted");
        }
    }

    #[test]
    fn bad_values_say_which_key() {
        let error = |text: &str| RuntimeConfig::from_json(text).err().unwrap_or_default();
        assert_eq!(
            error(r#"{"embedding": {"allowedParentOrigins": ["https://*.example.com"]}}"#),
            "config.json is not valid: embedding.allowedParentOrigins: “https://*.example.com” \
             is not an origin: wildcards are not allowed: list each origin."
        );
        assert_eq!(
            error(r#"{"title": " "}"#),
            "config.json is not valid: title must be 1 to 80 characters."
        );
        assert_eq!(
            error(r#"{"title": "a\nb"}"#),
            "config.json is not valid: title must be one line, without control characters."
        );
        assert!(error(r#"{"apiBaseUrl": "ftp://x"}"#)
            .starts_with("config.json is not valid: apiBaseUrl: "));
        assert!(error(r#"{"embedding": {"allowedParentOrigin": []}}"#)
            .contains("unknown field `allowedParentOrigin`"));
        assert!(error(r#"{"allowApiBaseUrlChange": "no"}"#).contains("expected a boolean"));
    }
}

#[cfg(test)]
mod messages {
    use super::*;

    fn error(text: &str) -> String {
        RuntimeConfig::from_json(text).err().unwrap_or_default()
    }

    #[test]
    fn errors_say_what_is_wrong_and_where() {
        assert_eq!(
            error("{\"apiBaseURL\": \"/x\"}"),
            "config.json is not valid: unknown field `apiBaseURL`, expected one of `apiBaseUrl`, \
             `allowApiBaseUrlChange`, `requestTimeoutSeconds`, `embedding`, `title` at line 1 \
             column 13."
        );
        assert_eq!(
            error("<!DOCTYPE html>"),
            "config.json is not valid: expected value at line 1 column 1."
        );
        assert_eq!(
            error("\"/commandcenter/api\""),
            "config.json is not valid: invalid type: string \"/commandcenter/api\", expected \
             struct RuntimeConfig at line 1 column 20."
        );
        assert_eq!(
            error("{\"requestTimeoutSeconds\": 0}"),
            "config.json is not valid: requestTimeoutSeconds must be 1 to 600."
        );
        assert_eq!(
            error("{\"apiBaseUrl\": 1}"),
            "config.json is not valid: invalid type: integer `1`, expected a string at line 1 \
             column 16."
        );
        assert_eq!(
            error("{\"apiBaseUrl\": \"/x\", \"apiBaseUrl\": \"/y\"}"),
            "config.json is not valid: duplicate field `apiBaseUrl` at line 1 column 33."
        );
    }
}
