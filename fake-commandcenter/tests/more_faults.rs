//! The faults of issue 5 (`LargeBody`, `NoCors`, `Delayed`) and `Status` across the statuses
//! and body kinds a page must survive; in-process with `oneshot`, and over real sockets for
//! what only a socket shows (a streamed multi-MB body, the headers as sent).
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::net::SocketAddr;
use std::time::Duration;

use axum::body::{to_bytes, Body};
use axum::http::{Method, Request, StatusCode};
use common::{control, loopback, send, setup, timed, with_json, PATH};
use fake_commandcenter::{Endpoint, Fault, FaultBody, DEFAULT_TOKEN};
use serde_json::{json, Value};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;
use tower::ServiceExt;

fn settings() -> Value {
    json!({
        "SMTPServerName": "smtp.example.com",
        "SMTPPort": 587,
        "senderEmail": "cv@example.com",
        "senderName": "CV",
    })
}

/// A well-formed call to `endpoint` with the static token.
fn request_for(endpoint: Endpoint) -> Request<Body> {
    let body = match endpoint {
        Endpoint::GetEmailServer | Endpoint::Logout => None,
        Endpoint::PostEmailServer | Endpoint::TestEmailServer => Some(settings()),
        Endpoint::PutEmailServer => Some(json!({"senderName": "Ops"})),
        Endpoint::Login => Some(json!({"username": "admin", "password": "ZGVtby1wYXNzd29yZA=="})),
    };
    let builder = Request::builder()
        .method(endpoint.method())
        .uri(format!("/commandcenter/api{}", endpoint.path()))
        .header("Authtoken", DEFAULT_TOKEN)
        .header("Origin", "http://localhost:8080")
        .header("Accept", "application/json");
    with_json(builder, body.as_ref().map(Value::to_string))
}

fn post(body: &Value, token: &str) -> Request<Body> {
    with_json(
        Request::post(PATH).header("Authtoken", token),
        Some(body.to_string()),
    )
}

// ---- Status across statuses and bodies ----

const STATUSES: [u16; 7] = [400, 401, 403, 404, 500, 502, 503];

#[tokio::test]
async fn status_fault_answers_every_error_status_with_json_html_or_empty_on_every_endpoint() {
    let (fake, router) = setup();
    for endpoint in Endpoint::ALL {
        for status in STATUSES {
            let reason = StatusCode::from_u16(status)
                .unwrap()
                .canonical_reason()
                .unwrap();
            let title = format!("{status} {reason}");
            for body in [
                FaultBody::command_center_error(status),
                FaultBody::Html,
                FaultBody::Empty,
            ] {
                let case = format!("{endpoint} {status} {body:?}");
                fake.set_fault(
                    endpoint,
                    Some(Fault::Status {
                        status,
                        body: body.clone(),
                    }),
                );
                let answer = send(&router, request_for(endpoint)).await;
                assert_eq!(answer.status.as_u16(), status, "{case}");
                assert_eq!(
                    answer.headers.get("access-control-allow-origin").unwrap(),
                    "*",
                    "{case}"
                );
                let content_type = answer
                    .headers
                    .get("content-type")
                    .map(|value| value.to_str().unwrap().to_owned());
                match body {
                    FaultBody::Json(_) => {
                        assert_eq!(content_type.as_deref(), Some("application/json"));
                        assert_eq!(
                            answer.json(),
                            json!({"errorMessage": title, "errorCode": status}),
                            "{case}"
                        );
                    }
                    FaultBody::Html => {
                        assert_eq!(content_type.as_deref(), Some("text/html; charset=utf-8"));
                        assert!(
                            answer.body.contains(&format!("<title>{title}</title>")),
                            "{case}"
                        );
                        assert!(serde_json::from_str::<Value>(&answer.body).is_err());
                    }
                    FaultBody::Empty => {
                        assert!(answer.body.is_empty(), "{case}");
                        assert!(content_type.is_none(), "{case}");
                    }
                }
            }
        }
        fake.set_fault(endpoint, None);
    }
    assert_eq!(fake.stored_settings(), json!({}));
    assert_eq!(fake.active_sessions(), 0);
    assert!(fake.sent_test_mails().is_empty());
}

// ---- LargeBody ----

#[tokio::test]
async fn large_body_fault_answers_exactly_that_many_bytes_of_html() {
    let (fake, router) = setup();
    fake.set_fault(
        Endpoint::PostEmailServer,
        Some(Fault::LargeBody {
            bytes: 3_000_001,
            status: 502,
        }),
    );
    // No token: it replaces the answer before the token is looked at, and stores nothing.
    let answer = send(&router, post(&settings(), "wrong")).await;
    assert_eq!(answer.status, StatusCode::BAD_GATEWAY);
    assert_eq!(answer.body.len(), 3_000_001);
    assert_eq!(
        answer.headers.get("content-type").unwrap(),
        "text/html; charset=utf-8"
    );
    assert_eq!(
        answer.headers.get("access-control-allow-origin").unwrap(),
        "*"
    );
    assert!(answer
        .body
        .starts_with("<!DOCTYPE html>\n<html><head><title>502 Bad Gateway</title>"));
    assert!(answer.body.contains("<p>"));
    assert_eq!(fake.stored_settings(), json!({}));
    assert_eq!(fake.requests().last().unwrap().status, 502);

    for (bytes, status) in [(0, 200), (1, 500), (10, 503), (65_536, 200), (65_537, 413)] {
        fake.set_fault(
            Endpoint::GetEmailServer,
            Some(Fault::LargeBody { bytes, status }),
        );
        let answer = send(&router, request_for(Endpoint::GetEmailServer)).await;
        assert_eq!(answer.status.as_u16(), status);
        assert_eq!(answer.body.len(), bytes, "{bytes}");
        assert!("<!DOCTYPE html>".starts_with(&answer.body[..bytes.min(15)]));
    }
}

#[tokio::test]
async fn large_body_fault_works_on_login_and_logout() {
    let (fake, router) = setup();
    for endpoint in [Endpoint::Login, Endpoint::Logout] {
        fake.set_fault(
            endpoint,
            Some(Fault::LargeBody {
                bytes: 100_000,
                status: 200,
            }),
        );
        let answer = send(&router, request_for(endpoint)).await;
        assert_eq!(answer.status, StatusCode::OK);
        assert_eq!(answer.body.len(), 100_000);
    }
    assert_eq!(fake.active_sessions(), 0);
}

// ---- NoCors ----

#[tokio::test]
async fn no_cors_with_a_success_status_does_the_work_and_sends_no_cors_headers() {
    let (fake, router) = setup();
    fake.set_fault(
        Endpoint::PostEmailServer,
        Some(Fault::NoCors { status: 200 }),
    );
    let answer = send(&router, request_for(Endpoint::PostEmailServer)).await;
    assert_eq!(answer.status, StatusCode::OK);
    assert_eq!(answer.json(), json!({"errorMessage": "", "errorCode": 0}));
    assert!(answer.cors_headers().is_empty(), "{:?}", answer.headers);
    assert_eq!(fake.stored_settings()["senderName"], "CV");

    // Preflights are still answered normally.
    let answer = send(
        &router,
        Request::options(PATH)
            .header("Origin", "http://localhost:8080")
            .header("Access-Control-Request-Method", "POST")
            .header("Access-Control-Request-Headers", "authtoken, content-type")
            .body(Body::empty())
            .unwrap(),
    )
    .await;
    assert_eq!(answer.status, StatusCode::NO_CONTENT);
    assert_eq!(answer.cors_headers().len(), 4);

    // Other endpoints keep their CORS header.
    let answer = send(&router, request_for(Endpoint::GetEmailServer)).await;
    assert_eq!(
        answer.headers.get("access-control-allow-origin").unwrap(),
        "*"
    );
}

#[tokio::test]
async fn no_cors_replaces_a_success_status_but_keeps_a_refusal() {
    let (fake, router) = setup();
    fake.set_fault(
        Endpoint::GetEmailServer,
        Some(Fault::NoCors { status: 203 }),
    );
    let answer = send(&router, request_for(Endpoint::GetEmailServer)).await;
    assert_eq!(answer.status.as_u16(), 203);
    assert_eq!(answer.json(), json!({}));
    assert!(answer.cors_headers().is_empty());
    assert_eq!(fake.requests().last().unwrap().status, 203);

    fake.set_fault(
        Endpoint::PostEmailServer,
        Some(Fault::NoCors { status: 200 }),
    );
    let answer = send(&router, post(&settings(), "wrong")).await;
    assert_eq!(answer.status, StatusCode::UNAUTHORIZED);
    assert!(answer.cors_headers().is_empty());
    let answer = send(&router, post(&json!({"SMTPPort": 25}), DEFAULT_TOKEN)).await;
    assert_eq!(answer.status, StatusCode::BAD_REQUEST);
    assert!(answer.cors_headers().is_empty());
    assert_eq!(fake.stored_settings(), json!({}));
}

#[tokio::test]
async fn no_cors_with_an_error_status_answers_a_command_center_error_and_stores_nothing() {
    let (fake, router) = setup();
    for status in STATUSES {
        fake.set_fault(Endpoint::PostEmailServer, Some(Fault::NoCors { status }));
        let answer = send(&router, request_for(Endpoint::PostEmailServer)).await;
        assert_eq!(answer.status.as_u16(), status);
        assert_eq!(answer.json()["errorCode"], status);
        assert!(answer.cors_headers().is_empty());
    }
    assert_eq!(fake.stored_settings(), json!({}));
}

#[tokio::test]
async fn no_cors_on_login_still_signs_in() {
    let (fake, router) = setup();
    fake.set_fault(Endpoint::Login, Some(Fault::NoCors { status: 200 }));
    let answer = send(&router, request_for(Endpoint::Login)).await;
    assert_eq!(answer.status, StatusCode::OK);
    assert!(answer.json()["token"]
        .as_str()
        .unwrap()
        .starts_with("QSDK "));
    assert!(answer.cors_headers().is_empty());
    assert_eq!(fake.active_sessions(), 1);
}

// ---- Delayed ----

#[tokio::test(start_paused = true)]
async fn delayed_waits_then_applies_the_next_fault() {
    let (fake, router) = setup();
    fake.set_fault(
        Endpoint::PostEmailServer,
        Some(Fault::Delayed {
            ms: 150,
            then: Box::new(Fault::Delayed {
                ms: 50,
                then: Box::new(Fault::Status {
                    status: 504,
                    body: FaultBody::Html,
                }),
            }),
        }),
    );
    let (answer, waited) = timed(send(&router, request_for(Endpoint::PostEmailServer))).await;
    assert_eq!(
        waited,
        Duration::from_millis(200),
        "both waits, one after the other"
    );
    assert_eq!(answer.status, StatusCode::GATEWAY_TIMEOUT);
    assert_eq!(fake.stored_settings(), json!({}));

    fake.set_fault(
        Endpoint::GetEmailServer,
        Some(Fault::Delayed {
            ms: 100,
            then: Box::new(Fault::DropConnection),
        }),
    );
    let (body, waited) = timed(async {
        let response = router
            .clone()
            .oneshot(request_for(Endpoint::GetEmailServer))
            .await
            .unwrap();
        to_bytes(response.into_body(), usize::MAX).await
    })
    .await;
    assert!(body.is_err());
    assert_eq!(waited, Duration::from_millis(100));

    fake.set_fault(
        Endpoint::PostEmailServer,
        Some(Fault::Delayed {
            ms: 50,
            then: Box::new(Fault::ErrorCode {
                code: 5,
                message: "busy".to_owned(),
            }),
        }),
    );
    let (answer, waited) = timed(send(&router, request_for(Endpoint::PostEmailServer))).await;
    assert_eq!(waited, Duration::from_millis(50));
    assert_eq!(
        answer.json(),
        json!({"errorMessage": "busy", "errorCode": 5})
    );
    assert_eq!(fake.stored_settings(), json!({}));
}

// ---- control API JSON ----

#[tokio::test]
async fn control_api_sets_the_new_faults_on_every_endpoint() {
    let (fake, router) = setup();
    let router = loopback(router);
    let cases = [
        (
            r#"{"kind":"large_body","bytes":5000000,"status":502}"#,
            "LargeBody { bytes: 5000000, status: 502 }",
        ),
        (
            r#"{"kind":"no_cors","status":200}"#,
            "NoCors { status: 200 }",
        ),
        (
            r#"{"kind":"delayed","ms":300,"then":{"kind":"no_cors","status":500}}"#,
            "Delayed { ms: 300, then: NoCors { status: 500 } }",
        ),
    ];
    for (body, debug) in cases {
        for endpoint in Endpoint::ALL {
            let path = format!("/__fake/faults/{}", endpoint.name());
            let answer = send(&router, control(Method::PUT, &path, body)).await;
            assert_eq!(
                answer.status,
                StatusCode::NO_CONTENT,
                "{body}: {}",
                answer.body
            );
            let fault = fake.fault(endpoint).unwrap();
            assert_eq!(format!("{fault:?}"), debug);
            let again = Fault::from_control_json(&fault.to_control_json()).unwrap();
            assert_eq!(format!("{again:?}"), debug);
            send(&router, control(Method::DELETE, &path, "")).await;
            assert!(fake.fault(endpoint).is_none());
        }
    }
    // "body":"json" is a Command Center-style error for that status.
    let answer = send(
        &router,
        control(
            Method::PUT,
            "/__fake/faults/login",
            r#"{"kind":"status","status":503,"body":"json"}"#,
        ),
    )
    .await;
    assert_eq!(answer.status, StatusCode::NO_CONTENT);
    let Some(Fault::Status {
        status: 503,
        body: FaultBody::Json(text),
    }) = fake.fault(Endpoint::Login)
    else {
        panic!("{:?}", fake.fault(Endpoint::Login));
    };
    assert_eq!(
        serde_json::from_str::<Value>(&text).unwrap(),
        json!({"errorMessage": "503 Service Unavailable", "errorCode": 503})
    );
    assert_eq!(
        Fault::LargeBody {
            bytes: 7,
            status: 404
        }
        .to_control_json(),
        json!({"kind": "large_body", "bytes": 7, "status": 404})
    );
    assert_eq!(
        Fault::NoCors { status: 200 }.to_control_json(),
        json!({"kind": "no_cors", "status": 200})
    );
}

#[tokio::test]
async fn control_api_refuses_bad_new_faults() {
    let (fake, router) = setup();
    let router = loopback(router);
    for body in [
        r#"{"kind":"large_body","status":502}"#,
        r#"{"kind":"large_body","bytes":100}"#,
        r#"{"kind":"large_body","bytes":-1,"status":502}"#,
        r#"{"kind":"large_body","bytes":"1MB","status":502}"#,
        r#"{"kind":"large_body","bytes":100,"status":1000}"#,
        r#"{"kind":"large_body","bytes":100,"status":502,"body":"html"}"#,
        r#"{"kind":"no_cors"}"#,
        r#"{"kind":"no_cors","status":99}"#,
        r#"{"kind":"no_cors","status":200,"origin":"*"}"#,
        r#"{"kind":"delayed","ms":100}"#,
        r#"{"kind":"delayed","then":{"kind":"drop_connection"}}"#,
        r#"{"kind":"delayed","ms":100,"then":{"kind":"explode"}}"#,
        r#"{"kind":"delayed","ms":100,"then":"drop_connection"}"#,
        r#"{"kind":"status","status":500,"body":"JSON"}"#,
    ] {
        let answer = send(
            &router,
            control(Method::PUT, "/__fake/faults/get-email-server", body),
        )
        .await;
        assert_eq!(answer.status, StatusCode::BAD_REQUEST, "{body}");
        assert!(answer.json()["error"].is_string());
    }
    assert!(fake.fault(Endpoint::GetEmailServer).is_none());
}

// ---- over real sockets ----

/// Everything the server sends on one `Connection: close` exchange.
async fn exchange(addr: SocketAddr, head: &str, body: &str) -> Vec<u8> {
    let request = format!(
        "{head}Host: {addr}\r\nConnection: close\r\nContent-Length: {}\r\n\r\n{body}",
        body.len()
    );
    let io = async {
        let mut stream = TcpStream::connect(addr).await?;
        stream.write_all(request.as_bytes()).await?;
        let mut answer = Vec::new();
        stream.read_to_end(&mut answer).await?;
        std::io::Result::Ok(answer)
    };
    tokio::time::timeout(Duration::from_secs(30), io)
        .await
        .expect("no answer within 30 s")
        .unwrap()
}

/// (status, lower-case header lines, body bytes).
fn split(raw: &[u8]) -> (u16, Vec<(String, String)>, &[u8]) {
    let end = raw
        .windows(4)
        .position(|window| window == b"\r\n\r\n")
        .expect("no end of head");
    let head = std::str::from_utf8(&raw[..end]).unwrap();
    let mut lines = head.split("\r\n");
    let status = lines
        .next()
        .unwrap()
        .split(' ')
        .nth(1)
        .unwrap()
        .parse()
        .unwrap();
    let headers = lines
        .map(|line| {
            let (name, value) = line.split_once(':').unwrap();
            (name.trim().to_ascii_lowercase(), value.trim().to_owned())
        })
        .collect();
    (status, headers, &raw[end + 4..])
}

fn header<'a>(headers: &'a [(String, String)], name: &str) -> Option<&'a str> {
    headers
        .iter()
        .find(|(key, _)| key == name)
        .map(|(_, value)| value.as_str())
}

#[tokio::test]
async fn large_body_over_a_socket_is_read_in_full_with_its_content_length() {
    let (fake, _) = setup();
    let addr = fake.spawn_local().await.unwrap();
    const BYTES: usize = 5 * 1024 * 1024 + 3;
    fake.set_fault(
        Endpoint::GetEmailServer,
        Some(Fault::LargeBody {
            bytes: BYTES,
            status: 502,
        }),
    );
    let raw = exchange(
        addr,
        &format!("GET {PATH} HTTP/1.1\r\nAuthtoken: {DEFAULT_TOKEN}\r\n"),
        "",
    )
    .await;
    let (status, headers, body) = split(&raw);
    assert_eq!(status, 502);
    assert_eq!(header(&headers, "content-length"), Some("5242883"));
    assert_eq!(header(&headers, "transfer-encoding"), None);
    assert_eq!(
        header(&headers, "content-type"),
        Some("text/html; charset=utf-8")
    );
    assert_eq!(header(&headers, "access-control-allow-origin"), Some("*"));
    assert_eq!(body.len(), BYTES);
    assert!(body.starts_with(b"<!DOCTYPE html>"));
    assert!(std::str::from_utf8(body).is_ok());
    assert_eq!(fake.requests().last().unwrap().status, 502);
}

#[tokio::test]
async fn no_cors_over_a_socket_sends_no_access_control_headers_but_preflights_keep_them() {
    let (fake, _) = setup();
    let addr = fake.spawn_local().await.unwrap();
    fake.set_fault(
        Endpoint::PostEmailServer,
        Some(Fault::NoCors { status: 200 }),
    );
    let body = settings().to_string();
    let raw = exchange(
        addr,
        &format!(
            "POST {PATH} HTTP/1.1\r\nOrigin: http://localhost:8080\r\nAuthtoken: {DEFAULT_TOKEN}\r\nContent-Type: application/json\r\n"
        ),
        &body,
    )
    .await;
    let (status, headers, answer) = split(&raw);
    assert_eq!(status, 200);
    assert!(
        headers
            .iter()
            .all(|(name, _)| !name.starts_with("access-control-")),
        "{headers:?}"
    );
    assert_eq!(
        serde_json::from_slice::<Value>(answer).unwrap(),
        json!({"errorMessage": "", "errorCode": 0})
    );
    assert_eq!(fake.stored_settings()["SMTPServerName"], "smtp.example.com");

    let raw = exchange(
        addr,
        &format!(
            "OPTIONS {PATH} HTTP/1.1\r\nOrigin: http://localhost:8080\r\nAccess-Control-Request-Method: POST\r\nAccess-Control-Request-Headers: authtoken, content-type\r\n"
        ),
        "",
    )
    .await;
    let (status, headers, _) = split(&raw);
    assert_eq!(status, 204);
    assert_eq!(header(&headers, "access-control-allow-origin"), Some("*"));
    assert!(header(&headers, "access-control-allow-headers")
        .unwrap()
        .contains("Authtoken"));

    // An error status without CORS too.
    fake.set_fault(
        Endpoint::GetEmailServer,
        Some(Fault::NoCors { status: 503 }),
    );
    let raw = exchange(
        addr,
        &format!("GET {PATH} HTTP/1.1\r\nOrigin: http://localhost:8080\r\nAuthtoken: {DEFAULT_TOKEN}\r\n"),
        "",
    )
    .await;
    let (status, headers, answer) = split(&raw);
    assert_eq!(status, 503);
    assert!(headers
        .iter()
        .all(|(name, _)| !name.starts_with("access-control-")));
    assert_eq!(
        serde_json::from_slice::<Value>(answer).unwrap()["errorCode"],
        503
    );
}
