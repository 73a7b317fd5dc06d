//! Sign-in (issue 4): `POST /Login`, `POST /Logout`, Login tokens next to the static token,
//! their expiry, and the control API and Rust API around them. In-process (tower `oneshot`).
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::time::Duration;

use axum::body::{to_bytes, Body};
use axum::http::{Method, Request, StatusCode};
use axum::Router;
use common::{
    b64, call, control, loopback, send, setup, setup_with, with_peer, Answer, PATH as EMAIL_SERVER,
    TEST_PATH as TEST_MAIL,
};
use fake_commandcenter::{
    Endpoint, FakeConfig, Fault, FaultBody, DEFAULT_TOKEN, ERROR_CODE_LOGIN_FAILED,
};
use serde_json::{json, Value};
use tower::ServiceExt;

const LOGIN: &str = "/commandcenter/api/Login";
const LOGOUT: &str = "/commandcenter/api/Logout";
/// The step just short of a token lifetime, or just past it.
const MILLISECOND: Duration = Duration::from_millis(1);
/// base64 of "demo-password", the default password.
const DEMO_PASSWORD_BASE64: &str = "ZGVtby1wYXNzd29yZA==";

fn login_request(body: &str) -> Request<Body> {
    Request::post(LOGIN)
        .header("Accept", "application/json")
        .header("Content-Type", "application/json")
        .body(Body::from(body.to_owned()))
        .unwrap()
}

fn get(token: &str) -> Request<Body> {
    call(Method::GET, EMAIL_SERVER, token, None)
}

fn logout(token: &str) -> Request<Body> {
    call(Method::POST, LOGOUT, token, None)
}

/// Logs in as the default user and returns the token.
async fn sign_in(router: &Router) -> String {
    let answer = send(
        router,
        login_request(&json!({"username": "admin", "password": DEMO_PASSWORD_BASE64}).to_string()),
    )
    .await;
    assert_eq!(answer.status, StatusCode::OK, "{}", answer.body);
    answer.json()["token"].as_str().unwrap().to_owned()
}

fn assert_unauthorized(answer: &Answer) {
    assert_eq!(answer.status, StatusCode::UNAUTHORIZED, "{}", answer.body);
    assert_eq!(answer.json()["errorCode"], 401);
}

fn assert_bad_request(answer: &Answer, needle: &str) {
    assert_eq!(answer.status, StatusCode::BAD_REQUEST, "{}", answer.body);
    let message = answer.json()["errorMessage"].as_str().unwrap().to_owned();
    assert!(message.contains(needle), "{message:?} lacks {needle:?}");
}

// ---- Login ----

#[tokio::test]
async fn login_with_the_configured_user_gives_a_qsdk_token_that_works() {
    let (fake, router) = setup();
    assert_eq!(fake.active_sessions(), 0);
    let body = json!({"username": "admin", "password": DEMO_PASSWORD_BASE64}).to_string();
    let answer = send(&router, login_request(&body)).await;
    assert_eq!(answer.status, StatusCode::OK, "{}", answer.body);
    assert_eq!(
        answer.headers.get("access-control-allow-origin").unwrap(),
        "*"
    );
    let json = answer.json();
    assert_eq!(json["userName"], "admin");
    assert_eq!(json["smtpAddress"], "admin@example.com");
    assert!(json.get("errList").is_none());
    let token = json["token"].as_str().unwrap();
    let hex = token.strip_prefix("QSDK ").unwrap();
    assert!(hex.len() >= 32, "{token}");
    assert!(
        hex.chars()
            .all(|c| c.is_ascii_hexdigit() && !c.is_ascii_uppercase()),
        "{token}"
    );
    assert_eq!(fake.active_sessions(), 1);

    let answer = send(&router, get(token)).await;
    assert_eq!(answer.status, StatusCode::OK);
    assert_eq!(answer.json(), json!({}));

    // Recorded like the others, base64 password and all.
    let recorded = &fake.requests()[0];
    assert_eq!(recorded.method, "POST");
    assert_eq!(recorded.path, LOGIN);
    assert_eq!(recorded.status, 200);
    assert_eq!(recorded.json().unwrap()["password"], DEMO_PASSWORD_BASE64);
    assert_eq!(fake.requests()[1].header("authtoken"), Some(token));
}

#[tokio::test]
async fn every_login_gets_its_own_token() {
    let (fake, router) = setup();
    let mut tokens = std::collections::HashSet::new();
    for _ in 0..20 {
        assert!(tokens.insert(sign_in(&router).await));
    }
    assert_eq!(fake.active_sessions(), 20);
    // Another fake does not accept them.
    let (_, other) = setup();
    for token in &tokens {
        assert_unauthorized(&send(&other, get(token)).await);
    }
}

#[tokio::test]
async fn login_with_a_configured_user_domain_and_unicode_password() {
    let (_fake, router) = setup_with(FakeConfig {
        login_user: "ops".to_owned(),
        login_password: "pässwörd 1".to_owned(),
        ..FakeConfig::default()
    });
    let body = json!({"username": "ops", "password": b64("pässwörd 1"), "domain": "corp"});
    let answer = send(&router, login_request(&body.to_string())).await;
    assert_eq!(answer.status, StatusCode::OK, "{}", answer.body);
    assert_eq!(answer.json()["userName"], "ops");
    // The defaults are gone.
    let body = json!({"username": "admin", "password": DEMO_PASSWORD_BASE64});
    let answer = send(&router, login_request(&body.to_string())).await;
    assert_eq!(answer.status, StatusCode::UNAUTHORIZED);
}

#[tokio::test]
async fn login_with_a_wrong_user_or_password_gets_401_with_an_err_list_and_no_token() {
    let (fake, router) = setup();
    for (username, password) in [
        ("admin", b64("wrong")),
        ("admin", b64("Demo-password")),
        ("admin", b64("demo-password ")),
        ("root", DEMO_PASSWORD_BASE64.to_owned()),
        ("Admin", DEMO_PASSWORD_BASE64.to_owned()),
        ("nobody", b64("nothing")),
    ] {
        let body = json!({"username": username, "password": password}).to_string();
        let answer = send(&router, login_request(&body)).await;
        assert_eq!(answer.status, StatusCode::UNAUTHORIZED, "{username}");
        assert_eq!(
            answer.json(),
            json!({"errList": [{"errLogMessage": "Invalid username or password", "errorCode": ERROR_CODE_LOGIN_FAILED}]})
        );
        assert_eq!(ERROR_CODE_LOGIN_FAILED, 1);
        assert_eq!(
            answer.headers.get("access-control-allow-origin").unwrap(),
            "*"
        );
    }
    assert_eq!(fake.active_sessions(), 0);
    assert!(fake.requests().iter().all(|request| request.status == 401));
}

#[tokio::test]
async fn login_bodies_are_checked_strictly_naming_the_field() {
    let (fake, router) = setup();
    let cases: Vec<(String, &str)> = vec![
        // Not base64 (the plain password), bad padding, not UTF-8, empty.
        (
            json!({"username": "admin", "password": "demo-password"}).to_string(),
            "field 'password' must be standard base64",
        ),
        (
            json!({"username": "admin", "password": "ZGVtby1wYXNzd29yZA"}).to_string(),
            "field 'password' must be standard base64",
        ),
        (
            json!({"username": "admin", "password": "/w=="}).to_string(),
            "field 'password' must be the base64 of UTF-8",
        ),
        (
            json!({"username": "admin", "password": ""}).to_string(),
            "field 'password' must not be empty",
        ),
        // Unknown keys, a miscased one with a hint.
        (
            json!({"username": "admin", "password": DEMO_PASSWORD_BASE64, "remember": true})
                .to_string(),
            "unknown field 'remember'",
        ),
        (
            json!({"userName": "admin", "password": DEMO_PASSWORD_BASE64}).to_string(),
            "unknown field 'userName' (did you mean 'username'?)",
        ),
        // Missing and mistyped fields.
        (
            json!({"password": DEMO_PASSWORD_BASE64}).to_string(),
            "missing required field 'username'",
        ),
        (
            json!({"username": "admin"}).to_string(),
            "missing required field 'password'",
        ),
        (
            json!({"username": 7, "password": DEMO_PASSWORD_BASE64}).to_string(),
            "field 'username' must be a JSON string",
        ),
        (
            json!({"username": "admin", "password": DEMO_PASSWORD_BASE64, "domain": 5}).to_string(),
            "field 'domain' must be a JSON string",
        ),
        (
            json!({"username": "admin", "password": DEMO_PASSWORD_BASE64, "domain": ""})
                .to_string(),
            "field 'domain' must not be empty",
        ),
        ("[]".to_owned(), "body must be a JSON object"),
        ("username=admin".to_owned(), "body is not valid JSON"),
    ];
    for (body, needle) in &cases {
        let answer = send(&router, login_request(body)).await;
        assert_bad_request(&answer, needle);
    }
    let answer = send(
        &router,
        Request::post(LOGIN)
            .header("Content-Type", "text/plain")
            .body(Body::from(
                json!({"username": "admin", "password": DEMO_PASSWORD_BASE64}).to_string(),
            ))
            .unwrap(),
    )
    .await;
    assert_bad_request(&answer, "header 'Content-Type'");
    assert_eq!(fake.active_sessions(), 0);
}

#[tokio::test]
async fn login_needs_no_authtoken_and_ignores_a_wrong_one() {
    let (fake, router) = setup();
    let body = json!({"username": "admin", "password": DEMO_PASSWORD_BASE64});
    let answer = send(
        &router,
        call(Method::POST, LOGIN, "QSDK stale", Some(&body)),
    )
    .await;
    assert_eq!(answer.status, StatusCode::OK, "{}", answer.body);
    assert_eq!(fake.active_sessions(), 1);
}

#[tokio::test]
async fn login_and_logout_route_case_insensitively_and_refuse_other_methods() {
    let (_fake, router) = setup();
    let body = json!({"username": "admin", "password": DEMO_PASSWORD_BASE64}).to_string();
    let answer = send(
        &router,
        Request::post("/commandcenter/api/login")
            .header("Content-Type", "application/json")
            .body(Body::from(body))
            .unwrap(),
    )
    .await;
    assert_eq!(answer.status, StatusCode::OK);
    let token = answer.json()["token"].as_str().unwrap().to_owned();
    for path in [LOGIN, LOGOUT] {
        let answer = send(&router, call(Method::GET, path, &token, None)).await;
        assert_eq!(answer.status, StatusCode::METHOD_NOT_ALLOWED, "{path}");
        assert_eq!(answer.headers.get("allow").unwrap(), "POST");
    }
    let answer = send(
        &router,
        call(Method::POST, "/commandcenter/api/LOGOUT", &token, None),
    )
    .await;
    assert_eq!(answer.status, StatusCode::OK);
    let answer = send(
        &router,
        Request::options(LOGIN)
            .header("Origin", "http://localhost:8080")
            .header("Access-Control-Request-Method", "POST")
            .body(Body::empty())
            .unwrap(),
    )
    .await;
    assert_eq!(answer.status, StatusCode::NO_CONTENT);
    assert_eq!(
        answer.headers.get("access-control-allow-origin").unwrap(),
        "*"
    );
}

// ---- tokens ----

#[tokio::test]
async fn a_login_token_works_on_every_endpoint() {
    let (fake, router) = setup();
    let token = sign_in(&router).await;
    let settings = json!({
        "SMTPServerName": "smtp.example.com",
        "SMTPPort": 587,
        "senderEmail": "cv@example.com",
        "senderName": "CV",
    });
    for (method, path, body) in [
        (Method::GET, EMAIL_SERVER, None),
        (Method::POST, EMAIL_SERVER, Some(&settings)),
        (
            Method::PUT,
            EMAIL_SERVER,
            Some(&json!({"senderName": "Ops"})),
        ),
        (Method::POST, TEST_MAIL, Some(&settings)),
        (Method::POST, LOGOUT, None),
    ] {
        let answer = send(&router, call(method.clone(), path, &token, body)).await;
        assert_eq!(
            answer.status,
            StatusCode::OK,
            "{method} {path}: {}",
            answer.body
        );
    }
    assert_eq!(fake.stored_settings()["senderName"], "Ops");
    assert_eq!(fake.sent_test_mails().len(), 1);
    assert_eq!(fake.active_sessions(), 0, "logged out at the end");
}

// The lifetime tests run on a paused clock: `advance` moves the fake's session time exactly,
// so they check both sides of the lifetime without waiting for it.

#[tokio::test(start_paused = true)]
async fn a_login_token_expires_after_its_lifetime_without_use() {
    let lifetime = Duration::from_secs(5 * 60);
    let (fake, router) = setup_with(FakeConfig {
        token_lifetime: lifetime,
        ..FakeConfig::default()
    });
    let token = sign_in(&router).await;
    assert_eq!(send(&router, get(&token)).await.status, StatusCode::OK);
    // Counting the sessions is no use of the token, so it does not restart the lifetime.
    tokio::time::advance(lifetime - MILLISECOND).await;
    assert_eq!(fake.active_sessions(), 1, "alive until the lifetime is up");
    tokio::time::advance(MILLISECOND).await;
    assert_eq!(fake.active_sessions(), 0, "gone once it is");
    let answer = send(&router, get(&token)).await;
    assert_unauthorized(&answer);
    assert!(answer.json()["errorMessage"]
        .as_str()
        .unwrap()
        .contains("invalid or expired token"));
    // Forgotten: still refused, and logging out with it is too.
    assert_unauthorized(&send(&router, get(&token)).await);
    assert_unauthorized(&send(&router, logout(&token)).await);
    // The static token never expires.
    assert_eq!(
        send(&router, get(DEFAULT_TOKEN)).await.status,
        StatusCode::OK
    );
}

#[tokio::test(start_paused = true)]
async fn each_use_restarts_the_lifetime() {
    let lifetime = Duration::from_secs(60);
    let (fake, router) = setup_with(FakeConfig {
        token_lifetime: lifetime,
        ..FakeConfig::default()
    });
    let token = sign_in(&router).await;
    // Many lifetimes in all, but never a whole one without use.
    for _ in 0..6 {
        tokio::time::advance(lifetime - MILLISECOND).await;
        let answer = send(&router, get(&token)).await;
        assert_eq!(answer.status, StatusCode::OK, "{}", answer.body);
    }
    assert_eq!(fake.active_sessions(), 1);
    tokio::time::advance(lifetime).await;
    assert_unauthorized(&send(&router, get(&token)).await);
}

#[tokio::test(start_paused = true)]
async fn a_refused_call_with_a_live_token_still_counts_as_use() {
    // The token is checked before the body; a 400 is an authenticated call.
    let lifetime = Duration::from_secs(60);
    let (_fake, router) = setup_with(FakeConfig {
        token_lifetime: lifetime,
        ..FakeConfig::default()
    });
    let token = sign_in(&router).await;
    for _ in 0..4 {
        tokio::time::advance(lifetime - MILLISECOND).await;
        let answer = send(
            &router,
            call(Method::POST, EMAIL_SERVER, &token, Some(&json!({}))),
        )
        .await;
        assert_eq!(answer.status, StatusCode::BAD_REQUEST);
    }
    assert_eq!(send(&router, get(&token)).await.status, StatusCode::OK);
}

#[tokio::test]
async fn expire_all_sessions_ends_login_tokens_but_not_the_static_one() {
    let (fake, router) = setup();
    let first = sign_in(&router).await;
    let second = sign_in(&router).await;
    assert_eq!(fake.active_sessions(), 2);
    fake.expire_all_sessions();
    assert_eq!(fake.active_sessions(), 0);
    assert_unauthorized(&send(&router, get(&first)).await);
    assert_unauthorized(&send(&router, get(&second)).await);
    assert_eq!(
        send(&router, get(DEFAULT_TOKEN)).await.status,
        StatusCode::OK
    );
    // A new login works again.
    let third = sign_in(&router).await;
    assert_eq!(send(&router, get(&third)).await.status, StatusCode::OK);
}

#[tokio::test(start_paused = true)]
async fn set_token_lifetime_applies_to_tokens_already_issued() {
    let (fake, router) = setup();
    assert_eq!(fake.token_lifetime(), Duration::from_secs(1800));
    let token = sign_in(&router).await;
    fake.set_token_lifetime(Duration::from_millis(30));
    assert_eq!(fake.token_lifetime(), Duration::from_millis(30));
    // Far inside the lifetime the token was issued under, but not inside the new one.
    tokio::time::advance(Duration::from_millis(30)).await;
    assert_unauthorized(&send(&router, get(&token)).await);
    // And back: a fresh token lives again.
    fake.set_token_lifetime(Duration::from_secs(60));
    let token = sign_in(&router).await;
    tokio::time::advance(Duration::from_secs(60) - MILLISECOND).await;
    assert_eq!(send(&router, get(&token)).await.status, StatusCode::OK);
}

// ---- Logout ----

#[tokio::test]
async fn logout_ends_that_token_only() {
    let (fake, router) = setup();
    let mine = sign_in(&router).await;
    let other = sign_in(&router).await;
    let answer = send(&router, logout(&mine)).await;
    assert_eq!(answer.status, StatusCode::OK);
    assert_eq!(answer.json(), json!({}));
    assert_eq!(
        answer.headers.get("access-control-allow-origin").unwrap(),
        "*"
    );
    assert_eq!(fake.active_sessions(), 1);
    assert_unauthorized(&send(&router, get(&mine)).await);
    assert_unauthorized(&send(&router, logout(&mine)).await);
    assert_eq!(send(&router, get(&other)).await.status, StatusCode::OK);
}

#[tokio::test]
async fn logout_with_the_static_token_answers_200_and_changes_nothing() {
    let (fake, router) = setup();
    let session = sign_in(&router).await;
    let answer = send(&router, logout(DEFAULT_TOKEN)).await;
    assert_eq!(answer.status, StatusCode::OK);
    assert_eq!(answer.json(), json!({}));
    assert_eq!(
        send(&router, get(DEFAULT_TOKEN)).await.status,
        StatusCode::OK
    );
    assert_eq!(send(&router, get(&session)).await.status, StatusCode::OK);
    assert_eq!(fake.active_sessions(), 1);
}

#[tokio::test]
async fn logout_with_an_unknown_or_missing_token_gets_401() {
    let (_fake, router) = setup();
    assert_unauthorized(&send(&router, logout("QSDK 0123456789abcdef0123456789abcdef")).await);
    let answer = send(&router, Request::post(LOGOUT).body(Body::empty()).unwrap()).await;
    assert_unauthorized(&answer);
    assert!(answer.body.contains("missing header 'Authtoken'"));
}

// ---- faults on Login and Logout ----

#[tokio::test]
async fn faults_on_login() {
    let (fake, router) = setup();
    let good = json!({"username": "admin", "password": DEMO_PASSWORD_BASE64}).to_string();
    let wrong = json!({"username": "admin", "password": b64("nope")}).to_string();

    fake.set_fault(
        Endpoint::Login,
        Some(Fault::Status {
            status: 503,
            body: FaultBody::Html,
        }),
    );
    let answer = send(&router, login_request(&good)).await;
    assert_eq!(answer.status, StatusCode::SERVICE_UNAVAILABLE);
    assert!(answer
        .body
        .contains("<title>503 Service Unavailable</title>"));
    assert_eq!(fake.active_sessions(), 0);

    fake.set_fault(
        Endpoint::Login,
        Some(Fault::ErrorCode {
            code: 1116,
            message: "Account is locked".to_owned(),
        }),
    );
    let answer = send(&router, login_request(&good)).await;
    assert_eq!(answer.status, StatusCode::OK);
    assert_eq!(
        answer.json(),
        json!({"errList": [{"errLogMessage": "Account is locked", "errorCode": 1116}]})
    );
    // Wrong credentials are still refused first; bodies still checked first.
    assert_eq!(
        send(&router, login_request(&wrong)).await.status,
        StatusCode::UNAUTHORIZED
    );
    assert_eq!(
        send(&router, login_request("{}")).await.status,
        StatusCode::BAD_REQUEST
    );
    assert_eq!(fake.active_sessions(), 0);

    fake.set_fault(Endpoint::Login, Some(Fault::MalformedJson));
    let answer = send(&router, login_request(&good)).await;
    assert_eq!(answer.status, StatusCode::OK);
    assert!(answer.body.starts_with("{\"") && !answer.body.ends_with('}'));
    assert!(serde_json::from_str::<Value>(&answer.body).is_err());
    assert_eq!(fake.active_sessions(), 0);

    fake.set_fault(Endpoint::Login, Some(Fault::Delay { ms: 50 }));
    let token = sign_in(&router).await;
    assert_eq!(send(&router, get(&token)).await.status, StatusCode::OK);

    fake.set_fault(Endpoint::Login, Some(Fault::DropConnection));
    let response = router.clone().oneshot(login_request(&good)).await.unwrap();
    assert!(to_bytes(response.into_body(), usize::MAX).await.is_err());
    assert_eq!(fake.active_sessions(), 1);
}

#[tokio::test]
async fn faults_on_logout_leave_the_session_alive() {
    let (fake, router) = setup();
    let token = sign_in(&router).await;

    fake.set_fault(
        Endpoint::Logout,
        Some(Fault::Status {
            status: 502,
            body: FaultBody::Empty,
        }),
    );
    let answer = send(&router, logout(&token)).await;
    assert_eq!(answer.status, StatusCode::BAD_GATEWAY);
    assert!(answer.body.is_empty());
    assert_eq!(fake.active_sessions(), 1);

    fake.set_fault(
        Endpoint::Logout,
        Some(Fault::ErrorCode {
            code: 9,
            message: "logout failed".to_owned(),
        }),
    );
    let answer = send(&router, logout(&token)).await;
    assert_eq!(answer.status, StatusCode::OK);
    assert_eq!(
        answer.json(),
        json!({"errorMessage": "logout failed", "errorCode": 9})
    );
    assert_eq!(send(&router, get(&token)).await.status, StatusCode::OK);
    // Still checks the token first.
    assert_unauthorized(&send(&router, logout("QSDK nope")).await);

    fake.set_fault(Endpoint::Logout, Some(Fault::MalformedJson));
    let answer = send(&router, logout(&token)).await;
    assert_eq!(answer.status, StatusCode::OK);
    assert_eq!(answer.body, "{");
    assert_eq!(fake.active_sessions(), 1);

    fake.set_fault(Endpoint::Logout, None);
    assert_eq!(send(&router, logout(&token)).await.status, StatusCode::OK);
    assert_eq!(fake.active_sessions(), 0);
}

// ---- control API ----

#[tokio::test(start_paused = true)]
async fn control_api_expires_sessions_and_sets_the_token_lifetime() {
    let (fake, router) = setup();
    let control_router = loopback(router.clone());
    let token = sign_in(&router).await;

    let answer = send(
        &control_router,
        control(Method::GET, "/__fake/sessions", ""),
    )
    .await;
    assert_eq!(answer.json(), json!({"active": 1}));
    let answer = send(
        &control_router,
        control(Method::POST, "/__fake/sessions/expire", ""),
    )
    .await;
    assert_eq!(answer.status, StatusCode::NO_CONTENT);
    assert_eq!(fake.active_sessions(), 0);
    assert_unauthorized(&send(&router, get(&token)).await);
    let answer = send(
        &control_router,
        control(Method::GET, "/__fake/sessions", ""),
    )
    .await;
    assert_eq!(answer.json(), json!({"active": 0}));

    let answer = send(
        &control_router,
        control(Method::GET, "/__fake/token-lifetime", ""),
    )
    .await;
    assert_eq!(answer.json()["seconds"].as_f64(), Some(1800.0));
    for (body, lifetime) in [
        (r#"{"seconds": 60}"#, Duration::from_secs(60)),
        (r#"{"seconds": 0.05}"#, Duration::from_millis(50)),
        (r#"{"seconds": 0}"#, Duration::ZERO),
    ] {
        let answer = send(
            &control_router,
            control(Method::PUT, "/__fake/token-lifetime", body),
        )
        .await;
        assert_eq!(answer.status, StatusCode::NO_CONTENT, "{body}");
        assert_eq!(fake.token_lifetime(), lifetime, "{body}");
    }
    for body in [
        "",
        "60",
        r#"{"seconds": -1}"#,
        r#"{"seconds": "60"}"#,
        r#"{"secs": 60}"#,
        r#"{"seconds": 60, "extra": 1}"#,
    ] {
        let answer = send(
            &control_router,
            control(Method::PUT, "/__fake/token-lifetime", body),
        )
        .await;
        assert_eq!(answer.status, StatusCode::BAD_REQUEST, "{body}");
        assert!(answer.json()["error"].is_string());
    }
    assert_eq!(fake.token_lifetime(), Duration::ZERO);

    // Lifetime set over HTTP takes effect.
    send(
        &control_router,
        control(Method::PUT, "/__fake/token-lifetime", r#"{"seconds": 120}"#),
    )
    .await;
    let token = sign_in(&router).await;
    tokio::time::advance(Duration::from_secs(120) - MILLISECOND).await;
    assert_eq!(fake.active_sessions(), 1);
    tokio::time::advance(MILLISECOND).await;
    assert_unauthorized(&send(&router, get(&token)).await);
}

#[tokio::test]
async fn control_api_for_sessions_is_loopback_only_and_faults_take_the_new_names() {
    let (fake, router) = setup();
    let remote = with_peer(router.clone(), "192.0.2.7:5000");
    let token = sign_in(&router).await;
    for (method, path, body) in [
        (Method::POST, "/__fake/sessions/expire", ""),
        (Method::PUT, "/__fake/token-lifetime", r#"{"seconds": 0}"#),
        (Method::GET, "/__fake/sessions", ""),
    ] {
        let answer = send(&remote, control(method, path, body)).await;
        assert_eq!(answer.status, StatusCode::FORBIDDEN, "{path}");
    }
    assert_eq!(send(&router, get(&token)).await.status, StatusCode::OK);

    let local = loopback(router);
    for (name, endpoint) in [("login", Endpoint::Login), ("logout", Endpoint::Logout)] {
        assert_eq!(name.parse::<Endpoint>(), Ok(endpoint));
        let path = format!("/__fake/faults/{name}");
        let answer = send(
            &local,
            control(
                Method::PUT,
                &path,
                r#"{"kind":"status","status":401,"body":"json"}"#,
            ),
        )
        .await;
        assert_eq!(answer.status, StatusCode::NO_CONTENT);
        assert!(fake.fault(endpoint).is_some());
        send(&local, control(Method::DELETE, &path, "")).await;
        assert!(fake.fault(endpoint).is_none());
    }
    assert_eq!(Endpoint::ALL.len(), 6);
}
