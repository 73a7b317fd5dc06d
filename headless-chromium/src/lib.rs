//! Headless Chromium behind chromedriver, driven with fantoccini: the one launcher of the browser
//! tests (`tests/browser`) and of `cargo xtask bench`.
//!
//! A [`ChromeDriver`] is a chromedriver child process on a free loopback port. Each [`Session`]
//! on it is one Chromium with a profile folder of its own, driven through a fantoccini
//! [`Client`], plus the two things fantoccini has no method for: DevTools (CDP) commands and the
//! browser console.
//!
//! Cleaning up matters more than anything else here: chromedriver runs in a process group of its
//! own, which the Chromiums it starts join. A session that is dropped, on errors too, ends its
//! WebDriver session; one that cannot be ended has the whole group ended. chromedriver and
//! everything left in its group are killed once the last session and handle on it are gone, and
//! then each profile folder is removed.
//!
//! The env vars `CHROMIUM` and `CHROMEDRIVER` say where the binaries are when they are not at
//! [`DEFAULT_CHROMIUM`] and [`DEFAULT_CHROMEDRIVER`] (what `cargo xtask setup` installs).

use std::{
    env,
    net::Ipv4Addr,
    os::unix::process::CommandExt,
    path::Path,
    process::{Child, Command, Stdio},
    sync::{Arc, Mutex},
    time::{Duration, Instant},
};

use anyhow::{anyhow, bail, ensure, Context};
use fantoccini::{
    wd::{Capabilities, WebDriverCompatibleCommand},
    Client, ClientBuilder,
};
use serde_json::{json, Value};
use tokio::runtime::{Handle, RuntimeFlavor};

pub use anyhow::{Error, Result};

/// Where Chromium is unless the env var `CHROMIUM` says otherwise.
pub const DEFAULT_CHROMIUM: &str = "/usr/bin/chromium";
/// chromedriver is taken from PATH unless the env var `CHROMEDRIVER` says otherwise.
pub const DEFAULT_CHROMEDRIVER: &str = "chromedriver";

/// What Chromium needs to run headless as root in a container, and nothing that runs on its own
/// in the background (updates, sync, safe-browsing lists) and would skew timings or reach out.
const CHROMIUM_FLAGS: &[&str] = &[
    // "=new" spelled out: on a Chromium old enough to still have the old headless mode, plain
    // `--headless` would pick that one, which renders differently.
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    // Docker's /dev/shm is 64 MB, too small for Chromium's shared memory.
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    // The same viewport on every machine.
    "--window-size=1280,900",
];

const DRIVER_START_LIMIT: Duration = Duration::from_secs(20);
const POLL_EVERY: Duration = Duration::from_millis(50);
/// Starting Chromium on a busy 2-core machine can take a while.
const SESSION_START_LIMIT: Duration = Duration::from_secs(60);
/// A DevTools command or a console read; neither waits for the page.
const COMMAND_LIMIT: Duration = Duration::from_secs(30);
const CLOSE_LIMIT: Duration = Duration::from_secs(10);

/// A chromedriver process on a loopback port. Clones share it; it is killed when the last clone
/// and the last [`Session`] on it are dropped.
#[derive(Clone)]
pub struct ChromeDriver(Arc<DriverProcess>);

struct DriverProcess {
    port: u16,
    process: Child,
}

impl DriverProcess {
    /// Kills chromedriver and whatever of Chromium still runs in its process group.
    fn kill_group(&self) {
        let _ = Command::new("kill")
            .args(["-KILL", "--", &format!("-{}", self.process.id())])
            .stderr(Stdio::null())
            .status();
    }
}

impl Drop for DriverProcess {
    fn drop(&mut self) {
        self.kill_group();
        let _ = self.process.wait();
    }
}

impl ChromeDriver {
    /// Starts chromedriver and returns once it takes connections.
    pub async fn start() -> Result<ChromeDriver> {
        let binary = env::var("CHROMEDRIVER").unwrap_or_else(|_| DEFAULT_CHROMEDRIVER.to_owned());
        let port = free_port().await?;
        let process = Command::new(&binary)
            .arg(format!("--port={port}"))
            // A group of its own, which the Chromiums it starts join: see `kill_group`.
            .process_group(0)
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .with_context(|| {
                format!("cannot start `{binary}` (run `cargo xtask setup`, or set CHROMEDRIVER)")
            })?;
        // Owned from here on, so that an error below kills it.
        let mut driver = DriverProcess { port, process };
        let address = (Ipv4Addr::LOCALHOST, port).into();
        wait_until_listening(address, DRIVER_START_LIMIT, || driver.process.try_wait())
            .await
            .with_context(|| format!("`{binary}` did not start"))?;
        Ok(ChromeDriver(Arc::new(driver)))
    }

    /// The WebDriver endpoint, for fantoccini.
    pub fn url(&self) -> String {
        format!("http://127.0.0.1:{}", self.0.port)
    }

    /// A new Chromium with a fresh profile: no HTTP cache, no compiled code, no storage.
    pub async fn session(&self, console: Console) -> Result<Session> {
        let profile = tempfile::Builder::new()
            .prefix("headless-chromium-")
            .tempdir()
            .context("cannot create a Chromium profile folder")?;
        let binary = env::var("CHROMIUM").unwrap_or_else(|_| DEFAULT_CHROMIUM.to_owned());
        let mut builder =
            ClientBuilder::new(hyper_util::client::legacy::connect::HttpConnector::new());
        builder.capabilities(capabilities(&binary, profile.path(), console));
        let client = tokio::time::timeout(SESSION_START_LIMIT, builder.connect(&self.url()))
            .await
            .map_err(|_| anyhow!("no Chromium session within {SESSION_START_LIMIT:?}"))
            .and_then(|connected| connected.map_err(Error::from))
            .with_context(|| {
                format!("cannot start a Chromium session with {binary} (set CHROMIUM?)")
            })?;
        let id = client
            .session_creation_response()
            .map(|response| response.session_id().to_owned())
            .context("chromedriver started a session without an id")?;
        let browser_version = client
            .capabilities()
            .and_then(|capabilities| capabilities.get("browserVersion")?.as_str())
            .unwrap_or("unknown")
            .to_owned();
        Ok(Session {
            client: Some(client),
            id,
            browser_version,
            console: (console == Console::Recorded).then(Mutex::default),
            driver: self.clone(),
            _profile: profile,
        })
    }
}

/// Whether a session keeps the browser console for [`Session::console_log`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Console {
    /// Every console entry, all levels (`goog:loggingPrefs`).
    Recorded,
    /// No console log asked for (the page runs as it would without WebDriver's logging
    /// preferences); [`Session::console_log`] refuses.
    Ignored,
}

/// One Chromium with a profile of its own, ended when dropped.
pub struct Session {
    /// `None` once closed.
    client: Option<Client>,
    id: String,
    browser_version: String,
    /// Every console line read so far: chromedriver hands out each entry only once.
    console: Option<Mutex<Vec<String>>>,
    // Dropped in this order, after `drop` below ended the session: chromedriver and its process
    // group (if this was the last user), then the profile folder, which Chromium writes into
    // until its last process is gone.
    driver: ChromeDriver,
    _profile: tempfile::TempDir,
}

impl Session {
    /// A session on a chromedriver of its own, which ends with it.
    pub async fn launch(console: Console) -> Result<Session> {
        ChromeDriver::start().await?.session(console).await
    }

    pub fn client(&self) -> &Client {
        // Only `close` and `drop` take the client out, and both consume the session.
        self.client
            .as_ref()
            .unwrap_or_else(|| unreachable!("session already closed"))
    }

    /// The Chromium version chromedriver reported when the session started.
    pub fn browser_version(&self) -> &str {
        &self.browser_version
    }

    /// A DevTools protocol command, e.g. `Page.addScriptToEvaluateOnNewDocument`; its result.
    pub async fn cdp(&self, command: &str, params: Value) -> Result<Value> {
        let body = json!({ "cmd": command, "params": params });
        self.command("goog/cdp/execute", body)
            .await
            .with_context(|| format!("DevTools command {command} failed"))
    }

    /// The browser console since the session started, one "LEVEL message" line per entry.
    /// Needs [`Console::Recorded`].
    pub async fn console_log(&self) -> Result<Vec<String>> {
        let Some(console) = &self.console else {
            bail!("the console is not recorded: the session was started with Console::Ignored");
        };
        let entries = self
            .command("se/log", json!({ "type": "browser" }))
            .await
            .context("cannot read the browser console")?;
        let mut seen = console.lock().unwrap_or_else(|e| e.into_inner());
        seen.extend(log_lines(&entries));
        Ok(seen.clone())
    }

    /// Ends the session and Chromium with it.
    pub async fn close(mut self) -> Result<()> {
        match self.client.take() {
            Some(client) => tokio::time::timeout(CLOSE_LIMIT, client.close())
                .await
                .map_err(|_| anyhow!("Chromium did not close within {CLOSE_LIMIT:?}"))?
                .context("cannot end the Chromium session"),
            None => Ok(()),
        }
    }

    /// A chromedriver command under this session that fantoccini has no method for.
    async fn command(&self, path: &'static str, body: Value) -> Result<Value> {
        let command = SessionCommand {
            session: self.id.clone(),
            path,
            body,
        };
        tokio::time::timeout(COMMAND_LIMIT, self.client().issue_cmd(command))
            .await
            .map_err(|_| anyhow!("chromedriver did not answer {path} within {COMMAND_LIMIT:?}"))?
            .map_err(Error::from)
    }
}

impl Drop for Session {
    /// Waiting for the session to end needs `block_in_place`, so a multi-thread runtime. On any
    /// other, and when the session does not end in time, chromedriver's process group is ended
    /// (with every other session on that chromedriver): call [`Session::close`] to end one
    /// cleanly.
    fn drop(&mut self) {
        let Some(client) = self.client.take() else {
            return;
        };
        let ended = match Handle::try_current() {
            Ok(handle) if handle.runtime_flavor() == RuntimeFlavor::MultiThread => {
                tokio::task::block_in_place(|| {
                    handle.block_on(async {
                        matches!(
                            tokio::time::timeout(CLOSE_LIMIT, client.close()).await,
                            Ok(Ok(()))
                        )
                    })
                })
            }
            _ => false,
        };
        if !ended {
            self.driver.0.kill_group();
        }
    }
}

/// A chromedriver extension endpoint under the session: POST `/session/{id}/{path}`.
#[derive(Debug)]
struct SessionCommand {
    session: String,
    path: &'static str,
    body: Value,
}

impl WebDriverCompatibleCommand for SessionCommand {
    fn endpoint(
        &self,
        base_url: &url::Url,
        _session_id: Option<&str>,
    ) -> Result<url::Url, url::ParseError> {
        base_url.join(&format!("session/{}/{}", self.session, self.path))
    }

    fn method_and_body(&self, _request_url: &url::Url) -> (http::Method, Option<String>) {
        (http::Method::POST, Some(self.body.to_string()))
    }
}

fn capabilities(chromium: &str, profile: &Path, console: Console) -> Capabilities {
    let mut args: Vec<String> = CHROMIUM_FLAGS.iter().map(|&flag| flag.to_owned()).collect();
    args.push(format!("--user-data-dir={}", profile.display()));
    let mut capabilities = Capabilities::new();
    capabilities.insert("browserName".into(), json!("chrome"));
    capabilities.insert(
        "goog:chromeOptions".into(),
        json!({ "binary": chromium, "args": args }),
    );
    if console == Console::Recorded {
        capabilities.insert("goog:loggingPrefs".into(), json!({ "browser": "ALL" }));
    }
    capabilities
}

/// chromedriver's log entries as "LEVEL message" lines.
fn log_lines(entries: &Value) -> Vec<String> {
    entries
        .as_array()
        .into_iter()
        .flatten()
        .map(|entry| {
            format!(
                "{} {}",
                entry["level"].as_str().unwrap_or("?"),
                entry["message"].as_str().unwrap_or_default()
            )
        })
        .collect()
}

/// Waits until a process this one started takes connections on `address`: chromedriver, and
/// the browser tests' nginx. `exited` says whether it has ended meanwhile (then it never will).
pub async fn wait_until_listening(
    address: std::net::SocketAddr,
    limit: Duration,
    mut exited: impl FnMut() -> std::io::Result<Option<std::process::ExitStatus>>,
) -> Result<()> {
    let deadline = Instant::now() + limit;
    while tokio::net::TcpStream::connect(address).await.is_err() {
        if let Some(status) = exited()? {
            bail!("it exited ({status}) before it took connections on {address}");
        }
        ensure!(
            Instant::now() < deadline,
            "it took no connections on {address} within {limit:?}"
        );
        tokio::time::sleep(POLL_EVERY).await;
    }
    Ok(())
}

/// A port that was free a moment ago.
async fn free_port() -> Result<u16> {
    let listener = tokio::net::TcpListener::bind((Ipv4Addr::LOCALHOST, 0))
        .await
        .context("cannot listen on a loopback port")?;
    Ok(listener.local_addr()?.port())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn asks_for_a_headless_chromium_with_its_own_profile() {
        let profile = Path::new("/tmp/profile-7");
        let recorded = capabilities("/opt/chromium", profile, Console::Recorded);
        let options = &recorded["goog:chromeOptions"];
        assert_eq!(options["binary"], "/opt/chromium");
        let args: Vec<&str> = options["args"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(Value::as_str)
            .collect();
        for flag in [
            "--headless=new",
            "--no-sandbox",
            "--disable-gpu",
            "--window-size=1280,900",
            "--user-data-dir=/tmp/profile-7",
        ] {
            assert!(args.contains(&flag), "{flag} missing from {args:?}");
        }
        assert_eq!(recorded["goog:loggingPrefs"], json!({ "browser": "ALL" }));
        let ignored = capabilities("/opt/chromium", profile, Console::Ignored);
        assert!(!ignored.contains_key("goog:loggingPrefs"));
    }

    #[test]
    fn session_commands_go_under_the_session() -> Result<()> {
        let command = SessionCommand {
            session: "abc".into(),
            path: "goog/cdp/execute",
            body: json!({ "cmd": "Browser.getVersion", "params": {} }),
        };
        let base = url::Url::parse("http://127.0.0.1:9515")?;
        let endpoint = command.endpoint(&base, Some("ignored"))?;
        assert_eq!(
            endpoint.as_str(),
            "http://127.0.0.1:9515/session/abc/goog/cdp/execute"
        );
        let (method, body) = command.method_and_body(&endpoint);
        assert_eq!(method, http::Method::POST);
        let body: Value = serde_json::from_str(&body.context("no body")?)?;
        assert_eq!(body["cmd"], "Browser.getVersion");
        Ok(())
    }

    #[test]
    fn console_entries_become_lines() {
        let entries = json!([
            { "level": "WARNING", "message": "console-api 1:2 \"hi\"", "source": "console-api" },
            { "level": "SEVERE" },
            "not an entry",
        ]);
        assert_eq!(
            log_lines(&entries),
            ["WARNING console-api 1:2 \"hi\"", "SEVERE ", "? "]
        );
        assert!(log_lines(&json!({ "error": "no such session" })).is_empty());
    }

    #[test]
    fn a_dropped_driver_takes_its_process_group_along() -> Result<()> {
        use std::io::BufRead;
        // A stand-in for chromedriver that started a Chromium: a shell with a child of its own,
        // which prints the child's process id.
        let mut shell = Command::new("sh")
            .args(["-c", "sleep 600 & echo $!; wait"])
            .process_group(0)
            .stdout(Stdio::piped())
            .spawn()?;
        let mut line = String::new();
        std::io::BufReader::new(shell.stdout.take().context("no stdout")?).read_line(&mut line)?;
        let child = line.trim().to_owned();
        let alive = || Path::new("/proc").join(&child).join("stat");
        assert!(alive().exists(), "the child {child} is not running");
        drop(DriverProcess {
            port: 0,
            process: shell,
        });
        // Killed, then reaped by init: gone, or a zombie for a moment.
        let deadline = Instant::now() + Duration::from_secs(10);
        while std::fs::read_to_string(alive()).is_ok_and(|stat| !stat.contains(") Z ")) {
            assert!(
                Instant::now() < deadline,
                "the child {child} outlived its group"
            );
            std::thread::sleep(POLL_EVERY);
        }
        Ok(())
    }

    /// Needs Chromium and chromedriver (`cargo xtask setup`): `cargo test -p headless-chromium
    /// -- --ignored`.
    #[test]
    #[ignore]
    fn drives_a_real_chromium() -> Result<()> {
        let runtime = tokio::runtime::Builder::new_multi_thread()
            .enable_all()
            .build()?;
        runtime.block_on(async {
            let driver = ChromeDriver::start().await?;
            let session = driver.session(Console::Recorded).await?;
            assert_ne!(session.browser_version(), "unknown");
            let version = session.cdp("Browser.getVersion", json!({})).await?;
            assert!(version["product"].is_string(), "{version}");
            session
                .client()
                .execute("console.warn('headless-chromium says hi');", vec![])
                .await?;
            let lines = session.console_log().await?;
            assert!(
                lines
                    .iter()
                    .any(|l| l.starts_with("WARNING") && l.contains("says hi")),
                "{lines:?}"
            );
            session.close().await?;
            // A second session on the same driver, dropped instead of closed.
            let second = driver.session(Console::Ignored).await?;
            assert!(second.console_log().await.is_err());
            drop(second);
            anyhow::Ok(())
        })
    }
}
