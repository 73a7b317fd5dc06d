//! The runtime configuration read from `config.json` beside `index.html`, so that one build
//! serves every installation: operators edit a JSON file, not the wasm.

use super::errors::ApiError;
use super::json::{self, Value};

/// Where Command Center's API is when nothing else is said: the same origin, behind the path
/// Command Center itself uses, which is what a reverse proxy in front of both gives.
pub const DEFAULT_API_BASE_URL: &str = "/commandcenter/api";
/// How long a call may take before the page gives up on it. Command Center answers in well
/// under a second on a LAN; half a minute leaves room for a slow VPN and a busy server.
pub const DEFAULT_REQUEST_TIMEOUT_SECONDS: u32 = 30;
/// Beyond ten minutes a "timeout" no longer helps anyone.
pub const MAX_REQUEST_TIMEOUT_SECONDS: u32 = 600;

/// `{"apiBaseUrl": "…", "requestTimeoutSeconds": 30}`; either may be left out.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RuntimeConfig {
    pub api_base_url: String,
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
    /// Unknown keys are refused rather than ignored: a misspelt key silently falling back to the
    /// default is the kind of mistake an operator cannot see.
    pub fn from_json(text: &str) -> Result<Self, String> {
        Self::read(text).map_err(|problem| format!("config.json is not valid: {problem}."))
    }

    fn read(text: &str) -> Result<Self, String> {
        let Value::Object(members) =
            json::parse(text).map_err(|e| format!("it is not JSON (from byte {} on)", e.offset))?
        else {
            return Err("it is not a JSON object".to_owned());
        };
        let mut config = Self::default();
        let mut seen = [false; 2];
        for (key, value) in members {
            let index = match key.as_str() {
                "apiBaseUrl" => 0,
                "requestTimeoutSeconds" => 1,
                _ => {
                    return Err(format!(
                        "unknown field `{key}`, expected `apiBaseUrl` or `requestTimeoutSeconds`"
                    ))
                }
            };
            if std::mem::replace(&mut seen[index], true) {
                return Err(format!("duplicate field `{key}`"));
            }
            match (index, value) {
                (0, Value::Str(url)) => config.api_base_url = url,
                (0, _) => return Err("apiBaseUrl must be a string".to_owned()),
                (_, value) => {
                    config.request_timeout_seconds = value
                        .as_i64()
                        .and_then(|seconds| u32::try_from(seconds).ok())
                        .filter(|seconds| (1..=MAX_REQUEST_TIMEOUT_SECONDS).contains(seconds))
                        .ok_or_else(|| {
                            format!(
                                "requestTimeoutSeconds must be 1 to {MAX_REQUEST_TIMEOUT_SECONDS}"
                            )
                        })?;
                }
            }
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

// serde and serde_json are native-only dev-dependencies: the hand-written reader is checked
// against what serde's derive (with `deny_unknown_fields`) accepted before it.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod serde_tests {
    use proptest::prelude::*;
    use serde::Deserialize;

    use super::*;

    #[derive(Debug, Deserialize)]
    #[serde(rename_all = "camelCase", deny_unknown_fields)]
    struct SerdeConfig {
        #[serde(default = "default_api_base_url")]
        api_base_url: String,
        #[serde(default = "default_request_timeout_seconds")]
        request_timeout_seconds: u32,
    }

    /// serde's reading, with the range check `from_json` always made after it.
    fn theirs(text: &str) -> Option<RuntimeConfig> {
        serde_json::from_str::<SerdeConfig>(text)
            .ok()
            .filter(|c| (1..=MAX_REQUEST_TIMEOUT_SECONDS).contains(&c.request_timeout_seconds))
            .map(|c| RuntimeConfig {
                api_base_url: c.api_base_url,
                request_timeout_seconds: c.request_timeout_seconds,
            })
    }

    #[test]
    fn accepts_and_refuses_what_serde_did() {
        for text in [
            "{}",
            " {\"apiBaseUrl\": \"/x\", \"requestTimeoutSeconds\": 600}\n",
            "{\"apiBaseUrl\": null}",
            "{\"apiBaseUrl\": \"/x\", \"apiBaseUrl\": \"/y\"}",
            "{\"requestTimeoutSeconds\": 30.0}",
            "{\"requestTimeoutSeconds\": 4294967296}",
            "{\"requestTimeoutSeconds\": null}",
            "{\"x\": 1}",
            "\"/x\"",
            "",
        ] {
            assert_eq!(RuntimeConfig::from_json(text).ok(), theirs(text), "{text}");
        }
    }

    #[test]
    fn errors_say_what_is_wrong() {
        let error = |text: &str| RuntimeConfig::from_json(text).err().unwrap_or_default();
        assert_eq!(
            error("{\"apiBaseURL\": \"/x\"}"),
            "config.json is not valid: unknown field `apiBaseURL`, expected `apiBaseUrl` or \
             `requestTimeoutSeconds`."
        );
        assert_eq!(
            error("<!DOCTYPE html>"),
            "config.json is not valid: it is not JSON (from byte 0 on)."
        );
        assert_eq!(
            error("[]"),
            "config.json is not valid: it is not a JSON object."
        );
        assert_eq!(
            error("{\"requestTimeoutSeconds\": 0}"),
            "config.json is not valid: requestTimeoutSeconds must be 1 to 600."
        );
        assert_eq!(
            error("{\"apiBaseUrl\": 1}"),
            "config.json is not valid: apiBaseUrl must be a string."
        );
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(1024))]

        #[test]
        fn any_object_reads_as_serde_read_it(
            members in prop::collection::vec(
                (
                    prop_oneof![Just("apiBaseUrl"), Just("requestTimeoutSeconds"), Just("apibaseurl")],
                    prop_oneof![
                        Just("null".to_owned()),
                        Just("true".to_owned()),
                        Just("1.5".to_owned()),
                        (-5_i64..700).prop_map(|n| n.to_string()),
                        any::<i64>().prop_map(|n| n.to_string()),
                        any::<String>().prop_map(|s| serde_json::Value::String(s).to_string()),
                    ],
                ),
                0..4,
            )
        ) {
            let members: Vec<String> =
                members.iter().map(|(k, v)| format!("\"{k}\": {v}")).collect();
            let text = format!("{{{}}}", members.join(", "));
            prop_assert_eq!(RuntimeConfig::from_json(&text).ok(), theirs(&text), "{}", text);
        }
    }
}
