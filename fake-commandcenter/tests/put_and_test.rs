//! In-process tests (tower `oneshot`) of `PUT /V4/EmailServer`, `POST /V4/EmailServer/Action/Test`,
//! seeding, and the control API that goes with them.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::time::Duration;

use axum::body::{to_bytes, Body};
use axum::http::{Method, Request, StatusCode};
use axum::Router;
use common::{
    call, control, demo_seed_settings, good_body, loopback, send, setup, setup_with, timed, Answer,
    PATH, TEST_PATH,
};
use fake_commandcenter::{
    Endpoint, FakeCommandCenter, FakeConfig, Fault, FaultBody, DEFAULT_TOKEN,
    ERROR_CODE_NO_SAVED_CREDENTIALS, ERROR_CODE_SMTP_CONNECT_FAILED,
};
use serde_json::{json, Map, Value};
use tower::ServiceExt;

/// A call with the static token and a JSON body.
fn api_request(method: Method, path: &str, body: &Value) -> Request<Body> {
    call(method, path, DEFAULT_TOKEN, Some(body))
}

/// GET of the settings with the static token only (no Accept, unlike `common::get_request`).
fn get_request() -> Request<Body> {
    Request::get(PATH)
        .header("Authtoken", DEFAULT_TOKEN)
        .body(Body::empty())
        .unwrap()
}

/// Action/Test's body without credentials.
fn test_body() -> Value {
    json!({
        "SMTPServerName": "smtp.test.example",
        "SMTPPort": 2525,
        "senderEmail": "tester@example.com",
        "senderName": "Tester",
        "encryptionAlgorithm": "SSL",
    })
}

fn with(mut body: Value, changes: &Value) -> Value {
    for (key, value) in changes.as_object().unwrap() {
        if value.is_null() {
            body.as_object_mut().unwrap().remove(key);
        } else {
            body[key] = value.clone();
        }
    }
    body
}

/// A fake with `good_body()` stored through the API.
async fn configured() -> (FakeCommandCenter, Router) {
    let (fake, router) = setup();
    let answer = send(&router, api_request(Method::POST, PATH, &good_body())).await;
    assert_eq!(answer.status, StatusCode::OK, "{}", answer.body);
    (fake, router)
}

async fn put(router: &Router, body: Value) -> Answer {
    send(router, api_request(Method::PUT, PATH, &body)).await
}

async fn test_mail(router: &Router, body: Value) -> Answer {
    send(router, api_request(Method::POST, TEST_PATH, &body)).await
}

fn assert_ok(answer: &Answer) {
    assert_eq!(answer.status, StatusCode::OK, "{}", answer.body);
    assert_eq!(answer.json(), json!({"errorMessage": "", "errorCode": 0}));
}

fn assert_bad_request(answer: &Answer, needle: &str) {
    assert_eq!(answer.status, StatusCode::BAD_REQUEST, "{}", answer.body);
    let json = answer.json();
    let message = json["errorMessage"].as_str().unwrap();
    assert!(
        message.contains(needle),
        "message {message:?} should contain {needle:?}"
    );
    assert_eq!(json["errorCode"], 400);
}

// ---- PUT /V4/EmailServer ----

#[tokio::test]
async fn put_sender_name_only_keeps_the_password_and_every_other_field() {
    let (fake, router) = configured().await;
    let before = fake.stored_settings();
    assert_ok(&put(&router, json!({"senderName": "Backup robot"})).await);

    let expected = with(before, &json!({"senderName": "Backup robot"}));
    assert_eq!(fake.stored_settings(), expected);
    assert_eq!(expected["useAuthentication"], true);
    assert_eq!(expected["username"], "mailer");
    assert_eq!(
        fake.stored_password_base64().as_deref(),
        Some("c2VjcsOodA==")
    );
    assert_eq!(send(&router, get_request()).await.json(), expected);
}

#[tokio::test]
async fn put_every_plain_field_at_once_and_an_empty_put_changes_nothing() {
    let (fake, router) = configured().await;
    let changes = json!({
        "SMTPServerName": "10.0.0.25",
        "SMTPPort": 25,
        "senderEmail": "cv@example.com",
        "senderName": "CV",
        "encryptionAlgorithm": "NONE",
    });
    assert_ok(&put(&router, changes.clone()).await);
    let expected = json!({
        "SMTPServerName": "10.0.0.25",
        "SMTPPort": 25,
        "senderEmail": "cv@example.com",
        "senderName": "CV",
        "encryptionAlgorithm": "NONE",
        "useAuthentication": true,
        "username": "mailer",
    });
    assert_eq!(fake.stored_settings(), expected);
    assert_ok(&put(&router, json!({})).await);
    assert_eq!(fake.stored_settings(), expected);
    assert_eq!(
        fake.stored_password_base64().as_deref(),
        Some("c2VjcsOodA==")
    );
}

#[tokio::test]
async fn put_with_a_new_password_replaces_it() {
    let (fake, router) = configured().await;
    // Password alone (the username is saved).
    assert_ok(&put(&router, json!({"password": "bmV3LXBhc3M="})).await);
    assert_eq!(
        fake.stored_password_base64().as_deref(),
        Some("bmV3LXBhc3M=")
    );
    assert_eq!(fake.stored_settings()["username"], "mailer");
    // With the username and useAuthentication.
    let answer = put(
        &router,
        json!({"useAuthentication": true, "username": "other", "password": "b3RoZXI="}),
    )
    .await;
    assert_ok(&answer);
    assert_eq!(fake.stored_password_base64().as_deref(), Some("b3RoZXI="));
    assert_eq!(fake.stored_settings()["username"], "other");
    // Not base64: refused, the stored one stays.
    assert_bad_request(
        &put(&router, json!({"password": "plain text"})).await,
        "'password' must be standard base64",
    );
    assert_eq!(fake.stored_password_base64().as_deref(), Some("b3RoZXI="));
}

#[tokio::test]
async fn put_username_without_password_keeps_the_saved_password() {
    let (fake, router) = configured().await;
    assert_ok(&put(&router, json!({"username": "renamed"})).await);
    assert_eq!(fake.stored_settings()["username"], "renamed");
    assert_eq!(
        fake.stored_password_base64().as_deref(),
        Some("c2VjcsOodA==")
    );
    assert_ok(
        &put(
            &router,
            json!({"useAuthentication": true, "username": "again"}),
        )
        .await,
    );
    assert_eq!(fake.stored_settings()["username"], "again");
    assert_eq!(
        fake.stored_password_base64().as_deref(),
        Some("c2VjcsOodA==")
    );
}

#[tokio::test]
async fn put_use_authentication_false_clears_the_credentials() {
    let (fake, router) = configured().await;
    assert_ok(&put(&router, json!({"useAuthentication": false})).await);
    let got = send(&router, get_request()).await.json();
    assert_eq!(got["useAuthentication"], false);
    assert_eq!(got.get("username"), None);
    assert_eq!(got["SMTPServerName"], "smtp.example.com", "the rest stays");
    assert_eq!(fake.stored_password_base64(), None);

    // With nothing saved any more, a username alone cannot be completed...
    assert_bad_request(
        &put(&router, json!({"username": "mailer"})).await,
        "field 'password' is required",
    );
    assert_bad_request(
        &put(
            &router,
            json!({"useAuthentication": true, "username": "mailer"}),
        )
        .await,
        "field 'password' is required",
    );
    // ...nor a password alone.
    assert_bad_request(
        &put(&router, json!({"password": "c2VjcmV0"})).await,
        "field 'username' is required",
    );
    assert_eq!(fake.stored_settings()["useAuthentication"], false);

    // Turning it back on with both.
    assert_ok(
        &put(
            &router,
            json!({"useAuthentication": true, "username": "mailer", "password": "c2VjcmV0"}),
        )
        .await,
    );
    assert_eq!(fake.stored_settings()["useAuthentication"], true);
    assert_eq!(fake.stored_password_base64().as_deref(), Some("c2VjcmV0"));
}

#[tokio::test]
async fn put_credentials_without_use_authentication_turn_it_on() {
    let (fake, router) = setup();
    let mut body = good_body();
    body.as_object_mut().unwrap().remove("username");
    body.as_object_mut().unwrap().remove("password");
    assert_ok(&send(&router, api_request(Method::POST, PATH, &body)).await);
    assert_eq!(fake.stored_settings()["useAuthentication"], false);

    assert_ok(
        &put(
            &router,
            json!({"username": "mailer", "password": "c2VjcmV0"}),
        )
        .await,
    );
    assert_eq!(fake.stored_settings()["useAuthentication"], true);
    assert_eq!(fake.stored_settings()["username"], "mailer");
}

#[tokio::test]
async fn put_use_authentication_true_without_username_is_refused_naming_username() {
    let (fake, router) = configured().await;
    let before = fake.stored_settings();
    for body in [
        json!({"useAuthentication": true}),
        json!({"useAuthentication": true, "password": "c2VjcmV0"}),
        json!({"useAuthentication": true, "senderName": "X"}),
    ] {
        let answer = put(&router, body.clone()).await;
        assert_bad_request(
            &answer,
            "field 'username' is required when 'useAuthentication' is true",
        );
        assert_eq!(fake.stored_settings(), before, "{body}");
        assert_eq!(
            fake.stored_password_base64().as_deref(),
            Some("c2VjcsOodA==")
        );
    }
}

#[tokio::test]
async fn put_refuses_credentials_with_use_authentication_false() {
    let (fake, router) = configured().await;
    let before = fake.stored_settings();
    for (body, name) in [
        (
            json!({"useAuthentication": false, "username": "mailer"}),
            "username",
        ),
        (
            json!({"useAuthentication": false, "password": "c2VjcmV0"}),
            "password",
        ),
        (
            json!({"useAuthentication": false, "username": "mailer", "password": "c2VjcmV0"}),
            "username",
        ),
    ] {
        let answer = put(&router, body.clone()).await;
        assert_bad_request(
            &answer,
            &format!("field '{name}' contradicts 'useAuthentication': false"),
        );
        assert_eq!(fake.stored_settings(), before, "{body}");
    }
    assert!(fake.stored_password_base64().is_some());
}

#[tokio::test]
async fn put_before_anything_is_configured() {
    let (fake, router) = setup();
    for body in [
        json!({}),
        json!({"senderName": "X"}),
        with(good_body(), &json!({"senderEmail": null})),
    ] {
        let answer = put(&router, body).await;
        assert_bad_request(
            &answer,
            "nothing to update: configure the email server with POST first",
        );
        assert_eq!(fake.stored_settings(), json!({}));
    }
    // Still checked like any PUT: a username needs a password when none is saved.
    let answer = put(&router, with(good_body(), &json!({"password": null}))).await;
    assert_bad_request(&answer, "field 'password' is required");
    assert_eq!(fake.stored_settings(), json!({}));

    // All four required fields: it creates the settings, as POST would.
    let body = with(good_body(), &json!({"useAuthentication": true}));
    assert_ok(&put(&router, body).await);
    assert_eq!(fake.stored_settings()["useAuthentication"], true);
    assert_eq!(fake.stored_settings()["SMTPPort"], 587);
    assert_eq!(
        fake.stored_password_base64().as_deref(),
        Some("c2VjcsOodA==")
    );
}

#[tokio::test]
async fn put_refuses_what_post_refuses_and_checks_use_authentication_s_type() {
    #[rustfmt::skip]
    let cases: Vec<(Value, &str)> = vec![
        (json!({"smtpPort": 25}), "unknown field 'smtpPort' (did you mean 'SMTPPort'?)"),
        (json!({"SMTPServername": "x"}), "unknown field 'SMTPServername' (did you mean 'SMTPServerName'?)"),
        (json!({"useauthentication": true}), "unknown field 'useauthentication' (did you mean 'useAuthentication'?)"),
        (json!({"use_authentication": false}), "(did you mean 'useAuthentication'?)"),
        (json!({"recipient": "x@example.com"}), "unknown field 'recipient'"),
        (json!({"useAuthentication": "true"}), "field 'useAuthentication' must be a JSON boolean"),
        (json!({"useAuthentication": 1}), "field 'useAuthentication' must be a JSON boolean"),
        (json!({"useAuthentication": null}), "field 'useAuthentication' must be a JSON boolean"),
        (json!({"SMTPPort": "587"}), "field 'SMTPPort' must be a JSON integer"),
        (json!({"SMTPPort": 0}), "field 'SMTPPort' must be a TCP port"),
        (json!({"senderName": ""}), "field 'senderName' must not be empty"),
        (json!({"encryptionAlgorithm": "tls"}), "field 'encryptionAlgorithm' must be one of NONE, TLS, SSL"),
        (json!({"username": ""}), "field 'username' must not be empty"),
        (json!({"password": "/w=="}), "field 'password' must be the base64 of UTF-8 text"),
        (json!([]), "body must be a JSON object"),
    ];
    let (fake, router) = configured().await;
    let before = fake.stored_settings();
    for (body, needle) in cases {
        let answer = put(&router, body.clone()).await;
        assert_bad_request(&answer, needle);
        assert_eq!(fake.stored_settings(), before, "{body}");
    }
    let request = Request::put(PATH)
        .header("Authtoken", DEFAULT_TOKEN)
        .header("Content-Type", "text/plain")
        .body(Body::from(r#"{"senderName":"X"}"#))
        .unwrap();
    assert_bad_request(&send(&router, request).await, "'Content-Type'");
    let request = Request::put(PATH)
        .header("Content-Type", "application/json")
        .body(Body::from(r#"{"senderName":"X"}"#))
        .unwrap();
    assert_eq!(
        send(&router, request).await.status,
        StatusCode::UNAUTHORIZED
    );
    assert_eq!(fake.stored_settings(), before);
}

#[tokio::test]
async fn post_sets_use_authentication_from_the_credentials() {
    let (fake, router) = configured().await;
    assert_eq!(fake.stored_settings()["useAuthentication"], true);
    let body = with(good_body(), &json!({"username": null, "password": null}));
    assert_ok(&send(&router, api_request(Method::POST, PATH, &body)).await);
    assert_eq!(fake.stored_settings()["useAuthentication"], false);
    assert_eq!(fake.stored_password_base64(), None);
}

// ---- POST /V4/EmailServer/Action/Test ----

#[tokio::test]
async fn test_with_the_saved_credentials_sends_the_mail_to_the_user() {
    let (fake, router) = configured().await;
    assert_ok(&test_mail(&router, test_body()).await);
    assert_eq!(
        fake.sent_test_mails(),
        [json!({
            "to": "admin@example.com",
            "settings": {
                "SMTPServerName": "smtp.test.example",
                "SMTPPort": 2525,
                "senderEmail": "tester@example.com",
                "senderName": "Tester",
                "encryptionAlgorithm": "SSL",
                "useAuthentication": true,
                "username": "mailer",
                "passwordBase64": "c2VjcsOodA==",
                "usedSavedCredentials": true,
            },
        })]
    );
    // The same with useAuthentication said out loud.
    let body = with(test_body(), &json!({"useAuthentication": true}));
    assert_ok(&test_mail(&router, body).await);
    let mails = fake.sent_test_mails();
    assert_eq!(mails.len(), 2);
    assert_eq!(mails[1]["settings"]["usedSavedCredentials"], true);
}

#[tokio::test]
async fn test_with_credentials_in_the_body_uses_those() {
    let (fake, router) = configured().await;
    let body = with(
        test_body(),
        &json!({"username": "probe", "password": "cHJvYmU="}),
    );
    assert_ok(&test_mail(&router, body).await);
    let settings = &fake.sent_test_mails()[0]["settings"];
    assert_eq!(settings["useAuthentication"], true);
    assert_eq!(settings["username"], "probe");
    assert_eq!(settings["passwordBase64"], "cHJvYmU=");
    assert_eq!(settings["usedSavedCredentials"], false);
    assert_eq!(settings["encryptionAlgorithm"], "SSL");
}

#[tokio::test]
async fn test_without_authentication() {
    // Nothing saved, no credentials, no useAuthentication: tested without authentication.
    let (fake, router) = setup();
    assert_ok(
        &test_mail(
            &router,
            with(test_body(), &json!({"encryptionAlgorithm": null})),
        )
        .await,
    );
    let settings = fake.sent_test_mails()[0]["settings"].clone();
    assert_eq!(settings["useAuthentication"], false);
    assert_eq!(settings["encryptionAlgorithm"], "NONE");
    assert_eq!(settings["usedSavedCredentials"], false);
    assert_eq!(settings.get("username"), None);
    assert_eq!(settings.get("passwordBase64"), None);

    // Saved credentials, but useAuthentication false: still none.
    let (fake, router) = configured().await;
    let body = with(test_body(), &json!({"useAuthentication": false}));
    assert_ok(&test_mail(&router, body).await);
    assert_eq!(
        fake.sent_test_mails()[0]["settings"]["useAuthentication"],
        false
    );
}

#[tokio::test]
async fn test_with_saved_credentials_when_none_are_saved_fails_in_a_200() {
    let (fake, router) = setup();
    let body = with(test_body(), &json!({"useAuthentication": true}));
    let answer = test_mail(&router, body.clone()).await;
    assert_eq!(answer.status, StatusCode::OK);
    let json = answer.json();
    assert_eq!(json["errorCode"], ERROR_CODE_NO_SAVED_CREDENTIALS);
    assert_ne!(json["errorCode"], 0);
    assert!(
        json["errorMessage"]
            .as_str()
            .unwrap()
            .to_lowercase()
            .contains("no saved credentials"),
        "{json}"
    );
    assert!(fake.sent_test_mails().is_empty());

    // Settings saved without authentication: no credentials either.
    let post = with(good_body(), &json!({"username": null, "password": null}));
    assert_ok(&send(&router, api_request(Method::POST, PATH, &post)).await);
    let answer = test_mail(&router, body).await;
    assert_eq!(answer.json()["errorCode"], ERROR_CODE_NO_SAVED_CREDENTIALS);
    assert!(fake.sent_test_mails().is_empty());
}

#[tokio::test]
async fn test_when_the_mail_server_is_unreachable_names_host_and_port() {
    let (fake, router) = configured().await;
    assert!(fake.mail_server_reachable());
    fake.set_mail_server_reachable(false);
    let answer = test_mail(&router, test_body()).await;
    assert_eq!(answer.status, StatusCode::OK);
    let json = answer.json();
    assert_eq!(json["errorCode"], ERROR_CODE_SMTP_CONNECT_FAILED);
    assert_ne!(json["errorCode"], 0);
    assert_eq!(
        json["errorMessage"],
        "Failed to connect to SMTP server smtp.test.example:2525: Connection timed out"
    );
    assert!(fake.sent_test_mails().is_empty());

    fake.set_mail_server_reachable(true);
    assert_ok(&test_mail(&router, test_body()).await);
    assert_eq!(fake.sent_test_mails().len(), 1);
    fake.clear_sent_test_mails();
    assert!(fake.sent_test_mails().is_empty());
}

#[tokio::test]
async fn test_does_not_change_the_stored_settings() {
    let (fake, router) = configured().await;
    let before = fake.stored_settings();
    let body = with(
        test_body(),
        &json!({"useAuthentication": true, "username": "probe", "password": "cHJvYmU="}),
    );
    assert_ok(&test_mail(&router, body).await);
    assert_ok(&test_mail(&router, test_body()).await);
    assert_eq!(fake.stored_settings(), before);
    assert_eq!(
        fake.stored_password_base64().as_deref(),
        Some("c2VjcsOodA==")
    );
    assert_eq!(send(&router, get_request()).await.json(), before);

    // Nor creates any.
    let (fake, router) = setup();
    let body = with(
        test_body(),
        &json!({"username": "probe", "password": "cHJvYmU="}),
    );
    assert_ok(&test_mail(&router, body).await);
    assert_eq!(fake.stored_settings(), json!({}));
    assert_eq!(fake.stored_password_base64(), None);
}

#[tokio::test]
async fn test_refuses_one_credential_alone_and_other_contract_violations() {
    #[rustfmt::skip]
    let cases: Vec<(Value, &str)> = vec![
        (json!({"username": "probe"}), "field 'password' is required when 'username' is sent"),
        (json!({"password": "cHJvYmU="}), "field 'username' is required when 'password' is sent"),
        (json!({"useAuthentication": true, "username": "probe"}), "field 'password' is required when 'username' is sent"),
        (json!({"useAuthentication": false, "username": "probe", "password": "cHJvYmU="}), "contradicts 'useAuthentication': false"),
        (json!({"SMTPServerName": null}), "missing required field 'SMTPServerName'"),
        (json!({"SMTPPort": null}), "missing required field 'SMTPPort'"),
        (json!({"senderEmail": null}), "missing required field 'senderEmail'"),
        (json!({"senderName": null}), "missing required field 'senderName'"),
        (json!({"recipient": "me@example.com"}), "unknown field 'recipient'"),
        (json!({"smtpServerName": "x"}), "unknown field 'smtpServerName' (did you mean 'SMTPServerName'?)"),
        (json!({"useAuthentication": "yes"}), "field 'useAuthentication' must be a JSON boolean"),
        (json!({"SMTPPort": 70000}), "field 'SMTPPort' must be a TCP port"),
        (json!({"username": "probe", "password": "probe"}), "'password' must be standard base64"),
    ];
    let (fake, router) = configured().await;
    let before = fake.stored_settings();
    for (changes, needle) in cases {
        let answer = test_mail(&router, with(test_body(), &changes)).await;
        assert_bad_request(&answer, needle);
    }
    assert!(fake.sent_test_mails().is_empty());
    assert_eq!(fake.stored_settings(), before);
}

#[tokio::test]
async fn test_mails_go_to_the_configured_user_email_and_the_path_is_case_insensitive() {
    let (fake, router) = setup_with(FakeConfig {
        user_email: "ops@example.org".to_owned(),
        ..FakeConfig::default()
    });
    let request = api_request(
        Method::POST,
        "/commandcenter/api/v4/emailserver/action/test",
        &test_body(),
    );
    assert_ok(&send(&router, request).await);
    assert_eq!(fake.sent_test_mails()[0]["to"], "ops@example.org");
}

#[tokio::test]
async fn the_new_endpoints_route_and_refuse_other_methods() {
    let (fake, router) = setup();
    let request = Request::get(TEST_PATH)
        .header("Authtoken", DEFAULT_TOKEN)
        .body(Body::empty())
        .unwrap();
    let answer = send(&router, request).await;
    assert_eq!(answer.status, StatusCode::METHOD_NOT_ALLOWED);
    let preflight = Request::builder()
        .method(Method::OPTIONS)
        .uri(TEST_PATH)
        .header("Origin", "http://localhost:8080")
        .header("Access-Control-Request-Method", "POST")
        .body(Body::empty())
        .unwrap();
    assert!(send(&router, preflight).await.status.is_success());
    assert_eq!(
        Endpoint::PutEmailServer.path(),
        Endpoint::PostEmailServer.path()
    );
    assert_eq!(Endpoint::PutEmailServer.method(), Method::PUT);
    assert_eq!(
        Endpoint::TestEmailServer.path(),
        "/V4/EmailServer/Action/Test"
    );
    assert_eq!(Endpoint::TestEmailServer.method(), Method::POST);
    assert_eq!(Endpoint::PutEmailServer.name(), "put-email-server");
    assert_eq!(Endpoint::TestEmailServer.name(), "test-email-server");
    assert_eq!(fake.requests().len(), 2);
}

// ---- faults on the new endpoints ----

#[tokio::test(start_paused = true)]
async fn faults_work_on_put() {
    let (fake, router) = configured().await;
    let before = fake.stored_settings();
    let change = json!({"senderName": "Changed"});

    fake.set_fault(
        Endpoint::PutEmailServer,
        Some(Fault::Status {
            status: 502,
            body: FaultBody::Html,
        }),
    );
    let answer = put(&router, change.clone()).await;
    assert_eq!(answer.status, StatusCode::BAD_GATEWAY);
    assert!(answer.body.contains("502 Bad Gateway"));

    fake.set_fault(
        Endpoint::PutEmailServer,
        Some(Fault::ErrorCode {
            code: 5,
            message: "internal".to_owned(),
        }),
    );
    let answer = put(&router, change.clone()).await;
    assert_eq!(
        answer.json(),
        json!({"errorMessage": "internal", "errorCode": 5})
    );
    // The body is still checked first.
    assert_bad_request(
        &put(&router, json!({"useAuthentication": true})).await,
        "username",
    );

    fake.set_fault(Endpoint::PutEmailServer, Some(Fault::MalformedJson));
    let answer = put(&router, change.clone()).await;
    assert_eq!(answer.status, StatusCode::OK);
    assert!(serde_json::from_str::<Value>(&answer.body).is_err());

    fake.set_fault(Endpoint::PutEmailServer, Some(Fault::DropConnection));
    let response = router
        .clone()
        .oneshot(api_request(Method::PUT, PATH, &change))
        .await
        .unwrap();
    assert!(to_bytes(response.into_body(), usize::MAX).await.is_err());
    assert_eq!(fake.requests().last().unwrap().status, 0);
    assert_eq!(fake.stored_settings(), before, "no fault stored anything");
    // Other endpoints are unaffected.
    assert_eq!(send(&router, get_request()).await.status, StatusCode::OK);

    fake.set_fault(Endpoint::PutEmailServer, Some(Fault::Delay { ms: 200 }));
    let (answer, waited) = timed(put(&router, change)).await;
    assert_ok(&answer);
    assert_eq!(waited, Duration::from_millis(200));
    assert_eq!(fake.stored_settings()["senderName"], "Changed");
}

#[tokio::test(start_paused = true)]
async fn faults_work_on_test() {
    let (fake, router) = configured().await;

    fake.set_fault(
        Endpoint::TestEmailServer,
        Some(Fault::Status {
            status: 504,
            body: FaultBody::Empty,
        }),
    );
    let answer = test_mail(&router, test_body()).await;
    assert_eq!(answer.status, StatusCode::GATEWAY_TIMEOUT);
    assert_eq!(answer.body, "");

    fake.set_fault(
        Endpoint::TestEmailServer,
        Some(Fault::ErrorCode {
            code: 9,
            message: "SMTP said no".to_owned(),
        }),
    );
    let answer = test_mail(&router, test_body()).await;
    assert_eq!(
        answer.json(),
        json!({"errorMessage": "SMTP said no", "errorCode": 9})
    );
    assert_bad_request(
        &test_mail(&router, with(test_body(), &json!({"username": "x"}))).await,
        "password",
    );

    fake.set_fault(Endpoint::TestEmailServer, Some(Fault::MalformedJson));
    let answer = test_mail(&router, test_body()).await;
    assert!(serde_json::from_str::<Value>(&answer.body).is_err());
    assert!(!answer.body.is_empty());

    fake.set_fault(Endpoint::TestEmailServer, Some(Fault::DropConnection));
    let response = router
        .clone()
        .oneshot(api_request(Method::POST, TEST_PATH, &test_body()))
        .await
        .unwrap();
    assert!(to_bytes(response.into_body(), usize::MAX).await.is_err());
    assert!(fake.sent_test_mails().is_empty(), "no fault sent a mail");
    // POST on the settings path is another endpoint.
    assert_ok(&send(&router, api_request(Method::POST, PATH, &good_body())).await);

    fake.set_fault(Endpoint::TestEmailServer, Some(Fault::Delay { ms: 200 }));
    let (answer, waited) = timed(test_mail(&router, test_body())).await;
    assert_ok(&answer);
    assert_eq!(waited, Duration::from_millis(200));
    assert_eq!(fake.sent_test_mails().len(), 1);
}

// ---- seeds ----

#[tokio::test]
async fn a_seed_starts_the_fake_with_those_settings() {
    let seed: Value = serde_json::from_str(include_str!("../seeds/demo.json")).unwrap();
    let fake = FakeCommandCenter::with_settings(FakeConfig::default(), seed).unwrap();
    let expected = demo_seed_settings();
    assert_eq!(fake.stored_settings(), expected);
    // base64 of "demo-smtp-password"
    assert_eq!(
        fake.stored_password_base64().as_deref(),
        Some("ZGVtby1zbXRwLXBhc3N3b3Jk")
    );
    let router = fake.router();
    assert_eq!(send(&router, get_request()).await.json(), expected);
    assert!(fake.requests().len() == 1, "seeding is not a request");
    // The seeded credentials are the saved ones.
    assert_ok(&test_mail(&router, test_body()).await);
    assert_eq!(
        fake.sent_test_mails()[0]["settings"]["username"],
        "cc-mailer"
    );
}

#[test]
fn a_seed_that_breaks_the_post_contract_is_refused() {
    let mut no_name = Map::new();
    no_name.insert("SMTPServerName".to_owned(), json!("smtp.example.com"));
    no_name.insert("SMTPPort".to_owned(), json!(25));
    no_name.insert("senderEmail".to_owned(), json!("a@example.com"));
    for (seed, needle) in [
        (
            Value::Object(no_name),
            "missing required field 'senderName'",
        ),
        (
            with(good_body(), &json!({"password": "demo-smtp-password"})),
            "'password' must be standard base64",
        ),
        (
            with(good_body(), &json!({"useAuthentication": true})),
            "unknown field 'useAuthentication'",
        ),
        (
            with(good_body(), &json!({"password": null})),
            "field 'password' is required when 'username' is sent",
        ),
        (json!([1]), "body must be a JSON object"),
    ] {
        let error = FakeCommandCenter::with_settings(FakeConfig::default(), seed.clone())
            .err()
            .unwrap_or_else(|| panic!("accepted {seed}"));
        assert!(
            error.contains(needle),
            "{error:?} should contain {needle:?}"
        );
    }
}

// ---- control API ----

#[tokio::test]
async fn control_api_switches_the_mail_server_and_lists_test_mails() {
    let (fake, router) = configured().await;
    let router = loopback(router);

    let answer = send(&router, control(Method::GET, "/__fake/mail-server", "")).await;
    assert_eq!(answer.json(), json!({"reachable": true}));
    let answer = send(
        &router,
        control(
            Method::PUT,
            "/__fake/mail-server",
            r#"{"reachable": false}"#,
        ),
    )
    .await;
    assert_eq!(answer.status, StatusCode::NO_CONTENT, "{}", answer.body);
    assert!(!fake.mail_server_reachable());
    let answer = test_mail(&router, test_body()).await;
    assert_eq!(answer.json()["errorCode"], ERROR_CODE_SMTP_CONNECT_FAILED);

    for body in [
        "",
        "{}",
        r#"{"reachable": "false"}"#,
        r#"{"reachable": true, "extra": 1}"#,
        "true",
    ] {
        let answer = send(&router, control(Method::PUT, "/__fake/mail-server", body)).await;
        assert_eq!(answer.status, StatusCode::BAD_REQUEST, "{body}");
        assert!(answer.json()["error"].is_string());
    }
    assert!(!fake.mail_server_reachable());

    send(
        &router,
        control(Method::PUT, "/__fake/mail-server", r#"{"reachable": true}"#),
    )
    .await;
    assert_ok(&test_mail(&router, test_body()).await);
    let answer = send(&router, control(Method::GET, "/__fake/test-mails", "")).await;
    let mails = answer.json();
    assert_eq!(mails.as_array().unwrap().len(), 1);
    assert_eq!(mails[0]["to"], "admin@example.com");
    assert_eq!(mails[0]["settings"]["usedSavedCredentials"], true);
    let answer = send(&router, control(Method::DELETE, "/__fake/test-mails", "")).await;
    assert_eq!(answer.status, StatusCode::NO_CONTENT);
    assert!(fake.sent_test_mails().is_empty());

    // Faults by the new names.
    for name in ["put-email-server", "test-email-server"] {
        let path = format!("/__fake/faults/{name}");
        let answer = send(
            &router,
            control(Method::PUT, &path, r#"{"kind":"drop_connection"}"#),
        )
        .await;
        assert_eq!(answer.status, StatusCode::NO_CONTENT, "{name}");
    }
    assert!(matches!(
        fake.fault(Endpoint::PutEmailServer),
        Some(Fault::DropConnection)
    ));
    assert!(matches!(
        fake.fault(Endpoint::TestEmailServer),
        Some(Fault::DropConnection)
    ));

    // Served without the peer address: refused like the rest of the control API.
    let (_, bare) = setup();
    let answer = send(
        &bare,
        control(
            Method::PUT,
            "/__fake/mail-server",
            r#"{"reachable": false}"#,
        ),
    )
    .await;
    assert_eq!(answer.status, StatusCode::FORBIDDEN);
}
