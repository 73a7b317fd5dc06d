//! What may be wrong with settings that are valid: warnings and notes, shown under their field,
//! that never stop a save or a test mail. Each says what is true and stays true, with its
//! source beside it.

use super::providers::Provider;
use super::settings::{Encryption, Field, SettingsForm};

/// One warning or note, and the field it belongs under.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Warning {
    /// 465 is the port of a connection encrypted from the start (RFC 8314, 7.3); with TLS
    /// (STARTTLS) the client speaks plain SMTP first, and such a server waits for TLS.
    Port465WithTls,
    /// 587 is the submission port for STARTTLS (RFC 6409, RFC 8314 3.3); a client that starts
    /// with TLS gets no answer it understands.
    Port587WithSsl,
    /// Sign-in without encryption: the user name and password cross the network readable.
    SignInUnencrypted,
    /// Exchange Online with a password. Microsoft's Exchange Team Blog ("Exchange Online SMTP
    /// AUTH Basic Authentication deprecation", its timeline as updated for 2026): from the end
    /// of December 2026 SMTP AUTH with Basic authentication is off by default for existing
    /// tenants, can be turned back on, and is off in tenants created after that; the date of its
    /// removal is to be announced in the second half of 2027. Command Center's API takes only a
    /// user name and password (`../shared/commandcenter-api.md`: no OAuth member in the email
    /// server's schemas), so the ways on are an SMTP relay or connector, or SMTP AUTH turned on
    /// again for the mailbox.
    Microsoft365Password,
    /// Gmail and Google Workspace over SMTP take only an app password. Google Account Help,
    /// "Sign in with app passwords": a 16-character code, which needs 2-Step Verification, and
    /// which a work or school account's administrator may have turned off. A note while no
    /// password is typed or the typed one could be one.
    GoogleAppPasswordNote,
    /// The typed password is no app password: not 16 letters, spaces left aside.
    GoogleNotAnAppPassword,
}

impl Warning {
    /// Under which field it shows. A port that does not match the encryption is said under the
    /// encryption, which has the width of the form (the port's field is a narrow column).
    pub fn field(self) -> Field {
        match self {
            Warning::Port465WithTls | Warning::Port587WithSsl | Warning::SignInUnencrypted => {
                Field::Encryption
            }
            Warning::Microsoft365Password => Field::Authentication,
            Warning::GoogleAppPasswordNote | Warning::GoogleNotAnAppPassword => Field::Password,
        }
    }

    /// A note informs; a warning asks the administrator to look again.
    pub fn is_note(self) -> bool {
        self == Warning::GoogleAppPasswordNote
    }
}

/// The warnings and notes for the settings as typed, in page order, never two under one field.
/// A saved password is never judged: the page does not have it.
pub fn warnings(settings: &SettingsForm) -> Vec<Warning> {
    // Pushed in page order: the encryption, the sign-in, the password.
    let mut found = Vec::new();
    match (settings.smtp_port.trim(), settings.encryption) {
        ("465", Encryption::Tls) => found.push(Warning::Port465WithTls),
        ("587", Encryption::Ssl) => found.push(Warning::Port587WithSsl),
        _ => {}
    }
    if !settings.use_authentication {
        return found;
    }
    if settings.encryption == Encryption::None {
        found.push(Warning::SignInUnencrypted);
    }
    match Provider::of_server(&settings.smtp_server) {
        Some(Provider::Microsoft365) => found.push(Warning::Microsoft365Password),
        Some(Provider::Google) => found.push(if could_be_app_password(&settings.password) {
            Warning::GoogleAppPasswordNote
        } else {
            Warning::GoogleNotAnAppPassword
        }),
        _ => {}
    }
    found
}

/// Nothing typed (the saved one is kept, or none is asked yet), or 16 ASCII letters once the
/// spaces Google shows it with are left aside.
fn could_be_app_password(typed: &str) -> bool {
    let letters: Vec<char> = typed.chars().filter(|c| *c != ' ').collect();
    typed.is_empty() || (letters.len() == 16 && letters.iter().all(char::is_ascii_alphabetic))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn settings(edit: impl FnOnce(&mut SettingsForm)) -> SettingsForm {
        let mut settings = SettingsForm {
            smtp_server: "mail.example.com".into(),
            smtp_port: "587".into(),
            encryption: Encryption::Tls,
            use_authentication: true,
            username: "mailer".into(),
            ..SettingsForm::default()
        };
        edit(&mut settings);
        settings
    }

    #[test]
    fn usual_settings_warn_of_nothing() {
        assert_eq!(warnings(&settings(|_| {})), []);
        assert_eq!(
            warnings(&settings(|s| {
                s.smtp_port = "465".into();
                s.encryption = Encryption::Ssl;
            })),
            []
        );
    }

    #[test]
    fn a_port_that_does_not_match_its_encryption_is_named() {
        assert_eq!(
            warnings(&settings(|s| s.smtp_port = " 465 ".into())),
            [Warning::Port465WithTls]
        );
        assert_eq!(
            warnings(&settings(|s| s.encryption = Encryption::Ssl)),
            [Warning::Port587WithSsl]
        );
    }

    #[test]
    fn sign_in_without_encryption_is_named_only_with_sign_in() {
        assert_eq!(
            warnings(&settings(|s| {
                s.smtp_port = "25".into();
                s.encryption = Encryption::None;
            })),
            [Warning::SignInUnencrypted]
        );
        assert_eq!(
            warnings(&settings(|s| {
                s.smtp_port = "25".into();
                s.encryption = Encryption::None;
                s.use_authentication = false;
            })),
            []
        );
    }

    #[test]
    fn microsoft_365_with_a_password_says_where_basic_authentication_stands() {
        assert_eq!(
            warnings(&settings(|s| s.smtp_server = "SMTP.office365.com".into())),
            [Warning::Microsoft365Password]
        );
        assert_eq!(
            warnings(&settings(|s| {
                s.smtp_server = "smtp.office365.com".into();
                s.use_authentication = false;
            })),
            []
        );
    }

    #[test]
    fn google_takes_only_app_passwords_and_a_typed_password_is_judged() {
        let google = |password: &str| {
            warnings(&settings(|s| {
                s.smtp_server = "smtp.gmail.com".into();
                s.password = password.into();
            }))
        };
        // Nothing typed: the saved one is not the page's to judge.
        assert_eq!(google(""), [Warning::GoogleAppPasswordNote]);
        // As Google shows an app password, and as it is typed.
        assert_eq!(
            google("abcd efgh ijkl mnop"),
            [Warning::GoogleAppPasswordNote]
        );
        assert_eq!(google("abcdefghijklmnop"), [Warning::GoogleAppPasswordNote]);
        assert_eq!(
            google("my-account-password"),
            [Warning::GoogleNotAnAppPassword]
        );
        assert_eq!(
            google("abcd efgh ijkl mno1"),
            [Warning::GoogleNotAnAppPassword]
        );
    }

    #[test]
    fn no_field_ever_gets_two() {
        let servers = ["mail.example.com", "smtp.office365.com", "smtp.gmail.com"];
        let ports = ["", "25", "465", "587", "2525"];
        let passwords = ["", "abcdefghijklmnop", "secret"];
        for server in servers {
            for port in ports {
                for encryption in [Encryption::None, Encryption::Tls, Encryption::Ssl] {
                    for use_authentication in [false, true] {
                        for password in passwords {
                            let found = warnings(&settings(|s| {
                                s.smtp_server = server.into();
                                s.smtp_port = port.into();
                                s.encryption = encryption;
                                s.use_authentication = use_authentication;
                                s.password = password.into();
                            }));
                            let mut fields: Vec<Field> = found.iter().map(|w| w.field()).collect();
                            fields.dedup();
                            assert_eq!(fields.len(), found.len(), "{found:?}");
                        }
                    }
                }
            }
        }
    }

    #[test]
    fn several_come_in_page_order() {
        let found = warnings(&settings(|s| {
            s.smtp_server = "smtp.office365.com".into();
            s.smtp_port = "587".into();
            s.encryption = Encryption::None;
        }));
        assert_eq!(
            found,
            [Warning::SignInUnencrypted, Warning::Microsoft365Password]
        );
        assert!(found.iter().all(|w| !w.is_note()));
    }
}
