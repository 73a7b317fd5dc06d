//! `/__fake/...`: drives the fake from another process (xtask, a browser test runner).
//! Loopback peers only, because it can read what clients sent (passwords included) and
//! break the server at will.

use std::net::SocketAddr;
use std::time::Duration;

use axum::body::Bytes;
use axum::extract::rejection::ExtensionRejection;
use axum::extract::{ConnectInfo, Path, Request, State};
use axum::http::StatusCode;
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::{Json, Router};
use serde_json::{json, Value};

use crate::contract::{self, Rejection};
use crate::{Endpoint, FakeCommandCenter, Fault, ERROR_CODE_BAD_REQUEST};

pub(crate) fn router(fake: FakeCommandCenter) -> Router {
    Router::new()
        .route("/requests", get(get_requests).delete(delete_requests))
        .route(
            "/faults/{endpoint}",
            axum::routing::put(put_fault).delete(delete_fault),
        )
        .route("/settings", get(get_settings).put(put_settings))
        .route(
            "/put-keeps-field",
            get(get_put_keeps_field).put(put_put_keeps_field),
        )
        .route("/mail-server", get(get_mail_server).put(put_mail_server))
        .route("/test-mails", get(get_test_mails).delete(delete_test_mails))
        .route("/sessions", get(get_sessions))
        .route("/sessions/expire", axum::routing::post(expire_sessions))
        .route(
            "/token-lifetime",
            get(get_token_lifetime).put(put_token_lifetime),
        )
        .fallback(|| async { control_error(StatusCode::NOT_FOUND, "no such control API") })
        .layer(middleware::from_fn(loopback_only))
        .with_state(fake)
}

/// Without `ConnectInfo` (router not served through `crate::serve`) the peer is unknown and
/// treated as remote.
/// The extractor (rather than a look in the extensions) also honours axum's `MockConnectInfo`
/// for tests.
async fn loopback_only(
    peer: Result<ConnectInfo<SocketAddr>, ExtensionRejection>,
    request: Request,
    next: Next,
) -> Response {
    let is_loopback = peer.is_ok_and(|ConnectInfo(peer)| peer.ip().to_canonical().is_loopback());
    if !is_loopback {
        return control_error(
            StatusCode::FORBIDDEN,
            "the control API is only answered to loopback peers",
        );
    }
    next.run(request).await
}

async fn get_requests(State(fake): State<FakeCommandCenter>) -> Json<Value> {
    Json(Value::Array(
        fake.requests()
            .iter()
            .map(|request| request.to_json())
            .collect(),
    ))
}

async fn delete_requests(State(fake): State<FakeCommandCenter>) -> StatusCode {
    fake.clear_requests();
    StatusCode::NO_CONTENT
}

async fn put_fault(
    State(fake): State<FakeCommandCenter>,
    Path(name): Path<String>,
    body: Bytes,
) -> Response {
    let endpoint = match name.parse::<Endpoint>() {
        Ok(endpoint) => endpoint,
        Err(message) => return control_error(StatusCode::NOT_FOUND, &message),
    };
    let fault = serde_json::from_slice::<Value>(&body)
        .map_err(|error| format!("fault is not valid JSON: {error}"))
        .and_then(|value| Fault::from_control_body(&value));
    match fault {
        Ok((fault, None)) => {
            fake.set_fault(endpoint, Some(fault));
            StatusCode::NO_CONTENT.into_response()
        }
        Ok((fault, Some(times))) => {
            fake.set_fault_times(endpoint, fault, times.get());
            StatusCode::NO_CONTENT.into_response()
        }
        Err(message) => control_error(StatusCode::BAD_REQUEST, &message),
    }
}

async fn delete_fault(State(fake): State<FakeCommandCenter>, Path(name): Path<String>) -> Response {
    match name.parse::<Endpoint>() {
        Ok(endpoint) => {
            fake.set_fault(endpoint, None);
            StatusCode::NO_CONTENT.into_response()
        }
        Err(message) => control_error(StatusCode::NOT_FOUND, &message),
    }
}

async fn get_settings(State(fake): State<FakeCommandCenter>) -> Json<Value> {
    Json(json!({
        "settings": fake.stored_settings(),
        "passwordBase64": fake.stored_password_base64(),
    }))
}

/// Another administrator's change: a `PUT /V4/EmailServer` body, refused with the very 400
/// body that PUT would get (rather than the control API's `{"error"}`), so that a test can
/// compare the two. No `Content-Type` needed, as everywhere in the control API.
async fn put_settings(State(fake): State<FakeCommandCenter>, body: Bytes) -> Response {
    let changed = contract::parse_json(&body)
        .map_err(|Rejection(message)| message)
        .and_then(|value| fake.change_settings_as_colleague(value));
    match changed {
        Ok(()) => StatusCode::NO_CONTENT.into_response(),
        Err(message) => (
            StatusCode::BAD_REQUEST,
            Json(json!({"errorMessage": message, "errorCode": ERROR_CODE_BAD_REQUEST})),
        )
            .into_response(),
    }
}

async fn get_put_keeps_field(State(fake): State<FakeCommandCenter>) -> Json<Value> {
    Json(json!({"field": fake.put_keeps_field()}))
}

/// `{"field": "<PUT body name>"}` or `{"field": null}`, nothing else.
async fn put_put_keeps_field(State(fake): State<FakeCommandCenter>, body: Bytes) -> Response {
    let value = serde_json::from_slice::<Value>(&body).ok();
    let field = value
        .as_ref()
        .and_then(Value::as_object)
        .filter(|object| object.len() == 1)
        .and_then(|object| object.get("field"));
    let field = match field {
        Some(Value::String(name)) => Some(name.as_str()),
        Some(Value::Null) => None,
        _ => {
            return control_error(
                StatusCode::BAD_REQUEST,
                r#"keep-field mode must be {"field": "<PUT body field>"} or {"field": null}"#,
            )
        }
    };
    match fake.set_put_keeps_field(field) {
        Ok(()) => StatusCode::NO_CONTENT.into_response(),
        Err(message) => control_error(StatusCode::BAD_REQUEST, &message),
    }
}

async fn get_mail_server(State(fake): State<FakeCommandCenter>) -> Json<Value> {
    Json(json!({"reachable": fake.mail_server_reachable()}))
}

/// `{"reachable": bool}`, nothing else.
async fn put_mail_server(State(fake): State<FakeCommandCenter>, body: Bytes) -> Response {
    let value = match serde_json::from_slice::<Value>(&body) {
        Ok(value) => value,
        Err(error) => {
            return control_error(
                StatusCode::BAD_REQUEST,
                &format!("mail server switch is not valid JSON: {error}"),
            )
        }
    };
    let reachable = value
        .as_object()
        .filter(|object| object.len() == 1)
        .and_then(|object| object.get("reachable"))
        .and_then(Value::as_bool);
    match reachable {
        Some(reachable) => {
            fake.set_mail_server_reachable(reachable);
            StatusCode::NO_CONTENT.into_response()
        }
        None => control_error(
            StatusCode::BAD_REQUEST,
            r#"mail server switch must be {"reachable": true|false}"#,
        ),
    }
}

async fn get_test_mails(State(fake): State<FakeCommandCenter>) -> Json<Value> {
    Json(Value::Array(fake.sent_test_mails()))
}

async fn delete_test_mails(State(fake): State<FakeCommandCenter>) -> StatusCode {
    fake.clear_sent_test_mails();
    StatusCode::NO_CONTENT
}

async fn get_sessions(State(fake): State<FakeCommandCenter>) -> Json<Value> {
    Json(json!({"active": fake.active_sessions()}))
}

async fn expire_sessions(State(fake): State<FakeCommandCenter>) -> StatusCode {
    fake.expire_all_sessions();
    StatusCode::NO_CONTENT
}

async fn get_token_lifetime(State(fake): State<FakeCommandCenter>) -> Json<Value> {
    Json(json!({"seconds": fake.token_lifetime().as_secs_f64()}))
}

/// `{"seconds": N}`, nothing else; N a non-negative number (fractions allowed, for tests).
async fn put_token_lifetime(State(fake): State<FakeCommandCenter>, body: Bytes) -> Response {
    let lifetime = serde_json::from_slice::<Value>(&body)
        .ok()
        .as_ref()
        .and_then(Value::as_object)
        .filter(|object| object.len() == 1)
        .and_then(|object| object.get("seconds"))
        .and_then(Value::as_f64)
        .and_then(|seconds| Duration::try_from_secs_f64(seconds).ok());
    match lifetime {
        Some(lifetime) => {
            fake.set_token_lifetime(lifetime);
            StatusCode::NO_CONTENT.into_response()
        }
        None => control_error(
            StatusCode::BAD_REQUEST,
            r#"token lifetime must be {"seconds": N}, N a non-negative number"#,
        ),
    }
}

fn control_error(status: StatusCode, message: &str) -> Response {
    (status, Json(json!({"error": message}))).into_response()
}
