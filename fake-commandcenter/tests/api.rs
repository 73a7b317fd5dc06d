//! In-process tests of the imitated API and the control API (tower `oneshot`, no sockets).
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::time::Duration;

use axum::body::{to_bytes, Body};
use axum::http::{Method, Request, StatusCode};
use common::{
    control, get_request, good_body, post_request, send, setup, setup_with, timed, with_peer,
    Answer, PATH,
};
use fake_commandcenter::{
    Endpoint, FakeCommandCenter, FakeConfig, Fault, FaultBody, DEFAULT_TOKEN,
};
use serde_json::{json, Value};
use tower::ServiceExt;

fn minimal_body() -> Value {
    json!({
        "SMTPServerName": "10.0.0.25",
        "SMTPPort": 25,
        "senderEmail": "cv@example.com",
        "senderName": "CV",
    })
}

fn assert_error_shape(answer: &Answer, status: StatusCode, needle: &str) {
    assert_eq!(answer.status, status, "body: {}", answer.body);
    let json = answer.json();
    let message = json["errorMessage"].as_str().unwrap();
    assert!(
        message.contains(needle),
        "message {message:?} should contain {needle:?}"
    );
    assert_ne!(json["errorCode"].as_i64().unwrap(), 0);
    assert_eq!(json.as_object().unwrap().len(), 2, "{json}");
}

// ---- POST /V4/EmailServer: bodies the contract accepts ----

#[tokio::test]
async fn post_full_body_is_stored_and_get_answers_it_without_password() {
    let (fake, router) = setup();
    let answer = send(&router, post_request(PATH, &good_body().to_string())).await;
    assert_eq!(answer.status, StatusCode::OK);
    assert_eq!(answer.json(), json!({"errorMessage": "", "errorCode": 0}));
    assert_eq!(answer.header("content-type"), Some("application/json"));

    let expected = json!({
        "SMTPServerName": "smtp.example.com",
        "SMTPPort": 587,
        "senderEmail": "backup@example.com",
        "senderName": "Commvault",
        "encryptionAlgorithm": "TLS",
        "useAuthentication": true,
        "username": "mailer",
    });
    assert_eq!(fake.stored_settings(), expected);
    assert_eq!(
        fake.stored_password_base64().as_deref(),
        Some("c2VjcsOodA==")
    );
    let got = send(&router, get_request(PATH)).await;
    assert_eq!(got.status, StatusCode::OK);
    assert_eq!(got.json(), expected);
    assert!(!got.body.contains("password"));
    assert!(!got.body.contains("c2VjcsOodA=="));
}

#[tokio::test]
async fn post_minimal_body_defaults_to_no_encryption_and_no_authentication() {
    let (fake, router) = setup();
    let answer = send(&router, post_request(PATH, &minimal_body().to_string())).await;
    assert_eq!(answer.status, StatusCode::OK, "{}", answer.body);
    let expected = json!({
        "SMTPServerName": "10.0.0.25",
        "SMTPPort": 25,
        "senderEmail": "cv@example.com",
        "senderName": "CV",
        "encryptionAlgorithm": "NONE",
        "useAuthentication": false,
    });
    assert_eq!(fake.stored_settings(), expected);
    assert_eq!(fake.stored_password_base64(), None);
    assert_eq!(send(&router, get_request(PATH)).await.json(), expected);
}

#[tokio::test]
async fn post_replaces_earlier_settings_including_credentials() {
    let (fake, router) = setup();
    send(&router, post_request(PATH, &good_body().to_string())).await;
    let answer = send(&router, post_request(PATH, &minimal_body().to_string())).await;
    assert_eq!(answer.status, StatusCode::OK);
    assert_eq!(fake.stored_settings()["useAuthentication"], json!(false));
    assert_eq!(fake.stored_settings().get("username"), None);
    assert_eq!(fake.stored_password_base64(), None);
}

#[tokio::test]
async fn post_accepts_boundary_ports_every_algorithm_and_a_utf8_charset() {
    for (port, algorithm) in [(1, "NONE"), (65535, "SSL"), (465, "TLS")] {
        let (fake, router) = setup();
        let mut body = minimal_body();
        body["SMTPPort"] = json!(port);
        body["encryptionAlgorithm"] = json!(algorithm);
        let request = Request::post(PATH)
            .header("Authtoken", DEFAULT_TOKEN)
            .header("Content-Type", "application/json; charset=UTF-8")
            .body(Body::from(body.to_string()))
            .unwrap();
        let answer = send(&router, request).await;
        assert_eq!(answer.status, StatusCode::OK, "{}", answer.body);
        assert_eq!(fake.stored_settings()["SMTPPort"], json!(port));
        assert_eq!(
            fake.stored_settings()["encryptionAlgorithm"],
            json!(algorithm)
        );
    }
}

// ---- POST /V4/EmailServer: bodies the contract refuses ----

enum Change {
    Remove(&'static str),
    Set(&'static str, Value),
    Rename(&'static str, &'static str),
}
use Change::{Remove, Rename, Set};

/// Takes the good body, applies the changes, expects 400 naming the field, nothing stored.
#[tokio::test]
async fn post_refuses_each_contract_violation_naming_the_field() {
    #[rustfmt::skip]
    let cases: Vec<(Vec<Change>, &str)> = vec![
        (vec![Remove("SMTPServerName")], "missing required field 'SMTPServerName'"),
        (vec![Remove("SMTPPort")], "missing required field 'SMTPPort'"),
        (vec![Remove("senderEmail")], "missing required field 'senderEmail'"),
        (vec![Remove("senderName")], "missing required field 'senderName'"),
        (vec![Rename("SMTPServerName", "smtpServerName")], "unknown field 'smtpServerName' (did you mean 'SMTPServerName'?)"),
        (vec![Rename("SMTPServerName", "SMTPServername")], "unknown field 'SMTPServername' (did you mean 'SMTPServerName'?)"),
        (vec![Rename("SMTPPort", "smtpPort")], "unknown field 'smtpPort' (did you mean 'SMTPPort'?)"),
        (vec![Rename("senderEmail", "sender_email")], "unknown field 'sender_email' (did you mean 'senderEmail'?)"),
        (vec![Set("recipient", json!("x@example.com"))], "unknown field 'recipient'"),
        // PUT's field, not POST's.
        (vec![Set("useAuthentication", json!(true))], "unknown field 'useAuthentication'"),
        (vec![Set("SMTPPort", json!("587"))], "field 'SMTPPort' must be a JSON integer"),
        (vec![Set("SMTPPort", json!(587.0))], "field 'SMTPPort' must be a JSON integer"),
        (vec![Set("SMTPPort", Value::Null)], "field 'SMTPPort' must be a JSON integer"),
        (vec![Set("SMTPPort", json!(0))], "field 'SMTPPort' must be a TCP port between 1 and 65535"),
        (vec![Set("SMTPPort", json!(65536))], "field 'SMTPPort' must be a TCP port"),
        (vec![Set("SMTPPort", json!(-25))], "field 'SMTPPort' must be a TCP port"),
        (vec![Set("SMTPPort", json!(u64::MAX))], "field 'SMTPPort' must be a TCP port"),
        (vec![Set("SMTPServerName", json!(""))], "field 'SMTPServerName' must not be empty"),
        (vec![Set("SMTPServerName", json!("  "))], "field 'SMTPServerName' must not be empty"),
        (vec![Set("SMTPServerName", json!(10))], "field 'SMTPServerName' must be a JSON string"),
        (vec![Set("senderEmail", json!(""))], "field 'senderEmail' must not be empty"),
        (vec![Set("senderEmail", json!(["a@b.c"]))], "field 'senderEmail' must be a JSON string"),
        (vec![Set("senderName", json!(""))], "field 'senderName' must not be empty"),
        (vec![Set("senderName", Value::Null)], "field 'senderName' must be a JSON string"),
        (vec![Set("encryptionAlgorithm", json!("tls"))], "field 'encryptionAlgorithm' must be one of NONE, TLS, SSL"),
        (vec![Set("encryptionAlgorithm", json!("STARTTLS"))], "field 'encryptionAlgorithm' must be one of NONE, TLS, SSL"),
        (vec![Set("encryptionAlgorithm", json!(""))], "field 'encryptionAlgorithm' must be one of"),
        (vec![Set("encryptionAlgorithm", Value::Null)], "field 'encryptionAlgorithm' must be a JSON string"),
        (vec![Remove("password")], "field 'password' is required when 'username' is sent"),
        (vec![Remove("username")], "field 'username' is required when 'password' is sent"),
        (vec![Set("username", json!(""))], "field 'username' must not be empty"),
        (vec![Set("password", json!(""))], "field 'password' must not be empty"),
        (vec![Set("username", json!("")), Set("password", json!(""))], "field 'username' must not be empty"),
        (vec![Set("password", Value::Null)], "field 'password' must be a JSON string"),
        (vec![Set("username", json!(7))], "field 'username' must be a JSON string"),
        // Plain text, unpadded, URL-safe alphabet, a line break.
        (vec![Set("password", json!("secret!"))], "'password' must be standard base64 with padding"),
        (vec![Set("password", json!("c2VjcmU"))], "'password' must be standard base64 with padding"),
        (vec![Set("password", json!("-_-_"))], "'password' must be standard base64 with padding"),
        (vec![Set("password", json!("c2Vj\ncmV0"))], "'password' must be standard base64 with padding"),
        (vec![Set("password", json!("/w=="))], "field 'password' must be the base64 of UTF-8 text"),
    ];
    for (changes, needle) in cases {
        let (fake, router) = setup();
        let mut body = good_body().as_object().unwrap().clone();
        for change in changes {
            match change {
                Remove(key) => {
                    body.remove(key);
                }
                Set(key, value) => {
                    body.insert(key.to_owned(), value);
                }
                Rename(from, to) => {
                    let value = body.remove(from).unwrap();
                    body.insert(to.to_owned(), value);
                }
            }
        }
        let body = Value::Object(body).to_string();
        let answer = send(&router, post_request(PATH, &body)).await;
        assert_eq!(
            answer.status,
            StatusCode::BAD_REQUEST,
            "{body}: {}",
            answer.body
        );
        assert_error_shape(&answer, StatusCode::BAD_REQUEST, needle);
        assert_eq!(fake.stored_settings(), json!({}), "{body}: stored anyway");
        assert_eq!(fake.requests().last().unwrap().status, 400, "{body}");
    }
}

#[tokio::test]
async fn post_refuses_bodies_that_are_not_a_json_object() {
    for (body, needle) in [
        ("", "body is not valid JSON"),
        ("{\"SMTPServerName\": ", "body is not valid JSON"),
        ("SMTPServerName=smtp.example.com", "body is not valid JSON"),
        ("[]", "body must be a JSON object, got an array"),
        ("null", "body must be a JSON object, got null"),
        ("\"x\"", "body must be a JSON object, got a string"),
        ("{}", "missing required field 'SMTPServerName'"),
    ] {
        let (fake, router) = setup();
        let answer = send(&router, post_request(PATH, body)).await;
        assert_error_shape(&answer, StatusCode::BAD_REQUEST, needle);
        assert_eq!(fake.stored_settings(), json!({}));
    }
}

#[tokio::test]
async fn post_refuses_a_wrong_or_missing_content_type() {
    for content_type in [
        None,
        Some("text/plain;charset=UTF-8"),
        Some("application/x-www-form-urlencoded"),
        Some("application/json-patch+json"),
        Some("application/json; charset=ISO-8859-1"),
    ] {
        let (fake, router) = setup();
        let mut request = Request::post(PATH).header("Authtoken", DEFAULT_TOKEN);
        if let Some(content_type) = content_type {
            request = request.header("Content-Type", content_type);
        }
        let request = request.body(Body::from(good_body().to_string())).unwrap();
        let answer = send(&router, request).await;
        assert_error_shape(&answer, StatusCode::BAD_REQUEST, "'Content-Type'");
        assert_eq!(fake.stored_settings(), json!({}), "{content_type:?}");
    }
}

// ---- token ----

#[tokio::test]
async fn wrong_missing_or_doubled_token_gets_401_json_on_both_verbs() {
    let (fake, router) = setup();
    let body = good_body().to_string();
    let variants: Vec<(&str, Vec<&str>)> = vec![
        ("missing", vec![]),
        ("wrong", vec!["QSDK 1234abcd"]),
        ("empty", vec![""]),
        ("differently cased", vec!["DEMO-TOKEN"]),
        ("doubled", vec![DEFAULT_TOKEN, DEFAULT_TOKEN]),
    ];
    for (label, tokens) in variants {
        for method in [Method::GET, Method::POST] {
            let mut request = Request::builder()
                .method(method.clone())
                .uri(PATH)
                .header("Content-Type", "application/json");
            for token in &tokens {
                request = request.header("Authtoken", *token);
            }
            let answer = send(&router, request.body(Body::from(body.clone())).unwrap()).await;
            assert_error_shape(&answer, StatusCode::UNAUTHORIZED, "Authtoken");
            assert_eq!(answer.header("access-control-allow-origin"), Some("*"));
            assert!(!answer.body.contains(DEFAULT_TOKEN), "{label}");
        }
    }
    assert_eq!(fake.stored_settings(), json!({}));
}

#[tokio::test]
async fn the_configured_token_is_the_one_accepted() {
    let (_, router) = setup_with(FakeConfig {
        token: "QSDK 3856abcdef".to_owned(),
        ..FakeConfig::default()
    });
    let answer = send(&router, get_request(PATH)).await;
    assert_eq!(
        answer.status,
        StatusCode::UNAUTHORIZED,
        "demo-token must not pass"
    );
    let request = Request::get(PATH)
        .header("authtoken", "QSDK 3856abcdef")
        .body(Body::empty())
        .unwrap();
    assert_eq!(send(&router, request).await.status, StatusCode::OK);
}

#[tokio::test]
async fn auth_is_checked_before_the_body() {
    let (_, router) = setup();
    let request = Request::post(PATH)
        .header("Content-Type", "text/plain")
        .body(Body::from("nonsense"))
        .unwrap();
    assert_eq!(
        send(&router, request).await.status,
        StatusCode::UNAUTHORIZED
    );
}

// ---- GET /V4/EmailServer ----

#[tokio::test]
async fn get_before_anything_is_configured_is_an_empty_object() {
    let (fake, router) = setup();
    let answer = send(&router, get_request(PATH)).await;
    assert_eq!(answer.status, StatusCode::OK);
    assert_eq!(answer.json(), json!({}));
    assert_eq!(answer.header("access-control-allow-origin"), Some("*"));
    assert_eq!(fake.stored_settings(), json!({}));
}

// ---- paths ----

#[tokio::test]
async fn paths_match_case_insensitively_and_are_recorded_as_received() {
    let (fake, router) = setup();
    for path in [
        "/commandcenter/api/v4/emailserver",
        "/CommandCenter/API/V4/EMAILSERVER",
    ] {
        let answer = send(&router, post_request(path, &minimal_body().to_string())).await;
        assert_eq!(answer.status, StatusCode::OK, "{path}");
        assert_eq!(
            send(&router, get_request(path)).await.status,
            StatusCode::OK
        );
    }
    let paths: Vec<String> = fake.requests().into_iter().map(|r| r.path).collect();
    assert_eq!(
        paths,
        [
            "/commandcenter/api/v4/emailserver",
            "/commandcenter/api/v4/emailserver",
            "/CommandCenter/API/V4/EMAILSERVER",
            "/CommandCenter/API/V4/EMAILSERVER"
        ]
    );
}

#[tokio::test]
async fn unknown_paths_get_404_and_other_methods_405() {
    let (fake, router) = setup();
    for path in [
        "/commandcenter/api/V4/EmailServer/",
        "/commandcenter/api/V2/EmailServer",
        "/commandcenter/api/EmailServer",
        "/V4/EmailServer",
        "/",
    ] {
        let answer = send(&router, get_request(path)).await;
        assert_error_shape(&answer, StatusCode::NOT_FOUND, path);
    }
    let request = Request::delete(PATH)
        .header("Authtoken", DEFAULT_TOKEN)
        .body(Body::empty())
        .unwrap();
    let answer = send(&router, request).await;
    assert_error_shape(&answer, StatusCode::METHOD_NOT_ALLOWED, "DELETE");
    assert_eq!(answer.header("allow"), Some("GET, POST, PUT"));
    assert_eq!(fake.requests().len(), 6);
}

// ---- CORS ----

#[tokio::test]
async fn preflight_allows_any_origin_and_the_api_headers_and_is_recorded() {
    let (fake, router) = setup();
    let request = Request::builder()
        .method(Method::OPTIONS)
        .uri(PATH)
        .header("Origin", "http://localhost:8080")
        .header("Access-Control-Request-Method", "POST")
        .header("Access-Control-Request-Headers", "authtoken,content-type")
        .body(Body::empty())
        .unwrap();
    let answer = send(&router, request).await;
    assert!(answer.status.is_success(), "{}", answer.status);
    assert_eq!(answer.header("access-control-allow-origin"), Some("*"));
    let methods = answer.header("access-control-allow-methods").unwrap();
    for method in ["GET", "POST", "PUT", "OPTIONS"] {
        assert!(methods.contains(method), "{methods}");
    }
    let headers = answer
        .header("access-control-allow-headers")
        .unwrap()
        .to_ascii_lowercase();
    for header in ["authtoken", "content-type", "accept"] {
        assert!(headers.contains(header), "{headers}");
    }

    let recorded = fake.requests();
    assert_eq!(recorded.len(), 1);
    assert_eq!(recorded[0].method, "OPTIONS");
    assert_eq!(recorded[0].path, PATH);
    assert_eq!(recorded[0].status, answer.status.as_u16());
    assert_eq!(recorded[0].header("Origin"), Some("http://localhost:8080"));
}

#[tokio::test]
async fn actual_answers_carry_allow_origin() {
    let (_, router) = setup();
    let mut request = post_request(PATH, &good_body().to_string());
    request
        .headers_mut()
        .insert("origin", "http://localhost:8080".parse().unwrap());
    let answer = send(&router, request).await;
    assert_eq!(answer.status, StatusCode::OK);
    assert_eq!(answer.header("access-control-allow-origin"), Some("*"));
    let answer = send(&router, post_request(PATH, "{}")).await;
    assert_eq!(answer.header("access-control-allow-origin"), Some("*"));
}

// ---- recording ----

#[tokio::test]
async fn requests_are_recorded_with_lowercase_headers_body_and_status() {
    let (fake, router) = setup();
    let body = good_body().to_string();
    send(&router, post_request(PATH, &body)).await;
    send(&router, get_request(PATH)).await;

    let recorded = fake.requests();
    assert_eq!(recorded.len(), 2);
    let post = &recorded[0];
    assert_eq!(post.method, "POST");
    assert_eq!(post.path, PATH);
    assert_eq!(post.body, body);
    assert_eq!(post.status, 200);
    assert_eq!(post.json(), Some(good_body()));
    let names: Vec<&str> = post.headers.iter().map(|(name, _)| name.as_str()).collect();
    assert_eq!(names, ["authtoken", "accept", "content-type"]);
    assert_eq!(post.header("AUTHTOKEN"), Some(DEFAULT_TOKEN));
    assert_eq!(post.header("x-missing"), None);
    assert_eq!(recorded[1].method, "GET");
    assert_eq!(recorded[1].json(), None);

    fake.clear_requests();
    assert!(fake.requests().is_empty());
}

// ---- faults ----

#[tokio::test(start_paused = true)]
async fn delay_fault_waits_then_answers_normally() {
    let (fake, router) = setup();
    fake.set_fault(Endpoint::PostEmailServer, Some(Fault::Delay { ms: 300 }));
    let (answer, waited) = timed(send(&router, post_request(PATH, &good_body().to_string()))).await;
    assert_eq!(waited, Duration::from_millis(300));
    assert_eq!(answer.status, StatusCode::OK);
    assert_eq!(fake.stored_settings()["SMTPPort"], json!(587));

    // Only the faulted endpoint is slow.
    let (answer, waited) = timed(send(&router, get_request(PATH))).await;
    assert_eq!(answer.status, StatusCode::OK);
    assert_eq!(waited, Duration::ZERO);
}

#[tokio::test]
async fn status_fault_answers_html_json_or_empty_and_stores_nothing() {
    let (fake, router) = setup();
    let cases = [
        (
            502,
            FaultBody::Html,
            "text/html; charset=utf-8",
            "502 Bad Gateway",
        ),
        (
            500,
            FaultBody::Json(r#"{"errorMessage":"boom","errorCode":7}"#.to_owned()),
            "application/json",
            r#"{"errorMessage":"boom","errorCode":7}"#,
        ),
        (503, FaultBody::Empty, "", ""),
        (
            400,
            FaultBody::Json("not json at all".to_owned()),
            "application/json",
            "not json at all",
        ),
    ];
    for (status, body, content_type, content) in cases {
        fake.set_fault(
            Endpoint::PostEmailServer,
            Some(Fault::Status { status, body }),
        );
        let answer = send(&router, post_request(PATH, &good_body().to_string())).await;
        assert_eq!(answer.status.as_u16(), status);
        assert_eq!(answer.header("content-type").unwrap_or(""), content_type);
        if content.is_empty() {
            assert_eq!(answer.body, "");
        } else {
            assert!(answer.body.contains(content), "{}", answer.body);
        }
        assert_eq!(answer.header("access-control-allow-origin"), Some("*"));
        assert_eq!(fake.requests().last().unwrap().status, status);
    }
    assert_eq!(fake.stored_settings(), json!({}));

    fake.set_fault(Endpoint::PostEmailServer, None);
    let answer = send(&router, post_request(PATH, &good_body().to_string())).await;
    assert_eq!(answer.status, StatusCode::OK);
}

#[tokio::test]
async fn status_fault_replaces_the_answer_even_without_a_token() {
    let (fake, router) = setup();
    fake.set_fault(
        Endpoint::GetEmailServer,
        Some(Fault::Status {
            status: 503,
            body: FaultBody::Html,
        }),
    );
    let request = Request::get(PATH).body(Body::empty()).unwrap();
    assert_eq!(send(&router, request).await.status.as_u16(), 503);
}

#[tokio::test]
async fn status_fault_with_an_impossible_status_answers_500() {
    let (fake, router) = setup();
    fake.set_fault(
        Endpoint::GetEmailServer,
        Some(Fault::Status {
            status: 42,
            body: FaultBody::Empty,
        }),
    );
    assert_eq!(
        send(&router, get_request(PATH)).await.status,
        StatusCode::INTERNAL_SERVER_ERROR
    );
}

#[tokio::test]
async fn error_code_fault_answers_200_with_the_error_after_the_usual_checks() {
    let (fake, router) = setup();
    fake.set_fault(
        Endpoint::PostEmailServer,
        Some(Fault::ErrorCode {
            code: 5,
            message: "Failed to connect to the SMTP server".to_owned(),
        }),
    );
    let answer = send(&router, post_request(PATH, &good_body().to_string())).await;
    assert_eq!(answer.status, StatusCode::OK);
    assert_eq!(
        answer.json(),
        json!({"errorMessage": "Failed to connect to the SMTP server", "errorCode": 5})
    );
    assert_eq!(fake.stored_settings(), json!({}));

    let answer = send(&router, post_request(PATH, "{}")).await;
    assert_eq!(answer.status, StatusCode::BAD_REQUEST);
    let mut unauthenticated = post_request(PATH, &good_body().to_string());
    unauthenticated.headers_mut().remove("authtoken");
    assert_eq!(
        send(&router, unauthenticated).await.status,
        StatusCode::UNAUTHORIZED
    );

    fake.set_fault(
        Endpoint::GetEmailServer,
        Some(Fault::ErrorCode {
            code: -1,
            message: "internal".to_owned(),
        }),
    );
    let answer = send(&router, get_request(PATH)).await;
    assert_eq!(answer.status, StatusCode::OK);
    assert_eq!(
        answer.json(),
        json!({"errorMessage": "internal", "errorCode": -1})
    );
}

#[tokio::test]
async fn malformed_json_fault_answers_200_with_cut_json() {
    let (fake, router) = setup();
    send(&router, post_request(PATH, &good_body().to_string())).await;
    for endpoint in Endpoint::ALL {
        fake.set_fault(endpoint, Some(Fault::MalformedJson));
    }
    let stored_before = fake.stored_settings();
    for request in [
        post_request(PATH, &minimal_body().to_string()),
        get_request(PATH),
    ] {
        let answer = send(&router, request).await;
        assert_eq!(answer.status, StatusCode::OK);
        assert_eq!(answer.header("content-type"), Some("application/json"));
        assert!(!answer.body.is_empty());
        assert!(
            serde_json::from_str::<Value>(&answer.body).is_err(),
            "{}",
            answer.body
        );
    }
    assert_eq!(fake.stored_settings(), stored_before);
}

#[tokio::test]
async fn malformed_json_fault_cuts_even_an_empty_object() {
    let (fake, router) = setup();
    fake.set_fault(Endpoint::GetEmailServer, Some(Fault::MalformedJson));
    let answer = send(&router, get_request(PATH)).await;
    assert_eq!(answer.body, "{");
}

#[tokio::test]
async fn drop_connection_fault_gives_a_body_that_fails_and_records_status_0() {
    let (fake, router) = setup();
    fake.set_fault(Endpoint::PostEmailServer, Some(Fault::DropConnection));
    let response = router
        .clone()
        .oneshot(post_request(PATH, &good_body().to_string()))
        .await
        .unwrap();
    assert!(to_bytes(response.into_body(), usize::MAX).await.is_err());
    assert_eq!(fake.requests().last().unwrap().status, 0);
    assert_eq!(fake.stored_settings(), json!({}));
    assert!(
        fake.fault(Endpoint::PostEmailServer).is_some(),
        "stays until cleared"
    );
    assert!(fake.fault(Endpoint::GetEmailServer).is_none());
}

// ---- control API ----

#[tokio::test]
async fn control_api_answers_loopback_peers_only() {
    let (fake, router) = setup();
    for peer in ["127.0.0.1:5000", "[::1]:5000", "[::ffff:127.0.0.1]:5000"] {
        let answer = send(
            &with_peer(router.clone(), peer),
            control(Method::GET, "/__fake/requests", ""),
        )
        .await;
        assert_eq!(answer.status, StatusCode::OK, "{peer}");
    }
    for peer in ["192.0.2.7:5000", "[2001:db8::1]:5000"] {
        let router = with_peer(router.clone(), peer);
        let answer = send(&router, control(Method::GET, "/__fake/requests", "")).await;
        assert_eq!(answer.status, StatusCode::FORBIDDEN, "{peer}");
        let answer = send(
            &router,
            control(
                Method::PUT,
                "/__fake/faults/post-email-server",
                r#"{"kind":"drop_connection"}"#,
            ),
        )
        .await;
        assert_eq!(answer.status, StatusCode::FORBIDDEN, "{peer}");
    }
    // Served without ConnectInfo: the peer is unknown, so it is not trusted.
    let answer = send(&router, control(Method::GET, "/__fake/requests", "")).await;
    assert_eq!(answer.status, StatusCode::FORBIDDEN);
    assert!(fake.fault(Endpoint::PostEmailServer).is_none());
    assert!(
        fake.requests().is_empty(),
        "control API calls are not recorded"
    );
}

#[tokio::test]
async fn control_api_lists_and_clears_requests() {
    let (fake, router) = setup();
    let router = with_peer(router, "127.0.0.1:5000");
    send(&router, post_request(PATH, &good_body().to_string())).await;
    let answer = send(&router, control(Method::GET, "/__fake/requests", "")).await;
    let list = answer.json();
    let list = list.as_array().unwrap();
    assert_eq!(list.len(), 1);
    assert_eq!(list[0]["method"], "POST");
    assert_eq!(list[0]["path"], PATH);
    assert_eq!(list[0]["status"], 200);
    assert_eq!(list[0]["body"], good_body().to_string());
    assert_eq!(list[0]["headers"][0], json!(["authtoken", DEFAULT_TOKEN]));

    let answer = send(&router, control(Method::GET, "/__fake/settings", "")).await;
    assert_eq!(answer.json()["passwordBase64"], "c2VjcsOodA==");
    assert_eq!(answer.json()["settings"]["SMTPPort"], 587);

    let answer = send(&router, control(Method::DELETE, "/__fake/requests", "")).await;
    assert!(answer.status.is_success());
    assert!(fake.requests().is_empty());
}

#[tokio::test]
async fn control_api_sets_and_clears_each_kind_of_fault() {
    let (fake, router) = setup();
    let router = with_peer(router, "127.0.0.1:5000");
    let cases = [
        (r#"{"kind":"delay","ms":500}"#, "Delay { ms: 500 }"),
        (
            r#"{"kind":"status","status":502,"body":"html"}"#,
            "Status { status: 502, body: Html }",
        ),
        (
            r#"{"kind":"status","status":503,"body":"empty"}"#,
            "Status { status: 503, body: Empty }",
        ),
        (
            r#"{"kind":"status","status":500,"body":{"json":"{}"}}"#,
            r#"Status { status: 500, body: Json("{}") }"#,
        ),
        (
            r#"{"kind":"status","status":500}"#,
            "Status { status: 500, body: Empty }",
        ),
        (
            r#"{"kind":"error_code","code":5,"message":"no"}"#,
            r#"ErrorCode { code: 5, message: "no" }"#,
        ),
        (r#"{"kind":"malformed_json"}"#, "MalformedJson"),
        (r#"{"kind":"drop_connection"}"#, "DropConnection"),
    ];
    for (body, debug) in cases {
        for endpoint in Endpoint::ALL {
            let path = format!("/__fake/faults/{}", endpoint.name());
            let answer = send(&router, control(Method::PUT, &path, body)).await;
            assert!(answer.status.is_success(), "{body}: {}", answer.body);
            let fault = fake.fault(endpoint).unwrap();
            assert_eq!(format!("{fault:?}"), debug);
            // The JSON form round-trips.
            let again = Fault::from_control_json(&fault.to_control_json()).unwrap();
            assert_eq!(format!("{again:?}"), debug);

            let answer = send(&router, control(Method::DELETE, &path, "")).await;
            assert!(answer.status.is_success());
            assert!(fake.fault(endpoint).is_none());
        }
    }
}

#[tokio::test]
async fn control_api_refuses_bad_faults_and_unknown_endpoints() {
    let (fake, router) = setup();
    let router = with_peer(router, "127.0.0.1:5000");
    for body in [
        "",
        "[]",
        r#"{"kind":"explode"}"#,
        r#"{"kind":"delay"}"#,
        r#"{"kind":"delay","ms":-1}"#,
        r#"{"kind":"delay","msec":5}"#,
        r#"{"kind":"status","status":1000}"#,
        r#"{"kind":"status","status":500,"body":"xml"}"#,
        r#"{"kind":"status","status":500,"body":{"json":5}}"#,
        r#"{"kind":"error_code","message":"x"}"#,
    ] {
        let answer = send(
            &router,
            control(Method::PUT, "/__fake/faults/post-email-server", body),
        )
        .await;
        assert_eq!(answer.status, StatusCode::BAD_REQUEST, "{body}");
        assert!(answer.json()["error"].is_string());
    }
    let answer = send(
        &router,
        control(
            Method::PUT,
            "/__fake/faults/PostEmailServer",
            r#"{"kind":"malformed_json"}"#,
        ),
    )
    .await;
    assert_eq!(answer.status, StatusCode::NOT_FOUND);
    assert!(answer.body.contains("post-email-server"));
    for endpoint in Endpoint::ALL {
        assert!(fake.fault(endpoint).is_none());
    }
}

#[test]
fn endpoint_names_parse_back() {
    for endpoint in Endpoint::ALL {
        assert_eq!(endpoint.name().parse::<Endpoint>(), Ok(endpoint));
        assert_eq!(endpoint.to_string(), endpoint.name());
    }
    assert!("get_email_server".parse::<Endpoint>().is_err());
}

#[test]
fn the_handle_can_move_between_tasks() {
    fn assert_shareable<T: Clone + Send + Sync + 'static>() {}
    assert_shareable::<FakeCommandCenter>();
}
