//! The strict Content-Security-Policy of docs/deploy.md. Every page the other tests open is
//! served with it and fails on any violation (`Page::close`); these tests are about what it is
//! meant to refuse: a call to an origin `connect-src` does not list, and wasm that may not be
//! compiled or is not there.

use anyhow::{anyhow, ensure};
use std::time::Duration;

use fake_commandcenter::{FakeCommandCenter, FakeConfig, DEFAULT_TOKEN};

use crate::harness::{wait_until, Csp, Page, Probe, Serving};

#[tokio::test(flavor = "multi_thread")]
#[ignore = "needs the release build and Chromium: run `cargo xtask test`"]
async fn a_call_the_policy_blocks_says_which_directive_to_change() -> anyhow::Result<()> {
    let page = Page::open_with(FakeCommandCenter::new(FakeConfig::default())).await?;
    page.expect_csp_violations();
    // The same fake on another port: another origin, which connect-src 'self' does not allow.
    let elsewhere = format!("http://{}", page.fake.spawn_local().await?);
    page.fill("API base URL", &format!("{elsewhere}/commandcenter/api"))
        .await?;
    // A pasted token is taken unless Command Center answers 401: the load says what went wrong.
    page.sign_in_with_token(DEFAULT_TOKEN).await?;
    let alert = page.wait_for_load_alert().await?;
    let expected = format!(
        "This page's Content-Security-Policy does not allow it to connect to {elsewhere} \
         (connect-src)"
    );
    ensure!(alert.starts_with(&expected), "the load alert {alert:?}");
    ensure!(
        !alert.contains("CORS") && !alert.contains("Could not reach"),
        "the alert mixes up the policy with CORS or an unreachable host: {alert:?}"
    );
    ensure!(
        page.fake.requests().is_empty(),
        "the browser sent requests it should have refused: {:#?}",
        page.fake.requests()
    );
    let violations = page.csp_violations().await?;
    ensure!(
        violations.iter().any(|v| v.contains("connect-src")),
        "no connect-src violation in the console: {violations:?}"
    );
    page.close().await
}

#[tokio::test(flavor = "multi_thread")]
#[ignore = "needs the release build and Chromium: run `cargo xtask test`"]
async fn a_policy_without_wasm_unsafe_eval_is_named_when_the_page_cannot_start(
) -> anyhow::Result<()> {
    let policy = crate::harness::strict_policy(&[], &[]).replace(" 'wasm-unsafe-eval'", "");
    let serving = Serving {
        csp: Csp::Policy(policy),
        ..Serving::default()
    };
    let page = Page::serve(FakeCommandCenter::new(FakeConfig::default()), serving).await?;
    page.expect_csp_violations();
    let alert = wait_for_start_failure(&page).await?;
    ensure!(
        alert.contains("could not start") && alert.contains("'wasm-unsafe-eval'"),
        "the start-up alert {alert:?}"
    );
    ensure!(
        !page.exists("#sign-in").await?,
        "the sign-in form is there although the wasm never started"
    );
    page.close().await
}

#[tokio::test(flavor = "multi_thread")]
#[ignore = "needs the release build and Chromium: run `cargo xtask test`"]
async fn a_missing_wasm_file_is_named_when_the_page_cannot_start() -> anyhow::Result<()> {
    let broken = copy_of_dist_without_the_wasm()?;
    let serving = Serving {
        dist: Some(broken.path().to_owned()),
        ..Serving::default()
    };
    let page = Page::serve(FakeCommandCenter::new(FakeConfig::default()), serving).await?;
    let alert = wait_for_start_failure(&page).await?;
    ensure!(
        alert.contains("could not start") && alert.contains("_bg.wasm"),
        "the start-up alert {alert:?}"
    );
    page.close().await
}

/// The alert that startup/early.js puts up when the start fails.
async fn wait_for_start_failure(page: &Page) -> anyhow::Result<String> {
    wait_until(
        "the page to say it could not start",
        Duration::from_secs(15),
        || async {
            Ok(match page.text_of("#start-failed[role=alert]").await? {
                Some(text) => Probe::Done(text),
                None => Probe::NotYet("no #start-failed".into()),
            })
        },
    )
    .await
}

/// A folder removed when dropped.
struct TempDir(std::path::PathBuf);

impl TempDir {
    fn path(&self) -> &std::path::Path {
        &self.0
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// The build, as a server that lost the wasm (and its precompressed siblings) would serve it.
fn copy_of_dist_without_the_wasm() -> anyhow::Result<TempDir> {
    let dist = std::env::var_os("COMMANDCENTER_EMAIL_DIST")
        .map(std::path::PathBuf::from)
        .ok_or_else(|| anyhow!("COMMANDCENTER_EMAIL_DIST is not set"))?;
    let copy = TempDir(std::env::temp_dir().join(format!(
        "commandcenter-email-no-wasm-{}",
        std::process::id()
    )));
    let _ = std::fs::remove_dir_all(copy.path());
    std::fs::create_dir_all(copy.path())?;
    let mut removed = 0;
    for entry in std::fs::read_dir(&dist)? {
        let path = entry?.path();
        let name = path.file_name().unwrap_or_default().to_string_lossy();
        if name.contains("_bg.wasm") {
            removed += 1;
        } else if path.is_file() {
            std::fs::copy(&path, copy.path().join(&*name))?;
        }
    }
    ensure!(removed > 0, "{} has no wasm to leave out", dist.display());
    Ok(copy)
}
