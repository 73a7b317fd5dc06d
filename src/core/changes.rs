//! What the administrator changed compared with what Command Center has: drives the Save
//! button, "Discard changes", the warning on leaving, and the review before saving.

use super::saved_password::{saved_password, SavedPassword};
use super::settings::{Baseline, Field, SettingsForm};

/// One changed setting, as shown in the review: display text, not wire values.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Change {
    pub field: Field,
    pub before: String,
    pub after: String,
}

const EMPTY: &str = "(empty)";

/// The settings that differ, in page order. Surrounding white space does not count (it is not
/// sent), and the password counts only when one was typed: it is shown as "changed", never as
/// text.
pub fn changes(baseline: &Baseline, current: &SettingsForm) -> Vec<Change> {
    let before = baseline.form();
    let mut changes = Vec::new();
    let mut text = |field: Field, old: &str, new: &str| {
        if old.trim() != new.trim() {
            changes.push(Change {
                field,
                before: shown(old),
                after: shown(new),
            });
        }
    };
    text(Field::SmtpServer, &before.smtp_server, &current.smtp_server);
    text(Field::SmtpPort, &before.smtp_port, &current.smtp_port);
    text(
        Field::Encryption,
        before.encryption.label(),
        current.encryption.label(),
    );
    text(
        Field::SenderEmail,
        &before.sender_email,
        &current.sender_email,
    );
    text(Field::SenderName, &before.sender_name, &current.sender_name);
    text(
        Field::Authentication,
        on_off(before.use_authentication),
        on_off(current.use_authentication),
    );
    // With sign-in off the user name and password are not sent, so they are not changes.
    if current.use_authentication {
        let old_username = if before.use_authentication {
            before.username.as_str()
        } else {
            ""
        };
        text(Field::Username, old_username, &current.username);
        if !current.password.is_empty() {
            let (before, after) = match saved_password(baseline, current) {
                SavedPassword::NotSaved => (EMPTY, "changed"),
                SavedPassword::Reusable => ("saved", "changed"),
                // Shown so that the reason for retyping it is in front of the administrator.
                SavedPassword::Withheld(_) => (
                    "saved, for the server it was saved for",
                    "typed again for the new connection",
                ),
            };
            changes.push(Change {
                field: Field::Password,
                before: before.to_owned(),
                after: after.to_owned(),
            });
        }
    }
    changes
}

/// The form after new settings arrived from Command Center: a field the administrator has not
/// touched since the last load takes the new value; an edited one keeps what was typed.
pub fn rebase(
    old_baseline: &SettingsForm,
    current: &SettingsForm,
    new_baseline: &SettingsForm,
) -> SettingsForm {
    fn pick<T: PartialEq + Clone>(old: &T, current: &T, new: &T) -> T {
        if current == old {
            new.clone()
        } else {
            current.clone()
        }
    }
    SettingsForm {
        smtp_server: pick(
            &old_baseline.smtp_server,
            &current.smtp_server,
            &new_baseline.smtp_server,
        ),
        smtp_port: pick(
            &old_baseline.smtp_port,
            &current.smtp_port,
            &new_baseline.smtp_port,
        ),
        encryption: pick(
            &old_baseline.encryption,
            &current.encryption,
            &new_baseline.encryption,
        ),
        sender_email: pick(
            &old_baseline.sender_email,
            &current.sender_email,
            &new_baseline.sender_email,
        ),
        sender_name: pick(
            &old_baseline.sender_name,
            &current.sender_name,
            &new_baseline.sender_name,
        ),
        use_authentication: pick(
            &old_baseline.use_authentication,
            &current.use_authentication,
            &new_baseline.use_authentication,
        ),
        username: pick(
            &old_baseline.username,
            &current.username,
            &new_baseline.username,
        ),
        // Never loaded: whatever was typed stays.
        password: current.password.clone(),
    }
}

fn shown(value: &str) -> String {
    match value.trim() {
        "" => EMPTY.to_owned(),
        trimmed => trimmed.to_owned(),
    }
}

fn on_off(on: bool) -> &'static str {
    if on {
        "On"
    } else {
        "Off"
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::settings::Encryption;

    fn configured() -> Baseline {
        Baseline::Configured(SettingsForm::example())
    }

    fn fields(changes: &[Change]) -> Vec<Field> {
        changes.iter().map(|c| c.field).collect()
    }

    #[test]
    fn the_loaded_values_are_no_change() {
        let baseline = configured();
        assert_eq!(changes(&baseline, &baseline.form()), []);
        assert_eq!(
            changes(&Baseline::NotConfigured, &SettingsForm::default()),
            []
        );
    }

    #[test]
    fn white_space_around_a_value_is_no_change() {
        let baseline = configured();
        let current = SettingsForm {
            sender_name: "  Backup alerts ".into(),
            ..baseline.form()
        };
        assert_eq!(changes(&baseline, &current), []);
    }

    #[test]
    fn one_changed_field_is_listed_with_both_values() {
        let baseline = configured();
        let current = SettingsForm {
            sender_name: "Nightly backups".into(),
            ..baseline.form()
        };
        assert_eq!(
            changes(&baseline, &current),
            [Change {
                field: Field::SenderName,
                before: "Backup alerts".into(),
                after: "Nightly backups".into(),
            }]
        );
    }

    #[test]
    fn a_typed_password_is_listed_as_changed_never_as_text() {
        let baseline = configured();
        let current = SettingsForm {
            password: "n3w-secret".into(),
            ..baseline.form()
        };
        let listed = changes(&baseline, &current);
        assert_eq!(
            listed,
            [Change {
                field: Field::Password,
                before: "saved".into(),
                after: "changed".into(),
            }]
        );
        assert!(!format!("{listed:?}").contains("n3w-secret"));
    }

    #[test]
    fn a_password_typed_again_for_a_new_server_says_so() {
        let baseline = configured();
        let current = SettingsForm {
            smtp_server: "smtp.elsewhere.example".into(),
            password: "n3w-secret".into(),
            ..baseline.form()
        };
        let listed = changes(&baseline, &current);
        assert_eq!(fields(&listed), [Field::SmtpServer, Field::Password]);
        assert_eq!(listed[1].after, "typed again for the new connection");
    }

    #[test]
    fn turning_sign_in_off_is_one_change_whatever_the_credentials_hold() {
        let baseline = configured();
        let current = SettingsForm {
            use_authentication: false,
            password: "typed then abandoned".into(),
            ..baseline.form()
        };
        let listed = changes(&baseline, &current);
        assert_eq!(fields(&listed), [Field::Authentication]);
        assert_eq!(
            (listed[0].before.as_str(), listed[0].after.as_str()),
            ("On", "Off")
        );
    }

    #[test]
    fn a_first_configuration_lists_every_filled_field_from_empty() {
        let current = SettingsForm {
            smtp_server: "smtp.example.com".into(),
            smtp_port: "25".into(),
            sender_email: "a@example.com".into(),
            sender_name: "A".into(),
            use_authentication: true,
            username: "u".into(),
            password: "p".into(),
            ..SettingsForm::default()
        };
        let listed = changes(&Baseline::NotConfigured, &current);
        assert_eq!(
            fields(&listed),
            [
                Field::SmtpServer,
                Field::SmtpPort,
                Field::SenderEmail,
                Field::SenderName,
                Field::Authentication,
                Field::Username,
                Field::Password
            ]
        );
        assert!(listed
            .iter()
            .all(|c| c.before == "(empty)" || c.before == "Off"));
    }

    #[test]
    fn rebase_keeps_edits_and_takes_the_rest_from_the_new_baseline() {
        let old = SettingsForm::default();
        let current = SettingsForm {
            sender_name: "typed before the load finished".into(),
            password: "typed".into(),
            ..SettingsForm::default()
        };
        let new = configured().form();
        let merged = rebase(&old, &current, &new);
        assert_eq!(merged.sender_name, "typed before the load finished");
        assert_eq!(merged.password, "typed");
        assert_eq!(merged.smtp_server, "smtp.example.com");
        assert_eq!(merged.username, "mailer");
        assert!(merged.use_authentication);
    }

    #[test]
    fn encryption_is_shown_by_its_label() {
        let baseline = configured();
        let current = SettingsForm {
            encryption: Encryption::Ssl,
            ..baseline.form()
        };
        let listed = changes(&baseline, &current);
        assert_eq!(
            (listed[0].before.as_str(), listed[0].after.as_str()),
            ("TLS (STARTTLS)", "SSL")
        );
    }
}
