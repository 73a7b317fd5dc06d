//! Signing in, out and again.

use anyhow::{anyhow, ensure};
use fantoccini::Locator;

use super::*;

impl Page {
    // ----- signing in and out -----

    /// Picks how to sign in on the panel: the radio labelled "A Command Center user" or "An
    /// access token"; waits until it is checked.
    pub async fn choose_sign_in_mode(&self, label: &str) -> anyhow::Result<()> {
        let xpath = format!(
            "//label[contains(concat(' ', normalize-space(@class), ' '), ' mode-option ')]\
             [normalize-space()='{label}']//input[@type='radio'][@name='sign-in-mode']"
        );
        let radio = self
            .client()
            .find(Locator::XPath(&xpath))
            .await
            .map_err(|e| anyhow!("no sign-in-mode radio labelled {label:?}: {e}"))?;
        radio.click().await?;
        wait_until(&format!("{label:?} to be chosen"), WAIT_LIMIT, || async {
            Ok(if radio.is_selected().await? {
                Probe::Done(())
            } else {
                Probe::NotYet("not checked".into())
            })
        })
        .await
    }

    /// On the sign-in panel: chooses "An access token", types `token` and clicks `#sign-in`.
    pub async fn sign_in_with_token(&self, token: &str) -> anyhow::Result<()> {
        self.choose_sign_in_mode("An access token").await?;
        self.fill("Access token", token).await?;
        self.click("sign-in").await
    }

    /// On the sign-in panel: chooses "A Command Center user", types the user name and the
    /// password and clicks `#sign-in`.
    pub async fn sign_in_with_password(&self, user: &str, password: &str) -> anyhow::Result<()> {
        self.choose_sign_in_mode("A Command Center user").await?;
        self.fill("User name", user).await?;
        self.fill("Password", password).await?;
        self.click("sign-in").await
    }

    /// Signs in with the fake's access token and waits until loaded; returns `#load-status`.
    pub async fn sign_in(&self) -> anyhow::Result<String> {
        self.sign_in_with_token(DEFAULT_TOKEN).await?;
        self.wait_until_signed_in().await?;
        self.wait_until_loaded().await
    }

    /// Signs in with the fake's user and password and waits until loaded; returns
    /// `#load-status`.
    pub async fn log_in(&self) -> anyhow::Result<String> {
        self.sign_in_with_password(DEFAULT_LOGIN_USER, DEFAULT_LOGIN_PASSWORD)
            .await?;
        self.wait_until_signed_in().await?;
        self.wait_until_loaded().await
    }

    /// Waits until the sign-in on the panel ends: signed in (the `#session-user` text) or
    /// refused (the `#sign-in-status [role=alert]` text).
    pub async fn wait_for_sign_in_result(&self) -> anyhow::Result<Reported> {
        wait_until("the sign-in to end", WAIT_LIMIT, || async {
            if let Some(user) = self.text_of("#session-user").await? {
                return Ok(Probe::Done(Reported::Done(user)));
            }
            Ok(
                match self
                    .text_of("section.sign-in #sign-in-status [role=alert]")
                    .await?
                {
                    Some(alert) => Probe::Done(Reported::Failed(alert)),
                    None => Probe::NotYet("no #session-user and no sign-in alert".into()),
                },
            )
        })
        .await
    }

    /// Waits until signed in and returns the `#session-user` text.
    pub async fn wait_until_signed_in(&self) -> anyhow::Result<String> {
        self.wait_for_sign_in_result()
            .await?
            .done("to be signed in")
    }

    /// Waits until the sign-in is refused and returns the `#sign-in-status` alert.
    pub async fn wait_for_sign_in_alert(&self) -> anyhow::Result<String> {
        self.wait_for_sign_in_result()
            .await?
            .failed("the sign-in to be refused")
    }

    /// Fails unless the page shows the sign-in panel and no session (nothing signed in).
    pub async fn ensure_on_sign_in_panel(&self) -> anyhow::Result<()> {
        ensure!(
            self.exists("section.sign-in").await?,
            "the sign-in panel (section.sign-in) is not shown"
        );
        for css in [".session-bar", "#session-user", "#smtp-server", "#save"] {
            ensure!(
                !self.exists(css).await?,
                "{css} exists although nobody is signed in"
            );
        }
        Ok(())
    }

    /// Clicks `#sign-out` and waits until the sign-in panel is back.
    pub async fn sign_out(&self) -> anyhow::Result<()> {
        self.click("sign-out").await?;
        wait_until("the sign-in panel after Sign out", WAIT_LIMIT, || async {
            Ok(if self.exists("section.sign-in").await? {
                Probe::Done(())
            } else {
                Probe::NotYet("no section.sign-in".into())
            })
        })
        .await?;
        self.ensure_on_sign_in_panel().await
    }

    /// The token the page's loads carried: the Authtoken of the first GET of the settings.
    pub fn token_of_first_load(&self) -> anyhow::Result<String> {
        let loads = self.requests_to("GET", EMAIL_SERVER_PATH);
        let first = loads
            .first()
            .ok_or_else(|| anyhow!("the page sent no GET of the settings"))?;
        first
            .header("authtoken")
            .map(str::to_owned)
            .ok_or_else(|| anyhow!("the load has no Authtoken: {first:#?}"))
    }
}
