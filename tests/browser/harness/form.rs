//! The settings form: finding, filling and pressing its controls, and `Form`, a whole form.

use anyhow::{anyhow, ensure};
use fantoccini::elements::Element;
use fantoccini::key::Key;
use fantoccini::Locator;

use super::*;

impl Page {
    // ----- finding and filling controls -----

    /// The id of the control whose `<label>` text (normalised) is exactly `label`, outside
    /// dialogs (the "Sign in again" dialog has its own "Password"; see `in_reauth`).
    pub async fn id_of(&self, label: &str) -> anyhow::Result<String> {
        let xpath = format!("//label[normalize-space()='{label}'][not(ancestor::dialog)]");
        let label_element = self
            .client()
            .find(Locator::XPath(&xpath))
            .await
            .map_err(|e| anyhow!("no <label> reading exactly {label:?}: {e}"))?;
        label_element
            .attr("for")
            .await?
            .ok_or_else(|| anyhow!("the label {label:?} has no `for` attribute"))
    }

    /// The control labelled `label`.
    pub async fn control(&self, label: &str) -> anyhow::Result<Element> {
        let id = self.id_of(label).await?;
        self.by_id(&id).await
    }

    pub async fn by_id(&self, id: &str) -> anyhow::Result<Element> {
        self.client()
            .find(Locator::Id(id))
            .await
            .map_err(|e| anyhow!("no element with id {id:?}: {e}"))
    }

    /// Whether an element matching `css` exists now.
    pub async fn exists(&self, css: &str) -> anyhow::Result<bool> {
        match self.client().find(Locator::Css(css)).await {
            Ok(_) => Ok(true),
            Err(e) if e.is_no_such_element() => Ok(false),
            Err(e) => Err(e.into()),
        }
    }

    /// Whether an element matching `css` exists now and is displayed.
    pub async fn displayed(&self, css: &str) -> anyhow::Result<bool> {
        match self.client().find(Locator::Css(css)).await {
            Ok(element) => Ok(element.is_displayed().await?),
            Err(e) if e.is_no_such_element() => Ok(false),
            Err(e) => Err(e.into()),
        }
    }

    /// Whether an element with id `id` exists outside any `<dialog>`.
    pub async fn exists_outside_dialogs(&self, id: &str) -> anyhow::Result<bool> {
        let xpath = format!("//*[@id='{id}'][not(ancestor::dialog)]");
        match self.client().find(Locator::XPath(&xpath)).await {
            Ok(_) => Ok(true),
            Err(e) if e.is_no_such_element() => Ok(false),
            Err(e) => Err(e.into()),
        }
    }

    /// Clears the input labelled `label` and types `text` into it, as a user would.
    pub async fn fill(&self, label: &str, text: &str) -> anyhow::Result<()> {
        type_into(self.control(label).await?, text).await
    }

    /// `fill` for the input `#id`, whatever language its label speaks.
    pub async fn fill_id(&self, id: &str, text: &str) -> anyhow::Result<()> {
        type_into(self.by_id(id).await?, text).await
    }

    /// Picks the encryption option whose value is `value` (NONE, TLS or SSL).
    pub async fn choose_encryption(&self, value: &str) -> anyhow::Result<()> {
        self.choose("Encryption", value).await
    }

    /// Picks the option whose value is `value` in the list labelled `label`.
    pub async fn choose(&self, label: &str, value: &str) -> anyhow::Result<()> {
        let select = self.control(label).await?;
        select
            .select_by_value(value)
            .await
            .map_err(|e| anyhow!("cannot choose {value:?} in {label:?}: {e}"))
    }

    /// The current value of `#id` (its `value` property).
    pub async fn value_of_id(&self, id: &str) -> anyhow::Result<String> {
        Ok(self
            .by_id(id)
            .await?
            .prop("value")
            .await?
            .unwrap_or_default())
    }

    /// The current value of the control labelled `label` (its `value` property).
    pub async fn value(&self, label: &str) -> anyhow::Result<String> {
        Ok(self
            .control(label)
            .await?
            .prop("value")
            .await?
            .unwrap_or_default())
    }

    /// An attribute of the control labelled `label`.
    pub async fn attr(&self, label: &str, attribute: &str) -> anyhow::Result<Option<String>> {
        Ok(self.control(label).await?.attr(attribute).await?)
    }

    /// Whether the sign-in checkbox (`#use-authentication`) is checked.
    pub async fn sign_in_checked(&self) -> anyhow::Result<bool> {
        Ok(self
            .by_id("use-authentication")
            .await?
            .is_selected()
            .await?)
    }

    /// Checks or unchecks "The mail server requires sign-in" and waits until the Username and
    /// Password inputs exist exactly while it is checked.
    pub async fn set_sign_in(&self, on: bool) -> anyhow::Result<()> {
        if self.sign_in_checked().await? != on {
            self.by_id("use-authentication").await?.click().await?;
        }
        let awaited = format!("sign-in checked={on} with Username and Password shown={on}");
        wait_until(&awaited, WAIT_LIMIT, || async {
            let checked = self.sign_in_checked().await?;
            let username = self.exists("#smtp-username").await?;
            let password = self.exists("#smtp-password").await?;
            Ok(if (checked, username, password) == (on, on, on) {
                Probe::Done(())
            } else {
                Probe::NotYet(format!(
                    "checked {checked}, #smtp-username exists {username}, #smtp-password exists {password}"
                ))
            })
        })
        .await
    }

    /// The show/hide button of the secret input `id`.
    pub async fn show_button(&self, id: &str) -> anyhow::Result<Element> {
        let css = format!("button[aria-controls='{id}']");
        self.client()
            .find(Locator::Css(&css))
            .await
            .map_err(|e| anyhow!("no show/hide button ({css}): {e}"))
    }

    // ----- buttons -----

    pub async fn save_button(&self) -> anyhow::Result<Element> {
        self.by_id("save").await
    }

    pub async fn click_save(&self) -> anyhow::Result<()> {
        self.click("save").await
    }

    /// Clicks the element `#id` (a button).
    pub async fn click(&self, id: &str) -> anyhow::Result<()> {
        Ok(self.by_id(id).await?.click().await?)
    }

    /// Clicks Save, then Confirm in the review dialog.
    pub async fn save_and_confirm(&self) -> anyhow::Result<()> {
        self.click_save().await?;
        self.confirm_review().await
    }

    /// Waits until the button `#id` reads `text` and is enabled or disabled as asked.
    pub async fn wait_for_button(&self, id: &str, text: &str, enabled: bool) -> anyhow::Result<()> {
        self.wait_for_button_state(id, Some(text), enabled).await
    }

    /// Waits until the button `#id` is enabled or disabled as asked, whatever its text.
    pub async fn wait_for_enabled(&self, id: &str, enabled: bool) -> anyhow::Result<()> {
        self.wait_for_button_state(id, None, enabled).await
    }

    async fn wait_for_button_state(
        &self,
        id: &str,
        text: Option<&str>,
        enabled: bool,
    ) -> anyhow::Result<()> {
        let state = if enabled { "enabled" } else { "disabled" };
        let awaited = match text {
            Some(text) => format!("#{id} to read {text:?} and be {state}"),
            None => format!("#{id} to be {state}"),
        };
        wait_until(&awaited, WAIT_LIMIT, || async {
            let button = self.by_id(id).await?;
            let (now_text, now_enabled) = (button.text().await?, button.is_enabled().await?);
            Ok(
                if text.is_none_or(|text| text == now_text) && now_enabled == enabled {
                    Probe::Done(())
                } else {
                    Probe::NotYet(format!("text {now_text:?}, enabled {now_enabled}"))
                },
            )
        })
        .await
    }

    // ----- leaving the page -----

    /// Whether a cancelable `beforeunload` dispatched now is prevented (the browser would ask
    /// before leaving).
    pub async fn leaving_prevented(&self) -> anyhow::Result<bool> {
        let prevented = self
            .client()
            .execute(
                "return !window.dispatchEvent(new Event('beforeunload', {cancelable: true}));",
                vec![],
            )
            .await?;
        prevented
            .as_bool()
            .ok_or_else(|| anyhow!("the beforeunload probe returned {prevented}"))
    }

    /// Waits until leaving is prevented, or allowed, as asked.
    pub async fn wait_for_leaving_prevented(&self, prevented: bool) -> anyhow::Result<()> {
        let awaited = format!("beforeunload to be prevented: {prevented}");
        wait_until(&awaited, WAIT_LIMIT, || async {
            let now = self.leaving_prevented().await?;
            Ok(if now == prevented {
                Probe::Done(())
            } else {
                Probe::NotYet(format!("prevented: {now}"))
            })
        })
        .await
    }
}

/// A whole form: what the tests type, or what the page should show, label by label.
#[derive(Clone, Debug)]
pub struct Form {
    pub smtp_server: &'static str,
    pub smtp_port: &'static str,
    /// `None` leaves the select at its default (NONE).
    pub encryption: Option<&'static str>,
    pub sender_email: &'static str,
    pub sender_name: &'static str,
    /// "The mail server requires sign-in"; Username and Password exist only while it is on.
    pub sign_in: bool,
    pub username: &'static str,
    pub password: &'static str,
}

impl Form {
    /// Valid settings with sign-in.
    pub fn valid() -> Self {
        Self {
            smtp_server: "smtp.example.com",
            smtp_port: "587",
            encryption: Some("TLS"),
            sender_email: "alerts@example.com",
            sender_name: "Backup alerts",
            sign_in: true,
            username: "mailer",
            password: PASSWORD,
        }
    }

    /// What the page shows once the demo seed is loaded: the password is never returned.
    pub fn demo() -> Self {
        Self {
            smtp_server: "smtp.example.com",
            smtp_port: "587",
            encryption: Some("TLS"),
            sender_email: "commvault-alerts@example.com",
            sender_name: "Commvault Command Center",
            sign_in: true,
            username: "cc-mailer",
            password: "",
        }
    }

    /// (label, text) of every text input the settings form shows with this form, in page
    /// order (the access token and the API base URL belong to the sign-in, not to the form).
    pub fn inputs(&self) -> Vec<(&'static str, &'static str)> {
        let mut inputs = Vec::from(self.settings_inputs());
        inputs.extend(self.credential_inputs());
        inputs
    }

    fn settings_inputs(&self) -> [(&'static str, &'static str); 4] {
        [
            ("SMTP server", self.smtp_server),
            ("SMTP port", self.smtp_port),
            ("Sender email", self.sender_email),
            ("Sender name", self.sender_name),
        ]
    }

    fn credential_inputs(&self) -> Vec<(&'static str, &'static str)> {
        if self.sign_in {
            vec![("Username", self.username), ("Password", self.password)]
        } else {
            Vec::new()
        }
    }

    /// Types the settings into the page; empty values clear the field and type nothing.
    pub async fn fill_in(&self, page: &Page) -> anyhow::Result<()> {
        for (label, text) in self.settings_inputs() {
            page.fill(label, text).await?;
        }
        if let Some(value) = self.encryption {
            page.choose_encryption(value).await?;
        }
        page.set_sign_in(self.sign_in).await?;
        for (label, text) in self.credential_inputs() {
            page.fill(label, text).await?;
        }
        Ok(())
    }

    /// Checks that the page holds exactly this form, signed in to the default API base URL
    /// (shown in the session bar; the settings form has no token field).
    pub async fn check_shown(&self, page: &Page) -> anyhow::Result<()> {
        for (label, text) in self.inputs() {
            assert_eq!(page.value(label).await?, text, "the {label:?} field");
        }
        assert_eq!(
            page.value("Encryption").await?,
            self.encryption.unwrap_or("NONE"),
            "the encryption choice"
        );
        let bar = page.text_of(".session-bar").await?.unwrap_or_default();
        ensure!(
            bar.contains("/commandcenter/api"),
            "the session bar does not show the API base URL: {bar:?}"
        );
        ensure!(
            !page.exists_outside_dialogs("access-token").await?,
            "the page still has an #access-token input outside the \"Sign in again\" dialog"
        );
        assert_eq!(
            page.sign_in_checked().await?,
            self.sign_in,
            "whether {SIGN_IN_LABEL:?} is checked"
        );
        if !self.sign_in {
            for id in ["smtp-username", "smtp-password"] {
                ensure!(
                    !page.exists(&format!("#{id}")).await?,
                    "#{id} exists although sign-in is off"
                );
            }
        }
        Ok(())
    }
}

/// Clears `input` and types `text` into it, as a user would.
async fn type_into(input: Element, text: &str) -> anyhow::Result<()> {
    input.clear().await?;
    if text.is_empty() {
        // WebDriver's clear fires no input event, which a person's deleting does: a
        // character typed and taken back again gives the page one, the field left empty.
        input.send_keys(&format!("x{}", Key::Backspace)).await?;
    } else {
        input.send_keys(text).await?;
    }
    Ok(())
}
