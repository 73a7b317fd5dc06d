//! Issue 14's audit: axe-core (WCAG 2.2 A and AA rules) in every state the page reaches, both
//! dialogs by keyboard, and no sideways scrolling at 320 px or at 200 % zoom.
//!
//! axe-core is npm's (`cargo xtask setup` installs the version Trunk.toml pins); its script is
//! injected through WebDriver, which the page's CSP does not govern. The states and what axe
//! left "incomplete" (to be checked by a person) are written to `target/accessibility.md`.

use anyhow::{anyhow, ensure};
use std::path::PathBuf;
use std::sync::OnceLock;

use fake_commandcenter::{Endpoint, Fault, FaultBody, DEFAULT_LOGIN_PASSWORD, DEFAULT_LOGIN_USER};
use fantoccini::key::Key;
use serde_json::{json, Value};

use crate::harness::{Page, Serving, WasmGate};

/// The rule sets of WCAG 2.0, 2.1 and 2.2 at levels A and AA, as axe tags them.
const WCAG_TAGS: [&str; 6] = [
    "wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa",
];

/// What axe found in one state of the page.
struct Audit {
    state: String,
    violations: Vec<String>,
    incomplete: Vec<String>,
    /// How many rules passed: none would mean axe checked nothing.
    passes: u64,
}

fn axe_source() -> anyhow::Result<&'static str> {
    static SOURCE: OnceLock<Result<String, String>> = OnceLock::new();
    let source = SOURCE.get_or_init(|| {
        let root = std::process::Command::new("npm")
            .args(["root", "-g"])
            .output()
            .map_err(|e| format!("npm root -g: {e}"))?;
        let path = PathBuf::from(String::from_utf8_lossy(&root.stdout).trim())
            .join("axe-core")
            .join("axe.min.js");
        std::fs::read_to_string(&path).map_err(|e| {
            format!(
                "cannot read {} ({e}): `cargo xtask setup` installs axe-core",
                path.display()
            )
        })
    });
    source.as_deref().map_err(|e| anyhow!(e.clone()))
}

/// Runs axe on the page as it is now.
/// `state` in the light scheme, then in the dark one; the page is left as the system has it.
async fn audit_light_and_dark(page: &Page, state: &str) -> anyhow::Result<[Audit; 2]> {
    let light = audit(page, state).await?;
    page.emulate_media(&[("prefers-color-scheme", "dark")])
        .await?;
    let dark = audit(page, &format!("{state}, dark")).await?;
    page.emulate_media(&[]).await?;
    Ok([light, dark])
}

async fn audit(page: &Page, state: &str) -> anyhow::Result<Audit> {
    audit_without(page, state, &[]).await
}

/// Runs axe on the page as it is now, with the rules `skipped` turned off.
async fn audit_without(page: &Page, state: &str, skipped: &[&str]) -> anyhow::Result<Audit> {
    let client = page.client();
    client.execute(axe_source()?, vec![]).await?;
    let script = r#"
        const [tags, skipped, done] = arguments;
        const rules = Object.fromEntries(skipped.map((id) => [id, { enabled: false }]));
        axe.run(document, { runOnly: { type: "tag", values: tags }, rules, resultTypes: ["violations", "incomplete"] })
            .then((results) => done({
                violations: results.violations.map((rule) =>
                    `${rule.id} (${rule.impact}): ${rule.help}: ` +
                    rule.nodes.map((node) => `${node.target.join(" ")} (${node.failureSummary})`).join(", ")),
                incomplete: results.incomplete.map((rule) =>
                    `${rule.id}: ${rule.nodes.map((node) => node.target.join(" ")).join(", ")}`),
                passes: results.passes.length,
            }))
            .catch((error) => done({ error: String(error) }));
    "#;
    let result = client
        .execute_async(script, vec![json!(WCAG_TAGS), json!(skipped)])
        .await?;
    if let Some(error) = result.get("error") {
        return Err(anyhow!("axe failed in {state}: {error}"));
    }
    let strings = |key: &str| -> Vec<String> {
        result[key]
            .as_array()
            .map(|list| {
                list.iter()
                    .filter_map(Value::as_str)
                    .map(str::to_owned)
                    .collect()
            })
            .unwrap_or_default()
    };
    let audit = Audit {
        state: state.to_owned(),
        violations: strings("violations"),
        incomplete: strings("incomplete"),
        passes: result["passes"].as_u64().unwrap_or(0),
    };
    ensure!(audit.passes > 0, "axe checked nothing in {state}: {result}");
    Ok(audit)
}

/// Forced colours are on as the page sees them, and the invalid SMTP port keeps its mark: a
/// border in the system's `Mark` colour, which the valid server field beside it does not have
/// (the page's own red and its inset bar are replaced or dropped in forced colours). Checked
/// without focus, whose ring the browser draws over the border.
async fn ensure_forced_colors(page: &Page) -> anyhow::Result<()> {
    let seen = page
        .client()
        .execute(
            r#"document.activeElement?.blur();
               const probe = document.createElement("span");
               probe.style.color = "Mark";
               document.body.append(probe);
               const mark = getComputedStyle(probe).color;
               probe.remove();
               const border = (id) => getComputedStyle(document.getElementById(id)).borderTopColor;
               return {
                   active: matchMedia("(forced-colors: active)").matches,
                   mark,
                   invalid: border("smtp-port"),
                   valid: border("smtp-server"),
               };"#,
            vec![],
        )
        .await?;
    ensure!(
        seen["active"] == json!(true),
        "forced-colors is not active: {seen}"
    );
    ensure!(
        seen["invalid"] == seen["mark"] && seen["valid"] != seen["mark"],
        "in forced colours the invalid port has no Mark border: {seen}"
    );
    Ok(())
}

#[tokio::test(flavor = "multi_thread")]
#[ignore = "needs the release build, Chromium and axe-core: run `cargo xtask test`"]
async fn axe_finds_no_wcag_violation_in_any_state() -> anyhow::Result<()> {
    let page = Page::open_with(crate::harness::demo_fake()?).await?;
    let mut audits = vec![audit(&page, "sign-in").await?];
    audits.extend(audits_of_a_stalled_start().await?);
    for language in ["de", "ja"] {
        audits.extend(audits_in(language).await?);
    }

    // Loading: the answer is held back for a while.
    page.fake
        .set_fault(Endpoint::GetEmailServer, Some(Fault::Delay { ms: 1500 }));
    page.sign_in_with_password(DEFAULT_LOGIN_USER, DEFAULT_LOGIN_PASSWORD)
        .await?;
    page.wait_for_text("#load-status", "Loading").await?;
    audits.push(audit(&page, "loading").await?);
    page.wait_until_loaded().await?;
    page.fake.set_fault(Endpoint::GetEmailServer, None);
    audits.extend(audit_light_and_dark(&page, "loaded").await?);

    // Field errors: a port that is none, and the password a new server needs.
    page.fill("SMTP port", "465x").await?;
    page.fill("SMTP server", "smtp.office365.com").await?;
    page.click_save().await?;
    page.wait_for_field_error("smtp-port").await?;
    audits.push(audit(&page, "field errors").await?);
    // Windows high contrast: the system's colours replace the page's, invalid marks included.
    page.emulate_media(&[
        ("forced-colors", "active"),
        ("prefers-color-scheme", "dark"),
    ])
    .await?;
    ensure_forced_colors(&page).await?;
    // axe takes the text's colour from `-webkit-text-fill-color`, which forced colours leave as
    // the page wrote it, and the background from the forced `background-color`: its contrast
    // figures are then of colours nobody sees (dequelabs/axe-core#3978). The colours are the
    // system's own here; what the page must keep is an invalid field told apart (checked above).
    audits.push(
        audit_without(
            &page,
            "field errors, forced colors (no contrast rule)",
            &["color-contrast"],
        )
        .await?,
    );
    page.emulate_media(&[]).await?;

    // Warnings and a note under their fields: a port that does not match its encryption,
    // Exchange Online with a password; then sign-in unencrypted, and Google's app passwords.
    page.click("discard").await?;
    page.choose("Provider", "microsoft-365").await?;
    page.fill("SMTP port", "465").await?;
    page.wait_for_warnings("encryption", &["Warning:"]).await?;
    page.wait_for_warnings("use-authentication", &["Warning:"])
        .await?;
    audits.extend(audit_light_and_dark(&page, "warnings").await?);
    page.choose("Provider", "google").await?;
    page.choose_encryption("NONE").await?;
    page.wait_for_warnings("encryption", &["Warning:"]).await?;
    page.wait_for_warnings("smtp-password", &["Note:"]).await?;
    audits.extend(audit_light_and_dark(&page, "a warning and a note").await?);

    // The review dialog, then saving, then success.
    page.click("discard").await?;
    page.fill("Sender name", "Nightly backups").await?;
    page.click_save().await?;
    page.wait_for_dialog("review-dialog", true).await?;
    audits.extend(audit_light_and_dark(&page, "review dialog").await?);
    page.fake
        .set_fault(Endpoint::PutEmailServer, Some(Fault::Delay { ms: 1500 }));
    page.confirm_review().await?;
    page.wait_for_button("save", "Saving…", false).await?;
    audits.push(audit(&page, "saving").await?);
    page.wait_until_saved().await?;
    audits.push(audit(&page, "saved").await?);

    // The review when a colleague changed the settings meanwhile (sign-in off, and the sender
    // name both changed); then, the form on theirs, when they turn sign-in on with a password
    // and a port of mine may not take the saved one along (Confirm off).
    page.fake
        .change_settings_as_colleague(
            json!({ "useAuthentication": false, "senderName": "Backup team" }),
        )
        .map_err(anyhow::Error::msg)?;
    page.fill("Sender name", "Night shift").await?;
    page.open_review().await?;
    page.wait_for_text("#review-changed-title", "Changed in Command Center")
        .await?;
    audits.extend(audit_light_and_dark(&page, "review, changed meanwhile").await?);
    page.review_back().await?;
    page.click("discard").await?;
    page.fake
        .change_settings_as_colleague(json!({
            "useAuthentication": true,
            "username": "relay-account",
            "password": "cmVsYXktcGFzcw==",
        }))
        .map_err(anyhow::Error::msg)?;
    page.fill("SMTP port", "2525").await?;
    let rechecked = page.open_review().await?;
    ensure!(
        rechecked.starts_with("Your changes cannot go"),
        "{rechecked}"
    );
    audits.push(audit(&page, "review, changed meanwhile, Confirm off").await?);
    page.review_back().await?;
    page.click("discard").await?;

    // The review when the re-read failed: Save anyway.
    page.fake.set_fault_times(
        Endpoint::GetEmailServer,
        Fault::Status {
            status: 503,
            body: FaultBody::Empty,
        },
        1,
    );
    page.fill("Sender name", "Night shift").await?;
    let rechecked = page.open_review().await?;
    ensure!(rechecked.starts_with("Could not check"), "{rechecked}");
    audits.push(audit(&page, "review, the check failed").await?);
    page.review_back().await?;
    page.click("discard").await?;

    // Another tab of the page saved: a channel of the test's own says so, as that tab would.
    page.post_saved_from_another_tab().await?;
    audits.extend(audit_light_and_dark(&page, "saved in another tab").await?);
    page.load_saved_elsewhere().await?;

    // A failed test mail.
    page.fake.set_mail_server_reachable(false);
    page.click("send-test").await?;
    page.wait_for_alert().await?;
    audits.push(audit(&page, "test email failed").await?);
    // A reply the page explains.
    page.fake.set_fault(
        Endpoint::TestEmailServer,
        Some(Fault::ErrorCode {
            code: 6,
            message: "535 5.7.139 Authentication unsuccessful, SmtpClientAuthentication is \
                      disabled for the Tenant."
                .to_owned(),
        }),
    );
    page.click("send-test").await?;
    page.wait_for_text("#form-status", "Exchange Online refuses SMTP AUTH")
        .await?;
    audits.extend(audit_light_and_dark(&page, "test email failed, advice").await?);
    page.fake.set_fault(Endpoint::TestEmailServer, None);

    // Sign in again after the session expired.
    page.fake.expire_all_sessions();
    page.click("send-test").await?;
    page.wait_for_dialog("reauth-dialog", true).await?;
    audits.push(audit(&page, "sign in again").await?);
    page.sign_in_again(DEFAULT_LOGIN_PASSWORD).await?;

    // The audit can fail: an input without a label is one violation more.
    page.client()
        .execute(
            "const input = document.createElement('input'); input.id = 'unlabelled'; document.querySelector('main, body').append(input);",
            vec![],
        )
        .await?;
    let planted = audit(&page, "an unlabelled input planted").await?;
    ensure!(
        planted.violations.iter().any(|v| v.starts_with("label ")),
        "axe did not find the planted unlabelled input: {:?}",
        planted.violations
    );

    let report = report(&audits);
    println!("{report}");
    let target = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target");
    std::fs::create_dir_all(&target)?;
    std::fs::write(target.join("accessibility.md"), &report)?;
    let violations: Vec<String> = audits
        .iter()
        .flat_map(|a| {
            a.violations
                .iter()
                .map(move |v| format!("{}: {v}", a.state))
        })
        .collect();
    ensure!(
        violations.is_empty(),
        "axe found {} violations:\n{}",
        violations.len(),
        violations.join("\n")
    );
    page.close().await
}

/// The page in `language` (German runs long, Japanese has no spaces to break at): the sign-in,
/// the settings, field errors and the review, light and dark where colours differ.
async fn audits_in(language: &str) -> anyhow::Result<Vec<Audit>> {
    let page = Page::open_on(
        crate::harness::demo_fake()?,
        Serving {
            browser_languages: Some(vec![if language == "de" { "de-DE" } else { "ja-JP" }]),
            ..Serving::default()
        },
    )
    .await?;
    crate::languages::wait_for_language(&page, language).await?;
    let mut audits = vec![audit(&page, &format!("sign-in, {language}")).await?];
    page.sign_in_in_any_language().await?;
    audits.extend(audit_light_and_dark(&page, &format!("loaded, {language}")).await?);
    page.fill_id("smtp-port", "465x").await?;
    page.click_save().await?;
    page.wait_for_field_error("smtp-port").await?;
    audits.push(audit(&page, &format!("field errors, {language}")).await?);
    page.fill_id("smtp-port", "587").await?;
    page.fill_id("sender-name", "Nightly backups").await?;
    page.click_save().await?;
    page.wait_for_dialog("review-dialog", true).await?;
    audits.extend(audit_light_and_dark(&page, &format!("review dialog, {language}")).await?);
    page.close().await?;
    Ok(audits)
}

/// Before the app runs, on a link that stops after the wasm's first bytes: the progress line and
/// the stall notice, light and dark.
async fn audits_of_a_stalled_start() -> anyhow::Result<Vec<Audit>> {
    let gate = WasmGate::stalled_after(64 * 1024);
    let serving = Serving {
        wasm_gate: Some(gate.clone()),
        stall_seconds: Some(1),
        ..Serving::default()
    };
    let page = Page::serve(crate::harness::demo_fake()?, serving).await?;
    page.wait_for_text(".start-stalled", "seems stalled")
        .await?;
    let audits = audit_light_and_dark(&page, "the start stalled").await?;
    gate.release();
    page.close().await?;
    Ok(audits.into())
}

fn report(audits: &[Audit]) -> String {
    let mut text = String::from(
        "# axe-core, WCAG 2.2 A and AA, per state\n\n| state | rules passed | violations | incomplete (for a person to check) |\n|---|---:|---|---|\n",
    );
    for audit in audits {
        let list = |items: &[String]| {
            if items.is_empty() {
                "none".to_owned()
            } else {
                items.join("<br>")
            }
        };
        text.push_str(&format!(
            "| {} | {} | {} | {} |\n",
            audit.state,
            audit.passes,
            list(&audit.violations),
            list(&audit.incomplete)
        ));
    }
    text
}

#[tokio::test(flavor = "multi_thread")]
#[ignore = "needs the release build and Chromium: run `cargo xtask test`"]
async fn the_review_dialog_keeps_focus_inside_closes_on_escape_and_gives_it_back(
) -> anyhow::Result<()> {
    let page = Page::open_demo_signed_in().await?;
    page.fill("Sender name", "Nightly backups").await?;
    press(&page, "save", Key::Enter).await?;
    page.wait_for_dialog("review-dialog", true).await?;
    ensure_tab_stays_inside_the_dialog(&page).await?;
    press_on_focused(&page, Key::Escape).await?;
    page.wait_for_dialog("review-dialog", false).await?;
    page.wait_for_focus("save").await?;
    page.ensure_nothing_sent()?;
    page.close().await
}

#[tokio::test(flavor = "multi_thread")]
#[ignore = "needs the release build and Chromium: run `cargo xtask test`"]
async fn the_sign_in_again_dialog_keeps_focus_inside_closes_on_escape_and_gives_it_back(
) -> anyhow::Result<()> {
    let page = Page::open_demo_logged_in().await?;
    page.fake.expire_all_sessions();
    press(&page, "send-test", Key::Enter).await?;
    page.wait_for_dialog("reauth-dialog", true).await?;
    ensure_tab_stays_inside_the_dialog(&page).await?;
    press_on_focused(&page, Key::Escape).await?;
    page.wait_for_dialog("reauth-dialog", false).await?;
    page.wait_for_focus("send-test").await?;
    // Dismissed, the dialog leaves the reason on the page: the next step is not a guess.
    let alert = page.wait_for_alert().await?;
    ensure!(alert.contains("401"), "after dismissing: {alert}");
    page.close().await
}

#[tokio::test(flavor = "multi_thread")]
#[ignore = "needs the release build and Chromium: run `cargo xtask test`"]
async fn the_focus_comes_back_to_the_pressed_button_when_its_call_is_done() -> anyhow::Result<()> {
    let page = Page::open_demo_signed_in().await?;
    // The button is off while its call runs, which takes the focus from it.
    press(&page, "send-test", Key::Enter).await?;
    page.wait_until_test_mail_sent().await?;
    page.wait_for_focus("send-test").await?;

    // A save that fails leaves the changes unsaved, so Save is on again and takes the focus.
    page.fake.set_fault(
        Endpoint::PutEmailServer,
        Some(Fault::ErrorCode {
            code: 7,
            message: "Try later".into(),
        }),
    );
    page.fill("Sender name", "Nightly backups").await?;
    press(&page, "save", Key::Enter).await?;
    page.wait_for_dialog("review-dialog", true).await?;
    press(&page, "review-confirm", Key::Enter).await?;
    page.wait_for_dialog("review-dialog", false).await?;
    page.wait_for_alert().await?;
    page.wait_for_focus("save").await?;
    page.close().await
}

#[tokio::test(flavor = "multi_thread")]
#[ignore = "needs the release build and Chromium: run `cargo xtask test`"]
async fn the_review_of_settings_changed_meanwhile_works_by_keyboard() -> anyhow::Result<()> {
    let page = Page::open_demo_signed_in().await?;
    page.fake
        .change_settings_as_colleague(json!({ "senderName": "Backup team" }))
        .map_err(anyhow::Error::msg)?;
    page.fill("Sender email", "night-shift@example.com").await?;
    press(&page, "save", Key::Enter).await?;
    page.wait_for_text("#review-changed-title", "Changed in Command Center")
        .await?;
    ensure_tab_stays_inside_the_dialog(&page).await?;
    press(&page, "review-load-theirs", Key::Enter).await?;
    page.wait_for_dialog("review-dialog", false).await?;
    page.wait_for_text("#form-status", "Your changes were discarded")
        .await?;
    assert_eq!(page.value("Sender name").await?, "Backup team");
    page.ensure_nothing_sent()?;
    page.close().await
}

/// Presses `key` on the element `id`, as someone using only the keyboard would.
async fn press(page: &Page, id: &str, key: Key) -> anyhow::Result<()> {
    page.by_id(id).await?.send_keys(&key.to_string()).await?;
    Ok(())
}

async fn press_on_focused(page: &Page, key: Key) -> anyhow::Result<()> {
    page.client()
        .active_element()
        .await?
        .send_keys(&key.to_string())
        .await?;
    Ok(())
}

/// Tab moves among the open dialog's controls; past the last one the browser may take the focus
/// to its own toolbar (the document's body is then active), never to the page behind.
async fn ensure_tab_stays_inside_the_dialog(page: &Page) -> anyhow::Result<()> {
    let mut inside = Vec::new();
    for _ in 0..8 {
        let focused = page
            .client()
            .execute(
                r#"const el = document.activeElement;
                   if (!el || el === document.body) return "(browser)";
                   return el.closest("dialog[open]") ? "in:" + (el.id || el.textContent.trim()) : "out:" + (el.id || el.tagName);"#,
                vec![],
            )
            .await?;
        let focused = focused.as_str().unwrap_or_default().to_owned();
        ensure!(
            !focused.starts_with("out:"),
            "the focus went to the page behind the dialog: {focused}"
        );
        if !inside.contains(&focused) && focused.starts_with("in:") {
            inside.push(focused);
        }
        press_on_focused(page, Key::Tab).await?;
    }
    ensure!(
        inside.len() >= 2,
        "Tab did not move among the dialog's controls: {inside:?}"
    );
    Ok(())
}

#[tokio::test(flavor = "multi_thread")]
#[ignore = "needs the release build and Chromium: run `cargo xtask test`"]
async fn nothing_scrolls_sideways_at_320_px_or_at_200_percent_zoom() -> anyhow::Result<()> {
    let page = Page::open().await?;
    for (width, scale, name) in [(320, 1, "320 px"), (640, 2, "200 % of 1280 px")] {
        page.set_viewport(width, 800, scale).await?;
        page.ensure_no_sideways_scroll(&format!("sign-in at {name}"))
            .await?;
    }
    page.sign_in().await?;
    // The longest texts the form shows: field errors.
    page.fill("SMTP server", "smtp.office365.com").await?;
    page.fill("SMTP port", "465").await?;
    page.set_sign_in(true).await?;
    page.fill("Sender email", "not an address").await?;
    page.click_save().await?;
    page.wait_for_field_error("sender-email").await?;
    for (width, scale, name) in [(320, 1, "320 px"), (640, 2, "200 % of 1280 px")] {
        page.set_viewport(width, 800, scale).await?;
        page.ensure_no_sideways_scroll(&format!("the form at {name}"))
            .await?;
    }
    page.close().await
}
