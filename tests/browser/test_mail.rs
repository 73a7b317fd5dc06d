//! Send test email: the settings on the page, tested without saving them.

use anyhow::ensure;
use fake_commandcenter::{
    Endpoint, Fault, DEFAULT_TOKEN, DEFAULT_USER_EMAIL, ERROR_CODE_SMTP_CONNECT_FAILED,
};
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

#[tokio::test(flavor = "multi_thread")]
#[ignore = "needs the release build and Chromium: run `cargo xtask test`"]
async fn a_reply_of_exchange_online_is_explained_beside_its_own_words() -> anyhow::Result<()> {
    let page = Page::open_demo_signed_in().await?;
    // Microsoft Learn, "Enable or disable SMTP AUTH in Exchange Online": the reply of a tenant
    // with SMTP AUTH off, as Command Center passes it on.
    let reply = "535 5.7.139 Authentication unsuccessful, SmtpClientAuthentication is disabled \
                 for the Tenant. Visit https://aka.ms/smtp_auth_disabled for more information.";
    page.fake.set_fault(
        Endpoint::TestEmailServer,
        Some(Fault::ErrorCode {
            code: ERROR_CODE_SMTP_CONNECT_FAILED,
            message: reply.to_owned(),
        }),
    );
    page.click("send-test").await?;
    let alert = page.wait_for_alert().await?;
    for expected in [
        // The server's words, whole, and the code.
        reply.trim_end_matches('.'),
        format!("(error code {ERROR_CODE_SMTP_CONNECT_FAILED})").as_str(),
        // What to do about them.
        "Exchange Online refuses SMTP AUTH with a password for this tenant or mailbox: have \
         SMTP AUTH turned on again for the mailbox, or send through an SMTP relay or connector.",
    ] {
        ensure!(
            alert.contains(expected),
            "the alert {alert:?} does not contain {expected:?}"
        );
    }
    ensure!(
        !alert.contains("Correct the settings and send the test email again"),
        "the advice comes in place of the general retry: {alert:?}"
    );
    Form::demo().check_shown(&page).await?;
    page.close().await
}

#[tokio::test(flavor = "multi_thread")]
#[ignore = "needs the release build and Chromium: run `cargo xtask test`"]
async fn signed_in_as_a_user_the_test_mail_names_its_recipient() -> anyhow::Result<()> {
    let page = Page::open_demo_logged_in().await?;
    let expected = format!(
        "The test email uses the settings above without saving them, and goes to \
         {DEFAULT_USER_EMAIL}, the address of the Command Center user you are signed in as."
    );
    assert_eq!(
        page.text_of("#send-test-note").await?.as_deref(),
        Some(expected.as_str()),
        "#send-test-note"
    );
    page.click("send-test").await?;
    let status = page.wait_until_test_mail_sent().await?;
    ensure!(
        status.starts_with(&format!("Test email sent to {DEFAULT_USER_EMAIL}.")),
        "the status {status:?}"
    );
    let mails = page.fake.sent_test_mails();
    assert_eq!(mails.len(), 1, "test mails sent: {mails:#?}");
    assert_eq!(
        mails[0]["to"],
        json!(DEFAULT_USER_EMAIL),
        "the mail's recipient"
    );
    page.close().await
}
