//! One cell: a fresh page, the row's fault played on the column's call, and every check.

use std::net::SocketAddr;

use anyhow::{anyhow, ensure};
use fake_commandcenter::{Endpoint, Fault, DEFAULT_LOGIN_PASSWORD, DEFAULT_LOGIN_USER};
use serde_json::Value;

use super::network::{api_url, closed_port, put_settings, Relay};
use super::rows::{categorize, fault_of, recorded_status, Action, Expect, Row, Trouble};
use super::{EDITED_SENDER_NAME, LONG_TIMEOUT_CONFIG, QUICK_TIMEOUT_CONFIG, WAIT};
use crate::harness::{
    demo_fake, wait_until, Csp, Form, Page, Probe, Serving, EMAIL_SERVER_PATH, LOADED_CONFIGURED,
};

/// What a cell showed and whether it passed.
pub(super) struct Cell {
    /// The table text.
    pub(super) shown: String,
    /// Why it failed, with the message seen.
    pub(super) failure: Option<String>,
}

/// What a cell saw on its way, for the table.
#[derive(Default)]
struct Seen {
    message: Option<String>,
    reauth: bool,
}

impl Seen {
    fn category(&self) -> String {
        let mut category = self
            .message
            .as_deref()
            .map_or_else(|| "no message".to_owned(), categorize);
        if self.reauth {
            category.push_str(" + sign in again");
        }
        category
    }
}

/// A column's browser and fake, and the API on a second origin.
pub(super) struct Column {
    action: Action,
    pub(super) page: Page,
    /// The same fake on another loopback port: another origin than the page.
    other_origin: SocketAddr,
    /// What the fake stores at the start of every cell.
    settings: Value,
}

impl Column {
    pub(super) async fn open(action: Action) -> anyhow::Result<Self> {
        // No Content-Security-Policy: its cross-origin rows call origins a policy would list.
        let serving = Serving {
            config_json: Some(QUICK_TIMEOUT_CONFIG.to_owned()),
            csp: Csp::None,
            ..Serving::default()
        };
        let page = Page::open_on(demo_fake()?, serving).await?;
        let other_origin = page.fake.spawn_local().await?;
        let settings = page.fake.stored_settings();
        Ok(Self {
            action,
            page,
            other_origin,
            settings,
        })
    }

    pub(super) async fn run(&self, row: &Row) -> Cell {
        let mut seen = Seen::default();
        let outcome = self.cell(row, &mut seen).await;
        let category = seen.category();
        match outcome {
            Ok(()) => Cell {
                shown: format!("{category} ✓"),
                failure: None,
            },
            Err(failure) => Cell {
                shown: format!("{category} ✗"),
                failure: Some(format!(
                    "{failure}\n    message seen: {:?}",
                    seen.message.as_deref().unwrap_or("(none)")
                )),
            },
        }
    }

    /// Plays `row` against the column's action and checks everything.
    async fn cell(&self, row: &Row, seen: &mut Seen) -> anyhow::Result<()> {
        let page = &self.page;
        self.start_clean(&row.trouble).await?;
        let console_from = page.console_log_flushed().await?.len();
        let mut relay = self.point_the_api(&row.trouble).await?;
        let base_url = page.value("API base URL").await?;
        seen.message = Some(match self.action {
            Action::SignIn => self.sign_in_fails(row).await?,
            Action::Load => self.load_fails(row, relay.as_mut()).await?,
            Action::Save | Action::TestMail => self.call_fails(row, relay.as_mut()).await?,
        });
        self.check_sign_in_again(row, seen).await?;
        let message = seen.message.clone().unwrap_or_default();
        if let Some(mismatch) = row.expect.mismatch(self.action, &message) {
            return Err(anyhow!(
                "expected {} in {}: the message {mismatch}",
                row.expect.category(),
                self.action.area()
            ));
        }
        self.check_form_kept(&base_url).await?;
        self.check_fault_played(&row.trouble)?;
        check_no_panic(page, console_from).await
    }

    /// Where the API is for this cell: another origin for the CORS row, nothing or a relay to be
    /// shut for the unreachable row.
    async fn point_the_api(&self, trouble: &Trouble) -> anyhow::Result<Option<Relay>> {
        let page = &self.page;
        let (url, relay) = match (trouble, self.action) {
            (Trouble::NoCors, _) => (api_url(self.other_origin), None),
            (Trouble::Unreachable, Action::SignIn) => (api_url(closed_port().await?), None),
            (Trouble::Unreachable, _) => {
                let relay = Relay::open(self.other_origin).await?;
                (api_url(relay.address), Some(relay))
            }
            _ => return Ok(None),
        };
        page.fill("API base URL", &url).await?;
        Ok(relay)
    }

    /// The sign-in meets the fault; the message it shows.
    async fn sign_in_fails(&self, row: &Row) -> anyhow::Result<String> {
        let page = &self.page;
        page.fake.set_fault(Endpoint::Login, fault_of(&row.trouble));
        page.sign_in_with_password(DEFAULT_LOGIN_USER, DEFAULT_LOGIN_PASSWORD)
            .await?;
        if matches!(row.trouble, Trouble::Cancelled) {
            press(page, "#sign-in-cancel").await?;
        }
        page.wait_for_sign_in_alert().await
    }

    /// The load after signing in meets the fault; the message it shows.
    async fn load_fails(&self, row: &Row, relay: Option<&mut Relay>) -> anyhow::Result<String> {
        let page = &self.page;
        let fault = match relay {
            // Held back until the relay is shut: then nothing answers any more.
            Some(_) => Some(Fault::Delay { ms: 20_000 }),
            None => fault_of(&row.trouble),
        };
        page.fake.set_fault(Endpoint::GetEmailServer, fault);
        page.sign_in_with_password(DEFAULT_LOGIN_USER, DEFAULT_LOGIN_PASSWORD)
            .await?;
        page.wait_until_signed_in().await?;
        if let Some(relay) = relay {
            self.wait_for_request("GET", EMAIL_SERVER_PATH).await?;
            relay.shut().await?;
        }
        if matches!(row.trouble, Trouble::Cancelled) {
            press_cancel(page).await?;
        }
        page.wait_for_load_alert().await
    }

    /// A save or a test mail of an edited form meets the fault; the message it shows.
    async fn call_fails(&self, row: &Row, relay: Option<&mut Relay>) -> anyhow::Result<String> {
        let (page, action) = (&self.page, self.action);
        let loaded = page.log_in().await?;
        ensure_equal(&loaded, &LOADED_CONFIGURED, || {
            format!("#load-status before the {}", action.title())
        })?;
        page.fill("Sender name", EDITED_SENDER_NAME).await?;
        page.fake
            .set_fault(action.endpoint(), fault_of(&row.trouble));
        // With the relay shut nothing answers any call: the review's re-read fails first.
        let whole_connection = relay.is_some();
        if let Some(relay) = relay {
            relay.shut().await?;
        }
        if action == Action::Save {
            let rechecked = page.open_review().await?;
            if whole_connection {
                let reason = rechecked
                    .strip_prefix("Could not check what Command Center has now: ")
                    .ok_or_else(|| anyhow!("the review's re-read did not fail: {rechecked:?}"))?;
                if let Some(mismatch) = row.expect.mismatch(Action::Load, reason) {
                    return Err(anyhow!("the review's re-read: the message {mismatch}"));
                }
            }
            // "Save anyway" when the re-read failed.
            page.confirm_review().await?;
        } else {
            page.click("send-test").await?;
        }
        if matches!(row.trouble, Trouble::Cancelled) {
            press_cancel(page).await?;
        }
        page.wait_for_alert().await
    }

    /// A 401 on the settings page asks to sign in again; Cancel there leaves the message. No
    /// other answer opens that dialog.
    async fn check_sign_in_again(&self, row: &Row, seen: &mut Seen) -> anyhow::Result<()> {
        let (page, action) = (&self.page, self.action);
        if action == Action::SignIn {
            return Ok(());
        }
        if row.expect != Expect::Unauthorized {
            ensure!(
                !page.dialog_is_open("reauth-dialog").await?,
                "the \"Sign in again\" dialog opened although the answer was no 401"
            );
            return Ok(());
        }
        page.wait_for_dialog("reauth-dialog", true).await?;
        seen.reauth = true;
        page.click("reauth-cancel").await?;
        page.wait_for_dialog("reauth-dialog", false).await?;
        let after = page
            .text_of(&format!("{} [role=alert]", action.area()))
            .await?;
        ensure!(
            after.is_some(),
            "the {} alert is gone after Cancel in \"Sign in again\"",
            action.area()
        );
        seen.message = after;
        Ok(())
    }

    /// The form kept its values, and the buttons work again.
    async fn check_form_kept(&self, base_url: &str) -> anyhow::Result<()> {
        let page = &self.page;
        match self.action {
            Action::SignIn => {
                page.ensure_on_sign_in_panel().await?;
                let user = page.value("User name").await?;
                ensure_equal(&user, &DEFAULT_LOGIN_USER, || {
                    "the user name after the failed sign-in".to_owned()
                })?;
                let url = page.value("API base URL").await?;
                ensure_equal(&url.as_str(), &base_url, || {
                    "the API base URL after the failed sign-in".to_owned()
                })?;
                page.wait_for_button("sign-in", "Sign in", true).await?;
            }
            Action::Load => {
                empty_form().check_shown(page).await?;
                wait_until_gone(page, "#cancel-request").await?;
                for id in ["send-test", "load-retry", "load-start-empty", "sign-out"] {
                    page.wait_for_enabled(id, true).await?;
                }
                // The contract: Save stays disabled after a failed load.
                page.wait_for_enabled("save", false).await?;
            }
            Action::Save | Action::TestMail => {
                let edited = Form {
                    sender_name: EDITED_SENDER_NAME,
                    ..Form::demo()
                };
                edited.check_shown(page).await?;
                wait_until_gone(page, "#cancel-request").await?;
                page.wait_for_button("save", "Save", true).await?;
                page.wait_for_enabled("discard", true).await?;
                page.wait_for_button("send-test", "Send test email", true)
                    .await?;
                page.wait_for_enabled("sign-out", true).await?;
            }
        }
        Ok(())
    }

    /// The fault was really played: the fake answered the call as the row says (when nothing
    /// listens, nothing may arrive after the API went away).
    fn check_fault_played(&self, trouble: &Trouble) -> anyhow::Result<()> {
        let (method, path) = self.action.request();
        let statuses: Vec<u16> = self
            .page
            .requests_to(method, path)
            .iter()
            .map(|request| request.status)
            .collect();
        match (trouble, self.action) {
            (Trouble::Unreachable, Action::Load) => ensure!(
                !statuses.is_empty(),
                "the fake never received {method} {path} before the relay was shut"
            ),
            (Trouble::Unreachable, _) => ensure!(
                statuses.is_empty(),
                "{method} {path} reached the fake although the API was unreachable: {statuses:?}"
            ),
            (trouble, _) => {
                ensure!(
                    !statuses.is_empty(),
                    "the fake never received {method} {path}: the cell did not play its fault"
                );
                if let Some(status) = recorded_status(trouble) {
                    ensure!(
                        statuses.contains(&status),
                        "the fake answered {method} {path} with {statuses:?}, not {status}"
                    );
                }
            }
        }
        Ok(())
    }

    /// No fault set, the stored settings as at the start, no requests recorded, and a freshly
    /// loaded page (with the timeout the row needs).
    async fn start_clean(&self, trouble: &Trouble) -> anyhow::Result<()> {
        let fake = &self.page.fake;
        for endpoint in Endpoint::ALL {
            fake.set_fault(endpoint, None);
        }
        self.restore_settings().await?;
        fake.clear_requests();
        fake.clear_sent_test_mails();
        let config = match trouble {
            Trouble::Cancelled => LONG_TIMEOUT_CONFIG,
            _ => QUICK_TIMEOUT_CONFIG,
        };
        self.page.set_config_json(config)?;
        self.page.reload_without_asking().await
    }

    /// Undoes what a cell stored (a save whose answer the browser blocked did store): PUTs the
    /// changed fields back, as an API client would.
    async fn restore_settings(&self) -> anyhow::Result<()> {
        let now = self.page.fake.stored_settings();
        if now == self.settings {
            return Ok(());
        }
        let mut body = serde_json::Map::new();
        for key in [
            "SMTPServerName",
            "SMTPPort",
            "senderEmail",
            "senderName",
            "encryptionAlgorithm",
        ] {
            if now.get(key) != self.settings.get(key) {
                body.insert(key.into(), self.settings[key].clone());
            }
        }
        let status = put_settings(self.other_origin, &Value::Object(body)).await?;
        let restored = self.page.fake.stored_settings();
        ensure!(
            status == 200 && restored == self.settings,
            "cannot restore the settings {} (PUT answered {status}): they are {restored}",
            self.settings
        );
        Ok(())
    }

    /// Waits until the fake has received `method path`.
    async fn wait_for_request(&self, method: &str, path: &str) -> anyhow::Result<()> {
        wait_until(
            &format!("the fake to receive {method} {path}"),
            WAIT,
            || async {
                Ok(if self.page.requests_to(method, path).is_empty() {
                    Probe::NotYet("not yet".into())
                } else {
                    Probe::Done(())
                })
            },
        )
        .await
    }
}

/// Nothing panicked: no notice on the page, no panic in the console since the cell began.
async fn check_no_panic(page: &Page, console_from: usize) -> anyhow::Result<()> {
    ensure!(
        !page.exists("#page-error").await?,
        "#page-error shows: {:?}",
        page.text_of("#page-error").await?
    );
    let lines = page.console_log_flushed().await?;
    let panics: Vec<&String> = lines
        .iter()
        .skip(console_from)
        .filter(|line| line.to_lowercase().contains("panicked"))
        .collect();
    ensure!(panics.is_empty(), "the console shows a panic: {panics:?}");
    Ok(())
}

/// `assert_eq!` as an error: the matrix collects every failing cell rather than stopping at the
/// first.
fn ensure_equal<A: PartialEq<B> + std::fmt::Debug, B: std::fmt::Debug>(
    actual: &A,
    expected: &B,
    what: impl FnOnce() -> String,
) -> anyhow::Result<()> {
    ensure!(
        actual == expected,
        "{}\n  actual:   {actual:?}\n  expected: {expected:?}",
        what()
    );
    Ok(())
}

/// The settings form as it is before anything loaded.
fn empty_form() -> Form {
    Form {
        smtp_server: "",
        smtp_port: "",
        encryption: None,
        sender_email: "",
        sender_name: "",
        sign_in: false,
        username: "",
        password: "",
    }
}

/// Waits for `#cancel-request` (shown while a call is in flight) and presses it.
async fn press_cancel(page: &Page) -> anyhow::Result<()> {
    press(page, "#cancel-request").await
}

/// Waits for a Cancel button (it only exists while its call is in flight) and presses it.
async fn press(page: &Page, css: &str) -> anyhow::Result<()> {
    wait_until(&format!("{css} to show"), WAIT, || async {
        Ok(if page.exists(css).await? {
            Probe::Done(())
        } else {
            Probe::NotYet(format!("no {css}"))
        })
    })
    .await?;
    page.click(css.trim_start_matches('#')).await
}

async fn wait_until_gone(page: &Page, css: &str) -> anyhow::Result<()> {
    wait_until(&format!("{css} to go away"), WAIT, || async {
        Ok(if page.exists(css).await? {
            Probe::NotYet(format!("{css} still exists"))
        } else {
            Probe::Done(())
        })
    })
    .await
}
