//! The provider list, the port that follows the encryption, and the warnings and notes that
//! never stop a save.

use anyhow::ensure;

use crate::harness::{wait_until, Page, Probe, DEMO_PASSWORD, WAIT_LIMIT};

/// What the port's hint says while the port is empty or the page's own.
const PORT_HINT: &str = "Usually 25, 587 (TLS) or 465 (SSL).";

/// Waits until the server, port and encryption read `expected`.
async fn wait_for_mail_server(page: &Page, expected: [&str; 3]) -> anyhow::Result<()> {
    wait_until(
        &format!("server, port and encryption to be {expected:?}"),
        WAIT_LIMIT,
        || async {
            let shown = [
                page.value("SMTP server").await?,
                page.value("SMTP port").await?,
                page.value("Encryption").await?,
            ];
            Ok(if shown == expected {
                Probe::Done(())
            } else {
                Probe::NotYet(format!("{shown:?}"))
            })
        },
    )
    .await
}

async fn port_hint(page: &Page) -> anyhow::Result<String> {
    Ok(page.text_of("#smtp-port-hint").await?.unwrap_or_default())
}

#[tokio::test(flavor = "multi_thread")]
#[ignore = "needs the release build and Chromium: run `cargo xtask test`"]
async fn a_provider_fills_the_fields_and_the_port_follows_only_what_the_page_filled(
) -> anyhow::Result<()> {
    let page = Page::open_signed_in().await?;
    assert_eq!(page.value("Provider").await?, "other", "the list at first");

    page.choose("Provider", "microsoft-365").await?;
    wait_for_mail_server(&page, ["smtp.office365.com", "587", "TLS"]).await?;
    page.choose("Provider", "amazon-ses-eu-west-1").await?;
    wait_for_mail_server(&page, ["email-smtp.eu-west-1.amazonaws.com", "587", "TLS"]).await?;
    assert_eq!(
        page.value("Provider").await?,
        "amazon-ses-eu-west-1",
        "the list names the provider of the server"
    );

    // The page put 587 there: it follows the encryption, and the hint stays the general one.
    page.choose_encryption("SSL").await?;
    wait_for_mail_server(&page, ["email-smtp.eu-west-1.amazonaws.com", "465", "SSL"]).await?;
    page.choose_encryption("NONE").await?;
    wait_for_mail_server(&page, ["email-smtp.eu-west-1.amazonaws.com", "25", "NONE"]).await?;
    assert_eq!(port_hint(&page).await?, PORT_HINT);

    // Typed: never changed, and the hint names the usual port instead.
    page.fill("SMTP port", "2525").await?;
    page.choose_encryption("TLS").await?;
    wait_for_mail_server(&page, ["email-smtp.eu-west-1.amazonaws.com", "2525", "TLS"]).await?;
    page.wait_for_text(
        "#smtp-port-hint",
        "The usual port with TLS (STARTTLS) is 587.",
    )
    .await?;

    // Empty: the usual port.
    page.fill("SMTP port", "").await?;
    page.choose_encryption("SSL").await?;
    wait_for_mail_server(&page, ["email-smtp.eu-west-1.amazonaws.com", "465", "SSL"]).await?;

    // A local relay's name only the administrator knows: the known server makes way.
    page.choose("Provider", "local-relay").await?;
    wait_for_mail_server(&page, ["", "25", "NONE"]).await?;
    page.fill("SMTP server", "relay.corp.example").await?;
    assert_eq!(page.value("Provider").await?, "local-relay");
    page.close().await
}

#[tokio::test(flavor = "multi_thread")]
#[ignore = "needs the release build and Chromium: run `cargo xtask test`"]
async fn a_loaded_port_stays_and_a_mismatch_is_a_warning_that_stops_nothing() -> anyhow::Result<()>
{
    let page = Page::open_demo_signed_in().await?;
    assert_eq!(page.value("Provider").await?, "other", "smtp.example.com");
    page.choose_encryption("SSL").await?;
    page.wait_for_warnings("encryption", &["Warning: Port 587 expects TLS (STARTTLS)"])
        .await?;
    assert_eq!(page.value("SMTP port").await?, "587", "the loaded port");
    assert_eq!(
        page.attr("SMTP port", "aria-invalid").await?.as_deref(),
        Some("false"),
        "a warning is no error"
    );
    assert_eq!(
        page.attr("Encryption", "aria-describedby")
            .await?
            .as_deref(),
        Some("encryption-description"),
        "what describes the encryption, its warning included"
    );
    page.choose_encryption("TLS").await?;
    page.wait_for_warnings("encryption", &[]).await?;
    page.fill("SMTP port", "465").await?;
    page.wait_for_warnings("encryption", &["Warning: Port 465 expects SSL"])
        .await?;

    // Still saved as typed (the saved password goes only to the port it was saved for).
    page.fill("Password", DEMO_PASSWORD).await?;
    page.save_and_confirm().await?;
    page.wait_until_saved().await?;
    let saved = page.fake.stored_settings();
    assert_eq!(saved["SMTPPort"], 465, "the stored settings: {saved}");
    page.close().await
}

#[tokio::test(flavor = "multi_thread")]
#[ignore = "needs the release build and Chromium: run `cargo xtask test`"]
async fn sign_in_warnings_name_what_is_true_of_the_connection_and_the_provider(
) -> anyhow::Result<()> {
    // The demo signs in at the mail server, with a saved password.
    let page = Page::open_demo_signed_in().await?;
    page.choose_encryption("NONE").await?;
    page.wait_for_warnings(
        "encryption",
        &["Warning: Without encryption the user name and password cross the network readable"],
    )
    .await?;
    page.choose_encryption("TLS").await?;
    page.wait_for_warnings("encryption", &[]).await?;

    page.fill("SMTP server", "smtp.office365.com").await?;
    page.wait_for_warnings(
        "use-authentication",
        &["Warning: From the end of December 2026 Exchange Online has SMTP AUTH"],
    )
    .await?;
    page.set_sign_in(false).await?;
    page.wait_for_warnings("use-authentication", &[]).await?;
    page.set_sign_in(true).await?;

    page.choose("Provider", "google").await?;
    page.wait_for_warnings("use-authentication", &[]).await?;
    // Nothing typed: the saved password is not the page's to judge.
    page.wait_for_warnings(
        "smtp-password",
        &["Note: Google takes only an app password"],
    )
    .await?;
    page.fill("Password", "my-account-password").await?;
    page.wait_for_warnings("smtp-password", &["Warning: This is not an app password"])
        .await?;
    page.fill("Password", "abcd efgh ijkl mnop").await?;
    page.wait_for_warnings(
        "smtp-password",
        &["Note: Google takes only an app password"],
    )
    .await?;
    let described = page.attr("Password", "aria-describedby").await?;
    ensure!(
        described.as_deref() == Some("smtp-password-description"),
        "the password's description: {described:?}"
    );
    page.close().await
}
