//! One chromedriver process and one headless Chromium session per test.
//!
//! The driver is a child process on a free loopback port, killed when dropped; the browser
//! gets a fresh profile folder that is removed when dropped. `Browser` closes its WebDriver
//! session on drop too (so a failing test leaves no Chromium behind).

use std::path::{Path, PathBuf};
use std::process::Stdio;
use std::sync::atomic::{AtomicU32, Ordering};
use std::sync::Mutex;
use std::time::Duration;

use fantoccini::{Client, ClientBuilder};
use serde_json::{json, Value};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};
use tokio::process::{Child, Command};

use crate::harness::{wait_until, Failure, Outcome, Probe};

/// How long chromedriver may take to answer its first /status.
const DRIVER_START_LIMIT: Duration = Duration::from_secs(20);
/// How long one plain HTTP exchange with chromedriver may take.
const HTTP_LIMIT: Duration = Duration::from_secs(10);
/// How long closing a session may take when a test is torn down.
const CLOSE_LIMIT: Duration = Duration::from_secs(10);

const CHROME_ARGS: &[&str] = &[
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--window-size=1280,900",
];

/// A running chromedriver on 127.0.0.1.
struct ChromeDriver {
    port: u16,
    _process: Child,
}

impl ChromeDriver {
    async fn start() -> Outcome<Self> {
        let port = free_port().await?;
        let binary = std::env::var("CHROMEDRIVER").unwrap_or_else(|_| "chromedriver".into());
        let process = Command::new(&binary)
            .arg(format!("--port={port}"))
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .kill_on_drop(true)
            .spawn()
            .map_err(|e| {
                Failure::new(format!("cannot start `{binary}` (set CHROMEDRIVER?): {e}"))
            })?;
        let driver = Self {
            port,
            _process: process,
        };
        driver.wait_until_ready().await?;
        Ok(driver)
    }

    fn url(&self) -> String {
        format!("http://127.0.0.1:{}", self.port)
    }

    /// Polls GET /status until chromedriver says it is ready.
    async fn wait_until_ready(&self) -> Outcome {
        let what = format!("chromedriver on port {} to be ready", self.port);
        wait_until(&what, DRIVER_START_LIMIT, || async {
            Ok(match http_json(self.port, "GET", "/status", None).await {
                Ok(status) if status["value"]["ready"] == json!(true) => Probe::Done(()),
                Ok(status) => Probe::NotYet(status.to_string()),
                Err(e) => Probe::NotYet(e.to_string()),
            })
        })
        .await
    }
}

/// A fresh Chromium profile folder under the temp dir, removed when dropped.
struct ProfileDir(PathBuf);

impl ProfileDir {
    fn create() -> Outcome<Self> {
        static COUNTER: AtomicU32 = AtomicU32::new(0);
        let n = COUNTER.fetch_add(1, Ordering::Relaxed);
        let name = format!("commandcenter-email-browser-{}-{n}", std::process::id());
        let dir = std::env::temp_dir().join(name);
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir)
            .map_err(|e| Failure::new(format!("cannot create {}: {e}", dir.display())))?;
        Ok(Self(dir))
    }
}

impl Drop for ProfileDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// A WebDriver session on headless Chromium with its own profile folder.
pub struct Browser {
    /// `None` once the session is closed.
    client: Option<Client>,
    session_id: String,
    /// Every console line read so far (chromedriver hands each entry out only once).
    console: Mutex<Vec<String>>,
    // Dropped in this order: chromedriver ends, then its profile folder goes.
    driver: ChromeDriver,
    _profile: ProfileDir,
}

impl Browser {
    pub async fn launch() -> Outcome<Self> {
        let driver = ChromeDriver::start().await?;
        let profile = ProfileDir::create()?;
        let client = ClientBuilder::new(hyper_util::client::legacy::connect::HttpConnector::new())
            .capabilities(capabilities(&profile.0))
            .connect(&driver.url())
            .await
            .map_err(|e| {
                Failure::new(format!(
                    "cannot start a Chromium session (set CHROMIUM?): {e}"
                ))
            })?;
        let session_id = client.session_id().await?.unwrap_or_default();
        Ok(Self {
            client: Some(client),
            session_id,
            console: Mutex::new(Vec::new()),
            _profile: profile,
            driver,
        })
    }

    pub fn client(&self) -> &Client {
        // Only `close` and `drop` take the client out, and both consume the browser.
        self.client
            .as_ref()
            .unwrap_or_else(|| unreachable!("session already closed"))
    }

    /// The browser console since the session started: one "LEVEL message" line per entry.
    pub async fn console_log(&self) -> Outcome<Vec<String>> {
        let new = self.new_console_lines().await?;
        let mut seen = self.console.lock().unwrap_or_else(|e| e.into_inner());
        seen.extend(new);
        Ok(seen.clone())
    }

    /// The console entries not read yet. Uses chromedriver's log endpoint (`goog:loggingPrefs`
    /// is requested at session start), which hands out each entry once.
    async fn new_console_lines(&self) -> Outcome<Vec<String>> {
        let path = format!("/session/{}/se/log", self.session_id);
        let answer = http_json(
            self.driver.port,
            "POST",
            &path,
            Some(json!({"type": "browser"})),
        )
        .await?;
        let entries = answer["value"].as_array().cloned().unwrap_or_default();
        Ok(entries
            .iter()
            .map(|e| {
                format!(
                    "{} {}",
                    e["level"].as_str().unwrap_or("?"),
                    e["message"].as_str().unwrap_or("")
                )
            })
            .collect())
    }

    /// Prints the console (shown by `cargo test` for failing tests) and ends the session.
    pub async fn close(mut self) -> Outcome {
        self.print_console().await;
        match self.client.take() {
            Some(client) => Ok(client.close().await?),
            None => Ok(()),
        }
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
    /// A test that failed before `close`: print the console and end the session anyway, so
    /// that killing chromedriver does not leave Chromium running. `block_in_place` needs the
    /// multi-thread runtime, hence `#[tokio::test(flavor = "multi_thread")]` on every test.
    fn drop(&mut self) {
        let runtime = tokio::runtime::Handle::try_current();
        if let (Some(client), Ok(handle)) = (self.client.take(), runtime) {
            tokio::task::block_in_place(|| {
                handle.block_on(async {
                    self.print_console().await;
                    let _ = tokio::time::timeout(CLOSE_LIMIT, client.close()).await;
                })
            });
        }
    }
}

fn capabilities(profile: &Path) -> fantoccini::wd::Capabilities {
    let binary = std::env::var("CHROMIUM").unwrap_or_else(|_| "/usr/bin/chromium".into());
    let mut args: Vec<String> = CHROME_ARGS.iter().map(|a| a.to_string()).collect();
    args.push(format!("--user-data-dir={}", profile.display()));
    let caps = json!({
        "browserName": "chrome",
        "goog:chromeOptions": { "binary": binary, "args": args },
        "goog:loggingPrefs": { "browser": "ALL" },
    });
    match caps {
        Value::Object(map) => map,
        _ => unreachable!("capabilities are a JSON object"),
    }
}

/// A port that was free a moment ago (the listener is dropped before returning).
async fn free_port() -> Outcome<u16> {
    let listener = TcpListener::bind("127.0.0.1:0").await?;
    Ok(listener.local_addr()?.port())
}

/// A minimal HTTP/1.1 JSON exchange with chromedriver, for the two calls fantoccini does not
/// offer (/status before a session exists, and the console log).
async fn http_json(port: u16, method: &str, path: &str, body: Option<Value>) -> Outcome<Value> {
    tokio::time::timeout(HTTP_LIMIT, exchange(port, method, path, body))
        .await
        .map_err(|_| {
            Failure::new(format!(
                "chromedriver did not answer {method} {path} within {HTTP_LIMIT:?}"
            ))
        })?
}

async fn exchange(port: u16, method: &str, path: &str, body: Option<Value>) -> Outcome<Value> {
    let body = body.map(|b| b.to_string()).unwrap_or_default();
    let request = format!(
        "{method} {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nContent-Type: application/json\r\n\
         Content-Length: {}\r\nConnection: close\r\n\r\n{body}",
        body.len()
    );
    let mut stream = TcpStream::connect(("127.0.0.1", port)).await?;
    stream.write_all(request.as_bytes()).await?;
    // chromedriver says "Connection: close" but keeps the connection open: read the head,
    // then exactly Content-Length bytes.
    let mut received = Vec::new();
    let head_end = loop {
        if let Some(at) = received.windows(4).position(|w| w == b"\r\n\r\n") {
            break at + 4;
        }
        read_more(&mut stream, &mut received).await?;
    };
    let head = String::from_utf8_lossy(&received[..head_end]).to_ascii_lowercase();
    let length: usize = head
        .lines()
        .find_map(|line| line.strip_prefix("content-length:"))
        .and_then(|n| n.trim().parse().ok())
        .ok_or_else(|| {
            Failure::new(format!(
                "chromedriver answered without Content-Length: {head:?}"
            ))
        })?;
    while received.len() < head_end + length {
        read_more(&mut stream, &mut received).await?;
    }
    let payload = String::from_utf8_lossy(&received[head_end..head_end + length]);
    serde_json::from_str(&payload).map_err(|e| {
        Failure::new(format!(
            "chromedriver answered {method} {path} with non-JSON ({e}): {payload:?}"
        ))
    })
}

async fn read_more(stream: &mut TcpStream, into: &mut Vec<u8>) -> Outcome {
    let mut chunk = [0u8; 8192];
    let n = stream.read(&mut chunk).await?;
    ensure!(n > 0, "chromedriver closed the connection mid-answer");
    into.extend_from_slice(&chunk[..n]);
    Ok(())
}
