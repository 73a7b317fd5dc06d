//! Helpers shared by the integration tests (`mod common;` in each test file): building a fake,
//! calling it in-process with tower's `oneshot`, and the request bodies several files send.

// Each test file is its own crate and uses only some of these helpers; without this, every
// file would warn about the ones it does not use (the usual idiom for `tests/common`).
#![allow(dead_code)]

use std::future::Future;
use std::net::SocketAddr;
use std::time::Duration;

use axum::body::{to_bytes, Body};
use axum::extract::connect_info::MockConnectInfo;
use axum::http::{request, HeaderMap, Method, Request, StatusCode};
use axum::Router;
use fake_commandcenter::{FakeCommandCenter, FakeConfig, DEFAULT_TOKEN};
use serde_json::{json, Value};
use tower::ServiceExt;

pub const PATH: &str = "/commandcenter/api/V4/EmailServer";
pub const TEST_PATH: &str = "/commandcenter/api/V4/EmailServer/Action/Test";

/// A fake with the default configuration, and its router.
pub fn setup() -> (FakeCommandCenter, Router) {
    setup_with(FakeConfig::default())
}

pub fn setup_with(config: FakeConfig) -> (FakeCommandCenter, Router) {
    let fake = FakeCommandCenter::new(config);
    let router = fake.router();
    (fake, router)
}

/// What the router answered, body read in full.
pub struct Answer {
    pub status: StatusCode,
    pub headers: HeaderMap,
    pub body: String,
}

impl Answer {
    pub fn json(&self) -> Value {
        serde_json::from_str(&self.body)
            .unwrap_or_else(|error| panic!("not JSON ({error}): {:?}", self.body))
    }

    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.get(name).map(|value| value.to_str().unwrap())
    }

    /// The names of the `access-control-*` headers.
    pub fn cors_headers(&self) -> Vec<String> {
        self.headers
            .keys()
            .map(|name| name.as_str().to_owned())
            .filter(|name| name.starts_with("access-control-"))
            .collect()
    }
}

pub async fn send(router: &Router, request: Request<Body>) -> Answer {
    let response = router.clone().oneshot(request).await.unwrap();
    let status = response.status();
    let headers = response.headers().clone();
    let bytes = to_bytes(response.into_body(), usize::MAX).await.unwrap();
    Answer {
        status,
        headers,
        body: String::from_utf8(bytes.to_vec()).unwrap(),
    }
}

/// Ends `builder` with `json` as a JSON body (sent as given, so it may be broken on purpose),
/// or with no body and no Content-Type.
pub fn with_json(builder: request::Builder, json: Option<String>) -> Request<Body> {
    match json {
        Some(json) => builder
            .header("Content-Type", "application/json")
            .body(Body::from(json))
            .unwrap(),
        None => builder.body(Body::empty()).unwrap(),
    }
}

/// `method` on `path` with `token`, accepting JSON.
fn api_builder(method: Method, path: &str, token: &str) -> request::Builder {
    Request::builder()
        .method(method)
        .uri(path)
        .header("Authtoken", token)
        .header("Accept", "application/json")
}

/// A call to `path` with `token` (JSON body when `body` is given).
pub fn call(method: Method, path: &str, token: &str, body: Option<&Value>) -> Request<Body> {
    with_json(api_builder(method, path, token), body.map(Value::to_string))
}

/// A POST of `body` (as is) with the static token.
pub fn post_request(path: &str, body: &str) -> Request<Body> {
    with_json(
        api_builder(Method::POST, path, DEFAULT_TOKEN),
        Some(body.to_owned()),
    )
}

/// A GET with the static token.
pub fn get_request(path: &str) -> Request<Body> {
    call(Method::GET, path, DEFAULT_TOKEN, None)
}

/// A call to the control API (no token, no Content-Type).
pub fn control(method: Method, path: &str, body: &str) -> Request<Body> {
    Request::builder()
        .method(method)
        .uri(path)
        .body(Body::from(body.to_owned()))
        .unwrap()
}

/// `router` as served to a client at `peer` (what `serve` gives the control API).
pub fn with_peer(router: Router, peer: &str) -> Router {
    router.layer(MockConnectInfo(peer.parse::<SocketAddr>().unwrap()))
}

/// `router` as served to a loopback client, which the control API answers.
pub fn loopback(router: Router) -> Router {
    with_peer(router, "127.0.0.1:5000")
}

/// What `future` gives and how far tokio's clock moved while it ran. On a paused runtime
/// (`start_paused = true`) only timers move that clock, so this is exactly how long the fake
/// waited, and nothing waits in real time.
pub async fn timed<T>(future: impl Future<Output = T>) -> (T, Duration) {
    let started = tokio::time::Instant::now();
    let output = future.await;
    (output, started.elapsed())
}

pub fn b64(text: &str) -> String {
    use base64::Engine;
    base64::engine::general_purpose::STANDARD.encode(text)
}

/// POST's body with credentials ("secrèt").
pub fn good_body() -> Value {
    json!({
        "SMTPServerName": "smtp.example.com",
        "SMTPPort": 587,
        "senderEmail": "backup@example.com",
        "senderName": "Commvault",
        "encryptionAlgorithm": "TLS",
        "username": "mailer",
        "password": "c2VjcsOodA==", // "secrèt"
    })
}

/// The settings `seeds/demo.json` stores, as GET answers them (no password).
pub fn demo_seed_settings() -> Value {
    json!({
        "SMTPServerName": "smtp.example.com",
        "SMTPPort": 587,
        "senderEmail": "commvault-alerts@example.com",
        "senderName": "Commvault Command Center",
        "encryptionAlgorithm": "TLS",
        "useAuthentication": true,
        "username": "cc-mailer",
    })
}
