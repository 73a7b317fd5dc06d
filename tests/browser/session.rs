//! Signing in with a Command Center user (`POST /Login`) or a pasted token, signing in again
//! when the session expires, signing out, and no secret left behind.

use anyhow::ensure;
use fake_commandcenter::{
    RecordedRequest, DEFAULT_LOGIN_PASSWORD, DEFAULT_LOGIN_USER, DEFAULT_TOKEN,
};
use serde_json::json;

use crate::harness::{
    check_body, check_json_headers, check_login_token, check_mentions_401_and_token,
    check_session_user, demo_fake, login_secrets, Form, Page, EMAIL_SERVER_PATH,
    LOGIN_PASSWORD_BASE64, LOGIN_PATH, LOGOUT_PATH, NEW_PASSWORD, TEST_MAIL_PATH,
};

const NEW_SENDER_NAME: &str = "Backup alerts (Paris)";
/// A password the fake refuses, and its base64: `printf 'wrong-password' | base64`.
pub const WRONG_PASSWORD: &str = "wrong-password";
pub const WRONG_PASSWORD_BASE64: &str = "d3JvbmctcGFzc3dvcmQ=";

#[tokio::test(flavor = "multi_thread")]
#[ignore = "needs the release build and Chromium: run `cargo xtask test`"]
async fn signing_in_with_a_user_posts_login_then_loads_with_its_token() -> anyhow::Result<()> {
    let page = Page::open_demo_logged_in().await?;

    let login = page.only_request_to("POST", LOGIN_PATH)?;
    assert_eq!(login.header("authtoken"), None, "the Authtoken of Login");
    assert_eq!(
        login.header("accept"),
        Some("application/json"),
        "the Accept of Login"
    );
    let content_type = login.header("content-type").unwrap_or_default();
    ensure!(
        content_type.starts_with("application/json"),
        "the Content-Type of Login is {content_type:?}"
    );
    check_body(
        &login,
        json!({"username": DEFAULT_LOGIN_USER, "password": LOGIN_PASSWORD_BASE64}),
    )?;
    assert_eq!(login.status, 200, "the fake's answer to Login");
    let load = page.only_request_to("GET", EMAIL_SERVER_PATH)?;
    check_login_token(
        load.header("authtoken").expect("the load's Authtoken"),
        "the load",
    )?;

    let user = page.text_of("#session-user").await?.expect("#session-user");
    check_session_user(&user, &format!("Signed in as {DEFAULT_LOGIN_USER}"))?;
    Form::demo().check_shown(&page).await?;
    ensure!(
        !page.exists("section.sign-in").await?,
        "the sign-in panel is still shown"
    );
    ensure!(
        !page.exists_outside_dialogs("login-password").await?,
        "the sign-in password input is still on the page"
    );
    page.close().await
}

#[tokio::test(flavor = "multi_thread")]
#[ignore = "needs the release build and Chromium: run `cargo xtask test`"]
async fn a_wrong_password_is_refused_with_the_servers_message() -> anyhow::Result<()> {
    let page = Page::open_with(demo_fake()?).await?;
    page.sign_in_with_password(DEFAULT_LOGIN_USER, WRONG_PASSWORD)
        .await?;

    let alert = page.wait_for_sign_in_alert().await?;
    ensure!(
        alert.contains("Invalid username or password"),
        "the sign-in alert {alert:?} lacks the server's errLogMessage"
    );
    assert_eq!(
        page.only_request_to("POST", LOGIN_PATH)?.status,
        401,
        "the fake's answer to Login"
    );
    page.ensure_on_sign_in_panel().await?;
    assert_eq!(
        page.value("User name").await?,
        DEFAULT_LOGIN_USER,
        "the user name after the refusal"
    );
    ensure!(
        page.exists("#login-password").await?,
        "the password input is gone after the refusal"
    );
    ensure!(
        page.requests_to("GET", EMAIL_SERVER_PATH).is_empty(),
        "the page loaded the settings without a token"
    );
    let secrets = [
        ("the wrong password", WRONG_PASSWORD),
        ("its base64", WRONG_PASSWORD_BASE64),
    ];
    page.ensure_no_secret_in_page(&secrets, "after the refusal")
        .await?;
    page.close().await
}

#[tokio::test(flavor = "multi_thread")]
#[ignore = "needs the release build and Chromium: run `cargo xtask test`"]
async fn a_save_after_the_session_expired_is_sent_again_after_signing_in_again(
) -> anyhow::Result<()> {
    let page = Page::open_demo_logged_in().await?;
    let edited = Form {
        sender_name: NEW_SENDER_NAME,
        ..Form::demo()
    };
    edited.fill_in(&page).await?;
    // Expired once the review's re-read has answered: the PUT meets the 401.
    page.open_review().await?;
    page.fake.expire_all_sessions();
    page.confirm_review().await?;

    check_reauth_asked(&page).await?;
    check_mentions_401_and_token("#form-status", &page.wait_for_alert().await?)?;
    edited.check_shown(&page).await?;
    page.sign_in_again(DEFAULT_LOGIN_PASSWORD).await?;

    page.wait_until_saved().await?;
    let retried = check_retried_once(&page, "PUT", EMAIL_SERVER_PATH).await?;
    check_body(
        &retried,
        json!({"senderName": NEW_SENDER_NAME, "useAuthentication": true, "username": "cc-mailer"}),
    )?;
    ensure!(
        !page.dialog_is_open("review-dialog").await?,
        "the retried save was reviewed again"
    );
    edited.check_shown(&page).await?;
    let stored = page.fake.stored_settings();
    assert_eq!(
        stored["senderName"],
        json!(NEW_SENDER_NAME),
        "stored sender name in {stored}"
    );
    page.close().await
}

#[tokio::test(flavor = "multi_thread")]
#[ignore = "needs the release build and Chromium: run `cargo xtask test`"]
async fn a_test_email_after_the_session_expired_is_sent_again_after_signing_in_again(
) -> anyhow::Result<()> {
    let page = Page::open_demo_logged_in().await?;
    let edited = Form {
        sender_name: "Backup alerts (test)",
        ..Form::demo()
    };
    edited.fill_in(&page).await?;
    page.fake.expire_all_sessions();
    page.click("send-test").await?;

    check_reauth_asked(&page).await?;
    page.sign_in_again(DEFAULT_LOGIN_PASSWORD).await?;

    page.wait_until_test_mail_sent().await?;
    let retried = check_retried_once(&page, "POST", TEST_MAIL_PATH).await?;
    assert_eq!(
        retried.json().expect("the retried PUT's body")["senderName"],
        json!("Backup alerts (test)"),
        "the sender name tested"
    );
    let mails = page.fake.sent_test_mails();
    assert_eq!(mails.len(), 1, "test mails sent: {mails:#?}");
    edited.check_shown(&page).await?;
    ensure!(
        page.saves().is_empty(),
        "the test saved: {:#?}",
        page.saves()
    );
    page.close().await
}

/// The "Sign in again" dialog is open for a Login session: its explanation, the user name
/// prefilled, the password empty.
async fn check_reauth_asked(page: &Page) -> anyhow::Result<()> {
    page.wait_for_dialog("reauth-dialog", true).await?;
    page.in_reauth("[role=alert]").await?;
    let user = page.in_reauth("#login-user").await?.prop("value").await?;
    assert_eq!(
        user.as_deref(),
        Some(DEFAULT_LOGIN_USER),
        "the user name in the dialog"
    );
    let password = page
        .in_reauth("#login-password")
        .await?
        .prop("value")
        .await?;
    assert_eq!(password.as_deref(), Some(""), "the password in the dialog");
    Ok(())
}

/// `method path` went out twice: refused (401) with the first Login token, then accepted
/// with a new one and the same body; a second Login came in between. Returns the retry.
async fn check_retried_once(
    page: &Page,
    method: &str,
    path: &str,
) -> anyhow::Result<RecordedRequest> {
    let first_token = page.token_of_first_load()?;
    let sent = page.requests_to(method, path);
    assert_eq!(
        sent.iter().map(|r| r.status).collect::<Vec<_>>(),
        vec![401, 200],
        "the fake's answers to {method} {path}"
    );
    let (refused, retried) = (&sent[0], &sent[1]);
    assert_eq!(
        refused.header("authtoken"),
        Some(first_token.as_str()),
        "the Authtoken of the refused {method}"
    );
    let new_token = retried
        .header("authtoken")
        .expect("the retried call's Authtoken");
    check_login_token(new_token, "the retried request")?;
    ensure!(
        new_token != first_token,
        "the retry carries the expired token {new_token:?}"
    );
    check_json_headers(retried, new_token)?;
    assert_eq!(
        retried.json(),
        refused.json(),
        "the retried body against the refused one"
    );
    assert_eq!(
        page.requests_to("POST", LOGIN_PATH).len(),
        2,
        "the Logins (signing in, then again)"
    );
    Ok(retried.clone())
}

#[tokio::test(flavor = "multi_thread")]
#[ignore = "needs the release build and Chromium: run `cargo xtask test`"]
async fn signing_out_ends_the_session_and_leaves_no_secret() -> anyhow::Result<()> {
    let page = Page::open_demo_logged_in().await?;
    let token = page.token_of_first_load()?;
    let secrets = login_secrets(&[&token]);
    page.fill("Password", NEW_PASSWORD).await?;
    page.ensure_no_secret_in_page(&secrets, "while signed in")
        .await?;
    assert_eq!(page.fake.active_sessions(), 1, "sessions before Sign out");

    page.sign_out().await?;
    let logout = page.only_request_to("POST", LOGOUT_PATH)?;
    assert_eq!(
        logout.header("authtoken"),
        Some(token.as_str()),
        "the Authtoken of Logout"
    );
    assert_eq!(page.fake.active_sessions(), 0, "sessions after Sign out");
    assert_eq!(
        page.api_status("GET", EMAIL_SERVER_PATH, &token).await?,
        401,
        "the answer to a GET with the signed-out token"
    );
    assert_eq!(
        page.value("User name").await?,
        DEFAULT_LOGIN_USER,
        "the user name after Sign out"
    );
    assert_eq!(
        page.value("Password").await?,
        "",
        "the password after Sign out"
    );
    page.ensure_no_secret_in_page(&secrets, "after Sign out")
        .await?;
    page.close().await
}

#[tokio::test(flavor = "multi_thread")]
#[ignore = "needs the release build and Chromium: run `cargo xtask test`"]
async fn the_console_shows_no_secret_and_no_panic() -> anyhow::Result<()> {
    let page = Page::open_demo_logged_in().await?;
    let first_token = page.token_of_first_load()?;
    page.fill("Password", NEW_PASSWORD).await?;
    page.open_review().await?;
    page.fake.expire_all_sessions();
    page.confirm_review().await?;
    page.sign_in_again(DEFAULT_LOGIN_PASSWORD).await?;
    page.wait_until_saved().await?;
    page.sign_out().await?;

    let puts = page.requests_to("PUT", EMAIL_SERVER_PATH);
    let second_token = puts
        .last()
        .and_then(|put| put.header("authtoken"))
        .unwrap_or_default()
        .to_owned();
    check_login_token(&second_token, "the retried save")?;
    page.ensure_console_clean(&login_secrets(&[&first_token, &second_token]))
        .await?;
    page.close().await
}

#[tokio::test(flavor = "multi_thread")]
#[ignore = "needs the release build and Chromium: run `cargo xtask test`"]
async fn signing_out_of_a_pasted_token_sends_no_logout_and_leaves_no_secret() -> anyhow::Result<()>
{
    let page = Page::open_demo_signed_in().await?;
    let user = page.text_of("#session-user").await?.expect("#session-user");
    check_session_user(&user, "Signed in with an access token")?;
    let secrets = [("the pasted token", DEFAULT_TOKEN)];
    page.ensure_no_secret_in_page(&secrets, "while signed in with a pasted token")
        .await?;

    page.sign_out().await?;
    let logouts = page.requests_to("POST", LOGOUT_PATH);
    ensure!(
        logouts.is_empty(),
        "Sign out sent Logout for a pasted token: {logouts:#?}"
    );
    page.ensure_no_secret_in_page(&secrets, "after Sign out")
        .await?;
    page.ensure_console_clean(&secrets).await?;
    page.close().await
}

#[tokio::test(flavor = "multi_thread")]
#[ignore = "needs the release build and Chromium: run `cargo xtask test`"]
async fn signing_in_with_enter_in_the_password_field_works_without_a_panic() -> anyhow::Result<()> {
    // Enter leaves the focus in the password input while the sign-in form is replaced by the
    // settings: the blur that removal fires must not reach the form's disposed state.
    let page = Page::open_with(demo_fake()?).await?;
    page.choose_sign_in_mode("A Command Center user").await?;
    page.fill("User name", DEFAULT_LOGIN_USER).await?;
    page.fill("Password", &format!("{DEFAULT_LOGIN_PASSWORD}\u{e007}"))
        .await?;
    page.wait_until_signed_in().await?;
    page.wait_until_loaded().await?;
    page.ensure_no_panic().await?;
    page.close().await
}
