//! The two dialogs: the review before saving and "Sign in again".

use anyhow::anyhow;
use fantoccini::elements::Element;
use fantoccini::Locator;

use super::*;

impl Page {
    /// Whether the dialog `id` (`review-dialog`, `reauth-dialog`) is shown: it has the `open`
    /// attribute.
    pub async fn dialog_is_open(&self, id: &str) -> anyhow::Result<bool> {
        Ok(self.by_id(id).await?.attr("open").await?.is_some())
    }

    /// Waits until the dialog `id` is open, or closed, as asked.
    pub async fn wait_for_dialog(&self, id: &str, open: bool) -> anyhow::Result<()> {
        let awaited = format!("#{id} to {}", if open { "open" } else { "close" });
        wait_until(&awaited, WAIT_LIMIT, || async {
            Ok(if self.dialog_is_open(id).await? == open {
                Probe::Done(())
            } else {
                Probe::NotYet(format!("open: {}", !open))
            })
        })
        .await
    }

    /// The element `css` inside `#reauth-dialog`.
    pub async fn in_reauth(&self, css: &str) -> anyhow::Result<Element> {
        let css = format!("#reauth-dialog {css}");
        self.client()
            .find(Locator::Css(&css))
            .await
            .map_err(|e| anyhow!("no {css}: {e}"))
    }

    /// In the open "Sign in again" dialog of a Login session: types `password` and clicks
    /// `#sign-in`, then waits until the dialog closes.
    pub async fn sign_in_again(&self, password: &str) -> anyhow::Result<()> {
        self.wait_for_dialog("reauth-dialog", true).await?;
        let input = self.in_reauth("#login-password").await?;
        input.clear().await?;
        input.send_keys(password).await?;
        self.in_reauth("#sign-in").await?.click().await?;
        self.wait_for_dialog("reauth-dialog", false).await
    }

    /// Waits for the review dialog and returns its rows (setting, before, after) in order.
    pub async fn review_rows(&self) -> anyhow::Result<Vec<ReviewRow>> {
        self.wait_for_dialog("review-dialog", true).await?;
        let rows = self
            .client()
            .find_all(Locator::Css("#review-changes tbody tr"))
            .await?;
        let mut read = Vec::with_capacity(rows.len());
        for row in rows {
            let header = row
                .find(Locator::Css("th[scope=row]"))
                .await?
                .text()
                .await?;
            let cells = row.find_all(Locator::Css("td")).await?;
            let mut texts = Vec::with_capacity(cells.len());
            for cell in cells {
                texts.push(cell.text().await?);
            }
            match <[String; 2]>::try_from(texts) {
                Ok([before, after]) => read.push([header, before, after]),
                Err(texts) => {
                    return Err(anyhow!(
                        "the review row {header:?} has {} cells instead of 2: {texts:?}",
                        texts.len()
                    ))
                }
            }
        }
        Ok(read)
    }

    /// Everything in the review dialog, shown or not (its `textContent`).
    pub async fn review_text(&self) -> anyhow::Result<String> {
        Ok(self
            .by_id("review-dialog")
            .await?
            .prop("textContent")
            .await?
            .unwrap_or_default())
    }

    /// Waits for the review dialog, clicks Confirm and waits until it closes.
    pub async fn confirm_review(&self) -> anyhow::Result<()> {
        self.wait_for_dialog("review-dialog", true).await?;
        self.click("review-confirm").await?;
        self.wait_for_dialog("review-dialog", false).await
    }

    /// Clicks Save and waits until the review is open and its re-read of Command Center's
    /// settings has answered; returns what the review says of it.
    pub async fn open_review(&self) -> anyhow::Result<String> {
        self.click_save().await?;
        self.wait_for_dialog("review-dialog", true).await?;
        wait_until("the review's re-read", WAIT_LIMIT, || async {
            let said = self.text_of("#review-recheck").await?.unwrap_or_default();
            Ok(if said.starts_with("Checking") {
                Probe::NotYet(said)
            } else {
                Probe::Done(said)
            })
        })
        .await
    }

    /// Waits for the review dialog, clicks Back and waits until it closes.
    pub async fn review_back(&self) -> anyhow::Result<()> {
        self.wait_for_dialog("review-dialog", true).await?;
        self.click("review-back").await?;
        self.wait_for_dialog("review-dialog", false).await
    }
}
