//! The page in a portal's frame: the messages it exchanges with the parent window by
//! `postMessage`, and which it accepts. The protocol (version 1), as the README documents it:
//!
//! - to the parent: `{type: "commandcenter-email:ready", version: 1}`, once to each allowed
//!   origin; then, to the origin that sent the session: `saved`, `dirty` (with `dirty: bool`),
//!   `height` (with `height`, in CSS pixels) and `session-expired`;
//! - from the parent: `{type: "commandcenter-email:session", version: 1, token, apiBaseUrl?}`.
//!
//! A message counts only when it comes from the parent window and from an origin of
//! `embedding.allowedParentOrigins`; everything else is ignored, and said so without its content.

use std::time::Duration;

use serde::{Deserialize, Serialize};

use super::secret::Secret;
use super::validation::{check_base_url, check_token};

pub const PROTOCOL_VERSION: u32 = 1;

/// How long the page waits for the portal's token after `ready`, and for a fresh one after
/// `session-expired`, before it offers its own sign-in.
pub const PORTAL_PATIENCE: Duration = Duration::from_secs(5);

/// What the page tells the parent.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "type")]
pub enum ToParent {
    #[serde(rename = "commandcenter-email:ready")]
    Ready { version: u32 },
    #[serde(rename = "commandcenter-email:saved")]
    Saved { version: u32 },
    #[serde(rename = "commandcenter-email:dirty")]
    Dirty { version: u32, dirty: bool },
    #[serde(rename = "commandcenter-email:height")]
    Height { version: u32, height: u32 },
    #[serde(rename = "commandcenter-email:session-expired")]
    SessionExpired { version: u32 },
}

impl ToParent {
    pub fn ready() -> Self {
        ToParent::Ready {
            version: PROTOCOL_VERSION,
        }
    }

    pub fn saved() -> Self {
        ToParent::Saved {
            version: PROTOCOL_VERSION,
        }
    }

    pub fn dirty(dirty: bool) -> Self {
        ToParent::Dirty {
            version: PROTOCOL_VERSION,
            dirty,
        }
    }

    pub fn height(height: u32) -> Self {
        ToParent::Height {
            version: PROTOCOL_VERSION,
            height,
        }
    }

    pub fn session_expired() -> Self {
        ToParent::SessionExpired {
            version: PROTOCOL_VERSION,
        }
    }

    /// The message as JSON text, for the browser to turn into the object it posts.
    pub fn to_json(&self) -> String {
        // A struct of strings, numbers and booleans always serializes.
        serde_json::to_string(self).unwrap_or_default()
    }
}

/// A message from the parent, as JSON text of what it posted.
#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
struct FromParent {
    #[serde(rename = "type")]
    kind: String,
    version: u32,
    token: Option<String>,
    api_base_url: Option<String>,
    /// Added to version 1 later; a page that predates it ignores it, as any unknown member.
    language: Option<String>,
}

/// A session that the portal hands over.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PortalSession {
    pub token: Secret,
    /// Checked like the sign-in's; `None` keeps the page's own.
    pub api_base_url: Option<String>,
    /// The portal's language (a BCP 47 tag), which the page speaks unless the administrator or
    /// `config.json` chose one (`crate::core::language::choose`).
    pub language: Option<String>,
}

/// What a message event means for the page.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Incoming {
    Session(PortalSession),
    /// Not for the page; the reason goes to the console, the message's content never does.
    Ignored(String),
}

/// Judges a message event: its origin, whether it came from the parent window, and what it
/// posted, as JSON text (`None` when it could not be turned into JSON).
pub fn judge_message(
    origin: &str,
    from_parent: bool,
    allowed_origins: &[String],
    data: Option<&str>,
) -> Incoming {
    if !allowed_origins.iter().any(|allowed| allowed == origin) {
        return Incoming::Ignored(format!(
            "a message from {origin}, which is not in embedding.allowedParentOrigins"
        ));
    }
    if !from_parent {
        return Incoming::Ignored(format!(
            "a message from {origin} that did not come from the parent window"
        ));
    }
    let Some(message) = data.and_then(|text| serde_json::from_str::<FromParent>(text).ok()) else {
        return Incoming::Ignored(format!(
            "a message from {origin} that is not one of this page's protocol"
        ));
    };
    if message.kind != "commandcenter-email:session" {
        return Incoming::Ignored(format!("a {} message from {origin}", message.kind));
    }
    if message.version != PROTOCOL_VERSION {
        return Incoming::Ignored(format!(
            "a session message of version {} from {origin} (this page speaks version \
             {PROTOCOL_VERSION})",
            message.version
        ));
    }
    let token = match message.token.as_deref().map(check_token) {
        Some(Ok(token)) => token,
        _ => {
            return Incoming::Ignored(format!(
                "a session message from {origin} without a usable token"
            ))
        }
    };
    let api_base_url = match message.api_base_url.as_deref().map(check_base_url) {
        None => None,
        Some(Ok(url)) => Some(url),
        Some(Err(_)) => {
            return Incoming::Ignored(format!(
                "a session message from {origin} whose apiBaseUrl is not a valid API base URL"
            ))
        }
    };
    Incoming::Session(PortalSession {
        token,
        api_base_url,
        language: message.language,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const PORTAL: &str = "https://portal.example.com";

    fn allowed() -> Vec<String> {
        vec![PORTAL.to_owned()]
    }

    fn judge(origin: &str, from_parent: bool, data: &str) -> Incoming {
        judge_message(origin, from_parent, &allowed(), Some(data))
    }

    #[test]
    fn the_messages_to_the_parent_have_the_documented_shape() {
        let json = |m: ToParent| serde_json::from_str::<serde_json::Value>(&m.to_json()).ok();
        assert_eq!(
            json(ToParent::ready()),
            Some(serde_json::json!({"type": "commandcenter-email:ready", "version": 1}))
        );
        assert_eq!(
            json(ToParent::dirty(true)),
            Some(
                serde_json::json!({"type": "commandcenter-email:dirty", "version": 1, "dirty": true})
            )
        );
        assert_eq!(
            json(ToParent::height(640)),
            Some(
                serde_json::json!({"type": "commandcenter-email:height", "version": 1, "height": 640})
            )
        );
        assert_eq!(
            json(ToParent::saved()),
            Some(serde_json::json!({"type": "commandcenter-email:saved", "version": 1}))
        );
        assert_eq!(
            json(ToParent::session_expired()),
            Some(serde_json::json!({"type": "commandcenter-email:session-expired", "version": 1}))
        );
    }

    #[test]
    fn a_session_from_the_parent_on_an_allowed_origin_is_taken() {
        let message = r#"{"type": "commandcenter-email:session", "version": 1, "token": " QSDK 1f ",
                          "apiBaseUrl": "https://cc.example.com/commandcenter/api/",
                          "language": "de-DE"}"#;
        assert_eq!(
            judge(PORTAL, true, message),
            Incoming::Session(PortalSession {
                token: Secret::new("QSDK 1f"),
                api_base_url: Some("https://cc.example.com/commandcenter/api".into()),
                language: Some("de-DE".into()),
            })
        );
        let without_url =
            r#"{"type": "commandcenter-email:session", "version": 1, "token": "t0k3n"}"#;
        assert!(matches!(
            judge(PORTAL, true, without_url),
            Incoming::Session(PortalSession {
                api_base_url: None,
                language: None,
                ..
            })
        ));
    }

    #[test]
    fn anything_else_is_ignored_and_the_reason_never_holds_the_content() {
        let session =
            r#"{"type": "commandcenter-email:session", "version": 1, "token": "s3cret-token"}"#;
        let cases = [
            judge("https://evil.example", true, session),
            judge("https://portal.example.com.evil.example", true, session),
            judge(PORTAL, false, session),
            judge(
                PORTAL,
                true,
                r#"{"type": "commandcenter-email:session", "version": 2, "token": "s3cret-token"}"#,
            ),
            judge(
                PORTAL,
                true,
                r#"{"type": "commandcenter-email:session", "version": 1}"#,
            ),
            judge(
                PORTAL,
                true,
                r#"{"type": "commandcenter-email:session", "version": 1, "token": "bad\u0007s3cret-token"}"#,
            ),
            judge(
                PORTAL,
                true,
                r#"{"type": "commandcenter-email:session", "version": 1, "token": "s3cret-token", "apiBaseUrl": "ftp://x"}"#,
            ),
            judge(
                PORTAL,
                true,
                r#"{"type": "something-else", "version": 1, "token": "s3cret-token"}"#,
            ),
            judge(PORTAL, true, r#""s3cret-token""#),
            judge_message(PORTAL, true, &allowed(), None),
            judge_message(PORTAL, true, &[], Some(session)),
        ];
        for incoming in cases {
            let Incoming::Ignored(reason) = incoming else {
                panic!("taken: {incoming:?}");
            };
            assert!(!reason.contains("s3cret"), "{reason}");
        }
    }
}
