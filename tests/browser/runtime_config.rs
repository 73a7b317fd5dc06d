//! `config.json`, read when the page starts: a broken one is reported on the page, and the page
//! runs on its defaults meanwhile. Its `themeStylesheet` recolours the page under the strict
//! policy; one the page may not use is reported, and only the theme is dropped.

use std::time::Duration;

use anyhow::ensure;
use fake_commandcenter::{FakeCommandCenter, FakeConfig};
use serde_json::json;

use crate::harness::{
    demo_fake, strict_policy, wait_until, Csp, ExtraFile, Page, PortalSite, Probe, Serving,
    WasmGate, LOADED_CONFIGURED, LOADED_NOTHING_CONFIGURED,
};

/// Where the page says what is wrong with `config.json`.
const NOTICE: &str = "p.notice";

#[tokio::test(flavor = "multi_thread")]
#[ignore = "needs the release build and Chromium: run `cargo xtask test`"]
async fn a_broken_config_json_is_reported_and_the_page_runs_on_its_defaults() -> anyhow::Result<()>
{
    let fake = FakeCommandCenter::new(FakeConfig::default());
    let misspelt = r#"{"apiBaseURL": "https://elsewhere.example/api"}"#;
    let page = Page::open_with_config(fake, misspelt).await?;
    let cases = [
        (
            misspelt,
            "config.json is not valid: unknown field `apiBaseURL`, expected one of `apiBaseUrl`, \
             `allowApiBaseUrlChange`, `requestTimeoutSeconds`, `embedding`, `title`, \
             `themeStylesheet`, `language`, `allowLanguageChange` at line 1 column 13.",
        ),
        (
            r#"{"requestTimeoutSeconds": 0}"#,
            "config.json is not valid: requestTimeoutSeconds must be 1 to 600.",
        ),
        (
            "<!DOCTYPE html><title>Portal</title>",
            "config.json is not valid: expected value at line 1 column 1.",
        ),
    ];
    for (n, (config, expected)) in cases.into_iter().enumerate() {
        if n > 0 {
            page.set_config_json(config)?;
            page.reload().await?;
        }
        assert_eq!(
            wait_for_notice(&page).await?,
            format!("{expected} The page uses the default API base URL."),
            "the notice for {config:?}"
        );
        assert_eq!(
            page.value("API base URL").await?,
            "/commandcenter/api",
            "the API base URL with {config:?}"
        );
    }
    // The defaults work: signing in loads the settings.
    assert_eq!(
        page.sign_in().await?,
        LOADED_NOTHING_CONFIGURED,
        "#load-status after signing in"
    );
    page.close().await
}

async fn wait_for_notice(page: &Page) -> anyhow::Result<String> {
    wait_until(
        "the config.json notice",
        Duration::from_secs(10),
        || async {
            Ok(match page.text_of(NOTICE).await? {
                Some(text) => Probe::Done(text),
                None => Probe::NotYet(format!("no {NOTICE}")),
            })
        },
    )
    .await
}

/// The page's own background, `--bg` of style/main.css in the light scheme.
const DEFAULT_BACKGROUND: &str = "rgb(244, 246, 249)";
/// What the operator's theme makes of it.
const THEMED_BACKGROUND: &str = "rgb(1, 2, 3)";

async fn background(page: &Page) -> anyhow::Result<String> {
    let colour = page
        .client()
        .execute(
            "return getComputedStyle(document.body).backgroundColor",
            vec![],
        )
        .await?;
    Ok(colour.as_str().unwrap_or_default().to_owned())
}

async fn wait_for_background(page: &Page, expected: &str) -> anyhow::Result<()> {
    wait_until(
        &format!("the background to be {expected}"),
        Duration::from_secs(10),
        || async {
            let shown = background(page).await?;
            Ok(if shown == expected {
                Probe::Done(())
            } else {
                Probe::NotYet(shown)
            })
        },
    )
    .await
}

#[tokio::test(flavor = "multi_thread")]
#[ignore = "needs the release build and Chromium: run `cargo xtask test`"]
async fn a_theme_of_the_pages_own_server_recolours_it_once_config_json_is_read(
) -> anyhow::Result<()> {
    let config_read = WasmGate::closed();
    let serving = Serving {
        config_json: Some(json!({"themeStylesheet": "themes/backup.css"}).to_string()),
        config_gate: Some(config_read.clone()),
        extra_files: vec![ExtraFile {
            path: "/themes/backup.css",
            content_type: "text/css",
            body: format!(":root {{ --bg: {THEMED_BACKGROUND}; --accent: rgb(120, 30, 160); }}"),
        }],
        // The strict policy (style-src 'self'): any violation fails the test.
        ..Serving::default()
    };
    let page = Page::open_on(FakeCommandCenter::new(FakeConfig::default()), serving).await?;
    page.emulate_media(&[("prefers-color-scheme", "light")])
        .await?;
    assert_eq!(
        background(&page).await?,
        DEFAULT_BACKGROUND,
        "the background before config.json was read"
    );
    config_read.release();
    wait_for_background(&page, THEMED_BACKGROUND).await?;
    ensure!(
        page.text_of(NOTICE).await?.is_none(),
        "a notice for a theme that loaded: {:?}",
        page.text_of(NOTICE).await?
    );
    page.ensure_no_csp_violation().await?;

    // A stylesheet that is not there: said, and the page keeps its own colours.
    page.set_config_json(&json!({"themeStylesheet": "/themes/gone.css"}).to_string())?;
    page.reload().await?;
    assert_eq!(
        wait_for_notice(&page).await?,
        "The stylesheet of config.json's themeStylesheet, “/themes/gone.css”, could not be \
         loaded: the page uses its own colours.",
    );
    assert_eq!(background(&page).await?, DEFAULT_BACKGROUND);
    page.close().await
}

#[tokio::test(flavor = "multi_thread")]
#[ignore = "needs the release build and Chromium: run `cargo xtask test`"]
async fn a_theme_from_elsewhere_is_refused_and_the_rest_of_config_json_still_applies(
) -> anyhow::Result<()> {
    let portal = PortalSite::serve().await?;
    // The fake matches paths case-insensitively and records them as received: the calls'
    // spelling tells that this apiBaseUrl, and no default, was used.
    let config = json!({
        "apiBaseUrl": "/CommandCenter/API",
        "themeStylesheet": format!("{}/portal.css", portal.origin),
        "embedding": {"allowedParentOrigins": [portal.origin]},
    });
    let serving = Serving {
        config_json: Some(config.to_string()),
        csp: Csp::Policy(strict_policy(&[], std::slice::from_ref(&portal.origin))),
        ..Serving::default()
    };
    let page = Page::open_on(demo_fake()?, serving).await?;
    page.open_in_portal(&portal).await?;
    page.emulate_media(&[("prefers-color-scheme", "light")])
        .await?;

    // The embedding keys hold: the portal's session was taken.
    assert_eq!(page.wait_until_loaded().await?, LOADED_CONFIGURED);
    let requests = page.fake.requests();
    ensure!(
        requests
            .iter()
            .any(|r| r.method == "GET" && r.path == "/CommandCenter/API/V4/EmailServer"),
        "no load went to config.json's apiBaseUrl: {:#?}",
        page.fake.requests()
    );
    assert_eq!(
        wait_for_notice(&page).await?,
        format!(
            "config.json's themeStylesheet, “{}/portal.css”, is not on this page's own server, \
             and only a stylesheet from there may style it: the page uses its own colours.",
            portal.origin
        ),
    );
    ensure!(
        !page.exists("link[href*='portal.css']").await?,
        "the page linked the stylesheet from elsewhere"
    );
    assert_eq!(background(&page).await?, DEFAULT_BACKGROUND);
    page.ensure_no_csp_violation().await?;
    page.close().await
}
