//! Two administrators at once: the re-read before a save and what the review offers when it
//! finds other settings, the read-back after a save, and a save in another tab.

use anyhow::ensure;
use fake_commandcenter::{Endpoint, FakeCommandCenter, FakeConfig, Fault, DEFAULT_LOGIN_PASSWORD};
use serde_json::json;

use crate::harness::{
    check_body, demo_fake, strict_policy, wait_until, Csp, Page, Probe, Serving, EMAIL_SERVER_PATH,
    LOADED_CONFIGURED, WAIT_LIMIT,
};

/// What the review's re-read says when Command Center has what the page loaded.
const UNCHANGED: &str = "Command Center still has the settings this page loaded.";
/// The colleague's relay account, and its password as it travels: `printf 'relay-pass' | base64`.
const RELAY_USER: &str = "relay-account";
const RELAY_PASSWORD: &str = "relay-pass";
const RELAY_PASSWORD_BASE64: &str = "cmVsYXktcGFzcw==";

/// The demo's mail server without sign-in, as the page loads it.
fn fake_without_sign_in() -> anyhow::Result<FakeCommandCenter> {
    FakeCommandCenter::with_settings(
        FakeConfig::default(),
        json!({
            "SMTPServerName": "smtp.example.com",
            "SMTPPort": 587,
            "senderEmail": "commvault-alerts@example.com",
            "senderName": "Commvault Command Center",
            "encryptionAlgorithm": "TLS",
        }),
    )
    .map_err(anyhow::Error::msg)
}

/// A colleague turns sign-in on with their relay account.
fn colleague_turns_sign_in_on(page: &Page) -> anyhow::Result<()> {
    page.fake
        .change_settings_as_colleague(json!({
            "useAuthentication": true,
            "username": RELAY_USER,
            "password": RELAY_PASSWORD_BASE64,
        }))
        .map_err(anyhow::Error::msg)
}

/// The rows of "Changed in Command Center since you loaded this page": setting, when loaded,
/// now, yours.
async fn their_changes(page: &Page) -> anyhow::Result<Vec<Vec<String>>> {
    let mut rows = Vec::new();
    let found = page
        .client()
        .find_all(fantoccini::Locator::Css("#review-their-changes tbody tr"))
        .await?;
    for row in found {
        let mut cells = Vec::new();
        for cell in row.find_all(fantoccini::Locator::Css("th, td")).await? {
            cells.push(cell.text().await?);
        }
        rows.push(cells);
    }
    Ok(rows)
}

#[tokio::test(flavor = "multi_thread")]
#[ignore = "needs the release build and Chromium: run `cargo xtask test`"]
async fn a_colleagues_sign_in_stays_when_my_port_goes_onto_it() -> anyhow::Result<()> {
    let page = Page::open_with(fake_without_sign_in()?).await?;
    assert_eq!(page.sign_in().await?, LOADED_CONFIGURED);
    page.fill("SMTP port", "2525").await?;
    colleague_turns_sign_in_on(&page)?;

    let rechecked = page.open_review().await?;
    ensure!(
        rechecked.starts_with("Your changes cannot go onto the current settings as they are. Password: The port changed: type the password again"),
        "the review's re-read: {rechecked:?}"
    );
    assert_eq!(
        their_changes(&page).await?,
        vec![
            vec!["The mail server requires sign-in", "Off", "On", "Off"],
            vec!["Username", "(empty)", RELAY_USER, "(empty)"],
        ],
        "what the colleague changed"
    );
    let confirm = page.by_id("review-confirm").await?;
    assert_eq!(
        confirm.text().await?,
        "Apply my changes to the current settings"
    );
    ensure!(
        !confirm.is_enabled().await?,
        "Confirm is on though the saved password may not go to the new port"
    );
    page.ensure_nothing_sent()?;

    // Back to the form: their sign-in is in it, my port too, and the password is asked for.
    page.review_back().await?;
    page.wait_for_focus("smtp-password").await?;
    assert_eq!(page.value("SMTP port").await?, "2525");
    assert_eq!(page.value("Username").await?, RELAY_USER);
    ensure!(
        page.sign_in_checked().await?,
        "their sign-in is not in the form"
    );
    page.fill("Password", RELAY_PASSWORD).await?;
    assert_eq!(page.open_review().await?, UNCHANGED);
    page.confirm_review().await?;
    page.wait_until_saved().await?;
    let put = page.only_request_to("PUT", EMAIL_SERVER_PATH)?;
    check_body(
        &put,
        json!({
            "SMTPPort": 2525,
            "useAuthentication": true,
            "username": RELAY_USER,
            "password": RELAY_PASSWORD_BASE64,
        }),
    )?;
    let stored = page.fake.stored_settings();
    assert_eq!(
        (&stored["useAuthentication"], &stored["username"]),
        (&json!(true), &json!(RELAY_USER)),
        "{stored}"
    );
    page.close().await
}

#[tokio::test(flavor = "multi_thread")]
#[ignore = "needs the release build and Chromium: run `cargo xtask test`"]
async fn applying_mine_keeps_their_sign_in_and_discarding_mine_loads_theirs() -> anyhow::Result<()>
{
    let page = Page::open_with(fake_without_sign_in()?).await?;
    page.sign_in().await?;
    page.fill("Sender name", "Nightly backups").await?;
    colleague_turns_sign_in_on(&page)?;
    let rechecked = page.open_review().await?;
    ensure!(
        rechecked.is_empty(),
        "nothing stops the save: {rechecked:?}"
    );
    ensure!(
        page.text_of("#review-changed-title").await?.as_deref()
            == Some("Changed in Command Center since you loaded this page"),
        "the review does not say that the settings changed"
    );
    page.confirm_review().await?;
    page.wait_until_saved().await?;
    check_body(
        &page.only_request_to("PUT", EMAIL_SERVER_PATH)?,
        json!({"senderName": "Nightly backups", "useAuthentication": true, "username": RELAY_USER}),
    )?;
    assert_eq!(
        page.fake.stored_password_base64().as_deref(),
        Some(RELAY_PASSWORD_BASE64),
        "the colleague's password"
    );

    // Again, and this time theirs wins.
    page.fill("Sender name", "Mine again").await?;
    page.fake
        .change_settings_as_colleague(json!({"senderName": "Theirs"}))
        .map_err(anyhow::Error::msg)?;
    page.open_review().await?;
    let puts = page.requests_to("PUT", EMAIL_SERVER_PATH).len();
    page.click("review-load-theirs").await?;
    page.wait_for_dialog("review-dialog", false).await?;
    assert_eq!(page.value("Sender name").await?, "Theirs");
    page.wait_for_text("#form-status", "Your changes were discarded")
        .await?;
    assert_eq!(
        page.requests_to("PUT", EMAIL_SERVER_PATH).len(),
        puts,
        "discarding mine saved something"
    );
    page.close().await
}

#[tokio::test(flavor = "multi_thread")]
#[ignore = "needs the release build and Chromium: run `cargo xtask test`"]
async fn a_reread_that_times_out_is_said_and_save_anyway_saves() -> anyhow::Result<()> {
    let config = r#"{"requestTimeoutSeconds": 1}"#;
    let page = Page::open_with_config(demo_fake()?, config).await?;
    page.sign_in().await?;
    page.fill("Sender name", "Nightly backups").await?;
    page.fake
        .set_fault_times(Endpoint::GetEmailServer, Fault::Delay { ms: 4_000 }, 1);
    let rechecked = page.open_review().await?;
    ensure!(
        rechecked.starts_with(
            "Could not check what Command Center has now: Command Center did not answer within 1 second"
        ),
        "the review's re-read: {rechecked:?}"
    );
    assert_eq!(
        page.by_id("review-confirm").await?.text().await?,
        "Save anyway"
    );
    page.confirm_review().await?;
    let saved = page.wait_until_saved().await?;
    ensure!(
        saved.starts_with("Saved and checked"),
        "the read-back, with the fault used up: {saved:?}"
    );
    page.close().await
}

#[tokio::test(flavor = "multi_thread")]
#[ignore = "needs the release build and Chromium: run `cargo xtask test`"]
async fn a_reread_that_meets_a_401_signs_in_again_and_comes_back_to_the_review(
) -> anyhow::Result<()> {
    let page = Page::open_demo_logged_in().await?;
    page.fill("Sender name", "Nightly backups").await?;
    page.fake.expire_all_sessions();
    page.click_save().await?;
    page.wait_for_dialog("reauth-dialog", true).await?;
    ensure!(
        page.dialog_is_open("review-dialog").await?,
        "the review closed for the sign-in"
    );
    page.sign_in_again(DEFAULT_LOGIN_PASSWORD).await?;
    page.wait_for_text("#review-recheck", UNCHANGED).await?;
    page.confirm_review().await?;
    page.wait_until_saved().await?;
    page.only_request_to("PUT", EMAIL_SERVER_PATH)?;
    page.close().await
}

#[tokio::test(flavor = "multi_thread")]
#[ignore = "needs the release build and Chromium: run `cargo xtask test`"]
async fn a_save_is_read_back_and_a_setting_not_kept_is_named() -> anyhow::Result<()> {
    let page = Page::open_demo_signed_in().await?;
    page.fill("Sender name", "Nightly backups").await?;
    page.save_and_confirm().await?;
    assert_eq!(
        page.wait_until_saved().await?,
        "Saved and checked: Command Center now has these settings, and sends mail through \
         smtp.example.com:587."
    );

    page.fake
        .set_put_keeps_field(Some("senderName"))
        .map_err(anyhow::Error::msg)?;
    page.fill("Sender name", "Kept or not").await?;
    page.save_and_confirm().await?;
    let alert = page.wait_for_alert().await?;
    assert_eq!(
        alert,
        "Saved, but Command Center did not keep everything it was sent: Sender name was sent as \
         Kept or not, Command Center has Nightly backups. The form shows what Command Center has."
    );
    assert_eq!(page.value("Sender name").await?, "Nightly backups");
    page.close().await
}

#[tokio::test(flavor = "multi_thread")]
#[ignore = "needs the release build and Chromium: run `cargo xtask test`"]
async fn a_save_in_another_tab_is_offered_and_a_tab_on_another_command_center_ignores_it(
) -> anyhow::Result<()> {
    let fake = demo_fake()?;
    let elsewhere = format!("http://{}", fake.spawn_local().await?);
    let serving = Serving {
        csp: Csp::Policy(strict_policy(std::slice::from_ref(&elsewhere), &[])),
        ..Serving::default()
    };
    let page = Page::open_on(fake, serving).await?;
    let first = page.this_tab().await?;
    page.sign_in().await?;

    let second = page.open_another_tab().await?;
    page.sign_in().await?;
    page.fill("Sender email", "mine@example.com").await?;

    let other = page.open_another_tab().await?;
    page.fill("API base URL", &format!("{elsewhere}/commandcenter/api"))
        .await?;
    page.sign_in().await?;
    // A listener of the test's own on the same channel, made after the page's: a browser
    // delivers a message to the channels of a tab in the order they were made, so once this one
    // has heard the save, the page has had it too.
    page.client()
        .execute(
            "new BroadcastChannel('commandcenter-email').onmessage = () => { window.__heardSave = true; };",
            vec![],
        )
        .await?;

    page.go_to_tab(&first).await?;
    page.fill("Sender name", "Saved in the first tab").await?;
    page.save_and_confirm().await?;
    page.wait_until_saved().await?;

    page.go_to_tab(&second).await?;
    page.wait_for_saved_elsewhere().await?;
    let loaded = page.load_saved_elsewhere().await?;
    ensure!(
        loaded.starts_with("Loaded the settings another tab saved: one setting had changed."),
        "{loaded}"
    );
    assert_eq!(page.value("Sender name").await?, "Saved in the first tab");
    assert_eq!(
        page.value("Sender email").await?,
        "mine@example.com",
        "what this tab typed"
    );

    page.go_to_tab(&other).await?;
    wait_until("the other tab to hear the save", WAIT_LIMIT, || async {
        let heard = page
            .client()
            .execute("return window.__heardSave === true;", vec![])
            .await?;
        Ok(if heard == json!(true) {
            Probe::Done(())
        } else {
            Probe::NotYet("not yet".into())
        })
    })
    .await?;
    ensure!(
        !page.exists(".saved-elsewhere").await?,
        "a tab on another Command Center offers the other's save"
    );
    page.go_to_tab(&first).await?;
    page.close().await
}
