//! Nothing configured in Command Center yet: the load finds `{}`, and Save (after the review)
//! POSTs the whole form.

use anyhow::ensure;
use fake_commandcenter::{Endpoint, Fault, DEFAULT_TOKEN};
use fantoccini::elements::Element;
use serde_json::json;

use crate::harness::{
    check_body, check_json_headers, check_mentions_401_and_token, Form, Page, EMAIL_SERVER_PATH,
    PASSWORD_BASE64,
};

#[tokio::test(flavor = "multi_thread")]
#[ignore = "needs the release build and Chromium: run `cargo xtask test`"]
async fn save_with_authentication_posts_the_documented_request() -> anyhow::Result<()> {
    let page = Page::open_signed_in().await?;
    Form::valid().fill_in(&page).await?;
    page.save_and_confirm().await?;

    page.wait_until_saved().await?;
    let post = page.only_request_to("POST", EMAIL_SERVER_PATH)?;
    assert_eq!(post.path, EMAIL_SERVER_PATH, "the request path");
    check_json_headers(&post, DEFAULT_TOKEN)?;
    check_body(
        &post,
        json!({
            "SMTPServerName": "smtp.example.com",
            "SMTPPort": 587,
            "senderEmail": "alerts@example.com",
            "senderName": "Backup alerts",
            "encryptionAlgorithm": "TLS",
            "username": "mailer",
            "password": PASSWORD_BASE64,
        }),
    )?;
    ensure!(
        page.requests_to("PUT", EMAIL_SERVER_PATH).is_empty(),
        "the page also sent a PUT"
    );

    let stored = page.fake.stored_settings();
    assert_eq!(
        stored["SMTPServerName"],
        json!("smtp.example.com"),
        "stored server in {stored}"
    );
    assert_eq!(stored["SMTPPort"], json!(587), "stored port in {stored}");
    assert_eq!(
        stored["encryptionAlgorithm"],
        json!("TLS"),
        "stored encryption in {stored}"
    );
    assert_eq!(
        stored["username"],
        json!("mailer"),
        "stored username in {stored}"
    );
    assert_eq!(
        page.fake.stored_password_base64().as_deref(),
        Some(PASSWORD_BASE64),
        "stored password"
    );
    page.close().await
}

#[tokio::test(flavor = "multi_thread")]
#[ignore = "needs the release build and Chromium: run `cargo xtask test`"]
async fn save_without_authentication_leaves_out_username_and_password() -> anyhow::Result<()> {
    let page = Page::open_signed_in().await?;
    assert_eq!(
        page.value("Encryption").await?,
        "NONE",
        "the default encryption"
    );
    ensure!(
        !page.sign_in_checked().await?,
        "sign-in is checked by default"
    );
    let form = Form {
        sign_in: false,
        username: "",
        password: "",
        encryption: None,
        ..Form::valid()
    };
    form.fill_in(&page).await?;
    page.save_and_confirm().await?;

    page.wait_until_saved().await?;
    let post = page.only_request_to("POST", EMAIL_SERVER_PATH)?;
    check_body(
        &post,
        json!({
            "SMTPServerName": "smtp.example.com",
            "SMTPPort": 587,
            "senderEmail": "alerts@example.com",
            "senderName": "Backup alerts",
            "encryptionAlgorithm": "NONE",
        }),
    )?;
    page.close().await
}

/// One bad value typed into an otherwise valid form.
struct BadInput {
    label: &'static str,
    id: &'static str,
    typed: &'static str,
    /// A word the DOM contract promises in the field's error message.
    keyword: &'static str,
}

impl BadInput {
    const fn new(
        label: &'static str,
        id: &'static str,
        typed: &'static str,
        keyword: &'static str,
    ) -> Self {
        Self {
            label,
            id,
            typed,
            keyword,
        }
    }
}

#[rustfmt::skip]
const BAD_INPUTS: &[BadInput] = &[
    BadInput::new("SMTP port",    "smtp-port",    "0",                       "1 to 65535"),
    BadInput::new("SMTP port",    "smtp-port",    "70000",                   "1 to 65535"),
    BadInput::new("SMTP port",    "smtp-port",    "abc",                     "1 to 65535"),
    BadInput::new("Sender email", "sender-email", "alerts.example.com",      "email address"),
    BadInput::new("SMTP server",  "smtp-server",  "smtp example.com",        "spaces"),
    BadInput::new("SMTP server",  "smtp-server",  "http://smtp.example.com", "without"),
];

/// One browser session for all the cases, for speed: the page is reloaded between them.
#[tokio::test(flavor = "multi_thread")]
#[ignore = "needs the release build and Chromium: run `cargo xtask test`"]
async fn bad_inputs_are_flagged_and_nothing_is_sent() -> anyhow::Result<()> {
    let page = Page::open().await?;
    let mut failures = Vec::new();
    for bad in BAD_INPUTS {
        if let Err(e) = check_bad_input_refused(&page, bad).await {
            failures.push(format!("{} = {:?}: {e}", bad.label, bad.typed));
        }
    }
    let saves = page.saves();
    if !saves.is_empty() {
        failures.push(format!("the page sent the settings anyway: {saves:#?}"));
    }
    ensure!(
        failures.is_empty(),
        "{} of {} bad inputs misbehaved:\n{}",
        failures.len(),
        BAD_INPUTS.len(),
        failures.join("\n")
    );
    page.close().await
}

async fn check_bad_input_refused(page: &Page, bad: &BadInput) -> anyhow::Result<()> {
    page.reload().await?;
    page.sign_in().await?;
    Form::valid().fill_in(page).await?;
    page.fill(bad.label, bad.typed).await?;
    page.click_save().await?;

    let alert = page.wait_for_alert().await?;
    ensure!(
        alert.starts_with("Fix the highlighted field"),
        "the alert says {alert:?}"
    );
    let error = page.wait_for_field_error(bad.id).await?;
    ensure!(
        error.contains(bad.keyword),
        "the error {error:?} does not contain {:?}",
        bad.keyword
    );
    assert_eq!(
        page.attr(bad.label, "aria-invalid").await?.as_deref(),
        Some("true"),
        "aria-invalid"
    );
    let described_by = page
        .attr(bad.label, "aria-describedby")
        .await?
        .unwrap_or_default();
    // The error is part of the input's accessible description: it is, or is inside, an element
    // that aria-describedby names.
    let error_id = format!("{}-error", bad.id);
    let mut described = false;
    for id in described_by.split_whitespace() {
        described |= id == error_id || page.exists(&format!("#{id} #{error_id}")).await?;
    }
    ensure!(
        described,
        "aria-describedby {described_by:?} does not take in #{error_id}"
    );
    page.wait_for_focus(bad.id).await?;
    for (label, _) in Form::valid()
        .inputs()
        .into_iter()
        .filter(|(label, _)| *label != bad.label)
    {
        let invalid = page.attr(label, "aria-invalid").await?;
        ensure!(
            invalid.as_deref() != Some("true"),
            "the valid field {label:?} is flagged invalid too"
        );
    }
    ensure!(
        !page.dialog_is_open("review-dialog").await?,
        "the review dialog opened for an invalid form"
    );
    let saves = page.saves();
    ensure!(
        saves.is_empty(),
        "the page sent the settings anyway: {saves:#?}"
    );
    Ok(())
}

/// A wrong pasted token is refused at sign-in (the 401 during a save is in `session`).
#[tokio::test(flavor = "multi_thread")]
#[ignore = "needs the release build and Chromium: run `cargo xtask test`"]
async fn wrong_token_reports_401_and_keeps_the_form() -> anyhow::Result<()> {
    let page = Page::open().await?;
    page.sign_in_with_token("wrong-token").await?;

    let alert = page.wait_for_sign_in_alert().await?;
    check_mentions_401_and_token("#sign-in-status", &alert)?;
    let get = page.only_request_to("GET", EMAIL_SERVER_PATH)?;
    assert_eq!(get.status, 401, "the fake's answer to the token check");
    assert_eq!(
        get.header("authtoken"),
        Some("wrong-token"),
        "the Authtoken header"
    );
    page.ensure_on_sign_in_panel().await?;
    assert_eq!(
        page.value("Access token").await?,
        "wrong-token",
        "the token input after the refusal"
    );
    page.ensure_nothing_sent()?;
    page.close().await
}

#[tokio::test(flavor = "multi_thread")]
#[ignore = "needs the release build and Chromium: run `cargo xtask test`"]
async fn error_code_from_the_server_is_shown_and_the_form_kept() -> anyhow::Result<()> {
    let page = Page::open_signed_in().await?;
    let refusal = Fault::ErrorCode {
        code: 5,
        message: "SMTP server not reachable".into(),
    };
    page.fake
        .set_fault(Endpoint::PostEmailServer, Some(refusal));
    let form = Form::valid();
    form.fill_in(&page).await?;
    page.save_and_confirm().await?;

    let alert = page.wait_for_alert().await?;
    ensure!(
        alert.contains("SMTP server not reachable"),
        "the alert {alert:?} lacks the server's message"
    );
    ensure!(
        alert.contains("error code 5"),
        "the alert {alert:?} lacks \"error code 5\""
    );
    form.check_shown(&page).await?;
    page.only_request_to("POST", EMAIL_SERVER_PATH)?;
    page.close().await
}

#[tokio::test(flavor = "multi_thread")]
#[ignore = "needs the release build and Chromium: run `cargo xtask test`"]
async fn a_second_click_while_saving_sends_nothing() -> anyhow::Result<()> {
    let page = Page::open_signed_in().await?;
    page.fake
        .set_fault(Endpoint::PostEmailServer, Some(Fault::Delay { ms: 3000 }));
    Form::valid().fill_in(&page).await?;
    let save = page.save_button().await?;
    save.click().await?;
    page.confirm_review().await?;
    save.click().await?;

    page.wait_for_button("save", "Saving…", false).await?;
    page.wait_until_saved().await?;
    // Saved: nothing differs from Command Center any more, so Save stays disabled.
    page.wait_for_button("save", "Save", false).await?;
    ensure!(
        !page.dialog_is_open("review-dialog").await?,
        "the second click opened the review again"
    );
    page.only_request_to("POST", EMAIL_SERVER_PATH)?;
    page.close().await
}

#[tokio::test(flavor = "multi_thread")]
#[ignore = "needs the release build and Chromium: run `cargo xtask test`"]
async fn secrets_are_masked_until_shown() -> anyhow::Result<()> {
    let page = Page::open().await?;
    // The sign-in password, the access token, then the mail server's password.
    check_show_hide(&page, "Password").await?;
    page.choose_sign_in_mode("An access token").await?;
    check_show_hide(&page, "Access token").await?;
    page.sign_in().await?;
    page.set_sign_in(true).await?;
    check_show_hide(&page, "Password").await?;
    page.close().await
}

/// The secret input labelled `label` is masked, shown by its button, and masked again.
async fn check_show_hide(page: &Page, label: &str) -> anyhow::Result<()> {
    let id = page.id_of(label).await?;
    let input = page.by_id(&id).await?;
    let button = page.show_button(&id).await?;
    check_secret_shown(label, &input, &button, false).await?;

    button.click().await?;
    page.wait_for_attr(label, &input, "type", "text").await?;
    check_secret_shown(label, &input, &button, true).await?;

    button.click().await?;
    page.wait_for_attr(label, &input, "type", "password")
        .await?;
    check_secret_shown(label, &input, &button, false).await
}

/// The secret input and its show/hide button agree on whether the secret is shown.
async fn check_secret_shown(
    label: &str,
    input: &Element,
    button: &Element,
    shown: bool,
) -> anyhow::Result<()> {
    let (input_type, word) = if shown {
        ("text", "Hide")
    } else {
        ("password", "Show")
    };
    let state = if shown { "shown" } else { "hidden" };
    assert_eq!(
        input.attr("type").await?.as_deref(),
        Some(input_type),
        "{label} ({state}): the input's type"
    );
    // The visible word comes first; visually hidden words then name the secret, so that a
    // screen reader tells the two buttons apart ("Show access token", "Hide password").
    let text = button.text().await?;
    assert_eq!(
        text.split_whitespace().next(),
        Some(word),
        "{label} ({state}): the button's text {text:?}"
    );
    ensure!(
        text.to_lowercase().contains(&label.to_lowercase()),
        "{label} ({state}): the button's text {text:?} does not name what it reveals"
    );
    Ok(())
}
