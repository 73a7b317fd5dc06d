//! The calls to Command Center, over gloo-net's `fetch`. Each function builds one request, sends
//! it and hands the status and body to the core, which decides what they mean; nothing here
//! interprets an answer on its own. What happens *around* a call lives here too: the timeout,
//! cancelling, and finding out why a call failed when the browser only says "Failed to fetch".

mod csp;

use gloo_net::http::{Request, RequestBuilder, Response};
use gloo_timers::callback::Timeout;
use leptos::prelude::window;
use serde::Serialize;
use std::cell::Cell;
use std::rc::Rc;
use web_sys::{AbortController, RequestMode};

use crate::core::address::{is_mixed_content, is_same_origin};
use crate::core::config::{interpret_config_response, ConfigProblem, RuntimeConfig, CONFIG_URL};
use crate::core::errors::ApiError;
use crate::core::language::CatalogProblem;
use crate::core::login::{interpret_login_response, LoginError, Session, LOGIN_PATH, LOGOUT_PATH};
use crate::core::settings::Baseline;
use crate::core::wire::{
    interpret_load_response, interpret_result_response, ApiConnection, Credentials, SaveRequest,
    TestMailRequest, EMAIL_SERVER_PATH, MAX_BODY_BYTES, TEST_MAIL_PATH,
};
pub use csp::{resolved, watch_violations};

/// One call's lifetime: a timeout, and a handle with which the administrator can cancel it.
#[derive(Clone)]
pub struct CallControl {
    controller: Option<AbortController>,
    timeout_seconds: u32,
    timed_out: Rc<Cell<bool>>,
}

impl CallControl {
    pub fn new(timeout_seconds: u32) -> Self {
        Self {
            // Only fails in browsers without AbortController; the call then simply cannot be
            // cancelled or timed out, and still works.
            controller: AbortController::new().ok(),
            timeout_seconds,
            timed_out: Rc::new(Cell::new(false)),
        }
    }

    pub fn cancel(&self) {
        if let Some(controller) = &self.controller {
            controller.abort();
        }
    }

    fn attach(&self, builder: RequestBuilder) -> RequestBuilder {
        builder.abort_signal(
            self.controller
                .as_ref()
                .map(AbortController::signal)
                .as_ref(),
        )
    }

    /// What an aborted call means: the timer fired, or someone pressed Cancel.
    fn abort_reason(&self) -> ApiError {
        if self.timed_out.get() {
            ApiError::TimedOut {
                seconds: self.timeout_seconds,
            }
        } else {
            ApiError::Cancelled
        }
    }
}

/// `GET {base}/V4/EmailServer`: what Command Center has now.
pub async fn load_email_server(
    connection: &ApiConnection,
    control: &CallControl,
) -> Result<Baseline, ApiError> {
    let url = connection.url(EMAIL_SERVER_PATH);
    let builder = api_request(Request::get(&url), connection, control);
    let (status, body) = send(builder.build().map_err(not_sent), &url, control).await?;
    interpret_load_response(status, &body)
}

/// `POST` (first configuration) or `PUT` (update) `{base}/V4/EmailServer`.
pub async fn save_email_server(
    connection: &ApiConnection,
    request: &SaveRequest,
    control: &CallControl,
) -> Result<(), ApiError> {
    let url = connection.url(EMAIL_SERVER_PATH);
    let builder = match request {
        SaveRequest::Configure(_) => Request::post(&url),
        SaveRequest::Update(_) => Request::put(&url),
    };
    post_json(
        &url,
        api_request(builder, connection, control),
        request,
        control,
    )
    .await
}

/// `POST {base}/V4/EmailServer/Action/Test`: Command Center sends a test mail with these
/// settings, to the signed-in user's own address, without saving them.
pub async fn send_test_mail(
    connection: &ApiConnection,
    request: &TestMailRequest,
    control: &CallControl,
) -> Result<(), ApiError> {
    let url = connection.url(TEST_MAIL_PATH);
    post_json(
        &url,
        api_request(Request::post(&url), connection, control),
        request,
        control,
    )
    .await
}

/// `POST {base}/Login`: a user name and password for a token. Login carries no token itself.
pub async fn login(
    base_url: &str,
    request: &Credentials,
    control: &CallControl,
) -> Result<Session, LoginError> {
    let url = format!("{}/{LOGIN_PATH}", base_url.trim_end_matches('/'));
    let builder = control.attach(Request::post(&url).header("Accept", "application/json"));
    let (status, body) = send(builder.json(request).map_err(not_sent), &url, control)
        .await
        .map_err(LoginError::Api)?;
    interpret_login_response(status, &body, &request.username)
}

/// `POST {base}/Logout`: ends a Login session. Its answer is not relied upon (the contract says
/// so); only whether the call got through is reported.
pub async fn logout(connection: &ApiConnection, control: &CallControl) -> Result<(), ApiError> {
    let url = connection.url(LOGOUT_PATH);
    let builder = api_request(Request::post(&url), connection, control);
    send(builder.build().map_err(not_sent), &url, control)
        .await
        .map(drop)
}

async fn post_json(
    url: &str,
    builder: RequestBuilder,
    body: &impl Serialize,
    control: &CallControl,
) -> Result<(), ApiError> {
    let (status, body) = send(builder.json(body).map_err(not_sent), url, control).await?;
    interpret_result_response(status, &body)
}

/// The headers every API call carries, and the call's abort signal.
fn api_request(
    builder: RequestBuilder,
    connection: &ApiConnection,
    control: &CallControl,
) -> RequestBuilder {
    control.attach(
        builder
            .header("Accept", "application/json")
            .header("Authtoken", connection.token.expose()),
    )
}

fn not_sent(error: gloo_net::Error) -> ApiError {
    ApiError::RequestNotSent {
        detail: error.to_string(),
    }
}

fn page_origin() -> String {
    window().location().origin().unwrap_or_default()
}

/// Sends under the call's timeout and reads the answer, turning every way of failing into a
/// typed error.
async fn send(
    request: Result<Request, ApiError>,
    url: &str,
    control: &CallControl,
) -> Result<(u16, String), ApiError> {
    let origin = page_origin();
    if is_mixed_content(&origin, url) {
        return Err(ApiError::MixedContent {
            page_origin: origin,
        });
    }
    let request = request?;
    // Cancelled when dropped, with the call's end.
    let _timeout = {
        let (controller, timed_out) = (control.controller.clone(), control.timed_out.clone());
        Timeout::new(control.timeout_seconds.saturating_mul(1000), move || {
            timed_out.set(true);
            if let Some(controller) = controller {
                controller.abort();
            }
        })
    };
    match request.send().await {
        Ok(response) => read(response, control).await,
        Err(error) if is_abort(&error) => Err(control.abort_reason()),
        Err(error) => Err(diagnose(url, &origin, error.to_string()).await),
    }
}

fn is_abort(error: &gloo_net::Error) -> bool {
    matches!(error, gloo_net::Error::JsError(js) if js.name == "AbortError")
}

/// The body, unless it is too large to be an answer of Command Center's: then it is not
/// downloaded at all (and a 200 with such a body is not taken for success).
async fn read(response: Response, control: &CallControl) -> Result<(u16, String), ApiError> {
    let status = response.status();
    let declared_length = response
        .headers()
        .get("content-length")
        .and_then(|length| length.trim().parse::<u64>().ok());
    if declared_length.is_some_and(|length| length > MAX_BODY_BYTES) {
        control.cancel();
        return match status {
            200 => Err(ApiError::UnreadableAnswer { status }),
            _ => Ok((status, String::new())),
        };
    }
    match response.text().await {
        Ok(body) => Ok((status, body)),
        Err(error) if is_abort(&error) => Err(control.abort_reason()),
        // The connection broke midway: the status is the only fact left.
        Err(_) => Err(ApiError::UnreadableAnswer { status }),
    }
}

/// The second opinion comes quickly or not at all: a host that answered nothing to the call
/// itself is not worth waiting for twice.
const PROBE_TIMEOUT_SECONDS: u32 = 5;

/// `fetch` failed with no status. For another origin, a second, opaque request (`no-cors`, which
/// CORS cannot block) tells the two causes apart: if it gets any answer the host is up, so the
/// browser withheld the first answer (CORS); if it fails too, the host is unreachable.
async fn diagnose(url: &str, page_origin: &str, detail: String) -> ApiError {
    if let Some(directive) = csp::blocking_directive(url).await {
        return ApiError::BlockedByPolicy {
            origin: csp::origin_of(url).unwrap_or_else(|| url.to_owned()),
            directive,
        };
    }
    if is_same_origin(page_origin, url) {
        return ApiError::Unreachable { detail };
    }
    let probe_control = CallControl::new(PROBE_TIMEOUT_SECONDS);
    let _timeout = {
        let control = probe_control.clone();
        Timeout::new(PROBE_TIMEOUT_SECONDS * 1000, move || control.cancel())
    };
    let probe = probe_control
        .attach(Request::get(url).mode(RequestMode::NoCors))
        .send()
        .await;
    match probe {
        Ok(_) => ApiError::BlockedByBrowser {
            page_origin: page_origin.to_owned(),
        },
        Err(_) => ApiError::Unreachable { detail },
    }
}

/// Reads `config.json` beside the page, through the same path as the API calls: under a
/// timeout, and with a status and body the core interprets. The request is the one index.html
/// preloads (no header of its own, the default cache mode), so the browser hands over the
/// preload's answer instead of asking a second time; operators edit the file in place, and the
/// server sends it `no-cache`, so that answer is a fresh one.
pub async fn load_runtime_config(control: &CallControl) -> Result<RuntimeConfig, ConfigProblem> {
    let request = control
        .attach(Request::get(CONFIG_URL))
        .build()
        .map_err(not_sent);
    match send(request, CONFIG_URL, control).await {
        Ok((status, body)) => interpret_config_response(status, &body),
        Err(error) => Err(ConfigProblem::Unavailable(error)),
    }
}

/// `GET` a language's catalog file beside the page: its text, or why the page cannot have it.
/// The text is checked by `Translation::parse` before Fluent reads it.
pub async fn load_catalog(url: &str, control: &CallControl) -> Result<String, CatalogProblem> {
    let request = control.attach(Request::get(url)).build().map_err(not_sent);
    match send(request, url, control).await {
        Ok((200, text)) => Ok(text),
        Ok((status, _)) => Err(CatalogProblem::NotLoaded {
            status: Some(status),
        }),
        Err(_) => Err(CatalogProblem::NotLoaded { status: None }),
    }
}
