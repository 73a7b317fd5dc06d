//! The runtime configuration read from `config.json` beside `index.html`, so that one build
//! serves every installation: operators edit a JSON file, not the wasm.

use serde::Deserialize;

use super::errors::ApiError;

/// Where Command Center's API is when nothing else is said: the same origin, behind the path
/// Command Center itself uses, which is what a reverse proxy in front of both gives.
pub const DEFAULT_API_BASE_URL: &str = "/commandcenter/api";
/// How long a call may take before the page gives up on it. Command Center answers in well
/// under a second on a LAN; half a minute leaves room for a slow VPN and a busy server.
pub const DEFAULT_REQUEST_TIMEOUT_SECONDS: u32 = 30;
/// Beyond ten minutes a "timeout" no longer helps anyone.
pub const MAX_REQUEST_TIMEOUT_SECONDS: u32 = 600;

/// `{"apiBaseUrl": "…", "requestTimeoutSeconds": 30}`; either may be left out. Unknown keys are
/// refused rather than ignored: a misspelt key silently falling back to the default is the kind
/// of mistake an operator cannot see.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields, default)]
pub struct RuntimeConfig {
    pub api_base_url: String,
    pub request_timeout_seconds: u32,
}

impl Default for RuntimeConfig {
    fn default() -> Self {
        Self {
            api_base_url: DEFAULT_API_BASE_URL.to_owned(),
            request_timeout_seconds: DEFAULT_REQUEST_TIMEOUT_SECONDS,
        }
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
        let config: Self = serde_json::from_str(text)
            .map_err(|error| format!("config.json is not valid: {error}."))?;
        if !(1..=MAX_REQUEST_TIMEOUT_SECONDS).contains(&config.request_timeout_seconds) {
            return Err(format!(
                "config.json is not valid: requestTimeoutSeconds must be 1 to \
                 {MAX_REQUEST_TIMEOUT_SECONDS}."
            ));
        }
        Ok(config)
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
mod messages {
    use super::*;

    fn error(text: &str) -> String {
        RuntimeConfig::from_json(text).err().unwrap_or_default()
    }

    #[test]
    fn errors_say_what_is_wrong_and_where() {
        assert_eq!(
            error("{\"apiBaseURL\": \"/x\"}"),
            "config.json is not valid: unknown field `apiBaseURL`, expected `apiBaseUrl` or \
             `requestTimeoutSeconds` at line 1 column 13."
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
