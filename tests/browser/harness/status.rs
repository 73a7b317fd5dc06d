//! What the page says: texts, status areas, the load, and waiting for them.

use fantoccini::elements::Element;
use fantoccini::Locator;

use super::*;

impl Page {
    // ----- loading -----

    /// Waits until `#load-status` reports the end of a load: a status other than "Loading…",
    /// or an alert.
    pub async fn wait_for_load_result(&self) -> anyhow::Result<Reported> {
        self.wait_for_report("#load-status", "the load", |status| {
            !status.starts_with("Loading")
        })
        .await
    }

    /// Waits until the settings are loaded and returns `#load-status`'s text.
    pub async fn wait_until_loaded(&self) -> anyhow::Result<String> {
        self.wait_for_load_result()
            .await?
            .done("the settings to load")
    }

    /// Waits until the load fails and returns the `#load-status [role=alert]` text.
    pub async fn wait_for_load_alert(&self) -> anyhow::Result<String> {
        self.wait_for_load_result()
            .await?
            .failed("the load to fail")
    }

    // ----- texts and status areas -----

    /// The text of `css` if such an element exists now.
    pub async fn text_of(&self, css: &str) -> anyhow::Result<Option<String>> {
        match self.client().find(Locator::Css(css)).await {
            Ok(element) => Ok(Some(element.text().await?)),
            Err(e) if e.is_no_such_element() => Ok(None),
            Err(e) => Err(e.into()),
        }
    }

    /// The warnings and notes under the field `id`, in page order, as shown ("Warning: …",
    /// "Note: …").
    pub async fn warnings_under(&self, id: &str) -> anyhow::Result<Vec<String>> {
        let css = format!("#{id}-description :is(.field-warning, .field-note)");
        let mut texts = Vec::new();
        for element in self.client().find_all(Locator::Css(&css)).await? {
            texts.push(element.text().await?);
        }
        Ok(texts)
    }

    /// Waits until the warnings and notes under the field `id` begin with `starts`, one each.
    pub async fn wait_for_warnings(&self, id: &str, starts: &[&str]) -> anyhow::Result<()> {
        wait_until(
            &format!("the warnings under #{id} to be {starts:?}"),
            WAIT_LIMIT,
            || async {
                let shown = self.warnings_under(id).await?;
                let matching = shown.len() == starts.len()
                    && shown
                        .iter()
                        .zip(starts)
                        .all(|(text, start)| text.starts_with(start));
                Ok(if matching {
                    Probe::Done(())
                } else {
                    Probe::NotYet(format!("{shown:?}"))
                })
            },
        )
        .await
    }

    /// The text of the field error `#ID-error`, if the field shows one.
    pub async fn field_error(&self, id: &str) -> anyhow::Result<Option<String>> {
        self.text_of(&format!("#{id}-error")).await
    }

    /// Waits until the field `id` shows its error and returns the error's text.
    pub async fn wait_for_field_error(&self, id: &str) -> anyhow::Result<String> {
        wait_until(
            &format!("the field error #{id}-error"),
            WAIT_LIMIT,
            || async {
                Ok(match self.field_error(id).await? {
                    Some(text) => Probe::Done(text),
                    None => Probe::NotYet(format!("no #{id}-error element")),
                })
            },
        )
        .await
    }

    /// Waits until `area` holds an alert, or a status that `done` accepts.
    async fn wait_for_report(
        &self,
        area: &str,
        what: &str,
        done: impl Fn(&str) -> bool,
    ) -> anyhow::Result<Reported> {
        let awaited = format!("{area} to report {what}");
        let (alert_css, status_css) = (
            format!("{area} [role=alert]"),
            format!("{area} [role=status]"),
        );
        wait_until(&awaited, WAIT_LIMIT, || async {
            if let Some(alert) = self.text_of(&alert_css).await? {
                return Ok(Probe::Done(Reported::Failed(alert)));
            }
            Ok(match self.text_of(&status_css).await? {
                Some(status) if done(&status) => Probe::Done(Reported::Done(status)),
                Some(status) => Probe::NotYet(format!("status {status:?}")),
                None => Probe::NotYet(format!("no status and no alert in {area}")),
            })
        })
        .await
    }

    /// Waits until `#form-status` reports the save: a status containing "saved" once it has been
    /// read back, or an alert.
    pub async fn wait_for_save_result(&self) -> anyhow::Result<Reported> {
        // A save is over once it has been read back: the buttons are on again.
        self.wait_for_report("#form-status", "the save", |status| {
            status.to_lowercase().contains("saved") && !status.contains("Reading them back")
        })
        .await
    }

    /// Waits for the success status of a save and returns its text.
    pub async fn wait_until_saved(&self) -> anyhow::Result<String> {
        self.wait_for_save_result()
            .await?
            .done("the settings to be saved")
    }

    /// Waits for `#form-status [role=alert]` and returns its text.
    pub async fn wait_for_alert(&self) -> anyhow::Result<String> {
        self.wait_for_save_result()
            .await?
            .failed("an alert in #form-status")
    }

    /// Waits for the status "Test email sent…" and returns its text.
    pub async fn wait_until_test_mail_sent(&self) -> anyhow::Result<String> {
        self.wait_for_report("#form-status", "the test email", |status| {
            status.contains("Test email sent")
        })
        .await?
        .done("the test email to be sent")
    }

    /// Waits until the attribute `attribute` of `element` (described by `what`) reads `expected`.
    pub async fn wait_for_attr(
        &self,
        what: &str,
        element: &Element,
        attribute: &str,
        expected: &str,
    ) -> anyhow::Result<()> {
        let awaited = format!("{what} to have {attribute}={expected:?}");
        wait_until(&awaited, WAIT_LIMIT, || async {
            Ok(match element.attr(attribute).await? {
                Some(value) if value == expected => Probe::Done(()),
                other => Probe::NotYet(format!("{attribute}={other:?}")),
            })
        })
        .await
    }

    /// Waits until the element `css` exists and its text contains `text`.
    pub async fn wait_for_text(&self, css: &str, text: &str) -> anyhow::Result<String> {
        wait_until(&format!("{css} to say {text:?}"), WAIT_LIMIT, || async {
            Ok(match self.text_of(css).await? {
                Some(shown) if shown.contains(text) => Probe::Done(shown),
                other => Probe::NotYet(format!("{css}: {other:?}")),
            })
        })
        .await
    }

    /// Fails when the page is wider than the viewport, naming the widest elements.
    pub async fn ensure_no_sideways_scroll(&self, when: &str) -> anyhow::Result<()> {
        let script = r##"
            const root = document.documentElement;
            const over = [...document.querySelectorAll("body *")]
                .filter((el) => el.getBoundingClientRect().right > root.clientWidth + 0.5)
                .slice(0, 5)
                .map((el) => `${el.tagName.toLowerCase()}${el.id ? "#" + el.id : ""}.${el.className}`);
            return { scroll: root.scrollWidth, client: root.clientWidth, over };
        "##;
        let measured = self.client().execute(script, vec![]).await?;
        let (scroll, client) = (measured["scroll"].as_u64(), measured["client"].as_u64());
        ensure!(
            scroll <= client,
            "{when}: the page scrolls sideways ({scroll:?} px wide in {client:?}): {}",
            measured["over"]
        );
        Ok(())
    }

    /// Media features as given (`("forced-colors", "active")`), the others as the system has
    /// them; `&[]` ends every emulation.
    pub async fn emulate_media(&self, features: &[(&str, &str)]) -> anyhow::Result<()> {
        let features: Vec<_> = features
            .iter()
            .map(|(name, value)| serde_json::json!({ "name": name, "value": value }))
            .collect();
        self.browser_cdp(
            "Emulation.setEmulatedMedia",
            serde_json::json!({ "features": features }),
        )
        .await
        .map(drop)
    }

    /// A viewport of `width` by `height` CSS pixels, `scale` device pixels to each: 200 % zoom of
    /// a 1280 px window is a 640 px viewport at scale 2.
    pub async fn set_viewport(&self, width: u32, height: u32, scale: u32) -> anyhow::Result<()> {
        self.browser_cdp(
            "Emulation.setDeviceMetricsOverride",
            serde_json::json!({
                "width": width, "height": height, "deviceScaleFactor": scale, "mobile": false
            }),
        )
        .await
        .map(drop)
    }

    /// A DevTools command on the page's browser (emulated media, viewport).
    pub async fn browser_cdp(
        &self,
        command: &str,
        params: serde_json::Value,
    ) -> anyhow::Result<serde_json::Value> {
        self.browser.cdp(command, params).await
    }

    /// The id of `document.activeElement` ("" when it has none).
    pub async fn focused_id(&self) -> anyhow::Result<String> {
        let id = self
            .client()
            .execute(
                "return document.activeElement ? document.activeElement.id : '';",
                vec![],
            )
            .await?;
        Ok(id.as_str().unwrap_or_default().to_owned())
    }

    /// Waits until the input with id `id` has the focus.
    pub async fn wait_for_focus(&self, id: &str) -> anyhow::Result<()> {
        wait_until(&format!("the focus to be on #{id}"), WAIT_LIMIT, || async {
            let focused = self.focused_id().await?;
            Ok(if focused == id {
                Probe::Done(())
            } else {
                Probe::NotYet(format!("focus on {focused:?}"))
            })
        })
        .await
    }
}
