//! A fake Commvault Command Center: just enough of its REST API for the email server admin
//! page's demo and tests, with the contract in `shared/commandcenter-api.md` checked as strictly
//! as the real server would, every request recorded, and faults that can be injected.
//!
//! # REST surface (under [`API_PREFIX`], `/commandcenter/api`)
//!
//! | method | path | answer |
//! |---|---|---|
//! | `GET` | `/V4/EmailServer` | the stored settings (`{}` when none); never the password |
//! | `POST` | `/V4/EmailServer` | checks the body, stores it, `{"errorMessage": "", "errorCode": 0}` |
//! | `OPTIONS` | any | CORS preflight: any origin; `GET, POST, PUT, OPTIONS`; `Authtoken, Content-Type, Accept` |
//!
//! Paths are matched case-insensitively, as the real server does (`/commandcenter/api/v4/emailserver`
//! works too); they are recorded as received. Every API call needs the header
//! `Authtoken: <token>` with the configured token ([`FakeConfig::token`]); otherwise 401.
//! A body that breaks the contract gets 400 with `{"errorMessage": "...", "errorCode": 400}`
//! whose message names the offending field. Unknown paths get 404, known paths with another
//! method 405. All API answers carry `Access-Control-Allow-Origin: *`.
//!
//! # Control API (under `/__fake`, answered to loopback peers only, never recorded)
//!
//! | method | path | effect |
//! |---|---|---|
//! | `GET` | `/__fake/requests` | JSON array of `{method, path, headers: [[name, value]...], body, status}` |
//! | `DELETE` | `/__fake/requests` | forget the recorded requests |
//! | `PUT` | `/__fake/faults/{endpoint}` | set a fault, body as in [`Fault::from_control_json`] |
//! | `DELETE` | `/__fake/faults/{endpoint}` | clear the fault |
//! | `GET` | `/__fake/settings` | `{"settings": <what GET would answer>, "passwordBase64": <string or null>}` |
//!
//! `{endpoint}` is one of [`Endpoint::name`]: `get-email-server`, `post-email-server`.
//!
//! The loopback check needs the peer address, so the router must be served with
//! `into_make_service_with_connect_info::<SocketAddr>()`; [`serve`] does that. Without the peer
//! address the control API answers 403.
//!
//! ```no_run
//! # async fn demo() -> std::io::Result<()> {
//! use fake_commandcenter::{FakeCommandCenter, FakeConfig};
//! let fake = FakeCommandCenter::new(FakeConfig::default());
//! let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await?;
//! fake_commandcenter::serve(listener, fake.router()).await
//! # }
//! ```

mod api;
mod contract;
mod control;
mod fault;
mod record;

use std::collections::HashMap;
use std::net::SocketAddr;
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};

use axum::Router;

pub use fault::{Endpoint, Fault, FaultBody};
pub use record::RecordedRequest;

/// The token the fake accepts unless configured otherwise.
pub const DEFAULT_TOKEN: &str = "demo-token";

/// Where the REST API lives, as on the real server.
pub const API_PREFIX: &str = "/commandcenter/api";

/// `errorCode` of the fake's own 400 answers (contract violations).
pub const ERROR_CODE_BAD_REQUEST: i64 = 400;
/// `errorCode` of the fake's 401 answers (missing or wrong token).
pub const ERROR_CODE_UNAUTHORIZED: i64 = 401;

#[derive(Clone, Debug)]
pub struct FakeConfig {
    /// The one value of the `Authtoken` header that is accepted.
    pub token: String,
}

impl Default for FakeConfig {
    fn default() -> Self {
        Self {
            token: DEFAULT_TOKEN.to_owned(),
        }
    }
}

/// A handle on one fake server's state; clones share it, so tests keep one while the server
/// runs on another task.
#[derive(Clone)]
pub struct FakeCommandCenter {
    shared: Arc<Shared>,
}

struct Shared {
    config: FakeConfig,
    state: Mutex<State>,
}

#[derive(Default)]
struct State {
    /// Each record carries a private sequence number so that an answer still finds its record
    /// after `clear_requests` or while other requests arrive.
    requests: Vec<(u64, RecordedRequest)>,
    next_request_id: u64,
    settings: Option<api::EmailSettings>,
    faults: HashMap<Endpoint, Fault>,
}

impl FakeCommandCenter {
    pub fn new(config: FakeConfig) -> Self {
        Self {
            shared: Arc::new(Shared {
                config,
                state: Mutex::new(State::default()),
            }),
        }
    }

    /// Whole app: API under `/commandcenter/api/...` (path matched case-insensitively), control
    /// API under `/__fake/...` (loopback peers only), CORS for any origin on the API.
    ///
    /// Serve it with [`serve`] (or `into_make_service_with_connect_info::<SocketAddr>()`):
    /// otherwise the control API cannot see the peer and answers 403.
    pub fn router(&self) -> Router {
        // The API is a single fallback handler rather than axum routes because axum matches
        // paths case-sensitively and the real server does not.
        let api = Router::new().fallback(api::handle).with_state(self.clone());
        Router::new()
            .nest("/__fake", control::router(self.clone()))
            .fallback_service(api)
    }

    /// Every request received, in arrival order (CORS preflights too, control API excluded).
    /// A request still being answered (e.g. under a `Delay` fault) shows status 0 until then.
    pub fn requests(&self) -> Vec<RecordedRequest> {
        self.lock()
            .requests
            .iter()
            .map(|(_, request)| request.clone())
            .collect()
    }

    pub fn clear_requests(&self) {
        self.lock().requests.clear();
    }

    /// What `GET /V4/EmailServer` would answer now (`{}` when nothing is configured).
    pub fn stored_settings(&self) -> serde_json::Value {
        api::settings_json(self.lock().settings.as_ref())
    }

    /// The stored password exactly as the client sent it (base64), if any.
    pub fn stored_password_base64(&self) -> Option<String> {
        self.lock()
            .settings
            .as_ref()
            .and_then(|settings| settings.password_base64.clone())
    }

    /// Sets (or with `None` clears) the fault for one endpoint; it stays until cleared.
    pub fn set_fault(&self, endpoint: Endpoint, fault: Option<Fault>) {
        let mut state = self.lock();
        match fault {
            Some(fault) => state.faults.insert(endpoint, fault),
            None => state.faults.remove(&endpoint),
        };
    }

    /// The fault currently set for `endpoint`.
    pub fn fault(&self, endpoint: Endpoint) -> Option<Fault> {
        self.lock().faults.get(&endpoint).cloned()
    }

    /// Binds `127.0.0.1:0`, serves this fake there on a spawned task (until the runtime ends),
    /// and returns the address; the API base URL is `http://{addr}/commandcenter/api`.
    pub async fn spawn_local(&self) -> std::io::Result<SocketAddr> {
        let listener = tokio::net::TcpListener::bind((std::net::Ipv4Addr::LOCALHOST, 0)).await?;
        let addr = listener.local_addr()?;
        tokio::spawn(serve(listener, self.router()));
        Ok(addr)
    }

    fn record_arrival(&self, request: RecordedRequest) -> u64 {
        let mut state = self.lock();
        let id = state.next_request_id;
        state.next_request_id += 1;
        state.requests.push((id, request));
        id
    }

    fn record_status(&self, id: u64, status: u16) {
        if let Some((_, request)) = self.lock().requests.iter_mut().find(|(key, _)| *key == id) {
            request.status = status;
        }
    }

    fn store_settings(&self, settings: api::EmailSettings) {
        self.lock().settings = Some(settings);
    }

    fn token(&self) -> &str {
        &self.shared.config.token
    }

    fn lock(&self) -> MutexGuard<'_, State> {
        // A panic while holding the lock cannot leave the plain data inconsistent in a way
        // that matters to a test double, so keep serving rather than cascade the panic.
        self.shared
            .state
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
    }
}

/// Serves `router` on `listener` with the peer address attached to every request, which the
/// loopback-only control API needs. Runs until the listener fails.
pub async fn serve(listener: tokio::net::TcpListener, router: Router) -> std::io::Result<()> {
    axum::serve(
        listener,
        router.into_make_service_with_connect_info::<SocketAddr>(),
    )
    .await
}
