//! What a page test needs beyond the plain API: another administrator changing the settings
//! (`change_settings_as_colleague`, `PUT /__fake/settings`), a fault for the next N requests
//! only (`set_fault_times`, `"times"`), and a PUT that silently keeps one old value
//! (`set_put_keeps_field`, `/__fake/put-keeps-field`). In-process with tower's `oneshot`.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::time::Duration;

use axum::body::Body;
use axum::http::{Method, Request, StatusCode};
use axum::Router;
use common::{
    b64, call, control, get_request, good_body, loopback, send, setup, timed, with_json, with_peer,
    Answer, PATH,
};
use fake_commandcenter::{Endpoint, FakeCommandCenter, Fault, FaultBody, DEFAULT_TOKEN};
use serde_json::{json, Value};

/// POST's four required fields, no credentials.
fn plain_body() -> Value {
    json!({
        "SMTPServerName": "smtp.example.com",
        "SMTPPort": 587,
        "senderEmail": "backup@example.com",
        "senderName": "Commvault",
    })
}

/// `base` with each member of `changes` set (or, when null, removed).
fn with(mut base: Value, changes: &Value) -> Value {
    for (key, value) in changes.as_object().unwrap() {
        if value.is_null() {
            base.as_object_mut().unwrap().remove(key);
        } else {
            base[key] = value.clone();
        }
    }
    base
}

/// A fake with `body` stored through `POST /V4/EmailServer`.
async fn configured_with(body: &Value) -> (FakeCommandCenter, Router) {
    let (fake, router) = setup();
    let answer = send(&router, call(Method::POST, PATH, DEFAULT_TOKEN, Some(body))).await;
    assert_eq!(answer.status, StatusCode::OK, "{}", answer.body);
    (fake, router)
}

async fn put(router: &Router, body: &Value) -> Answer {
    send(router, call(Method::PUT, PATH, DEFAULT_TOKEN, Some(body))).await
}

async fn get(router: &Router) -> Answer {
    send(router, get_request(PATH)).await
}

fn assert_ok(answer: &Answer) {
    assert_eq!(answer.status, StatusCode::OK, "{}", answer.body);
    assert_eq!(answer.json(), json!({"errorMessage": "", "errorCode": 0}));
}

/// The `errorMessage` of a PUT's 400.
fn refusal(answer: &Answer) -> String {
    assert_eq!(answer.status, StatusCode::BAD_REQUEST, "{}", answer.body);
    assert_eq!(answer.json()["errorCode"], 400);
    answer.json()["errorMessage"].as_str().unwrap().to_owned()
}

fn statuses(fake: &FakeCommandCenter) -> Vec<(String, u16)> {
    fake.requests()
        .into_iter()
        .map(|request| (request.method, request.status))
        .collect()
}

fn pairs(expected: &[(&str, u16)]) -> Vec<(String, u16)> {
    expected
        .iter()
        .map(|(method, status)| ((*method).to_owned(), *status))
        .collect()
}

fn status_fault(status: u16) -> Fault {
    Fault::Status {
        status,
        body: FaultBody::command_center_error(status),
    }
}

// ---- another administrator ----

#[tokio::test]
async fn a_colleague_turning_authentication_on_is_what_get_answers_and_stores_the_password() {
    let (fake, router) = configured_with(&plain_body()).await;
    assert_eq!(fake.stored_settings()["useAuthentication"], false);

    fake.change_settings_as_colleague(json!({
        "useAuthentication": true,
        "username": "colleague",
        "password": b64("pässwörd"),
    }))
    .unwrap();

    let got = get(&router).await;
    assert_eq!(got.status, StatusCode::OK);
    assert_eq!(
        got.json(),
        with(
            plain_body(),
            &json!({
                "encryptionAlgorithm": "NONE",
                "useAuthentication": true,
                "username": "colleague",
            })
        )
    );
    assert_eq!(fake.stored_password_base64(), Some(b64("pässwörd")));
    assert_eq!(
        statuses(&fake),
        pairs(&[("POST", 200), ("GET", 200)]),
        "the colleague's change is not a recorded request"
    );
}

#[tokio::test]
async fn a_colleague_change_merges_into_the_stored_settings_credentials_included() {
    let (fake, router) = configured_with(&good_body()).await;
    let before = fake.stored_settings();

    fake.change_settings_as_colleague(json!({"senderName": "Ops", "SMTPPort": 25}))
        .unwrap();
    assert_eq!(
        get(&router).await.json(),
        with(
            before.clone(),
            &json!({"senderName": "Ops", "SMTPPort": 25})
        )
    );
    assert_eq!(
        fake.stored_password_base64().as_deref(),
        Some("c2VjcsOodA=="),
        "a password left out is kept"
    );

    fake.change_settings_as_colleague(json!({"password": b64("new")}))
        .unwrap();
    assert_eq!(fake.stored_password_base64(), Some(b64("new")));
    assert_eq!(fake.stored_settings()["username"], "mailer");

    fake.change_settings_as_colleague(json!({"useAuthentication": false}))
        .unwrap();
    let got = get(&router).await.json();
    assert_eq!(got["useAuthentication"], false);
    assert!(got.get("username").is_none(), "{got}");
    assert_eq!(fake.stored_password_base64(), None);

    // An empty change is a PUT that changes nothing.
    let now = fake.stored_settings();
    fake.change_settings_as_colleague(json!({})).unwrap();
    assert_eq!(fake.stored_settings(), now);
}

#[tokio::test]
async fn a_colleague_can_create_the_settings_with_post_s_four_fields() {
    let (fake, router) = setup();
    fake.change_settings_as_colleague(plain_body()).unwrap();
    assert_eq!(
        get(&router).await.json(),
        with(
            plain_body(),
            &json!({"encryptionAlgorithm": "NONE", "useAuthentication": false})
        )
    );
}

#[tokio::test]
async fn a_colleague_body_that_breaks_the_put_contract_gets_the_put_s_400_message() {
    #[rustfmt::skip]
    let on_configured: Vec<(Value, &str)> = vec![
        (json!({"smtpPort": 25}), "unknown field 'smtpPort' (did you mean 'SMTPPort'?)"),
        (json!({"recipient": "x@example.com"}), "unknown field 'recipient'"),
        (json!({"SMTPPort": "587"}), "field 'SMTPPort' must be a JSON integer"),
        (json!({"SMTPPort": 25.0}), "field 'SMTPPort' must be a JSON integer"),
        (json!({"SMTPPort": 0}), "field 'SMTPPort' must be a TCP port"),
        (json!({"senderName": " "}), "field 'senderName' must not be empty"),
        (json!({"encryptionAlgorithm": "tls"}), "field 'encryptionAlgorithm' must be one of NONE, TLS, SSL"),
        (json!({"useAuthentication": "true"}), "field 'useAuthentication' must be a JSON boolean"),
        (json!({"useAuthentication": true}), "field 'username' is required when 'useAuthentication' is true"),
        (json!({"useAuthentication": false, "username": "x"}), "field 'username' contradicts 'useAuthentication': false"),
        (json!({"password": "secret"}), "field 'password' must be standard base64"),
        (json!({"password": "/w=="}), "field 'password' must be the base64 of UTF-8 text"),
        (json!({"password": b64("x")}), "field 'username' is required when 'password' is sent"),
        (json!([]), "body must be a JSON object, got an array"),
        (json!(null), "body must be a JSON object, got null"),
    ];
    #[rustfmt::skip]
    let on_empty: Vec<(Value, &str)> = vec![
        (json!({}), "nothing to update: configure the email server with POST first"),
        (json!({"senderName": "X"}), "nothing to update: configure the email server with POST first"),
        (with(plain_body(), &json!({"username": "mailer"})), "field 'password' is required when 'username' is sent"),
    ];
    let puts_on_configured = on_configured.len();
    let puts_on_empty = on_empty.len();
    let (configured, configured_router) = configured_with(&plain_body()).await;
    let (empty, empty_router) = setup();
    for (fake, router, cases) in [
        (&configured, &configured_router, on_configured),
        (&empty, &empty_router, on_empty),
    ] {
        let before = fake.stored_settings();
        for (body, needle) in cases {
            let error = fake
                .change_settings_as_colleague(body.clone())
                .expect_err(&body.to_string());
            assert!(
                error.contains(needle),
                "{error:?} should contain {needle:?}"
            );
            assert_eq!(error, refusal(&put(router, &body).await), "{body}");
            assert_eq!(fake.stored_settings(), before, "{body}");
        }
    }
    // The PUTs compared with were recorded; the refused colleague changes were not.
    assert_eq!(configured.requests().len(), 1 + puts_on_configured);
    assert_eq!(empty.requests().len(), puts_on_empty);
}

#[tokio::test]
async fn a_colleague_change_meets_no_fault_no_kept_field_and_uses_up_no_fault() {
    let (fake, router) = configured_with(&plain_body()).await;
    fake.set_fault_times(Endpoint::PutEmailServer, status_fault(503), 1);
    fake.set_put_keeps_field(Some("SMTPPort")).unwrap();

    fake.change_settings_as_colleague(json!({"SMTPPort": 2525}))
        .unwrap();
    assert_eq!(fake.stored_settings()["SMTPPort"], 2525);
    assert!(fake.fault(Endpoint::PutEmailServer).is_some());

    // The page's own PUTs still meet both.
    let change = json!({"SMTPPort": 26, "senderName": "Ops"});
    assert_eq!(put(&router, &change).await.status.as_u16(), 503);
    assert_ok(&put(&router, &change).await);
    assert_eq!(fake.stored_settings()["SMTPPort"], 2525);
    assert_eq!(fake.stored_settings()["senderName"], "Ops");
}

#[tokio::test]
async fn control_api_changes_the_settings_as_a_colleague() {
    let (fake, router) = configured_with(&plain_body()).await;
    let router = loopback(router);
    let change = json!({
        "useAuthentication": true,
        "username": "colleague",
        "password": b64("pässwörd"),
    });
    let answer = send(
        &router,
        control(Method::PUT, "/__fake/settings", &change.to_string()),
    )
    .await;
    assert_eq!(answer.status, StatusCode::NO_CONTENT, "{}", answer.body);
    assert_eq!(answer.body, "");
    let answer = send(&router, control(Method::GET, "/__fake/settings", "")).await;
    assert_eq!(answer.json()["settings"], get(&router).await.json());
    assert_eq!(answer.json()["settings"]["username"], "colleague");
    assert_eq!(answer.json()["passwordBase64"], b64("pässwörd"));

    let before = fake.stored_settings();
    for body in [
        r#"{"SMTPPort": "587"}"#,
        r#"{"useAuthentication": true}"#,
        r#"{"smtpServerName": "x"}"#,
        "[1]",
        "",
        "{not json",
    ] {
        let answer = send(&router, control(Method::PUT, "/__fake/settings", body)).await;
        let message = refusal(&answer);
        assert_eq!(
            answer.json().as_object().unwrap().len(),
            2,
            "{}",
            answer.body
        );
        let as_put = send(
            &router,
            with_json(
                Request::put(PATH).header("Authtoken", DEFAULT_TOKEN),
                Some(body.to_owned()),
            ),
        )
        .await;
        assert_eq!(answer.json(), as_put.json(), "{body}: {message}");
    }
    assert_eq!(fake.stored_settings(), before);
    assert_eq!(
        statuses(&fake),
        pairs(&[
            ("POST", 200),
            ("GET", 200),
            ("PUT", 400),
            ("PUT", 400),
            ("PUT", 400),
            ("PUT", 400),
            ("PUT", 400),
            ("PUT", 400),
        ]),
        "control API calls are not recorded"
    );

    let (_, bare) = setup();
    let answer = send(
        &with_peer(bare, "192.0.2.7:5000"),
        control(Method::PUT, "/__fake/settings", &plain_body().to_string()),
    )
    .await;
    assert_eq!(answer.status, StatusCode::FORBIDDEN);
}

// ---- a fault for the next N requests ----

#[tokio::test]
async fn a_fault_for_one_request_fails_only_the_next_get() {
    let (fake, router) = configured_with(&good_body()).await;
    fake.set_fault_times(Endpoint::GetEmailServer, status_fault(500), 1);
    assert!(matches!(
        fake.fault(Endpoint::GetEmailServer),
        Some(Fault::Status { status: 500, .. })
    ));

    let first = get(&router).await;
    assert_eq!(first.status, StatusCode::INTERNAL_SERVER_ERROR);
    assert_eq!(first.json()["errorCode"], 500);
    assert!(fake.fault(Endpoint::GetEmailServer).is_none());

    for _ in 0..2 {
        let again = get(&router).await;
        assert_eq!(again.status, StatusCode::OK);
        assert_eq!(again.json(), fake.stored_settings());
        assert_eq!(again.json()["username"], "mailer");
    }
}

#[tokio::test]
async fn a_fault_for_n_requests_counts_every_request_routed_to_its_endpoint_and_nothing_else() {
    let (fake, router) = configured_with(&plain_body()).await;
    fake.clear_requests();
    fake.set_fault_times(
        Endpoint::GetEmailServer,
        Fault::ErrorCode {
            code: 5,
            message: "busy".to_owned(),
        },
        2,
    );

    let preflight = Request::options(PATH)
        .header("Origin", "http://localhost:8080")
        .header("Access-Control-Request-Method", "GET")
        .header("Access-Control-Request-Headers", "authtoken")
        .body(Body::empty())
        .unwrap();
    assert_eq!(
        send(&router, preflight).await.status,
        StatusCode::NO_CONTENT
    );
    assert_ok(&put(&router, &json!({"senderName": "Ops"})).await);
    let unknown = send(&router, get_request("/commandcenter/api/V4/EmailServers")).await;
    assert_eq!(unknown.status, StatusCode::NOT_FOUND);
    let other_method = send(&router, call(Method::DELETE, PATH, DEFAULT_TOKEN, None)).await;
    assert_eq!(other_method.status, StatusCode::METHOD_NOT_ALLOWED);
    assert!(fake.fault(Endpoint::GetEmailServer).is_some());

    // Refused before the fault shows, but it was this endpoint's request: it counts.
    let refused = send(&router, call(Method::GET, PATH, "wrong", None)).await;
    assert_eq!(refused.status, StatusCode::UNAUTHORIZED);
    let failed = get(&router).await;
    assert_eq!(
        failed.json(),
        json!({"errorMessage": "busy", "errorCode": 5})
    );
    assert!(fake.fault(Endpoint::GetEmailServer).is_none());
    let normal = get(&router).await;
    assert_eq!(normal.json()["senderName"], "Ops");

    assert_eq!(
        statuses(&fake),
        pairs(&[
            ("OPTIONS", 204),
            ("PUT", 200),
            ("GET", 404),
            ("DELETE", 405),
            ("GET", 401),
            ("GET", 200),
            ("GET", 200),
        ])
    );
}

#[tokio::test]
async fn set_fault_and_set_fault_times_replace_each_other() {
    let (fake, router) = configured_with(&plain_body()).await;
    let endpoint = Endpoint::GetEmailServer;

    fake.set_fault_times(endpoint, Fault::MalformedJson, 1);
    fake.set_fault(endpoint, Some(status_fault(502)));
    for _ in 0..3 {
        assert_eq!(get(&router).await.status, StatusCode::BAD_GATEWAY);
    }
    assert!(fake.fault(endpoint).is_some(), "until cleared");

    fake.set_fault_times(endpoint, status_fault(503), 2);
    assert_eq!(get(&router).await.status, StatusCode::SERVICE_UNAVAILABLE);
    assert!(
        fake.fault(endpoint).is_some(),
        "one of two requests is left"
    );
    assert_eq!(get(&router).await.status, StatusCode::SERVICE_UNAVAILABLE);
    assert_eq!(get(&router).await.status, StatusCode::OK);

    fake.set_fault_times(endpoint, status_fault(503), 5);
    fake.set_fault(endpoint, None);
    assert!(fake.fault(endpoint).is_none());
    assert_eq!(get(&router).await.status, StatusCode::OK);

    fake.set_fault(endpoint, Some(status_fault(502)));
    fake.set_fault_times(endpoint, status_fault(503), 0);
    assert!(fake.fault(endpoint).is_none(), "0 requests: cleared");
    assert_eq!(get(&router).await.status, StatusCode::OK);

    // Per endpoint: a counted fault on one leaves the others' faults alone.
    fake.set_fault(Endpoint::PutEmailServer, Some(status_fault(500)));
    fake.set_fault_times(endpoint, status_fault(503), 1);
    assert_eq!(get(&router).await.status, StatusCode::SERVICE_UNAVAILABLE);
    assert!(fake.fault(Endpoint::PutEmailServer).is_some());
}

#[tokio::test(start_paused = true)]
async fn a_counted_delay_is_taken_by_exactly_that_many_concurrent_requests() {
    let (fake, router) = configured_with(&plain_body()).await;
    fake.set_fault_times(Endpoint::GetEmailServer, Fault::Delay { ms: 1_000 }, 2);
    let ((a, wait_a), (b, wait_b), (c, wait_c)) = tokio::join!(
        timed(get(&router)),
        timed(get(&router)),
        timed(get(&router)),
    );
    for answer in [&a, &b, &c] {
        assert_eq!(answer.status, StatusCode::OK);
        assert_eq!(answer.json()["SMTPPort"], 587);
    }
    let mut waits = [wait_a, wait_b, wait_c];
    waits.sort();
    assert_eq!(
        waits,
        [
            Duration::ZERO,
            Duration::from_millis(1_000),
            Duration::from_millis(1_000)
        ]
    );
    assert!(fake.fault(Endpoint::GetEmailServer).is_none());
}

#[tokio::test(start_paused = true)]
async fn a_delayed_fault_for_one_request_waits_and_fails_once() {
    let (fake, router) = configured_with(&plain_body()).await;
    fake.set_fault_times(
        Endpoint::GetEmailServer,
        Fault::Delayed {
            ms: 100,
            then: Box::new(Fault::Status {
                status: 504,
                body: FaultBody::Html,
            }),
        },
        1,
    );
    let (first, waited) = timed(get(&router)).await;
    assert_eq!(first.status, StatusCode::GATEWAY_TIMEOUT);
    assert_eq!(waited, Duration::from_millis(100));
    let (second, waited) = timed(get(&router)).await;
    assert_eq!(second.status, StatusCode::OK);
    assert_eq!(waited, Duration::ZERO);
}

#[tokio::test]
async fn control_api_sets_a_fault_for_the_next_n_requests() {
    let (fake, router) = configured_with(&plain_body()).await;
    let router = loopback(router);
    let path = "/__fake/faults/get-email-server";

    let answer = send(
        &router,
        control(
            Method::PUT,
            path,
            r#"{"kind":"status","status":500,"body":"json","times":2}"#,
        ),
    )
    .await;
    assert_eq!(answer.status, StatusCode::NO_CONTENT, "{}", answer.body);
    assert!(matches!(
        fake.fault(Endpoint::GetEmailServer),
        Some(Fault::Status { status: 500, .. })
    ));
    assert_eq!(get(&router).await.json()["errorCode"], 500);
    assert_eq!(get(&router).await.json()["errorCode"], 500);
    assert_eq!(get(&router).await.json()["SMTPPort"], 587);
    assert!(fake.fault(Endpoint::GetEmailServer).is_none());

    // "times" beside the outermost kind of a nested fault.
    let answer = send(
        &router,
        control(
            Method::PUT,
            path,
            r#"{"times":1,"kind":"delayed","ms":0,"then":{"kind":"status","status":502}}"#,
        ),
    )
    .await;
    assert_eq!(answer.status, StatusCode::NO_CONTENT, "{}", answer.body);
    assert_eq!(
        format!("{:?}", fake.fault(Endpoint::GetEmailServer).unwrap()),
        "Delayed { ms: 0, then: Status { status: 502, body: Empty } }"
    );
    assert_eq!(get(&router).await.status, StatusCode::BAD_GATEWAY);
    assert_eq!(get(&router).await.status, StatusCode::OK);

    // On another endpoint, and without "times" as before: until cleared.
    let answer = send(
        &router,
        control(
            Method::PUT,
            "/__fake/faults/put-email-server",
            r#"{"kind":"error_code","code":5,"times":1}"#,
        ),
    )
    .await;
    assert_eq!(answer.status, StatusCode::NO_CONTENT, "{}", answer.body);
    assert_eq!(
        put(&router, &json!({"senderName": "A"})).await.json()["errorCode"],
        5
    );
    assert_ok(&put(&router, &json!({"senderName": "B"})).await);
    let answer = send(
        &router,
        control(Method::PUT, path, r#"{"kind":"status","status":503}"#),
    )
    .await;
    assert_eq!(answer.status, StatusCode::NO_CONTENT);
    for _ in 0..3 {
        assert_eq!(get(&router).await.status, StatusCode::SERVICE_UNAVAILABLE);
    }
    send(&router, control(Method::DELETE, path, "")).await;
    assert_eq!(get(&router).await.status, StatusCode::OK);
}

#[tokio::test]
async fn control_api_refuses_times_that_is_not_a_positive_integer_or_not_outermost() {
    let (fake, router) = setup();
    let router = loopback(router);
    fake.set_fault(Endpoint::GetEmailServer, Some(Fault::MalformedJson));
    for body in [
        r#"{"kind":"malformed_json","times":0}"#,
        r#"{"kind":"malformed_json","times":-1}"#,
        r#"{"kind":"malformed_json","times":1.5}"#,
        r#"{"kind":"malformed_json","times":1.0}"#,
        r#"{"kind":"malformed_json","times":"2"}"#,
        r#"{"kind":"malformed_json","times":null}"#,
        r#"{"kind":"malformed_json","times":true}"#,
        r#"{"kind":"malformed_json","times":[1]}"#,
        r#"{"kind":"malformed_json","times":4294967296}"#,
        r#"{"kind":"delayed","ms":5,"then":{"kind":"status","status":500,"times":1}}"#,
        r#"{"kind":"delayed","ms":5,"then":{"kind":"delayed","ms":5,"then":{"kind":"drop_connection","times":1}}}"#,
    ] {
        let answer = send(
            &router,
            control(Method::PUT, "/__fake/faults/get-email-server", body),
        )
        .await;
        assert_eq!(answer.status, StatusCode::BAD_REQUEST, "{body}");
        let error = answer.json()["error"].as_str().unwrap().to_owned();
        assert!(error.contains("times"), "{body}: {error}");
        assert!(
            matches!(
                fake.fault(Endpoint::GetEmailServer),
                Some(Fault::MalformedJson)
            ),
            "{body}: a refused body changes nothing"
        );
    }
    // A fault has no "times" of its own: only the control API's body has.
    let error = Fault::from_control_json(&json!({"kind": "malformed_json", "times": 1}))
        .expect_err("a fault with times");
    assert!(error.contains("times"), "{error}");
}

// ---- a PUT that keeps one old value ----

#[tokio::test]
async fn a_put_under_keep_field_answers_success_but_keeps_the_old_port() {
    let (fake, router) = configured_with(&good_body()).await;
    let before = fake.stored_settings();
    fake.set_put_keeps_field(Some("SMTPPort")).unwrap();
    assert_eq!(fake.put_keeps_field(), Some("SMTPPort"));

    assert_ok(&put(&router, &json!({"SMTPPort": 2525, "senderName": "Ops"})).await);
    let got = get(&router).await.json();
    assert_eq!(got["SMTPPort"], 587);
    assert_eq!(got["senderName"], "Ops");
    assert_eq!(got, with(before, &json!({"senderName": "Ops"})));
    assert_eq!(fake.requests().last().unwrap().status, 200);
}

#[tokio::test]
async fn keep_field_keeps_each_plain_field_and_stores_the_others() {
    let new_values = json!({
        "SMTPServerName": "10.0.0.25",
        "SMTPPort": 2525,
        "senderEmail": "cv@example.com",
        "senderName": "CV",
        "encryptionAlgorithm": "SSL",
    });
    for field in new_values.as_object().unwrap().keys() {
        let (fake, router) = configured_with(&good_body()).await;
        let before = fake.stored_settings();
        fake.set_put_keeps_field(Some(field)).unwrap();
        assert_ok(&put(&router, &new_values).await);
        let expected = with(
            with(before.clone(), &new_values),
            &json!({ field.as_str(): before[field].clone() }),
        );
        assert_eq!(get(&router).await.json(), expected, "{field}");
        assert_ne!(before[field], new_values[field]);
    }
}

#[tokio::test]
async fn keep_field_leaves_the_checks_credentials_post_and_unsent_fields_alone() {
    let (fake, router) = configured_with(&good_body()).await;
    fake.set_put_keeps_field(Some("senderName")).unwrap();

    // Without the field in the body, nothing differs; credentials are stored as usual.
    assert_ok(
        &put(
            &router,
            &json!({"useAuthentication": true, "username": "other", "password": b64("new")}),
        )
        .await,
    );
    assert_eq!(fake.stored_settings()["username"], "other");
    assert_eq!(fake.stored_password_base64(), Some(b64("new")));
    assert_eq!(fake.stored_settings()["senderName"], "Commvault");

    // Refused exactly as without the mode.
    let before = fake.stored_settings();
    for (body, needle) in [
        (json!({"senderName": "Ops", "SMTPPort": 0}), "'SMTPPort'"),
        (
            json!({"senderName": "Ops", "useAuthentication": false, "username": "x"}),
            "contradicts",
        ),
    ] {
        let message = refusal(&put(&router, &body).await);
        assert!(message.contains(needle), "{message}");
        assert_eq!(fake.stored_settings(), before);
    }

    // POST replaces everything, the field included.
    let posted = with(plain_body(), &json!({"senderName": "Posted"}));
    let answer = send(
        &router,
        call(Method::POST, PATH, DEFAULT_TOKEN, Some(&posted)),
    )
    .await;
    assert_ok(&answer);
    assert_eq!(fake.stored_settings()["senderName"], "Posted");

    fake.set_put_keeps_field(None).unwrap();
    assert_eq!(fake.put_keeps_field(), None);
    assert_ok(&put(&router, &json!({"senderName": "Ops"})).await);
    assert_eq!(fake.stored_settings()["senderName"], "Ops");
}

#[tokio::test]
async fn keep_field_on_a_put_that_creates_the_settings_stores_what_was_sent() {
    let (fake, router) = setup();
    fake.set_put_keeps_field(Some("SMTPPort")).unwrap();
    assert_ok(&put(&router, &with(plain_body(), &json!({"SMTPPort": 2525}))).await);
    assert_eq!(fake.stored_settings()["SMTPPort"], 2525, "no old value");
    assert_ok(&put(&router, &json!({"SMTPPort": 25})).await);
    assert_eq!(fake.stored_settings()["SMTPPort"], 2525);
}

#[test]
fn set_put_keeps_field_refuses_anything_but_the_five_plain_fields() {
    let fake = FakeCommandCenter::new(Default::default());
    fake.set_put_keeps_field(Some("senderEmail")).unwrap();
    for name in [
        "smtpPort",
        "SMTPport",
        "username",
        "password",
        "useAuthentication",
        "",
        "senderName ",
    ] {
        let error = fake.set_put_keeps_field(Some(name)).unwrap_err();
        assert!(error.contains(&format!("'{name}'")), "{error}");
        assert!(
            error
                .contains("SMTPServerName, SMTPPort, senderEmail, senderName, encryptionAlgorithm"),
            "{error}"
        );
        assert_eq!(fake.put_keeps_field(), Some("senderEmail"), "{name}");
    }
    fake.set_put_keeps_field(None).unwrap();
    assert_eq!(fake.put_keeps_field(), None);
}

#[tokio::test]
async fn control_api_sets_reads_and_clears_the_kept_field() {
    let (fake, router) = configured_with(&plain_body()).await;
    let router = loopback(router);
    let path = "/__fake/put-keeps-field";

    let answer = send(&router, control(Method::GET, path, "")).await;
    assert_eq!(answer.json(), json!({"field": null}));
    let answer = send(
        &router,
        control(Method::PUT, path, r#"{"field": "SMTPPort"}"#),
    )
    .await;
    assert_eq!(answer.status, StatusCode::NO_CONTENT, "{}", answer.body);
    assert_eq!(answer.body, "");
    assert_eq!(fake.put_keeps_field(), Some("SMTPPort"));
    let answer = send(&router, control(Method::GET, path, "")).await;
    assert_eq!(answer.json(), json!({"field": "SMTPPort"}));
    assert_ok(&put(&router, &json!({"SMTPPort": 2525, "senderName": "Ops"})).await);
    assert_eq!(get(&router).await.json()["SMTPPort"], 587);

    for body in [
        "",
        "{}",
        "null",
        r#""SMTPPort""#,
        r#"{"field": "smtpPort"}"#,
        r#"{"field": "password"}"#,
        r#"{"field": 5}"#,
        r#"{"field": ["SMTPPort"]}"#,
        r#"{"field": "SMTPPort", "extra": 1}"#,
        r#"{"Field": "SMTPPort"}"#,
    ] {
        let answer = send(&router, control(Method::PUT, path, body)).await;
        assert_eq!(answer.status, StatusCode::BAD_REQUEST, "{body}");
        assert!(answer.json()["error"].is_string(), "{body}");
        assert_eq!(fake.put_keeps_field(), Some("SMTPPort"), "{body}");
    }

    let answer = send(&router, control(Method::PUT, path, r#"{"field": null}"#)).await;
    assert_eq!(answer.status, StatusCode::NO_CONTENT);
    let answer = send(&router, control(Method::GET, path, "")).await;
    assert_eq!(answer.json(), json!({"field": null}));
    assert_ok(&put(&router, &json!({"SMTPPort": 2525})).await);
    assert_eq!(get(&router).await.json()["SMTPPort"], 2525);

    let (_, bare) = setup();
    let remote = with_peer(bare, "192.0.2.7:5000");
    for method in [Method::GET, Method::PUT] {
        let answer = send(&remote, control(method, path, r#"{"field": null}"#)).await;
        assert_eq!(answer.status, StatusCode::FORBIDDEN);
    }
}
