//! `cargo xtask dev`: the demo. The fake Command Center runs as a child process and `trunk serve`
//! proxies the app's API calls to it, so the page and its API share one origin, as they do when
//! Command Center itself serves the page. examples/portal, a parent page that frames the page, is
//! served on another origin, and the dev build's config.json lets it drive the page.

use std::{
    io::{BufRead, BufReader, Read, Write},
    net::{Ipv4Addr, SocketAddrV4, TcpListener, TcpStream},
    process::{Child, Command, ExitStatus, Stdio},
    sync::mpsc,
    thread,
    time::Duration,
};

use anyhow::{bail, Context};
use xshell::{cmd, Shell};

use crate::setup;

/// The path under which Command Center serves its REST API; the app calls it on its own origin.
const API_PATH: &str = "/commandcenter/api";
/// What the fake server prints once it accepts connections.
const READY_LINE: &str = "listening on";
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

pub struct Options {
    pub port: u16,
    pub api_port: u16,
    pub portal_port: u16,
    pub token: String,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            port: 8080,
            api_port: 8081,
            portal_port: 8082,
            token: "demo-token".to_owned(),
        }
    }
}

pub fn run(sh: &Shell, options: &Options) -> anyhow::Result<()> {
    setup::run(sh)?;
    // Fail now with a plain message rather than after minutes of compiling.
    ensure_port_free(options.port, "--port")?;
    ensure_port_free(options.api_port, "--api-port")?;
    ensure_port_free(options.portal_port, "--portal-port")?;

    println!(
        "\n==> starting the fake Command Center on port {}",
        options.api_port
    );
    let mut server = start_fake_server(sh, options)?;

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
    let mut trunk = Supervised::spawn("trunk serve", Command::from(trunk))?;
    serve_portal(&sh.current_dir().join(PORTAL_DIR), options.portal_port)?;

    // trunk serve only listens once its first build is done, so this is when the page is there.
    while TcpStream::connect(SocketAddrV4::new(Ipv4Addr::LOCALHOST, options.port)).is_err() {
        trunk.fail_if_exited()?;
        server.fail_if_exited()?;
        thread::sleep(POLL);
    }
    print_banner(options);

    // Whichever child ends first, the other must not outlive it; dropping a Supervised kills it.
    loop {
        if let Some(status) = trunk.try_wait()? {
            if status.success() {
                return Ok(());
            }
            bail!("trunk serve exited with {status}; stopped the fake server");
        }
        server.fail_if_exited()?;
        thread::sleep(POLL);
    }
}

/// examples/portal on its own loopback origin, in a thread of its own, for as long as the demo
/// runs.
fn serve_portal(dir: &std::path::Path, port: u16) -> anyhow::Result<()> {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(1)
        .enable_all()
        .build()?;
    let listener = runtime
        .block_on(tokio::net::TcpListener::bind((Ipv4Addr::LOCALHOST, port)))
        .with_context(|| format!("cannot listen on port {port} for the example portal"))?;
    let router = axum::Router::new().fallback_service(tower_http::services::ServeDir::new(dir));
    thread::spawn(move || {
        if let Err(e) = runtime.block_on(async move { axum::serve(listener, router).await }) {
            eprintln!("the example portal's server stopped: {e}");
        }
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

/// Starts `cargo run -p fake-commandcenter` and returns once the server says it is listening.
fn start_fake_server(sh: &Shell, options: &Options) -> anyhow::Result<Supervised> {
    let api_port = options.api_port.to_string();
    let token = &options.token;
    let mut command = Command::from(cmd!(
        sh,
        "cargo run -p fake-commandcenter -- --port {api_port} --token {token} --seed {DEMO_SEED}
            --login-user {DEMO_USER} --login-password {DEMO_PASSWORD}"
    ));
    command.stdout(Stdio::piped()).stderr(Stdio::piped());
    let mut server = Supervised::spawn("fake Command Center", command)?;

    // Both streams are read, as either may carry the ready line, and forwarded for the whole run:
    // an unread pipe would fill up and block the server.
    let (ready_tx, ready_rx) = mpsc::channel();
    let stdout = server
        .child
        .stdout
        .take()
        .map(|out| Box::new(out) as Box<dyn Read + Send>);
    let stderr = server
        .child
        .stderr
        .take()
        .map(|err| Box::new(err) as Box<dyn Read + Send>);
    for stream in [stdout, stderr].into_iter().flatten() {
        let ready_tx = ready_tx.clone();
        thread::spawn(move || forward_lines(stream, &ready_tx));
    }
    drop(ready_tx);

    // Compiling may come first, so there is no time limit; the channel closes if the server exits.
    if ready_rx.recv().is_err() {
        let status = server.child.wait()?;
        bail!("the fake Command Center exited ({status}) before it said \"{READY_LINE}\"");
    }
    Ok(server)
}

fn forward_lines(stream: Box<dyn Read + Send>, ready: &mpsc::Sender<()>) {
    for line in BufReader::new(stream).lines() {
        let Ok(line) = line else { break };
        println!("[fake-commandcenter] {line}");
        if line.contains(READY_LINE) {
            // Nobody listens any more once the server was ready; that is fine.
            let _ = ready.send(());
        }
    }
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

/// A child process that is killed when this handle is dropped, so that no error path, and no exit
/// of its sibling, leaves it running. (Ctrl-C reaches the whole process group anyway.)
struct Supervised {
    name: &'static str,
    child: Child,
}

impl Supervised {
    fn spawn(name: &'static str, mut command: Command) -> anyhow::Result<Supervised> {
        let child = command
            .spawn()
            .with_context(|| format!("cannot start {name}: {command:?}"))?;
        Ok(Supervised { name, child })
    }

    fn try_wait(&mut self) -> anyhow::Result<Option<ExitStatus>> {
        self.child
            .try_wait()
            .with_context(|| format!("cannot check on {}", self.name))
    }

    fn fail_if_exited(&mut self) -> anyhow::Result<()> {
        match self.try_wait()? {
            Some(status) => bail!("{} exited unexpectedly ({status})", self.name),
            None => Ok(()),
        }
    }
}

impl Drop for Supervised {
    fn drop(&mut self) {
        if let Ok(None) = self.child.try_wait() {
            eprintln!("stopping {}", self.name);
            let _ = self.child.kill();
        }
        let _ = self.child.wait();
    }
}
