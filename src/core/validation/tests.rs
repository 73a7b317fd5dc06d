use proptest::prelude::*;

use super::*;
use crate::core::requests::save_request;
use crate::core::saved_password::Withheld;
use crate::core::settings::{Baseline, Encryption};
use crate::words;

/// Valid settings without sign-in.
fn valid_settings() -> SettingsForm {
    SettingsForm {
        use_authentication: false,
        username: String::new(),
        ..SettingsForm::example()
    }
}

fn valid_connection() -> ConnectionForm {
    ConnectionForm {
        access_token: "QSDK 3856abcdef".into(),
        api_base_url: "/commandcenter/api".into(),
    }
}

fn errors_of(settings: &SettingsForm) -> FieldErrors {
    field_errors(&valid_connection(), settings, &Baseline::NotConfigured)
}

/// Command Center already has settings with sign-in on (so a password is saved).
fn configured_with_sign_in() -> Baseline {
    Baseline::Configured(SettingsForm {
        use_authentication: true,
        username: "mailer".into(),
        ..valid_settings()
    })
}

#[test]
fn a_complete_form_becomes_a_request() {
    let settings = SettingsForm {
        smtp_server: "  smtp.example.com ".into(),
        use_authentication: true,
        username: " mailer ".into(),
        password: " pass word ".into(),
        ..valid_settings()
    };
    let Ok(valid) = validate(&valid_connection(), &settings, &Baseline::NotConfigured) else {
        panic!("a valid form was refused: {:?}", errors_of(&settings));
    };
    assert_eq!(valid.settings.smtp_server_name, "smtp.example.com");
    assert_eq!(valid.settings.smtp_port, 587);
    assert_eq!(valid.settings.encryption, Encryption::Tls);
    // The password is kept exactly, spaces included.
    assert_eq!(
        valid.settings.authentication,
        Authentication::On {
            username: "mailer".into(),
            password: PasswordChoice::New(Secret::new(" pass word ")),
        }
    );
    assert_eq!(valid.connection.base_url, "/commandcenter/api");
    assert_eq!(valid.connection.token.expose(), "QSDK 3856abcdef");
}

#[test]
fn empty_form_reports_every_required_field_in_page_order() {
    let errors = field_errors(
        &ConnectionForm::default(),
        &SettingsForm::default(),
        &Baseline::NotConfigured,
    );
    let fields: Vec<Field> = errors.iter().map(|(f, _)| f).collect();
    assert_eq!(
        fields,
        [
            Field::AccessToken,
            Field::ApiBaseUrl,
            Field::SmtpServer,
            Field::SmtpPort,
            Field::SenderEmail,
            Field::SenderName
        ]
    );
    assert_eq!(errors.first(), Some(Field::AccessToken));
    assert!(errors.iter().all(|(f, e)| *e == FieldError::Required(f)));
}

#[test]
fn ports_must_be_whole_numbers_from_1_to_65535() {
    for good in ["1", "25", "465", "587", "65535", " 2525 "] {
        assert!(check_port(good).is_ok(), "{good}");
    }
    assert_eq!(check_port("0"), Err(FieldError::PortOutOfRange));
    assert_eq!(check_port("70000"), Err(FieldError::PortOutOfRange));
    assert_eq!(
        check_port("99999999999999999999"),
        Err(FieldError::PortOutOfRange)
    );
    for bad in ["abc", "-1", "+25", "25.0", "2 5", "٣"] {
        assert_eq!(check_port(bad), Err(FieldError::PortNotANumber), "{bad}");
    }
    assert_eq!(check_port(" "), Err(FieldError::Required(Field::SmtpPort)));
    assert!(words::field_error(&FieldError::PortOutOfRange).contains("1 to 65535"));
    assert!(words::field_error(&FieldError::PortNotANumber).contains("1 to 65535"));
}

#[test]
fn smtp_server_accepts_host_names_and_ip_literals() {
    for good in [
        "smtp.example.com",
        "mail",
        "SMTP-1.Example.COM",
        "smtp.example.com.",
        "192.0.2.25",
        "2001:db8::25",
        "::1",
        "xn--bcher-kva.example",
        "1e100.net",
    ] {
        assert_eq!(check_smtp_server(good), Ok(good.to_owned()), "{good}");
    }
}

#[test]
fn smtp_server_refuses_what_is_not_a_bare_host() {
    let cases = [
        ("smtp example.com", FieldError::HostHasSpace),
        (
            "http://smtp.example.com",
            FieldError::HostHasScheme {
                scheme: "http".into(),
            },
        ),
        (
            "smtp://smtp.example.com:25",
            FieldError::HostHasScheme {
                scheme: "smtp".into(),
            },
        ),
        ("smtp.example.com/mail", FieldError::HostHasPath),
        ("smtp.example.com:587", FieldError::HostHasPort),
        ("[2001:db8::1]", FieldError::HostBracketedIpv6),
        (
            "smtp_relay.example.com",
            FieldError::HostInvalidCharacter('_'),
        ),
        (
            "admin@smtp.example.com",
            FieldError::HostInvalidCharacter('@'),
        ),
        ("mail.bücher.de", FieldError::HostNotAscii),
        ("smtp..example.com", FieldError::HostEmptyLabel),
        (".example.com", FieldError::HostEmptyLabel),
        ("-smtp.example.com", FieldError::HostLabelHyphen),
        ("smtp-.example.com", FieldError::HostLabelHyphen),
        ("256.1.1.1", FieldError::HostBadIpv4),
        ("10.0.0", FieldError::HostBadIpv4),
    ];
    for (input, expected) in cases {
        assert_eq!(check_smtp_server(input), Err(expected), "{input}");
    }
    let long_label = format!("{}.example.com", "a".repeat(64));
    assert_eq!(
        check_smtp_server(&long_label),
        Err(FieldError::HostLabelTooLong)
    );
    let long_name = format!("{}com", "abcdefghi.".repeat(26));
    assert_eq!(
        check_smtp_server(&long_name),
        Err(FieldError::TooLong { max: MAX_HOST_LEN })
    );
    assert!(words::field_error(&FieldError::HostHasSpace).contains("spaces"));
    assert!(check_smtp_server("http://x")
        .is_err_and(|e| words::field_error(&e).contains("without “http://”")));
}

#[test]
fn sender_email_must_be_a_plain_address() {
    for good in [
        "alerts@example.com",
        "backup.alerts+cv@mail.example.co.uk",
        "o'brien@example.com",
        "alerts@mailhost",
        "alerts@[192.0.2.1]",
        "alerts@[IPv6:2001:db8::1]",
    ] {
        assert_eq!(check_sender_email(good), Ok(good.to_owned()), "{good}");
    }
    let cases = [
        ("alerts.example.com", FieldError::EmailMissingAt),
        ("a@b@example.com", FieldError::EmailSeveralAt),
        ("alerts @example.com", FieldError::EmailHasSpace),
        ("@example.com", FieldError::EmailLocalPartInvalid),
        (".alerts@example.com", FieldError::EmailLocalPartInvalid),
        ("al..erts@example.com", FieldError::EmailLocalPartInvalid),
        ("\"alerts\"@example.com", FieldError::EmailLocalPartInvalid),
        ("alerts@", FieldError::EmailDomainInvalid),
        ("alerts@example..com", FieldError::EmailDomainInvalid),
        ("alerts@example.com.", FieldError::EmailDomainInvalid),
        ("alerts@192.0.2.1", FieldError::EmailDomainInvalid),
        ("alerts@[999.0.0.1]", FieldError::EmailDomainInvalid),
        ("alerts@exa_mple.com", FieldError::EmailDomainInvalid),
    ];
    for (input, expected) in cases {
        assert_eq!(check_sender_email(input), Err(expected), "{input}");
    }
    let long_local = format!("{}@example.com", "a".repeat(65));
    assert_eq!(
        check_sender_email(&long_local),
        Err(FieldError::EmailLocalPartTooLong)
    );
    assert!(words::field_error(&FieldError::EmailMissingAt).contains("email address"));
}

#[test]
fn sender_name_refuses_line_breaks_and_overlong_text() {
    assert_eq!(
        check_sender_name(" Backup alerts "),
        Ok("Backup alerts".to_owned())
    );
    assert_eq!(
        check_sender_name("Ünïcødé ok ✓"),
        Ok("Ünïcødé ok ✓".to_owned())
    );
    assert_eq!(
        check_sender_name("Backup\r\nBcc: x@y.z"),
        Err(FieldError::ControlCharacter)
    );
    assert_eq!(
        check_sender_name(&"é".repeat(255)).map(|n| n.chars().count()),
        Ok(255)
    );
    assert_eq!(
        check_sender_name(&"é".repeat(256)),
        Err(FieldError::TooLong { max: MAX_TEXT_LEN })
    );
}

#[test]
fn with_sign_in_on_the_user_name_and_a_password_are_needed() {
    let signed_in = |username: &str, password: &str| SettingsForm {
        use_authentication: true,
        username: username.into(),
        password: password.into(),
        ..valid_settings()
    };
    let no_password = errors_of(&signed_in("mailer", ""));
    assert_eq!(
        no_password.get(Field::Password),
        Some(&FieldError::PasswordMissing)
    );
    assert!(words::field_error(&FieldError::PasswordMissing).contains("password"));

    let no_username = errors_of(&signed_in("", "secret"));
    assert_eq!(
        no_username.get(Field::Username),
        Some(&FieldError::Required(Field::Username))
    );

    assert!(errors_of(&signed_in("mailer", "secret")).is_empty());
}

#[test]
fn the_saved_password_is_not_kept_for_another_server_port_or_no_encryption() {
    let signed_in = |edit: fn(&mut SettingsForm)| {
        let mut settings = SettingsForm {
            use_authentication: true,
            username: "mailer".into(),
            ..valid_settings()
        };
        edit(&mut settings);
        settings
    };
    type Edit = fn(&mut SettingsForm);
    let cases: [(Edit, Withheld); 3] = [
        (
            |s| s.smtp_server = "smtp.elsewhere.example".into(),
            Withheld::ServerChanged,
        ),
        (|s| s.smtp_port = "25".into(), Withheld::PortChanged),
        (
            |s| s.encryption = Encryption::None,
            Withheld::EncryptionTurnedOff,
        ),
    ];
    for (edit, reason) in cases {
        let settings = signed_in(edit);
        let errors = field_errors(&valid_connection(), &settings, &configured_with_sign_in());
        assert_eq!(
            errors.get(Field::Password),
            Some(&FieldError::PasswordWithheld(reason))
        );
        let typed = SettingsForm {
            password: "typed again".into(),
            ..settings
        };
        let valid = validate(&valid_connection(), &typed, &configured_with_sign_in());
        assert!(valid.is_ok_and(|v| matches!(
            v.settings.authentication,
            Authentication::On {
                password: PasswordChoice::New(_),
                ..
            }
        )));
    }
}

#[test]
fn with_sign_in_off_the_credentials_are_neither_checked_nor_kept() {
    let settings = SettingsForm {
        username: "left\nover".into(),
        password: "typed".into(),
        ..valid_settings()
    };
    let valid = validate(&valid_connection(), &settings, &configured_with_sign_in());
    assert!(valid.is_ok_and(|v| v.settings.authentication == Authentication::Off));
}

#[test]
fn an_empty_password_keeps_the_saved_one_only_when_there_is_one() {
    let settings = SettingsForm {
        use_authentication: true,
        username: "mailer".into(),
        ..valid_settings()
    };
    let kept = validate(&valid_connection(), &settings, &configured_with_sign_in());
    assert!(kept.is_ok_and(|v| v.settings.authentication
        == Authentication::On {
            username: "mailer".into(),
            password: PasswordChoice::KeepSaved
        }));
    let configured_without = Baseline::Configured(valid_settings());
    let missing = field_errors(&valid_connection(), &settings, &configured_without);
    assert_eq!(
        missing.get(Field::Password),
        Some(&FieldError::PasswordMissing)
    );
}

#[test]
fn token_must_fit_in_a_header() {
    assert_eq!(
        check_token("  QSDK 3856abcdef\n").map(|t| t.expose().to_owned()),
        Ok("QSDK 3856abcdef".to_owned())
    );
    assert_eq!(
        check_token("QSDK\u{00a0}3856"),
        Err(FieldError::TokenInvalidCharacter)
    );
    assert_eq!(
        check_token("abc\u{7}def"),
        Err(FieldError::TokenInvalidCharacter)
    );
    assert_eq!(
        check_token(""),
        Err(FieldError::Required(Field::AccessToken))
    );
}

#[test]
fn base_url_is_an_http_url_or_a_path() {
    for (input, normalised) in [
        ("/commandcenter/api", "/commandcenter/api"),
        ("/commandcenter/api/", "/commandcenter/api"),
        (
            "https://cc.example.com/commandcenter/api",
            "https://cc.example.com/commandcenter/api",
        ),
        (
            "HTTP://127.0.0.1:8081/commandcenter/api/",
            "HTTP://127.0.0.1:8081/commandcenter/api",
        ),
        ("/", ""),
    ] {
        assert_eq!(check_base_url(input), Ok(normalised.to_owned()), "{input}");
    }
    for bad in [
        "commandcenter/api",
        "//cc.example.com/api",
        "ftp://cc.example.com",
        "https://",
        "https:///api",
        "/command center/api",
        "/api?x=1",
        "/api#top",
        "javascript:alert(1)",
    ] {
        assert_eq!(
            check_base_url(bad),
            Err(FieldError::BaseUrlInvalid),
            "{bad}"
        );
    }
}

#[test]
fn every_error_has_a_sentence() {
    let all = [
        FieldError::TooLong { max: 3 },
        FieldError::ControlCharacter,
        FieldError::HostHasPath,
        FieldError::HostHasPort,
        FieldError::HostInvalidCharacter('_'),
        FieldError::HostNotAscii,
        FieldError::HostEmptyLabel,
        FieldError::HostLabelTooLong,
        FieldError::HostLabelHyphen,
        FieldError::HostBadIpv4,
        FieldError::HostBracketedIpv6,
        FieldError::EmailSeveralAt,
        FieldError::EmailHasSpace,
        FieldError::EmailLocalPartInvalid,
        FieldError::EmailLocalPartTooLong,
        FieldError::EmailDomainInvalid,
        FieldError::PasswordNeededForTest,
        FieldError::TokenInvalidCharacter,
        FieldError::BaseUrlInvalid,
    ];
    for error in all
        .into_iter()
        .chain(Field::IN_PAGE_ORDER.map(FieldError::Required))
    {
        let sentence = words::field_error(&error);
        assert!(
            sentence.len() > 10 && sentence.ends_with('.'),
            "{error:?}: {sentence}"
        );
    }
}

fn any_form() -> impl Strategy<Value = (ConnectionForm, SettingsForm)> {
    let text = || any::<String>();
    (
        text(),
        text(),
        text(),
        text(),
        0..3usize,
        text(),
        text(),
        (any::<bool>(), text(), text()),
    )
        .prop_map(
            |(token, base, server, port, enc, email, name, (sign_in, user, password))| {
                (
                    ConnectionForm {
                        access_token: token,
                        api_base_url: base,
                    },
                    SettingsForm {
                        smtp_server: server,
                        smtp_port: port,
                        encryption: Encryption::ALL[enc],
                        sender_email: email,
                        sender_name: name,
                        use_authentication: sign_in,
                        username: user,
                        password,
                    },
                )
            },
        )
}

/// Label-shaped strings: the alphabet of host names, so the generator reaches the valid ones.
fn dns_label() -> impl Strategy<Value = String> {
    "[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?"
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn validation_never_panics_and_either_sends_or_explains(
        (connection, settings) in any_form(),
        configured in any::<bool>(),
    ) {
        let baseline = if configured { configured_with_sign_in() } else { Baseline::NotConfigured };
        match validate(&connection, &settings, &baseline) {
            Ok(valid) => {
                // Whatever passes must be sendable: a real port, and a body of the right shape.
                prop_assert!(valid.settings.smtp_port >= 1);
                let body = serde_json::to_value(save_request(&valid.settings, &baseline))
                    .unwrap_or_default();
                prop_assert!(body.is_object(), "{}", body);
                if !configured {
                    prop_assert!(body["SMTPPort"].is_u64(), "{}", body);
                }
            }
            Err(errors) => {
                prop_assert!(!errors.is_empty());
                prop_assert!(errors.iter().all(|(_, e)| !words::field_error(e).is_empty()));
            }
        }
    }

    #[test]
    fn every_port_in_range_is_accepted_and_nothing_else(port in any::<u32>()) {
        let result = check_port(&port.to_string());
        prop_assert_eq!(result.is_ok(), (1..=65535).contains(&port));
        if let Ok(parsed) = result {
            prop_assert_eq!(u32::from(parsed), port);
        }
    }

    #[test]
    fn ip_addresses_are_accepted_as_smtp_servers(v4 in any::<std::net::Ipv4Addr>(), v6 in any::<std::net::Ipv6Addr>()) {
        prop_assert!(check_smtp_server(&v4.to_string()).is_ok());
        prop_assert!(check_smtp_server(&v6.to_string()).is_ok());
    }

    #[test]
    fn dotted_names_of_valid_labels_are_accepted(labels in prop::collection::vec(dns_label(), 1..4), tld in "[a-z]{2,6}") {
        let host = format!("{}.{tld}", labels.join("."));
        prop_assume!(host.len() <= MAX_HOST_LEN);
        prop_assert_eq!(check_smtp_server(&host), Ok(host.clone()));
        let email = format!("alerts@{host}");
        prop_assert_eq!(check_sender_email(&email), Ok(email.clone()));
    }

    #[test]
    fn a_server_name_with_white_space_inside_is_refused(a in dns_label(), b in dns_label(), space in "[ \t]") {
        let host = format!("{a}{space}{b}.example.com");
        prop_assert_eq!(check_smtp_server(&host), Err(FieldError::HostHasSpace));
    }
}
