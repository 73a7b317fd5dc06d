//! The page in the administrator's language: the menu switches it where everything stands,
//! keeping what was typed; the sources count in their order (the menu's stored choice,
//! config.json, the portal, the browser); a catalog that cannot be used leaves English with a
//! notice; `allowLanguageChange: false` hides the menu.

use std::time::Duration;

use fake_commandcenter::DEFAULT_TOKEN;
use fantoccini::Locator;
use serde_json::json;

use crate::harness::{
    demo_fake, dist_dir, language_file, strict_policy, wait_until, Csp, EmulatedLink, ExtraFile,
    Page, PortalSite, Probe, Serving, WasmGate, LOADED_CONFIGURED,
};

/// The sign-in button's words in each language, as its catalog has them.
const SIGN_IN: [(&str, &str); 6] = [
    ("en", "Sign in"),
    ("de", "Anmelden"),
    ("fr", "Se connecter"),
    ("es", "Iniciar sesión"),
    ("ja", "サインイン"),
    ("zh-Hans", "登录"),
];

fn sign_in_words(tag: &str) -> &'static str {
    SIGN_IN
        .iter()
        .find(|(t, _)| *t == tag)
        .map_or("", |(_, words)| words)
}

/// Waits until the page says it speaks `tag` (`<html lang>`) and its sign-in button says so too.
pub async fn wait_for_language(page: &Page, tag: &str) -> anyhow::Result<()> {
    let words = sign_in_words(tag);
    wait_until(
        &format!("the page in {tag}"),
        Duration::from_secs(10),
        || async {
            let lang = page.html_lang().await?;
            let button = page.text_of("#sign-in").await?.unwrap_or_default();
            Ok(if lang == tag && button == words {
                Probe::Done(())
            } else {
                Probe::NotYet(format!("lang {lang:?}, the button says {button:?}"))
            })
        },
    )
    .await
}

impl Page {
    /// `<html lang>`.
    pub async fn html_lang(&self) -> anyhow::Result<String> {
        let lang = self
            .client()
            .execute("return document.documentElement.lang", vec![])
            .await?;
        Ok(lang.as_str().unwrap_or_default().to_owned())
    }

    /// Picks `tag` from the language menu, once the menu is there.
    pub async fn choose_language(&self, tag: &str) -> anyhow::Result<()> {
        wait_until("the language menu", Duration::from_secs(10), || async {
            Ok(if self.exists("#language").await? {
                Probe::Done(())
            } else {
                Probe::NotYet("no #language".to_owned())
            })
        })
        .await?;
        self.by_id("language").await?.select_by_value(tag).await?;
        Ok(())
    }

    /// Signs in with the fake's token by the form's ids, whatever language its labels speak, and
    /// waits until the demo's settings are in the form.
    pub async fn sign_in_in_any_language(&self) -> anyhow::Result<()> {
        self.client()
            .find(Locator::Css(r#"input[name="sign-in-mode"][value="token"]"#))
            .await?
            .click()
            .await?;
        self.fill_id("access-token", DEFAULT_TOKEN).await?;
        self.click("sign-in").await?;
        // The demo's settings, loaded into the form.
        wait_until("the settings loaded", Duration::from_secs(10), || async {
            let server = match self.exists("#smtp-server").await? {
                true => self.value_of_id("smtp-server").await?,
                false => String::new(),
            };
            Ok(if server.is_empty() {
                Probe::NotYet("no SMTP server in the form".to_owned())
            } else {
                Probe::Done(())
            })
        })
        .await
    }
}

#[tokio::test(flavor = "multi_thread")]
#[ignore = "needs the release build and Chromium: run `cargo xtask test`"]
async fn the_menu_switches_the_language_keeping_what_was_typed() -> anyhow::Result<()> {
    let page = Page::open_with(demo_fake()?).await?;
    page.fill_id("login-user", "backup-admin").await?;
    page.fill_id("login-password", "not-the-real-one").await?;
    page.choose_language("de").await?;
    wait_for_language(&page, "de").await?;
    assert_eq!(
        page.text_of("label[for=login-user]").await?.as_deref(),
        Some("Benutzername")
    );
    assert_eq!(
        page.text_of("label[for=language]").await?.as_deref(),
        Some("Sprache")
    );
    assert_eq!(
        page.value_of_id("login-user").await?,
        "backup-admin",
        "the user name typed"
    );
    assert_eq!(
        page.value_of_id("login-password").await?,
        "not-the-real-one",
        "the password typed"
    );
    // Signed in, the settings page speaks German too, and switching keeps what is typed there.
    page.sign_in_in_any_language().await?;
    page.wait_for_text("label[for=smtp-server]", "SMTP-Server")
        .await?;
    page.fill_id("smtp-server", "mail.example.org").await?;
    page.choose_language("ja").await?;
    page.wait_for_text("label[for=smtp-server]", "SMTP サーバー")
        .await?;
    assert_eq!(page.html_lang().await?, "ja");
    assert_eq!(
        page.value_of_id("smtp-server").await?,
        "mail.example.org",
        "the server typed"
    );
    page.choose_language("en").await?;
    page.wait_for_text("label[for=smtp-server]", "SMTP server")
        .await?;
    assert_eq!(page.html_lang().await?, "en");
    page.ensure_no_panic().await?;
    page.close().await
}

#[tokio::test(flavor = "multi_thread")]
#[ignore = "needs the release build and Chromium: run `cargo xtask test`"]
async fn the_sources_count_in_their_order() -> anyhow::Result<()> {
    // The browser's first language that the page has (not Traditional Chinese).
    let browser = || Serving {
        browser_languages: Some(vec!["pt-BR", "zh-TW", "es-MX", "de"]),
        ..Serving::default()
    };
    let page = Page::open_on(demo_fake()?, browser()).await?;
    wait_for_language(&page, "es").await?;
    page.close().await?;

    // config.json's language over the browser's.
    let page = Page::open_on(
        demo_fake()?,
        Serving {
            config_json: Some(r#"{"language": "fr-CA"}"#.to_owned()),
            ..browser()
        },
    )
    .await?;
    wait_for_language(&page, "fr").await?;
    // The administrator's choice over config.json's, remembered across a reload.
    page.choose_language("ja").await?;
    wait_for_language(&page, "ja").await?;
    page.reload().await?;
    page.wait_until_ready().await?;
    wait_for_language(&page, "ja").await?;
    // `allowLanguageChange: false` ignores that choice and has no menu.
    page.set_config_json(r#"{"language": "fr", "allowLanguageChange": false}"#)?;
    page.reload().await?;
    page.wait_until_ready().await?;
    wait_for_language(&page, "fr").await?;
    assert!(
        !page.exists("#language").await?,
        "a language menu with allowLanguageChange false"
    );
    page.close().await
}

#[tokio::test(flavor = "multi_thread")]
#[ignore = "needs the release build and Chromium: run `cargo xtask test`"]
async fn the_portals_language_counts_when_nothing_else_chose() -> anyhow::Result<()> {
    let portal = PortalSite::serve().await?;
    let serving = Serving {
        config_json: Some(
            json!({"embedding": {"allowedParentOrigins": [portal.origin]}}).to_string(),
        ),
        csp: Csp::Policy(strict_policy(&[], std::slice::from_ref(&portal.origin))),
        ..Serving::default()
    };
    let page = Page::open_on(demo_fake()?, serving).await?;
    page.open_in_portal(&portal).await?;
    page.wait_until_loaded().await?;
    assert_eq!(
        page.html_lang().await?,
        "en",
        "before the portal named a language"
    );
    let origin = page.url().trim_end_matches('/').to_owned();
    page.in_portal(&format!(
        "document.getElementById('email-page').contentWindow.postMessage({{type: \
         'commandcenter-email:session', version: 1, token: '{DEFAULT_TOKEN}', language: 'de-DE'}}, \
         '{origin}')"
    ))
    .await?;
    page.wait_for_text("label[for=smtp-server]", "SMTP-Server")
        .await?;
    assert_eq!(page.html_lang().await?, "de");
    page.close().await
}

#[tokio::test(flavor = "multi_thread")]
#[ignore = "needs the release build and Chromium: run `cargo xtask test`"]
async fn a_catalog_that_cannot_be_read_leaves_english_with_a_notice() -> anyhow::Result<()> {
    // German's catalog, where index.html says it is, is no Fluent.
    let catalog = language_file(&dist_dir()?, "data-language-files", "de")?;
    let page = Page::open_on(
        demo_fake()?,
        Serving {
            browser_languages: Some(vec!["de-DE"]),
            extra_files: vec![ExtraFile {
                path: Box::leak(format!("/{catalog}").into_boxed_str()),
                content_type: "text/plain",
                body: "page-title = {".to_owned(),
            }],
            ..Serving::default()
        },
    )
    .await?;
    let expected = "The page stays in English: its Deutsch words could not be used (the file is \
                    not a Fluent catalog";
    wait_until("the notice", Duration::from_secs(10), || async {
        let notice = page
            .text_of(".notice[role=status]")
            .await?
            .unwrap_or_default();
        Ok(if notice.starts_with(expected) {
            Probe::Done(())
        } else {
            Probe::NotYet(notice)
        })
    })
    .await?;
    wait_for_language(&page, "en").await?;
    assert_eq!(
        page.sign_in().await?,
        LOADED_CONFIGURED,
        "signing in, in English"
    );
    page.ensure_no_panic().await?;
    page.close().await
}

#[tokio::test(flavor = "multi_thread")]
#[ignore = "needs the release build and Chromium: run `cargo xtask test`"]
async fn german_scrolls_nowhere_sideways_at_320_px() -> anyhow::Result<()> {
    let page = Page::open_on(
        demo_fake()?,
        Serving {
            browser_languages: Some(vec!["de"]),
            ..Serving::default()
        },
    )
    .await?;
    page.set_viewport(320, 800, 1).await?;
    wait_for_language(&page, "de").await?;
    page.ensure_no_sideways_scroll("the German sign-in").await?;
    page.sign_in_in_any_language().await?;
    page.wait_for_text("label[for=smtp-server]", "SMTP-Server")
        .await?;
    page.ensure_no_sideways_scroll("the German settings")
        .await?;
    page.close().await
}

#[tokio::test(flavor = "multi_thread")]
#[ignore = "needs the release build and Chromium: run `cargo xtask test`"]
async fn the_painted_form_says_what_the_app_says_in_every_language() -> anyhow::Result<()> {
    // index.html's texts that name their message, as they stand now (but the start's progress,
    // which goes once the app runs).
    const TEXTS: &str = "return Array.from(document.querySelectorAll('#sign-in-panel \
         [data-l10n-id]:not(.start-progress-text)'), \
                         (e) => [e.getAttribute('data-l10n-id'), e.textContent.trim()])";
    for (tag, browser) in [
        ("de", "de-DE"),
        ("fr", "fr-FR"),
        ("es", "es-ES"),
        ("ja", "ja-JP"),
        ("zh-Hans", "zh-CN"),
    ] {
        let gate = WasmGate::closed();
        let page = Page::serve(
            demo_fake()?,
            Serving {
                wasm_gate: Some(gate.clone()),
                browser_languages: Some(vec![browser]),
                ..Serving::default()
            },
        )
        .await?;
        // Before the wasm: early.js has relabelled the form from the start-up catalog.
        wait_for_language(&page, tag).await?;
        let painted = page.client().execute(TEXTS, vec![]).await?;
        // Emptied, so that only the app's own words can fill them again.
        page.client()
            .execute(
                "document.querySelectorAll('#sign-in-panel [data-l10n-id]')\
                 .forEach((e) => { e.textContent = ''; })",
                vec![],
            )
            .await?;
        gate.release();
        page.wait_until_ready().await?;
        wait_until(
            &format!("the app's words in {tag}"),
            Duration::from_secs(10),
            || async {
                let said = page.client().execute(TEXTS, vec![]).await?;
                Ok(if said == painted {
                    Probe::Done(())
                } else {
                    Probe::NotYet(format!("painted {painted}, the app says {said}"))
                })
            },
        )
        .await?;
        page.close().await?;
    }
    Ok(())
}

#[tokio::test(flavor = "multi_thread")]
#[ignore = "needs the release build and Chromium: run `cargo xtask test`"]
async fn on_a_slow_link_the_form_is_german_before_the_wasm_and_the_app_speaks_it_once_it_runs(
) -> anyhow::Result<()> {
    // The slow VPN of the bench, from a server that does not compress: the wasm takes seconds,
    // the start-up catalog a moment.
    let page = Page::serve(
        demo_fake()?,
        Serving {
            link: Some(EmulatedLink {
                kbit_per_s: 2000,
                round_trip_ms: 100,
            }),
            browser_languages: Some(vec!["de-AT"]),
            ..Serving::default()
        },
    )
    .await?;
    wait_for_language(&page, "de").await?;
    assert!(
        !page.exists("html[data-app-started]").await?,
        "the app ran before early.js had said the form in German"
    );
    page.wait_until_ready().await?;
    page.sign_in_in_any_language().await?;
    page.wait_for_text("label[for=smtp-server]", "SMTP-Server")
        .await?;
    assert_eq!(page.html_lang().await?, "de");
    page.close().await
}
