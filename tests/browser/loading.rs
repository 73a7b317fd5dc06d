//! The current settings load once signed in.

use anyhow::ensure;
use fake_commandcenter::{Endpoint, Fault, FaultBody, DEFAULT_TOKEN};

use crate::harness::{
    demo_fake, Form, Page, EMAIL_SERVER_PATH, LOADED_CONFIGURED, SAVED_PASSWORD_HINT, SIGN_IN_LABEL,
};

#[tokio::test(flavor = "multi_thread")]
#[ignore = "needs the release build and Chromium: run `cargo xtask test`"]
async fn loaded_settings_prefill_the_form() -> anyhow::Result<()> {
    let page = Page::open_demo_signed_in().await?;

    Form::demo().check_shown(&page).await?;
    assert_eq!(
        page.id_of(SIGN_IN_LABEL).await?,
        "use-authentication",
        "the control labelled {SIGN_IN_LABEL:?}"
    );
    assert_eq!(
        page.text_of("#smtp-password-hint").await?.as_deref(),
        Some(SAVED_PASSWORD_HINT),
        "the password's hint"
    );
    // Nothing differs from what was loaded.
    page.wait_for_enabled("save", false).await?;
    page.wait_for_enabled("discard", false).await?;
    let get = page.only_request_to("GET", EMAIL_SERVER_PATH)?;
    assert_eq!(
        get.header("authtoken"),
        Some(DEFAULT_TOKEN),
        "the Authtoken of the load"
    );
    assert_eq!(
        get.header("accept"),
        Some("application/json"),
        "the Accept of the load"
    );
    page.ensure_nothing_sent()?;
    page.close().await
}

#[tokio::test(flavor = "multi_thread")]
#[ignore = "needs the release build and Chromium: run `cargo xtask test`"]
async fn a_failed_load_can_be_tried_again() -> anyhow::Result<()> {
    let fake = demo_fake()?;
    let server_error = Fault::Status {
        status: 500,
        body: FaultBody::Html,
    };
    fake.set_fault(Endpoint::GetEmailServer, Some(server_error));
    let page = Page::open_with(fake).await?;
    page.sign_in_with_token(DEFAULT_TOKEN).await?;

    let alert = page.wait_for_load_alert().await?;
    ensure!(
        alert.contains("500"),
        "the load alert {alert:?} does not mention 500"
    );
    assert_eq!(
        page.text_of("#load-status [role=alert] #load-retry")
            .await?
            .as_deref(),
        Some("Try again"),
        "the retry button in the load alert"
    );
    assert_eq!(
        page.text_of("#load-status [role=alert] #load-start-empty")
            .await?
            .as_deref(),
        Some("Start from an empty form"),
        "the start-empty button in the load alert"
    );
    assert_eq!(
        page.value("SMTP server").await?,
        "",
        "the SMTP server after a failed load"
    );

    page.fake.set_fault(Endpoint::GetEmailServer, None);
    page.click("load-retry").await?;
    assert_eq!(
        page.wait_until_loaded().await?,
        LOADED_CONFIGURED,
        "#load-status after trying again"
    );
    Form::demo().check_shown(&page).await?;
    let statuses: Vec<u16> = page
        .requests_to("GET", EMAIL_SERVER_PATH)
        .iter()
        .map(|r| r.status)
        .collect();
    assert_eq!(statuses, vec![500, 200], "the fake's answers to the loads");
    page.close().await
}
