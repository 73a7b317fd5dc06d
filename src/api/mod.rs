//! The calls to Command Center, over gloo-net's `fetch`. Each function builds one request, sends
//! it and hands the status and body to the core, which decides what they mean; nothing here
//! interprets an answer on its own.

use gloo_net::http::{Request, RequestBuilder, Response};
use web_sys::RequestCache;

use crate::core::config::RuntimeConfig;
use crate::core::errors::ApiError;
use crate::core::wire::{
    interpret_save_response, ApiConnection, EmailServerRequest, EMAIL_SERVER_PATH,
};

/// `POST {base}/V4/EmailServer`: configure the mail server.
pub async fn configure_email_server(
    connection: &ApiConnection,
    request: &EmailServerRequest,
) -> Result<(), ApiError> {
    let builder = with_api_headers(
        Request::post(&connection.url(EMAIL_SERVER_PATH)),
        connection,
    );
    // `json` sets `Content-Type: application/json`.
    let request = builder
        .json(request)
        .map_err(|e| ApiError::RequestNotSent {
            detail: e.to_string(),
        })?;
    let response = request.send().await.map_err(|e| ApiError::Unreachable {
        detail: e.to_string(),
    })?;
    let (status, body) = read(response).await?;
    interpret_save_response(status, &body)
}

fn with_api_headers(builder: RequestBuilder, connection: &ApiConnection) -> RequestBuilder {
    builder
        .header("Accept", "application/json")
        .header("Authtoken", connection.token.expose())
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
        .map_err(|e| format!("config.json could not be loaded ({e})"))?;
    match response.status() {
        404 => Ok(RuntimeConfig::default()),
        200 => {
            let text = response
                .text()
                .await
                .map_err(|e| format!("config.json could not be read ({e})"))?;
            RuntimeConfig::from_json(&text)
        }
        status => Err(format!("config.json could not be loaded (HTTP {status})")),
    }
}
