//! What the administrator edits: the fields of the page and their raw, as-typed values.

use std::fmt;

use serde::Serialize;

/// How the mail server's connection is encrypted; the wire names are the contract's.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum Encryption {
    #[default]
    None,
    Tls,
    Ssl,
}

impl Encryption {
    pub const ALL: [Encryption; 3] = [Encryption::None, Encryption::Tls, Encryption::Ssl];

    pub fn wire_name(self) -> &'static str {
        match self {
            Encryption::None => "NONE",
            Encryption::Tls => "TLS",
            Encryption::Ssl => "SSL",
        }
    }

    pub fn from_wire_name(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|e| e.wire_name() == name)
    }
}

/// Every input of the page, in page order (the order in which focus moves to the first error):
/// the sign-in form's, then the settings form's.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Field {
    LoginUser,
    LoginPassword,
    AccessToken,
    ApiBaseUrl,
    SmtpServer,
    SmtpPort,
    Encryption,
    SenderEmail,
    SenderName,
    Authentication,
    Username,
    Password,
}

impl Field {
    /// The settings form's inputs (the sign-in form is a page of its own).
    pub const IN_PAGE_ORDER: [Field; 10] = [
        Field::AccessToken,
        Field::ApiBaseUrl,
        Field::SmtpServer,
        Field::SmtpPort,
        Field::Encryption,
        Field::SenderEmail,
        Field::SenderName,
        Field::Authentication,
        Field::Username,
        Field::Password,
    ];
}

/// The mail server settings exactly as typed; validation turns them into a request.
#[derive(Clone, Default, PartialEq, Eq)]
pub struct SettingsForm {
    pub smtp_server: String,
    pub smtp_port: String,
    pub encryption: Encryption,
    pub sender_email: String,
    pub sender_name: String,
    pub use_authentication: bool,
    pub username: String,
    /// Empty means "keep the saved password" when Command Center has one.
    pub password: String,
}

// Written by hand so that printing a form for debugging cannot leak the password.
impl fmt::Debug for SettingsForm {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("SettingsForm")
            .field("smtp_server", &self.smtp_server)
            .field("smtp_port", &self.smtp_port)
            .field("encryption", &self.encryption)
            .field("sender_email", &self.sender_email)
            .field("sender_name", &self.sender_name)
            .field("use_authentication", &self.use_authentication)
            .field("username", &self.username)
            .field("password", &"<redacted>")
            .finish()
    }
}

#[cfg(test)]
impl SettingsForm {
    /// What the unit tests start from: a mail relay with sign-in, as Command Center holds it
    /// (without the password, which it never returns).
    pub(crate) fn example() -> Self {
        SettingsForm {
            smtp_server: "smtp.example.com".into(),
            smtp_port: "587".into(),
            encryption: Encryption::Tls,
            sender_email: "alerts@example.com".into(),
            sender_name: "Backup alerts".into(),
            use_authentication: true,
            username: "mailer".into(),
            password: String::new(),
        }
    }
}

/// What Command Center holds now, as last loaded or saved: the form starts from it, is
/// compared with it, and decides between configuring (POST) and updating (PUT).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub enum Baseline {
    /// Nothing is configured yet (or the administrator chose to start from an empty form).
    #[default]
    NotConfigured,
    /// The settings Command Center has; `password` is always empty (it is never returned), and
    /// a password is saved exactly when authentication is on.
    Configured(SettingsForm),
}

impl Baseline {
    /// The form's values as Command Center has them.
    pub fn form(&self) -> SettingsForm {
        match self {
            Baseline::NotConfigured => SettingsForm::default(),
            Baseline::Configured(settings) => settings.clone(),
        }
    }

    pub fn saved_username(&self) -> Option<&str> {
        match self {
            Baseline::Configured(settings) if settings.use_authentication => {
                Some(settings.username.as_str())
            }
            _ => None,
        }
    }
}

/// Where and as whom the page talks to Command Center, as typed.
#[derive(Clone, Default, PartialEq, Eq)]
pub struct ConnectionForm {
    pub access_token: String,
    pub api_base_url: String,
}

impl fmt::Debug for ConnectionForm {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ConnectionForm")
            .field("access_token", &"<redacted>")
            .field("api_base_url", &self.api_base_url)
            .finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn encryption_wire_names_round_trip() {
        for encryption in Encryption::ALL {
            assert_eq!(
                Encryption::from_wire_name(encryption.wire_name()),
                Some(encryption)
            );
        }
        assert_eq!(Encryption::from_wire_name("tls"), None);
        for encryption in Encryption::ALL {
            assert_eq!(
                serde_json::to_value(encryption).ok(),
                Some(serde_json::Value::from(encryption.wire_name()))
            );
        }
        assert_eq!(Encryption::default(), Encryption::None);
    }

    #[test]
    fn debug_of_forms_hides_secrets() {
        let settings = SettingsForm {
            password: "s3cret-pass".into(),
            ..SettingsForm::default()
        };
        let connection = ConnectionForm {
            access_token: "QSDK 1234abcd".into(),
            api_base_url: "/commandcenter/api".into(),
        };
        let printed = format!("{settings:?} {connection:?}");
        assert!(!printed.contains("s3cret"), "{printed}");
        assert!(!printed.contains("1234abcd"), "{printed}");
    }

    #[test]
    fn page_order_lists_every_field_once() {
        let mut sorted = Field::IN_PAGE_ORDER.to_vec();
        sorted.sort();
        sorted.dedup();
        assert_eq!(sorted.len(), Field::IN_PAGE_ORDER.len());
        assert_eq!(sorted, Field::IN_PAGE_ORDER.to_vec());
    }
}
