//! Whether the password Command Center has saved may be used with the settings on the page.
//!
//! Command Center never returns the saved password; an empty password field asks it to use the
//! saved one. Used with a host the administrator has just typed, that would hand the saved
//! password to that host (by a test mail, or by the first alert after a save). So the saved
//! password only goes to the server, port and encryption it was saved with; anything else needs
//! the password typed again.

use super::settings::{Baseline, Encryption, SettingsForm};

/// What an empty password field means with the settings on the page.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SavedPassword {
    /// Command Center has no password saved (nothing configured, or sign-in was off).
    NotSaved,
    /// The saved password goes to the server it was saved for: leaving the field empty keeps it.
    Reusable,
    /// The saved password is not used: the connection is not the one it was saved for.
    Withheld(Withheld),
}

/// Why the saved password is not used.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Withheld {
    ServerChanged,
    PortChanged,
    /// SSL or TLS before, None now: the password would cross the network readable.
    EncryptionTurnedOff,
}

/// Decides what an empty password field means for `current`, given what Command Center holds.
pub fn saved_password(baseline: &Baseline, current: &SettingsForm) -> SavedPassword {
    // A password is saved exactly when sign-in is on (see `Baseline`).
    let saved = match baseline {
        Baseline::Configured(saved) if saved.use_authentication => saved,
        _ => return SavedPassword::NotSaved,
    };
    // Host names are compared as DNS does, without regard to case.
    if !saved
        .smtp_server
        .trim()
        .eq_ignore_ascii_case(current.smtp_server.trim())
    {
        return SavedPassword::Withheld(Withheld::ServerChanged);
    }
    // As numbers: "0587" is still port 587. What is no port yet has its own error and cannot be
    // sent, so it decides nothing here (and "5" on the way to "587" is no change of server).
    let port = |raw: &str| raw.trim().parse::<u16>().ok();
    if let (Some(now), Some(before)) = (port(&current.smtp_port), port(&saved.smtp_port)) {
        if now != before {
            return SavedPassword::Withheld(Withheld::PortChanged);
        }
    }
    if saved.encryption != Encryption::None && current.encryption == Encryption::None {
        return SavedPassword::Withheld(Withheld::EncryptionTurnedOff);
    }
    SavedPassword::Reusable
}

// proptest is a native-only dev-dependency (it does not build for wasm32).
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use proptest::prelude::*;

    use super::*;

    fn saved() -> Baseline {
        Baseline::Configured(SettingsForm::example())
    }

    fn edited(edit: impl FnOnce(&mut SettingsForm)) -> SettingsForm {
        let mut form = SettingsForm::example();
        edit(&mut form);
        form
    }

    #[test]
    fn the_saved_connection_reuses_the_saved_password() {
        assert_eq!(
            saved_password(&saved(), &SettingsForm::example()),
            SavedPassword::Reusable
        );
    }

    #[test]
    fn case_white_space_and_leading_zeros_are_not_changes() {
        let form = edited(|form| {
            form.smtp_server = "  SMTP.Example.COM ".into();
            form.smtp_port = " 0587".into();
        });
        assert_eq!(saved_password(&saved(), &form), SavedPassword::Reusable);
    }

    #[test]
    fn a_new_host_withholds_the_saved_password() {
        let form = edited(|form| form.smtp_server = "smtp.attacker.example".into());
        assert_eq!(
            saved_password(&saved(), &form),
            SavedPassword::Withheld(Withheld::ServerChanged)
        );
        let emptied = edited(|form| form.smtp_server.clear());
        assert_eq!(
            saved_password(&saved(), &emptied),
            SavedPassword::Withheld(Withheld::ServerChanged)
        );
    }

    #[test]
    fn a_new_port_withholds_the_saved_password_and_no_port_yet_decides_nothing() {
        for (port, expected) in [
            ("25", SavedPassword::Withheld(Withheld::PortChanged)),
            ("465", SavedPassword::Withheld(Withheld::PortChanged)),
            ("", SavedPassword::Reusable),
            ("abc", SavedPassword::Reusable),
            ("70000", SavedPassword::Reusable),
        ] {
            let form = edited(|form| form.smtp_port = port.into());
            assert_eq!(saved_password(&saved(), &form), expected, "port {port:?}");
        }
    }

    #[test]
    fn only_turning_encryption_off_withholds_the_saved_password() {
        let cases = [
            (Encryption::Tls, Encryption::None, false),
            (Encryption::Ssl, Encryption::None, false),
            (Encryption::Tls, Encryption::Ssl, true),
            (Encryption::Ssl, Encryption::Tls, true),
            (Encryption::None, Encryption::Tls, true),
            (Encryption::None, Encryption::None, true),
        ];
        for (before, after, reusable) in cases {
            let baseline = Baseline::Configured(edited(|form| form.encryption = before));
            let expected = if reusable {
                SavedPassword::Reusable
            } else {
                SavedPassword::Withheld(Withheld::EncryptionTurnedOff)
            };
            assert_eq!(
                saved_password(&baseline, &edited(|form| form.encryption = after)),
                expected,
                "{before:?} to {after:?}"
            );
        }
    }

    #[test]
    fn without_a_saved_password_there_is_nothing_to_withhold() {
        let new_host = edited(|form| form.smtp_server = "smtp.other.example".into());
        assert_eq!(
            saved_password(&Baseline::NotConfigured, &new_host),
            SavedPassword::NotSaved
        );
        let without_sign_in = Baseline::Configured(edited(|form| form.use_authentication = false));
        assert_eq!(
            saved_password(&without_sign_in, &new_host),
            SavedPassword::NotSaved
        );
    }

    proptest! {
        #[test]
        fn any_other_host_withholds_the_saved_password(host in "[a-z0-9.-]{1,40}") {
            prop_assume!(!host.eq_ignore_ascii_case("smtp.example.com"));
            let form = edited(|form| form.smtp_server = host.clone());
            prop_assert_eq!(
                saved_password(&saved(), &form),
                SavedPassword::Withheld(Withheld::ServerChanged)
            );
        }
    }
}
