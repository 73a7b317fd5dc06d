//! The runtime configuration read from `config.json` beside `index.html`, so that one build
//! serves every installation: operators edit a JSON file, not the wasm.

use serde::Deserialize;

/// Where Command Center's API is when nothing else is said: the same origin, behind the path
/// Command Center itself uses, which is what a reverse proxy in front of both gives.
pub const DEFAULT_API_BASE_URL: &str = "/commandcenter/api";
/// How long a call may take before the page gives up on it. Command Center answers in well
/// under a second on a LAN; half a minute leaves room for a slow VPN and a busy server.
pub const DEFAULT_REQUEST_TIMEOUT_SECONDS: u32 = 30;
/// Beyond ten minutes a "timeout" no longer helps anyone.
pub const MAX_REQUEST_TIMEOUT_SECONDS: u32 = 600;

#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct RuntimeConfig {
    #[serde(default = "default_api_base_url")]
    pub api_base_url: String,
    #[serde(default = "default_request_timeout_seconds")]
    pub request_timeout_seconds: u32,
}

fn default_api_base_url() -> String {
    DEFAULT_API_BASE_URL.to_owned()
}

fn default_request_timeout_seconds() -> u32 {
    DEFAULT_REQUEST_TIMEOUT_SECONDS
}

impl Default for RuntimeConfig {
    fn default() -> Self {
        Self {
            api_base_url: default_api_base_url(),
            request_timeout_seconds: default_request_timeout_seconds(),
        }
    }
}

impl RuntimeConfig {
    /// Unknown keys are refused rather than ignored: a misspelt key silently falling back to the
    /// default is the kind of mistake an operator cannot see.
    pub fn from_json(text: &str) -> Result<Self, String> {
        let config: Self =
            serde_json::from_str(text).map_err(|e| format!("config.json is not valid: {e}."))?;
        if !(1..=MAX_REQUEST_TIMEOUT_SECONDS).contains(&config.request_timeout_seconds) {
            return Err(format!(
                "config.json is not valid: requestTimeoutSeconds must be 1 to {MAX_REQUEST_TIMEOUT_SECONDS}."
            ));
        }
        Ok(config)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
