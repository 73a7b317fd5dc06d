//! What the administrator changed compared with what Command Center has: drives the Save
//! button, "Discard changes", the warning on leaving, and the review before saving.

use super::saved_password::{saved_password, SavedPassword};
use super::settings::{Baseline, Encryption, Field, SettingsForm};

/// One changed setting, as the review shows it: its value now and after saving.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Change {
    pub field: Field,
    pub before: Shown,
    pub after: Shown,
}

/// A value as the review shows it (`crate::words` says each in words), never a password.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Shown {
    /// As typed, without surrounding white space.
    Text(String),
    Empty,
    Switch(bool),
    Encryption(Encryption),
    Password(PasswordShown),
}

/// What the review says of a password, which it never shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum PasswordShown {
    Changed,
    Saved,
    /// Saved, for the server, port and encryption it was saved with.
    SavedElsewhere,
    /// Typed again, for a connection the saved one may not go to.
    TypedAgain,
}

/// The settings that differ, in page order. Surrounding white space does not count (it is not
/// sent), and the password counts only when one was typed.
pub fn changes(baseline: &Baseline, current: &SettingsForm) -> Vec<Change> {
    let before = baseline.form();
    let mut changes: Vec<Change> = shown_settings(&before)
        .into_iter()
        .zip(shown_settings(current))
        // With sign-in off the user name is not sent, so it is no change.
        .filter(|((field, _), _)| *field != Field::Username || current.use_authentication)
        .filter(|((_, old), (_, new))| old != new)
        .map(|((field, before), (_, after))| Change {
            field,
            before,
            after,
        })
        .collect();
    // With sign-in off the password is not sent either.
    if current.use_authentication && !current.password.is_empty() {
        let (before, after) = match saved_password(baseline, current) {
            SavedPassword::NotSaved => (Shown::Empty, PasswordShown::Changed),
            SavedPassword::Reusable => (
                Shown::Password(PasswordShown::Saved),
                PasswordShown::Changed,
            ),
            // Shown so that the reason for retyping it is in front of the administrator.
            SavedPassword::Withheld(_) => (
                Shown::Password(PasswordShown::SavedElsewhere),
                PasswordShown::TypedAgain,
            ),
        };
        changes.push(Change {
            field: Field::Password,
            before,
            after: Shown::Password(after),
        });
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

/// Every setting but the password as the review shows it, in page order: as
/// `GET /V4/EmailServer` returns them, so the user name only with sign-in on.
pub fn shown_settings(settings: &SettingsForm) -> [(Field, Shown); 7] {
    let username = if settings.use_authentication {
        shown(&settings.username)
    } else {
        Shown::Empty
    };
    [
        (Field::SmtpServer, shown(&settings.smtp_server)),
        (Field::SmtpPort, shown(&settings.smtp_port)),
        (Field::Encryption, Shown::Encryption(settings.encryption)),
        (Field::SenderEmail, shown(&settings.sender_email)),
        (Field::SenderName, shown(&settings.sender_name)),
        (
            Field::Authentication,
            Shown::Switch(settings.use_authentication),
        ),
        (Field::Username, username),
    ]
}

fn shown(value: &str) -> Shown {
    match value.trim() {
        "" => Shown::Empty,
        trimmed => Shown::Text(trimmed.to_owned()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
                before: Shown::Text("Backup alerts".into()),
                after: Shown::Text("Nightly backups".into()),
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
                before: Shown::Password(PasswordShown::Saved),
                after: Shown::Password(PasswordShown::Changed),
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
        assert_eq!(listed[1].after, Shown::Password(PasswordShown::TypedAgain));
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
            (&listed[0].before, &listed[0].after),
            (&Shown::Switch(true), &Shown::Switch(false))
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
            .all(|c| c.before == Shown::Empty || c.before == Shown::Switch(false)));
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
    fn encryption_is_shown_as_the_choice() {
        let baseline = configured();
        let current = SettingsForm {
            encryption: Encryption::Ssl,
            ..baseline.form()
        };
        let listed = changes(&baseline, &current);
        assert_eq!(
            (&listed[0].before, &listed[0].after),
            (
                &Shown::Encryption(Encryption::Tls),
                &Shown::Encryption(Encryption::Ssl)
            )
        );
    }
}
