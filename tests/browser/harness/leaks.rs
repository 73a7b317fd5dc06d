//! What must never show: secrets in the page, the console or the address.

use anyhow::{anyhow, ensure};

use super::*;

impl Page {
    // ----- what must not leak -----

    /// Fails if any of `secrets` (name, value) is in localStorage or sessionStorage (keys and
    /// values), document.cookie, the URL or document.documentElement.outerHTML; `when` says
    /// at what point of the test.
    pub async fn ensure_no_secret_in_page(
        &self,
        secrets: &[(&str, &str)],
        when: &str,
    ) -> anyhow::Result<()> {
        const DUMP: &str = "
            const dump = (storage) => {
                const all = [];
                for (let i = 0; i < storage.length; i++) {
                    const key = storage.key(i);
                    all.push(key + '=' + storage.getItem(key));
                }
                return all.join('\\n');
            };
            return [
                ['localStorage', dump(window.localStorage)],
                ['sessionStorage', dump(window.sessionStorage)],
                ['document.cookie', document.cookie],
                ['location.href', location.href],
                ['outerHTML', document.documentElement.outerHTML],
            ];";
        let places = self.client().execute(DUMP, vec![]).await?;
        let places: Vec<(String, String)> = serde_json::from_value(places.clone())
            .map_err(|e| anyhow!("the storage probe returned {places} ({e})"))?;
        let mut leaks = Vec::new();
        for (place, content) in &places {
            for (name, secret) in secrets {
                if content.contains(secret) {
                    leaks.push(format!("{name} ({secret:?}) is in {place}"));
                }
            }
        }
        ensure!(
            leaks.is_empty(),
            "{when}, secrets are left in the page:\n  {}",
            leaks.join("\n  ")
        );
        Ok(())
    }

    /// The whole browser console up to now, as `console_log`, but sure to hold everything
    /// logged before the call: a marker is logged and awaited (the last line is the marker).
    pub async fn console_log_flushed(&self) -> anyhow::Result<Vec<String>> {
        static PROBES: AtomicU32 = AtomicU32::new(0);
        let mark = format!(
            "console probe {}: the browser tests read this console",
            PROBES.fetch_add(1, Ordering::Relaxed)
        );
        let script = format!("console.warn({mark:?});");
        self.client().execute(&script, vec![]).await?;
        wait_until("the console probe to reach the log", WAIT_LIMIT, || async {
            let lines = self.console_log().await?;
            Ok(if lines.iter().any(|line| line.contains(&mark)) {
                Probe::Done(lines)
            } else {
                Probe::NotYet(format!("{} lines without the probe", lines.len()))
            })
        })
        .await
    }

    /// Fails if any of `secrets` (name, value), or a Rust panic, shows in the browser console
    /// so far. A marker logged first and awaited proves that the console is being read.
    pub async fn ensure_console_clean(&self, secrets: &[(&str, &str)]) -> anyhow::Result<()> {
        let lines = self.console_log_flushed().await?;
        let mut bad = Vec::new();
        for line in &lines {
            if line.to_lowercase().contains("panicked") {
                bad.push(format!("a panic: {line}"));
            }
            for (name, secret) in secrets {
                if line.contains(secret) {
                    bad.push(format!("{name} ({secret:?}): {line}"));
                }
            }
        }
        ensure!(
            bad.is_empty(),
            "the browser console shows:\n  {}",
            bad.join("\n  ")
        );
        Ok(())
    }
}

/// Every secret of a Login session with `tokens`, where `NEW_PASSWORD` was typed as the mail
/// server's password: (what it is, the secret).
pub fn login_secrets<'a>(tokens: &[&'a str]) -> Vec<(&'static str, &'a str)> {
    let mut secrets: Vec<(&'static str, &'a str)> = vec![
        ("the Command Center password", DEFAULT_LOGIN_PASSWORD),
        (
            "the Command Center password in base64",
            LOGIN_PASSWORD_BASE64,
        ),
        ("the SMTP password typed", NEW_PASSWORD),
        ("the SMTP password typed, in base64", NEW_PASSWORD_BASE64),
        ("the fake's static token", DEFAULT_TOKEN),
    ];
    secrets.extend(tokens.iter().map(|token| ("a Login token", *token)));
    secrets
}
