//! Command Center's API has no version or ETag on the email server settings, so the page checks
//! for itself. Before writing it reads them again and compares them with what it loaded: another
//! administrator may have changed them meanwhile, and a save of only "my" changes would then undo
//! theirs or overwrite a field both changed without a word. After writing it reads them back and
//! compares them with what it sent: an answer of `errorCode` 0 is no proof that they were kept.

use super::changes::{rebase, shown_settings, Shown};
use super::settings::{Baseline, Field, SettingsForm};

/// A setting Command Center has changed since the page loaded it.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct TheirChange {
    pub field: Field,
    /// What it was when the page loaded it.
    pub loaded: Shown,
    /// What Command Center has now.
    pub now: Shown,
    /// What the administrator typed.
    pub mine: Shown,
    /// The administrator changed it too, to another value than theirs: saving keeps the
    /// administrator's, and the review marks it.
    pub both_changed: bool,
}

/// A setting Command Center did not keep as it was sent.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct NotKept {
    pub field: Field,
    pub sent: Shown,
    pub kept: Shown,
}

/// What Command Center changed between `loaded` and `now`, beside what the administrator typed
/// (`mine`), in page order. Nothing configured counts as every field empty and sign-in off.
pub fn their_changes(loaded: &Baseline, now: &Baseline, mine: &SettingsForm) -> Vec<TheirChange> {
    let (loaded, now, mine) = (
        shown_settings(&loaded.form()),
        shown_settings(&now.form()),
        shown_settings(mine),
    );
    loaded
        .into_iter()
        .zip(now)
        .zip(mine)
        .filter(|(((_, loaded), (_, now)), _)| loaded != now)
        .map(|(((field, loaded), (_, now)), (_, mine))| TheirChange {
            field,
            both_changed: mine != loaded && mine != now,
            loaded,
            now,
            mine,
        })
        .collect()
}

/// "Apply my changes to the current settings": the fields the administrator changed take their
/// value, every other field (sign-in and user name included) keeps what Command Center has now.
/// Over a first configuration every field is the administrator's: they typed the whole form.
pub fn apply_mine(loaded: &Baseline, mine: &SettingsForm, now: &Baseline) -> SettingsForm {
    match loaded {
        Baseline::NotConfigured => mine.clone(),
        Baseline::Configured(loaded) => rebase(loaded, mine, &now.form()),
    }
}

/// What Command Center did not keep of `sent`, read back as `read`, in page order.
pub fn not_kept(sent: &SettingsForm, read: &Baseline) -> Vec<NotKept> {
    shown_settings(sent)
        .into_iter()
        .zip(shown_settings(&read.form()))
        .filter(|((_, sent), (_, kept))| sent != kept)
        .map(|((field, sent), (_, kept))| NotKept { field, sent, kept })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::settings::Encryption;

    fn loaded() -> SettingsForm {
        SettingsForm::example()
    }

    fn edited(edit: impl FnOnce(&mut SettingsForm)) -> SettingsForm {
        let mut settings = loaded();
        edit(&mut settings);
        settings
    }

    fn configured(settings: SettingsForm) -> Baseline {
        Baseline::Configured(settings)
    }

    fn text(value: &str) -> Shown {
        Shown::Text(value.into())
    }

    #[test]
    fn nothing_changed_in_command_center_is_nothing_to_show() {
        let mine = edited(|s| s.smtp_port = "2525".into());
        assert_eq!(
            their_changes(&configured(loaded()), &configured(loaded()), &mine),
            []
        );
    }

    #[test]
    fn only_theirs_is_theirs_and_applying_mine_keeps_it() {
        let now = edited(|s| s.sender_name = "Nightly".into());
        let mine = edited(|s| s.smtp_port = "2525".into());
        assert_eq!(
            their_changes(&configured(loaded()), &configured(now.clone()), &mine),
            [TheirChange {
                field: Field::SenderName,
                loaded: text("Backup alerts"),
                now: text("Nightly"),
                mine: text("Backup alerts"),
                both_changed: false,
            }]
        );
        let merged = apply_mine(&configured(loaded()), &mine, &configured(now));
        assert_eq!(
            (merged.smtp_port.as_str(), merged.sender_name.as_str()),
            ("2525", "Nightly")
        );
    }

    #[test]
    fn only_mine_is_no_change_of_theirs() {
        let mine = edited(|s| s.sender_name = "Mine".into());
        let now = loaded();
        assert_eq!(
            their_changes(&configured(loaded()), &configured(now.clone()), &mine),
            []
        );
        assert_eq!(
            apply_mine(&configured(loaded()), &mine, &configured(now)),
            mine
        );
    }

    #[test]
    fn both_to_different_values_is_marked_and_mine_wins() {
        let now = edited(|s| s.smtp_port = "25".into());
        let mine = edited(|s| s.smtp_port = "2525".into());
        let theirs = their_changes(&configured(loaded()), &configured(now.clone()), &mine);
        assert_eq!(theirs.len(), 1);
        assert!(theirs[0].both_changed);
        assert_eq!(
            (&theirs[0].loaded, &theirs[0].now, &theirs[0].mine),
            (&text("587"), &text("25"), &text("2525"))
        );
        assert_eq!(
            apply_mine(&configured(loaded()), &mine, &configured(now)).smtp_port,
            "2525"
        );
    }

    #[test]
    fn both_to_the_same_value_is_theirs_but_no_conflict() {
        let now = edited(|s| s.smtp_port = "465".into());
        let mine = edited(|s| s.smtp_port = " 465 ".into());
        let theirs = their_changes(&configured(loaded()), &configured(now), &mine);
        assert_eq!(theirs.len(), 1);
        assert!(!theirs[0].both_changed);
    }

    #[test]
    fn sign_in_turned_on_by_them_survives_a_port_of_mine() {
        let before = edited(|s| {
            s.use_authentication = false;
            s.username = String::new();
        });
        let now = edited(|s| s.username = "relay-account".into());
        let mine = SettingsForm {
            smtp_port: "2525".into(),
            ..before.clone()
        };
        let theirs = their_changes(&configured(before.clone()), &configured(now.clone()), &mine);
        let fields: Vec<Field> = theirs.iter().map(|t| t.field).collect();
        assert_eq!(fields, [Field::Authentication, Field::Username]);
        assert!(theirs.iter().all(|t| !t.both_changed));
        let merged = apply_mine(&configured(before), &mine, &configured(now));
        assert!(merged.use_authentication);
        assert_eq!(merged.username, "relay-account");
        assert_eq!(merged.smtp_port, "2525");
    }

    #[test]
    fn over_a_first_configuration_every_field_is_mine() {
        let now = loaded();
        let mine = SettingsForm {
            smtp_server: "mail.example.org".into(),
            smtp_port: "25".into(),
            encryption: Encryption::None,
            sender_email: "cc@example.org".into(),
            sender_name: "CC".into(),
            ..SettingsForm::default()
        };
        let theirs = their_changes(&Baseline::NotConfigured, &configured(now.clone()), &mine);
        assert_eq!(theirs.len(), 7, "{theirs:#?}");
        let merged = apply_mine(&Baseline::NotConfigured, &mine, &configured(now));
        assert_eq!(merged, mine);
        assert!(!merged.use_authentication, "theirs does not creep in");
    }

    #[test]
    fn read_back_names_what_was_not_kept_and_never_the_password() {
        let sent = edited(|s| {
            s.smtp_port = "2525".into();
            s.password = "typed".into();
        });
        assert_eq!(not_kept(&sent, &configured(sent.clone())), []);
        let read = edited(|s| s.smtp_port = "587".into());
        assert_eq!(
            not_kept(&sent, &configured(read)),
            [NotKept {
                field: Field::SmtpPort,
                sent: text("2525"),
                kept: text("587"),
            }]
        );
        let nothing = not_kept(&sent, &Baseline::NotConfigured);
        assert!(nothing.iter().all(|n| n.field != Field::Password));
        assert_eq!(nothing.len(), 7);
    }
}
