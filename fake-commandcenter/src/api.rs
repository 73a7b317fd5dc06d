//! The imitated REST API: routing, token, faults, CORS and the email server handlers.

use std::convert::Infallible;
use std::io;
use std::pin::Pin;
use std::task::{Context, Poll};
use std::time::Duration;

use axum::body::{to_bytes, Body, Bytes};
use axum::extract::{Request, State};
use axum::http::{header, request::Parts, HeaderMap, HeaderValue, Method, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use base64::Engine;
use serde_json::{json, Map, Value};

use crate::contract::{self, Rejection};
use crate::fault::status_title;
use crate::{
    Endpoint, FakeCommandCenter, Fault, FaultBody, RecordedRequest, API_PREFIX,
    ERROR_CODE_BAD_REQUEST, ERROR_CODE_LOGIN_FAILED, ERROR_CODE_NO_SAVED_CREDENTIALS,
    ERROR_CODE_SMTP_CONNECT_FAILED, ERROR_CODE_UNAUTHORIZED,
};

/// Far above any real body here; only there so a runaway client cannot eat the test's memory.
const MAX_REQUEST_BODY: usize = 1 << 20;

/// Settings as `POST`/`PUT /V4/EmailServer` stored them.
///
/// Invariant: `use_authentication` is true exactly when both `username` and `password_base64`
/// are stored (POST sends both or neither; PUT never leaves only one of them).
#[derive(Clone, Debug)]
pub(crate) struct EmailSettings {
    smtp_server_name: String,
    smtp_port: i64,
    sender_email: String,
    sender_name: String,
    encryption_algorithm: String,
    use_authentication: bool,
    username: Option<String>,
    /// Kept as the client sent it, so tests can check the app's encoding.
    pub(crate) password_base64: Option<String>,
}

/// The fields a PUT must carry when nothing is configured yet (POST's required fields).
const REQUIRED_TO_CREATE: [&str; 4] = ["SMTPServerName", "SMTPPort", "senderEmail", "senderName"];

/// A stored field that is not a credential: the ones a PUT can be made to keep
/// ([`crate::FakeCommandCenter::set_put_keeps_field`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum PlainField {
    SmtpServerName,
    SmtpPort,
    SenderEmail,
    SenderName,
    EncryptionAlgorithm,
}

impl PlainField {
    const ALL: [PlainField; 5] = [
        PlainField::SmtpServerName,
        PlainField::SmtpPort,
        PlainField::SenderEmail,
        PlainField::SenderName,
        PlainField::EncryptionAlgorithm,
    ];

    /// Its name in the PUT body.
    pub(crate) fn wire_name(self) -> &'static str {
        match self {
            PlainField::SmtpServerName => "SMTPServerName",
            PlainField::SmtpPort => "SMTPPort",
            PlainField::SenderEmail => "senderEmail",
            PlainField::SenderName => "senderName",
            PlainField::EncryptionAlgorithm => "encryptionAlgorithm",
        }
    }

    /// Matched exactly, as the PUT body's keys are.
    pub(crate) fn from_wire_name(name: &str) -> Result<Self, String> {
        Self::ALL
            .into_iter()
            .find(|field| field.wire_name() == name)
            .ok_or_else(|| {
                let known: Vec<&str> = Self::ALL.iter().map(|field| field.wire_name()).collect();
                format!(
                    "a PUT can keep only one of {}, not '{name}'",
                    known.join(", ")
                )
            })
    }
}

fn text(object: &Map<String, Value>, name: &str) -> Option<String> {
    object.get(name).and_then(Value::as_str).map(str::to_owned)
}

impl EmailSettings {
    /// `object` has passed the POST contract, so every field has its type; the defaults below
    /// are never used for a required field.
    pub(crate) fn from_checked(object: &Map<String, Value>) -> Self {
        let mut settings = Self {
            smtp_server_name: String::new(),
            smtp_port: 0,
            sender_email: String::new(),
            sender_name: String::new(),
            encryption_algorithm: "NONE".to_owned(),
            use_authentication: false,
            username: None,
            password_base64: None,
        };
        settings.update_plain_fields(object);
        settings.username = text(object, "username");
        settings.password_base64 = text(object, "password");
        settings.use_authentication = settings.username.is_some();
        settings
    }

    /// Puts `field` back to its value in `before`.
    fn keep_field(&mut self, before: &EmailSettings, field: PlainField) {
        match field {
            PlainField::SmtpServerName => {
                self.smtp_server_name.clone_from(&before.smtp_server_name)
            }
            PlainField::SmtpPort => self.smtp_port = before.smtp_port,
            PlainField::SenderEmail => self.sender_email.clone_from(&before.sender_email),
            PlainField::SenderName => self.sender_name.clone_from(&before.sender_name),
            PlainField::EncryptionAlgorithm => self
                .encryption_algorithm
                .clone_from(&before.encryption_algorithm),
        }
    }

    /// Overwrites every non-credential field that `object` (already checked) carries.
    fn update_plain_fields(&mut self, object: &Map<String, Value>) {
        if let Some(value) = text(object, "SMTPServerName") {
            self.smtp_server_name = value;
        }
        if let Some(value) = object.get("SMTPPort").and_then(Value::as_i64) {
            self.smtp_port = value;
        }
        if let Some(value) = text(object, "senderEmail") {
            self.sender_email = value;
        }
        if let Some(value) = text(object, "senderName") {
            self.sender_name = value;
        }
        if let Some(value) = text(object, "encryptionAlgorithm") {
            self.encryption_algorithm = value;
        }
    }
}

/// The body of `GET /V4/EmailServer`: never the password.
pub(crate) fn settings_json(settings: Option<&EmailSettings>) -> Value {
    let Some(settings) = settings else {
        return json!({});
    };
    let mut answer = json!({
        "SMTPServerName": settings.smtp_server_name,
        "SMTPPort": settings.smtp_port,
        "senderEmail": settings.sender_email,
        "senderName": settings.sender_name,
        "encryptionAlgorithm": settings.encryption_algorithm,
        "useAuthentication": settings.use_authentication,
    });
    if let (true, Some(username), Some(object)) = (
        settings.use_authentication,
        &settings.username,
        answer.as_object_mut(),
    ) {
        object.insert("username".to_owned(), json!(username));
    }
    answer
}

/// What a PUT body (already through [`contract::PUT_EMAIL_SERVER`]) makes of the stored
/// settings; `Err` is a 400. See the crate doc for the rules.
pub(crate) fn apply_put(
    current: Option<&EmailSettings>,
    object: &Map<String, Value>,
) -> Result<EmailSettings, Rejection> {
    let mut next = match current {
        Some(current) => current.clone(),
        None => {
            if REQUIRED_TO_CREATE
                .iter()
                .any(|name| !object.contains_key(*name))
            {
                return Err(Rejection(
                    "nothing to update: configure the email server with POST first".to_owned(),
                ));
            }
            EmailSettings::from_checked(&Map::new())
        }
    };
    next.update_plain_fields(object);
    let username = text(object, "username");
    let password = text(object, "password");
    match object.get("useAuthentication").and_then(Value::as_bool) {
        Some(false) => {
            if let Some(name) = ["username", "password"]
                .into_iter()
                .find(|name| object.contains_key(*name))
            {
                return Err(Rejection(format!(
                    "field '{name}' contradicts 'useAuthentication': false (leave it out, or send 'useAuthentication': true)"
                )));
            }
            next.use_authentication = false;
            next.username = None;
            next.password_base64 = None;
        }
        Some(true) => {
            let Some(username) = username else {
                return Err(Rejection(
                    "field 'username' is required when 'useAuthentication' is true".to_owned(),
                ));
            };
            let Some(password) = password.or_else(|| next.password_base64.clone()) else {
                return Err(Rejection(
                    "field 'password' is required: no password is saved yet".to_owned(),
                ));
            };
            next.use_authentication = true;
            next.username = Some(username);
            next.password_base64 = Some(password);
        }
        None => match (username, password) {
            (None, None) => {}
            (Some(username), password) => {
                let Some(password) = password.or_else(|| next.password_base64.clone()) else {
                    return Err(Rejection(
                        "field 'password' is required when 'username' is sent: no password is saved yet"
                            .to_owned(),
                    ));
                };
                next.use_authentication = true;
                next.username = Some(username);
                next.password_base64 = Some(password);
            }
            (None, Some(password)) => {
                if next.username.is_none() {
                    return Err(Rejection(
                        "field 'username' is required when 'password' is sent: no username is saved yet"
                            .to_owned(),
                    ));
                }
                next.password_base64 = Some(password);
            }
        },
    }
    Ok(next)
}

enum Answer {
    /// Sent with the CORS header.
    Respond(Response),
    /// Sent without any `Access-Control-Allow-*` header (`Fault::NoCors`).
    RespondWithoutCors(Response),
    /// Close the connection without a response.
    Drop,
}

/// Every request outside the control API lands here: record it, answer it, record the status.
pub(crate) async fn handle(State(fake): State<FakeCommandCenter>, request: Request) -> Response {
    let (parts, body) = request.into_parts();
    let body = match to_bytes(body, MAX_REQUEST_BODY).await {
        Ok(body) => body,
        Err(_) => {
            let id = fake.record_arrival(RecordedRequest::from_parts(&parts, &[]));
            let response = with_cors(error_response(
                StatusCode::PAYLOAD_TOO_LARGE,
                413,
                "request body larger than 1 MiB or unreadable",
            ));
            fake.record_status(id, response.status().as_u16());
            return response;
        }
    };
    let id = fake.record_arrival(RecordedRequest::from_parts(&parts, &body));
    match answer(&fake, &parts, &body).await {
        Answer::Respond(response) => {
            let response = with_cors(response);
            fake.record_status(id, response.status().as_u16());
            response
        }
        Answer::RespondWithoutCors(mut response) => {
            let headers = response.headers_mut();
            let cors: Vec<_> = headers
                .keys()
                .filter(|name| name.as_str().starts_with("access-control-"))
                .cloned()
                .collect();
            for name in cors {
                headers.remove(name);
            }
            fake.record_status(id, response.status().as_u16());
            response
        }
        // The record keeps status 0, which means "dropped".
        Answer::Drop => Response::new(Body::new(AbortBody)),
    }
}

async fn answer(fake: &FakeCommandCenter, parts: &Parts, body: &Bytes) -> Answer {
    // Preflights carry no token (browsers never send custom headers on them), so they are
    // answered before routing and authentication.
    if parts.method == Method::OPTIONS {
        return Answer::Respond(preflight());
    }
    let endpoint = match route(&parts.method, parts.uri.path()) {
        Ok(endpoint) => endpoint,
        Err(on_path) => {
            return Answer::Respond(unrouted(&parts.method, parts.uri.path(), &on_path))
        }
    };
    let mut server_error = None;
    let mut no_cors = None;
    // Only `Delayed` puts another fault back in here.
    let mut fault = fake.take_fault(endpoint);
    while let Some(current) = fault.take() {
        match current {
            Fault::Delay { ms } => tokio::time::sleep(Duration::from_millis(ms)).await,
            Fault::Delayed { ms, then } => {
                tokio::time::sleep(Duration::from_millis(ms)).await;
                fault = Some(*then);
            }
            Fault::Status { status, body } => {
                return Answer::Respond(fault_status_response(status, &body))
            }
            Fault::MalformedJson => return Answer::Respond(malformed_json(fake, endpoint)),
            Fault::DropConnection => return Answer::Drop,
            Fault::LargeBody { bytes, status } => {
                return Answer::Respond(large_body_response(bytes, status))
            }
            Fault::ErrorCode { code, message } => server_error = Some((code, message)),
            Fault::NoCors { status } => {
                let status = fault_status(status);
                if !status.is_success() {
                    return Answer::RespondWithoutCors(fault_status_response(
                        status.as_u16(),
                        &FaultBody::command_center_error(status.as_u16()),
                    ));
                }
                no_cors = Some(status);
            }
        }
    }
    let response = respond(fake, endpoint, parts, body, server_error);
    match no_cors {
        None => Answer::Respond(response),
        Some(status) => {
            let mut response = response;
            if response.status().is_success() {
                *response.status_mut() = status;
            }
            Answer::RespondWithoutCors(response)
        }
    }
}

/// The endpoint's own answer: token (except for Login), then body and state.
fn respond(
    fake: &FakeCommandCenter,
    endpoint: Endpoint,
    parts: &Parts,
    body: &Bytes,
    server_error: Option<(i64, String)>,
) -> Response {
    if endpoint == Endpoint::Login {
        return login(fake, &parts.headers, body, server_error);
    }
    if let Err(message) = check_token(fake, &parts.headers) {
        return error_response(StatusCode::UNAUTHORIZED, ERROR_CODE_UNAUTHORIZED, message);
    }
    match endpoint {
        Endpoint::GetEmailServer => get_email_server(fake, server_error),
        Endpoint::PostEmailServer => post_email_server(fake, &parts.headers, body, server_error),
        Endpoint::PutEmailServer => put_email_server(fake, &parts.headers, body, server_error),
        Endpoint::TestEmailServer => test_email_server(fake, &parts.headers, body, server_error),
        Endpoint::Logout => logout(fake, &parts.headers, server_error),
        // Answered above, without a token.
        Endpoint::Login => login(fake, &parts.headers, body, server_error),
    }
}

/// The endpoint for this method and path, or else the endpoints on that path (none: unknown
/// path).
fn route(method: &Method, path: &str) -> Result<Endpoint, Vec<Endpoint>> {
    let on_path: Vec<Endpoint> = Endpoint::ALL
        .into_iter()
        .filter(|endpoint| path.eq_ignore_ascii_case(&format!("{API_PREFIX}{}", endpoint.path())))
        .collect();
    match on_path.iter().find(|endpoint| endpoint.method() == method) {
        Some(endpoint) => Ok(*endpoint),
        None => Err(on_path),
    }
}

/// 404 for an unknown path, 405 for a known path with another method.
fn unrouted(method: &Method, path: &str, on_path: &[Endpoint]) -> Response {
    if on_path.is_empty() {
        return error_response(StatusCode::NOT_FOUND, 404, &format!("no API at '{path}'"));
    }
    let allowed: Vec<String> = on_path
        .iter()
        .map(|endpoint| endpoint.method().to_string())
        .collect();
    let allowed = allowed.join(", ");
    let mut response = error_response(
        StatusCode::METHOD_NOT_ALLOWED,
        405,
        &format!("method {method} not allowed on '{path}' (allowed: {allowed})"),
    );
    if let Ok(value) = HeaderValue::from_str(&allowed) {
        response.headers_mut().insert(header::ALLOW, value);
    }
    response
}

/// `Err` says what is wrong with the token. A live Login token's last use becomes now.
fn check_token(fake: &FakeCommandCenter, headers: &HeaderMap) -> Result<(), &'static str> {
    let mut values = headers.get_all("authtoken").iter();
    match (values.next(), values.next()) {
        (Some(value), None) if fake.authenticate(value.as_bytes()) => Ok(()),
        (None, _) => Err("missing header 'Authtoken'"),
        (Some(_), Some(_)) => Err("header 'Authtoken' sent more than once"),
        // The token itself stays out of the message: it would end up in logs and screenshots.
        (Some(_), None) => Err("invalid or expired token in header 'Authtoken'"),
    }
}

/// `POST /Login`: body per [`contract::LOGIN`]; the configured user and password get a new
/// token, anything else 401 with an `errList`. `domain` is checked for its type and otherwise
/// ignored.
fn login(
    fake: &FakeCommandCenter,
    headers: &HeaderMap,
    body: &[u8],
    server_error: Option<(i64, String)>,
) -> Response {
    let object = match contract::LOGIN.check(headers, body) {
        Ok(object) => object,
        Err(Rejection(message)) => return bad_request(&message),
    };
    let config = fake.config();
    let username = text(&object, "username").unwrap_or_default();
    // The contract check decoded it already; it is valid base64 of UTF-8.
    let password = text(&object, "password")
        .and_then(|password| {
            base64::engine::general_purpose::STANDARD
                .decode(password)
                .ok()
        })
        .and_then(|bytes| String::from_utf8(bytes).ok());
    if username != config.login_user || password.as_deref() != Some(&config.login_password) {
        return login_failure(
            StatusCode::UNAUTHORIZED,
            ERROR_CODE_LOGIN_FAILED,
            "Invalid username or password",
        );
    }
    if let Some((code, message)) = server_error {
        return login_failure(StatusCode::OK, code, &message);
    }
    let token = fake.start_session();
    Json(login_success(&token, &username, fake.user_email())).into_response()
}

fn login_success(token: &str, username: &str, email: &str) -> Value {
    json!({
        "token": token,
        "userName": username,
        "smtpAddress": email,
        "loginAttempts": 0,
        "remainingLockTime": 0,
    })
}

/// `{"errList": [{"errLogMessage": message, "errorCode": code}]}`, no token.
fn login_failure(status: StatusCode, code: i64, message: &str) -> Response {
    (
        status,
        Json(json!({"errList": [{"errLogMessage": message, "errorCode": code}]})),
    )
        .into_response()
}

/// `POST /Logout` (token already checked): ends that Login session; the static token stays
/// valid. 200 `{}`.
fn logout(
    fake: &FakeCommandCenter,
    headers: &HeaderMap,
    server_error: Option<(i64, String)>,
) -> Response {
    if let Some((code, message)) = server_error {
        return error_response(StatusCode::OK, code, &message);
    }
    if let Some(token) = headers.get("authtoken") {
        fake.end_session(token.as_bytes());
    }
    Json(json!({})).into_response()
}

fn get_email_server(fake: &FakeCommandCenter, server_error: Option<(i64, String)>) -> Response {
    if let Some((code, message)) = server_error {
        return error_response(StatusCode::OK, code, &message);
    }
    Json(fake.stored_settings()).into_response()
}

fn post_email_server(
    fake: &FakeCommandCenter,
    headers: &HeaderMap,
    body: &[u8],
    server_error: Option<(i64, String)>,
) -> Response {
    let object = match contract::POST_EMAIL_SERVER.check(headers, body) {
        Ok(object) => object,
        Err(Rejection(message)) => return bad_request(&message),
    };
    if let Some((code, message)) = server_error {
        return error_response(StatusCode::OK, code, &message);
    }
    fake.store_settings(EmailSettings::from_checked(&object));
    error_response(StatusCode::OK, 0, "")
}

fn put_email_server(
    fake: &FakeCommandCenter,
    headers: &HeaderMap,
    body: &[u8],
    server_error: Option<(i64, String)>,
) -> Response {
    let object = match contract::PUT_EMAIL_SERVER.check(headers, body) {
        Ok(object) => object,
        Err(Rejection(message)) => return bad_request(&message),
    };
    // Read, merge and store under one lock, so that concurrent PUTs cannot lose an update.
    let mut state = fake.lock();
    let mut next = match apply_put(state.settings.as_ref(), &object) {
        Ok(next) => next,
        Err(Rejection(message)) => return bad_request(&message),
    };
    if let Some((code, message)) = server_error {
        return error_response(StatusCode::OK, code, &message);
    }
    // After every check, so that the PUT is refused or accepted exactly as it would be without
    // the mode; a field not sent is put back to the value it has anyway.
    if let (Some(field), Some(before)) = (state.put_keeps_field, state.settings.as_ref()) {
        next.keep_field(before, field);
    }
    state.settings = Some(next);
    error_response(StatusCode::OK, 0, "")
}

/// `put_email_server`'s checks and merge on a body from another administrator, who needs no
/// token. Faults and the keep-field mode are left out: they shape what the page's own
/// requests meet, and a test must be able to set the colleague's change up exactly.
pub(crate) fn change_settings_as_colleague(
    fake: &FakeCommandCenter,
    body: Value,
) -> Result<(), Rejection> {
    let object = contract::PUT_EMAIL_SERVER.check_value(body)?;
    let mut state = fake.lock();
    let next = apply_put(state.settings.as_ref(), &object)?;
    state.settings = Some(next);
    Ok(())
}

/// Tests the settings in the body (with the saved credentials when the body leaves both out
/// and authentication is wanted); stores nothing but the record of the "sent" mail.
fn test_email_server(
    fake: &FakeCommandCenter,
    headers: &HeaderMap,
    body: &[u8],
    server_error: Option<(i64, String)>,
) -> Response {
    let object = match contract::TEST_EMAIL_SERVER.check(headers, body) {
        Ok(object) => object,
        Err(Rejection(message)) => return bad_request(&message),
    };
    let use_authentication = object.get("useAuthentication").and_then(Value::as_bool);
    // The contract table already made username and password come together.
    let credentials_sent = object.contains_key("username");
    if use_authentication == Some(false) && credentials_sent {
        return bad_request(
            "field 'username' contradicts 'useAuthentication': false (leave out 'username' and 'password', or send 'useAuthentication': true)",
        );
    }
    if let Some((code, message)) = server_error {
        return error_response(StatusCode::OK, code, &message);
    }
    let mut state = fake.lock();
    let mut tested = EmailSettings::from_checked(&object);
    let mut used_saved_credentials = false;
    if !credentials_sent {
        let saved = state.settings.as_ref();
        let wants_authentication = use_authentication
            .unwrap_or_else(|| saved.is_some_and(|saved| saved.use_authentication));
        if wants_authentication {
            let credentials = saved
                .filter(|saved| saved.use_authentication)
                .and_then(|saved| Some((saved.username.clone()?, saved.password_base64.clone()?)));
            let Some((username, password)) = credentials else {
                return error_response(
                    StatusCode::OK,
                    ERROR_CODE_NO_SAVED_CREDENTIALS,
                    "No saved credentials to test with: send 'username' and 'password', or save them first",
                );
            };
            tested.use_authentication = true;
            tested.username = Some(username);
            tested.password_base64 = Some(password);
            used_saved_credentials = true;
        }
    }
    if !state.mail_server_reachable {
        return error_response(
            StatusCode::OK,
            ERROR_CODE_SMTP_CONNECT_FAILED,
            &format!(
                "Failed to connect to SMTP server {}:{}: Connection timed out",
                tested.smtp_server_name, tested.smtp_port
            ),
        );
    }
    let mut settings = settings_json(Some(&tested));
    if let Some(settings) = settings.as_object_mut() {
        if let Some(password) = &tested.password_base64 {
            settings.insert("passwordBase64".to_owned(), json!(password));
        }
        settings.insert(
            "usedSavedCredentials".to_owned(),
            json!(used_saved_credentials),
        );
    }
    state.sent_test_mails.push(json!({
        "to": fake.user_email(),
        "settings": settings,
    }));
    error_response(StatusCode::OK, 0, "")
}

fn bad_request(message: &str) -> Response {
    error_response(StatusCode::BAD_REQUEST, ERROR_CODE_BAD_REQUEST, message)
}

/// `{"errorMessage": ..., "errorCode": ...}`, the shape of every documented answer but GET's.
fn error_response(status: StatusCode, code: i64, message: &str) -> Response {
    (
        status,
        Json(json!({"errorMessage": message, "errorCode": code})),
    )
        .into_response()
}

fn preflight() -> Response {
    let mut response = StatusCode::NO_CONTENT.into_response();
    let headers = response.headers_mut();
    headers.insert(
        header::ACCESS_CONTROL_ALLOW_ORIGIN,
        HeaderValue::from_static("*"),
    );
    headers.insert(
        header::ACCESS_CONTROL_ALLOW_METHODS,
        HeaderValue::from_static("GET, POST, PUT, OPTIONS"),
    );
    headers.insert(
        header::ACCESS_CONTROL_ALLOW_HEADERS,
        HeaderValue::from_static("Authtoken, Content-Type, Accept"),
    );
    // No caching, so that every cross-origin call shows its preflight in the record and a
    // CORS fault set later is not hidden behind a cached preflight.
    headers.insert(
        header::ACCESS_CONTROL_MAX_AGE,
        HeaderValue::from_static("0"),
    );
    response
}

fn with_cors(mut response: Response) -> Response {
    response
        .headers_mut()
        .entry(header::ACCESS_CONTROL_ALLOW_ORIGIN)
        .or_insert(HeaderValue::from_static("*"));
    response
}

/// A fault's status; outside 100..=999, 500.
fn fault_status(status: u16) -> StatusCode {
    StatusCode::from_u16(status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR)
}

fn fault_status_response(status: u16, body: &FaultBody) -> Response {
    let status = fault_status(status);
    match body {
        FaultBody::Json(text) => (
            status,
            [(header::CONTENT_TYPE, "application/json")],
            text.clone(),
        )
            .into_response(),
        FaultBody::Html => {
            let title = status_title(status.as_u16());
            // What nginx in front of Command Center would send.
            let page = format!(
                "<html>\r\n<head><title>{title}</title></head>\r\n<body>\r\n<center><h1>{title}</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n"
            );
            (
                status,
                [(header::CONTENT_TYPE, "text/html; charset=utf-8")],
                page,
            )
                .into_response()
        }
        FaultBody::Empty => status.into_response(),
    }
}

/// 200 whose body is the first half of the normal answer, cut mid-JSON.
fn malformed_json(fake: &FakeCommandCenter, endpoint: Endpoint) -> Response {
    let normal = match endpoint {
        Endpoint::GetEmailServer => fake.stored_settings(),
        Endpoint::PostEmailServer | Endpoint::PutEmailServer | Endpoint::TestEmailServer => {
            json!({"errorMessage": "", "errorCode": 0})
        }
        // No session is created: the token in it is not a real one.
        Endpoint::Login => login_success(
            &format!("QSDK {}", "0".repeat(64)),
            &fake.config().login_user,
            fake.user_email(),
        ),
        Endpoint::Logout => json!({}),
    }
    .to_string();
    let half = normal.len().div_ceil(2);
    let cut = normal
        .char_indices()
        .map(|(index, _)| index)
        .find(|index| *index >= half)
        .unwrap_or(normal.len());
    (
        StatusCode::OK,
        [(header::CONTENT_TYPE, "application/json")],
        normal[..cut].to_owned(),
    )
        .into_response()
}

/// `status` with an HTML body of exactly `bytes` bytes, streamed (see [`LargeHtml`]).
fn large_body_response(bytes: usize, status: u16) -> Response {
    let status = fault_status(status);
    let title = status_title(status.as_u16());
    let head = format!(
        "<!DOCTYPE html>\n<html><head><title>{title}</title></head><body>\n<h1>{title}</h1>\n"
    );
    let mut response = Response::new(Body::new(LargeHtml {
        head: head.into_bytes(),
        sent: 0,
        total: bytes,
    }));
    *response.status_mut() = status;
    response.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/html; charset=utf-8"),
    );
    response
}

/// The body of `Fault::LargeBody`: `head`, then [`LARGE_BODY_FILLER`] over and over, cut at
/// exactly `total` bytes, produced [`LARGE_BODY_CHUNK`] bytes at a time as hyper asks for
/// them. Its exact size hint makes hyper send `Content-Length`.
struct LargeHtml {
    head: Vec<u8>,
    sent: usize,
    total: usize,
}

const LARGE_BODY_FILLER: &[u8] =
    b"<p>This page stands in for an oversized answer: a proxy error page, a login portal, a log.</p>\n";
const LARGE_BODY_CHUNK: usize = 64 * 1024;

impl http_body::Body for LargeHtml {
    type Data = Bytes;
    type Error = Infallible;

    fn poll_frame(
        self: Pin<&mut Self>,
        _cx: &mut Context<'_>,
    ) -> Poll<Option<Result<http_body::Frame<Self::Data>, Self::Error>>> {
        let this = self.get_mut();
        let len = LARGE_BODY_CHUNK.min(this.total - this.sent);
        if len == 0 {
            return Poll::Ready(None);
        }
        let mut chunk = Vec::with_capacity(len);
        while chunk.len() < len {
            let at = this.sent + chunk.len();
            let (source, offset) = match at.checked_sub(this.head.len()) {
                None => (this.head.as_slice(), at),
                Some(past_head) => (LARGE_BODY_FILLER, past_head % LARGE_BODY_FILLER.len()),
            };
            let take = (source.len() - offset).min(len - chunk.len());
            chunk.extend_from_slice(&source[offset..offset + take]);
        }
        this.sent += len;
        Poll::Ready(Some(Ok(http_body::Frame::data(Bytes::from(chunk)))))
    }

    fn is_end_stream(&self) -> bool {
        self.sent >= self.total
    }

    fn size_hint(&self) -> http_body::SizeHint {
        http_body::SizeHint::with_exact((self.total - self.sent) as u64)
    }
}

/// A response body that fails before yielding a byte. Hyper then aborts the connection
/// without flushing the status line it had only buffered, so the client sees the connection
/// close with no response at all (a browser's `fetch` rejects with a network error).
struct AbortBody;

impl http_body::Body for AbortBody {
    type Data = Bytes;
    type Error = io::Error;

    fn poll_frame(
        self: Pin<&mut Self>,
        _cx: &mut Context<'_>,
    ) -> Poll<Option<Result<http_body::Frame<Self::Data>, Self::Error>>> {
        Poll::Ready(Some(Err(io::Error::new(
            io::ErrorKind::ConnectionAborted,
            "fault injected: drop the connection",
        ))))
    }
}
