//! The sentences the page says, checked on what the core reports.

use super::*;
use crate::core::errors::ServerWords;
use crate::core::flow::Failure;
use crate::core::secret::Secret;

/// `api_error`, in the order the tests read best.
trait Says {
    fn user_message(&self, base_url: &str, operation: Operation) -> String;
}

impl Says for ApiError {
    fn user_message(&self, base_url: &str, operation: Operation) -> String {
        api_error(self, operation, base_url)
    }
}

const BASE: &str = "/commandcenter/api";

fn save_message(error: ApiError) -> String {
    error.user_message(BASE, Operation::Save)
}

#[test]
fn unauthorized_names_the_status_and_the_token() {
    let message = save_message(ApiError::Unauthorized);
    assert!(
        message.contains("401") && message.contains("token"),
        "{message}"
    );
}

#[test]
fn refusal_shows_the_server_message_and_the_code() {
    let message = ApiError::Rejected {
        code: 5,
        message: Some("SMTP server not reachable".into()),
    }
    .user_message(BASE, Operation::Save);
    assert!(
        message.contains("SMTP server not reachable (error code 5)"),
        "{message}"
    );
    let message = ApiError::Rejected {
        code: 9,
        message: None,
    }
    .user_message(BASE, Operation::Save);
    assert!(message.contains("(error code 9)"), "{message}");
}

#[test]
fn unreachable_says_where_and_what_to_check() {
    let message = ApiError::Unreachable {
        detail: "TypeError: Failed to fetch".into(),
    }
    .user_message("https://cc.example.com/commandcenter/api", Operation::Save);
    assert!(message.starts_with("Could not reach"), "{message}");
    assert!(
        message.contains("https://cc.example.com/commandcenter/api"),
        "{message}"
    );
    assert!(message.contains("is running"), "{message}");
}

#[test]
fn other_statuses_show_the_number_and_a_next_step() {
    let cases = [
        (
            ApiError::NotFound {
                server_message: None,
            },
            "HTTP 404",
            "base URL",
        ),
        (
            ApiError::Forbidden {
                server_message: None,
            },
            "HTTP 403",
            "permission",
        ),
        (
            ApiError::ServerError {
                status: 502,
                server_message: None,
            },
            "HTTP 502",
            "try again",
        ),
        (
            ApiError::HttpStatus {
                status: 429,
                server_message: None,
            },
            "HTTP 429",
            "Nothing was saved",
        ),
    ];
    for (error, status, hint) in cases {
        let message = error.user_message(BASE, Operation::Save);
        assert!(message.contains(status), "{message}");
        assert!(message.contains(hint), "{message}");
    }
}

#[test]
fn bad_request_includes_the_server_reason_when_there_is_one() {
    let with = ApiError::BadRequest {
        server_message: Some(ServerWords::Said("SMTPPort out of range".into())),
    }
    .user_message(BASE, Operation::Save);
    assert!(with.contains("HTTP 400): SMTPPort out of range."), "{with}");
    let without = ApiError::BadRequest {
        server_message: None,
    }
    .user_message(BASE, Operation::Save);
    assert!(without.contains("HTTP 400)."), "{without}");
}

#[test]
fn failures_without_a_status_say_what_to_check() {
    let blocked = ApiError::BlockedByBrowser {
        page_origin: "https://portal.example.com".into(),
    }
    .user_message("https://cc.example.com/commandcenter/api", Operation::Load);
    assert!(
        blocked.contains("CORS") && blocked.contains("https://portal.example.com"),
        "{blocked}"
    );
    assert!(blocked.contains("same address"), "{blocked}");
    let mixed = ApiError::MixedContent {
        page_origin: "https://portal.example.com".into(),
    }
    .user_message("http://cc.example.com/commandcenter/api", Operation::Save);
    assert!(
        mixed.contains("mixed content") && mixed.contains("https address"),
        "{mixed}"
    );
    let timed_out = ApiError::TimedOut { seconds: 30 }.user_message(BASE, Operation::TestMail);
    assert!(
        timed_out.contains("within 30 seconds") && timed_out.contains("No test email"),
        "{timed_out}"
    );
    let one_second = ApiError::TimedOut { seconds: 1 }.user_message(BASE, Operation::Save);
    assert!(one_second.contains("within 1 second."), "{one_second}");
    let cancelled = ApiError::Cancelled.user_message(BASE, Operation::Save);
    assert!(
        cancelled.starts_with("Cancelled.") && cancelled.contains("reload"),
        "{cancelled}"
    );
}

#[test]
fn the_operation_decides_what_was_not_done() {
    let error = ApiError::Rejected {
        code: 6,
        message: Some("Failed to connect to SMTP server smtp.example.com:587".into()),
    };
    let test_mail = error.user_message(BASE, Operation::TestMail);
    assert!(
        test_mail.starts_with("The test email failed: Failed to connect"),
        "{test_mail}"
    );
    assert!(test_mail.contains("No test email was sent."), "{test_mail}");
    let load = ApiError::Unauthorized.user_message(BASE, Operation::Load);
    assert!(
        load.contains("The current settings were not loaded."),
        "{load}"
    );
    let unreadable = ApiError::UnreadableAnswer { status: 200 };
    assert!(unreadable
        .user_message(BASE, Operation::Save)
        .contains("may or may not have been saved"));
}

#[test]
fn a_call_the_pages_policy_blocks_names_the_directive_to_change() {
    let message = ApiError::BlockedByPolicy {
        origin: "https://cc.example.com".into(),
        directive: "connect-src".into(),
    }
    .user_message("https://cc.example.com/commandcenter/api", Operation::Load);
    assert!(
        message.starts_with("This page's Content-Security-Policy does not allow it to connect to https://cc.example.com (connect-src)"),
        "{message}"
    );
    assert!(
        message.contains("Add https://cc.example.com to connect-src"),
        "{message}"
    );
    assert!(
        message.ends_with("The current settings were not loaded."),
        "{message}"
    );
}

#[test]
fn every_withheld_password_says_to_type_it_again() {
    for reason in [
        Withheld::ServerChanged,
        Withheld::PortChanged,
        Withheld::EncryptionTurnedOff,
    ] {
        assert!(withheld(reason).contains("type the password again"));
    }
}

#[test]
fn an_html_error_page_is_named_by_its_title() {
    let message = ApiError::ServerError {
        status: 502,
        server_message: Some(ServerWords::HtmlPage {
            title: "502 Bad Gateway".into(),
        }),
    }
    .user_message(BASE, Operation::Save);
    assert!(
        message.starts_with(
            "Command Center failed (HTTP 502): an HTML page titled “502 Bad Gateway”."
        ),
        "{message}"
    );
}

#[test]
fn a_failed_call_masks_the_secrets_it_carried() {
    let failure = Failure {
        error: ApiError::Rejected {
            code: 5,
            message: Some("auth failed for hunter22 with QSDK 1234".into()),
        },
        operation: Operation::TestMail,
        base_url: BASE.into(),
        secrets: vec![Secret::new("hunter22"), Secret::new("QSDK 1234")],
    };
    let text = call_failed(&failure);
    assert!(
        text.starts_with("The test email failed: auth failed for ••• with •••"),
        "{text}"
    );
}

#[test]
fn a_refused_sign_in_quotes_command_center_and_never_the_password() {
    use crate::core::login::{sign_in_attempt, SignInMode, SignInValues};
    let attempt = sign_in_attempt(&SignInValues {
        mode: SignInMode::UserAndPassword,
        base_url: "/commandcenter/api",
        user_name: "admin",
        password: "pässword",
        token: "",
    })
    .unwrap();
    let said = |status, message: Option<&str>, code| {
        sign_in_failed(
            &attempt,
            &LoginError::Refused {
                status,
                message: message.map(str::to_owned),
                code,
            },
        )
    };
    assert_eq!(
        said(200, Some("Invalid username or password."), Some(1)),
        "Command Center refused the sign-in: Invalid username or password (error code 1). \
         Check the user name and password and try again."
    );
    assert!(said(401, None, None).starts_with("Command Center refused the sign-in (HTTP 401)."));
    let echoed = said(401, Some("bad password pässword (cMOkc3N3b3Jk)"), Some(1));
    assert!(echoed.contains("bad password ••• (•••)"), "{echoed}");
}

#[test]
fn config_problems_say_what_is_wrong_and_where() {
    use crate::core::config::RuntimeConfig;
    let said = |text: &str| config_problem(&RuntimeConfig::from_json(text).unwrap_err());
    let defaults = " The page uses the default API base URL.";
    assert_eq!(
        said("{\"apiBaseURL\": \"/x\"}"),
        format!(
            "config.json is not valid: unknown field `apiBaseURL`, expected one of `apiBaseUrl`, \
             `allowApiBaseUrlChange`, `requestTimeoutSeconds`, `embedding`, `title`, \
             `themeStylesheet`, `language`, `allowLanguageChange` at line 1 column 13.{defaults}"
        )
    );
    assert_eq!(
        said(r#"{"language": "pt-BR"}"#),
        format!(
            "config.json is not valid: language: “pt-BR” is not a language this page has (en, de, \
             fr, es, ja, zh-Hans).{defaults}"
        )
    );
    assert_eq!(
        said(r#"{"embedding": {"allowedParentOrigins": ["https://*.example.com"]}}"#),
        format!(
            "config.json is not valid: embedding.allowedParentOrigins: “https://*.example.com” \
             is not an origin: wildcards are not allowed: list each origin.{defaults}"
        )
    );
    assert_eq!(
        said("{\"requestTimeoutSeconds\": 0}"),
        format!("config.json is not valid: requestTimeoutSeconds must be 1 to 600.{defaults}")
    );
    assert_eq!(
        config_problem(&ConfigProblem::Unavailable(ApiError::TimedOut {
            seconds: 30
        })),
        format!("config.json could not be loaded (no answer within 30 seconds).{defaults}")
    );
    assert_eq!(
        config_problem(&ConfigProblem::Http { status: 500 }),
        format!("config.json could not be loaded (HTTP 500).{defaults}")
    );
}

#[test]
fn the_document_title_is_the_pages_unless_config_json_names_one() {
    assert_eq!(document_title(None), "Email server · Command Center");
    assert_eq!(
        document_title(Some("Mail for backups")),
        "Mail for backups · Command Center"
    );
}

#[test]
fn plurals_follow_the_count() {
    assert_eq!(
        review_summary(1, true),
        "Command Center's email server will be updated: 1 setting change."
    );
    assert_eq!(
        review_summary(3, false),
        "Command Center's email server will be configured with these 3 settings."
    );
    assert_eq!(
        form_status(&FormStatus::Invalid {
            fields: 1,
            operation: Operation::Save
        }),
        "Fix the highlighted field before saving: nothing was sent."
    );
}

#[test]
fn a_failed_test_mail_the_page_knows_adds_the_advice_to_the_servers_words() {
    // Google, "Gmail SMTP errors and codes".
    let reply = "534-5.7.9 Application-specific password required. Learn more at \
                 https://support.google.com/mail/?p=InvalidSecondFactor";
    let rejected = ApiError::Rejected {
        code: 6,
        message: Some(reply.into()),
    };
    let test_mail = rejected.user_message(BASE, Operation::TestMail);
    assert_eq!(
        test_mail,
        format!(
            "The test email failed: {reply} (error code 6). No test email was sent. Google \
             wants an app password, not the account's own password: make one (it needs 2-Step \
             Verification) and type it as the password."
        )
    );
    // A save knows no mail server's reply; an unknown reply is said as the server said it.
    assert!(rejected
        .user_message(BASE, Operation::Save)
        .ends_with("Correct the settings and save again."));
    let unknown = ApiError::Rejected {
        code: 6,
        message: Some("452 4.3.1 Insufficient system storage".into()),
    };
    assert!(unknown
        .user_message(BASE, Operation::TestMail)
        .ends_with("(error code 6). No test email was sent. Correct the settings and send the test email again."));
}

#[test]
fn the_test_mail_names_its_recipient_when_the_page_knows_it() {
    let sent = |recipient: Option<&str>| {
        form_status(&FormStatus::TestMailSent {
            recipient: recipient.map(str::to_owned),
        })
    };
    assert!(sent(Some("admin@example.com")).starts_with("Test email sent to admin@example.com."));
    assert!(sent(None).starts_with(
        "Test email sent to the email address of the Command Center user you are signed in as."
    ));
    assert!(send_test_note(Some("admin@example.com")).contains("goes to admin@example.com, the"));
    assert!(send_test_note(None).contains("goes to the email address of the Command Center user"));
}

#[test]
fn the_port_hint_names_the_usual_port_only_when_asked_to() {
    assert_eq!(port_hint(None), "Usually 25, 587 (TLS) or 465 (SSL).");
    assert_eq!(
        port_hint(Some((Encryption::Tls, 587))),
        "The usual port with TLS (STARTTLS) is 587."
    );
}

#[test]
fn every_provider_has_its_own_name_and_ses_names_its_region() {
    use crate::core::providers::Provider;
    let mut names: Vec<String> = Provider::all().map(|p| provider(Some(p))).collect();
    assert_eq!(
        provider(Some(Provider::AmazonSes {
            region: "eu-west-1"
        })),
        "Amazon SES, Europe (Ireland) (eu-west-1)"
    );
    names.push(provider(None));
    let count = names.len();
    names.sort();
    names.dedup();
    assert_eq!(names.len(), count, "two providers share a name");
}

#[test]
fn a_theme_the_page_cannot_use_says_why_and_that_the_page_keeps_its_colours() {
    for problem in [
        ThemeProblem::NotText,
        ThemeProblem::Elsewhere {
            url: "https://cdn.example.net/t.css".into(),
        },
        ThemeProblem::NotLoaded {
            url: "/t.css".into(),
        },
    ] {
        let text = theme_problem(&problem);
        assert!(
            text.starts_with("The stylesheet of config.json's themeStylesheet")
                || text.starts_with("config.json's themeStylesheet"),
            "{text}"
        );
        assert!(text.ends_with("the page uses its own colours."), "{text}");
    }
}
