//! The flow's decisions; its texts are checked through `crate::words`, which says them.

use super::*;
use crate::core::settings::Encryption;
use crate::core::wire::EmailServerUpdate;
use crate::words;

mod review;

const TOKEN: &str = "QSDK 3856abcdef";

fn connection() -> ApiConnection {
    ApiConnection {
        base_url: "/commandcenter/api".into(),
        token: Secret::new(TOKEN),
    }
}

fn configured() -> Baseline {
    Baseline::Configured(SettingsForm::example())
}

/// The form with `edit` applied to what Command Center holds.
fn snapshot(edit: impl FnOnce(&mut SettingsForm)) -> FormSnapshot {
    let mut settings = SettingsForm::example();
    edit(&mut settings);
    FormSnapshot {
        connection: ConnectionForm {
            access_token: TOKEN.into(),
            api_base_url: "/commandcenter/api".into(),
        },
        settings,
        baseline: configured(),
        recipient: None,
    }
}

fn renamed_sender() -> FormSnapshot {
    snapshot(|s| s.sender_name = "Nightly backups".into())
}

/// A flow that has loaded the configured settings.
fn loaded() -> PageFlow {
    let mut flow = PageFlow::new();
    assert_eq!(
        flow.load_finished(&connection(), Ok(configured())),
        AfterCall::ShowLoaded(configured())
    );
    flow
}

/// A flow reviewing the save of `form`, its re-read on its way.
fn reviewing(form: FormSnapshot) -> PageFlow {
    let mut flow = loaded();
    assert_eq!(
        flow.save_pressed(form),
        AfterPress::Review {
            meanwhile: Call::Recheck
        }
    );
    flow
}

/// A flow whose save of `renamed_sender()` is on its way, Command Center unchanged meanwhile.
fn saving() -> (PageFlow, SaveAttempt) {
    let mut flow = reviewing(renamed_sender());
    assert_eq!(flow.recheck_finished(Ok(configured())), AfterCall::Nothing);
    let AfterPress::Run(Call::Save(attempt)) = flow.confirm() else {
        panic!("Confirm did not start the save");
    };
    (flow, *attempt)
}

fn review(flow: &PageFlow) -> &Review {
    flow.under_review().expect("the review is open")
}

fn failure(flow: &PageFlow) -> String {
    match flow.status() {
        Some(status) if !status.is_success() => words::form_status(status),
        other => panic!("expected a failure, the status is {other:?}"),
    }
}

#[test]
fn a_new_page_is_loading_and_cannot_save_yet() {
    let flow = PageFlow::new();
    assert_eq!(flow.load(), &LoadState::Loading);
    assert!(flow.busy());
    assert!(!flow.can_save(true));
    assert_eq!(
        flow.clone().save_pressed(renamed_sender()),
        AfterPress::Nothing
    );
}

#[test]
fn loaded_settings_go_into_the_form_and_saving_needs_a_change() {
    let flow = loaded();
    assert_eq!(flow.load(), &LoadState::Loaded { configured: true });
    assert!(!flow.busy());
    assert!(!flow.can_save(false));
    assert!(flow.can_save(true));
    assert_eq!(
        flow.clone().save_pressed(snapshot(|_| {})),
        AfterPress::Nothing
    );

    let mut empty = PageFlow::new();
    empty.load_finished(&connection(), Ok(Baseline::NotConfigured));
    assert_eq!(empty.load(), &LoadState::Loaded { configured: false });
}

#[test]
fn a_failed_load_says_why_and_can_be_tried_again_or_left_for_an_empty_form() {
    let mut flow = PageFlow::new();
    let after = flow.load_finished(
        &connection(),
        Err(ApiError::ServerError {
            status: 502,
            server_message: None,
        }),
    );
    assert_eq!(after, AfterCall::Nothing);
    let LoadState::Failed(_) = flow.load() else {
        panic!("the load did not fail: {:?}", flow.load());
    };
    let reason = words::load_state(flow.load());
    assert!(
        reason.contains("HTTP 502") && reason.contains("not loaded"),
        "{reason}"
    );
    assert!(
        !flow.can_save(true),
        "a failed load leaves the saved settings unknown"
    );

    assert_eq!(flow.clone().retry_load(), AfterPress::Run(Call::Load));
    assert_eq!(
        flow.start_empty(),
        AfterCall::ShowLoaded(Baseline::NotConfigured)
    );
    assert!(flow.can_save(true));
    // An answer that comes after the administrator chose the empty form changes nothing.
    assert_eq!(
        flow.load_finished(&connection(), Ok(configured())),
        AfterCall::Nothing
    );
    assert_eq!(flow.load(), &LoadState::StartedEmpty);
}

#[test]
fn an_invalid_form_is_not_sent_and_the_first_wrong_field_gets_the_focus() {
    let mut flow = loaded();
    let after = flow.save_pressed(snapshot(|s| {
        s.smtp_port = "70000".into();
        s.sender_email = "no-at-sign".into();
    }));
    assert_eq!(after, AfterPress::Focus(Field::SmtpPort));
    assert_eq!(
        failure(&flow),
        "Fix the 2 highlighted fields before saving: nothing was sent."
    );
    assert_eq!(flow.under_review(), None);
}

#[test]
fn save_shows_the_changes_and_only_confirm_sends_them() {
    let mut flow = reviewing(renamed_sender());
    let fields: Vec<Field> = review(&flow).changes.iter().map(|c| c.field).collect();
    assert_eq!(fields, [Field::SenderName]);
    assert!(!flow.saving());

    assert_eq!(flow.review_closed(), AfterCall::Cancel);
    assert_eq!(flow.under_review(), None);
    assert_eq!(
        flow.confirm(),
        AfterPress::Nothing,
        "Back, then a stray Confirm"
    );

    let (flow, attempt) = saving();
    assert!(flow.saving() && flow.busy());
    assert_eq!(attempt.saved.sender_name, "Nightly backups");
    assert!(matches!(attempt.request, SaveRequest::Update(_)));
}

#[test]
fn nothing_else_starts_while_a_save_is_on_its_way() {
    let (mut flow, _) = saving();
    assert_eq!(flow.save_pressed(renamed_sender()), AfterPress::Nothing);
    assert_eq!(flow.test_pressed(renamed_sender()), AfterPress::Nothing);
    assert_eq!(flow.retry_load(), AfterPress::Nothing);
}

#[test]
fn a_successful_save_is_the_new_starting_point() {
    let (mut flow, attempt) = saving();
    let after = flow.save_finished(attempt.clone(), Ok(()));
    let read_back = ReadBack {
        connection: connection(),
        sent: attempt.saved.clone(),
    };
    assert_eq!(
        after,
        AfterCall::ShowSaved {
            submitted: attempt.submitted,
            saved: attempt.saved.clone(),
            read_back: Call::ReadBack(Box::new(read_back.clone())),
        }
    );
    assert!(flow.busy(), "the read-back is on its way");
    assert_eq!(
        flow.status().map(words::form_status).as_deref(),
        Some(
            "Email server settings saved. Command Center now sends mail through \
             smtp.example.com:587. Reading them back to check that Command Center kept them…"
        )
    );
    let kept = Baseline::Configured(attempt.saved);
    assert_eq!(
        flow.read_back_finished(read_back, Ok(kept.clone())),
        AfterCall::ShowLoaded(kept)
    );
    assert!(!flow.busy());
    assert_eq!(
        flow.status().map(words::form_status).as_deref(),
        Some(
            "Saved and checked: Command Center now has these settings, and sends mail through \
             smtp.example.com:587."
        )
    );
}

#[test]
fn a_save_that_meets_a_401_runs_again_with_the_new_token_once_signed_in_again() {
    let (mut flow, attempt) = saving();
    assert_eq!(
        flow.save_finished(attempt.clone(), Err(ApiError::Unauthorized)),
        AfterCall::AskToSignInAgain
    );
    assert!(failure(&flow).contains("401"));
    assert!(!flow.busy());

    let fresh = Secret::new("QSDK fresh");
    let AfterPress::Run(Call::Save(again)) = flow.signed_in_again(&fresh) else {
        panic!("the save did not run again");
    };
    assert_eq!(again.connection.token, fresh);
    assert_eq!(again.request, attempt.request);
    assert!(flow.saving());
    assert_eq!(flow.status(), None);
    // Once only.
    assert_eq!(flow.signed_in_again(&fresh), AfterPress::Nothing);
}

#[test]
fn a_load_that_meets_a_401_loads_again_once_signed_in_again() {
    let mut flow = PageFlow::new();
    assert_eq!(
        flow.load_finished(&connection(), Err(ApiError::Unauthorized)),
        AfterCall::AskToSignInAgain
    );
    assert_eq!(
        flow.signed_in_again(&Secret::new("QSDK fresh")),
        AfterPress::Run(Call::Load)
    );
    assert_eq!(flow.load(), &LoadState::Loading);
}

#[test]
fn dismissing_the_sign_in_again_forgets_the_call_and_names_it_once() {
    let (mut flow, attempt) = saving();
    let request = attempt.request.clone();
    flow.save_finished(attempt, Err(ApiError::Unauthorized));
    assert!(matches!(
        flow.sign_in_again_dismissed(),
        Some(Call::Save(retried)) if retried.request == request
    ));
    assert_eq!(flow.sign_in_again_dismissed(), None);
    assert_eq!(
        flow.signed_in_again(&Secret::new("QSDK fresh")),
        AfterPress::Nothing
    );
    assert!(!flow.busy());
}

#[test]
fn a_test_mail_goes_out_with_the_settings_on_the_page() {
    let mut flow = loaded();
    let AfterPress::Run(Call::TestMail(attempt)) = flow.test_pressed(renamed_sender()) else {
        panic!("the test mail did not start");
    };
    let attempt = *attempt;
    assert_eq!(attempt.request.sender_name, "Nightly backups");
    // The saved password is tested: no credentials go with it.
    assert_eq!(attempt.request.credentials, None);
    assert!(flow.sending_test() && flow.busy());
    assert_eq!(flow.test_finished(attempt, Ok(())), AfterCall::Nothing);
    assert_eq!(
        flow.status(),
        Some(&FormStatus::TestMailSent { recipient: None })
    );
    assert!(!flow.busy());
}

#[test]
fn a_sent_test_mail_names_the_recipient_the_press_knew() {
    let mut flow = loaded();
    let form = FormSnapshot {
        recipient: Some("admin@example.com".into()),
        ..renamed_sender()
    };
    let AfterPress::Run(Call::TestMail(attempt)) = flow.test_pressed(form) else {
        panic!("the test mail did not start");
    };
    flow.test_finished(*attempt, Ok(()));
    assert_eq!(
        flow.status(),
        Some(&FormStatus::TestMailSent {
            recipient: Some("admin@example.com".into())
        })
    );
}

#[test]
fn a_test_mail_for_a_changed_user_name_asks_for_its_password() {
    let mut flow = loaded();
    let after = flow.test_pressed(snapshot(|s| s.username = "someone-else".into()));
    assert_eq!(after, AfterPress::Focus(Field::Password));
    assert!(failure(&flow).starts_with("Type the password to test with a changed user name"));
    assert!(!flow.busy());
}

#[test]
fn failures_never_show_the_token_or_the_password_typed() {
    let mut flow = loaded();
    let form = snapshot(|s| s.password = "hunter22-secret".into());
    let AfterPress::Run(Call::TestMail(attempt)) = flow.test_pressed(form) else {
        panic!("the test mail did not start");
    };
    let attempt = *attempt;
    let echoed = ApiError::Rejected {
        code: 5,
        message: Some(format!(
            "auth failed for hunter22-secret (aHVudGVyMjItc2VjcmV0) with {TOKEN}"
        )),
    };
    flow.test_finished(attempt, Err(echoed));
    let text = failure(&flow);
    assert!(
        text.starts_with("The test email failed: auth failed for ••• (•••) with •••"),
        "{text}"
    );
}

#[test]
fn a_button_that_is_off_says_why() {
    let because = |flow: &PageFlow, dirty| {
        flow.buttons_off_because(dirty)
            .map(words::buttons_off)
            .unwrap()
    };
    let mut flow = PageFlow::new();
    assert!(because(&flow, true).contains("until the current settings have loaded"));

    let mut loaded = loaded();
    assert!(because(&loaded, false).contains("nothing differs"));
    assert_eq!(loaded.buttons_off_because(true), None);
    let _ = loaded.test_pressed(renamed_sender());
    assert!(loaded.sending_test());
    assert!(because(&loaded, true).starts_with("Save is off until the test email"));

    let (saving, _) = saving();
    assert!(because(&saving, true).starts_with("Send test email is off until the save"));

    flow.load_finished(
        &connection(),
        Err(ApiError::ServerError {
            status: 502,
            server_message: None,
        }),
    );
    assert!(because(&flow, true).contains("Try again or Start from an empty form"));
}
