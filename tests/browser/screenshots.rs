//! The README's pictures: the main states, desktop and 390 px wide, light and dark, as PNGs in
//! `target/screenshots/`, or where `COMMANDCENTER_EMAIL_SCREENSHOTS` says
//! (`cargo xtask screenshots` points it at docs/screenshots/).

use anyhow::anyhow;
use std::path::PathBuf;

use base64::Engine;
use fake_commandcenter::{Endpoint, Fault};
use serde_json::json;

use crate::harness::{wait_until, Page, Probe, Serving, WasmGate};

const WIDTHS: [(&str, u32); 2] = [("desktop", 1280), ("390px", 390)];
const SCHEMES: [&str; 2] = ["light", "dark"];

fn folder() -> PathBuf {
    std::env::var_os("COMMANDCENTER_EMAIL_SCREENSHOTS")
        .map(PathBuf::from)
        .unwrap_or_else(|| {
            PathBuf::from(env!("CARGO_MANIFEST_DIR"))
                .join("target")
                .join("screenshots")
        })
}

/// Every width and scheme of the page as it is now, the whole page high; returns the files.
async fn shoot(page: &Page, state: &str) -> anyhow::Result<Vec<PathBuf>> {
    shoot_in(page, state, &SCHEMES).await
}

/// Every width of the page as it is now, in each of `schemes`.
async fn shoot_in(page: &Page, state: &str, schemes: &[&str]) -> anyhow::Result<Vec<PathBuf>> {
    let mut written = Vec::new();
    for (width_name, width) in WIDTHS {
        for &scheme in schemes {
            page.emulate_media(&[("prefers-color-scheme", scheme)])
                .await?;
            page.set_viewport(width, 800, 1).await?;
            let height = page
                .client()
                .execute("return document.documentElement.scrollHeight;", vec![])
                .await?
                .as_u64()
                .and_then(|height| u32::try_from(height).ok())
                .unwrap_or(800)
                .max(600);
            page.set_viewport(width, height, 1).await?;
            // A frame drawn at the new size, not one left over from the old (its scroll bars).
            page.client()
                .execute_async(
                    "const done = arguments[0]; requestAnimationFrame(() => requestAnimationFrame(done));",
                    vec![],
                )
                .await?;
            let shot = page
                .browser_cdp("Page.captureScreenshot", json!({ "format": "png" }))
                .await?;
            let png = base64::engine::general_purpose::STANDARD
                .decode(shot["data"].as_str().expect("the screenshot as base64"))
                .map_err(|e| anyhow!("the screenshot is not base64: {e}"))?;
            let decoded = png::Decoder::new(std::io::Cursor::new(&png))
                .read_info()
                .map_err(|e| anyhow!("the {state} screenshot is no PNG: {e}"))?;
            assert_eq!(
                decoded.info().width,
                width,
                "the width of the {state} screenshot at {width_name}"
            );
            let path = folder().join(format!("{state}-{width_name}-{scheme}.png"));
            std::fs::write(&path, &png)?;
            written.push(path);
        }
    }
    Ok(written)
}

/// The sign-in, the settings and the review in each language but English, desktop and 390 px,
/// light (the colours are the same in every language).
#[tokio::test(flavor = "multi_thread")]
#[ignore = "needs the release build and Chromium: run `cargo xtask test` or `cargo xtask screenshots`"]
async fn the_main_states_in_every_language() -> anyhow::Result<()> {
    std::fs::create_dir_all(folder())?;
    let mut written = Vec::new();
    for (language, browser) in [
        ("de", "de-DE"),
        ("fr", "fr-FR"),
        ("es", "es-ES"),
        ("ja", "ja-JP"),
        ("zh-Hans", "zh-CN"),
    ] {
        let page = Page::open_on(
            crate::harness::demo_fake()?,
            Serving {
                browser_languages: Some(vec![browser]),
                ..Serving::default()
            },
        )
        .await?;
        crate::languages::wait_for_language(&page, language).await?;
        written.extend(shoot_in(&page, &format!("sign-in-{language}"), &["light"]).await?);
        page.sign_in_in_any_language().await?;
        written.extend(shoot_in(&page, &format!("loaded-{language}"), &["light"]).await?);
        page.fill_id("sender-name", "Nightly backups").await?;
        page.set_viewport(WIDTHS[0].1, 800, 1).await?;
        page.click_save().await?;
        page.wait_for_dialog("review-dialog", true).await?;
        written.extend(shoot_in(&page, &format!("review-{language}"), &["light"]).await?);
        page.close().await?;
    }
    assert_eq!(written.len(), 5 * 3 * WIDTHS.len(), "{written:?}");
    Ok(())
}

#[tokio::test(flavor = "multi_thread")]
#[ignore = "needs the release build and Chromium: run `cargo xtask test` or `cargo xtask screenshots`"]
async fn the_main_states_desktop_and_390_px_light_and_dark() -> anyhow::Result<()> {
    std::fs::create_dir_all(folder())?;
    let page = Page::open_with(crate::harness::demo_fake()?).await?;
    let mut written = shoot(&page, "sign-in").await?;
    page.log_in().await?;
    written.extend(shoot(&page, "loaded").await?);

    page.fill("SMTP server", "smtp.office365.com").await?;
    page.fill("SMTP port", "465").await?;
    page.click("send-test").await?;
    page.wait_for_field_error("smtp-password").await?;
    written.extend(shoot(&page, "field-errors").await?);

    page.click("discard").await?;
    page.choose("Provider", "google").await?;
    page.fill("SMTP port", "465").await?;
    page.fill("Password", "my-account-password").await?;
    page.wait_for_warnings("smtp-password", &["Warning:"])
        .await?;
    written.extend(shoot(&page, "warnings").await?);

    page.click("discard").await?;
    page.fill("Sender name", "Nightly backups").await?;
    page.open_review().await?;
    written.extend(shoot(&page, "review").await?);
    page.review_back().await?;

    page.fake
        .change_settings_as_colleague(
            json!({ "senderName": "Backup team", "username": "relay-account" }),
        )
        .map_err(anyhow::Error::msg)?;
    page.fill("Sender name", "Night shift").await?;
    // Opened at the first width shot: Chromium can keep the scroll bar of a dialog opened at
    // 390 px and widened for the picture.
    page.set_viewport(WIDTHS[0].1, 800, 1).await?;
    page.open_review().await?;
    written.extend(shoot(&page, "review-changed").await?);
    page.review_back().await?;
    page.click("discard").await?;

    page.fake
        .set_fault_times(Endpoint::GetEmailServer, Fault::Delay { ms: 60_000 }, 1);
    page.fill("Sender name", "Night shift").await?;
    page.set_viewport(WIDTHS[0].1, 800, 1).await?;
    page.click_save().await?;
    page.wait_for_dialog("review-dialog", true).await?;
    page.click("review-confirm").await?;
    page.wait_for_text("#review-recheck", "Confirm goes ahead")
        .await?;
    written.extend(shoot(&page, "review-waiting").await?);
    page.review_back().await?;
    page.click("discard").await?;

    page.post_saved_from_another_tab().await?;
    written.extend(shoot(&page, "saved-elsewhere").await?);
    page.load_saved_elsewhere().await?;

    page.fake.set_fault(
        Endpoint::TestEmailServer,
        Some(Fault::ErrorCode {
            code: 6,
            message: "535-5.7.8 Username and Password not accepted.".into(),
        }),
    );
    page.click("send-test").await?;
    page.wait_for_alert().await?;
    written.extend(shoot(&page, "test-email-failed").await?);

    assert_eq!(
        written.len(),
        9 * WIDTHS.len() * SCHEMES.len(),
        "screenshots written"
    );
    println!("screenshots in {}", folder().display());
    page.close().await
}

#[tokio::test(flavor = "multi_thread")]
#[ignore = "needs the release build and Chromium: run `cargo xtask test` or `cargo xtask screenshots`"]
async fn the_start_on_a_slow_link_desktop_and_390_px_light_and_dark() -> anyhow::Result<()> {
    std::fs::create_dir_all(folder())?;
    let mut written = Vec::new();
    // The wasm stops after its first bytes: first under the real threshold (loading), then under
    // two seconds (stalled).
    for (state, stall_seconds, shown) in [
        ("loading", None, ".start-progress:not([hidden])"),
        ("stalled", Some(2), ".start-stalled"),
    ] {
        let gate = WasmGate::stalled_after(96 * 1024);
        let serving = Serving {
            wasm_gate: Some(gate.clone()),
            stall_seconds,
            ..Serving::default()
        };
        let page = Page::serve(crate::harness::demo_fake()?, serving).await?;
        page.fill("User name", "backup-admin").await?;
        wait_until(
            &format!("the {state} state"),
            std::time::Duration::from_secs(30),
            || async {
                Ok(if page.exists(shown).await? {
                    Probe::Done(())
                } else {
                    Probe::NotYet(format!("no {shown}"))
                })
            },
        )
        .await?;
        written.extend(shoot(&page, state).await?);
        gate.release();
        page.close().await?;
    }
    assert_eq!(
        written.len(),
        2 * WIDTHS.len() * SCHEMES.len(),
        "screenshots written"
    );
    Ok(())
}
