//! The nginx recipe of docs/deploy.md, run for real: Debian's nginx (installed by `cargo xtask
//! setup`), started here in the foreground with a prefix of its own, includes
//! docs/deploy/nginx.conf with only its listen address, its root and its upstream filled in, in
//! front of the fake Command Center. The page is signed in to, loads and saves under /tools/email/.

use anyhow::{anyhow, ensure};
use std::collections::HashMap;
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::process::Stdio;
use std::time::Duration;

use tokio::process::{Child, Command};

use crate::harness::{
    demo_fake, http_exchange, language_file, strict_policy, Page, EMAIL_SERVER_PATH,
    LOADED_CONFIGURED,
};

/// The documented server block.
const DOCUMENTED: &str = include_str!("../../docs/deploy/nginx.conf");
/// Where Debian's package puts the brotli module.
const BROTLI_MODULE: &str = "/usr/lib/nginx/modules/ngx_http_brotli_static_module.so";
const START_LIMIT: Duration = Duration::from_secs(10);

#[tokio::test(flavor = "multi_thread")]
#[ignore = "needs the release build, nginx and Chromium: run `cargo xtask test`"]
async fn the_page_signs_in_loads_and_saves_under_a_sub_path_behind_nginx() -> anyhow::Result<()> {
    let fake = demo_fake()?;
    let upstream = fake.spawn_local().await?;
    let nginx = Nginx::start(&dist_with_siblings()?, upstream).await?;

    let redirect = nginx.get("/tools/email", "").await?;
    assert_eq!(redirect.status, 301, "GET /tools/email");
    assert_eq!(
        redirect.header("location"),
        Some("/tools/email/"),
        "the redirect of /tools/email"
    );

    let index = nginx.get("/tools/email/", "br").await?;
    assert_eq!(index.status, 200, "GET /tools/email/");
    assert_eq!(
        index.header("content-security-policy"),
        Some(strict_policy(&[], &[]).as_str()),
        "the policy nginx sends with the page (the one the other browser tests use)"
    );
    assert_eq!(
        index.header("cache-control"),
        Some("no-cache"),
        "index.html's caching"
    );
    for file in ["config.json", "embed.html"] {
        let answer = nginx.get(&format!("/tools/email/{file}"), "").await?;
        assert_eq!(answer.status, 200, "GET /tools/email/{file}");
        assert_eq!(
            answer.header("cache-control"),
            Some("no-cache"),
            "{file}'s caching"
        );
    }

    let wasm = hashed_wasm_name(&dist_with_siblings()?)?;
    let path = format!("/tools/email/{wasm}");
    for (accepted, sent) in [("br, gzip", Some("br")), ("gzip", Some("gzip")), ("", None)] {
        let answer = nginx.get(&path, accepted).await?;
        assert_eq!(answer.status, 200, "GET {path} accepting {accepted:?}");
        assert_eq!(
            answer.header("content-encoding"),
            sent,
            "the coding of the wasm for Accept-Encoding {accepted:?}"
        );
        assert_eq!(
            answer.header("content-type"),
            Some("application/wasm"),
            "the type of the wasm"
        );
        assert_eq!(
            answer.header("cache-control"),
            Some("public, max-age=31536000, immutable"),
            "the caching of a hashed asset"
        );
    }
    // A language's catalog has a hashed name too, and is cached as one.
    let catalog = language_file(&dist_with_siblings()?, "data-language-files", "de")?;
    let answer = nginx
        .get(&format!("/tools/email/{catalog}"), "br, gzip")
        .await?;
    assert_eq!(answer.status, 200, "GET {catalog}");
    assert_eq!(
        answer.header("cache-control"),
        Some("public, max-age=31536000, immutable"),
        "the caching of a language's catalog"
    );
    // Trunk writes the hash as a number, without leading zeros: one build in sixteen has a
    // 15-digit hash, and that is as much a hashed name.
    let short_hash = "main-0123456789abcde.css";
    std::fs::write(nginx.site().join(short_hash), "body {}")?;
    let answer = nginx.get(&format!("/tools/email/{short_hash}"), "").await?;
    assert_eq!(answer.status, 200, "GET {short_hash}");
    assert_eq!(
        answer.header("cache-control"),
        Some("public, max-age=31536000, immutable"),
        "the caching of a name with a 15-digit hash"
    );

    let page = Page::open_at(fake, &format!("{}/tools/email", nginx.origin())).await?;
    ensure!(
        page.url().ends_with("/tools/email"),
        "the test opened {}",
        page.url()
    );
    assert_eq!(
        page.log_in().await?,
        LOADED_CONFIGURED,
        "#load-status behind nginx"
    );
    page.fill("Sender name", "Backup alerts via nginx").await?;
    page.save_and_confirm().await?;
    page.wait_until_saved().await?;
    let put = page.only_request_to("PUT", EMAIL_SERVER_PATH)?;
    assert_eq!(
        put.json().and_then(|body| body.get("senderName").cloned()),
        Some(serde_json::json!("Backup alerts via nginx")),
        "the sender name the save sent through nginx"
    );
    page.close().await?;
    nginx.stop().await
}

/// nginx in the foreground, with its prefix in a folder of its own, removed when dropped.
struct Nginx {
    process: Child,
    prefix: PathBuf,
    address: SocketAddr,
}

impl Nginx {
    /// The folder nginx serves under /tools/email/.
    fn site(&self) -> PathBuf {
        self.prefix.join("www/tools/email")
    }

    async fn start(dist: &Path, upstream: SocketAddr) -> anyhow::Result<Nginx> {
        let prefix =
            std::env::temp_dir().join(format!("commandcenter-email-nginx-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&prefix);
        let site = prefix.join("www/tools/email");
        std::fs::create_dir_all(&site)?;
        std::fs::create_dir_all(prefix.join("temp"))?;
        copy_folder(dist, &site)?;
        let address = free_address().await?;
        let server_block = fill_in(
            DOCUMENTED,
            &[
                ("listen 80;", format!("listen {address};")),
                (
                    "root /srv/www;",
                    format!("root {};", prefix.join("www").display()),
                ),
                (
                    "proxy_pass https://commandcenter.example.com;",
                    format!("proxy_pass http://{upstream};"),
                ),
            ],
        )?;
        std::fs::write(prefix.join("commandcenter-email.conf"), server_block)?;
        std::fs::write(prefix.join("nginx.conf"), wrapper(&prefix))?;
        let process = Command::new("nginx")
            .arg("-p")
            .arg(&prefix)
            .arg("-c")
            .arg(prefix.join("nginx.conf"))
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .kill_on_drop(true)
            .spawn()
            .map_err(|e| anyhow!("cannot start nginx (run `cargo xtask setup`): {e}"))?;
        let mut nginx = Nginx {
            process,
            prefix,
            address,
        };
        let listening = headless_chromium::wait_until_listening(address, START_LIMIT, || {
            nginx.process.try_wait()
        })
        .await;
        if let Err(e) = listening {
            let log = std::fs::read_to_string(nginx.prefix.join("error.log")).unwrap_or_default();
            return Err(anyhow!("nginx did not start: {e:#}; its error.log:\n{log}"));
        }
        Ok(nginx)
    }

    fn origin(&self) -> String {
        format!("http://{}", self.address)
    }

    /// `GET path` over plain HTTP/1.1, accepting these content codings.
    async fn get(&self, path: &str, accept_encoding: &str) -> anyhow::Result<Answer> {
        let request = format!(
            "GET {path} HTTP/1.1\r\nHost: {}\r\nAccept-Encoding: {accept_encoding}\r\n\
             Connection: close\r\n\r\n",
            self.address
        );
        let raw = http_exchange(self.address, &request, START_LIMIT).await?;
        Answer::parse(&raw).ok_or_else(|| {
            anyhow!(
                "nginx's answer to GET {path} is no HTTP: {:?}",
                String::from_utf8_lossy(&raw)
            )
        })
    }

    async fn stop(mut self) -> anyhow::Result<()> {
        self.process.kill().await?;
        Ok(())
    }
}

impl Drop for Nginx {
    fn drop(&mut self) {
        let _ = self.process.start_kill();
        let _ = std::fs::remove_dir_all(&self.prefix);
    }
}

/// The main configuration around the documented block: what a Debian nginx.conf and its
/// modules-enabled/ give, with every path in the test's prefix. One process, so that killing it
/// leaves no worker behind.
fn wrapper(prefix: &Path) -> String {
    let p = prefix.display();
    format!(
        "daemon off;\n\
         master_process off;\n\
         pid {p}/nginx.pid;\n\
         error_log {p}/error.log;\n\
         load_module {BROTLI_MODULE};\n\
         events {{ worker_connections 64; }}\n\
         http {{\n\
             include /etc/nginx/mime.types;\n\
             default_type application/octet-stream;\n\
             access_log {p}/access.log;\n\
             client_body_temp_path {p}/temp/body;\n\
             proxy_temp_path {p}/temp/proxy;\n\
             fastcgi_temp_path {p}/temp/fastcgi;\n\
             uwsgi_temp_path {p}/temp/uwsgi;\n\
             scgi_temp_path {p}/temp/scgi;\n\
             include {p}/commandcenter-email.conf;\n\
         }}\n"
    )
}

/// `text` with each placeholder, which must stand in it exactly once, replaced.
fn fill_in(text: &str, replacements: &[(&str, String)]) -> anyhow::Result<String> {
    let mut filled = text.to_owned();
    for (placeholder, value) in replacements {
        assert_eq!(
            text.matches(placeholder).count(),
            1,
            "how often docs/deploy/nginx.conf has {placeholder:?}"
        );
        filled = filled.replace(placeholder, value);
    }
    Ok(filled)
}

/// A loopback address that was free a moment ago.
async fn free_address() -> anyhow::Result<SocketAddr> {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await?;
    Ok(listener.local_addr()?)
}

/// The build, with the .br and .gz siblings that `cargo xtask test` writes before these tests.
fn dist_with_siblings() -> anyhow::Result<PathBuf> {
    let dist = std::env::var_os("COMMANDCENTER_EMAIL_DIST")
        .map(PathBuf::from)
        .ok_or_else(|| anyhow!("COMMANDCENTER_EMAIL_DIST is not set"))?;
    ensure!(
        dist.join("index.html.br").is_file(),
        "{} has no .br siblings: `cargo xtask test` (or `cargo xtask size`) writes them",
        dist.display()
    );
    Ok(dist)
}

fn hashed_wasm_name(dist: &Path) -> anyhow::Result<String> {
    for entry in std::fs::read_dir(dist)? {
        let name = entry?.file_name().to_string_lossy().into_owned();
        if name.ends_with("_bg.wasm") {
            return Ok(name);
        }
    }
    Err(anyhow!("{} has no wasm", dist.display()))
}

/// `from`'s files and folders (the languages' `locales/`) into `to`.
fn copy_folder(from: &Path, to: &Path) -> anyhow::Result<()> {
    std::fs::create_dir_all(to)?;
    for entry in std::fs::read_dir(from)? {
        let path = entry?.path();
        let target = to.join(path.file_name().unwrap_or_default());
        if path.is_dir() {
            copy_folder(&path, &target)?;
        } else {
            std::fs::copy(&path, target)?;
        }
    }
    Ok(())
}

/// The status and headers of an answer (names in lower case).
struct Answer {
    status: u16,
    headers: HashMap<String, String>,
}

impl Answer {
    fn parse(raw: &[u8]) -> Option<Answer> {
        let text = String::from_utf8_lossy(raw);
        let head = text.split("\r\n\r\n").next()?;
        let mut lines = head.lines();
        let status = lines.next()?.split_whitespace().nth(1)?.parse().ok()?;
        let headers = lines
            .filter_map(|line| line.split_once(':'))
            .map(|(name, value)| (name.trim().to_ascii_lowercase(), value.trim().to_owned()))
            .collect();
        Some(Answer { status, headers })
    }

    fn header(&self, name: &str) -> Option<&str> {
        self.headers.get(name).map(String::as_str)
    }
}
