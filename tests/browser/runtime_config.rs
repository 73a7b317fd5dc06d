//! `config.json`, read when the page starts: a broken one is reported on the page, and the page
//! runs on its defaults meanwhile.

use std::time::Duration;

use fake_commandcenter::{FakeCommandCenter, FakeConfig};

use crate::harness::{wait_until, Page, Probe, LOADED_NOTHING_CONFIGURED};

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
             `allowApiBaseUrlChange`, `requestTimeoutSeconds`, `embedding`, `title` at line 1 \
             column 13.",
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
