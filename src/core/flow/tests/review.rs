//! The review with its re-read, and the read-back after a save: what the flow decides when
//! Command Center's settings changed meanwhile, or were not kept.

use super::*;

/// The example settings with sign-in off, as another administrator found them.
fn without_sign_in() -> SettingsForm {
    SettingsForm {
        use_authentication: false,
        username: String::new(),
        ..SettingsForm::example()
    }
}

/// A flow that loaded `baseline` and reviews `edit` of it, its re-read on its way.
fn reviewing_over(baseline: Baseline, edit: impl FnOnce(&mut SettingsForm)) -> PageFlow {
    let mut flow = PageFlow::new();
    flow.load_finished(&connection(), Ok(baseline.clone()));
    let mut settings = baseline.form();
    edit(&mut settings);
    let form = FormSnapshot {
        baseline,
        settings,
        ..snapshot(|_| {})
    };
    assert!(matches!(flow.save_pressed(form), AfterPress::Review { .. }));
    flow
}

fn update_of(after: AfterPress) -> EmailServerUpdate {
    match after {
        AfterPress::Run(Call::Save(attempt)) => match attempt.request {
            SaveRequest::Update(update) => update,
            other => panic!("not an update: {other:?}"),
        },
        other => panic!("no save started: {other:?}"),
    }
}

#[test]
fn confirm_before_the_reread_answers_waits_and_then_saves() {
    let mut flow = reviewing(renamed_sender());
    assert_eq!(flow.confirm(), AfterPress::Nothing);
    assert_eq!(review(&flow).confirm_action(), ConfirmAction::Waiting);
    assert_eq!(
        words::recheck(review(&flow)),
        "Confirm goes ahead as soon as Command Center's current settings have been read…"
    );
    let after = flow.recheck_finished(Ok(configured()));
    assert!(matches!(after, AfterCall::Run(Call::Save(_))), "{after:?}");
    assert!(flow.saving() && flow.under_review().is_none());
}

#[test]
fn closing_the_review_stops_its_reread_and_its_answer_changes_nothing() {
    let mut flow = reviewing(renamed_sender());
    assert!(flow.busy());
    assert_eq!(flow.review_closed(), AfterCall::Cancel);
    assert_eq!(
        flow.recheck_finished(Err(ApiError::Cancelled)),
        AfterCall::Nothing
    );
    assert!(!flow.busy());
    assert_eq!(
        (flow.buttons_off_because(true), flow.status()),
        (None, None)
    );
}

#[test]
fn a_colleagues_sign_in_is_kept_when_mine_goes_onto_it() {
    let before = Baseline::Configured(without_sign_in());
    let mut flow = reviewing_over(before, |s| s.sender_name = "Nightly".into());
    let now = Baseline::Configured(SettingsForm {
        username: "relay-account".into(),
        ..SettingsForm::example()
    });
    assert_eq!(flow.recheck_finished(Ok(now)), AfterCall::Nothing);
    let Recheck::Changed { theirs, .. } = &review(&flow).recheck else {
        panic!("the re-read found no change: {:?}", review(&flow).recheck);
    };
    let fields: Vec<Field> = theirs.iter().map(|t| t.field).collect();
    assert_eq!(fields, [Field::Authentication, Field::Username]);
    assert_eq!(review(&flow).confirm_action(), ConfirmAction::ApplyMine);
    let changed: Vec<Field> = review(&flow).changes.iter().map(|c| c.field).collect();
    assert_eq!(
        changed,
        [Field::SenderName],
        "against what Command Center has now"
    );
    let update = update_of(flow.confirm());
    assert_eq!(
        (update.use_authentication, update.username.as_deref()),
        (true, Some("relay-account"))
    );
    assert_eq!(update.sender_name.as_deref(), Some("Nightly"));
    assert_eq!((update.smtp_port, update.password_base64), (None, None));
}

#[test]
fn a_port_of_mine_over_their_sign_in_needs_the_password_and_back_goes_to_it() {
    let before = Baseline::Configured(without_sign_in());
    let mut flow = reviewing_over(before, |s| s.smtp_port = "2525".into());
    let now = Baseline::Configured(SettingsForm {
        username: "relay-account".into(),
        ..SettingsForm::example()
    });
    flow.recheck_finished(Ok(now.clone()));
    assert_eq!(review(&flow).confirm_action(), ConfirmAction::Blocked);
    assert_eq!(flow.confirm(), AfterPress::Nothing);
    let said = words::recheck(review(&flow));
    assert!(
        said.starts_with("Your changes cannot go onto the current settings as they are. Password: The port changed: type the password again"),
        "{said}"
    );
    assert_eq!(
        flow.review_closed(),
        AfterCall::ShowCurrent {
            now,
            focus: Some(Field::Password)
        }
    );
}

#[test]
fn a_field_both_changed_is_marked_and_mine_is_sent() {
    let mut flow = reviewing(snapshot(|s| {
        s.smtp_port = "2525".into();
        s.password = "typed again".into();
    }));
    let now = Baseline::Configured(SettingsForm {
        smtp_port: "25".into(),
        ..SettingsForm::example()
    });
    flow.recheck_finished(Ok(now));
    let Recheck::Changed { theirs, .. } = &review(&flow).recheck else {
        panic!("no change found");
    };
    assert!(theirs[0].both_changed);
    assert_eq!(review(&flow).confirm_action(), ConfirmAction::ApplyMine);
    assert_eq!(update_of(flow.confirm()).smtp_port, Some(2525));
}

#[test]
fn discarding_mine_loads_theirs() {
    let mut flow = reviewing(renamed_sender());
    let now = Baseline::Configured(SettingsForm {
        smtp_server: "relay.example.com".into(),
        ..SettingsForm::example()
    });
    flow.recheck_finished(Ok(now.clone()));
    assert_eq!(flow.load_theirs(), AfterCall::ShowTheirs(now));
    assert!(flow.under_review().is_none());
    assert_eq!(
        flow.status().map(words::form_status).as_deref(),
        Some("Your changes were discarded: the form shows the settings Command Center has now.")
    );
}

#[test]
fn a_reread_that_fails_says_so_and_offers_to_save_unchecked() {
    let mut flow = reviewing(renamed_sender());
    flow.recheck_finished(Err(ApiError::TimedOut { seconds: 30 }));
    assert_eq!(review(&flow).confirm_action(), ConfirmAction::SaveAnyway);
    let said = words::recheck(review(&flow));
    assert!(
        said.starts_with("Could not check what Command Center has now: Command Center did not answer within 30 seconds"),
        "{said}"
    );
    let update = update_of(flow.confirm());
    assert_eq!(update.sender_name.as_deref(), Some("Nightly backups"));
}

#[test]
fn a_reread_that_meets_a_401_runs_again_once_signed_in_again() {
    let mut flow = reviewing(renamed_sender());
    assert_eq!(
        flow.recheck_finished(Err(ApiError::Unauthorized)),
        AfterCall::AskToSignInAgain
    );
    assert_eq!(review(&flow).recheck, Recheck::Reading);
    assert_eq!(
        flow.signed_in_again(&Secret::new("QSDK new")),
        AfterPress::Run(Call::Recheck)
    );
    flow.recheck_finished(Err(ApiError::Unauthorized));
    assert_eq!(flow.sign_in_again_dismissed(), Some(Call::Recheck));
    assert_eq!(review(&flow).confirm_action(), ConfirmAction::SaveAnyway);
}

#[test]
fn the_save_after_signing_in_again_from_the_review_carries_the_new_token() {
    let fresh = Secret::new("QSDK new");
    let saved_with = |now: Baseline| {
        let mut flow = reviewing(renamed_sender());
        flow.recheck_finished(Err(ApiError::Unauthorized));
        flow.signed_in_again(&fresh);
        flow.recheck_finished(Ok(now));
        match flow.confirm() {
            AfterPress::Run(Call::Save(attempt)) => attempt.connection.token,
            other => panic!("no save started: {other:?}"),
        }
    };
    assert_eq!(saved_with(configured()), fresh, "unchanged meanwhile");
    let changed = Baseline::Configured(SettingsForm {
        smtp_port: "2525".into(),
        ..SettingsForm::example()
    });
    assert_eq!(saved_with(changed), fresh, "changed meanwhile");
}

#[test]
fn a_first_configuration_over_settings_found_meanwhile_is_a_put_of_every_field() {
    let mut flow = reviewing_over(Baseline::NotConfigured, |s| {
        *s = SettingsForm {
            smtp_server: "mail.example.org".into(),
            smtp_port: "25".into(),
            sender_email: "cc@example.org".into(),
            sender_name: "CC".into(),
            ..SettingsForm::default()
        }
    });
    assert!(!review(&flow).updates());
    flow.recheck_finished(Ok(configured()));
    assert!(review(&flow).updates());
    let update = update_of(flow.confirm());
    assert_eq!(update.smtp_server_name.as_deref(), Some("mail.example.org"));
    assert_eq!(update.smtp_port, Some(25));
    assert_eq!(update.encryption_algorithm, Some(Encryption::None));
    assert!(!update.use_authentication, "theirs does not creep in");
}

#[test]
fn a_setting_not_kept_is_named_and_the_form_shows_what_command_center_has() {
    let (mut flow, attempt) = saving();
    let AfterCall::ShowSaved {
        read_back: Call::ReadBack(read_back),
        ..
    } = flow.save_finished(attempt.clone(), Ok(()))
    else {
        panic!("no read-back");
    };
    let kept_old = Baseline::Configured(SettingsForm::example());
    assert_eq!(
        flow.read_back_finished(*read_back, Ok(kept_old.clone())),
        AfterCall::ShowLoaded(kept_old)
    );
    assert_eq!(
        failure(&flow),
        "Saved, but Command Center did not keep everything it was sent: Sender name was sent as \
         Nightly backups, Command Center has Backup alerts. The form shows what Command Center has."
    );
}

#[test]
fn a_read_back_that_fails_claims_no_check() {
    let (mut flow, attempt) = saving();
    let AfterCall::ShowSaved {
        read_back: Call::ReadBack(read_back),
        ..
    } = flow.save_finished(attempt, Ok(()))
    else {
        panic!("no read-back");
    };
    flow.read_back_finished(
        *read_back,
        Err(ApiError::ServerError {
            status: 502,
            server_message: None,
        }),
    );
    let said = failure(&flow);
    assert!(
        said.starts_with("Saved. Could not read the settings back to check them: Command Center failed (HTTP 502)"),
        "{said}"
    );
    assert!(
        said.ends_with("Load the page again to see what Command Center has."),
        "{said}"
    );
}

#[test]
fn what_another_tab_saved_is_loaded_and_my_edits_stay() {
    let mut flow = loaded();
    flow.heard_saved_elsewhere();
    assert!(flow.saved_elsewhere());
    let mine = snapshot(|s| s.smtp_port = "2525".into());
    assert_eq!(
        flow.load_saved_elsewhere(mine.clone()),
        AfterPress::Run(Call::Reload(Box::new(mine.clone())))
    );
    assert!(!flow.saved_elsewhere() && flow.busy());
    let now = Baseline::Configured(SettingsForm {
        smtp_port: "25".into(),
        sender_name: "Nightly".into(),
        ..SettingsForm::example()
    });
    assert_eq!(
        flow.reload_finished(&connection(), mine, Ok(now.clone())),
        AfterCall::ShowLoaded(now)
    );
    assert_eq!(
        flow.status().map(words::form_status).as_deref(),
        Some(
            "Loaded the settings another tab saved: 2 settings had changed. Where you had typed \
             something else, your value stays in the form: SMTP port (saved there: 25)."
        )
    );
}
