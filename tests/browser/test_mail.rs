//! Send test email: the settings on the page, tested without saving them.

use anyhow::ensure;
use fake_commandcenter::{DEFAULT_TOKEN, DEFAULT_USER_EMAIL, ERROR_CODE_SMTP_CONNECT_FAILED};
use serde_json::json;

use crate::harness::{check_body, check_json_headers, Form, Page, TEST_MAIL_PATH};

#[tokio::test(flavor = "multi_thread")]
#[ignore = "needs the release build and Chromium: run `cargo xtask test`"]
async fn a_test_email_with_the_saved_credentials_leaves_them_out() -> anyhow::Result<()> {
    let page = Page::open_demo_signed_in().await?;
    let stored = (
        page.fake.stored_settings(),
        page.fake.stored_password_base64(),
    );
    let note = page
        .text_of("#send-test-note")
        .await?
        .expect("#send-test-note");
    ensure!(
        note.contains("the Command Center user you are signed in as"),
        "#send-test-note does not say where the mail goes: {note:?}"
    );
    // An unsaved edit: the test uses what the form holds.
    page.fill("Sender name", "Backup alerts (test)").await?;
    page.click("send-test").await?;

    page.wait_until_test_mail_sent().await?;
    let test = page.only_request_to("POST", TEST_MAIL_PATH)?;
    check_json_headers(&test, DEFAULT_TOKEN)?;
    let body = test.json().expect("the test mail's body");
    for key in ["username", "password"] {
        ensure!(
            body.get(key).is_none(),
            "the test mail sends {key:?}: {body}"
        );
    }
    check_body(
        &test,
        json!({
            "SMTPServerName": "smtp.example.com",
            "SMTPPort": 587,
            "senderEmail": "commvault-alerts@example.com",
            "senderName": "Backup alerts (test)",
            "encryptionAlgorithm": "TLS",
            "useAuthentication": true,
        }),
    )?;
    let mails = page.fake.sent_test_mails();
    assert_eq!(mails.len(), 1, "test mails sent: {mails:#?}");
    assert_eq!(
        mails[0]["to"],
        json!(DEFAULT_USER_EMAIL),
        "the test mail's recipient"
    );
    assert_eq!(
        mails[0]["settings"]["usedSavedCredentials"],
        json!(true),
        "whether the saved credentials were used: {}",
        mails[0]
    );
    assert_eq!(
        (
            page.fake.stored_settings(),
            page.fake.stored_password_base64()
        ),
        stored,
        "what Command Center has stored after the test"
    );
    ensure!(
        page.saves().is_empty(),
        "the test saved: {:#?}",
        page.saves()
    );
    page.close().await
}

#[tokio::test(flavor = "multi_thread")]
#[ignore = "needs the release build and Chromium: run `cargo xtask test`"]
async fn a_failed_test_email_shows_the_servers_message() -> anyhow::Result<()> {
    let page = Page::open_demo_signed_in().await?;
    page.fake.set_mail_server_reachable(false);
    page.click("send-test").await?;

    let alert = page.wait_for_alert().await?;
    // The fake's errorMessage names the server and port the test tried.
    let expected = format!(
        "The test email failed: Failed to connect to SMTP server smtp.example.com:587: \
         Connection timed out (error code {ERROR_CODE_SMTP_CONNECT_FAILED})"
    );
    ensure!(
        alert.contains(&expected),
        "the alert {alert:?} does not contain {expected:?}"
    );
    Form::demo().check_shown(&page).await?;
    page.only_request_to("POST", TEST_MAIL_PATH)?;
    ensure!(
        page.fake.sent_test_mails().is_empty(),
        "the fake recorded a sent mail"
    );
    page.close().await
}
