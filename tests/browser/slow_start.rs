//! A slow link is not a failure: while the wasm arrives the page says how far it is, keeps taking
//! typing and the press of Sign in, says when nothing has arrived for a while (and keeps the form),
//! and starts whenever the bytes come. The threshold for "stalled" is shortened by the test
//! server (`Serving::stall_seconds`), so no test waits for the real one.

use anyhow::ensure;
use std::time::Duration;

use fake_commandcenter::{
    FakeCommandCenter, FakeConfig, DEFAULT_LOGIN_PASSWORD, DEFAULT_LOGIN_USER, DEFAULT_TOKEN,
};
use serde_json::json;

use crate::harness::{
    demo_fake, wait_until, EmulatedLink, Page, Probe, Serving, WasmGate, LOGIN_PASSWORD_BASE64,
    LOGIN_PATH,
};

/// The line beside the sign-in button, as a sighted user reads it.
const PROGRESS: &str = "#sign-in-form .start-progress";
/// How long the tests' threshold for "stalled" is.
const STALL_SECONDS: u32 = 2;

/// What the progress line says now ("Loading the page… 45 %"), if it is shown.
async fn progress(page: &Page, css: &str) -> anyhow::Result<Option<String>> {
    let shown = page
        .client()
        .execute(
            "const line = document.querySelector(arguments[0]);
             return line && line.offsetParent !== null ? line.textContent : null;",
            vec![json!(css)],
        )
        .await?;
    Ok(shown.as_str().map(str::to_owned))
}

/// The figure in a progress line: "Loading the page… 45 %" is 45.
fn figure(line: &str) -> Option<u32> {
    line.strip_suffix(" %")?.rsplit(' ').next()?.parse().ok()
}

async fn wait_until_started(page: &Page) -> anyhow::Result<()> {
    wait_until("the app to start", Duration::from_secs(60), || async {
        Ok(if page.exists("html[data-app-started]").await? {
            Probe::Done(())
        } else {
            Probe::NotYet("no html[data-app-started]".into())
        })
    })
    .await
}

#[tokio::test(flavor = "multi_thread")]
#[ignore = "needs the release build and Chromium: run `cargo xtask test`"]
async fn a_trickled_wasm_shows_rising_figures_and_the_sign_in_pressed_meanwhile_goes_through(
) -> anyhow::Result<()> {
    // About three seconds for the wasm, a chunk every tenth of a second: far below the threshold
    // between two chunks, so the page must never call it stalled.
    let gate = WasmGate::trickle(16 * 1024, Duration::from_millis(100));
    let serving = Serving {
        wasm_gate: Some(gate.clone()),
        stall_seconds: Some(1),
        ..Serving::default()
    };
    let page = Page::serve(demo_fake()?, serving).await?;
    page.sign_in_with_password(DEFAULT_LOGIN_USER, DEFAULT_LOGIN_PASSWORD)
        .await?;
    let mut figures = Vec::new();
    while !page.exists("html[data-app-started]").await? {
        ensure!(
            !page.exists("#start-failed, .start-stalled").await?,
            "the page gave up or called a trickle stalled: {:?}",
            page.text_of("#start-failed, .start-stalled").await?
        );
        if let Some(figure) = progress(&page, PROGRESS).await?.as_deref().and_then(figure) {
            if figures.last() != Some(&figure) {
                figures.push(figure);
            }
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    ensure!(
        figures.len() >= 3 && figures.windows(2).all(|pair| pair[0] < pair[1]),
        "the figures while the wasm trickled in: {figures:?}"
    );
    page.wait_until_signed_in().await?;
    let login = page.only_request_to("POST", LOGIN_PATH)?;
    assert_eq!(
        login.json(),
        Some(json!({"username": DEFAULT_LOGIN_USER, "password": LOGIN_PASSWORD_BASE64})),
        "the sign-in the app sent with what was typed while the wasm arrived"
    );
    ensure!(
        progress(&page, PROGRESS).await?.is_none(),
        "the progress line is still there once the app runs"
    );
    // The preload and start.js's own fetch are one request.
    assert_eq!(gate.requests(), 1, "requests for the wasm");
    page.close().await
}

#[tokio::test(flavor = "multi_thread")]
#[ignore = "needs the release build and Chromium: run `cargo xtask test`"]
async fn a_slow_start_moves_nothing_on_the_page() -> anyhow::Result<()> {
    let gate = WasmGate::trickle(32 * 1024, Duration::from_millis(100));
    let serving = Serving {
        wasm_gate: Some(gate),
        ..Serving::default()
    };
    let page = Page::serve(demo_fake()?, serving).await?;
    page.fill("User name", DEFAULT_LOGIN_USER).await?;
    wait_until_started(&page).await?;
    // The line beside the button came, counted up and went, and the app took the form over:
    // nothing moved (a page that grew by a line could even toggle the scroll bar).
    page.wait_for_text("#sign-in", "Sign in").await?;
    assert_eq!(
        page.layout_shift().await?,
        0.0,
        "the layout shift of the start"
    );
    page.close().await
}

#[tokio::test(flavor = "multi_thread")]
#[ignore = "needs the release build and Chromium: run `cargo xtask test`"]
async fn a_stalled_wasm_is_said_keeps_the_form_and_starts_when_the_bytes_come() -> anyhow::Result<()>
{
    let gate = WasmGate::stalled_after(64 * 1024);
    let serving = Serving {
        wasm_gate: Some(gate.clone()),
        stall_seconds: Some(STALL_SECONDS),
        ..Serving::default()
    };
    let page = Page::serve(demo_fake()?, serving).await?;
    page.choose_sign_in_mode("An access token").await?;
    page.fill("Access token", DEFAULT_TOKEN).await?;
    let notice = wait_until(
        "the page to say the connection seems stalled",
        Duration::from_secs(30),
        || async {
            Ok(match page.text_of(".start-stalled[role=alert]").await? {
                Some(text) => Probe::Done(text),
                None => Probe::NotYet(format!("{:?}", progress(&page, PROGRESS).await?)),
            })
        },
    )
    .await?;
    ensure!(
        notice.contains("seems stalled") && notice.contains(&format!("{STALL_SECONDS} seconds")),
        "the stall notice {notice:?}"
    );
    assert_eq!(
        page.text_of(".start-stalled button").await?.as_deref(),
        Some("Reload"),
        "the stall notice's button"
    );
    ensure!(
        !page.exists("#start-failed").await?,
        "a stall was taken for a failure"
    );
    let figure_then = progress(&page, PROGRESS).await?.as_deref().and_then(figure);
    ensure!(
        figure_then.is_some_and(|f| f > 0 && f < 100),
        "the progress line while stalled: {:?}",
        progress(&page, PROGRESS).await?
    );
    assert_eq!(
        page.value("Access token").await?,
        DEFAULT_TOKEN,
        "the token typed before the stall"
    );
    // Pressed while stalled: the app signs in once it runs.
    page.click("sign-in").await?;
    gate.release();
    page.wait_until_signed_in().await?;
    ensure!(
        !page.exists(".start-stalled").await?,
        "the stall notice is still there once the app runs"
    );
    page.close().await
}

#[tokio::test(flavor = "multi_thread")]
#[ignore = "needs the release build and Chromium: run `cargo xtask test`"]
async fn over_an_emulated_300_kbit_link_the_page_starts_and_signs_in() -> anyhow::Result<()> {
    // A hotel or satellite VPN, and a server that does not compress: the wasm alone takes about
    // twelve seconds, more than twice the limit the page once gave itself.
    let serving = Serving {
        link: Some(EmulatedLink {
            kbit_per_s: 300,
            round_trip_ms: 200,
        }),
        ..Serving::default()
    };
    let page = Page::serve(demo_fake()?, serving).await?;
    page.sign_in_with_password(DEFAULT_LOGIN_USER, DEFAULT_LOGIN_PASSWORD)
        .await?;
    wait_until_started(&page).await?;
    page.wait_until_signed_in().await?;
    page.close().await
}

#[tokio::test(flavor = "multi_thread")]
#[ignore = "needs the release build and Chromium: run `cargo xtask test`"]
async fn a_wasm_sent_with_another_type_still_starts() -> anyhow::Result<()> {
    let serving = Serving {
        wasm_content_type: Some("application/octet-stream"),
        ..Serving::default()
    };
    let page = Page::open_on(FakeCommandCenter::new(FakeConfig::default()), serving).await?;
    page.sign_in().await?;
    page.close().await
}

#[tokio::test(flavor = "multi_thread")]
#[ignore = "needs the release build and Chromium: run `cargo xtask test`"]
async fn embed_html_shows_how_far_the_start_is() -> anyhow::Result<()> {
    let gate = WasmGate::stalled_after(64 * 1024);
    let serving = Serving {
        wasm_gate: Some(gate.clone()),
        ..Serving::default()
    };
    let page = Page::serve(FakeCommandCenter::new(FakeConfig::default()), serving).await?;
    page.client()
        .goto(&format!("{}embed.html", page.url()))
        .await?;
    let line = "#portal-connecting .start-progress";
    let shown = wait_until(
        "the portal panel's progress",
        Duration::from_secs(30),
        || async {
            Ok(match progress(&page, line).await? {
                Some(text) if figure(&text).is_some_and(|f| f > 0) => Probe::Done(text),
                other => Probe::NotYet(format!("{other:?}")),
            })
        },
    )
    .await?;
    ensure!(
        shown.starts_with("Loading the page…"),
        "the portal panel's progress line {shown:?}"
    );
    gate.release();
    wait_until_started(&page).await?;
    page.close().await
}

#[tokio::test(flavor = "multi_thread")]
#[ignore = "needs the release build and Chromium: run `cargo xtask test`"]
async fn a_sign_in_waits_for_config_json_and_says_so() -> anyhow::Result<()> {
    let gate = WasmGate::closed();
    let serving = Serving {
        config_gate: Some(gate.clone()),
        ..Serving::default()
    };
    let page = Page::open_on(demo_fake()?, serving).await?;
    page.sign_in_with_password(DEFAULT_LOGIN_USER, DEFAULT_LOGIN_PASSWORD)
        .await?;
    page.wait_for_text(
        "#sign-in-reading-settings[role=status]",
        "Reading the page's settings…",
    )
    .await?;
    assert_eq!(
        page.by_id("sign-in").await?.text().await?,
        "Signing in…",
        "the button while config.json is on its way"
    );
    page.ensure_nothing_sent()?;
    ensure!(
        page.requests_to("POST", LOGIN_PATH).is_empty(),
        "the sign-in went out before config.json had arrived"
    );
    gate.release();
    page.wait_until_signed_in().await?;
    page.only_request_to("POST", LOGIN_PATH)?;
    ensure!(
        !page.exists("#sign-in-reading-settings").await?,
        "the page still says it reads its settings"
    );
    // The app's request for config.json is the one index.html preloads.
    assert_eq!(gate.requests(), 1, "requests for config.json");
    page.close().await
}
