//! The sign-in form that index.html paints before the wasm: it takes typing at once, a press of
//! "Sign in" before the app runs is kept and never sent anywhere by itself, and the app takes the
//! form over without losing what was typed. Its fields are the app's own fields.

use anyhow::ensure;
use std::collections::BTreeMap;

use fake_commandcenter::{
    FakeCommandCenter, FakeConfig, DEFAULT_LOGIN_PASSWORD, DEFAULT_LOGIN_USER,
};
use fantoccini::key::Key;
use serde_json::json;

use crate::harness::{
    demo_fake, login_secrets, wait_until, Page, Probe, Serving, WasmGate, LOGIN_PASSWORD_BASE64,
    LOGIN_PATH,
};

#[tokio::test(flavor = "multi_thread")]
#[ignore = "needs the release build and Chromium: run `cargo xtask test`"]
async fn typing_and_enter_before_the_wasm_sign_in_once_it_runs_and_never_leak() -> anyhow::Result<()>
{
    let gate = WasmGate::closed();
    let serving = Serving {
        wasm_gate: Some(gate.clone()),
        ..Serving::default()
    };
    let page = Page::serve(demo_fake()?, serving).await?;
    // The form is there, and takes typing, while the wasm is held back.
    let user = page.by_id("login-user").await?;
    user.send_keys(DEFAULT_LOGIN_USER).await?;
    // A navigation would make a new document, without this mark.
    page.client()
        .execute("window.beforeTheEnter = true;", vec![])
        .await?;
    let password = page.by_id("login-password").await?;
    password.send_keys(DEFAULT_LOGIN_PASSWORD).await?;
    password.send_keys(&Key::Enter.to_string()).await?;
    ensure!(
        !page.exists("html[data-app-started]").await?,
        "the app started although its wasm is held back"
    );
    assert_eq!(
        page.by_id("sign-in").await?.text().await?,
        "Signing in…",
        "the button after Enter, before the app runs"
    );
    let before = page.client().current_url().await?.to_string();
    ensure!(
        !before.contains(DEFAULT_LOGIN_PASSWORD) && !before.contains('?'),
        "the early Enter changed the address: {before}"
    );
    // The same document: no navigation, so no history entry, went with the early Enter.
    let same_document = page
        .client()
        .execute("return window.beforeTheEnter === true;", vec![])
        .await?;
    assert_eq!(
        same_document,
        json!(true),
        "no navigation after the early Enter"
    );
    ensure!(
        page.fake.requests().is_empty(),
        "a request went out before the app ran: {:#?}",
        page.fake.requests()
    );
    page.ensure_no_secret_in_page(&login_secrets(&[]), "before the app ran")
        .await?;

    gate.release();
    page.wait_until_signed_in().await?;
    let login = page.only_request_to("POST", LOGIN_PATH)?;
    assert_eq!(
        login.json(),
        Some(json!({"username": DEFAULT_LOGIN_USER, "password": LOGIN_PASSWORD_BASE64})),
        "the sign-in the app sent with what was typed"
    );
    let after = page.client().current_url().await?.to_string();
    assert_eq!(after, before, "the address after signing in");
    page.close().await
}

#[tokio::test(flavor = "multi_thread")]
#[ignore = "needs the release build and Chromium: run `cargo xtask test`"]
async fn the_app_takes_the_form_over_with_its_values_focus_and_caret() -> anyhow::Result<()> {
    let gate = WasmGate::closed();
    let serving = Serving {
        wasm_gate: Some(gate.clone()),
        ..Serving::default()
    };
    let page = Page::serve(FakeCommandCenter::new(FakeConfig::default()), serving).await?;
    page.choose_sign_in_mode("An access token").await?;
    let token = page.by_id("access-token").await?;
    token.send_keys("QSDK typed-before-the-wasm").await?;
    // The caret in the middle, as after a click there.
    page.client()
        .execute(
            "document.getElementById('access-token').setSelectionRange(5, 5);",
            vec![],
        )
        .await?;
    gate.release();
    wait_until(
        "the app to take over",
        std::time::Duration::from_secs(30),
        || async {
            Ok(if page.exists("html[data-app-started]").await? {
                Probe::Done(())
            } else {
                Probe::NotYet("not yet".into())
            })
        },
    )
    .await?;
    let state = page
        .client()
        .execute(
            "const input = document.getElementById('access-token');
             return [document.activeElement === input, input.value, input.selectionStart,
                     document.querySelector('input[name=sign-in-mode][value=token]').checked];",
            vec![],
        )
        .await?;
    assert_eq!(
        state,
        json!([true, "QSDK typed-before-the-wasm", 5, true]),
        "focus, value, caret and mode after the app took over"
    );
    assert_eq!(
        page.by_id("sign-in").await?.text().await?,
        "Use this token",
        "the button after the takeover"
    );
    page.close().await
}

/// What a field is to the browser, its password manager and a screen reader.
fn described(field: &serde_json::Value) -> String {
    field.to_string()
}

#[tokio::test(flavor = "multi_thread")]
#[ignore = "needs the release build and Chromium: run `cargo xtask test`"]
async fn the_painted_form_has_the_fields_the_app_renders() -> anyhow::Result<()> {
    const FIELDS: &str = "
        const scope = document.querySelector(arguments[0]);
        const fields = {};
        for (const input of scope.querySelectorAll('input:not([type=radio])')) {
            const label = document.querySelector(`label[for='${input.id}']`);
            fields[input.id] = {
                name: input.name, type: input.type,
                autocomplete: input.getAttribute('autocomplete'),
                label: label ? label.textContent.trim() : null,
                describedby: input.getAttribute('aria-describedby'),
                spellcheck: input.getAttribute('spellcheck'),
                autocapitalize: input.getAttribute('autocapitalize'),
            };
        }
        return fields;";
    // A Login session and a pasted token: the "Sign in again" dialog renders the app's own
    // fields of each way of signing in.
    let mut painted = BTreeMap::new();
    let mut rendered = BTreeMap::new();
    for login in [true, false] {
        let page = Page::open_with(demo_fake()?).await?;
        let fields = page
            .client()
            .execute(FIELDS, vec![json!("#sign-in-panel")])
            .await?;
        if login {
            page.log_in().await?;
        } else {
            page.sign_in().await?;
        }
        page.fill("Sender name", "Anything").await?;
        // Once the review's re-read has answered, so that the PUT meets the 401.
        page.open_review().await?;
        page.fake.expire_all_sessions();
        page.fake.set_fault(
            fake_commandcenter::Endpoint::PutEmailServer,
            Some(fake_commandcenter::Fault::Status {
                status: 401,
                body: fake_commandcenter::FaultBody::Empty,
            }),
        );
        page.confirm_review().await?;
        page.wait_for_dialog("reauth-dialog", true).await?;
        let in_dialog = page
            .client()
            .execute(FIELDS, vec![json!("#reauth-dialog")])
            .await?;
        for (id, field) in in_dialog
            .as_object()
            .cloned()
            .expect("the fields as an object")
        {
            rendered.insert(id, described(&field));
        }
        for (id, field) in fields
            .as_object()
            .cloned()
            .expect("the fields as an object")
        {
            painted.insert(id, described(&field));
        }
        page.close().await?;
    }
    for id in ["login-user", "login-password", "access-token"] {
        assert_eq!(
            painted.get(id),
            rendered.get(id),
            "the field #{id}, as index.html paints it and as the app renders it"
        );
    }
    // The API base URL is only on the painted form: it follows the same conventions.
    let base_url = painted
        .get("api-base-url")
        .cloned()
        .expect("the painted API base URL field");
    assert_eq!(
        base_url,
        described(&json!({
            "name": "api-base-url", "type": "text", "autocomplete": "off",
            "label": "API base URL", "describedby": "api-base-url-description",
            "spellcheck": "false", "autocapitalize": "off",
        })),
        "the painted API base URL field"
    );
    ensure!(
        !painted.is_empty() && painted.len() == 4,
        "the painted form's fields: {painted:?}"
    );
    Ok(())
}
