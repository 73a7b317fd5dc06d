//! Issue 14, first part: the password Command Center has saved goes only to the server, port
//! and encryption it was saved with.

use serde_json::json;

use crate::harness::{
    check_body, Outcome, Page, NEW_PASSWORD, NEW_PASSWORD_BASE64, TEST_MAIL_PATH,
};

#[tokio::test(flavor = "multi_thread")]
#[ignore = "needs the release build and Chromium: run `cargo xtask test`"]
async fn a_new_host_never_gets_the_saved_password() -> Outcome {
    let page = Page::open_demo_signed_in().await?;
    page.fill("SMTP server", "smtp.elsewhere.example").await?;
    let hint = page
        .text_of("#smtp-password-hint")
        .await?
        .unwrap_or_default();
    ensure!(
        hint.starts_with("The server changed: type the password again."),
        "the password hint does not say why it is needed: {hint:?}"
    );

    page.click("send-test").await?;
    let error = page.wait_for_field_error("smtp-password").await?;
    ensure!(
        error.contains("type the password again"),
        "the password error {error:?}"
    );
    page.wait_for_focus("smtp-password").await?;
    page.click_save().await?;
    ensure!(
        !page.review_is_open().await?,
        "the review opened without a password"
    );
    page.ensure_nothing_sent()?;

    page.fill("Password", NEW_PASSWORD).await?;
    page.click("send-test").await?;
    page.wait_until_test_mail_sent().await?;
    let test = page.only_request_to("POST", TEST_MAIL_PATH)?;
    check_body(
        &test,
        json!({
            "SMTPServerName": "smtp.elsewhere.example",
            "SMTPPort": 587,
            "senderEmail": "commvault-alerts@example.com",
            "senderName": "Commvault Command Center",
            "encryptionAlgorithm": "TLS",
            "useAuthentication": true,
            "username": "cc-mailer",
            "password": NEW_PASSWORD_BASE64,
        }),
    )?;
    page.close().await
}

#[tokio::test(flavor = "multi_thread")]
#[ignore = "needs the release build and Chromium: run `cargo xtask test`"]
async fn turning_encryption_off_withholds_the_saved_password_too() -> Outcome {
    let page = Page::open_demo_signed_in().await?;
    page.choose_encryption("NONE").await?;
    page.click("send-test").await?;
    let error = page.wait_for_field_error("smtp-password").await?;
    ensure!(
        error.starts_with("Encryption is now off"),
        "the password error {error:?}"
    );
    page.ensure_nothing_sent()?;
    page.close().await
}
