//! `cargo xtask bench`: how big the page is, how fast it starts, and what a keystroke costs, in one
//! run, written to target/bench/report.md and printed.
//!
//! It measures the release bundle, as users get it: `trunk build --release`, the precompressed
//! siblings, served over loopback by a server that sends them. The browser numbers are taken
//! inside the page by a script injected before any of the page's own (see bench/probe.js), so
//! they do not include WebDriver's round trips. Chromium is the browser tests' one, from the
//! `headless-chromium` crate.
//!
//! Start-up is measured side by side with two builds of the same form in `../shared/perf-reference`
//! (React 18 + Vite, and plain HTML + JS; see bench/side_by_side.rs), over loopback, an emulated
//! slow VPN, and that VPN with a slower CPU.
//!
//! It reports and never judges: no number makes it fail. The size budget is enforced by
//! `cargo xtask test`; timings depend too much on the machine and its load to be a gate.

use std::{
    collections::BTreeMap,
    fmt::Write as _,
    fs,
    future::Future,
    net::{Ipv4Addr, SocketAddr},
    path::Path,
    sync::{Arc, Mutex},
    time::{Duration, Instant},
};

use anyhow::{ensure, Context};
use axum::{
    http::{header, HeaderValue},
    response::Response,
};
use fantoccini::{wd::TimeoutConfiguration, Locator};
use headless_chromium::{ChromeDriver, Console, Session};
use serde_json::{json, Value};
use tower_http::services::ServeDir;
use xshell::{cmd, Shell};

mod side_by_side;

use side_by_side::{Contender, Results};

use crate::{
    pins::Pins,
    setup,
    sizes::{self, Asset, Budget},
    test,
};

/// Where the report goes, relative to the workspace root; under target/ so cargo clean removes it.
const REPORT: &str = "target/bench/report.md";
const PROBE: &str = include_str!("bench/probe.js");
/// Loading, compiling and starting the wasm on a busy 2-core machine.
const READY_LIMIT: Duration = Duration::from_secs(60);
/// One keystroke's frame.
const KEYSTROKE_LIMIT: Duration = Duration::from_secs(10);
/// WebDriver's own answer to a script that overran its limit comes on top of the limit.
const ANSWER_MARGIN: Duration = Duration::from_secs(30);
/// The first keystrokes also compile and warm up code paths; they are typed, not counted.
const WARM_UP_KEYSTROKES: usize = 5;
/// What is typed into the user name, over and over: a plausible Command Center user.
const TYPED: &str = "commvault-admin.";
/// How long the page is watched after it is usable, for layout shifts that come late (config.json
/// hiding the API base URL, say).
const SETTLE: Duration = Duration::from_secs(1);
/// The reference builds, unless COMMANDCENTER_EMAIL_PERF_REFERENCE says where they are.
const REFERENCE_DIR: &str = "../shared/perf-reference";
const REFERENCE_VAR: &str = "COMMANDCENTER_EMAIL_PERF_REFERENCE";
/// Where the bench copies them, to give them the same precompressed siblings as the page.
const REFERENCE_COPY: &str = "target/bench/reference";
/// A VPN to a backup server far away, as Chromium's DevTools emulate it: what a heavier bundle
/// costs shows there, where loopback hides it.
const SLOW_LINK: Link = Link {
    download_kbit_per_s: 2_000,
    upload_kbit_per_s: 1_000,
    round_trip_ms: 100,
};

#[derive(Clone, Copy)]
pub struct Link {
    download_kbit_per_s: u64,
    upload_kbit_per_s: u64,
    round_trip_ms: u64,
}

impl Link {
    fn describe(self) -> String {
        format!(
            "{} Mbit/s down, {} Mbit/s up, {} ms round trip",
            self.download_kbit_per_s as f64 / 1000.0,
            self.upload_kbit_per_s as f64 / 1000.0,
            self.round_trip_ms
        )
    }

    /// `Network.emulateNetworkConditions`'s parameters: throughput in bytes per second.
    fn emulation(self) -> Value {
        json!({
            "offline": false,
            "latency": self.round_trip_ms,
            "downloadThroughput": self.download_kbit_per_s * 1000 / 8,
            "uploadThroughput": self.upload_kbit_per_s * 1000 / 8,
        })
    }
}

#[derive(clap::Args)]
pub struct Options {
    /// Visits of each page on loopback, each in a new Chromium with a fresh profile.
    #[arg(long, default_value_t = 15, value_parser = crate::parse_count)]
    pub loads: usize,
    /// Keystrokes measured in the user name field (after the warm-up ones).
    #[arg(long, default_value_t = 50, value_parser = crate::parse_count)]
    pub keystrokes: usize,
    /// Visits of each page over each slow link profile.
    #[arg(long, default_value_t = 5, value_parser = crate::parse_count)]
    pub slow_loads: usize,
}

pub fn run(sh: &Shell, options: &Options) -> anyhow::Result<()> {
    setup::run(sh)?;
    let root = sh.current_dir();
    let dist = root.join(Pins::load(&root)?.dist);
    let budget = Budget::load(&root)?;
    // Taken first: the load average says how busy the machine was before the bench made it busy.
    let machine = Machine::describe(sh);

    println!("\n==> [1/4] trunk build --release");
    test::trunk_build_release(sh)?;

    println!("\n==> [2/4] sizes (and the precompressed .br/.gz siblings)");
    let assets = sizes::precompress_and_measure(&dist)?;
    print!("{}", sizes::table(&assets));
    println!("\n{}", budget.verdict(&assets));

    let references = references(&root)?;

    println!("\n==> [3/4] validation per keystroke, native: cargo bench --bench validation");
    // stdout is divan's table, for the report; cargo's progress goes to stderr and shows live.
    let divan = cmd!(sh, "cargo bench --bench validation").read()?;
    println!("{divan}");

    println!(
        "\n==> [4/4] headless Chromium: the page, React and plain HTML side by side ({} visits \
         each on loopback, {} on each slow profile), {} keystrokes",
        options.loads, options.slow_loads, options.keystrokes
    );
    let browser = block_on(measure_in_browser(&dist, &references, options))?;

    let report = Report {
        machine,
        assets,
        budget,
        divan,
        browser,
    }
    .render();
    let path = root.join(REPORT);
    if let Some(dir) = path.parent() {
        fs::create_dir_all(dir).with_context(|| format!("cannot create {}", dir.display()))?;
    }
    fs::write(&path, &report).with_context(|| format!("cannot write {}", path.display()))?;
    println!("\n{report}");
    println!("(written to {REPORT})");
    Ok(())
}

/// Runs the browser part. Multi-threaded: a session dropped on an error ends its Chromium before
/// its profile folder goes (see `headless_chromium::Session`), and the static server answers on
/// its own threads, as the thread-per-connection one before it did.
fn block_on<T>(work: impl Future<Output = anyhow::Result<T>>) -> anyhow::Result<T> {
    tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .context("cannot start the async runtime")?
        .block_on(work)
}

/// dist/ on a loopback port, as a production server with precompression serves it: the `.br` or
/// `.gz` sibling when the browser accepts that coding, the file itself otherwise, so the browser
/// decompresses just as it would for a user. Stops when dropped.
struct StaticServer {
    address: SocketAddr,
    /// Responses sent per content coding, for the report: which coding the browser really got.
    sent: Arc<Mutex<BTreeMap<String, u64>>>,
    task: tokio::task::JoinHandle<()>,
}

impl StaticServer {
    async fn start(dist: &Path) -> anyhow::Result<StaticServer> {
        let listener = tokio::net::TcpListener::bind((Ipv4Addr::LOCALHOST, 0))
            .await
            .context("cannot listen on a loopback port")?;
        let address = listener.local_addr()?;
        let sent = Arc::new(Mutex::new(BTreeMap::new()));
        let counts = Arc::clone(&sent);
        let files = ServeDir::new(dist).precompressed_br().precompressed_gzip();
        let record = move |request: axum::extract::Request, next: axum::middleware::Next| {
            let counts = Arc::clone(&counts);
            async move {
                let hashed = is_hashed(request.uri().path());
                finish_response(&counts, hashed, next.run(request).await)
            }
        };
        let app = axum::Router::new()
            .fallback_service(files)
            .layer(axum::middleware::from_fn(record));
        let task = tokio::spawn(async move {
            if let Err(e) = axum::serve(listener, app).await {
                eprintln!("the bench's static server stopped: {e}");
            }
        });
        Ok(StaticServer {
            address,
            sent,
            task,
        })
    }

    fn url(&self) -> String {
        format!("http://{}/", self.address)
    }

    /// How many responses went out in each content coding ("br", "gzip", "identity").
    fn sent_encodings(&self) -> BTreeMap<String, u64> {
        self.sent
            .lock()
            .map(|sent| sent.clone())
            .unwrap_or_default()
    }
}

impl Drop for StaticServer {
    fn drop(&mut self) {
        self.task.abort();
    }
}

/// Whether a file's name carries a hash of its content (Trunk: `main-f12f237b551012eb.css`,
/// Vite: `index-C9iOHSN2.js`): such a file never changes under its name.
fn is_hashed(path: &str) -> bool {
    let name = path.rsplit('/').next().unwrap_or_default();
    let stem = name.split('.').next().unwrap_or_default();
    let stem = stem.strip_suffix("_bg").unwrap_or(stem);
    stem.rsplit_once('-').is_some_and(|(_, hash)| {
        hash.len() >= 8 && hash.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_')
    })
}

/// Counts the coding a file went out in, and adds the headers docs/deploy.md asks of a server:
/// hashed names for a year, everything else revalidated before any reuse.
fn finish_response(
    sent: &Mutex<BTreeMap<String, u64>>,
    hashed: bool,
    mut response: Response,
) -> Response {
    let success = response.status().is_success();
    let headers = response.headers_mut();
    headers.insert(header::VARY, HeaderValue::from_static("accept-encoding"));
    headers.insert(
        header::CACHE_CONTROL,
        HeaderValue::from_static(if hashed {
            "public, max-age=31536000, immutable"
        } else {
            "no-cache"
        }),
    );
    if success {
        let coding = headers
            .get(header::CONTENT_ENCODING)
            .and_then(|coding| coding.to_str().ok())
            .unwrap_or("identity")
            .to_owned();
        if let Ok(mut sent) = sent.lock() {
            *sent.entry(coding).or_default() += 1;
        }
    }
    response
}

/// What the numbers were measured on; they mean little without it.
struct Machine {
    when: String,
    commit: String,
    cpus: usize,
    load_average: String,
}

impl Machine {
    fn describe(sh: &Shell) -> Machine {
        let quiet = |command: xshell::Cmd<'_>| {
            command
                .quiet()
                .ignore_stderr()
                .read()
                .ok()
                .filter(|out| !out.is_empty())
        };
        let when = quiet(cmd!(sh, "date -u +%Y-%m-%dT%H:%M:%SZ"));
        let commit = quiet(cmd!(sh, "git rev-parse --short HEAD"));
        let dirty = quiet(cmd!(sh, "git status --porcelain")).is_some();
        let load_average = fs::read_to_string("/proc/loadavg").ok().map(|text| {
            text.split_whitespace()
                .take(3)
                .collect::<Vec<_>>()
                .join(" ")
        });
        Machine {
            when: when.unwrap_or_else(|| "unknown".to_owned()),
            commit: match commit {
                Some(commit) if dirty => format!("{commit} with uncommitted changes"),
                Some(commit) => commit,
                None => "unknown".to_owned(),
            },
            cpus: std::thread::available_parallelism().map_or(0, |n| n.get()),
            load_average: load_average.unwrap_or_else(|| "unknown".to_owned()),
        }
    }
}

/// One load of a page, in milliseconds since the navigation started.
#[derive(Clone)]
pub struct Load {
    /// First contentful paint. None if the browser reported none.
    first_paint: Option<f64>,
    /// The first frame with an input that takes typing (never before the first paint).
    first_input: f64,
    /// When the page's first action works (see bench/probe.js).
    first_action: f64,
    /// Cumulative layout shift, up to [`SETTLE`] after the first action.
    layout_shift: f64,
}

/// One keystroke, in milliseconds since its `input` event was dispatched.
struct Keystroke {
    /// The end of the event's handling: the page's listeners and the updates they queued.
    handled: f64,
    /// The end of the next rendered frame.
    frame: f64,
    /// How many DOM changes it caused, and when the first one came.
    mutations: u64,
    first_mutation: Option<f64>,
}

struct BrowserResults {
    chromium: String,
    contenders: Vec<&'static str>,
    side_by_side: Results,
    keystrokes: Vec<Keystroke>,
    /// What the first cold load of the page received: response body bytes, as sent and decoded.
    received: Transfer,
    /// Responses the servers sent per content coding, over the whole run.
    encodings: BTreeMap<String, u64>,
}

#[derive(Default)]
struct Transfer {
    encoded: u64,
    decoded: u64,
    resources: usize,
}

/// The reference builds, copied under target/ with the page's precompressed siblings.
struct References {
    react: std::path::PathBuf,
    plain: std::path::PathBuf,
}

fn references(root: &Path) -> anyhow::Result<References> {
    let source = std::env::var_os(REFERENCE_VAR)
        .map(std::path::PathBuf::from)
        .unwrap_or_else(|| root.join(REFERENCE_DIR));
    let copy = root.join(REFERENCE_COPY);
    let mut prepared = Vec::new();
    for name in ["react", "vanilla"] {
        let from = source.join(name);
        ensure!(
            from.join("index.html").is_file(),
            "no reference build at {} (set {REFERENCE_VAR} to the folder that holds react/ and \
             vanilla/)",
            from.display()
        );
        let to = copy.join(name);
        let _ = fs::remove_dir_all(&to);
        copy_dir(&from, &to)?;
        let assets = sizes::precompress_and_measure(&to)?;
        println!(
            "reference {name}: html+js+css {} B brotli",
            sizes::grouped(Budget::counted(&assets))
        );
        prepared.push(to);
    }
    let plain = prepared.pop().context("no plain reference")?;
    let react = prepared.pop().context("no React reference")?;
    Ok(References { react, plain })
}

fn copy_dir(from: &Path, to: &Path) -> anyhow::Result<()> {
    for entry in walkdir::WalkDir::new(from) {
        let entry = entry.with_context(|| format!("cannot list {}", from.display()))?;
        let target = to.join(entry.path().strip_prefix(from)?);
        if entry.file_type().is_dir() {
            fs::create_dir_all(&target)
                .with_context(|| format!("cannot create {}", target.display()))?;
        } else {
            fs::copy(entry.path(), &target)
                .with_context(|| format!("cannot copy {}", entry.path().display()))?;
        }
    }
    Ok(())
}

async fn measure_in_browser(
    dist: &Path,
    references: &References,
    options: &Options,
) -> anyhow::Result<BrowserResults> {
    ensure!(
        options.loads > 0 && options.keystrokes > 0,
        "need at least one load and one keystroke"
    );
    let servers = [
        ("commandcenter-email", StaticServer::start(dist).await?),
        (
            "React 18 + Vite",
            StaticServer::start(&references.react).await?,
        ),
        (
            "plain HTML + JS",
            StaticServer::start(&references.plain).await?,
        ),
    ];
    let contenders: Vec<Contender> = servers
        .iter()
        .map(|(name, server)| Contender {
            name,
            url: server.url(),
        })
        .collect();
    // Every Session ends its Chromium and removes its profile when dropped, and the driver is
    // killed when dropped, so an error anywhere below leaves nothing running.
    let driver = ChromeDriver::start().await?;
    let session = driver.session(Console::Ignored).await?;
    let chromium = session.browser_version().to_owned();
    let (_, received) = cold_load(&session, &contenders[side_by_side::OURS].url)
        .await
        .context("loading the page to type into it")?;
    let keystrokes = type_into_user_name(&session, options.keystrokes).await?;
    session.close().await?;
    println!(
        "typed {} keystrokes into #login-user ({WARM_UP_KEYSTROKES} more to warm up)",
        keystrokes.len()
    );
    let side_by_side =
        side_by_side::run(&driver, &contenders, options.loads, options.slow_loads).await?;
    let mut encodings = BTreeMap::new();
    for (_, server) in &servers {
        for (coding, count) in server.sent_encodings() {
            *encodings.entry(coding).or_default() += count;
        }
    }
    Ok(BrowserResults {
        chromium,
        contenders: servers.iter().map(|(name, _)| *name).collect(),
        side_by_side,
        keystrokes,
        received,
        encodings,
    })
}

/// Opens the page and waits until it is usable; in a new session, a browser that has never seen
/// it.
async fn cold_load(session: &Session, url: &str) -> anyhow::Result<(Load, Transfer)> {
    let client = session.client();
    session
        .cdp(
            "Page.addScriptToEvaluateOnNewDocument",
            json!({ "source": PROBE }),
        )
        .await?;
    let limit = TimeoutConfiguration::new(Some(READY_LIMIT), Some(READY_LIMIT), None);
    client.update_timeouts(limit).await?;
    client.goto(url).await?;
    // One script that waits inside the page, rather than polling: each poll would run on the
    // page's main thread while it starts, and delay what is being measured.
    let found = within(
        READY_LIMIT,
        client.execute_async(
            "const done = arguments[arguments.length - 1];
             const bench = window.__xtaskBench;
             if (!bench) { done(null); return; }
             bench.whenInteractive().then(() => setTimeout(() => done({
                 load: bench.load,
                 firstInput: bench.firstInput,
                 firstAction: bench.firstAction,
                 layoutShift: bench.layoutShift,
                 firstPaint: performance.getEntriesByName('first-contentful-paint')
                     .map((e) => e.startTime)[0] ?? null,
                 resources: performance.getEntriesByType('navigation')
                     .concat(performance.getEntriesByType('resource'))
                     .map((e) => [e.encodedBodySize, e.decodedBodySize]),
             }), arguments[0]));",
            vec![json!(SETTLE.as_millis())],
        ),
    )
    .await
    .with_context(|| format!("{url} was not usable within {READY_LIMIT:?}"))?;
    ensure!(
        !found.is_null(),
        "the probe script did not run in the page (Page.addScriptToEvaluateOnNewDocument)"
    );
    let first_paint = found["firstPaint"].as_f64();
    let load = Load {
        first_paint,
        // Pixels come with the first paint at the earliest.
        first_input: number(&found["firstInput"], "firstInput")?.max(first_paint.unwrap_or(0.0)),
        first_action: number(&found["firstAction"], "firstAction")?,
        layout_shift: found["layoutShift"].as_f64().unwrap_or_default(),
    };
    let mut transfer = Transfer::default();
    for resource in found["resources"].as_array().into_iter().flatten() {
        transfer.encoded += resource[0].as_u64().unwrap_or_default();
        transfer.decoded += resource[1].as_u64().unwrap_or_default();
        transfer.resources += 1;
    }
    Ok((load, transfer))
}

/// Types into the sign-in form's user name, one key press per WebDriver command, waiting for each
/// keystroke's frame before the next so that no two share one.
async fn type_into_user_name(session: &Session, count: usize) -> anyhow::Result<Vec<Keystroke>> {
    let client = session.client();
    let input = client.find(Locator::Css("#login-user")).await?;
    client
        .update_timeouts(TimeoutConfiguration::new(Some(KEYSTROKE_LIMIT), None, None))
        .await?;
    let total = count + WARM_UP_KEYSTROKES;
    let started = Instant::now();
    for (n, key) in (1..=total).zip(TYPED.chars().cycle()) {
        input.send_keys(&key.to_string()).await?;
        within(
            KEYSTROKE_LIMIT,
            client.execute_async(
                "window.__xtaskBench.whenKeystrokes(arguments[0])
                     .then(() => arguments[arguments.length - 1](true));",
                vec![json!(n)],
            ),
        )
        .await
        .with_context(|| format!("keystroke {n} was not rendered within {KEYSTROKE_LIMIT:?}"))?;
    }
    let typed = client
        .execute(
            "return document.getElementById('login-user').value.length;",
            vec![],
        )
        .await?;
    ensure!(
        typed.as_u64() == u64::try_from(total).ok(),
        "typed {total} keys, but #login-user holds {typed} characters"
    );
    let samples = client
        .execute("return window.__xtaskBench.keystrokes;", vec![])
        .await?;
    let samples = samples.as_array().context("no keystrokes recorded")?;
    ensure!(
        samples.len() == total,
        "typed {total} keys, the page saw {} input events (in {:?})",
        samples.len(),
        started.elapsed()
    );
    samples
        .iter()
        .skip(WARM_UP_KEYSTROKES)
        .map(|sample| {
            ensure!(
                sample["target"] == "login-user",
                "an input event went to {} instead of #login-user",
                sample["target"]
            );
            Ok(Keystroke {
                handled: number(&sample["handled"], "handled")?,
                frame: number(&sample["frame"], "frame")?,
                mutations: sample["mutations"].as_u64().unwrap_or_default(),
                first_mutation: sample["mutation"].as_f64(),
            })
        })
        .collect()
}

/// A WebDriver script that waits in the page, given up on should chromedriver itself not answer.
async fn within(
    limit: Duration,
    script: impl Future<Output = Result<Value, fantoccini::error::CmdError>>,
) -> anyhow::Result<Value> {
    tokio::time::timeout(limit + ANSWER_MARGIN, script)
        .await
        .with_context(|| format!("chromedriver gave no answer within {limit:?} and a margin"))?
        .map_err(anyhow::Error::from)
}

fn number(value: &Value, what: &str) -> anyhow::Result<f64> {
    value
        .as_f64()
        .with_context(|| format!("the page recorded no `{what}` time (got {value})"))
}

/// Median, minimum and maximum of a set of measurements.
#[derive(Clone, Copy, Debug, PartialEq)]
struct Summary {
    median: f64,
    min: f64,
    max: f64,
}

fn summarize(values: impl IntoIterator<Item = f64>) -> Option<Summary> {
    let mut sorted: Vec<f64> = values.into_iter().collect();
    sorted.sort_by(f64::total_cmp);
    let (&min, &max) = (sorted.first()?, sorted.last()?);
    // The middle value, or the mean of the middle two: the same index for an odd count.
    let (lower, upper) = ((sorted.len() - 1) / 2, sorted.len() / 2);
    let median = (sorted[lower] + sorted[upper]) / 2.0;
    Some(Summary { median, min, max })
}

struct Report {
    machine: Machine,
    assets: Vec<Asset>,
    budget: Budget,
    divan: String,
    browser: BrowserResults,
}

impl Report {
    fn render(&self) -> String {
        let Report {
            machine,
            assets,
            budget,
            divan,
            browser,
        } = self;
        let mut out = String::new();
        let _ = writeln!(out, "# cargo xtask bench\n");
        let _ = writeln!(
            out,
            "- when: {} · commit {}\n- machine: {} CPUs, load average {} at the start · \
             Chromium {}\n- bundle: `trunk build --release`, dist/ served on loopback by the \
             bench with its precompressed siblings; responses sent: {}",
            machine.when,
            machine.commit,
            machine.cpus,
            machine.load_average,
            browser.chromium,
            browser
                .encodings
                .iter()
                .map(|(coding, n)| format!("{n} {coding}"))
                .collect::<Vec<_>>()
                .join(", ")
        );

        let _ = writeln!(out, "\n## Bundle size\n");
        out.push_str(&sizes::table(assets));
        let _ = writeln!(out, "\n{}", budget.verdict(assets));

        let _ = writeln!(
            out,
            "\n## Start-up, side by side with React and plain HTML\n\n\
             The same form three times: this page, React 18 + Vite, and plain HTML + JS \
             (`../shared/perf-reference`), each served on loopback with brotli siblings, hashed \
             names cached as `immutable` and the rest revalidated. Each visit is a new browser \
             with a fresh profile: a cold load, then the same page again from its cache (repeat); \
             the visits go in turn, page after page and link after link. Milliseconds since the \
             navigation started, taken inside each page, median (min–max). **First input**: the \
             first frame with an input that takes typing, painted. **First action**: this page's \
             app has taken over its sign-in form (before, a press is kept, not acted on); the \
             others' Save is enabled. Layout shift: the largest cumulative layout shift of the \
             visits."
        );
        let names: Vec<&str> = browser.contenders.clone();
        let contenders: Vec<Contender> = names
            .iter()
            .map(|name| Contender {
                name,
                url: String::new(),
            })
            .collect();
        out.push_str(&browser.side_by_side.render(&contenders));
        let received = &browser.received;
        let _ = writeln!(
            out,
            "\nBy the time it was usable, a first load of the page had received {} B of response \
             bodies ({} B decoded) in {} responses.",
            sizes::grouped(received.encoded),
            sizes::grouped(received.decoded),
            received.resources
        );

        let _ = writeln!(
            out,
            "\n## Validation per keystroke, native (divan)\n\n\
             `field_errors` over the whole form, which the page runs on each input event; \
             `cargo bench --bench validation`, release profile (opt-level \"z\", as the wasm).\n"
        );
        let _ = writeln!(out, "```text\n{}\n```", divan.trim_end());

        let keys = &browser.keystrokes;
        let _ = writeln!(
            out,
            "\n## Input to render in Chromium: {} keystrokes into `#login-user`\n\n\
             One WebDriver key press at a time on the sign-in panel, after {WARM_UP_KEYSTROKES} \
             to warm up. Milliseconds from the `input` event's dispatch, taken inside the page \
             (performance.now() steps by 0.1 ms in a page that is not cross-origin isolated).\n",
            keys.len()
        );
        let mutated: Vec<f64> = keys.iter().filter_map(|k| k.first_mutation).collect();
        let mut rows = vec![
            (
                "handled (the page's listeners and their updates)",
                summarize(keys.iter().map(|k| k.handled)),
            ),
            (
                "the next frame rendered",
                summarize(keys.iter().map(|k| k.frame)),
            ),
        ];
        if !mutated.is_empty() {
            rows.insert(
                1,
                ("the first DOM change", summarize(mutated.iter().copied())),
            );
        }
        out.push_str(&timing_table("from `input` to", &rows));
        let mutations = summarize(keys.iter().map(|k| k.mutations as f64));
        let _ = writeln!(
            out,
            "\nDOM changes per keystroke: median {} ({} of {} keystrokes changed the DOM; the \
             typed text itself is the input's value, which is no DOM change).",
            mutations.map_or(0.0, |m| m.median),
            mutated.len(),
            keys.len()
        );
        out
    }
}

fn timing_table(first: &str, rows: &[(&str, Option<Summary>)]) -> String {
    let width = rows
        .iter()
        .map(|(label, _)| label.chars().count())
        .chain([first.chars().count()])
        .max()
        .unwrap_or_default();
    let mut out = format!(
        "| {first:<width$} |    median |       min |       max |\n|{}|----------:|----------:|----------:|\n",
        "-".repeat(width + 2)
    );
    for (label, summary) in rows {
        let cells = match summary {
            Some(s) => [s.median, s.min, s.max].map(|ms| format!("{ms:.1} ms")),
            None => ["-".to_owned(), "-".to_owned(), "-".to_owned()],
        };
        let _ = writeln!(
            out,
            "| {label:<width$} | {:>9} | {:>9} | {:>9} |",
            cells[0], cells[1], cells[2]
        );
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn summarizes() {
        assert_eq!(summarize([]), None);
        assert_eq!(
            summarize([3.0, 1.0, 2.0]),
            Some(Summary {
                median: 2.0,
                min: 1.0,
                max: 3.0
            })
        );
        assert_eq!(
            summarize([4.0, 1.0, 2.0, 10.0]).map(|s| s.median),
            Some(3.0)
        );
    }

    #[test]
    fn timing_tables_line_up() {
        let table = timing_table(
            "moment",
            &[
                (
                    "`load` event",
                    Some(Summary {
                        median: 123.45,
                        min: 100.0,
                        max: 2000.0,
                    }),
                ),
                ("never", None),
            ],
        );
        let lines: Vec<&str> = table.lines().collect();
        assert_eq!(lines.len(), 4, "{table}");
        assert!(
            lines
                .iter()
                .all(|l| l.chars().count() == lines[0].chars().count()),
            "{table}"
        );
        assert!(lines[2].contains("123.5 ms") && lines[2].contains("2000.0 ms"));
    }

    #[test]
    fn hashed_names_are_told_from_the_others() {
        for hashed in [
            "/main-f12f237b551012eb.css",
            "/commandcenter-email-3a63282c66303fed_bg.wasm",
            "/assets/index-C9iOHSN2.js",
        ] {
            assert!(is_hashed(hashed), "{hashed}");
        }
        for plain in [
            "/",
            "/index.html",
            "/config.json",
            "/app.js",
            "/style.css",
            "/x-y.js",
        ] {
            assert!(!is_hashed(plain), "{plain}");
        }
    }

    #[test]
    fn the_slow_link_is_given_to_devtools_in_bytes_per_second() {
        let emulation = SLOW_LINK.emulation();
        assert_eq!(emulation["downloadThroughput"], 250_000);
        assert_eq!(emulation["uploadThroughput"], 125_000);
        assert_eq!(emulation["latency"], 100);
        assert_eq!(
            SLOW_LINK.describe(),
            "2 Mbit/s down, 1 Mbit/s up, 100 ms round trip"
        );
    }

    #[test]
    fn serves_dist_with_its_precompressed_siblings() -> anyhow::Result<()> {
        use std::io::{Read, Write};

        let dist = std::env::temp_dir().join(format!("xtask-serve-test-{}", std::process::id()));
        let _ = fs::remove_dir_all(&dist);
        fs::create_dir_all(&dist)?;
        for (name, content) in [
            ("index.html", "plain html"),
            ("index.html.gz", "gzip html"),
            ("app-1f2e3d.wasm", "plain wasm"),
            ("app-1f2e3d.wasm.br", "brotli wasm"),
            ("app-1f2e3d.wasm.gz", "gzip wasm"),
        ] {
            fs::write(dist.join(name), content)?;
        }
        let runtime = tokio::runtime::Builder::new_multi_thread()
            .enable_all()
            .build()?;
        let server = runtime.block_on(StaticServer::start(&dist))?;
        // The server runs on the runtime's worker threads; this thread is a plain client.
        let get = |path: &str, accept: &str| {
            let mut stream = std::net::TcpStream::connect(server.address)?;
            write!(
                stream,
                "GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept-Encoding: {accept}\r\n\
                 Connection: close\r\n\r\n"
            )?;
            let mut answer = String::new();
            stream.read_to_string(&mut answer)?;
            anyhow::Ok(answer.to_ascii_lowercase())
        };

        let html = get("/", "gzip, deflate, br, zstd")?;
        assert!(html.starts_with("http/1.1 200"), "{html}");
        assert!(html.contains("content-encoding: gzip\r\n"), "{html}");
        assert!(html.contains("content-type: text/html"), "{html}");
        assert!(html.contains("cache-control: no-cache\r\n"), "{html}");
        assert!(html.contains("vary: accept-encoding\r\n"), "{html}");
        assert!(html.ends_with("\r\n\r\ngzip html"), "{html}");
        let wasm = get("/app-1f2e3d.wasm", "gzip, deflate, br, zstd")?;
        assert!(wasm.contains("content-encoding: br\r\n"), "{wasm}");
        // Without it the browser cannot compile the wasm while it downloads.
        assert!(wasm.contains("content-type: application/wasm"), "{wasm}");
        assert!(wasm.ends_with("brotli wasm"), "{wasm}");
        let plain = get("/app-1f2e3d.wasm", "br;q=0, identity")?;
        assert!(!plain.contains("content-encoding"), "{plain}");
        assert!(plain.ends_with("\r\n\r\nplain wasm"), "{plain}");
        for outside in ["/../Cargo.toml", "/nope.js"] {
            let answer = get(outside, "gzip")?;
            assert!(answer.starts_with("http/1.1 404"), "{outside}: {answer}");
        }
        let expected: BTreeMap<String, u64> = [("br", 1), ("gzip", 1), ("identity", 1)]
            .map(|(coding, n)| (coding.to_owned(), n))
            .into();
        assert_eq!(server.sent_encodings(), expected);
        drop(server);
        let _ = fs::remove_dir_all(&dist);
        Ok(())
    }

    #[test]
    fn the_probe_defines_what_the_bench_reads() {
        for name in [
            "__xtaskBench",
            "whenInteractive",
            "whenKeystrokes",
            "Page.addScriptToEvaluateOnNewDocument",
        ] {
            assert!(PROBE.contains(name), "probe.js does not mention {name}");
        }
    }
}
