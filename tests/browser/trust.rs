//! Issue 14's first parts: the password Command Center has saved goes only to the server, port
//! and encryption it was saved with, and a button that is off says why.

use anyhow::ensure;
use fake_commandcenter::{Endpoint, Fault, FaultBody, DEFAULT_TOKEN};
use serde_json::json;

use crate::harness::{check_body, Page, NEW_PASSWORD, NEW_PASSWORD_BASE64, TEST_MAIL_PATH};

#[tokio::test(flavor = "multi_thread")]
#[ignore = "needs the release build and Chromium: run `cargo xtask test`"]
async fn a_new_host_never_gets_the_saved_password() -> anyhow::Result<()> {
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
        !page.dialog_is_open("review-dialog").await?,
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
async fn turning_encryption_off_withholds_the_saved_password_too() -> anyhow::Result<()> {
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

#[tokio::test(flavor = "multi_thread")]
#[ignore = "needs the release build and Chromium: run `cargo xtask test`"]
async fn a_button_that_is_off_says_why() -> anyhow::Result<()> {
    let page = Page::open_demo_signed_in().await?;
    page.wait_for_enabled("save", false).await?;
    let why = page
        .wait_for_text("#buttons-off", "nothing differs")
        .await?;
    ensure!(why.starts_with("Save is off"), "#buttons-off says {why:?}");
    for button in ["save", "send-test"] {
        let described = page.by_id(button).await?.attr("aria-describedby").await?;
        ensure!(
            described.is_some_and(|ids| ids.split(' ').any(|id| id == "buttons-off")),
            "#{button} is not described by #buttons-off"
        );
    }
    page.fill("Sender name", "Nightly backups").await?;
    page.wait_for_enabled("save", true).await?;
    ensure!(
        !page.displayed("#buttons-off").await?,
        "#buttons-off still shows while both buttons are on"
    );
    page.close().await
}

#[tokio::test(flavor = "multi_thread")]
#[ignore = "needs the release build and Chromium: run `cargo xtask test`"]
async fn after_a_failed_load_the_save_button_says_why_it_is_off() -> anyhow::Result<()> {
    let fake = crate::harness::demo_fake()?;
    fake.set_fault(
        Endpoint::GetEmailServer,
        Some(Fault::Status {
            status: 502,
            body: FaultBody::Html,
        }),
    );
    let page = Page::open_with(fake).await?;
    page.sign_in_with_token(DEFAULT_TOKEN).await?;
    page.wait_for_load_alert().await?;
    page.fill("Sender name", "Nightly backups").await?;
    page.wait_for_enabled("save", false).await?;
    page.wait_for_text(
        "#buttons-off",
        "did not load: choose Try again or Start from an empty form",
    )
    .await?;
    page.close().await
}
