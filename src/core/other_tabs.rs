//! Tabs of this page tell each other of a save, so that one does not go on from settings that
//! another has just replaced. The message, on the `BroadcastChannel` [`CHANNEL`]:
//! `{type: "commandcenter-email:saved", version: 1, apiBaseUrl: <absolute URL>}`, with no
//! secret in it. A browser delivers it only to the tabs and frames of the same top-level site,
//! so a framed page hears only the frames of the same portal.

use serde::{Deserialize, Serialize};

use super::embedding::PROTOCOL_VERSION;

pub const CHANNEL: &str = "commandcenter-email";

const SAVED: &str = "commandcenter-email:saved";

#[derive(Debug, Deserialize, Serialize)]
#[serde(rename_all = "camelCase")]
struct SavedMessage {
    #[serde(rename = "type")]
    kind: String,
    version: u32,
    api_base_url: String,
}

/// What a tab posts after a save to the API at `api_base_url` (absolute).
pub fn saved_message(api_base_url: &str) -> String {
    let message = SavedMessage {
        kind: SAVED.to_owned(),
        version: PROTOCOL_VERSION,
        api_base_url: api_base_url.to_owned(),
    };
    serde_json::to_string(&message).unwrap_or_default()
}

/// Whether `message` (as JSON) says that another tab saved to the same Command Center as
/// ours, `api_base_url` (absolute). Anything else is not for this page.
pub fn saved_to_ours(message: &str, api_base_url: &str) -> bool {
    let same = |theirs: &str| theirs.trim_end_matches('/') == api_base_url.trim_end_matches('/');
    serde_json::from_str::<SavedMessage>(message)
        .is_ok_and(|m| m.kind == SAVED && m.version == PROTOCOL_VERSION && same(&m.api_base_url))
}

#[cfg(test)]
mod tests {
    use super::*;

    const OURS: &str = "https://cc.example.com/commandcenter/api";

    #[test]
    fn a_save_to_our_command_center_is_ours_and_carries_no_secret() {
        let message = saved_message(OURS);
        assert_eq!(
            serde_json::from_str::<serde_json::Value>(&message).ok(),
            Some(serde_json::json!({
                "type": "commandcenter-email:saved",
                "version": 1,
                "apiBaseUrl": OURS,
            }))
        );
        assert!(saved_to_ours(&message, OURS));
        assert!(saved_to_ours(&message, &format!("{OURS}/")));
    }

    #[test]
    fn a_save_elsewhere_or_another_message_is_not() {
        assert!(!saved_to_ours(
            &saved_message("https://other.example.com/commandcenter/api"),
            OURS
        ));
        for other in [
            r#"{"type": "commandcenter-email:dirty", "version": 1, "apiBaseUrl": "x"}"#,
            r#"{"type": "commandcenter-email:saved", "version": 2, "apiBaseUrl": "https://cc.example.com/commandcenter/api"}"#,
            r#"{"type": "commandcenter-email:saved", "version": 1}"#,
            "not json",
        ] {
            assert!(!saved_to_ours(other, OURS), "{other}");
        }
    }
}
