//! `cargo xtask dev`: the demo. The fake Command Center runs in this process and `trunk serve`
//! proxies the app's API calls to it, so the page and its API share one origin, as they do when
//! Command Center itself serves the page. examples/portal, a parent page that frames the page, is
//! served on another origin, and the dev build's config.json lets it drive the page.

use std::{
    future::IntoFuture,
    io::Write,
    net::{Ipv4Addr, SocketAddrV4, TcpListener, TcpStream},
    process::{Child, Command},
    thread,
    time::Duration,
};

use anyhow::{bail, Context};
use fake_commandcenter::{FakeCommandCenter, FakeConfig};
use xshell::{cmd, Shell};

use crate::setup;

/// The path under which Command Center serves its REST API; the app calls it on its own origin.
const API_PATH: &str = "/commandcenter/api";
/// Where `trunk serve` bundles the app; under target/ so that cargo clean removes it.
const DEV_DIST: &str = "target/dev-dist";
/// The demo starts from a configured mail server, as an administrator usually finds it.
const DEMO_SEED: &str = "fake-commandcenter/seeds/demo.json";
/// The fake's default Login user (see fake-commandcenter's `FakeConfig`).
const DEMO_USER: &str = "admin";
const DEMO_PASSWORD: &str = "demo-password";
const POLL: Duration = Duration::from_millis(250);

/// The example parent page of the embedding protocol.
const PORTAL_DIR: &str = "examples/portal";
/// Read by the post-build hook (xtask/src/post_build.rs): the origin the dev build's config.json
/// allows as a parent.
pub const DEV_PORTAL_VAR: &str = "COMMANDCENTER_EMAIL_DEV_PORTAL";

#[derive(clap::Args)]
pub struct Options {
    /// Port of the app.
    #[arg(long, default_value_t = 8080, value_parser = clap::value_parser!(u16).range(1..))]
    pub port: u16,
    /// Port of the fake Command Center.
    #[arg(long, default_value_t = 8081, value_parser = clap::value_parser!(u16).range(1..))]
    pub api_port: u16,
    /// Port of examples/portal.
    #[arg(long, default_value_t = 8082, value_parser = clap::value_parser!(u16).range(1..))]
    pub portal_port: u16,
    /// The Authtoken the fake Command Center accepts.
    #[arg(long, default_value = "demo-token", value_parser = clap::builder::NonEmptyStringValueParser::new())]
    pub token: String,
}

impl Options {
    /// The three servers need three ports.
    pub fn validate(&self) -> anyhow::Result<()> {
        let ports = [self.port, self.api_port, self.portal_port];
        if ports
            .iter()
            .enumerate()
            .any(|(i, port)| ports[i + 1..].contains(port))
        {
            bail!("--port, --api-port and --portal-port must differ (got {ports:?})");
        }
        Ok(())
    }
}

pub fn run(sh: &Shell, options: &Options) -> anyhow::Result<()> {
    options.validate()?;
    setup::run(sh)?;
    // Fail now with a plain message rather than after minutes of compiling.
    ensure_port_free(options.port, "--port")?;
    ensure_port_free(options.api_port, "--api-port")?;
    ensure_port_free(options.portal_port, "--portal-port")?;

    println!(
        "\n==> the fake Command Center on port {}, examples/portal on port {}",
        options.api_port, options.portal_port
    );
    serve_fake_and_portal(sh, options)?;

    println!("\n==> starting trunk serve on port {}", options.port);
    let port = options.port.to_string();
    let backend = format!("http://127.0.0.1:{}{API_PATH}", options.api_port);
    // Not Trunk.toml's dist/: that one belongs to `cargo xtask test` and the browser tests, and
    // two trunks sharing a dist directory clobber each other's builds.
    let dist = sh.current_dir().join(DEV_DIST);
    // --proxy-rewrite names the path explicitly (it would default to the backend's path), and
    // --proxy-no-system-proxy keeps an HTTP(S)_PROXY in the environment from catching loopback.
    let portal_origin = format!("http://127.0.0.1:{}", options.portal_port);
    let trunk = cmd!(
        sh,
        "trunk serve --release --skip-version-check --dist {dist}
            --address 127.0.0.1 --port {port}
            --proxy-backend {backend} --proxy-rewrite {API_PATH} --proxy-no-system-proxy"
    )
    .env(DEV_PORTAL_VAR, &portal_origin);
    let mut trunk = Supervised(
        Command::from(trunk)
            .spawn()
            .context("cannot start trunk serve")?,
    );

    // trunk serve only listens once its first build is done, so this is when the page is there.
    while TcpStream::connect(SocketAddrV4::new(Ipv4Addr::LOCALHOST, options.port)).is_err() {
        if let Some(status) = trunk.0.try_wait()? {
            bail!("trunk serve exited ({status}) before it served the page");
        }
        thread::sleep(POLL);
    }
    print_banner(options);
    let status = trunk.0.wait()?;
    if !status.success() {
        bail!("trunk serve exited with {status}");
    }
    Ok(())
}

/// The fake Command Center, started from the demo seed, and examples/portal, each on its own
/// loopback port, in a thread of their own, for as long as the demo runs.
fn serve_fake_and_portal(sh: &Shell, options: &Options) -> anyhow::Result<()> {
    let seed_path = sh.current_dir().join(DEMO_SEED);
    let seed = std::fs::read_to_string(&seed_path)
        .with_context(|| format!("cannot read {}", seed_path.display()))?;
    let config = FakeConfig {
        token: options.token.clone(),
        login_user: DEMO_USER.to_owned(),
        login_password: DEMO_PASSWORD.to_owned(),
        ..FakeConfig::default()
    };
    let fake = FakeCommandCenter::with_settings(config, serde_json::from_str(&seed)?)
        .map_err(|e| anyhow::anyhow!("the fake Command Center refused {DEMO_SEED}: {e}"))?;
    let portal = axum::Router::new().fallback_service(tower_http::services::ServeDir::new(
        sh.current_dir().join(PORTAL_DIR),
    ));
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(1)
        .enable_all()
        .build()?;
    let listen = |port: u16, what: &str| {
        runtime
            .block_on(tokio::net::TcpListener::bind((Ipv4Addr::LOCALHOST, port)))
            .with_context(|| format!("cannot listen on port {port} for {what}"))
    };
    let (api, portal_listener) = (
        listen(options.api_port, "the fake Command Center")?,
        listen(options.portal_port, "the example portal")?,
    );
    thread::spawn(move || {
        runtime.block_on(async move {
            let served = tokio::try_join!(
                fake_commandcenter::serve(api, fake.router()),
                axum::serve(portal_listener, portal).into_future(),
            );
            if let Err(e) = served {
                eprintln!("the demo's servers stopped: {e}");
            }
        })
    });
    Ok(())
}

fn ensure_port_free(port: u16, flag: &str) -> anyhow::Result<()> {
    TcpListener::bind(SocketAddrV4::new(Ipv4Addr::LOCALHOST, port))
        .map(drop)
        .with_context(|| {
            format!("port {port} is in use (another `cargo xtask dev`?); pick another with {flag}")
        })
}

fn print_banner(options: &Options) {
    let Options {
        port,
        api_port,
        portal_port,
        token,
    } = options;
    let rule = "=".repeat(72);
    let mut out = std::io::stdout().lock();
    let _ = writeln!(
        out,
        "\n{rule}\n\
         \x20 Command Center email settings: demo is running\n\n\
         \x20 Open:     http://127.0.0.1:{port}/\n\
         \x20 Sign in:  user {DEMO_USER}, password {DEMO_PASSWORD}\n\
         \x20 or token: {token}   (the access token the fake Command Center accepts)\n\
         \x20 API:      http://127.0.0.1:{port}{API_PATH} -> fake server on 127.0.0.1:{api_port}\n\
         \x20 Portal:   http://127.0.0.1:{portal_port}/index.html?page=http://127.0.0.1:{port}/\n\
         \x20           (the page in a portal's frame, signed in by postMessage)\n\
         \x20 Stop:     Ctrl-C (stops trunk serve and the fake server)\n\
         {rule}\n"
    );
}

/// A child process that is killed when this handle is dropped, so that no error path leaves it
/// running. (Ctrl-C reaches the whole process group anyway.)
struct Supervised(Child);

impl Drop for Supervised {
    fn drop(&mut self) {
        if let Ok(None) = self.0.try_wait() {
            eprintln!("stopping trunk serve");
            let _ = self.0.kill();
        }
        let _ = self.0.wait();
    }
}
