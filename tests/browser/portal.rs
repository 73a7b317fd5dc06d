//! The page in a portal's frame (examples/portal, served on another loopback origin): the
//! `postMessage` handshake, what the page tells the portal, a fresh token after a 401, and the
//! messages and frames the page and the browser refuse.

use anyhow::ensure;
use std::time::Duration;

use fake_commandcenter::{Endpoint, Fault, FaultBody, DEFAULT_TOKEN};
use fantoccini::Locator;
use serde_json::{json, Value};

use crate::harness::{
    demo_fake, strict_policy, wait_until, Csp, Page, PortalSite, Probe, Serving, EMAIL_SERVER_PATH,
    LOADED_CONFIGURED, TEST_MAIL_PATH,
};

/// The page served to be framed by `framed_by`, with `allowed` in its config.json.
async fn page_for(framed_by: &[&PortalSite], allowed: &[&PortalSite]) -> anyhow::Result<Page> {
    let ancestors: Vec<String> = framed_by.iter().map(|p| p.origin.clone()).collect();
    let allowed: Vec<&str> = allowed.iter().map(|p| p.origin.as_str()).collect();
    let serving = Serving {
        config_json: Some(json!({"embedding": {"allowedParentOrigins": allowed}}).to_string()),
        csp: Csp::Policy(strict_policy(&[], &ancestors)),
        ..Serving::default()
    };
    Page::open_on(demo_fake()?, serving).await
}

fn messages_of(kind: &str, messages: &[Value]) -> Vec<Value> {
    messages
        .iter()
        .filter(|m| m["type"] == kind)
        .cloned()
        .collect()
}

#[tokio::test(flavor = "multi_thread")]
#[ignore = "needs the release build and Chromium: run `cargo xtask test`"]
async fn a_portal_hands_over_its_token_and_hears_of_changes_saves_and_an_expiry(
) -> anyhow::Result<()> {
    let portal = PortalSite::serve().await?;
    let page = page_for(&[&portal], &[&portal]).await?;
    page.open_in_portal(&portal).await?;
    ensure!(
        !page.displayed("#sign-in-panel").await?,
        "embed.html shows its sign-in form before the portal had its say"
    );

    // The portal answered `ready` with its token: the page is signed in through it.
    assert_eq!(
        page.wait_until_loaded().await?,
        LOADED_CONFIGURED,
        "#load-status in the frame"
    );
    let user = page.text_of("#session-user").await?.expect("#session-user");
    assert_eq!(
        user,
        format!("Signed in through {}", portal.origin),
        "#session-user"
    );
    ensure!(
        !page.exists("#sign-out").await?,
        "the portal's session has a Sign out button"
    );
    // No Login of the page's own: it does not know the user's address.
    let note = page.text_of("#send-test-note").await?.unwrap_or_default();
    ensure!(
        note.ends_with(
            "goes to the email address of the Command Center user you are signed in as."
        ),
        "#send-test-note in the portal: {note:?}"
    );
    ensure!(
        !page.exists("section.sign-in").await?,
        "the page shows its own sign-in although the portal signed it in"
    );
    let messages = page.portal_messages().await?;
    assert_eq!(
        messages.first(),
        Some(&json!({"type": "commandcenter-email:ready", "version": 1})),
        "the first message to the portal"
    );
    let heights = messages_of("commandcenter-email:height", &messages);
    ensure!(
        heights
            .iter()
            .any(|m| m["height"].as_u64().is_some_and(|h| h > 300)),
        "the page told no height of its settings: {messages:?}"
    );

    page.fill("Sender name", "Backup alerts from the portal")
        .await?;
    page.wait_for_portal_message("commandcenter-email:dirty", |m| m["dirty"] == true)
        .await?;

    // The token stops working: the page asks the portal, which sends a fresh one.
    let expired = Fault::Status {
        status: 401,
        body: FaultBody::command_center_error(401),
    };
    page.fake.set_fault(Endpoint::PutEmailServer, Some(expired));
    page.save_and_confirm().await?;
    page.wait_for_portal_message("commandcenter-email:session-expired", |_| true)
        .await?;
    ensure!(
        !page.dialog_is_open("reauth-dialog").await?,
        "the page asked the person before the portal"
    );
    page.fake.set_fault(Endpoint::PutEmailServer, None);
    page.portal_sends_session(DEFAULT_TOKEN).await?;
    page.wait_until_saved().await?;
    let messages = page
        .wait_for_portal_message("commandcenter-email:dirty", |m| m["dirty"] == false)
        .await?;
    assert_eq!(
        messages_of("commandcenter-email:saved", &messages).len(),
        1,
        "saved messages: {messages:?}"
    );
    let statuses: Vec<u16> = page
        .requests_to("PUT", EMAIL_SERVER_PATH)
        .iter()
        .map(|r| r.status)
        .collect();
    assert_eq!(
        statuses,
        vec![401, 200],
        "the saves: the expired one, then the retry"
    );
    page.close().await
}

#[tokio::test(flavor = "multi_thread")]
#[ignore = "needs the release build and Chromium: run `cargo xtask test`"]
async fn a_session_from_a_window_that_is_not_the_parent_is_ignored() -> anyhow::Result<()> {
    let portal = PortalSite::serve().await?;
    let page = page_for(&[&portal], &[&portal]).await?;
    page.open_in_portal(&portal).await?;
    page.wait_until_loaded().await?;

    // A window of the portal's own origin, beside the page's frame rather than its parent.
    let page_origin = page.url().trim_end_matches('/').to_owned();
    page.in_portal(&format!(
        "const sibling = document.createElement('iframe');
         document.body.append(sibling);
         sibling.contentWindow.eval(\"parent.document.getElementById('email-page').contentWindow\
           .postMessage({{type: 'commandcenter-email:session', version: 1, token: 'sibling-s3cret'}}, \
           '{page_origin}')\");"
    ))
    .await?;
    wait_for_console(&page, "that did not come from the parent window").await?;
    // The page still calls with the portal's token.
    page.click("send-test").await?;
    page.wait_until_test_mail_sent().await?;
    let test_mail = page.only_request_to("POST", TEST_MAIL_PATH)?;
    assert_eq!(
        test_mail.header("authtoken"),
        Some(DEFAULT_TOKEN),
        "the token of the call after the sibling's message"
    );
    let console = page.console_log_flushed().await?;
    ensure!(
        !console.iter().any(|line| line.contains("sibling-s3cret")),
        "the ignored message's content reached the console"
    );
    page.close().await
}

#[tokio::test(flavor = "multi_thread")]
#[ignore = "needs the release build and Chromium: run `cargo xtask test`"]
async fn a_portal_not_on_the_list_is_ignored_and_the_page_signs_in_by_itself() -> anyhow::Result<()>
{
    let listed = PortalSite::serve().await?;
    let other = PortalSite::serve().await?;
    // Framing is allowed (frame-ancestors), driving is not (allowedParentOrigins).
    let page = page_for(&[&other], &[&listed]).await?;
    page.open_in_portal(&other).await?;
    ensure!(
        page.displayed("#portal-connecting").await?,
        "embed.html does not say it waits for the portal"
    );
    // The page listens once its config.json has arrived: the portal tries until it is heard.
    wait_until(
        "the page to ignore the portal",
        Duration::from_secs(10),
        || async {
            page.portal_sends_session(DEFAULT_TOKEN).await?;
            let lines = page.console_log_flushed().await?;
            Ok(
                if lines
                    .iter()
                    .any(|line| line.contains("which is not in embedding.allowedParentOrigins"))
                {
                    Probe::Done(())
                } else {
                    Probe::NotYet("no note in the console".into())
                },
            )
        },
    )
    .await?;
    // No session: after a few seconds the page offers its own sign-in.
    wait_until(
        "the page's own sign-in",
        Duration::from_secs(15),
        || async {
            Ok(if page.displayed("section.sign-in #sign-in").await? {
                Probe::Done(())
            } else {
                Probe::NotYet("no sign-in panel".into())
            })
        },
    )
    .await?;
    ensure!(
        page.portal_messages().await?.is_empty(),
        "the page told a parent not on its list something"
    );
    ensure!(
        page.fake.requests().is_empty(),
        "the page called Command Center without anyone signing in"
    );
    page.close().await
}

#[tokio::test(flavor = "multi_thread")]
#[ignore = "needs the release build and Chromium: run `cargo xtask test`"]
async fn the_browser_refuses_a_frame_that_frame_ancestors_does_not_list() -> anyhow::Result<()> {
    let listed = PortalSite::serve().await?;
    let other = PortalSite::serve().await?;
    // On the list of the page's config, but not in the policy's frame-ancestors.
    let page = page_for(&[&listed], &[&listed, &other]).await?;
    page.expect_csp_violations();
    // Stays in the portal's own document: there is no page in the refused frame to go into.
    page.client()
        .goto(&format!("{}/index.html?page={}", other.origin, page.url()))
        .await?;
    let refusal = wait_for_console(&page, "frame-ancestors").await?;
    ensure!(
        refusal.contains(&format!("Framing '{}", page.url())) && refusal.contains("blocked"),
        "the browser's refusal: {refusal}"
    );
    let logged = page.client().find_all(Locator::Css("#messages li")).await?;
    ensure!(logged.is_empty(), "a refused frame announced itself");
    page.close().await
}

/// Waits for a console line holding `text`, and returns it.
async fn wait_for_console(page: &Page, text: &str) -> anyhow::Result<String> {
    wait_until(
        &format!("{text:?} in the console"),
        Duration::from_secs(10),
        || async {
            let lines = page.console_log_flushed().await?;
            Ok(match lines.into_iter().find(|line| line.contains(text)) {
                Some(line) => Probe::Done(line),
                None => Probe::NotYet("not yet".into()),
            })
        },
    )
    .await
}
