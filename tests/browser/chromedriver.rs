//! One chromedriver and one headless Chromium per test, from the `headless-chromium` crate
//! (shared with `cargo xtask bench`), with the console recorded and printed when the test ends:
//! `cargo test` shows it for the tests that fail.

use fantoccini::Client;
use headless_chromium::{Console, Session};

/// A WebDriver session on headless Chromium with its own chromedriver and profile folder; both
/// go when it is dropped, and with them the session.
pub struct Browser {
    /// `None` once closed.
    session: Option<Session>,
}

impl Browser {
    pub async fn launch() -> anyhow::Result<Self> {
        let session = Session::launch(Console::Recorded).await?;
        Ok(Self {
            session: Some(session),
        })
    }

    pub fn client(&self) -> &Client {
        self.session().client()
    }

    /// A DevTools command, such as `Page.addScriptToEvaluateOnNewDocument`.
    pub async fn cdp(
        &self,
        command: &str,
        params: serde_json::Value,
    ) -> anyhow::Result<serde_json::Value> {
        self.session().cdp(command, params).await
    }

    /// The browser console since the session started: one "LEVEL message" line per entry.
    pub async fn console_log(&self) -> anyhow::Result<Vec<String>> {
        self.session().console_log().await
    }

    /// Prints the console and ends the session.
    pub async fn close(mut self) -> anyhow::Result<()> {
        self.print_console().await;
        match self.session.take() {
            Some(session) => session.close().await,
            None => Ok(()),
        }
    }

    fn session(&self) -> &Session {
        // Only `close` takes the session out, and it consumes the browser.
        self.session
            .as_ref()
            .unwrap_or_else(|| unreachable!("session already closed"))
    }

    async fn print_console(&self) {
        match self.console_log().await {
            Ok(lines) if lines.is_empty() => {}
            Ok(lines) => eprintln!("browser console:\n  {}", lines.join("\n  ")),
            Err(e) => eprintln!("could not read the browser console: {e}"),
        }
    }
}

impl Drop for Browser {
    /// A test that failed before `close` prints the console too. `block_in_place` needs the
    /// multi-thread runtime, hence `#[tokio::test(flavor = "multi_thread")]` on every test (the
    /// session's own drop needs it as well, to end Chromium before its profile goes).
    fn drop(&mut self) {
        if self.session.is_none() {
            return;
        }
        if let Ok(handle) = tokio::runtime::Handle::try_current() {
            tokio::task::block_in_place(|| handle.block_on(self.print_console()));
        }
    }
}
