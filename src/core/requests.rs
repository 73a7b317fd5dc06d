//! Turns valid settings into the request the situation calls for: a first configuration
//! (POST), an update of what changed (PUT), or a test mail.

use super::settings::Baseline;
use super::validation::{Authentication, FieldError, PasswordChoice, ValidSettings};
use super::wire::{
    encode_password, Credentials, EmailServerRequest, EmailServerUpdate, SaveRequest,
    TestMailRequest,
};

/// POST when Command Center has no mail server yet, PUT with the changes otherwise.
pub fn save_request(settings: &ValidSettings, baseline: &Baseline) -> SaveRequest {
    match baseline {
        Baseline::NotConfigured => SaveRequest::Configure(EmailServerRequest {
            smtp_server_name: settings.smtp_server_name.clone(),
            smtp_port: settings.smtp_port,
            sender_email: settings.sender_email.clone(),
            sender_name: settings.sender_name.clone(),
            encryption_algorithm: settings.encryption,
            // Validation only allows "keep the saved password" when one is saved, which a
            // server with nothing configured does not have: that case cannot reach here.
            credentials: typed_credentials(&settings.authentication),
        }),
        Baseline::Configured(before) => {
            let changed = |new: &str, old: &str| (new != old.trim()).then(|| new.to_owned());
            let (use_authentication, username, password_base64) = match &settings.authentication {
                Authentication::Off => (false, None, None),
                Authentication::On { username, password } => (
                    true,
                    Some(username.clone()),
                    match password {
                        PasswordChoice::New(password) => Some(encode_password(password.expose())),
                        PasswordChoice::KeepSaved => None,
                    },
                ),
            };
            SaveRequest::Update(EmailServerUpdate {
                smtp_server_name: changed(&settings.smtp_server_name, &before.smtp_server),
                smtp_port: (before.smtp_port.trim().parse() != Ok(settings.smtp_port))
                    .then_some(settings.smtp_port),
                sender_email: changed(&settings.sender_email, &before.sender_email),
                sender_name: changed(&settings.sender_name, &before.sender_name),
                encryption_algorithm: (settings.encryption != before.encryption)
                    .then_some(settings.encryption),
                use_authentication,
                username,
                password_base64,
            })
        }
    }
}

/// The settings on the page as they are, for a test mail. With sign-in on and no new password
/// the credentials are left out, so Command Center tests with the saved ones; that only makes
/// sense for the saved user name.
pub fn test_mail_request(
    settings: &ValidSettings,
    baseline: &Baseline,
) -> Result<TestMailRequest, FieldError> {
    if let Authentication::On {
        username,
        password: PasswordChoice::KeepSaved,
    } = &settings.authentication
    {
        if baseline.saved_username() != Some(username.as_str()) {
            return Err(FieldError::PasswordNeededForTest);
        }
    }
    Ok(TestMailRequest {
        smtp_server_name: settings.smtp_server_name.clone(),
        smtp_port: settings.smtp_port,
        sender_email: settings.sender_email.clone(),
        sender_name: settings.sender_name.clone(),
        encryption_algorithm: settings.encryption,
        use_authentication: !matches!(settings.authentication, Authentication::Off),
        credentials: typed_credentials(&settings.authentication),
    })
}

/// Credentials to send: only when sign-in is on and a password was typed.
fn typed_credentials(authentication: &Authentication) -> Option<Credentials> {
    match authentication {
        Authentication::On {
            username,
            password: PasswordChoice::New(password),
        } => Some(Credentials::new(username.clone(), password)),
        Authentication::On { .. } | Authentication::Off => None,
    }
}

#[cfg(test)]
mod tests {
    use serde_json::{json, Value};

    use super::*;
    use crate::core::secret::Secret;
    use crate::core::settings::{Encryption, SettingsForm};

    fn saved() -> SettingsForm {
        SettingsForm::example()
    }

    fn valid(authentication: Authentication) -> ValidSettings {
        ValidSettings {
            smtp_server_name: "smtp.example.com".into(),
            smtp_port: 587,
            sender_email: "alerts@example.com".into(),
            sender_name: "Backup alerts".into(),
            encryption: Encryption::Tls,
            authentication,
        }
    }

    fn signed_in(password: PasswordChoice) -> Authentication {
        Authentication::On {
            username: "mailer".into(),
            password,
        }
    }

    fn body(request: &SaveRequest) -> Value {
        match request {
            SaveRequest::Configure(body) => json!({"POST": body}),
            SaveRequest::Update(body) => json!({"PUT": body}),
        }
    }

    fn read(body: &impl serde::Serialize) -> Value {
        serde_json::to_value(body).unwrap_or_default()
    }

    #[test]
    fn nothing_configured_means_a_full_post() {
        let request = save_request(
            &valid(signed_in(PasswordChoice::New(Secret::new("pw")))),
            &Baseline::NotConfigured,
        );
        assert_eq!(
            body(&request),
            json!({"POST": {
                "SMTPServerName": "smtp.example.com", "SMTPPort": 587,
                "senderEmail": "alerts@example.com", "senderName": "Backup alerts",
                "encryptionAlgorithm": "TLS", "username": "mailer", "password": "cHc="
            }})
        );
    }

    #[test]
    fn a_changed_sender_name_alone_is_a_put_without_password() {
        let mut settings = valid(signed_in(PasswordChoice::KeepSaved));
        settings.sender_name = "Nightly backups".into();
        let request = save_request(&settings, &Baseline::Configured(saved()));
        assert_eq!(
            body(&request),
            json!({"PUT": {"senderName": "Nightly backups", "useAuthentication": true, "username": "mailer"}})
        );
    }

    #[test]
    fn a_typed_password_is_sent_base64_in_the_put() {
        let settings = valid(signed_in(PasswordChoice::New(Secret::new("n3w"))));
        let request = save_request(&settings, &Baseline::Configured(saved()));
        assert_eq!(
            body(&request),
            json!({"PUT": {"useAuthentication": true, "username": "mailer", "password": "bjN3"}})
        );
    }

    #[test]
    fn turning_sign_in_off_sends_false_and_no_credentials() {
        let request = save_request(&valid(Authentication::Off), &Baseline::Configured(saved()));
        assert_eq!(body(&request), json!({"PUT": {"useAuthentication": false}}));
    }

    #[test]
    fn port_and_encryption_changes_are_typed_values() {
        let mut settings = valid(Authentication::Off);
        settings.smtp_port = 465;
        settings.encryption = Encryption::Ssl;
        let before = SettingsForm {
            use_authentication: false,
            username: String::new(),
            ..saved()
        };
        let request = save_request(&settings, &Baseline::Configured(before));
        assert_eq!(
            body(&request),
            json!({"PUT": {"SMTPPort": 465, "encryptionAlgorithm": "SSL", "useAuthentication": false}})
        );
    }

    #[test]
    fn a_test_mail_with_the_saved_password_sends_no_credentials() {
        let request = test_mail_request(
            &valid(signed_in(PasswordChoice::KeepSaved)),
            &Baseline::Configured(saved()),
        );
        let json = request.map(|r| read(&r));
        assert_eq!(
            json,
            Ok(json!({
                "SMTPServerName": "smtp.example.com", "SMTPPort": 587,
                "senderEmail": "alerts@example.com", "senderName": "Backup alerts",
                "encryptionAlgorithm": "TLS", "useAuthentication": true
            }))
        );
    }

    #[test]
    fn a_test_mail_with_a_typed_password_sends_both_credentials() {
        let request = test_mail_request(
            &valid(signed_in(PasswordChoice::New(Secret::new("pw")))),
            &Baseline::NotConfigured,
        );
        let json = request.map(|r| read(&r));
        assert!(json.is_ok_and(|j| j["username"] == "mailer" && j["password"] == "cHc="));
    }

    #[test]
    fn a_test_mail_for_a_changed_user_name_needs_its_password() {
        let settings = valid(Authentication::On {
            username: "someone-else".into(),
            password: PasswordChoice::KeepSaved,
        });
        assert_eq!(
            test_mail_request(&settings, &Baseline::Configured(saved())),
            Err(FieldError::PasswordNeededForTest)
        );
    }
}
