//! Just enough WebDriver to drive headless Chromium for the bench: chromedriver as a child
//! process, sessions with a fresh profile each, and the DevTools (CDP) commands chromedriver
//! passes through at `/session/{id}/goog/cdp/execute`.
//!
//! A dozen JSON requests over plain HTTP/1.1 on loopback do not need a WebDriver crate and the
//! async runtime and HTTP stack that come with it: every `cargo xtask` command would compile them.
//!
//! Cleaning up matters more than anything else here: every session is ended, its Chromium killed
//! should ending it fail, and its profile folder removed, when it is dropped, on errors too.

use std::{
    env,
    io::{Read, Write},
    net::{Ipv4Addr, TcpListener, TcpStream},
    path::{Path, PathBuf},
    process::{Child, Command, Stdio},
    sync::atomic::{AtomicU32, Ordering},
    thread,
    time::{Duration, Instant},
};

use anyhow::{bail, ensure, Context};
use serde_json::{json, Value};

/// Where Chromium is unless the env var CHROMIUM says otherwise (as for the browser tests).
const DEFAULT_CHROMIUM: &str = "/usr/bin/chromium";
/// chromedriver is taken from PATH unless the env var CHROMEDRIVER says otherwise.
const DEFAULT_CHROMEDRIVER: &str = "chromedriver";

/// What Chromium needs to run headless as root in a container, and nothing that runs on its
/// own in the background (updates, sync, safe-browsing lists) and would skew the timings.
const CHROMIUM_FLAGS: &[&str] = &[
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    // The same viewport on every machine, as in the browser tests.
    "--window-size=1280,900",
];

const DRIVER_START_LIMIT: Duration = Duration::from_secs(20);
/// Starting Chromium on a busy 2-core machine can take a while.
const SESSION_START_LIMIT: Duration = Duration::from_secs(60);
const COMMAND_LIMIT: Duration = Duration::from_secs(60);
const CLOSE_LIMIT: Duration = Duration::from_secs(10);

/// The W3C WebDriver key under which an element reference comes back.
const ELEMENT_KEY: &str = "element-6066-11e4-a52e-4f735466cecf";

/// A chromedriver process on a loopback port, killed when dropped.
pub struct ChromeDriver {
    port: u16,
    process: Child,
}

impl ChromeDriver {
    pub fn start() -> anyhow::Result<ChromeDriver> {
        let binary = env::var("CHROMEDRIVER").unwrap_or_else(|_| DEFAULT_CHROMEDRIVER.to_owned());
        let port = free_port()?;
        let process = Command::new(&binary)
            .arg(format!("--port={port}"))
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .with_context(|| {
                format!("cannot start `{binary}` (run `cargo xtask setup`, or set CHROMEDRIVER)")
            })?;
        let mut driver = ChromeDriver { port, process };
        let deadline = Instant::now() + DRIVER_START_LIMIT;
        loop {
            if let Ok(status) = http(port, "GET", "/status", None, Duration::from_secs(2)) {
                if status["value"]["ready"] == json!(true) {
                    return Ok(driver);
                }
            }
            if let Some(status) = driver.process.try_wait()? {
                bail!("`{binary}` exited ({status}) before it was ready");
            }
            ensure!(
                Instant::now() < deadline,
                "`{binary}` was not ready after {DRIVER_START_LIMIT:?}"
            );
            thread::sleep(Duration::from_millis(50));
        }
    }

    /// A WebDriver command; its `value`, or the error chromedriver reports.
    fn request(&self, method: &str, path: &str, body: Option<&Value>) -> anyhow::Result<Value> {
        webdriver_value(
            http(self.port, method, path, body, COMMAND_LIMIT)?,
            method,
            path,
        )
    }
}

impl Drop for ChromeDriver {
    fn drop(&mut self) {
        let _ = self.process.kill();
        let _ = self.process.wait();
    }
}

/// A Chromium profile folder of its own under the temp dir, removed when dropped.
pub struct Profile(PathBuf);

impl Profile {
    pub fn create() -> anyhow::Result<Profile> {
        static COUNTER: AtomicU32 = AtomicU32::new(0);
        let n = COUNTER.fetch_add(1, Ordering::Relaxed);
        let dir = env::temp_dir().join(format!("xtask-bench-{}-{n}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir)
            .with_context(|| format!("cannot create {}", dir.display()))?;
        Ok(Profile(dir))
    }
}

impl Drop for Profile {
    fn drop(&mut self) {
        // Chromium writes into its profile until its last process is gone, so that comes first.
        kill_processes_using(&self.0);
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// One Chromium with a fresh profile, ended when dropped.
pub struct Session<'driver> {
    driver: &'driver ChromeDriver,
    id: String,
    pub browser_version: String,
    // Dropped after `drop` below ended the session: its folder goes once Chromium is gone.
    _profile: Profile,
}

impl<'driver> Session<'driver> {
    pub fn start(driver: &'driver ChromeDriver) -> anyhow::Result<Session<'driver>> {
        let profile = Profile::create()?;
        let binary = env::var("CHROMIUM").unwrap_or_else(|_| DEFAULT_CHROMIUM.to_owned());
        let mut args: Vec<String> = CHROMIUM_FLAGS.iter().map(|&f| f.to_owned()).collect();
        args.push(format!("--user-data-dir={}", profile.0.display()));
        let capabilities = json!({
            "capabilities": {
                "alwaysMatch": {
                    "browserName": "chrome",
                    "goog:chromeOptions": { "binary": binary, "args": args },
                }
            }
        });
        let answer = http(
            driver.port,
            "POST",
            "/session",
            Some(&capabilities),
            SESSION_START_LIMIT,
        )
        .and_then(|answer| webdriver_value(answer, "POST", "/session"))
        .with_context(|| {
            format!("cannot start a Chromium session with {binary} (set CHROMIUM?)")
        })?;
        let id = answer["sessionId"]
            .as_str()
            .context("chromedriver's new session has no sessionId")?
            .to_owned();
        let browser_version = answer["capabilities"]["browserVersion"]
            .as_str()
            .unwrap_or("unknown")
            .to_owned();
        Ok(Session {
            driver,
            id,
            browser_version,
            _profile: profile,
        })
    }

    fn command(&self, method: &str, path: &str, body: Option<&Value>) -> anyhow::Result<Value> {
        self.driver
            .request(method, &format!("/session/{}{path}", self.id), body)
    }

    /// A DevTools protocol command, e.g. `Page.addScriptToEvaluateOnNewDocument`.
    pub fn cdp(&self, command: &str, params: Value) -> anyhow::Result<Value> {
        self.command(
            "POST",
            "/goog/cdp/execute",
            Some(&json!({ "cmd": command, "params": params })),
        )
        .with_context(|| format!("DevTools command {command} failed"))
    }

    /// Opens `url`; WebDriver returns once the page's `load` event has fired.
    pub fn goto(&self, url: &str) -> anyhow::Result<()> {
        self.command("POST", "/url", Some(&json!({ "url": url })))?;
        Ok(())
    }

    /// Runs `script` as a function body in the page and returns what it returns.
    pub fn execute(&self, script: &str, args: Value) -> anyhow::Result<Value> {
        self.command(
            "POST",
            "/execute/sync",
            Some(&json!({ "script": script, "args": args })),
        )
    }

    /// Runs `script`, which calls its last argument when done, and returns what it passed.
    pub fn execute_async(&self, script: &str, args: Value) -> anyhow::Result<Value> {
        self.command(
            "POST",
            "/execute/async",
            Some(&json!({ "script": script, "args": args })),
        )
    }

    /// How long an `execute_async` script may take.
    pub fn set_script_timeout(&self, limit: Duration) -> anyhow::Result<()> {
        let millis = u64::try_from(limit.as_millis()).unwrap_or(u64::MAX);
        self.command("POST", "/timeouts", Some(&json!({ "script": millis })))?;
        Ok(())
    }

    /// The reference of the element `css` selects.
    pub fn find(&self, css: &str) -> anyhow::Result<String> {
        let found = self.command(
            "POST",
            "/element",
            Some(&json!({ "using": "css selector", "value": css })),
        )?;
        Ok(found[ELEMENT_KEY]
            .as_str()
            .with_context(|| format!("no element reference for `{css}` in {found}"))?
            .to_owned())
    }

    /// Types `text` into the element as key presses (trusted events, like a person's).
    pub fn send_keys(&self, element: &str, text: &str) -> anyhow::Result<()> {
        self.command(
            "POST",
            &format!("/element/{element}/value"),
            Some(&json!({ "text": text })),
        )?;
        Ok(())
    }
}

impl Drop for Session<'_> {
    fn drop(&mut self) {
        // Ends Chromium; should that fail, `Profile` kills what is left of it.
        let path = format!("/session/{}", self.id);
        let _ = http(self.driver.port, "DELETE", &path, None, CLOSE_LIMIT);
    }
}

/// Kills, by process id, what still runs with `dir` in its command line: the Chromium processes
/// (browser, renderers, GPU and crash handlers) of a session that could not be ended. The
/// profile folder is this run's own, so nothing else can match.
fn kill_processes_using(dir: &Path) {
    let needle = dir.to_string_lossy().into_owned();
    let Ok(entries) = std::fs::read_dir("/proc") else {
        return;
    };
    let own = std::process::id().to_string();
    for entry in entries.flatten() {
        let pid = entry.file_name().to_string_lossy().into_owned();
        if pid == own || !pid.bytes().all(|b| b.is_ascii_digit()) {
            continue;
        }
        let Ok(cmdline) = std::fs::read(entry.path().join("cmdline")) else {
            continue;
        };
        if String::from_utf8_lossy(&cmdline).contains(&needle) {
            let _ = Command::new("kill")
                .args(["-KILL", &pid])
                .stderr(Stdio::null())
                .status();
        }
    }
}

/// A port that was free a moment ago.
fn free_port() -> anyhow::Result<u16> {
    let listener = TcpListener::bind((Ipv4Addr::LOCALHOST, 0))?;
    Ok(listener.local_addr()?.port())
}

/// The `value` of a WebDriver answer, or the WebDriver error it reports.
fn webdriver_value(answer: Value, method: &str, path: &str) -> anyhow::Result<Value> {
    let mut answer = answer;
    let value = answer["value"].take();
    if let Some(error) = value["error"].as_str() {
        let message = value["message"].as_str().unwrap_or_default();
        // The first line says it; the rest is chromedriver's stack trace.
        let message = message.lines().next().unwrap_or_default();
        bail!("WebDriver {method} {path}: {error}: {message}");
    }
    Ok(value)
}

/// One HTTP/1.1 exchange with chromedriver on loopback, JSON in and out.
fn http(
    port: u16,
    method: &str,
    path: &str,
    body: Option<&Value>,
    limit: Duration,
) -> anyhow::Result<Value> {
    let body = body.map(Value::to_string).unwrap_or_default();
    let mut stream = TcpStream::connect((Ipv4Addr::LOCALHOST, port))
        .with_context(|| format!("cannot reach chromedriver on port {port}"))?;
    stream.set_read_timeout(Some(limit))?;
    stream.set_write_timeout(Some(limit))?;
    write!(
        stream,
        "{method} {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nContent-Type: application/json\r\n\
         Content-Length: {}\r\nConnection: close\r\n\r\n{body}",
        body.len()
    )?;
    // chromedriver sends Content-Length but may keep the connection open regardless: read the
    // head, then exactly that many bytes.
    let mut received = Vec::new();
    let head_end = loop {
        if let Some(at) = received.windows(4).position(|w| w == b"\r\n\r\n") {
            break at + 4;
        }
        read_more(&mut stream, &mut received, method, path, limit)?;
    };
    let head = String::from_utf8_lossy(&received[..head_end]).to_ascii_lowercase();
    let length = head
        .lines()
        .find_map(|line| line.strip_prefix("content-length:"))
        .and_then(|n| n.trim().parse::<usize>().ok())
        .with_context(|| format!("chromedriver answered {method} {path} without a length"))?;
    while received.len() < head_end + length {
        read_more(&mut stream, &mut received, method, path, limit)?;
    }
    let payload = &received[head_end..head_end + length];
    serde_json::from_slice(payload).with_context(|| {
        format!(
            "chromedriver answered {method} {path} with no JSON: {}",
            String::from_utf8_lossy(payload)
        )
    })
}

fn read_more(
    stream: &mut TcpStream,
    into: &mut Vec<u8>,
    method: &str,
    path: &str,
    limit: Duration,
) -> anyhow::Result<()> {
    let mut chunk = [0u8; 16 * 1024];
    let n = stream
        .read(&mut chunk)
        .with_context(|| format!("chromedriver did not answer {method} {path} within {limit:?}"))?;
    ensure!(
        n > 0,
        "chromedriver closed the connection answering {method} {path}"
    );
    into.extend_from_slice(&chunk[..n]);
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reports_webdriver_errors() -> anyhow::Result<()> {
        let ok = webdriver_value(json!({"value": {"sessionId": "abc"}}), "POST", "/session")?;
        assert_eq!(ok["sessionId"], "abc");
        let err = webdriver_value(
            json!({"value": {"error": "no such element", "message": "gone\n  at stack"}}),
            "POST",
            "/session/1/element",
        )
        .err()
        .context("an error passed")?;
        assert_eq!(
            err.to_string(),
            "WebDriver POST /session/1/element: no such element: gone"
        );
        Ok(())
    }
}
