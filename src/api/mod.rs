//! The calls to Command Center, over gloo-net's `fetch`. Each function builds one request, sends
//! it and hands the status and body to the core, which decides what they mean; nothing here
//! interprets an answer on its own.

use gloo_net::http::{Request, RequestBuilder, Response};
use serde::Serialize;
use web_sys::RequestCache;

use crate::core::config::RuntimeConfig;
use crate::core::errors::ApiError;
use crate::core::login::{
    interpret_login_response, LoginError, LoginRequest, Session, LOGIN_PATH, LOGOUT_PATH,
};
use crate::core::settings::Baseline;
use crate::core::wire::{
    interpret_load_response, interpret_result_response, ApiConnection, SaveRequest,
    TestMailRequest, EMAIL_SERVER_PATH, TEST_MAIL_PATH,
};

/// `GET {base}/V4/EmailServer`: what Command Center has now.
pub async fn load_email_server(connection: &ApiConnection) -> Result<Baseline, ApiError> {
    let request = api_request(Request::get(&connection.url(EMAIL_SERVER_PATH)), connection)
        .build()
        .map_err(not_sent)?;
    let (status, body) = send(request).await?;
    interpret_load_response(status, &body)
}

/// `POST` (first configuration) or `PUT` (update) `{base}/V4/EmailServer`.
pub async fn save_email_server(
    connection: &ApiConnection,
    request: &SaveRequest,
) -> Result<(), ApiError> {
    let url = connection.url(EMAIL_SERVER_PATH);
    match request {
        SaveRequest::Configure(body) => post_json(Request::post(&url), connection, body).await,
        SaveRequest::Update(body) => post_json(Request::put(&url), connection, body).await,
    }
}

/// `POST {base}/V4/EmailServer/Action/Test`: Command Center sends a test mail with these
/// settings, to the signed-in user's own address, without saving them.
pub async fn send_test_mail(
    connection: &ApiConnection,
    request: &TestMailRequest,
) -> Result<(), ApiError> {
    let builder = Request::post(&connection.url(TEST_MAIL_PATH));
    post_json(builder, connection, request).await
}

/// `POST {base}/Login`: a user name and password for a token. Login carries no token itself.
pub async fn login(base_url: &str, request: &LoginRequest) -> Result<Session, LoginError> {
    let url = format!("{}/{LOGIN_PATH}", base_url.trim_end_matches('/'));
    let request_to_send = Request::post(&url)
        .header("Accept", "application/json")
        .json(request)
        .map_err(|e| LoginError::Api(not_sent(e)))?;
    let (status, body) = send(request_to_send).await.map_err(LoginError::Api)?;
    interpret_login_response(status, &body, &request.username)
}

/// `POST {base}/Logout`: ends a Login session. Its answer is not relied upon (the contract says
/// so); only whether the call got through is reported.
pub async fn logout(connection: &ApiConnection) -> Result<(), ApiError> {
    let request = api_request(Request::post(&connection.url(LOGOUT_PATH)), connection)
        .build()
        .map_err(not_sent)?;
    send(request).await.map(|_| ())
}

async fn post_json(
    builder: RequestBuilder,
    connection: &ApiConnection,
    body: &impl Serialize,
) -> Result<(), ApiError> {
    // `json` also sets `Content-Type: application/json`.
    let request = api_request(builder, connection)
        .json(body)
        .map_err(not_sent)?;
    let (status, body) = send(request).await?;
    interpret_result_response(status, &body)
}

/// The headers every API call carries.
fn api_request(builder: RequestBuilder, connection: &ApiConnection) -> RequestBuilder {
    builder
        .header("Accept", "application/json")
        .header("Authtoken", connection.token.expose())
}

fn not_sent(error: gloo_net::Error) -> ApiError {
    ApiError::RequestNotSent {
        detail: error.to_string(),
    }
}

async fn send(request: Request) -> Result<(u16, String), ApiError> {
    let response = request.send().await.map_err(|e| ApiError::Unreachable {
        detail: e.to_string(),
    })?;
    read(response).await
}

async fn read(response: Response) -> Result<(u16, String), ApiError> {
    let status = response.status();
    // A body that cannot be read (connection cut midway) leaves the status as the only fact.
    match response.text().await {
        Ok(body) => Ok((status, body)),
        Err(_) => Err(ApiError::UnreadableAnswer { status }),
    }
}

/// Why `config.json` could not be used; the page then runs on the defaults and says so.
pub type ConfigProblem = String;

/// Reads `config.json` beside the page. A missing file is normal and means the defaults.
pub async fn load_runtime_config() -> Result<RuntimeConfig, ConfigProblem> {
    let response = Request::get("config.json")
        .header("Accept", "application/json")
        // Operators edit this file in place; always ask the server whether it changed.
        .cache(RequestCache::NoCache)
        .send()
        .await
        .map_err(|e| format!("config.json could not be loaded ({e})."))?;
    match response.status() {
        404 => Ok(RuntimeConfig::default()),
        200 => {
            let text = response
                .text()
                .await
                .map_err(|e| format!("config.json could not be read ({e})."))?;
            RuntimeConfig::from_json(&text)
        }
        status => Err(format!("config.json could not be loaded (HTTP {status}).")),
    }
}
