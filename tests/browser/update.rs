//! Settings configured in Command Center (the demo seed): Save reviews the changes and PUTs
//! only those; Discard goes back; leaving with unsaved changes asks first.

use anyhow::ensure;
use fake_commandcenter::DEFAULT_TOKEN;
use serde_json::json;

use crate::harness::{
    check_body, check_json_headers, Form, Page, DEMO_PASSWORD, DEMO_PASSWORD_BASE64,
    EMAIL_SERVER_PATH, NEW_PASSWORD, NEW_PASSWORD_BASE64, SIGN_IN_LABEL,
};

const NEW_SENDER_NAME: &str = "Backup alerts (Paris)";

#[tokio::test(flavor = "multi_thread")]
#[ignore = "needs the release build and Chromium: run `cargo xtask test`"]
async fn changing_the_sender_name_puts_only_that_change() -> anyhow::Result<()> {
    let page = Page::open_demo_signed_in().await?;
    page.fill("Sender name", NEW_SENDER_NAME).await?;
    page.click_save().await?;

    assert_eq!(
        page.review_rows().await?,
        vec![["Sender name", "Commvault Command Center", NEW_SENDER_NAME]],
        "the review"
    );
    page.confirm_review().await?;
    page.wait_until_saved().await?;
    let put = page.only_request_to("PUT", EMAIL_SERVER_PATH)?;
    check_json_headers(&put, DEFAULT_TOKEN)?;
    check_body(
        &put,
        json!({"senderName": NEW_SENDER_NAME, "useAuthentication": true, "username": "cc-mailer"}),
    )?;
    ensure!(
        page.requests_to("POST", EMAIL_SERVER_PATH).is_empty(),
        "the page also POSTed"
    );
    let stored = page.fake.stored_settings();
    assert_eq!(
        stored["senderName"],
        json!(NEW_SENDER_NAME),
        "stored sender name in {stored}"
    );
    assert_eq!(
        page.fake.stored_password_base64().as_deref(),
        Some(DEMO_PASSWORD_BASE64),
        "the stored password"
    );
    // The saved values are the new baseline.
    page.wait_for_enabled("save", false).await?;
    page.wait_for_enabled("discard", false).await?;
    page.close().await
}

#[tokio::test(flavor = "multi_thread")]
#[ignore = "needs the release build and Chromium: run `cargo xtask test`"]
async fn a_new_password_is_put_as_base64_and_never_shown() -> anyhow::Result<()> {
    let page = Page::open_demo_signed_in().await?;
    page.fill("Password", NEW_PASSWORD).await?;
    page.click_save().await?;

    assert_eq!(
        page.review_rows().await?,
        vec![["Password", "saved", "changed"]],
        "the review"
    );
    let review = page.review_text().await?;
    ensure!(
        !review.contains(NEW_PASSWORD) && !review.contains(NEW_PASSWORD_BASE64),
        "the review shows the password: {review:?}"
    );
    page.confirm_review().await?;
    page.wait_until_saved().await?;
    let put = page.only_request_to("PUT", EMAIL_SERVER_PATH)?;
    check_body(
        &put,
        json!({"useAuthentication": true, "username": "cc-mailer", "password": NEW_PASSWORD_BASE64}),
    )?;
    assert_eq!(
        page.fake.stored_password_base64().as_deref(),
        Some(NEW_PASSWORD_BASE64),
        "the stored password"
    );
    assert_eq!(
        page.value("Password").await?,
        "",
        "the password input after saving"
    );
    page.close().await
}

#[tokio::test(flavor = "multi_thread")]
#[ignore = "needs the release build and Chromium: run `cargo xtask test`"]
async fn turning_sign_in_off_puts_use_authentication_false() -> anyhow::Result<()> {
    let page = Page::open_demo_signed_in().await?;
    page.set_sign_in(false).await?;
    page.click_save().await?;

    let rows = page.review_rows().await?;
    ensure!(
        rows.iter().any(|row| *row == [SIGN_IN_LABEL, "On", "Off"]),
        "the review lacks the row [{SIGN_IN_LABEL:?}, \"On\", \"Off\"]: {rows:?}"
    );
    page.confirm_review().await?;
    page.wait_until_saved().await?;
    let put = page.only_request_to("PUT", EMAIL_SERVER_PATH)?;
    check_body(&put, json!({"useAuthentication": false}))?;
    let stored = page.fake.stored_settings();
    assert_eq!(
        stored["useAuthentication"],
        json!(false),
        "stored useAuthentication in {stored}"
    );
    ensure!(
        stored.get("username").is_none(),
        "a username is still stored: {stored}"
    );
    page.close().await
}

#[tokio::test(flavor = "multi_thread")]
#[ignore = "needs the release build and Chromium: run `cargo xtask test`"]
async fn the_review_lists_exactly_the_changes_and_back_sends_nothing() -> anyhow::Result<()> {
    let page = Page::open_demo_signed_in().await?;
    // Changed against page order: the review still lists them in page order.
    page.choose_encryption("SSL").await?;
    page.fill("SMTP port", "465").await?;
    // A new port: the saved password is not sent there unless typed again.
    page.fill("Password", DEMO_PASSWORD).await?;
    page.click_save().await?;

    assert_eq!(
        page.review_rows().await?,
        vec![
            ["SMTP port", "587", "465"],
            ["Encryption", "TLS (STARTTLS)", "SSL"],
            [
                "Password",
                "saved, for the server it was saved for",
                "typed again for the new connection"
            ],
        ],
        "the review"
    );
    page.review_back().await?;
    page.ensure_nothing_sent()?;
    assert_eq!(page.value("SMTP port").await?, "465", "the port after Back");
    assert_eq!(
        page.value("Encryption").await?,
        "SSL",
        "the encryption after Back"
    );
    page.wait_for_enabled("save", true).await?;
    page.close().await
}

#[tokio::test(flavor = "multi_thread")]
#[ignore = "needs the release build and Chromium: run `cargo xtask test`"]
async fn discard_restores_the_loaded_values() -> anyhow::Result<()> {
    let page = Page::open_demo_signed_in().await?;
    let edited = Form {
        smtp_server: "mail.example.org",
        smtp_port: "2525",
        encryption: Some("NONE"),
        sender_email: "ops@example.org",
        username: "other-mailer",
        password: NEW_PASSWORD,
        ..Form::demo()
    };
    edited.fill_in(&page).await?;
    page.set_sign_in(false).await?;
    page.wait_for_enabled("discard", true).await?;

    page.click("discard").await?;
    Form::demo().check_shown(&page).await?;
    page.wait_for_enabled("save", false).await?;
    page.wait_for_enabled("discard", false).await?;
    page.ensure_nothing_sent()?;
    page.close().await
}

#[tokio::test(flavor = "multi_thread")]
#[ignore = "needs the release build and Chromium: run `cargo xtask test`"]
async fn leaving_with_unsaved_changes_asks_until_discarded() -> anyhow::Result<()> {
    let page = Page::open_demo_signed_in().await?;
    ensure!(
        !page.leaving_prevented().await?,
        "leaving is prevented before any edit"
    );
    page.fill("Sender name", NEW_SENDER_NAME).await?;
    page.wait_for_leaving_prevented(true).await?;

    page.click("discard").await?;
    page.wait_for_leaving_prevented(false).await?;
    page.close().await
}
